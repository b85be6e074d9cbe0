// SPDX-License-Identifier: BSD-2-Clause
//! Loading a [`Topology`]: what the drivers, cloners and rc(8) do at boot — interfaces
//! attach, addresses are configured (bringing interfaces up), then user nexthops,
//! static routes and neighbour entries are added, through the same kernel paths a
//! running system uses.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::kernel::Kernel;
use crate::net::route_ctl::{max_plen, RTM_F_CREATE, RTM_F_EXCL};
use crate::route::addr::v4_broadcast;
use crate::state::{Counters, Gw, Kind, Neigh, RouteNh};
use crate::topology::{Topology, TopologyError};
use freebsd_abi::*;

pub(crate) fn parse_mac(s: &str) -> Result<Vec<u8>, TopologyError> {
    let v: Result<Vec<u8>, _> = s.split(':').map(|p| u8::from_str_radix(p, 16)).collect();
    match v {
        Ok(v) if v.len() == 6 => Ok(v),
        _ => Err(TopologyError::Invalid(format!("bad MAC address {s:?}"))),
    }
}

pub(crate) fn parse_prefix(s: &str) -> Result<(IpAddr, u8), TopologyError> {
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

pub(crate) fn parse_ip(s: &str) -> Result<IpAddr, TopologyError> {
    s.parse()
        .map_err(|_| TopologyError::Invalid(format!("bad address {s:?}")))
}

impl Kernel {
    pub(crate) fn iface_index_by_name(&self, name: &str) -> Result<u32, TopologyError> {
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
                "gre" => Kind::Gre,
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

    pub(crate) fn topo_route(
        &mut self,
        r: &crate::topology::RouteDef,
    ) -> Result<(), TopologyError> {
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
}
