// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netlink/route/neigh.h`: RTM_NEWNEIGH/DELNEIGH/GETNEIGH header and attributes.

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// FreeBSD: sys/netlink/route/neigh.h `struct ndmsg` (12 bytes).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct ndmsg {
    /// Address family.
    pub ndm_family: u8,
    /// Padding.
    pub ndm_pad1: u8,
    /// Padding.
    pub ndm_pad2: u16,
    /// Interface index.
    pub ndm_ifindex: i32,
    /// `NUD_*` state.
    pub ndm_state: u16,
    /// `NTF_*` flags (low 8 bits).
    pub ndm_flags: u8,
    /// Type.
    pub ndm_type: u8,
}
const _: () = assert!(core::mem::size_of::<ndmsg>() == 12);

/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16.
pub const NDA_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, binary L3 address.
pub const NDA_DST: u16 = 1;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, binary link-level address.
pub const NDA_LLADDR: u16 = 2;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, `struct nda_cacheinfo`.
pub const NDA_CACHEINFO: u16 = 3;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, u32 probes sent.
pub const NDA_PROBES: u16 = 4;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, upper 802.1Q tag.
pub const NDA_VLAN: u16 = 5;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, not supported.
pub const NDA_PORT: u16 = 6;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, not supported.
pub const NDA_VNI: u16 = 7;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, interface index.
pub const NDA_IFINDEX: u16 = 8;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, not supported.
pub const NDA_MASTER: u16 = 9;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, not supported.
pub const NDA_LINK_NETNSID: u16 = 10;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, not supported.
pub const NDA_SRC_VNI: u16 = 11;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16.
pub const NDA_PROTOCOL: u16 = 12;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, not supported.
pub const NDA_NH_ID: u16 = 13;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, not supported.
pub const NDA_FDB_EXT_ATTRS: u16 = 14;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, u32 extended `NTF_*` flags.
pub const NDA_FLAGS_EXT: u16 = 15;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16.
pub const NDA_NDM_STATE_MASK: u16 = 16;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16.
pub const NDA_NDM_FLAGS_MASK: u16 = 17;
/// FreeBSD: sys/netlink/route/neigh.h NDA enum; u16, nested `NDAF_*`, FreeBSD-only (Linux has no id 18).
pub const NDA_FREEBSD: u16 = 18;
/// FreeBSD: sys/netlink/route/neigh.h `NDA_MAX`; u16.
pub const NDA_MAX: u16 = NDA_FREEBSD;

/// FreeBSD: sys/netlink/route/neigh.h `NDA_FREEBSD` child enum; u16.
pub const NDAF_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/neigh.h `NDA_FREEBSD` child enum; u16, u32 seconds from `time_uptime` until the next state.
pub const NDAF_NEXT_STATE_TS: u16 = 1;

/// FreeBSD: sys/netlink/route/neigh.h `ndm_flags` bit; u8.
pub const NTF_USE: u8 = 0x01;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_flags` bit; u8, local station.
pub const NTF_SELF: u8 = 0x02;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_flags` bit; u8.
pub const NTF_MASTER: u8 = 0x04;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_flags` bit; u8, proxy entry.
pub const NTF_PROXY: u8 = 0x08;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_flags` bit; u8, not used.
pub const NTF_EXT_LEARNED: u8 = 0x10;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_flags` bit; u8, not used.
pub const NTF_OFFLOADED: u8 = 0x20;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_flags` bit; u8, permanent entry.
pub const NTF_STICKY: u8 = 0x40;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_flags` bit; u8, neighbour is a router.
pub const NTF_ROUTER: u8 = 0x80;
/// FreeBSD: sys/netlink/route/neigh.h `NDA_FLAGS_EXT` bit; u32 (does not fit `ndm_flags`), not used.
pub const NTF_EXT_MANAGED: u32 = 0x0100;

/// FreeBSD: sys/netlink/route/neigh.h `ndm_state` value; u16, resolution in progress.
pub const NUD_INCOMPLETE: u16 = 0x01;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_state` value; u16, reachable, recently resolved.
pub const NUD_REACHABLE: u16 = 0x02;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_state` value; u16, has lladdr but stale.
pub const NUD_STALE: u16 = 0x04;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_state` value; u16, stale, probes delayed.
pub const NUD_DELAY: u16 = 0x08;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_state` value; u16, stale, probing.
pub const NUD_PROBE: u16 = 0x10;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_state` value; u16, unused.
pub const NUD_FAILED: u16 = 0x20;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_state` value; u16, not used.
pub const NUD_NOARP: u16 = 0x40;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_state` value; u16, never flushed.
pub const NUD_PERMANENT: u16 = 0x80;
/// FreeBSD: sys/netlink/route/neigh.h `ndm_state` value; u16, no state.
pub const NUD_NONE: u16 = 0x00;

/// FreeBSD: sys/netlink/route/neigh.h `struct nda_cacheinfo` (16 bytes) (`NDA_CACHEINFO` value).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct nda_cacheinfo {
    /// Seconds since ARP/ND confirmation.
    pub ndm_confirmed: u32,
    /// Seconds since last use (not provided).
    pub ndm_used: u32,
    /// Seconds since the last state change.
    pub ndm_updated: u32,
    /// References held.
    pub ndm_refcnt: u32,
}
const _: () = assert!(core::mem::size_of::<nda_cacheinfo>() == 16);
