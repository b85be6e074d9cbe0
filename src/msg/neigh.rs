// SPDX-License-Identifier: BSD-2-Clause
//! Neighbours: `RTM_NEWNEIGH`, `RTM_DELNEIGH`, `RTM_GETNEIGH` (`struct ndmsg` + `NDA_*`).
//!
//! Linux: `include/uapi/linux/neighbour.h`; FreeBSD: `sys/netlink/route/neigh.h`;
//! behaviour: `sys/netlink/route/neigh.c`. `ndm_state` (`NUD_*`) and `ndm_flags` (`NTF_*`)
//! use the same bits on both (checked in `tests/tables.rs`).

use super::maps::AF_MAP;
use crate::table::Dir;
use crate::table::Hooks;
use crate::table::MsgState;
use crate::table::{valid, AttrTable, Conv, Field, FlagMap, Kind, MsgSpec, Residual};
use crate::{freebsd_only, linux_only, same};
use core::mem::{offset_of, size_of};
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

/// Neighbour attributes.
pub static NDA: AttrTable = AttrTable {
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
        same!(
            NDA_FLAGS_EXT,
            Kind::Flags32(&NTF_EXT_MAP),
            "Linux: extended bits only; FreeBSD: whole flag word (bits << 8)"
        ),
        same!(NDA_NDM_STATE_MASK),
        same!(NDA_NDM_FLAGS_MASK),
        freebsd_only!(NDA_FREEBSD, "FreeBSD-private nest (next state timestamp)",),
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
    to_freebsd: Hooks {
        append: None,
        fixup: Some(static_to_freebsd),
    },
    to_linux: Hooks {
        append: None,
        fixup: Some(static_to_linux),
    },
};

/// Static entries: Linux marks them with the state `NUD_PERMANENT` (iproute2's default for
/// `ip neigh add`), FreeBSD with the flag `NTF_STICKY` and reports them `NUD_REACHABLE`
/// (`sys/netlink/route/neigh.c`: `NTF_STICKY` → `LLE_STATIC` on input, `LLE_STATIC` →
/// `NTF_STICKY` on output). Linux's `NTF_STICKY` means a sticky bridge FDB entry instead, so
/// the bit does not cross as such.
fn static_to_freebsd(_st: &MsgState<'_>, _src: &[u8], out_header: &mut [u8]) {
    fix_static(Dir::LinuxToFreebsd, out_header);
}

/// See [`static_to_freebsd`].
fn static_to_linux(_st: &MsgState<'_>, _src: &[u8], out_header: &mut [u8]) {
    fix_static(Dir::FreebsdToLinux, out_header);
}

fn fix_static(dir: Dir, out_header: &mut [u8]) {
    let state_off = offset_of!(l::ndmsg, ndm_state);
    let flags_off = offset_of!(l::ndmsg, ndm_flags);
    let (Some(state), Some(&flags)) = (
        crate::wire::read_u16(out_header, state_off),
        out_header.get(flags_off),
    ) else {
        return;
    };
    let (state, flags) = match dir {
        Dir::LinuxToFreebsd if state & l::NUD_PERMANENT != 0 => {
            (f::NUD_REACHABLE, flags | f::NTF_STICKY)
        }
        Dir::FreebsdToLinux if flags & f::NTF_STICKY != 0 => {
            (l::NUD_PERMANENT, flags & !f::NTF_STICKY)
        }
        _ => return,
    };
    crate::wire::write_u16(out_header, state_off, state);
    if let Some(b) = out_header.get_mut(flags_off) {
        *b = flags;
    }
}
