// SPDX-License-Identifier: BSD-2-Clause
//! Interfaces: `sys/net/if.c` (`if_attach`, `if_detach`, `if_up`, `if_down`,
//! `ifpromisc`, SIOCSIFMTU; the address lookups `ifa_ifwithdstaddr` and
//! `ifa_ifwithnet`, read at upstream main), with the netlink events they raise
//! (`ifnet_arrival_event` / `ifnet_departure_event` / `rtnl_handle_ifnet_event`).

use std::net::{IpAddr, Ipv6Addr};

use crate::kernel::{Kernel, Release};
use crate::net::route_ctl::route_uses_if;
use crate::netinet6::in6_ifattach::eui64_ll;
use crate::state::{is_v6_linklocal, Counters, GreState, Ifa, Iface, Kind, Neigh, Route};
use crate::table::prefix_bounds;
use freebsd_abi::*;

/// The smallest MTU `ifhwioctl(SIOCSIFMTU)` accepts: a TCP/IP header plus the minimum MSS
/// (`IF_MINMTU`, `sys/net/if_var.h`).
const IF_MINMTU: u32 = 72;
/// The largest MTU `ifhwioctl(SIOCSIFMTU)` accepts (`IF_MAXMTU`, `sys/net/if_var.h`).
const IF_MAXMTU: u32 = 65535;

impl Kernel {
    /// `ifa_ifwithdstaddr()` (`sys/net/if.c`): an IFF_POINTOPOINT interface with an
    /// address whose peer is `addr`, in interface order.
    pub(crate) fn ifa_ifwithdstaddr(&self, addr: &IpAddr) -> Option<u32> {
        self.state
            .ifas
            .with_peer(addr)
            .map(|a| a.ifindex)
            .filter(|&ix| {
                self.state
                    .iface(ix)
                    .is_some_and(|i| i.flags & IFF_POINTOPOINT != 0)
            })
            .min()
    }

    /// `ifa_ifwithnet(addr, 0, fib)` (`sys/net/if.c`): walks interfaces and their
    /// addresses in order; an IPv4 address on a point-to-point interface matches only
    /// its peer (and ends the search), any other address matches when its prefix covers
    /// `addr`, and a strictly longer prefix (`rn_refines`) replaces an earlier match.
    pub(crate) fn ifa_ifwithnet(&self, addr: &IpAddr) -> Option<u32> {
        // Walk order is interface index, then the interface's address order; the indexes
        // answer "first in walk order" directly instead of walking every address.
        let p2p = |ix: u32| self.state.iface(ix).map(|i| i.flags & IFF_POINTOPOINT != 0);
        let walk_key = |a: &Ifa| {
            (
                a.ifindex,
                self.state.ifas.seq(a.ifindex, &a.addr).unwrap_or(u64::MAX),
            )
        };
        // An IPv4 point-to-point address whose peer is `addr` ends the walk where it is met.
        if addr.is_ipv4() {
            let peer = self
                .state
                .ifas
                .with_peer(addr)
                .filter(|a| a.addr.is_ipv4() && p2p(a.ifindex) == Some(true))
                .min_by_key(|a| walk_key(a));
            if let Some(a) = peer {
                return Some(a.ifindex);
            }
        }
        // Otherwise the longest covering prefix, the first in walk order among equals (a
        // later match replaces an earlier one only when strictly longer).
        let max = if addr.is_ipv4() { 32u8 } else { 128 };
        (0..=max).rev().find_map(|plen| {
            let (lo, hi) = prefix_bounds(addr, plen);
            self.state
                .ifas
                .with_plen_in_range(plen, lo, hi)
                .filter(|a| match a.addr {
                    IpAddr::V4(_) => p2p(a.ifindex) == Some(false),
                    IpAddr::V6(v) => p2p(a.ifindex).is_some() && !is_v6_linklocal(&v),
                })
                .min_by_key(|a| walk_key(a))
                .map(|a| a.ifindex)
        })
    }

    /// `ifaof_ifpforaddr()` (`sys/net/if.c`) for a protocol family: the address of
    /// interface `ifindex` best matching an address of family `fam` — the first address of
    /// that family when none matches better — so it finds one exactly when the interface
    /// holds an address of `fam` (IPv6 link-locals included). Every interface also has its
    /// AF_LINK address, which `finalize_nhop()` falls back to for direct routes.
    pub(crate) fn ifaof_ifpforaddr(&self, fam: u8, ifindex: u32) -> bool {
        self.state.ifas.on_if_family(ifindex, fam).next().is_some()
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
        // Callers refuse a name in use; were one attached twice, the first keeps it.
        self.state.names.entry(name.to_string()).or_insert(index);
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
            gre: (kind == Kind::Gre).then(|| GreState {
                nl: self.release == Release::Main,
                ..GreState::default()
            }),
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
        let addrs: Vec<IpAddr> = self.state.ifas.on_if(index).map(|a| a.addr).collect();
        for a in addrs {
            self.del_ifa(index, &a);
        }
        let neighs: Vec<Neigh> = self.state.neighs.on_if(index).cloned().collect();
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
            if self.state.names.get(&i.name) == Some(&index) {
                self.state.names.remove(&i.name);
            }
            if let Some(n) = i.linux_ethno {
                self.state.ethnos.free(n);
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
            Kind::Tun | Kind::Gif | Kind::Gre => Some(self.borrowed_ll(index)),
            Kind::Bridge => None,
        };
        self.link_event(index, NL_RTM_NEWLINK, IFF_UP);
        if let (Some(ll), true) = (ll, auto) {
            let has_ll = self
                .state
                .ifas
                .on_if_family(index, AF_INET6)
                .any(|a| matches!(a.addr, IpAddr::V6(v) if is_v6_linklocal(&v)));
            if !has_ll {
                self.add_ifa(index, IpAddr::V6(ll), 64, None, None, 0, None, 0);
            }
        }
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

    /// `ifhwioctl(SIOCSIFMTU)` (`sys/net/if.c`): an MTU outside `IF_MINMTU`..=`IF_MAXMTU`
    /// is EINVAL and changes nothing; otherwise the MTU is set and `rt_ifmsg()` raises the
    /// link event.
    pub(crate) fn set_mtu(&mut self, index: u32, mtu: u32) -> i32 {
        if !(IF_MINMTU..=IF_MAXMTU).contains(&mtu) {
            return EINVAL;
        }
        if let Some(i) = self.state.iface_mut(index) {
            i.mtu = mtu;
        }
        self.link_event(index, NL_RTM_NEWLINK, 0);
        0
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::in_prefix;
    use crate::topology::Topology;

    /// `ifa_ifwithnet()` as the kernel writes it: a walk over every interface and every
    /// address (the model's implementation answers from indexes instead).
    fn walk(k: &Kernel, addr: &IpAddr) -> Option<u32> {
        let mut best: Option<(u32, u8)> = None;
        for i in &k.state.ifaces {
            for a in k.state.ifas.on_if(i.index) {
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
                if in_prefix(addr, &a.addr, a.plen) && best.is_none_or(|(_, p)| a.plen > p) {
                    best = Some((i.index, a.plen));
                }
            }
        }
        best.map(|(i, _)| i)
    }

    #[test]
    fn ifwithnet_from_indexes_matches_the_walk() {
        // Overlapping prefixes on several interfaces (equal ones too), a point-to-point
        // interface whose IPv4 addresses never match by prefix, IPv6 with link-locals.
        let topo = Topology::from_toml_str(
            r#"
[[interface]]
name = "lo0"
type = "loopback"
up = true
addresses = ["127.0.0.1/8", "::1/128"]

[[interface]]
name = "em0"
type = "ether"
up = true
addresses = ["10.0.0.1/8", "10.1.2.3/24", "2001:db8::1/64", "192.0.2.9/32"]

[[interface]]
name = "em1"
type = "ether"
up = true
addresses = ["10.1.2.4/24", "10.1.0.1/16", "2001:db8::2/48", "0.0.0.1/0"]

[[interface]]
name = "tun0"
type = "tun"
up = true
addresses = ["10.1.2.5/24", "172.16.0.1/12"]
"#,
        )
        .unwrap();
        let k = Kernel::new(&topo).unwrap();
        let probes = [
            "10.1.2.200",
            "10.1.9.9",
            "10.200.0.1",
            "172.16.5.5",
            "192.0.2.9",
            "192.0.2.10",
            "8.8.8.8",
            "127.0.0.5",
            "2001:db8::77",
            "2001:db8:0:1::1",
            "2001:db9::1",
            "fe80::1",
        ];
        let mut matched = 0;
        for p in probes {
            let a: IpAddr = p.parse().unwrap();
            let got = k.ifa_ifwithnet(&a);
            assert_eq!(got, walk(&k, &a), "{p}");
            matched += usize::from(got.is_some());
        }
        assert!(
            matched >= 8,
            "the probes must exercise matches, got {matched}"
        );
        // Spot checks: longest prefix wins; among equal prefixes the first interface.
        assert_eq!(k.ifa_ifwithnet(&"10.1.2.200".parse().unwrap()), Some(2));
        assert_eq!(k.ifa_ifwithnet(&"10.1.9.9".parse().unwrap()), Some(3));
        assert_eq!(k.ifa_ifwithnet(&"172.16.5.5".parse().unwrap()), Some(3));
    }
}
