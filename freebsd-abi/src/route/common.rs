// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netlink/route/common.h`: NETLINK_ROUTE message types and multicast groups, plus
//! `struct rtgenmsg` (declared in `route/route.h`).
//!
//! The kernel spells message types `NL_RTM_*` (the `RTM_*` space belongs to the routing
//! socket); the header maps `RTM_*` to them for userland only for BASE, LINK, ADDR, ROUTE and
//! NEXTHOP. This crate provides both spellings for every type.

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, first route message type.
pub const NL_RTM_BASE: u16 = 16;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, create an interface.
pub const NL_RTM_NEWLINK: u16 = 16;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, delete an interface.
pub const NL_RTM_DELLINK: u16 = 17;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, list interfaces.
pub const NL_RTM_GETLINK: u16 = 18;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_SETLINK: u16 = 19;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, add an interface address.
pub const NL_RTM_NEWADDR: u16 = 20;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, delete an interface address.
pub const NL_RTM_DELADDR: u16 = 21;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, list interface addresses.
pub const NL_RTM_GETADDR: u16 = 22;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, add or change a route.
pub const NL_RTM_NEWROUTE: u16 = 24;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, delete a route.
pub const NL_RTM_DELROUTE: u16 = 25;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, list / look up routes.
pub const NL_RTM_GETROUTE: u16 = 26;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, create an ARP/NDP entry.
pub const NL_RTM_NEWNEIGH: u16 = 28;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, delete an ARP/NDP entry.
pub const NL_RTM_DELNEIGH: u16 = 29;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, list ARP/NDP entries.
pub const NL_RTM_GETNEIGH: u16 = 30;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWRULE: u16 = 32;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_DELRULE: u16 = 33;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETRULE: u16 = 34;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWQDISC: u16 = 36;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_DELQDISC: u16 = 37;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETQDISC: u16 = 38;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWTCLASS: u16 = 40;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_DELTCLASS: u16 = 41;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETTCLASS: u16 = 42;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWTFILTER: u16 = 44;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_DELTFILTER: u16 = 45;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETTFILTER: u16 = 46;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWACTION: u16 = 48;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_DELACTION: u16 = 49;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETACTION: u16 = 50;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWPREFIX: u16 = 52;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETMULTICAST: u16 = 58;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETANYCAST: u16 = 62;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWNEIGHTBL: u16 = 64;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETNEIGHTBL: u16 = 66;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_SETNEIGHTBL: u16 = 67;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWNDUSEROPT: u16 = 68;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWADDRLABEL: u16 = 72;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_DELADDRLABEL: u16 = 73;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETADDRLABEL: u16 = 74;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETDCB: u16 = 78;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_SETDCB: u16 = 79;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWNETCONF: u16 = 80;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETNETCONF: u16 = 82;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWMDB: u16 = 84;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_DELMDB: u16 = 85;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETMDB: u16 = 86;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWNSID: u16 = 88;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_DELNSID: u16 = 89;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETNSID: u16 = 90;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_NEWSTATS: u16 = 92;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, not supported.
pub const NL_RTM_GETSTATS: u16 = 94;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, create a user nexthop.
pub const NL_RTM_NEWNEXTHOP: u16 = 104;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, delete a nexthop.
pub const NL_RTM_DELNEXTHOP: u16 = 105;
/// FreeBSD: sys/netlink/route/common.h NL_RTM enum; u16 `nlmsg_type`, list user nexthops.
pub const NL_RTM_GETNEXTHOP: u16 = 106;
/// FreeBSD: sys/netlink/route/common.h `NL_RTM_MAX`; u16, `((__NL_RTM_MAX + 3) & ~3) - 1`.
pub const NL_RTM_MAX: u16 = 107;

/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_BASE`; u16 `nlmsg_type`.
pub const RTM_BASE: u16 = NL_RTM_BASE;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWLINK`; u16 `nlmsg_type`.
pub const RTM_NEWLINK: u16 = NL_RTM_NEWLINK;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELLINK`; u16 `nlmsg_type`.
pub const RTM_DELLINK: u16 = NL_RTM_DELLINK;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETLINK`; u16 `nlmsg_type`.
pub const RTM_GETLINK: u16 = NL_RTM_GETLINK;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_SETLINK`; u16 `nlmsg_type`.
pub const RTM_SETLINK: u16 = NL_RTM_SETLINK;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWADDR`; u16 `nlmsg_type`.
pub const RTM_NEWADDR: u16 = NL_RTM_NEWADDR;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELADDR`; u16 `nlmsg_type`.
pub const RTM_DELADDR: u16 = NL_RTM_DELADDR;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETADDR`; u16 `nlmsg_type`.
pub const RTM_GETADDR: u16 = NL_RTM_GETADDR;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWROUTE`; u16 `nlmsg_type`.
pub const RTM_NEWROUTE: u16 = NL_RTM_NEWROUTE;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELROUTE`; u16 `nlmsg_type`.
pub const RTM_DELROUTE: u16 = NL_RTM_DELROUTE;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETROUTE`; u16 `nlmsg_type`.
pub const RTM_GETROUTE: u16 = NL_RTM_GETROUTE;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWNEIGH`; u16 `nlmsg_type`.
pub const RTM_NEWNEIGH: u16 = NL_RTM_NEWNEIGH;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELNEIGH`; u16 `nlmsg_type`.
pub const RTM_DELNEIGH: u16 = NL_RTM_DELNEIGH;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETNEIGH`; u16 `nlmsg_type`.
pub const RTM_GETNEIGH: u16 = NL_RTM_GETNEIGH;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWRULE`; u16 `nlmsg_type`.
pub const RTM_NEWRULE: u16 = NL_RTM_NEWRULE;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELRULE`; u16 `nlmsg_type`.
pub const RTM_DELRULE: u16 = NL_RTM_DELRULE;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETRULE`; u16 `nlmsg_type`.
pub const RTM_GETRULE: u16 = NL_RTM_GETRULE;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWQDISC`; u16 `nlmsg_type`.
pub const RTM_NEWQDISC: u16 = NL_RTM_NEWQDISC;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELQDISC`; u16 `nlmsg_type`.
pub const RTM_DELQDISC: u16 = NL_RTM_DELQDISC;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETQDISC`; u16 `nlmsg_type`.
pub const RTM_GETQDISC: u16 = NL_RTM_GETQDISC;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWTCLASS`; u16 `nlmsg_type`.
pub const RTM_NEWTCLASS: u16 = NL_RTM_NEWTCLASS;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELTCLASS`; u16 `nlmsg_type`.
pub const RTM_DELTCLASS: u16 = NL_RTM_DELTCLASS;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETTCLASS`; u16 `nlmsg_type`.
pub const RTM_GETTCLASS: u16 = NL_RTM_GETTCLASS;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWTFILTER`; u16 `nlmsg_type`.
pub const RTM_NEWTFILTER: u16 = NL_RTM_NEWTFILTER;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELTFILTER`; u16 `nlmsg_type`.
pub const RTM_DELTFILTER: u16 = NL_RTM_DELTFILTER;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETTFILTER`; u16 `nlmsg_type`.
pub const RTM_GETTFILTER: u16 = NL_RTM_GETTFILTER;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWACTION`; u16 `nlmsg_type`.
pub const RTM_NEWACTION: u16 = NL_RTM_NEWACTION;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELACTION`; u16 `nlmsg_type`.
pub const RTM_DELACTION: u16 = NL_RTM_DELACTION;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETACTION`; u16 `nlmsg_type`.
pub const RTM_GETACTION: u16 = NL_RTM_GETACTION;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWPREFIX`; u16 `nlmsg_type`.
pub const RTM_NEWPREFIX: u16 = NL_RTM_NEWPREFIX;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETMULTICAST`; u16 `nlmsg_type`.
pub const RTM_GETMULTICAST: u16 = NL_RTM_GETMULTICAST;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETANYCAST`; u16 `nlmsg_type`.
pub const RTM_GETANYCAST: u16 = NL_RTM_GETANYCAST;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWNEIGHTBL`; u16 `nlmsg_type`.
pub const RTM_NEWNEIGHTBL: u16 = NL_RTM_NEWNEIGHTBL;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETNEIGHTBL`; u16 `nlmsg_type`.
pub const RTM_GETNEIGHTBL: u16 = NL_RTM_GETNEIGHTBL;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_SETNEIGHTBL`; u16 `nlmsg_type`.
pub const RTM_SETNEIGHTBL: u16 = NL_RTM_SETNEIGHTBL;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWNDUSEROPT`; u16 `nlmsg_type`.
pub const RTM_NEWNDUSEROPT: u16 = NL_RTM_NEWNDUSEROPT;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWADDRLABEL`; u16 `nlmsg_type`.
pub const RTM_NEWADDRLABEL: u16 = NL_RTM_NEWADDRLABEL;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELADDRLABEL`; u16 `nlmsg_type`.
pub const RTM_DELADDRLABEL: u16 = NL_RTM_DELADDRLABEL;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETADDRLABEL`; u16 `nlmsg_type`.
pub const RTM_GETADDRLABEL: u16 = NL_RTM_GETADDRLABEL;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETDCB`; u16 `nlmsg_type`.
pub const RTM_GETDCB: u16 = NL_RTM_GETDCB;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_SETDCB`; u16 `nlmsg_type`.
pub const RTM_SETDCB: u16 = NL_RTM_SETDCB;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWNETCONF`; u16 `nlmsg_type`.
pub const RTM_NEWNETCONF: u16 = NL_RTM_NEWNETCONF;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETNETCONF`; u16 `nlmsg_type`.
pub const RTM_GETNETCONF: u16 = NL_RTM_GETNETCONF;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWMDB`; u16 `nlmsg_type`.
pub const RTM_NEWMDB: u16 = NL_RTM_NEWMDB;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELMDB`; u16 `nlmsg_type`.
pub const RTM_DELMDB: u16 = NL_RTM_DELMDB;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETMDB`; u16 `nlmsg_type`.
pub const RTM_GETMDB: u16 = NL_RTM_GETMDB;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWNSID`; u16 `nlmsg_type`.
pub const RTM_NEWNSID: u16 = NL_RTM_NEWNSID;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELNSID`; u16 `nlmsg_type`.
pub const RTM_DELNSID: u16 = NL_RTM_DELNSID;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETNSID`; u16 `nlmsg_type`.
pub const RTM_GETNSID: u16 = NL_RTM_GETNSID;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWSTATS`; u16 `nlmsg_type`.
pub const RTM_NEWSTATS: u16 = NL_RTM_NEWSTATS;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETSTATS`; u16 `nlmsg_type`.
pub const RTM_GETSTATS: u16 = NL_RTM_GETSTATS;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_NEWNEXTHOP`; u16 `nlmsg_type`.
pub const RTM_NEWNEXTHOP: u16 = NL_RTM_NEWNEXTHOP;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_DELNEXTHOP`; u16 `nlmsg_type`.
pub const RTM_DELNEXTHOP: u16 = NL_RTM_DELNEXTHOP;
/// FreeBSD: sys/netlink/route/common.h userland name of `NL_RTM_GETNEXTHOP`; u16 `nlmsg_type`.
pub const RTM_GETNEXTHOP: u16 = NL_RTM_GETNEXTHOP;

/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_NONE: u32 = 0;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_LINK: u32 = 1;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_NOTIFY: u32 = 2;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_NEIGH: u32 = 3;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_TC: u32 = 4;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV4_IFADDR: u32 = 5;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV4_MROUTE: u32 = 6;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV4_ROUTE: u32 = 7;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV4_RULE: u32 = 8;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV6_IFADDR: u32 = 9;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV6_MROUTE: u32 = 10;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV6_ROUTE: u32 = 11;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV6_IFINFO: u32 = 12;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
#[expect(non_upper_case_globals, reason = "FreeBSD's C name")]
pub const RTNLGRP_DECnet_IFADDR: u32 = 13;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number (placeholder).
pub const RTNLGRP_NOP2: u32 = 14;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
#[expect(non_upper_case_globals, reason = "FreeBSD's C name")]
pub const RTNLGRP_DECnet_ROUTE: u32 = 15;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
#[expect(non_upper_case_globals, reason = "FreeBSD's C name")]
pub const RTNLGRP_DECnet_RULE: u32 = 16;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number (placeholder).
pub const RTNLGRP_NOP4: u32 = 17;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV6_PREFIX: u32 = 18;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV6_RULE: u32 = 19;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_ND_USEROPT: u32 = 20;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_PHONET_IFADDR: u32 = 21;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_PHONET_ROUTE: u32 = 22;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_DCB: u32 = 23;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV4_NETCONF: u32 = 24;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV6_NETCONF: u32 = 25;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_MDB: u32 = 26;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_MPLS_ROUTE: u32 = 27;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_NSID: u32 = 28;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_MPLS_NETCONF: u32 = 29;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV4_MROUTE_R: u32 = 30;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_IPV6_MROUTE_R: u32 = 31;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_NEXTHOP: u32 = 32;
/// FreeBSD: sys/netlink/route/common.h enum rtnetlink_groups; u32 group number.
pub const RTNLGRP_BRVLAN: u32 = 33;
/// FreeBSD: sys/netlink/route/common.h `RTNLGRP_MAX`; u32, highest group.
pub const RTNLGRP_MAX: u32 = 33;

/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_LINK: u32 = 0x1;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_NOTIFY: u32 = 0x2;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_NEIGH: u32 = 0x4;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_TC: u32 = 0x8;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_IPV4_IFADDR: u32 = 0x10;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_IPV4_MROUTE: u32 = 0x20;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_IPV4_ROUTE: u32 = 0x40;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_IPV4_RULE: u32 = 0x80;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_IPV6_IFADDR: u32 = 0x100;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_IPV6_MROUTE: u32 = 0x200;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_IPV6_ROUTE: u32 = 0x400;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_IPV6_IFINFO: u32 = 0x800;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
#[expect(non_upper_case_globals, reason = "FreeBSD's C name")]
pub const RTMGRP_DECnet_IFADDR: u32 = 0x1000;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
#[expect(non_upper_case_globals, reason = "FreeBSD's C name")]
pub const RTMGRP_DECnet_ROUTE: u32 = 0x4000;
/// FreeBSD: sys/netlink/route/common.h userland compat mask; u32 `nl_groups` bit.
pub const RTMGRP_IPV6_PREFIX: u32 = 0x20000;

/// FreeBSD: sys/netlink/route/route.h `struct rtgenmsg` (1 byte): the family-only header of
/// short GET dump requests.
#[repr(C)]
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    FromBytes,
    IntoBytes,
    Immutable,
    KnownLayout,
    Unaligned,
)]
pub struct rtgenmsg {
    /// Address family (`AF_*`).
    pub rtgen_family: u8,
}
const _: () = assert!(core::mem::size_of::<rtgenmsg>() == 1);
