// SPDX-License-Identifier: BSD-2-Clause
//! Every system call the runner makes that needs `unsafe`, behind safe wrappers.
//!
//! This is the only module of the crate allowed to use `unsafe` (it carries the crate's single
//! `#[expect(unsafe_code)]`). Each wrapper takes and returns owned Rust values and reports
//! failures as [`io::Error`] built from `errno`; callers never see raw pointers.
//!
//! Facts behind the calls (seccomp user notification, `pidfd_getfd`, `kcmp`, `process_vm_*`)
//! are in `seccomp_unotify(2)`, `pidfd_getfd(2)` and `kcmp(2)` and were measured here
//! (`cli/README.md`, `docs/sources.md`); the structures are Linux's
//! `include/uapi/linux/seccomp.h`, `filter.h`, `kcmp.h` and `netlink.h`, as exported by `libc`.
#![expect(
    clippy::as_conversions,
    reason = "FFI glue: C integer widths differ from Rust's (c_int, size_t, u64 syscall args)"
)]
#![expect(
    clippy::arithmetic_side_effects,
    reason = "FFI glue: size computations for C structures of fixed, small sizes"
)]

mod cred;
mod filter;
mod net;
mod proc;

pub(crate) use cred::{netlink_socket_as, send_as, Creds};
pub(crate) use filter::{fd_base, spawn_traced, Spawned};
pub(crate) use net::{
    getsockopt_int, is_nonblock, netlink_bind, netlink_getsockname, netlink_socket, rcvtimeo,
    recv_netlink_sized, recv_netlink_with, recv_seqpacket, rmem_alloc, send_seqpacket,
    send_to_kernel, sendto_kernel, set_nonblock, setsockopt_int, socketpair_seqpacket,
};
pub(crate) use proc::{
    block_signals, kill, kill_children, pidfd_open, private_mounts, read_signal, set_subreaper,
    signalfd, unshare_net, wait_any, Epoll, WaitResult,
};

use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};

/// Turn a C return value into `io::Result`, reading `errno` on `-1`.
fn cvt(ret: libc::c_long) -> io::Result<libc::c_long> {
    if ret < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(ret)
    }
}

/// Same as [`cvt`] for `c_int` returns.
fn cvt_int(ret: libc::c_int) -> io::Result<libc::c_int> {
    if ret < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(ret)
    }
}

/// Wrap a freshly returned descriptor.
fn owned(fd: libc::c_int) -> io::Result<OwnedFd> {
    let fd = cvt_int(fd)?;
    // SAFETY: `fd` was just returned by the kernel as a new descriptor owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// One seccomp user notification: a syscall a tracee thread is blocked in.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Notif {
    /// Cookie identifying the notification (`seccomp_notif.id`).
    pub(crate) id: u64,
    /// Thread id of the caller, in the supervisor's pid namespace.
    pub(crate) tid: u32,
    /// System call number (x86_64 numbering).
    pub(crate) nr: i64,
    /// The six raw arguments.
    pub(crate) args: [u64; 6],
}

/// The seccomp listener descriptor of the tracee tree.
#[derive(Debug)]
pub(crate) struct Listener(OwnedFd);

impl Listener {
    /// The raw descriptor, for epoll.
    pub(crate) fn raw(&self) -> RawFd {
        self.0.as_raw_fd()
    }

    /// `SECCOMP_IOCTL_NOTIF_SET_FLAGS(SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP)` (Linux 6.6+): wake the
    /// supervisor synchronously, on the notifying thread's CPU. Best effort.
    pub(crate) fn set_sync_wakeup(&self) -> bool {
        /// `SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP` (`include/uapi/linux/seccomp.h`).
        const SYNC_WAKE_UP: u64 = 1;
        // SAFETY: this ioctl takes its argument by value; no memory is passed.
        let ret = unsafe {
            libc::ioctl(
                self.0.as_raw_fd(),
                libc::SECCOMP_IOCTL_NOTIF_SET_FLAGS,
                SYNC_WAKE_UP,
            )
        };
        ret == 0
    }

    /// `SECCOMP_IOCTL_NOTIF_RECV`. `ENOENT` means the caller died before we read it.
    pub(crate) fn recv(&self) -> io::Result<Notif> {
        // SAFETY: seccomp_notif is plain old data; the kernel requires it zeroed on input.
        let mut n: libc::seccomp_notif = unsafe { std::mem::zeroed() };
        // SAFETY: the ioctl writes one `seccomp_notif` into `n`, which lives for the call.
        let ret = unsafe {
            libc::ioctl(
                self.0.as_raw_fd(),
                libc::SECCOMP_IOCTL_NOTIF_RECV,
                std::ptr::addr_of_mut!(n),
            )
        };
        cvt_int(ret)?;
        Ok(Notif {
            id: n.id,
            tid: n.pid,
            nr: i64::from(n.data.nr),
            args: n.data.args,
        })
    }

    /// `SECCOMP_IOCTL_NOTIF_SEND`: the syscall returns `val`, or fails with `errno` when non-zero,
    /// or (with `cont`) really runs in the tracee.
    pub(crate) fn respond(&self, id: u64, val: i64, errno: i32, cont: bool) -> io::Result<()> {
        let mut r = libc::seccomp_notif_resp {
            id,
            val: if errno == 0 { val } else { 0 },
            error: errno.checked_neg().unwrap_or(i32::MIN),
            flags: if cont {
                libc::SECCOMP_USER_NOTIF_FLAG_CONTINUE as u32
            } else {
                0
            },
        };
        // SAFETY: the ioctl reads one `seccomp_notif_resp` from `r`, which lives for the call.
        let ret = unsafe {
            libc::ioctl(
                self.0.as_raw_fd(),
                libc::SECCOMP_IOCTL_NOTIF_SEND,
                std::ptr::addr_of_mut!(r),
            )
        };
        cvt_int(ret).map(|_| ())
    }

    /// `SECCOMP_IOCTL_NOTIF_ID_VALID`: is the caller still blocked in this notification?
    pub(crate) fn id_valid(&self, id: u64) -> bool {
        let mut id = id;
        // SAFETY: the ioctl reads one u64 from `id`, which lives for the call.
        let ret = unsafe {
            libc::ioctl(
                self.0.as_raw_fd(),
                libc::SECCOMP_IOCTL_NOTIF_ID_VALID,
                std::ptr::addr_of_mut!(id),
            )
        };
        ret == 0
    }

    /// `SECCOMP_IOCTL_NOTIF_ADDFD` with `SECCOMP_ADDFD_FLAG_SEND`: install a copy of `fd` in the
    /// caller at its lowest free descriptor and answer the syscall with that number, atomically.
    pub(crate) fn addfd_send(&self, id: u64, fd: BorrowedFd<'_>, cloexec: bool) -> io::Result<i32> {
        self.addfd(id, fd, None, cloexec)
    }

    /// As [`Listener::addfd_send`], at descriptor `at` when given
    /// (`SECCOMP_ADDFD_FLAG_SETFD`: like `dup2`, it replaces what `at` held).
    pub(crate) fn addfd(
        &self,
        id: u64,
        fd: BorrowedFd<'_>,
        at: Option<u32>,
        cloexec: bool,
    ) -> io::Result<i32> {
        let setfd = if at.is_some() {
            libc::SECCOMP_ADDFD_FLAG_SETFD as u32
        } else {
            0
        };
        let mut a = libc::seccomp_notif_addfd {
            id,
            flags: libc::SECCOMP_ADDFD_FLAG_SEND as u32 | setfd,
            srcfd: fd.as_raw_fd() as u32,
            newfd: at.unwrap_or(0),
            newfd_flags: if cloexec { libc::O_CLOEXEC as u32 } else { 0 },
        };
        // SAFETY: the ioctl reads one `seccomp_notif_addfd` from `a`, which lives for the call.
        let ret = unsafe {
            libc::ioctl(
                self.0.as_raw_fd(),
                libc::SECCOMP_IOCTL_NOTIF_ADDFD,
                std::ptr::addr_of_mut!(a),
            )
        };
        cvt_int(ret)
    }
}

/// Read `len` bytes at `addr` in thread `tid` (`process_vm_readv`); short reads are `EFAULT`.
pub(crate) fn read_mem(tid: u32, addr: u64, len: usize) -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; len];
    if len == 0 {
        return Ok(buf);
    }
    let local = libc::iovec {
        iov_base: buf.as_mut_ptr().cast(),
        iov_len: len,
    };
    let remote = libc::iovec {
        iov_base: addr as *mut libc::c_void,
        iov_len: len,
    };
    // SAFETY: `local` describes `buf`, writable for `len` bytes; `remote` is only interpreted
    // by the kernel in the other process's address space.
    let n = unsafe { libc::process_vm_readv(tid as libc::pid_t, &local, 1, &remote, 1, 0) };
    let n = cvt(n as libc::c_long)?;
    if n as usize != len {
        return Err(io::Error::from_raw_os_error(libc::EFAULT));
    }
    Ok(buf)
}

/// The NUL-terminated string at `addr` in thread `tid`, without the NUL, read page by page
/// (a string may end just before an unmapped page); `ENAMETOOLONG` past `max` bytes.
pub(crate) fn read_cstr(tid: u32, addr: u64, max: usize) -> io::Result<Vec<u8>> {
    const PAGE: u64 = 4096;
    let mut out = Vec::new();
    let mut at = addr;
    while out.len() < max {
        let chunk = (PAGE - at % PAGE) as usize;
        let b = read_mem(tid, at, chunk)?;
        if let Some(end) = b.iter().position(|&c| c == 0) {
            out.extend_from_slice(b.get(..end).unwrap_or(&[]));
            return Ok(out);
        }
        out.extend_from_slice(&b);
        at = at
            .checked_add(chunk as u64)
            .ok_or_else(|| io::Error::from_raw_os_error(libc::EFAULT))?;
    }
    Err(io::Error::from_raw_os_error(libc::ENAMETOOLONG))
}

/// Write `data` at `addr` in thread `tid` (`process_vm_writev`); short writes are `EFAULT`.
pub(crate) fn write_mem(tid: u32, addr: u64, data: &[u8]) -> io::Result<()> {
    if data.is_empty() {
        return Ok(());
    }
    let local = libc::iovec {
        iov_base: data.as_ptr() as *mut libc::c_void,
        iov_len: data.len(),
    };
    let remote = libc::iovec {
        iov_base: addr as *mut libc::c_void,
        iov_len: data.len(),
    };
    // SAFETY: `local` describes `data`, readable for its length (the kernel only reads it);
    // `remote` is interpreted in the other process's address space.
    let n = unsafe { libc::process_vm_writev(tid as libc::pid_t, &local, 1, &remote, 1, 0) };
    let n = cvt(n as libc::c_long)?;
    if n as usize != data.len() {
        return Err(io::Error::from_raw_os_error(libc::EFAULT));
    }
    Ok(())
}

/// Inode of the socket that descriptor `fd` of thread `tid` refers to (one `stat` of the
/// `/proc/TID/fd/FD` link, which follows it to the open file); `None` when it is not open or
/// not a socket.
pub(crate) fn socket_inode(tid: u32, fd: i32) -> Option<u64> {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let m = std::fs::metadata(format!("/proc/{tid}/fd/{fd}")).ok()?;
    m.file_type().is_socket().then(|| m.ino())
}

/// Whether descriptor `fd` of thread `tid` is open.
pub(crate) fn fd_open(tid: u32, fd: u32) -> bool {
    std::fs::symlink_metadata(format!("/proc/{tid}/fd/{fd}")).is_ok()
}

/// The supervisor's pid, fetched once (kcmp needs it on every lookup).
fn own_pid() -> libc::pid_t {
    static PID: std::sync::OnceLock<libc::pid_t> = std::sync::OnceLock::new();
    // SAFETY: getpid(2) has no preconditions.
    *PID.get_or_init(|| unsafe { libc::getpid() })
}

/// `KCMP_FILE` from `include/uapi/linux/kcmp.h`.
const KCMP_FILE: libc::c_long = 0;

/// Does descriptor `tracee_fd` of thread `tid` refer to the same open file as our `ours`?
pub(crate) fn same_file(tid: u32, tracee_fd: i32, ours: BorrowedFd<'_>) -> bool {
    // SAFETY: kcmp only compares kernel objects; all arguments are plain integers.
    let ret = unsafe {
        libc::syscall(
            libc::SYS_kcmp,
            libc::c_long::from(own_pid()),
            libc::c_long::from(tid),
            KCMP_FILE,
            libc::c_long::from(ours.as_raw_fd()),
            libc::c_long::from(tracee_fd),
        )
    };
    ret == 0
}

/// Address family (`SO_DOMAIN`) of descriptor `fd` in process `pid` (a thread-group id), or
/// `None` when it is not a socket. Takes a temporary copy with `pidfd_getfd`.
pub(crate) fn socket_domain(pid: u32, fd: i32) -> Option<i32> {
    // SAFETY: plain syscalls on integers; returned descriptors are wrapped at once.
    let pidfd =
        owned(unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) } as libc::c_int).ok()?;
    // SAFETY: as above.
    let copy = owned(
        unsafe { libc::syscall(libc::SYS_pidfd_getfd, pidfd.as_raw_fd(), fd, 0) } as libc::c_int,
    )
    .ok()?;
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `v`/`len` are live and describe an int-sized buffer.
    let r = unsafe {
        libc::getsockopt(
            copy.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_DOMAIN,
            std::ptr::addr_of_mut!(v).cast(),
            &mut len,
        )
    };
    (r == 0).then_some(v)
}

/// The runner's effective user id (the FreeBSD model grants modifications to uid 0).
pub(crate) fn euid() -> u32 {
    // SAFETY: geteuid(2) takes no arguments, cannot fail and touches no memory of ours.
    unsafe { libc::geteuid() }
}

/// `fstatat(AT_FDCWD, path, buf, flags)` in the runner: the raw `struct stat` bytes, to hand
/// to a program that asked about a path the runner serves.
pub(crate) fn stat_bytes(path: &std::path::Path, flags: i32) -> io::Result<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes())
        .map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    let mut st = std::mem::MaybeUninit::<libc::stat>::zeroed();
    // SAFETY: `c` is a valid C string and `st` a writable `struct stat` for the call.
    let r = unsafe { libc::fstatat(libc::AT_FDCWD, c.as_ptr(), st.as_mut_ptr(), flags) };
    cvt_int(r)?;
    // SAFETY: `st` was zero-initialised and filled by the kernel; viewing a plain C struct
    // as bytes for its whole size is sound.
    let bytes = unsafe {
        std::slice::from_raw_parts(st.as_ptr().cast::<u8>(), std::mem::size_of::<libc::stat>())
    };
    Ok(bytes.to_vec())
}

/// `statx(AT_FDCWD, path, flags, mask)` in the runner: the raw `struct statx` bytes.
pub(crate) fn statx_bytes(path: &std::path::Path, flags: i32, mask: u32) -> io::Result<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes())
        .map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    let mut st = std::mem::MaybeUninit::<libc::statx>::zeroed();
    // SAFETY: `c` is a valid C string and `st` a writable `struct statx` for the call.
    let r = unsafe { libc::statx(libc::AT_FDCWD, c.as_ptr(), flags, mask, st.as_mut_ptr()) };
    cvt_int(r)?;
    // SAFETY: as in `stat_bytes`.
    let bytes = unsafe {
        std::slice::from_raw_parts(st.as_ptr().cast::<u8>(), std::mem::size_of::<libc::statx>())
    };
    Ok(bytes.to_vec())
}
