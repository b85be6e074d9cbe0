// SPDX-License-Identifier: BSD-2-Clause
//! Kernel-side state changes outside netlink proper and the notifications they raise:
//! interface arrival/departure (`if_attach`/`if_detach`, `rtnl_handle_ifattach`,
//! `rtnl_handle_ifdetach`), flag changes (`rtnl_handle_ifnet_event`), address add/remove
//! (`in_control`/`in6_update_ifa`, `rtnl_handle_ifaddr`), the routes FreeBSD installs for
//! addresses (`in_addprefix`, `ifa_maintain_loopback_route`, `nd6_prefix_onlink`),
//! own-address lltable entries, routing table changes (`route/route_ctl.c`:
//! `rib_add_route_px`, `add_route_flags`, `rib_del_route_px`, `rt_delete_conditional`;
//! `route/rt.c`: `rtnl_handle_route_event`) and loading a [`Topology`].

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::abi::*;
use crate::kernel::Kernel;
use crate::route::addr::{dump_iface_addr, v4_broadcast};
use crate::route::link::{dump_iface, Tmpl};
use crate::route::neigh::dump_lle;
use crate::route::rt::dump_px;
use crate::state::{
    is_v6_linklocal, mask_addr, Counters, Gw, Ifa, Iface, Kind, Neigh, Nhop, Route, RouteNh,
};
use crate::topology::{Topology, TopologyError};
use crate::writer::Writer;

/// `RTM_F_*` operation flags (`net/route/route_ctl.h`).
pub(crate) const RTM_F_CREATE: u32 = 0x01;
pub(crate) const RTM_F_EXCL: u32 = 0x02;
pub(crate) const RTM_F_REPLACE: u32 = 0x04;
pub(crate) const RTM_F_APPEND: u32 = 0x08;
pub(crate) const RTM_F_FORCE: u32 = 0x10;

/// `rc_cmd` of a `rib_cmd_info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RcCmd {
    Add,
    Change,
    Delete,
}

/// `struct rib_cmd_info`: what changed, with the route as it is to be reported.
#[derive(Debug, Clone)]
pub(crate) struct Rc {
    pub(crate) cmd: RcCmd,
    /// The route with `rc_nh_new` (add/change) or `rc_nh_old` (delete).
    pub(crate) route: Route,
}

fn parse_mac(s: &str) -> Result<Vec<u8>, TopologyError> {
    let v: Result<Vec<u8>, _> = s.split(':').map(|p| u8::from_str_radix(p, 16)).collect();
    match v {
        Ok(v) if v.len() == 6 => Ok(v),
        _ => Err(TopologyError::Invalid(format!("bad MAC address {s:?}"))),
    }
}

fn parse_prefix(s: &str) -> Result<(IpAddr, u8), TopologyError> {
    let bad = || TopologyError::Invalid(format!("bad prefix {s:?}"));
    match s {
        "default" => return Ok((IpAddr::V4(Ipv4Addr::UNSPECIFIED), 0)),
        "default6" => return Ok((IpAddr::V6(Ipv6Addr::UNSPECIFIED), 0)),
        _ => {}
    }
    let (a, p) = match s.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (s, None),
    };
    let addr: IpAddr = a.parse().map_err(|_| bad())?;
    let max = if addr.is_ipv4() { 32 } else { 128 };
    let plen = match p {
        Some(p) => p.parse::<u8>().map_err(|_| bad())?,
        None => max,
    };
    if plen > max {
        return Err(bad());
    }
    Ok((addr, plen))
}

fn parse_ip(s: &str) -> Result<IpAddr, TopologyError> {
    s.parse()
        .map_err(|_| TopologyError::Invalid(format!("bad address {s:?}")))
}

/// EUI-64 link-local address of a MAC (`in6_get_hw_ifid`).
fn eui64_ll(mac: &[u8]) -> Ipv6Addr {
    let m = |i: usize| mac.get(i).copied().unwrap_or(0);
    Ipv6Addr::from([
        0xfe,
        0x80,
        0,
        0,
        0,
        0,
        0,
        0,
        m(0) ^ 0x02,
        m(1),
        m(2),
        0xff,
        0xfe,
        m(3),
        m(4),
        m(5),
    ])
}

impl Kernel {
    fn iface_index_by_name(&self, name: &str) -> Result<u32, TopologyError> {
        self.state
            .iface_by_name(name)
            .map(|i| i.index)
            .ok_or_else(|| TopologyError::Invalid(format!("unknown interface {name:?}")))
    }

    /// Builds the state from a topology, in file order (notifications are raised as on
    /// a live system, but no socket exists yet).
    pub(crate) fn load_topology(&mut self, topo: &Topology) -> Result<(), TopologyError> {
        // All interfaces attach first (drivers and cloners at boot), then rc-style
        // configuration runs per interface.
        let mut idxs = Vec::new();
        for d in &topo.interfaces {
            let kind = match d.kind.as_str() {
                "loopback" | "lo" => Kind::Loopback,
                "ether" | "ethernet" => Kind::Ether,
                "bridge" => Kind::Bridge,
                "tun" => Kind::Tun,
                "vlan" => Kind::Vlan,
                "gif" => Kind::Gif,
                other => return Err(TopologyError::Invalid(format!("unknown type {other:?}"))),
            };
            if self.state.iface_by_name(&d.name).is_some() {
                return Err(TopologyError::Invalid(format!(
                    "duplicate interface {:?}",
                    d.name
                )));
            }
            let mac = d.mac.as_deref().map(parse_mac).transpose()?;
            let cloned = kind != Kind::Ether && kind != Kind::Loopback;
            let idx = self.attach_iface(&d.name, kind, mac, d.mtu, cloned);
            if let Some(i) = self.state.iface_mut(idx) {
                i.description = d.description.clone();
                i.auto_linklocal = d.auto_linklocal.unwrap_or(true);
                if let Some(c) = d.counters {
                    i.counters = Counters {
                        rx_packets: c.rx_packets,
                        tx_packets: c.tx_packets,
                        rx_bytes: c.rx_bytes,
                        tx_bytes: c.tx_bytes,
                        rx_errors: c.rx_errors,
                        tx_errors: c.tx_errors,
                        rx_dropped: c.rx_dropped,
                        tx_dropped: c.tx_dropped,
                        multicast: c.multicast,
                        rx_nohandler: c.rx_nohandler,
                    };
                }
                i.carrier = d.carrier.unwrap_or(d.up);
            }
            idxs.push((idx, kind));
        }
        for (d, (idx, kind)) in topo.interfaces.iter().zip(idxs) {
            // The first address brings the interface up (SIOCSIFADDR sets IFF_UP), so the
            // automatic link-local address follows it, as on a booted system.
            for (n, a) in d.addresses.iter().enumerate() {
                let (addr, plen) = parse_prefix(a)?;
                let brd = match addr {
                    IpAddr::V4(_) if kind.base_flags() & IFF_BROADCAST != 0 => {
                        Some(v4_broadcast(&addr, plen))
                    }
                    _ => None,
                };
                let e = self.add_ifa(idx, addr, plen, None, brd, 0, None, 0);
                if e != 0 {
                    return Err(TopologyError::Invalid(format!("address {a:?}: errno {e}")));
                }
                if n == 0 && d.up {
                    self.if_up(idx);
                }
            }
            if d.addresses.is_empty() && d.up {
                self.if_up(idx);
            }
        }
        for n in &topo.nexthops {
            self.topo_nexthop(n)?;
        }
        for r in &topo.routes {
            self.topo_route(r)?;
        }
        for n in &topo.neighbors {
            let ifindex = self.iface_index_by_name(&n.interface)?;
            let dst = parse_ip(&n.dst)?;
            let lladdr = n.lladdr.as_deref().map(parse_mac).transpose()?;
            let v6 = dst.is_ipv6();
            let state = match n.state.as_deref().unwrap_or("reachable") {
                "incomplete" => NUD_INCOMPLETE,
                "reachable" => NUD_REACHABLE,
                "stale" if v6 => NUD_STALE,
                "delay" if v6 => NUD_DELAY,
                "probe" => NUD_PROBE,
                s => return Err(TopologyError::Invalid(format!("bad neighbour state {s:?}"))),
            };
            let expire = if n.is_static {
                0
            } else {
                self.uptime().saturating_add(n.expire.unwrap_or(0))
            };
            let ne = Neigh {
                ifindex,
                dst,
                lladdr,
                state: if n.is_static && !v6 {
                    NUD_REACHABLE
                } else {
                    state
                },
                is_static: n.is_static,
                is_pub: n.proxy,
                is_ifaddr: false,
                is_router: n.router,
                probes: 0,
                next_state_ts: if n.expire.is_some() && !n.is_static {
                    expire
                } else {
                    0
                },
            };
            self.lle_add(ne);
        }
        Ok(())
    }

    fn topo_route(&mut self, r: &crate::topology::RouteDef) -> Result<(), TopologyError> {
        let (dst, plen) = parse_prefix(&r.dst)?;
        let fam = crate::state::family_of(&dst);
        let oif = r
            .interface
            .as_deref()
            .map(|n| self.iface_index_by_name(n))
            .transpose()?;
        let blackhole = r.kind.as_deref() == Some("blackhole");
        let reject = r.kind.as_deref() == Some("reject");
        let origin = r
            .protocol
            .filter(|p| *p > RTPROT_STATIC)
            .unwrap_or(RTPROT_UNSPEC);
        let rtflags_base = RTF_STATIC | if plen == max_plen(fam) { RTF_HOST } else { 0 };
        let rnh = if let Some(id) = r.nexthop {
            self.user_nhop_route_nh(r.fib, fam, id)
                .ok_or_else(|| TopologyError::Invalid(format!("unknown nexthop {id}")))?
        } else if !r.multipath.is_empty() {
            let mut v = Vec::new();
            for p in &r.multipath {
                let gw = parse_ip(&p.gateway)?;
                let ifx = match p.interface.as_deref() {
                    Some(n) => self.iface_index_by_name(n)?,
                    None => self
                        .ifa_ifwithroute(r.fib, &gw)
                        .ok_or_else(|| TopologyError::Invalid(format!("no route to {gw}")))?,
                };
                let mut nh = self.new_nhop(Gw::Ip(gw), ifx, rtflags_base | RTF_GATEWAY, origin);
                nh.mtu = r.mtu.unwrap_or(0);
                self.state.assign_kidx(r.fib, fam, &mut nh);
                v.push((nh, p.weight.unwrap_or(1)));
            }
            RouteNh::Group {
                nhops: v,
                kidx: self.alloc_grp_idx(),
                uidx: 0,
                origin,
            }
        } else {
            let (gw, ifx, fl) = match r.gateway.as_deref() {
                // nhop_set_blackhole(): through the loopback interface, no gateway.
                _ if blackhole || reject => {
                    let lo = self.state.loif().unwrap_or(0);
                    (Gw::Link(lo), lo, 0)
                }
                Some(g) => {
                    let gw = parse_ip(g)?;
                    let ifx = match oif {
                        Some(i) => i,
                        None => self
                            .ifa_ifwithroute(r.fib, &gw)
                            .ok_or_else(|| TopologyError::Invalid(format!("no route to {gw}")))?,
                    };
                    (Gw::Ip(gw), ifx, RTF_GATEWAY)
                }
                None => {
                    let ifx = match oif {
                        Some(i) => i,
                        None if blackhole || reject => self.state.loif().unwrap_or(0),
                        None => {
                            return Err(TopologyError::Invalid(format!(
                                "route {} needs a gateway or an interface",
                                r.dst
                            )))
                        }
                    };
                    (Gw::Link(ifx), ifx, 0)
                }
            };
            let mut extra = fl;
            if blackhole {
                extra |= RTF_BLACKHOLE;
            }
            if reject {
                extra |= RTF_REJECT;
            }
            if r.mtu.is_some() {
                extra |= RTF_FIXEDMTU;
            }
            let mut nh = self.new_nhop(gw, ifx, rtflags_base | extra, origin);
            nh.mtu = r.mtu.unwrap_or(0);
            // set_nhop_expire_from_info(): stored as an uptime.
            nh.expire = r.expire.map_or(0, |e| self.uptime().saturating_add(e));
            nh.blackhole = blackhole;
            nh.reject = reject;
            self.state.assign_kidx(r.fib, fam, &mut nh);
            RouteNh::Single {
                nh,
                weight: r.weight.unwrap_or(RT_DEFAULT_WEIGHT),
            }
        };
        let zone = oif.unwrap_or(0);
        match self.rib_add(r.fib, dst, plen, zone, rnh, RTM_F_CREATE | RTM_F_EXCL) {
            Ok(rc) => {
                self.route_event(r.fib, &rc);
                Ok(())
            }
            Err(e) => Err(TopologyError::Invalid(format!(
                "route {}: errno {e}",
                r.dst
            ))),
        }
    }

    /// A nexthop with the common defaults.
    pub(crate) fn new_nhop(&self, gw: Gw, ifindex: u32, rtflags: u32, origin: u8) -> Nhop {
        Nhop {
            gw,
            ifindex,
            rtflags,
            mtu: 0,
            origin,
            expire: 0,
            blackhole: false,
            reject: false,
            kidx: 0,
            uidx: 0,
        }
    }

    /// `ifa_ifwithroute(RTF_GATEWAY, …)` (`sys/net/route.c`) as `finalize_nhop()`
    /// (`sys/netlink/route/rt.c`) calls it for a gateway without RTA_OIF: the
    /// point-to-point interface whose peer is the gateway (`ifa_ifwithdstaddr`), else the
    /// interface of the most specific address prefix covering it (`ifa_ifwithnet`,
    /// `sys/net/if.c`: IPv4 point-to-point addresses only match their peer), else the
    /// route to it unless that is the default route ("dismiss a gateway that is reachable
    /// only through the default router"), taking the interface of the route's `nh_ifa`
    /// (for a loopback route to a local address: the interface holding the address).
    /// Interfaces stay in fib 0 (`if_fib`), so the address scans only apply to fib 0.
    /// Unscoped IPv6 link-local gateways never match an address: the kernel keeps the
    /// zone embedded in the stored link-local addresses.
    pub(crate) fn ifa_ifwithroute(&self, fib: u32, gw: &IpAddr) -> Option<u32> {
        let scoped = matches!(gw, IpAddr::V6(v) if is_v6_linklocal(v));
        if fib == 0 && !scoped {
            if let Some(i) = self.ifa_ifwithdstaddr(gw) {
                return Some(i);
            }
            if let Some(i) = self.ifa_ifwithnet(gw) {
                return Some(i);
            }
        }
        let r = self.state.lookup(fib, gw, 0)?;
        if r.plen == 0 {
            return None;
        }
        let nh = match &r.nh {
            RouteNh::Single { nh, .. } => nh,
            RouteNh::Group { nhops, .. } => &nhops.first()?.0,
        };
        if r.plen == max_plen(r.family()) && nh.ifindex == self.state.loif().unwrap_or(0) {
            if let Some(a) = self.state.ifas.iter().find(|a| a.addr == r.dst) {
                return Some(a.ifindex);
            }
        }
        Some(nh.ifindex)
    }

    /// `ifa_ifwithdstaddr()` (`sys/net/if.c`): an IFF_POINTOPOINT interface with an
    /// address whose peer is `addr`, in interface order.
    fn ifa_ifwithdstaddr(&self, addr: &IpAddr) -> Option<u32> {
        self.state
            .ifaces
            .iter()
            .filter(|i| i.flags & IFF_POINTOPOINT != 0)
            .find(|i| {
                self.state
                    .ifas
                    .iter()
                    .any(|a| a.ifindex == i.index && a.dst == Some(*addr))
            })
            .map(|i| i.index)
    }

    /// `ifa_ifwithnet(addr, 0, fib)` (`sys/net/if.c`): walks interfaces and their
    /// addresses in order; an IPv4 address on a point-to-point interface matches only
    /// its peer (and ends the search), any other address matches when its prefix covers
    /// `addr`, and a strictly longer prefix (`rn_refines`) replaces an earlier match.
    fn ifa_ifwithnet(&self, addr: &IpAddr) -> Option<u32> {
        let mut best: Option<(u32, u8)> = None;
        for i in &self.state.ifaces {
            for a in self.state.ifas.iter().filter(|a| a.ifindex == i.index) {
                if a.addr.is_ipv4() != addr.is_ipv4() {
                    continue;
                }
                if a.addr.is_ipv4() && i.flags & IFF_POINTOPOINT != 0 {
                    if a.dst == Some(*addr) {
                        return Some(i.index);
                    }
                    continue;
                }
                if matches!(a.addr, IpAddr::V6(v) if is_v6_linklocal(&v)) {
                    continue;
                }
                if !crate::state::in_prefix(addr, &a.addr, a.plen) {
                    continue;
                }
                if best.is_none_or(|(_, p)| a.plen > p) {
                    best = Some((i.index, a.plen));
                }
            }
        }
        best.map(|(i, _)| i)
    }

    /// `if_attach()` + `ifnet_arrival_event`: allocates the index (and `if_linux_ethno`
    /// for IFT_ETHER), announces RTM_NEWLINK to RTNLGRP_LINK.
    pub(crate) fn attach_iface(
        &mut self,
        name: &str,
        kind: Kind,
        mac: Option<Vec<u8>>,
        mtu: Option<u32>,
        cloned: bool,
    ) -> u32 {
        let index = self.state.next_ifindex;
        self.state.next_ifindex = index.saturating_add(1);
        let mac = if kind.has_lladdr() {
            mac.unwrap_or_else(|| {
                // ether_gen_addr()-like deterministic locally administered address.
                let b = index.to_be_bytes();
                vec![0x58, 0x9c, 0xfc, b[1], b[2], b[3]]
            })
        } else {
            Vec::new()
        };
        let linux_ethno = if kind.if_type() == IFT_ETHER {
            Some(self.state.alloc_ethno())
        } else {
            None
        };
        self.state.ifaces.push(Iface {
            index,
            name: name.to_string(),
            kind,
            flags: kind.base_flags(),
            drv_flags: 0,
            mtu: mtu.unwrap_or_else(|| kind.default_mtu()),
            lladdr: mac.clone(),
            hwaddr: mac,
            carrier: false,
            description: None,
            counters: Counters::default(),
            cloned,
            linux_ethno,
            auto_linklocal: true,
        });
        self.link_event(index, NL_RTM_NEWLINK, 0);
        index
    }

    /// `if_detach()`: removes addresses (with their routes), neighbours and remaining
    /// routes through the interface, then announces RTM_DELLINK.
    pub(crate) fn detach_iface(&mut self, index: u32) {
        if self
            .state
            .iface(index)
            .is_some_and(|i| i.flags & IFF_UP != 0)
        {
            self.if_down(index);
        }
        let addrs: Vec<IpAddr> = self
            .state
            .ifas
            .iter()
            .filter(|a| a.ifindex == index)
            .map(|a| a.addr)
            .collect();
        for a in addrs {
            self.del_ifa(index, &a);
        }
        let neighs: Vec<Neigh> = self
            .state
            .neighs
            .iter()
            .filter(|n| n.ifindex == index)
            .cloned()
            .collect();
        for n in neighs {
            self.lle_del(n.ifindex, &n.dst);
        }
        let routes: Vec<Route> = self
            .state
            .routes
            .iter()
            .filter(|r| route_uses_if(r, index))
            .cloned()
            .collect();
        for r in routes {
            if let Ok(rc) = self.rib_del(r.fib, &r.dst, r.plen, r.zone, &|_| true, true) {
                self.route_event(r.fib, &rc);
            }
        }
        self.link_event(index, NL_RTM_DELLINK, 0);
        if let Some(pos) = self.state.ifaces.iter().position(|i| i.index == index) {
            let i = self.state.ifaces.remove(pos);
            if let Some(n) = i.linux_ethno {
                self.state.ethnos.retain(|x| *x != n);
            }
        }
    }

    /// `if_up()`: IFF_UP (+ IFF_DRV_RUNNING from the driver), link-local address
    /// (`in6_if_up`), RTM_NEWLINK with `ifi_change = IFF_UP`.
    pub(crate) fn if_up(&mut self, index: u32) {
        let Some(i) = self.state.iface_mut(index) else {
            return;
        };
        if i.flags & IFF_UP != 0 {
            return;
        }
        i.flags |= IFF_UP;
        i.drv_flags |= IFF_DRV_RUNNING;
        if !matches!(i.kind, Kind::Ether | Kind::Vlan) {
            i.carrier = true;
        }
        let Some(i) = self.state.iface(index) else {
            return;
        };
        // in6_ifattach(): loopback fe80::1; hardware interfaces their EUI-64; bridges
        // none (nd6_ifattach() leaves ND6_IFF_AUTO_LINKLOCAL off for IFT_BRIDGE);
        // gif/tun an interface id borrowed from another interface (in6_get_ifid()).
        let kind = i.kind;
        let lladdr = i.lladdr.clone();
        let auto = i.auto_linklocal;
        let ll = match kind {
            Kind::Loopback => Some(Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 1)),
            Kind::Ether | Kind::Vlan => Some(eui64_ll(&lladdr)),
            Kind::Tun | Kind::Gif => Some(self.borrowed_ll(index)),
            Kind::Bridge => None,
        };
        self.link_event(index, NL_RTM_NEWLINK, IFF_UP);
        if let (Some(ll), true) = (ll, auto) {
            let has_ll = self.state.ifas.iter().any(|a| {
                a.ifindex == index && matches!(a.addr, IpAddr::V6(v) if is_v6_linklocal(&v))
            });
            if !has_ll {
                self.add_ifa(index, IpAddr::V6(ll), 64, None, None, 0, None, 0);
            }
        }
    }

    /// The link-local address of an interface without a hardware address
    /// (`in6_get_ifid()`, `sys/netinet6/in6_ifattach.c`): the EUI-64 of the first other
    /// interface whose hardware address gives a universal id (`IFID_UNIVERSAL`), else
    /// the random last resort (`in6_get_rand_ifid()`: "u" bit local, "g" bit individual),
    /// which the model makes a fixed value derived from the interface index.
    fn borrowed_ll(&self, index: u32) -> Ipv6Addr {
        let universal = self.state.ifaces.iter().find(|o| {
            o.index != index
                && o.kind.has_lladdr()
                && o.lladdr.len() == 6
                && o.lladdr.first().is_some_and(|b| b & 0x02 == 0)
        });
        if let Some(o) = universal {
            return eui64_ll(&o.lladdr);
        }
        let b = index.to_be_bytes();
        Ipv6Addr::from([
            0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x0c, 0x5e, 0xf1, 0x00, b[0], b[1], b[2], b[3],
        ])
    }

    /// `if_down()`: clears IFF_UP only (no driver ioctl, so IFF_DRV_RUNNING and the
    /// media state stay as they were — an Ethernet link taken down through netlink still
    /// reports RUNNING and LOWER_UP), RTM_NEWLINK with `ifi_change = IFF_UP`.
    pub(crate) fn if_down(&mut self, index: u32) {
        let Some(i) = self.state.iface_mut(index) else {
            return;
        };
        if i.flags & IFF_UP == 0 {
            return;
        }
        i.flags &= !IFF_UP;
        if !matches!(i.kind, Kind::Ether | Kind::Vlan) {
            i.carrier = false;
        }
        self.link_event(index, NL_RTM_NEWLINK, IFF_UP);
    }

    /// SIOCSIFMTU: link event.
    pub(crate) fn set_mtu(&mut self, index: u32, mtu: u32) {
        if let Some(i) = self.state.iface_mut(index) {
            i.mtu = mtu;
        }
        self.link_event(index, NL_RTM_NEWLINK, 0);
    }

    /// `ifpromisc()`.
    pub(crate) fn set_promisc(&mut self, index: u32, on: bool) {
        if let Some(i) = self.state.iface_mut(index) {
            if on {
                i.flags |= IFF_PROMISC;
            } else {
                i.flags &= !IFF_PROMISC;
            }
        }
        self.link_event(index, NL_RTM_NEWLINK, IFF_PROMISC);
    }

    /// `rtnl_handle_ifevent()`: NLMSG_LARGE group writer, header `{type}` only.
    pub(crate) fn link_event(&mut self, index: u32, ty: u16, change: u32) {
        if !self.has_listeners(NETLINK_ROUTE, RTNLGRP_LINK) {
            return;
        }
        let Some(ifp) = self.state.iface(index) else {
            return;
        };
        let mut w = Writer::new(NLMSG_LARGE);
        dump_iface(
            &mut w,
            ifp,
            Tmpl {
                ty,
                ..Tmpl::default()
            },
            change,
        );
        self.send_group(NETLINK_ROUTE, RTNLGRP_LINK, false, w);
    }

    /// `rtnl_handle_ifaddr()`.
    fn addr_event(&mut self, ifa: &Ifa, ty: u16) {
        let group = if ifa.family() == AF_INET {
            RTNLGRP_IPV4_IFADDR
        } else {
            RTNLGRP_IPV6_IFADDR
        };
        if !self.has_listeners(NETLINK_ROUTE, group) {
            return;
        }
        let Some(ifp) = self.state.iface(ifa.ifindex) else {
            return;
        };
        let mut w = Writer::new(NLMSG_LARGE);
        dump_iface_addr(
            &mut w,
            ifp,
            ifa,
            Tmpl {
                ty,
                ..Tmpl::default()
            },
        );
        self.send_group(NETLINK_ROUTE, group, false, w);
    }

    /// `rtnl_handle_route_event()`: kernel-originated route changes, header
    /// `{flags CREATE|EXCL / REPLACE / 0, pid 0, seq 0}`, NLMSG_SMALL group writer.
    pub(crate) fn route_event(&mut self, fib: u32, rc: &Rc) {
        let (ty, flags) = match rc.cmd {
            RcCmd::Add => (NL_RTM_NEWROUTE, NLM_F_EXCL | NLM_F_CREATE),
            RcCmd::Change => (NL_RTM_NEWROUTE, NLM_F_REPLACE),
            RcCmd::Delete => (NL_RTM_DELROUTE, 0),
        };
        let t = Tmpl {
            pid: 0,
            seq: 0,
            ty,
            flags,
        };
        self.route_notify(fib, rc, t);
    }

    /// Writes one route message to the route group of its family.
    pub(crate) fn route_notify(&mut self, fib: u32, rc: &Rc, t: Tmpl) {
        let group = if rc.route.family() == AF_INET {
            RTNLGRP_IPV4_ROUTE
        } else {
            RTNLGRP_IPV6_ROUTE
        };
        let mut w = Writer::new(NLMSG_SMALL);
        let now = self.uptime();
        dump_px(&mut w, fib, &rc.route, t, now);
        self.send_group(NETLINK_ROUTE, group, false, w);
    }

    /// `rtnl_lle_event()`: NLMSG_SMALL group writer to RTNLGRP_NEIGH.
    fn neigh_event(&mut self, n: &Neigh, ty: u16) {
        let mut w = Writer::new(NLMSG_SMALL);
        let ts = self.lle_next_ts(n);
        dump_lle(
            &mut w,
            n,
            Tmpl {
                ty,
                ..Tmpl::default()
            },
            ts,
        );
        self.send_group(NETLINK_ROUTE, RTNLGRP_NEIGH, false, w);
    }

    /// `get_lle_next_ts()`: `la_expire + time_second - time_uptime` (0 = never).
    pub(crate) fn lle_next_ts(&self, n: &Neigh) -> u32 {
        if n.next_state_ts == 0 {
            return 0;
        }
        let wall = u64::from(n.next_state_ts)
            .saturating_add(self.clock.realtime())
            .saturating_sub(self.clock.uptime());
        u32::try_from(wall).unwrap_or(u32::MAX)
    }

    /// Links an lltable entry (replacing one for the same address) and announces it.
    pub(crate) fn lle_add(&mut self, n: Neigh) {
        self.state
            .neighs
            .retain(|x| !(x.ifindex == n.ifindex && x.dst == n.dst));
        self.state.neighs.push(n.clone());
        self.neigh_event(&n, NL_RTM_NEWNEIGH);
    }

    /// Unlinks an lltable entry and announces it; false when absent.
    pub(crate) fn lle_del(&mut self, ifindex: u32, dst: &IpAddr) -> bool {
        let Some(pos) = self
            .state
            .neighs
            .iter()
            .position(|x| x.ifindex == ifindex && x.dst == *dst)
        else {
            return false;
        };
        let n = self.state.neighs.remove(pos);
        self.neigh_event(&n, NL_RTM_DELNEIGH);
        true
    }

    /// Adds (or updates) an interface address like `in_control(SIOCAIFADDR)` /
    /// `in6_update_ifa()`, with the routes and lltable entries the kernel adds for it.
    /// `life` is `(pltime, vltime)` for IPv6 requests; `None` means infinite.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn add_ifa(
        &mut self,
        ifindex: u32,
        addr: IpAddr,
        plen: u8,
        dst: Option<IpAddr>,
        brd: Option<Ipv4Addr>,
        in6_flags: u32,
        life: Option<(u32, u32)>,
        vhid: u32,
    ) -> i32 {
        let Some(ifp) = self.state.iface(ifindex).cloned() else {
            return ENXIO;
        };
        let exists = self
            .state
            .ifas
            .iter()
            .any(|a| a.ifindex == ifindex && a.addr == addr);
        let (pltime, vltime) = match life {
            None => (u32::MAX, u32::MAX),
            Some((p, v)) => {
                // in6_validate_ifa()/in6_update_ifa(): pltime > vltime is EINVAL; a zero
                // valid lifetime on a new address is silently "nothing to do".
                if p > v {
                    return EINVAL;
                }
                if v == 0 && !exists {
                    return 0;
                }
                (p, v)
            }
        };
        if exists {
            // Update in place (SIOCAIFADDR on an existing address): drop and re-add.
            self.del_ifa(ifindex, &addr);
        }
        let now = self.uptime();
        let ifa = Ifa {
            ifindex,
            addr,
            plen,
            dst,
            broadcast: brd,
            in6_flags,
            pltime,
            vltime,
            createtime: now,
            updatetime: now,
            vhid,
            owns_route: false,
        };
        self.state.ifas.push(ifa.clone());
        let ty = NL_RTM_NEWADDR;
        self.addr_event(&ifa, ty);
        if self.ifa_add_routes(&ifp, &ifa) {
            if let Some(x) = self
                .state
                .ifas
                .iter_mut()
                .find(|a| a.ifindex == ifindex && a.addr == addr)
            {
                x.owns_route = true;
            }
        }
        if ifp.kind.has_lladdr() {
            self.lle_add(Neigh {
                ifindex,
                dst: addr,
                lladdr: Some(ifp.lladdr.clone()),
                // lle_state_to_nl_state(): IPv4 STATIC|IFADDR → REACHABLE; IPv6 entries
                // get ND6_LLINFO_REACHABLE in in6_lltable_alloc() for LLE_STATIC.
                state: NUD_REACHABLE,
                is_static: true,
                is_pub: false,
                is_ifaddr: true,
                is_router: false,
                probes: 0,
                next_state_ts: 0,
            });
        }
        0
    }

    /// Removes an interface address with its routes and lltable entry; false if absent.
    pub(crate) fn del_ifa(&mut self, ifindex: u32, addr: &IpAddr) -> bool {
        let Some(pos) = self
            .state
            .ifas
            .iter()
            .position(|a| a.ifindex == ifindex && a.addr == *addr)
        else {
            return false;
        };
        let ifa = self.state.ifas.remove(pos);
        if let Some(ifp) = self.state.iface(ifindex).cloned() {
            self.ifa_del_routes(&ifp, &ifa);
            if ifp.kind.has_lladdr() {
                self.lle_del(ifindex, addr);
            }
        }
        self.addr_event(&ifa, NL_RTM_DELADDR);
        true
    }

    /// The route an address installs for its subnet: `in_addprefix()`
    /// (`sys/netinet/in.c`; for an IPv4 point-to-point address the host route to the
    /// peer, none for IPv4 on a loopback interface) or `nd6_prefix_onlink()`
    /// (`sys/netinet6/nd6_rtr.c`; none for /128). Flags as `netstat -rn` shows them.
    fn prefix_route(&self, ifp: &Iface, ifa: &Ifa) -> Option<(IpAddr, u8, Nhop)> {
        let fam = ifa.family();
        let maxp = max_plen(fam);
        if fam == AF_INET && ifp.flags & IFF_POINTOPOINT != 0 {
            let d = ifa.dst?;
            let nh = self.new_nhop(
                Gw::Link(ifp.index),
                ifp.index,
                RTF_HOST | RTF_PINNED,
                RTPROT_UNSPEC,
            );
            return Some((d, maxp, nh));
        }
        if (fam == AF_INET && ifp.kind == Kind::Loopback) || ifa.plen >= maxp {
            return None;
        }
        let nh = self.new_nhop(Gw::Link(ifp.index), ifp.index, RTF_PINNED, RTPROT_UNSPEC);
        Some((mask_addr(&ifa.addr, ifa.plen), ifa.plen, nh))
    }

    /// The host route to the address itself (`ifa_maintain_loopback_route()`, through
    /// the loopback interface, `UHS`; on a loopback interface's IPv4 address a plain
    /// `UH` interface route).
    fn local_route(&self, ifp: &Iface, ifa: &Ifa) -> (IpAddr, u8, Nhop) {
        let fam = ifa.family();
        let maxp = max_plen(fam);
        if ifp.kind == Kind::Loopback && fam == AF_INET {
            let nh = self.new_nhop(
                Gw::Link(ifp.index),
                ifp.index,
                RTF_HOST | RTF_PINNED,
                RTPROT_UNSPEC,
            );
            return (ifa.addr, maxp, nh);
        }
        let loif = self.state.loif().unwrap_or(ifp.index);
        let nh = self.new_nhop(
            Gw::Link(loif),
            loif,
            RTF_HOST | RTF_STATIC | RTF_PINNED,
            RTPROT_UNSPEC,
        );
        (ifa.addr, maxp, nh)
    }

    /// Installs an interface route in fib 0 and announces it; false when it exists.
    fn install_route(&mut self, dst: IpAddr, plen: u8, zone: u32, mut nh: Nhop) -> bool {
        let fam = crate::state::family_of(&dst);
        self.state.assign_kidx(0, fam, &mut nh);
        let rnh = RouteNh::Single {
            nh,
            weight: RT_DEFAULT_WEIGHT,
        };
        match self.rib_add(0, dst, plen, zone, rnh, RTM_F_CREATE | RTM_F_FORCE) {
            Ok(rc) => {
                self.route_event(0, &rc);
                true
            }
            Err(_) => false,
        }
    }

    /// Removes an interface route from fib 0 and announces it.
    fn uninstall_route(&mut self, dst: &IpAddr, plen: u8, zone: u32) {
        if let Ok(rc) = self.rib_del(0, dst, plen, zone, &|_| true, true) {
            self.route_event(0, &rc);
        }
    }

    /// Routes for a new address (`in_ifinit()` → `in_addprefix()` then the loopback
    /// route; `in6_update_ifa()` → `nd6_prelist_add()`). Returns whether this address
    /// installed the prefix route (IPv4 `IFA_ROUTE`): a second address of a subnet
    /// that already has its route adds none.
    fn ifa_add_routes(&mut self, ifp: &Iface, ifa: &Ifa) -> bool {
        let zone = ll_zone(ifp, ifa);
        let mut owns = false;
        if let Some((d, p, nh)) = self.prefix_route(ifp, ifa) {
            owns = self.install_route(d, p, zone, nh);
        }
        let (d, p, nh) = self.local_route(ifp, ifa);
        self.install_route(d, p, zone, nh);
        owns
    }

    /// Routes of a removed address (already unlinked from `state.ifas`): the loopback
    /// route first, then the prefix route.
    ///
    /// IPv4, `in_scrubprefix()` (`sys/netinet/in.c`): only the address that installed the
    /// prefix route (`IFA_ROUTE`) touches it; if another address with the same prefix
    /// and mask (for point-to-point: the same peer) sits on an interface that is up, the
    /// route is deleted and re-added through that address, which takes `IFA_ROUTE`;
    /// otherwise the route goes.
    ///
    /// IPv6: the prefix (`struct nd_prefix`, per interface) counts its addresses
    /// (`ndpr_addrcnt`, `in6_unlink_ifa()` in `sys/netinet6/in6.c`); the route goes with
    /// the interface's last address of the prefix, and `nd6_prefix_offlink()`
    /// (`sys/netinet6/nd6_rtr.c`) then brings the same prefix on-link on another
    /// interface that has it.
    fn ifa_del_routes(&mut self, ifp: &Iface, ifa: &Ifa) {
        let zone = ll_zone(ifp, ifa);
        // The loopback route goes first (`in_scrubprefix` starts with it).
        let (d, p, _) = self.local_route(ifp, ifa);
        self.uninstall_route(&d, p, zone);
        if let Some((d, p, _)) = self.prefix_route(ifp, ifa) {
            if ifa.family() == AF_INET {
                if ifa.owns_route {
                    self.uninstall_route(&d, p, zone);
                    self.rehome_prefix_v4(&d, p);
                }
            } else {
                let same_if = self.state.ifas.iter().any(|a| {
                    a.ifindex == ifp.index
                        && a.family() == AF_INET6
                        && a.plen == p
                        && mask_addr(&a.addr, p) == d
                });
                let ours = self
                    .state
                    .lookup_exact(0, &d, p)
                    .is_some_and(|r| route_uses_if(r, ifp.index));
                if !same_if && (ours || zone != 0) {
                    self.uninstall_route(&d, p, zone);
                    if zone == 0 {
                        self.rehome_prefix_v6(&d, p);
                    }
                }
            }
        }
    }

    /// The re-homing half of `in_scrubprefix()`.
    fn rehome_prefix_v4(&mut self, prefix: &IpAddr, plen: u8) {
        let cand = self.state.ifas.iter().position(|a| {
            let Some(i) = self.state.iface(a.ifindex) else {
                return false;
            };
            if a.family() != AF_INET || a.owns_route || i.flags & IFF_UP == 0 {
                return false;
            }
            match self.prefix_route(i, a) {
                Some((d, p, _)) => d == *prefix && p == plen,
                None => false,
            }
        });
        let Some(pos) = cand else {
            return;
        };
        let Some(a) = self.state.ifas.get(pos).cloned() else {
            return;
        };
        let Some(i) = self.state.iface(a.ifindex).cloned() else {
            return;
        };
        if let Some((d, p, nh)) = self.prefix_route(&i, &a) {
            if self.install_route(d, p, 0, nh) {
                if let Some(x) = self.state.ifas.get_mut(pos) {
                    x.owns_route = true;
                }
            }
        }
    }

    /// The re-homing half of `nd6_prefix_offlink()`.
    fn rehome_prefix_v6(&mut self, prefix: &IpAddr, plen: u8) {
        let cand = self.state.ifas.iter().find(|a| {
            a.family() == AF_INET6 && a.plen == plen && mask_addr(&a.addr, plen) == *prefix
        });
        let Some(a) = cand.cloned() else {
            return;
        };
        let Some(i) = self.state.iface(a.ifindex).cloned() else {
            return;
        };
        if let Some((d, p, nh)) = self.prefix_route(&i, &a) {
            self.install_route(d, p, 0, nh);
        }
    }

    /// `rib_add_route_px()` + `add_route_flags()`.
    pub(crate) fn rib_add(
        &mut self,
        fib: u32,
        dst: IpAddr,
        plen: u8,
        zone: u32,
        rnh: RouteNh,
        op: u32,
    ) -> Result<Rc, i32> {
        let dst = mask_addr(&dst, plen);
        let zone = match dst {
            IpAddr::V6(v) if is_v6_linklocal(&v) => zone,
            _ => 0,
        };
        let pos = self
            .state
            .routes
            .iter()
            .position(|r| r.fib == fib && r.dst == dst && r.plen == plen && r.zone == zone);
        let new_route = Route {
            fib,
            dst,
            plen,
            zone,
            nh: rnh.clone(),
        };
        let Some(pos) = pos else {
            if op & RTM_F_CREATE == 0 {
                return Err(ESRCH);
            }
            self.state.routes.push(new_route.clone());
            return Ok(Rc {
                cmd: RcCmd::Add,
                route: new_route,
            });
        };
        if op & RTM_F_EXCL != 0 {
            return Err(EEXIST);
        }
        let old = self.state.routes.get(pos).cloned().ok_or(ESRCH)?;
        if op & RTM_F_REPLACE != 0 {
            if route_pinned(&old) && !nh_pinned(&rnh) {
                return Err(EEXIST);
            }
            if let Some(r) = self.state.routes.get_mut(pos) {
                r.nh = rnh;
            }
            return Ok(Rc {
                cmd: RcCmd::Change,
                route: new_route,
            });
        }
        if op & RTM_F_APPEND != 0 && can_multipath(&old.nh) && can_multipath(&rnh) {
            let mut legs: Vec<(Nhop, u32)> = match old.nh {
                RouteNh::Single { nh, weight } => vec![(nh, weight)],
                RouteNh::Group { nhops, .. } => nhops,
            };
            match rnh {
                RouteNh::Single { nh, weight } => legs.push((nh, weight)),
                RouteNh::Group { nhops, .. } => legs.extend(nhops),
            }
            let kidx = self.alloc_grp_idx();
            let g = RouteNh::Group {
                nhops: legs,
                kidx,
                uidx: 0,
                origin: RTPROT_UNSPEC,
            };
            if let Some(r) = self.state.routes.get_mut(pos) {
                r.nh = g.clone();
            }
            return Ok(Rc {
                cmd: RcCmd::Change,
                route: Route { nh: g, ..new_route },
            });
        }
        Err(EEXIST)
    }

    /// `rib_del_route_px()` + `rt_delete_conditional()`: `filter` selects the paths to
    /// remove; ESRCH when none match; EADDRINUSE for pinned routes without `force`.
    pub(crate) fn rib_del(
        &mut self,
        fib: u32,
        dst: &IpAddr,
        plen: u8,
        zone: u32,
        filter: &dyn Fn(&Nhop) -> bool,
        force: bool,
    ) -> Result<Rc, i32> {
        let dst = mask_addr(dst, plen);
        let zone = match dst {
            IpAddr::V6(v) if is_v6_linklocal(&v) => zone,
            _ => 0,
        };
        let pos = self
            .state
            .routes
            .iter()
            .position(|r| {
                r.fib == fib && r.dst == dst && r.plen == plen && (r.zone == zone || zone == 0)
            })
            .ok_or(ESRCH)?;
        let old = self.state.routes.get(pos).cloned().ok_or(ESRCH)?;
        match &old.nh {
            RouteNh::Single { nh, .. } => {
                if !filter(nh) {
                    return Err(ESRCH);
                }
                if !force && nh.rtflags & RTF_PINNED != 0 {
                    return Err(EADDRINUSE);
                }
                self.state.routes.remove(pos);
                Ok(Rc {
                    cmd: RcCmd::Delete,
                    route: old,
                })
            }
            RouteNh::Group { nhops, .. } => {
                let keep: Vec<(Nhop, u32)> =
                    nhops.iter().filter(|(n, _)| !filter(n)).cloned().collect();
                if keep.len() == nhops.len() {
                    return Err(ESRCH);
                }
                if keep.is_empty() {
                    self.state.routes.remove(pos);
                    return Ok(Rc {
                        cmd: RcCmd::Delete,
                        route: old,
                    });
                }
                let nh = if keep.len() == 1 {
                    let (n, w) = keep.into_iter().next().unwrap_or_else(|| {
                        (self.new_nhop(Gw::Link(0), 0, 0, 0), RT_DEFAULT_WEIGHT)
                    });
                    RouteNh::Single { nh: n, weight: w }
                } else {
                    RouteNh::Group {
                        nhops: keep,
                        kidx: self.alloc_grp_idx(),
                        uidx: 0,
                        origin: RTPROT_UNSPEC,
                    }
                };
                if let Some(r) = self.state.routes.get_mut(pos) {
                    r.nh = nh.clone();
                }
                Ok(Rc {
                    cmd: RcCmd::Change,
                    route: Route { nh, ..old },
                })
            }
        }
    }
}

/// The scope zone of an IPv6 link-local address's routes (its interface), else 0.
fn ll_zone(ifp: &Iface, ifa: &Ifa) -> u32 {
    match ifa.addr {
        IpAddr::V6(v) if is_v6_linklocal(&v) => ifp.index,
        _ => 0,
    }
}

/// Host prefix length of a family.
pub(crate) fn max_plen(fam: u8) -> u8 {
    if fam == AF_INET {
        32
    } else {
        128
    }
}

fn route_uses_if(r: &Route, index: u32) -> bool {
    match &r.nh {
        RouteNh::Single { nh, .. } => nh.ifindex == index,
        RouteNh::Group { nhops, .. } => nhops.iter().any(|(n, _)| n.ifindex == index),
    }
}

fn nh_pinned(n: &RouteNh) -> bool {
    match n {
        RouteNh::Single { nh, .. } => nh.rtflags & RTF_PINNED != 0,
        RouteNh::Group { .. } => false,
    }
}

fn route_pinned(r: &Route) -> bool {
    nh_pinned(&r.nh)
}

/// `nhop_can_multipath()`: gateway nexthops and groups only.
fn can_multipath(n: &RouteNh) -> bool {
    match n {
        RouteNh::Single { nh, .. } => nh.is_gateway() && !nh.blackhole && !nh.reject,
        RouteNh::Group { .. } => true,
    }
}
