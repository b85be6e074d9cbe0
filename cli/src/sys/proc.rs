// SPDX-License-Identifier: BSD-2-Clause
//! Process-level plumbing of the supervisor: namespaces, child reaping, signals and epoll.

use super::{cvt_int, owned};
use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};

/// `unshare(CLONE_NEWNET)`: the supervisor (and later its children) move to a fresh netns.
pub(crate) fn unshare_net() -> io::Result<()> {
    // SAFETY: plain syscall with a flag argument.
    cvt_int(unsafe { libc::unshare(libc::CLONE_NEWNET) }).map(|_| ())
}

/// Give the supervisor (and later its children) a mount namespace of their own that looks
/// like a fresh host for the network namespace they are in: mounts become private (nothing
/// propagates back to the build host), `/sys` is a new sysfs instance (sysfs lists the
/// network devices of the namespace that mounts it), and the build host's named network
/// namespaces (`/run/netns`, iproute2's `NETNS_RUN_DIR`) are hidden under an empty tmpfs:
/// iproute2 resolves peer namespace ids through them with descriptors that cannot cross the
/// runner ("Peer netns reference is invalid"), and they do not belong to this namespace.
pub(crate) fn private_mounts() -> io::Result<()> {
    // SAFETY: plain syscall with a flag argument.
    cvt_int(unsafe { libc::unshare(libc::CLONE_NEWNS) })?;
    let none = c"none";
    // SAFETY: NUL-terminated literals; no data argument.
    cvt_int(unsafe {
        libc::mount(
            none.as_ptr(),
            c"/".as_ptr(),
            std::ptr::null(),
            libc::MS_REC | libc::MS_PRIVATE,
            std::ptr::null(),
        )
    })?;
    // The new sysfs keeps the old one's read-only flag: a caller that runs the program as in a
    // container (read-only /sys, so that e.g. systemd-networkd does not wait for udev) keeps
    // that view.
    // SAFETY: `st` is plain data, filled by statvfs on a NUL-terminated path.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    cvt_int(unsafe { libc::statvfs(c"/sys".as_ptr(), &mut st) })?;
    let ro = if st.f_flag & libc::ST_RDONLY != 0 {
        libc::MS_RDONLY
    } else {
        0
    };
    // SAFETY: NUL-terminated literals; no data argument.
    cvt_int(unsafe {
        libc::mount(
            c"sysfs".as_ptr(),
            c"/sys".as_ptr(),
            c"sysfs".as_ptr(),
            libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC | ro,
            std::ptr::null(),
        )
    })?;
    if std::path::Path::new("/run/netns").is_dir() {
        // SAFETY: as above.
        cvt_int(unsafe {
            libc::mount(
                c"tmpfs".as_ptr(),
                c"/run/netns".as_ptr(),
                c"tmpfs".as_ptr(),
                libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
                std::ptr::null(),
            )
        })?;
    }
    Ok(())
}

/// `PR_SET_CHILD_SUBREAPER`: orphaned descendants are re-parented to the supervisor.
pub(crate) fn set_subreaper() -> io::Result<()> {
    // SAFETY: plain prctl with integer arguments.
    cvt_int(unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) }).map(|_| ())
}

/// Block the signals the supervisor handles through a signalfd; returns the previous mask.
pub(crate) fn block_signals(sigs: &[i32]) -> io::Result<(libc::sigset_t, libc::sigset_t)> {
    // SAFETY: sigset_t is plain data, initialised by sigemptyset before use.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` and `old` are live sigset_t values.
    unsafe {
        libc::sigemptyset(&mut set);
        for &s in sigs {
            libc::sigaddset(&mut set, s);
        }
        cvt_int(libc::sigprocmask(libc::SIG_BLOCK, &set, &mut old))?;
    }
    Ok((set, old))
}

/// A non-blocking signalfd for `set`.
pub(crate) fn signalfd(set: &libc::sigset_t) -> io::Result<OwnedFd> {
    // SAFETY: `set` is a live sigset_t.
    owned(unsafe { libc::signalfd(-1, set, libc::SFD_NONBLOCK | libc::SFD_CLOEXEC) })
}

/// One signal read from a signalfd.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SigInfo {
    /// Signal number.
    pub(crate) signo: i32,
    /// Sent by the kernel (`SI_KERNEL`: e.g. the terminal's ^C to the whole process group,
    /// which the program receives itself), rather than by a process.
    pub(crate) from_kernel: bool,
}

/// `si_code` of kernel-generated signals.
const SI_KERNEL: i32 = 0x80;

/// Read one pending signal from a signalfd, if any.
pub(crate) fn read_signal(fd: &OwnedFd) -> Option<SigInfo> {
    // SAFETY: signalfd_siginfo is plain old data.
    let mut info: libc::signalfd_siginfo = unsafe { std::mem::zeroed() };
    let size = std::mem::size_of::<libc::signalfd_siginfo>();
    // SAFETY: `info` is writable for `size` bytes.
    let r = unsafe { libc::read(fd.as_raw_fd(), std::ptr::addr_of_mut!(info).cast(), size) };
    (r == size as isize).then_some(SigInfo {
        signo: info.ssi_signo as i32,
        from_kernel: info.ssi_code == SI_KERNEL,
    })
}

/// Result of a non-blocking wait for any child.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum WaitResult {
    /// A child ended: pid and shell-style status (exit code, or 128 + signal).
    Exited(i32, i32),
    /// Children exist, none has ended.
    Running,
    /// No children at all.
    NoChildren,
}

/// `waitpid(-1, WNOHANG | __WALL)`.
pub(crate) fn wait_any() -> WaitResult {
    let mut status: libc::c_int = 0;
    // SAFETY: `status` is a valid out-pointer.
    let pid = unsafe { libc::waitpid(-1, &mut status, libc::WNOHANG | libc::__WALL) };
    if pid == 0 {
        return WaitResult::Running;
    }
    if pid < 0 {
        if io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            return WaitResult::Running;
        }
        return WaitResult::NoChildren;
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else if libc::WIFSIGNALED(status) {
        128 + libc::WTERMSIG(status)
    } else {
        return WaitResult::Running;
    };
    WaitResult::Exited(pid, code)
}

/// `kill(pid, sig)`, errors ignored (the target may be gone).
pub(crate) fn kill(pid: i32, sig: i32) {
    // SAFETY: plain syscall on integers.
    unsafe {
        libc::kill(pid, sig);
    }
}

/// SIGKILL every current child of the supervisor (orphans re-parented to it included).
pub(crate) fn kill_children() {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return;
    };
    for t in tasks.flatten() {
        let Ok(list) = std::fs::read_to_string(t.path().join("children")) else {
            continue;
        };
        for pid in list
            .split_whitespace()
            .filter_map(|p| p.parse::<i32>().ok())
        {
            kill(pid, libc::SIGKILL);
        }
    }
}

/// `pidfd_open(pid, 0)`: a descriptor that becomes readable when process `pid` has ended
/// (`pidfd_open(2)`).
pub(crate) fn pidfd_open(pid: u32) -> io::Result<OwnedFd> {
    // SAFETY: plain syscall on integers; the returned descriptor is wrapped at once.
    owned(unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) } as libc::c_int)
}

/// A level-triggered epoll set whose events carry a caller-chosen `u64` token.
#[derive(Debug)]
pub(crate) struct Epoll(OwnedFd);

impl Epoll {
    /// `epoll_create1(EPOLL_CLOEXEC)`.
    pub(crate) fn new() -> io::Result<Self> {
        // SAFETY: plain syscall.
        Ok(Self(owned(unsafe {
            libc::epoll_create1(libc::EPOLL_CLOEXEC)
        })?))
    }

    /// The epoll descriptor itself (it can be nested in another epoll set).
    pub(crate) fn raw(&self) -> RawFd {
        self.0.as_raw_fd()
    }

    /// Watch `fd` for input with `token`.
    pub(crate) fn add(&self, fd: RawFd, token: u64) -> io::Result<()> {
        let mut ev = libc::epoll_event {
            events: libc::EPOLLIN as u32,
            u64: token,
        };
        // SAFETY: `ev` is a live epoll_event.
        cvt_int(unsafe { libc::epoll_ctl(self.0.as_raw_fd(), libc::EPOLL_CTL_ADD, fd, &mut ev) })
            .map(|_| ())
    }

    /// Stop watching `fd`.
    pub(crate) fn del(&self, fd: RawFd) {
        // SAFETY: EPOLL_CTL_DEL ignores the event pointer (null allowed since 2.6.9).
        unsafe {
            libc::epoll_ctl(
                self.0.as_raw_fd(),
                libc::EPOLL_CTL_DEL,
                fd,
                std::ptr::null_mut(),
            );
        }
    }

    /// Wait up to `timeout_ms` (-1: forever); returns `(token, events)` pairs.
    pub(crate) fn wait(&self, timeout_ms: i32) -> io::Result<Vec<(u64, u32)>> {
        let mut evs = [libc::epoll_event { events: 0, u64: 0 }; 32];
        // SAFETY: `evs` has room for the 32 events we allow the kernel to write.
        let n = unsafe { libc::epoll_wait(self.0.as_raw_fd(), evs.as_mut_ptr(), 32, timeout_ms) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.raw_os_error() == Some(libc::EINTR) {
                return Ok(Vec::new());
            }
            return Err(e);
        }
        Ok(evs
            .iter()
            .take(n as usize)
            .map(|e| {
                let ev = *e;
                (ev.u64, ev.events)
            })
            .collect())
    }
}
