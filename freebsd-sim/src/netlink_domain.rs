// SPDX-License-Identifier: BSD-2-Clause
//! Sockets: `sys/netlink/netlink_domain.c` (`nl_attach`, `nl_verify_proto`, `nl_bind`,
//! `nl_find_port`, `nl_connect`, `nl_ctloutput`, `nl_getoptflag`, `nl_close`).

use crate::kernel::Kernel;
use crate::limits::{NETLINK_GENERIC, NETLINK_ROUTE, NLP_MAX_GROUPS, NL_MAX_HANDLERS};
use crate::parse::rd32;
use crate::socket::{Cred, SockId, Socket, NLF_CAP_ACK, NLF_EXT_ACK, NLF_MSG_INFO, NLF_STRICT};
use freebsd_abi::*;

impl Kernel {
    /// `socket(AF_NETLINK, SOCK_RAW, proto)`: `nl_attach()` after `nl_verify_proto()`.
    pub fn socket(&mut self, proto: u32, cred: Cred) -> Result<SockId, i32> {
        self.socket_typed(SOCK_RAW, proto, cred)
    }

    /// `socket(AF_NETLINK, ty, proto)`: only SOCK_RAW and SOCK_DGRAM exist (quirk N6:
    /// others are EPROTOTYPE); `nl_verify_proto()`: EINVAL out of range, EPROTONOSUPPORT
    /// without a handler (only NETLINK_ROUTE and NETLINK_GENERIC register).
    pub fn socket_typed(&mut self, ty: i32, proto: u32, cred: Cred) -> Result<SockId, i32> {
        if ty != SOCK_RAW && ty != SOCK_DGRAM {
            return Err(EPROTOTYPE);
        }
        if proto >= NL_MAX_HANDLERS {
            return Err(EINVAL);
        }
        if proto != NETLINK_ROUTE && proto != NETLINK_GENERIC {
            return Err(EPROTONOSUPPORT);
        }
        let id = SockId(self.next_sock);
        self.next_sock = self.next_sock.saturating_add(1);
        self.socks.insert(id, Socket::new(proto, cred, self.pid));
        self.pcb_order.insert(0, id);
        Ok(id)
    }

    pub(crate) fn port_in_use(&self, port: u32) -> bool {
        self.socks.values().any(|s| s.bound && s.port == port)
    }

    /// `arc4random()` stand-in: a fixed xorshift sequence.
    pub(crate) fn random(&mut self) -> u32 {
        let mut x = self.rng;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.rng = x;
        u32::try_from(x >> 32).unwrap_or(0)
    }

    /// `nl_find_port()`: the pid, else up to 16 random ports in 262144..327679.
    pub(crate) fn find_port(&mut self) -> u32 {
        if !self.port_in_use(self.pid) {
            return self.pid;
        }
        for _ in 0..16 {
            let p = (self.random() % 65536).saturating_add(65536 * 4);
            if !self.port_in_use(p) {
                return p;
            }
        }
        self.pid
    }

    /// `nl_bind_locked()`.
    pub(crate) fn bind_locked(&mut self, s: SockId, pid: u32, groups: u32) -> Result<(), i32> {
        let bound = self
            .socks
            .get(&s)
            .map(|x| (x.bound, x.port))
            .ok_or(ENOTCONN)?;
        if bound.0 {
            if bound.1 != pid {
                return Err(EINVAL);
            }
        } else {
            let pid = if pid == 0 { self.find_port() } else { pid };
            if self.port_in_use(pid) {
                return Err(EADDRINUSE);
            }
            if let Some(so) = self.socks.get_mut(&s) {
                so.port = pid;
                so.bound = true;
            }
        }
        if let Some(so) = self.socks.get_mut(&s) {
            for i in 0..32u32 {
                so.set_group(i.saturating_add(1), groups & (1u32 << i) != 0);
            }
        }
        Ok(())
    }

    /// `bind(2)` with FreeBSD `sockaddr_nl` bytes (`nl_bind`): EINVAL unless `nl_len` is
    /// 12; a bound socket may only "rebind" to its own port (EINVAL); port 0 picks one
    /// (`nl_find_port`); EADDRINUSE when taken; `nl_groups` sets groups 1..32.
    pub fn bind(&mut self, s: SockId, addr: &[u8]) -> Result<(), i32> {
        if addr.len() < 12 || addr.first().copied() != Some(12) {
            return Err(EINVAL);
        }
        self.bind_locked(s, rd32(addr, 4), rd32(addr, 8))
    }

    /// `connect(2)` (`nl_connect`): EINVAL unless `nl_len` is 12; autobinds an unbound
    /// socket starting at the pid (`nl_autobind_port`, 10 candidates).
    pub fn connect(&mut self, s: SockId, addr: &[u8]) -> Result<(), i32> {
        if addr.len() < 12 || addr.first().copied() != Some(12) {
            return Err(EINVAL);
        }
        let so = self.socks.get(&s).ok_or(ENOTCONN)?;
        if !so.bound {
            let groups = so.groups_compat();
            let mut port = self.pid;
            let mut err = EADDRINUSE;
            for _ in 0..10 {
                if !self.port_in_use(port) {
                    match self.bind_locked(s, port, groups) {
                        Ok(()) => {
                            err = 0;
                            break;
                        }
                        Err(e) => {
                            err = e;
                            if e != EADDRINUSE {
                                break;
                            }
                        }
                    }
                }
                port = port.saturating_add(1);
            }
            if err != 0 {
                return Err(err);
            }
        }
        Ok(())
    }

    /// `getsockname(2)` bytes (`nl_sockaddr`): `{12, AF_NETLINK, 0, port, groups 0}`.
    pub fn sockname(&self, s: SockId) -> Option<[u8; 12]> {
        let so = self.socks.get(&s)?;
        let mut a = [0u8; 12];
        a[0] = 12;
        a[1] = AF_NETLINK;
        a[4..8].copy_from_slice(&so.port.to_ne_bytes());
        Some(a)
    }

    /// Port id of a socket: `None` for an unknown socket; `Some(0)` while unbound
    /// (FreeBSD assigns a port only in `bind`/`connect`, never on `send`).
    pub fn port_id(&self, s: SockId) -> Option<u32> {
        self.socks.get(&s).map(|x| x.port)
    }

    /// `setsockopt(2)` (`nl_ctloutput`, `nl_setsbopt`).
    ///
    /// SOL_NETLINK: ADD/DROP_MEMBERSHIP take an `int` group 1..127 (else ERANGE);
    /// CAP_ACK, EXT_ACK, GET_STRICT_CHK and MSG_INFO toggle flags; everything else,
    /// including options 3–8, is ENOPROTOOPT (quirk N7). SOL_SOCKET SO_RCVBUF above
    /// `sb_max_adj` needs privilege (EPERM); SO_RCVBUF/SO_SNDBUF set the high-water marks.
    pub fn setsockopt(&mut self, s: SockId, level: i32, name: i32, val: &[u8]) -> Result<(), i32> {
        let so = self.socks.get_mut(&s).ok_or(ENOTCONN)?;
        let int = || -> Result<i32, i32> {
            let b: [u8; 4] = val.get(..4).and_then(|x| x.try_into().ok()).ok_or(EINVAL)?;
            Ok(i32::from_ne_bytes(b))
        };
        if level == SOL_SOCKET {
            let v = int()?;
            let v = usize::try_from(v).map_err(|_| EINVAL)?;
            match name {
                SO_RCVBUF => {
                    // sb_max_adj with the default kern.ipc.maxsockbuf (2 MiB).
                    const SB_MAX_ADJ: usize = 2_097_152 * 2048 / (256 + 2048);
                    if v > SB_MAX_ADJ && !so.cred.privileged() {
                        return Err(EPERM);
                    }
                    if v == 0 || v > 512 * 1024 * 1024 {
                        return Err(ENOBUFS);
                    }
                    so.rcv_hiwat = v;
                }
                SO_SNDBUF => {
                    // sbsetopt() → sbreserve_locked(): limited by sb_max_adj.
                    if v == 0 || v > 2_097_152 * 2048 / (256 + 2048) {
                        return Err(ENOBUFS);
                    }
                    so.snd_hiwat = v;
                }
                _ => return Err(ENOPROTOOPT),
            }
            return Ok(());
        }
        if level != SOL_NETLINK {
            return Err(ENOPROTOOPT);
        }
        match name {
            NETLINK_ADD_MEMBERSHIP | NETLINK_DROP_MEMBERSHIP => {
                let g = int()?;
                if g <= 0 || g >= i32::try_from(NLP_MAX_GROUPS).unwrap_or(128) {
                    return Err(ERANGE);
                }
                so.set_group(g.unsigned_abs(), name == NETLINK_ADD_MEMBERSHIP);
                Ok(())
            }
            NETLINK_CAP_ACK | NETLINK_EXT_ACK | NETLINK_GET_STRICT_CHK | NETLINK_MSG_INFO => {
                let v = int()?;
                let flag = opt_flag(name);
                if v != 0 {
                    so.flags |= flag;
                } else {
                    so.flags &= !flag;
                }
                Ok(())
            }
            _ => Err(ENOPROTOOPT),
        }
    }

    /// `getsockopt(2)`: LIST_MEMBERSHIPS returns the groups 1..32 mask as an `int`; the
    /// flag options return 0/1; SO_RCVBUF/SO_SNDBUF the high-water marks.
    pub fn getsockopt(&self, s: SockId, level: i32, name: i32) -> Result<Vec<u8>, i32> {
        let so = self.socks.get(&s).ok_or(ENOTCONN)?;
        if level == SOL_SOCKET {
            let v = match name {
                SO_RCVBUF => so.rcv_hiwat,
                SO_SNDBUF => so.snd_hiwat,
                _ => return Err(ENOPROTOOPT),
            };
            return Ok(i32::try_from(v).unwrap_or(i32::MAX).to_ne_bytes().to_vec());
        }
        if level != SOL_NETLINK {
            return Err(ENOPROTOOPT);
        }
        match name {
            NETLINK_LIST_MEMBERSHIPS => Ok(so.groups_compat().to_ne_bytes().to_vec()),
            NETLINK_CAP_ACK | NETLINK_EXT_ACK | NETLINK_GET_STRICT_CHK | NETLINK_MSG_INFO => {
                let v: i32 = i32::from(so.flags & opt_flag(name) != 0);
                Ok(v.to_ne_bytes().to_vec())
            }
            _ => Err(ENOPROTOOPT),
        }
    }

    /// `close(2)` (`nl_close`): frees both queues and the port.
    pub fn close(&mut self, s: SockId) {
        self.socks.remove(&s);
        self.pcb_order.retain(|x| *x != s);
    }
}

/// `nl_getoptflag()`.
pub(crate) fn opt_flag(name: i32) -> u32 {
    match name {
        NETLINK_CAP_ACK => NLF_CAP_ACK,
        NETLINK_EXT_ACK => NLF_EXT_ACK,
        NETLINK_GET_STRICT_CHK => NLF_STRICT,
        NETLINK_MSG_INFO => NLF_MSG_INFO,
        _ => 0,
    }
}
