// SPDX-License-Identifier: BSD-2-Clause
//! Nexthop objects: `RTM_NEWNEXTHOP`, `RTM_DELNEXTHOP`, `RTM_GETNEXTHOP` (`struct nhmsg` +
//! `NHA_*`).
//!
//! Linux: `include/uapi/linux/nexthop.h`; FreeBSD: `sys/netlink/route/nexthop.h`,
//! `sys/netlink/route/nexthop.c`. `NHA_GATEWAY` is a bare address whose length tells its
//! family; `NHA_GROUP` is an array of `struct nexthop_grp`, identical on both.

use super::maps::AF_MAP;
use crate::table::Hooks;
use crate::table::{Conv, MsgSpec};
use crate::{attr_table, field, freebsd_only, linux_only, same};
use core::mem::size_of;
use linux_abi as l;

attr_table! {
/// Nexthop attributes.
pub static NHA = AttrTable {
    name: "NHA",
    rules: &[
        same!(NHA_ID),
        same!(NHA_GROUP),
        same!(NHA_GROUP_TYPE),
        same!(NHA_BLACKHOLE),
        same!(NHA_OIF),
        same!(NHA_GATEWAY),
        same!(NHA_ENCAP_TYPE),
        same!(NHA_ENCAP),
        same!(NHA_GROUPS),
        same!(NHA_MASTER),
        same!(NHA_FDB),
        same!(NHA_RES_GROUP),
        same!(NHA_RES_BUCKET),
        linux_only!(NHA_OP_FLAGS, "ABI: id 14 is FreeBSD's NHA_FREEBSD nest"),
        freebsd_only!(NHA_FREEBSD, "ABI: id 14 is Linux NHA_OP_FLAGS (u32)"),
    ],
    synth_linux: &[],
};
}

/// The nexthop family.
#[rustfmt::skip]
pub static NEXTHOP: MsgSpec = MsgSpec {
    name: "nexthop",
    types: &[l::RTM_NEWNEXTHOP, l::RTM_DELNEXTHOP, l::RTM_GETNEXTHOP],
    header_len: size_of::<l::nhmsg>(),
    fields: &[field!(nhmsg.nh_family, Conv::Family(&AF_MAP))],
    attrs: &NHA,
    to_freebsd: Hooks::NONE,
    to_linux: Hooks::NONE,
};
