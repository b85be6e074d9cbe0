// SPDX-License-Identifier: BSD-2-Clause
//! NETLINK_ROUTE handlers, one file per `sys/netlink/route/*.c` source.

pub(crate) mod addr;
pub(crate) mod link;
pub(crate) mod neigh;
pub(crate) mod nexthop;
pub(crate) mod rt;
