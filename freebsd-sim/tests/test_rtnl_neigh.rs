// SPDX-License-Identifier: BSD-2-Clause
//! FreeBSD's `tests/sys/netlink/test_rtnl_neigh.py` (freebsd-src @fee65b7e, class
//! `TestRtNlNeigh`): a GETNEIGH filtered by family and interface lists the interface's
//! own-address lltable entries, each with NDA_DST and NDA_LLADDR.
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::Release;

const RTM_NEWNEIGH: u16 = 28;
const RTM_GETNEIGH: u16 = 30;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;
const AF_INET: u8 = 2;
const AF_INET6: u8 = 28;
const NDA_DST: u16 = 1;
const NDA_LLADDR: u16 = 2;

/// `filter_iface()`; the setup gives if1 192.0.2.1/24 when the test name has a "4"
/// and 2001:db8::1/64 when it has a "6".
fn filter_iface(name: &str, family: u8, n: usize, rel: Release) {
    let v4: &[&str] = if name.contains('4') {
        &["192.0.2.1/24"]
    } else {
        &[]
    };
    let v6: &[&str] = if name.contains('6') {
        &["2001:db8::1/64"]
    } else {
        &[]
    };
    let (mut k, if1) = vnet("epair", v4, v6, rel);
    let s = nlsock(&mut k, 0);
    let m = roundtrip(
        &mut k,
        s,
        &msg(
            RTM_GETNEIGH,
            F_REQ | F_ACK,
            5,
            &ndmsg(family, if1 as i32, 0, 0),
        ),
    );
    let l = msg_list(&m, 5, RTM_NEWNEIGH);
    for x in &l {
        assert_eq!(x.i32_at(4), if1 as i32);
        assert_eq!(x.payload[0], family);
        assert!(x.attr(12, NDA_DST).is_some());
        assert!(x.attr(12, NDA_LLADDR).is_some());
    }
    assert_eq!(l.len(), n);
}

/// `test_6_filter_iface`: the global address and the link-local.
#[test]
fn test_6_filter_iface() {
    for rel in Release::ALL {
        filter_iface("test_6_filter_iface", AF_INET6, 2, rel);
    }
}

/// `test_4_filter_iface`: the one IPv4 address.
#[test]
fn test_4_filter_iface() {
    for rel in Release::ALL {
        filter_iface("test_4_filter_iface", AF_INET, 1, rel);
    }
}
