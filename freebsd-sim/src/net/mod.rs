// SPDX-License-Identifier: BSD-2-Clause
//! The network stack below netlink, one file per FreeBSD source file in `sys/net/`.

pub(crate) mod if_gre;
pub(crate) mod if_llatbl;
pub(crate) mod ifnet;
pub(crate) mod route;
pub(crate) mod route_ctl;
