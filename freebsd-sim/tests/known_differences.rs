// SPDX-License-Identifier: BSD-2-Clause
//! The differences between the model and FreeBSD listed in issue 10, each held to the
//! FreeBSD source that decides it:
//! * a gateway's interface comes from `ifa_ifwithroute()` (`sys/net/route.c`, called by
//!   `finalize_nhop()` in `sys/netlink/route/rt.c`; `ifa_ifwithdstaddr()` /
//!   `ifa_ifwithnet()` in `sys/net/if.c`), not from the routing table;
//! * removing one address of a subnet keeps (or re-homes) the subnet route
//!   (`in_scrubprefix()` in `sys/netinet/in.c`; `ndpr_addrcnt` and
//!   `nd6_prefix_offlink()` in `sys/netinet6/in6.c`, `nd6_rtr.c`);
//! * gif and tun interfaces get an IPv6 link-local address, bridges do not
//!   (`in6_ifattach()`, `in6_get_ifid()` in `sys/netinet6/in6_ifattach.c`,
//!   `nd6_ifattach()` in `sys/netinet6/nd6.c`).
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::{Kernel, SockId, Topology};

const RTM_NEWLINK: u16 = 16;
const RTM_NEWADDR: u16 = 20;
const RTM_DELADDR: u16 = 21;
const RTM_GETADDR: u16 = 22;
const RTM_NEWROUTE: u16 = 24;
const RTM_DELROUTE: u16 = 25;
const RTM_GETROUTE: u16 = 26;
const NLMSG_ERROR: u16 = 2;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;
const F_DUMP: u16 = 0x300;
const F_EXCL: u16 = 0x200;
const F_CREATE: u16 = 0x400;
const AF_INET: u8 = 2;
const AF_INET6: u8 = 28;
const RTA_DST: u16 = 1;
const RTA_OIF: u16 = 4;
const RTA_GATEWAY: u16 = 5;
const IFA_ADDRESS: u16 = 1;
const IFA_LOCAL: u16 = 2;
const IFLA_IFNAME: u16 = 3;
const IFLA_LINKINFO: u16 = 18;
const IFLA_INFO_KIND: u16 = 1;
const EINVAL: i32 = 22;
// Default host: em0 = 1 (192.0.2.10/24, 2001:db8::10/64), em1 = 2 (down), lo0 = 3.
const EM0: u32 = 1;
const EM1: u32 = 2;
const LO0: u32 = 3;

/// An address or prefix as text ("198.51.100.0/24", "2001:db8::10"; no length: a host):
/// its family, bytes and prefix length.
fn prefix(p: &str) -> (u8, Vec<u8>, u8) {
    let (a, len) = p.split_once('/').unwrap_or((p, ""));
    let (fam, bytes, max) = if a.contains(':') {
        (AF_INET6, ip6(a).to_vec(), 128)
    } else {
        (AF_INET, ip4(a).to_vec(), 32)
    };
    (fam, bytes, len.parse().unwrap_or(max))
}

/// The kernel and a root NETLINK_ROUTE socket on it, with the requests these tests send:
/// every one goes out through [`Host::ack`] and answers with the errno of its ack.
struct Host {
    k: Kernel,
    s: SockId,
}

impl Host {
    fn new(mut k: Kernel) -> Host {
        let s = route_sock(&mut k, ROOT);
        Host { k, s }
    }

    fn default_host() -> Host {
        Host::new(Kernel::default_host())
    }

    fn from_toml(t: &str) -> Host {
        Host::new(Kernel::new(&Topology::from_toml_str(t).unwrap()).unwrap())
    }

    /// Sends `payload` as a `ty` request with NLM_F_REQUEST | NLM_F_ACK | `flags`; the
    /// errno its NLMSG_ERROR carries.
    fn ack(&mut self, ty: u16, flags: u16, payload: &[u8]) -> i32 {
        let m = roundtrip(
            &mut self.k,
            self.s,
            &msg(ty, F_REQ | F_ACK | flags, 7, payload),
        );
        m.iter()
            .find(|x| x.ty == NLMSG_ERROR)
            .map(|x| x.i32_at(0))
            .expect("no NLMSG_ERROR")
    }

    /// A dump request of type `ty`; its messages.
    fn dump(&mut self, ty: u16, payload: &[u8]) -> Vec<Msg> {
        roundtrip(&mut self.k, self.s, &msg(ty, F_REQ | F_DUMP, 9, payload))
    }

    /// `ip route add DST [via GW] [dev OIF]` (NLM_F_CREATE | NLM_F_EXCL, RTPROT_STATIC).
    fn route(&mut self, dst: &str, gw: Option<&str>, oif: Option<u32>) -> i32 {
        let (fam, d, plen) = prefix(dst);
        let mut p = rtmsg(fam, plen, 0, 4, 1, 0);
        p.extend(attr(RTA_DST, &d));
        if let Some(g) = gw {
            p.extend(attr(RTA_GATEWAY, &prefix(g).1));
        }
        if let Some(o) = oif {
            p.extend(attr_u32(RTA_OIF, o));
        }
        self.ack(RTM_NEWROUTE, F_CREATE | F_EXCL, &p)
    }

    /// The routes of a dump as (dst, plen, oif).
    fn routes(&mut self) -> Vec<(Vec<u8>, u8, u32)> {
        self.dump(RTM_GETROUTE, &rtmsg(0, 0, 0, 0, 0, 0))
            .iter()
            .filter(|m| m.ty == RTM_NEWROUTE)
            .map(|m| {
                let oif = m
                    .attr(12, RTA_OIF)
                    .map_or(0, |d| u32::from_ne_bytes(d[..4].try_into().unwrap()));
                (m.attr(12, RTA_DST).unwrap(), m.payload[1], oif)
            })
            .collect()
    }

    /// The interface of the route to exactly `dst` ("PREFIX/LEN").
    fn oif(&mut self, dst: &str) -> Option<u32> {
        let (_, d, plen) = prefix(dst);
        self.routes()
            .into_iter()
            .find(|(x, p, _)| *x == d && *p == plen)
            .map(|(_, _, o)| o)
    }

    /// RTM_NEWADDR (NLM_F_CREATE | NLM_F_EXCL) or RTM_DELADDR of `a` ("ADDR/LEN") on
    /// interface `ifx`, with IFA_LOCAL and, when given, IFA_ADDRESS = `peer`.
    fn addr(&mut self, ty: u16, ifx: u32, a: &str, peer: Option<&str>) -> i32 {
        let (fam, local, plen) = prefix(a);
        let mut p = ifaddrmsg(fam, plen, 0, 0, ifx);
        p.extend(attr(IFA_LOCAL, &local));
        if let Some(d) = peer {
            p.extend(attr(IFA_ADDRESS, &prefix(d).1));
        }
        let fl = if ty == RTM_NEWADDR {
            F_CREATE | F_EXCL
        } else {
            0
        };
        self.ack(ty, fl, &p)
    }

    /// A socket listening to the groups of `mask` (the `bind()` group bits).
    fn listener(&mut self, mask: u32) -> SockId {
        let l = self.k.socket(0, ROOT).unwrap();
        self.k.bind(l, &sockaddr_nl(0, mask)).unwrap();
        l
    }

    /// `ip link add NAME type KIND`; the new interface's index.
    fn create(&mut self, name: &str, kind: &str) -> u32 {
        let mut p = ifinfomsg(0, 0, 0, 0, 0);
        p.extend(attr_str(IFLA_IFNAME, name));
        p.extend(attr(IFLA_LINKINFO, &attr_str(IFLA_INFO_KIND, kind)));
        assert_eq!(self.ack(RTM_NEWLINK, F_CREATE | F_EXCL, &p), 0);
        self.k
            .interfaces()
            .iter()
            .find(|i| i.name == name)
            .map(|i| i.index)
            .unwrap()
    }

    /// The IPv6 link-local addresses of interface `ifindex`.
    fn linklocals(&mut self, ifindex: u32) -> Vec<Vec<u8>> {
        self.dump(RTM_GETADDR, &ifaddrmsg(AF_INET6, 0, 0, 0, ifindex))
            .iter()
            .filter(|m| m.ty == RTM_NEWADDR)
            .filter_map(|m| m.attr(8, IFA_ADDRESS))
            .filter(|a| a[0] == 0xfe && a[1] == 0x80)
            .collect()
    }

    /// The destinations of the IPv4 neighbour (ARP) entries.
    fn arp_entries(&mut self) -> Vec<Vec<u8>> {
        self.dump(30, &ndmsg(AF_INET, 0, 0, 0))
            .iter()
            .filter(|m| m.ty == 28)
            .filter_map(|m| m.attr(12, 1))
            .collect()
    }
}

/// A gateway inside 127/8 resolves to lo0 through lo0's 127.0.0.1/8 address
/// (`ifa_ifwithnet`), although no route covers it (lo0 only has the 127.0.0.1 host
/// route); the model used to answer EINVAL. FreeBSD's `test_rtnl_route.c` relies on it.
#[test]
fn gateway_in_loopback_net_resolves_to_lo0() {
    let mut h = Host::default_host();
    assert_eq!(h.route("198.51.100.0/24", Some("127.0.0.2"), None), 0);
    assert_eq!(h.oif("198.51.100.0/24"), Some(LO0));
}

/// A gateway equal to the host's own address: `ifa_ifwithnet` finds em0's
/// 192.0.2.10/24 before any route lookup, so the route goes out em0, not lo0 (the
/// interface of the loopback host route the table holds for 192.0.2.10).
#[test]
fn gateway_own_address_resolves_to_its_interface() {
    let mut h = Host::default_host();
    assert_eq!(h.route("198.51.100.0/24", Some("192.0.2.10"), None), 0);
    assert_eq!(h.oif("198.51.100.0/24"), Some(EM0));
    assert_eq!(h.route("2001:db8:1::/48", Some("2001:db8::10"), None), 0);
    assert_eq!(h.oif("2001:db8:1::/48"), Some(EM0));
}

/// Addresses win over routes: with a static /32 route to 192.0.2.77 through em1, a
/// gateway 192.0.2.77 still resolves to em0, whose 192.0.2.10/24 covers it.
#[test]
fn gateway_address_prefix_beats_more_specific_route() {
    let mut h = Host::default_host();
    assert_eq!(h.route("192.0.2.77/32", None, Some(EM1)), 0);
    assert_eq!(h.oif("192.0.2.77/32"), Some(EM1));
    assert_eq!(h.route("198.51.100.0/24", Some("192.0.2.77"), None), 0);
    assert_eq!(h.oif("198.51.100.0/24"), Some(EM0));
}

/// The most specific address prefix wins (`rn_refines`), wherever its interface sits.
#[test]
fn gateway_most_specific_address_prefix() {
    let mut h = Host::default_host();
    assert_eq!(h.addr(RTM_NEWADDR, EM1, "192.0.2.129/28", None), 0);
    assert_eq!(h.route("198.51.100.0/24", Some("192.0.2.130"), None), 0);
    assert_eq!(h.oif("198.51.100.0/24"), Some(EM1));
    assert_eq!(h.route("203.0.113.0/24", Some("192.0.2.200"), None), 0);
    assert_eq!(h.oif("203.0.113.0/24"), Some(EM0));
}

/// A gateway reachable only through the default route is refused
/// ("Unable to determine ifp", EINVAL).
#[test]
fn gateway_only_via_default_route_is_einval() {
    let mut h = Host::default_host();
    assert_eq!(
        h.route("198.51.100.0/24", Some("203.0.113.1"), None),
        EINVAL
    );
}

/// An IPv6 link-local gateway without RTA_OIF stays unscoped (`set_scope6()` needs the
/// interface) and matches neither em0's fe80::/64 address nor its (zoned) route:
/// EINVAL. With RTA_OIF it works (`test_rtnl_route.py` `test_add_route6_ll_gw`).
#[test]
fn gateway_unscoped_linklocal_is_einval() {
    let mut h = Host::default_host();
    assert_eq!(h.route("2001:db8:5::/48", Some("fe80::1"), None), EINVAL);
    assert_eq!(h.route("2001:db8:5::/48", Some("fe80::1"), Some(EM0)), 0);
    assert_eq!(h.oif("2001:db8:5::/48"), Some(EM0));
}

/// The peer of a point-to-point address (`ifa_ifwithdstaddr`) picks the tunnel.
#[test]
fn gateway_p2p_peer_picks_the_tunnel() {
    let mut h = Host::from_toml(
        r#"
[[interface]]
name = "em0"
type = "ether"
up = true
addresses = ["192.0.2.10/24"]
[[interface]]
name = "lo0"
type = "loopback"
up = true
addresses = ["127.0.0.1/8"]
[[interface]]
name = "gif0"
type = "gif"
up = true
"#,
    );
    assert_eq!(h.addr(RTM_NEWADDR, 3, "10.9.9.1/32", Some("10.9.9.2")), 0);
    assert_eq!(h.route("198.51.100.0/24", Some("10.9.9.2"), None), 0);
    assert_eq!(h.oif("198.51.100.0/24"), Some(3));
}

/// `ip addr add 192.0.2.99/24 dev em0; ip addr del …`: the subnet route that
/// 192.0.2.10 installed stays, untouched (no route notification either).
#[test]
fn del_second_address_keeps_prefix_route_v4() {
    let mut h = Host::default_host();
    assert_eq!(h.addr(RTM_NEWADDR, EM0, "192.0.2.99/24", None), 0);
    let l = h.listener(1 << 6); // RTNLGRP_IPV4_ROUTE = 7
    assert_eq!(h.addr(RTM_DELADDR, EM0, "192.0.2.99/24", None), 0);
    assert_eq!(h.oif("192.0.2.0/24"), Some(EM0));
    let gone: Vec<Vec<u8>> = recv_all(&mut h.k, l)
        .iter()
        .filter(|m| m.ty == RTM_DELROUTE)
        .map(|m| m.attr(12, RTA_DST).unwrap())
        .collect();
    // Only the loopback route of 192.0.2.99 goes.
    assert_eq!(gone, vec![ip4("192.0.2.99").to_vec()]);
}

/// Same for IPv6: the prefix counts its addresses (`ndpr_addrcnt`).
#[test]
fn del_second_address_keeps_prefix_route_v6() {
    let mut h = Host::default_host();
    assert_eq!(h.addr(RTM_NEWADDR, EM0, "2001:db8::99/64", None), 0);
    assert_eq!(h.addr(RTM_DELADDR, EM0, "2001:db8::99/64", None), 0);
    assert_eq!(h.oif("2001:db8::/64"), Some(EM0));
    assert_eq!(h.oif("2001:db8::99/128"), None);
    // The last address of the prefix takes the route with it.
    assert_eq!(h.addr(RTM_DELADDR, EM0, "2001:db8::10/64", None), 0);
    assert_eq!(h.oif("2001:db8::/64"), None);
}

/// Removing the address that owns the route while another address of the subnet
/// remains: `in_scrubprefix` drops the address's loopback route, then deletes the
/// subnet route and adds it again for the other address (a DELROUTE then a
/// NEWROUTE), so the subnet stays reachable.
#[test]
fn del_route_owner_rehomes_prefix_route_v4() {
    let mut h = Host::default_host();
    assert_eq!(h.addr(RTM_NEWADDR, EM0, "192.0.2.99/24", None), 0);
    let l = h.listener(1 << 6);
    assert_eq!(h.addr(RTM_DELADDR, EM0, "192.0.2.10/24", None), 0);
    assert_eq!(h.oif("192.0.2.0/24"), Some(EM0));
    let n: Vec<(u16, Vec<u8>)> = recv_all(&mut h.k, l)
        .iter()
        .map(|m| (m.ty, m.attr(12, RTA_DST).unwrap()))
        .collect();
    assert_eq!(
        n,
        vec![
            (RTM_DELROUTE, ip4("192.0.2.10").to_vec()),
            (RTM_DELROUTE, ip4("192.0.2.0").to_vec()),
            (RTM_NEWROUTE, ip4("192.0.2.0").to_vec()),
        ]
    );
}

/// Across interfaces: em1 (brought up) gets 192.0.2.50/24 while em0 owns the route;
/// removing em0's address moves the route to em1. IPv6 likewise through
/// `nd6_prefix_offlink()`.
#[test]
fn del_route_owner_rehomes_prefix_route_to_other_interface() {
    let mut h = Host::default_host();
    assert_eq!(h.addr(RTM_NEWADDR, EM1, "192.0.2.50/24", None), 0);
    assert_eq!(h.oif("192.0.2.0/24"), Some(EM0));
    assert_eq!(h.addr(RTM_DELADDR, EM0, "192.0.2.10/24", None), 0);
    assert_eq!(h.oif("192.0.2.0/24"), Some(EM1));

    assert_eq!(h.addr(RTM_NEWADDR, EM1, "2001:db8::50/64", None), 0);
    assert_eq!(h.oif("2001:db8::/64"), Some(EM0));
    assert_eq!(h.addr(RTM_DELADDR, EM0, "2001:db8::10/64", None), 0);
    assert_eq!(h.oif("2001:db8::/64"), Some(EM1));
}

/// Removing the only address removes the subnet route (no one else has the prefix).
#[test]
fn del_last_address_removes_prefix_route_v4() {
    let mut h = Host::default_host();
    assert_eq!(h.addr(RTM_DELADDR, EM0, "192.0.2.10/24", None), 0);
    assert_eq!(h.oif("192.0.2.0/24"), None);
}

/// gif and tun come up with a link-local address (FreeBSD's own p2p address test
/// counts it); its interface id is borrowed from an interface with a universal
/// EUI-64, here a NIC with MAC 00:a0:98:01:02:03. A bridge gets none.
#[test]
fn linklocal_on_gif_and_tun_not_bridge() {
    let mut h = Host::from_toml(
        r#"
[[interface]]
name = "em0"
type = "ether"
mac = "00:a0:98:01:02:03"
up = true
[[interface]]
name = "lo0"
type = "loopback"
up = true
addresses = ["127.0.0.1/8"]
"#,
    );
    for (name, kind) in [("gif0", "gif"), ("tun0", "tun"), ("bridge0", "bridge")] {
        let idx = h.create(name, kind);
        assert!(h.linklocals(idx).is_empty(), "{name} down");
        // An IPv4 address brings the interface up (in_ifinit → SIOCSIFADDR).
        let (local, peer) = (format!("10.7.{idx}.1/32"), format!("10.7.{idx}.2"));
        assert_eq!(h.addr(RTM_NEWADDR, idx, &local, Some(&peer)), 0, "{name}");
        let ll = h.linklocals(idx);
        if kind == "bridge" {
            assert!(ll.is_empty(), "bridge got {ll:?}");
        } else {
            assert_eq!(ll, vec![ip6("fe80::2a0:98ff:fe01:203").to_vec()], "{name}");
        }
    }
}

/// `in_scrubprefix` → `in_scrubprefixlle(ia, 1, LLE_STATIC)`: when the subnet's route
/// goes, its ARP entries go with it (the default host's 192.0.2.1); removing an
/// address that does not hold the route leaves them.
#[test]
fn del_address_scrubs_arp_entries_with_the_prefix() {
    let mut h = Host::default_host();
    assert_eq!(h.addr(RTM_NEWADDR, EM0, "192.0.2.99/24", None), 0);
    assert!(h.arp_entries().contains(&ip4("192.0.2.1").to_vec()));
    assert_eq!(h.addr(RTM_DELADDR, EM0, "192.0.2.99/24", None), 0);
    assert!(h.arp_entries().contains(&ip4("192.0.2.1").to_vec()));
    assert_eq!(h.addr(RTM_DELADDR, EM0, "192.0.2.10/24", None), 0);
    assert_eq!(h.arp_entries(), Vec::<Vec<u8>>::new());
}
