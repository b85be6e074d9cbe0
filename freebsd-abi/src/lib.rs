// SPDX-License-Identifier: BSD-2-Clause
//! FreeBSD netlink ABI: types and constants, named as in FreeBSD's headers.
//!
//! Written by hand from `freebsd/freebsd-src` (see `README.md` for the revisions and paths),
//! one module per header. Every item is also re-exported flat at the crate root, so
//! `freebsd_abi::RTA_TABLE` and `freebsd_abi::route::route::RTA_TABLE` are the same item.
//!
//! Conventions:
//! - constants are typed as the wire field they go into: attribute ids `u16`, `nlmsg_type`
//!   and `NLM_F_*` `u16`, `RTN_*`/`RTPROT_*`/`RT_SCOPE_*` `u8`, `IFF_*` `u32`, `AF_*` `u8`,
//!   `RT_TABLE_*` `u32`, errno `i32` (positive, as FreeBSD's netlink reports them), socket-API
//!   values (`SOCK_*`, `SO_*`, `SOL_*`, `NETLINK_*`) `i32`, lengths/alignments `usize`;
//! - structs are `#[repr(C)]`, padding-free, with `zerocopy` conversions and a size assertion;
//! - where FreeBSD's kernel and userland names differ (`NL_RTA_*` / `RTA_*`,
//!   `NL_RTM_*` / `RTM_*`, `NL_RTAX_*` / `RTAX_*`) both spellings exist.
//!
//! Values that differ from Linux (the reason this crate exists) are called out in the item
//! docs: `AF_INET6` 28, `AF_NETLINK` 38, `IFF_MULTICAST` 0x8000, `IFF_LOWER_UP` 0x1000000,
//! `IFLA_*` from 59, the `*_FREEBSD` nested attributes, `RT_TABLE_MAIN` 0, one-byte
//! `rtvia_family`, and `sockaddr_nl`'s `nl_len` byte.
#![no_std]
#![forbid(unsafe_code)]

pub mod errno;
pub mod if_;
pub mod if_types;
pub mod in6_var;
pub mod net_route;
pub mod netlink;
pub mod netlink_generic;
pub mod route;
pub mod socket;

#[cfg(all(feature = "libc-check", target_os = "freebsd"))]
mod libc_check;

pub use errno::*;
pub use if_::*;
pub use if_types::*;
pub use in6_var::*;
pub use net_route::*;
pub use netlink::*;
pub use netlink_generic::*;
pub use route::common::*;
pub use route::ifaddrs::*;
pub use route::interface::*;
pub use route::neigh::*;
pub use route::nexthop::*;
pub use route::route::*;
pub use socket::*;

#[cfg(test)]
mod tests;
