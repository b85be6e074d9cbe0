// SPDX-License-Identifier: BSD-2-Clause
//! Links (`src/msg/link.rs`): flags, types, names, `IFLA_LINKINFO`, `RTM_SETLINK`.

use super::*;

#[test]
fn ifi_flags_freebsd_to_linux() {
    // FreeBSD `sys/net/if.h`: UP 0x1, BROADCAST 0x2, DRV_RUNNING 0x40, MULTICAST 0x8000,
    // IFF_NETLINK_1 (lower up) 0x1000000; FreeBSD-only: NEEDSEPOCH 0x20, OACTIVE 0x400,
    // SIMPLEX 0x800, LINK0-2 0x1000-0x4000, CANTCONFIG 0x10000, PPROMISC 0x20000, MONITOR
    // 0x40000, STATICARP 0x80000 ... PALLMULTI 0x800000.
    let freebsd_only = 0x20 | 0x400 | 0x800 | 0x7000 | 0x10000 | 0x20000 | 0x40000 | 0xF8_0000;
    let flags = 0x1 | 0x2 | 0x40 | 0x8000 | 0x100_0000 | freebsd_only;
    let rep = rmsg(
        NEWLINK,
        MULTI,
        &ifinfomsg(0, IFT_ETHER, 2, flags, 0x8001 | 0x800),
        &[a_str(3, "em0")],
    );
    let out = parse_one(&to_lx(&rep).unwrap());
    let h = hdr(&out);
    // Linux: UP 0x1, BROADCAST 0x2, RUNNING 0x40, MULTICAST 0x1000, LOWER_UP 0x10000.
    assert_eq!(
        u32_at(h, 8),
        0x1 | 0x2 | 0x40 | 0x1000 | 0x10000,
        "{:#x}",
        u32_at(h, 8)
    );
    assert_eq!(u32_at(h, 12), 0x1001, "ifi_change {:#x}", u32_at(h, 12));
}

#[test]
fn ifi_flags_linux_to_freebsd() {
    // Linux-only: MASTER 0x400, SLAVE 0x800, PORTSEL 0x2000, AUTOMEDIA 0x4000, DYNAMIC 0x8000,
    // DORMANT 0x20000, ECHO 0x40000.
    let lonly = 0x400 | 0x800 | 0x2000 | 0x4000 | 0x8000 | 0x20000 | 0x40000;
    let req = rmsg(
        NEWLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 2, 0x1 | 0x1000 | 0x10000 | lonly, 0x1001 | lonly),
        &[],
    );
    let out = parse_one(&to_fb(&req).unwrap());
    let h = hdr(&out);
    assert_eq!(
        u32_at(h, 8),
        0x1 | 0x8000 | 0x100_0000,
        "{:#x}",
        u32_at(h, 8)
    );
    assert_eq!(u32_at(h, 12), 0x8001, "{:#x}", u32_at(h, 12));
}

#[test]
fn ifi_running_follows_operstate() {
    // Linux derives RUNNING from the operational state (`dev_get_flags`): DRV_RUNNING with
    // IF_OPER_DOWN (2) is not running; IF_OPER_DORMANT (5) sets DORMANT 0x20000.
    let link = |flags: u32, oper: u8| {
        let rep = rmsg(
            NEWLINK,
            MULTI,
            &ifinfomsg(0, IFT_ETHER, 2, flags, 0),
            &[a_str(3, "em0"), a_u8(16, oper)],
        );
        u32_at(hdr(&parse_one(&to_lx(&rep).unwrap())), 8)
    };
    assert_eq!(link(0x1 | 0x40, 2) & 0x40, 0);
    assert_eq!(link(0x1, 6) & 0x40, 0x40);
    assert_eq!(link(0x1 | 0x40, 5) & 0x20040, 0x20000);
}

#[test]
fn ift_to_arphrd() {
    // FreeBSD `if_types.h` -> Linux `if_arp.h`.
    let cases: &[(u16, u16)] = &[
        (0x06, 1),      // ETHER
        (0x18, 772),    // LOOP -> LOOPBACK
        (0xd1, 1),      // BRIDGE -> ETHER
        (0x87, 1),      // L2VLAN -> ETHER
        (0xa1, 1),      // IEEE8023ADLAG -> ETHER
        (0x01, 0xfffe), // OTHER -> NONE (raw 1 would read as ARPHRD_ETHER)
        (0x17, 0xfffe), // PPP (tun) -> NONE
        (0xf0, 768),    // GIF -> TUNNEL
        (0xd7, 776),    // STF -> SIT
        (0xf6, 0xfffe), // PFLOG -> NONE
        (0xfe, 0xfffe), // unknown -> NONE
    ];
    for &(ift, arphrd) in cases {
        let rep = rmsg(NEWLINK, MULTI, &ifinfomsg(0, ift, 4, 1, 0), &[]);
        let out = parse_one(&to_lx(&rep).unwrap());
        let ty = u16::from_ne_bytes([hdr(&out)[2], hdr(&out)[3]]);
        assert_eq!(ty, arphrd, "IFT {ift:#x}");
    }
}

#[test]
fn arphrd_to_ift_in_requests() {
    for (arphrd, ift) in [(0u16, 0u16), (1, 6), (772, 0x18)] {
        let req = rmsg(NEWLINK, REQ, &ifinfomsg(0, arphrd, 2, 0, 0), &[]);
        let out = parse_one(&to_fb(&req).unwrap());
        assert_eq!(u16::from_ne_bytes([hdr(&out)[2], hdr(&out)[3]]), ift);
    }
}

#[test]
fn link_family_in_replies_and_requests() {
    // FreeBSD dumps links with AF_UNSPEC; `ip link` asks with AF_PACKET; AF_BRIDGE (7) has no
    // FreeBSD counterpart.
    let req = rmsg(GETLINK, REQ | DUMP, &ifinfomsg(L_PACKET, 0, 0, 0, 0), &[]);
    assert_eq!(hdr(&parse_one(&to_fb(&req).unwrap()))[0], 0);
    let req = rmsg(GETLINK, REQ | DUMP, &ifinfomsg(7, 0, 0, 0, 0), &[]);
    assert!(matches!(to_fb(&req), Err(Error::Family { family: 7, .. })));
}

pub(crate) fn link_reply(index: i32, ift: u16, attrs: &[Vec<u8>]) -> Vec<u8> {
    rmsg(NEWLINK, MULTI, &ifinfomsg(0, ift, index, 0x1, 0), attrs)
}

pub(crate) fn linux_link_attrs(rep: &[u8]) -> Vec<(u16, Vec<u8>)> {
    attrs_of(&parse_one(&to_lx(rep).unwrap()), 16)
}

#[test]
fn names_freebsd_to_linux() {
    for (index, ift, bsd, lx) in [
        (1, IFT_LOOP, "lo0", "lo"),
        (2, IFT_ETHER, "em0", "eth0"),
        (3, IFT_ETHER, "em1", "eth1"),
        (4, IFT_BRIDGE, "bridge0", "bridge0"),
        (5, IFT_LOOP, "lo1", "lo1"),
    ] {
        let a = linux_link_attrs(&link_reply(index, ift, &[a_str(3, bsd), a_str(53, bsd)]));
        assert_eq!(cstr(find(&a, 3).unwrap()), lx, "IFLA_IFNAME {bsd}");
        assert_eq!(cstr(find(&a, 53).unwrap()), lx, "IFLA_ALT_IFNAME {bsd}");
    }
    let rep = rmsg(
        NEWADDR,
        MULTI,
        &ifaddrmsg(2, 24, 0, 0, 3),
        &[attr(1, &[10, 0, 0, 1]), a_str(3, "em1")],
    );
    let a = attrs_of(&parse_one(&to_lx(&rep).unwrap()), 8);
    assert_eq!(cstr(find(&a, 3).unwrap()), "eth1", "IFA_LABEL");
}

#[test]
fn names_linux_to_freebsd() {
    for (lx, bsd) in [
        ("lo", "lo0"),
        ("eth0", "em0"),
        ("eth1", "em1"),
        ("bridge0", "bridge0"),
        ("em0", "em0"),
        ("veth9", "veth9"),
    ] {
        let req = rmsg(
            GETLINK,
            REQ,
            &ifinfomsg(0, 0, 0, 0, 0),
            &[a_str(3, lx), a_str(53, lx)],
        );
        let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 16);
        assert_eq!(cstr(find(&a, 3).unwrap()), bsd, "IFLA_IFNAME {lx}");
        assert_eq!(cstr(find(&a, 53).unwrap()), bsd, "IFLA_ALT_IFNAME {lx}");
    }
    let req = rmsg(
        NEWADDR,
        REQ,
        &ifaddrmsg(2, 24, 0, 0, 2),
        &[attr(2, &[10, 0, 0, 1]), a_str(3, "eth0")],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 8);
    assert_eq!(cstr(find(&a, 3).unwrap()), "em0");
}

#[test]
fn real_ifnames_switch() {
    let host = TestHost { real: true };
    let c = Ctx::new(&host, Proto::Route);
    let rep = link_reply(2, IFT_ETHER, &[a_str(3, "em0")]);
    let out = to_lx_fill(&c, &rep, 0).unwrap();
    assert_eq!(
        cstr(find(&attrs_of(&parse_one(&out), 16), 3).unwrap()),
        "em0"
    );
}

#[test]
fn ifla_ids_from_59_renumbered() {
    // Linux `if_link.h`: TSO_MAX_SIZE 59, TSO_MAX_SEGS 60, ALLMULTI 61, DEVLINK_PORT 62,
    // GSO_IPV4_MAX_SIZE 63, GRO_IPV4_MAX_SIZE 64. FreeBSD `route/interface.h` lacks
    // TSO_MAX_SIZE: TSO_MAX_SEGS 59 ... GRO_IPV4_MAX_SIZE 63.
    let req = rmsg(
        NEWLINK,
        REQ,
        &ifinfomsg(0, 0, 2, 0, 0),
        &[
            a_u32(59, 0x59),
            a_u32(60, 0x60),
            a_u32(61, 0x61),
            a_u32(62, 0x62),
            a_u32(63, 0x63),
            a_u32(64, 0x64),
        ],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 16);
    let got: Vec<(u16, u32)> = a.iter().map(|(t, p)| (*t, pu32(p))).collect();
    assert_eq!(
        got,
        vec![(59, 0x60), (60, 0x61), (61, 0x62), (62, 0x63), (63, 0x64)]
    );

    let rep = link_reply(
        2,
        IFT_ETHER,
        &[
            a_u32(59, 0x60),
            a_u32(60, 0x61),
            a_u32(61, 0x62),
            a_u32(62, 0x63),
            a_u32(63, 0x64),
        ],
    );
    let a = linux_link_attrs(&rep);
    for (id, v) in [
        (60u16, 0x60u32),
        (61, 0x61),
        (62, 0x62),
        (63, 0x63),
        (64, 0x64),
    ] {
        assert_eq!(pu32(find(&a, id).unwrap()), v, "IFLA {id}");
    }
    assert!(find(&a, 59).is_none(), "FreeBSD has no TSO_MAX_SIZE");
}

#[test]
fn ifla_freebsd_dropped_orig_hwaddr_becomes_perm_address() {
    let mac = [2u8, 0, 0, 0, 0, 2];
    let orig = [2u8, 0, 0, 0, 0, 0x99];
    let fb = nest(64, &[a_str(1, "em0"), attr(2, &orig), attr(3, &[0xff; 8])]);
    let a = linux_link_attrs(&link_reply(
        2,
        IFT_ETHER,
        &[a_str(3, "em0"), attr(1, &mac), fb],
    ));
    assert!(
        find(&a, 64).is_none(),
        "IFLA_FREEBSD leaked as IFLA_GRO_IPV4_MAX_SIZE"
    );
    assert_eq!(find(&a, 54).unwrap(), &orig.to_vec(), "IFLA_PERM_ADDRESS");
    assert_eq!(find(&a, 1).unwrap(), &mac.to_vec());
}

#[test]
fn ifla_qdisc_txqlen_synthesized_once() {
    let a = linux_link_attrs(&link_reply(2, IFT_ETHER, &[a_str(3, "em0")]));
    assert_eq!(cstr(find(&a, 6).unwrap()), "noqueue");
    assert_eq!(pu32(find(&a, 13).unwrap()), 1000);
    let a = linux_link_attrs(&link_reply(
        2,
        IFT_ETHER,
        &[a_str(3, "em0"), a_u32(13, 500)],
    ));
    assert_eq!(a.iter().filter(|x| x.0 == 13).count(), 1);
    assert_eq!(pu32(find(&a, 13).unwrap()), 500);
    assert_eq!(a.iter().filter(|x| x.0 == 6).count(), 1);
    // Linux QDISC in a request has no FreeBSD counterpart.
    let req = rmsg(NEWLINK, REQ, &ifinfomsg(0, 0, 2, 0, 0), &[a_str(6, "fq")]);
    assert!(attrs_of(&parse_one(&to_fb(&req).unwrap()), 16).is_empty());
}

#[test]
fn ifla_stats64_resized() {
    let lsize = core::mem::size_of::<linux_abi::rtnl_link_stats64>();
    let fsize = 24 * 8; // FreeBSD: 24 u64 counters ending at rx_nohandler.
    assert!(lsize > fsize);
    let fstats: Vec<u8> = (0..fsize).map(|i| i as u8 | 1).collect();
    let a = linux_link_attrs(&link_reply(2, IFT_ETHER, &[attr(23, &fstats)]));
    let s = find(&a, 23).unwrap();
    assert_eq!(s.len(), lsize);
    assert_eq!(&s[..fsize], &fstats[..]);
    assert!(s[fsize..].iter().all(|&b| b == 0));

    let lstats: Vec<u8> = (0..lsize).map(|i| i as u8 | 1).collect();
    let req = rmsg(
        NEWLINK,
        REQ,
        &ifinfomsg(0, 0, 2, 0, 0),
        &[attr(23, &lstats)],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 16);
    assert_eq!(find(&a, 23).unwrap(), &lstats[..fsize].to_vec());
}

#[test]
fn ifla_ext_mask_dropped() {
    // A lookup (no NLM_F_DUMP): a dump request keeps no attribute at all (see
    // `non_strict_dump_header_fields_never_filter`).
    let req = rmsg(
        GETLINK,
        REQ,
        &ifinfomsg(L_PACKET, 0, 0, 0, 0),
        &[a_u32(29, 1), a_u32(4, 1500)],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 16);
    assert_eq!(ids(&a), vec![4]);
}

// IFLA_LINKINFO (18) nests IFLA_INFO_KIND (1) and IFLA_INFO_DATA (2), same ids on both
// (Linux `if_link.h`, FreeBSD `sys/netlink/route/interface.h`). The ids inside DATA are the
// kind's own: vlan's IFLA_VLAN_ID is 1 on both; gre's differ (Linux `if_tunnel.h`: OKEY 5,
// LOCAL 6, REMOTE 7, FLAGS 13, ENCAP_TYPE 14, ENCAP_SPORT 16; FreeBSD `interface.h`: LOCAL 1,
// REMOTE 2, FLAGS 3, OKEY 4, ENCAP_TYPE 5, ENCAP_SPORT 6).

/// FreeBSD `sys/net/if_types.h`.
pub(crate) const IFT_TUNNEL: u16 = 0x83;
pub(crate) const IFT_L2VLAN: u16 = 0x87;

pub(crate) type Attrs = Vec<(u16, Vec<u8>)>;

pub(crate) fn linkinfo_data(attrs: &[(u16, Vec<u8>)]) -> (String, Option<Attrs>) {
    let info = parse_attrs(find(attrs, 18).unwrap());
    let kind = cstr(find(&info, 1).unwrap()).to_owned();
    (kind, find(&info, 2).map(|d| parse_attrs(d)))
}

#[test]
fn gre_link_data_is_renumbered_both_ways() {
    let data = [
        attr(6, &[10, 0, 0, 1]),
        attr(7, &[10, 0, 0, 2]),
        attr(5, &0x0102_0304u32.to_be_bytes()),
        attr(16, &4789u16.to_be_bytes()),
        a_u32(13, 0),
        a_u16(14, 0),
        a_u16(2, 0x2000),
    ];
    let req = rmsg(
        NEWLINK,
        REQ | ACK | CREATE,
        &ifinfomsg(0, 0, 0, 0, 0),
        &[
            a_str(3, "gre1"),
            nest(18, &[a_str(1, "gre"), nest(2, &data)]),
        ],
    );
    let out = parse_one(&to_fb(&req).unwrap());
    let (kind, data) = linkinfo_data(&attrs_of(&out, 16));
    assert_eq!(kind, "gre");
    let data = data.unwrap();
    assert_eq!(
        ids(&data),
        vec![1, 2, 4, 6],
        "LOCAL, REMOTE, OKEY, ENCAP_SPORT only"
    );
    assert_eq!(find(&data, 1).unwrap(), &vec![10, 0, 0, 1]);
    assert_eq!(find(&data, 2).unwrap(), &vec![10, 0, 0, 2]);
    assert_eq!(
        find(&data, 4).unwrap(),
        &0x0102_0304u32.to_ne_bytes().to_vec()
    );
    assert_eq!(find(&data, 6).unwrap(), &4789u16.to_ne_bytes().to_vec());

    let fdata = [
        attr(1, &[10, 0, 0, 1]),
        attr(2, &[10, 0, 0, 2]),
        a_u32(3, 1),
        a_u32(4, 0x0102_0304),
        a_u32(5, 1),
        a_u16(6, 4789),
    ];
    let rep = link_reply(
        9,
        IFT_TUNNEL,
        &[
            a_str(3, "gre0"),
            nest(18, &[a_str(1, "gre"), nest(2, &fdata)]),
        ],
    );
    let (kind, data) = linkinfo_data(&linux_link_attrs(&rep));
    assert_eq!(kind, "gre");
    let data = data.unwrap();
    assert_eq!(
        ids(&data),
        vec![6, 7, 5, 16],
        "FLAGS and ENCAP_TYPE do not cross"
    );
    assert_eq!(find(&data, 6).unwrap(), &vec![10, 0, 0, 1]);
    assert_eq!(find(&data, 7).unwrap(), &vec![10, 0, 0, 2]);
    assert_eq!(
        find(&data, 5).unwrap(),
        &0x0102_0304u32.to_be_bytes().to_vec()
    );
    assert_eq!(find(&data, 16).unwrap(), &4789u16.to_be_bytes().to_vec());
}

#[test]
fn gre_key_of_the_wrong_size_is_refused() {
    let req = rmsg(
        NEWLINK,
        REQ | ACK | CREATE,
        &ifinfomsg(0, 0, 0, 0, 0),
        &[nest(18, &[a_str(1, "gre"), nest(2, &[a_u16(5, 1)])])],
    );
    assert!(matches!(to_fb(&req), Err(Error::Rejected { attr: 5, .. })));
}

#[test]
fn vlan_link_data_is_copied_and_other_kinds_drop_theirs() {
    let vlan = [a_u16(1, 100), a_u16(5, 0x0081)];
    for to_freebsd in [true, false] {
        let attrs = [nest(18, &[a_str(1, "vlan"), nest(2, &vlan)])];
        let a = if to_freebsd {
            let req = rmsg(NEWLINK, REQ | CREATE, &ifinfomsg(0, 0, 0, 0, 0), &attrs);
            attrs_of(&parse_one(&to_fb(&req).unwrap()), 16)
        } else {
            linux_link_attrs(&link_reply(9, IFT_L2VLAN, &attrs))
        };
        let (kind, data) = linkinfo_data(&a);
        assert_eq!(kind, "vlan");
        assert_eq!(data.unwrap(), parse_attrs(&vlan.concat()));
    }
    // veth ↔ epair: no data table, so its IFLA_VETH_* ids do not cross by number.
    let attrs = [nest(18, &[a_str(1, "veth"), nest(2, &[a_u32(1, 5)])])];
    let req = rmsg(NEWLINK, REQ | CREATE, &ifinfomsg(0, 0, 0, 0, 0), &attrs);
    let (kind, data) = linkinfo_data(&attrs_of(&parse_one(&to_fb(&req).unwrap()), 16));
    assert_eq!((kind.as_str(), data), ("epair", None));
    let attrs = [nest(18, &[a_str(1, "epair"), nest(2, &[a_u32(1, 5)])])];
    let (kind, data) = linkinfo_data(&linux_link_attrs(&link_reply(9, IFT_ETHER, &attrs)));
    assert_eq!((kind.as_str(), data), ("veth", None));
}

// ------------------------------------------------------- RTM_SETLINK

#[test]
fn setlink_becomes_freebsd_modify_link() {
    // RTM_SETLINK 19 → RTM_NEWLINK 16 without NLM_F_CREATE (FreeBSD's modify path).
    const SETLINK: u16 = 19;
    let req = rmsg(
        SETLINK,
        REQ | ACK | CREATE,
        &ifinfomsg(0, 0, 0, 0, 1),
        &[a_str(3, "eth1"), a_u32(4, 1400)],
    );
    let m = parse_one(&to_fb(&req).unwrap());
    assert_eq!((m.ty, m.flags), (NEWLINK, REQ | ACK));
    let a = attrs_of(&m, 16);
    assert_eq!(find(&a, 3).unwrap(), &b"em1\0".to_vec());
    assert_eq!(pu32(find(&a, 4).unwrap()), 1400);
    // modify_link's ENOENT (2) is Linux's ENODEV for SETLINK; EPERM (1) without index or
    // name is EINVAL; EPERM for a request naming the link stays EPERM (privileges).
    let back = |req: &[u8], errno: i32| {
        let err = f_error(errno, 0, &to_fb(req).unwrap(), &[]);
        i32_at(
            &parse_one(&to_lx_fill(&ctx().with_request(Some(req)), &err, 0).unwrap()).payload,
            0,
        )
    };
    assert_eq!(back(&req, 2), -19);
    assert_eq!(back(&req, 1), -1);
    let anon = rmsg(
        SETLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 0, 0, 0),
        &[a_u32(4, 1400)],
    );
    assert_eq!(back(&anon, 1), -22);
    // NEWLINK keeps FreeBSD's errno.
    let newlink = rmsg(
        NEWLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 0, 0, 0),
        &[a_str(3, "eth1")],
    );
    assert_eq!(back(&newlink, 2), -2);
}

#[test]
fn ifla_ifalias_gains_its_nul_towards_freebsd() {
    // iproute2's `ip link set eth0 alias uplink` sends IFLA_IFALIAS (20) without a NUL
    // (ip/iplink.c), which Linux accepts; FreeBSD's nlattr_get_string() refuses an
    // unterminated string. An empty alias (Linux: remove it) becomes "". Text after an
    // embedded NUL is not part of the string on either side.
    for (sent, want) in [
        (&b"uplink"[..], &b"uplink\0"[..]),
        (b"uplink\0", b"uplink\0"),
        (b"", b"\0"),
        (b"up\0link", b"up\0"),
    ] {
        let req = rmsg(
            NEWLINK,
            REQ | ACK,
            &ifinfomsg(0, 0, 2, 0, 0),
            &[attr(20, sent)],
        );
        let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 16);
        assert_eq!(find(&a, 20).unwrap(), want, "{sent:?}");
    }
    // FreeBSD's dump_iface always terminates it; it reaches Linux unchanged.
    let rep = link_reply(2, 6, &[attr(20, b"uplink\0")]);
    assert_eq!(find(&linux_link_attrs(&rep), 20).unwrap(), b"uplink\0");
}
