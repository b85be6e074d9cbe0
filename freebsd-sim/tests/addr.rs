// SPDX-License-Identifier: BSD-2-Clause
//! RTM_NEWADDR / RTM_DELADDR / RTM_GETADDR (`sys/netlink/route/iface.c`:
//! `rtnl_handle_getaddr`, `dump_iface_addr`, `rtnl_handle_addr`), expectations from
//! `tests/sys/netlink/test_rtnl_ifaddr.py`.
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::Kernel;

const RTM_NEWADDR: u16 = 20;
const RTM_DELADDR: u16 = 21;
const RTM_GETADDR: u16 = 22;
const RTM_GETROUTE: u16 = 26;
const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;
const F_DUMP: u16 = 0x300;
const F_EXCL: u16 = 0x200;
const F_CREATE: u16 = 0x400;
const AF_INET: u8 = 2;
const AF_INET6: u8 = 28;
const IFA_ADDRESS: u16 = 1;
const IFA_LOCAL: u16 = 2;
const IFA_LABEL: u16 = 3;
const IFA_BROADCAST: u16 = 4;
const IFA_CACHEINFO: u16 = 6;
const IFA_FLAGS: u16 = 8;
const IFA_FREEBSD: u16 = 11;

fn addrs(m: &[Msg]) -> Vec<(u8, u8, u8, u32, Vec<u8>)> {
    m.iter()
        .filter(|x| x.ty == RTM_NEWADDR)
        .map(|x| {
            (
                x.payload[0],
                x.payload[1],
                x.payload[3],
                x.u32_at(4),
                x.attr(8, IFA_ADDRESS).unwrap(),
            )
        })
        .collect()
}

/// `rtnl_handle_getaddr` dump of the default host: per interface in `if_addrhead` order,
/// AF_LINK skipped, scope from `ifa_get_scope`, the FreeBSD-added link-locals included.
#[test]
fn getaddr_dump_default_host() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETADDR, F_REQ | F_DUMP, 3, &ifaddrmsg(0, 0, 0, 0, 0)),
    );
    let a = addrs(&m);
    assert_eq!(
        a,
        vec![
            (AF_INET, 24, 0, 1, ip4("192.0.2.10").to_vec()),
            (
                AF_INET6,
                64,
                253,
                1,
                ip6("fe80::5054:ff:fe12:3456").to_vec()
            ),
            (AF_INET6, 64, 0, 1, ip6("2001:db8::10").to_vec()),
            (AF_INET6, 128, 254, 3, ip6("::1").to_vec()),
            (AF_INET6, 64, 253, 3, ip6("fe80::1").to_vec()),
            (AF_INET, 8, 254, 3, ip4("127.0.0.1").to_vec()),
        ]
    );
    // IPv4 on a broadcast interface: ADDRESS, LOCAL, BROADCAST, LABEL, FLAGS, FREEBSD{}.
    let v4 = &m[0];
    assert_eq!(v4.flags, F_REQ | F_DUMP | 2);
    let order: Vec<u16> = v4.attrs(8).iter().map(|x| x.0).collect();
    assert_eq!(
        order,
        [
            IFA_ADDRESS,
            IFA_LOCAL,
            IFA_BROADCAST,
            IFA_LABEL,
            IFA_FLAGS,
            IFA_FREEBSD
        ]
    );
    assert_eq!(v4.attr(8, IFA_BROADCAST).unwrap(), ip4("192.0.2.255"));
    assert_eq!(v4.attr(8, IFA_LABEL).unwrap(), b"em0\0");
    // IPv6: no IFA_LOCAL, but BROADCAST-less, CACHEINFO with infinite lifetimes and
    // stamps in ms of uptime (fixed clock: 3600 s), FREEBSD{IFAF_FLAGS}.
    let v6 = &m[2];
    let order: Vec<u16> = v6.attrs(8).iter().map(|x| x.0).collect();
    assert_eq!(
        order,
        [
            IFA_ADDRESS,
            IFA_LABEL,
            IFA_FLAGS,
            IFA_CACHEINFO,
            IFA_FREEBSD
        ]
    );
    let ci = v6.attr(8, IFA_CACHEINFO).unwrap();
    let mut want = Vec::new();
    for v in [u32::MAX, u32::MAX, 3_600_000, 3_600_000] {
        want.extend_from_slice(&v.to_ne_bytes());
    }
    assert_eq!(ci, want);
    assert_eq!(
        parse_attrs(&v6.attr(8, IFA_FREEBSD).unwrap()),
        vec![(2, vec![0, 0, 0, 0])]
    );
    // in6_flags_to_nl() never sets IFA_F_PERMANENT (it ORs it into the wrong variable).
    assert_eq!(v6.attr(8, IFA_FLAGS).unwrap(), vec![0, 0, 0, 0]);
    let done = m.last().unwrap();
    assert_eq!((done.ty, done.flags, done.i32_at(0)), (NLMSG_DONE, 0, 0));
}

/// `test_46_filter_family_compat`: a 17-byte request (header + 1-byte family) is padded
/// by `nl_parse_header` and filters by family.
#[test]
fn getaddr_stripped_17_byte_header() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let req = msg(RTM_GETADDR, F_REQ | F_DUMP, 3, &[AF_INET6]);
    assert_eq!(req.len(), 17);
    let m = roundtrip(&mut k, s, &req);
    let a = addrs(&m);
    assert_eq!(a.len(), 4);
    assert!(a.iter().all(|x| x.0 == AF_INET6));
    assert_eq!(m.last().unwrap().ty, NLMSG_DONE);
}

/// Under NETLINK_GET_STRICT_CHK the short header is EINVAL "header too short".
#[test]
fn getaddr_short_header_strict() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.setsockopt(s, 270, 12, &1i32.to_ne_bytes()).unwrap();
    k.setsockopt(s, 270, 11, &1i32.to_ne_bytes()).unwrap();
    let m = roundtrip(&mut k, s, &msg(RTM_GETADDR, F_REQ | F_DUMP, 3, &[AF_INET6]));
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].ty, m[0].i32_at(0)), (NLMSG_ERROR, 22));
    let tlvs = parse_attrs(&m[0].payload[4 + 17 + 3..]);
    assert_eq!(
        tlvs[0],
        (1, b"header too short: expected 8, got 1\0".to_vec())
    );
}

/// `rtnl_handle_getaddr` by index: only that interface; an unknown index puts ENOENT
/// into NLMSG_DONE (no separate ack: the dump suppresses it).
#[test]
fn getaddr_by_index() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETADDR, F_REQ | F_DUMP, 3, &ifaddrmsg(0, 0, 0, 0, 3)),
    );
    assert!(addrs(&m).iter().all(|x| x.3 == 3));
    assert_eq!(addrs(&m).len(), 3);
    let m = roundtrip(
        &mut k,
        s,
        &msg(
            RTM_GETADDR,
            F_REQ | F_DUMP | F_ACK,
            3,
            &ifaddrmsg(0, 0, 0, 0, 99),
        ),
    );
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].ty, m[0].i32_at(0)), (NLMSG_DONE, 2));
}

fn newaddr4(index: u32, a: &str, plen: u8, flags: u16) -> Vec<u8> {
    let mut p = ifaddrmsg(AF_INET, plen, 0, 0, index);
    p.extend(attr(IFA_LOCAL, &ip4(a)));
    p.extend(attr(IFA_ADDRESS, &ip4(a)));
    msg(RTM_NEWADDR, F_REQ | F_ACK | flags, 8, &p)
}

/// `rtnl_handle_message`: RTM_NEWADDR needs PRIV_NET_ADDIFADDR.
#[test]
fn newaddr_non_root_is_eperm() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, USER);
    let m = roundtrip(
        &mut k,
        s,
        &newaddr4(2, "198.51.100.1", 24, F_CREATE | F_EXCL),
    );
    assert_eq!((m[0].ty, m[0].i32_at(0)), (NLMSG_ERROR, 1));
}

/// `handle_newaddr_inet`: the address appears with a generated broadcast, the
/// IPV4_IFADDR group is told, and FreeBSD adds the prefix and loopback routes.
#[test]
fn newaddr_inet_adds_routes_and_notifies() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let l = route_sock(&mut k, ROOT);
    k.setsockopt(l, 270, 1, &5i32.to_ne_bytes()).unwrap();
    let m = roundtrip(
        &mut k,
        s,
        &newaddr4(2, "198.51.100.1", 24, F_CREATE | F_EXCL),
    );
    assert_eq!(
        (m[0].ty, m[0].flags, m[0].i32_at(0)),
        (NLMSG_ERROR, 0x100, 0)
    );
    let ev = recv_all(&mut k, l);
    assert_eq!(ev.len(), 1);
    assert_eq!(
        (ev[0].ty, ev[0].flags, ev[0].seq, ev[0].pid),
        (RTM_NEWADDR, 0, 0, 0)
    );
    assert_eq!(ev[0].attr(8, IFA_BROADCAST).unwrap(), ip4("198.51.100.255"));
    let r = roundtrip(
        &mut k,
        s,
        &msg(
            RTM_GETROUTE,
            F_REQ | F_DUMP,
            1,
            &rtmsg(AF_INET, 0, 0, 0, 0, 0),
        ),
    );
    let dsts: Vec<(Vec<u8>, u8)> = r
        .iter()
        .filter(|x| x.ty == 24)
        .map(|x| (x.attr(12, 1).unwrap(), x.payload[1]))
        .collect();
    assert!(dsts.contains(&(ip4("198.51.100.0").to_vec(), 24)));
    assert!(dsts.contains(&(ip4("198.51.100.1").to_vec(), 32)));
}

/// Quirk N4: NEWADDR ignores NLM_F_EXCL — re-adding an existing address succeeds.
#[test]
fn newaddr_ignores_excl() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(&mut k, s, &newaddr4(1, "192.0.2.10", 24, F_CREATE | F_EXCL));
    assert_eq!(m[0].i32_at(0), 0);
    let m = roundtrip(
        &mut k,
        s,
        &msg(
            RTM_GETADDR,
            F_REQ | F_DUMP,
            3,
            &ifaddrmsg(AF_INET, 0, 0, 0, 1),
        ),
    );
    assert_eq!(addrs(&m).len(), 1);
}

/// `post_p_ifa` / `check_sa_family`: an IPv6-sized IFA_LOCAL in an AF_INET request.
#[test]
fn newaddr_wrong_attribute_family() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.setsockopt(s, 270, 11, &1i32.to_ne_bytes()).unwrap();
    let mut p = ifaddrmsg(AF_INET, 64, 0, 0, 2);
    p.extend(attr(IFA_LOCAL, &ip6("2001:db8:1::1")));
    let m = roundtrip(&mut k, s, &msg(RTM_NEWADDR, F_REQ | F_ACK, 1, &p));
    assert_eq!(m[0].i32_at(0), 22);
    let off = 4 + 16 + p.len();
    let tlvs = parse_attrs(&m[0].payload[off..]);
    assert_eq!(
        tlvs[0],
        (
            1,
            b"wrong family for IFA_LOCAL attribute: 2 != 28\0".to_vec()
        )
    );
}

/// `test_add_6` / `test_add_6_flags` / `test_add_6_lifetime`: IPv6 NEWADDR with only
/// IFA_LOCAL is listed (infinite lifetimes); IFA_FLAGS and IFAF_FLAGS combine
/// (`nl_flags_to_in6() | ifaf_flags`) and come back as `in6_flags_to_nl()` and the raw
/// `ia6_flags`; IFA_CACHEINFO lifetimes are kept; a zero valid lifetime on a new address
/// is `in6_update_ifa()`'s silent "nothing to do".
#[test]
fn newaddr_inet6_flags_and_lifetimes() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let list = |k: &mut Kernel| {
        let m = roundtrip(
            k,
            s,
            &msg(
                RTM_GETADDR,
                F_REQ | F_DUMP,
                3,
                &ifaddrmsg(AF_INET6, 0, 0, 0, 1),
            ),
        );
        m.into_iter()
            .filter(|x| x.ty == RTM_NEWADDR)
            .collect::<Vec<_>>()
    };
    let mut p = ifaddrmsg(AF_INET6, 64, 0, 0, 1);
    p.extend(attr(IFA_LOCAL, &ip6("2001:db8:1::5")));
    p.extend(attr_u32(IFA_FLAGS, 0x20));
    p.extend(attr(IFA_FREEBSD, &attr_u32(2, 0x40)));
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_NEWADDR, F_REQ | F_ACK | F_CREATE | F_EXCL, 1, &p),
    );
    assert_eq!(m[0].i32_at(0), 0);
    let l = list(&mut k);
    assert_eq!(l.len(), 3);
    let a = &l[2];
    assert_eq!(a.attr(8, IFA_ADDRESS).unwrap(), ip6("2001:db8:1::5"));
    assert_eq!(
        a.attr(8, IFA_FLAGS).unwrap(),
        0x20u32.to_ne_bytes(),
        "IFA_F_DEPRECATED"
    );
    let fb = parse_attrs(&a.attr(8, IFA_FREEBSD).unwrap());
    assert_eq!(fb, vec![(2, (0x40u32 | 0x10).to_ne_bytes().to_vec())]);
    let ci = a.attr(8, IFA_CACHEINFO).unwrap();
    assert_eq!(&ci[..8], &[0xff; 8]);
    // Explicit lifetimes.
    let mut ci = Vec::new();
    for v in [43200u32, 86400, 0, 0] {
        ci.extend_from_slice(&v.to_ne_bytes());
    }
    let mut p = ifaddrmsg(AF_INET6, 64, 0, 0, 1);
    p.extend(attr(IFA_LOCAL, &ip6("2001:db8:1::6")));
    p.extend(attr(IFA_CACHEINFO, &ci));
    assert_eq!(
        roundtrip(&mut k, s, &msg(RTM_NEWADDR, F_REQ | F_ACK, 1, &p))[0].i32_at(0),
        0
    );
    let l = list(&mut k);
    let got = l[3].attr(8, IFA_CACHEINFO).unwrap();
    assert_eq!(&got[..8], &ci[..8]);
    // pltime > vltime is EINVAL; vltime 0 on a new address adds nothing.
    for (pl, vl, err, n) in [(10u32, 5u32, 22, 4), (0, 0, 0, 4)] {
        let mut ci = Vec::new();
        for v in [pl, vl, 0, 0] {
            ci.extend_from_slice(&v.to_ne_bytes());
        }
        let mut p = ifaddrmsg(AF_INET6, 64, 0, 0, 1);
        p.extend(attr(IFA_LOCAL, &ip6("2001:db8:1::7")));
        p.extend(attr(IFA_CACHEINFO, &ci));
        assert_eq!(
            roundtrip(&mut k, s, &msg(RTM_NEWADDR, F_REQ | F_ACK, 1, &p))[0].i32_at(0),
            err
        );
        assert_eq!(list(&mut k).len(), n);
    }
}

/// `handle_deladdr_inet`: removes the address; a second delete fails.
#[test]
fn deladdr_inet() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let mut p = ifaddrmsg(AF_INET, 24, 0, 0, 1);
    p.extend(attr(IFA_LOCAL, &ip4("192.0.2.10")));
    let m = roundtrip(&mut k, s, &msg(RTM_DELADDR, F_REQ | F_ACK, 1, &p));
    assert_eq!(m[0].i32_at(0), 0);
    let m = roundtrip(&mut k, s, &msg(RTM_DELADDR, F_REQ | F_ACK, 1, &p));
    assert_ne!(m[0].i32_at(0), 0);
    let m = roundtrip(
        &mut k,
        s,
        &msg(
            RTM_GETADDR,
            F_REQ | F_DUMP,
            3,
            &ifaddrmsg(AF_INET, 0, 0, 0, 1),
        ),
    );
    assert!(addrs(&m).is_empty());
}

/// `rtnl_handle_addr`: unknown interface index → ENOENT with a message.
#[test]
fn newaddr_unknown_interface() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.setsockopt(s, 270, 11, &1i32.to_ne_bytes()).unwrap();
    k.setsockopt(s, 270, 10, &1i32.to_ne_bytes()).unwrap();
    let m = roundtrip(&mut k, s, &newaddr4(42, "198.51.100.1", 24, F_CREATE));
    assert_eq!(m[0].i32_at(0), 2);
    let tlvs = parse_attrs(&m[0].payload[20..]);
    assert_eq!(
        tlvs[0],
        (1, b"Unable to find interface with index 42\0".to_vec())
    );
}

/// `handle_newaddr_inet` on a point-to-point interface: IFA_LOCAL and IFA_ADDRESS are
/// both required; the dump reports ADDRESS = peer, LOCAL = local (`dump_iface_addr`);
/// the kernel adds the peer host route and the loopback route for the local address.
#[test]
fn newaddr_inet_point_to_point() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let mut p = ifinfomsg(0, 0, 0, 0, 0);
    p.extend(attr_str(3, "tun0"));
    p.extend(attr(18, &attr_str(1, "tun")));
    let m = roundtrip(&mut k, s, &msg(16, F_REQ | F_ACK | F_CREATE, 1, &p));
    assert_eq!(m[0].i32_at(0), 0);
    let mut p = ifaddrmsg(AF_INET, 32, 0, 0, 4);
    p.extend(attr(IFA_LOCAL, &ip4("10.0.0.1")));
    let m = roundtrip(&mut k, s, &msg(RTM_NEWADDR, F_REQ | F_ACK, 2, &p));
    assert_eq!(m[0].i32_at(0), 22);
    p.extend(attr(IFA_ADDRESS, &ip4("10.0.0.2")));
    let m = roundtrip(&mut k, s, &msg(RTM_NEWADDR, F_REQ | F_ACK, 2, &p));
    assert_eq!(m[0].i32_at(0), 0);
    let m = roundtrip(
        &mut k,
        s,
        &msg(
            RTM_GETADDR,
            F_REQ | F_DUMP,
            3,
            &ifaddrmsg(AF_INET, 0, 0, 0, 4),
        ),
    );
    assert_eq!(m[0].attr(8, IFA_ADDRESS).unwrap(), ip4("10.0.0.2"));
    assert_eq!(m[0].attr(8, IFA_LOCAL).unwrap(), ip4("10.0.0.1"));
    assert!(m[0].attr(8, IFA_BROADCAST).is_none());
    let r = roundtrip(
        &mut k,
        s,
        &msg(
            RTM_GETROUTE,
            F_REQ | F_DUMP,
            1,
            &rtmsg(AF_INET, 0, 0, 0, 0, 0),
        ),
    );
    let d: Vec<(Vec<u8>, Vec<u8>)> = r
        .iter()
        .filter(|x| x.ty == 24)
        .map(|x| (x.attr(12, 1).unwrap(), x.attr(12, 4).unwrap()))
        .collect();
    assert!(d.contains(&(ip4("10.0.0.2").to_vec(), 4u32.to_ne_bytes().to_vec())));
    assert!(d.contains(&(ip4("10.0.0.1").to_vec(), 3u32.to_ne_bytes().to_vec())));
}

/// `nl_parse_attrs_raw`: a getter error records the attribute offset
/// (NLMSGERR_ATTR_OFFS, from the start of the message) next to the text.
#[test]
fn attribute_error_offset() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.setsockopt(s, 270, 11, &1i32.to_ne_bytes()).unwrap();
    k.setsockopt(s, 270, 10, &1i32.to_ne_bytes()).unwrap();
    let mut p = ifaddrmsg(AF_INET, 24, 0, 0, 1);
    p.extend(attr(IFA_LOCAL, &ip4("192.0.2.10")));
    p.extend(attr(IFA_FLAGS, &[1, 2]));
    let m = roundtrip(&mut k, s, &msg(RTM_NEWADDR, F_REQ | F_ACK, 1, &p));
    assert_eq!(m[0].i32_at(0), 22);
    assert_eq!(m[0].flags, 0x300);
    let tlvs = parse_attrs(&m[0].payload[20..]);
    assert_eq!(
        tlvs,
        vec![
            (1, b"nla type 8 size(2) is not uint32\0".to_vec()),
            (2, (16u32 + 8 + 8).to_ne_bytes().to_vec()),
        ]
    );
}

/// `rtnl_handle_addr`: an IPv4 address on a down interface brings it up (the driver's
/// SIOCSIFADDR sets IFF_UP, then `if_up()`), which announces the link and adds the IPv6
/// link-local address after the new one.
#[test]
fn newaddr_inet_brings_interface_up() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let l = route_sock(&mut k, ROOT);
    for g in [1i32, 5, 9] {
        k.setsockopt(l, 270, 1, &g.to_ne_bytes()).unwrap();
    }
    let m = roundtrip(&mut k, s, &newaddr4(2, "198.51.100.1", 24, F_CREATE));
    assert_eq!(m[0].i32_at(0), 0);
    let ev = recv_all(&mut k, l);
    let kinds: Vec<u16> = ev.iter().map(|x| x.ty).collect();
    assert_eq!(kinds, [RTM_NEWADDR, 16, RTM_NEWADDR]);
    assert_eq!(ev[1].u32_at(8) & 0x41, 0x41, "IFF_UP | IFF_DRV_RUNNING");
    assert_eq!(ev[1].u32_at(12), 1, "ifi_change IFF_UP");
    assert_eq!(
        ev[2].attr(8, IFA_ADDRESS).unwrap(),
        ip6("fe80::5054:ff:fe12:3457")
    );
}
