// SPDX-License-Identifier: BSD-2-Clause
//! Socket calls on the supervisor's own descriptors: the per-socket `AF_UNIX` `SOCK_SEQPACKET`
//! pairs that stand in for the tracee's netlink sockets, and the real `AF_NETLINK` sockets of
//! the Linux backend (`include/uapi/linux/netlink.h`: `sockaddr_nl`, `NETLINK_PKTINFO`).

use super::{cvt, cvt_int, owned};
use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};

/// `socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC)`.
pub(crate) fn socketpair_seqpacket() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors the call writes.
    let r = unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            libc::SOCK_SEQPACKET | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    };
    cvt_int(r)?;
    let [a, b] = fds;
    Ok((owned(a)?, owned(b)?))
}

/// Set or clear `O_NONBLOCK` on the open file description.
pub(crate) fn set_nonblock(fd: BorrowedFd<'_>, on: bool) -> io::Result<()> {
    // SAFETY: fcntl on a descriptor we hold.
    let fl = cvt_int(unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_GETFL) })?;
    let fl = if on {
        fl | libc::O_NONBLOCK
    } else {
        fl & !libc::O_NONBLOCK
    };
    // SAFETY: as above.
    cvt_int(unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETFL, fl) }).map(|_| ())
}

/// Is `O_NONBLOCK` set on the open file description (shared with the tracee's copies)?
pub(crate) fn is_nonblock(fd: BorrowedFd<'_>) -> bool {
    // SAFETY: fcntl on a descriptor we hold.
    let fl = unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_GETFL) };
    fl >= 0 && fl & libc::O_NONBLOCK != 0
}

/// `setsockopt` with an `int` value.
pub(crate) fn setsockopt_int(fd: BorrowedFd<'_>, level: i32, opt: i32, val: i32) -> io::Result<()> {
    // SAFETY: passes a pointer to a live int and its exact size.
    let r = unsafe {
        libc::setsockopt(
            fd.as_raw_fd(),
            level,
            opt,
            std::ptr::addr_of!(val).cast(),
            std::mem::size_of::<i32>() as libc::socklen_t,
        )
    };
    cvt_int(r).map(|_| ())
}

/// `getsockopt` of an `int` option.
pub(crate) fn getsockopt_int(fd: BorrowedFd<'_>, level: i32, opt: i32) -> io::Result<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `v`/`len` are live and describe an int-sized buffer.
    let r = unsafe {
        libc::getsockopt(
            fd.as_raw_fd(),
            level,
            opt,
            std::ptr::addr_of_mut!(v).cast(),
            &mut len,
        )
    };
    cvt_int(r)?;
    Ok(v)
}

/// The memory a socket's receive queue holds (`sk_rmem_alloc`, in `skb->truesize` units):
/// word `SK_MEMINFO_RMEM_ALLOC` of `SO_MEMINFO` (`include/uapi/linux/sock_diag.h`,
/// `sk_get_meminfo` in `net/core/sock.c`).
pub(crate) fn rmem_alloc(fd: BorrowedFd<'_>) -> io::Result<u32> {
    let mut v = [0u32; 9];
    let mut len = std::mem::size_of_val(&v) as libc::socklen_t;
    // SAFETY: `v`/`len` are live and describe the buffer; the kernel writes at most `len`.
    let r = unsafe {
        libc::getsockopt(
            fd.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_MEMINFO,
            v.as_mut_ptr().cast(),
            &mut len,
        )
    };
    cvt_int(r)?;
    // Word 0 is `SK_MEMINFO_RMEM_ALLOC`.
    Ok(v.first().copied().unwrap_or(0))
}

/// Send one datagram on our end of a seqpacket pair, never blocking.
pub(crate) fn send_seqpacket(fd: BorrowedFd<'_>, data: &[u8]) -> io::Result<()> {
    // SAFETY: `data` is readable for its length.
    let r = unsafe {
        libc::send(
            fd.as_raw_fd(),
            data.as_ptr().cast(),
            data.len(),
            libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL,
        )
    };
    cvt(r as libc::c_long).map(|_| ())
}

/// One datagram taken from (or peeked at in) a seqpacket queue.
#[derive(Debug)]
pub(crate) struct SeqpacketDgram {
    /// The bytes that fitted in the buffer.
    pub(crate) data: Vec<u8>,
    /// The datagram's full length.
    pub(crate) full_len: usize,
}

/// `recv(fd, cap, MSG_DONTWAIT | MSG_TRUNC | (peek ? MSG_PEEK : 0))`: one datagram, truncated
/// to `cap` bytes, with its real length. `Ok(None)` when the queue is empty.
pub(crate) fn recv_seqpacket(
    fd: BorrowedFd<'_>,
    cap: usize,
    peek: bool,
) -> io::Result<Option<SeqpacketDgram>> {
    // Not zeroed: a program's receive buffer is often 32 KiB or more, and the datagram
    // usually much shorter; only what the kernel wrote becomes part of `buf`.
    let mut buf: Vec<u8> = Vec::with_capacity(cap);
    let flags = libc::MSG_DONTWAIT | libc::MSG_TRUNC | if peek { libc::MSG_PEEK } else { 0 };
    // SAFETY: `buf`'s spare capacity is writable for `cap` bytes.
    let r = unsafe { libc::recv(fd.as_raw_fd(), buf.as_mut_ptr().cast(), cap, flags) };
    if r < 0 {
        let e = io::Error::last_os_error();
        if e.raw_os_error() == Some(libc::EAGAIN) {
            return Ok(None);
        }
        return Err(e);
    }
    let full_len = r as usize;
    // SAFETY: the kernel initialised the first min(full_len, cap) bytes (MSG_TRUNC reports
    // the full length but copies at most `cap`), within the capacity.
    unsafe { buf.set_len(full_len.min(cap)) };
    Ok(Some(SeqpacketDgram {
        data: buf,
        full_len,
    }))
}

/// New `AF_NETLINK` socket of `protocol` (`SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK`).
pub(crate) fn netlink_socket(protocol: i32) -> io::Result<OwnedFd> {
    // SAFETY: plain socket(2).
    owned(unsafe {
        libc::socket(
            libc::AF_NETLINK,
            libc::SOCK_RAW | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK,
            protocol,
        )
    })
}

fn sockaddr_nl(pid: u32, groups: u32) -> libc::sockaddr_nl {
    // SAFETY: sockaddr_nl is plain old data; all-zero is valid.
    let mut a: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
    a.nl_family = libc::AF_NETLINK as libc::sa_family_t;
    a.nl_pid = pid;
    a.nl_groups = groups;
    a
}

/// `bind` a netlink socket to `{pid, groups}` (pid 0: autobind).
pub(crate) fn netlink_bind(fd: BorrowedFd<'_>, pid: u32, groups: u32) -> io::Result<()> {
    let a = sockaddr_nl(pid, groups);
    // SAFETY: passes a live sockaddr_nl and its exact size.
    let r = unsafe {
        libc::bind(
            fd.as_raw_fd(),
            std::ptr::addr_of!(a).cast(),
            std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t,
        )
    };
    cvt_int(r).map(|_| ())
}

/// `getsockname` of a netlink socket: its port id.
pub(crate) fn netlink_getsockname(fd: BorrowedFd<'_>) -> io::Result<u32> {
    let mut a = sockaddr_nl(0, 0);
    let mut len = std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t;
    // SAFETY: `a`/`len` are live and describe a sockaddr_nl-sized buffer.
    let r = unsafe {
        libc::getsockname(
            fd.as_raw_fd(),
            std::ptr::addr_of_mut!(a).cast(),
            std::ptr::addr_of_mut!(len),
        )
    };
    cvt_int(r)?;
    Ok(a.nl_pid)
}

/// Send `data` to the kernel on an unconnected netlink socket: `send` without an address,
/// which goes to the socket's default destination (`nlk->dst_portid`, 0 = the kernel).
/// Without an address Linux checks privileges on the socket's file credentials (and the
/// sending task): `netlink_sendmsg()` sets `NETLINK_SKB_DST` only when the caller names a
/// destination, and `__netlink_ns_capable()` (`net/netlink/af_netlink.c`) then checks the
/// sending task alone. The runner's own requests go out so; a program's are sent as the
/// program would (`cred.rs`).
pub(crate) fn send_to_kernel(fd: BorrowedFd<'_>, data: &[u8]) -> io::Result<usize> {
    // SAFETY: `data` is readable for its length.
    let r = unsafe { libc::send(fd.as_raw_fd(), data.as_ptr().cast(), data.len(), 0) };
    Ok(cvt(r as libc::c_long)? as usize)
}

/// `sendto` the kernel with its address (`{AF_NETLINK, pid 0, groups 0}`): Linux then checks
/// privileges on the sending task alone (`NETLINK_SKB_DST`, see [`send_to_kernel`]).
pub(crate) fn sendto_kernel(fd: BorrowedFd<'_>, data: &[u8]) -> io::Result<usize> {
    let a = sockaddr_nl(0, 0);
    // SAFETY: `data` readable for its length; `a` is a live sockaddr_nl of the given size.
    let r = unsafe {
        libc::sendto(
            fd.as_raw_fd(),
            data.as_ptr().cast(),
            data.len(),
            0,
            std::ptr::addr_of!(a).cast(),
            std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t,
        )
    };
    Ok(cvt(r as libc::c_long)? as usize)
}

/// One datagram read from a real netlink socket.
#[derive(Debug)]
pub(crate) struct NetlinkDgram {
    /// Its bytes, whole.
    pub(crate) data: Vec<u8>,
    /// The multicast group from `NETLINK_PKTINFO` (0 for unicast or when absent).
    pub(crate) group: u32,
}

/// `NETLINK_PKTINFO` (`include/uapi/linux/netlink.h`).
const NETLINK_PKTINFO: i32 = 3;

/// Read (or with `peek` copy) the next datagram of a non-blocking netlink socket: probe its
/// size with `MSG_PEEK | MSG_TRUNC` and an empty buffer, then receive it into a buffer of that
/// size or `min_len` bytes, whichever is larger. A netlink socket records the largest buffer a
/// receive offered and sizes later dump parts by it (`max_recvmsg_len`,
/// `net/netlink/af_netlink.c`); the probe offers 0. `Ok(None)` when the queue is empty.
pub(crate) fn recv_netlink_with(
    fd: BorrowedFd<'_>,
    peek: bool,
    min_len: usize,
) -> io::Result<Option<NetlinkDgram>> {
    // SAFETY: a zero-length receive into a dangling-but-unused pointer is allowed (len 0).
    let n = unsafe {
        libc::recv(
            fd.as_raw_fd(),
            std::ptr::NonNull::<u8>::dangling().as_ptr().cast(),
            0,
            libc::MSG_PEEK | libc::MSG_TRUNC | libc::MSG_DONTWAIT,
        )
    };
    if n < 0 {
        let e = io::Error::last_os_error();
        if e.raw_os_error() == Some(libc::EAGAIN) {
            return Ok(None);
        }
        return Err(e);
    }
    recv_netlink_sized(fd, peek, (n as usize).max(min_len)).map(Some)
}

/// Receive (or with `peek` copy) the next datagram of a non-blocking netlink socket into a
/// buffer of `len` bytes, without probing its size first (a probe is itself a receive, which
/// lets the kernel continue a dump: `netlink_recvmsg()`, `net/netlink/af_netlink.c`). The
/// caller knows the datagram fits.
pub(crate) fn recv_netlink_sized(
    fd: BorrowedFd<'_>,
    peek: bool,
    len: usize,
) -> io::Result<NetlinkDgram> {
    let mut buf = vec![0u8; len];
    let mut cbuf = [0u64; 8];
    let mut iov = libc::iovec {
        iov_base: buf.as_mut_ptr().cast(),
        iov_len: len,
    };
    // SAFETY: msghdr is plain old data; zero is a valid starting point.
    let mut mh: libc::msghdr = unsafe { std::mem::zeroed() };
    mh.msg_iov = std::ptr::addr_of_mut!(iov);
    mh.msg_iovlen = 1;
    mh.msg_control = cbuf.as_mut_ptr().cast();
    mh.msg_controllen = std::mem::size_of_val(&cbuf);
    let flags = if peek {
        libc::MSG_DONTWAIT | libc::MSG_PEEK
    } else {
        libc::MSG_DONTWAIT
    };
    // SAFETY: every pointer in `mh` refers to a live local buffer of the stated size.
    let r = unsafe { libc::recvmsg(fd.as_raw_fd(), &mut mh, flags) };
    let r = cvt(r as libc::c_long)? as usize;
    buf.truncate(r);
    let mut group = 0u32;
    // SAFETY: walking the control buffer the kernel just filled, with the libc CMSG macros,
    // which stay within `msg_controllen`.
    unsafe {
        let mut c = libc::CMSG_FIRSTHDR(&mh);
        while !c.is_null() {
            if (*c).cmsg_level == libc::SOL_NETLINK && (*c).cmsg_type == NETLINK_PKTINFO {
                group = libc::CMSG_DATA(c).cast::<u32>().read_unaligned();
            }
            c = libc::CMSG_NXTHDR(&mh, c);
        }
    }
    Ok(NetlinkDgram { data: buf, group })
}

/// `SO_RCVTIMEO` of a socket; `None` when unset (zero) or unreadable.
pub(crate) fn rcvtimeo(fd: BorrowedFd<'_>) -> Option<std::time::Duration> {
    let mut tv = libc::timeval {
        tv_sec: 0,
        tv_usec: 0,
    };
    let mut len = std::mem::size_of::<libc::timeval>() as libc::socklen_t;
    // SAFETY: `tv`/`len` are live and describe a timeval-sized buffer.
    let r = unsafe {
        libc::getsockopt(
            fd.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_RCVTIMEO,
            std::ptr::addr_of_mut!(tv).cast(),
            &mut len,
        )
    };
    if r < 0 || (tv.tv_sec == 0 && tv.tv_usec == 0) {
        return None;
    }
    let secs = u64::try_from(tv.tv_sec).ok()?;
    let micros = u32::try_from(tv.tv_usec).ok()?;
    Some(std::time::Duration::from_secs(secs) + std::time::Duration::from_micros(u64::from(micros)))
}
