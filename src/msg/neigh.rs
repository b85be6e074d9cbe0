// SPDX-License-Identifier: BSD-2-Clause
//! Neighbours: `RTM_NEWNEIGH`, `RTM_DELNEIGH`, `RTM_GETNEIGH` (`struct ndmsg` + `NDA_*`).
//!
//! Linux: `include/uapi/linux/neighbour.h`; FreeBSD: `sys/netlink/route/neigh.h`;
//! behaviour: `sys/netlink/route/neigh.c`. `ndm_state` (`NUD_*`) and `ndm_flags` (`NTF_*`)
//! use the same bits on both (checked in `tests/tables.rs`).

use super::maps::AF_MAP;
use crate::table::Hooks;
use crate::table::MsgState;
use crate::table::{Conv, FlagMap, Kind, MsgSpec, Residual};
use crate::wire::edit_header;
use crate::{attr_table, field, freebsd_only, linux_only, same};
use core::mem::size_of;
use freebsd_abi as f;
use linux_abi as l;

/// `NDA_FLAGS_EXT`: Linux carries only the extended flags there (`NTF_EXT_MANAGED` 1 << 0,
/// `include/uapi/linux/neighbour.h`); FreeBSD carries the whole 32-bit flag word, whose
/// extended bits start at 0x100 (`NTF_EXT_MANAGED` 0x100, `sys/netlink/route/neigh.h`).
pub static NTF_EXT_MAP: FlagMap = FlagMap {
    name: "NTF_EXT",
    pairs: &[(l::NTF_EXT_MANAGED, f::NTF_EXT_MANAGED)],
    residual: Residual::Drop,
};

attr_table! {
/// Neighbour attributes.
pub static NDA = AttrTable {
    name: "NDA",
    rules: &[
        same!(NDA_DST),
        same!(NDA_LLADDR),
        same!(NDA_CACHEINFO),
        same!(NDA_PROBES),
        same!(NDA_VLAN),
        same!(NDA_PORT),
        same!(NDA_VNI),
        same!(NDA_IFINDEX),
        same!(NDA_MASTER),
        linux_only!(NDA_LINK_NETNSID, "network namespaces: none on FreeBSD"),
        same!(NDA_SRC_VNI),
        same!(NDA_PROTOCOL),
        same!(NDA_NH_ID),
        same!(NDA_FDB_EXT_ATTRS),
        same!(NDA_FLAGS_EXT, Kind::Flags32(&NTF_EXT_MAP), "Linux: extended bits only; FreeBSD: whole flag word (bits << 8)"),
        same!(NDA_NDM_STATE_MASK),
        same!(NDA_NDM_FLAGS_MASK),
        freebsd_only!(NDA_FREEBSD, "FreeBSD-private nest (next state timestamp)"),
    ],
    synth_linux: &[],
};
}

/// The neighbour family.
#[rustfmt::skip]
pub static NEIGH: MsgSpec = MsgSpec {
    name: "neigh",
    types: &[l::RTM_NEWNEIGH, l::RTM_DELNEIGH, l::RTM_GETNEIGH],
    header_len: size_of::<l::ndmsg>(),
    fields: &[field!(ndmsg.ndm_family, Conv::Family(&AF_MAP))],
    attrs: &NDA,
    to_freebsd: Hooks { append: None, fixup: Some(static_to_freebsd) },
    to_linux: Hooks { append: None, fixup: Some(static_to_linux) },
};

/// Static entries: Linux marks them with the state `NUD_PERMANENT` (iproute2's default for
/// `ip neigh add`), FreeBSD with the flag `NTF_STICKY` and reports them `NUD_REACHABLE`
/// (`sys/netlink/route/neigh.c`: `NTF_STICKY` → `LLE_STATIC` on input, `LLE_STATIC` →
/// `NTF_STICKY` on output). Linux's `NTF_STICKY` means a sticky bridge FDB entry instead, so
/// the bit does not cross as such.
fn static_to_freebsd(_st: &MsgState<'_>, _src: &[u8], out_header: &mut [u8]) {
    edit_header(out_header, |h: &mut f::ndmsg| {
        if h.ndm_state & l::NUD_PERMANENT != 0 {
            h.ndm_state = f::NUD_REACHABLE;
            h.ndm_flags |= f::NTF_STICKY;
        }
    });
}

/// See [`static_to_freebsd`].
fn static_to_linux(_st: &MsgState<'_>, _src: &[u8], out_header: &mut [u8]) {
    edit_header(out_header, |h: &mut l::ndmsg| {
        if h.ndm_flags & f::NTF_STICKY != 0 {
            h.ndm_state = l::NUD_PERMANENT;
            h.ndm_flags &= !f::NTF_STICKY;
        }
    });
}
