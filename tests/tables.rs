// SPDX-License-Identifier: BSD-2-Clause
//! Table checks: the numbers in `src/msg/*.rs` against the named constants of both ABI crates,
//! the value sets the translator copies unchanged, errno coverage, and duplicate ids (the
//! runtime twin of `table::valid`).
#![allow(
    clippy::arithmetic_side_effects,
    clippy::as_conversions,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::panic
)]

use freebsd_abi as f;
use linux_abi as l;
use nlcompat::msg;
use nlcompat::table::{AttrTable, Kind};
use nlcompat::{Dir, FreebsdErrno, LinuxErrno};

/// `(name, Linux value, FreeBSD value)` for names both ABI crates define.
macro_rules! pairs {
    ($($n:ident),* $(,)?) => { &[$((stringify!($n), l::$n as u64, f::$n as u64)),*] };
}

#[rustfmt::skip]
mod names {
    use super::{f, l};
    pub(super) const RTN_NAMES: &[(&str, u64, u64)] = pairs![RTN_ANYCAST, RTN_BLACKHOLE, RTN_BROADCAST, RTN_LOCAL, RTN_MULTICAST, RTN_NAT, RTN_PROHIBIT, RTN_THROW, RTN_UNICAST, RTN_UNREACHABLE, RTN_UNSPEC, RTN_XRESOLVE];
    pub(super) const RT_SCOPE_NAMES: &[(&str, u64, u64)] = pairs![RT_SCOPE_HOST, RT_SCOPE_LINK, RT_SCOPE_NOWHERE, RT_SCOPE_SITE, RT_SCOPE_UNIVERSE];
    pub(super) const RTM_F_NAMES: &[(&str, u64, u64)] = pairs![RTM_F_CLONED, RTM_F_EQUALIZE, RTM_F_FIB_MATCH, RTM_F_LOOKUP_TABLE, RTM_F_NOTIFY, RTM_F_OFFLOAD, RTM_F_OFFLOAD_FAILED, RTM_F_PREFIX, RTM_F_TRAP];
    pub(super) const RTNH_F_NAMES: &[(&str, u64, u64)] = pairs![RTNH_F_DEAD, RTNH_F_LINKDOWN, RTNH_F_OFFLOAD, RTNH_F_ONLINK, RTNH_F_PERVASIVE, RTNH_F_TRAP, RTNH_F_UNRESOLVED];
    pub(super) const NUD_NAMES: &[(&str, u64, u64)] = pairs![NUD_DELAY, NUD_FAILED, NUD_INCOMPLETE, NUD_NOARP, NUD_NONE, NUD_PERMANENT, NUD_PROBE, NUD_REACHABLE, NUD_STALE];
    pub(super) const NTF_NAMES: &[(&str, u64, u64)] = pairs![NTF_EXT_LEARNED, NTF_MASTER, NTF_OFFLOADED, NTF_PROXY, NTF_ROUTER, NTF_SELF, NTF_STICKY, NTF_USE];
    pub(super) const IFA_F_NAMES: &[(&str, u64, u64)] = pairs![IFA_F_DADFAILED, IFA_F_DEPRECATED, IFA_F_HOMEADDRESS, IFA_F_MANAGETEMPADDR, IFA_F_MCAUTOJOIN, IFA_F_NODAD, IFA_F_NOPREFIXROUTE, IFA_F_OPTIMISTIC, IFA_F_PERMANENT, IFA_F_SECONDARY, IFA_F_STABLE_PRIVACY, IFA_F_TEMPORARY, IFA_F_TENTATIVE];
    pub(super) const NLM_F_NAMES: &[(&str, u64, u64)] = pairs![NLM_F_ACK, NLM_F_ACK_TLVS, NLM_F_APPEND, NLM_F_ATOMIC, NLM_F_CAPPED, NLM_F_CREATE, NLM_F_DUMP, NLM_F_DUMP_FILTERED, NLM_F_DUMP_INTR, NLM_F_ECHO, NLM_F_EXCL, NLM_F_MATCH, NLM_F_MULTI, NLM_F_NONREC, NLM_F_REPLACE, NLM_F_REQUEST, NLM_F_ROOT];
    pub(super) const NLMSGERR_ATTR_NAMES: &[(&str, u64, u64)] = pairs![NLMSGERR_ATTR_COOKIE, NLMSGERR_ATTR_MSG, NLMSGERR_ATTR_OFFS, NLMSGERR_ATTR_POLICY, NLMSGERR_ATTR_UNUSED];
    pub(super) const RTNLGRP_NAMES: &[(&str, u64, u64)] = pairs![RTNLGRP_BRVLAN, RTNLGRP_DCB, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV4_MROUTE, RTNLGRP_IPV4_MROUTE_R, RTNLGRP_IPV4_NETCONF, RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV4_RULE, RTNLGRP_IPV6_IFADDR, RTNLGRP_IPV6_IFINFO, RTNLGRP_IPV6_MROUTE, RTNLGRP_IPV6_MROUTE_R, RTNLGRP_IPV6_NETCONF, RTNLGRP_IPV6_PREFIX, RTNLGRP_IPV6_ROUTE, RTNLGRP_IPV6_RULE, RTNLGRP_LINK, RTNLGRP_MDB, RTNLGRP_MPLS_NETCONF, RTNLGRP_MPLS_ROUTE, RTNLGRP_ND_USEROPT, RTNLGRP_NEIGH, RTNLGRP_NEXTHOP, RTNLGRP_NONE, RTNLGRP_NOP2, RTNLGRP_NOP4, RTNLGRP_NOTIFY, RTNLGRP_NSID, RTNLGRP_PHONET_IFADDR, RTNLGRP_PHONET_ROUTE, RTNLGRP_TC];
    pub(super) const CTRL_CMD_NAMES: &[(&str, u64, u64)] = pairs![CTRL_CMD_DELFAMILY, CTRL_CMD_DELMCAST_GRP, CTRL_CMD_DELOPS, CTRL_CMD_GETFAMILY, CTRL_CMD_GETMCAST_GRP, CTRL_CMD_GETOPS, CTRL_CMD_GETPOLICY, CTRL_CMD_NEWFAMILY, CTRL_CMD_NEWMCAST_GRP, CTRL_CMD_NEWOPS, CTRL_CMD_UNSPEC];
    pub(super) const CTRL_ATTR_NAMES: &[(&str, u64, u64)] = pairs![CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME, CTRL_ATTR_HDRSIZE, CTRL_ATTR_MAXATTR, CTRL_ATTR_MCAST_GROUPS, CTRL_ATTR_MCAST_GRP_ID, CTRL_ATTR_MCAST_GRP_NAME, CTRL_ATTR_MCAST_GRP_UNSPEC, CTRL_ATTR_OP, CTRL_ATTR_OPS, CTRL_ATTR_OP_FLAGS, CTRL_ATTR_OP_ID, CTRL_ATTR_OP_POLICY, CTRL_ATTR_OP_UNSPEC, CTRL_ATTR_POLICY, CTRL_ATTR_UNSPEC, CTRL_ATTR_VERSION];
    pub(super) const RTPROT_NAMES: &[(&str, u64, u64)] = pairs![RTPROT_BABEL, RTPROT_BGP, RTPROT_BIRD, RTPROT_BOOT, RTPROT_DHCP, RTPROT_DNROUTED, RTPROT_EIGRP, RTPROT_GATED, RTPROT_ISIS, RTPROT_KEEPALIVED, RTPROT_KERNEL, RTPROT_MROUTED, RTPROT_NTK, RTPROT_OPENR, RTPROT_OSPF, RTPROT_RA, RTPROT_REDIRECT, RTPROT_RIP, RTPROT_STATIC, RTPROT_UNSPEC, RTPROT_XORP, RTPROT_ZEBRA];
    pub(super) const RTM_NAMES: &[(&str, u64, u64)] = pairs![RTM_DELACTION, RTM_DELADDR, RTM_DELADDRLABEL, RTM_DELLINK, RTM_DELMDB, RTM_DELNEIGH, RTM_DELNEXTHOP, RTM_DELNSID, RTM_DELQDISC, RTM_DELROUTE, RTM_DELRULE, RTM_DELTCLASS, RTM_DELTFILTER, RTM_GETACTION, RTM_GETADDR, RTM_GETADDRLABEL, RTM_GETANYCAST, RTM_GETDCB, RTM_GETLINK, RTM_GETMDB, RTM_GETMULTICAST, RTM_GETNEIGH, RTM_GETNEIGHTBL, RTM_GETNETCONF, RTM_GETNEXTHOP, RTM_GETNSID, RTM_GETQDISC, RTM_GETROUTE, RTM_GETRULE, RTM_GETSTATS, RTM_GETTCLASS, RTM_GETTFILTER, RTM_NEWACTION, RTM_NEWADDR, RTM_NEWADDRLABEL, RTM_NEWLINK, RTM_NEWMDB, RTM_NEWNDUSEROPT, RTM_NEWNEIGH, RTM_NEWNEIGHTBL, RTM_NEWNETCONF, RTM_NEWNEXTHOP, RTM_NEWNSID, RTM_NEWPREFIX, RTM_NEWQDISC, RTM_NEWROUTE, RTM_NEWRULE, RTM_NEWSTATS, RTM_NEWTCLASS, RTM_NEWTFILTER, RTM_SETDCB, RTM_SETLINK, RTM_SETNEIGHTBL];
    pub(super) const IFLA_NAMES: &[(&str, u64, u64)] = pairs![IFLA_ADDRESS, IFLA_AF_SPEC, IFLA_ALLMULTI, IFLA_ALT_IFNAME, IFLA_BROADCAST, IFLA_CARRIER, IFLA_CARRIER_CHANGES, IFLA_CARRIER_DOWN_COUNT, IFLA_CARRIER_UP_COUNT, IFLA_COST, IFLA_DEVLINK_PORT, IFLA_EVENT, IFLA_EXT_MASK, IFLA_GROUP, IFLA_GRO_IPV4_MAX_SIZE, IFLA_GRO_MAX_SIZE, IFLA_GSO_IPV4_MAX_SIZE, IFLA_GSO_MAX_SEGS, IFLA_GSO_MAX_SIZE, IFLA_IFALIAS, IFLA_IFNAME, IFLA_IF_NETNSID, IFLA_LINK, IFLA_LINKINFO, IFLA_LINKMODE, IFLA_LINK_NETNSID, IFLA_MAP, IFLA_MASTER, IFLA_MAX_MTU, IFLA_MIN_MTU, IFLA_MTU, IFLA_NET_NS_FD, IFLA_NET_NS_PID, IFLA_NEW_IFINDEX, IFLA_NEW_NETNSID, IFLA_NUM_RX_QUEUES, IFLA_NUM_TX_QUEUES, IFLA_NUM_VF, IFLA_OPERSTATE, IFLA_PAD, IFLA_PARENT_DEV_BUS_NAME, IFLA_PARENT_DEV_NAME, IFLA_PERM_ADDRESS, IFLA_PHYS_PORT_ID, IFLA_PHYS_PORT_NAME, IFLA_PHYS_SWITCH_ID, IFLA_PORT_SELF, IFLA_PRIORITY, IFLA_PROMISCUITY, IFLA_PROP_LIST, IFLA_PROTINFO, IFLA_PROTO_DOWN, IFLA_PROTO_DOWN_REASON, IFLA_QDISC, IFLA_STATS, IFLA_STATS64, IFLA_TARGET_NETNSID, IFLA_TSO_MAX_SEGS, IFLA_TXQLEN, IFLA_UNSPEC, IFLA_VFINFO_LIST, IFLA_VF_PORTS, IFLA_WEIGHT, IFLA_WIRELESS, IFLA_XDP];
    pub(super) const IFLA_INFO_NAMES: &[(&str, u64, u64)] = pairs![IFLA_INFO_DATA, IFLA_INFO_KIND, IFLA_INFO_SLAVE_DATA, IFLA_INFO_SLAVE_KIND, IFLA_INFO_UNSPEC, IFLA_INFO_XSTATS];
    pub(super) const IFA_NAMES: &[(&str, u64, u64)] = pairs![IFA_ADDRESS, IFA_ANYCAST, IFA_BROADCAST, IFA_CACHEINFO, IFA_FLAGS, IFA_LABEL, IFA_LOCAL, IFA_MULTICAST, IFA_RT_PRIORITY, IFA_TARGET_NETNSID, IFA_UNSPEC];
    pub(super) const RTA_NAMES: &[(&str, u64, u64)] = pairs![RTA_CACHEINFO, RTA_DPORT, RTA_DST, RTA_ENCAP, RTA_ENCAP_TYPE, RTA_EXPIRES, RTA_FLOW, RTA_GATEWAY, RTA_IIF, RTA_IP_PROTO, RTA_MARK, RTA_METRICS, RTA_MFC_STATS, RTA_MP_ALGO, RTA_MULTIPATH, RTA_NEWDST, RTA_NH_ID, RTA_OIF, RTA_PAD, RTA_PREF, RTA_PREFSRC, RTA_PRIORITY, RTA_PROTOINFO, RTA_SESSION, RTA_SPORT, RTA_SRC, RTA_TABLE, RTA_TTL_PROPAGATE, RTA_UID, RTA_UNSPEC, RTA_VIA];
    pub(super) const NDA_NAMES: &[(&str, u64, u64)] = pairs![NDA_CACHEINFO, NDA_DST, NDA_FDB_EXT_ATTRS, NDA_FLAGS_EXT, NDA_IFINDEX, NDA_LINK_NETNSID, NDA_LLADDR, NDA_MASTER, NDA_NDM_FLAGS_MASK, NDA_NDM_STATE_MASK, NDA_NH_ID, NDA_PORT, NDA_PROBES, NDA_PROTOCOL, NDA_SRC_VNI, NDA_UNSPEC, NDA_VLAN, NDA_VNI];
    pub(super) const NHA_NAMES: &[(&str, u64, u64)] = pairs![NHA_BLACKHOLE, NHA_ENCAP, NHA_ENCAP_TYPE, NHA_FDB, NHA_GATEWAY, NHA_GROUP, NHA_GROUPS, NHA_GROUP_TYPE, NHA_ID, NHA_MASTER, NHA_OIF, NHA_RES_BUCKET, NHA_RES_GROUP, NHA_UNSPEC];
    pub(super) const RTAX_NAMES: &[(&str, u64, u64)] = pairs![RTAX_ADVMSS, RTAX_CC_ALGO, RTAX_CWND, RTAX_FASTOPEN_NO_COOKIE, RTAX_FEATURES, RTAX_HOPLIMIT, RTAX_INITCWND, RTAX_INITRWND, RTAX_LOCK, RTAX_MTU, RTAX_QUICKACK, RTAX_REORDERING, RTAX_RTO_MIN, RTAX_RTT, RTAX_RTTVAR, RTAX_SSTHRESH, RTAX_UNSPEC, RTAX_WINDOW];
}
use names::*;

fn assert_equal_values(group: &str, names: &[(&str, u64, u64)]) {
    assert!(!names.is_empty(), "{group}: no names");
    let bad: Vec<_> = names.iter().filter(|(_, a, b)| a != b).collect();
    assert!(
        bad.is_empty(),
        "{group}: values differ between linux_abi and freebsd_abi: {bad:?}"
    );
}

/// Value sets the tables copy unchanged (header fields `rtm_type`, `rtm_scope`,
/// `rtm_protocol`, `rtm_flags`, `rtnh_flags`, `ndm_state`, `ndm_flags`, `IFA_FLAGS`,
/// `nlmsg_flags`, ext-ack ids, multicast groups, nlctrl commands and attributes).
///
/// `NTF_EXT_MANAGED` is not in the NTF set: it is an `NDA_FLAGS_EXT` bit, Linux 0x1
/// (`neighbour.h`) but FreeBSD 0x100 (`route/neigh.h`: FreeBSD's `NDA_FLAGS_EXT` carries the
/// whole flag word); see `ntf_ext_bits_differ` and `tests/translate/` `nda_flags_ext_shifted`.
#[test]
fn copied_value_sets_are_equal() {
    for (g, names) in [
        ("RTN", RTN_NAMES),
        ("RT_SCOPE", RT_SCOPE_NAMES),
        ("RTM_F", RTM_F_NAMES),
        ("RTNH_F", RTNH_F_NAMES),
        ("NUD", NUD_NAMES),
        ("NTF", NTF_NAMES),
        ("IFA_F", IFA_F_NAMES),
        ("NLM_F", NLM_F_NAMES),
        ("NLMSGERR_ATTR", NLMSGERR_ATTR_NAMES),
        ("RTNLGRP", RTNLGRP_NAMES),
        ("CTRL_CMD", CTRL_CMD_NAMES),
        ("CTRL_ATTR", CTRL_ATTR_NAMES),
        ("RTPROT", RTPROT_NAMES),
    ] {
        assert_equal_values(g, names);
    }
}

/// `RTPROT_MRT` is left out of the RTPROT set: FreeBSD's `route/route.h` defines it as 1
/// (Linux 10), colliding with `RTPROT_REDIRECT`. FreeBSD only emits KERNEL, STATIC and ZEBRA
/// (`rt.c dump_px`), so copying `rtm_protocol` stays right; this pins the quirk.
#[test]
fn rtprot_mrt_quirk() {
    assert_eq!(u64::from(l::RTPROT_MRT), 10);
    assert_eq!(u64::from(f::RTPROT_MRT), u64::from(f::RTPROT_REDIRECT));
    for p in [l::RTPROT_KERNEL, l::RTPROT_STATIC, l::RTPROT_ZEBRA] {
        assert!([f::RTPROT_KERNEL, f::RTPROT_STATIC, f::RTPROT_ZEBRA].contains(&p));
    }
}

/// The `NDA_FLAGS_EXT` bit values are not equal, so that attribute cannot be a plain copy.
#[test]
fn ntf_ext_bits_differ() {
    assert_eq!(u64::from(l::NTF_EXT_MANAGED), 0x1);
    assert_eq!(u64::from(f::NTF_EXT_MANAGED), 0x100);
}

/// Every `nlmsg_type` a table handles has the same number on both systems.
#[test]
fn message_types_are_equal() {
    assert_equal_values("RTM", RTM_NAMES);
    for spec in msg::ROUTE_FAMILIES {
        for &t in spec.types {
            let named = RTM_NAMES.iter().find(|(_, lx, _)| *lx == u64::from(t));
            let (name, _, fb) =
                named.unwrap_or_else(|| panic!("{}: type {t} has no RTM_ name", spec.name));
            assert_eq!(*fb, u64::from(t), "{name}");
        }
    }
    assert_eq!(u64::from(l::GENL_ID_CTRL), u64::from(f::GENL_ID_CTRL));
    assert_eq!(msg::genl::NLCTRL.types, &[l::GENL_ID_CTRL]);
}

/// `(name, Linux value, FreeBSD value)` rows.
type Names = &'static [(&'static str, u64, u64)];

fn all_tables() -> Vec<(&'static AttrTable, Names)> {
    vec![
        (&msg::link::IFLA, IFLA_NAMES),
        (&msg::link::IFLA_INFO, IFLA_INFO_NAMES),
        (&msg::addr::IFA, IFA_NAMES),
        (&msg::route::RTA, RTA_NAMES),
        (&msg::route::RTAX, RTAX_NAMES),
        (&msg::neigh::NDA, NDA_NAMES),
        (&msg::nexthop::NHA, NHA_NAMES),
        (&msg::genl::CTRL_ATTR, CTRL_ATTR_NAMES),
    ]
}

/// A row that crosses must pair the Linux and FreeBSD constants of the same name: the
/// FreeBSD id found for `l::X` is `f::X`, and the Linux id found for `f::X` is `l::X`.
#[test]
fn rows_pair_constants_of_the_same_name() {
    for (t, names) in all_tables() {
        for &(name, lx, fb) in names {
            let (Ok(lx), Ok(fb)) = (u16::try_from(lx), u16::try_from(fb)) else {
                panic!("{name}: id out of range");
            };
            if let Some(r) = t.lookup(Dir::LinuxToFreebsd, lx) {
                if let (Some(out), false) = (r.freebsd, matches!(r.kind, Kind::Drop)) {
                    assert_eq!(
                        out, fb,
                        "{}: {name} (Linux {lx}) goes to FreeBSD {out}, not f::{name} {fb}",
                        t.name
                    );
                }
            }
            if let Some(r) = t.lookup(Dir::FreebsdToLinux, fb) {
                if let (Some(out), false) = (r.linux, matches!(r.kind, Kind::Drop)) {
                    // FreeBSD aliases (RTA_PROTOINFO = NL_RTA_KNH_ID) are rows of another name.
                    if r.freebsd == Some(fb)
                        && names
                            .iter()
                            .any(|n| n.2 == u64::from(fb) && n.1 == u64::from(out))
                    {
                        continue;
                    }
                    assert_eq!(
                        out, lx,
                        "{}: {name} (FreeBSD {fb}) goes to Linux {out}, not l::{name} {lx}",
                        t.name
                    );
                }
            }
        }
    }
}

/// Rows built with `same()` (plain copy, no note) really have equal ids, and every id a row
/// names is one of the crate constants of the table's prefix.
#[test]
fn same_rows_have_equal_ids_and_known_names() {
    for (t, names) in all_tables() {
        for r in t.rules {
            if matches!(r.kind, Kind::Copy) && r.note.is_empty() {
                assert_eq!(r.linux, r.freebsd, "{}: copy row {r:?}", t.name);
            }
            if let (Some(lx), Some(fb)) = (r.linux, r.freebsd) {
                let named = names
                    .iter()
                    .any(|n| n.1 == u64::from(lx) && n.2 == u64::from(fb));
                assert!(
                    named,
                    "{}: row {lx} <-> {fb} pairs no constant of one name",
                    t.name
                );
            }
        }
    }
}

/// The runtime twin of `table::valid`: no id twice on either side, no empty row.
#[test]
fn no_table_has_duplicate_ids() {
    for (t, _) in all_tables() {
        let mut seen_l = std::collections::HashSet::new();
        let mut seen_f = std::collections::HashSet::new();
        for r in t.rules {
            assert!(
                r.linux.is_some() || r.freebsd.is_some(),
                "{}: empty row",
                t.name
            );
            if let Some(x) = r.linux {
                assert!(seen_l.insert(x), "{}: Linux id {x} twice", t.name);
            }
            if let Some(x) = r.freebsd {
                assert!(seen_f.insert(x), "{}: FreeBSD id {x} twice", t.name);
            }
        }
    }
    for spec in msg::ALL {
        let mut seen = std::collections::HashSet::new();
        for &t in spec.types {
            assert!(seen.insert(t), "{}: type {t} twice", spec.name);
        }
        for other in msg::ALL.iter().filter(|o| o.name != spec.name) {
            if spec.name != "nlctrl" && other.name != "nlctrl" {
                assert!(
                    spec.types.iter().all(|t| !other.handles(*t)),
                    "{} and {} overlap",
                    spec.name,
                    other.name
                );
            }
        }
    }
}

/// Every nested table reached from a top-level table is valid too (no duplicates), and every
/// spec's attribute table is among the ones checked above.
#[test]
fn every_spec_table_is_checked() {
    let checked: Vec<&str> = all_tables().iter().map(|(t, _)| t.name).collect();
    for spec in msg::ALL {
        assert!(
            checked.contains(&spec.attrs.name),
            "{} not checked",
            spec.attrs.name
        );
        for r in spec.attrs.rules {
            if let Kind::Nested(n) = r.kind {
                assert!(checked.contains(&n.name), "nested {} not checked", n.name);
            }
        }
    }
}

/// FreeBSD errno -> Linux errno, from `sys/compat/linux/linux_errno.inc` `linux_errtbl`
/// (index = FreeBSD errno 1..=97; `docs/sources.md`).
const LINUX_ERRTBL: [i32; 97] = [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 35, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
    27, 28, 29, 30, 31, 32, 33, 34, 11, 115, 114, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99,
    100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 40, 36, 112, 113, 39, 11, 87, 122,
    116, 66, 6, 6, 6, 6, 6, 37, 38, 9, 6, 6, 43, 42, 75, 125, 84, 61, 22, 74, 72, 67, 71, 1, 1,
    131, 130, 22,
];

#[test]
fn every_freebsd_errno_maps_as_the_linuxulator_does() {
    assert_eq!(f::ELAST, 97);
    for e in 1..=f::ELAST {
        let want = LINUX_ERRTBL[(e - 1) as usize];
        assert_eq!(
            msg::errno::to_linux(FreebsdErrno::new(e)).get(),
            want,
            "FreeBSD errno {e}"
        );
        assert_eq!(
            msg::errno::translate_wire(Dir::FreebsdToLinux, e),
            -want,
            "wire {e}"
        );
    }
}

#[test]
fn errno_names_on_both_systems_pair_up() {
    for &(lx, fb) in msg::errno::SAME {
        assert_eq!(msg::errno::to_linux(FreebsdErrno::new(fb)).get(), lx);
        assert_eq!(msg::errno::to_freebsd(LinuxErrno::new(lx)).get(), fb);
    }
    // Spot checks against literal numbers (Linux asm-generic/errno*.h, FreeBSD sys/errno.h).
    for (lx, fb) in [
        (11, 35),
        (35, 11),
        (95, 45),
        (97, 47),
        (105, 55),
        (19, 19),
        (22, 22),
        (110, 60),
    ] {
        assert_eq!(
            msg::errno::to_freebsd(LinuxErrno::new(lx)).get(),
            fb,
            "Linux {lx}"
        );
        assert_eq!(
            msg::errno::to_linux(FreebsdErrno::new(fb)).get(),
            lx,
            "FreeBSD {fb}"
        );
    }
    // Every Linux errno 1..=133 has a FreeBSD value inside 1..=ELAST.
    for e in 1..=133 {
        let fb = msg::errno::to_freebsd(LinuxErrno::new(e)).get();
        assert!((1..=f::ELAST).contains(&fb), "Linux {e} -> {fb}");
    }
}
