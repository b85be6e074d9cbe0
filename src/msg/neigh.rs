// SPDX-License-Identifier: BSD-2-Clause
//! Neighbours: `RTM_NEWNEIGH`, `RTM_DELNEIGH`, `RTM_GETNEIGH` (`struct ndmsg` + `NDA_*`).
//!
//! Linux: `include/uapi/linux/neighbour.h`; FreeBSD: `sys/netlink/route/neigh.h`;
//! behaviour: `sys/netlink/route/neigh.c`. `ndm_state` (`NUD_*`) and `ndm_flags` (`NTF_*`)
//! use the same bits on both (checked in `tests/tables.rs`).

use super::link::{freebsd_only, linux_only, same};
use super::maps::AF_MAP;
use crate::table::{valid, AttrTable, Conv, Field, MsgSpec};
use core::mem::{offset_of, size_of};
use freebsd_abi as f;
use linux_abi as l;

/// Neighbour attributes.
pub static NDA: AttrTable = AttrTable {
    name: "NDA",
    rules: &[
        same(l::NDA_DST, f::NDA_DST),
        same(l::NDA_LLADDR, f::NDA_LLADDR),
        same(l::NDA_CACHEINFO, f::NDA_CACHEINFO),
        same(l::NDA_PROBES, f::NDA_PROBES),
        same(l::NDA_VLAN, f::NDA_VLAN),
        same(l::NDA_PORT, f::NDA_PORT),
        same(l::NDA_VNI, f::NDA_VNI),
        same(l::NDA_IFINDEX, f::NDA_IFINDEX),
        same(l::NDA_MASTER, f::NDA_MASTER),
        linux_only(l::NDA_LINK_NETNSID, "network namespaces: none on FreeBSD"),
        same(l::NDA_SRC_VNI, f::NDA_SRC_VNI),
        same(l::NDA_PROTOCOL, f::NDA_PROTOCOL),
        same(l::NDA_NH_ID, f::NDA_NH_ID),
        same(l::NDA_FDB_EXT_ATTRS, f::NDA_FDB_EXT_ATTRS),
        same(l::NDA_FLAGS_EXT, f::NDA_FLAGS_EXT),
        same(l::NDA_NDM_STATE_MASK, f::NDA_NDM_STATE_MASK),
        same(l::NDA_NDM_FLAGS_MASK, f::NDA_NDM_FLAGS_MASK),
        freebsd_only(
            f::NDA_FREEBSD,
            "FreeBSD-private nest (next state timestamp)",
        ),
    ],
    synth_linux: &[],
};
const _: () = assert!(valid(&NDA));

/// The neighbour family.
pub static NEIGH: MsgSpec = MsgSpec {
    name: "neigh",
    types: &[l::RTM_NEWNEIGH, l::RTM_DELNEIGH, l::RTM_GETNEIGH],
    header_len: size_of::<l::ndmsg>(),
    fields: &[Field {
        off: offset_of!(l::ndmsg, ndm_family),
        conv: Conv::Family(&AF_MAP),
    }],
    attrs: &NDA,
    fixup: None,
};
