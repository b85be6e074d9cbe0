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
/// Low 32 bits of `args[0]` (little endian).
const OFF_ARG0: u32 = 16;

/// `SECCOMP_RET_ERRNO` and `SECCOMP_RET_KILL_PROCESS` (`include/uapi/linux/seccomp.h`).
const RET_ERRNO: u32 = 0x0005_0000;
const RET_KILL_PROCESS: u32 = 0x8000_0000;
const RET_ALLOW: u32 = 0x7fff_0000;

fn stmt(code: u16, k: u32) -> libc::sock_filter {
    libc::sock_filter {
        code,
        jt: 0,
        jf: 0,
        k,
    }
}

fn jump(code: u16, k: u32, jt: u8, jf: u8) -> libc::sock_filter {
    libc::sock_filter { code, jt, jf, k }
}

/// The syscalls that are notified for every descriptor (§4.3), except `close`: a notified
/// call that a signal interrupts before the runner picks it up fails with `EINTR` when the
/// handler lacks `SA_RESTART`, which `close` never does natively and callers never retry (a
/// shell's `close` of a pipe end failed that way and hung it). Closing is left to the kernel;
/// the runner finds closed sockets by sweeping.
fn notified_syscalls() -> Vec<u32> {
    [
        libc::SYS_bind,
        libc::SYS_connect,
        libc::SYS_getsockname,
        libc::SYS_getpeername,
        libc::SYS_setsockopt,
        libc::SYS_getsockopt,
        libc::SYS_sendto,
        libc::SYS_sendmsg,
        libc::SYS_sendmmsg,
        libc::SYS_recvfrom,
        libc::SYS_recvmsg,
        libc::SYS_recvmmsg,
        libc::SYS_read,
        libc::SYS_write,
        libc::SYS_readv,
        libc::SYS_writev,
        libc::SYS_preadv2,
        libc::SYS_pwritev2,
        libc::SYS_ioctl,
        libc::SYS_listen,
        libc::SYS_accept,
        libc::SYS_accept4,
        libc::SYS_shutdown,
        libc::SYS_sendfile,
        libc::SYS_splice,
    ]
    .iter()
    .map(|&n| n as u32)
    .collect()
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

/// Build the filter program:
///
/// ```text
///   arch != native            -> KILL_PROCESS
///   nr >= X32 bit             -> ERRNO(ENOSYS)
///   nr == socket              -> arg0 == AF_NETLINK ? USER_NOTIF : ALLOW
///                                (`watch_opens`: families FreeBSD lacks -> ERRNO(EAFNOSUPPORT))
///   nr in notified_syscalls() -> USER_NOTIF  (+ path_syscalls() when `watch_opens`)
///   nr == io_uring_setup      -> ERRNO(ENOSYS)   (io_uring operations bypass seccomp)
///   otherwise                 -> ALLOW
/// ```
fn build_filter(watch_opens: bool) -> Vec<libc::sock_filter> {
    let mut list = notified_syscalls();
    if watch_opens {
        list.extend(path_syscalls().iter().map(|&n| n as u32));
    }
    let mut p = vec![
        stmt(BPF_LD_W_ABS, OFF_ARCH),
        jump(BPF_JEQ_K, AUDIT_ARCH, 1, 0),
        stmt(BPF_RET_K, RET_KILL_PROCESS),
        stmt(BPF_LD_W_ABS, OFF_NR),
        jump(BPF_JGE_K, X32_SYSCALL_BIT, 0, 1),
        stmt(BPF_RET_K, RET_ERRNO | libc::ENOSYS as u32),
        jump(BPF_JEQ_K, libc::SYS_io_uring_setup as u32, 0, 1),
        stmt(BPF_RET_K, RET_ERRNO | libc::ENOSYS as u32),
        // socket: jump over the list to the argument check.
    ];
    let n = list.len();
    // Layout after this point:
    //   [0]        jeq socket -> socket_check
    //   [1..=n]    jeq list[i] -> notify
    //   [n+1]      ret ALLOW
    //   [n+2]      notify: ret USER_NOTIF
    //   [n+3]      socket_check: ld arg0
    //   [n+4]      jeq AF_NETLINK -> notify (back jumps are impossible, so repeat the return)
    //   [n+5]      ret ALLOW
    //   [n+6]      ret USER_NOTIF
    p.push(jump(BPF_JEQ_K, libc::SYS_socket as u32, (n + 2) as u8, 0));
    for (i, nr) in list.iter().enumerate() {
        // From instruction i+1 (index within block), `notify` is at n+2: offset n+2-(i+1)-1.
        p.push(jump(BPF_JEQ_K, *nr, (n - i) as u8, 0));
    }
    p.push(stmt(BPF_RET_K, RET_ALLOW));
    p.push(stmt(BPF_RET_K, libc::SECCOMP_RET_USER_NOTIF));
    p.push(stmt(BPF_LD_W_ABS, OFF_ARG0));
    if watch_opens {
        // The FreeBSD backend: FreeBSD's Linuxulator maps only a few families
        // (`linux_to_bsd_domain()` in `sys/compat/linux/linux.c`); a Linux program gets
        // EAFNOSUPPORT for the others, among them AF_PACKET, through which it would otherwise
        // see and send on the real host's interfaces.
        //   [0] jeq AF_NETLINK -> [6] notify
        //   [1] jeq AF_UNIX -> [5] allow, [2] AF_INET, [3] AF_INET6 likewise
        //   [4] ret ERRNO(EAFNOSUPPORT)
        p.push(jump(BPF_JEQ_K, libc::AF_NETLINK as u32, 5, 0));
        p.push(jump(BPF_JEQ_K, libc::AF_UNIX as u32, 3, 0));
        p.push(jump(BPF_JEQ_K, libc::AF_INET as u32, 2, 0));
        p.push(jump(BPF_JEQ_K, libc::AF_INET6 as u32, 1, 0));
        p.push(stmt(BPF_RET_K, RET_ERRNO | libc::EAFNOSUPPORT as u32));
    } else {
        p.push(jump(BPF_JEQ_K, libc::AF_NETLINK as u32, 1, 0));
    }
    p.push(stmt(BPF_RET_K, RET_ALLOW));
    p.push(stmt(BPF_RET_K, libc::SECCOMP_RET_USER_NOTIF));
    p
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
    let mut filter = build_filter(watch_opens);
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
