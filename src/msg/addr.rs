// SPDX-License-Identifier: BSD-2-Clause
//! Addresses: `RTM_NEWADDR`, `RTM_DELADDR`, `RTM_GETADDR` (`struct ifaddrmsg` + `IFA_*`).
//!
//! Linux: `include/uapi/linux/if_addr.h`; FreeBSD: `sys/netlink/route/ifaddrs.h`;
//! behaviour: `sys/netlink/route/iface.c` (`dump_iface_addr`, `rtnl_handle_addr`).

use super::link::ifname;
use super::maps::AF_MAP;
use crate::table::{valid, AttrTable, Conv, Field, Kind, MsgSpec};
use crate::wire::{align4, Attrs};
use crate::Dir;
use crate::{freebsd_only, linux_only, same};
use core::mem::{offset_of, size_of};
use freebsd_abi as f;
use linux_abi as l;

/// Address attributes.
pub static IFA: AttrTable = AttrTable {
    name: "IFA",
    rules: &[
        same!(IFA_ADDRESS),
        same!(IFA_LOCAL),
        same!(
            IFA_LABEL,
            Kind::Custom(ifname),
            "Linux interface name, as in link dumps",
        ),
        same!(IFA_BROADCAST),
        same!(IFA_ANYCAST),
        same!(IFA_CACHEINFO),
        same!(IFA_MULTICAST),
        same!(IFA_FLAGS, Kind::Copy, "IFA_F_* bits equal on both",),
        same!(IFA_RT_PRIORITY),
        linux_only!(IFA_TARGET_NETNSID, "network namespaces: none on FreeBSD"),
        linux_only!(IFA_PROTO, "ABI: id 11 is FreeBSD's IFA_FREEBSD nest"),
        freebsd_only!(IFA_FREEBSD, "ABI: id 11 is Linux IFA_PROTO (u8)"),
    ],
    synth_linux: &[],
};
const _: () = assert!(valid(&IFA));

/// The address family.
pub static ADDR: MsgSpec = MsgSpec {
    name: "addr",
    types: &[l::RTM_NEWADDR, l::RTM_DELADDR, l::RTM_GETADDR],
    header_len: size_of::<l::ifaddrmsg>(),
    fields: &[Field {
        off: offset_of!(l::ifaddrmsg, ifa_family),
        conv: Conv::Family(&AF_MAP),
    }],
    attrs: &IFA,
    append: None,
    fixup: Some(fix_ifa_flags),
};

/// Linux mirrors the low byte of `IFA_FLAGS` in `ifa_flags` (`net/ipv6/addrconf.c`
/// `put_ifaddrmsg`), and glibc's `__check_pf` reads DEPRECATED/OPTIMISTIC from there;
/// FreeBSD always writes 0 in the header.
fn fix_ifa_flags(dir: Dir, src_payload: &[u8], out_header: &mut [u8]) {
    if dir != Dir::FreebsdToLinux {
        return;
    }
    let start = align4(size_of::<f::ifaddrmsg>()).unwrap_or(usize::MAX);
    let attrs = src_payload.get(start..).unwrap_or_default();
    let Some(flags) = Attrs::new(attrs).find(f::IFA_FLAGS).and_then(|a| a.u32()) else {
        return;
    };
    if let Some(b) = out_header.get_mut(offset_of!(l::ifaddrmsg, ifa_flags)) {
        *b = flags.to_le_bytes().first().copied().unwrap_or(0);
    }
}
