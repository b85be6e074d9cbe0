// SPDX-License-Identifier: BSD-2-Clause
//! The simulated kernel: the [`Kernel`] (one VNET: network state, sockets, generic
//! families, clock, release profile), its construction and the public state accessors.
//! Sockets are in `netlink_domain.rs`, request processing and delivery in
//! `netlink_io.rs`, NETLINK_ROUTE dispatch in `netlink_route.rs`, acks in `writer.rs`.

use std::collections::BTreeMap;

use crate::parse::{rd16, rd32, Npt};
use crate::socket::{Cred, SockId, Socket};
use crate::state::NetState;
use crate::topology::{Topology, TopologyError};
use crate::writer::Writer;
use freebsd_abi::*;

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
    pub(crate) next_sock: u32,
    pub(crate) clock: Box<dyn Clock>,
    pub(crate) pid: u32,
    pub(crate) rng: u64,
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
