// SPDX-License-Identifier: BSD-2-Clause
//! FreeBSD's `tests/sys/netlink/test_rtnl_gre.c` (freebsd-src @ef01be8f, 2026, run on
//! main): a gre(4) interface created through RTM_NEWLINK with IFLA_INFO_DATA
//! (endpoints, flags, key, UDP encapsulation, source port), read back with GETLINK,
//! destroyed with DELLINK. The netlink methods of the gre cloner exist on main only
//! (`net/if_gre.c` `gre_clone_modify_nl` / `gre_clone_dump_nl`); 14 and 15 create the
//! interface through the generic path, ignore IFLA_INFO_DATA and dump only
//! IFLA_INFO_KIND, which is what this test asserts for them.
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::{Kernel, Release, SockId};

const RTM_NEWLINK: u16 = 16;
const RTM_DELLINK: u16 = 17;
const RTM_GETLINK: u16 = 18;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;
const F_DUMP: u16 = 0x300;
const F_EXCL: u16 = 0x200;
const F_CREATE: u16 = 0x400;
const IFLA_IFNAME: u16 = 3;
const IFLA_LINKINFO: u16 = 18;
const IFLA_INFO_KIND: u16 = 1;
const IFLA_INFO_DATA: u16 = 2;
/// FreeBSD's gre ids (`sys/netlink/route/interface.h`), not Linux's.
const IFLA_GRE_LOCAL: u16 = 1;
const IFLA_GRE_REMOTE: u16 = 2;
const IFLA_GRE_FLAGS: u16 = 3;
const IFLA_GRE_OKEY: u16 = 4;
const IFLA_GRE_ENCAP_TYPE: u16 = 5;
const IFLA_GRE_ENCAP_SPORT: u16 = 6;
const IFLA_TUNNEL_GRE_UDP: u32 = 1;
/// `net/if_gre.h`.
const GRE_ENABLE_CSUM: u32 = 0x1;
const GRE_ENABLE_SEQ: u32 = 0x2;
const GRE_UDPENCAP: u32 = 0x4;

fn sock(rel: Release) -> (Kernel, SockId) {
    let mut k = host(rel);
    let s = k.socket_typed(3, 0, ROOT).unwrap();
    (k, s)
}

/// The test's create request.
fn create_req() -> Vec<u8> {
    let mut data = attr(IFLA_GRE_LOCAL, &ip4("127.0.0.1"));
    data.extend(attr(IFLA_GRE_REMOTE, &ip4("127.0.0.2")));
    data.extend(attr_u32(IFLA_GRE_FLAGS, GRE_ENABLE_SEQ | GRE_ENABLE_CSUM));
    data.extend(attr_u32(IFLA_GRE_OKEY, 123_456));
    data.extend(attr_u32(IFLA_GRE_ENCAP_TYPE, IFLA_TUNNEL_GRE_UDP));
    data.extend(attr(IFLA_GRE_ENCAP_SPORT, &50_000u16.to_ne_bytes()));
    let mut li = attr_str(IFLA_INFO_KIND, "gre");
    li.extend(attr(IFLA_INFO_DATA, &data));
    let mut p = ifinfomsg(0, 0, 0, 0, 0);
    p.extend(attr_str(IFLA_IFNAME, "gre10"));
    p.extend(attr(IFLA_LINKINFO, &li));
    msg(RTM_NEWLINK, F_REQ | F_ACK | F_CREATE | F_EXCL, 1, &p)
}

/// `test_rtnl_gre`.
#[test]
fn test_rtnl_gre() {
    for rel in Release::ALL {
        let (mut k, s) = sock(rel);
        let m = roundtrip(&mut k, s, &create_req());
        assert_eq!(ack_of(&m, 1).0, 0, "{rel:?}");

        let mut p = ifinfomsg(0, 0, 0, 0, 0);
        p.extend(attr_str(IFLA_IFNAME, "gre10"));
        p.extend(attr(IFLA_LINKINFO, &attr_str(IFLA_INFO_KIND, "gre")));
        let m = roundtrip(&mut k, s, &msg(RTM_GETLINK, F_REQ | F_ACK | F_DUMP, 2, &p));
        let r = m
            .iter()
            .find(|x| x.seq == 2 && x.ty == RTM_NEWLINK)
            .unwrap_or_else(|| panic!("{rel:?}: no link"));
        let li = parse_attrs(&r.attr(16, IFLA_LINKINFO).expect("IFLA_LINKINFO"));
        let kind = li.iter().find(|(t, _)| *t == IFLA_INFO_KIND).unwrap();
        assert_eq!(kind.1, b"gre\0", "{rel:?}");
        let data = li.iter().find(|(t, _)| *t == IFLA_INFO_DATA);
        if rel == Release::Main {
            let d = parse_attrs(&data.expect("IFLA_INFO_DATA").1);
            let u32_of = |ty: u16| {
                let v = &d.iter().find(|(t, _)| *t == ty).unwrap().1;
                u32::from_ne_bytes(v[..4].try_into().unwrap())
            };
            assert_eq!(
                u32_of(IFLA_GRE_FLAGS),
                GRE_ENABLE_SEQ | GRE_ENABLE_CSUM | GRE_UDPENCAP
            );
            assert_eq!(u32_of(IFLA_GRE_OKEY), 123_456);
            assert_eq!(u32_of(IFLA_GRE_ENCAP_TYPE), IFLA_TUNNEL_GRE_UDP);
            let sport = &d
                .iter()
                .find(|(t, _)| *t == IFLA_GRE_ENCAP_SPORT)
                .unwrap()
                .1;
            assert_eq!(u16::from_ne_bytes([sport[0], sport[1]]), 50_000);
        } else {
            assert!(data.is_none(), "{rel:?}");
        }

        let idx = r.i32_at(4);
        let m = roundtrip(
            &mut k,
            s,
            &msg(RTM_DELLINK, F_REQ | F_ACK, 3, &ifinfomsg(0, 0, idx, 0, 0)),
        );
        assert_eq!(ack_of(&m, 3).0, 0, "{rel:?}");
        assert!(k.interfaces().iter().all(|i| i.name != "gre10"));
    }
}

/// `gre_clone_modify_nl()` refusals on main: one endpoint alone, flags outside
/// GRE_OPTMASK, a source port outside the ephemeral range.
#[test]
fn gre_modify_errors_main() {
    let (mut k, s) = sock(Release::Main);
    let m = roundtrip(&mut k, s, &create_req());
    assert_eq!(ack_of(&m, 1).0, 0);
    for (n, data) in [
        (10u32, attr(IFLA_GRE_LOCAL, &ip4("127.0.0.1"))),
        (11, attr_u32(IFLA_GRE_FLAGS, 0x8)),
        (12, attr(IFLA_GRE_ENCAP_SPORT, &1000u16.to_ne_bytes())),
    ] {
        let mut li = attr_str(IFLA_INFO_KIND, "gre");
        li.extend(attr(IFLA_INFO_DATA, &data));
        let mut p = ifinfomsg(0, 0, 0, 0, 0);
        p.extend(attr_str(IFLA_IFNAME, "gre10"));
        p.extend(attr(IFLA_LINKINFO, &li));
        let m = roundtrip(&mut k, s, &msg(RTM_NEWLINK, F_REQ | F_ACK, n, &p));
        assert_eq!(ack_of(&m, n).0, 22, "case {n}");
    }
}
