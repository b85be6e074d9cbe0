// SPDX-License-Identifier: BSD-2-Clause
//! `sys/net/route.h`: route flags (`RTF_*`), carried as u32 in `NL_RTA_RTFLAGS`.

/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, route usable.
pub const RTF_UP: u32 = 0x1;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, destination is a gateway.
pub const RTF_GATEWAY: u32 = 0x2;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, host entry.
pub const RTF_HOST: u32 = 0x4;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, unreachable.
pub const RTF_REJECT: u32 = 0x8;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, created by redirect.
pub const RTF_DYNAMIC: u32 = 0x10;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, modified by redirect.
pub const RTF_MODIFIED: u32 = 0x20;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, message confirmed.
pub const RTF_DONE: u32 = 0x40;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, external resolver.
pub const RTF_XRESOLVE: u32 = 0x200;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, deprecated; same bit as RTF_LLDATA.
pub const RTF_LLINFO: u32 = 0x400;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, L2 entry.
pub const RTF_LLDATA: u32 = 0x400;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, manually added.
pub const RTF_STATIC: u32 = 0x800;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, discard.
pub const RTF_BLACKHOLE: u32 = 0x1000;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, protocol specific.
pub const RTF_PROTO2: u32 = 0x4000;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, protocol specific.
pub const RTF_PROTO1: u32 = 0x8000;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, protocol specific.
pub const RTF_PROTO3: u32 = 0x40000;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, MTU set explicitly.
pub const RTF_FIXEDMTU: u32 = 0x80000;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, immutable.
pub const RTF_PINNED: u32 = 0x100000;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, local address.
pub const RTF_LOCAL: u32 = 0x200000;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, broadcast address.
pub const RTF_BROADCAST: u32 = 0x400000;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, multicast address.
pub const RTF_MULTICAST: u32 = 0x800000;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, always route dst->src.
pub const RTF_STICKY: u32 = 0x10000000;
/// FreeBSD: sys/net/route.h; u32 `RTF_*` bit, compatibility bit for routing apps.
pub const RTF_GWFLAG_COMPAT: u32 = 0x80000000;
/// FreeBSD: sys/net/route.h; u32, flags `RTM_CHANGE` may modify.
pub const RTF_FMASK: u32 =
    RTF_PROTO1 | RTF_PROTO2 | RTF_PROTO3 | RTF_BLACKHOLE | RTF_REJECT | RTF_STATIC | RTF_STICKY;
/// FreeBSD: sys/net/route.h; u32, the weight of a nexthop given none
/// (`RTA_MULTIPATH` `rtnh_hops` 0, single-path routes).
pub const RT_DEFAULT_WEIGHT: u32 = 1;
