// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netlink/route/*.h`: NETLINK_ROUTE (rtnetlink), one module per header.

pub mod common;
pub mod ifaddrs;
pub mod interface;
pub mod neigh;
pub mod nexthop;
#[expect(
    clippy::module_inception,
    reason = "mirrors FreeBSD's sys/netlink/route/route.h"
)]
pub mod route;
