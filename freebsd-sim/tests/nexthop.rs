// SPDX-License-Identifier: BSD-2-Clause
//! User nexthops: `sys/netlink/route/nexthop.c`.
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::Kernel;

const RTM_NEWNEXTHOP: u16 = 104;
const RTM_DELNEXTHOP: u16 = 105;
const RTM_GETNEXTHOP: u16 = 106;
const AF_INET: u8 = 2;

fn nhmsg(family: u8, protocol: u8) -> Vec<u8> {
    vec![family, 0, protocol, 0, 0, 0, 0, 0]
}

/// `rtnl_handle_getnhop` before any RTM_NEWNEXTHOP: `V_un_ctl` is NULL → ESRCH.
/// Then `newnhop` (gateway + OIF with an address of that family), `newnhg`, EEXIST,
/// the dump and `delete_unhop`.
#[test]
fn nexthops() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETNEXTHOP, F_REQ | F_DUMP, 1, &nhmsg(0, 0)),
    );
    assert_eq!((m[0].ty, m[0].i32_at(0)), (NLMSG_ERROR, 3));
    let mk = |id: u32, gw: &str| {
        let mut p = nhmsg(AF_INET, 4);
        p.extend(attr_u32(1, id));
        p.extend(attr_u32(5, 1));
        p.extend(attr(6, &ip4(gw)));
        msg(RTM_NEWNEXTHOP, F_REQ | F_ACK | F_CREATE, 2, &p)
    };
    assert_eq!(roundtrip(&mut k, s, &mk(10, "192.0.2.1"))[0].i32_at(0), 0);
    assert_eq!(roundtrip(&mut k, s, &mk(11, "192.0.2.2"))[0].i32_at(0), 0);
    assert_eq!(roundtrip(&mut k, s, &mk(10, "192.0.2.3"))[0].i32_at(0), 17);
    // em1 has no IPv4 address: "Unable to determine default source IP".
    let mut p = nhmsg(AF_INET, 4);
    p.extend(attr_u32(1, 12));
    p.extend(attr_u32(5, 2));
    p.extend(attr(6, &ip4("198.51.100.1")));
    let m = roundtrip(&mut k, s, &msg(RTM_NEWNEXTHOP, F_REQ | F_ACK, 2, &p));
    assert_eq!(m[0].i32_at(0), 22);
    // Group of 10 and 11.
    let mut g = Vec::new();
    for (id, w) in [(10u32, 1u8), (11, 3)] {
        g.extend_from_slice(&id.to_ne_bytes());
        g.extend_from_slice(&[w, 0, 0, 0]);
    }
    let mut p = nhmsg(0, 0);
    p.extend(attr_u32(1, 20));
    p.extend(attr(2, &g));
    assert_eq!(
        roundtrip(&mut k, s, &msg(RTM_NEWNEXTHOP, F_REQ | F_ACK, 3, &p))[0].i32_at(0),
        0
    );
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETNEXTHOP, F_REQ | F_DUMP, 4, &nhmsg(0, 0)),
    );
    let ids: Vec<u32> = m
        .iter()
        .filter(|x| x.ty == RTM_NEWNEXTHOP)
        .map(|x| u32::from_ne_bytes(x.attr(8, 1).unwrap().try_into().unwrap()))
        .collect();
    assert_eq!(ids, [20, 10, 11], "hash buckets id % 16");
    let grp = m
        .iter()
        .find(|x| x.ty == RTM_NEWNEXTHOP && x.attr(8, 2).is_some())
        .unwrap();
    assert_eq!(grp.attr(8, 2).unwrap(), g);
    assert_eq!(grp.attr(8, 3).unwrap(), vec![0, 0], "NHA_GROUP_TYPE mpath");
    let one = &m[1];
    assert_eq!(one.payload[0], AF_INET);
    assert_eq!(one.payload[2], 4, "protocol kept");
    let mut p = nhmsg(0, 0);
    p.extend(attr_u32(1, 10));
    assert_eq!(
        roundtrip(&mut k, s, &msg(RTM_DELNEXTHOP, F_REQ | F_ACK, 5, &p))[0].i32_at(0),
        0
    );
    assert_eq!(
        roundtrip(&mut k, s, &msg(RTM_DELNEXTHOP, F_REQ | F_ACK, 5, &p))[0].i32_at(0),
        2
    );
}
