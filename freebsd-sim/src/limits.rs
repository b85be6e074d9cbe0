// SPDX-License-Identifier: BSD-2-Clause
//! Kernel-internal sizes and limits of FreeBSD's netlink that are not part of the ABI
//! (`sys/netlink/netlink_var.h`, `sys/netlink/netlink_message_writer.h`). ABI values come
//! from the `freebsd_abi` crate directly; the two protocol numbers are re-typed here.

/// The netlink protocol numbers (`sys/netlink/netlink.h`) typed as the model's socket keeps
/// them (`u32`, `so_protocol`).
pub(crate) const NETLINK_ROUTE: u32 = freebsd_abi::NETLINK_ROUTE.unsigned_abs();
/// See [`NETLINK_ROUTE`].
pub(crate) const NETLINK_GENERIC: u32 = freebsd_abi::NETLINK_GENERIC.unsigned_abs();

/// `NL_MAX_HANDLERS` (`netlink.h`): protocol numbers below it can register a handler.
pub(crate) const NL_MAX_HANDLERS: u32 = 20;

/// `NLP_MAX_GROUPS` (`netlink_var.h`).
pub(crate) const NLP_MAX_GROUPS: u32 = 128;

/// `NLSNDQ` (`netlink_var.h`): default send and receive space.
pub(crate) const NLSNDQ: usize = 65536;

/// `NL_MAX_ERROR_BUF` (`netlink_var.h`).
pub(crate) const NL_MAX_ERROR_BUF: usize = 128;

/// `NLMSG_SMALL` / `NLMSG_LARGE` (`netlink_message_writer.h`), `NLMBUFSIZE` (`netlink_var.h`).
pub(crate) const NLMSG_SMALL: usize = 128;
/// See [`NLMSG_SMALL`].
pub(crate) const NLMSG_LARGE: usize = 2048;
/// See [`NLMSG_SMALL`].
pub(crate) const NLMBUFSIZE: usize = 2048;
