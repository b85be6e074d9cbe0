// SPDX-License-Identifier: BSD-2-Clause
//! A model of FreeBSD's netlink kernel side (`sys/netlink/`), answering FreeBSD-ABI netlink.
#![forbid(unsafe_code)]
