// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netinet6/in6_var.h`: IPv6 address flags (`ia6_flags`). FreeBSD's netlink reports them in
//! `IFA_FREEBSD` / `IFAF_FLAGS` (u32) and maps some to `IFA_F_*` in `IFA_FLAGS`.

/// FreeBSD: sys/netinet6/in6_var.h; u32 `IFAF_FLAGS` bit, anycast address.
pub const IN6_IFF_ANYCAST: u32 = 0x1;
/// FreeBSD: sys/netinet6/in6_var.h; u32 `IFAF_FLAGS` bit, DAD in progress.
pub const IN6_IFF_TENTATIVE: u32 = 0x2;
/// FreeBSD: sys/netinet6/in6_var.h; u32 `IFAF_FLAGS` bit, DAD detected a duplicate.
pub const IN6_IFF_DUPLICATED: u32 = 0x4;
/// FreeBSD: sys/netinet6/in6_var.h; u32 `IFAF_FLAGS` bit, may be detached from the link.
pub const IN6_IFF_DETACHED: u32 = 0x8;
/// FreeBSD: sys/netinet6/in6_var.h; u32 `IFAF_FLAGS` bit, deprecated.
pub const IN6_IFF_DEPRECATED: u32 = 0x10;
/// FreeBSD: sys/netinet6/in6_var.h; u32 `IFAF_FLAGS` bit, skip DAD.
pub const IN6_IFF_NODAD: u32 = 0x20;
/// FreeBSD: sys/netinet6/in6_var.h; u32 `IFAF_FLAGS` bit, autoconfigured.
pub const IN6_IFF_AUTOCONF: u32 = 0x40;
/// FreeBSD: sys/netinet6/in6_var.h; u32 `IFAF_FLAGS` bit, temporary (RFC 4941).
pub const IN6_IFF_TEMPORARY: u32 = 0x80;
/// FreeBSD: sys/netinet6/in6_var.h; u32 `IFAF_FLAGS` bit, preferred source address.
pub const IN6_IFF_PREFER_SOURCE: u32 = 0x100;
/// FreeBSD: sys/netinet6/in6_var.h; u32, `IN6_IFF_TENTATIVE | IN6_IFF_DUPLICATED`.
pub const IN6_IFF_NOTREADY: u32 = IN6_IFF_TENTATIVE | IN6_IFF_DUPLICATED;
