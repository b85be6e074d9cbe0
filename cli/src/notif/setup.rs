// SPDX-License-Identifier: BSD-2-Clause
//! Emulated `socket`, addressing (`bind`, `connect`, names) and socket options.

use super::*;
use crate::sysargs::Connect;
use std::io;
use std::os::fd::BorrowedFd;

/// `SO_PEERGROUPS` and `SO_PEERPIDFD` (`include/uapi/asm-generic/socket.h`).
const SO_PEERGROUPS: i32 = 59;
const SO_PEERPIDFD: i32 = 77;
/// `SO_PEEK_OFF` and `SO_PASSPIDFD`: unix sockets have them, netlink answers `EOPNOTSUPP`.
const SO_PEEK_OFF: i32 = 42;
const SO_PASSPIDFD: i32 = 76;

impl Runner {
    // ---- socket -------------------------------------------------------------------------

    pub(super) fn do_socket(&mut self, n: &Notif) -> Res {
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
        if self.socks.len() >= self.sweep_at {
            let _ = self.sweep();
        }
        let (ours, theirs) = sys::socketpair_seqpacket().map_err(|e| errno_of(&e))?;
        // Without CAP_NET_ADMIN (an unprivileged run) the queue is capped at
        // `net.core.wmem_max`: unicast replies wait in the backlog, multicast may overrun sooner.
        sys::setsockopt_int(
            ours.as_fd(),
            libc::SOL_SOCKET,
            libc::SO_SNDBUFFORCE,
            QUEUE_BYTES,
        )
        .or_else(|_| {
            sys::setsockopt_int(ours.as_fd(), libc::SOL_SOCKET, libc::SO_SNDBUF, QUEUE_BYTES)
        })
        .map_err(|e| errno_of(&e))?;
        sys::set_nonblock(ours.as_fd(), true).map_err(|e| errno_of(&e))?;
        if flags & libc::SOCK_NONBLOCK != 0 {
            sys::set_nonblock(theirs.as_fd(), true).map_err(|e| errno_of(&e))?;
        }
        let bid = self.backend.open_for(protocol, n.tid)?;
        let cloexec = flags & libc::SOCK_CLOEXEC != 0;
        match self.place(n, theirs.as_fd(), 0, cloexec) {
            Ok(fd) => {
                self.log(n, &format!("protocol {protocol} = {fd}"));
                let key = self.next_key;
                self.next_key = self.next_key.saturating_add(1);
                let _ = self.raw.add(ours.as_raw_fd(), key);
                let mut sock = Sock::new(bid, protocol, base, ours, theirs);
                sock.pack_dumps = self.backend.packs_dumps_lazily();
                self.socks.insert(key, sock);
                self.by_fd.insert(fd, key);
                self.watch_exit(n.tid);
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

    /// Install `file` in the caller at the lowest free descriptor at or above both `min` and
    /// the reserved range's base, and answer the call with it (`SECCOMP_ADDFD_FLAG_SETFD |
    /// SECCOMP_ADDFD_FLAG_SEND`). No free descriptor below the caller's limit: `EMFILE`.
    fn place(
        &mut self,
        n: &Notif,
        file: BorrowedFd<'_>,
        min: u32,
        cloexec: bool,
    ) -> io::Result<i32> {
        let mut fd = min.max(self.fd_base);
        while sys::fd_open(n.tid, fd) {
            fd = fd
                .checked_add(1)
                .ok_or_else(|| io::Error::from_raw_os_error(libc::EMFILE))?;
        }
        self.l.addfd(n.id, file, Some(fd), cloexec).map_err(|e| {
            // Beyond RLIMIT_NOFILE `replace_fd` answers EBADF; the caller's view is EMFILE.
            if e.raw_os_error() == Some(libc::EBADF) {
                io::Error::from_raw_os_error(libc::EMFILE)
            } else {
                e
            }
        })
    }

    /// A copy of a descriptor in the reserved range that would land below it (the filter
    /// notifies nothing else): `dup`, `fcntl(F_DUPFD[_CLOEXEC])` with a minimum below the
    /// range, `dup2`/`dup3` onto a descriptor below it. Copies of an emulated socket are made
    /// in the range, so the filter keeps seeing them: `dup` and `F_DUPFD` return the lowest
    /// free descriptor at or above the range's base (Linux: the lowest free one at all; a
    /// program sees a higher number, which POSIX allows no program to rely on only for
    /// `dup2`). `dup2`/`dup3` must put the copy at the number asked for, where the filter
    /// would not see it: refused with `EBUSY` and a message. Copies of anything else run
    /// natively.
    pub(super) fn do_dup(&mut self, n: &Notif) -> Res {
        let a = n.args;
        let Some(key) = self.find(n.tid, arg_i32(a[0])) else {
            return Ok(Act::Continue);
        };
        let (min, cloexec) = match n.nr {
            libc::SYS_dup => (0, false),
            libc::SYS_fcntl => {
                let cloexec = arg_i32(a[1]) == libc::F_DUPFD_CLOEXEC;
                (
                    u32::try_from(arg_i32(a[2])).map_err(|_| libc::EINVAL)?,
                    cloexec,
                )
            }
            _ => {
                if n.nr == libc::SYS_dup3 && arg_i32(a[2]) & !libc::O_CLOEXEC != 0 {
                    return Err(libc::EINVAL);
                }
                note!(
                    "nlcompat: {}() of a netlink socket onto descriptor {} is not emulated \
                     (emulated sockets must stay at or above {})",
                    syscall_name(n.nr),
                    arg_i32(a[1]),
                    self.fd_base
                );
                return Err(libc::EBUSY);
            }
        };
        if !self.l.id_valid(n.id) {
            return Ok(Act::Done);
        }
        let theirs = self
            .sock(key)?
            .theirs
            .try_clone()
            .map_err(|e| errno_of(&e))?;
        match self.place(n, theirs.as_fd(), min, cloexec) {
            Ok(fd) => {
                self.log(n, &format!("= {fd}"));
                self.by_fd.insert(fd, key);
                Ok(Act::Done)
            }
            Err(e) if self.l.id_valid(n.id) => Err(errno_of(&e)),
            Err(_) => Ok(Act::Done),
        }
    }

    // ---- addressing ---------------------------------------------------------------------

    /// Whether a socket of `protocol` holds port id `port`. Linux has one port space per
    /// protocol (`nl_table[protocol].hash`, `net/netlink/af_netlink.c`): a `NETLINK_ROUTE`
    /// and a `NETLINK_GENERIC` socket of one process both autobind to its tgid.
    pub(super) fn port_taken(&self, protocol: i32, port: u32) -> bool {
        self.socks
            .values()
            .any(|s| s.port == port && s.protocol == protocol)
    }

    /// Pick an autobind port id for a socket of `protocol`: the tgid if free, else a fresh
    /// negative id.
    pub(super) fn pick_port(&mut self, tid: u32, protocol: i32) -> u32 {
        let tgid = tgid_of(tid);
        if self.port_taken(protocol, tgid) {
            self.sweep_for_port(tid, protocol, tgid);
        }
        if !self.port_taken(protocol, tgid) {
            return tgid;
        }
        loop {
            let p = u32_of(self.rover);
            self.rover = self.rover.checked_sub(1).unwrap_or(ROVER_START);
            if !self.port_taken(protocol, p) {
                return p;
            }
        }
    }

    pub(super) fn autobind(&mut self, n: &Notif, key: u64) -> Result<(), i32> {
        if self.sock(key)?.port != 0 {
            return Ok(());
        }
        let protocol = self.sock(key)?.protocol;
        let port = self.pick_port(n.tid, protocol);
        let s = self.socks.get_mut(&key).ok_or(libc::EBADF)?;
        self.backend.bind(s.backend, port, s.legacy_groups())?;
        s.port = port;
        Ok(())
    }

    pub(super) fn do_bind(&mut self, n: &Notif, key: u64, addr: u64, len: i32) -> Res {
        let a = sysargs::read_addr(n, addr, len)?;
        let (pid, groups) = (a.pid, a.groups);
        let (cur, protocol) = {
            let s = self.sock(key)?;
            (s.port, s.protocol)
        };
        if cur != 0 && pid != cur {
            return Err(libc::EINVAL);
        }
        if cur == 0 && pid != 0 && self.port_taken(protocol, pid) {
            // An explicit id must not be refused for a socket that is already closed.
            let _ = self.sweep();
            if self.port_taken(protocol, pid) {
                return Err(libc::EADDRINUSE);
            }
        }
        if !self.l.id_valid(n.id) {
            return Ok(Act::Done);
        }
        let port = match (cur, pid) {
            (0, 0) => self.pick_port(n.tid, protocol),
            (0, p) => p,
            (c, _) => c,
        };
        let s = self.socks.get_mut(&key).ok_or(libc::EBADF)?;
        self.backend.bind(s.backend, port, groups)?;
        s.port = port;
        s.set_legacy_groups(groups);
        s.groups_allocated |= groups != 0;
        Ok(Act::Val(0))
    }

    pub(super) fn do_connect(&mut self, n: &Notif, key: u64, addr: u64, len: i32) -> Res {
        let a = match sysargs::connect_addr(n, addr, len)? {
            Connect::Disconnect => {
                let s = self.sock(key)?;
                s.dst_port = 0;
                s.dst_group = 0;
                return Ok(Act::Val(0));
            }
            Connect::To(a) => a,
        };
        if !self.l.id_valid(n.id) {
            return Ok(Act::Done);
        }
        self.autobind(n, key)?;
        let s = self.sock(key)?;
        s.dst_port = a.pid;
        let g = a.groups;
        s.dst_group = if g == 0 {
            0
        } else {
            g.trailing_zeros().saturating_add(1)
        };
        Ok(Act::Val(0))
    }

    pub(super) fn do_getname(
        &mut self,
        n: &Notif,
        key: u64,
        addr: u64,
        lenp: u64,
        peer: bool,
    ) -> Res {
        let s = self.sock(key)?;
        let sa = if peer {
            linux_sockaddr(NlAddr {
                pid: s.dst_port,
                groups: mask_of_group(s.dst_group),
            })
        } else {
            linux_sockaddr(NlAddr {
                pid: s.port,
                groups: s.legacy_groups(),
            })
        };
        sysargs::put_addr(n, addr, lenp, &sa)?;
        Ok(Act::Val(0))
    }

    // ---- options ------------------------------------------------------------------------

    pub(super) fn do_setsockopt(&mut self, n: &Notif, key: u64) -> Res {
        let level = arg_i32(n.args[1]);
        let name = arg_i32(n.args[2]);
        let optval = n.args[3];
        let optlen = arg_i32(n.args[4]);
        if level == libc::SOL_SOCKET && matches!(name, SO_PEEK_OFF | SO_PASSPIDFD) {
            // `sk_setsockopt` checks the length before the protocol refuses.
            return Err(if optlen < 4 {
                libc::EINVAL
            } else {
                libc::EOPNOTSUPP
            });
        }
        if level == libc::SOL_SOCKET {
            // Generic options: the kernel applies them to the unix socket with Linux's own
            // semantics (see sock.rs).
            return Ok(Act::Continue);
        }
        if level != libc::SOL_NETLINK {
            return Err(libc::ENOPROTOOPT);
        }
        let val = sysargs::setsockopt_int(n, optval, optlen)?;
        if !self.l.id_valid(n.id) {
            return Ok(Act::Done);
        }
        let on = val != 0;
        let s = self.socks.get_mut(&key).ok_or(libc::EBADF)?;
        let bid = s.backend;
        match name {
            opt::ADD_MEMBERSHIP | opt::DROP_MEMBERSHIP => {
                s.groups_allocated = true;
                let join = name == opt::ADD_MEMBERSHIP;
                let group = u32_of(val);
                let protocol = s.protocol;
                if !nlcompat::socket::linux_group_valid(protocol, group) {
                    return Err(libc::EINVAL);
                }
                // FreeBSD's ERANGE for a group beyond its own range (`nl_ctloutput`,
                // `sys/netlink/netlink_domain.c`) is Linux's EINVAL for the same meaning.
                self.backend.set_membership(bid, group, join).map_err(|e| {
                    if e == libc::ERANGE {
                        libc::EINVAL
                    } else {
                        e
                    }
                })?;
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
                        // `netlink_setsockopt`: clears the congestion; a pending `ENOBUFS`
                        // is still reported.
                        if on {
                            s.uncongest();
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

    pub(super) fn do_getsockopt(&mut self, n: &Notif, key: u64) -> Res {
        let level = arg_i32(n.args[1]);
        let name = arg_i32(n.args[2]);
        let optval = n.args[3];
        let lenp = n.args[4];
        let s = self.socks.get(&key).ok_or(libc::EBADF)?;
        let int_val: Option<i32> = match (level, name) {
            (libc::SOL_SOCKET, libc::SO_TYPE) => Some(s.sock_type),
            (libc::SOL_SOCKET, libc::SO_PROTOCOL) => Some(s.protocol),
            (libc::SOL_SOCKET, libc::SO_DOMAIN) => Some(libc::AF_NETLINK),
            // No peer process: Linux reports pid 0 and the overflow ids for SO_PEERCRED, and
            // ENODATA for SO_PEERGROUPS / SO_PEERPIDFD (the unix pair would name the runner).
            (libc::SOL_SOCKET, libc::SO_PEERCRED) => {
                let ulen = sysargs::getsockopt_len(n, lenp)?;
                let mut cred = Vec::with_capacity(12);
                cred.extend_from_slice(&0i32.to_ne_bytes());
                cred.extend_from_slice(&u32::MAX.to_ne_bytes());
                cred.extend_from_slice(&u32::MAX.to_ne_bytes());
                sysargs::put_opt_prefix(n, optval, lenp, ulen, &cred)?;
                return Ok(Act::Val(0));
            }
            (libc::SOL_SOCKET, SO_PEERGROUPS | SO_PEERPIDFD) => return Err(libc::ENODATA),
            (libc::SOL_SOCKET, libc::SO_PEERNAME) => {
                // The peer address: 12 bytes; a longer buffer is EINVAL, a shorter one is
                // filled as far as it goes.
                let ulen = sysargs::getsockopt_len(n, lenp)?;
                if ulen > SOCKADDR_NL_LEN {
                    return Err(libc::EINVAL);
                }
                let sa = linux_sockaddr(NlAddr {
                    pid: s.dst_port,
                    groups: mask_of_group(s.dst_group),
                });
                sysargs::put_opt_prefix(n, optval, lenp, ulen, &sa)?;
                return Ok(Act::Val(0));
            }
            (libc::SOL_SOCKET, SO_PEEK_OFF | SO_PASSPIDFD) => return Err(libc::EOPNOTSUPP),
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
        let ulen = sysargs::getsockopt_len(n, lenp)?;
        match int_val {
            Some(v) => {
                sysargs::put_int_opt(n, optval, lenp, ulen, v, level == libc::SOL_NETLINK)?;
            }
            None => {
                // NETLINK_LIST_MEMBERSHIPS: as many words as fit, then the full size.
                let words = if s.groups_allocated {
                    s.membership_words(MEMBERSHIP_WORDS)
                } else {
                    Vec::new()
                };
                let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_ne_bytes()).collect();
                sysargs::put_list_opt(n, optval, lenp, ulen, &bytes)?;
            }
        }
        Ok(Act::Val(0))
    }
}
