// SPDX-License-Identifier: BSD-2-Clause
//! Nexthop objects: `RTM_NEWNEXTHOP`, `RTM_DELNEXTHOP`, `RTM_GETNEXTHOP` (`struct nhmsg` +
//! `NHA_*`).
//!
//! Linux: `include/uapi/linux/nexthop.h`; FreeBSD: `sys/netlink/route/nexthop.h`,
//! `sys/netlink/route/nexthop.c`. `NHA_GATEWAY` is a bare address whose length tells its
//! family; `NHA_GROUP` is an array of `struct nexthop_grp`, identical on both.

use super::link::{freebsd_only, linux_only, same};
use super::maps::AF_MAP;
use crate::table::{valid, AttrTable, Conv, Field, MsgSpec};
use core::mem::{offset_of, size_of};
use freebsd_abi as f;
use linux_abi as l;

/// Nexthop attributes.
pub static NHA: AttrTable = AttrTable {
    name: "NHA",
    rules: &[
        same(l::NHA_ID, f::NHA_ID),
        same(l::NHA_GROUP, f::NHA_GROUP),
        same(l::NHA_GROUP_TYPE, f::NHA_GROUP_TYPE),
        same(l::NHA_BLACKHOLE, f::NHA_BLACKHOLE),
        same(l::NHA_OIF, f::NHA_OIF),
        same(l::NHA_GATEWAY, f::NHA_GATEWAY),
        same(l::NHA_ENCAP_TYPE, f::NHA_ENCAP_TYPE),
        same(l::NHA_ENCAP, f::NHA_ENCAP),
        same(l::NHA_GROUPS, f::NHA_GROUPS),
        same(l::NHA_MASTER, f::NHA_MASTER),
        same(l::NHA_FDB, f::NHA_FDB),
        same(l::NHA_RES_GROUP, f::NHA_RES_GROUP),
        same(l::NHA_RES_BUCKET, f::NHA_RES_BUCKET),
        linux_only(l::NHA_OP_FLAGS, "ABI: id 14 is FreeBSD's NHA_FREEBSD nest"),
        freebsd_only(f::NHA_FREEBSD, "ABI: id 14 is Linux NHA_OP_FLAGS (u32)"),
    ],
    synth_linux: &[],
};
const _: () = assert!(valid(&NHA));

/// The nexthop family.
pub static NEXTHOP: MsgSpec = MsgSpec {
    name: "nexthop",
    types: &[l::RTM_NEWNEXTHOP, l::RTM_DELNEXTHOP, l::RTM_GETNEXTHOP],
    header_len: size_of::<l::nhmsg>(),
    fields: &[Field {
        off: offset_of!(l::nhmsg, nh_family),
        conv: Conv::Family(&AF_MAP),
    }],
    attrs: &NHA,
    fixup: None,
};
