// SPDX-License-Identifier: BSD-2-Clause
//! One test per translation rule, on hand-built messages; one module per family, as in
//! `src/msg/`.
//!
//! Expected values are written as literal numbers taken from the headers (cited per test),
//! not from the translator's tables, so a wrong table row fails here. Sources:
//! `docs/sources.md` (values) and `docs/design.md` (gaps to close).
#![allow(
    clippy::arithmetic_side_effects,
    clippy::as_conversions,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::panic
)]

#[path = "../common/mod.rs"]
mod common;

use common::*;
use nlcompat::{Ctx, Error, Freebsd, Linux, Proto};

// nlmsg types (equal on both systems; Linux `rtnetlink.h`, FreeBSD `route/common.h`).
const NEWLINK: u16 = 16;
const GETLINK: u16 = 18;
const NEWADDR: u16 = 20;
const DELADDR: u16 = 21;
const GETADDR: u16 = 22;
const NEWROUTE: u16 = 24;
const GETROUTE: u16 = 26;
const NEWNEIGH: u16 = 28;
const GETNEIGH: u16 = 30;
const NEWNEXTHOP: u16 = 104;
const ERROR: u16 = 2;
const DONE: u16 = 3;

// nlmsg flags (`netlink.h`, both systems).
const REQ: u16 = 0x1;
const MULTI: u16 = 0x2;
const ACK: u16 = 0x4;
const DUMP: u16 = 0x300;
const CREATE: u16 = 0x400;
const CAPPED: u16 = 0x100;
const ACK_TLVS: u16 = 0x200;

// Address families: Linux `socket.h`, FreeBSD `sys/sys/socket.h`.
const L_INET: u8 = 2;
const L_INET6: u8 = 10;
const L_PACKET: u8 = 17;
const L_MPLS: u8 = 28;
const F_INET6: u8 = 28;
const F_LINK: u8 = 18;

const V6: [u8; 16] = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
const V6GW: [u8; 16] = [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];

fn hdr(m: &PMsg) -> &[u8] {
    &m.payload
}

mod addr;
mod buffers;
mod control;
mod dumps;
mod families;
mod flags;
mod genl;
mod link;
mod neigh;
mod nexthop;
mod policy;
mod route;

#[allow(unused_imports)]
use {
    addr::*, buffers::*, control::*, dumps::*, families::*, flags::*, genl::*, link::*, neigh::*,
    nexthop::*, route::*,
};
