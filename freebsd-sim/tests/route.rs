// SPDX-License-Identifier: BSD-2-Clause
//! RTM_NEWROUTE / RTM_DELROUTE / RTM_GETROUTE (`sys/netlink/route/rt.c`), unknown types
//! (`netlink_route.c`), expectations from `tests/sys/netlink/test_rtnl_route.py` and
//! `netlink_socket.c` (`membership`).
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::Kernel;

const RTM_NEWROUTE: u16 = 24;
const RTM_DELROUTE: u16 = 25;
const RTM_GETROUTE: u16 = 26;
const RTM_GETRULE: u16 = 34;
const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;
const F_DUMP: u16 = 0x300;
const F_EXCL: u16 = 0x200;
const F_CREATE: u16 = 0x400;
const F_APPEND: u16 = 0x800;
const AF_INET: u8 = 2;
const AF_INET6: u8 = 28;
const RTA_DST: u16 = 1;
const RTA_OIF: u16 = 4;
const RTA_GATEWAY: u16 = 5;
const RTA_MULTIPATH: u16 = 9;
const RTA_KNH_ID: u16 = 10;
const RTA_RTFLAGS: u16 = 14;
const RTA_TABLE: u16 = 15;

fn dsts(m: &[Msg]) -> Vec<(Vec<u8>, u8)> {
    m.iter()
        .filter(|x| x.ty == RTM_NEWROUTE)
        .map(|x| (x.attr(12, RTA_DST).unwrap(), x.payload[1]))
        .collect()
}

/// `handle_rtm_dump`: AF_INET then AF_INET6 in radix order (more specific first for
/// equal keys, link-locals ordered by their embedded zone), including the interface,
/// loopback and link-local routes FreeBSD installs itself.
#[test]
fn getroute_dump_default_host() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETROUTE, F_REQ | F_DUMP, 2, &rtmsg(0, 0, 0, 0, 0, 0)),
    );
    let d = dsts(&m);
    let want: Vec<(Vec<u8>, u8)> = vec![
        (ip4("0.0.0.0").to_vec(), 0),
        (ip4("127.0.0.1").to_vec(), 32),
        (ip4("192.0.2.0").to_vec(), 24),
        (ip4("192.0.2.10").to_vec(), 32),
        (ip6("::").to_vec(), 0),
        (ip6("::1").to_vec(), 128),
        (ip6("2001:db8::").to_vec(), 64),
        (ip6("2001:db8::10").to_vec(), 128),
        (ip6("fe80::").to_vec(), 64),
        (ip6("fe80::5054:ff:fe12:3456").to_vec(), 128),
        (ip6("fe80::").to_vec(), 64),
        (ip6("fe80::1").to_vec(), 128),
    ];
    assert_eq!(d, want);
    // The v4 default route: rtm_table 0, RTPROT_STATIC (RTF_STATIC), RTN_UNICAST,
    // RTA_TABLE always, gateway, kernel nexthop id, rtflags, OIF.
    let def = &m[0];
    assert_eq!(&def.payload[..8], &[AF_INET, 0, 0, 0, 0, 4, 0, 1]);
    let order: Vec<u16> = def.attrs(12).iter().map(|a| a.0).collect();
    assert_eq!(
        order,
        [
            RTA_TABLE,
            RTA_DST,
            RTA_GATEWAY,
            RTA_KNH_ID,
            RTA_RTFLAGS,
            RTA_OIF
        ]
    );
    assert_eq!(def.attr(12, RTA_GATEWAY).unwrap(), ip4("192.0.2.1"));
    assert_eq!(def.attr(12, RTA_OIF).unwrap(), 1u32.to_ne_bytes());
    // Connected route: no gateway attribute (AF_LINK gateway), RTPROT_KERNEL.
    let conn = &m[2];
    assert_eq!(conn.payload[5], 2);
    assert!(conn.attr(12, RTA_GATEWAY).is_none());
    // The local address goes through lo0 (index 3).
    assert_eq!(m[3].attr(12, RTA_OIF).unwrap(), 3u32.to_ne_bytes());
    let done = m.last().unwrap();
    assert_eq!((done.ty, done.flags, done.i32_at(0)), (NLMSG_DONE, 0, 0));
}

/// `handle_rtm_getroute`: longest-prefix match, reply type RTM_NEWROUTE with the request
/// flags; ESRCH when nothing matches; EINVAL "No RTA_DST supplied".
#[test]
fn getroute_single_lookup() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let mut p = rtmsg(AF_INET, 32, 0, 0, 0, 0);
    p.extend(attr(RTA_DST, &ip4("192.0.2.77")));
    let m = roundtrip(&mut k, s, &msg(RTM_GETROUTE, F_REQ, 4, &p));
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].ty, m[0].flags), (RTM_NEWROUTE, F_REQ));
    assert_eq!(m[0].attr(12, RTA_DST).unwrap(), ip4("192.0.2.0"));
    assert_eq!(m[0].payload[1], 24);
    let mut p = rtmsg(AF_INET, 32, 0, 0, 0, 0);
    p.extend(attr(RTA_DST, &ip4("198.51.100.7")));
    let m = roundtrip(&mut k, s, &msg(RTM_GETROUTE, F_REQ, 4, &p));
    assert_eq!(m[0].attr(12, RTA_DST).unwrap(), ip4("0.0.0.0"));
    // No RTA_DST.
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETROUTE, F_REQ, 4, &rtmsg(AF_INET, 0, 0, 0, 0, 0)),
    );
    assert_eq!((m[0].ty, m[0].i32_at(0)), (NLMSG_ERROR, 22));
}

/// `rtnl_handle_getroute`: RTA_TABLE beyond `net.fibs` (including RT_TABLE_UNSPEC) is
/// "invalid fib".
#[test]
fn getroute_invalid_fib() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.setsockopt(s, 270, 11, &1i32.to_ne_bytes()).unwrap();
    k.setsockopt(s, 270, 10, &1i32.to_ne_bytes()).unwrap();
    let mut p = rtmsg(0, 0, 0, 0, 0, 0);
    p.extend(attr_u32(RTA_TABLE, 0xFFFF_FFFF));
    let m = roundtrip(&mut k, s, &msg(RTM_GETROUTE, F_REQ | F_DUMP, 4, &p));
    assert_eq!((m[0].ty, m[0].i32_at(0)), (NLMSG_ERROR, 22));
    assert_eq!(
        parse_attrs(&m[0].payload[20..])[0],
        (1, b"invalid fib\0".to_vec())
    );
}

/// `rtnl_handle_message`: unregistered types such as RTM_GETRULE are ENOTSUP with the
/// ext-ack text "unknown message type: 34".
#[test]
fn getrule_is_enotsup() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.setsockopt(s, 270, 11, &1i32.to_ne_bytes()).unwrap();
    let req = msg(
        RTM_GETRULE,
        F_REQ | F_DUMP,
        6,
        &rtmsg(AF_INET, 0, 0, 0, 0, 0),
    );
    let m = roundtrip(&mut k, s, &req);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].ty, NLMSG_ERROR);
    assert_eq!(m[0].i32_at(0), 45);
    assert_eq!(m[0].flags, 0x200);
    let tlvs = parse_attrs(&m[0].payload[4 + req.len()..]);
    assert_eq!(tlvs, vec![(1, b"unknown message type: 34\0".to_vec())]);
}

fn newroute4(dst: &str, plen: u8, gw: &str, flags: u16) -> Vec<u8> {
    let mut p = rtmsg(AF_INET, plen, 0, 3, 1, 0);
    p.extend(attr(RTA_DST, &ip4(dst)));
    p.extend(attr(RTA_GATEWAY, &ip4(gw)));
    msg(RTM_NEWROUTE, F_REQ | F_ACK | flags, 21, &p)
}

/// `rtnl_handle_message`: RTM_NEWROUTE needs PRIV_NET_ROUTE.
#[test]
fn newroute_non_root_is_eperm() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, USER);
    let m = roundtrip(
        &mut k,
        s,
        &newroute4("198.51.100.0", 24, "192.0.2.1", F_CREATE | F_EXCL),
    );
    assert_eq!(m[0].i32_at(0), 1);
}

/// `netlink_socket.c` `membership`: after ADD_MEMBERSHIP(RTNLGRP_IPV4_ROUTE) the socket
/// sees RTM_NEWROUTE and RTM_DELROUTE (`report_operation`: request pid/seq, flags
/// rewritten to CREATE|EXCL on add).
#[test]
fn membership_ipv4_route_notifications() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let l = k.socket(0, USER).unwrap();
    k.setsockopt(l, 270, 1, &7i32.to_ne_bytes()).unwrap();
    let port = k.port_id(s).unwrap();
    let m = roundtrip(
        &mut k,
        s,
        &newroute4("198.51.100.0", 24, "192.0.2.1", F_CREATE | F_EXCL),
    );
    assert_eq!(m[0].i32_at(0), 0);
    let ev = recv_all(&mut k, l);
    assert_eq!(ev.len(), 1);
    assert_eq!((ev[0].ty, ev[0].seq, ev[0].pid), (RTM_NEWROUTE, 21, port));
    assert_eq!(ev[0].flags, F_REQ | F_ACK | F_CREATE | F_EXCL);
    assert_eq!(ev[0].attr(12, RTA_DST).unwrap(), ip4("198.51.100.0"));
    let mut p = rtmsg(AF_INET, 24, 0, 0, 0, 0);
    p.extend(attr(RTA_DST, &ip4("198.51.100.0")));
    let m = roundtrip(&mut k, s, &msg(RTM_DELROUTE, F_REQ | F_ACK, 22, &p));
    assert_eq!(m[0].i32_at(0), 0);
    // The ack echoes the header as report_operation() rewrote it.
    assert_eq!(
        u16::from_ne_bytes([m[0].payload[8], m[0].payload[9]]),
        RTM_DELROUTE
    );
    let ev = recv_all(&mut k, l);
    assert_eq!(ev.len(), 1);
    assert_eq!((ev[0].ty, ev[0].flags), (RTM_DELROUTE, F_REQ | F_ACK));
    // IPv6 changes do not reach the IPv4 group.
    let mut p = rtmsg(AF_INET6, 48, 0, 0, 1, 0);
    p.extend(attr(RTA_DST, &ip6("2001:db8:99::")));
    p.extend(attr(RTA_GATEWAY, &ip6("2001:db8::1")));
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_NEWROUTE, F_REQ | F_ACK | F_CREATE, 23, &p),
    );
    assert_eq!(m[0].i32_at(0), 0);
    assert!(recv_all(&mut k, l).is_empty());
}

/// `add_route_flags`: EXCL on an existing prefix is EEXIST; no CREATE and no prefix is
/// ESRCH; APPEND turns it into a multipath route (RTA_MULTIPATH of `rtnexthop`s).
#[test]
fn newroute_flags_and_multipath() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(
        &mut k,
        s,
        &newroute4("198.51.100.0", 24, "192.0.2.1", F_CREATE | F_EXCL),
    );
    assert_eq!(m[0].i32_at(0), 0);
    let m = roundtrip(
        &mut k,
        s,
        &newroute4("198.51.100.0", 24, "192.0.2.2", F_CREATE | F_EXCL),
    );
    assert_eq!(m[0].i32_at(0), 17);
    let m = roundtrip(&mut k, s, &newroute4("203.0.113.0", 24, "192.0.2.2", 0));
    assert_eq!(m[0].i32_at(0), 3);
    let m = roundtrip(
        &mut k,
        s,
        &newroute4("198.51.100.0", 24, "192.0.2.2", F_CREATE | F_APPEND),
    );
    assert_eq!(m[0].i32_at(0), 0);
    let mut p = rtmsg(AF_INET, 32, 0, 0, 0, 0);
    p.extend(attr(RTA_DST, &ip4("198.51.100.0")));
    let r = roundtrip(
        &mut k,
        s,
        &msg(
            RTM_GETROUTE,
            F_REQ | F_DUMP,
            1,
            &rtmsg(AF_INET, 0, 0, 0, 0, 0),
        ),
    );
    let mp = r
        .iter()
        .find(|x| x.ty == RTM_NEWROUTE && x.attr(12, RTA_DST).unwrap() == ip4("198.51.100.0"))
        .unwrap();
    let legs = mp.attr(12, RTA_MULTIPATH).unwrap();
    // Two rtnexthop entries of 8 + 8 (RTA_GATEWAY) bytes, hops = weight 1, ifindex 1.
    assert_eq!(legs.len(), 32);
    assert_eq!(u16::from_ne_bytes([legs[0], legs[1]]), 16);
    assert_eq!(legs[3], 1);
    assert_eq!(i32::from_ne_bytes(legs[4..8].try_into().unwrap()), 1);
    assert_eq!(
        parse_attrs(&legs[8..16]),
        vec![(RTA_GATEWAY, ip4("192.0.2.1").to_vec())]
    );
    assert_eq!(
        parse_attrs(&legs[24..32]),
        vec![(RTA_GATEWAY, ip4("192.0.2.2").to_vec())]
    );
    assert!(mp.attr(12, RTA_OIF).is_none());
}

/// `rt_delete_conditional`: interface routes are pinned; deleting one without RTF_PINNED
/// in RTA_RTFLAGS is EADDRINUSE.
#[test]
fn delroute_pinned_interface_route() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let mut p = rtmsg(AF_INET, 24, 0, 0, 0, 0);
    p.extend(attr(RTA_DST, &ip4("192.0.2.0")));
    let m = roundtrip(&mut k, s, &msg(RTM_DELROUTE, F_REQ | F_ACK, 1, &p));
    assert_eq!(m[0].i32_at(0), 48);
    let mut p2 = p.clone();
    p2.extend(attr_u32(RTA_RTFLAGS, 0x10_0000));
    let m = roundtrip(&mut k, s, &msg(RTM_DELROUTE, F_REQ | F_ACK, 1, &p2));
    assert_eq!(m[0].i32_at(0), 0);
    let m = roundtrip(&mut k, s, &msg(RTM_DELROUTE, F_REQ | F_ACK, 1, &p));
    assert_eq!(m[0].i32_at(0), 3);
}

/// `test_buffer_override`: 1000 routes dumped in several `nl_buf`s; no message spans two
/// buffers, each buffer stays within NLMBUFSIZE (2048) and the dump ends in NLMSG_DONE.
#[test]
fn dump_1000_routes_spans_several_bufs() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    for i in 0..1000u32 {
        let mut a = ip6("2001:db8:1000::");
        a[6] = (i >> 8) as u8;
        a[7] = (i & 0xff) as u8;
        a[8] = 0x80;
        let mut p = rtmsg(AF_INET6, 65, 0, 0, 1, 0);
        p.extend(attr(RTA_DST, &a));
        p.extend(attr(RTA_GATEWAY, &ip6("2001:db8::1")));
        k.send(s, &msg(RTM_NEWROUTE, F_REQ | F_CREATE | F_EXCL, i, &p))
            .unwrap();
    }
    assert!(k.take_bufs(s).is_empty(), "no acks without NLM_F_ACK");
    k.send(
        s,
        &msg(
            RTM_GETROUTE,
            F_REQ | F_DUMP,
            5000,
            &rtmsg(AF_INET6, 0, 0, 0, 0, 0),
        ),
    )
    .unwrap();
    let bufs = k.take_bufs(s);
    assert!(bufs.len() > 30, "got {} bufs", bufs.len());
    let mut all = Vec::new();
    for b in &bufs {
        assert!(b.len() <= 2048);
        all.extend(split(b));
    }
    let r65 = all
        .iter()
        .filter(|m| m.ty == RTM_NEWROUTE && m.payload[1] == 65)
        .count();
    assert_eq!(r65, 1000);
    assert_eq!(all.last().unwrap().ty, NLMSG_DONE);
    assert_eq!(all.iter().filter(|m| m.ty == NLMSG_DONE).count(), 1);
}

/// `create_nexthop_from_attrs` + `nhop_set_blackhole`: RTN_BLACKHOLE needs neither a
/// gateway nor an interface; it is dumped with RTN_BLACKHOLE, RTF_BLACKHOLE, no gateway
/// and OIF lo0. A unicast route without both is EINVAL; a gateway only reachable through
/// the default route is EINVAL too (`ifa_ifwithroute`).
#[test]
fn newroute_blackhole_and_unreachable_gateway() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let mut p = rtmsg(AF_INET, 24, 0, 3, 6, 0);
    p.extend(attr(RTA_DST, &ip4("203.0.113.0")));
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_NEWROUTE, F_REQ | F_ACK | F_CREATE, 1, &p),
    );
    assert_eq!(m[0].i32_at(0), 0);
    let mut q = rtmsg(AF_INET, 32, 0, 0, 0, 0);
    q.extend(attr(RTA_DST, &ip4("203.0.113.9")));
    let m = roundtrip(&mut k, s, &msg(RTM_GETROUTE, F_REQ, 2, &q));
    assert_eq!(m[0].payload[7], 6, "RTN_BLACKHOLE");
    assert_eq!(
        m[0].payload[5], 2,
        "RTPROT_KERNEL: BOOT (3) is not kept as origin"
    );
    assert!(m[0].attr(12, RTA_GATEWAY).is_none());
    assert_eq!(m[0].attr(12, RTA_RTFLAGS).unwrap(), 0x1000u32.to_ne_bytes());
    assert_eq!(m[0].attr(12, RTA_OIF).unwrap(), 3u32.to_ne_bytes());
    let mut p = rtmsg(AF_INET, 24, 0, 3, 1, 0);
    p.extend(attr(RTA_DST, &ip4("203.0.114.0")));
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_NEWROUTE, F_REQ | F_ACK | F_CREATE, 3, &p),
    );
    assert_eq!(m[0].i32_at(0), 22);
    let m = roundtrip(
        &mut k,
        s,
        &newroute4("203.0.115.0", 24, "198.18.0.1", F_CREATE),
    );
    assert_eq!(m[0].i32_at(0), 22);
}

/// `dump_rc_nhop_gw`: an IPv4 route with an IPv6 gateway (RTA_VIA in the request) is
/// dumped as a 17-byte RTA_VIA (one-byte family AF_INET6 + address); an IPv6 route with
/// an IPv4 gateway is refused (`nhop_check_gateway`).
#[test]
fn ipv4_route_via_ipv6_gateway() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let mut via = vec![AF_INET6];
    via.extend_from_slice(&ip6("fe80::1"));
    let mut p = rtmsg(AF_INET, 24, 0, 0, 1, 0);
    p.extend(attr(RTA_DST, &ip4("203.0.113.0")));
    p.extend(attr(18, &via));
    p.extend(attr_u32(RTA_OIF, 1));
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_NEWROUTE, F_REQ | F_ACK | F_CREATE, 1, &p),
    );
    assert_eq!(m[0].i32_at(0), 0);
    let mut q = rtmsg(AF_INET, 32, 0, 0, 0, 0);
    q.extend(attr(RTA_DST, &ip4("203.0.113.1")));
    let m = roundtrip(&mut k, s, &msg(RTM_GETROUTE, F_REQ, 2, &q));
    assert_eq!(m[0].attr(12, 18).unwrap(), via);
    assert!(m[0].attr(12, RTA_GATEWAY).is_none());
    let mut p = rtmsg(AF_INET6, 64, 0, 0, 1, 0);
    p.extend(attr(RTA_DST, &ip6("2001:db8:77::")));
    p.extend(attr(RTA_GATEWAY, &ip4("192.0.2.1")));
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_NEWROUTE, F_REQ | F_ACK | F_CREATE, 3, &p),
    );
    assert_eq!(m[0].i32_at(0), 22);
}

/// `test_add_route6_ll_gw`, `test_add_route6_ll_if_gw`, `test_add_route4_ll_if_gw`: a
/// link-local gateway with RTA_OIF, and interface routes through a fresh (down,
/// address-less) tun interface, are all accepted.
#[test]
fn newroute_like_freebsd_tests() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let mut p = ifinfomsg(0, 0, 0, 0, 0);
    p.extend(attr_str(3, "tun0"));
    p.extend(attr(18, &attr_str(1, "tun")));
    assert_eq!(
        roundtrip(&mut k, s, &msg(16, F_REQ | F_ACK | F_CREATE, 1, &p))[0].i32_at(0),
        0
    );
    let tun = 4u32;
    let mut p = rtmsg(AF_INET6, 64, 0, 0, 0, 0);
    p.extend(attr(RTA_DST, &ip6("2001:db8:2::")));
    p.extend(attr(RTA_GATEWAY, &ip6("fe80::1")));
    p.extend(attr_u32(RTA_OIF, 1));
    assert_eq!(
        roundtrip(
            &mut k,
            s,
            &msg(RTM_NEWROUTE, F_REQ | F_ACK | F_CREATE, 2, &p)
        )[0]
        .i32_at(0),
        0
    );
    let mut p = rtmsg(AF_INET6, 64, 0, 0, 0, 0);
    p.extend(attr(RTA_DST, &ip6("2001:db8:3::")));
    p.extend(attr_u32(RTA_OIF, tun));
    assert_eq!(
        roundtrip(
            &mut k,
            s,
            &msg(RTM_NEWROUTE, F_REQ | F_ACK | F_CREATE, 3, &p)
        )[0]
        .i32_at(0),
        0
    );
    let mut p = rtmsg(AF_INET, 32, 0, 0, 0, 0);
    p.extend(attr(RTA_DST, &ip4("192.0.2.1")));
    p.extend(attr_u32(RTA_OIF, tun));
    assert_eq!(
        roundtrip(
            &mut k,
            s,
            &msg(RTM_NEWROUTE, F_REQ | F_ACK | F_CREATE, 4, &p)
        )[0]
        .i32_at(0),
        0
    );
    let mut q = rtmsg(AF_INET, 32, 0, 0, 0, 0);
    q.extend(attr(RTA_DST, &ip4("192.0.2.1")));
    let m = roundtrip(&mut k, s, &msg(RTM_GETROUTE, F_REQ, 5, &q));
    assert_eq!(m[0].payload[1], 32);
    assert_eq!(m[0].attr(12, RTA_OIF).unwrap(), tun.to_ne_bytes());
    assert_eq!(
        m[0].attr(12, RTA_RTFLAGS).unwrap(),
        0x4u32.to_ne_bytes(),
        "RTF_HOST only"
    );
}

/// `finalize_nhop()` (`route/rt.c`): with RTA_OIF the interface is given, but the nexthop
/// still needs an address of it — `ifaof_ifpforaddr()` (`sys/net/if.c`) with the gateway,
/// which falls back to any address of the gateway's family — else "Unable to determine
/// ifa", EINVAL. em1 (2) has no address at all: IPv4 and IPv6 gateways through it are
/// refused. An IPv4 address in another subnet brings it up (`in_ifinit`), which gives it
/// its IPv6 link-local too (`in6_ifattach`): both gateways are then taken (the fallback).
#[test]
fn newroute_gateway_needs_an_address_on_rta_oif() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let add = |k: &mut Kernel, seq: u32, fam: u8, dst: &[u8], gw: &[u8]| {
        let mut p = rtmsg(fam, if fam == AF_INET { 24 } else { 64 }, 0, 0, 1, 0);
        p.extend(attr(RTA_DST, dst));
        p.extend(attr(RTA_GATEWAY, gw));
        p.extend(attr_u32(RTA_OIF, 2));
        let m = roundtrip(k, s, &msg(RTM_NEWROUTE, F_REQ | F_ACK | F_CREATE, seq, &p));
        m[0].i32_at(0)
    };
    assert_eq!(
        add(&mut k, 1, AF_INET, &ip4("198.51.100.0"), &ip4("192.0.2.1")),
        22
    );
    assert_eq!(
        add(
            &mut k,
            2,
            AF_INET6,
            &ip6("2001:db8:9::"),
            &ip6("2001:db8::1")
        ),
        22
    );
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETROUTE, F_REQ | F_DUMP, 3, &rtmsg(0, 0, 0, 0, 0, 0)),
    );
    assert!(!dsts(&m).iter().any(|(d, _)| *d == ip4("198.51.100.0")));
    let mut p = ifaddrmsg(AF_INET, 24, 0, 0, 2);
    p.extend(attr(2, &ip4("203.0.113.5")));
    let m = roundtrip(&mut k, s, &msg(20, F_REQ | F_ACK | F_CREATE, 4, &p));
    assert_eq!(m[0].i32_at(0), 0);
    assert_eq!(
        add(&mut k, 5, AF_INET, &ip4("198.51.100.0"), &ip4("192.0.2.1")),
        0
    );
    assert_eq!(
        add(
            &mut k,
            6,
            AF_INET6,
            &ip6("2001:db8:9::"),
            &ip6("2001:db8::1")
        ),
        0
    );
}
