// SPDX-License-Identifier: BSD-2-Clause
//! One test per translation rule, on hand-built messages.
//!
//! Expected values are written as literal numbers taken from the headers (cited per test),
//! not from the translator's tables, so a wrong table row fails here. Facts:
//! `shared/facts/freebsd-netlink.md` §2 (values) and §5 (gaps to close).
#![allow(
    clippy::arithmetic_side_effects,
    clippy::as_conversions,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::panic
)]

mod common;

use common::*;
use nlcompat::{Ctx, Error, Freebsd, Linux, Proto};

// nlmsg types (equal on both systems; Linux `rtnetlink.h`, FreeBSD `route/common.h`).
const NEWLINK: u16 = 16;
const GETLINK: u16 = 18;
const NEWADDR: u16 = 20;
const DELADDR: u16 = 21;
const GETADDR: u16 = 22;
const NEWROUTE: u16 = 24;
const GETROUTE: u16 = 26;
const NEWNEIGH: u16 = 28;
const GETNEIGH: u16 = 30;
const NEWNEXTHOP: u16 = 104;
const ERROR: u16 = 2;
const DONE: u16 = 3;

// nlmsg flags (`netlink.h`, both systems).
const REQ: u16 = 0x1;
const MULTI: u16 = 0x2;
const ACK: u16 = 0x4;
const DUMP: u16 = 0x300;
const CREATE: u16 = 0x400;
const CAPPED: u16 = 0x100;
const ACK_TLVS: u16 = 0x200;

// Address families: Linux `socket.h`, FreeBSD `sys/sys/socket.h`.
const L_INET: u8 = 2;
const L_INET6: u8 = 10;
const L_PACKET: u8 = 17;
const L_MPLS: u8 = 28;
const F_INET6: u8 = 28;
const F_LINK: u8 = 18;

const V6: [u8; 16] = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
const V6GW: [u8; 16] = [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];

fn hdr(m: &PMsg) -> &[u8] {
    &m.payload
}

// ------------------------------------------------------------------ address families

#[test]
fn ifaddrmsg_family_v6_newaddr_and_deladdr_requests() {
    for ty in [NEWADDR, DELADDR] {
        let req = rmsg(
            ty,
            REQ | ACK | CREATE,
            &ifaddrmsg(L_INET6, 64, 0, 0, 2),
            &[attr(2, &V6), attr(1, &V6), a_u32(8, 0x80)],
        );
        let out = parse_one(&to_fb(&req).unwrap());
        assert_eq!(out.ty, ty);
        assert_eq!(hdr(&out)[0], F_INET6, "ifa_family 10 -> 28");
        assert_eq!(&hdr(&out)[1..8], &ifaddrmsg(L_INET6, 64, 0, 0, 2)[1..8]);
        let a = attrs_of(&out, 8);
        assert_eq!(find(&a, 2).unwrap(), &V6.to_vec());
        assert_eq!(find(&a, 1).unwrap(), &V6.to_vec());
        assert_eq!(pu32(find(&a, 8).unwrap()), 0x80);
    }
}

#[test]
fn ifaddrmsg_family_reply() {
    let rep = rmsg(
        NEWADDR,
        MULTI,
        &ifaddrmsg(F_INET6, 64, 0, 0, 2),
        &[attr(1, &V6)],
    );
    let out = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(hdr(&out)[0], L_INET6);
}

#[test]
fn rtmsg_family_both_ways() {
    let req = rmsg(GETROUTE, REQ | DUMP, &rtmsg(L_INET6, 0, 0, 0, 0, 0, 0), &[]);
    let out = parse_one(&to_fb(&req).unwrap());
    assert_eq!(hdr(&out)[0], F_INET6);
    let rep = rmsg(
        NEWROUTE,
        MULTI,
        &rtmsg(F_INET6, 64, 0, 2, 0, 1, 0),
        &[attr(1, &V6)],
    );
    let out = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(hdr(&out)[0], L_INET6);
}

#[test]
fn ndmsg_family_v6_newneigh_request_and_reply() {
    let req = rmsg(
        NEWNEIGH,
        REQ | ACK | CREATE,
        &ndmsg(L_INET6, 2, 0x80, 0, 0),
        &[attr(1, &V6), attr(2, &[2, 0, 0, 0, 0, 9])],
    );
    let out = parse_one(&to_fb(&req).unwrap());
    assert_eq!(hdr(&out)[0], F_INET6);
    // The rest of the header is copied, but for the static-entry encoding (NUD_PERMANENT
    // becomes NUD_REACHABLE + NTF_STICKY; see static_neighbours_permanent_on_linux_sticky_on_freebsd).
    assert_eq!(&hdr(&out)[1..12], &ndmsg(L_INET6, 2, 0x02, 0x40, 0)[1..12]);
    let rep = rmsg(
        NEWNEIGH,
        MULTI,
        &ndmsg(F_INET6, 2, 0x2, 0, 0),
        &[attr(1, &V6)],
    );
    assert_eq!(hdr(&parse_one(&to_lx(&rep).unwrap()))[0], L_INET6);
    let get = rmsg(GETNEIGH, REQ | DUMP, &ndmsg(L_INET6, 0, 0, 0, 0), &[]);
    assert_eq!(hdr(&parse_one(&to_fb(&get).unwrap()))[0], F_INET6);
}

#[test]
fn nhmsg_family_v6_nexthop_request_and_reply() {
    let req = rmsg(
        NEWNEXTHOP,
        REQ | ACK | CREATE,
        &nhmsg(L_INET6, 0, 3, 0),
        &[a_u32(1, 7), a_u32(5, 2), attr(6, &V6GW)],
    );
    let out = parse_one(&to_fb(&req).unwrap());
    assert_eq!(hdr(&out)[0], F_INET6);
    let a = attrs_of(&out, 8);
    assert_eq!(ids(&a), vec![1, 5, 6]);
    assert_eq!(find(&a, 6).unwrap(), &V6GW.to_vec());
    let rep = rmsg(NEWNEXTHOP, MULTI, &nhmsg(F_INET6, 0, 3, 0), &[a_u32(1, 7)]);
    assert_eq!(hdr(&parse_one(&to_lx(&rep).unwrap()))[0], L_INET6);
}

#[test]
fn unknown_family_is_refused_not_passed_by_number() {
    // Linux AF_MPLS 28 is FreeBSD AF_INET6 28: passing it by number would be wrong.
    let req = rmsg(GETROUTE, REQ | DUMP, &rtmsg(L_MPLS, 0, 0, 0, 0, 0, 0), &[]);
    assert!(matches!(to_fb(&req), Err(Error::Family { family: 28, .. })));
}

#[test]
fn rtgenmsg_17_byte_go_request() {
    // Go's syscall.NetlinkRIB: nlmsg_len 17, one family byte, no padding on the wire.
    let mut req = msg(GETADDR, REQ | DUMP, 1, 0, &[L_INET6]);
    req.truncate(17);
    assert_eq!(u32_at(&req, 0), 17);
    let out = to_fb(&req).unwrap();
    let m = parse_one(&out);
    assert_eq!(m.ty, GETADDR);
    assert_eq!(m.flags, REQ | DUMP);
    assert_eq!(m.payload.first(), Some(&F_INET6));
    assert!(m.payload[1..].iter().all(|&b| b == 0));
}

#[test]
fn rtgenmsg_20_byte_request_with_junk_padding() {
    // busybox `ip`: rtgenmsg + 3 uninitialised bytes, nlmsg_len 20. Linux reads only the family
    // from a payload shorter than the family header (`rtnl_dump_ifinfo`, `inet_dump_ifaddr`).
    let req = msg(GETADDR, REQ | DUMP, 2, 0, &[L_INET6, 0xde, 0xad, 0xbe]);
    let m = parse_one(&to_fb(&req).unwrap());
    assert_eq!(m.payload[0], F_INET6);
    let req = msg(GETLINK, REQ | DUMP, 3, 0, &[L_PACKET, 0, 0, 0]);
    let m = parse_one(&to_fb(&req).unwrap());
    assert_eq!(m.payload[0], 0, "AF_PACKET link dump becomes AF_UNSPEC");
}

#[test]
fn rtgenmsg_junk_never_becomes_a_filter() {
    let req = msg(GETLINK, REQ | DUMP, 3, 0, &[L_PACKET, 0x55, 0x01, 0x00]);
    let m = parse_one(&to_fb(&req).unwrap());
    assert_eq!(m.payload[0], 0);
    assert!(m.payload[1..].iter().all(|&b| b == 0), "{:?}", m.payload);
}

// ------------------------------------------------------- lenient and strict dumps

/// A strict socket's context (`NETLINK_GET_STRICT_CHK`).
fn strict() -> Ctx<'static> {
    ctx().with_strict(true)
}

#[test]
fn vishvananda_address_and_route_dumps_with_an_ifinfomsg_header() {
    // vishvananda/netlink AddrList/RouteList: a 16-byte ifinfomsg (family AF_INET6) where
    // ifaddrmsg (8) / rtmsg (12) belongs. Linux non-strict reads only the family
    // (`inet6_dump_addr`, `inet_dump_fib`): FreeBSD must get a plain family-only dump.
    let ifi = ifinfomsg(L_INET6, 0, 0, 0, 0);
    for (ty, hlen) in [(GETADDR, 8), (GETROUTE, 12)] {
        let req = msg(ty, REQ | DUMP, 7, 0, &ifi);
        let m = parse_one(&to_fb(&req).unwrap());
        assert_eq!((m.ty, m.flags, m.seq), (ty, REQ | DUMP, 7));
        assert_eq!(
            m.payload.len(),
            hlen,
            "no attributes made of the ifinfomsg tail"
        );
        assert_eq!(m.payload[0], F_INET6);
        assert!(m.payload[1..].iter().all(|&b| b == 0));
        // Strict: the tail is a zero-length attribute, refused as Linux refuses it.
        let e = to_fb_fill(&strict(), &req, 0).unwrap_err();
        assert_eq!(
            e,
            Error::Invalid {
                off: 16 + hlen as u32,
                reason: "bytes leftover after parsing attributes"
            }
        );
    }
}

#[test]
fn non_strict_dump_header_fields_never_filter() {
    // ifi_index 2 in a link dump: Linux non-strict dumps every link (`rtnl_dump_ifinfo`);
    // FreeBSD's `rtnl_handle_getlink` would answer only index 2.
    let req = rmsg(
        GETLINK,
        REQ | DUMP,
        &ifinfomsg(0, 1, 2, 1, 1),
        &[a_str(3, "eth0")],
    );
    let m = parse_one(&to_fb(&req).unwrap());
    assert_eq!(m.payload, vec![0u8; 16]);
    // Strict: Linux's own texts (`rtnl_valid_dump_ifinfo_req`).
    let e = to_fb_fill(&strict(), &req, 0).unwrap_err();
    assert_eq!(
        e,
        Error::Invalid {
            off: 16,
            reason: "Invalid values in header for link dump request"
        }
    );
    let req = rmsg(GETLINK, REQ | DUMP, &ifinfomsg(0, 0, 2, 0, 0), &[]);
    assert!(matches!(
        to_fb_fill(&strict(), &req, 0),
        Err(Error::Invalid {
            reason: "Filter by device index not supported for link dumps",
            ..
        })
    ));
}

#[test]
fn strict_dumps_pass_with_their_filters() {
    // iproute2 `ip -6 addr show dev eth0`: strict, ifa_index = 2 (eth0 → em0 is index 1 on
    // the test host, so only the family changes), IFLA_EXT_MASK on link dumps.
    let req = rmsg(GETADDR, REQ | DUMP, &ifaddrmsg(L_INET6, 0, 0, 0, 2), &[]);
    let m = parse_one(&to_fb_fill(&strict(), &req, 0).unwrap());
    assert_eq!(m.payload[0], F_INET6);
    assert_eq!(
        u32_at(&m.payload, 4),
        2,
        "a strict address dump filters on ifa_index"
    );
    let req = rmsg(
        GETLINK,
        REQ | DUMP,
        &ifinfomsg(0, 0, 0, 0, 0),
        &[a_u32(29, 1)],
    );
    assert!(to_fb_fill(&strict(), &req, 0).is_ok());
    let req = rmsg(
        GETROUTE,
        REQ | DUMP,
        &rtmsg(L_INET, 0, 0, 0, 0, 0, 0),
        &[a_u32(1, 0)],
    );
    assert_eq!(
        to_fb_fill(&strict(), &req, 0).unwrap_err(),
        Error::Invalid {
            off: 28,
            reason: "Unsupported attribute in dump request"
        }
    );
}

#[test]
fn neighbour_dump_keeps_its_ifindex_filter_only() {
    // `neigh_dump_info` honours NDA_IFINDEX in both modes; header junk is ignored non-strict.
    let req = rmsg(
        GETNEIGH,
        REQ | DUMP,
        &ndmsg(L_INET, 0, 0xff, 0, 7),
        &[a_u32(8, 2)],
    );
    let m = parse_one(&to_fb(&req).unwrap());
    assert_eq!(&m.payload[..12], &[L_INET, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(
        parse_attrs(&m.payload[12..]),
        vec![(8u16, 2u32.to_ne_bytes().to_vec())]
    );
    assert_eq!(
        to_fb_fill(&strict(), &req, 0).unwrap_err(),
        Error::Invalid {
            off: 16,
            reason: "Invalid values in header for neighbor dump request"
        }
    );
}

#[test]
fn non_dump_requests_are_not_normalized() {
    // A GET without NLM_F_DUMP is a lookup: its index must reach FreeBSD.
    let req = rmsg(GETLINK, REQ, &ifinfomsg(0, 0, 2, 0, 0), &[]);
    let m = parse_one(&to_fb_fill(&strict(), &req, 0).unwrap());
    assert_eq!(i32_at(&m.payload, 4), 2);
}

// ------------------------------------------------------------------ RTA_VIA

/// Linux `struct rtvia`: u16 family + address; FreeBSD: u8 family + address.
fn l_via() -> Vec<u8> {
    let mut p = u16::from(L_INET6).to_ne_bytes().to_vec();
    p.extend_from_slice(&V6GW);
    attr(18, &p)
}
fn f_via() -> Vec<u8> {
    let mut p = vec![F_INET6];
    p.extend_from_slice(&V6GW);
    attr(18, &p)
}

#[test]
fn rta_via_linux_to_freebsd() {
    let req = rmsg(
        NEWROUTE,
        REQ | ACK | CREATE,
        &rtmsg(L_INET, 24, 254, 3, 0, 1, 0),
        &[attr(1, &[10, 1, 2, 0]), l_via()],
    );
    let out = parse_one(&to_fb(&req).unwrap());
    let a = attrs_of(&out, 12);
    let via = find(&a, 18).unwrap();
    assert_eq!(via.len(), 17);
    assert_eq!(via[0], F_INET6);
    assert_eq!(&via[1..], &V6GW);
}

#[test]
fn rta_via_freebsd_to_linux() {
    let rep = rmsg(
        NEWROUTE,
        MULTI,
        &rtmsg(L_INET, 24, 0, 4, 0, 1, 0),
        &[attr(1, &[10, 1, 2, 0]), f_via(), a_u32(4, 2)],
    );
    let out = parse_one(&to_lx(&rep).unwrap());
    let a = attrs_of(&out, 12);
    let via = find(&a, 18).unwrap();
    assert_eq!(via.len(), 18);
    assert_eq!(u16::from_ne_bytes([via[0], via[1]]), 10);
    assert_eq!(&via[2..], &V6GW);
    assert_eq!(pu32(find(&a, 4).unwrap()), 2);
}

/// `(rtnh_flags, rtnh_hops, rtnh_ifindex, attributes)` of each nexthop.
type Hop = (u8, u8, i32, Vec<(u16, Vec<u8>)>);

fn hops_of(p: &[u8]) -> Vec<Hop> {
    let mut v = Vec::new();
    let mut off = 0;
    while off < p.len() {
        let len = u16::from_ne_bytes([p[off], p[off + 1]]) as usize;
        assert!(len >= 8 && off + len <= p.len(), "rtnh_len {len}");
        v.push((
            p[off + 2],
            p[off + 3],
            i32_at(p, off + 4),
            parse_attrs(&p[off + 8..off + len]),
        ));
        off += (len + 3) & !3;
    }
    v
}

#[test]
fn rta_via_inside_multipath_both_ways() {
    let mp_l = attr(
        9,
        &[rtnh(0, 0, 2, &[l_via()]), rtnh(0, 4, 3, &[l_via()])].concat(),
    );
    let req = rmsg(
        NEWROUTE,
        REQ | ACK | CREATE,
        &rtmsg(L_INET, 24, 254, 3, 0, 1, 0),
        &[attr(1, &[10, 1, 2, 0]), mp_l],
    );
    let out = parse_one(&to_fb(&req).unwrap());
    let hops = hops_of(find(&attrs_of(&out, 12), 9).unwrap());
    assert_eq!(hops.len(), 2);
    for (_, _, _, a) in &hops {
        let via = find(a, 18).unwrap();
        assert_eq!(via.len(), 17);
        assert_eq!(via[0], F_INET6);
    }

    let mp_f = attr(
        9,
        &[rtnh(0, 1, 2, &[f_via()]), rtnh(0, 5, 3, &[f_via()])].concat(),
    );
    let rep = rmsg(NEWROUTE, MULTI, &rtmsg(L_INET, 24, 0, 4, 0, 1, 0), &[mp_f]);
    let out = parse_one(&to_lx(&rep).unwrap());
    let hops = hops_of(find(&attrs_of(&out, 12), 9).unwrap());
    assert_eq!(hops.len(), 2);
    assert_eq!(hops[0].2, 2);
    assert_eq!(hops[1].2, 3);
    for (_, _, _, a) in &hops {
        let via = find(a, 18).unwrap();
        assert_eq!(via.len(), 18);
        assert_eq!(&via[..2], &10u16.to_ne_bytes());
    }
}

#[test]
fn multipath_weights() {
    // FreeBSD rtnh_hops = weight (`rt.c dump_rc_nhg`); Linux rtnh_hops = weight - 1.
    let mp_f = attr(
        9,
        &[
            rtnh(0, 1, 2, &[attr(5, &[10, 0, 0, 2])]),
            rtnh(0, 3, 3, &[attr(5, &[10, 0, 0, 3])]),
        ]
        .concat(),
    );
    let rep = rmsg(NEWROUTE, MULTI, &rtmsg(L_INET, 24, 0, 4, 0, 1, 0), &[mp_f]);
    let out = parse_one(&to_lx(&rep).unwrap());
    let hops = hops_of(find(&attrs_of(&out, 12), 9).unwrap());
    assert_eq!(hops.iter().map(|h| h.1).collect::<Vec<_>>(), vec![0, 2]);

    let mp_l = attr(9, &[rtnh(0, 0, 2, &[]), rtnh(0, 9, 3, &[])].concat());
    let req = rmsg(NEWROUTE, REQ, &rtmsg(L_INET, 24, 254, 3, 0, 1, 0), &[mp_l]);
    let out = parse_one(&to_fb(&req).unwrap());
    let hops = hops_of(find(&attrs_of(&out, 12), 9).unwrap());
    assert_eq!(hops.iter().map(|h| h.1).collect::<Vec<_>>(), vec![1, 10]);
}

// ------------------------------------------------------------------ links

#[test]
fn ifi_flags_freebsd_to_linux() {
    // FreeBSD `sys/net/if.h`: UP 0x1, BROADCAST 0x2, DRV_RUNNING 0x40, MULTICAST 0x8000,
    // IFF_NETLINK_1 (lower up) 0x1000000; FreeBSD-only: NEEDSEPOCH 0x20, OACTIVE 0x400,
    // SIMPLEX 0x800, LINK0-2 0x1000-0x4000, CANTCONFIG 0x10000, PPROMISC 0x20000, MONITOR
    // 0x40000, STATICARP 0x80000 ... PALLMULTI 0x800000.
    let freebsd_only = 0x20 | 0x400 | 0x800 | 0x7000 | 0x10000 | 0x20000 | 0x40000 | 0xF8_0000;
    let flags = 0x1 | 0x2 | 0x40 | 0x8000 | 0x100_0000 | freebsd_only;
    let rep = rmsg(
        NEWLINK,
        MULTI,
        &ifinfomsg(0, IFT_ETHER, 2, flags, 0x8001 | 0x800),
        &[a_str(3, "em0")],
    );
    let out = parse_one(&to_lx(&rep).unwrap());
    let h = hdr(&out);
    // Linux: UP 0x1, BROADCAST 0x2, RUNNING 0x40, MULTICAST 0x1000, LOWER_UP 0x10000.
    assert_eq!(
        u32_at(h, 8),
        0x1 | 0x2 | 0x40 | 0x1000 | 0x10000,
        "{:#x}",
        u32_at(h, 8)
    );
    assert_eq!(u32_at(h, 12), 0x1001, "ifi_change {:#x}", u32_at(h, 12));
}

#[test]
fn ifi_flags_linux_to_freebsd() {
    // Linux-only: MASTER 0x400, SLAVE 0x800, PORTSEL 0x2000, AUTOMEDIA 0x4000, DYNAMIC 0x8000,
    // DORMANT 0x20000, ECHO 0x40000.
    let lonly = 0x400 | 0x800 | 0x2000 | 0x4000 | 0x8000 | 0x20000 | 0x40000;
    let req = rmsg(
        NEWLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 2, 0x1 | 0x1000 | 0x10000 | lonly, 0x1001 | lonly),
        &[],
    );
    let out = parse_one(&to_fb(&req).unwrap());
    let h = hdr(&out);
    assert_eq!(
        u32_at(h, 8),
        0x1 | 0x8000 | 0x100_0000,
        "{:#x}",
        u32_at(h, 8)
    );
    assert_eq!(u32_at(h, 12), 0x8001, "{:#x}", u32_at(h, 12));
}

#[test]
fn ifi_running_follows_operstate() {
    // Linux derives RUNNING from the operational state (`dev_get_flags`): DRV_RUNNING with
    // IF_OPER_DOWN (2) is not running; IF_OPER_DORMANT (5) sets DORMANT 0x20000.
    let link = |flags: u32, oper: u8| {
        let rep = rmsg(
            NEWLINK,
            MULTI,
            &ifinfomsg(0, IFT_ETHER, 2, flags, 0),
            &[a_str(3, "em0"), a_u8(16, oper)],
        );
        u32_at(hdr(&parse_one(&to_lx(&rep).unwrap())), 8)
    };
    assert_eq!(link(0x1 | 0x40, 2) & 0x40, 0);
    assert_eq!(link(0x1, 6) & 0x40, 0x40);
    assert_eq!(link(0x1 | 0x40, 5) & 0x20040, 0x20000);
}

#[test]
fn ift_to_arphrd() {
    // FreeBSD `if_types.h` -> Linux `if_arp.h`.
    let cases: &[(u16, u16)] = &[
        (0x06, 1),      // ETHER
        (0x18, 772),    // LOOP -> LOOPBACK
        (0xd1, 1),      // BRIDGE -> ETHER
        (0x87, 1),      // L2VLAN -> ETHER
        (0xa1, 1),      // IEEE8023ADLAG -> ETHER
        (0x01, 0xfffe), // OTHER -> NONE (raw 1 would read as ARPHRD_ETHER)
        (0x17, 0xfffe), // PPP (tun) -> NONE
        (0xf0, 768),    // GIF -> TUNNEL
        (0xd7, 776),    // STF -> SIT
        (0xf6, 0xfffe), // PFLOG -> NONE
        (0xfe, 0xfffe), // unknown -> NONE
    ];
    for &(ift, arphrd) in cases {
        let rep = rmsg(NEWLINK, MULTI, &ifinfomsg(0, ift, 4, 1, 0), &[]);
        let out = parse_one(&to_lx(&rep).unwrap());
        let ty = u16::from_ne_bytes([hdr(&out)[2], hdr(&out)[3]]);
        assert_eq!(ty, arphrd, "IFT {ift:#x}");
    }
}

#[test]
fn arphrd_to_ift_in_requests() {
    for (arphrd, ift) in [(0u16, 0u16), (1, 6), (772, 0x18)] {
        let req = rmsg(NEWLINK, REQ, &ifinfomsg(0, arphrd, 2, 0, 0), &[]);
        let out = parse_one(&to_fb(&req).unwrap());
        assert_eq!(u16::from_ne_bytes([hdr(&out)[2], hdr(&out)[3]]), ift);
    }
}

#[test]
fn link_family_in_replies_and_requests() {
    // FreeBSD dumps links with AF_UNSPEC; `ip link` asks with AF_PACKET; AF_BRIDGE (7) has no
    // FreeBSD counterpart.
    let req = rmsg(GETLINK, REQ | DUMP, &ifinfomsg(L_PACKET, 0, 0, 0, 0), &[]);
    assert_eq!(hdr(&parse_one(&to_fb(&req).unwrap()))[0], 0);
    let req = rmsg(GETLINK, REQ | DUMP, &ifinfomsg(7, 0, 0, 0, 0), &[]);
    assert!(matches!(to_fb(&req), Err(Error::Family { family: 7, .. })));
}

fn link_reply(index: i32, ift: u16, attrs: &[Vec<u8>]) -> Vec<u8> {
    rmsg(NEWLINK, MULTI, &ifinfomsg(0, ift, index, 0x1, 0), attrs)
}

fn linux_link_attrs(rep: &[u8]) -> Vec<(u16, Vec<u8>)> {
    attrs_of(&parse_one(&to_lx(rep).unwrap()), 16)
}

#[test]
fn names_freebsd_to_linux() {
    for (index, ift, bsd, lx) in [
        (1, IFT_LOOP, "lo0", "lo"),
        (2, IFT_ETHER, "em0", "eth0"),
        (3, IFT_ETHER, "em1", "eth1"),
        (4, IFT_BRIDGE, "bridge0", "bridge0"),
        (5, IFT_LOOP, "lo1", "lo1"),
    ] {
        let a = linux_link_attrs(&link_reply(index, ift, &[a_str(3, bsd), a_str(53, bsd)]));
        assert_eq!(cstr(find(&a, 3).unwrap()), lx, "IFLA_IFNAME {bsd}");
        assert_eq!(cstr(find(&a, 53).unwrap()), lx, "IFLA_ALT_IFNAME {bsd}");
    }
    let rep = rmsg(
        NEWADDR,
        MULTI,
        &ifaddrmsg(2, 24, 0, 0, 3),
        &[attr(1, &[10, 0, 0, 1]), a_str(3, "em1")],
    );
    let a = attrs_of(&parse_one(&to_lx(&rep).unwrap()), 8);
    assert_eq!(cstr(find(&a, 3).unwrap()), "eth1", "IFA_LABEL");
}

#[test]
fn names_linux_to_freebsd() {
    for (lx, bsd) in [
        ("lo", "lo0"),
        ("eth0", "em0"),
        ("eth1", "em1"),
        ("bridge0", "bridge0"),
        ("em0", "em0"),
        ("veth9", "veth9"),
    ] {
        let req = rmsg(
            GETLINK,
            REQ,
            &ifinfomsg(0, 0, 0, 0, 0),
            &[a_str(3, lx), a_str(53, lx)],
        );
        let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 16);
        assert_eq!(cstr(find(&a, 3).unwrap()), bsd, "IFLA_IFNAME {lx}");
        assert_eq!(cstr(find(&a, 53).unwrap()), bsd, "IFLA_ALT_IFNAME {lx}");
    }
    let req = rmsg(
        NEWADDR,
        REQ,
        &ifaddrmsg(2, 24, 0, 0, 2),
        &[attr(2, &[10, 0, 0, 1]), a_str(3, "eth0")],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 8);
    assert_eq!(cstr(find(&a, 3).unwrap()), "em0");
}

#[test]
fn real_ifnames_switch() {
    let host = TestHost { real: true };
    let c = Ctx::new(&host, Proto::Route);
    let rep = link_reply(2, IFT_ETHER, &[a_str(3, "em0")]);
    let out = to_lx_fill(&c, &rep, 0).unwrap();
    assert_eq!(
        cstr(find(&attrs_of(&parse_one(&out), 16), 3).unwrap()),
        "em0"
    );
}

#[test]
fn ifla_ids_from_59_renumbered() {
    // Linux `if_link.h`: TSO_MAX_SIZE 59, TSO_MAX_SEGS 60, ALLMULTI 61, DEVLINK_PORT 62,
    // GSO_IPV4_MAX_SIZE 63, GRO_IPV4_MAX_SIZE 64. FreeBSD `route/interface.h` lacks
    // TSO_MAX_SIZE: TSO_MAX_SEGS 59 ... GRO_IPV4_MAX_SIZE 63.
    let req = rmsg(
        NEWLINK,
        REQ,
        &ifinfomsg(0, 0, 2, 0, 0),
        &[
            a_u32(59, 0x59),
            a_u32(60, 0x60),
            a_u32(61, 0x61),
            a_u32(62, 0x62),
            a_u32(63, 0x63),
            a_u32(64, 0x64),
        ],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 16);
    let got: Vec<(u16, u32)> = a.iter().map(|(t, p)| (*t, pu32(p))).collect();
    assert_eq!(
        got,
        vec![(59, 0x60), (60, 0x61), (61, 0x62), (62, 0x63), (63, 0x64)]
    );

    let rep = link_reply(
        2,
        IFT_ETHER,
        &[
            a_u32(59, 0x60),
            a_u32(60, 0x61),
            a_u32(61, 0x62),
            a_u32(62, 0x63),
            a_u32(63, 0x64),
        ],
    );
    let a = linux_link_attrs(&rep);
    for (id, v) in [
        (60u16, 0x60u32),
        (61, 0x61),
        (62, 0x62),
        (63, 0x63),
        (64, 0x64),
    ] {
        assert_eq!(pu32(find(&a, id).unwrap()), v, "IFLA {id}");
    }
    assert!(find(&a, 59).is_none(), "FreeBSD has no TSO_MAX_SIZE");
}

#[test]
fn ifla_freebsd_dropped_orig_hwaddr_becomes_perm_address() {
    let mac = [2u8, 0, 0, 0, 0, 2];
    let orig = [2u8, 0, 0, 0, 0, 0x99];
    let fb = nest(64, &[a_str(1, "em0"), attr(2, &orig), attr(3, &[0xff; 8])]);
    let a = linux_link_attrs(&link_reply(
        2,
        IFT_ETHER,
        &[a_str(3, "em0"), attr(1, &mac), fb],
    ));
    assert!(
        find(&a, 64).is_none(),
        "IFLA_FREEBSD leaked as IFLA_GRO_IPV4_MAX_SIZE"
    );
    assert_eq!(find(&a, 54).unwrap(), &orig.to_vec(), "IFLA_PERM_ADDRESS");
    assert_eq!(find(&a, 1).unwrap(), &mac.to_vec());
}

#[test]
fn ifla_qdisc_txqlen_synthesized_once() {
    let a = linux_link_attrs(&link_reply(2, IFT_ETHER, &[a_str(3, "em0")]));
    assert_eq!(cstr(find(&a, 6).unwrap()), "noqueue");
    assert_eq!(pu32(find(&a, 13).unwrap()), 1000);
    let a = linux_link_attrs(&link_reply(
        2,
        IFT_ETHER,
        &[a_str(3, "em0"), a_u32(13, 500)],
    ));
    assert_eq!(a.iter().filter(|x| x.0 == 13).count(), 1);
    assert_eq!(pu32(find(&a, 13).unwrap()), 500);
    assert_eq!(a.iter().filter(|x| x.0 == 6).count(), 1);
    // Linux QDISC in a request has no FreeBSD counterpart.
    let req = rmsg(NEWLINK, REQ, &ifinfomsg(0, 0, 2, 0, 0), &[a_str(6, "fq")]);
    assert!(attrs_of(&parse_one(&to_fb(&req).unwrap()), 16).is_empty());
}

#[test]
fn ifla_stats64_resized() {
    let lsize = core::mem::size_of::<linux_abi::rtnl_link_stats64>();
    let fsize = 24 * 8; // FreeBSD: 24 u64 counters ending at rx_nohandler.
    assert!(lsize > fsize);
    let fstats: Vec<u8> = (0..fsize).map(|i| i as u8 | 1).collect();
    let a = linux_link_attrs(&link_reply(2, IFT_ETHER, &[attr(23, &fstats)]));
    let s = find(&a, 23).unwrap();
    assert_eq!(s.len(), lsize);
    assert_eq!(&s[..fsize], &fstats[..]);
    assert!(s[fsize..].iter().all(|&b| b == 0));

    let lstats: Vec<u8> = (0..lsize).map(|i| i as u8 | 1).collect();
    let req = rmsg(
        NEWLINK,
        REQ,
        &ifinfomsg(0, 0, 2, 0, 0),
        &[attr(23, &lstats)],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 16);
    assert_eq!(find(&a, 23).unwrap(), &lstats[..fsize].to_vec());
}

#[test]
fn ifla_ext_mask_dropped() {
    // A lookup (no NLM_F_DUMP): a dump request keeps no attribute at all (see
    // `non_strict_dump_header_fields_never_filter`).
    let req = rmsg(
        GETLINK,
        REQ,
        &ifinfomsg(L_PACKET, 0, 0, 0, 0),
        &[a_u32(29, 1), a_u32(4, 1500)],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 16);
    assert_eq!(ids(&a), vec![4]);
}

// ------------------------------------------------------------------ addresses

#[test]
fn ifa_flags_header_mirrors_ifa_flags_attribute() {
    // Linux `if_addr.h`: DEPRECATED 0x20, PERMANENT 0x80, MANAGETEMPADDR 0x100.
    // `struct ifa_cacheinfo` {prefered, valid, cstamp, tstamp}; 0xFFFFFFFF = forever.
    let reply = |flags: u32, valid: u32| {
        let ci = [3600u32, valid, 0, 0].map(u32::to_ne_bytes).concat();
        let rep = rmsg(
            NEWADDR,
            MULTI,
            &ifaddrmsg(F_INET6, 64, 0, 0, 2),
            &[attr(1, &V6), a_u32(8, flags), attr(6, &ci)],
        );
        let m = parse_one(&to_lx(&rep).unwrap());
        (hdr(&m)[2], pu32(find(&attrs_of(&m, 8), 8).unwrap()))
    };
    assert_eq!(reply(0xa0, 7200), (0xa0, 0xa0));
    assert_eq!(reply(0x100 | 0x20, 7200), (0x20, 0x120));
    // A non-expiring address is PERMANENT on Linux (iproute2: no "dynamic").
    assert_eq!(reply(0x20, u32::MAX), (0xa0, 0xa0));
}

#[test]
fn ifa_freebsd_and_ifa_proto_share_id_11() {
    let rep = rmsg(
        NEWADDR,
        MULTI,
        &ifaddrmsg(L_INET, 24, 0, 0, 2),
        &[
            attr(1, &[10, 0, 0, 1]),
            nest(11, &[a_u32(1, 5), a_u32(2, 0x40)]),
        ],
    );
    let a = attrs_of(&parse_one(&to_lx(&rep).unwrap()), 8);
    // IFA_FREEBSD dropped; Linux's IPv4 form always has IFA_FLAGS and IFA_CACHEINFO.
    assert_eq!(ids(&a), vec![1, 8, 6]);
    let req = rmsg(
        NEWADDR,
        REQ,
        &ifaddrmsg(L_INET, 24, 0, 0, 2),
        &[attr(2, &[10, 0, 0, 1]), a_u8(11, 4)],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 8);
    assert_eq!(ids(&a), vec![2]);
}

// ------------------------------------------------------------------ routes

#[test]
fn route_tables_linux_to_freebsd() {
    // Linux main 254 / unspec 0; FreeBSD main 0 / unspec 0xFFFFFFFF (`route/route.h`).
    for (hdr_in, rta_in, hdr_out, rta_out) in [
        (254u8, 254u32, 0u8, 0u32),
        (0, 0, 0, 0xFFFF_FFFF),
        (100, 100, 100, 100),
    ] {
        let req = rmsg(
            NEWROUTE,
            REQ,
            &rtmsg(L_INET, 24, hdr_in, 3, 0, 1, 0),
            &[attr(1, &[10, 1, 0, 0]), a_u32(15, rta_in)],
        );
        let m = parse_one(&to_fb(&req).unwrap());
        assert_eq!(hdr(&m)[4], hdr_out, "rtm_table {hdr_in}");
        assert_eq!(
            pu32(find(&attrs_of(&m, 12), 15).unwrap()),
            rta_out,
            "RTA_TABLE {rta_in}"
        );
    }
}

#[test]
fn route_tables_freebsd_to_linux() {
    for (hdr_in, rta_in, hdr_out, rta_out) in [
        (0u8, 0u32, 254u8, 254u32),
        (5, 5, 5, 5),
        // The Linux header follows RTA_TABLE (fib_dump_info): unspec 0 in both.
        (0, 0xFFFF_FFFF, 0, 0),
        // FreeBSD leaves the header 0 for fibs ≥ 255; Linux writes RT_TABLE_COMPAT 252.
        (0, 300, 252, 300),
    ] {
        let rep = rmsg(
            NEWROUTE,
            MULTI,
            &rtmsg(L_INET, 24, hdr_in, 4, 0, 1, 0),
            &[a_u32(15, rta_in), attr(1, &[10, 1, 0, 0])],
        );
        let m = parse_one(&to_lx(&rep).unwrap());
        assert_eq!(hdr(&m)[4], hdr_out, "rtm_table {hdr_in}");
        assert_eq!(
            pu32(find(&attrs_of(&m, 12), 15).unwrap()),
            rta_out,
            "RTA_TABLE {rta_in:#x}"
        );
    }
}

#[test]
fn freebsd_rta_10_13_14_never_leak() {
    // FreeBSD NL_RTA_KNH_ID 10, NL_RTA_WEIGHT 13, NL_RTA_RTFLAGS 14 are Linux RTA_PROTOINFO,
    // RTA_SESSION, RTA_MP_ALGO.
    let mp = attr(
        9,
        &rtnh(
            0,
            1,
            2,
            &[attr(5, &[10, 0, 0, 2]), a_u32(14, 0x800), a_u32(13, 1)],
        ),
    );
    let rep = rmsg(
        NEWROUTE,
        MULTI,
        &rtmsg(L_INET, 24, 0, 4, 0, 1, 0),
        &[
            a_u32(15, 0),
            attr(1, &[10, 1, 0, 0]),
            a_u32(10, 7),
            a_u32(13, 3),
            a_u32(14, 0x803),
            mp,
        ],
    );
    let m = parse_one(&to_lx(&rep).unwrap());
    let a = attrs_of(&m, 12);
    assert_eq!(ids(&a), vec![15, 1, 9]);
    let hops = hops_of(find(&a, 9).unwrap());
    assert_eq!(ids(&hops[0].3), vec![5]);
    // And the obsolete Linux ids never reach FreeBSD as its private ones.
    let req = rmsg(
        NEWROUTE,
        REQ,
        &rtmsg(L_INET, 24, 254, 3, 0, 1, 0),
        &[
            attr(1, &[10, 1, 0, 0]),
            a_u32(10, 1),
            a_u32(13, 1),
            a_u32(14, 1),
        ],
    );
    assert_eq!(
        ids(&attrs_of(&parse_one(&to_fb(&req).unwrap()), 12)),
        vec![1]
    );
}

// ------------------------------------------------------------------ nexthops

#[test]
fn nha_freebsd_and_nha_op_flags_share_id_14() {
    let rep = rmsg(
        NEWNEXTHOP,
        MULTI,
        &nhmsg(L_INET, 0, 3, 0),
        &[
            a_u32(1, 7),
            nest(14, &[a_u32(5, 9), a_u32(4, 2)]),
            a_u32(5, 2),
        ],
    );
    let a = attrs_of(&parse_one(&to_lx(&rep).unwrap()), 8);
    assert_eq!(ids(&a), vec![1, 5]);
    let req = rmsg(
        NEWNEXTHOP,
        REQ,
        &nhmsg(L_INET, 0, 3, 0),
        &[a_u32(1, 7), a_u32(14, 1)],
    );
    assert_eq!(
        ids(&attrs_of(&parse_one(&to_fb(&req).unwrap()), 8)),
        vec![1]
    );
}

// ------------------------------------------------------------------ errors and DONE

/// A FreeBSD NLMSG_ERROR: positive errno, echo, then TLVs.
fn f_error(errno: i32, flags: u16, echo: &[u8], tlvs: &[Vec<u8>]) -> Vec<u8> {
    let mut p = errno.to_ne_bytes().to_vec();
    p.extend_from_slice(echo);
    pad4(&mut p);
    for t in tlvs {
        p.extend_from_slice(t);
    }
    msg(ERROR, flags, 7, 99, &p)
}

#[test]
fn nlmsg_error_errno_remapped_and_sign_flipped() {
    // FreeBSD ENODEV 19 -> Linux -19; EAGAIN 35 -> -11; EOPNOTSUPP 45 -> -95;
    // EAFNOSUPPORT 47 -> -97; 0 (ack) stays 0.
    let echo = rmsg(GETLINK, REQ, &ifinfomsg(0, 0, 9, 0, 0), &[]);
    for (fb, lx) in [(19, -19), (35, -11), (45, -95), (47, -97), (0, 0)] {
        let out = parse_one(&to_lx(&f_error(fb, 0, &echo, &[])).unwrap());
        assert_eq!(out.ty, ERROR);
        assert_eq!(i32_at(&out.payload, 0), lx, "FreeBSD {fb}");
    }
}

#[test]
fn nlmsg_error_echo_translated_and_offs_repointed() {
    // FreeBSD echo: NEWLINK ifindex 2, IFNAME "em0" (8 bytes), MTU. Linux echo: "eth0"
    // (12 bytes), so MTU moves from offset 40 to 44 (offsets count from the echoed nlmsghdr).
    let echo = rmsg(
        NEWLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 2, 0x8001, 0x8001),
        &[a_str(3, "em0"), a_u32(4, 99)],
    );
    assert_eq!(u16::from_ne_bytes([echo[42], echo[43]]), 4);
    let rep = f_error(22, ACK_TLVS, &echo, &[a_str(1, "bad mtu"), a_u32(2, 40)]);
    let out = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(i32_at(&out.payload, 0), -22);
    let inner = parse_msgs(&out.payload[4..4 + u32_at(&out.payload, 4) as usize]);
    let e = &inner[0];
    assert_eq!(e.ty, NEWLINK);
    assert_eq!(u32_at(&e.payload, 8), 0x1001, "echo ifi_flags translated");
    let ea = attrs_of(e, 16);
    assert_eq!(cstr(find(&ea, 3).unwrap()), "eth0");
    let tl = parse_attrs(&out.payload[4 + ((e.len as usize + 3) & !3)..]);
    assert_eq!(cstr(find(&tl, 1).unwrap()), "bad mtu");
    let offs = pu32(find(&tl, 2).unwrap()) as usize;
    assert_eq!(offs, 44);
    let echo_bytes = &out.payload[4..];
    assert_eq!(
        u16::from_ne_bytes([echo_bytes[offs + 2], echo_bytes[offs + 3]]),
        4
    );
}

#[test]
fn nlmsg_error_echoes_original_request_when_kept() {
    let orig = rmsg(
        NEWLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 2, 0x1001, 0x1001),
        &[a_str(3, "eth0"), a_u32(4, 99)],
    );
    let fb_req = to_fb(&orig).unwrap();
    let rep = f_error(22, ACK_TLVS, &fb_req, &[a_u32(2, 40)]);
    let c = ctx().with_request(Some(&orig));
    let out = parse_one(&to_lx_fill(&c, &rep, 0x33).unwrap());
    assert_eq!(&out.payload[4..4 + orig.len()], &orig[..]);
    let tl = parse_attrs(&out.payload[4 + orig.len()..]);
    assert_eq!(pu32(find(&tl, 2).unwrap()), 44);
}

#[test]
fn nlmsg_error_capped() {
    let echo = rmsg(
        NEWADDR,
        REQ | ACK,
        &ifaddrmsg(F_INET6, 64, 0, 0, 2),
        &[attr(1, &V6)],
    );
    let rep = f_error(17, CAPPED, &echo[..16], &[]);
    let out = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(out.flags & CAPPED, CAPPED);
    assert_eq!(out.payload.len(), 20);
    assert_eq!(i32_at(&out.payload, 0), -17);
    assert_eq!(
        u16::from_ne_bytes([out.payload[8], out.payload[9]]),
        NEWADDR
    );
}

#[test]
fn nlmsg_done_errno_and_multi() {
    let done = msg(DONE, 0, 5, 99, &35i32.to_ne_bytes());
    let out = parse_one(&to_lx(&done).unwrap());
    assert_eq!(out.ty, DONE);
    assert_eq!(out.flags & MULTI, MULTI);
    assert_eq!(out.payload, (-11i32).to_ne_bytes().to_vec());
    let done = msg(DONE, 0, 5, 99, &0i32.to_ne_bytes());
    assert_eq!(parse_one(&to_lx(&done).unwrap()).payload, vec![0; 4]);
    let bare = msg(DONE, 0, 5, 99, &[]);
    let out = parse_one(&to_lx(&bare).unwrap());
    assert_eq!(out.payload, vec![0; 4]);
    assert_eq!(out.flags & MULTI, MULTI);
}

#[test]
fn unknown_route_type_is_unsupported() {
    // RTM_NEWRULE 32 has no table.
    let req = rmsg(32, REQ, &rtmsg(L_INET, 0, 0, 0, 0, 1, 0), &[]);
    assert_eq!(to_fb(&req), Err(Error::Unsupported { msg_type: 32 }));
}

#[test]
fn untranslatable_dump_part_becomes_done_with_errno() {
    let good = rmsg(
        NEWADDR,
        MULTI,
        &ifaddrmsg(L_INET, 24, 0, 0, 2),
        &[attr(1, &[10, 0, 0, 1])],
    );
    let bad = rmsg(NEWADDR, MULTI, &ifaddrmsg(F_LINK, 0, 0, 0, 2), &[]);
    let good2 = rmsg(
        NEWADDR,
        MULTI,
        &ifaddrmsg(L_INET, 24, 0, 0, 3),
        &[attr(1, &[10, 0, 1, 1])],
    );
    let done = msg(DONE, 0, 7, 0, &0i32.to_ne_bytes());
    let input = [good, bad, good2, done].concat();
    let out = parse_msgs(&to_lx(&input).unwrap());
    assert_eq!(out.len(), 2, "{out:?}");
    assert_eq!(out[0].ty, NEWADDR);
    assert_eq!(out[1].ty, DONE);
    assert_eq!(out[1].flags & MULTI, MULTI);
    assert_eq!(i32_at(&out[1].payload, 0), -97, "EAFNOSUPPORT");
}

#[test]
fn untranslatable_single_reply_becomes_error() {
    let bad = rmsg(NEWADDR, 0, &ifaddrmsg(F_LINK, 0, 0, 0, 2), &[]);
    let out = parse_msgs(&to_lx(&bad).unwrap());
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].ty, ERROR);
    assert_eq!(i32_at(&out[0].payload, 0), -97);
    assert_eq!(&out[0].payload[4..20], &bad[..16]);
}

// ------------------------------------------------------------------ generic netlink

#[test]
fn nlctrl_and_other_genl_families_pass_through() {
    // GENL_ID_CTRL 16, CTRL_CMD_GETFAMILY 3, CTRL_ATTR_FAMILY_NAME 2.
    let req = rmsg(16, REQ, &[3, 2, 0, 0], &[a_str(2, "nl80211")]);
    assert_eq!(to_fb_fill(&gctx(), &req, 0x11).unwrap(), req);
    let ops = nest(6, &[nest(1, &[a_u32(1, 3), a_u32(2, 0xe)])]);
    let rep = rmsg(
        16,
        MULTI,
        &[1, 2, 0, 0],
        &[a_u16(1, 0x1d), a_str(2, "nl80211"), ops],
    );
    assert_eq!(to_lx_fill(&gctx(), &rep, 0x11).unwrap(), rep);
    let other = rmsg(0x1d, REQ, &[5, 1, 0, 0], &[a_u32(99, 1), a_u32(11, 2)]);
    assert_eq!(to_fb_fill(&gctx(), &other, 0x11).unwrap(), other);
    // Coming back, only the flags change: FreeBSD copied NLM_F_REQUEST from the request
    // (`nlmsg_reply()`); Linux sends 0 on what is not a dump part.
    let mut back = other.clone();
    back[6..8].copy_from_slice(&0u16.to_ne_bytes());
    assert_eq!(to_lx_fill(&gctx(), &other, 0x11).unwrap(), back);
}

// ------------------------------------------------------------------ buffers

#[test]
fn no_space_reports_needed_size() {
    let rep = link_reply(2, IFT_ETHER, &[a_str(3, "em0"), a_u32(4, 1500)]);
    let full = to_lx(&rep).unwrap();
    for size in [0, 16, full.len() - 1] {
        let mut small = vec![0u8; size];
        let r = nlcompat::to_linux(&ctx(), Freebsd::new(&rep), &mut small);
        assert_eq!(
            r.map(|x| x.bytes().len()),
            Err(Error::NoSpace {
                needed: full.len() as u32
            })
        );
    }
    let req = rmsg(GETLINK, REQ, &ifinfomsg(0, 0, 0, 0, 0), &[a_str(3, "eth0")]);
    let full = to_fb(&req).unwrap();
    let mut small = vec![0u8; full.len() - 4];
    let r = nlcompat::to_freebsd(&ctx(), Linux::new(&req), &mut small);
    assert_eq!(
        r.map(|x| x.bytes().len()),
        Err(Error::NoSpace {
            needed: full.len() as u32
        })
    );
}

#[test]
fn output_independent_of_destination_contents() {
    let rep = [
        link_reply(
            2,
            IFT_ETHER,
            &[a_str(3, "em0"), attr(1, &[2, 0, 0, 0, 0, 2])],
        ),
        rmsg(
            NEWROUTE,
            MULTI,
            &rtmsg(L_INET, 24, 0, 4, 0, 1, 0),
            &[f_via()],
        ),
        msg(DONE, 0, 7, 0, &0i32.to_ne_bytes()),
    ]
    .concat();
    assert_eq!(
        to_lx_fill(&ctx(), &rep, 0).unwrap(),
        to_lx_fill(&ctx(), &rep, 0xFF).unwrap()
    );
    let mut req = msg(GETADDR, REQ | DUMP, 1, 0, &[L_INET6]);
    req.truncate(17);
    let req = [
        req,
        vec![0, 0, 0],
        rmsg(
            NEWROUTE,
            REQ,
            &rtmsg(L_INET, 24, 254, 3, 0, 1, 0),
            &[l_via()],
        ),
    ]
    .concat();
    assert_eq!(
        to_fb_fill(&ctx(), &req, 0).unwrap(),
        to_fb_fill(&ctx(), &req, 0xFF).unwrap()
    );
}

#[test]
fn nda_flags_ext_shifted() {
    let req = rmsg(
        NEWNEIGH,
        REQ | CREATE,
        &ndmsg(L_INET, 2, 0x80, 0, 0),
        &[attr(1, &[10, 0, 0, 2]), a_u32(15, 0x1)],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 12);
    assert_eq!(pu32(find(&a, 15).unwrap()) & 0x100, 0x100);
    assert_eq!(pu32(find(&a, 15).unwrap()) & 0x1, 0);
    let rep = rmsg(
        NEWNEIGH,
        MULTI,
        &ndmsg(L_INET, 2, 0x2, 0, 0),
        &[a_u32(15, 0x100)],
    );
    let a = attrs_of(&parse_one(&to_lx(&rep).unwrap()), 12);
    assert_eq!(pu32(find(&a, 15).unwrap()), 0x1);
}

#[test]
fn nlmsg_error_echo_gets_no_synthesised_attributes() {
    let linux_req = rmsg(
        NEWLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 2, 0, 0),
        &[a_str(3, "eth0")],
    );
    let fb_req = to_fb(&linux_req).unwrap();
    let out = parse_one(&to_lx(&f_error(22, 0, &fb_req, &[])).unwrap());
    let echo_len = u32_at(&out.payload, 4) as usize;
    assert_eq!(&out.payload[4..4 + echo_len], &linux_req[..]);
}

#[test]
fn ipv6_newaddr_without_lifetimes_means_forever_on_freebsd() {
    // Linux: no IFA_CACHEINFO = INFINITY_LIFE_TIME; FreeBSD's handle_newaddr_inet6 would pass
    // 0/0 to in6_update_ifa, which adds nothing. The request must carry 0xFFFFFFFF lifetimes.
    let req = rmsg(
        20,
        REQ,
        &ifaddrmsg(L_INET6, 64, 0, 0, 2),
        &[attr(2, &V6), attr(1, &V6)],
    );
    let m = parse_one(&to_fb(&req).unwrap());
    let a = attrs_of(&m, 8);
    let ci = find(&a, 6).expect("IFA_CACHEINFO added");
    assert_eq!(&ci[..8], &[0xff; 8]);
    // With lifetimes given, they pass unchanged and nothing is added.
    let ci_in = [100u32, 200, 0, 0].map(u32::to_ne_bytes).concat();
    let req = rmsg(
        20,
        REQ,
        &ifaddrmsg(L_INET6, 64, 0, 0, 2),
        &[attr(2, &V6), attr(6, &ci_in)],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 8);
    assert_eq!(find(&a, 6).unwrap(), &ci_in[..]);
    assert_eq!(a.iter().filter(|(t, _)| *t == 6).count(), 1);
}

#[test]
fn route_get_reply_is_a_host_route_for_the_address_asked() {
    // `ip route get 192.0.2.77`: a single RTM_GETROUTE with RTA_DST. FreeBSD answers with the
    // matching prefix (192.0.2.0/24); Linux answers with the address itself, /32,
    // RTM_F_CLONED (0x200), protocol unspecified (net/ipv4/route.c rt_fill_info).
    let req = rmsg(
        26,
        REQ,
        &rtmsg(L_INET, 32, 0, 0, 0, 0, 0),
        &[attr(1, &[192, 0, 2, 77])],
    );
    let rep = rmsg(
        24,
        0,
        &rtmsg(L_INET, 24, 0, 2, 0, 1, 0),
        &[a_u32(15, 0), attr(1, &[192, 0, 2, 0]), a_u32(4, 2)],
    );
    let ctx = common::ctx().with_request(Some(&req));
    let m = parse_one(&to_lx_fill(&ctx, &rep, 0).unwrap());
    let h = hdr(&m);
    assert_eq!(h[1], 32, "rtm_dst_len");
    assert_eq!(h[5], 0, "rtm_protocol");
    assert_eq!(
        u32::from_ne_bytes(h[8..12].try_into().unwrap()) & 0x200,
        0x200
    );
    assert_eq!(find(&attrs_of(&m, 12), 1).unwrap(), &[192, 0, 2, 77]);
    // Without the request (a dump part or a notification) the prefix stays.
    let m = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(hdr(&m)[1], 24);
    assert_eq!(find(&attrs_of(&m, 12), 1).unwrap(), &[192, 0, 2, 0]);
}

#[test]
fn static_neighbours_permanent_on_linux_sticky_on_freebsd() {
    // ndmsg: family u8, pad, pad u16, ifindex i32, state u16, flags u8, type u8.
    let nd = |fam: u8, state: u16, flags: u8| {
        let mut h = vec![fam, 0, 0, 0];
        h.extend_from_slice(&2i32.to_ne_bytes());
        h.extend_from_slice(&state.to_ne_bytes());
        h.extend_from_slice(&[flags, 0]);
        h
    };
    // Linux NUD_PERMANENT 0x80 -> FreeBSD NTF_STICKY 0x40 with NUD_REACHABLE 0x02.
    let req = rmsg(28, REQ, &nd(L_INET, 0x80, 0), &[attr(1, &[192, 0, 2, 55])]);
    let m = parse_one(&to_fb(&req).unwrap());
    assert_eq!(&hdr(&m)[8..11], &[0x02, 0x00, 0x40]);
    // And back: a FreeBSD static entry is PERMANENT, without Linux's (bridge) NTF_STICKY.
    let rep = rmsg(
        28,
        MULTI,
        &nd(L_INET, 0x02, 0x40),
        &[attr(1, &[192, 0, 2, 55])],
    );
    let m = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(&hdr(&m)[8..11], &[0x80, 0x00, 0x00]);
    // Dynamic entries keep their state and flags.
    let rep = rmsg(
        28,
        MULTI,
        &nd(L_INET, 0x04, 0x80),
        &[attr(1, &[192, 0, 2, 1])],
    );
    let m = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(&hdr(&m)[8..11], &[0x04, 0x00, 0x80]);
}

// ------------------------------------------------------------------ reply flags

/// `nlmsg_flags` of `to_linux(freebsd)` with the request `req` kept in the context.
fn flags_back(c: &Ctx<'_>, freebsd: &[u8]) -> u16 {
    parse_one(&to_lx_fill(c, freebsd, 0).unwrap()).flags
}

// Flags not yet named above (`include/uapi/linux/netlink.h`, equal on FreeBSD).
const ECHO: u16 = 0x8;
const REPLACE: u16 = 0x100;
const EXCL: u16 = 0x200;
const DELROUTE: u16 = 25;
const DELNEXTHOP: u16 = 105;
const GETNEXTHOP: u16 = 106;

#[test]
fn replies_to_get_requests_carry_no_flags() {
    // FreeBSD's nlmsg_reply() ORs the request's flags in; Linux's doit handlers pass 0.
    for (get, new, hdr) in [
        (GETLINK, NEWLINK, ifinfomsg(0, IFT_ETHER, 2, 1, 0)),
        (GETADDR, NEWADDR, ifaddrmsg(2, 24, 0, 0, 2)),
        (GETROUTE, NEWROUTE, rtmsg(2, 32, 254, 4, 0, 1, 0)),
        (GETNEIGH, NEWNEIGH, ndmsg(2, 2, 0x80, 0, 1)),
        (GETNEXTHOP, NEWNEXTHOP, nhmsg(2, 0, 4, 0)),
    ] {
        let req = rmsg(get, REQ | ACK, &hdr, &[]);
        let c = ctx().with_request(Some(&req));
        let rep = rmsg(new, REQ | ACK, &hdr, &[]);
        assert_eq!(flags_back(&c, &rep), 0, "reply to {get}");
        // The same message as a dump part: NLM_F_MULTI only.
        let part = rmsg(new, REQ | DUMP | MULTI, &hdr, &[]);
        assert_eq!(flags_back(&c, &part), MULTI, "dump part of {get}");
    }
    // nlctrl: CTRL_CMD_NEWFAMILY (1) answering CTRL_CMD_GETFAMILY (3), family id 16.
    let req = rmsg(16, REQ | ACK, &[3, 2, 0, 0], &[a_str(2, "nlctrl")]);
    let rep = rmsg(
        16,
        REQ | ACK,
        &[1, 2, 0, 0],
        &[a_u16(1, 16), a_str(2, "nlctrl")],
    );
    assert_eq!(flags_back(&gctx().with_request(Some(&req)), &rep), 0);
    let part = rmsg(16, REQ | DUMP | MULTI, &[1, 2, 0, 0], &[a_u16(1, 16)]);
    assert_eq!(flags_back(&gctx(), &part), MULTI);
}

#[test]
fn acks_and_done_carry_only_their_own_flags() {
    // netlink_ack(): NLM_F_CAPPED / NLM_F_ACK_TLVS; netlink_dump_done(): NLM_F_MULTI.
    let req = rmsg(
        NEWADDR,
        REQ | ACK | CREATE | EXCL,
        &ifaddrmsg(L_INET6, 64, 0, 0, 2),
        &[],
    );
    let fb = to_fb(&req).unwrap();
    // FreeBSD's nlmsg_ack() already sets only these two (netlink_message_writer.c).
    let ack = f_error(0, CAPPED, &fb[..16], &[]);
    assert_eq!(flags_back(&ctx(), &ack), CAPPED);
    let err = f_error(22, ACK_TLVS, &fb, &[a_str(1, "bad")]);
    assert_eq!(flags_back(&ctx(), &err), ACK_TLVS);
    let done = msg(DONE, 0, 7, 0, &0i32.to_ne_bytes());
    assert_eq!(flags_back(&ctx(), &done), MULTI);
    let done = msg(DONE, REQ | DUMP, 7, 0, &0i32.to_ne_bytes());
    assert_eq!(flags_back(&ctx(), &done), MULTI);
}

#[test]
fn capped_ack_echoes_the_request_header_as_sent() {
    // FreeBSD stamps the sender's port into the request (nl_receive_message); Linux echoes
    // the header the program wrote (nlmsg_pid 0 here).
    let req = rmsg(GETLINK, REQ | ACK, &ifinfomsg(0, 0, 2, 0, 0), &[]);
    let mut stamped = to_fb(&req).unwrap();
    stamped[12..16].copy_from_slice(&1000u32.to_ne_bytes());
    let ack = f_error(0, CAPPED, &stamped[..16], &[]);
    let out = parse_one(&to_lx_fill(&ctx().with_request(Some(&req)), &ack, 0).unwrap());
    assert_eq!(&out.payload[4..20], &req[..16]);
}

#[test]
fn notifications_carry_linux_flags() {
    // Observed on Linux 6.18: NEWROUTE notifications carry the creation flags
    // (fib_table_insert / fib6_add_rt2node), DELROUTE 0, nexthop events the request's flags
    // (nexthop_notify), link/address/neighbour events 0. FreeBSD's report_operation() copies
    // the request's flags into route events.
    let route = rtmsg(2, 24, 254, 4, 0, 1, 0);
    let n = |ty: u16, flags: u16, hdr: &[u8]| flags_back(&ctx(), &rmsg(ty, flags, hdr, &[]));
    assert_eq!(
        n(NEWROUTE, REQ | ACK | CREATE | EXCL, &route),
        CREATE | EXCL
    );
    assert_eq!(n(NEWROUTE, REQ | ACK | REPLACE, &route), REPLACE);
    assert_eq!(n(NEWROUTE, CREATE | EXCL, &route), CREATE | EXCL);
    assert_eq!(n(DELROUTE, REQ | ACK, &route), 0);
    let nh = nhmsg(2, 0, 4, 0);
    assert_eq!(
        n(NEWNEXTHOP, REQ | ACK | CREATE | EXCL, &nh),
        REQ | ACK | CREATE | EXCL
    );
    assert_eq!(n(DELNEXTHOP, REQ | ACK, &nh), REQ | ACK);
    assert_eq!(
        n(NEWLINK, REQ | ACK | ECHO, &ifinfomsg(0, IFT_ETHER, 2, 1, 0)),
        0
    );
    assert_eq!(
        n(NEWADDR, REQ | ACK | CREATE, &ifaddrmsg(2, 24, 0, 0, 2)),
        0
    );
    assert_eq!(n(NEWNEIGH, REQ | CREATE, &ndmsg(2, 2, 0x80, 0, 1)), 0);
    // A route event on the socket that asked for it is still a notification, not a reply.
    let req = rmsg(NEWROUTE, REQ | ACK | CREATE | EXCL, &route, &[]);
    let ev = rmsg(NEWROUTE, REQ | ACK | CREATE | EXCL, &route, &[]);
    assert_eq!(
        flags_back(&ctx().with_request(Some(&req)), &ev),
        CREATE | EXCL
    );
}

// ------------------------------------------------------------------ empty dumps

#[test]
fn freebsd_nothing_to_dump_errors_become_empty_dumps() {
    // rtnl_handle_getnhop(): ESRCH (3) before the first nexthop; Linux dumps an empty table.
    let dump = rmsg(GETNEXTHOP, REQ | DUMP, &nhmsg(0, 0, 0, 0), &[]);
    let fb = to_fb(&dump).unwrap();
    let err = f_error(3, 0, &fb, &[]);
    let out = parse_msgs(&to_lx_fill(&ctx().with_request(Some(&dump)), &err, 0).unwrap());
    assert_eq!(out.len(), 1);
    assert_eq!((out[0].ty, out[0].flags, out[0].seq), (DONE, MULTI, 7));
    assert_eq!(out[0].payload, 0i32.to_ne_bytes().to_vec());
    // A lookup by id keeps FreeBSD's errno (-ESRCH).
    let get = rmsg(GETNEXTHOP, REQ, &nhmsg(0, 0, 0, 0), &[a_u32(1, 5)]);
    let err = f_error(3, 0, &to_fb(&get).unwrap(), &[]);
    let out = parse_one(&to_lx_fill(&ctx().with_request(Some(&get)), &err, 0).unwrap());
    assert_eq!((out.ty, i32_at(&out.payload, 0)), (ERROR, -3));
    // A neighbour dump filtered by an interface FreeBSD does not know: ENOENT (2) → empty.
    let dump = rmsg(
        GETNEIGH,
        REQ | DUMP,
        &ndmsg(L_INET, 0, 0, 0, 0),
        &[a_u32(8, 99)],
    );
    let err = f_error(2, 0, &to_fb(&dump).unwrap(), &[]);
    let out = parse_one(&to_lx_fill(&ctx().with_request(Some(&dump)), &err, 0).unwrap());
    assert_eq!((out.ty, out.flags), (DONE, MULTI));
}

// ------------------------------------------------------------------ RTM_SETLINK

#[test]
fn setlink_becomes_freebsd_modify_link() {
    // RTM_SETLINK 19 → RTM_NEWLINK 16 without NLM_F_CREATE (FreeBSD's modify path).
    const SETLINK: u16 = 19;
    let req = rmsg(
        SETLINK,
        REQ | ACK | CREATE,
        &ifinfomsg(0, 0, 0, 0, 1),
        &[a_str(3, "eth1"), a_u32(4, 1400)],
    );
    let m = parse_one(&to_fb(&req).unwrap());
    assert_eq!((m.ty, m.flags), (NEWLINK, REQ | ACK));
    let a = attrs_of(&m, 16);
    assert_eq!(find(&a, 3).unwrap(), &b"em1\0".to_vec());
    assert_eq!(pu32(find(&a, 4).unwrap()), 1400);
    // modify_link's ENOENT (2) is Linux's ENODEV for SETLINK; EPERM (1) without index or
    // name is EINVAL; EPERM for a request naming the link stays EPERM (privileges).
    let back = |req: &[u8], errno: i32| {
        let err = f_error(errno, 0, &to_fb(req).unwrap(), &[]);
        i32_at(
            &parse_one(&to_lx_fill(&ctx().with_request(Some(req)), &err, 0).unwrap()).payload,
            0,
        )
    };
    assert_eq!(back(&req, 2), -19);
    assert_eq!(back(&req, 1), -1);
    let anon = rmsg(
        SETLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 0, 0, 0),
        &[a_u32(4, 1400)],
    );
    assert_eq!(back(&anon, 1), -22);
    // NEWLINK keeps FreeBSD's errno.
    let newlink = rmsg(
        NEWLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 0, 0, 0),
        &[a_str(3, "eth1")],
    );
    assert_eq!(back(&newlink, 2), -2);
}

#[test]
fn dump_filtered_where_freebsd_filters_like_linux() {
    const FILTERED: u16 = 0x20;
    // Strict address dump by ifa_index: parts and DONE (inet_valid_dump_ifaddr_req sets
    // cb->answer_flags); FreeBSD's rtnl_handle_getaddr filters by the index too.
    let req = rmsg(GETADDR, REQ | DUMP, &ifaddrmsg(L_INET, 0, 0, 0, 2), &[]);
    let c = ctx().with_request(Some(&req)).with_strict(true);
    let part = rmsg(NEWADDR, REQ | DUMP | MULTI, &ifaddrmsg(2, 24, 0, 0, 2), &[]);
    assert_eq!(flags_back(&c, &part), MULTI | FILTERED);
    let done = msg(DONE, 0, 7, 0, &0i32.to_ne_bytes());
    assert_eq!(flags_back(&c, &done), MULTI | FILTERED);
    // Not strict: Linux ignores the index, nothing is filtered.
    assert_eq!(flags_back(&ctx().with_request(Some(&req)), &part), MULTI);
    // FreeBSD's ENOENT (2) for a missing index is Linux's ENODEV (19).
    let enoent = msg(DONE, 0, 7, 0, &2i32.to_ne_bytes());
    let out = parse_one(&to_lx_fill(&c, &enoent, 0).unwrap());
    assert_eq!(i32_at(&out.payload, 0), -19);
    // Neighbour dump by NDA_IFINDEX: parts only.
    let req = rmsg(GETNEIGH, REQ | DUMP, &ndmsg(0, 0, 0, 0, 0), &[a_u32(8, 2)]);
    let c = ctx().with_request(Some(&req));
    let part = rmsg(NEWNEIGH, REQ | DUMP | MULTI, &ndmsg(2, 2, 0x80, 0, 1), &[]);
    assert_eq!(flags_back(&c, &part), MULTI | FILTERED);
    assert_eq!(flags_back(&c, &done), MULTI);
    // A strict route dump by protocol: FreeBSD does not filter by it, so no flag.
    let req = rmsg(GETROUTE, REQ | DUMP, &rtmsg(L_INET, 0, 0, 4, 0, 0, 0), &[]);
    let c = ctx().with_request(Some(&req)).with_strict(true);
    let part = rmsg(
        NEWROUTE,
        REQ | DUMP | MULTI,
        &rtmsg(2, 24, 254, 4, 0, 1, 0),
        &[],
    );
    assert_eq!(flags_back(&c, &part), MULTI);
}

#[test]
fn strict_dumps_keep_only_what_freebsd_reads() {
    // A strict link dump with an IFLA_LINKINFO (18) Linux accepts and only uses as a kind
    // filter (errors ignored, `linkinfo_to_kind_ops`): FreeBSD gets a plain dump.
    let junk = attr(18, &[0xff, 0xff, 0x01, 0x00, 0x00]);
    let req = rmsg(
        GETLINK,
        REQ | DUMP,
        &ifinfomsg(0, 0, 0, 0, 0),
        &[junk, a_u32(29, 1)],
    );
    let m = parse_one(&to_fb_fill(&strict(), &req, 0).unwrap());
    assert_eq!(m.payload, vec![0u8; 16]);
    // A strict route dump keeps its rtmsg (table, protocol, type) and RTA_TABLE (15); RTA_OIF
    // (4) is Linux's filter only.
    let req = rmsg(
        GETROUTE,
        REQ | DUMP,
        &rtmsg(L_INET, 0, 254, 4, 0, 1, 0),
        &[a_u32(15, 254), a_u32(4, 2)],
    );
    let m = parse_one(&to_fb_fill(&strict(), &req, 0).unwrap());
    // (RT_TABLE_MAIN 254 is FreeBSD's fib 0 in the header, as everywhere.)
    assert_eq!(&m.payload[..8], &[2, 0, 0, 0, 0, 4, 0, 1]);
    assert_eq!(ids(&attrs_of(&m, 12)), vec![15]);
}
