// SPDX-License-Identifier: BSD-2-Clause
//! Requests as Linux's rtnetlink reads them, before they are translated: what Linux ignores,
//! what it accepts leniently and what its strict checks refuse.
//!
//! Linux applies two regimes to the `RTM_GET*` dump requests of `NETLINK_ROUTE`
//! (`cb->strict_check`, set by the socket option `NETLINK_GET_STRICT_CHK`):
//!
//! - **non-strict** (the default, and what Go's `vishvananda/netlink`, glibc and busybox get):
//!   only the family byte is read for address and route dumps (`inet_dump_ifaddr` in
//!   `net/ipv4/devinet.c`, `inet6_dump_addr` in `net/ipv6/addrconf.c`, `inet_dump_fib` in
//!   `net/ipv4/fib_frontend.c`); link dumps parse attributes after an `ifinfomsg` or, when the
//!   request is shorter, an `rtgenmsg`, and ignore parse errors (`rtnl_valid_dump_ifinfo_req`
//!   in `net/core/rtnetlink.c`); neighbour dumps honour `NDA_IFINDEX` when the attributes
//!   parse (`neigh_valid_dump_req` in `net/core/neighbour.c`). Header fields other than the
//!   family never filter. So a dump request with a longer, shorter or foreign family header
//!   (`vishvananda/netlink` sends a 16-byte `ifinfomsg` for its address and route dumps) is
//!   answered with the whole table.
//! - **strict**: the header must have the family's size and zero fields except the ones that
//!   filter, and only the filtering attributes may follow; anything else is `EINVAL` with an
//!   extended-ack text ([`Error::Invalid`]).
//!
//! FreeBSD has no such split: its handlers read the header fields as filters
//! (`rtnl_handle_getlink` in `sys/netlink/route/iface.c` answers one interface when
//! `ifi_index` is set, even in a dump), and its parsers refuse what they cannot parse. The
//! translator therefore hands FreeBSD a *normalized* dump request ([`normalize_dump`]): what
//! Linux would read on that socket, once a strict request passed Linux's checks
//! ([`check_strict_dump`]).

use crate::error::{off32, Error, FreebsdErrno, LinuxErrno, Result};
use crate::wire::{attrs_after, read_u16, read_u32, Attrs, Msg, NLA_HDRLEN, NLMSG_HDRLEN};
use linux_abi as l;

/// `sizeof(struct ifinfomsg)`, `ifaddrmsg`, `rtmsg`, `ndmsg` (`include/uapi/linux/rtnetlink.h`,
/// `if_addr.h`, `neighbour.h`).
const IFINFOMSG: usize = 16;
const IFADDRMSG: usize = 8;
const RTMSG: usize = 12;
const NDMSG: usize = 12;

/// `RTM_F_CLONED` and `RTM_F_PREFIX` (`include/uapi/linux/rtnetlink.h`): the only `rtm_flags`
/// a strict FIB dump request may carry.
const RTM_F_DUMP_OK: u32 = 0x200 | 0x800;

/// Largest normalized request: message header, the largest family header, one `u32` attribute.
pub const NORMALIZED_MAX: usize = NLMSG_HDRLEN + IFINFOMSG + NLA_HDRLEN + 4;

/// Whether Linux drops `msg` without answering (unless it asks for an ack, which is then 0):
/// a `NETLINK_ROUTE` request whose payload is shorter than one byte of `rtgenmsg`
/// (`rtnetlink_rcv_msg` in `net/core/rtnetlink.c` returns 0 for it, and `netlink_rcv_skb` in
/// `net/netlink/af_netlink.c` acks only on `NLM_F_ACK`).
#[must_use]
pub fn linux_ignores(proto: crate::socket::Proto, msg: Msg<'_>) -> bool {
    proto == crate::socket::Proto::Route && msg.msg_type() >= 16 && msg.payload().is_empty()
}

/// `RTNL_FAMILY_IPMR` and `RTNL_FAMILY_IP6MR` (`include/uapi/linux/rtnetlink.h`): the
/// multicast routing tables' families.
const RTNL_FAMILY_IPMR: u8 = 128;
const RTNL_FAMILY_IP6MR: u8 = 129;

/// Whether Linux answers the dump request `msg` with an empty dump where the translator has
/// nothing to ask FreeBSD (its family has no FreeBSD counterpart), on a FreeBSD host:
///
/// - `RTM_GETLINK` / `RTM_GETNEIGH` with `AF_BRIDGE` (`bridge link`, `bridge fdb`): Linux
///   lists bridge ports and forwarding entries (`rtnl_bridge_getlink`, `rtnl_fdb_dump` in
///   `net/core/rtnetlink.c`); FreeBSD's `if_bridge` members and addresses are not in its
///   netlink (`sys/netlink/route/`), so there is nothing to list;
/// - `RTM_GETNEIGH` with any other family but `AF_UNSPEC`, `AF_INET`, `AF_INET6`: Linux's
///   `neigh_dump_info` (`net/core/neighbour.c`, registered for `PF_UNSPEC`, which
///   `rtnetlink_rcv_msg` falls back to) skips every table of another family: an empty dump;
/// - `RTM_GETROUTE` with `RTNL_FAMILY_IPMR` / `RTNL_FAMILY_IP6MR` (`ip mroute`): Linux lists
///   its multicast forwarding cache (`ipmr_rtm_dumproute` in `net/ipv4/ipmr.c`); FreeBSD's
///   multicast routing (`sys/netinet/ip_mroute.c`) has no netlink interface.
#[must_use]
pub fn empty_dump_for_family(proto: crate::socket::Proto, msg: Msg<'_>) -> bool {
    let family = msg.payload().first().copied().unwrap_or(0);
    proto == crate::socket::Proto::Route
        && msg.flags() & l::NLM_F_DUMP != 0
        && match (msg.msg_type(), family) {
            (l::RTM_GETLINK, l::AF_BRIDGE)
            | (l::RTM_GETROUTE, RTNL_FAMILY_IPMR | RTNL_FAMILY_IP6MR) => true,
            (l::RTM_GETNEIGH, f) => !matches!(f, l::AF_UNSPEC | l::AF_INET | l::AF_INET6),
            _ => false,
        }
}

/// The family Linux dumps for an address or route dump request of family `family`:
/// `rtnetlink_rcv_msg` (`net/core/rtnetlink.c`) falls back to the `PF_UNSPEC` handler when
/// the family has none, and that handler is `rtnl_dump_all`, which dumps every family
/// (`inet_dump_ifaddr` and `inet6_dump_addr` read no family from the request). Address dumps
/// have handlers for `AF_INET` and `AF_INET6` (`net/ipv4/devinet.c`, `net/ipv6/addrconf.c`);
/// route dumps also for `AF_MPLS` (`net/mpls/af_mpls.c`) and the multicast tables
/// (`RTNL_FAMILY_IPMR`, `RTNL_FAMILY_IP6MR`), which keep their own answers.
fn dump_family(msg_type: u16, family: u8) -> u8 {
    let handled = match msg_type {
        l::RTM_GETADDR => matches!(family, l::AF_INET | l::AF_INET6),
        l::RTM_GETROUTE => matches!(
            family,
            l::AF_INET | l::AF_INET6 | l::AF_MPLS | RTNL_FAMILY_IPMR | RTNL_FAMILY_IP6MR
        ),
        _ => true,
    };
    if handled {
        family
    } else {
        l::AF_UNSPEC
    }
}

/// Whether FreeBSD's error `freebsd_errno` (positive, FreeBSD numbering) answering the dump
/// request `req` means "nothing to dump", which Linux answers with an empty dump:
///
/// - `RTM_GETNEXTHOP`, `ESRCH`: FreeBSD's `rtnl_handle_getnhop()`
///   (`sys/netlink/route/nexthop.c`) fails until the first nexthop object was created; Linux's
///   `rtm_dump_nexthop` (`net/ipv4/nexthop.c`) dumps an empty table;
/// - `RTM_GETNEIGH`, `ENOENT`: FreeBSD's neighbour parser refuses an `NDA_IFINDEX` /
///   `ndm_ifindex` naming no interface (`nlattr_get_ifp`); Linux's `neigh_dump_info` only
///   filters by it (`neigh_ifindex_filtered` in `net/core/neighbour.c`), so nothing matches.
#[must_use]
pub fn empty_dump_for_freebsd_error(
    proto: crate::socket::Proto,
    req: Msg<'_>,
    freebsd_errno: FreebsdErrno,
) -> bool {
    proto == crate::socket::Proto::Route
        && req.flags() & l::NLM_F_DUMP != 0
        && matches!(
            (req.msg_type(), freebsd_errno.get()),
            (l::RTM_GETNEXTHOP, freebsd_abi::ESRCH) | (l::RTM_GETNEIGH, freebsd_abi::ENOENT)
        )
}

/// The Linux errno (positive) for FreeBSD's dump status `freebsd_errno` ending the dump
/// requested by `req`, where the two kernels name the same condition differently: an address
/// dump filtered by an interface index that does not exist ends with FreeBSD's `ENOENT`
/// (`rtnl_handle_getaddr` in `sys/netlink/route/iface.c`) and Linux's `ENODEV`
/// (`inet_dump_ifaddr` in `net/ipv4/devinet.c`, `inet6_dump_addr` in `net/ipv6/addrconf.c`).
#[must_use]
pub fn linux_dump_errno(
    proto: crate::socket::Proto,
    req: Msg<'_>,
    freebsd_errno: FreebsdErrno,
) -> Option<LinuxErrno> {
    (proto == crate::socket::Proto::Route
        && req.flags() & l::NLM_F_DUMP != 0
        && req.msg_type() == l::RTM_GETADDR
        && freebsd_errno.get() == freebsd_abi::ENOENT)
        .then_some(LinuxErrno::new(l::ENODEV))
}

/// Whether Linux flags the parts and `NLMSG_DONE` of the dump requested by `req` (on a
/// socket with `NETLINK_GET_STRICT_CHK` when `strict`) `NLM_F_DUMP_FILTERED`, in the cases
/// where FreeBSD applies the same filter: an address dump by `ifa_index` on a strict socket
/// (`inet_valid_dump_ifaddr_req`; FreeBSD's `rtnl_handle_getaddr` filters by it too), a
/// neighbour dump by `NDA_IFINDEX` without `NDA_MASTER` (`neigh_dump_info`; FreeBSD's
/// `rtnl_handle_getneigh` filters by the interface). Filters FreeBSD does not apply (route
/// protocol, type, device; link master and kind) are not flagged, so programs filter
/// themselves.
#[must_use]
pub fn dump_filtered(proto: crate::socket::Proto, req: Msg<'_>, strict: bool) -> bool {
    if proto != crate::socket::Proto::Route || req.flags() & l::NLM_F_DUMP == 0 {
        return false;
    }
    let p = req.payload();
    match req.msg_type() {
        l::RTM_GETADDR => strict && p.len() >= IFADDRMSG && read_u32(p, 4).is_some_and(|i| i != 0),
        l::RTM_GETNEIGH if p.len() >= NDMSG => {
            let attrs = attrs_after(p, NDMSG);
            attrs.clone().validate().is_ok()
                && attrs.clone().find(l::NDA_MASTER).is_none()
                && neigh_ifindex(p).is_some()
        }
        _ => false,
    }
}

/// Whether `msg` is an rtnetlink dump request of one of the families Linux checks this way:
/// `RTM_GETLINK`, `RTM_GETADDR`, `RTM_GETROUTE`, `RTM_GETNEIGH` with any of the
/// `NLM_F_DUMP` bits (`rtnetlink_rcv_msg` tests `nlmsg_flags & NLM_F_DUMP`).
#[must_use]
pub fn is_checked_dump(proto: crate::socket::Proto, msg: Msg<'_>) -> bool {
    proto == crate::socket::Proto::Route
        && msg.flags() & l::NLM_F_DUMP != 0
        && matches!(
            msg.msg_type(),
            l::RTM_GETLINK | l::RTM_GETADDR | l::RTM_GETROUTE | l::RTM_GETNEIGH
        )
}

/// The dump request `msg` as Linux reads it on a socket with (`strict`) or without
/// `NETLINK_GET_STRICT_CHK`, reduced to what FreeBSD needs, written into `out` (at least
/// [`NORMALIZED_MAX`] bytes); returns its length. A strict request must have passed
/// [`check_strict_dump`].
///
/// | Dump | non-strict | strict (after the checks) |
/// |---|---|---|
/// | link | family | family (the checks leave nothing else but attributes FreeBSD's dump ignores) |
/// | address | family | family, `ifa_index` (`inet_valid_dump_ifaddr_req` filters by it) |
/// | route | family | the whole `rtmsg` and a well-formed `RTA_TABLE` (`ip_valid_fib_dump_req` filters by table, protocol, type; FreeBSD reads the table) |
/// | neighbour | family, `NDA_IFINDEX` | the same (`neigh_valid_dump_req`) |
///
/// A header shorter than the family's stays as short (FreeBSD's `nl_parse_header` zero-fills
/// it).
pub fn normalize_dump(msg: Msg<'_>, strict: bool, out: &mut [u8]) -> Result<usize> {
    let payload = msg.payload();
    let (hlen, keep, attr) = match msg.msg_type() {
        l::RTM_GETLINK => (IFINFOMSG, 1, None),
        l::RTM_GETADDR if strict => (IFADDRMSG, IFADDRMSG, None),
        l::RTM_GETADDR => (IFADDRMSG, 1, None),
        l::RTM_GETROUTE if strict => (RTMSG, RTMSG, route_table(payload)),
        l::RTM_GETROUTE => (RTMSG, 1, None),
        _ => (
            NDMSG,
            1,
            neigh_ifindex(payload).map(|i| (l::NDA_IFINDEX, i)),
        ),
    };
    let hdr = hlen.min(payload.len());
    let total = NLMSG_HDRLEN.saturating_add(hdr);
    let attr_len = NLA_HDRLEN.saturating_add(4);
    let len = if attr.is_some() {
        total.saturating_add(attr_len)
    } else {
        total
    };
    let dst = out
        .get_mut(..len)
        .ok_or(Error::NoSpace { needed: off32(len) })?;
    dst.fill(0);
    crate::wire::copy(dst, msg.header());
    crate::wire::write_u32(dst, 0, u32::try_from(len).unwrap_or(u32::MAX));
    let kept = payload.get(..keep.min(hdr)).unwrap_or_default();
    crate::wire::copy(dst.get_mut(NLMSG_HDRLEN..).unwrap_or_default(), kept);
    if let (Some(slot), Some(&family)) = (dst.get_mut(NLMSG_HDRLEN), payload.first()) {
        *slot = dump_family(msg.msg_type(), family);
    }
    if let Some((kind, value)) = attr {
        crate::wire::write_u16(dst, total, u16::try_from(attr_len).unwrap_or(0));
        crate::wire::write_u16(dst, total.saturating_add(2), kind);
        crate::wire::write_u32(dst, total.saturating_add(NLA_HDRLEN), value);
    }
    Ok(len)
}

/// `RTA_TABLE` of a route dump request whose attributes parse, when it is a `u32`.
fn route_table(payload: &[u8]) -> Option<(u16, u32)> {
    if payload.len() < RTMSG {
        return None;
    }
    let attrs = attrs_after(payload, RTMSG);
    attrs.clone().validate().ok()?;
    attrs
        .find(l::RTA_TABLE)
        .filter(|a| a.payload().len() == 4)
        .and_then(|a| a.u32())
        .map(|t| (l::RTA_TABLE, t))
}

/// `NDA_IFINDEX` of a neighbour dump request whose attributes parse, as
/// `neigh_valid_dump_req` finds it (a parse failure means no filter).
fn neigh_ifindex(payload: &[u8]) -> Option<u32> {
    if payload.len() < NDMSG {
        return None;
    }
    let attrs = attrs_after(payload, NDMSG);
    attrs.clone().validate().ok()?;
    attrs
        .find(l::NDA_IFINDEX)
        .and_then(|a| a.u32())
        .filter(|&i| i != 0)
}

/// Linux's strict checks of a dump request on a socket with `NETLINK_GET_STRICT_CHK`
/// ([`Error::Invalid`] with Linux's text and the offset from the start of `msg`); a request
/// that passes keeps its filters ([`normalize_dump`]) (`rtnl_valid_dump_ifinfo_req`,
/// `inet_valid_dump_ifaddr_req` / `inet6_valid_dump_ifaddr_req`, `ip_valid_fib_dump_req`,
/// `neigh_valid_dump_req`).
pub fn check_strict_dump(msg: Msg<'_>) -> Result<()> {
    let p = msg.payload();
    let at = off32(NLMSG_HDRLEN);
    let invalid = |reason: &'static str| Error::Invalid { off: at, reason };
    let family = p.first().copied().unwrap_or(0);
    let byte = |i: usize| p.get(i).copied().unwrap_or(0);
    let (hlen, allowed): (usize, &[u16]) = match msg.msg_type() {
        l::RTM_GETLINK => {
            if p.len() < IFINFOMSG {
                return Err(invalid("Invalid header for link dump"));
            }
            let dirty = byte(1) != 0
                || read_u16(p, 2) != Some(0)
                || read_u32(p, 8) != Some(0)
                || read_u32(p, 12) != Some(0);
            if dirty {
                return Err(invalid("Invalid values in header for link dump request"));
            }
            if read_u32(p, 4) != Some(0) {
                return Err(invalid(
                    "Filter by device index not supported for link dumps",
                ));
            }
            (
                IFINFOMSG,
                &[
                    l::IFLA_TARGET_NETNSID,
                    l::IFLA_EXT_MASK,
                    l::IFLA_MASTER,
                    l::IFLA_LINKINFO,
                ],
            )
        }
        l::RTM_GETADDR => {
            // `inet6_valid_dump_ifaddr_req` prefixes its texts with the module name; an
            // AF_UNSPEC dump is checked by IPv4 first (`rtnl_dump_all` walks PF_INET first).
            let v6 = family == l::AF_INET6;
            if p.len() < IFADDRMSG {
                return Err(invalid(if v6 {
                    "ipv6: Invalid header for address dump request"
                } else {
                    "ipv4: Invalid header for address dump request"
                }));
            }
            if byte(1) != 0 || byte(2) != 0 || byte(3) != 0 {
                return Err(invalid(if v6 {
                    "ipv6: Invalid values in header for address dump request"
                } else {
                    "ipv4: Invalid values in header for address dump request"
                }));
            }
            let unsupported = if v6 {
                "ipv6: Unsupported attribute in dump request"
            } else {
                "ipv4: Unsupported attribute in dump request"
            };
            return check_attrs(p, IFADDRMSG, &[l::IFA_TARGET_NETNSID], unsupported);
        }
        l::RTM_GETROUTE => {
            if p.len() < RTMSG {
                return Err(invalid("Invalid header for FIB dump request"));
            }
            if byte(1) != 0 || byte(2) != 0 || byte(3) != 0 || byte(6) != 0 {
                return Err(invalid("Invalid values in header for FIB dump request"));
            }
            if read_u32(p, 8).unwrap_or(0) & !RTM_F_DUMP_OK != 0 {
                return Err(invalid("Invalid flags for FIB dump request"));
            }
            (RTMSG, &[l::RTA_TABLE, l::RTA_OIF])
        }
        _ => {
            if p.len() < NDMSG {
                return Err(invalid("Invalid header for neighbor dump request"));
            }
            let dirty = byte(1) != 0
                || read_u16(p, 2) != Some(0)
                || read_u32(p, 4) != Some(0)
                || read_u16(p, 8) != Some(0)
                || byte(11) != 0;
            if dirty {
                return Err(invalid(
                    "Invalid values in header for neighbor dump request",
                ));
            }
            if byte(10) & !l::NTF_PROXY != 0 {
                return Err(invalid("Invalid flags in header for neighbor dump request"));
            }
            return check_attrs(
                p,
                NDMSG,
                &[l::NDA_IFINDEX, l::NDA_MASTER],
                "Unsupported attribute in neighbor dump request",
            );
        }
    };
    let unsupported = match msg.msg_type() {
        l::RTM_GETLINK => "Unsupported attribute in link dump request",
        _ => "Unsupported attribute in dump request",
    };
    check_attrs(p, hlen, allowed, unsupported)
}

/// The attributes after a `hlen`-byte header must parse and be among `allowed`. A malformed
/// length ends Linux's walk with bytes left over, which strict parsing refuses with "bytes
/// leftover after parsing attributes" (`__nla_validate_parse` in `lib/nlattr.c`,
/// `NL_VALIDATE_TRAILING`).
fn check_attrs(
    payload: &[u8],
    hlen: usize,
    allowed: &[u16],
    unsupported: &'static str,
) -> Result<()> {
    let base = NLMSG_HDRLEN.saturating_add(crate::wire::align4(hlen).unwrap_or(hlen));
    let rest = payload
        .get(crate::wire::align4(hlen).unwrap_or(hlen)..)
        .unwrap_or_default();
    for a in Attrs::with_base(rest, base) {
        let a = a.map_err(|e| match e {
            Error::BadLength { off } | Error::Truncated { off } => Error::Invalid {
                off,
                reason: "bytes leftover after parsing attributes",
            },
            other => other,
        })?;
        if !allowed.contains(&a.kind()) {
            return Err(Error::Invalid {
                off: off32(a.offset()),
                reason: unsupported,
            });
        }
    }
    Ok(())
}

/// How Linux validates one attribute against its policy (`validate_nla` in `lib/nlattr.c`,
/// as `nlmsg_parse_deprecated` applies it: lengths only; every failure is `ERANGE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pol {
    /// `NLA_U8`, `NLA_U16`, `NLA_U32` (and the signed ones), or `NLA_UNSPEC` with `.len`: at
    /// least this many bytes (more is accepted with a warning).
    Min(usize),
    /// `NLA_STRING` with `.len`: not empty, and at most this long once one trailing NUL is
    /// dropped.
    Str(usize),
    /// `NLA_BINARY` with `.len`: at most this long.
    Max(usize),
    /// `NLA_NESTED`: empty, or at least one attribute header.
    Nested,
}

/// `IFNAMSIZ - 1`, `IFALIASZ - 1`, `MAX_ADDR_LEN`, `MAX_PHYS_ITEM_ID_LEN`
/// (`include/linux/netdevice.h`, `include/uapi/linux/if.h`).
const IFNAME_MAX: usize = 15;
const IFALIAS_MAX: usize = 255;
const MAX_ADDR_LEN: usize = 32;

/// `ifla_policy` in `net/core/rtnetlink.c` (the entries a length check can fail), used by
/// `RTM_NEWLINK`, `RTM_DELLINK`, `RTM_SETLINK` and `RTM_GETLINK` (`rtnl_newlink`,
/// `rtnl_dellink`, `rtnl_setlink`, `rtnl_valid_getlink_req`).
const IFLA_POLICY: &[(u16, Pol)] = &[
    (1, Pol::Max(MAX_ADDR_LEN)),  // IFLA_ADDRESS
    (2, Pol::Max(MAX_ADDR_LEN)),  // IFLA_BROADCAST
    (3, Pol::Str(IFNAME_MAX)),    // IFLA_IFNAME
    (4, Pol::Min(4)),             // IFLA_MTU
    (5, Pol::Min(4)),             // IFLA_LINK
    (10, Pol::Min(4)),            // IFLA_MASTER
    (13, Pol::Min(4)),            // IFLA_TXQLEN
    (15, Pol::Min(4)),            // IFLA_WEIGHT
    (16, Pol::Min(1)),            // IFLA_OPERSTATE
    (17, Pol::Min(1)),            // IFLA_LINKMODE
    (18, Pol::Nested),            // IFLA_LINKINFO
    (19, Pol::Min(4)),            // IFLA_NET_NS_PID
    (20, Pol::Max(IFALIAS_MAX)),  // IFLA_IFALIAS (NLA_BINARY: empty allowed, a NUL counts)
    (22, Pol::Nested),            // IFLA_VFINFO_LIST
    (24, Pol::Nested),            // IFLA_VF_PORTS
    (25, Pol::Nested),            // IFLA_PORT_SELF
    (26, Pol::Nested),            // IFLA_AF_SPEC
    (27, Pol::Min(4)),            // IFLA_GROUP
    (28, Pol::Min(4)),            // IFLA_NET_NS_FD
    (29, Pol::Min(4)),            // IFLA_EXT_MASK
    (30, Pol::Min(4)),            // IFLA_PROMISCUITY
    (31, Pol::Min(4)),            // IFLA_NUM_TX_QUEUES
    (32, Pol::Min(4)),            // IFLA_NUM_RX_QUEUES
    (33, Pol::Min(1)),            // IFLA_CARRIER
    (34, Pol::Max(MAX_ADDR_LEN)), // IFLA_PHYS_PORT_ID (MAX_PHYS_ITEM_ID_LEN)
    (36, Pol::Max(MAX_ADDR_LEN)), // IFLA_PHYS_SWITCH_ID
    (37, Pol::Min(4)),            // IFLA_LINK_NETNSID
    (39, Pol::Min(1)),            // IFLA_PROTO_DOWN
];

/// `ifa_ipv4_policy` in `net/ipv4/devinet.c`.
const IFA_V4_POLICY: &[(u16, Pol)] = &[
    (1, Pol::Min(4)),          // IFA_ADDRESS
    (2, Pol::Min(4)),          // IFA_LOCAL
    (3, Pol::Str(IFNAME_MAX)), // IFA_LABEL
    (4, Pol::Min(4)),          // IFA_BROADCAST
    (6, Pol::Min(16)),         // IFA_CACHEINFO (struct ifa_cacheinfo)
    (8, Pol::Min(4)),          // IFA_FLAGS
    (9, Pol::Min(4)),          // IFA_RT_PRIORITY
    (10, Pol::Min(4)),         // IFA_TARGET_NETNSID
    (11, Pol::Min(1)),         // IFA_PROTO
];

/// `ifa_ipv6_policy` in `net/ipv6/addrconf.c`.
const IFA_V6_POLICY: &[(u16, Pol)] = &[
    (1, Pol::Min(16)), // IFA_ADDRESS (struct in6_addr)
    (2, Pol::Min(16)), // IFA_LOCAL
    (6, Pol::Min(16)), // IFA_CACHEINFO
    (8, Pol::Min(4)),  // IFA_FLAGS
    (9, Pol::Min(4)),  // IFA_RT_PRIORITY
    (10, Pol::Min(4)), // IFA_TARGET_NETNSID
    (11, Pol::Min(1)), // IFA_PROTO
];

/// `rtm_ipv4_policy` in `net/ipv4/fib_frontend.c`.
const RTM_V4_POLICY: &[(u16, Pol)] = &[
    (1, Pol::Min(4)),  // RTA_DST
    (2, Pol::Min(4)),  // RTA_SRC
    (3, Pol::Min(4)),  // RTA_IIF
    (4, Pol::Min(4)),  // RTA_OIF
    (5, Pol::Min(4)),  // RTA_GATEWAY
    (6, Pol::Min(4)),  // RTA_PRIORITY
    (7, Pol::Min(4)),  // RTA_PREFSRC
    (8, Pol::Nested),  // RTA_METRICS
    (9, Pol::Min(8)),  // RTA_MULTIPATH (struct rtnexthop)
    (11, Pol::Min(4)), // RTA_FLOW
    (15, Pol::Min(4)), // RTA_TABLE
    (16, Pol::Min(4)), // RTA_MARK
    (21, Pol::Min(2)), // RTA_ENCAP_TYPE
    (22, Pol::Nested), // RTA_ENCAP
    (25, Pol::Min(4)), // RTA_UID
    (27, Pol::Min(1)), // RTA_IP_PROTO
    (28, Pol::Min(2)), // RTA_SPORT
    (29, Pol::Min(2)), // RTA_DPORT
    (30, Pol::Min(4)), // RTA_NH_ID
];

/// `rtm_ipv6_policy` in `net/ipv6/route.c`.
const RTM_V6_POLICY: &[(u16, Pol)] = &[
    (3, Pol::Min(4)),  // RTA_IIF
    (4, Pol::Min(4)),  // RTA_OIF
    (6, Pol::Min(4)),  // RTA_PRIORITY
    (7, Pol::Min(16)), // RTA_PREFSRC
    (8, Pol::Nested),  // RTA_METRICS
    (9, Pol::Min(8)),  // RTA_MULTIPATH
    (15, Pol::Min(4)), // RTA_TABLE
    (16, Pol::Min(4)), // RTA_MARK
    (20, Pol::Min(1)), // RTA_PREF
    (21, Pol::Min(2)), // RTA_ENCAP_TYPE
    (22, Pol::Nested), // RTA_ENCAP
    (23, Pol::Min(4)), // RTA_EXPIRES
    (25, Pol::Min(4)), // RTA_UID
    (27, Pol::Min(1)), // RTA_IP_PROTO
    (28, Pol::Min(2)), // RTA_SPORT
    (29, Pol::Min(2)), // RTA_DPORT
    (30, Pol::Min(4)), // RTA_NH_ID
];

/// `RTA_OIF`, `IFA_LOCAL`, `IFA_ADDRESS`, `IFLA_LINKINFO`, `IFLA_INFO_KIND`
/// (`include/uapi/linux/rtnetlink.h`, `if_addr.h`, `if_link.h`).
const RTA_OIF: u16 = 4;
const IFA_ADDRESS: u16 = 1;
const IFA_LOCAL: u16 = 2;
const IFLA_LINKINFO: u16 = 18;
const IFLA_INFO_KIND: u16 = 1;

/// Linux's extended-ack text for an attribute its policy refuses (`validate_nla`).
const POLICY_TEXT: &str = "Attribute failed policy validation";

/// What Linux checks of a `NETLINK_ROUTE` request (not a dump) before its handler touches
/// anything, so that a Linux program gets Linux's verdict where FreeBSD would refuse the same
/// request with another errno (or not at all). Returns how many bytes of `msg` to forward:
/// Linux parses attributes leniently (`nlmsg_parse_deprecated`, `__nla_validate_parse` in
/// `lib/nlattr.c` without `NL_VALIDATE_TRAILING`): its walk stops at the first attribute
/// header that is short or runs past the message, and ignores what follows, which FreeBSD's
/// parser would refuse (`nl_parse_attrs_raw`, `sys/netlink/netlink_message_parser.c`).
///
/// In Linux's order (`rtnetlink_rcv_msg` in `net/core/rtnetlink.c` first, then the handler):
///
/// 1. `RTM_DELLINK` / `RTM_DELADDR` with `NLM_F_BULK`: `EOPNOTSUPP` "Bulk delete is not
///    supported" (no `RTNL_FLAG_BULK_DEL_SUPPORTED` on their handlers);
/// 2. `RTM_NEWADDR` / `RTM_DELADDR` / `RTM_NEWROUTE` / `RTM_DELROUTE` of a family other than
///    `AF_INET` / `AF_INET6`: no handler, not even for `PF_UNSPEC`: `EOPNOTSUPP`;
/// 3. a payload shorter than the family header: `EINVAL` (`nlmsg_parse`);
/// 4. every attribute against the family's policy ([`IFLA_POLICY`], [`IFA_V4_POLICY`],
///    [`IFA_V6_POLICY`], [`RTM_V4_POLICY`], [`RTM_V6_POLICY`]): `ERANGE`;
/// 5. an address without `IFA_LOCAL` (IPv4, `rtm_to_ifaddr` in `net/ipv4/devinet.c`) or
///    without either address (IPv6, `inet6_rtm_newaddr` in `net/ipv6/addrconf.c`), an IPv4
///    prefix over 32: `EINVAL`;
/// 6. the interface the request names by index does not exist: `ENODEV`
///    (without extended-ack text, as Linux) — `ifi_index` of `RTM_NEWLINK` (unless `NLM_F_CREATE` asks to
///    create it: then a request without `IFLA_INFO_KIND` is `EOPNOTSUPP`, `rtnl_newlink`),
///    `RTM_DELLINK`, `RTM_SETLINK`, `RTM_GETLINK` (`rtnl_dellink`, `rtnl_setlink`,
///    `rtnl_getlink`), `ifa_index` of `RTM_NEWADDR` (`inetdev_by_index` in
///    `net/ipv4/devinet.c`, `inet6_rtm_newaddr`), `RTA_OIF` of `RTM_NEWROUTE`
///    (`fib_check_nh` in `net/ipv4/fib_semantics.c`, `ip6_route_info_create` in
///    `net/ipv6/route.c`). FreeBSD says `ENOENT` for the same (`nlattr_get_ifp`,
///    `sys/netlink/netlink_message_parser.c`).
///
/// Other protocols and types pass unchecked (`Ok(msg.len())`). A generic netlink request
/// shorter than its `genlmsghdr` is `EINVAL` (`genl_family_rcv_msg` in
/// `net/netlink/genetlink.c`); FreeBSD's nlctrl would answer it.
pub fn check_linux(
    proto: crate::socket::Proto,
    host: &dyn crate::host::Host,
    msg: Msg<'_>,
) -> Result<usize> {
    use crate::socket::Proto;
    let t = msg.msg_type();
    if t < 16 {
        return Ok(msg.len());
    }
    if proto == Proto::Generic {
        return if msg.payload().len() < GENL_HDRLEN {
            Err(refused(0, l::EINVAL, ""))
        } else {
            Ok(msg.len())
        };
    }
    if proto != Proto::Route || is_checked_dump(proto, msg) {
        return Ok(msg.len());
    }
    let p = msg.payload();
    let family = p.first().copied().unwrap_or(0);
    let flags = msg.flags();
    if matches!(t, l::RTM_DELLINK | l::RTM_DELADDR) && flags & l::NLM_F_BULK != 0 {
        return Err(refused(0, l::EOPNOTSUPP, "Bulk delete is not supported"));
    }
    let inet = family == l::AF_INET || family == l::AF_INET6;
    let (hlen, policy): (usize, &[(u16, Pol)]) = match t {
        l::RTM_NEWLINK | l::RTM_DELLINK | l::RTM_GETLINK | l::RTM_SETLINK => {
            (IFINFOMSG, IFLA_POLICY)
        }
        l::RTM_NEWADDR | l::RTM_DELADDR if !inet => return Err(refused(0, l::EOPNOTSUPP, "")),
        l::RTM_NEWROUTE | l::RTM_DELROUTE if !inet => return Err(refused(0, l::EOPNOTSUPP, "")),
        l::RTM_NEWADDR | l::RTM_DELADDR if family == l::AF_INET => (IFADDRMSG, IFA_V4_POLICY),
        l::RTM_NEWADDR | l::RTM_DELADDR => (IFADDRMSG, IFA_V6_POLICY),
        l::RTM_NEWROUTE | l::RTM_DELROUTE | l::RTM_GETROUTE if family == l::AF_INET => {
            (RTMSG, RTM_V4_POLICY)
        }
        l::RTM_NEWROUTE | l::RTM_DELROUTE | l::RTM_GETROUTE if family == l::AF_INET6 => {
            (RTMSG, RTM_V6_POLICY)
        }
        _ => return Ok(msg.len()),
    };
    if p.len() < hlen {
        return Err(refused(0, l::EINVAL, "Invalid header length"));
    }
    let start = crate::wire::align4(hlen).unwrap_or(hlen);
    let base = NLMSG_HDRLEN.saturating_add(start);
    let rest = p.get(start..).unwrap_or_default();
    // Linux's walk: stop silently at the first malformed attribute header.
    let mut keep = msg.len();
    for a in Attrs::with_base(rest, base) {
        let a = match a {
            Ok(a) => a,
            Err(e) => {
                keep = e
                    .offset()
                    .map_or(keep, |o| usize::try_from(o).unwrap_or(keep).min(keep));
                break;
            }
        };
        let pol = policy
            .iter()
            .find(|&&(k, _)| k == a.kind())
            .map(|&(_, p)| p);
        if let Some(pol) = pol {
            if !policy_ok(pol, a.payload()) {
                return Err(refused(off32(a.offset()), l::ERANGE, POLICY_TEXT));
            }
        }
    }
    let attrs = Attrs::with_base(rest, base);
    let find = |kind: u16| {
        attrs
            .clone()
            .map_while(core::result::Result::ok)
            .filter(|a| a.kind() == kind)
            .last()
    };
    let missing = |index: u32| index != 0 && host.ifname(index).is_none();
    match t {
        l::RTM_NEWADDR | l::RTM_DELADDR => {
            let v4 = family == l::AF_INET;
            let prefix = p.get(1).copied().unwrap_or(0);
            let no_addr = if v4 {
                find(IFA_LOCAL).is_none()
            } else {
                find(IFA_LOCAL).is_none() && find(IFA_ADDRESS).is_none()
            };
            if t == l::RTM_NEWADDR && (no_addr || (v4 && prefix > 32)) {
                return Err(refused(0, l::EINVAL, ""));
            }
            if t == l::RTM_NEWADDR && missing(read_u32(p, 4).unwrap_or(0)) {
                return Err(no_device());
            }
        }
        l::RTM_NEWROUTE => {
            if let Some(oif) = find(RTA_OIF) {
                if missing(oif.u32().unwrap_or(0)) {
                    return Err(no_device());
                }
            }
        }
        l::RTM_NEWLINK | l::RTM_DELLINK | l::RTM_SETLINK | l::RTM_GETLINK => {
            let index = read_u32(p, 4)
                .and_then(|i| i32::try_from(i).ok())
                .and_then(|i| u32::try_from(i).ok())
                .unwrap_or(0);
            if missing(index) {
                if t == l::RTM_NEWLINK && flags & l::NLM_F_CREATE != 0 {
                    let kind = find(IFLA_LINKINFO).is_some_and(|li| {
                        Attrs::new(li.payload())
                            .map_while(core::result::Result::ok)
                            .any(|a| a.kind() == IFLA_INFO_KIND)
                    });
                    if !kind {
                        return Err(refused(0, l::EOPNOTSUPP, ""));
                    }
                } else {
                    return Err(no_device());
                }
            }
        }
        _ => {}
    }
    Ok(keep)
}

/// `GENL_HDRLEN` (`include/uapi/linux/genetlink.h`).
const GENL_HDRLEN: usize = 4;

/// An [`Error::Refused`] with Linux errno `errno`, the offending attribute at `off` (0: none,
/// Linux points at no attribute) and Linux's extended-ack text (empty: Linux sets none).
fn refused(off: u32, errno: i32, reason: &'static str) -> Error {
    Error::Refused {
        off,
        errno: LinuxErrno::new(errno),
        reason,
    }
}

/// `ENODEV` as Linux's handlers answer an index that names no interface: no extended-ack
/// text, no offset (`rtnl_getlink`, `rtnl_dellink`, `rtnl_newlink` in `net/core/rtnetlink.c`;
/// observed through the oracle, `cli/tests/run_freebsd_protocol.rs`).
fn no_device() -> Error {
    refused(0, l::ENODEV, "")
}

/// Whether an attribute payload passes `validate_nla`'s length checks for `pol`.
fn policy_ok(pol: Pol, payload: &[u8]) -> bool {
    let n = payload.len();
    match pol {
        Pol::Min(min) => n >= min,
        Pol::Max(max) => n <= max,
        Pol::Nested => n == 0 || n >= NLA_HDRLEN,
        Pol::Str(max) => {
            let len = if payload.last() == Some(&0) {
                n.saturating_sub(1)
            } else {
                n
            };
            n >= 1 && len <= max
        }
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;

    fn req(ty: u16, flags: u16, body: &[u8]) -> Vec<u8> {
        let mut v = u32::try_from(16 + body.len())
            .unwrap()
            .to_ne_bytes()
            .to_vec();
        v.extend_from_slice(&ty.to_ne_bytes());
        v.extend_from_slice(&flags.to_ne_bytes());
        v.extend_from_slice(&9u32.to_ne_bytes());
        v.extend_from_slice(&0u32.to_ne_bytes());
        v.extend_from_slice(body);
        v
    }

    fn norm(r: &[u8], strict: bool) -> Result<Vec<u8>> {
        let m = Msg::parse(r, 0).unwrap();
        if strict {
            check_strict_dump(m)?;
        }
        let mut out = [0u8; NORMALIZED_MAX];
        let n = normalize_dump(m, strict, &mut out)?;
        Ok(out[..n].to_vec())
    }

    /// vishvananda/netlink's address dump: a 16-byte `ifinfomsg` with family AF_INET.
    #[test]
    fn foreign_header_keeps_only_the_family() {
        let mut ifinfo = vec![2u8, 0, 0, 0];
        ifinfo.extend_from_slice(&0i32.to_ne_bytes());
        ifinfo.extend_from_slice(&[0u8; 8]);
        let r = req(l::RTM_GETADDR, 0x301, &ifinfo);
        let n = norm(&r, false).unwrap();
        assert_eq!(n.len(), 24);
        assert_eq!(&n[4..16], &r[4..16]);
        assert_eq!(&n[16..], &[2, 0, 0, 0, 0, 0, 0, 0]);
        // Strict sockets get Linux's error for the same bytes: ifa_flags = ifi_type (0) is
        // fine, but the 8 trailing bytes are an attribute of length 0.
        assert!(matches!(norm(&r, true), Err(Error::Invalid { .. })));
    }

    #[test]
    fn short_and_junk_headers_are_accepted_non_strict() {
        let r = req(l::RTM_GETROUTE, 0x301, &[10]);
        assert_eq!(norm(&r, false).unwrap(), r);
        let r = req(l::RTM_GETLINK, 0x301, &[0, 0xAA, 0xBB, 0xCC, 5, 0, 0, 0]);
        assert_eq!(&norm(&r, false).unwrap()[16..], &[0u8; 8]);
        assert_eq!(
            norm(&r, true),
            Err(Error::Invalid {
                off: 16,
                reason: "Invalid header for link dump"
            })
        );
    }

    #[test]
    fn strict_link_dump_rules() {
        let mut h = [0u8; 16];
        h[4] = 1;
        assert_eq!(
            norm(&req(l::RTM_GETLINK, 0x301, &h), true),
            Err(Error::Invalid {
                off: 16,
                reason: "Filter by device index not supported for link dumps"
            })
        );
        let mut body = vec![0u8; 16];
        // IFLA_EXT_MASK is allowed, IFLA_IFNAME is not.
        body.extend_from_slice(&[8, 0, 29, 0, 1, 0, 0, 0]);
        assert!(norm(&req(l::RTM_GETLINK, 0x301, &body), true).is_ok());
        body.extend_from_slice(&[8, 0, 3, 0, b'l', b'o', 0, 0]);
        assert_eq!(
            norm(&req(l::RTM_GETLINK, 0x301, &body), true),
            Err(Error::Invalid {
                off: 40,
                reason: "Unsupported attribute in link dump request"
            })
        );
    }

    #[test]
    fn neighbour_ifindex_filter_survives() {
        let mut body = vec![10u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        body.extend_from_slice(&[8, 0, 8, 0, 2, 0, 0, 0]);
        let n = norm(&req(l::RTM_GETNEIGH, 0x301, &body), false).unwrap();
        assert_eq!(n.len(), 36);
        assert_eq!(&n[28..], &[8, 0, 8, 0, 2, 0, 0, 0]);
        assert_eq!(n[16], 10);
    }

    #[test]
    fn strict_address_dump_keeps_the_index_and_names_the_family() {
        let r = req(l::RTM_GETADDR, 0x301, &[10, 0, 0, 0, 3, 0, 0, 0]);
        assert_eq!(norm(&r, true).unwrap(), r);
        assert_eq!(
            norm(
                &req(l::RTM_GETADDR, 0x301, &[10, 64, 0, 0, 0, 0, 0, 0]),
                true
            ),
            Err(Error::Invalid {
                off: 16,
                reason: "ipv6: Invalid values in header for address dump request"
            })
        );
    }

    #[test]
    fn empty_answers() {
        use crate::socket::Proto::{Generic, Route};
        let bridge = req(
            l::RTM_GETNEIGH,
            0x301,
            &[7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        );
        assert!(empty_dump_for_family(
            Route,
            Msg::parse(&bridge, 0).unwrap()
        ));
        assert!(!empty_dump_for_family(
            Generic,
            Msg::parse(&bridge, 0).unwrap()
        ));
        let get = req(l::RTM_GETNEIGH, 0x1, &[7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert!(!empty_dump_for_family(Route, Msg::parse(&get, 0).unwrap()));
        // family_17/44/255/getneigh_dump: Linux 6.18 answers an empty dump (tests/hostile).
        for fam in [17u8, 44, 255] {
            let n = req(
                l::RTM_GETNEIGH,
                0x301,
                &[fam, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            );
            assert!(empty_dump_for_family(Route, Msg::parse(&n, 0).unwrap()));
        }
        let inet = req(
            l::RTM_GETNEIGH,
            0x301,
            &[2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        );
        assert!(!empty_dump_for_family(Route, Msg::parse(&inet, 0).unwrap()));
        let mr = req(
            l::RTM_GETROUTE,
            0x301,
            &[129, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        );
        assert!(empty_dump_for_family(Route, Msg::parse(&mr, 0).unwrap()));
        let nh = req(l::RTM_GETNEXTHOP, 0x301, &[0; 8]);
        let nh = Msg::parse(&nh, 0).unwrap();
        assert!(empty_dump_for_freebsd_error(
            Route,
            nh,
            FreebsdErrno::new(3)
        ));
        assert!(!empty_dump_for_freebsd_error(
            Route,
            nh,
            FreebsdErrno::new(2)
        ));
        let one = req(l::RTM_GETNEXTHOP, 0x1, &[0; 8]);
        assert!(!empty_dump_for_freebsd_error(
            Route,
            Msg::parse(&one, 0).unwrap(),
            FreebsdErrno::new(3)
        ));
    }

    #[test]
    fn empty_payload_is_ignored() {
        let r = req(l::RTM_GETLINK, 0x301, &[]);
        assert!(linux_ignores(
            crate::socket::Proto::Route,
            Msg::parse(&r, 0).unwrap()
        ));
        let r = req(l::RTM_GETLINK, 0x301, &[0]);
        assert!(!linux_ignores(
            crate::socket::Proto::Route,
            Msg::parse(&r, 0).unwrap()
        ));
    }
}
