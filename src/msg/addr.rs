// SPDX-License-Identifier: BSD-2-Clause
//! Addresses: `RTM_NEWADDR`, `RTM_DELADDR`, `RTM_GETADDR` (`struct ifaddrmsg` + `IFA_*`).
//!
//! Linux: `include/uapi/linux/if_addr.h`; FreeBSD: `sys/netlink/route/ifaddrs.h`;
//! behaviour: `sys/netlink/route/iface.c` (`dump_iface_addr`, `rtnl_handle_addr`).

use super::maps::AF_MAP;
use crate::engine::{ifname, ifname_in_place};
use crate::table::Dir;
use crate::table::Hooks;
use crate::table::MsgState;
use crate::table::{Conv, Kind, MsgSpec};
use crate::wire::{attrs_after, read_header, Attr, Attrs, Msg, Writer};
use crate::Result;
use crate::{attr_table, field, freebsd_only, linux_only, same};
use core::mem::size_of;
use freebsd_abi as f;
use linux_abi as l;

attr_table! {
/// Address attributes.
pub static IFA = AttrTable {
    name: "IFA",
    rules: &[
        same!(IFA_ADDRESS),
        same!(IFA_LOCAL),
        same!(IFA_LABEL, Kind::Patched(label, label_in_place), "Linux interface name, as in link dumps; IPv4 only on Linux"),
        same!(IFA_BROADCAST),
        same!(IFA_ANYCAST),
        same!(IFA_CACHEINFO),
        same!(IFA_MULTICAST),
        same!(IFA_FLAGS, Kind::Patched(flags_row, flags_row_in_place), "IFA_F_* bits equal; Linux adds PERMANENT for infinite lifetimes (emitted last)"),
        same!(IFA_RT_PRIORITY),
        linux_only!(IFA_TARGET_NETNSID, "network namespaces: none on FreeBSD"),
        linux_only!(IFA_PROTO, "ABI: id 11 is FreeBSD's IFA_FREEBSD nest"),
        freebsd_only!(IFA_FREEBSD, "ABI: id 11 is Linux IFA_PROTO (u8)"),
    ],
    synth_linux: &[],
};
}

/// The address family.
#[rustfmt::skip]
pub static ADDR: MsgSpec = MsgSpec {
    name: "addr",
    types: &[l::RTM_NEWADDR, l::RTM_DELADDR, l::RTM_GETADDR],
    header_len: size_of::<l::ifaddrmsg>(),
    fields: &[field!(ifaddrmsg.ifa_family, Conv::Family(&AF_MAP))],
    attrs: &IFA,
    to_freebsd: Hooks { append: Some(append_freebsd), fixup: None },
    to_linux: Hooks { append: Some(append_linux), fixup: Some(fix_ifa_flags) },
};

/// Linux mirrors the low byte of `IFA_FLAGS` in `ifa_flags` (`net/ipv6/addrconf.c`
/// `put_ifaddrmsg`), and glibc's `__check_pf` reads DEPRECATED/OPTIMISTIC from there;
/// FreeBSD always writes 0 in the header.
fn fix_ifa_flags(_st: &MsgState<'_>, src_payload: &[u8], out_header: &mut [u8]) {
    let low = linux_flags(src_payload).to_le_bytes().first().copied();
    crate::wire::edit_header(out_header, |h: &mut l::ifaddrmsg| {
        h.ifa_flags = low.unwrap_or(0);
    });
}

/// "Forever" in `struct ifa_cacheinfo` lifetimes (Linux `INFINITY_LIFE_TIME`, FreeBSD
/// `ND6_INFINITE_LIFETIME`; both 0xFFFFFFFF).
const INFINITE: u32 = u32::MAX;

/// The FreeBSD message's attributes (after `struct ifaddrmsg`).
fn src_attrs(src_payload: &[u8]) -> Attrs<'_> {
    attrs_after(src_payload, size_of::<f::ifaddrmsg>())
}

/// The FreeBSD message's first `IFA_FLAGS` and first `IFA_CACHEINFO` (IPv6 only), found in
/// one walk that stops, as `Attrs::find` does, at the first malformed attribute.
fn flags_and_cacheinfo(src_payload: &[u8]) -> (Option<Attr<'_>>, Option<Attr<'_>>) {
    let (mut flags, mut ci) = (None, None);
    for a in src_attrs(src_payload).map_while(Result::ok) {
        match a.kind() {
            f::IFA_FLAGS if flags.is_none() => flags = Some(a),
            f::IFA_CACHEINFO if ci.is_none() => ci = Some(a),
            _ => {}
        }
        if flags.is_some() && ci.is_some() {
            break;
        }
    }
    (flags, ci)
}

/// Linux's `IFA_FLAGS` for a FreeBSD address: FreeBSD's bits (equal numbering) plus
/// `IFA_F_PERMANENT`, which Linux sets on every address that does not expire
/// (`net/ipv6/addrconf.c`, `net/ipv4/devinet.c`) and iproute2 shows as the absence of
/// "dynamic". FreeBSD's IPv4 addresses never expire and carry no `IFA_CACHEINFO`.
fn linux_flags(src_payload: &[u8]) -> u32 {
    let (flags, ci) = flags_and_cacheinfo(src_payload);
    linux_flags_of(flags, ci)
}

/// [`linux_flags`] from the message's `IFA_FLAGS` and `IFA_CACHEINFO`.
fn linux_flags_of(flags: Option<Attr<'_>>, ci: Option<Attr<'_>>) -> u32 {
    let bsd = flags.and_then(|a| a.u32()).unwrap_or(0);
    // The valid lifetime FreeBSD reports (IPv6 only), if any.
    let valid = ci.and_then(|c| read_header::<f::ifa_cacheinfo>(c.payload()).map(|c| c.ifa_valid));
    match valid {
        None | Some(INFINITE) => bsd | l::IFA_F_PERMANENT,
        Some(_) => bsd,
    }
}

/// `IFA_LABEL`: the Linux interface name; Linux labels IPv4 addresses only
/// (`net/ipv4/devinet.c`), FreeBSD labels every address.
fn label(
    st: &mut MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<()> {
    let family = read_header::<f::ifaddrmsg>(st.src_header()).map(|h| h.ifa_family);
    if dir == Dir::FreebsdToLinux && family == Some(f::AF_INET6) {
        return Ok(());
    }
    ifname(st, dir, attr, out_type, w)
}

/// [`label`] in place: nothing for IPv6 on Linux, else the name as [`ifname_in_place`] writes it.
fn label_in_place(st: &MsgState<'_>, dir: Dir, attr: Attr<'_>, out: &mut [u8]) -> Option<usize> {
    let family = read_header::<f::ifaddrmsg>(st.src_header()).map(|h| h.ifa_family);
    if dir == Dir::FreebsdToLinux && family == Some(f::AF_INET6) {
        return Some(0);
    }
    ifname_in_place(st, dir, attr, out)
}

/// [`flags_row`] in place: copied Linux → FreeBSD, nothing FreeBSD → Linux.
fn flags_row_in_place(
    _st: &MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    _out: &mut [u8],
) -> Option<usize> {
    match dir {
        Dir::LinuxToFreebsd => crate::wire::align4(attr.payload().len().checked_add(4)?),
        Dir::FreebsdToLinux => Some(0),
    }
}

/// `IFA_FLAGS` row: copied Linux → FreeBSD; the Linux value is written by [`append_linux`].
fn flags_row(
    _st: &mut MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<()> {
    match (dir, out_type) {
        (Dir::LinuxToFreebsd, Some(ty)) => w.attr(ty, attr.payload()),
        _ => Ok(()),
    }
}

/// A Linux `RTM_NEWADDR` for IPv6 without `IFA_CACHEINFO` means "forever"
/// (`net/ipv6/addrconf.c inet6_rtm_newaddr`: `INFINITY_LIFE_TIME`), but FreeBSD passes
/// lifetimes 0/0 to `in6_update_ifa()` (`route/iface.c handle_newaddr_inet6`), which then
/// silently adds nothing: `ip -6 addr add` would "succeed" without effect. Say "forever".
fn append_freebsd(_st: &mut MsgState<'_>, msg: Msg<'_>, w: &mut Writer<'_>) -> Result<()> {
    let p = msg.payload();
    let v6 = read_header::<l::ifaddrmsg>(p).is_some_and(|h| h.ifa_family == l::AF_INET6);
    let has_ci = attrs_after(p, size_of::<l::ifaddrmsg>())
        .find(l::IFA_CACHEINFO)
        .is_some();
    if msg.msg_type() != l::RTM_NEWADDR || !v6 || has_ci {
        return Ok(());
    }
    let ci = f::ifa_cacheinfo {
        ifa_prefered: INFINITE,
        ifa_valid: INFINITE,
        cstamp: 0,
        tstamp: 0,
    };
    w.attr(f::IFA_CACHEINFO, zerocopy::IntoBytes::as_bytes(&ci))
}

/// Linux form: `IFA_FLAGS` (with PERMANENT), and for IPv4 the `IFA_CACHEINFO` with infinite
/// lifetimes Linux always sends (iproute2 prints "valid_lft forever").
fn append_linux(_st: &mut MsgState<'_>, msg: Msg<'_>, w: &mut Writer<'_>) -> Result<()> {
    let p = msg.payload();
    let (flags, ci) = flags_and_cacheinfo(p);
    w.attr_u32(l::IFA_FLAGS, linux_flags_of(flags, ci))?;
    let v4 = read_header::<f::ifaddrmsg>(p).is_some_and(|h| h.ifa_family == f::AF_INET);
    if v4 && ci.is_none() {
        let ci = l::ifa_cacheinfo {
            ifa_prefered: INFINITE,
            ifa_valid: INFINITE,
            cstamp: 0,
            tstamp: 0,
        };
        w.attr(l::IFA_CACHEINFO, zerocopy::IntoBytes::as_bytes(&ci))?;
    }
    Ok(())
}
