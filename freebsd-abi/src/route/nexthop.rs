// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netlink/route/nexthop.h`: RTM_NEWNEXTHOP/DELNEXTHOP/GETNEXTHOP header and attributes.

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// FreeBSD: sys/netlink/route/nexthop.h `struct nhmsg` (8 bytes).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct nhmsg {
    /// Transport family.
    pub nh_family: u8,
    /// Scope; ignored on receive, filled by the kernel.
    pub nh_scope: u8,
    /// Protocol that installed the nexthop.
    pub nh_protocol: u8,
    /// Reserved.
    pub resvd: u8,
    /// `RTNH_F_*` flags.
    pub nh_flags: u32,
}
const _: () = assert!(core::mem::size_of::<nhmsg>() == 8);

/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16.
pub const NHA_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, u32 userland nexthop index (0: auto).
pub const NHA_ID: u16 = 1;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, array of `struct nexthop_grp`.
pub const NHA_GROUP: u16 = 2;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, u16 `NEXTHOP_GRP_TYPE_*`.
pub const NHA_GROUP_TYPE: u16 = 3;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, flag.
pub const NHA_BLACKHOLE: u16 = 4;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, u32 transmit ifindex.
pub const NHA_OIF: u16 = 5;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, IPv4/IPv6 gateway address.
pub const NHA_GATEWAY: u16 = 6;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, not supported.
pub const NHA_ENCAP_TYPE: u16 = 7;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, not supported.
pub const NHA_ENCAP: u16 = 8;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, flag: match nexthop groups.
pub const NHA_GROUPS: u16 = 9;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, not supported.
pub const NHA_MASTER: u16 = 10;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, not supported.
pub const NHA_FDB: u16 = 11;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, not supported.
pub const NHA_RES_GROUP: u16 = 12;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, not supported.
pub const NHA_RES_BUCKET: u16 = 13;
/// FreeBSD: sys/netlink/route/nexthop.h NHA enum; u16, nested `NHAF_*`, FreeBSD-only (Linux: NHA_OP_FLAGS u32).
pub const NHA_FREEBSD: u16 = 14;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_MAX`; u16.
pub const NHA_MAX: u16 = NHA_FREEBSD;

/// FreeBSD: sys/netlink/route/nexthop.h `NHA_FREEBSD` child enum; u16.
pub const NHAF_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_FREEBSD` child enum; u16, flag: dump kernel nexthops.
pub const NHAF_KNHOPS: u16 = 1;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_FREEBSD` child enum; u16, flag: dump kernel nexthop groups (sic).
pub const NHAF_KGOUPS: u16 = 2;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_FREEBSD` child enum; u16, u32 routing table id.
pub const NHAF_TABLE: u16 = 3;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_FREEBSD` child enum; u16, u32 upper family.
pub const NHAF_FAMILY: u16 = 4;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_FREEBSD` child enum; u16, u32 kernel nexthop index.
pub const NHAF_KID: u16 = 5;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_FREEBSD` child enum; u16, u32 source interface address.
pub const NHAF_AIF: u16 = 6;

/// FreeBSD: sys/netlink/route/nexthop.h `struct nexthop_grp` (8 bytes) (`NHA_GROUP` array element).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct nexthop_grp {
    /// Userland nexthop index.
    pub id: u32,
    /// Weight.
    pub weight: u8,
    /// Reserved.
    pub resvd1: u8,
    /// Reserved.
    pub resvd2: u16,
}
const _: () = assert!(core::mem::size_of::<nexthop_grp>() == 8);

/// FreeBSD: sys/netlink/route/nexthop.h group type enum; u16, default multipath group.
pub const NEXTHOP_GRP_TYPE_MPATH: u16 = 0;
/// FreeBSD: sys/netlink/route/nexthop.h group type enum; u16, resilient group.
pub const NEXTHOP_GRP_TYPE_RES: u16 = 1;
/// FreeBSD: sys/netlink/route/nexthop.h `NEXTHOP_GRP_TYPE_MAX`; u16.
pub const NEXTHOP_GRP_TYPE_MAX: u16 = 1;

/// FreeBSD: sys/netlink/route/nexthop.h `NHA_RES_GROUP` child enum; u16.
pub const NHA_RES_GROUP_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_RES_GROUP` child enum; u16.
pub const NHA_RES_GROUP_BUCKETS: u16 = 1;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_RES_GROUP` child enum; u16.
pub const NHA_RES_GROUP_IDLE_TIMER: u16 = 2;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_RES_GROUP` child enum; u16.
pub const NHA_RES_GROUP_UNBALANCED_TIMER: u16 = 3;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_RES_GROUP` child enum; u16.
pub const NHA_RES_GROUP_UNBALANCED_TIME: u16 = 4;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_RES_GROUP` child enum; u16, alias of `NHA_RES_GROUP_UNSPEC`.
pub const NHA_RES_GROUP_PAD: u16 = NHA_RES_GROUP_UNSPEC;
/// FreeBSD: sys/netlink/route/nexthop.h `NHA_RES_GROUP_MAX`; u16.
pub const NHA_RES_GROUP_MAX: u16 = 4;
