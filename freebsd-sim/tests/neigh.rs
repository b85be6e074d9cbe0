// SPDX-License-Identifier: BSD-2-Clause
//! Neighbours: `sys/netlink/route/neigh.c` (`rtnl_handle_newneigh`, `rtnl_handle_getneigh`).
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::Kernel;

const RTM_NEWNEIGH: u16 = 28;
const RTM_DELNEIGH: u16 = 29;
const RTM_GETNEIGH: u16 = 30;
const AF_INET: u8 = 2;
const AF_INET6: u8 = 28;
const NDA_DST: u16 = 1;
const NDA_LLADDR: u16 = 2;
const NDA_FREEBSD: u16 = 18;

/// `rtnl_handle_getneigh` dump: em0's ARP table (own address NTF_SELF|NTF_STICKY and
/// REACHABLE, the gateway REACHABLE), then its NDP table (own addresses REACHABLE, the
/// router STALE with NTF_ROUTER); `NDAF_NEXT_STATE_TS` is wall-clock expiry.
#[test]
fn getneigh_dump_default_host() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETNEIGH, F_REQ | F_DUMP, 1, &ndmsg(0, 0, 0, 0)),
    );
    let got: Vec<(u8, u16, u8, Vec<u8>)> = m
        .iter()
        .filter(|x| x.ty == RTM_NEWNEIGH)
        .map(|x| {
            (
                x.payload[0],
                u16::from_ne_bytes([x.payload[8], x.payload[9]]),
                x.payload[10],
                x.attr(12, NDA_DST).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (AF_INET, 0x02, 0x42, ip4("192.0.2.10").to_vec()),
            (AF_INET, 0x02, 0, ip4("192.0.2.1").to_vec()),
            (
                AF_INET6,
                0x02,
                0x42,
                ip6("fe80::5054:ff:fe12:3456").to_vec()
            ),
            (AF_INET6, 0x02, 0x42, ip6("2001:db8::10").to_vec()),
            (AF_INET6, 0x04, 0x80, ip6("2001:db8::1").to_vec()),
        ]
    );
    let gw = &m[1];
    assert_eq!(gw.attr(12, NDA_LLADDR).unwrap(), [0x52, 0x54, 0, 0, 0, 1]);
    let ts = parse_attrs(&gw.attr(12, NDA_FREEBSD).unwrap());
    assert_eq!(
        ts,
        vec![(1, (1_700_000_000u32 + 1200).to_ne_bytes().to_vec())]
    );
    let order: Vec<u16> = gw.attrs(12).iter().map(|a| a.0).collect();
    assert_eq!(order, [1, 2, 4, 3, 18]);
    assert_eq!(m.last().unwrap().ty, NLMSG_DONE);
}

fn newneigh(flags: u16, ndm_flags: u8, ll: &[u8]) -> Vec<u8> {
    let mut p = ndmsg(AF_INET, 1, 0x80, ndm_flags);
    p.extend(attr(NDA_DST, &ip4("192.0.2.55")));
    p.extend(attr(NDA_LLADDR, ll));
    msg(RTM_NEWNEIGH, F_REQ | F_ACK | flags, 3, &p)
}

/// `rtnl_handle_newneigh` / `rtnl_handle_delneigh`.
#[test]
fn newneigh_rules() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let u = route_sock(&mut k, USER);
    let mac = [2, 0, 0, 0, 0, 0x55];
    assert_eq!(
        roundtrip(&mut k, u, &newneigh(F_CREATE, 0, &mac))[0].i32_at(0),
        1
    );
    assert_eq!(roundtrip(&mut k, s, &newneigh(0, 0, &mac))[0].i32_at(0), 45);
    assert_eq!(
        roundtrip(&mut k, s, &newneigh(F_CREATE, 0x80, &mac))[0].i32_at(0),
        45
    );
    assert_eq!(
        roundtrip(&mut k, s, &newneigh(F_CREATE, 0, &mac[..4]))[0].i32_at(0),
        22
    );
    let l = route_sock(&mut k, ROOT);
    k.setsockopt(l, 270, 1, &3i32.to_ne_bytes()).unwrap();
    assert_eq!(
        roundtrip(&mut k, s, &newneigh(F_CREATE | F_EXCL, 0x40, &mac))[0].i32_at(0),
        0
    );
    let ev = recv_all(&mut k, l);
    assert_eq!((ev.len(), ev[0].ty), (1, RTM_NEWNEIGH));
    assert_eq!(ev[0].payload[10], 0x40, "NTF_STICKY");
    assert_eq!(
        roundtrip(&mut k, s, &newneigh(F_CREATE | F_EXCL, 0, &mac))[0].i32_at(0),
        17
    );
    assert_eq!(
        roundtrip(&mut k, s, &newneigh(F_REPLACE, 0, &mac))[0].i32_at(0),
        0
    );
    // Own-address entries cannot be replaced.
    let mut p = ndmsg(AF_INET, 1, 0x80, 0);
    p.extend(attr(NDA_DST, &ip4("192.0.2.10")));
    p.extend(attr(NDA_LLADDR, &mac));
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_NEWNEIGH, F_REQ | F_ACK | F_REPLACE, 1, &p),
    );
    assert_eq!(m[0].i32_at(0), 1);
    // Own-address entries cannot be deleted either.
    let mut p = ndmsg(AF_INET, 1, 0, 0);
    p.extend(attr(NDA_DST, &ip4("192.0.2.10")));
    assert_eq!(
        roundtrip(&mut k, s, &msg(RTM_DELNEIGH, F_REQ | F_ACK, 1, &p))[0].i32_at(0),
        1
    );
    // Delete, then delete again.
    let mut p = ndmsg(AF_INET, 1, 0, 0);
    p.extend(attr(NDA_DST, &ip4("192.0.2.55")));
    assert_eq!(
        roundtrip(&mut k, s, &msg(RTM_DELNEIGH, F_REQ | F_ACK, 1, &p))[0].i32_at(0),
        0
    );
    assert_ne!(
        roundtrip(&mut k, s, &msg(RTM_DELNEIGH, F_REQ | F_ACK, 1, &p))[0].i32_at(0),
        0
    );
}

/// `test_rtnl_neigh.py` (`filter_iface`): an interface with one IPv4 address has one ARP
/// record, with a global IPv6 address plus its link-local two NDP records; all carry
/// NDA_DST and NDA_LLADDR (the own-address lltable entries).
#[test]
fn neigh_filter_iface_like_freebsd_test() {
    let t = freebsd_sim::Topology::from_toml_str(
        "[[interface]]\nname = \"epair0a\"\ntype = \"ether\"\nup = true\ncarrier = true\n\
         addresses = [\"192.0.2.1/24\", \"2001:db8::1/64\"]\n",
    )
    .unwrap();
    let mut k = Kernel::new(&t).unwrap();
    let s = route_sock(&mut k, ROOT);
    for (fam, n) in [(AF_INET, 1), (AF_INET6, 2)] {
        let m = roundtrip(
            &mut k,
            s,
            &msg(RTM_GETNEIGH, F_REQ, 1, &ndmsg(fam, 1, 0, 0)),
        );
        let recs: Vec<&Msg> = m.iter().filter(|x| x.ty == RTM_NEWNEIGH).collect();
        assert_eq!(recs.len(), n);
        for r in recs {
            assert_eq!(r.payload[0], fam);
            assert!(r.attr(12, NDA_DST).is_some());
            assert!(r.attr(12, NDA_LLADDR).is_some());
        }
        assert_eq!(m.last().unwrap().ty, NLMSG_DONE);
    }
}
