// SPDX-License-Identifier: BSD-2-Clause
//! nlcompat: translate netlink messages between the Linux and FreeBSD ABIs.
//!
//! `no_std`, no allocation, no panics, no `unsafe`.
#![cfg_attr(not(test), no_std)]
#![forbid(unsafe_code)]
