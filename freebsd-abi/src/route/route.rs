// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netlink/route/route.h`: RTM_NEWROUTE/DELROUTE/GETROUTE header, attributes, metrics,
//! multipath nexthops and the route value enums.
//!
//! The kernel spells attributes `NL_RTA_*` / `NL_RTAX_*` because `RTA_*` / `RTAX_*` belong to
//! the routing socket (`net/route.h`); the header maps the `RTA_*` / `RTAX_*` names to them for
//! userland. Both spellings are provided. Ids 10, 13 and 14 have two names each: the Linux
//! (obsolete) one and FreeBSD's own (`KNH_ID`, `WEIGHT`, `RTFLAGS`).

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

/// FreeBSD: sys/netlink/route/route.h `struct rtmsg` (12 bytes).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct rtmsg {
    /// Address family.
    pub rtm_family: u8,
    /// Destination prefix length.
    pub rtm_dst_len: u8,
    /// Source prefix length (not used).
    pub rtm_src_len: u8,
    /// Type of service (not used).
    pub rtm_tos: u8,
    /// Table id; FreeBSD takes the table from `RTA_TABLE`.
    pub rtm_table: u8,
    /// `RTPROT_*`.
    pub rtm_protocol: u8,
    /// `RT_SCOPE_*`.
    pub rtm_scope: u8,
    /// `RTN_*`.
    pub rtm_type: u8,
    /// `RTM_F_*` / `RTNH_F_*` flags.
    pub rtm_flags: u32,
}
const _: () = assert!(core::mem::size_of::<rtmsg>() == 12);

/// FreeBSD: sys/netlink/route/route.h RTN enum; u8 `rtm_type`.
pub const RTN_UNSPEC: u8 = 0;
/// FreeBSD: sys/netlink/route/route.h RTN enum; u8 `rtm_type`, unicast route.
pub const RTN_UNICAST: u8 = 1;
/// FreeBSD: sys/netlink/route/route.h RTN enum; u8 `rtm_type`, accept locally (not supported).
pub const RTN_LOCAL: u8 = 2;
/// FreeBSD: sys/netlink/route/route.h RTN enum; u8 `rtm_type`, broadcast.
pub const RTN_BROADCAST: u8 = 3;
/// FreeBSD: sys/netlink/route/route.h RTN enum; u8 `rtm_type`, anycast.
pub const RTN_ANYCAST: u8 = 4;
/// FreeBSD: sys/netlink/route/route.h RTN enum; u8 `rtm_type`, multicast route.
pub const RTN_MULTICAST: u8 = 5;
/// FreeBSD: sys/netlink/route/route.h RTN enum; u8 `rtm_type`, drop traffic.
pub const RTN_BLACKHOLE: u8 = 6;
/// FreeBSD: sys/netlink/route/route.h RTN enum; u8 `rtm_type`, destination unreachable.
pub const RTN_UNREACHABLE: u8 = 7;
/// FreeBSD: sys/netlink/route/route.h RTN enum; u8 `rtm_type`, administratively prohibited.
pub const RTN_PROHIBIT: u8 = 8;
/// FreeBSD: sys/netlink/route/route.h RTN enum; u8 `rtm_type`, not in this table (not supported).
pub const RTN_THROW: u8 = 9;
/// FreeBSD: sys/netlink/route/route.h RTN enum; u8 `rtm_type`, not supported.
pub const RTN_NAT: u8 = 10;
/// FreeBSD: sys/netlink/route/route.h RTN enum; u8 `rtm_type`, not supported.
pub const RTN_XRESOLVE: u8 = 11;
/// FreeBSD: sys/netlink/route/route.h `RTN_MAX`; u8.
pub const RTN_MAX: u8 = 11;

/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_UNSPEC: u8 = 0;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`, ICMP redirect.
pub const RTPROT_REDIRECT: u8 = 1;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`, kernel.
pub const RTPROT_KERNEL: u8 = 2;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`, boot.
pub const RTPROT_BOOT: u8 = 3;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`, administrator.
pub const RTPROT_STATIC: u8 = 4;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_GATED: u8 = 8;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_RA: u8 = 9;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`, **1 in FreeBSD's header** (Linux: 10).
pub const RTPROT_MRT: u8 = 1;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_ZEBRA: u8 = 11;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_BIRD: u8 = 12;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_DNROUTED: u8 = 13;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_XORP: u8 = 14;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_NTK: u8 = 15;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_DHCP: u8 = 16;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_MROUTED: u8 = 17;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_KEEPALIVED: u8 = 18;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_BABEL: u8 = 42;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_OPENR: u8 = 99;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_BGP: u8 = 186;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_ISIS: u8 = 187;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_OSPF: u8 = 188;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_RIP: u8 = 189;
/// FreeBSD: sys/netlink/route/route.h RTPROT define; u8 `rtm_protocol`.
pub const RTPROT_EIGRP: u8 = 192;

/// FreeBSD: sys/netlink/route/route.h enum rt_scope_t; u8 `rtm_scope` / `ifa_scope`.
pub const RT_SCOPE_UNIVERSE: u8 = 0;
/// FreeBSD: sys/netlink/route/route.h enum rt_scope_t; u8 `rtm_scope` / `ifa_scope`.
pub const RT_SCOPE_SITE: u8 = 200;
/// FreeBSD: sys/netlink/route/route.h enum rt_scope_t; u8 `rtm_scope` / `ifa_scope`.
pub const RT_SCOPE_LINK: u8 = 253;
/// FreeBSD: sys/netlink/route/route.h enum rt_scope_t; u8 `rtm_scope` / `ifa_scope`.
pub const RT_SCOPE_HOST: u8 = 254;
/// FreeBSD: sys/netlink/route/route.h enum rt_scope_t; u8 `rtm_scope` / `ifa_scope`.
pub const RT_SCOPE_NOWHERE: u8 = 255;

/// FreeBSD: sys/netlink/route/route.h `rtm_flags` bit; u32 (not supported).
pub const RTM_F_NOTIFY: u32 = 0x00000100;
/// FreeBSD: sys/netlink/route/route.h `rtm_flags` bit; u32 (not supported).
pub const RTM_F_CLONED: u32 = 0x00000200;
/// FreeBSD: sys/netlink/route/route.h `rtm_flags` bit; u32 (not supported).
pub const RTM_F_EQUALIZE: u32 = 0x00000400;
/// FreeBSD: sys/netlink/route/route.h `rtm_flags` bit; u32 (not supported).
pub const RTM_F_PREFIX: u32 = 0x00000800;
/// FreeBSD: sys/netlink/route/route.h `rtm_flags` bit; u32 (not supported).
pub const RTM_F_LOOKUP_TABLE: u32 = 0x00001000;
/// FreeBSD: sys/netlink/route/route.h `rtm_flags` bit; u32 (not supported).
pub const RTM_F_FIB_MATCH: u32 = 0x00002000;
/// FreeBSD: sys/netlink/route/route.h `rtm_flags` bit; u32 (not supported).
pub const RTM_F_OFFLOAD: u32 = 0x00004000;
/// FreeBSD: sys/netlink/route/route.h `rtm_flags` bit; u32 (not supported).
pub const RTM_F_TRAP: u32 = 0x00008000;
/// FreeBSD: sys/netlink/route/route.h `rtm_flags` bit; u32 (not supported).
pub const RTM_F_OFFLOAD_FAILED: u32 = 0x20000000;

/// FreeBSD: sys/netlink/route/route.h; u32 `RTA_TABLE`, the default fib (`RT_DEFAULT_FIB`; Linux main is 254).
pub const RT_TABLE_MAIN: u32 = 0;
/// FreeBSD: sys/netlink/route/route.h; u32 `RTA_TABLE`, all fibs (`RT_ALL_FIBS`; Linux uses 0).
pub const RT_TABLE_UNSPEC: u32 = 0xFFFF_FFFF;

/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16.
pub const NL_RTA_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, binary destination.
pub const NL_RTA_DST: u16 = 1;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, binary preferred source.
pub const NL_RTA_SRC: u16 = 2;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_IIF: u16 = 3;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, u32 transmit ifindex.
pub const NL_RTA_OIF: u16 = 4;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, binary gateway.
pub const NL_RTA_GATEWAY: u16 = 5;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_PRIORITY: u16 = 6;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_PREFSRC: u16 = 7;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, nested `RTAX_*`.
pub const NL_RTA_METRICS: u16 = 8;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, array of `struct rtnexthop`.
pub const NL_RTA_MULTIPATH: u16 = 9;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported / deprecated; same id as `NL_RTA_KNH_ID`.
pub const NL_RTA_PROTOINFO: u16 = 10;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, u32 kernel nexthop index, FreeBSD-only (Linux: RTA_PROTOINFO).
pub const NL_RTA_KNH_ID: u16 = 10;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_FLOW: u16 = 11;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_CACHEINFO: u16 = 12;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported / deprecated; same id as `NL_RTA_WEIGHT`.
pub const NL_RTA_SESSION: u16 = 13;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, u32 path weight, FreeBSD-only (Linux: RTA_SESSION).
pub const NL_RTA_WEIGHT: u16 = 13;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported / deprecated; same id as `NL_RTA_RTFLAGS`.
pub const NL_RTA_MP_ALGO: u16 = 14;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, u32 `RTF_*` path flags, FreeBSD-only (Linux: RTA_MP_ALGO).
pub const NL_RTA_RTFLAGS: u16 = 14;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, u32 fib number.
pub const NL_RTA_TABLE: u16 = 15;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_MARK: u16 = 16;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_MFC_STATS: u16 = 17;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, `struct rtvia` with a u8 family.
pub const NL_RTA_VIA: u16 = 18;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_NEWDST: u16 = 19;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_PREF: u16 = 20;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_ENCAP_TYPE: u16 = 21;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_ENCAP: u16 = 22;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, u32 seconds until expiry.
pub const NL_RTA_EXPIRES: u16 = 23;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_PAD: u16 = 24;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_UID: u16 = 25;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_TTL_PROPAGATE: u16 = 26;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_IP_PROTO: u16 = 27;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_SPORT: u16 = 28;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, not supported.
pub const NL_RTA_DPORT: u16 = 29;
/// FreeBSD: sys/netlink/route/route.h enum rtattr_type_t; u16, u32 nexthop / group index.
pub const NL_RTA_NH_ID: u16 = 30;
/// FreeBSD: sys/netlink/route/route.h `NL_RTA_MAX`; u16.
pub const NL_RTA_MAX: u16 = 30;

/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_UNSPEC`; u16.
pub const RTA_UNSPEC: u16 = NL_RTA_UNSPEC;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_DST`; u16.
pub const RTA_DST: u16 = NL_RTA_DST;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_SRC`; u16.
pub const RTA_SRC: u16 = NL_RTA_SRC;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_IIF`; u16.
pub const RTA_IIF: u16 = NL_RTA_IIF;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_OIF`; u16.
pub const RTA_OIF: u16 = NL_RTA_OIF;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_GATEWAY`; u16.
pub const RTA_GATEWAY: u16 = NL_RTA_GATEWAY;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_PRIORITY`; u16.
pub const RTA_PRIORITY: u16 = NL_RTA_PRIORITY;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_PREFSRC`; u16.
pub const RTA_PREFSRC: u16 = NL_RTA_PREFSRC;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_METRICS`; u16.
pub const RTA_METRICS: u16 = NL_RTA_METRICS;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_MULTIPATH`; u16.
pub const RTA_MULTIPATH: u16 = NL_RTA_MULTIPATH;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_PROTOINFO`; u16.
pub const RTA_PROTOINFO: u16 = NL_RTA_PROTOINFO;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_KNH_ID`; u16.
pub const RTA_KNH_ID: u16 = NL_RTA_KNH_ID;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_FLOW`; u16.
pub const RTA_FLOW: u16 = NL_RTA_FLOW;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_CACHEINFO`; u16.
pub const RTA_CACHEINFO: u16 = NL_RTA_CACHEINFO;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_SESSION`; u16.
pub const RTA_SESSION: u16 = NL_RTA_SESSION;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_MP_ALGO`; u16.
pub const RTA_MP_ALGO: u16 = NL_RTA_MP_ALGO;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_TABLE`; u16.
pub const RTA_TABLE: u16 = NL_RTA_TABLE;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_MARK`; u16.
pub const RTA_MARK: u16 = NL_RTA_MARK;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_MFC_STATS`; u16.
pub const RTA_MFC_STATS: u16 = NL_RTA_MFC_STATS;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_VIA`; u16.
pub const RTA_VIA: u16 = NL_RTA_VIA;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_NEWDST`; u16.
pub const RTA_NEWDST: u16 = NL_RTA_NEWDST;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_PREF`; u16.
pub const RTA_PREF: u16 = NL_RTA_PREF;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_ENCAP_TYPE`; u16.
pub const RTA_ENCAP_TYPE: u16 = NL_RTA_ENCAP_TYPE;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_ENCAP`; u16.
pub const RTA_ENCAP: u16 = NL_RTA_ENCAP;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_EXPIRES`; u16.
pub const RTA_EXPIRES: u16 = NL_RTA_EXPIRES;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_PAD`; u16.
pub const RTA_PAD: u16 = NL_RTA_PAD;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_UID`; u16.
pub const RTA_UID: u16 = NL_RTA_UID;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_TTL_PROPAGATE`; u16.
pub const RTA_TTL_PROPAGATE: u16 = NL_RTA_TTL_PROPAGATE;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_IP_PROTO`; u16.
pub const RTA_IP_PROTO: u16 = NL_RTA_IP_PROTO;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_SPORT`; u16.
pub const RTA_SPORT: u16 = NL_RTA_SPORT;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_DPORT`; u16.
pub const RTA_DPORT: u16 = NL_RTA_DPORT;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_NH_ID`; u16.
pub const RTA_NH_ID: u16 = NL_RTA_NH_ID;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTA_MAX`; u16.
pub const RTA_MAX: u16 = NL_RTA_MAX;

/// FreeBSD: sys/netlink/route/route.h `struct rtattr` (4 bytes) (same layout as `struct nlattr`).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct rtattr {
    /// Total attribute length including this header.
    pub rta_len: u16,
    /// Attribute type.
    pub rta_type: u16,
}
const _: () = assert!(core::mem::size_of::<rtattr>() == 4);

/// FreeBSD: sys/netlink/route/route.h `struct rtvia` (1 bytes) fixed part (`RTA_VIA` value): a one-byte `sa_family_t` family followed by the
/// address bytes; Linux uses a u16 family.
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
pub struct rtvia {
    /// Address family of the following address.
    pub rtvia_family: u8,
}
const _: () = assert!(core::mem::size_of::<rtvia>() == 1);

/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16.
pub const NL_RTAX_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_LOCK: u16 = 1;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, desired path MTU.
pub const NL_RTAX_MTU: u16 = 2;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_WINDOW: u16 = 3;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_RTT: u16 = 4;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_RTTVAR: u16 = 5;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_SSTHRESH: u16 = 6;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_CWND: u16 = 7;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_ADVMSS: u16 = 8;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_REORDERING: u16 = 9;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_HOPLIMIT: u16 = 10;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_INITCWND: u16 = 11;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_FEATURES: u16 = 12;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_RTO_MIN: u16 = 13;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_INITRWND: u16 = 14;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_QUICKACK: u16 = 15;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_CC_ALGO: u16 = 16;
/// FreeBSD: sys/netlink/route/route.h `RTA_METRICS` child enum; u16, not supported.
pub const NL_RTAX_FASTOPEN_NO_COOKIE: u16 = 17;
/// FreeBSD: sys/netlink/route/route.h `NL_RTAX_MAX`; u16.
pub const NL_RTAX_MAX: u16 = 17;

/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_UNSPEC`; u16.
pub const RTAX_UNSPEC: u16 = NL_RTAX_UNSPEC;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_LOCK`; u16.
pub const RTAX_LOCK: u16 = NL_RTAX_LOCK;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_MTU`; u16.
pub const RTAX_MTU: u16 = NL_RTAX_MTU;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_WINDOW`; u16.
pub const RTAX_WINDOW: u16 = NL_RTAX_WINDOW;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_RTT`; u16.
pub const RTAX_RTT: u16 = NL_RTAX_RTT;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_RTTVAR`; u16.
pub const RTAX_RTTVAR: u16 = NL_RTAX_RTTVAR;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_SSTHRESH`; u16.
pub const RTAX_SSTHRESH: u16 = NL_RTAX_SSTHRESH;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_CWND`; u16.
pub const RTAX_CWND: u16 = NL_RTAX_CWND;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_ADVMSS`; u16.
pub const RTAX_ADVMSS: u16 = NL_RTAX_ADVMSS;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_REORDERING`; u16.
pub const RTAX_REORDERING: u16 = NL_RTAX_REORDERING;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_HOPLIMIT`; u16.
pub const RTAX_HOPLIMIT: u16 = NL_RTAX_HOPLIMIT;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_INITCWND`; u16.
pub const RTAX_INITCWND: u16 = NL_RTAX_INITCWND;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_FEATURES`; u16.
pub const RTAX_FEATURES: u16 = NL_RTAX_FEATURES;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_RTO_MIN`; u16.
pub const RTAX_RTO_MIN: u16 = NL_RTAX_RTO_MIN;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_INITRWND`; u16.
pub const RTAX_INITRWND: u16 = NL_RTAX_INITRWND;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_QUICKACK`; u16.
pub const RTAX_QUICKACK: u16 = NL_RTAX_QUICKACK;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_CC_ALGO`; u16.
pub const RTAX_CC_ALGO: u16 = NL_RTAX_CC_ALGO;
/// FreeBSD: sys/netlink/route/route.h userland alias of `NL_RTAX_FASTOPEN_NO_COOKIE`; u16.
pub const RTAX_FASTOPEN_NO_COOKIE: u16 = NL_RTAX_FASTOPEN_NO_COOKIE;

/// FreeBSD: sys/netlink/route/route.h `RTAX_FEATURES` bit; u32.
pub const RTAX_FEATURE_ECN: u32 = 1 << 0;
/// FreeBSD: sys/netlink/route/route.h `RTAX_FEATURES` bit; u32.
pub const RTAX_FEATURE_SACK: u32 = 1 << 1;
/// FreeBSD: sys/netlink/route/route.h `RTAX_FEATURES` bit; u32.
pub const RTAX_FEATURE_TIMESTAMP: u32 = 1 << 2;
/// FreeBSD: sys/netlink/route/route.h `RTAX_FEATURES` bit; u32.
pub const RTAX_FEATURE_ALLFRAG: u32 = 1 << 3;
/// FreeBSD: sys/netlink/route/route.h all `RTAX_FEATURE_*` bits; u32.
pub const RTAX_FEATURE_MASK: u32 =
    RTAX_FEATURE_ECN | RTAX_FEATURE_SACK | RTAX_FEATURE_TIMESTAMP | RTAX_FEATURE_ALLFRAG;

/// FreeBSD: sys/netlink/route/route.h `struct rtnexthop` (8 bytes) (`RTA_MULTIPATH` element; `RTA_GATEWAY` / `RTA_VIA` follow).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct rtnexthop {
    /// Length of this element including trailing attributes.
    pub rtnh_len: u16,
    /// `RTNH_F_*` flags.
    pub rtnh_flags: u8,
    /// Nexthop weight.
    pub rtnh_hops: u8,
    /// Interface index.
    pub rtnh_ifindex: i32,
}
const _: () = assert!(core::mem::size_of::<rtnexthop>() == 8);

/// FreeBSD: sys/netlink/route/route.h `rtnh_flags` bit; u8 (not supported).
pub const RTNH_F_DEAD: u8 = 0x01;
/// FreeBSD: sys/netlink/route/route.h `rtnh_flags` bit; u8 (not supported).
pub const RTNH_F_PERVASIVE: u8 = 0x02;
/// FreeBSD: sys/netlink/route/route.h `rtnh_flags` bit; u8 (not supported).
pub const RTNH_F_ONLINK: u8 = 0x04;
/// FreeBSD: sys/netlink/route/route.h `rtnh_flags` bit; u8 (not supported).
pub const RTNH_F_OFFLOAD: u8 = 0x08;
/// FreeBSD: sys/netlink/route/route.h `rtnh_flags` bit; u8 (not supported).
pub const RTNH_F_LINKDOWN: u8 = 0x10;
/// FreeBSD: sys/netlink/route/route.h `rtnh_flags` bit; u8 (not supported).
pub const RTNH_F_UNRESOLVED: u8 = 0x20;
/// FreeBSD: sys/netlink/route/route.h `rtnh_flags` bit; u8 (not supported).
pub const RTNH_F_TRAP: u8 = 0x40;
/// FreeBSD: sys/netlink/route/route.h `RTNH_COMPARE_MASK`; u8.
pub const RTNH_COMPARE_MASK: u8 = RTNH_F_DEAD | RTNH_F_LINKDOWN | RTNH_F_OFFLOAD | RTNH_F_TRAP;
/// FreeBSD: sys/netlink/route/route.h `RTNH_ALIGNTO`; `rtnexthop` alignment.
pub const RTNH_ALIGNTO: usize = 4;
/// FreeBSD: sys/netlink/route/route.h `RTA_ALIGNTO`; attribute alignment.
pub const RTA_ALIGNTO: usize = 4;
