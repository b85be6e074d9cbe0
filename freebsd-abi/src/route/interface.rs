// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netlink/route/interface.h`: RTM_NEWLINK/DELLINK/GETLINK header and attributes.
//!
//! `IFLA_*` ids up to 58 match Linux; from 59 FreeBSD's enum omits Linux's
//! `IFLA_TSO_MAX_SIZE`, so 59..=63 are shifted by one and 64 is `IFLA_FREEBSD`.

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// FreeBSD: sys/netlink/route/interface.h `struct ifinfomsg` (16 bytes).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct ifinfomsg {
    /// Address family; FreeBSD dumps send `AF_UNSPEC`.
    pub ifi_family: u8,
    /// Padding.
    pub __ifi_pad: u8,
    /// Interface type: FreeBSD stores the raw `IFT_*` (see `if_types`), not an ARPHRD.
    pub ifi_type: u16,
    /// Interface index.
    pub ifi_index: i32,
    /// `IFF_*` flags (`if_flags | if_drv_flags`, plus `IFF_LOWER_UP`).
    pub ifi_flags: u32,
    /// `IFF_*` change mask.
    pub ifi_change: u32,
}
const _: () = assert!(core::mem::size_of::<ifinfomsg>() == 16);

/// FreeBSD: sys/netlink/route/interface.h; u32 `ifi_flags` bit, link-level state
/// (= `IFF_NETLINK_1`, 0x1000000; Linux uses 0x10000).
pub const IFF_LOWER_UP: u32 = crate::if_::IFF_NETLINK_1;

/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, binary link-level address.
pub const IFLA_ADDRESS: u16 = 1;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, binary link-level broadcast address.
pub const IFLA_BROADCAST: u16 = 2;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, string interface name.
pub const IFLA_IFNAME: u16 = 3;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, u32 L3 MTU.
pub const IFLA_MTU: u16 = 4;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, u32 ifindex.
pub const IFLA_LINK: u16 = 5;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, string (not supported).
pub const IFLA_QDISC: u16 = 6;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, `struct rtnl_link_stats`.
pub const IFLA_STATS: u16 = 7;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, not supported.
pub const IFLA_COST: u16 = 8;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, not supported.
pub const IFLA_PRIORITY: u16 = 9;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, u32 parent ifindex.
pub const IFLA_MASTER: u16 = 10;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, not supported.
pub const IFLA_WIRELESS: u16 = 11;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, protocol-specific data.
pub const IFLA_PROTINFO: u16 = 12;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, u32 transmit queue length.
pub const IFLA_TXQLEN: u16 = 13;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, not supported.
pub const IFLA_MAP: u16 = 14;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, not supported.
pub const IFLA_WEIGHT: u16 = 15;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, u8 `IF_OPER_*`.
pub const IFLA_OPERSTATE: u16 = 16;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, u8 (not supported).
pub const IFLA_LINKMODE: u16 = 17;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, nested `IFLA_INFO_*`.
pub const IFLA_LINKINFO: u16 = 18;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, u32 (not supported).
pub const IFLA_NET_NS_PID: u16 = 19;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, string description.
pub const IFLA_IFALIAS: u16 = 20;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, not supported.
pub const IFLA_NUM_VF: u16 = 21;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, not supported.
pub const IFLA_VFINFO_LIST: u16 = 22;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, `struct rtnl_link_stats64`.
pub const IFLA_STATS64: u16 = 23;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_VF_PORTS: u16 = 24;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_PORT_SELF: u16 = 25;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_AF_SPEC: u16 = 26;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, group; FreeBSD's request parser reads it as a string.
pub const IFLA_GROUP: u16 = 27;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_NET_NS_FD: u16 = 28;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, extended info mask.
pub const IFLA_EXT_MASK: u16 = 29;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, promiscuity count.
pub const IFLA_PROMISCUITY: u16 = 30;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_NUM_TX_QUEUES: u16 = 31;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_NUM_RX_QUEUES: u16 = 32;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_CARRIER: u16 = 33;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_PHYS_PORT_ID: u16 = 34;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_CARRIER_CHANGES: u16 = 35;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_PHYS_SWITCH_ID: u16 = 36;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_LINK_NETNSID: u16 = 37;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_PHYS_PORT_NAME: u16 = 38;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_PROTO_DOWN: u16 = 39;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_GSO_MAX_SEGS: u16 = 40;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_GSO_MAX_SIZE: u16 = 41;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_PAD: u16 = 42;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_XDP: u16 = 43;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_EVENT: u16 = 44;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_NEW_NETNSID: u16 = 45;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, alias `IFLA_TARGET_NETNSID`.
pub const IFLA_IF_NETNSID: u16 = 46;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_CARRIER_UP_COUNT: u16 = 47;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_CARRIER_DOWN_COUNT: u16 = 48;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_NEW_IFINDEX: u16 = 49;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_MIN_MTU: u16 = 50;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_MAX_MTU: u16 = 51;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_PROP_LIST: u16 = 52;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, alternative interface name.
pub const IFLA_ALT_IFNAME: u16 = 53;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_PERM_ADDRESS: u16 = 54;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_PROTO_DOWN_REASON: u16 = 55;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_PARENT_DEV_NAME: u16 = 56;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_PARENT_DEV_BUS_NAME: u16 = 57;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16.
pub const IFLA_GRO_MAX_SIZE: u16 = 58;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, FreeBSD numbering: Linux has TSO_MAX_SIZE here.
pub const IFLA_TSO_MAX_SEGS: u16 = 59;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, FreeBSD numbering (Linux 61).
pub const IFLA_ALLMULTI: u16 = 60;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, FreeBSD numbering (Linux 62).
pub const IFLA_DEVLINK_PORT: u16 = 61;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, FreeBSD numbering (Linux 63).
pub const IFLA_GSO_IPV4_MAX_SIZE: u16 = 62;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, FreeBSD numbering (Linux 64).
pub const IFLA_GRO_IPV4_MAX_SIZE: u16 = 63;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, nested `IFLAF_*`, FreeBSD-only (Linux: GRO_IPV4_MAX_SIZE).
pub const IFLA_FREEBSD: u16 = 64;
/// FreeBSD: sys/netlink/route/interface.h IFLA enum; u16, new alias of `IFLA_IF_NETNSID`.
pub const IFLA_TARGET_NETNSID: u16 = IFLA_IF_NETNSID;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_MAX`; u16, highest id.
pub const IFLA_MAX: u16 = IFLA_FREEBSD;

/// FreeBSD: sys/netlink/route/interface.h `IFLA_FREEBSD` child enum; u16.
pub const IFLAF_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_FREEBSD` child enum; u16, string, name at creation.
pub const IFLAF_ORIG_IFNAME: u16 = 1;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_FREEBSD` child enum; u16, binary, original hardware address.
pub const IFLAF_ORIG_HWADDR: u16 = 2;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_FREEBSD` child enum; u16, bitset, interface capabilities.
pub const IFLAF_CAPS: u16 = 3;
/// FreeBSD: sys/netlink/route/interface.h `IFLAF_MAX`; u16.
pub const IFLAF_MAX: u16 = 3;

/// FreeBSD: sys/netlink/route/interface.h IF_OPER enum (RFC 2863); u8 `IFLA_OPERSTATE`, status unknown.
pub const IF_OPER_UNKNOWN: u8 = 0;
/// FreeBSD: sys/netlink/route/interface.h IF_OPER enum (RFC 2863); u8 `IFLA_OPERSTATE`, component not present.
pub const IF_OPER_NOTPRESENT: u8 = 1;
/// FreeBSD: sys/netlink/route/interface.h IF_OPER enum (RFC 2863); u8 `IFLA_OPERSTATE`, down.
pub const IF_OPER_DOWN: u8 = 2;
/// FreeBSD: sys/netlink/route/interface.h IF_OPER enum (RFC 2863); u8 `IFLA_OPERSTATE`, lower layer down.
pub const IF_OPER_LOWERLAYERDOWN: u8 = 3;
/// FreeBSD: sys/netlink/route/interface.h IF_OPER enum (RFC 2863); u8 `IFLA_OPERSTATE`, test mode.
pub const IF_OPER_TESTING: u8 = 4;
/// FreeBSD: sys/netlink/route/interface.h IF_OPER enum (RFC 2863); u8 `IFLA_OPERSTATE`, waiting for an external event.
pub const IF_OPER_DORMANT: u8 = 5;
/// FreeBSD: sys/netlink/route/interface.h IF_OPER enum (RFC 2863); u8 `IFLA_OPERSTATE`, ready to pass packets.
pub const IF_OPER_UP: u8 = 6;

/// FreeBSD: sys/netlink/route/interface.h `struct rtnl_link_stats` (IFLA_STATS): 24 u32 counters ending at `rx_nohandler`
/// (96 bytes; newer Linux appends more fields).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct rtnl_link_stats {
    /// Counter `rx_packets`.
    pub rx_packets: u32,
    /// Counter `tx_packets`.
    pub tx_packets: u32,
    /// Counter `rx_bytes`.
    pub rx_bytes: u32,
    /// Counter `tx_bytes`.
    pub tx_bytes: u32,
    /// Counter `rx_errors`.
    pub rx_errors: u32,
    /// Counter `tx_errors`.
    pub tx_errors: u32,
    /// Counter `rx_dropped`.
    pub rx_dropped: u32,
    /// Counter `tx_dropped`.
    pub tx_dropped: u32,
    /// Counter `multicast`.
    pub multicast: u32,
    /// Counter `collisions`.
    pub collisions: u32,
    /// Counter `rx_length_errors`.
    pub rx_length_errors: u32,
    /// Counter `rx_over_errors`.
    pub rx_over_errors: u32,
    /// Counter `rx_crc_errors`.
    pub rx_crc_errors: u32,
    /// Counter `rx_frame_errors`.
    pub rx_frame_errors: u32,
    /// Counter `rx_fifo_errors`.
    pub rx_fifo_errors: u32,
    /// Counter `rx_missed_errors`.
    pub rx_missed_errors: u32,
    /// Counter `tx_aborted_errors`.
    pub tx_aborted_errors: u32,
    /// Counter `tx_carrier_errors`.
    pub tx_carrier_errors: u32,
    /// Counter `tx_fifo_errors`.
    pub tx_fifo_errors: u32,
    /// Counter `tx_heartbeat_errors`.
    pub tx_heartbeat_errors: u32,
    /// Counter `tx_window_errors`.
    pub tx_window_errors: u32,
    /// Counter `rx_compressed`.
    pub rx_compressed: u32,
    /// Counter `tx_compressed`.
    pub tx_compressed: u32,
    /// Counter `rx_nohandler`.
    pub rx_nohandler: u32,
}
const _: () = assert!(core::mem::size_of::<rtnl_link_stats>() == 96);

/// FreeBSD: sys/netlink/route/interface.h `struct rtnl_link_stats64` (IFLA_STATS64): 24 u64 counters ending at `rx_nohandler`
/// (192 bytes; newer Linux appends more fields).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct rtnl_link_stats64 {
    /// Counter `rx_packets`.
    pub rx_packets: u64,
    /// Counter `tx_packets`.
    pub tx_packets: u64,
    /// Counter `rx_bytes`.
    pub rx_bytes: u64,
    /// Counter `tx_bytes`.
    pub tx_bytes: u64,
    /// Counter `rx_errors`.
    pub rx_errors: u64,
    /// Counter `tx_errors`.
    pub tx_errors: u64,
    /// Counter `rx_dropped`.
    pub rx_dropped: u64,
    /// Counter `tx_dropped`.
    pub tx_dropped: u64,
    /// Counter `multicast`.
    pub multicast: u64,
    /// Counter `collisions`.
    pub collisions: u64,
    /// Counter `rx_length_errors`.
    pub rx_length_errors: u64,
    /// Counter `rx_over_errors`.
    pub rx_over_errors: u64,
    /// Counter `rx_crc_errors`.
    pub rx_crc_errors: u64,
    /// Counter `rx_frame_errors`.
    pub rx_frame_errors: u64,
    /// Counter `rx_fifo_errors`.
    pub rx_fifo_errors: u64,
    /// Counter `rx_missed_errors`.
    pub rx_missed_errors: u64,
    /// Counter `tx_aborted_errors`.
    pub tx_aborted_errors: u64,
    /// Counter `tx_carrier_errors`.
    pub tx_carrier_errors: u64,
    /// Counter `tx_fifo_errors`.
    pub tx_fifo_errors: u64,
    /// Counter `tx_heartbeat_errors`.
    pub tx_heartbeat_errors: u64,
    /// Counter `tx_window_errors`.
    pub tx_window_errors: u64,
    /// Counter `rx_compressed`.
    pub rx_compressed: u64,
    /// Counter `tx_compressed`.
    pub tx_compressed: u64,
    /// Counter `rx_nohandler`.
    pub rx_nohandler: u64,
}
const _: () = assert!(core::mem::size_of::<rtnl_link_stats64>() == 192);

/// FreeBSD: sys/netlink/route/interface.h `IFLA_LINKINFO` child enum; u16.
pub const IFLA_INFO_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_LINKINFO` child enum; u16, string link kind, e.g. "vlan".
pub const IFLA_INFO_KIND: u16 = 1;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_LINKINFO` child enum; u16, nested per-kind data.
pub const IFLA_INFO_DATA: u16 = 2;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_LINKINFO` child enum; u16.
pub const IFLA_INFO_XSTATS: u16 = 3;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_LINKINFO` child enum; u16.
pub const IFLA_INFO_SLAVE_KIND: u16 = 4;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_LINKINFO` child enum; u16.
pub const IFLA_INFO_SLAVE_DATA: u16 = 5;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_INFO_MAX`; u16.
pub const IFLA_INFO_MAX: u16 = 5;

/// FreeBSD: sys/netlink/route/interface.h encapsulation type enum; u16.
pub const IFLA_TUNNEL_NONE: u16 = 0;
/// FreeBSD: sys/netlink/route/interface.h encapsulation type enum; u16.
pub const IFLA_TUNNEL_GRE_UDP: u16 = 1;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_TUNNEL_MAX`; u16.
pub const IFLA_TUNNEL_MAX: u16 = 1;

/// FreeBSD: sys/netlink/route/interface.h vlan `IFLA_INFO_DATA` enum; u16.
pub const IFLA_VLAN_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/interface.h vlan `IFLA_INFO_DATA` enum; u16.
pub const IFLA_VLAN_ID: u16 = 1;
/// FreeBSD: sys/netlink/route/interface.h vlan `IFLA_INFO_DATA` enum; u16.
pub const IFLA_VLAN_FLAGS: u16 = 2;
/// FreeBSD: sys/netlink/route/interface.h vlan `IFLA_INFO_DATA` enum; u16.
pub const IFLA_VLAN_EGRESS_QOS: u16 = 3;
/// FreeBSD: sys/netlink/route/interface.h vlan `IFLA_INFO_DATA` enum; u16.
pub const IFLA_VLAN_INGRESS_QOS: u16 = 4;
/// FreeBSD: sys/netlink/route/interface.h vlan `IFLA_INFO_DATA` enum; u16.
pub const IFLA_VLAN_PROTOCOL: u16 = 5;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_VLAN_MAX`; u16.
pub const IFLA_VLAN_MAX: u16 = 5;

/// FreeBSD: sys/netlink/route/interface.h `struct ifla_vlan_flags` (`IFLA_VLAN_FLAGS` value, 8 bytes).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct ifla_vlan_flags {
    /// Flag values.
    pub flags: u32,
    /// Which flags to change.
    pub mask: u32,
}
const _: () = assert!(core::mem::size_of::<ifla_vlan_flags>() == 8);

/// FreeBSD: sys/netlink/route/interface.h gre `IFLA_INFO_DATA` enum (FreeBSD's own ids; Linux's `IFLA_GRE_*` differ);
/// u16.
pub const IFLA_GRE_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/route/interface.h gre `IFLA_INFO_DATA` enum (FreeBSD's own ids; Linux's `IFLA_GRE_*` differ);
/// u16.
pub const IFLA_GRE_LOCAL: u16 = 1;
/// FreeBSD: sys/netlink/route/interface.h gre `IFLA_INFO_DATA` enum (FreeBSD's own ids; Linux's `IFLA_GRE_*` differ);
/// u16.
pub const IFLA_GRE_REMOTE: u16 = 2;
/// FreeBSD: sys/netlink/route/interface.h gre `IFLA_INFO_DATA` enum (FreeBSD's own ids; Linux's `IFLA_GRE_*` differ);
/// u16.
pub const IFLA_GRE_FLAGS: u16 = 3;
/// FreeBSD: sys/netlink/route/interface.h gre `IFLA_INFO_DATA` enum (FreeBSD's own ids; Linux's `IFLA_GRE_*` differ);
/// u16.
pub const IFLA_GRE_OKEY: u16 = 4;
/// FreeBSD: sys/netlink/route/interface.h gre `IFLA_INFO_DATA` enum (FreeBSD's own ids; Linux's `IFLA_GRE_*` differ);
/// u16.
pub const IFLA_GRE_ENCAP_TYPE: u16 = 5;
/// FreeBSD: sys/netlink/route/interface.h gre `IFLA_INFO_DATA` enum (FreeBSD's own ids; Linux's `IFLA_GRE_*` differ);
/// u16.
pub const IFLA_GRE_ENCAP_SPORT: u16 = 6;
/// FreeBSD: sys/netlink/route/interface.h `IFLA_GRE_MAX`; u16.
pub const IFLA_GRE_MAX: u16 = 6;
