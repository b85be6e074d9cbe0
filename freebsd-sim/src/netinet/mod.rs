// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netinet/`: interface addresses and the routes they install.

pub(crate) mod in_;
