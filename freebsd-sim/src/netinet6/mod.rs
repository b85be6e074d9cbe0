// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netinet6/`: automatic link-local addresses and on-link prefixes.

pub(crate) mod in6_ifattach;
pub(crate) mod nd6_rtr;
