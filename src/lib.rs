// SPDX-License-Identifier: BSD-2-Clause
//! nlcompat: translate netlink messages between the Linux and FreeBSD ABIs.
//!
//! `no_std`, no allocation, no panics, no `unsafe`. The [`wire`] module frames messages and
//! attributes; the translation tables and engine build on it.
#![cfg_attr(not(test), no_std)]
#![forbid(unsafe_code)]

pub mod error;
pub mod wire;

pub use error::{Error, Result};
