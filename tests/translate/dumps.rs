// SPDX-License-Identifier: BSD-2-Clause
//! Dump requests read as Linux reads them (lenient and strict, `src/request.rs`) and dumps Linux answers empty.

use super::*;

/// A strict socket's context (`NETLINK_GET_STRICT_CHK`).
pub(crate) fn strict() -> Ctx<'static> {
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

// ------------------------------------------------------- empty dumps

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
