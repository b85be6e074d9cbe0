// SPDX-License-Identifier: BSD-2-Clause
//! Linux's own checks of a request before its handler runs (`nlcompat::request::check_linux`):
//! attribute policies, missing interfaces, families and flags without a handler, a short
//! generic header, and the malformed attribute tail Linux ignores.
//!
//! Every expected errno is what Linux 6.18 answered for the same bytes in the hostile corpus
//! (`tests/hostile/hostile.py`, run natively in a network namespace and through
//! `nlcompat run --backend linux`; the case name is given per check). Linux numbering
//! (`include/uapi/asm-generic/errno*.h`).

use super::*;

const EINVAL: i32 = 22;
const ENODEV: i32 = 19;
const ERANGE: i32 = 34;
const EOPNOTSUPP: i32 = 95;

const DELLINK: u16 = 17;
const EXCL: u16 = 0x200;

/// The Linux errno the translator answers `req` with on `c` (it must refuse it).
fn verdict_on(c: &Ctx<'_>, req: &[u8]) -> i32 {
    match to_fb_fill(c, req, 0) {
        Err(e) => e.linux_errno().get(),
        Ok(out) => panic!("translated, Linux refuses it: {out:02x?}"),
    }
}

fn verdict(req: &[u8]) -> i32 {
    verdict_on(&ctx(), req)
}

/// The hostile corpus's `newlink_noindex` base: `ifi_index` 99999 (no such interface).
fn newlink_noindex(flags: u16, attrs: &[Vec<u8>]) -> Vec<u8> {
    rmsg(NEWLINK, flags, &ifinfomsg(0, 0, 99999, 0, 0), attrs)
}

fn newaddr_noindex(family: u8, attrs: &[Vec<u8>]) -> Vec<u8> {
    rmsg(
        NEWADDR,
        REQ | ACK | CREATE,
        &ifaddrmsg(family, 24, 0, 0, 99999),
        attrs,
    )
}

fn newroute(attrs: &[Vec<u8>]) -> Vec<u8> {
    // AF_INET 198.51.100.0/24, main table, boot protocol, universe scope, unicast.
    rmsg(
        NEWROUTE,
        REQ | ACK | CREATE,
        &rtmsg(L_INET, 24, 254, 3, 0, 1, 0),
        attrs,
    )
}

const DST: [u8; 4] = [198, 51, 100, 0];
const LOCAL: [u8; 4] = [198, 51, 100, 1];

#[test]
fn link_attributes_against_ifla_policy_come_before_the_device() {
    // attr_mtu_short/newlink_noindex, opt_*/bad_nla: IFLA_MTU of 2 and 1 bytes.
    assert_eq!(
        verdict(&newlink_noindex(REQ | ACK, &[attr(4, &[1, 0])])),
        ERANGE
    );
    assert_eq!(
        verdict(&newlink_noindex(REQ | ACK, &[attr(4, &[1])])),
        ERANGE
    );
    // attr_address_long/newlink_noindex: 40-byte IFLA_ADDRESS (MAX_ADDR_LEN 32).
    assert_eq!(
        verdict(&newlink_noindex(REQ | ACK, &[attr(1, &[1; 40])])),
        ERANGE
    );
    // attr_address_short, attr_mtu_zero, attr_ifname_15: acceptable, then no device.
    assert_eq!(
        verdict(&newlink_noindex(REQ | ACK, &[attr(1, &[1, 2, 3])])),
        ENODEV
    );
    assert_eq!(verdict(&newlink_noindex(REQ | ACK, &[a_u32(4, 0)])), ENODEV);
    assert_eq!(
        verdict(&newlink_noindex(REQ | ACK, &[a_str(3, "abcdefghijklmno")])),
        ENODEV
    );
    // attr_ifname_16_nul, attr_ifname_16_nonul, attr_ifname_100, attr_nla_len_4 (empty).
    assert_eq!(
        verdict(&newlink_noindex(REQ | ACK, &[a_str(3, "abcdefghijklmnop")])),
        ERANGE
    );
    assert_eq!(
        verdict(&newlink_noindex(REQ | ACK, &[attr(3, b"abcdefghijklmnop")])),
        ERANGE
    );
    assert_eq!(
        verdict(&newlink_noindex(REQ | ACK, &[attr(3, &[b'x'; 100])])),
        ERANGE
    );
    assert_eq!(
        verdict(&newlink_noindex(REQ | ACK, &[attr(3, b"")])),
        ERANGE
    );
    // attr_ext_mask_short/newlink_noindex: 1-byte IFLA_EXT_MASK.
    assert_eq!(
        verdict(&newlink_noindex(REQ | ACK, &[attr(29, &[1])])),
        ERANGE
    );
    // attr_unknown_attr_200, attr_many_attrs: types beyond IFLA_MAX are ignored.
    assert_eq!(
        verdict(&newlink_noindex(REQ | ACK, &[attr(200, &[0; 4])])),
        ENODEV
    );
}

#[test]
fn ifla_ifalias_is_checked_as_binary_not_as_a_string() {
    // Linux 6.18, RTM_SETLINK of an existing veth from a raw socket in a network namespace
    // (2026-12-04): an empty IFLA_IFALIAS (iproute2's `alias ""`) and 255 bytes without NUL
    // are accepted; 255 bytes plus NUL, 256 bytes, 256 plus NUL are ERANGE. A trailing NUL
    // counts toward IFALIASZ - 1, unlike NLA_STRING's (IFLA_IFNAME above).
    for (payload, ok) in [
        (vec![], true),
        (vec![0], true),
        (vec![b'x'; 255], true),
        ([vec![b'x'; 255], vec![0]].concat(), false),
        (vec![b'x'; 256], false),
        ([vec![b'x'; 256], vec![0]].concat(), false),
    ] {
        let want = if ok { ENODEV } else { ERANGE };
        assert_eq!(
            verdict(&newlink_noindex(REQ | ACK, &[attr(20, &payload)])),
            want,
            "IFLA_IFALIAS of {} bytes",
            payload.len()
        );
    }
}

#[test]
fn a_get_by_name_is_checked_too() {
    let get = |a: Vec<u8>| rmsg(GETLINK, REQ | ACK, &ifinfomsg(0, 0, 0, 0, 0), &[a]);
    // attr_nla_len_4/getlink, attr_ifname_16_nul/getlink, attr_ifname_100/getlink,
    // attr_ext_mask_short/getlink.
    assert_eq!(verdict(&get(attr(3, b""))), ERANGE);
    assert_eq!(verdict(&get(a_str(3, "abcdefghijklmnop"))), ERANGE);
    assert_eq!(verdict(&get(attr(3, &[b'x'; 100]))), ERANGE);
    assert_eq!(verdict(&get(attr(29, &[1]))), ERANGE);
}

#[test]
fn a_malformed_attribute_tail_is_ignored_as_linux_does() {
    // attr_unaligned_tail/getlink: two bytes after IFLA_IFNAME "lo"; Linux answers lo.
    let mut req = rmsg(
        GETLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 0, 0, 0),
        &[a_str(3, "lo")],
    );
    req.extend_from_slice(&[0xAA, 0xBB]);
    let n = req.len() as u32;
    req[..4].copy_from_slice(&n.to_ne_bytes());
    let out = to_fb(&req).unwrap();
    let m = parse_one(&out);
    assert_eq!(
        m.len as usize,
        16 + 16 + 8,
        "the two bytes are not forwarded"
    );
    // len_minus1/newlink_noindex and attr_nla_len_past_end: the attribute runs past the
    // message, Linux stops its walk there and then finds no device.
    let mut req = newlink_noindex(REQ | ACK, &[a_u32(4, 1400)]);
    let n = req.len() as u32 - 1;
    req[..4].copy_from_slice(&n.to_ne_bytes());
    assert_eq!(verdict(&req[..n as usize]), ENODEV);
    let mut bad = attr(3, b"lo\0");
    bad[..2].copy_from_slice(&40u16.to_ne_bytes());
    assert_eq!(verdict(&newlink_noindex(REQ | ACK, &[bad])), ENODEV);
    // attr_nla_len_0/1/3: a first attribute header below 4 bytes ends the walk at once.
    for l in [0u16, 1, 3] {
        let mut a = attr(3, b"lo\0");
        a[..2].copy_from_slice(&l.to_ne_bytes());
        assert_eq!(
            verdict(&newlink_noindex(REQ | ACK, &[a])),
            ENODEV,
            "nla_len {l}"
        );
    }
}

#[test]
fn missing_interfaces_are_enodev() {
    // flags_req/newlink_noindex, type_17/ack (RTM_DELLINK), family_2/newaddr_noindex,
    // attr_oif_missing/newroute.
    assert_eq!(
        verdict(&newlink_noindex(REQ | ACK, &[a_u32(4, 1400)])),
        ENODEV
    );
    assert_eq!(
        verdict(&rmsg(
            DELLINK,
            REQ | ACK,
            &ifinfomsg(0, 0, 99999, 0, 0),
            &[]
        )),
        ENODEV
    );
    assert_eq!(
        verdict(&newaddr_noindex(L_INET, &[attr(2, &LOCAL)])),
        ENODEV
    );
    assert_eq!(
        verdict(&newroute(&[attr(1, &DST), a_u32(4, 99999)])),
        ENODEV
    );
    // An interface the host has goes through (index 2 is em0 in the test host).
    let ok = rmsg(
        NEWLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 2, 0, 0),
        &[a_u32(4, 1400)],
    );
    assert!(to_fb(&ok).is_ok());
}

#[test]
fn creating_a_link_without_a_kind_is_eopnotsupp() {
    // flags_all/newlink_noindex: all 16 flag bits, NLM_F_CREATE among them.
    assert_eq!(
        verdict(&newlink_noindex(0xFFFF, &[a_u32(4, 1400)])),
        EOPNOTSUPP
    );
}

#[test]
fn bulk_delete_of_links_is_eopnotsupp() {
    // type_17/dump: RTM_DELLINK with NLM_F_DUMP, whose 0x200 is NLM_F_BULK on a delete.
    assert_eq!(
        verdict(&rmsg(DELLINK, REQ | DUMP, &ifinfomsg(0, 0, 0, 0, 0), &[])),
        EOPNOTSUPP
    );
}

#[test]
fn address_requests() {
    // attr_local_short, attr_label_unterminated: policy; attr_local_v6_in_v4 and
    // attr_dup_local: accepted, then no device.
    assert_eq!(
        verdict(&newaddr_noindex(L_INET, &[attr(2, &[1, 2])])),
        ERANGE
    );
    assert_eq!(
        verdict(&newaddr_noindex(
            L_INET,
            &[attr(2, &LOCAL), attr(3, &[b'x'; 20])]
        )),
        ERANGE
    );
    assert_eq!(verdict(&newaddr_noindex(L_INET, &[attr(2, &V6)])), ENODEV);
    assert_eq!(
        verdict(&newaddr_noindex(
            L_INET,
            &[attr(2, &LOCAL), attr(2, &[198, 51, 100, 2])]
        )),
        ENODEV
    );
    // family_10/newaddr_noindex: a 4-byte IFA_LOCAL under ifa_ipv6_policy.
    assert_eq!(
        verdict(&newaddr_noindex(L_INET6, &[attr(2, &LOCAL)])),
        ERANGE
    );
    // family_0/1/3/7/17/44/255/newaddr_noindex: no handler for the family.
    for fam in [0u8, 1, 3, 7, 17, 44, 255] {
        let req = rmsg(
            NEWADDR,
            REQ | ACK,
            &ifaddrmsg(fam, 24, 0, 0, 99999),
            &[attr(2, &LOCAL)],
        );
        assert_eq!(verdict(&req), EOPNOTSUPP, "family {fam}");
    }
    // newaddr_noindex base with NLM_F_EXCL: both addresses, still no device.
    let req = rmsg(
        NEWADDR,
        REQ | ACK | CREATE | EXCL,
        &ifaddrmsg(L_INET, 24, 0, 0, 99999),
        &[attr(2, &LOCAL), attr(1, &LOCAL)],
    );
    assert_eq!(verdict(&req), ENODEV);
}

#[test]
fn route_attributes_against_rtm_ipv4_policy() {
    // attr_dst_short, attr_oif_short, attr_table_short.
    assert_eq!(verdict(&newroute(&[attr(1, &[1, 2])])), ERANGE);
    assert_eq!(verdict(&newroute(&[attr(1, &DST), attr(4, &[1])])), ERANGE);
    assert_eq!(verdict(&newroute(&[attr(1, &DST), attr(15, &[1])])), ERANGE);
}

#[test]
fn a_generic_header_of_one_byte_is_einval() {
    // genl_genlhdr_short: nlctrl (16) with a 1-byte payload.
    let req = msg(16, REQ | ACK, 1, 0, &[3]);
    assert_eq!(verdict_on(&gctx(), &req[..17]), EINVAL);
}

#[test]
fn dumps_of_families_without_a_handler_dump_every_family() {
    // family_1/3/7/17/44/255/getaddr_dump and getroute_dump: Linux answers with all its
    // addresses / routes (rtnl_dump_all), so FreeBSD is asked for AF_UNSPEC.
    for fam in [1u8, 3, 7, 17, 44, 255] {
        let a = to_fb(&rmsg(GETADDR, REQ | DUMP, &ifaddrmsg(fam, 0, 0, 0, 0), &[])).unwrap();
        assert_eq!(parse_one(&a).payload[0], 0, "address dump, family {fam}");
        let r = to_fb(&rmsg(
            GETROUTE,
            REQ | DUMP,
            &rtmsg(fam, 0, 0, 0, 0, 0, 0),
            &[],
        ))
        .unwrap();
        assert_eq!(parse_one(&r).payload[0], 0, "route dump, family {fam}");
    }
    // The families with handlers keep theirs (AF_INET6 = FreeBSD 28).
    let a = to_fb(&rmsg(
        GETADDR,
        REQ | DUMP,
        &ifaddrmsg(L_INET6, 0, 0, 0, 0),
        &[],
    ))
    .unwrap();
    assert_eq!(parse_one(&a).payload[0], F_INET6);
}
