// SPDX-License-Identifier: BSD-2-Clause
//! Routes (`src/msg/route.rs`): `RTA_VIA`, multipath, tables, default routes.

use super::*;

/// Linux `struct rtvia`: u16 family + address; FreeBSD: u8 family + address.
pub(crate) fn l_via() -> Vec<u8> {
    let mut p = u16::from(L_INET6).to_ne_bytes().to_vec();
    p.extend_from_slice(&V6GW);
    attr(18, &p)
}
pub(crate) fn f_via() -> Vec<u8> {
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
pub(crate) type Hop = (u8, u8, i32, Vec<(u16, Vec<u8>)>);

pub(crate) fn hops_of(p: &[u8]) -> Vec<Hop> {
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

// ------------------------------------------------------------ routes

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
fn route_get_reply_v6_keeps_the_protocol_and_is_not_cloned() {
    // `ip -6 route get 2001:db8:ff::1`: Linux (net/ipv6/route.c rt6_fill_node) answers with
    // the address itself, /128, the route's protocol, and no RTM_F_CLONED for a route that
    // is not a cached clone (the oracle prints `2001:db8:ff::1 from :: via 2001:db8::1 dev
    // eth0 proto static`).
    let asked = [
        0x20, 0x01, 0x0d, 0xb8, 0, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    ];
    let req = rmsg(
        26,
        REQ,
        &rtmsg(L_INET6, 128, 0, 0, 0, 0, 0),
        &[attr(1, &asked)],
    );
    let rep = rmsg(
        24,
        0,
        &rtmsg(F_INET6, 0, 0, 4, 0, 1, 0),
        &[a_u32(15, 0), attr(1, &[0; 16]), a_u32(4, 2)],
    );
    let ctx = common::ctx().with_request(Some(&req));
    let m = parse_one(&to_lx_fill(&ctx, &rep, 0).unwrap());
    let h = hdr(&m);
    assert_eq!(h[1], 128, "rtm_dst_len");
    assert_eq!(h[5], 4, "rtm_protocol stays RTPROT_STATIC");
    assert_eq!(
        u32::from_ne_bytes(h[8..12].try_into().unwrap()) & 0x200,
        0,
        "RTM_F_CLONED"
    );
    assert_eq!(find(&attrs_of(&m, 12), 1).unwrap(), &asked);
}
