// SPDX-License-Identifier: BSD-2-Clause
//! Neighbours (`route/neigh.c`), user nexthops (`route/nexthop.c`), generic netlink
//! (`netlink_generic.c`) and request flow control (`netlink_io.c`).
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::{Kernel, RecvFlags};

const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const RTM_GETLINK: u16 = 18;
const RTM_NEWNEIGH: u16 = 28;
const RTM_DELNEIGH: u16 = 29;
const RTM_GETNEIGH: u16 = 30;
const RTM_NEWNEXTHOP: u16 = 104;
const RTM_DELNEXTHOP: u16 = 105;
const RTM_GETNEXTHOP: u16 = 106;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;
const F_DUMP: u16 = 0x300;
const F_EXCL: u16 = 0x200;
const F_CREATE: u16 = 0x400;
const F_REPLACE: u16 = 0x100;
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

/// `nlctrl_handle_getfamily`: "nlctrl" by name, id 16, version 2, op GETFAMILY with
/// DO|DUMP|HASPOL, group "notify" = 48; unknown name ENOENT; unknown command ENOTSUP.
#[test]
fn genl_nlctrl() {
    let mut k = Kernel::default_host();
    let s = k.socket(16, USER).unwrap();
    let mut p = vec![3u8, 1, 0, 0];
    p.extend(attr_str(2, "nlctrl"));
    let m = roundtrip(&mut k, s, &msg(16, F_REQ, 1, &p));
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].ty, m[0].flags), (16, F_REQ));
    assert_eq!(&m[0].payload[..4], &[1, 2, 0, 0]);
    let a = m[0].attrs(4);
    assert_eq!(a[0], (2, b"nlctrl\0".to_vec()));
    assert_eq!(a[1], (1, 16u16.to_ne_bytes().to_vec()));
    assert_eq!(a[2], (3, 2u32.to_ne_bytes().to_vec()));
    let ops = parse_attrs(&a[5].1);
    let op = parse_attrs(&ops[0].1);
    assert_eq!(
        op,
        vec![
            (1, 3u32.to_ne_bytes().to_vec()),
            (2, 0xeu32.to_ne_bytes().to_vec())
        ]
    );
    let groups = parse_attrs(&a[6].1);
    let g = parse_attrs(&groups[0].1);
    assert_eq!(
        g,
        vec![(2, 48u32.to_ne_bytes().to_vec()), (1, b"notify\0".to_vec())]
    );
    let mut p = vec![3u8, 1, 0, 0];
    p.extend(attr_str(2, "nosuch"));
    assert_eq!(roundtrip(&mut k, s, &msg(16, F_REQ, 2, &p))[0].i32_at(0), 2);
    assert_eq!(
        roundtrip(&mut k, s, &msg(16, F_REQ, 3, &[1, 1, 0, 0]))[0].i32_at(0),
        45
    );
    assert_eq!(
        roundtrip(&mut k, s, &msg(17, F_REQ, 3, &[3, 1, 0, 0]))[0].i32_at(0),
        45
    );
    let m = roundtrip(&mut k, s, &msg(16, F_REQ | F_DUMP, 4, &[3, 1, 0, 0]));
    assert_eq!(m.iter().map(|x| x.ty).collect::<Vec<_>>(), [16, NLMSG_DONE]);
}

/// `nl_process_received_one` / `nl_send`: once replies fill the receive buffer the rest
/// of the request batch waits (`nl_tx_blocked`); further sends queue until the send
/// buffer is full (EAGAIN here, where FreeBSD would sleep); reading resumes processing.
#[test]
fn flow_control_blocks_and_resumes() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.setsockopt(s, 0xffff, 0x1002, &1000i32.to_ne_bytes())
        .unwrap();
    k.setsockopt(s, 0xffff, 0x1001, &2000i32.to_ne_bytes())
        .unwrap();
    let dump = msg(RTM_GETLINK, F_REQ | F_DUMP, 1, &ifinfomsg(0, 0, 0, 0, 0));
    let mut batch = Vec::new();
    for _ in 0..3 {
        batch.extend_from_slice(&dump);
    }
    k.send(s, &batch).unwrap();
    // The reply writer keeps filling its 2048-byte buffer: the first flush (1840 bytes,
    // two dumps) happens inside the third dump and sets nl_tx_blocked, which is only
    // checked after that message; so all three are answered (3 × 920 bytes).
    assert_eq!(k.queued_bytes(s), 3 * 920);
    let mut sent = 0;
    while k.send(s, &dump).is_ok() {
        sent += 1;
    }
    assert_eq!(sent, 2000 / 32 - 3);
    assert_eq!(k.send(s, &dump), Err(35));
    let mut dones = 0;
    while let Ok(r) = k.recv(s, 1 << 16, RecvFlags::DONTWAIT) {
        dones += split(&r.data).iter().filter(|m| m.ty == NLMSG_DONE).count();
    }
    assert_eq!(dones, 3 + sent);
}

/// `nlsysevent_load()` (topology `nlsysevent = true`): a second family, id 17, no OPS,
/// 20 groups numbered after nlctrl's "notify" (48), "ACPI" = 49 … "ZFS" = 68.
#[test]
fn genl_nlsysevent() {
    let t = freebsd_sim::Topology::from_toml_str("nlsysevent = true\n").unwrap();
    let mut k = Kernel::new(&t).unwrap();
    let s = k.socket(16, USER).unwrap();
    let mut p = vec![3u8, 1, 0, 0];
    p.extend(attr_str(2, "nlsysevent"));
    let m = roundtrip(&mut k, s, &msg(16, F_REQ, 1, &p));
    let a = m[0].attrs(4);
    let types: Vec<u16> = a.iter().map(|x| x.0).collect();
    assert_eq!(types, [2, 1, 3, 4, 5, 7]);
    assert_eq!(a[1].1, 17u16.to_ne_bytes());
    assert_eq!(a[4].1, 4u32.to_ne_bytes());
    let groups = parse_attrs(&a[5].1);
    assert_eq!(groups.len(), 20);
    assert_eq!(
        parse_attrs(&groups[0].1)[0],
        (2, 49u32.to_ne_bytes().to_vec())
    );
    assert_eq!(parse_attrs(&groups[19].1)[1], (1, b"ZFS\0".to_vec()));
}

/// `get_lle_next_ts()` uses `time_second - time_uptime` at dump time: an injected clock
/// moves the reported wall-clock expiry.
#[test]
fn clock_injection() {
    let mut k = Kernel::default_host();
    k.set_clock(Box::new(freebsd_sim::FixedClock {
        uptime: 100,
        realtime: 5000,
    }));
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETNEIGH, F_REQ | F_DUMP, 1, &ndmsg(AF_INET, 1, 0, 0)),
    );
    let gw = m
        .iter()
        .find(|x| x.attr(12, NDA_DST) == Some(ip4("192.0.2.1").to_vec()))
        .unwrap();
    // Created at uptime 3600 with 1200 s left: expiry uptime 4800 → 4800 + 5000 − 100.
    let ts = parse_attrs(&gw.attr(12, NDA_FREEBSD).unwrap());
    assert_eq!(ts[0].1, 9700u32.to_ne_bytes());
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
