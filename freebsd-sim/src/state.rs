// SPDX-License-Identifier: BSD-2-Clause
//! Network state of the modelled host: interfaces (`struct ifnet`), interface addresses
//! (`struct ifaddr`), routing tables per FIB (`rib_head`), nexthops (`nhop_object`, with the
//! kernel index `nhop_get_idx`), nexthop groups, user nexthops and neighbours (`lltable`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use freebsd_abi::*;

/// What kind of interface this is, which decides `if_type` and the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `lo(4)`.
    Loopback,
    /// An Ethernet NIC (`em`, `vtnet`, `igb`, …) or `epair`/`tap`.
    Ether,
    /// `bridge(4)`.
    Bridge,
    /// `tun(4)`.
    Tun,
    /// `vlan(4)`.
    Vlan,
    /// `gif(4)`.
    Gif,
    /// `gre(4)`.
    Gre,
}

impl Kind {
    /// `if_type` as the driver sets it (`if_alloc(IFT_*)`).
    pub(crate) fn if_type(self) -> u16 {
        match self {
            Kind::Loopback => IFT_LOOP,
            Kind::Ether => IFT_ETHER,
            Kind::Bridge => IFT_BRIDGE,
            Kind::Tun => IFT_PPP,
            Kind::Vlan => IFT_L2VLAN,
            Kind::Gif => IFT_GIF,
            // gre_clone_create(): if_alloc(IFT_TUNNEL).
            Kind::Gre => IFT_TUNNEL,
        }
    }

    /// Static `if_flags` bits the driver sets at attach time.
    pub(crate) fn base_flags(self) -> u32 {
        match self {
            Kind::Loopback => IFF_LOOPBACK | IFF_MULTICAST,
            Kind::Ether | Kind::Bridge | Kind::Vlan => IFF_BROADCAST | IFF_SIMPLEX | IFF_MULTICAST,
            Kind::Tun | Kind::Gif | Kind::Gre => IFF_POINTOPOINT | IFF_MULTICAST,
        }
    }

    /// Whether the interface has an Ethernet link-level address.
    pub(crate) fn has_lladdr(self) -> bool {
        matches!(self, Kind::Ether | Kind::Bridge | Kind::Vlan)
    }

    /// Default MTU.
    pub(crate) fn default_mtu(self) -> u32 {
        match self {
            Kind::Loopback => 16384,
            // GIF_MTU; tun uses TUNMTU (1500).
            Kind::Gif => 1280,
            // GREMTU (`net/if_gre.c`).
            Kind::Gre => 1476,
            _ => 1500,
        }
    }
}

/// Interface counters (`if_get_counter`), exported in `IFLA_STATS64`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counters {
    pub(crate) rx_packets: u64,
    pub(crate) tx_packets: u64,
    pub(crate) rx_bytes: u64,
    pub(crate) tx_bytes: u64,
    pub(crate) rx_errors: u64,
    pub(crate) tx_errors: u64,
    pub(crate) rx_dropped: u64,
    pub(crate) tx_dropped: u64,
    pub(crate) multicast: u64,
    pub(crate) rx_nohandler: u64,
}

/// One `struct ifnet`.
#[derive(Debug, Clone)]
pub(crate) struct Iface {
    pub(crate) index: u32,
    pub(crate) name: String,
    pub(crate) kind: Kind,
    /// `if_flags` (administrative).
    pub(crate) flags: u32,
    /// `if_drv_flags`.
    pub(crate) drv_flags: u32,
    pub(crate) mtu: u32,
    /// Current link-level address (the AF_LINK ifaddr), empty when none.
    pub(crate) lladdr: Vec<u8>,
    /// Hardware (factory) address, `if_gethwaddr`.
    pub(crate) hwaddr: Vec<u8>,
    /// Media status `IFM_ACTIVE` (Ethernet-like types only).
    pub(crate) carrier: bool,
    pub(crate) description: Option<String>,
    pub(crate) counters: Counters,
    /// Created through a cloner (destroyable with RTM_DELLINK).
    pub(crate) cloned: bool,
    /// The Linuxulator's `if_linux_ethno` for IFT_ETHER interfaces.
    pub(crate) linux_ethno: Option<u32>,
    /// Add an IPv6 link-local address when the interface comes up.
    pub(crate) auto_linklocal: bool,
    /// `struct gre_softc` of a gre(4) interface.
    pub(crate) gre: Option<GreState>,
}

/// The tunnel state of a gre(4) interface (`struct gre_softc`, `net/if_gre.h`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct GreState {
    /// Tunnel endpoints (SIOCSIFPHYADDR / IFLA_GRE_LOCAL + IFLA_GRE_REMOTE).
    pub(crate) local: Option<IpAddr>,
    pub(crate) remote: Option<IpAddr>,
    /// `gre_options` (GRE_ENABLE_CSUM | GRE_ENABLE_SEQ | GRE_UDPENCAP).
    pub(crate) options: u32,
    /// `gre_key`.
    pub(crate) key: u32,
    /// `gre_port` (UDP source port).
    pub(crate) port: u16,
    /// The cloner has the netlink methods (`gre_clone_create_nl`, `_modify_nl`,
    /// `_dump_nl`): FreeBSD main.
    pub(crate) nl: bool,
}

impl Iface {
    /// `ifp_flags_to_netlink()`: `if_flags | if_drv_flags`.
    pub(crate) fn nl_flags(&self) -> u32 {
        self.flags | self.drv_flags
    }

    /// `get_operstate()` (`route/iface.c`): `(operstate, carrier)`.
    pub(crate) fn operstate(&self) -> (u8, u8) {
        match self.kind.if_type() {
            IFT_ETHER | IFT_L2VLAN => {
                // get_operstate_ether(): SIOCGIFMEDIA, IFM_ETHER.
                if self.carrier {
                    if self.flags & IFF_MONITOR != 0 {
                        (IF_OPER_DORMANT, 1)
                    } else {
                        (IF_OPER_UP, 1)
                    }
                } else {
                    (IF_OPER_DOWN, 0)
                }
            }
            _ => {
                if self.flags & IFF_UP != 0 {
                    (IF_OPER_UP, 1)
                } else {
                    (IF_OPER_DOWN, 0)
                }
            }
        }
    }
}

/// One interface address (`struct ifaddr` / `in_ifaddr` / `in6_ifaddr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ifa {
    pub(crate) ifindex: u32,
    pub(crate) addr: IpAddr,
    pub(crate) plen: u8,
    /// Peer (`ifa_dstaddr`) on point-to-point interfaces.
    pub(crate) dst: Option<IpAddr>,
    /// IPv4 broadcast (`ifa_broadaddr`).
    pub(crate) broadcast: Option<Ipv4Addr>,
    /// `ia6_flags` (IN6_IFF_*).
    pub(crate) in6_flags: u32,
    /// `ia6_lifetime` preferred / valid (seconds, 0xFFFFFFFF = infinite).
    pub(crate) pltime: u32,
    pub(crate) vltime: u32,
    /// `ia6_createtime` / `ia6_updatetime` (uptime seconds).
    pub(crate) createtime: u32,
    pub(crate) updatetime: u32,
    /// CARP vhid.
    pub(crate) vhid: u32,
    /// IPv4 `IFA_ROUTE`: this address installed the prefix route (`in_addprefix`).
    pub(crate) owns_route: bool,
}

impl Ifa {
    /// Address family (FreeBSD value).
    pub(crate) fn family(&self) -> u8 {
        family_of(&self.addr)
    }
}

/// FreeBSD address family of an address.
pub(crate) fn family_of(a: &IpAddr) -> u8 {
    match a {
        IpAddr::V4(_) => AF_INET,
        IpAddr::V6(_) => AF_INET6,
    }
}

/// Gateway of a nexthop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gw {
    /// Directly connected (`AF_LINK` gateway of the given interface).
    Link(u32),
    /// An IP gateway.
    Ip(IpAddr),
}

/// A kernel nexthop (`struct nhop_object`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Nhop {
    pub(crate) gw: Gw,
    /// Transmit interface (`nh_ifp`).
    pub(crate) ifindex: u32,
    /// `rt_flags` as stored in the nexthop (`nhop_get_rtflags`).
    pub(crate) rtflags: u32,
    /// `nh_mtu` when RTF_FIXEDMTU.
    pub(crate) mtu: u32,
    /// `nhop_get_origin()`.
    pub(crate) origin: u8,
    /// `nhop_get_expire()` (uptime seconds, 0 = never).
    pub(crate) expire: u32,
    /// Blackhole / reject (NHF_BLACKHOLE / NHF_REJECT).
    pub(crate) blackhole: bool,
    pub(crate) reject: bool,
    /// Kernel index (`nhop_get_idx`).
    pub(crate) kidx: u32,
    /// User index (`nhop_get_uidx`), from a user nexthop object.
    pub(crate) uidx: u32,
}

impl Nhop {
    /// NHF_GATEWAY.
    pub(crate) fn is_gateway(&self) -> bool {
        matches!(self.gw, Gw::Ip(_))
    }

    /// Identity used by `nhop_get_nhop()` to share nexthops (everything but the indices).
    pub(crate) fn same_as(&self, o: &Nhop) -> bool {
        self.gw == o.gw
            && self.ifindex == o.ifindex
            && self.rtflags == o.rtflags
            && self.mtu == o.mtu
            && self.origin == o.origin
            && self.expire == o.expire
            && self.blackhole == o.blackhole
            && self.reject == o.reject
            && self.uidx == o.uidx
    }
}

/// What a route points at (`route_nhop_data`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RouteNh {
    /// One nexthop with a route weight (`rnd_weight`).
    Single { nh: Nhop, weight: u32 },
    /// A nexthop group (`nhgrp_object`): `(nexthop, weight)` list, kernel and user index.
    Group {
        nhops: Vec<(Nhop, u32)>,
        kidx: u32,
        uidx: u32,
        origin: u8,
    },
}

/// One `rtentry`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Route {
    pub(crate) fib: u32,
    pub(crate) dst: IpAddr,
    pub(crate) plen: u8,
    /// IPv6 zone (interface index) for link-local destinations; part of the radix key.
    pub(crate) zone: u32,
    pub(crate) nh: RouteNh,
}

impl Route {
    /// Radix key used for the walk order: address with the KAME-embedded scope.
    pub(crate) fn key(&self) -> Vec<u8> {
        match self.dst {
            IpAddr::V4(a) => a.octets().to_vec(),
            IpAddr::V6(a) => {
                let mut o = a.octets();
                if is_v6_linklocal(&a) {
                    let z = u16::try_from(self.zone).unwrap_or(0).to_be_bytes();
                    o[2] = z[0];
                    o[3] = z[1];
                }
                o.to_vec()
            }
        }
    }

    /// Family of the route.
    pub(crate) fn family(&self) -> u8 {
        family_of(&self.dst)
    }
}

/// `IN6_IS_ADDR_LINKLOCAL`.
pub(crate) fn is_v6_linklocal(a: &Ipv6Addr) -> bool {
    let s = a.segments();
    s[0] & 0xffc0 == 0xfe80
}

/// Masks an address to `plen` bits.
pub(crate) fn mask_addr(a: &IpAddr, plen: u8) -> IpAddr {
    match a {
        IpAddr::V4(v) => {
            let bits = u32::from(*v);
            let m = if plen == 0 {
                0
            } else {
                u32::MAX
                    .checked_shl(32u32.saturating_sub(u32::from(plen)))
                    .unwrap_or(0)
            };
            IpAddr::V4(Ipv4Addr::from(bits & m))
        }
        IpAddr::V6(v) => {
            let bits = u128::from(*v);
            let m = if plen == 0 {
                0
            } else {
                u128::MAX
                    .checked_shl(128u32.saturating_sub(u32::from(plen)))
                    .unwrap_or(0)
            };
            IpAddr::V6(Ipv6Addr::from(bits & m))
        }
    }
}

/// Whether `a` lies in `net/plen`.
pub(crate) fn in_prefix(a: &IpAddr, net: &IpAddr, plen: u8) -> bool {
    match (a, net) {
        (IpAddr::V4(_), IpAddr::V4(_)) | (IpAddr::V6(_), IpAddr::V6(_)) => {
            mask_addr(a, plen) == mask_addr(net, plen)
        }
        _ => false,
    }
}

/// Neighbour entry state (`lle->ln_state` / `la_flags`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Neigh {
    pub(crate) ifindex: u32,
    pub(crate) dst: IpAddr,
    pub(crate) lladdr: Option<Vec<u8>>,
    /// NUD_* as `dump_lle_locked` reports it.
    pub(crate) state: u16,
    /// LLE_STATIC (NTF_STICKY), LLE_PUB (NTF_PROXY), LLE_IFADDR (NTF_SELF), router.
    pub(crate) is_static: bool,
    pub(crate) is_pub: bool,
    pub(crate) is_ifaddr: bool,
    pub(crate) is_router: bool,
    pub(crate) probes: u32,
    pub(crate) next_state_ts: u32,
}

/// A user nexthop object (`route/nexthop.c` `struct user_nhop`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UserNhop {
    pub(crate) id: u32,
    pub(crate) family: u8,
    pub(crate) fib: u32,
    pub(crate) gw: Option<IpAddr>,
    pub(crate) ifindex: u32,
    pub(crate) blackhole: bool,
    /// Group members `(id, weight)`; empty for a plain nexthop.
    pub(crate) group: Vec<(u32, u32)>,
    pub(crate) kidx: u32,
}

/// Whole-host state.
#[derive(Debug, Clone, Default)]
pub(crate) struct NetState {
    pub(crate) ifaces: Vec<Iface>,
    pub(crate) ifas: Vec<Ifa>,
    pub(crate) routes: Vec<Route>,
    pub(crate) neighs: Vec<Neigh>,
    pub(crate) user_nhops: Vec<UserNhop>,
    pub(crate) numfibs: u32,
    /// Next interface index (`if_index` allocator, never reused here).
    pub(crate) next_ifindex: u32,
    /// Allocated `if_linux_ethno` values.
    pub(crate) ethnos: Vec<u32>,
    /// Next nexthop group kernel index.
    pub(crate) next_grp_idx: u32,
}

impl NetState {
    /// `ifnet_byindex()`.
    pub(crate) fn iface(&self, index: u32) -> Option<&Iface> {
        self.ifaces.iter().find(|i| i.index == index)
    }

    /// Mutable `ifnet_byindex()`.
    pub(crate) fn iface_mut(&mut self, index: u32) -> Option<&mut Iface> {
        self.ifaces.iter_mut().find(|i| i.index == index)
    }

    /// `ifunit()`.
    pub(crate) fn iface_by_name(&self, name: &str) -> Option<&Iface> {
        self.ifaces.iter().find(|i| i.name == name)
    }

    /// The loopback interface (`V_loif`).
    pub(crate) fn loif(&self) -> Option<u32> {
        self.ifaces
            .iter()
            .find(|i| i.kind == Kind::Loopback)
            .map(|i| i.index)
    }

    /// `alloc_unr(V_linux_eth_unr)`: lowest free number.
    pub(crate) fn alloc_ethno(&mut self) -> u32 {
        let mut n = 0u32;
        while self.ethnos.contains(&n) {
            n = n.saturating_add(1);
        }
        self.ethnos.push(n);
        n
    }

    /// Kernel nexthop index allocation within one (fib, family): reuse an identical
    /// nexthop's index (`nhop_get_nhop` finds shared nexthops), else the lowest free one.
    pub(crate) fn assign_kidx(&self, fib: u32, family: u8, nh: &mut Nhop) {
        let mut used: Vec<u32> = Vec::new();
        for r in self
            .routes
            .iter()
            .filter(|r| r.fib == fib && r.family() == family)
        {
            match &r.nh {
                RouteNh::Single { nh: o, .. } => {
                    if o.same_as(nh) {
                        nh.kidx = o.kidx;
                        return;
                    }
                    used.push(o.kidx);
                }
                RouteNh::Group { nhops, .. } => {
                    for (o, _) in nhops {
                        if o.same_as(nh) {
                            nh.kidx = o.kidx;
                            return;
                        }
                        used.push(o.kidx);
                    }
                }
            }
        }
        for u in self
            .user_nhops
            .iter()
            .filter(|u| u.fib == fib && u.family == family)
        {
            used.push(u.kidx);
        }
        let mut k = 1u32;
        while used.contains(&k) {
            k = k.saturating_add(1);
        }
        nh.kidx = k;
    }

    /// Routes of one fib and family in radix-walk order (key ascending, more specific
    /// first among equal keys, as `rn_walktree` visits duplicated keys).
    pub(crate) fn sorted_routes(&self, fib: u32, family: u8) -> Vec<&Route> {
        let mut v: Vec<&Route> = self
            .routes
            .iter()
            .filter(|r| r.fib == fib && r.family() == family)
            .collect();
        v.sort_by(|a, b| a.key().cmp(&b.key()).then(b.plen.cmp(&a.plen)));
        v
    }

    /// `rnh_matchaddr()`: longest-prefix match.
    pub(crate) fn lookup(&self, fib: u32, dst: &IpAddr, zone: u32) -> Option<&Route> {
        self.routes
            .iter()
            .filter(|r| r.fib == fib && in_prefix(dst, &r.dst, r.plen))
            .filter(|r| match (r.dst, dst) {
                (IpAddr::V6(_), IpAddr::V6(d)) if is_v6_linklocal(d) && r.plen > 10 => {
                    r.zone == zone || zone == 0
                }
                _ => true,
            })
            .max_by_key(|r| r.plen)
    }

    /// `rib_lookup_prefix_plen()`: exact prefix.
    pub(crate) fn lookup_exact(&self, fib: u32, dst: &IpAddr, plen: u8) -> Option<&Route> {
        let m = mask_addr(dst, plen);
        self.routes
            .iter()
            .find(|r| r.fib == fib && r.plen == plen && r.dst == m)
    }
}
