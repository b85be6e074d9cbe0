// SPDX-License-Identifier: BSD-2-Clause
//! Address families in the fixed headers (`AF_*`: Linux `socket.h`, FreeBSD `sys/sys/socket.h`).

use super::*;

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
