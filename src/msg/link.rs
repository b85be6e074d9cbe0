// SPDX-License-Identifier: BSD-2-Clause
//! Links: `RTM_NEWLINK`, `RTM_DELLINK`, `RTM_GETLINK`, `RTM_SETLINK` (`struct ifinfomsg` +
//! `IFLA_*`).
//!
//! Linux: `include/uapi/linux/if_link.h`, `rtnetlink.h`, `if.h`, `if_arp.h`;
//! FreeBSD: `sys/netlink/route/interface.h`, `sys/net/if.h`, `sys/net/if_types.h`;
//! behaviour: `sys/netlink/route/iface.c` (`dump_iface`), `sys/compat/linux/linux_netlink.c`.

use super::maps::LINK_AF_MAP;
use crate::engine::translate_nest;
use crate::error::{FreebsdErrno, LinuxErrno};
use crate::table::Dir;
use crate::table::MsgState;
use crate::table::{Conv, FlagMap, Hooks, Kind, MsgSpec, Residual, Synth, Unknown, ValueMap};
use crate::wire::{attrs_after, edit_header, read_header, Attr, Writer};
use crate::Result;
use crate::{attr_table, field, freebsd_only, linux_only, same};
use core::mem::size_of;
use freebsd_abi as f;
use linux_abi as l;

/// The FreeBSD `nlmsg_type` and `nlmsg_flags` for a Linux link request of type `msg_type`
/// with `flags`, `None` when they stay.
///
/// `RTM_SETLINK` changes an existing link (Linux `rtnl_setlink` in `net/core/rtnetlink.c`);
/// FreeBSD registers no handler for it (`sys/netlink/route/iface.c` `cmd_handlers`: NEWLINK,
/// DELLINK, GETLINK), so its dispatcher would answer `ENOTSUP`. Its modify path is
/// `RTM_NEWLINK` without `NLM_F_CREATE` (`rtnl_handle_newlink` → `modify_link` →
/// `_nl_modify_ifp_generic` in `sys/netlink/route/iface_drivers.c`: description, down, MTU,
/// promiscuous mode), which takes the same `ifinfomsg` and attributes: the request becomes
/// that. FreeBSD's answers are then those of `modify_link` (see `docs/compatibility.md`).
#[must_use]
pub fn freebsd_type_flags(msg_type: u16, flags: u16) -> Option<(u16, u16)> {
    (msg_type == l::RTM_SETLINK).then_some((f::RTM_NEWLINK, flags & !l::NLM_F_CREATE))
}

/// The Linux errno (positive) for FreeBSD's error `freebsd_errno` answering the translated
/// `RTM_SETLINK` request `req`, when `modify_link` (`sys/netlink/route/iface.c`) reports a
/// condition Linux's `rtnl_setlink` reports otherwise: `ENOENT` ("unable to find interface")
/// is Linux's `ENODEV`; `EPERM` for a request naming neither an index nor a name ("empty
/// ifi_index field") is Linux's `EINVAL`. `None`: FreeBSD's errno stands.
#[must_use]
pub fn setlink_linux_errno(
    req: crate::wire::Msg<'_>,
    freebsd_errno: FreebsdErrno,
) -> Option<LinuxErrno> {
    if req.msg_type() != l::RTM_SETLINK {
        return None;
    }
    let payload = req.payload();
    let index = read_header::<l::ifinfomsg>(payload).map_or(0, |h| h.ifi_index);
    let named = || {
        let attrs = attrs_after(payload, size_of::<l::ifinfomsg>());
        attrs.clone().find(l::IFLA_IFNAME).is_some() || attrs.find(l::IFLA_ALT_IFNAME).is_some()
    };
    match freebsd_errno.get() {
        f::ENOENT => Some(LinuxErrno::new(l::ENODEV)),
        f::EPERM if index == 0 && !named() => Some(LinuxErrno::new(l::EINVAL)),
        _ => None,
    }
}

/// `ifi_flags` / `ifi_change`: only MULTICAST moves (FreeBSD 0x8000 ↔ Linux 0x1000) and
/// lower-up (FreeBSD `IFF_NETLINK_1` 0x1000000 ↔ Linux `IFF_LOWER_UP` 0x10000). Every other
/// FreeBSD bit (NEEDSEPOCH, OACTIVE, SIMPLEX, LINK0–2, CANTCONFIG, PPROMISC, ...) would land
/// on a Linux bit with another meaning and is dropped.
pub static IFF_MAP: FlagMap = FlagMap {
    name: "IFF",
    pairs: &[
        (l::IFF_UP, f::IFF_UP),
        (l::IFF_BROADCAST, f::IFF_BROADCAST),
        (l::IFF_DEBUG, f::IFF_DEBUG),
        (l::IFF_LOOPBACK, f::IFF_LOOPBACK),
        (l::IFF_POINTOPOINT, f::IFF_POINTOPOINT),
        (l::IFF_RUNNING, f::IFF_DRV_RUNNING),
        (l::IFF_NOARP, f::IFF_NOARP),
        (l::IFF_PROMISC, f::IFF_PROMISC),
        (l::IFF_ALLMULTI, f::IFF_ALLMULTI),
        (l::IFF_MULTICAST, f::IFF_MULTICAST),
        (l::IFF_LOWER_UP, f::IFF_NETLINK_1),
    ],
    residual: Residual::Drop,
};

/// `ifi_type`: FreeBSD `IFT_*` ↔ Linux `ARPHRD_*`. Rows are ordered so that the first row of
/// each ARPHRD value is the FreeBSD type a Linux request means. Linux requests carry 0
/// ("any"), which stays 0.
pub static IFT_MAP: ValueMap<u16> = ValueMap {
    name: "IFT/ARPHRD",
    pairs: &[
        (0, 0),
        (l::ARPHRD_ETHER, f::IFT_ETHER),
        (l::ARPHRD_LOOPBACK, f::IFT_LOOP),
        (l::ARPHRD_ETHER, f::IFT_L2VLAN),
        (l::ARPHRD_ETHER, f::IFT_BRIDGE),
        (l::ARPHRD_ETHER, f::IFT_IEEE8023ADLAG),
        (l::ARPHRD_ETHER, f::IFT_IEEE80211),
        (l::ARPHRD_NONE, f::IFT_PPP),
        (l::ARPHRD_NONE, f::IFT_OTHER),
        (l::ARPHRD_NONE, f::IFT_PROPVIRTUAL),
        (l::ARPHRD_NONE, f::IFT_TUNNEL),
        (l::ARPHRD_NONE, f::IFT_ENC),
        (l::ARPHRD_NONE, f::IFT_PFLOG),
        (l::ARPHRD_NONE, f::IFT_PFSYNC),
        (l::ARPHRD_TUNNEL, f::IFT_GIF),
        (l::ARPHRD_SIT, f::IFT_STF),
        (l::ARPHRD_INFINIBAND, f::IFT_INFINIBAND),
        (l::ARPHRD_IEEE1394, f::IFT_IEEE1394),
        (l::ARPHRD_FDDI, f::IFT_FDDI),
    ],
    unknown: Unknown::Default {
        linux: l::ARPHRD_NONE,
        freebsd: 0,
    },
};

/// An `IFLA_LINKINFO` table: the kind names (mapped to FreeBSD's cloner names, same ids on
/// both, FreeBSD `sys/netlink/route/interface.h`) around the given `IFLA_INFO_DATA` row.
macro_rules! linkinfo {
    ($(#[$meta:meta])* $table:ident, $name:expr, $data:expr) => {
        attr_table! {
            $(#[$meta])*
            pub static $table = AttrTable {
                name: $name,
                rules: &[
                    same!(IFLA_INFO_KIND, Kind::Custom(info_kind), "kind names mapped to FreeBSD cloners"),
                    $data,
                    same!(IFLA_INFO_SLAVE_KIND, Kind::Custom(info_kind), ""),
                ],
                synth_linux: &[],
            };
        }
    };
}

linkinfo!(
    /// `IFLA_LINKINFO` of a link of any kind but vlan and gre: the ids inside `IFLA_INFO_DATA`
    /// are each kind's own, and without a table for the kind they must not cross by number.
    IFLA_INFO, "IFLA_INFO", same!(IFLA_INFO_DATA, Kind::Drop, "kind without a data table: dropped")
);

linkinfo!(
    /// `IFLA_LINKINFO` of kind `vlan`: FreeBSD numbers `IFLA_VLAN_*` as Linux does
    /// (`sys/netlink/route/interface.h`, Linux `include/uapi/linux/if_link.h`), payloads alike.
    IFLA_INFO_VLAN, "IFLA_INFO (vlan)", same!(IFLA_INFO_DATA, Kind::Copy, "IFLA_VLAN_* have the same ids and payloads")
);

linkinfo!(
    /// `IFLA_LINKINFO` of kind `gre`: `IFLA_INFO_DATA` through [`IFLA_GRE`].
    IFLA_INFO_GRE, "IFLA_INFO (gre)", same!(IFLA_INFO_DATA, Kind::Nested(&IFLA_GRE), "ids differ")
);

attr_table! {
/// gre link data. FreeBSD numbers its own `IFLA_GRE_*` (`sys/netlink/route/interface.h`:
/// LOCAL 1, REMOTE 2, FLAGS 3, OKEY 4, ENCAP_TYPE 5, ENCAP_SPORT 6; read and written by
/// `gre_clone_modify_nl` / `gre_clone_dump_nl` in `sys/net/if_gre.c`); Linux's are in
/// `include/uapi/linux/if_tunnel.h` (LOCAL 6, REMOTE 7, OKEY 5, ENCAP_SPORT 16, ...).
/// Endpoints are addresses on both. The output key and UDP source port are network order on
/// Linux (`nla_put_be32`/`nla_put_be16` in `net/ipv4/ip_gre.c`) and host order on FreeBSD.
/// `FLAGS` and `ENCAP_TYPE` mean different things (FreeBSD `GRE_ENABLE_*` options and
/// `IFLA_TUNNEL_*`; Linux ip6gre `IP6_TNL_F_*` and `TUNNEL_ENCAP_*` as `u16`) and do not cross.
pub static IFLA_GRE = AttrTable {
    name: "IFLA_GRE",
    rules: &[
        same!(IFLA_GRE_LOCAL),
        same!(IFLA_GRE_REMOTE),
        same!(IFLA_GRE_OKEY, Kind::NetOrder(4), "Linux big-endian, FreeBSD host order"),
        same!(IFLA_GRE_ENCAP_SPORT, Kind::NetOrder(2), "Linux big-endian, FreeBSD host order"),
        linux_only!(IFLA_GRE_FLAGS, "ip6gre IP6_TNL_F_*: no FreeBSD counterpart"),
        freebsd_only!(IFLA_GRE_FLAGS, "GRE_ENABLE_* options: no Linux counterpart"),
        linux_only!(IFLA_GRE_ENCAP_TYPE, "u16 TUNNEL_ENCAP_*: FreeBSD's are u32 IFLA_TUNNEL_*"),
        freebsd_only!(IFLA_GRE_ENCAP_TYPE, "u32 IFLA_TUNNEL_*: Linux's are u16 TUNNEL_ENCAP_*"),
    ],
    synth_linux: &[],
};
}

attr_table! {
/// Link attributes.
pub static IFLA = AttrTable {
    name: "IFLA",
    rules: &[
        same!(IFLA_ADDRESS),
        same!(IFLA_BROADCAST),
        same!(IFLA_IFNAME, Kind::IfName, "lo0 ↔ lo, Ethernet ↔ ethN"),
        same!(IFLA_MTU),
        same!(IFLA_LINK),
        linux_only!(IFLA_QDISC, "FreeBSD: not supported; synthesised for Linux"),
        same!(IFLA_STATS),
        same!(IFLA_MASTER),
        same!(IFLA_TXQLEN),
        same!(IFLA_OPERSTATE),
        same!(IFLA_LINKMODE),
        same!(IFLA_LINKINFO, Kind::Custom(linkinfo), "IFLA_INFO_DATA by kind: vlan copied, gre translated, others dropped"),
        same!(IFLA_IFALIAS, Kind::Custom(nul_terminated), "NUL added towards FreeBSD, which refuses an unterminated string"),
        same!(IFLA_STATS64, Kind::Sized { linux: size_of::<l::rtnl_link_stats64>(), freebsd: size_of::<f::rtnl_link_stats64>() }, "Linux's struct is longer: zero-extended / truncated"),
        linux_only!(IFLA_GROUP, "u32 on Linux, parsed as a string by FreeBSD"),
        linux_only!(IFLA_EXT_MASK, "Linux dump filter; FreeBSD has no VF/stats filtering"),
        same!(IFLA_PROMISCUITY),
        same!(IFLA_NUM_TX_QUEUES),
        same!(IFLA_NUM_RX_QUEUES),
        same!(IFLA_CARRIER),
        same!(IFLA_CARRIER_CHANGES),
        same!(IFLA_PROTO_DOWN),
        same!(IFLA_GSO_MAX_SEGS),
        same!(IFLA_GSO_MAX_SIZE),
        same!(IFLA_CARRIER_UP_COUNT),
        same!(IFLA_CARRIER_DOWN_COUNT),
        same!(IFLA_MIN_MTU),
        same!(IFLA_MAX_MTU),
        same!(IFLA_ALT_IFNAME, Kind::IfName, "named like IFLA_IFNAME"),
        same!(IFLA_PERM_ADDRESS),
        same!(IFLA_GRO_MAX_SIZE),
        linux_only!(IFLA_TSO_MAX_SIZE, "ABI: FreeBSD's enum lacks it, later ids shift by one"),
        same!(IFLA_TSO_MAX_SEGS, Kind::Copy, "ABI: 60 ↔ 59"),
        same!(IFLA_ALLMULTI, Kind::Copy, "ABI: 61 ↔ 60"),
        same!(IFLA_DEVLINK_PORT, Kind::Copy, "ABI: 62 ↔ 61"),
        same!(IFLA_GSO_IPV4_MAX_SIZE, Kind::Copy, "ABI: 63 ↔ 62"),
        same!(IFLA_GRO_IPV4_MAX_SIZE, Kind::Copy, "ABI: 64 ↔ 63"),
        freebsd_only!(IFLA_FREEBSD, Kind::Patched(ifla_freebsd, ifla_freebsd_in_place), "ABI: 64 is Linux GRO_IPV4_MAX_SIZE; ORIG_HWADDR becomes IFLA_PERM_ADDRESS"),
    ],
    synth_linux: &[
        Synth::Str(l::IFLA_QDISC, b"noqueue"),
        Synth::U32(l::IFLA_TXQLEN, 1000),
        Synth::U32(l::IFLA_GROUP, 0),
        Synth::U8(l::IFLA_LINKMODE, 0),
    ],
};
}

/// The link family.
#[rustfmt::skip]
pub static LINK: MsgSpec = MsgSpec {
    name: "link",
    types: &[
        l::RTM_NEWLINK,
        l::RTM_DELLINK,
        l::RTM_GETLINK,
        l::RTM_SETLINK,
    ],
    header_len: size_of::<l::ifinfomsg>(),
    fields: &[
        field!(ifinfomsg.ifi_family, Conv::Family(&LINK_AF_MAP)),
        field!(ifinfomsg.ifi_type, Conv::U16(&IFT_MAP)),
        field!(ifinfomsg.ifi_flags, Conv::Flags32(&IFF_MAP)),
        field!(ifinfomsg.ifi_change, Conv::Flags32(&IFF_MAP)),
    ],
    attrs: &IFLA,
    to_freebsd: Hooks::NONE,
    to_linux: Hooks { append: None, fixup: Some(fix_running) },
};

/// Linux `IFLA_INFO_KIND` ↔ FreeBSD cloner names (`if_clone` names in `sys/net/`).
const KINDS: &[(&[u8], &[u8])] = &[
    (b"veth", b"epair"),
    (b"bond", b"lagg"),
    (b"wireguard", b"wg"),
    (b"ipip", b"gif"),
    (b"sit", b"gif"),
];

fn info_kind(
    _st: &mut MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<()> {
    let Some(ty) = out_type else {
        return Ok(());
    };
    let kind = attr.cstr();
    let mapped = KINDS.iter().find_map(|&(lx, bsd)| match dir {
        Dir::LinuxToFreebsd if lx == kind => Some(bsd),
        Dir::FreebsdToLinux if bsd == kind => Some(lx),
        _ => None,
    });
    w.attr_str(ty, mapped.unwrap_or(kind))
}

/// `IFLA_LINKINFO`: the nest through the table of its `IFLA_INFO_KIND` (the same string on
/// both systems for vlan and gre).
fn linkinfo(
    st: &mut MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<()> {
    let Some(ty) = out_type else {
        return Ok(());
    };
    let kind = attr.nested().find(l::IFLA_INFO_KIND).map(|k| k.cstr());
    let table = match kind {
        Some(b"vlan") => &IFLA_INFO_VLAN,
        Some(b"gre") => &IFLA_INFO_GRE,
        _ => &IFLA_INFO,
    };
    translate_nest(st, dir, table, attr, ty, w)
}

/// FreeBSD's private `IFLA_FREEBSD` nest: its original hardware address is what Linux
/// reports as `IFLA_PERM_ADDRESS`; the rest (original name, capabilities) has no Linux form.
fn ifla_freebsd(
    _st: &mut MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    _out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<()> {
    if dir == Dir::FreebsdToLinux {
        if let Some(hw) = attr.nested().find(f::IFLAF_ORIG_HWADDR) {
            if !hw.payload().is_empty() {
                w.attr(l::IFLA_PERM_ADDRESS, hw.payload())?;
            }
        }
    }
    Ok(())
}

/// [`ifla_freebsd`] in place: `IFLA_PERM_ADDRESS` written where the nest was, or nothing.
fn ifla_freebsd_in_place(
    _st: &MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out: &mut [u8],
) -> Option<usize> {
    let hw = match dir {
        Dir::FreebsdToLinux => attr.nested().find(f::IFLAF_ORIG_HWADDR),
        Dir::LinuxToFreebsd => None,
    };
    let Some(hw) = hw.map(|a| a.payload()).filter(|p| !p.is_empty()) else {
        return Some(0);
    };
    // As `Writer::attr`: header, payload, zero padding.
    let len = hw.len().checked_add(4)?;
    let padded = crate::wire::align4(len)?;
    let body = out.get_mut(4..padded)?;
    let n = crate::wire::copy(body, hw);
    body.get_mut(n..)?.fill(0);
    crate::wire::write_u16(out, 0, u16::try_from(len).ok()?)?;
    crate::wire::write_u16(out, 2, l::IFLA_PERM_ADDRESS)?;
    Some(padded)
}

/// Linux derives `IFF_RUNNING` and `IFF_DORMANT` from the operational state
/// (`net/core/dev.c` `dev_get_flags`); FreeBSD's `IFF_DRV_RUNNING` only says the driver is
/// ready. When the message carries `IFLA_OPERSTATE`, set them the Linux way.
fn fix_running(_st: &MsgState<'_>, src_payload: &[u8], out_header: &mut [u8]) {
    let Some(oper) = attrs_after(src_payload, size_of::<f::ifinfomsg>())
        .find(f::IFLA_OPERSTATE)
        .and_then(|a| a.u8())
    else {
        return;
    };
    edit_header(out_header, |h: &mut l::ifinfomsg| {
        h.ifi_flags &= !(l::IFF_RUNNING | l::IFF_DORMANT);
        if oper == f::IF_OPER_UP || oper == f::IF_OPER_UNKNOWN {
            h.ifi_flags |= l::IFF_RUNNING;
        }
        if oper == f::IF_OPER_DORMANT {
            h.ifi_flags |= l::IFF_DORMANT;
        }
    });
}

/// A string attribute Linux takes with or without its NUL (`NLA_STRING`: iproute2 sends
/// `IFLA_IFALIAS` unterminated, `ip/iplink.c`) but FreeBSD's `nlattr_get_string()`
/// (`sys/netlink/netlink_message_parser.c`) refuses unless NUL-terminated ("is not
/// NULL-terminated", EINVAL). Towards FreeBSD: the text up to the first NUL, terminated;
/// towards Linux: as is.
fn nul_terminated(
    _st: &mut MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<()> {
    let Some(ty) = out_type else {
        return Ok(());
    };
    match dir {
        Dir::LinuxToFreebsd => w.attr_str(ty, attr.cstr()),
        Dir::FreebsdToLinux => w.attr(ty, attr.payload()),
    }
}
