// SPDX-License-Identifier: BSD-2-Clause
//! Interface addresses: `sys/netinet/in.c` (`in_aifaddr`/`in_difaddr` via
//! `in_control`, `in_addprefix`, `in_scrubprefix`, as read upstream: `IFA_ROUTE`
//! ownership, re-homing the prefix route) and the IPv6 side of `sys/netinet6/in6.c`
//! (`in6_update_ifa`, `in6_purgeaddr`, the prefix address count `ndpr_addrcnt`), with
//! `ifa_maintain_loopback_route()` (`sys/net/route/route_ifaddrs.c`) and the
//! `rt_addrmsg` → `rtnl_handle_ifaddr` notification.

use std::net::{IpAddr, Ipv4Addr};

use crate::kernel::Kernel;
use crate::net::route_ctl::{max_plen, route_uses_if, RTM_F_CREATE, RTM_F_FORCE};
use crate::state::{
    in_prefix, is_v6_linklocal, mask_addr, Gw, Ifa, Iface, Kind, Neigh, Nhop, RouteNh,
};
use crate::table::prefix_bounds;
use freebsd_abi::*;

impl Kernel {
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
        let exists = self.state.ifas.get(ifindex, &addr).is_some();
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
            if let Some(x) = self.state.ifas.get_mut(ifindex, &addr) {
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
        let Some(ifa) = self.state.ifas.remove(ifindex, addr) else {
            return false;
        };
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
    pub(crate) fn prefix_route(&self, ifp: &Iface, ifa: &Ifa) -> Option<(IpAddr, u8, Nhop)> {
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
    pub(crate) fn local_route(&self, ifp: &Iface, ifa: &Ifa) -> (IpAddr, u8, Nhop) {
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
    pub(crate) fn install_route(&mut self, dst: IpAddr, plen: u8, zone: u32, mut nh: Nhop) -> bool {
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
    pub(crate) fn uninstall_route(&mut self, dst: &IpAddr, plen: u8, zone: u32) {
        if let Ok(rc) = self.rib_del(0, dst, plen, zone, &|_| true, true) {
            self.route_event(0, &rc);
        }
    }

    /// Routes for a new address (`in_ifinit()` → `in_addprefix()` then the loopback
    /// route; `in6_update_ifa()` → `nd6_prelist_add()`). Returns whether this address
    /// installed the prefix route (IPv4 `IFA_ROUTE`): a second address of a subnet
    /// that already has its route adds none.
    pub(crate) fn ifa_add_routes(&mut self, ifp: &Iface, ifa: &Ifa) -> bool {
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
    pub(crate) fn ifa_del_routes(&mut self, ifp: &Iface, ifa: &Ifa) {
        let zone = ll_zone(ifp, ifa);
        // The loopback route goes first (`in_scrubprefix` starts with it).
        let (d, p, _) = self.local_route(ifp, ifa);
        self.uninstall_route(&d, p, zone);
        if let Some((d, p, _)) = self.prefix_route(ifp, ifa) {
            if ifa.family() == AF_INET {
                if ifa.owns_route {
                    match self.rehome_candidate_v4(&d, p) {
                        Some((other, addr)) => {
                            self.uninstall_route(&d, p, zone);
                            // "Scrub all entries IFF interface is different".
                            if other != ifp.index {
                                self.lle_scrub_prefix(ifa);
                            }
                            self.rehome_prefix_v4(other, addr);
                        }
                        None => {
                            self.lle_scrub_prefix(ifa);
                            self.uninstall_route(&d, p, zone);
                        }
                    }
                }
            } else {
                let (lo, hi) = prefix_bounds(&d, p);
                let same_if = self.state.ifas.in_range_any_order(lo, hi).any(|a| {
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

    /// The address `in_scrubprefix()` moves the prefix route to: the first IPv4 address
    /// (`V_in_ifaddrhead` order) with the same prefix and mask (point-to-point: the same
    /// peer) on an interface that is up and not holding `IFA_ROUTE`. Only addresses inside
    /// the prefix, or whose peer is the prefix of a host route, can qualify: those are found
    /// through the address and peer indexes. Returns its interface and address.
    fn rehome_candidate_v4(&self, prefix: &IpAddr, plen: u8) -> Option<(u32, IpAddr)> {
        let fits = |a: &Ifa| {
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
        };
        let (lo, hi) = prefix_bounds(prefix, plen);
        let inside = self
            .state
            .ifas
            .in_range(lo, hi)
            .into_iter()
            .find(|a| fits(a));
        let peer = if plen == 32 {
            self.state.ifas.with_peer(prefix).find(|a| fits(a))
        } else {
            None
        };
        let seq = |a: &Ifa| self.state.ifas.seq(a.ifindex, &a.addr).unwrap_or(u64::MAX);
        let best = match (inside, peer) {
            (Some(x), Some(y)) => Some(if seq(y) < seq(x) { y } else { x }),
            (x, y) => x.or(y),
        };
        best.map(|a| (a.ifindex, a.addr))
    }

    /// The re-homing half of `in_scrubprefix()`: the candidate's route goes in and it
    /// takes `IFA_ROUTE`.
    fn rehome_prefix_v4(&mut self, ifindex: u32, addr: IpAddr) {
        let Some(a) = self.state.ifas.get(ifindex, &addr).cloned() else {
            return;
        };
        let Some(i) = self.state.iface(a.ifindex).cloned() else {
            return;
        };
        if let Some((d, p, nh)) = self.prefix_route(&i, &a) {
            if self.install_route(d, p, 0, nh) {
                if let Some(x) = self.state.ifas.get_mut(ifindex, &addr) {
                    x.owns_route = true;
                }
            }
        }
    }

    /// `in_scrubprefixlle(ia, 1, LLE_STATIC)` → `lltable_prefix_free()` with
    /// `in_lltable_match_prefix()` (`sys/netinet/in.c`): every ARP entry of the
    /// address's subnet, on any interface, static ones included; of the own-address
    /// (LLE_IFADDR) entries only the address's own.
    fn lle_scrub_prefix(&mut self, ifa: &Ifa) {
        if !ifa.addr.is_ipv4() {
            return;
        }
        let (lo, hi) = prefix_bounds(&ifa.addr, ifa.plen);
        let gone: Vec<Neigh> = self
            .state
            .neighs
            .in_range(lo, hi)
            .into_iter()
            .filter(|n| {
                n.dst.is_ipv4()
                    && in_prefix(&n.dst, &ifa.addr, ifa.plen)
                    && (!n.is_ifaddr || n.dst == ifa.addr)
            })
            .cloned()
            .collect();
        for n in gone {
            self.lle_del(n.ifindex, &n.dst);
        }
    }
}

/// The scope zone of an IPv6 link-local address's routes (its interface), else 0.
pub(crate) fn ll_zone(ifp: &Iface, ifa: &Ifa) -> u32 {
    match ifa.addr {
        IpAddr::V6(v) if is_v6_linklocal(&v) => ifp.index,
        _ => 0,
    }
}
