// SPDX-License-Identifier: BSD-2-Clause
//! Hand-written items newer than the uapi headers `generated.rs` was made from (Linux 6.1,
//! see `README.md`) that the translator needs.
//!
//! Each value is the position in the kernel's enum, checked against later versions of the
//! kernel uapi headers (and copies generated from them). When the headers are upgraded and
//! `make abi` picks an item up, delete it here: the flat re-export at the crate root then
//! stops being ambiguous (the `newer_items_resolve` test fails until that is done).

/// Additions to include/uapi/linux/if_link.h after 6.1 (the `IFLA_*` enum continues after
/// `IFLA_ALLMULTI` = 61).
pub mod if_link {
    /// Nested devlink port handle of the netdev (if_link.h, follows `IFLA_ALLMULTI`).
    pub const IFLA_DEVLINK_PORT: u16 = 62;
    /// `u32`, maximum GSO size for IPv4 (if_link.h, follows `IFLA_DEVLINK_PORT`).
    pub const IFLA_GSO_IPV4_MAX_SIZE: u16 = 63;
    /// `u32`, maximum GRO size for IPv4 (if_link.h, follows `IFLA_GSO_IPV4_MAX_SIZE`).
    pub const IFLA_GRO_IPV4_MAX_SIZE: u16 = 64;
    /// Nested DPLL pin of the netdev (if_link.h, follows `IFLA_GRO_IPV4_MAX_SIZE`).
    pub const IFLA_DPLL_PIN: u16 = 65;
    /// `uint`, EDT offload horizon in ns (if_link.h, follows `IFLA_DPLL_PIN`).
    pub const IFLA_MAX_PACING_OFFLOAD_HORIZON: u16 = 66;
    /// `u8`, the device cannot change network namespace (if_link.h, follows
    /// `IFLA_MAX_PACING_OFFLOAD_HORIZON`).
    pub const IFLA_NETNS_IMMUTABLE: u16 = 67;
}

/// Additions to include/uapi/linux/nexthop.h after 6.1 (the `NHA_*` enum continues after
/// `NHA_RES_BUCKET` = 13).
pub mod nexthop {
    /// `u32`, operation-specific flags (nexthop.h, follows `NHA_RES_BUCKET`).
    pub const NHA_OP_FLAGS: u16 = 14;
    /// Nested nexthop group statistics (nexthop.h, follows `NHA_OP_FLAGS`).
    pub const NHA_GROUP_STATS: u16 = 15;
    /// `u8`, enable hardware statistics (nexthop.h, follows `NHA_GROUP_STATS`).
    pub const NHA_HW_STATS_ENABLE: u16 = 16;
    /// `u32`, hardware statistics in use (nexthop.h, follows `NHA_HW_STATS_ENABLE`).
    pub const NHA_HW_STATS_USED: u16 = 17;
}
