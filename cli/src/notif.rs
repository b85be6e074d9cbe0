// SPDX-License-Identifier: BSD-2-Clause
//! The supervisor's event loop: answers seccomp notifications by emulating Linux netlink
//! sockets (linux-clients.md §3, §4.5–§4.7) on top of a [`Backend`].
//!
//! Single-threaded: one epoll set over the seccomp listener, a signalfd (SIGCHLD and the
//! termination signals, forwarded to the program) and the backend's descriptor. A receive that
//! would block is *parked*: the notification stays unanswered (the thread stays blocked) and is
//! retried when data is queued to its socket. Parked receives are checked every
//! [`PARK_TICK_MS`]: a thread with a deliverable signal gets `-ERESTARTSYS` (512), which lets the
//! kernel run the handler and restart or fail with `EINTR` exactly as natively (the listener
//! uses `WAIT_KILLABLE_RECV`, so without this a parked receive would ignore signals); an expired
//! `SO_RCVTIMEO` gets `EAGAIN`; a vanished thread is dropped.

use crate::backend::{Backend, Delivery};
use crate::ioctl;
use crate::sock::{self, opt, Sock, SOCKADDR_NL_LEN};
use crate::sys::{self, Listener, Notif};
use std::collections::BTreeMap;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::time::Instant;

/// How often parked receives are checked for signals, timeouts and dead callers.
const PARK_TICK_MS: i32 = 20;
/// Largest `iovcnt` / `vlen` Linux accepts (`UIO_MAXIOV`).
const UIO_MAXIOV: u64 = 1024;
/// Capacity forced on the runner's end of each pair (`SO_SNDBUFFORCE`): the queue limit.
const QUEUE_BYTES: i32 = 4 << 20;
/// First autobind id after the tgid is taken (Linux counts down from -4096).
const ROVER_START: i32 = -4096;
/// `ERESTARTSYS`, the kernel-internal "restart or EINTR" code.
const ERESTARTSYS: i32 = 512;
/// `sizeof(struct msghdr)` / `sizeof(struct mmsghdr)` / `sizeof(struct iovec)` on 64-bit.
const MSGHDR_LEN: usize = 56;
const MMSGHDR_LEN: u64 = 64;
const IOVEC_LEN: usize = 16;
/// `sizeof(struct sockaddr_storage)`: longest address `move_addr_to_kernel` accepts.
const SOCKADDR_MAX: i32 = 128;
/// Linux's `SOCK_MAX`: larger types are `EINVAL` before the family sees them.
const SOCK_MAX: i32 = 11;
/// `MAX_LINKS`: netlink protocols are 0..32.
const MAX_LINKS: i32 = 32;
/// Bytes of `NETLINK_LIST_MEMBERSHIPS` output (64 groups).
const MEMBERSHIP_WORDS: usize = 2;

/// What to answer a notification with.
#[derive(Debug, PartialEq, Eq)]
enum Act {
    /// Return this value.
    Val(i64),
    /// Fail with this errno.
    Err(i32),
    /// Let the kernel run the call.
    Continue,
    /// Would block: keep the notification and retry later.
    Park,
    /// Already answered (ADDFD with SEND), or the caller is gone.
    Done,
}

type Res = Result<Act, i32>;

#[derive(Debug)]
struct Parked {
    n: Notif,
    key: u64,
    deadline: Option<Instant>,
}

/// A received datagram, as the program will see it.
#[derive(Debug)]
struct Got {
    data: Vec<u8>,
    full_len: usize,
    group: u32,
}

/// Little helpers over byte slices (tracee structures).
fn u32_at(b: &[u8], off: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(
        b.get(off..off.checked_add(4)?)?.try_into().ok()?,
    ))
}
fn u64_at(b: &[u8], off: usize) -> Option<u64> {
    Some(u64::from_ne_bytes(
        b.get(off..off.checked_add(8)?)?.try_into().ok()?,
    ))
}
fn i32_of(v: u32) -> i32 {
    i32::from_ne_bytes(v.to_ne_bytes())
}
fn u32_of(v: i32) -> u32 {
    u32::from_ne_bytes(v.to_ne_bytes())
}
/// Low 32 bits of a syscall argument as `int`.
fn arg_i32(a: u64) -> i32 {
    i32_of(u32::try_from(a & 0xffff_ffff).unwrap_or(0))
}
/// Syscall argument as a size.
fn arg_usize(a: u64) -> usize {
    usize::try_from(a).unwrap_or(usize::MAX)
}
fn len_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
}

fn syscall_name(nr: i64) -> &'static str {
    match nr {
        libc::SYS_socket => "socket",
        libc::SYS_bind => "bind",
        libc::SYS_connect => "connect",
        libc::SYS_getsockname => "getsockname",
        libc::SYS_getpeername => "getpeername",
        libc::SYS_setsockopt => "setsockopt",
        libc::SYS_getsockopt => "getsockopt",
        libc::SYS_sendto => "sendto",
        libc::SYS_sendmsg => "sendmsg",
        libc::SYS_sendmmsg => "sendmmsg",
        libc::SYS_recvfrom => "recvfrom",
        libc::SYS_recvmsg => "recvmsg",
        libc::SYS_recvmmsg => "recvmmsg",
        libc::SYS_read => "read",
        libc::SYS_write => "write",
        libc::SYS_readv => "readv",
        libc::SYS_writev => "writev",
        libc::SYS_ioctl => "ioctl",
        libc::SYS_close => "close",
        _ => "?",
    }
}

/// Whether the thread has a signal it will act on: `(SigPnd | ShdPnd) & ~SigBlk & SigCgt`.
/// Fatal default actions need no help: the killable wait ends on them.
fn signal_pending(tid: u32) -> bool {
    let Ok(s) = std::fs::read_to_string(format!("/proc/{tid}/status")) else {
        return false;
    };
    let field = |name: &str| -> u64 {
        s.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| u64::from_str_radix(v.trim(), 16).ok())
            .unwrap_or(0)
    };
    let pending = field("SigPnd:") | field("ShdPnd:");
    pending & !field("SigBlk:") & field("SigCgt:") != 0
}

/// Thread group id of a thread (for autobind).
fn tgid_of(tid: u32) -> u32 {
    std::fs::read_to_string(format!("/proc/{tid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Tgid:"))
                .and_then(|v| v.trim().parse().ok())
        })
        .unwrap_or(tid)
}

/// Runner options.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// Log emulated calls on stderr.
    pub(crate) verbose: bool,
    /// Answer `SIOCGIF*` from the backend even when it allows native ioctls.
    pub(crate) emulate_ioctls: bool,
}

/// The emulation state.
struct Runner {
    l: Listener,
    backend: Box<dyn Backend>,
    socks: BTreeMap<u64, Sock>,
    next_key: u64,
    rover: i32,
    parked: Vec<Parked>,
    /// Sockets that received data since parked receives were last retried.
    woken: Vec<u64>,
    verbose: bool,
    native_ioctls: bool,
}

/// Serve the program until it and all its descendants are gone; returns the program's
/// shell-style exit status.
pub(crate) fn serve(
    sp: sys::Spawned,
    backend: Box<dyn Backend>,
    sigfd: &OwnedFd,
    opts: &Options,
) -> Result<i32, String> {
    const T_LISTENER: u64 = 0;
    const T_SIGNAL: u64 = 1;
    const T_BACKEND: u64 = 2;
    let epoll = sys::Epoll::new().map_err(|e| format!("epoll: {e}"))?;
    let main_pid = sp.pid;
    epoll
        .add(sp.listener.raw(), T_LISTENER)
        .map_err(|e| format!("epoll: {e}"))?;
    epoll
        .add(sigfd.as_raw_fd(), T_SIGNAL)
        .map_err(|e| format!("epoll: {e}"))?;
    if let Some(fd) = backend.poll_fd() {
        epoll
            .add(fd, T_BACKEND)
            .map_err(|e| format!("epoll: {e}"))?;
    }
    let listener_raw = sp.listener.raw();
    let backend_native = backend.native_ioctls();
    let mut r = Runner {
        l: sp.listener,
        backend,
        socks: BTreeMap::new(),
        next_key: 1,
        rover: ROVER_START,
        parked: Vec::new(),
        woken: Vec::new(),
        verbose: opts.verbose,
        native_ioctls: backend_native && !opts.emulate_ioctls,
    };
    let page = sp.page;
    let mut main_status: Option<i32> = None;
    loop {
        let timeout = if r.parked.is_empty() {
            -1
        } else {
            PARK_TICK_MS
        };
        let events = epoll.wait(timeout).map_err(|e| format!("epoll: {e}"))?;
        for (token, ev) in events {
            match token {
                T_LISTENER => {
                    if ev & u32_of(libc::EPOLLIN) != 0 {
                        match r.l.recv() {
                            Ok(n) => r.dispatch(&n),
                            Err(e)
                                if matches!(
                                    e.raw_os_error(),
                                    Some(libc::ENOENT | libc::EINTR | libc::EAGAIN)
                                ) => {}
                            Err(e) => return Err(format!("seccomp listener: {e}")),
                        }
                    } else if ev & u32_of(libc::EPOLLHUP) != 0 {
                        epoll.del(listener_raw);
                    }
                }
                T_SIGNAL => {
                    while let Some(sig) = sys::read_signal(sigfd) {
                        if sig != libc::SIGCHLD && main_status.is_none() {
                            sys::kill(main_pid, sig);
                        }
                    }
                }
                _ => r.deliver_async(),
            }
        }
        r.retry_parked();
        loop {
            match sys::wait_any() {
                sys::WaitResult::Exited(pid, code) => {
                    if pid == main_pid {
                        main_status = Some(code);
                    }
                }
                sys::WaitResult::Running => break,
                sys::WaitResult::NoChildren => {
                    return match (main_status, page.exec_error()) {
                        (Some(_), Some(e)) => {
                            // Shell convention: 127 not found, 126 not executable.
                            eprintln!("nlcompat: cannot execute the program: {e}");
                            Ok(if e.kind() == std::io::ErrorKind::NotFound {
                                127
                            } else {
                                126
                            })
                        }
                        (Some(code), None) => Ok(code),
                        (None, _) => Err("lost track of the program".to_owned()),
                    };
                }
            }
        }
    }
}

impl Runner {
    fn log(&self, n: &Notif, what: &str) {
        if self.verbose {
            eprintln!(
                "nlcompat: [{}] {}({}) {what}",
                n.tid,
                syscall_name(n.nr),
                arg_i32(n.args[0])
            );
        }
    }

    fn dispatch(&mut self, n: &Notif) {
        let act = self.handle(n).unwrap_or_else(Act::Err);
        self.answer(n, act);
    }

    /// Send the answer (or park).
    fn answer(&mut self, n: &Notif, act: Act) {
        let sent = match act {
            Act::Val(v) => {
                self.log(n, &format!("= {v}"));
                self.l.respond(n.id, v, 0, false)
            }
            Act::Err(e) => {
                self.log(
                    n,
                    &format!("= -{e} ({})", std::io::Error::from_raw_os_error(e)),
                );
                self.l.respond(n.id, 0, e, false)
            }
            Act::Continue => self.l.respond(n.id, 0, 0, true),
            Act::Park => {
                self.log(n, "parked");
                let key = self.find(n.tid, arg_i32(n.args[0]));
                if let Some(key) = key {
                    let deadline = self
                        .socks
                        .get(&key)
                        .and_then(|s| sys::rcvtimeo(s.theirs.as_fd()))
                        .and_then(|d| Instant::now().checked_add(d));
                    self.parked.push(Parked {
                        n: *n,
                        key,
                        deadline,
                    });
                    return;
                }
                self.l.respond(n.id, 0, libc::EBADF, false)
            }
            Act::Done => Ok(()),
        };
        // ENOENT: the caller died meanwhile; nothing to do.
        let _ = sent;
    }

    /// Retry parked receives whose socket got data; expire, interrupt or drop the others.
    fn retry_parked(&mut self) {
        if self.parked.is_empty() {
            self.woken.clear();
            return;
        }
        let woken = std::mem::take(&mut self.woken);
        let parked = std::mem::take(&mut self.parked);
        let now = Instant::now();
        for p in parked {
            if !self.l.id_valid(p.n.id) {
                continue;
            }
            if woken.contains(&p.key) || !self.socks.contains_key(&p.key) {
                let act = self.handle(&p.n).unwrap_or_else(Act::Err);
                if act == Act::Park {
                    self.parked.push(p);
                } else {
                    self.answer(&p.n, act);
                }
                continue;
            }
            if p.deadline.is_some_and(|d| now >= d) {
                self.answer(&p.n, Act::Err(libc::EAGAIN));
            } else if signal_pending(p.n.tid) {
                self.log(&p.n, "interrupted by a signal");
                let _ = self.l.respond(p.n.id, 0, ERESTARTSYS, false);
            } else {
                self.parked.push(p);
            }
        }
        // Data that arrived while retrying (none expected) is picked up next round.
    }

    /// The emulated socket behind descriptor `fd` of thread `tid`, by open file.
    fn find(&self, tid: u32, fd: i32) -> Option<u64> {
        if fd < 0 {
            return None;
        }
        self.socks
            .iter()
            .find(|(_, s)| sys::same_file(tid, fd, s.theirs.as_fd()))
            .map(|(k, _)| *k)
    }

    fn sock(&mut self, key: u64) -> Result<&mut Sock, i32> {
        self.socks.get_mut(&key).ok_or(libc::EBADF)
    }

    fn rd(n: &Notif, addr: u64, len: usize) -> Result<Vec<u8>, i32> {
        sys::read_mem(n.tid, addr, len).map_err(|_| libc::EFAULT)
    }

    fn wr(n: &Notif, addr: u64, data: &[u8]) -> Result<(), i32> {
        sys::write_mem(n.tid, addr, data).map_err(|_| libc::EFAULT)
    }

    fn rd_i32(n: &Notif, addr: u64) -> Result<i32, i32> {
        let b = Self::rd(n, addr, 4)?;
        u32_at(&b, 0).map(i32_of).ok_or(libc::EFAULT)
    }

    fn handle(&mut self, n: &Notif) -> Res {
        if n.nr == libc::SYS_socket {
            return self.do_socket(n);
        }
        let fd = arg_i32(n.args[0]);
        let key = self.find(n.tid, fd);
        if n.nr == libc::SYS_ioctl {
            return self.do_ioctl(n, key);
        }
        let Some(key) = key else {
            return Ok(Act::Continue);
        };
        let a = n.args;
        match n.nr {
            libc::SYS_bind => self.do_bind(n, key, a[1], arg_i32(a[2])),
            libc::SYS_connect => self.do_connect(n, key, a[1], arg_i32(a[2])),
            libc::SYS_getsockname => self.do_getname(n, key, a[1], a[2], false),
            libc::SYS_getpeername => self.do_getname(n, key, a[1], a[2], true),
            libc::SYS_setsockopt => self.do_setsockopt(n, key),
            libc::SYS_getsockopt => self.do_getsockopt(n, key),
            libc::SYS_write => {
                let data = Self::rd(n, a[1], arg_usize(a[2]))?;
                self.do_send(n, key, data, None)
            }
            libc::SYS_writev => {
                let iov = self.read_iov(n, a[1], a[2])?;
                let data = Self::gather(n, &iov)?;
                self.do_send(n, key, data, None)
            }
            libc::SYS_sendto => {
                let data = Self::rd(n, a[1], arg_usize(a[2]))?;
                let dest = if a[4] != 0 {
                    Some(Self::read_addr(n, a[4], arg_i32(a[5]))?)
                } else {
                    None
                };
                self.do_send(n, key, data, dest)
            }
            libc::SYS_sendmsg => {
                let len = self.sendmsg_one(n, key, a[1])?;
                Ok(Act::Val(len_i64(len)))
            }
            libc::SYS_sendmmsg => self.do_sendmmsg(n, key),
            libc::SYS_read => {
                let iov = vec![(a[1], a[2])];
                self.do_recv_plain(n, key, &iov, 0)
            }
            libc::SYS_readv => {
                let iov = self.read_iov(n, a[1], a[2])?;
                self.do_recv_plain(n, key, &iov, 0)
            }
            libc::SYS_recvfrom => self.do_recvfrom(n, key),
            libc::SYS_recvmsg => {
                let flags = arg_i32(a[2]);
                match self.recvmsg_one(n, key, a[1], flags)? {
                    Some(v) => Ok(Act::Val(v)),
                    None => self.would_block(key, flags),
                }
            }
            libc::SYS_recvmmsg => self.do_recvmmsg(n, key),
            // close and anything else: the kernel closes the program's unix socket.
            _ => Ok(Act::Continue),
        }
    }

    // ---- socket -------------------------------------------------------------------------

    fn do_socket(&mut self, n: &Notif) -> Res {
        let ty = arg_i32(n.args[1]);
        let protocol = arg_i32(n.args[2]);
        let base = ty & 0xf;
        let flags = ty & !0xf;
        if flags & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC) != 0 {
            return Err(libc::EINVAL);
        }
        if !(0..SOCK_MAX).contains(&base) {
            return Err(libc::EINVAL);
        }
        if base != libc::SOCK_RAW && base != libc::SOCK_DGRAM {
            return Err(libc::ESOCKTNOSUPPORT);
        }
        if !(0..MAX_LINKS).contains(&protocol) {
            return Err(libc::EPROTONOSUPPORT);
        }
        if !self.l.id_valid(n.id) {
            return Ok(Act::Done);
        }
        let (ours, theirs) = sys::socketpair_seqpacket().map_err(|e| errno_of(&e))?;
        sys::setsockopt_int(
            ours.as_fd(),
            libc::SOL_SOCKET,
            libc::SO_SNDBUFFORCE,
            QUEUE_BYTES,
        )
        .map_err(|e| errno_of(&e))?;
        sys::set_nonblock(ours.as_fd(), true).map_err(|e| errno_of(&e))?;
        if flags & libc::SOCK_NONBLOCK != 0 {
            sys::set_nonblock(theirs.as_fd(), true).map_err(|e| errno_of(&e))?;
        }
        let bid = self.backend.open(protocol)?;
        let cloexec = flags & libc::SOCK_CLOEXEC != 0;
        match self.l.addfd_send(n.id, theirs.as_fd(), cloexec) {
            Ok(fd) => {
                self.log(n, &format!("protocol {protocol} = {fd}"));
                let key = self.next_key;
                self.next_key = self.next_key.saturating_add(1);
                self.socks
                    .insert(key, Sock::new(bid, protocol, base, ours, theirs));
                Ok(Act::Done)
            }
            Err(e) => {
                self.backend.close(bid);
                if self.l.id_valid(n.id) {
                    Err(errno_of(&e))
                } else {
                    Ok(Act::Done)
                }
            }
        }
    }

    // ---- addressing ---------------------------------------------------------------------

    /// Read a `sockaddr_nl` argument the way `move_addr_to_kernel` + netlink do.
    fn read_addr(n: &Notif, addr: u64, len: i32) -> Result<[u8; SOCKADDR_NL_LEN], i32> {
        if !(0..=SOCKADDR_MAX).contains(&len) {
            return Err(libc::EINVAL);
        }
        let len = usize::try_from(len).map_err(|_| libc::EINVAL)?;
        let b = Self::rd(n, addr, len)?;
        if len < SOCKADDR_NL_LEN {
            return Err(libc::EINVAL);
        }
        let mut out = [0u8; SOCKADDR_NL_LEN];
        out.copy_from_slice(b.get(..SOCKADDR_NL_LEN).ok_or(libc::EINVAL)?);
        if out.get(..2) != Some(&sock::AF_NETLINK.to_ne_bytes()[..]) {
            return Err(libc::EINVAL);
        }
        Ok(out)
    }

    fn port_taken(&self, port: u32) -> bool {
        self.socks.values().any(|s| s.port == port)
    }

    /// Pick an autobind port id: the tgid if free, else a fresh negative id.
    fn pick_port(&mut self, tid: u32) -> u32 {
        let tgid = tgid_of(tid);
        if !self.port_taken(tgid) {
            return tgid;
        }
        loop {
            let p = u32_of(self.rover);
            self.rover = self.rover.checked_sub(1).unwrap_or(ROVER_START);
            if !self.port_taken(p) {
                return p;
            }
        }
    }

    fn autobind(&mut self, n: &Notif, key: u64) -> Result<(), i32> {
        if self.sock(key)?.port != 0 {
            return Ok(());
        }
        let port = self.pick_port(n.tid);
        let s = self.socks.get_mut(&key).ok_or(libc::EBADF)?;
        self.backend.bind(s.backend, port, s.legacy_groups())?;
        s.port = port;
        Ok(())
    }

    fn do_bind(&mut self, n: &Notif, key: u64, addr: u64, len: i32) -> Res {
        let a = Self::read_addr(n, addr, len)?;
        let pid = u32_at(&a, 4).unwrap_or(0);
        let groups = u32_at(&a, 8).unwrap_or(0);
        let cur = self.sock(key)?.port;
        if cur != 0 && pid != cur {
            return Err(libc::EINVAL);
        }
        if cur == 0 && pid != 0 && self.port_taken(pid) {
            return Err(libc::EADDRINUSE);
        }
        if !self.l.id_valid(n.id) {
            return Ok(Act::Done);
        }
        let port = match (cur, pid) {
            (0, 0) => self.pick_port(n.tid),
            (0, p) => p,
            (c, _) => c,
        };
        let s = self.socks.get_mut(&key).ok_or(libc::EBADF)?;
        self.backend.bind(s.backend, port, groups)?;
        s.port = port;
        s.set_legacy_groups(groups);
        Ok(Act::Val(0))
    }

    fn do_connect(&mut self, n: &Notif, key: u64, addr: u64, len: i32) -> Res {
        if len < 2 {
            return Err(libc::EINVAL);
        }
        let head = Self::rd(n, addr, 2)?;
        if head.get(..2) == Some(&[0u8, 0][..]) {
            let s = self.sock(key)?;
            s.dst_port = 0;
            s.dst_group = 0;
            return Ok(Act::Val(0));
        }
        let a = Self::read_addr(n, addr, len)?;
        if !self.l.id_valid(n.id) {
            return Ok(Act::Done);
        }
        self.autobind(n, key)?;
        let s = self.sock(key)?;
        s.dst_port = u32_at(&a, 4).unwrap_or(0);
        let g = u32_at(&a, 8).unwrap_or(0);
        s.dst_group = if g == 0 {
            0
        } else {
            g.trailing_zeros().saturating_add(1)
        };
        Ok(Act::Val(0))
    }

    /// Write a socket address the way `move_addr_to_user` does.
    fn put_addr(n: &Notif, addr: u64, lenp: u64, sa: &[u8]) -> Result<(), i32> {
        let ulen = Self::rd_i32(n, lenp)?;
        if ulen < 0 {
            return Err(libc::EINVAL);
        }
        let k = usize::try_from(ulen).unwrap_or(0).min(sa.len());
        if k > 0 {
            Self::wr(n, addr, sa.get(..k).unwrap_or(&[]))?;
        }
        let klen = u32::try_from(sa.len()).unwrap_or(0);
        Self::wr(n, lenp, &klen.to_ne_bytes())
    }

    fn do_getname(&mut self, n: &Notif, key: u64, addr: u64, lenp: u64, peer: bool) -> Res {
        let s = self.sock(key)?;
        let sa = if peer {
            sock::sockaddr_nl(s.dst_port, sock::group_mask(s.dst_group))
        } else {
            sock::sockaddr_nl(s.port, s.legacy_groups())
        };
        Self::put_addr(n, addr, lenp, &sa)?;
        Ok(Act::Val(0))
    }

    // ---- options ------------------------------------------------------------------------

    fn do_setsockopt(&mut self, n: &Notif, key: u64) -> Res {
        let level = arg_i32(n.args[1]);
        let name = arg_i32(n.args[2]);
        let optval = n.args[3];
        let optlen = arg_i32(n.args[4]);
        if level == libc::SOL_SOCKET {
            // Generic options: the kernel applies them to the unix socket with Linux's own
            // semantics (see sock.rs).
            return Ok(Act::Continue);
        }
        if level != libc::SOL_NETLINK {
            return Err(libc::ENOPROTOOPT);
        }
        let val = if optlen >= 4 {
            Self::rd_i32(n, optval)?
        } else {
            0
        };
        if !self.l.id_valid(n.id) {
            return Ok(Act::Done);
        }
        let on = val != 0;
        let s = self.socks.get_mut(&key).ok_or(libc::EBADF)?;
        let bid = s.backend;
        match name {
            opt::ADD_MEMBERSHIP | opt::DROP_MEMBERSHIP => {
                let join = name == opt::ADD_MEMBERSHIP;
                let group = u32_of(val);
                if group == 0 {
                    return Err(libc::EINVAL);
                }
                self.backend.set_membership(bid, group, join)?;
                s.set_group(group, join);
            }
            opt::PKTINFO => s.pktinfo = on,
            opt::BROADCAST_ERROR
            | opt::NO_ENOBUFS
            | opt::LISTEN_ALL_NSID
            | opt::CAP_ACK
            | opt::EXT_ACK
            | opt::GET_STRICT_CHK => {
                self.backend.set_flag(bid, name, on)?;
                match name {
                    opt::BROADCAST_ERROR => s.broadcast_error = on,
                    opt::NO_ENOBUFS => {
                        s.no_enobufs = on;
                        if on {
                            s.overrun = false;
                        }
                    }
                    opt::LISTEN_ALL_NSID => s.listen_all_nsid = on,
                    opt::CAP_ACK => s.cap_ack = on,
                    opt::EXT_ACK => s.ext_ack = on,
                    _ => s.strict_chk = on,
                }
            }
            _ => return Err(libc::ENOPROTOOPT),
        }
        Ok(Act::Val(0))
    }

    fn do_getsockopt(&mut self, n: &Notif, key: u64) -> Res {
        let level = arg_i32(n.args[1]);
        let name = arg_i32(n.args[2]);
        let optval = n.args[3];
        let lenp = n.args[4];
        let s = self.socks.get(&key).ok_or(libc::EBADF)?;
        let int_val: Option<i32> = match (level, name) {
            (libc::SOL_SOCKET, libc::SO_TYPE) => Some(s.sock_type),
            (libc::SOL_SOCKET, libc::SO_PROTOCOL) => Some(s.protocol),
            (libc::SOL_SOCKET, libc::SO_DOMAIN) => Some(libc::AF_NETLINK),
            (libc::SOL_SOCKET, _) => return Ok(Act::Continue),
            (libc::SOL_NETLINK, opt::PKTINFO) => Some(i32::from(s.pktinfo)),
            (libc::SOL_NETLINK, opt::BROADCAST_ERROR) => Some(i32::from(s.broadcast_error)),
            (libc::SOL_NETLINK, opt::NO_ENOBUFS) => Some(i32::from(s.no_enobufs)),
            (libc::SOL_NETLINK, opt::LISTEN_ALL_NSID) => Some(i32::from(s.listen_all_nsid)),
            (libc::SOL_NETLINK, opt::CAP_ACK) => Some(i32::from(s.cap_ack)),
            (libc::SOL_NETLINK, opt::EXT_ACK) => Some(i32::from(s.ext_ack)),
            (libc::SOL_NETLINK, opt::GET_STRICT_CHK) => Some(i32::from(s.strict_chk)),
            (libc::SOL_NETLINK, opt::LIST_MEMBERSHIPS) => None,
            _ => return Err(libc::ENOPROTOOPT),
        };
        let ulen = Self::rd_i32(n, lenp)?;
        if ulen < 0 {
            return Err(libc::EINVAL);
        }
        let ulen = usize::try_from(ulen).unwrap_or(0);
        match int_val {
            Some(v) => {
                if level == libc::SOL_NETLINK && ulen < 4 {
                    return Err(libc::EINVAL);
                }
                let k = ulen.min(4);
                Self::wr(n, optval, v.to_ne_bytes().get(..k).unwrap_or(&[]))?;
                Self::wr(n, lenp, &u32::try_from(k).unwrap_or(4).to_ne_bytes())?;
            }
            None => {
                // NETLINK_LIST_MEMBERSHIPS: as many words as fit, then the full size.
                let words = s.membership_words(MEMBERSHIP_WORDS);
                let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_ne_bytes()).collect();
                let k = (ulen / 4).saturating_mul(4).min(bytes.len());
                Self::wr(n, optval, bytes.get(..k).unwrap_or(&[]))?;
                Self::wr(
                    n,
                    lenp,
                    &u32::try_from(bytes.len()).unwrap_or(0).to_ne_bytes(),
                )?;
            }
        }
        Ok(Act::Val(0))
    }

    // ---- ioctl --------------------------------------------------------------------------

    fn do_ioctl(&mut self, n: &Notif, key: Option<u64>) -> Res {
        let cmd = u32::try_from(n.args[1] & 0xffff_ffff).unwrap_or(0);
        if key.is_some() && cmd == ioctl::FIONREAD {
            return Err(libc::ENOTTY);
        }
        if !ioctl::is_interface_ioctl(cmd) || self.native_ioctls {
            return Ok(Act::Continue);
        }
        if key.is_none() && !sys::tracee_fd_is_socket(n.tid, arg_i32(n.args[0])) {
            return Ok(Act::Continue);
        }
        let table = ioctl::Interfaces::dump(self.backend.as_mut())?;
        let arg = n.args[2];
        let v = ioctl::emulate(
            &table,
            cmd,
            &mut |addr, len| Self::rd(n, addr, len),
            &mut |addr, data| Self::wr(n, addr, data),
            arg,
        )?;
        Ok(Act::Val(v))
    }

    // ---- send ---------------------------------------------------------------------------

    fn read_iov(&self, n: &Notif, addr: u64, cnt: u64) -> Result<Vec<(u64, u64)>, i32> {
        if cnt > UIO_MAXIOV {
            return Err(libc::EINVAL);
        }
        let cnt = arg_usize(cnt);
        let b = Self::rd(n, addr, cnt.saturating_mul(IOVEC_LEN))?;
        let mut out = Vec::with_capacity(cnt);
        let mut total: u64 = 0;
        for c in b.chunks_exact(IOVEC_LEN) {
            let base = u64_at(c, 0).ok_or(libc::EFAULT)?;
            let len = u64_at(c, 8).ok_or(libc::EFAULT)?;
            total = total.checked_add(len).ok_or(libc::EINVAL)?;
            if total > u64::try_from(isize::MAX).unwrap_or(u64::MAX) {
                return Err(libc::EINVAL);
            }
            out.push((base, len));
        }
        Ok(out)
    }

    fn gather(n: &Notif, iov: &[(u64, u64)]) -> Result<Vec<u8>, i32> {
        let mut data = Vec::new();
        for &(base, len) in iov {
            if len > 0 {
                data.extend(Self::rd(n, base, arg_usize(len))?);
            }
        }
        Ok(data)
    }

    fn do_send(
        &mut self,
        n: &Notif,
        key: u64,
        data: Vec<u8>,
        dest: Option<[u8; SOCKADDR_NL_LEN]>,
    ) -> Res {
        let (dst_port, dst_group) = match dest {
            Some(a) => (u32_at(&a, 4).unwrap_or(0), u32_at(&a, 8).unwrap_or(0)),
            None => {
                let s = self.sock(key)?;
                (s.dst_port, s.dst_group)
            }
        };
        if dst_port != 0 {
            // Unicast to another user socket is not emulated.
            return Err(libc::ECONNREFUSED);
        }
        // User-originated multicast (dst_group) is not emulated; the kernel still gets it.
        let _ = dst_group;
        if !self.l.id_valid(n.id) {
            return Ok(Act::Done);
        }
        self.autobind(n, key)?;
        let bid = self.sock(key)?.backend;
        let out = self.backend.send(bid, &data)?;
        if self.verbose {
            self.log(
                n,
                &format!("{} bytes -> {} datagrams", data.len(), out.len()),
            );
        }
        self.deliver(key, out);
        self.deliver_async();
        Ok(Act::Val(len_i64(data.len())))
    }

    fn sendmsg_one(&mut self, n: &Notif, key: u64, mh_addr: u64) -> Result<usize, i32> {
        let mh = Self::rd(n, mh_addr, MSGHDR_LEN)?;
        let name = u64_at(&mh, 0).ok_or(libc::EFAULT)?;
        let namelen = u32_at(&mh, 8).map(i32_of).ok_or(libc::EFAULT)?;
        let iov_addr = u64_at(&mh, 16).ok_or(libc::EFAULT)?;
        let iovlen = u64_at(&mh, 24).ok_or(libc::EFAULT)?;
        if iovlen > UIO_MAXIOV {
            return Err(libc::EMSGSIZE);
        }
        let dest = if name != 0 && namelen != 0 {
            Some(Self::read_addr(n, name, namelen)?)
        } else {
            None
        };
        let iov = self.read_iov(n, iov_addr, iovlen)?;
        let data = Self::gather(n, &iov)?;
        let len = data.len();
        match self.do_send(n, key, data, dest)? {
            Act::Val(_) => Ok(len),
            _ => Err(libc::EINTR),
        }
    }

    fn do_sendmmsg(&mut self, n: &Notif, key: u64) -> Res {
        let vec = n.args[1];
        let vlen = n.args[2].min(UIO_MAXIOV);
        let mut done: i64 = 0;
        for i in 0..vlen {
            let entry = vec.wrapping_add(i.wrapping_mul(MMSGHDR_LEN));
            match self.sendmsg_one(n, key, entry) {
                Ok(len) => {
                    let l = u32::try_from(len).unwrap_or(u32::MAX);
                    Self::wr(n, entry.wrapping_add(56), &l.to_ne_bytes())?;
                    done = done.saturating_add(1);
                }
                Err(e) if done == 0 => return Err(e),
                Err(_) => break,
            }
        }
        Ok(Act::Val(done))
    }

    /// Queue deliveries on socket `key`.
    fn deliver(&mut self, key: u64, out: Vec<Delivery>) {
        let Some(s) = self.socks.get_mut(&key) else {
            return;
        };
        for d in out {
            match d {
                Delivery::Datagram { group, bytes } => {
                    let _ = s.enqueue(group, &bytes);
                }
                Delivery::Overrun => {
                    if !s.no_enobufs {
                        s.overrun = true;
                    }
                }
            }
        }
        self.woken.push(key);
    }

    /// Deliver the backend's asynchronous datagrams.
    fn deliver_async(&mut self) {
        for (bid, d) in self.backend.take_async() {
            let key = self
                .socks
                .iter()
                .find(|(_, s)| s.backend == bid)
                .map(|(k, _)| *k);
            if let Some(key) = key {
                self.deliver(key, vec![d]);
            }
        }
    }

    // ---- receive ------------------------------------------------------------------------

    /// Take (or peek at) the next datagram into at most `cap` bytes. `Ok(None)`: empty.
    fn recv_one(&mut self, key: u64, cap: usize, flags: i32) -> Result<Option<Got>, i32> {
        if flags & libc::MSG_OOB != 0 {
            return Err(libc::EOPNOTSUPP);
        }
        let s = self.sock(key)?;
        if s.overrun {
            s.overrun = false;
            return Err(libc::ENOBUFS);
        }
        let peek = flags & libc::MSG_PEEK != 0;
        let Some(d) = sys::recv_seqpacket(s.theirs.as_fd(), cap, peek).map_err(|e| errno_of(&e))?
        else {
            return Ok(None);
        };
        let group = if peek {
            s.fifo.front().copied().unwrap_or(0)
        } else {
            s.fifo.pop_front().unwrap_or(0)
        };
        Ok(Some(Got {
            data: d.data,
            full_len: d.full_len,
            group,
        }))
    }

    fn would_block(&mut self, key: u64, flags: i32) -> Res {
        let s = self.sock(key)?;
        if flags & libc::MSG_DONTWAIT != 0 || sys::is_nonblock(s.theirs.as_fd()) {
            Err(libc::EAGAIN)
        } else {
            Ok(Act::Park)
        }
    }

    fn scatter(n: &Notif, iov: &[(u64, u64)], data: &[u8]) -> Result<(), i32> {
        let mut rest = data;
        for &(base, len) in iov {
            if rest.is_empty() {
                break;
            }
            let k = arg_usize(len).min(rest.len());
            let (now, later) = rest.split_at(k);
            Self::wr(n, base, now)?;
            rest = later;
        }
        Ok(())
    }

    fn iov_cap(iov: &[(u64, u64)]) -> usize {
        iov.iter()
            .fold(0usize, |a, &(_, l)| a.saturating_add(arg_usize(l)))
    }

    /// Return value of a receive: the full length with `MSG_TRUNC` in flags, else the copy.
    fn recv_ret(got: &Got, cap: usize, flags: i32) -> i64 {
        if flags & libc::MSG_TRUNC != 0 {
            len_i64(got.full_len)
        } else {
            len_i64(got.full_len.min(cap))
        }
    }

    fn do_recv_plain(&mut self, n: &Notif, key: u64, iov: &[(u64, u64)], flags: i32) -> Res {
        let cap = Self::iov_cap(iov);
        match self.recv_one(key, cap, flags)? {
            Some(got) => {
                Self::scatter(n, iov, &got.data)?;
                Ok(Act::Val(Self::recv_ret(&got, cap, flags)))
            }
            None => self.would_block(key, flags),
        }
    }

    fn do_recvfrom(&mut self, n: &Notif, key: u64) -> Res {
        let a = n.args;
        let flags = arg_i32(a[3]);
        let iov = [(a[1], a[2])];
        let cap = Self::iov_cap(&iov);
        match self.recv_one(key, cap, flags)? {
            Some(got) => {
                Self::scatter(n, &iov, &got.data)?;
                if a[4] != 0 {
                    Self::put_addr(
                        n,
                        a[4],
                        a[5],
                        &sock::sockaddr_nl(0, sock::group_mask(got.group)),
                    )?;
                }
                Ok(Act::Val(Self::recv_ret(&got, cap, flags)))
            }
            None => self.would_block(key, flags),
        }
    }

    /// One `recvmsg` into the msghdr at `mh_addr`. `Ok(None)`: nothing queued.
    fn recvmsg_one(
        &mut self,
        n: &Notif,
        key: u64,
        mh_addr: u64,
        flags: i32,
    ) -> Result<Option<i64>, i32> {
        let mh = Self::rd(n, mh_addr, MSGHDR_LEN)?;
        let name = u64_at(&mh, 0).ok_or(libc::EFAULT)?;
        let namelen = u32_at(&mh, 8).map(i32_of).ok_or(libc::EFAULT)?;
        let iov_addr = u64_at(&mh, 16).ok_or(libc::EFAULT)?;
        let iovlen = u64_at(&mh, 24).ok_or(libc::EFAULT)?;
        let control = u64_at(&mh, 32).ok_or(libc::EFAULT)?;
        let controllen = u64_at(&mh, 40).ok_or(libc::EFAULT)?;
        if iovlen > UIO_MAXIOV {
            return Err(libc::EMSGSIZE);
        }
        let iov = self.read_iov(n, iov_addr, iovlen)?;
        let cap = Self::iov_cap(&iov);
        let Some(got) = self.recv_one(key, cap, flags)? else {
            return Ok(None);
        };
        Self::scatter(n, &iov, &got.data)?;
        let mut mflags = 0i32;
        if got.full_len > cap {
            mflags |= libc::MSG_TRUNC;
        }
        if name != 0 {
            if namelen < 0 {
                return Err(libc::EINVAL);
            }
            let sa = sock::sockaddr_nl(0, sock::group_mask(got.group));
            let k = usize::try_from(namelen).unwrap_or(0).min(SOCKADDR_NL_LEN);
            Self::wr(n, name, sa.get(..k).unwrap_or(&[]))?;
            Self::wr(n, mh_addr.wrapping_add(8), &12u32.to_ne_bytes())?;
        }
        let pktinfo = self.sock(key)?.pktinfo;
        let mut used: u64 = 0;
        if pktinfo && control != 0 {
            // struct cmsghdr {len u64 = CMSG_LEN(4) = 20, level, type} + struct nl_pktinfo.
            let mut c = Vec::with_capacity(24);
            c.extend_from_slice(&20u64.to_ne_bytes());
            c.extend_from_slice(&libc::SOL_NETLINK.to_ne_bytes());
            c.extend_from_slice(&opt::PKTINFO.to_ne_bytes());
            c.extend_from_slice(&got.group.to_ne_bytes());
            c.extend_from_slice(&[0u8; 4]);
            if controllen < 20 {
                mflags |= libc::MSG_CTRUNC;
            } else {
                used = controllen.min(24);
                Self::wr(n, control, c.get(..arg_usize(used)).unwrap_or(&[]))?;
            }
        }
        Self::wr(n, mh_addr.wrapping_add(40), &used.to_ne_bytes())?;
        Self::wr(n, mh_addr.wrapping_add(48), &mflags.to_ne_bytes())?;
        Ok(Some(Self::recv_ret(&got, cap, flags)))
    }

    /// `recvmmsg`: waits for the first datagram only (as with `MSG_WAITFORONE`).
    fn do_recvmmsg(&mut self, n: &Notif, key: u64) -> Res {
        let vec = n.args[1];
        let vlen = n.args[2].min(UIO_MAXIOV);
        let flags = arg_i32(n.args[3]);
        let mut done: i64 = 0;
        for i in 0..vlen {
            let entry = vec.wrapping_add(i.wrapping_mul(MMSGHDR_LEN));
            match self.recvmsg_one(n, key, entry, flags) {
                Ok(Some(len)) => {
                    let l = u32::try_from(len).unwrap_or(u32::MAX);
                    Self::wr(n, entry.wrapping_add(56), &l.to_ne_bytes())?;
                    done = done.saturating_add(1);
                }
                Ok(None) if done == 0 => return self.would_block(key, flags),
                Ok(None) => break,
                Err(e) if done == 0 => return Err(e),
                Err(_) => break,
            }
        }
        Ok(Act::Val(done))
    }
}
