// SPDX-License-Identifier: BSD-2-Clause
//! RTM_NEWLINK / RTM_DELLINK / RTM_GETLINK (`sys/netlink/route/iface.c`,
//! `route/iface_drivers.c`), expectations from `tests/sys/netlink/test_rtnl_iface.py`.
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::Kernel;

const RTM_NEWLINK: u16 = 16;
const RTM_DELLINK: u16 = 17;
const RTM_GETLINK: u16 = 18;
const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;
const F_DUMP: u16 = 0x300;
const F_EXCL: u16 = 0x200;
const F_CREATE: u16 = 0x400;
const IFLA_IFNAME: u16 = 3;
const IFLA_MTU: u16 = 4;
const IFLA_LINKINFO: u16 = 18;
const IFLA_IFALIAS: u16 = 20;
const IFLA_FREEBSD: u16 = 64;

fn names(msgs: &[Msg]) -> Vec<String> {
    msgs.iter()
        .filter(|m| m.ty == RTM_NEWLINK)
        .map(|m| {
            let n = m.attr(16, IFLA_IFNAME).unwrap();
            String::from_utf8(n[..n.len() - 1].to_vec()).unwrap()
        })
        .collect()
}

/// `rtnl_handle_getlink` dump: every interface with the request flags plus NLM_F_MULTI,
/// then NLMSG_DONE with flags 0 and a zero int (`_nlmsg_end_dump`).
#[test]
fn getlink_dump_default_host() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let port = k.port_id(s).unwrap();
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETLINK, F_REQ | F_DUMP, 42, &ifinfomsg(0, 0, 0, 0, 0)),
    );
    assert_eq!(names(&m), ["em0", "em1", "lo0"]);
    for x in &m[..3] {
        assert_eq!(x.flags, F_REQ | F_DUMP | 2);
        assert_eq!((x.seq, x.pid), (42, port));
        assert_eq!(x.payload[0], 0, "ifi_family AF_UNSPEC");
    }
    // em0: IFT_ETHER, UP|BROADCAST|RUNNING|SIMPLEX|MULTICAST + IFF_LOWER_UP (operstate UP).
    assert_eq!(u16::from_ne_bytes([m[0].payload[2], m[0].payload[3]]), 6);
    assert_eq!(m[0].i32_at(4), 1);
    assert_eq!(
        m[0].u32_at(8),
        0x1 | 0x2 | 0x40 | 0x800 | 0x8000 | 0x0100_0000
    );
    // em1 is down: no UP/RUNNING, operstate DOWN (2), carrier 0.
    assert_eq!(m[1].u32_at(8), 0x2 | 0x800 | 0x8000);
    assert_eq!(m[1].attr(16, 16).unwrap(), vec![2]);
    assert_eq!(m[1].attr(16, 33).unwrap(), vec![0]);
    // lo0: IFT_LOOP 24, no IFLA_ADDRESS, IFLA_FREEBSD empty, cloner kind "lo".
    assert_eq!(u16::from_ne_bytes([m[2].payload[2], m[2].payload[3]]), 24);
    assert_eq!(m[2].u32_at(8), 0x1 | 0x8 | 0x40 | 0x8000 | 0x0100_0000);
    assert!(m[2].attr(16, 1).is_none());
    assert_eq!(m[2].attr(16, IFLA_FREEBSD).unwrap(), Vec::<u8>::new());
    let li = m[2].attr(16, IFLA_LINKINFO).unwrap();
    assert_eq!(parse_attrs(&li), vec![(1, b"lo\0".to_vec())]);
    // em0 attribute order as dump_iface() writes it.
    let order: Vec<u16> = m[0].attrs(16).iter().map(|a| a.0).collect();
    assert_eq!(order, [3, 16, 33, 1, 2, 4, 64, 23, 30]);
    assert_eq!(
        m[0].attr(16, 1).unwrap(),
        vec![0x52, 0x54, 0, 0x12, 0x34, 0x56]
    );
    assert_eq!(m[0].attr(16, 23).unwrap().len(), 192);
    let fb = parse_attrs(&m[0].attr(16, IFLA_FREEBSD).unwrap());
    assert_eq!(fb, vec![(2, vec![0x52, 0x54, 0, 0x12, 0x34, 0x56])]);
    let done = &m[3];
    assert_eq!((done.ty, done.flags, done.len), (NLMSG_DONE, 0, 20));
    assert_eq!(done.i32_at(0), 0);
    assert_eq!(m.len(), 4);
}

/// `test_get_iface_byname_error`: unknown IFLA_IFNAME → NLMSG_ERROR with positive ENODEV
/// and, without NETLINK_CAP_ACK, the whole request echoed.
#[test]
fn getlink_unknown_name_is_enodev() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let mut p = ifinfomsg(0, 0, 0, 0, 0);
    p.extend(attr_str(IFLA_IFNAME, "lo10"));
    let req = msg(RTM_GETLINK, F_REQ, 5, &p);
    let m = roundtrip(&mut k, s, &req);
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].ty, m[0].flags, m[0].seq), (NLMSG_ERROR, 0, 5));
    assert_eq!(m[0].i32_at(0), 19);
    let mut echoed = req.clone();
    echoed[12..16].copy_from_slice(&k.port_id(s).unwrap().to_ne_bytes());
    assert_eq!(&m[0].payload[4..], &echoed[..]);
}

/// `test_get_iface_byindex_error`.
#[test]
fn getlink_unknown_index_is_enodev() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETLINK, F_REQ, 5, &ifinfomsg(0, 0, 2147483647, 0, 0)),
    );
    assert_eq!(m[0].ty, NLMSG_ERROR);
    assert_eq!(m[0].i32_at(0), 19);
}

/// Fast path by index: one message, the request flags unchanged (no NLM_F_MULTI), no DONE.
#[test]
fn getlink_by_index_single_reply() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETLINK, F_REQ, 9, &ifinfomsg(0, 0, 3, 0, 0)),
    );
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].ty, m[0].flags), (RTM_NEWLINK, F_REQ));
    assert_eq!(names(&m), ["lo0"]);
}

/// Quirk N1 (`match_iface`): a non-zero `ifi_type` is compared with `ifi_index` (0 in a
/// dump), so asking for IFT_ETHER returns no interface at all.
#[test]
fn getlink_type_filter_compares_index() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETLINK, F_REQ | F_DUMP, 1, &ifinfomsg(0, 6, 0, 0, 0)),
    );
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].ty, NLMSG_DONE);
}

/// Strict checking (`check_ifmsg`): non-zero ifi_type is rejected with a message.
#[test]
fn getlink_strict_rejects_nonzero_header() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.setsockopt(s, 270, 12, &1i32.to_ne_bytes()).unwrap();
    k.setsockopt(s, 270, 11, &1i32.to_ne_bytes()).unwrap();
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETLINK, F_REQ | F_DUMP, 1, &ifinfomsg(0, 6, 0, 0, 0)),
    );
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].i32_at(0), 22);
    assert_eq!(m[0].flags, 0x200, "NLM_F_ACK_TLVS, no NLM_F_CAPPED");
    let tlvs = parse_attrs(&m[0].payload[4 + 32..]);
    assert_eq!(
        tlvs[0],
        (
            1,
            b"strict checking: non-zero values in ifinfomsg header\0".to_vec()
        )
    );
}

/// Quirk N3 (`modify_link`): an empty RTM_NEWLINK is EPERM "empty ifi_index field".
#[test]
fn newlink_empty_is_eperm() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.setsockopt(s, 270, 11, &1i32.to_ne_bytes()).unwrap();
    k.setsockopt(s, 270, 10, &1i32.to_ne_bytes()).unwrap();
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_NEWLINK, F_REQ | F_ACK, 3, &ifinfomsg(0, 0, 0, 0, 0)),
    );
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].i32_at(0), 1);
    assert_eq!(m[0].flags, 0x100 | 0x200, "CAPPED + ACK_TLVS");
    assert_eq!(m[0].len, 16 + 20 + 4 + 24);
    assert_eq!(
        parse_attrs(&m[0].payload[20..]),
        vec![(1, b"empty ifi_index field\0".to_vec())]
    );
}

/// `rtnl_handle_message`: RTM_NEWLINK needs PRIV_NET_IFCREATE.
#[test]
fn newlink_non_root_is_eperm() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, USER);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_NEWLINK, F_REQ | F_ACK, 3, &ifinfomsg(0, 0, 1, 0, 0)),
    );
    assert_eq!(m[0].i32_at(0), 1);
}

fn create_req(name: &str, kind: &str, extra: &[u8]) -> Vec<u8> {
    let mut p = ifinfomsg(0, 0, 0, 0, 0);
    p.extend(attr_str(IFLA_IFNAME, name));
    p.extend(attr(IFLA_LINKINFO, &attr_str(1, kind)));
    p.extend_from_slice(extra);
    msg(RTM_NEWLINK, F_REQ | F_ACK | F_CREATE | F_EXCL, 11, &p)
}

/// `test_create_iface_plain` / `create_link`: "lo10" is cloned through the lo cloner, the
/// ack carries the `_nl_store_ifp_cookie` cookie {IFLA_NEW_IFINDEX, IFLA_IFNAME}, link
/// listeners get RTM_NEWLINK; a second create is EEXIST.
#[test]
fn newlink_create_and_delete_lo10() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let l = route_sock(&mut k, USER);
    k.setsockopt(l, 270, 1, &1i32.to_ne_bytes()).unwrap();
    let m = roundtrip(&mut k, s, &create_req("lo10", "lo", &[]));
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].ty, m[0].flags), (NLMSG_ERROR, 0x100));
    assert_eq!(m[0].i32_at(0), 0);
    let cookie = parse_attrs(&m[0].payload[20..]);
    assert_eq!(cookie.len(), 1);
    assert_eq!(cookie[0].0, 3, "NLMSGERR_ATTR_COOKIE");
    let inner = parse_attrs(&cookie[0].1);
    assert_eq!(
        inner,
        vec![(49, 4u32.to_ne_bytes().to_vec()), (3, b"lo10\0".to_vec())]
    );
    let ev = recv_all(&mut k, l);
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (ev[0].ty, ev[0].flags, ev[0].seq, ev[0].pid),
        (RTM_NEWLINK, 0, 0, 0)
    );
    assert_eq!(names(&ev), ["lo10"]);
    // Down and without LOWER_UP: only IFF_LOOPBACK | IFF_MULTICAST.
    assert_eq!(ev[0].u32_at(8), 0x8 | 0x8000);

    let m = roundtrip(&mut k, s, &create_req("lo10", "lo", &[]));
    assert_eq!(m[0].i32_at(0), 17);

    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_DELLINK, F_REQ | F_ACK, 12, &ifinfomsg(0, 0, 4, 0, 0)),
    );
    assert_eq!(m[0].i32_at(0), 0);
    let ev = recv_all(&mut k, l);
    assert_eq!(ev.last().unwrap().ty, RTM_DELLINK);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETLINK, F_REQ, 13, &ifinfomsg(0, 0, 4, 0, 0)),
    );
    assert_eq!(m[0].i32_at(0), 19);
}

/// `test_create_iface_attrs`: IFLA_MTU and IFLA_IFALIAS are applied by the generic modify.
#[test]
fn newlink_create_with_mtu_and_alias() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let mut extra = attr_u32(IFLA_MTU, 1234);
    extra.extend(attr_str(IFLA_IFALIAS, "test description"));
    let m = roundtrip(&mut k, s, &create_req("lo10", "lo", &extra));
    assert_eq!(m[0].i32_at(0), 0);
    let mut p = ifinfomsg(0, 0, 0, 0, 0);
    p.extend(attr_str(IFLA_IFNAME, "lo10"));
    let m = roundtrip(&mut k, s, &msg(RTM_GETLINK, F_REQ, 1, &p));
    assert_eq!(m[0].attr(16, IFLA_MTU).unwrap(), 1234u32.to_ne_bytes());
    assert_eq!(m[0].attr(16, IFLA_IFALIAS).unwrap(), b"test description\0");
}

/// `create_link`: no cloner matches the name → EINVAL; the kind only has to be non-empty.
#[test]
fn newlink_create_needs_matching_cloner() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(&mut k, s, &create_req("dummy0", "dummy", &[]));
    assert_eq!(m[0].i32_at(0), 22);
    // "bridge" named interface with an unrelated kind still becomes a bridge.
    let m = roundtrip(&mut k, s, &create_req("bridge0", "vlan", &[]));
    assert_eq!(m[0].i32_at(0), 0);
    let bridge = k
        .interfaces()
        .into_iter()
        .find(|i| i.name == "bridge0")
        .unwrap();
    assert_eq!(bridge.if_type, 209);
}

/// `rtnl_handle_dellink`: unknown index ENOENT; hardware interfaces have no cloner (EINVAL).
#[test]
fn dellink_errors() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_DELLINK, F_REQ | F_ACK, 1, &ifinfomsg(0, 0, 77, 0, 0)),
    );
    assert_eq!(m[0].i32_at(0), 2);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_DELLINK, F_REQ | F_ACK, 1, &ifinfomsg(0, 0, 1, 0, 0)),
    );
    assert_eq!(m[0].i32_at(0), 22);
}

/// `_nl_modify_ifp_generic`: ifi_change IFF_UP without IFF_UP takes a link down and
/// notifies with `ifi_change` = IFF_UP.
#[test]
fn newlink_modify_down() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let l = route_sock(&mut k, ROOT);
    k.setsockopt(l, 270, 1, &1i32.to_ne_bytes()).unwrap();
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_NEWLINK, F_REQ | F_ACK, 1, &ifinfomsg(0, 0, 1, 0, 1)),
    );
    assert_eq!(m[0].i32_at(0), 0);
    let ev = recv_all(&mut k, l);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].u32_at(12), 1, "ifi_change");
    // Only IFF_UP goes: no driver ioctl, so RUNNING and the media (LOWER_UP) stay.
    assert_eq!(ev[0].u32_at(8), 0x2 | 0x40 | 0x800 | 0x8000 | 0x0100_0000);
}

/// `if_linux_ethno`: Ethernet interfaces get numbers on arrival, in attach order.
#[test]
fn linux_ethno_allocation() {
    let mut k = Kernel::default_host();
    let i = k.interfaces();
    assert_eq!(i[0].linux_ethno, Some(0));
    assert_eq!(i[1].linux_ethno, Some(1));
    assert_eq!(i[2].linux_ethno, None);
    let s = route_sock(&mut k, ROOT);
    roundtrip(&mut k, s, &create_req("epair0", "epair", &[]));
    let i = k.interfaces();
    let names: Vec<_> = i.iter().map(|x| (x.name.as_str(), x.linux_ethno)).collect();
    assert_eq!(names[3..], [("epair0a", Some(2)), ("epair0b", Some(3))]);
}

/// `rtnl_handle_iflink`: a media change is announced with `ifi_change` 0 and changes the
/// Ethernet operstate (IFLA_OPERSTATE / IFLA_CARRIER / IFF_LOWER_UP).
#[test]
fn carrier_change_notifies() {
    let mut k = Kernel::default_host();
    let l = route_sock(&mut k, USER);
    k.setsockopt(l, 270, 1, &1i32.to_ne_bytes()).unwrap();
    assert!(k.set_carrier(1, false));
    let ev = recv_all(&mut k, l);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].u32_at(12), 0);
    assert_eq!(ev[0].u32_at(8) & 0x0100_0000, 0);
    assert_eq!(ev[0].attr(16, 16).unwrap(), vec![2]);
    assert_eq!(ev[0].attr(16, 33).unwrap(), vec![0]);
    assert!(!k.set_carrier(99, true));
}

/// `test_modify_iface_attrs`: RTM_NEWLINK without NLM_F_CREATE addressed by IFLA_IFNAME
/// sets the description and MTU; an unknown name is ENOENT ("unable to find interface").
#[test]
fn newlink_modify_by_name() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    assert_eq!(
        roundtrip(&mut k, s, &create_req("lo10", "lo", &[]))[0].i32_at(0),
        0
    );
    let mut p = ifinfomsg(0, 0, 0, 0, 0);
    p.extend(attr_str(IFLA_IFNAME, "lo10"));
    p.extend(attr_str(IFLA_IFALIAS, "test description"));
    p.extend(attr_u32(IFLA_MTU, 1024));
    let m = roundtrip(&mut k, s, &msg(RTM_NEWLINK, F_REQ | F_ACK, 2, &p));
    assert_eq!(m[0].i32_at(0), 0);
    let mut q = ifinfomsg(0, 0, 0, 0, 0);
    q.extend(attr_str(IFLA_IFNAME, "lo10"));
    let m = roundtrip(&mut k, s, &msg(RTM_GETLINK, F_REQ | F_ACK, 3, &q));
    assert_eq!(m.len(), 2, "reply + ack");
    assert_eq!(m[0].attr(16, IFLA_IFALIAS).unwrap(), b"test description\0");
    assert_eq!(m[0].attr(16, IFLA_MTU).unwrap(), 1024u32.to_ne_bytes());
    let mut p = ifinfomsg(0, 0, 0, 0, 0);
    p.extend(attr_str(IFLA_IFNAME, "lo11"));
    let m = roundtrip(&mut k, s, &msg(RTM_NEWLINK, F_REQ | F_ACK, 4, &p));
    assert_eq!(m[0].i32_at(0), 2);
}

/// `_nl_modify_ifp_generic()` (`route/iface_drivers.c`) passes IFLA_MTU to
/// `ifhwioctl(SIOCSIFMTU)` (`sys/net/if.c`), which refuses anything outside
/// IF_MINMTU (72) ..= IF_MAXMTU (65535) with EINVAL; the netlink handler drops that error,
/// so the request is acked with 0, the MTU stays and no link event is sent. The bounds
/// themselves are accepted.
#[test]
fn newlink_mtu_outside_if_minmtu_maxmtu_acked_but_ignored() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let l = k.socket(0, ROOT).unwrap();
    k.bind(l, &sockaddr_nl(0, 1)).unwrap(); // RTNLGRP_LINK
    let mtu_of = |k: &mut Kernel| {
        let m = roundtrip(k, s, &msg(RTM_GETLINK, F_REQ, 9, &ifinfomsg(0, 0, 1, 0, 0)));
        u32::from_ne_bytes(m[0].attr(16, IFLA_MTU).unwrap()[..4].try_into().unwrap())
    };
    for (mtu, want) in [
        (10, 1500),
        (71, 1500),
        (65536, 1500),
        (72, 72),
        (65535, 65535),
    ] {
        let mut p = ifinfomsg(0, 0, 1, 0, 0);
        p.extend(attr_u32(IFLA_MTU, mtu));
        let m = roundtrip(&mut k, s, &msg(RTM_NEWLINK, F_REQ | F_ACK, 2, &p));
        assert_eq!(m[0].i32_at(0), 0, "mtu {mtu}");
        assert_eq!(mtu_of(&mut k), want, "mtu {mtu}");
        let events = recv_all(&mut k, l).len();
        assert_eq!(
            events,
            usize::from(want == mtu),
            "link events after mtu {mtu}"
        );
    }
}
