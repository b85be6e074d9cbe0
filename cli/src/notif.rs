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
use crate::netfs;
use crate::sock::{opt, Sock};
use crate::sys::{self, Listener, Notif};
use crate::sysargs::{self, arg_i32, arg_usize, i32_of, len_i64, u32_of, u64_at, Mem, UIO_MAXIOV};
use nlcompat::socket::{linux_sockaddr, mask_of_group, NlAddr, SOCKADDR_NL_LEN};
use std::collections::BTreeMap;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::time::Instant;

/// `eprintln!` that never panics: a closed stderr must not take the runner (and with it every
/// notified call of the program) down.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// `RWF_NOWAIT` (`include/uapi/linux/fs.h`).
const RWF_NOWAIT: i32 = 8;

/// How often parked receives are checked for signals, timeouts and dead callers.
const PARK_TICK_MS: i32 = 20;
/// Capacity forced on the runner's end of each pair (`SO_SNDBUFFORCE`): the queue limit.
const QUEUE_BYTES: i32 = 4 << 20;
/// No queued datagram is larger than this (twice the forced queue size).
const MAX_DATAGRAM: usize = 8 << 20;
/// First autobind id after the tgid is taken (Linux counts down from -4096).
const ROVER_START: i32 = -4096;
/// `ERESTARTSYS`, the kernel-internal "restart or EINTR" code.
const ERESTARTSYS: i32 = 512;
/// Linux's `SOCK_MAX`: larger types are `EINVAL` before the family sees them.
const SOCK_MAX: i32 = 11;
/// `MAX_LINKS`: netlink protocols are 0..32.
const MAX_LINKS: i32 = 32;
/// Live sockets above which creating one triggers a garbage-collection sweep.
const SWEEP_MIN: usize = 32;
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

/// The calling thread's memory.
impl Mem for Notif {
    fn read(&self, addr: u64, len: usize) -> Result<Vec<u8>, i32> {
        sys::read_mem(self.tid, addr, len).map_err(|_| libc::EFAULT)
    }

    fn write(&self, addr: u64, data: &[u8]) -> Result<(), i32> {
        sys::write_mem(self.tid, addr, data).map_err(|_| libc::EFAULT)
    }
}

#[derive(Debug)]
struct Parked {
    n: Notif,
    key: u64,
    deadline: Option<Instant>,
}

fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
}

/// `dup`, `dup2`, `dup3` and `fcntl` (the filter notifies only copies of descriptors in the
/// reserved range that would land below it).
fn is_dup_call(nr: i64) -> bool {
    #[cfg(target_arch = "x86_64")]
    if nr == libc::SYS_dup2 {
        return true;
    }
    matches!(nr, libc::SYS_dup | libc::SYS_dup3 | libc::SYS_fcntl)
}

fn syscall_name(nr: i64) -> &'static str {
    #[cfg(target_arch = "x86_64")]
    if nr == libc::SYS_dup2 {
        return "dup2";
    }
    match nr {
        libc::SYS_dup => "dup",
        libc::SYS_dup3 => "dup3",
        libc::SYS_fcntl => "fcntl",
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
        libc::SYS_preadv2 => "preadv2",
        libc::SYS_pwritev2 => "pwritev2",
        libc::SYS_ioctl => "ioctl",
        libc::SYS_listen => "listen",
        libc::SYS_accept => "accept",
        libc::SYS_accept4 => "accept4",
        libc::SYS_shutdown => "shutdown",
        libc::SYS_sendfile => "sendfile",
        libc::SYS_splice => "splice",
        nr => devices::path_call_name(nr),
    }
}

/// Whether the thread has a signal it will act on: pending (`SigPnd | ShdPnd`), not blocked
/// (`SigBlk`) and not ignored (`SigIgn`). Caught signals need the handler to run; stop signals
/// must stop a program parked in a receive (job control); and a fatal default action ends the
/// killable wait by itself only when the thread is not ptraced (`complete_signal()` in
/// `kernel/signal.c` skips the fast kill for traced tasks, whose tracer — strace — must see the
/// signal first), so it is answered here too: the kernel then delivers it as natively.
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
    pending & !field("SigBlk:") & !field("SigIgn:") != 0
}

/// Every process below the supervisor (children first found through
/// `/proc/PID/task/TID/children`).
fn descendants() -> Vec<u32> {
    let mut out = Vec::new();
    let mut todo = vec![std::process::id()];
    while let Some(pid) = todo.pop() {
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
            continue;
        };
        for t in tasks.flatten() {
            let Ok(list) = std::fs::read_to_string(t.path().join("children")) else {
                continue;
            };
            for c in list
                .split_whitespace()
                .filter_map(|c| c.parse::<u32>().ok())
            {
                out.push(c);
                todo.push(c);
            }
        }
    }
    out
}

/// Inodes of all sockets open in the given processes.
fn open_socket_inodes(pids: &[u32]) -> std::collections::BTreeSet<u64> {
    let mut set = std::collections::BTreeSet::new();
    for pid in pids {
        let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
            continue;
        };
        for fd in fds.flatten() {
            let Ok(target) = std::fs::read_link(fd.path()) else {
                continue;
            };
            let ino = target
                .to_str()
                .and_then(|t| t.strip_prefix("socket:["))
                .and_then(|t| t.strip_suffix(']'))
                .and_then(|t| t.parse::<u64>().ok());
            if let Some(ino) = ino {
                set.insert(ino);
            }
        }
    }
    set
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
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// First descriptor of the reserved range (`sys::fd_base`): emulated sockets and their
    /// copies are placed at or above it, where the filter notifies calls.
    pub(crate) fd_base: u32,
    /// Log emulated calls on stderr.
    pub(crate) verbose: bool,
    /// Answer `SIOCGIF*` from the backend even when it allows native ioctls.
    pub(crate) emulate_ioctls: bool,
    /// The program as given (`argv[0]`), for the "cannot execute" message.
    pub(crate) program: String,
}

/// The emulation state.
struct Runner {
    l: Listener,
    backend: Box<dyn Backend>,
    socks: BTreeMap<u64, Sock>,
    /// Last socket seen at each descriptor number: checked with one `kcmp` before use, so a
    /// stale entry (another process's table, a reused number) costs a lookup, not a mistake.
    by_fd: BTreeMap<i32, u64>,
    /// First descriptor of the reserved range.
    fd_base: u32,
    /// Watches the runner's end of every pair: it becomes readable only when the program
    /// wrote to its end natively, through a descriptor outside the reserved range (a socket
    /// received with `SCM_RIGHTS`); such datagrams are still served.
    raw: sys::Epoll,
    /// Sockets already reported as used outside the reserved range.
    escaped: std::collections::BTreeSet<u64>,
    /// The program's pid (autobind of a socket first used outside the range).
    main_pid: u32,
    next_key: u64,
    rover: i32,
    parked: Vec<Parked>,
    /// Sockets that received data since parked receives were last retried.
    woken: Vec<u64>,
    verbose: bool,
    native_ioctls: bool,
    /// FreeBSD backend: the generated `/proc/net` and `/sys/class/net`, and FreeBSD's answers
    /// to ioctls and opens (`notif/devices.rs`); `None` with the Linux backend.
    netfs: Option<netfs::Tree>,
    /// Socket count at which the next `socket()` sweeps.
    sweep_at: usize,
    /// A process ended since the last sweep: its sockets may be gone.
    maybe_closed: bool,
    /// Port-triggered sweeps still to skip, and the current backoff.
    sweep_skip: u32,
    sweep_backoff: u32,
    /// A pidfd per process that created an emulated socket (by thread-group id), watched in
    /// `exits`: when one ends, a sweep frees the sockets no process holds any more. (The
    /// runner only gets `SIGCHLD` for its own children; a client the program forked and killed
    /// would otherwise leave its sockets, their queues and memberships until a later sweep.)
    watched: BTreeMap<u32, OwnedFd>,
    exits: sys::Epoll,
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
    const T_RAW: u64 = 3;
    const T_EXIT: u64 = 4;
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
    let raw = sys::Epoll::new().map_err(|e| format!("epoll: {e}"))?;
    epoll
        .add(raw.raw(), T_RAW)
        .map_err(|e| format!("epoll: {e}"))?;
    let exits = sys::Epoll::new().map_err(|e| format!("epoll: {e}"))?;
    epoll
        .add(exits.raw(), T_EXIT)
        .map_err(|e| format!("epoll: {e}"))?;
    let listener_raw = sp.listener.raw();
    let _ = sp.listener.set_sync_wakeup();
    let backend_native = backend.native_ioctls();
    let mut r = Runner {
        l: sp.listener,
        backend,
        socks: BTreeMap::new(),
        by_fd: BTreeMap::new(),
        fd_base: opts.fd_base,
        raw,
        escaped: std::collections::BTreeSet::new(),
        main_pid: u32::try_from(main_pid).unwrap_or(0),
        next_key: 1,
        rover: ROVER_START,
        parked: Vec::new(),
        woken: Vec::new(),
        verbose: opts.verbose,
        native_ioctls: backend_native && !opts.emulate_ioctls,
        netfs: if backend_native {
            None
        } else {
            Some(netfs::Tree::new().map_err(|e| format!("cannot create the /proc/net tree: {e}"))?)
        },
        sweep_at: SWEEP_MIN,
        maybe_closed: false,
        sweep_skip: 0,
        sweep_backoff: 0,
        watched: BTreeMap::new(),
        exits,
    };
    let page = sp.page;
    let mut main_status: Option<i32> = None;
    // The child may have ended before the signalfd was watched: look once at the start.
    let mut reap = true;
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
                    // Termination signals sent to the runner go on to the program; those the
                    // terminal sent to the whole process group reached it already.
                    while let Some(sig) = sys::read_signal(sigfd) {
                        reap |= sig.signo == libc::SIGCHLD;
                        r.maybe_closed |= sig.signo == libc::SIGCHLD;
                        if sig.signo != libc::SIGCHLD && !sig.from_kernel && main_status.is_none() {
                            sys::kill(main_pid, sig.signo);
                        }
                    }
                }
                T_RAW => r.serve_escaped(),
                T_EXIT => r.reap_exits(),
                _ => r.deliver_async(),
            }
        }
        r.retry_parked();
        // Reap only when SIGCHLD said something changed (wait4 is the costliest call here).
        while std::mem::take(&mut reap) {
            match sys::wait_any() {
                sys::WaitResult::Exited(pid, code) => {
                    if pid == main_pid {
                        main_status = Some(code);
                    }
                    reap = true;
                }
                sys::WaitResult::Running => {}
                sys::WaitResult::NoChildren => {
                    return match (main_status, page.exec_error()) {
                        (Some(_), Some(e)) => {
                            // Shell convention: 127 not found, 126 not executable.
                            note!("nlcompat: cannot execute {}: {e}", opts.program);
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
            note!(
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
                // Linux (`sock_intr_errno`): a socket wait with a timeout fails with EINTR even
                // under SA_RESTART; without one it restarts.
                let code = if p.deadline.is_some() {
                    libc::EINTR
                } else {
                    ERESTARTSYS
                };
                let _ = self.l.respond(p.n.id, 0, code, false);
            } else {
                self.parked.push(p);
            }
        }
        // Data that arrived while retrying (none expected) is picked up next round.
    }

    /// Port id `port` of `protocol` is wanted and a known socket holds it: sweep if that
    /// socket may be gone. Not when the caller still has it where it last used it (one `kcmp`:
    /// a program holding a thousand sockets does not pay a scan per bind). Otherwise always
    /// after a process ended, else with exponential backoff while sweeps find nothing (the
    /// holder may live in another process). A program that closes its sockets, like Go's
    /// `NetlinkRIB`, gets its pid back at once, as on Linux.
    pub(super) fn sweep_for_port(&mut self, tid: u32, protocol: i32, port: u32) {
        let holder = self
            .socks
            .iter()
            .find(|(_, s)| s.port == port && s.protocol == protocol);
        if let Some((&key, s)) = holder {
            let alive = self
                .by_fd
                .iter()
                .filter(|&(_, &k)| k == key)
                .any(|(&fd, _)| sys::same_file(tid, fd, s.theirs.as_fd()));
            if alive {
                return;
            }
            // Seen at a descriptor that no longer holds it: most likely closed, sweep now.
            // Never seen there (another process's socket): back off.
            let seen = self.by_fd.values().any(|&k| k == key);
            if !seen && !self.maybe_closed && self.sweep_skip > 0 {
                self.sweep_skip = self.sweep_skip.saturating_sub(1);
                return;
            }
        }
        if self.sweep() > 0 {
            self.sweep_backoff = 0;
        } else {
            self.sweep_backoff = self.sweep_backoff.saturating_mul(2).clamp(1, 64);
        }
        self.sweep_skip = self.sweep_backoff;
    }

    /// Watch the process of thread `tid` (it created a socket) for its end.
    pub(super) fn watch_exit(&mut self, tid: u32) {
        let tgid = tgid_of(tid);
        if self.watched.contains_key(&tgid) {
            return;
        }
        if let Ok(fd) = sys::pidfd_open(tgid) {
            if self.exits.add(fd.as_raw_fd(), u64::from(tgid)).is_ok() {
                self.watched.insert(tgid, fd);
            }
        }
    }

    /// Watched processes ended: stop watching them and sweep once.
    fn reap_exits(&mut self) {
        let ended = self.exits.wait(0).unwrap_or_default();
        if ended.is_empty() {
            return;
        }
        for (tgid, _) in ended {
            let Ok(tgid) = u32::try_from(tgid) else {
                continue;
            };
            if let Some(fd) = self.watched.remove(&tgid) {
                self.exits.del(fd.as_raw_fd());
            }
        }
        if !self.socks.is_empty() {
            let _ = self.sweep();
        }
    }

    /// Garbage collection: forget sockets no process of the tree holds any more (the program
    /// closed every descriptor of it; `close` itself is left to the kernel). Runs when the
    /// socket count has doubled, or when a wanted port id is held ([`Runner::sweep_for_port`]).
    /// Returns how many sockets were forgotten.
    pub(super) fn sweep(&mut self) -> usize {
        self.maybe_closed = false;
        let live = open_socket_inodes(&descendants());
        let dead: Vec<u64> = self
            .socks
            .iter()
            .filter(|(_, s)| !live.contains(&s.ino))
            .map(|(k, _)| *k)
            .collect();
        let freed = dead.len();
        for key in dead {
            if let Some(s) = self.socks.remove(&key) {
                if self.verbose {
                    note!("nlcompat: socket with port {} closed", i32_of(s.port));
                }
                self.backend.close(s.backend);
            }
        }
        self.sweep_at = self.socks.len().saturating_mul(2).max(SWEEP_MIN);
        freed
    }

    /// The emulated socket behind descriptor `fd` of thread `tid`, by open file: the socket
    /// last seen at that number if one `kcmp` confirms it, else by the inode the descriptor
    /// refers to (one `stat` of `/proc/TID/fd/FD`). Constant cost in the number of sockets.
    fn find(&mut self, tid: u32, fd: i32) -> Option<u64> {
        if fd < 0 {
            return None;
        }
        if let Some(&key) = self.by_fd.get(&fd) {
            if let Some(s) = self.socks.get(&key) {
                if sys::same_file(tid, fd, s.theirs.as_fd()) {
                    return Some(key);
                }
            }
        }
        let ino = sys::socket_inode(tid, fd)?;
        let key = self
            .socks
            .iter()
            .find(|(_, s)| s.ino == ino)
            .map(|(k, _)| *k)?;
        self.by_fd.insert(fd, key);
        Some(key)
    }

    fn sock(&mut self, key: u64) -> Result<&mut Sock, i32> {
        self.socks.get_mut(&key).ok_or(libc::EBADF)
    }

    fn rd(n: &Notif, addr: u64, len: usize) -> Result<Vec<u8>, i32> {
        n.read(addr, len)
    }

    fn wr(n: &Notif, addr: u64, data: &[u8]) -> Result<(), i32> {
        n.write(addr, data)
    }

    fn handle(&mut self, n: &Notif) -> Res {
        if n.nr == libc::SYS_socket {
            return self.do_socket(n);
        }
        if n.nr == libc::SYS_splice {
            // splice(fd_in, off_in, fd_out, ...): bytes would bypass the runner either way.
            let ours = [n.args[0], n.args[2]]
                .iter()
                .any(|&fd| self.find(n.tid, arg_i32(fd)).is_some());
            if !ours {
                return Ok(Act::Continue);
            }
            note!("nlcompat: splice() with a netlink socket is not emulated");
            return Err(libc::EINVAL);
        }
        if let Some(call) = devices::path_call(n) {
            return self.do_path(n, &call);
        }
        if is_dup_call(n.nr) {
            return self.do_dup(n);
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
                let data = self.gather(n, key, &[sysargs::rw_buf(a[1], a[2])?])?;
                self.do_send(n, key, data, None)
            }
            libc::SYS_writev => {
                let iov = sysargs::read_iov(n, a[1], a[2])?;
                if sysargs::empty_io(&iov) {
                    return Ok(Act::Val(0));
                }
                let data = self.gather(n, key, &iov)?;
                self.do_send(n, key, data, None)
            }
            libc::SYS_sendto => {
                // `__sys_sendto`: the buffer, the address, then `netlink_sendmsg`.
                let buf = sysargs::ubuf(a[1], a[2])?;
                let addr = sysargs::sendto_addr(n, a[4], arg_i32(a[5]))?;
                sysargs::send_flags(arg_i32(a[3]))?;
                let dest = sysargs::send_dest(&addr)?;
                let data = self.gather(n, key, &[buf])?;
                self.do_send(n, key, data, dest)
            }
            libc::SYS_sendmsg => {
                let len = self.sendmsg_one(n, key, a[1], arg_i32(a[2]))?;
                Ok(Act::Val(len_i64(len)))
            }
            libc::SYS_sendmmsg => self.do_sendmmsg(n, key),
            libc::SYS_read => {
                let iov = vec![sysargs::rw_buf(a[1], a[2])?];
                if sysargs::empty_io(&iov) {
                    return Ok(Act::Val(0));
                }
                self.do_recv_plain(n, key, &iov, 0)
            }
            libc::SYS_readv => {
                let iov = sysargs::read_iov(n, a[1], a[2])?;
                if sysargs::empty_io(&iov) {
                    return Ok(Act::Val(0));
                }
                self.do_recv_plain(n, key, &iov, 0)
            }
            // preadv2/pwritev2 at offset -1 are readv/writev (a socket has no other offsets:
            // ESPIPE); RWF_NOWAIT does not block. Left alone they would bypass the runner.
            libc::SYS_preadv2 | libc::SYS_pwritev2 if a[3] != u64::MAX => Err(libc::ESPIPE),
            libc::SYS_preadv2 => {
                let iov = sysargs::read_iov(n, a[1], a[2])?;
                if sysargs::empty_io(&iov) {
                    return Ok(Act::Val(0));
                }
                let nowait = arg_i32(a[5]) & RWF_NOWAIT != 0;
                let flags = if nowait { libc::MSG_DONTWAIT } else { 0 };
                self.do_recv_plain(n, key, &iov, flags)
            }
            libc::SYS_pwritev2 => {
                let iov = sysargs::read_iov(n, a[1], a[2])?;
                if sysargs::empty_io(&iov) {
                    return Ok(Act::Val(0));
                }
                let data = self.gather(n, key, &iov)?;
                self.do_send(n, key, data, None)
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
            // Netlink has no connections (`sock_no_listen`, `sock_no_accept`,
            // `sock_no_shutdown`).
            libc::SYS_listen | libc::SYS_accept | libc::SYS_accept4 | libc::SYS_shutdown => {
                Err(libc::EOPNOTSUPP)
            }
            // Would write raw bytes into the program's unix socket behind the runner's back.
            libc::SYS_sendfile => {
                note!("nlcompat: sendfile() to a netlink socket is not emulated");
                Err(libc::EINVAL)
            }
            // Anything else runs on the program's unix socket (`close` is not even notified).
            _ => Ok(Act::Continue),
        }
    }
}

mod devices;
mod recv;
mod send;
mod setup;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arg_conversions() {
        assert_eq!(arg_i32(0xffff_ffff), -1);
        assert_eq!(arg_i32(0x1_0000_0003), 3);
        assert_eq!(u32_of(-4096), 0xffff_f000);
    }
}
