// SPDX-License-Identifier: BSD-2-Clause
//! `sys/sys/errno.h`: FreeBSD errno values, positive, as `i32` (the type of
//! `nlmsgerr.error` and of the `NLMSG_DONE` payload). FreeBSD's netlink reports them
//! positive; Linux negates its own numbering.

/// FreeBSD: sys/sys/errno.h; i32, "Operation not permitted".
pub const EPERM: i32 = 1;
/// FreeBSD: sys/sys/errno.h; i32, "No such file or directory".
pub const ENOENT: i32 = 2;
/// FreeBSD: sys/sys/errno.h; i32, "No such process".
pub const ESRCH: i32 = 3;
/// FreeBSD: sys/sys/errno.h; i32, "Interrupted system call".
pub const EINTR: i32 = 4;
/// FreeBSD: sys/sys/errno.h; i32, "Input/output error".
pub const EIO: i32 = 5;
/// FreeBSD: sys/sys/errno.h; i32, "Device not configured".
pub const ENXIO: i32 = 6;
/// FreeBSD: sys/sys/errno.h; i32, "Argument list too long".
pub const E2BIG: i32 = 7;
/// FreeBSD: sys/sys/errno.h; i32, "Exec format error".
pub const ENOEXEC: i32 = 8;
/// FreeBSD: sys/sys/errno.h; i32, "Bad file descriptor".
pub const EBADF: i32 = 9;
/// FreeBSD: sys/sys/errno.h; i32, "No child processes".
pub const ECHILD: i32 = 10;
/// FreeBSD: sys/sys/errno.h; i32, "Resource deadlock avoided".
pub const EDEADLK: i32 = 11;
/// FreeBSD: sys/sys/errno.h; i32, "Cannot allocate memory".
pub const ENOMEM: i32 = 12;
/// FreeBSD: sys/sys/errno.h; i32, "Permission denied".
pub const EACCES: i32 = 13;
/// FreeBSD: sys/sys/errno.h; i32, "Bad address".
pub const EFAULT: i32 = 14;
/// FreeBSD: sys/sys/errno.h; i32, "Block device required".
pub const ENOTBLK: i32 = 15;
/// FreeBSD: sys/sys/errno.h; i32, "Device busy".
pub const EBUSY: i32 = 16;
/// FreeBSD: sys/sys/errno.h; i32, "File exists".
pub const EEXIST: i32 = 17;
/// FreeBSD: sys/sys/errno.h; i32, "Cross-device link".
pub const EXDEV: i32 = 18;
/// FreeBSD: sys/sys/errno.h; i32, "Operation not supported by device".
pub const ENODEV: i32 = 19;
/// FreeBSD: sys/sys/errno.h; i32, "Not a directory".
pub const ENOTDIR: i32 = 20;
/// FreeBSD: sys/sys/errno.h; i32, "Is a directory".
pub const EISDIR: i32 = 21;
/// FreeBSD: sys/sys/errno.h; i32, "Invalid argument".
pub const EINVAL: i32 = 22;
/// FreeBSD: sys/sys/errno.h; i32, "Too many open files in system".
pub const ENFILE: i32 = 23;
/// FreeBSD: sys/sys/errno.h; i32, "Too many open files".
pub const EMFILE: i32 = 24;
/// FreeBSD: sys/sys/errno.h; i32, "Inappropriate ioctl for device".
pub const ENOTTY: i32 = 25;
/// FreeBSD: sys/sys/errno.h; i32, "Text file busy".
pub const ETXTBSY: i32 = 26;
/// FreeBSD: sys/sys/errno.h; i32, "File too large".
pub const EFBIG: i32 = 27;
/// FreeBSD: sys/sys/errno.h; i32, "No space left on device".
pub const ENOSPC: i32 = 28;
/// FreeBSD: sys/sys/errno.h; i32, "Illegal seek".
pub const ESPIPE: i32 = 29;
/// FreeBSD: sys/sys/errno.h; i32, "Read-only file system".
pub const EROFS: i32 = 30;
/// FreeBSD: sys/sys/errno.h; i32, "Too many links".
pub const EMLINK: i32 = 31;
/// FreeBSD: sys/sys/errno.h; i32, "Broken pipe".
pub const EPIPE: i32 = 32;
/// FreeBSD: sys/sys/errno.h; i32, "Numerical argument out of domain".
pub const EDOM: i32 = 33;
/// FreeBSD: sys/sys/errno.h; i32, "Result too large".
pub const ERANGE: i32 = 34;
/// FreeBSD: sys/sys/errno.h; i32, "Resource temporarily unavailable".
pub const EAGAIN: i32 = 35;
/// FreeBSD: sys/sys/errno.h; i32, alias of `EAGAIN`.
pub const EWOULDBLOCK: i32 = EAGAIN;
/// FreeBSD: sys/sys/errno.h; i32, "Operation now in progress".
pub const EINPROGRESS: i32 = 36;
/// FreeBSD: sys/sys/errno.h; i32, "Operation already in progress".
pub const EALREADY: i32 = 37;
/// FreeBSD: sys/sys/errno.h; i32, "Socket operation on non-socket".
pub const ENOTSOCK: i32 = 38;
/// FreeBSD: sys/sys/errno.h; i32, "Destination address required".
pub const EDESTADDRREQ: i32 = 39;
/// FreeBSD: sys/sys/errno.h; i32, "Message too long".
pub const EMSGSIZE: i32 = 40;
/// FreeBSD: sys/sys/errno.h; i32, "Protocol wrong type for socket".
pub const EPROTOTYPE: i32 = 41;
/// FreeBSD: sys/sys/errno.h; i32, "Protocol not available".
pub const ENOPROTOOPT: i32 = 42;
/// FreeBSD: sys/sys/errno.h; i32, "Protocol not supported".
pub const EPROTONOSUPPORT: i32 = 43;
/// FreeBSD: sys/sys/errno.h; i32, "Socket type not supported".
pub const ESOCKTNOSUPPORT: i32 = 44;
/// FreeBSD: sys/sys/errno.h; i32, "Operation not supported".
pub const EOPNOTSUPP: i32 = 45;
/// FreeBSD: sys/sys/errno.h; i32, alias of `EOPNOTSUPP` (native route handlers return it).
pub const ENOTSUP: i32 = EOPNOTSUPP;
/// FreeBSD: sys/sys/errno.h; i32, "Protocol family not supported".
pub const EPFNOSUPPORT: i32 = 46;
/// FreeBSD: sys/sys/errno.h; i32, "Address family not supported by protocol family".
pub const EAFNOSUPPORT: i32 = 47;
/// FreeBSD: sys/sys/errno.h; i32, "Address already in use".
pub const EADDRINUSE: i32 = 48;
/// FreeBSD: sys/sys/errno.h; i32, "Can't assign requested address".
pub const EADDRNOTAVAIL: i32 = 49;
/// FreeBSD: sys/sys/errno.h; i32, "Network is down".
pub const ENETDOWN: i32 = 50;
/// FreeBSD: sys/sys/errno.h; i32, "Network is unreachable".
pub const ENETUNREACH: i32 = 51;
/// FreeBSD: sys/sys/errno.h; i32, "Network dropped connection on reset".
pub const ENETRESET: i32 = 52;
/// FreeBSD: sys/sys/errno.h; i32, "Software caused connection abort".
pub const ECONNABORTED: i32 = 53;
/// FreeBSD: sys/sys/errno.h; i32, "Connection reset by peer".
pub const ECONNRESET: i32 = 54;
/// FreeBSD: sys/sys/errno.h; i32, "No buffer space available".
pub const ENOBUFS: i32 = 55;
/// FreeBSD: sys/sys/errno.h; i32, "Socket is already connected".
pub const EISCONN: i32 = 56;
/// FreeBSD: sys/sys/errno.h; i32, "Socket is not connected".
pub const ENOTCONN: i32 = 57;
/// FreeBSD: sys/sys/errno.h; i32, "Can't send after socket shutdown".
pub const ESHUTDOWN: i32 = 58;
/// FreeBSD: sys/sys/errno.h; i32, "Too many references: can't splice".
pub const ETOOMANYREFS: i32 = 59;
/// FreeBSD: sys/sys/errno.h; i32, "Operation timed out".
pub const ETIMEDOUT: i32 = 60;
/// FreeBSD: sys/sys/errno.h; i32, "Connection refused".
pub const ECONNREFUSED: i32 = 61;
/// FreeBSD: sys/sys/errno.h; i32, "Too many levels of symbolic links".
pub const ELOOP: i32 = 62;
/// FreeBSD: sys/sys/errno.h; i32, "File name too long".
pub const ENAMETOOLONG: i32 = 63;
/// FreeBSD: sys/sys/errno.h; i32, "Host is down".
pub const EHOSTDOWN: i32 = 64;
/// FreeBSD: sys/sys/errno.h; i32, "No route to host".
pub const EHOSTUNREACH: i32 = 65;
/// FreeBSD: sys/sys/errno.h; i32, "Directory not empty".
pub const ENOTEMPTY: i32 = 66;
/// FreeBSD: sys/sys/errno.h; i32, "Too many processes".
pub const EPROCLIM: i32 = 67;
/// FreeBSD: sys/sys/errno.h; i32, "Too many users".
pub const EUSERS: i32 = 68;
/// FreeBSD: sys/sys/errno.h; i32, "Disc quota exceeded".
pub const EDQUOT: i32 = 69;
/// FreeBSD: sys/sys/errno.h; i32, "Stale NFS file handle".
pub const ESTALE: i32 = 70;
/// FreeBSD: sys/sys/errno.h; i32, "Too many levels of remote in path".
pub const EREMOTE: i32 = 71;
/// FreeBSD: sys/sys/errno.h; i32, "RPC struct is bad".
pub const EBADRPC: i32 = 72;
/// FreeBSD: sys/sys/errno.h; i32, "RPC version wrong".
pub const ERPCMISMATCH: i32 = 73;
/// FreeBSD: sys/sys/errno.h; i32, "RPC program not available".
pub const EPROGUNAVAIL: i32 = 74;
/// FreeBSD: sys/sys/errno.h; i32, "Program version wrong".
pub const EPROGMISMATCH: i32 = 75;
/// FreeBSD: sys/sys/errno.h; i32, "Bad procedure for program".
pub const EPROCUNAVAIL: i32 = 76;
/// FreeBSD: sys/sys/errno.h; i32, "No locks available".
pub const ENOLCK: i32 = 77;
/// FreeBSD: sys/sys/errno.h; i32, "Function not implemented".
pub const ENOSYS: i32 = 78;
/// FreeBSD: sys/sys/errno.h; i32, "Inappropriate file type or format".
pub const EFTYPE: i32 = 79;
/// FreeBSD: sys/sys/errno.h; i32, "Authentication error".
pub const EAUTH: i32 = 80;
/// FreeBSD: sys/sys/errno.h; i32, "Need authenticator".
pub const ENEEDAUTH: i32 = 81;
/// FreeBSD: sys/sys/errno.h; i32, "Identifier removed".
pub const EIDRM: i32 = 82;
/// FreeBSD: sys/sys/errno.h; i32, "No message of desired type".
pub const ENOMSG: i32 = 83;
/// FreeBSD: sys/sys/errno.h; i32, "Value too large to be stored in data type".
pub const EOVERFLOW: i32 = 84;
/// FreeBSD: sys/sys/errno.h; i32, "Operation canceled".
pub const ECANCELED: i32 = 85;
/// FreeBSD: sys/sys/errno.h; i32, "Illegal byte sequence".
pub const EILSEQ: i32 = 86;
/// FreeBSD: sys/sys/errno.h; i32, "Attribute not found".
pub const ENOATTR: i32 = 87;
/// FreeBSD: sys/sys/errno.h; i32, "Programming error".
pub const EDOOFUS: i32 = 88;
/// FreeBSD: sys/sys/errno.h; i32, "Bad message".
pub const EBADMSG: i32 = 89;
/// FreeBSD: sys/sys/errno.h; i32, "Multihop attempted".
pub const EMULTIHOP: i32 = 90;
/// FreeBSD: sys/sys/errno.h; i32, "Link has been severed".
pub const ENOLINK: i32 = 91;
/// FreeBSD: sys/sys/errno.h; i32, "Protocol error".
pub const EPROTO: i32 = 92;
/// FreeBSD: sys/sys/errno.h; i32, "Capabilities insufficient".
pub const ENOTCAPABLE: i32 = 93;
/// FreeBSD: sys/sys/errno.h; i32, "Not permitted in capability mode".
pub const ECAPMODE: i32 = 94;
/// FreeBSD: sys/sys/errno.h; i32, "State not recoverable".
pub const ENOTRECOVERABLE: i32 = 95;
/// FreeBSD: sys/sys/errno.h; i32, "Previous owner died".
pub const EOWNERDEAD: i32 = 96;
/// FreeBSD: sys/sys/errno.h; i32, "Integrity check failed".
pub const EINTEGRITY: i32 = 97;
/// FreeBSD: sys/sys/errno.h; i32, the largest errno (`linux_errno.inc` asserts 97).
pub const ELAST: i32 = 97;
