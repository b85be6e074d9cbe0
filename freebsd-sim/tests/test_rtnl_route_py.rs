// SPDX-License-Identifier: BSD-2-Clause
//! FreeBSD's `tests/sys/netlink/test_rtnl_route.py` (freebsd-src @ef28050b, class
//! `TestRtNlRoute`: a VNET with if1 = epair holding 2001:db8::1/64), each test
//! restated against the model. (The C tests of `test_rtnl_route.c` are in
//! `test_rtnl_route_c.rs`.)
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::{Kernel, Release, SockId};

const RTM_NEWLINK: u16 = 16;
const RTM_NEWROUTE: u16 = 24;
const RTM_GETROUTE: u16 = 26;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;
const F_ROOT: u16 = 0x100;
const F_MATCH: u16 = 0x200;
const F_EXCL: u16 = 0x200;
const F_CREATE: u16 = 0x400;
const AF_INET: u8 = 2;
const AF_INET6: u8 = 28;
const RTA_DST: u16 = 1;
const RTA_OIF: u16 = 4;
const RTA_GATEWAY: u16 = 5;
const IFLA_IFNAME: u16 = 3;
const IFLA_LINKINFO: u16 = 18;

fn setup(rel: Release) -> (Kernel, SockId, u32) {
    let (mut k, if1) = vnet("epair", &[], &["2001:db8::1/64"], rel);
    let s = nlsock(&mut k, 0);
    (k, s, if1)
}

fn newroute(k: &mut Kernel, s: SockId, seq: u32, flags: u16, p: &[u8]) -> i32 {
    let m = roundtrip(k, s, &msg(RTM_NEWROUTE, flags, seq, p));
    ack_of(&m, seq).0
}

/// `IfaceFactory().create_iface("", "tun")` (`ifconfig tun create`): a tun interface,
/// created here through RTM_NEWLINK; its index.
fn create_tun(k: &mut Kernel, s: SockId) -> u32 {
    let mut p = ifinfomsg(0, 0, 0, 0, 0);
    p.extend(attr_str(IFLA_IFNAME, "tun"));
    p.extend(attr(IFLA_LINKINFO, &attr(1, b"tun")));
    let m = roundtrip(
        k,
        s,
        &msg(RTM_NEWLINK, F_REQ | F_ACK | F_CREATE | F_EXCL, 900, &p),
    );
    assert_eq!(ack_of(&m, 900).0, 0);
    k.interfaces()
        .iter()
        .find(|i| i.name.starts_with("tun"))
        .unwrap()
        .index
}

/// `test_add_route6_ll_gw`: 2001:db8:2::/64 via fe80::1 with RTA_OIF if1.
#[test]
fn test_add_route6_ll_gw() {
    for rel in Release::ALL {
        let (mut k, s, if1) = setup(rel);
        let mut p = rtmsg(AF_INET6, 64, 0, 0, 0, 0);
        p.extend(attr(RTA_DST, &ip6("2001:db8:2::")));
        p.extend(attr(RTA_GATEWAY, &ip6("fe80::1")));
        p.extend(attr_u32(RTA_OIF, if1));
        assert_eq!(newroute(&mut k, s, 1, F_REQ | F_ACK | F_CREATE, &p), 0);
    }
}

/// `test_add_route6_ll_if_gw`: 2001:db8:2::/64 through a tun interface (no gateway).
#[test]
fn test_add_route6_ll_if_gw() {
    for rel in Release::ALL {
        let (mut k, s, _) = setup(rel);
        let tun = create_tun(&mut k, s);
        let mut p = rtmsg(AF_INET6, 64, 0, 0, 0, 0);
        p.extend(attr(RTA_DST, &ip6("2001:db8:2::")));
        p.extend(attr_u32(RTA_OIF, tun));
        assert_eq!(newroute(&mut k, s, 2, F_REQ | F_ACK | F_CREATE, &p), 0);
    }
}

/// `test_add_route4_ll_if_gw`: 192.0.2.1/32 through a tun interface.
#[test]
fn test_add_route4_ll_if_gw() {
    for rel in Release::ALL {
        let (mut k, s, _) = setup(rel);
        let tun = create_tun(&mut k, s);
        let mut p = rtmsg(AF_INET, 32, 0, 0, 0, 0);
        p.extend(attr(RTA_DST, &ip4("192.0.2.1")));
        p.extend(attr_u32(RTA_OIF, tun));
        assert_eq!(newroute(&mut k, s, 3, F_REQ | F_ACK | F_CREATE, &p), 0);
    }
}

/// `test_buffer_override`: 1000 /65 routes via 2001:db8::2 (interface found through
/// if1's 2001:db8::1/64), each acked in turn; a ROOT|MATCH dump of AF_INET6 then
/// returns all 1000 across many buffers.
#[test]
fn test_buffer_override() {
    for rel in Release::ALL {
        let (mut k, s, _) = setup(rel);
        let base = ip6("2001:db8:ffff::");
        for i in 0..1000u32 {
            let mut a = base;
            a[7] = (i % 256) as u8;
            a[6] = (i / 256) as u8;
            let mut p = rtmsg(AF_INET6, 65, 0, 0, 0, 0);
            p.extend(attr(RTA_DST, &a));
            p.extend(attr(RTA_GATEWAY, &ip6("2001:db8::2")));
            let seq = 1000 + i;
            let m = roundtrip(
                &mut k,
                s,
                &msg(RTM_NEWROUTE, F_REQ | F_ACK | F_CREATE, seq, &p),
            );
            assert_eq!(m.len(), 1);
            assert_eq!(m[0].ty, 2);
            assert_eq!(m[0].seq, seq);
            assert_eq!(m[0].i32_at(0), 0, "route {i}");
        }
        let m = roundtrip(
            &mut k,
            s,
            &msg(
                RTM_GETROUTE,
                F_REQ | F_ACK | F_ROOT | F_MATCH,
                5000,
                &rtmsg(AF_INET6, 0, 0, 0, 0, 0),
            ),
        );
        let mut n = 0;
        let mut done = false;
        for x in m.iter().filter(|x| x.seq == 5000) {
            match x.ty {
                2 => assert_eq!(x.i32_at(0), 0, "unable to dump routes"),
                3 => {
                    done = true;
                    break;
                }
                RTM_NEWROUTE if x.payload[1] == 65 => n += 1,
                _ => {}
            }
        }
        assert!(done);
        assert_eq!(n, 1000);
    }
}
