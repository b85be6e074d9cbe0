// SPDX-License-Identifier: BSD-2-Clause
//! Network state of the modelled host: interfaces (`struct ifnet`), interface addresses
//! (`struct ifaddr`), routing tables per FIB (`rib_head`), nexthops (`nhop_object`, with the
//! kernel index `nhop_get_idx`), nexthop groups, user nexthops and neighbours (`lltable`).

use std::collections::{BTreeMap, BTreeSet};
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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

    /// Identity used by `nhop_get_nhop()` to share nexthops (everything but the kernel
    /// index), as an ordered key.
    fn ident(&self) -> NhIdent {
        (
            self.gw,
            self.ifindex,
            self.rtflags,
            self.mtu,
            self.origin,
            self.expire,
            self.blackhole,
            self.reject,
            self.uidx,
        )
    }
}

/// Everything of a nexthop but its kernel index (see [`Nhop::ident`]).
type NhIdent = (Gw, u32, u32, u32, u8, u32, bool, bool, u32);

/// Position of a route in the tables: fib, family, radix key (the address with the KAME
/// scope embedded, IPv4 in the first 4 bytes), prefix length (longer first among equal keys,
/// as `rn_walktree` visits duplicated keys), zone.
type RibKey = (u32, u8, [u8; 16], std::cmp::Reverse<u8>, u32);

/// The routing tables of all fibs (`rib_head`s, `sys/net/route/route_tables.c`): routes in
/// radix-walk order, so an exact lookup is a tree search, a longest-prefix match one search
/// per prefix length and a dump an in-order walk; plus the nexthop sharing index
/// (`nhop_get_nhop()` in `sys/net/route/nhop_ctl.c` finds an identical nexthop by hash):
/// use counts of each nexthop identity and of each kernel index, per fib and family.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rib {
    map: BTreeMap<RibKey, Route>,
    /// (fib, family, identity) → kernel index → routes using it.
    nh_ident: BTreeMap<(u32, u8, NhIdent), BTreeMap<u32, usize>>,
    /// (fib, family, kernel index) → nexthops using it.
    kidx_used: BTreeMap<(u32, u8, u32), usize>,
    /// (fib, family) → the kernel indexes in use, for the lowest free one.
    kidx_free: BTreeMap<(u32, u8), LowestFree>,
}

impl Rib {
    fn key_of(fib: u32, dst: &IpAddr, plen: u8, zone: u32) -> RibKey {
        let mut k = [0u8; 16];
        let fam = family_of(dst);
        match dst {
            IpAddr::V4(a) => {
                if let Some(d) = k.get_mut(..4) {
                    d.copy_from_slice(&a.octets());
                }
            }
            IpAddr::V6(a) => {
                k = a.octets();
                if is_v6_linklocal(a) {
                    let z = u16::try_from(zone).unwrap_or(0).to_be_bytes();
                    k[2] = z[0];
                    k[3] = z[1];
                }
            }
        }
        (fib, fam, k, std::cmp::Reverse(plen), zone)
    }

    fn key(r: &Route) -> RibKey {
        Self::key_of(r.fib, &r.dst, r.plen, r.zone)
    }

    /// Every route, in walk order (fib, family, key).
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Route> {
        self.map.values()
    }

    /// The route with exactly this prefix and zone.
    pub(crate) fn get(&self, fib: u32, dst: &IpAddr, plen: u8, zone: u32) -> Option<&Route> {
        self.map.get(&Self::key_of(fib, dst, plen, zone))
    }

    /// Routes of one fib and family, in walk order.
    pub(crate) fn walk(&self, fib: u32, family: u8) -> impl Iterator<Item = &Route> {
        let lo = (fib, family, [0u8; 16], std::cmp::Reverse(u8::MAX), 0u32);
        let hi = (fib, family, [0xffu8; 16], std::cmp::Reverse(0u8), u32::MAX);
        self.map.range(lo..=hi).map(|(_, r)| r)
    }

    /// IPv6 link-local routes (`fe80::/10`) of one fib, whatever their zone.
    fn linklocal(&self, fib: u32) -> impl Iterator<Item = &Route> {
        let mut lo = [0u8; 16];
        lo[0] = 0xfe;
        lo[1] = 0x80;
        let mut hi = [0xffu8; 16];
        hi[0] = 0xfe;
        hi[1] = 0xbf;
        let lo = (fib, AF_INET6, lo, std::cmp::Reverse(u8::MAX), 0u32);
        let hi = (fib, AF_INET6, hi, std::cmp::Reverse(0u8), u32::MAX);
        self.map.range(lo..=hi).map(|(_, r)| r)
    }

    fn count(&mut self, r: &Route, add: bool) {
        let fam = r.family();
        let nhs: Vec<&Nhop> = match &r.nh {
            RouteNh::Single { nh, .. } => vec![nh],
            RouteNh::Group { nhops, .. } => nhops.iter().map(|(n, _)| n).collect(),
        };
        for nh in nhs {
            let by_k = self.nh_ident.entry((r.fib, fam, nh.ident())).or_default();
            bump(by_k, nh.kidx, add);
            if by_k.is_empty() {
                self.nh_ident.remove(&(r.fib, fam, nh.ident()));
            }
            let used = self.kidx_used.entry((r.fib, fam, nh.kidx)).or_insert(0);
            let before = *used;
            *used = if add {
                used.saturating_add(1)
            } else {
                used.saturating_sub(1)
            };
            let after = *used;
            if after == 0 {
                self.kidx_used.remove(&(r.fib, fam, nh.kidx));
            }
            let alloc = self.kidx_free.entry((r.fib, fam)).or_default();
            if before == 0 && after > 0 {
                alloc.take(nh.kidx);
            } else if before > 0 && after == 0 {
                alloc.free(nh.kidx);
            }
        }
    }

    /// Adds `r`, replacing the route with the same prefix and zone.
    pub(crate) fn insert(&mut self, r: Route) {
        let k = Self::key(&r);
        self.count(&r, true);
        if let Some(old) = self.map.insert(k, r) {
            self.count(&old, false);
        }
    }

    /// Removes the route with exactly this prefix and zone.
    pub(crate) fn remove(&mut self, fib: u32, dst: &IpAddr, plen: u8, zone: u32) -> Option<Route> {
        let old = self.map.remove(&Self::key_of(fib, dst, plen, zone))?;
        self.count(&old, false);
        Some(old)
    }

    /// Points the route with this prefix and zone at `nh`.
    pub(crate) fn set_nh(&mut self, fib: u32, dst: &IpAddr, plen: u8, zone: u32, nh: RouteNh) {
        if let Some(mut r) = self.remove(fib, dst, plen, zone) {
            r.nh = nh;
            self.insert(r);
        }
    }

    /// The kernel index of a nexthop identical to `nh` in (fib, family), lowest first.
    fn shared_kidx(&self, fib: u32, family: u8, nh: &Nhop) -> Option<u32> {
        self.nh_ident
            .get(&(fib, family, nh.ident()))
            .and_then(|m| m.keys().next().copied())
    }

    /// The lowest kernel index ≥ 1 no route nexthop of (fib, family) uses and `skip` does
    /// not reject.
    fn lowest_free_kidx(&self, fib: u32, family: u8, skip: impl Fn(u32) -> bool) -> u32 {
        let skip = |k: u32| k == 0 || skip(k);
        match self.kidx_free.get(&(fib, family)) {
            Some(a) => a.lowest(skip),
            None => LowestFree::default().lowest(skip),
        }
    }
}

/// Lowest-free number allocator (`alloc_unr()` in `sys/kern/subr_unit.c` hands out the lowest
/// free unit): numbers below `frontier` are taken unless listed in `gaps`; every number from
/// `frontier` up is free. Taking, freeing and finding the lowest are O(log N).
#[derive(Debug, Clone, Default)]
pub(crate) struct LowestFree {
    gaps: BTreeSet<u32>,
    frontier: u32,
}

impl LowestFree {
    /// Marks `k` taken.
    pub(crate) fn take(&mut self, k: u32) {
        if k >= self.frontier {
            // Only lowest-free allocation feeds this, so the range is normally empty.
            for g in self.frontier..k {
                self.gaps.insert(g);
            }
            self.frontier = k.saturating_add(1);
        } else {
            self.gaps.remove(&k);
        }
    }

    /// Marks `k` free again.
    pub(crate) fn free(&mut self, k: u32) {
        if k < self.frontier {
            self.gaps.insert(k);
        }
    }

    /// The lowest free number that `skip` does not reject.
    pub(crate) fn lowest(&self, skip: impl Fn(u32) -> bool) -> u32 {
        if let Some(&g) = self.gaps.iter().find(|&&g| !skip(g)) {
            return g;
        }
        let mut k = self.frontier;
        while skip(k) {
            k = k.saturating_add(1);
        }
        k
    }
}

fn bump(m: &mut BTreeMap<u32, usize>, k: u32, add: bool) {
    let c = m.entry(k).or_insert(0);
    *c = if add {
        c.saturating_add(1)
    } else {
        c.saturating_sub(1)
    };
    if *c == 0 {
        m.remove(&k);
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
    /// Interface addresses (`if_addrhead` per interface, `V_in_ifaddrhead` overall).
    pub(crate) ifas: crate::table::Table<Ifa>,
    pub(crate) routes: Rib,
    /// lltable entries of every interface.
    pub(crate) neighs: crate::table::Table<Neigh>,
    pub(crate) user_nhops: Vec<UserNhop>,
    pub(crate) numfibs: u32,
    /// Interface index by name (`ifunit()`), kept by attach and detach (names never change).
    pub(crate) names: BTreeMap<String, u32>,
    /// Next interface index (`if_index` allocator, never reused here).
    pub(crate) next_ifindex: u32,
    /// Allocated `if_linux_ethno` values.
    pub(crate) ethnos: LowestFree,
    /// Next nexthop group kernel index.
    pub(crate) next_grp_idx: u32,
}

impl NetState {
    /// `ifnet_byindex()`: a binary search, as `ifaces` is in index order (indexes are
    /// allocated increasing and never reused here; detaching removes in place).
    pub(crate) fn iface(&self, index: u32) -> Option<&Iface> {
        let pos = self.ifaces.binary_search_by_key(&index, |i| i.index).ok()?;
        self.ifaces.get(pos)
    }

    /// Mutable `ifnet_byindex()`.
    pub(crate) fn iface_mut(&mut self, index: u32) -> Option<&mut Iface> {
        let pos = self.ifaces.binary_search_by_key(&index, |i| i.index).ok()?;
        self.ifaces.get_mut(pos)
    }

    /// `ifunit()`: through the name index (FreeBSD walks the interface list).
    pub(crate) fn iface_by_name(&self, name: &str) -> Option<&Iface> {
        self.iface(*self.names.get(name)?)
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
        let n = self.ethnos.lowest(|_| false);
        self.ethnos.take(n);
        n
    }

    /// Kernel nexthop index allocation within one (fib, family): reuse an identical
    /// nexthop's index (`nhop_get_nhop` finds shared nexthops), else the lowest free one.
    pub(crate) fn assign_kidx(&self, fib: u32, family: u8, nh: &mut Nhop) {
        if let Some(k) = self.routes.shared_kidx(fib, family, nh) {
            nh.kidx = k;
            return;
        }
        let user = |k: u32| {
            self.user_nhops
                .iter()
                .any(|u| u.fib == fib && u.family == family && u.kidx == k)
        };
        nh.kidx = self.routes.lowest_free_kidx(fib, family, user);
    }

    /// Routes of one fib and family in radix-walk order (key ascending, more specific
    /// first among equal keys, as `rn_walktree` visits duplicated keys).
    pub(crate) fn sorted_routes(&self, fib: u32, family: u8) -> Vec<&Route> {
        self.routes.walk(fib, family).collect()
    }

    /// `rnh_matchaddr()`: longest-prefix match, one exact search per prefix length. A
    /// link-local destination with a zone matches routes of that zone only (longer than
    /// `fe80::/10`); without one, or for shorter prefixes, any zone.
    pub(crate) fn lookup(&self, fib: u32, dst: &IpAddr, zone: u32) -> Option<&Route> {
        let ll_dst = matches!(dst, IpAddr::V6(d) if is_v6_linklocal(d));
        let max = if family_of(dst) == AF_INET { 32u8 } else { 128 };
        for plen in (0..=max).rev() {
            let m = mask_addr(dst, plen);
            let ll_net = matches!(m, IpAddr::V6(n) if is_v6_linklocal(&n));
            if !ll_net {
                if let Some(r) = self.routes.get(fib, &m, plen, 0) {
                    return Some(r);
                }
                continue;
            }
            if ll_dst && plen > 10 && zone != 0 {
                if let Some(r) = self.routes.get(fib, &m, plen, zone) {
                    return Some(r);
                }
                continue;
            }
            let any = self
                .routes
                .linklocal(fib)
                .filter(|r| r.plen == plen && r.dst == m)
                .last();
            if any.is_some() {
                return any;
            }
        }
        None
    }

    /// Longest-prefix match among routes without a zone (what an unscoped link-local
    /// gateway can match, `ifa_ifwithroute()`).
    pub(crate) fn lookup_unzoned(&self, fib: u32, dst: &IpAddr) -> Option<&Route> {
        let max = if family_of(dst) == AF_INET { 32u8 } else { 128 };
        (0..=max)
            .rev()
            .find_map(|plen| self.routes.get(fib, &mask_addr(dst, plen), plen, 0))
    }

    /// The route with this prefix in `zone`, or in any zone when `zone` is 0 (the first in
    /// walk order).
    pub(crate) fn find_route(&self, fib: u32, dst: &IpAddr, plen: u8, zone: u32) -> Option<&Route> {
        if let Some(r) = self.routes.get(fib, dst, plen, zone) {
            return Some(r);
        }
        match dst {
            IpAddr::V6(d) if zone == 0 && is_v6_linklocal(d) => self
                .routes
                .linklocal(fib)
                .find(|r| r.plen == plen && r.dst == *dst),
            _ => None,
        }
    }

    /// `rib_lookup_prefix_plen()`: exact prefix.
    pub(crate) fn lookup_exact(&self, fib: u32, dst: &IpAddr, plen: u8) -> Option<&Route> {
        let m = mask_addr(dst, plen);
        self.find_route(fib, &m, plen, 0)
    }
}
