// SPDX-License-Identifier: BSD-2-Clause
//! The simulated kernel: sockets (`netlink_domain.c`), request processing and acks
//! (`netlink_io.c`, `nlmsg_ack` in `netlink_message_writer.c`), dispatch
//! (`netlink_route.c`, `netlink_generic.c`) and multicast fan-out (`nl_send_group`).

use std::collections::BTreeMap;

use crate::abi::*;
use crate::parse::{rd16, rd32, Npt};
use crate::socket::{
    Cred, NlBuf, SockId, Socket, NLF_CAP_ACK, NLF_EXT_ACK, NLF_MSG_INFO, NLF_STRICT,
};
use crate::state::NetState;
use crate::topology::{Topology, TopologyError};
use crate::writer::{align4, Flushed, Writer};

/// Time source: `time_uptime` and `time_second`.
pub trait Clock: std::fmt::Debug + Send {
    /// Seconds since boot (`time_uptime`).
    fn uptime(&self) -> u64;
    /// Wall-clock seconds (`time_second`).
    fn realtime(&self) -> u64;
}

/// A clock that never moves: uptime 3600 s, wall time 1 700 000 000.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedClock {
    /// Reported `time_uptime`.
    pub uptime: u64,
    /// Reported `time_second`.
    pub realtime: u64,
}

impl Default for FixedClock {
    fn default() -> Self {
        FixedClock {
            uptime: 3600,
            realtime: 1_700_000_000,
        }
    }
}

impl Clock for FixedClock {
    fn uptime(&self) -> u64 {
        self.uptime
    }
    fn realtime(&self) -> u64 {
        self.realtime
    }
}

/// `recvmsg(2)` flags, FreeBSD `MSG_*` bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RecvFlags(pub i32);

impl RecvFlags {
    /// `MSG_PEEK`.
    pub const PEEK: RecvFlags = RecvFlags(MSG_PEEK);
    /// `MSG_TRUNC`.
    pub const TRUNC: RecvFlags = RecvFlags(MSG_TRUNC);
    /// `MSG_DONTWAIT`.
    pub const DONTWAIT: RecvFlags = RecvFlags(MSG_DONTWAIT);
    /// No flags.
    pub const NONE: RecvFlags = RecvFlags(0);

    /// Union of two flag sets.
    #[must_use]
    pub fn with(self, o: RecvFlags) -> RecvFlags {
        RecvFlags(self.0 | o.0)
    }
}

/// Result of [`Kernel::recv`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// Bytes copied to the caller's buffer (at most `len`).
    pub data: Vec<u8>,
    /// What `recvmsg` returns: bytes consumed from `uio_resid`, larger than `len` when
    /// MSG_TRUNC was requested and data was cut.
    pub ret: usize,
    /// `msg_flags` on return: the request flags plus MSG_TRUNC when a message was cut.
    pub msg_flags: i32,
    /// `msg_name`: `{nl_len 12, AF_NETLINK, pid 0, groups 0}` (no group mask, quirk N8).
    pub src: [u8; 12],
    /// NETLINK_MSG_INFO control data (`nl_createcontrol`): the two TLVs, when enabled.
    pub msg_info: Option<Vec<u8>>,
}

/// Public view of one interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IfaceInfo {
    /// `if_index`.
    pub index: u32,
    /// FreeBSD name (`if_xname`).
    pub name: String,
    /// `if_type` (IFT_*).
    pub if_type: u16,
    /// The Linuxulator's `if_linux_ethno` (IFT_ETHER only), allocated at arrival.
    pub linux_ethno: Option<u32>,
    /// `if_flags | if_drv_flags`.
    pub flags: u32,
}

/// A generic netlink family (`netlink_generic.c` `struct genl_family`).
#[derive(Debug, Clone)]
pub(crate) struct GenlFamily {
    pub(crate) name: String,
    pub(crate) id: u16,
    pub(crate) version: u32,
    pub(crate) hdrsize: u32,
    pub(crate) maxattr: u32,
    /// `(cmd, flags, needs_priv)`.
    pub(crate) cmds: Vec<(u32, u32, bool)>,
    /// Group names; ids are `index + MIN_GROUP_NUM (48)`.
    pub(crate) groups: Vec<String>,
}

/// One FreeBSD host: network state plus netlink sockets.
#[derive(Debug)]
pub struct Kernel {
    pub(crate) state: NetState,
    pub(crate) socks: BTreeMap<SockId, Socket>,
    /// `ctl_pcb_head`: newest socket first (`CK_LIST_INSERT_HEAD`).
    pub(crate) pcb_order: Vec<SockId>,
    next_sock: u32,
    pub(crate) clock: Box<dyn Clock>,
    pub(crate) pid: u32,
    rng: u64,
    pub(crate) genl: Vec<GenlFamily>,
    /// `V_un_ctl` exists (set by the first RTM_NEWNEXTHOP).
    pub(crate) unhop_ctl: bool,
    /// `un_protocol` of each user nexthop.
    pub(crate) unhop_protocols: Vec<(u32, u8)>,
    /// Whether RTM_NEWLINK may bring a link up (FreeBSD 14 only handles "down").
    pub(crate) netlink_if_up: bool,
    /// The FreeBSD release modelled.
    pub(crate) release: Release,
}

/// A FreeBSD release profile: where the releases answer differently, the model answers
/// as the selected one (`docs/freebsd-sim.md`, "Release profiles").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Release {
    /// FreeBSD 14.x (`stable/14`).
    R14,
    /// FreeBSD 15.0 (`stable/15`), the newest release and the default.
    #[default]
    R15,
    /// FreeBSD main (16-CURRENT).
    Main,
}

impl Release {
    /// Parses a topology's `release` value: "14", "15" or "main".
    pub fn parse(s: &str) -> Option<Release> {
        match s {
            "14" => Some(Release::R14),
            "15" => Some(Release::R15),
            "main" => Some(Release::Main),
            _ => None,
        }
    }

    /// All profiles, oldest first.
    pub const ALL: [Release; 3] = [Release::R14, Release::R15, Release::Main];
}

/// A request being processed (`struct nl_pstate` + the reply writer).
#[derive(Debug)]
pub(crate) struct Req {
    pub(crate) sid: SockId,
    /// The message (header with `nlmsg_pid` stamped), exactly `nlmsg_len` bytes.
    pub(crate) msg: Vec<u8>,
    pub(crate) npt: Npt,
    pub(crate) w: Writer,
    pub(crate) port: u32,
    pub(crate) cred: Cred,
    pub(crate) proto: u32,
}

impl Req {
    /// `nlmsg_type`.
    pub(crate) fn ty(&self) -> u16 {
        rd16(&self.msg, 4)
    }
    /// `nlmsg_flags`.
    pub(crate) fn flags(&self) -> u16 {
        rd16(&self.msg, 6)
    }
    /// `nlmsg_seq`.
    pub(crate) fn seq(&self) -> u32 {
        rd32(&self.msg, 8)
    }
    /// `nlmsg_pid` (the port id after stamping).
    pub(crate) fn pid(&self) -> u32 {
        rd32(&self.msg, 12)
    }
    /// Payload after the 16-byte header.
    pub(crate) fn payload(&self) -> &[u8] {
        self.msg.get(16..).unwrap_or(&[])
    }
}

impl Kernel {
    /// A host without interfaces (only the generic "nlctrl" family).
    fn empty(fibs: u32, pid: u32) -> Kernel {
        let mut k = Kernel {
            state: NetState {
                numfibs: fibs.max(1),
                next_ifindex: 1,
                next_grp_idx: 1,
                ..NetState::default()
            },
            socks: BTreeMap::new(),
            pcb_order: Vec::new(),
            next_sock: 3,
            clock: Box::new(FixedClock::default()),
            pid,
            rng: 0x9e37_79b9_7f4a_7c15,
            genl: Vec::new(),
            unhop_ctl: false,
            unhop_protocols: Vec::new(),
            netlink_if_up: false,
            release: Release::default(),
        };
        k.genl_init();
        k
    }

    /// Builds a host from a topology (see `docs/topology.md`).
    pub fn new(topo: &Topology) -> Result<Kernel, TopologyError> {
        let mut k = Kernel::empty(topo.fibs, topo.pid);
        if let Some(r) = &topo.release {
            k.release = Release::parse(r).ok_or_else(|| {
                TopologyError::Invalid(format!("unknown release {r:?} (14, 15 or main)"))
            })?;
        }
        if topo.nlsysevent {
            k.genl_load_nlsysevent();
        }
        k.load_topology(topo)?;
        Ok(k)
    }

    /// The built-in default host ([`Topology::default_host`]): `em0` (up, 192.0.2.10/24,
    /// 2001:db8::10/64 and its link-local), `em1` (down), `lo0`, default routes via
    /// 192.0.2.1 and 2001:db8::1, one ARP and one NDP entry.
    pub fn default_host() -> Kernel {
        // The built-in topology is tested to load; an empty host is the fallback.
        Kernel::new(&Topology::default_host()).unwrap_or_else(|_| Kernel::empty(1, 1000))
    }

    /// Replaces the time source (default: [`FixedClock`]).
    pub fn set_clock(&mut self, clock: Box<dyn Clock>) {
        self.clock = clock;
    }

    /// Lets RTM_NEWLINK bring links up (`ifi_change & IFF_UP` with IFF_UP set). Off by
    /// default: `_nl_modify_ifp_generic()` in FreeBSD 14 only handles taking a link down
    /// (fixed upstream later, D51871).
    pub fn set_netlink_if_up(&mut self, enabled: bool) {
        self.netlink_if_up = enabled;
    }

    /// The FreeBSD release modelled.
    pub fn release(&self) -> Release {
        self.release
    }

    /// Selects the FreeBSD release to model (normally set by the topology's `release`).
    pub fn set_release(&mut self, release: Release) {
        self.release = release;
    }

    /// Sets the pid of the simulated process (used by port-id allocation).
    pub fn set_pid(&mut self, pid: u32) {
        self.pid = pid;
    }

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

    fn port_in_use(&self, port: u32) -> bool {
        self.socks.values().any(|s| s.bound && s.port == port)
    }

    /// `arc4random()` stand-in: a fixed xorshift sequence.
    fn random(&mut self) -> u32 {
        let mut x = self.rng;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.rng = x;
        u32::try_from(x >> 32).unwrap_or(0)
    }

    /// `nl_find_port()`: the pid, else up to 16 random ports in 262144..327679.
    fn find_port(&mut self) -> u32 {
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
    fn bind_locked(&mut self, s: SockId, pid: u32, groups: u32) -> Result<(), i32> {
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

    /// `send(2)` (`nl_sosend`) followed by the socket taskqueue (`nl_process_received`).
    ///
    /// Fewer than 16 bytes → ENOBUFS; more than the send buffer → EMSGSIZE; no room in the
    /// send queue (requests blocked behind a full receive buffer) → EWOULDBLOCK (the model
    /// never sleeps). Replies, acks and notifications are enqueued before this returns.
    pub fn send(&mut self, s: SockId, data: &[u8]) -> Result<usize, i32> {
        let so = self.socks.get_mut(&s).ok_or(ENOTCONN)?;
        if data.len() < 16 {
            return Err(ENOBUFS);
        }
        if data.len() > so.snd_hiwat {
            return Err(EMSGSIZE);
        }
        if so.snd_hiwat.saturating_sub(so.snd_ccc) < data.len() {
            return Err(EWOULDBLOCK);
        }
        so.snd.push_back(NlBuf {
            data: data.to_vec(),
            offset: 0,
        });
        so.snd_ccc = so.snd_ccc.saturating_add(data.len());
        self.process(s);
        Ok(data.len())
    }

    /// `recvmsg(2)` (`nl_soreceive`): whole messages only, as many as fit, across
    /// `nl_buf`s; a first message longer than `len` is truncated **and lost** (MSG_TRUNC);
    /// with MSG_PEEK|MSG_TRUNC the return value is its full length. An empty queue is
    /// EWOULDBLOCK (the model never sleeps). Reading restarts blocked request processing
    /// (`nl_on_transmit`).
    pub fn recv(&mut self, s: SockId, len: usize, flags: RecvFlags) -> Result<Received, i32> {
        let so = self.socks.get_mut(&s).ok_or(ENOTCONN)?;
        let mut src = [0u8; 12];
        src[0] = 12;
        src[1] = AF_NETLINK;
        let msg_info = if so.flags & NLF_MSG_INFO != 0 {
            let mut v = Vec::with_capacity(16);
            v.extend_from_slice(&8u16.to_ne_bytes());
            v.extend_from_slice(&NLMSGINFO_ATTR_PROCESS_ID.to_ne_bytes());
            v.extend_from_slice(&so.process_id.to_ne_bytes());
            v.extend_from_slice(&8u16.to_ne_bytes());
            v.extend_from_slice(&NLMSGINFO_ATTR_PORT_ID.to_ne_bytes());
            v.extend_from_slice(&so.port.to_ne_bytes());
            Some(v)
        } else {
            None
        };
        let mut out_flags = flags.0 & !MSG_TRUNC;
        let trunc = flags.0 & MSG_TRUNC != 0;
        let peek = out_flags & MSG_PEEK != 0;
        if so.rcv.is_empty() {
            return Err(EWOULDBLOCK);
        }
        let resid0 = i64::try_from(len).unwrap_or(i64::MAX);
        let mut total: i64 = 0;
        let mut overflow: i64 = 0;
        let mut datalen: usize = 0;
        // Index of `last` in the queue (None = end) and the partial copy.
        let mut last: Option<usize> = None;
        let mut partoff = 0usize;
        let mut partlen: i64 = 0;
        let mut new_last_offset: Option<usize> = None;
        'scan: for (i, nb) in so.rcv.iter().enumerate() {
            let mut offset = nb.offset;
            while offset < nb.data.len() {
                let mlen = i64::from(rd32(&nb.data, offset));
                if resid0 < total.saturating_add(mlen) {
                    overflow = total.saturating_add(mlen).saturating_sub(resid0);
                    partoff = nb.offset;
                    last = Some(i);
                    if offset > partoff {
                        partlen = i64::try_from(offset.saturating_sub(partoff)).unwrap_or(0);
                        if !peek {
                            new_last_offset = Some(offset);
                            datalen = datalen.saturating_add(offset.saturating_sub(partoff));
                        }
                    } else if total == 0 && resid0 > 0 {
                        out_flags |= MSG_TRUNC;
                        partlen = resid0;
                        if peek {
                            break 'scan;
                        }
                        let m = usize::try_from(mlen).unwrap_or(0);
                        datalen = datalen.saturating_add(m);
                        if nb.offset.saturating_add(m) == nb.data.len() {
                            // Avoid leaving an empty nb: consume it whole.
                            last = if i.saturating_add(1) < so.rcv.len() {
                                Some(i.saturating_add(1))
                            } else {
                                None
                            };
                            overflow = 0;
                            partlen = 0;
                        } else {
                            new_last_offset = Some(nb.offset.saturating_add(m));
                        }
                    } else {
                        partlen = 0;
                    }
                    break 'scan;
                }
                total = total.saturating_add(mlen);
                offset = offset.saturating_add(usize::try_from(mlen).unwrap_or(usize::MAX));
                if mlen == 0 {
                    break;
                }
            }
            datalen = datalen.saturating_add(nb.data.len().saturating_sub(nb.offset));
        }
        // Copy out: whole nbs before `last`, then the partial piece of `last`.
        let end = last.unwrap_or(so.rcv.len());
        let mut resid = resid0;
        let mut data = Vec::new();
        // uiomove(): copies min(n, uio_resid) and lowers uio_resid by what it copied.
        let mut copy = |bytes: &[u8], resid: &mut i64| {
            let n = usize::try_from((*resid).max(0))
                .unwrap_or(0)
                .min(bytes.len());
            data.extend_from_slice(bytes.get(..n).unwrap_or(&[]));
            *resid = resid.saturating_sub(i64::try_from(n).unwrap_or(0));
        };
        for nb in so.rcv.iter().take(end) {
            copy(nb.data.get(nb.offset..).unwrap_or(&[]), &mut resid);
        }
        if let Some(l) = last {
            if partlen > 0 {
                if let Some(nb) = so.rcv.get(l) {
                    let pl = usize::try_from(partlen).unwrap_or(0);
                    let piece = nb
                        .data
                        .get(partoff..partoff.saturating_add(pl))
                        .unwrap_or(&[]);
                    copy(piece, &mut resid);
                }
            }
        }
        if trunc && overflow > 0 {
            resid = resid.saturating_sub(overflow);
        }
        if !peek {
            for _ in 0..end {
                so.rcv.pop_front();
            }
            if let (Some(o), Some(nb)) = (new_last_offset, so.rcv.front_mut()) {
                nb.offset = o;
            }
            so.rcv_ccc = so.rcv_ccc.saturating_sub(datalen);
        }
        let ret = usize::try_from(resid0.saturating_sub(resid)).unwrap_or(0);
        self.on_transmit(s);
        Ok(Received {
            data,
            ret,
            msg_flags: out_flags | flags.0,
            src,
            msg_info,
        })
    }

    /// Drains the receive queue and returns each `nl_buf` exactly as enqueued (unread
    /// part), oldest first — what FreeBSD hands `msgs_to_linux()` buffer by buffer.
    pub fn take_bufs(&mut self, s: SockId) -> Vec<Vec<u8>> {
        let out = match self.socks.get_mut(&s) {
            Some(so) => {
                so.rcv_ccc = 0;
                so.rcv
                    .drain(..)
                    .map(|nb| {
                        nb.data
                            .get(nb.offset..)
                            .map(<[u8]>::to_vec)
                            .unwrap_or_default()
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        self.on_transmit(s);
        out
    }

    /// Sockets with data queued for reading, in id order.
    pub fn pending(&self) -> Vec<SockId> {
        self.socks
            .iter()
            .filter(|(_, so)| !so.rcv.is_empty())
            .map(|(id, _)| *id)
            .collect()
    }

    /// Multicast messages dropped on this socket because its receive buffer was full
    /// (cumulative; FreeBSD only counts them, `nl_dropped_messages`).
    pub fn dropped(&self, s: SockId) -> u64 {
        self.socks.get(&s).map_or(0, |so| so.dropped_total)
    }

    /// Like [`Kernel::dropped`], but returns only the drops since the previous call and
    /// resets the count (what a Linux-style runner turns into one ENOBUFS).
    pub fn take_dropped(&mut self, s: SockId) -> u64 {
        self.socks.get_mut(&s).map_or(0, |so| {
            let d = so.dropped_total.saturating_sub(so.dropped_taken);
            so.dropped_taken = so.dropped_total;
            d
        })
    }

    /// Bytes currently queued for reading (`so_rcv.sb_ccc`).
    pub fn queued_bytes(&self, s: SockId) -> usize {
        self.socks.get(&s).map_or(0, |so| so.rcv_ccc)
    }

    /// `close(2)` (`nl_close`): frees both queues and the port.
    pub fn close(&mut self, s: SockId) {
        self.socks.remove(&s);
        self.pcb_order.retain(|x| *x != s);
    }

    /// All interfaces in `V_ifnet` order.
    pub fn interfaces(&self) -> Vec<IfaceInfo> {
        self.state
            .ifaces
            .iter()
            .map(|i| IfaceInfo {
                index: i.index,
                name: i.name.clone(),
                if_type: i.kind.if_type(),
                linux_ethno: i.linux_ethno,
                flags: i.nl_flags(),
            })
            .collect()
    }

    /// Changes the media state of an interface, as a cable plug/unplug would
    /// (`if_link_state_change` → `ifnet_link_event` → `rtnl_handle_iflink`): link
    /// listeners get RTM_NEWLINK with `ifi_change` 0. Only Ethernet-like interfaces take
    /// their operstate from the media. Returns false for an unknown index.
    pub fn set_carrier(&mut self, ifindex: u32, carrier: bool) -> bool {
        match self.state.iface_mut(ifindex) {
            Some(i) => i.carrier = carrier,
            None => return false,
        }
        self.link_event(ifindex, NL_RTM_NEWLINK, 0);
        true
    }

    /// `nl_on_transmit()`: resets the drop counters and resumes request processing.
    fn on_transmit(&mut self, s: SockId) {
        if let Some(so) = self.socks.get_mut(&s) {
            so.dropped_bytes = 0;
            so.dropped_messages = 0;
        }
        self.process(s);
    }

    /// `nl_process_received()`: processes queued requests while the receive buffer has room.
    fn process(&mut self, s: SockId) {
        loop {
            let Some(so) = self.socks.get_mut(&s) else {
                return;
            };
            if so.rcv_hiwat <= so.rcv_ccc {
                return;
            }
            let Some(mut nb) = so.snd.pop_front() else {
                return;
            };
            let done = self.process_nbuf(s, &mut nb);
            let Some(so) = self.socks.get_mut(&s) else {
                return;
            };
            if done {
                so.snd_ccc = so.snd_ccc.saturating_sub(nb.data.len());
            } else {
                so.snd.push_front(nb);
                return;
            }
        }
    }

    /// `nl_process_nbuf()`: one reply writer (NLMSG_SMALL, ignoring limits) for all the
    /// messages of one `send()`; stops after an invalid length or when the reader's queue
    /// filled up (`nl_tx_blocked`), leaving the rest for later.
    fn process_nbuf(&mut self, s: SockId, nb: &mut NlBuf) -> bool {
        let Some(so) = self.socks.get(&s) else {
            return true;
        };
        let (port, cred, proto, strict) = (so.port, so.cred, so.proto, so.flags & NLF_STRICT != 0);
        let mut w = Writer::new(NLMSG_SMALL);
        w.ignore_limit = true;
        while nb.offset.saturating_add(16) <= nb.data.len() {
            let off = nb.offset;
            let mlen = usize::try_from(rd32(&nb.data, off)).unwrap_or(usize::MAX);
            let remaining = nb.data.len().saturating_sub(off);
            nb.offset = off.saturating_add(align4(mlen));
            w.suppress_ack = false;
            if mlen > remaining || mlen < 16 {
                // nl_receive_message(): EINVAL, returned without an ack; stop here.
                break;
            }
            let mut msg = nb
                .data
                .get(off..off.saturating_add(mlen))
                .map(<[u8]>::to_vec)
                .unwrap_or_default();
            if let Some(p) = msg.get_mut(12..16) {
                p.copy_from_slice(&port.to_ne_bytes());
            }
            let mut req = Req {
                sid: s,
                msg,
                npt: Npt {
                    strict,
                    ..Npt::default()
                },
                w,
                port,
                cred,
                proto,
            };
            self.receive_message(&mut req);
            w = req.w;
            self.deliver(s, &mut w);
            if self.socks.get(&s).is_none_or(|so| so.tx_blocked) {
                break;
            }
        }
        w.flush();
        self.deliver(s, &mut w);
        match self.socks.get_mut(&s) {
            Some(so) if so.tx_blocked => {
                // The nb goes back to the head of the send queue (even when fully
                // consumed) and keeps counting against the send buffer until the next
                // pass frees it.
                so.tx_blocked = false;
                false
            }
            _ => true,
        }
    }

    /// Sends the writer's flushed buffers to socket `s` (`nl_send`).
    fn deliver(&mut self, s: SockId, w: &mut Writer) {
        let bufs: Vec<Flushed> = std::mem::take(&mut w.flushed);
        for f in bufs {
            self.nl_send(s, f, w.ignore_limit);
        }
    }

    /// `nl_send()`: enqueue (or drop when full and not ignoring the limit).
    fn nl_send(&mut self, s: SockId, f: Flushed, ignore_limit: bool) -> bool {
        let Some(so) = self.socks.get_mut(&s) else {
            return false;
        };
        if !ignore_limit && so.rcv_hiwat <= so.rcv_ccc {
            so.dropped_bytes = so
                .dropped_bytes
                .saturating_add(u64::try_from(f.data.len()).unwrap_or(0));
            so.dropped_messages = so
                .dropped_messages
                .saturating_add(u64::from(f.num_messages));
            so.dropped_total = so.dropped_total.saturating_add(u64::from(f.num_messages));
            return false;
        }
        so.rcv_ccc = so.rcv_ccc.saturating_add(f.data.len());
        so.rcv.push_back(NlBuf {
            data: f.data,
            offset: 0,
        });
        if so.rcv_hiwat <= so.rcv_ccc {
            so.tx_blocked = true;
        }
        true
    }

    /// `nl_send_group()`: one copy per member socket of `proto`/`group` (optionally only
    /// privileged ones), in `ctl_pcb_head` order, subject to each receive limit.
    pub(crate) fn send_group(&mut self, proto: u32, group: u32, need_priv: bool, mut w: Writer) {
        w.flush();
        let bufs = std::mem::take(&mut w.flushed);
        let members: Vec<SockId> = self
            .pcb_order
            .iter()
            .copied()
            .filter(|id| {
                self.socks.get(id).is_some_and(|so| {
                    so.proto == proto && so.member(group) && (!need_priv || so.cred.privileged())
                })
            })
            .collect();
        for f in bufs {
            for id in &members {
                self.nl_send(*id, f.clone(), false);
            }
        }
    }

    /// `nl_has_listeners()`.
    pub(crate) fn has_listeners(&self, proto: u32, group: u32) -> bool {
        self.socks
            .values()
            .any(|so| so.proto == proto && so.member(group))
    }

    /// `nl_receive_message()`: runs the handler for requests (NLM_F_REQUEST, type ≥ 16),
    /// then acks when NLM_F_ACK or on an error other than EINTR, unless a dump suppressed it.
    fn receive_message(&mut self, req: &mut Req) {
        let mut error = 0;
        if req.flags() & NLM_F_REQUEST != 0 && req.ty() >= NLMSG_MIN_TYPE {
            error = match req.proto {
                NETLINK_ROUTE => self.rtnl_handle_message(req),
                NETLINK_GENERIC => self.genl_handle_message(req),
                _ => ENOTSUP,
            };
        }
        if (req.flags() & NLM_F_ACK != 0 || (error != 0 && error != EINTR)) && !req.w.suppress_ack {
            let flags = self.socks.get(&req.sid).map_or(0, |so| so.flags);
            nlmsg_ack(req, error, flags);
        }
    }

    /// `rtnl_handle_message()`: handler table lookup, privilege check, call.
    fn rtnl_handle_message(&mut self, req: &mut Req) -> i32 {
        let ty = req.ty();
        // (handler, needs privilege)
        type H = fn(&mut Kernel, &mut Req) -> i32;
        let (h, needs_priv): (H, bool) = match ty {
            NL_RTM_NEWLINK => (Kernel::rtnl_handle_newlink, true),
            NL_RTM_DELLINK => (Kernel::rtnl_handle_dellink, true),
            NL_RTM_GETLINK => (Kernel::rtnl_handle_getlink, false),
            NL_RTM_NEWADDR | NL_RTM_DELADDR => (Kernel::rtnl_handle_addr, true),
            NL_RTM_GETADDR => (Kernel::rtnl_handle_getaddr, false),
            NL_RTM_NEWROUTE => (Kernel::rtnl_handle_newroute, true),
            NL_RTM_DELROUTE => (Kernel::rtnl_handle_delroute, true),
            NL_RTM_GETROUTE => (Kernel::rtnl_handle_getroute, false),
            NL_RTM_NEWNEIGH => (Kernel::rtnl_handle_newneigh, true),
            NL_RTM_DELNEIGH => (Kernel::rtnl_handle_delneigh, true),
            NL_RTM_GETNEIGH => (Kernel::rtnl_handle_getneigh, false),
            NL_RTM_NEWNEXTHOP => (Kernel::rtnl_handle_newnhop, true),
            NL_RTM_DELNEXTHOP => (Kernel::rtnl_handle_delnhop, true),
            NL_RTM_GETNEXTHOP => (Kernel::rtnl_handle_getnhop, false),
            _ => {
                req.npt.err(format!("unknown message type: {ty}"));
                return ENOTSUP;
            }
        };
        if needs_priv && !req.cred.privileged() {
            return EPERM;
        }
        h(self, req)
    }

    /// Allocates a monotonically increasing nexthop group index.
    pub(crate) fn alloc_grp_idx(&mut self) -> u32 {
        let i = self.state.next_grp_idx;
        self.state.next_grp_idx = i.saturating_add(1);
        i
    }

    /// Current uptime in seconds, as `u32` (`time_uptime`).
    pub(crate) fn uptime(&self) -> u32 {
        u32::try_from(self.clock.uptime()).unwrap_or(u32::MAX)
    }
}

/// `nl_getoptflag()`.
fn opt_flag(name: i32) -> u32 {
    match name {
        NETLINK_CAP_ACK => NLF_CAP_ACK,
        NETLINK_EXT_ACK => NLF_EXT_ACK,
        NETLINK_GET_STRICT_CHK => NLF_STRICT,
        NETLINK_MSG_INFO => NLF_MSG_INFO,
        _ => 0,
    }
}

/// `nlmsg_ack()`: NLMSG_ERROR with the positive errno; echoes only the request header when
/// `error == 0` or NETLINK_CAP_ACK (flag NLM_F_CAPPED), else the whole request; ext-ack
/// TLVs (message, offset) only with NETLINK_EXT_ACK (flag NLM_F_ACK_TLVS), the cookie always.
pub(crate) fn nlmsg_ack(req: &mut Req, error: i32, sock_flags: u32) {
    let cap_ack = error == 0 || sock_flags & NLF_CAP_ACK != 0;
    let hdr_len = req.msg.len();
    let mut payload_len = 20usize;
    if !cap_ack {
        payload_len = payload_len.saturating_add(hdr_len.saturating_sub(16));
    }
    let payload_len = align4(payload_len);
    let ext = sock_flags & NLF_EXT_ACK != 0;
    let mut fl: u16 = if cap_ack { NLM_F_CAPPED } else { 0 };
    if (req.npt.err_msg.is_some() || req.npt.err_off != 0) && ext {
        fl |= NLM_F_ACK_TLVS;
    }
    let seq = req.seq();
    let port = req.port;
    let w = &mut req.w;
    w.add(
        port,
        seq,
        NLMSG_ERROR,
        fl,
        u32::try_from(payload_len).unwrap_or(u32::MAX),
    );
    let off = w.reserve(payload_len);
    w.put_rel(off, &error.to_ne_bytes());
    let echo_len = if cap_ack { 16 } else { hdr_len };
    w.put_rel(
        off.saturating_add(4),
        req.msg.get(..echo_len).unwrap_or(&[]),
    );
    if ext {
        if let Some(m) = &req.npt.err_msg {
            w.attr_str(NLMSGERR_ATTR_MSG, m);
        }
        if req.npt.err_off != 0 {
            w.attr_u32(NLMSGERR_ATTR_OFFS, req.npt.err_off);
        }
    }
    if let Some(c) = &req.npt.cookie {
        w.attr(NLMSGERR_ATTR_COOKIE, c);
    }
    w.end();
}
