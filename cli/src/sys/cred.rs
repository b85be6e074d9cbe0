// SPDX-License-Identifier: BSD-2-Clause
//! Credentials of a program's thread, and netlink sockets created with them.
//!
//! Linux fixes a socket's credentials when it is created: `socket(2)` gives the new file the
//! caller's `struct cred` (`file->f_cred`, `alloc_file_pseudo()` in `fs/file_table.c`), and the
//! socket inode's owner is the caller's fsuid (`sock_alloc()` in `net/socket.c`). Netlink's
//! permission checks read those file credentials: `__netlink_ns_capable()` in
//! `net/netlink/af_netlink.c` asks `file_ns_capable(nsp->sk->sk_socket->file, user_ns, cap)`
//! for the sending socket (and `ns_capable()` for the sending task), which rtnetlink
//! (`netlink_net_capable(skb, CAP_NET_ADMIN)` in `net/core/rtnetlink.c`, `rtnetlink_rcv_msg()`
//! for every request type but the `GET`s), `net/ipv4/devinet.c`, `fib_frontend.c` and generic
//! netlink (`GENL_ADMIN_PERM` / `GENL_UNS_ADMIN_PERM`, `net/netlink/genetlink.c`) rely on.
//! `file_ns_capable()` (`kernel/capability.c`) goes to `cap_capable()`
//! (`security/commoncap.c`): the effective capabilities of the credentials, in their user
//! namespace (or ownership of the target namespace by their euid).
//!
//! Which of the two counts depends on the send: `netlink_sendmsg()` marks a datagram sent to
//! an explicit address `NETLINK_SKB_DST`, and then only the sending task is checked; without
//! an address both the socket file and the task must be capable. Handlers also read the task
//! itself (`current_uid()` as `RTA_UID` of `RTM_GETROUTE`, `inet_rtm_getroute()` in
//! `net/ipv4/route.c`).
//!
//! So the Linux backend acts as the program's thread where it differs from the runner: a
//! short-lived child of the runner enters the thread's user namespace (when it is another
//! one), takes its user and group ids, supplementary groups and capability sets as
//! `/proc/TID/status` shows them (`proc_pid_status()`, `fs/proc/array.c`), and then either
//! creates the `AF_NETLINK` socket in the runner's (the oracle's) network namespace and
//! passes it back with `SCM_RIGHTS` ([`netlink_socket_as`]), or sends a request on the
//! inherited mirror socket, with an address when the program gave one ([`send_as`]): the
//! request runs synchronously in that `sendmsg`, so its answers are queued on the mirror when
//! the child is done.

use super::{cvt_int, owned, send_to_kernel, sendto_kernel, socketpair_seqpacket};
use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::fs::MetadataExt;

/// A thread's credentials, as the runner reads them (ids in the runner's user namespace).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Creds {
    /// Real, effective, saved and filesystem user ids (`Uid:` of `/proc/TID/status`).
    pub(crate) uid: [u32; 4],
    /// The same for group ids (`Gid:`).
    pub(crate) gid: [u32; 4],
    /// Supplementary groups (`Groups:`).
    pub(crate) groups: Vec<u32>,
    /// Inheritable, permitted and effective capability sets (`CapInh:`, `CapPrm:`, `CapEff:`),
    /// in the thread's own user namespace.
    pub(crate) caps: [u64; 3],
    /// The user namespace (device and inode of `/proc/TID/ns/user`).
    pub(crate) userns: (u64, u64),
}

fn bad(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("/proc status: {what}"))
}

fn ids4(v: &str, what: &str) -> io::Result<[u32; 4]> {
    let mut out = [0u32; 4];
    let mut it = v.split_whitespace();
    for o in &mut out {
        *o = it
            .next()
            .and_then(|x| x.parse().ok())
            .ok_or_else(|| bad(what))?;
    }
    Ok(out)
}

impl Creds {
    /// Parse the text of a `/proc/TID/status` file (the user namespace is filled in by the
    /// caller).
    pub(crate) fn parse_status(text: &str) -> io::Result<Creds> {
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name))
                .ok_or_else(|| bad(name))
        };
        let cap = |name: &str| {
            field(name).and_then(|v| u64::from_str_radix(v.trim(), 16).map_err(|_| bad(name)))
        };
        let groups = field("Groups:")?
            .split_whitespace()
            .map(|g| g.parse().map_err(|_| bad("Groups:")))
            .collect::<io::Result<Vec<u32>>>()?;
        Ok(Creds {
            uid: ids4(field("Uid:")?, "Uid:")?,
            gid: ids4(field("Gid:")?, "Gid:")?,
            groups,
            caps: [cap("CapInh:")?, cap("CapPrm:")?, cap("CapEff:")?],
            userns: (0, 0),
        })
    }

    /// The credentials of thread `tid` (`"thread-self"` for the caller's own thread).
    pub(crate) fn of(tid: &str) -> io::Result<Creds> {
        let text = std::fs::read_to_string(format!("/proc/{tid}/status"))?;
        let mut c = Creds::parse_status(&text)?;
        let m = std::fs::metadata(format!("/proc/{tid}/ns/user"))?;
        c.userns = (m.dev(), m.ino());
        Ok(c)
    }

    /// The effective user id.
    pub(crate) fn euid(&self) -> u32 {
        self.uid[1]
    }
}

/// One line set of `/proc/PID/uid_map` or `gid_map` read from the initial user namespace:
/// `(inside, outside, count)`, outside ids being the kernel's (`proc_id_map_show()` in
/// `kernel/user_namespace.c` prints them relative to the reader's namespace).
fn parse_map(text: &str) -> Vec<(u32, u32, u32)> {
    text.lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace().map(|x| x.parse::<u32>().ok());
            Some((it.next()??, it.next()??, it.next()??))
        })
        .collect()
}

/// `id` (as the runner sees it) inside the namespace `map` describes; unmapped ids stay as
/// they are (the helper then keeps its own, equally unmapped, id).
fn map_in(map: &[(u32, u32, u32)], id: u32) -> Option<u32> {
    map.iter().find_map(|&(inside, outside, count)| {
        let off = id.checked_sub(outside)?;
        (off < count).then(|| inside.checked_add(off)).flatten()
    })
}

/// What the helper child does with the credentials.
#[derive(Clone, Copy)]
enum Action<'a> {
    /// Create a netlink socket of this protocol and pass it back.
    Socket(i32),
    /// Send `data` to the kernel on `fd`, with the kernel's address or without.
    Send {
        fd: BorrowedFd<'a>,
        data: &'a [u8],
        addressed: bool,
    },
}

/// What the helper child does, prepared before `fork` (the child allocates nothing).
struct Plan<'a> {
    userns: Option<OwnedFd>,
    uid: [u32; 4],
    gid: [u32; 4],
    groups: Vec<libc::gid_t>,
    caps: [u64; 3],
    action: Action<'a>,
}

/// `_LINUX_CAPABILITY_VERSION_3` and the `capset(2)` structures (`include/uapi/linux/capability.h`).
const CAP_V3: u32 = 0x2008_0522;
#[repr(C)]
struct CapHeader {
    version: u32,
    pid: libc::c_int,
}
#[repr(C)]
#[derive(Clone, Copy)]
struct CapData {
    effective: u32,
    permitted: u32,
    inheritable: u32,
}

/// `SECBIT_NO_SETUID_FIXUP` (`include/uapi/linux/securebits.h`): changing uids leaves the
/// capability sets alone, so the helper sets them last, exactly.
const SECBIT_NO_SETUID_FIXUP: libc::c_ulong = 1 << 2;

/// New `AF_NETLINK` socket of `protocol` (`SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK`), created
/// with the credentials of thread `tid` (`creds`, read from it just before) in the runner's
/// network namespace. See the module documentation.
pub(crate) fn netlink_socket_as(tid: u32, creds: &Creds, protocol: i32) -> io::Result<OwnedFd> {
    as_thread(tid, creds, Action::Socket(protocol))?
        .ok_or_else(|| io::Error::from_raw_os_error(libc::EIO))
}

/// Send `data` to the kernel on the netlink socket `fd` as thread `tid` (`creds`) would:
/// with the kernel's address when `addressed` (the program named a destination), else
/// without. See the module documentation.
pub(crate) fn send_as(
    tid: u32,
    creds: &Creds,
    fd: BorrowedFd<'_>,
    data: &[u8],
    addressed: bool,
) -> io::Result<()> {
    as_thread(
        tid,
        creds,
        Action::Send {
            fd,
            data,
            addressed,
        },
    )
    .map(|_| ())
}

/// Run `action` in a child of the runner that has thread `tid`'s credentials; a created
/// socket comes back.
fn as_thread(tid: u32, creds: &Creds, action: Action<'_>) -> io::Result<Option<OwnedFd>> {
    let own = Creds::of("thread-self")?;
    let (userns, uid, gid, groups) = if creds.userns == own.userns {
        (None, creds.uid, creds.gid, creds.groups.clone())
    } else {
        let f = std::fs::File::open(format!("/proc/{tid}/ns/user"))?;
        let um = parse_map(&std::fs::read_to_string(format!("/proc/{tid}/uid_map"))?);
        let gm = parse_map(&std::fs::read_to_string(format!("/proc/{tid}/gid_map"))?);
        let m4 = |map: &[(u32, u32, u32)], ids: [u32; 4]| ids.map(|i| map_in(map, i).unwrap_or(i));
        let groups = creds
            .groups
            .iter()
            .filter_map(|&g| map_in(&gm, g))
            .collect();
        (
            Some(OwnedFd::from(f)),
            m4(&um, creds.uid),
            m4(&gm, creds.gid),
            groups,
        )
    };
    let plan = Plan {
        userns,
        uid,
        gid,
        groups,
        caps: creds.caps,
        action,
    };
    let (ours, theirs) = socketpair_seqpacket()?;
    // SAFETY: the child only makes system calls on memory prepared above and `_exit`s; it
    // takes no lock and allocates nothing (the runner is single-threaded anyway).
    let pid = cvt_int(unsafe { libc::fork() })?;
    if pid == 0 {
        let r = helper(&plan);
        let code = match r {
            Ok(fd) => {
                send_result(theirs.as_raw_fd(), 0, fd);
                0
            }
            Err(e) => {
                send_result(theirs.as_raw_fd(), e, -1);
                1
            }
        };
        // SAFETY: ends the child without running the parent's exit handlers or destructors.
        unsafe { libc::_exit(code) }
    }
    drop(theirs);
    let got = recv_result(&ours);
    let mut status = 0;
    loop {
        // SAFETY: waits for our own child; `status` is a valid out-pointer.
        let r = unsafe { libc::waitpid(pid, &mut status, libc::__WALL) };
        if r >= 0 || io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            break;
        }
    }
    got
}

fn errno_now() -> i32 {
    io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

/// A raw system call's result as `Err(errno)` on failure.
fn ok(r: libc::c_long) -> Result<(), i32> {
    if r < 0 {
        Err(errno_now())
    } else {
        Ok(())
    }
}

/// The helper child: take the plan's credentials, then act: a created socket's descriptor, or
/// -1.
fn helper(p: &Plan<'_>) -> Result<libc::c_int, i32> {
    // Raw system calls throughout: glibc's set*id wrappers would try to change every thread
    // of the (former) process.
    // SAFETY: plain system calls on integers and on memory of `p` and of this frame, which
    // live for the whole block.
    unsafe {
        if let Some(ns) = &p.userns {
            ok(libc::syscall(
                libc::SYS_setns,
                ns.as_raw_fd(),
                libc::CLONE_NEWUSER,
            ))?;
        }
        ok(libc::syscall(
            libc::SYS_prctl,
            libc::PR_SET_SECUREBITS,
            SECBIT_NO_SETUID_FIXUP,
            0,
            0,
            0,
        ))?;
        let g = ok(libc::syscall(
            libc::SYS_setgroups,
            p.groups.len(),
            p.groups.as_ptr(),
        ));
        // In another user namespace `setgroups` may be denied (`/proc/PID/setgroups`); the
        // groups take no part in netlink's checks.
        if p.userns.is_none() {
            g?;
        }
        let [r, e, s, f] = p.gid;
        ok(libc::syscall(libc::SYS_setresgid, r, e, s))?;
        libc::syscall(libc::SYS_setfsgid, f);
        let [r, e, s, f] = p.uid;
        ok(libc::syscall(libc::SYS_setresuid, r, e, s))?;
        libc::syscall(libc::SYS_setfsuid, f);
        let hdr = CapHeader {
            version: CAP_V3,
            pid: 0,
        };
        let [inh, prm, eff] = p.caps;
        let lo = |v: u64| (v & 0xffff_ffff) as u32;
        let hi = |v: u64| (v >> 32) as u32;
        let data = [
            CapData {
                effective: lo(eff),
                permitted: lo(prm),
                inheritable: lo(inh),
            },
            CapData {
                effective: hi(eff),
                permitted: hi(prm),
                inheritable: hi(inh),
            },
        ];
        ok(libc::syscall(libc::SYS_capset, &hdr, data.as_ptr()))?;
    }
    match p.action {
        Action::Socket(protocol) => {
            // SAFETY: plain socket(2).
            let fd = unsafe {
                libc::socket(
                    libc::AF_NETLINK,
                    libc::SOCK_RAW | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK,
                    protocol,
                )
            };
            if fd < 0 {
                return Err(errno_now());
            }
            Ok(fd)
        }
        Action::Send {
            fd,
            data,
            addressed,
        } => {
            let r = if addressed {
                sendto_kernel(fd, data)
            } else {
                send_to_kernel(fd, data)
            };
            r.map(|_| -1)
                .map_err(|e| e.raw_os_error().unwrap_or(libc::EIO))
        }
    }
}

/// Room for one `SCM_RIGHTS` message carrying one descriptor (`CMSG_SPACE(sizeof(int))` is 24
/// on 64-bit Linux; 8-byte words keep it aligned).
const CBUF_WORDS: usize = 4;

/// Child side: a 4-byte errno (0: success) and, on success, the descriptor.
fn send_result(sock: libc::c_int, err: i32, fd: libc::c_int) {
    let mut val = err;
    let mut iov = libc::iovec {
        iov_base: std::ptr::addr_of_mut!(val).cast(),
        iov_len: std::mem::size_of::<i32>(),
    };
    let mut cbuf = [0u64; CBUF_WORDS];
    // SAFETY: msghdr is plain old data; every pointer set refers to a live local of the
    // stated size, and the CMSG macros stay within `msg_controllen`.
    unsafe {
        let mut mh: libc::msghdr = std::mem::zeroed();
        mh.msg_iov = &mut iov;
        mh.msg_iovlen = 1;
        if fd >= 0 {
            mh.msg_control = cbuf.as_mut_ptr().cast();
            mh.msg_controllen = libc::CMSG_SPACE(std::mem::size_of::<libc::c_int>() as u32) as _;
            let c = libc::CMSG_FIRSTHDR(&mh);
            (*c).cmsg_level = libc::SOL_SOCKET;
            (*c).cmsg_type = libc::SCM_RIGHTS;
            (*c).cmsg_len = libc::CMSG_LEN(std::mem::size_of::<libc::c_int>() as u32) as _;
            libc::CMSG_DATA(c).cast::<libc::c_int>().write_unaligned(fd);
        }
        libc::sendmsg(sock, &mh, libc::MSG_NOSIGNAL);
    }
}

/// Runner side: the descriptor (if one came), or the child's errno (`EIO` when it said
/// nothing).
fn recv_result(sock: &OwnedFd) -> io::Result<Option<OwnedFd>> {
    let mut val: i32 = libc::EIO;
    let mut iov = libc::iovec {
        iov_base: std::ptr::addr_of_mut!(val).cast(),
        iov_len: std::mem::size_of::<i32>(),
    };
    let mut cbuf = [0u64; CBUF_WORDS];
    let mut got: libc::c_int = -1;
    // SAFETY: as in `send_result`; the received descriptor, if any, is wrapped below.
    let n = unsafe {
        let mut mh: libc::msghdr = std::mem::zeroed();
        mh.msg_iov = &mut iov;
        mh.msg_iovlen = 1;
        mh.msg_control = cbuf.as_mut_ptr().cast();
        mh.msg_controllen = std::mem::size_of_val(&cbuf);
        let n = libc::recvmsg(sock.as_raw_fd(), &mut mh, libc::MSG_CMSG_CLOEXEC);
        if n >= 0 {
            let mut c = libc::CMSG_FIRSTHDR(&mh);
            while !c.is_null() {
                if (*c).cmsg_level == libc::SOL_SOCKET && (*c).cmsg_type == libc::SCM_RIGHTS {
                    got = libc::CMSG_DATA(c).cast::<libc::c_int>().read_unaligned();
                }
                c = libc::CMSG_NXTHDR(&mh, c);
            }
        }
        n
    };
    if n < 0 {
        return Err(io::Error::last_os_error());
    }
    let fd = if got >= 0 { Some(owned(got)?) } else { None };
    if n as usize == std::mem::size_of::<i32>() && val == 0 {
        return Ok(fd);
    }
    Err(io::Error::from_raw_os_error(if n == 0 || val == 0 {
        libc::EIO
    } else {
        val
    }))
}

#[cfg(test)]
mod tests {
    use super::{map_in, parse_map, Creds};

    const STATUS: &str = "Name:\tip\nUmask:\t0022\nState:\tR (running)\nTgid:\t7\n\
        Uid:\t65534\t65534\t65534\t65534\nGid:\t65534\t65534\t65534\t65533\nFDSize:\t64\n\
        Groups:\t4 27 \nNStgid:\t7\nCapInh:\t0000000000000000\nCapPrm:\t0000000000001000\n\
        CapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\n";

    #[test]
    fn status_fields() {
        let c = Creds::parse_status(STATUS).unwrap();
        assert_eq!(c.uid, [65534; 4]);
        assert_eq!(c.gid, [65534, 65534, 65534, 65533]);
        assert_eq!(c.groups, [4, 27]);
        assert_eq!(c.caps, [0, 0x1000, 0x1ff_ffff_ffff]);
        assert_eq!(c.euid(), 65534);
    }

    #[test]
    fn empty_groups_and_missing_fields() {
        let c = Creds::parse_status(&STATUS.replace("Groups:\t4 27 ", "Groups:\t")).unwrap();
        assert!(c.groups.is_empty());
        assert!(Creds::parse_status(&STATUS.replace("CapEff", "CapXXX")).is_err());
        assert!(Creds::parse_status(&STATUS.replace("\t65533", "")).is_err());
    }

    #[test]
    fn id_maps() {
        let m = parse_map("         0     100000      65536\n     70000       1000          1\n");
        assert_eq!(map_in(&m, 100_000), Some(0));
        assert_eq!(map_in(&m, 165_535), Some(65535));
        assert_eq!(map_in(&m, 165_536), None);
        assert_eq!(map_in(&m, 1000), Some(70000));
        assert_eq!(map_in(&m, 0), None);
    }
}
