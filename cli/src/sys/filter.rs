// SPDX-License-Identifier: BSD-2-Clause
//! Launching the tracee under a seccomp filter whose listener the supervisor takes over.
//!
//! Sequence (linux-clients.md §4.2): `fork`; the child sets `PR_SET_PDEATHSIG` and
//! `PR_SET_NO_NEW_PRIVS`, installs the filter with `SECCOMP_FILTER_FLAG_NEW_LISTENER |
//! SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV`, publishes the listener number in a shared page and
//! stops itself; the parent takes the listener with `pidfd_getfd`, resumes the child, which
//! closes its copy (with `close_range`, not filtered) and `execvp`s. Passing the listener over a
//! pipe or socket would deadlock: `write` is already filtered and nobody listens yet.

use super::{cvt, cvt_int, owned, Listener};
use std::ffi::CString;
use std::io;

/// `AUDIT_ARCH_X86_64` (`include/uapi/linux/audit.h`: EM_X86_64 | 64BIT | LE).
#[cfg(target_arch = "x86_64")]
const AUDIT_ARCH: u32 = 0xC000_003E;
/// `AUDIT_ARCH_AARCH64` (EM_AARCH64 | 64BIT | LE).
#[cfg(target_arch = "aarch64")]
const AUDIT_ARCH: u32 = 0xC000_00B7;

/// x32 syscalls have this bit set in `nr` on x86_64; they would escape a number-based filter.
const X32_SYSCALL_BIT: u32 = 0x4000_0000;

/// Classic BPF opcodes (`include/uapi/linux/bpf_common.h`).
const BPF_LD_W_ABS: u16 = 0x20;
const BPF_JEQ_K: u16 = 0x15;
const BPF_JGE_K: u16 = 0x35;
const BPF_RET_K: u16 = 0x06;

/// Offsets in `struct seccomp_data`.
const OFF_NR: u32 = 0;
const OFF_ARCH: u32 = 4;
/// Low 32 bits of `args[i]` (little endian): a descriptor argument is an `int`, the kernel
/// ignores the high half.
const fn off_arg(i: u32) -> u32 {
    16 + 8 * i
}

/// `SECCOMP_RET_ERRNO` and `SECCOMP_RET_KILL_PROCESS` (`include/uapi/linux/seccomp.h`).
const RET_ERRNO: u32 = 0x0005_0000;
const RET_KILL_PROCESS: u32 = 0x8000_0000;
const RET_ALLOW: u32 = 0x7fff_0000;

/// `F_DUPFD` and `F_DUPFD_CLOEXEC` (`include/uapi/linux/fcntl.h`).
const F_DUPFD: u32 = 0;
const F_DUPFD_CLOEXEC: u32 = 1030;

/// Lowest descriptor of the reserved range for the default `RLIMIT_NOFILE` of 1024: emulated
/// sockets live at or above it, and only calls on descriptors at or above it are notified.
/// Programs allocate from 0 up (POSIX's lowest-free rule), so their own files stay below and
/// their `read`/`write` run without the runner; `select()` still works (below `FD_SETSIZE`).
pub(crate) const FD_BASE_DEFAULT: u32 = 64;

/// The reserved range's base for the soft `RLIMIT_NOFILE` the program starts with: 64, or
/// half the limit when that is lower (a socket must fit below the limit; at least 3, so
/// standard input, output and error are always exempt).
pub(crate) fn fd_base() -> u32 {
    let mut r = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `r` is a live rlimit the call writes.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut r) } == 0;
    let soft = if ok { r.rlim_cur } else { 1024 };
    u32::try_from(soft / 2)
        .unwrap_or(u32::MAX)
        .clamp(3, FD_BASE_DEFAULT)
}

/// Where a jump goes: the next instruction, or a labelled one further down.
#[derive(Clone, Copy, PartialEq, Eq)]
enum To {
    Next,
    L(Label),
}

/// Jump targets of the program.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Label {
    Allow,
    Notify,
    Enosys,
    Kill,
    Socket,
    FcntlCloexec,
    /// Per-syscall argument checks, by index into the call table.
    Check(usize),
}

/// One instruction before jump offsets are resolved.
enum Ins {
    Stmt(u16, u32),
    Jump(u16, u32, To, To),
    Here(Label),
}

/// Resolve labels into classic BPF; `None` for a backward jump or one of 256 or more (a
/// program that cannot be expressed).
fn assemble(prog: &[Ins]) -> Option<Vec<libc::sock_filter>> {
    let mut at = Vec::new();
    let mut n = 0usize;
    for i in prog {
        match i {
            Ins::Here(l) => at.push((*l, n)),
            _ => n += 1,
        }
    }
    let mut out = Vec::with_capacity(n);
    for i in prog {
        let pc = out.len();
        let off = |t: To| -> Option<u8> {
            match t {
                To::Next => Some(0),
                To::L(l) => {
                    let target = at.iter().find(|(x, _)| *x == l)?.1;
                    u8::try_from(target.checked_sub(pc)?.checked_sub(1)?).ok()
                }
            }
        };
        match *i {
            Ins::Stmt(code, k) => out.push(libc::sock_filter {
                code,
                jt: 0,
                jf: 0,
                k,
            }),
            Ins::Jump(code, k, jt, jf) => out.push(libc::sock_filter {
                code,
                jt: off(jt)?,
                jf: off(jf)?,
                k,
            }),
            Ins::Here(_) => {}
        }
    }
    Some(out)
}

/// When a syscall is notified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum When {
    /// Always.
    Always,
    /// When one of these descriptor arguments is in the reserved range.
    FdIn(&'static [u32]),
    /// `dup2`/`dup3`: the old descriptor is in the range and the new one (argument
    /// `new_arg`) below it: the copy would leave the range.
    CopyOut { new_arg: u32 },
    /// `fcntl`: `F_DUPFD`/`F_DUPFD_CLOEXEC` of a descriptor in the range with a minimum
    /// below it.
    DupFcntl,
}

/// The syscalls the runner serves and when they are notified (§4.3). Every call that can
/// name an emulated socket is notified when its descriptor is in the reserved range; every
/// call that could copy one out of the range (`dup`, `dup2`, `dup3`, `fcntl(F_DUPFD*)`) is
/// notified too, so copies are placed in the range as well. `close` is not notified: a
/// notified call that a signal interrupts before the runner picks it up fails with `EINTR`
/// when the handler lacks `SA_RESTART`, which `close` never does natively and callers never
/// retry (a shell's `close` of a pipe end failed that way and hung it). Closing is left to
/// the kernel; the runner finds closed sockets by sweeping.
fn notified_syscalls(all_ioctls: bool) -> Vec<(libc::c_long, When)> {
    const A0: When = When::FdIn(&[0]);
    let mut v = vec![
        (libc::SYS_bind, A0),
        (libc::SYS_connect, A0),
        (libc::SYS_getsockname, A0),
        (libc::SYS_getpeername, A0),
        (libc::SYS_setsockopt, A0),
        (libc::SYS_getsockopt, A0),
        (libc::SYS_sendto, A0),
        (libc::SYS_sendmsg, A0),
        (libc::SYS_sendmmsg, A0),
        (libc::SYS_recvfrom, A0),
        (libc::SYS_recvmsg, A0),
        (libc::SYS_recvmmsg, A0),
        (libc::SYS_read, A0),
        (libc::SYS_write, A0),
        (libc::SYS_readv, A0),
        (libc::SYS_writev, A0),
        (libc::SYS_preadv2, A0),
        (libc::SYS_pwritev2, A0),
        (libc::SYS_ioctl, if all_ioctls { When::Always } else { A0 }),
        (libc::SYS_listen, A0),
        (libc::SYS_accept, A0),
        (libc::SYS_accept4, A0),
        (libc::SYS_shutdown, A0),
        (libc::SYS_sendfile, When::FdIn(&[0, 1])),
        (libc::SYS_splice, When::FdIn(&[0, 2])),
        (libc::SYS_dup, A0),
        (libc::SYS_dup3, When::CopyOut { new_arg: 1 }),
        (libc::SYS_fcntl, When::DupFcntl),
    ];
    #[cfg(target_arch = "x86_64")]
    v.push((libc::SYS_dup2, When::CopyOut { new_arg: 1 }));
    v
}

/// The calls that name a path, notified with the FreeBSD backend: opening, `stat`, `access` and
/// `readlink` in all their forms (the legacy ones exist on x86_64 only).
fn path_syscalls() -> Vec<libc::c_long> {
    let mut v = vec![
        libc::SYS_openat,
        libc::SYS_openat2,
        libc::SYS_newfstatat,
        libc::SYS_statx,
        libc::SYS_faccessat,
        libc::SYS_faccessat2,
        libc::SYS_readlinkat,
    ];
    #[cfg(target_arch = "x86_64")]
    v.extend([
        libc::SYS_open,
        libc::SYS_stat,
        libc::SYS_lstat,
        libc::SYS_access,
        libc::SYS_readlink,
    ]);
    v
}

/// Build the filter program (`base` = first descriptor of the reserved range):
///
/// ```text
///   arch != native            -> KILL_PROCESS
///   nr >= X32 bit             -> ERRNO(ENOSYS)
///   nr == io_uring_setup      -> ERRNO(ENOSYS)   (io_uring operations bypass seccomp)
///   nr == socket              -> arg0 == AF_NETLINK ? USER_NOTIF : ALLOW
///                                (`watch_opens`: families FreeBSD lacks -> ERRNO(EAFNOSUPPORT))
///   nr in path_syscalls()     -> USER_NOTIF      (only when `watch_opens`)
///   nr in notified_syscalls() -> USER_NOTIF when its descriptor argument is >= base
///                                (dup2/dup3: old >= base and new < base;
///                                 fcntl: fd >= base, F_DUPFD*, minimum < base)
///   otherwise                 -> ALLOW
/// ```
fn build_filter(watch_opens: bool, all_ioctls: bool, base: u32) -> Option<Vec<libc::sock_filter>> {
    use Ins::{Here, Jump, Stmt};
    use Label::{Allow, Check, Enosys, FcntlCloexec, Kill, Notify, Socket};
    let calls = notified_syscalls(all_ioctls);
    let mut p = vec![
        Stmt(BPF_LD_W_ABS, OFF_ARCH),
        Jump(BPF_JEQ_K, AUDIT_ARCH, To::Next, To::L(Kill)),
        Stmt(BPF_LD_W_ABS, OFF_NR),
        Jump(BPF_JGE_K, X32_SYSCALL_BIT, To::L(Enosys), To::Next),
        Jump(
            BPF_JEQ_K,
            libc::SYS_io_uring_setup as u32,
            To::L(Enosys),
            To::Next,
        ),
        Jump(BPF_JEQ_K, libc::SYS_socket as u32, To::L(Socket), To::Next),
    ];
    if watch_opens {
        for nr in path_syscalls() {
            p.push(Jump(BPF_JEQ_K, nr as u32, To::L(Notify), To::Next));
        }
    }
    for (i, &(nr, when)) in calls.iter().enumerate() {
        let to = if when == When::Always {
            To::L(Notify)
        } else {
            To::L(Check(i))
        };
        p.push(Jump(BPF_JEQ_K, nr as u32, to, To::Next));
    }
    p.push(Stmt(BPF_RET_K, RET_ALLOW));
    // Per-call checks; each ends in a jump to Allow or Notify at the end of the program.
    for (i, &(_, when)) in calls.iter().enumerate() {
        match when {
            When::Always => {}
            When::FdIn(args) => {
                p.push(Here(Check(i)));
                for &a in args {
                    p.push(Stmt(BPF_LD_W_ABS, off_arg(a)));
                    p.push(Jump(BPF_JGE_K, base, To::L(Notify), To::Next));
                }
                p.push(Stmt(BPF_RET_K, RET_ALLOW));
            }
            When::CopyOut { new_arg } => {
                p.push(Here(Check(i)));
                p.push(Stmt(BPF_LD_W_ABS, off_arg(0)));
                p.push(Jump(BPF_JGE_K, base, To::Next, To::L(Allow)));
                p.push(Stmt(BPF_LD_W_ABS, off_arg(new_arg)));
                p.push(Jump(BPF_JGE_K, base, To::L(Allow), To::L(Notify)));
            }
            When::DupFcntl => {
                p.push(Here(Check(i)));
                p.push(Stmt(BPF_LD_W_ABS, off_arg(0)));
                p.push(Jump(BPF_JGE_K, base, To::Next, To::L(Allow)));
                p.push(Stmt(BPF_LD_W_ABS, off_arg(1)));
                p.push(Jump(BPF_JEQ_K, F_DUPFD, To::L(FcntlCloexec), To::Next));
                p.push(Jump(
                    BPF_JEQ_K,
                    F_DUPFD_CLOEXEC,
                    To::L(FcntlCloexec),
                    To::L(Allow),
                ));
                p.push(Here(FcntlCloexec));
                p.push(Stmt(BPF_LD_W_ABS, off_arg(2)));
                p.push(Jump(BPF_JGE_K, base, To::L(Allow), To::L(Notify)));
            }
        }
    }
    // socket(): by family.
    p.push(Here(Socket));
    p.push(Stmt(BPF_LD_W_ABS, off_arg(0)));
    if watch_opens {
        // The FreeBSD backend: FreeBSD's Linuxulator maps only a few families
        // (`linux_to_bsd_domain()` in `sys/compat/linux/linux.c`); a Linux program gets
        // EAFNOSUPPORT for the others, among them AF_PACKET, through which it would otherwise
        // see and send on the real host's interfaces.
        p.push(Jump(
            BPF_JEQ_K,
            libc::AF_NETLINK as u32,
            To::L(Notify),
            To::Next,
        ));
        for fam in [libc::AF_UNIX, libc::AF_INET, libc::AF_INET6] {
            p.push(Jump(BPF_JEQ_K, fam as u32, To::L(Allow), To::Next));
        }
        p.push(Stmt(BPF_RET_K, RET_ERRNO | libc::EAFNOSUPPORT as u32));
    } else {
        p.push(Jump(
            BPF_JEQ_K,
            libc::AF_NETLINK as u32,
            To::L(Notify),
            To::L(Allow),
        ));
    }
    p.push(Here(Enosys));
    p.push(Stmt(BPF_RET_K, RET_ERRNO | libc::ENOSYS as u32));
    p.push(Here(Kill));
    p.push(Stmt(BPF_RET_K, RET_KILL_PROCESS));
    p.push(Here(Allow));
    p.push(Stmt(BPF_RET_K, RET_ALLOW));
    p.push(Here(Notify));
    p.push(Stmt(BPF_RET_K, libc::SECCOMP_RET_USER_NOTIF));
    assemble(&p)
}

/// Shared anonymous page through which the child reports to the parent before `exec`.
pub(crate) struct SharedPage(*mut i32);

/// Slots of the shared page.
const SLOT_LISTENER: usize = 0;
const SLOT_ERRNO: usize = 1;
const SLOT_STAGE: usize = 2;
/// Stages reported in `SLOT_STAGE` when the child fails.
const STAGE_SECCOMP: i32 = 1;
const STAGE_EXEC: i32 = 2;

impl SharedPage {
    fn new() -> io::Result<Self> {
        // SAFETY: anonymous shared mapping with no address hint; checked against MAP_FAILED.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                4096,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(Self(p.cast()))
    }

    fn get(&self, slot: usize) -> i32 {
        // SAFETY: slot < 3 lies inside the 4096-byte mapping owned by `self`; volatile because
        // the other process writes it.
        unsafe { self.0.add(slot).read_volatile() }
    }

    fn set(&self, slot: usize, v: i32) {
        // SAFETY: as in `get`.
        unsafe { self.0.add(slot).write_volatile(v) }
    }
}

impl Drop for SharedPage {
    fn drop(&mut self) {
        // SAFETY: unmapping the mapping created in `new`, exactly once.
        unsafe {
            libc::munmap(self.0.cast(), 4096);
        }
    }
}

/// A launched tracee.
pub(crate) struct Spawned {
    /// Its pid.
    pub(crate) pid: i32,
    /// The listener for its whole process tree.
    pub(crate) listener: Listener,
    /// What the child reported before `exec`.
    pub(crate) page: SharedPage,
}

impl SharedPage {
    /// If the child failed to `exec`, the errno it reported.
    pub(crate) fn exec_error(&self) -> Option<io::Error> {
        (self.get(SLOT_STAGE) == STAGE_EXEC)
            .then(|| io::Error::from_raw_os_error(self.get(SLOT_ERRNO)))
    }
}

/// Raise the supervisor's soft `RLIMIT_NOFILE` to the hard limit: it holds three descriptors
/// per emulated socket. Done after `fork`, so the program keeps the limit it was given.
fn raise_nofile() {
    let mut r = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `r` is a live rlimit the calls read and write.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut r) == 0 && r.rlim_cur < r.rlim_max {
            r.rlim_cur = r.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &r);
        }
    }
}

/// Start `argv` under the filter; returns once the child is released towards `exec`.
///
/// The caller's signal mask is restored in the child right before `exec`; `restore_mask` is
/// the mask the program should start with. `watch_opens` also notifies [`path_syscalls`]
/// (the FreeBSD backend serves `/proc/net` and `/sys/class/net` and hides network devices);
/// every open and `stat` then costs a round trip to the runner.
pub(crate) fn spawn_traced(
    argv: &[String],
    restore_mask: &libc::sigset_t,
    watch_opens: bool,
    all_ioctls: bool,
    fd_base: u32,
) -> io::Result<Spawned> {
    let cargs: Vec<CString> = argv
        .iter()
        .map(|a| CString::new(a.as_bytes()))
        .collect::<Result<_, _>>()
        .map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
    let mut ptrs: Vec<*const libc::c_char> = cargs.iter().map(|c| c.as_ptr()).collect();
    ptrs.push(std::ptr::null());
    let prog_file = ptrs
        .first()
        .copied()
        .filter(|p| !p.is_null())
        .ok_or_else(|| io::Error::from_raw_os_error(libc::EINVAL))?;
    let mut filter = build_filter(watch_opens, all_ioctls, fd_base)
        .ok_or_else(|| io::Error::other("the seccomp filter does not assemble"))?;
    let fprog = libc::sock_fprog {
        len: filter.len() as u16,
        filter: filter.as_mut_ptr(),
    };
    let page = SharedPage::new()?;
    page.set(SLOT_LISTENER, -1);
    // SAFETY: getpid has no preconditions.
    let parent = unsafe { libc::getpid() };

    // SAFETY: fork in a single-threaded supervisor; the child only makes async-signal-safe
    // calls on data prepared above, then execs or `_exit`s.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(io::Error::last_os_error());
    }
    if pid == 0 {
        // SAFETY: child side, see above; every pointer refers to memory prepared before fork.
        unsafe {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0);
            if libc::getppid() != parent {
                libc::_exit(127);
            }
            libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
            let fd = libc::syscall(
                libc::SYS_seccomp,
                libc::SECCOMP_SET_MODE_FILTER,
                libc::SECCOMP_FILTER_FLAG_NEW_LISTENER
                    | libc::SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV,
                std::ptr::addr_of!(fprog),
            );
            if fd < 0 {
                page.set(SLOT_ERRNO, *libc::__errno_location());
                page.set(SLOT_STAGE, STAGE_SECCOMP);
                libc::_exit(127);
            }
            page.set(SLOT_LISTENER, fd as i32);
            libc::raise(libc::SIGSTOP);
            libc::syscall(
                libc::SYS_close_range,
                fd as libc::c_uint,
                fd as libc::c_uint,
                0,
            );
            libc::sigprocmask(libc::SIG_SETMASK, restore_mask, std::ptr::null_mut());
            // The Rust runtime ignores SIGPIPE in the runner; ignored dispositions survive
            // exec, so give the program the default back (as std::process::Command does).
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::execvp(prog_file, ptrs.as_ptr());
            page.set(SLOT_ERRNO, *libc::__errno_location());
            page.set(SLOT_STAGE, STAGE_EXEC);
            libc::_exit(127);
        }
    }
    drop(filter);
    raise_nofile();
    // A notified call that a signal interrupts before the runner receives it fails with EINTR
    // (without SA_RESTART); a runner that wins the CPU quickly keeps that window small. Best
    // effort (needs CAP_SYS_NICE); the program keeps its own priority.
    // SAFETY: plain syscall on integers.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, -10);
    }
    let mut status: libc::c_int = 0;
    // SAFETY: waiting for our own child; `status` is a valid out-pointer.
    let w = unsafe { libc::waitpid(pid, &mut status, libc::WUNTRACED) };
    cvt_int(w)?;
    if !libc::WIFSTOPPED(status) {
        let err = page.get(SLOT_ERRNO);
        return Err(io::Error::other(format!(
            "cannot install the seccomp filter: {}",
            io::Error::from_raw_os_error(err)
        )));
    }
    let child_fd = page.get(SLOT_LISTENER);
    let taken = (|| -> io::Result<Listener> {
        // SAFETY: plain syscalls on integers; the returned descriptors are wrapped at once.
        let pidfd = owned(unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) } as libc::c_int)?;
        // SAFETY: as above.
        let l = unsafe {
            libc::syscall(
                libc::SYS_pidfd_getfd,
                std::os::fd::AsRawFd::as_raw_fd(&pidfd),
                child_fd,
                0,
            )
        };
        let l = owned(cvt(l)? as libc::c_int)?;
        Ok(Listener(l))
    })();
    match taken {
        Ok(listener) => {
            // SAFETY: resuming our own stopped child.
            unsafe { libc::kill(pid, libc::SIGCONT) };
            Ok(Spawned {
                pid,
                listener,
                page,
            })
        }
        Err(e) => {
            // SAFETY: killing and reaping our own child.
            unsafe {
                libc::kill(pid, libc::SIGKILL);
                libc::waitpid(pid, &mut status, 0);
            }
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the classic BPF program on one `struct seccomp_data` (the opcodes it uses only).
    fn run(p: &[libc::sock_filter], nr: libc::c_long, args: [u64; 6]) -> u32 {
        let mut data = [0u8; 64];
        data[0..4].copy_from_slice(&(nr as u32).to_le_bytes());
        data[4..8].copy_from_slice(&AUDIT_ARCH.to_le_bytes());
        for (i, a) in args.iter().enumerate() {
            data[16 + 8 * i..24 + 8 * i].copy_from_slice(&a.to_le_bytes());
        }
        let (mut pc, mut acc) = (0usize, 0u32);
        loop {
            let i = p[pc];
            match i.code {
                BPF_LD_W_ABS => {
                    let k = i.k as usize;
                    acc = u32::from_le_bytes(data[k..k + 4].try_into().unwrap());
                    pc += 1;
                }
                BPF_RET_K => return i.k,
                BPF_JEQ_K | BPF_JGE_K => {
                    let t = if i.code == BPF_JEQ_K {
                        acc == i.k
                    } else {
                        acc >= i.k
                    };
                    pc += 1 + usize::from(if t { i.jt } else { i.jf });
                }
                c => panic!("opcode {c:#x}"),
            }
        }
    }

    const NOTIFY: u32 = libc::SECCOMP_RET_USER_NOTIF;

    #[test]
    fn only_descriptors_in_the_range_are_notified() {
        for (opens, ioctls) in [(false, false), (true, true), (false, true)] {
            let p = build_filter(opens, ioctls, 64).expect("assembles");
            let a = |x: [u64; 3]| [x[0], x[1], x[2], 0, 0, 0];
            assert_eq!(run(&p, libc::SYS_write, a([1, 0, 0])), RET_ALLOW);
            assert_eq!(run(&p, libc::SYS_write, a([63, 0, 0])), RET_ALLOW);
            assert_eq!(run(&p, libc::SYS_write, a([64, 0, 0])), NOTIFY);
            // Only the low 32 bits name the descriptor.
            assert_eq!(run(&p, libc::SYS_read, a([1 << 32 | 3, 0, 0])), RET_ALLOW);
            assert_eq!(run(&p, libc::SYS_recvmsg, a([65, 0, 0])), NOTIFY);
            assert_eq!(run(&p, libc::SYS_splice, a([3, 0, 64])), NOTIFY);
            assert_eq!(run(&p, libc::SYS_splice, a([3, 0, 4])), RET_ALLOW);
            assert_eq!(run(&p, libc::SYS_sendfile, a([3, 70, 0])), NOTIFY);
            assert_eq!(run(&p, libc::SYS_dup, a([64, 0, 0])), NOTIFY);
            assert_eq!(run(&p, libc::SYS_dup, a([5, 0, 0])), RET_ALLOW);
            assert_eq!(run(&p, libc::SYS_dup3, a([64, 1, 0])), NOTIFY);
            assert_eq!(run(&p, libc::SYS_dup3, a([64, 77, 0])), RET_ALLOW);
            assert_eq!(run(&p, libc::SYS_dup3, a([3, 1, 0])), RET_ALLOW);
            #[cfg(target_arch = "x86_64")]
            assert_eq!(run(&p, libc::SYS_dup2, a([64, 0, 0])), NOTIFY);
            let dupfd = u64::from(F_DUPFD);
            let cloexec = u64::from(F_DUPFD_CLOEXEC);
            assert_eq!(run(&p, libc::SYS_fcntl, a([64, dupfd, 0])), NOTIFY);
            assert_eq!(run(&p, libc::SYS_fcntl, a([64, cloexec, 3])), NOTIFY);
            assert_eq!(run(&p, libc::SYS_fcntl, a([64, cloexec, 64])), RET_ALLOW);
            assert_eq!(run(&p, libc::SYS_fcntl, a([64, 4, 0])), RET_ALLOW);
            assert_eq!(run(&p, libc::SYS_fcntl, a([3, dupfd, 0])), RET_ALLOW);
            let ioctl_low = if ioctls { NOTIFY } else { RET_ALLOW };
            assert_eq!(run(&p, libc::SYS_ioctl, a([3, 0, 0])), ioctl_low);
            assert_eq!(run(&p, libc::SYS_ioctl, a([64, 0, 0])), NOTIFY);
            let open = if opens { NOTIFY } else { RET_ALLOW };
            assert_eq!(run(&p, libc::SYS_openat, a([0, 0, 0])), open);
            assert_eq!(run(&p, libc::SYS_socket, a([16, 3, 0])), NOTIFY);
            assert_eq!(run(&p, libc::SYS_socket, a([2, 2, 0])), RET_ALLOW);
            let packet = if opens {
                RET_ERRNO | libc::EAFNOSUPPORT as u32
            } else {
                RET_ALLOW
            };
            assert_eq!(run(&p, libc::SYS_socket, a([17, 3, 0])), packet);
            assert_eq!(
                run(&p, libc::SYS_io_uring_setup, a([0, 0, 0])),
                RET_ERRNO | libc::ENOSYS as u32
            );
            assert_eq!(run(&p, libc::SYS_getpid, a([64, 0, 0])), RET_ALLOW);
        }
    }
}
