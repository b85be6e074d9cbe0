// SPDX-License-Identifier: BSD-2-Clause
//! Value maps shared by several families.
//!
//! Linux: glibc `bits/socket.h` (mirroring the kernel's `include/linux/socket.h`);
//! FreeBSD: `sys/sys/socket.h`; pairs as FreeBSD's Linuxulator maps them
//! (`sys/compat/linux/linux.c` `linux_to_bsd_domain`, `bsd_to_linux_domain`).

use crate::table::{Unknown, ValueMap};
use freebsd_abi as f;
use linux_abi as l;

/// Address families in family headers (`ifa_family`, `rtm_family`, `ndm_family`,
/// `nh_family`, `rtgen_family`) and in `RTA_VIA`.
///
/// ABI: the numbers collide across systems (FreeBSD `AF_CCITT` 10 is Linux `AF_INET6`,
/// Linux `AF_MPLS` 28 is FreeBSD `AF_INET6`), so every family crosses through this map and
/// an unknown one is refused (EAFNOSUPPORT), never passed by number.
pub static AF_MAP: ValueMap<u8> = ValueMap {
    name: "AF",
    pairs: &[
        (l::AF_UNSPEC, f::AF_UNSPEC),
        (l::AF_UNIX, f::AF_UNIX),
        (l::AF_INET, f::AF_INET),
        (l::AF_INET6, f::AF_INET6),
        (l::AF_AX25, f::AF_CCITT),
        (l::AF_IPX, f::AF_IPX),
        (l::AF_APPLETALK, f::AF_APPLETALK),
        (l::AF_NETLINK, f::AF_NETLINK),
    ],
    unknown: Unknown::Reject,
};

/// `ifi_family` of link messages: FreeBSD's link handlers ignore it and answer with
/// `AF_UNSPEC` (`sys/netlink/route/iface.c` `dump_iface`), while Linux `ip link` asks with
/// `AF_PACKET`, so `AF_PACKET` requests become `AF_UNSPEC`. `AF_BRIDGE` (bridge port dumps)
/// has no FreeBSD counterpart and is refused.
pub static LINK_AF_MAP: ValueMap<u8> = ValueMap {
    name: "AF (link)",
    pairs: &[
        (l::AF_UNSPEC, f::AF_UNSPEC),
        (l::AF_PACKET, f::AF_UNSPEC),
        (l::AF_INET, f::AF_INET),
        (l::AF_INET6, f::AF_INET6),
    ],
    unknown: Unknown::Reject,
};

/// Routing table ids in `RTA_TABLE` (u32).
///
/// Linux main 254 is FreeBSD fib 0 (`RT_TABLE_MAIN`); Linux "unspecified/all" 0 is FreeBSD
/// `RT_TABLE_UNSPEC` 0xFFFFFFFF (`sys/netlink/route/route.h`); other ids keep their number
/// (fib N). FreeBSD fib 254 has no Linux spelling and reads as main.
pub static RT_TABLE_MAP: ValueMap<u32> = ValueMap {
    name: "RT_TABLE",
    pairs: &[
        (l::RT_TABLE_MAIN, f::RT_TABLE_MAIN),
        (l::RT_TABLE_UNSPEC, f::RT_TABLE_UNSPEC),
    ],
    unknown: Unknown::Keep,
};

/// Routing table ids in the `rtm_table` header byte: main 254 ↔ 0; FreeBSD writes the fib
/// there only when it is below 255 (`route/rt.c` `dump_px`) and reads the table from
/// `RTA_TABLE` alone, so other values keep their number.
pub static RTM_TABLE_MAP: ValueMap<u8> = ValueMap {
    name: "rtm_table",
    pairs: &[(254, 0)],
    unknown: Unknown::Keep,
};
