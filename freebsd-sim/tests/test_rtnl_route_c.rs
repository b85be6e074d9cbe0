// SPDX-License-Identifier: BSD-2-Clause
//! FreeBSD's `tests/sys/netlink/test_rtnl_route.c` (freebsd-src @0d3e3dee, 2026):
//! multipath routes through gateways in 127/8 (resolved to lo0 by `ifa_ifwithroute`),
//! read back with RTM_GETROUTE. The test was written against main, where GETROUTE
//! returns the whole nexthop group; 14 and 15 answer with the one path
//! `nhop_select_func()` picks (`rt.c` @72768676 `handle_rtm_getroute`), so each
//! assertion runs against every release profile with the answer of that release.
//! `rtnl_nhgrp_expire` needs RTA_EXPIRES handling and the expiry timer and is listed in
//! `docs/freebsd-sim.md`.
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::{Kernel, Release, SockId, Topology};

const RTM_NEWROUTE: u16 = 24;
const RTM_DELROUTE: u16 = 25;
const RTM_GETROUTE: u16 = 26;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;
const F_CREATE: u16 = 0x400;
const F_APPEND: u16 = 0x800;
const AF_INET: u8 = 2;
const RTPROT_STATIC: u8 = 4;
const RTN_UNICAST: u8 = 1;
const RTF_GATEWAY: u32 = 0x2;
const RTA_DST: u16 = 1;
const RTA_GATEWAY: u16 = 5;
const RTA_MULTIPATH: u16 = 9;
const RTA_KNH_ID: u16 = 10;
const ESRCH: i32 = 3;

/// The machine the ATF test runs on (no VNET): a NIC outside the test's prefixes and
/// lo0 with 127.0.0.1/8, in the given release.
fn host(release: Release) -> (Kernel, SockId) {
    let t = Topology::from_toml_str(
        r#"
[[interface]]
name = "vtnet0"
type = "ether"
up = true
addresses = ["10.0.2.15/24"]
[[interface]]
name = "lo0"
type = "loopback"
up = true
addresses = ["127.0.0.1/8", "::1/128"]
"#,
    )
    .unwrap();
    let mut k = Kernel::new(&t).unwrap();
    k.set_release(release);
    let s = k.socket_typed(3, 0, ROOT).unwrap();
    (k, s)
}

/// `prepare_rtm_by_dst()`: AF_INET, RTPROT_STATIC, RTN_UNICAST, /24,
/// `rtm_flags = RTF_GATEWAY`, RTA_DST.
fn rtm_by_dst(dst: &str) -> Vec<u8> {
    let mut p = rtmsg(AF_INET, 24, 0, RTPROT_STATIC, RTN_UNICAST, RTF_GATEWAY);
    p.extend(attr(RTA_DST, &ip4(dst)));
    p
}

/// One `rtnexthop` (`rtnh_hops` 1, ifindex 0) with RTA_GATEWAY.
fn rtnh(gw: &str) -> Vec<u8> {
    let g = attr(RTA_GATEWAY, &ip4(gw));
    let mut v = Vec::new();
    v.extend_from_slice(&((8 + g.len()) as u16).to_ne_bytes());
    v.push(0);
    v.push(1);
    v.extend_from_slice(&0u32.to_ne_bytes());
    v.extend(g);
    v
}

fn request(k: &mut Kernel, s: SockId, ty: u16, flags: u16, seq: u32, p: &[u8]) -> Vec<Msg> {
    roundtrip(k, s, &msg(ty, F_REQ | F_ACK | flags, seq, p))
}

/// `snl_rtm_route_parser` on the GETROUTE reply: (RTA_KNH_ID, number of paths in
/// RTA_MULTIPATH).
fn get(k: &mut Kernel, s: SockId, dst: &str, seq: u32) -> (u32, usize) {
    let m = request(k, s, RTM_GETROUTE, 0, seq, &rtm_by_dst(dst));
    let r = m
        .iter()
        .find(|x| x.ty == RTM_NEWROUTE && x.seq == seq)
        .unwrap_or_else(|| panic!("no route: {m:?}"));
    let knh = r
        .attr(12, RTA_KNH_ID)
        .map_or(0, |d| u32::from_ne_bytes(d[..4].try_into().unwrap()));
    let mut n = 0;
    if let Some(mp) = r.attr(12, RTA_MULTIPATH) {
        let mut off = 0;
        while off + 8 <= mp.len() {
            let len = u16::from_ne_bytes([mp[off], mp[off + 1]]) as usize;
            assert!(len >= 8);
            n += 1;
            off += (len + 3) & !3;
        }
    }
    (knh, n)
}

/// `cleanup_route_by_dst()`: DELROUTE of the /24 without a gateway removes every path.
fn cleanup(k: &mut Kernel, s: SockId, dst: &str) {
    let m = request(k, s, RTM_DELROUTE, 0, 99, &rtm_by_dst(dst));
    assert_eq!(ack_of(&m, 99).0, 0);
    let m = request(k, s, RTM_GETROUTE, 0, 98, &rtm_by_dst(dst));
    // Only the default route could still match; there is none.
    assert_eq!(ack_of(&m, 98).0, ESRCH);
}

/// The number of paths RTM_GETROUTE reports for a route with `n` of them.
fn paths_reported(release: Release, n: usize) -> usize {
    if release == Release::Main {
        n
    } else {
        0
    }
}

/// `rtnl_nhgrp`: a two-path route via 127.0.0.1 and 127.0.0.2 is created; GETROUTE
/// shows a kernel nexthop id and (main) both paths.
#[test]
fn rtnl_nhgrp() {
    for rel in Release::ALL {
        let (mut k, s) = host(rel);
        let mut mp = rtnh("127.0.0.1");
        mp.extend(rtnh("127.0.0.2"));
        let mut p = rtm_by_dst("192.0.2.0");
        p.extend(attr(RTA_MULTIPATH, &mp));
        let m = request(&mut k, s, RTM_NEWROUTE, F_CREATE, 1, &p);
        assert_eq!(ack_of(&m, 1).0, 0, "{rel:?}");
        let (knh, n) = get(&mut k, s, "192.0.2.0", 2);
        assert_ne!(knh, 0, "{rel:?}");
        assert_eq!(n, paths_reported(rel, 2), "{rel:?}");
        cleanup(&mut k, s, "192.0.2.0");
    }
}

/// `rtnl_nhop_merge`: a single-path route via 127.0.1.1 is no group; APPEND of a path
/// via 127.0.1.2 turns it into one.
#[test]
fn rtnl_nhop_merge() {
    for rel in Release::ALL {
        let (mut k, s) = host(rel);
        let mut p = rtm_by_dst("198.51.100.0");
        p.extend(attr(RTA_GATEWAY, &ip4("127.0.1.1")));
        let m = request(&mut k, s, RTM_NEWROUTE, F_CREATE, 1, &p);
        assert_eq!(ack_of(&m, 1).0, 0, "{rel:?}");
        let (knh, n) = get(&mut k, s, "198.51.100.0", 2);
        assert_ne!(knh, 0, "{rel:?}");
        assert_eq!(n, 0, "{rel:?}");
        let mut p = rtm_by_dst("198.51.100.0");
        p.extend(attr(RTA_GATEWAY, &ip4("127.0.1.2")));
        let m = request(&mut k, s, RTM_NEWROUTE, F_APPEND, 3, &p);
        assert_eq!(ack_of(&m, 3).0, 0, "{rel:?}");
        let (knh, n) = get(&mut k, s, "198.51.100.0", 4);
        assert_ne!(knh, 0, "{rel:?}");
        assert_eq!(n, paths_reported(rel, 2), "{rel:?}");
        cleanup(&mut k, s, "198.51.100.0");
    }
}

/// The profile comes from the topology's `release` key; an unknown value is refused.
#[test]
fn release_from_topology() {
    let t = Topology::from_toml_str("release = \"main\"\n").unwrap();
    assert_eq!(Kernel::new(&t).unwrap().release(), Release::Main);
    let t = Topology::from_toml_str("release = \"14\"\n").unwrap();
    assert_eq!(Kernel::new(&t).unwrap().release(), Release::R14);
    assert_eq!(Kernel::default_host().release(), Release::R15);
    let t = Topology::from_toml_str("release = \"13\"\n").unwrap();
    assert!(Kernel::new(&t).is_err());
}
