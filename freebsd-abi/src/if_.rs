// SPDX-License-Identifier: BSD-2-Clause
//! `sys/net/if.h`: interface flags (`IFF_*`, the `ifi_flags` bits) and name size.
//!
//! `IFF_*` are `u32` like `ifi_flags`; several bits mean something else on Linux.

/// FreeBSD: sys/net/if.h; interface name size including the NUL.
pub const IF_NAMESIZE: usize = 16;
/// FreeBSD: sys/net/if.h; alias of `IF_NAMESIZE` (= Linux `IFNAMSIZ`).
pub const IFNAMSIZ: usize = IF_NAMESIZE;

/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, interface is up.
pub const IFF_UP: u32 = 0x1;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, broadcast address valid.
pub const IFF_BROADCAST: u32 = 0x2;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, debugging.
pub const IFF_DEBUG: u32 = 0x4;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, loopback.
pub const IFF_LOOPBACK: u32 = 0x8;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, point-to-point link.
pub const IFF_POINTOPOINT: u32 = 0x10;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, calls if_input without the epoch (older: IFF_KNOWSEPOCH; Linux: NOTRAILERS).
pub const IFF_NEEDSEPOCH: u32 = 0x20;
/// FreeBSD: sys/net/if.h; u32, pre-14 name of bit 0x20.
pub const IFF_KNOWSEPOCH: u32 = IFF_NEEDSEPOCH;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, driver resources allocated.
pub const IFF_DRV_RUNNING: u32 = 0x40;
/// FreeBSD: sys/net/if.h; u32, userland name of `IFF_DRV_RUNNING`.
pub const IFF_RUNNING: u32 = IFF_DRV_RUNNING;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, no ARP.
pub const IFF_NOARP: u32 = 0x80;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, promiscuous.
pub const IFF_PROMISC: u32 = 0x100;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, all multicast.
pub const IFF_ALLMULTI: u32 = 0x200;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, transmit queue full (Linux: MASTER).
pub const IFF_DRV_OACTIVE: u32 = 0x400;
/// FreeBSD: sys/net/if.h; u32, userland name of `IFF_DRV_OACTIVE`.
pub const IFF_OACTIVE: u32 = IFF_DRV_OACTIVE;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, cannot hear own transmissions (Linux: SLAVE).
pub const IFF_SIMPLEX: u32 = 0x800;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, per link layer (Linux: MULTICAST).
pub const IFF_LINK0: u32 = 0x1000;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, per link layer.
pub const IFF_LINK1: u32 = 0x2000;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, per link layer.
pub const IFF_LINK2: u32 = 0x4000;
/// FreeBSD: sys/net/if.h; u32, alias of `IFF_LINK2`.
pub const IFF_ALTPHYS: u32 = IFF_LINK2;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, supports multicast (Linux: 0x1000).
pub const IFF_MULTICAST: u32 = 0x8000;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, not configurable by ioctl (Linux: LOWER_UP).
pub const IFF_CANTCONFIG: u32 = 0x10000;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, user-requested promisc (Linux: DORMANT).
pub const IFF_PPROMISC: u32 = 0x20000;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, monitor mode (Linux: ECHO).
pub const IFF_MONITOR: u32 = 0x40000;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, static ARP.
pub const IFF_STATICARP: u32 = 0x80000;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, sticky ARP.
pub const IFF_STICKYARP: u32 = 0x100000;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, winding down.
pub const IFF_DYING: u32 = 0x200000;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, being renamed.
pub const IFF_RENAMING: u32 = 0x400000;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, user-requested allmulti (older: IFF_NOGROUP / IFF_SPARE).
pub const IFF_PALLMULTI: u32 = 0x800000;
/// FreeBSD: sys/net/if.h; u32 `ifi_flags` bit, used by netlink as `IFF_LOWER_UP`.
pub const IFF_NETLINK_1: u32 = 0x1000000;

/// FreeBSD: sys/net/if.h `if_link_state`; u8, link unknown.
pub const LINK_STATE_UNKNOWN: u8 = 0;
/// FreeBSD: sys/net/if.h `if_link_state`; u8, link down.
pub const LINK_STATE_DOWN: u8 = 1;
/// FreeBSD: sys/net/if.h `if_link_state`; u8, link up.
pub const LINK_STATE_UP: u8 = 2;
