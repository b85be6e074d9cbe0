// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netlink/route/ifaddrs.h`: RTM_NEWADDR/DELADDR/GETADDR header and attributes.

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// FreeBSD: sys/netlink/route/ifaddrs.h `struct ifaddrmsg` (8 bytes).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct ifaddrmsg {
    /// Address family (`AF_INET` / `AF_INET6`).
    pub ifa_family: u8,
    /// Prefix length.
    pub ifa_prefixlen: u8,
    /// Address flags; FreeBSD leaves 0 and reports flags in `IFA_FLAGS`.
    pub ifa_flags: u8,
    /// Address scope (`RT_SCOPE_*`).
    pub ifa_scope: u8,
    /// Interface index.
    pub ifa_index: u32,
}
const _: () = assert!(core::mem::size_of::<ifaddrmsg>() == 8);

/// FreeBSD: sys/netlink/route/ifaddrs.h IFA enum; u16.
pub const IFA_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/ifaddrs.h IFA enum; u16, binary prefix / p2p destination address.
pub const IFA_ADDRESS: u16 = 1;
/// FreeBSD: sys/netlink/route/ifaddrs.h IFA enum; u16, binary interface address.
pub const IFA_LOCAL: u16 = 2;
/// FreeBSD: sys/netlink/route/ifaddrs.h IFA enum; u16, string interface name.
pub const IFA_LABEL: u16 = 3;
/// FreeBSD: sys/netlink/route/ifaddrs.h IFA enum; u16, binary broadcast address.
pub const IFA_BROADCAST: u16 = 4;
/// FreeBSD: sys/netlink/route/ifaddrs.h IFA enum; u16, not supported.
pub const IFA_ANYCAST: u16 = 5;
/// FreeBSD: sys/netlink/route/ifaddrs.h IFA enum; u16, `struct ifa_cacheinfo`.
pub const IFA_CACHEINFO: u16 = 6;
/// FreeBSD: sys/netlink/route/ifaddrs.h IFA enum; u16, not supported.
pub const IFA_MULTICAST: u16 = 7;
/// FreeBSD: sys/netlink/route/ifaddrs.h IFA enum; u16, u32 `IFA_F_*`.
pub const IFA_FLAGS: u16 = 8;
/// FreeBSD: sys/netlink/route/ifaddrs.h IFA enum; u16, not supported.
pub const IFA_RT_PRIORITY: u16 = 9;
/// FreeBSD: sys/netlink/route/ifaddrs.h IFA enum; u16, not supported.
pub const IFA_TARGET_NETNSID: u16 = 10;
/// FreeBSD: sys/netlink/route/ifaddrs.h IFA enum; u16, nested `IFAF_*`, FreeBSD-only (Linux: IFA_PROTO u8).
pub const IFA_FREEBSD: u16 = 11;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_MAX`; u16.
pub const IFA_MAX: u16 = IFA_FREEBSD;

/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FREEBSD` child enum; u16.
pub const IFAF_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FREEBSD` child enum; u16, u32 carp vhid.
pub const IFAF_VHID: u16 = 1;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FREEBSD` child enum; u16, u32 FreeBSD address flags (`IN6_IFF_*` for IPv6).
pub const IFAF_FLAGS: u16 = 2;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFAF_MAX`; u16.
pub const IFAF_MAX: u16 = IFAF_FLAGS;

/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32 (the low 8 bits also fit `ifa_flags`).
pub const IFA_F_SECONDARY: u32 = 0x0001;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32, alias of `IFA_F_SECONDARY`.
pub const IFA_F_TEMPORARY: u32 = IFA_F_SECONDARY;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32 (the low 8 bits also fit `ifa_flags`).
pub const IFA_F_NODAD: u32 = 0x0002;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32 (the low 8 bits also fit `ifa_flags`).
pub const IFA_F_OPTIMISTIC: u32 = 0x0004;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32 (the low 8 bits also fit `ifa_flags`).
pub const IFA_F_DADFAILED: u32 = 0x0008;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32 (the low 8 bits also fit `ifa_flags`).
pub const IFA_F_HOMEADDRESS: u32 = 0x0010;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32 (the low 8 bits also fit `ifa_flags`).
pub const IFA_F_DEPRECATED: u32 = 0x0020;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32 (the low 8 bits also fit `ifa_flags`).
pub const IFA_F_TENTATIVE: u32 = 0x0040;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32 (the low 8 bits also fit `ifa_flags`).
pub const IFA_F_PERMANENT: u32 = 0x0080;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32 (the low 8 bits also fit `ifa_flags`).
pub const IFA_F_MANAGETEMPADDR: u32 = 0x0100;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32 (the low 8 bits also fit `ifa_flags`).
pub const IFA_F_NOPREFIXROUTE: u32 = 0x0200;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32 (the low 8 bits also fit `ifa_flags`).
pub const IFA_F_MCAUTOJOIN: u32 = 0x0400;
/// FreeBSD: sys/netlink/route/ifaddrs.h `IFA_FLAGS` bit; u32 (the low 8 bits also fit `ifa_flags`).
pub const IFA_F_STABLE_PRIVACY: u32 = 0x0800;

/// FreeBSD: sys/netlink/route/ifaddrs.h `struct ifa_cacheinfo` (16 bytes) (`IFA_CACHEINFO` value).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct ifa_cacheinfo {
    /// Seconds until the prefix stops being preferred.
    pub ifa_prefered: u32,
    /// Seconds until the prefix stops being valid.
    pub ifa_valid: u32,
    /// Creation time, 1 ms units since boot.
    pub cstamp: u32,
    /// Update time, 1 ms units since boot.
    pub tstamp: u32,
}
const _: () = assert!(core::mem::size_of::<ifa_cacheinfo>() == 16);
