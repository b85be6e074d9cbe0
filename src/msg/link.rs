// SPDX-License-Identifier: BSD-2-Clause
//! Links: `RTM_NEWLINK`, `RTM_DELLINK`, `RTM_GETLINK`, `RTM_SETLINK` (`struct ifinfomsg` +
//! `IFLA_*`).
//!
//! Linux: `include/uapi/linux/if_link.h`, `rtnetlink.h`, `if.h`, `if_arp.h`;
//! FreeBSD: `sys/netlink/route/interface.h`, `sys/net/if.h`, `sys/net/if_types.h`;
//! behaviour: `sys/netlink/route/iface.c` (`dump_iface`), `sys/compat/linux/linux_netlink.c`.

use super::maps::LINK_AF_MAP;
use crate::engine::Cx;
use crate::host;
use crate::table::{
    valid, AttrTable, Conv, Field, FlagMap, Kind, MsgSpec, Residual, Synth, Unknown, ValueMap,
};
use crate::wire::{attrs_after, Attr, Writer};
use crate::{freebsd_only, linux_only, same};
use crate::{Dir, Result};
use core::mem::{offset_of, size_of};
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
pub fn setlink_linux_errno(req: crate::wire::Msg<'_>, freebsd_errno: i32) -> Option<i32> {
    if req.msg_type() != l::RTM_SETLINK {
        return None;
    }
    let payload = req.payload();
    let index = crate::wire::read_u32(payload, offset_of!(l::ifinfomsg, ifi_index)).unwrap_or(0);
    let named = || {
        let attrs = attrs_after(payload, size_of::<l::ifinfomsg>());
        attrs.clone().find(l::IFLA_IFNAME).is_some() || attrs.find(l::IFLA_ALT_IFNAME).is_some()
    };
    match freebsd_errno {
        f::ENOENT => Some(l::ENODEV),
        f::EPERM if index == 0 && !named() => Some(l::EINVAL),
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

/// `IFLA_LINKINFO` nested attributes (same ids on both, FreeBSD `route/interface.h`).
pub static IFLA_INFO: AttrTable = AttrTable {
    name: "IFLA_INFO",
    rules: &[
        same!(
            IFLA_INFO_KIND,
            Kind::Custom(info_kind),
            "kind names mapped to FreeBSD cloners",
        ),
        same!(
            IFLA_INFO_DATA,
            Kind::Copy,
            "IFLA_VLAN_*/IFLA_GRE_* keep Linux ids on FreeBSD",
        ),
        same!(IFLA_INFO_SLAVE_KIND, Kind::Custom(info_kind), "",),
    ],
    synth_linux: &[],
};
const _: () = assert!(valid(&IFLA_INFO));

/// Link attributes.
pub static IFLA: AttrTable = AttrTable {
    name: "IFLA",
    rules: &[
        same!(IFLA_ADDRESS),
        same!(IFLA_BROADCAST),
        same!(
            IFLA_IFNAME,
            Kind::Custom(ifname),
            "lo0 ↔ lo, Ethernet ↔ ethN",
        ),
        same!(IFLA_MTU),
        same!(IFLA_LINK),
        linux_only!(IFLA_QDISC, "FreeBSD: not supported; synthesised for Linux",),
        same!(IFLA_STATS),
        same!(IFLA_MASTER),
        same!(IFLA_TXQLEN),
        same!(IFLA_OPERSTATE),
        same!(IFLA_LINKMODE),
        same!(IFLA_LINKINFO, Kind::Nested(&IFLA_INFO), "",),
        same!(IFLA_IFALIAS),
        same!(
            IFLA_STATS64,
            Kind::Sized {
                linux: size_of::<l::rtnl_link_stats64>(),
                freebsd: size_of::<f::rtnl_link_stats64>(),
            },
            "Linux's struct is longer: zero-extended / truncated",
        ),
        linux_only!(IFLA_GROUP, "u32 on Linux, parsed as a string by FreeBSD"),
        linux_only!(
            IFLA_EXT_MASK,
            "Linux dump filter; FreeBSD has no VF/stats filtering",
        ),
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
        same!(
            IFLA_ALT_IFNAME,
            Kind::Custom(ifname),
            "named like IFLA_IFNAME",
        ),
        same!(IFLA_PERM_ADDRESS),
        same!(IFLA_GRO_MAX_SIZE),
        linux_only!(
            IFLA_TSO_MAX_SIZE,
            "ABI: FreeBSD's enum lacks it, later ids shift by one",
        ),
        same!(IFLA_TSO_MAX_SEGS, Kind::Copy, "ABI: 60 ↔ 59",),
        same!(IFLA_ALLMULTI, Kind::Copy, "ABI: 61 ↔ 60",),
        same!(IFLA_DEVLINK_PORT, Kind::Copy, "ABI: 62 ↔ 61",),
        same!(IFLA_GSO_IPV4_MAX_SIZE, Kind::Copy, "ABI: 63 ↔ 62",),
        same!(IFLA_GRO_IPV4_MAX_SIZE, Kind::Copy, "ABI: 64 ↔ 63",),
        freebsd_only!(
            IFLA_FREEBSD,
            Kind::Custom(ifla_freebsd),
            "ABI: 64 is Linux GRO_IPV4_MAX_SIZE; ORIG_HWADDR becomes IFLA_PERM_ADDRESS"
        ),
    ],
    synth_linux: &[
        Synth::Str(l::IFLA_QDISC, b"noqueue"),
        Synth::U32(l::IFLA_TXQLEN, 1000),
        Synth::U32(l::IFLA_GROUP, 0),
        Synth::U8(l::IFLA_LINKMODE, 0),
    ],
};
const _: () = assert!(valid(&IFLA));

/// The link family.
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
        Field {
            off: offset_of!(l::ifinfomsg, ifi_family),
            conv: Conv::Family(&LINK_AF_MAP),
        },
        Field {
            off: offset_of!(l::ifinfomsg, ifi_type),
            conv: Conv::U16(&IFT_MAP),
        },
        Field {
            off: offset_of!(l::ifinfomsg, ifi_flags),
            conv: Conv::Flags32(&IFF_MAP),
        },
        Field {
            off: offset_of!(l::ifinfomsg, ifi_change),
            conv: Conv::Flags32(&IFF_MAP),
        },
    ],
    attrs: &IFLA,
    append: None,
    fixup: Some(fix_running),
};

/// Interface names: FreeBSD names become Linux names by the Linuxulator's rules; Linux names
/// go back to the FreeBSD interface they designate, and a name no interface has (a link
/// being created) passes unchanged.
pub(crate) fn ifname(
    cx: &mut Cx<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<()> {
    let Some(ty) = out_type else {
        return Ok(());
    };
    let name = attr.cstr();
    let mapped = match dir {
        Dir::FreebsdToLinux => host::linux_name_of(cx.host, name),
        Dir::LinuxToFreebsd => host::freebsd_name(cx.host, name),
    };
    match mapped {
        Some(n) => w.attr_str(ty, n.as_bytes()),
        None => w.attr_str(ty, name),
    }
}

/// Linux `IFLA_INFO_KIND` ↔ FreeBSD cloner names (`if_clone` names in `sys/net/`).
const KINDS: &[(&[u8], &[u8])] = &[
    (b"veth", b"epair"),
    (b"bond", b"lagg"),
    (b"wireguard", b"wg"),
    (b"ipip", b"gif"),
    (b"sit", b"gif"),
];

fn info_kind(
    _cx: &mut Cx<'_>,
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

/// FreeBSD's private `IFLA_FREEBSD` nest: its original hardware address is what Linux
/// reports as `IFLA_PERM_ADDRESS`; the rest (original name, capabilities) has no Linux form.
fn ifla_freebsd(
    _cx: &mut Cx<'_>,
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

/// Linux derives `IFF_RUNNING` and `IFF_DORMANT` from the operational state
/// (`net/core/dev.c` `dev_get_flags`); FreeBSD's `IFF_DRV_RUNNING` only says the driver is
/// ready. When the message carries `IFLA_OPERSTATE`, set them the Linux way.
fn fix_running(_cx: &Cx<'_>, dir: Dir, src_payload: &[u8], out_header: &mut [u8]) {
    if dir != Dir::FreebsdToLinux {
        return;
    }
    let Some(oper) = attrs_after(src_payload, size_of::<f::ifinfomsg>())
        .find(f::IFLA_OPERSTATE)
        .and_then(|a| a.u8())
    else {
        return;
    };
    let off = offset_of!(l::ifinfomsg, ifi_flags);
    let Some(flags) = crate::wire::read_u32(out_header, off) else {
        return;
    };
    let mut flags = flags & !(l::IFF_RUNNING | l::IFF_DORMANT);
    if oper == f::IF_OPER_UP || oper == f::IF_OPER_UNKNOWN {
        flags |= l::IFF_RUNNING;
    }
    if oper == f::IF_OPER_DORMANT {
        flags |= l::IFF_DORMANT;
    }
    crate::wire::write_u32(out_header, off, flags);
}
