// SPDX-License-Identifier: BSD-2-Clause
//! Everything outside netlink through which a program could see or change the network
//! configuration: interface ioctls on any socket, and opening network devices, `/proc/net`
//! and `/sys/class/net`.
//!
//! With the FreeBSD backend the program must meet the FreeBSD host and only it (deny by
//! default): ioctls get what FreeBSD's Linuxulator answers ([`ioctl::freebsd_plan`]), the one
//! change it lets through (`SIOCSIFMTU`) goes to the backend, and the network files are served
//! from the backend ([`crate::netfs`]). With the Linux backend everything runs natively (the
//! program lives in the namespace the backend serves), or with `--emulate-ioctls` the
//! `SIOCGIF*` queries are answered from the backend with Linux's answers.
//!
//! Time of check to time of use: a path is read from the program's memory and resolved by the
//! runner, then either refused, served (the runner opens the file and installs the descriptor,
//! so what the program gets is what was checked), or left to the kernel, which reads the path
//! again. Another thread of the program may rewrite the path in between, so a left-to-the-kernel
//! path is not a security boundary against a hostile program (seccomp user notification cannot
//! be one: `seccomp_unotify(2)`); it keeps well-behaved programs away from the host.

use super::*;
use crate::ioctl::{self, Flavour, Plan};
use crate::netfs::{self, Class};
use std::os::unix::fs::OpenOptionsExt;

/// Longest path the kernel accepts (`PATH_MAX`).
const PATH_MAX: usize = 4096;
/// `sizeof(struct open_how)` as of Linux 5.6 (`include/uapi/linux/openat2.h`).
const OPEN_HOW_LEN: usize = 24;

impl Runner {
    /// `ioctl(fd, cmd, arg)`.
    pub(super) fn do_ioctl(&mut self, n: &Notif, key: Option<u64>) -> Res {
        let cmd = u32::try_from(n.args[1] & 0xffff_ffff).unwrap_or(0);
        if key.is_some() && ioctl::unix_only_ioctl(cmd) {
            return Err(libc::ENOTTY);
        }
        if self.native_ioctls {
            return Ok(Act::Continue);
        }
        if self.netfs.is_none() {
            return self.linux_ioctl(n, key, cmd);
        }
        let plan = ioctl::freebsd_plan(cmd);
        if plan == Plan::Native {
            return Ok(Act::Continue);
        }
        let fd = arg_i32(n.args[0]);
        let domain = match key {
            Some(_) => Some(libc::AF_NETLINK),
            None => sys::socket_domain(tgid_of(n.tid), fd),
        };
        let Some(domain) = domain else {
            // Not a socket: FreeBSD's handlers answer ENOIOCTL for these (a tun/tap ioctl, or
            // a socket ioctl on another file), which ends as EINVAL; a bad descriptor is EBADF.
            let open = std::fs::symlink_metadata(format!("/proc/{}/fd/{fd}", n.tid)).is_ok();
            return Err(if open { libc::EINVAL } else { libc::EBADF });
        };
        let arg = n.args[2];
        let mut rd = |addr, len| Self::rd(n, addr, len);
        match plan {
            Plan::Native => Ok(Act::Continue),
            Plan::Zero => Ok(Act::Val(0)),
            Plan::Err(e) => {
                if self.verbose {
                    note!("nlcompat: ioctl {cmd:#x} is not translated by FreeBSD's Linuxulator");
                }
                Err(e)
            }
            Plan::Query => {
                if ioctl::is_inet_ioctl(cmd & 0xffff) && domain != libc::AF_INET {
                    // FreeBSD hands address queries to the socket's protocol (`ifioctl` ->
                    // `pr_control`); only AF_INET's `in_control` answers them.
                    return Err(libc::EOPNOTSUPP);
                }
                let table = ioctl::Interfaces::dump(self.backend.as_mut())?;
                let v = ioctl::emulate(
                    &table,
                    Flavour::Freebsd,
                    cmd & 0xffff,
                    &mut rd,
                    &mut |addr, data| Self::wr(n, addr, data),
                    arg,
                )?;
                Ok(Act::Val(v))
            }
            Plan::SetMtu | Plan::NamedErr(_) | Plan::Multicast => {
                let name = ioctl::ifreq_name(&mut rd, arg)?;
                let table = ioctl::Interfaces::dump(self.backend.as_mut())?;
                let index = table.index_of(&name);
                match plan {
                    // The name is not translated: FreeBSD's `ifioctl` looks up the Linux name
                    // among its own interfaces and fails with ENXIO; a FreeBSD name
                    // (`--real-ifnames`) would reach the link-layer multicast list, which the
                    // model does not keep.
                    Plan::Multicast => {
                        // Linux names the Linuxulator makes up (`ethN`, `lo`) are unknown to
                        // FreeBSD; other names in the dump are FreeBSD's own.
                        let made_up = name == "lo"
                            || name.strip_prefix("eth").is_some_and(|u| {
                                !u.is_empty() && u.bytes().all(|b| b.is_ascii_digit())
                            });
                        if index.is_some() && !made_up {
                            note!("nlcompat: SIOCADDMULTI/SIOCDELMULTI: link-layer multicast lists are not modelled");
                            Err(libc::EOPNOTSUPP)
                        } else {
                            Err(libc::ENXIO)
                        }
                    }
                    Plan::NamedErr(e) => {
                        index.ok_or(libc::EINVAL)?;
                        Err(e)
                    }
                    _ => {
                        let index = index.ok_or(libc::EINVAL)?;
                        let mtu = ioctl::ifreq_int(&mut rd, arg)?;
                        // `ifhwioctl()` (`sys/net/if.c`) bounds the MTU before the driver sees
                        // it: IF_MINMTU 72, IF_MAXMTU 65535 (`sys/net/if_var.h`).
                        if !(72..=65535).contains(&mtu) {
                            return Err(libc::EINVAL);
                        }
                        ioctl::set_mtu(self.backend.as_mut(), index, mtu, n.tid)?;
                        self.deliver_async();
                        Ok(Act::Val(0))
                    }
                }
            }
        }
    }

    /// The Linux flavour: `SIOCGIF*` answered from the backend, everything else native.
    fn linux_ioctl(&mut self, n: &Notif, key: Option<u64>, cmd: u32) -> Res {
        if !ioctl::is_interface_ioctl(cmd) {
            return Ok(Act::Continue);
        }
        let domain = match key {
            Some(_) => libc::AF_NETLINK,
            None => match sys::socket_domain(tgid_of(n.tid), arg_i32(n.args[0])) {
                Some(d) => d,
                // Not a socket (or gone): the kernel gives the native error.
                None => return Ok(Act::Continue),
            },
        };
        if ioctl::is_inet_ioctl(cmd) && domain != libc::AF_INET && domain != libc::AF_PACKET {
            // Address queries live in the AF_INET (and AF_PACKET) protocol code.
            return Err(libc::ENOTTY);
        }
        let table = ioctl::Interfaces::dump(self.backend.as_mut())?;
        let v = ioctl::emulate(
            &table,
            Flavour::Linux,
            cmd,
            &mut |addr, len| Self::rd(n, addr, len),
            &mut |addr, data| Self::wr(n, addr, data),
            n.args[2],
        )?;
        Ok(Act::Val(v))
    }

    /// A call naming a path (notified with the FreeBSD backend only).
    pub(super) fn do_path(&mut self, n: &Notif, call: &PathCall) -> Res {
        let Ok(raw) = sys::read_cstr(n.tid, call.path, PATH_MAX) else {
            return Ok(Act::Continue);
        };
        let Some(path) = resolve(n.tid, call.dirfd, &raw) else {
            return Ok(Act::Continue);
        };
        let Some(tree) = self.netfs.as_ref() else {
            return Ok(Act::Continue);
        };
        match netfs::classify(&path, tree.root()) {
            Class::Host => Ok(Act::Continue),
            Class::Absent => {
                if self.verbose {
                    note!("nlcompat: {path}: absent on FreeBSD");
                }
                Err(libc::ENOENT)
            }
            Class::InTree => {
                self.refresh_netfs()?;
                Ok(Act::Continue)
            }
            Class::Served(rel) => {
                self.refresh_netfs()?;
                let Some(tree) = self.netfs.as_ref() else {
                    return Ok(Act::Continue);
                };
                let target = tree.root().join(rel);
                if self.verbose {
                    note!("nlcompat: {path}: served from the model");
                }
                self.serve_path(n, call, &target)
            }
        }
    }

    /// Perform `call` on `target`, the generated file standing for the program's path.
    fn serve_path(&mut self, n: &Notif, call: &PathCall, target: &std::path::Path) -> Res {
        let a = n.args;
        match call.kind {
            PathKind::Open => {
                let flags = match n.nr {
                    libc::SYS_openat => a[2],
                    libc::SYS_openat2 => {
                        // `struct open_how` { u64 flags; u64 mode; u64 resolve; }; a bad one is
                        // the kernel's business.
                        if arg_usize(a[3]) < OPEN_HOW_LEN {
                            return Ok(Act::Continue);
                        }
                        let how = Self::rd(n, a[2], 8)?;
                        u64_at(&how, 0).unwrap_or(0)
                    }
                    _ => a[1],
                };
                let flags = i32::try_from(flags & 0xffff_ffff).unwrap_or(0);
                // linprocfs and linsysfs files are read-only (PFS_RD) and nothing can be
                // created there.
                if flags & libc::O_ACCMODE != libc::O_RDONLY
                    || flags & (libc::O_CREAT | libc::O_TRUNC) != 0
                {
                    return Err(libc::EACCES);
                }
                let pass = libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_PATH;
                let file = std::fs::OpenOptions::new()
                    .read(true)
                    .custom_flags(flags & pass)
                    .open(target)
                    .map_err(|e| errno_of(&e))?;
                match self
                    .l
                    .addfd_send(n.id, file.as_fd(), flags & libc::O_CLOEXEC != 0)
                {
                    Ok(_) => Ok(Act::Done),
                    Err(e) if self.l.id_valid(n.id) => Err(errno_of(&e)),
                    Err(_) => Ok(Act::Done),
                }
            }
            PathKind::Stat { buf, flags } => {
                let st = sys::stat_bytes(target, flags & libc::AT_SYMLINK_NOFOLLOW)
                    .map_err(|e| errno_of(&e))?;
                Self::wr(n, buf, &st)?;
                Ok(Act::Val(0))
            }
            PathKind::Statx { buf, flags, mask } => {
                let st = sys::statx_bytes(target, flags & libc::AT_SYMLINK_NOFOLLOW, mask)
                    .map_err(|e| errno_of(&e))?;
                Self::wr(n, buf, &st)?;
                Ok(Act::Val(0))
            }
            PathKind::Access { mode } => {
                std::fs::symlink_metadata(target).map_err(|e| errno_of(&e))?;
                // Read-only pseudo-files.
                if mode & libc::W_OK != 0 {
                    return Err(libc::EACCES);
                }
                Ok(Act::Val(0))
            }
            PathKind::Readlink => {
                // The generated tree has no symbolic links (linsysfs interfaces are
                // directories): EINVAL, or ENOENT for what does not exist.
                std::fs::symlink_metadata(target).map_err(|e| errno_of(&e))?;
                Err(libc::EINVAL)
            }
        }
    }

    /// Rewrite the generated `/proc/net` and `/sys/class/net` from the backend.
    fn refresh_netfs(&mut self) -> Result<(), i32> {
        let table = ioctl::Interfaces::dump_all(self.backend.as_mut())?;
        if let Some(tree) = self.netfs.as_ref() {
            tree.refresh(&table).map_err(|e| errno_of(&e))?;
        }
        Ok(())
    }
}

/// What a path-naming call does with the path.
#[derive(Debug, Clone, Copy)]
pub(super) enum PathKind {
    Open,
    /// `stat`/`lstat`/`newfstatat`: buffer address and `AT_*` flags.
    Stat {
        buf: u64,
        flags: i32,
    },
    /// `statx`: buffer, flags, mask.
    Statx {
        buf: u64,
        flags: i32,
        mask: u32,
    },
    /// `access`/`faccessat`/`faccessat2`: the mode.
    Access {
        mode: i32,
    },
    Readlink,
}

/// A path-naming call: directory descriptor, path address, kind.
#[derive(Debug, Clone, Copy)]
pub(super) struct PathCall {
    dirfd: i32,
    path: u64,
    kind: PathKind,
}

/// Decode a notified call that names a path (`path_syscalls` in `sys/filter.rs`).
pub(super) fn path_call(n: &Notif) -> Option<PathCall> {
    let a = n.args;
    let at = |kind| PathCall {
        dirfd: arg_i32(a[0]),
        path: a[1],
        kind,
    };
    #[cfg(target_arch = "x86_64")]
    let cwd = |kind| PathCall {
        dirfd: libc::AT_FDCWD,
        path: a[0],
        kind,
    };
    Some(match n.nr {
        libc::SYS_openat | libc::SYS_openat2 => at(PathKind::Open),
        libc::SYS_newfstatat => at(PathKind::Stat {
            buf: a[2],
            flags: arg_i32(a[3]),
        }),
        libc::SYS_statx => at(PathKind::Statx {
            buf: a[4],
            flags: arg_i32(a[2]),
            mask: u32::try_from(a[3] & 0xffff_ffff).unwrap_or(0),
        }),
        libc::SYS_faccessat | libc::SYS_faccessat2 => at(PathKind::Access {
            mode: arg_i32(a[2]),
        }),
        libc::SYS_readlinkat => at(PathKind::Readlink),
        #[cfg(target_arch = "x86_64")]
        libc::SYS_open => cwd(PathKind::Open),
        #[cfg(target_arch = "x86_64")]
        libc::SYS_stat => cwd(PathKind::Stat {
            buf: a[1],
            flags: 0,
        }),
        #[cfg(target_arch = "x86_64")]
        libc::SYS_lstat => cwd(PathKind::Stat {
            buf: a[1],
            flags: libc::AT_SYMLINK_NOFOLLOW,
        }),
        #[cfg(target_arch = "x86_64")]
        libc::SYS_access => cwd(PathKind::Access {
            mode: arg_i32(a[1]),
        }),
        #[cfg(target_arch = "x86_64")]
        libc::SYS_readlink => cwd(PathKind::Readlink),
        _ => return None,
    })
}

/// Names of the path-naming calls, for `-v`.
pub(super) fn path_call_name(nr: i64) -> &'static str {
    match nr {
        libc::SYS_openat => "openat",
        libc::SYS_openat2 => "openat2",
        libc::SYS_newfstatat => "newfstatat",
        libc::SYS_statx => "statx",
        libc::SYS_faccessat => "faccessat",
        libc::SYS_faccessat2 => "faccessat2",
        libc::SYS_readlinkat => "readlinkat",
        #[cfg(target_arch = "x86_64")]
        libc::SYS_open => "open",
        #[cfg(target_arch = "x86_64")]
        libc::SYS_stat => "stat",
        #[cfg(target_arch = "x86_64")]
        libc::SYS_lstat => "lstat",
        #[cfg(target_arch = "x86_64")]
        libc::SYS_access => "access",
        #[cfg(target_arch = "x86_64")]
        libc::SYS_readlink => "readlink",
        _ => "?",
    }
}

/// The absolute, lexically normalised path thread `tid` names with `dirfd` and `raw`; `None`
/// when it cannot be known (the kernel then decides).
fn resolve(tid: u32, dirfd: i32, raw: &[u8]) -> Option<String> {
    let p = std::str::from_utf8(raw).ok()?;
    if p.is_empty() {
        return None;
    }
    if p.starts_with('/') {
        return Some(netfs::normalise(p));
    }
    let base = if dirfd == libc::AT_FDCWD {
        std::fs::read_link(format!("/proc/{tid}/cwd")).ok()?
    } else {
        std::fs::read_link(format!("/proc/{tid}/fd/{dirfd}")).ok()?
    };
    let base = base.to_str()?;
    if !base.starts_with('/') {
        return None;
    }
    Some(netfs::normalise(&format!("{base}/{p}")))
}
