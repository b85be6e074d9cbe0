// SPDX-License-Identifier: BSD-2-Clause
//! Generic netlink: the nlctrl family (`GENL_ID_CTRL`, `struct genlmsghdr` + `CTRL_ATTR_*`).
//!
//! Linux: `include/uapi/linux/genetlink.h`; FreeBSD: `sys/netlink/netlink_generic.h`,
//! `sys/netlink/netlink_generic.c`. The layouts and ids are equal, so rows copy; family and
//! multicast group ids are dynamic on both systems. Other generic families pass unchanged
//! (their attributes are family-specific); their errors and DONE are still translated.

use crate::table::Hooks;
use crate::table::MsgSpec;
use crate::{attr_table, same};
use core::mem::size_of;
use linux_abi as l;

attr_table! {
/// nlctrl attributes.
pub static CTRL_ATTR = AttrTable {
    name: "CTRL_ATTR",
    rules: &[
        same!(CTRL_ATTR_FAMILY_ID),
        same!(CTRL_ATTR_FAMILY_NAME),
        same!(CTRL_ATTR_VERSION),
        same!(CTRL_ATTR_HDRSIZE),
        same!(CTRL_ATTR_MAXATTR),
        same!(CTRL_ATTR_OPS),
        same!(CTRL_ATTR_MCAST_GROUPS),
        same!(CTRL_ATTR_POLICY),
        same!(CTRL_ATTR_OP_POLICY),
        same!(CTRL_ATTR_OP),
    ],
    synth_linux: &[],
};
}

/// The nlctrl family.
#[rustfmt::skip]
pub static NLCTRL: MsgSpec = MsgSpec {
    name: "nlctrl",
    types: &[l::GENL_ID_CTRL],
    header_len: size_of::<l::genlmsghdr>(),
    fields: &[],
    attrs: &CTRL_ATTR,
    to_freebsd: Hooks::NONE,
    to_linux: Hooks::NONE,
};
