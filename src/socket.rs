// SPDX-License-Identifier: BSD-2-Clause
//! Socket-level conversions shared by the runner and the kernel glue: `sockaddr_nl`,
//! socket options, socket types and protocols, legacy group masks.
//!
//! Linux: `include/uapi/linux/netlink.h`; FreeBSD: `sys/netlink/netlink.h`,
//! `sys/netlink/netlink_domain.c` (`nl_ctloutput`, `nl_bind`), `sys/compat/linux/linux.c`
//! (`linux_to_bsd_sockaddr`, `bsd_to_linux_sockaddr`).

use crate::wire::{read_u16, read_u32, write_u16, write_u32};
use freebsd_abi as f;
use linux_abi as l;

/// The netlink protocol of the socket (numbers equal on both systems).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proto {
    /// `NETLINK_ROUTE` (0).
    Route,
    /// `NETLINK_GENERIC` (16).
    Generic,
    /// Any other protocol: messages pass unchanged but for errors and DONE.
    Other(u32),
}

impl Proto {
    /// The protocol for a socket's protocol number.
    #[must_use]
    pub fn from_number(n: u32) -> Proto {
        match n {
            0 => Proto::Route,
            16 => Proto::Generic,
            other => Proto::Other(other),
        }
    }
}

/// Linux `SOCK_DGRAM` (`include/linux/net.h` `enum sock_type`).
const LINUX_SOCK_DGRAM: i32 = 2;
/// Linux `SOCK_RAW` (`include/linux/net.h` `enum sock_type`).
const LINUX_SOCK_RAW: i32 = 3;

/// `sizeof(struct sockaddr_nl)`: 12 on both systems.
pub const SOCKADDR_NL_LEN: usize = 12;

/// A netlink socket address, ABI-neutral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NlAddr {
    /// Port id (`nl_pid`).
    pub pid: u32,
    /// Legacy group mask (`nl_groups`).
    pub groups: u32,
}

/// Parses a Linux `sockaddr_nl` (u16 family 16); `None` if short or of another family.
/// `nl_pad` is ignored, as Linux does.
#[must_use]
pub fn parse_linux_sockaddr(b: &[u8]) -> Option<NlAddr> {
    if b.len() < SOCKADDR_NL_LEN || read_u16(b, 0)? != u16::from(l::AF_NETLINK) {
        return None;
    }
    Some(NlAddr {
        pid: read_u32(b, 4)?,
        groups: read_u32(b, 8)?,
    })
}

/// Writes a Linux `sockaddr_nl`.
#[must_use]
pub fn linux_sockaddr(a: NlAddr) -> [u8; SOCKADDR_NL_LEN] {
    let mut b = [0u8; SOCKADDR_NL_LEN];
    write_u16(&mut b, 0, u16::from(l::AF_NETLINK));
    write_u32(&mut b, 4, a.pid);
    write_u32(&mut b, 8, a.groups);
    b
}

/// Parses a FreeBSD `sockaddr_nl` (`nl_len` 12, `nl_family` 38); `nl_bind()` refuses any
/// other length with EINVAL.
#[must_use]
pub fn parse_freebsd_sockaddr(b: &[u8]) -> Option<NlAddr> {
    let (&len, rest) = b.split_first()?;
    if usize::from(len) != SOCKADDR_NL_LEN || b.len() < SOCKADDR_NL_LEN {
        return None;
    }
    if rest.first().copied()? != f::AF_NETLINK {
        return None;
    }
    Some(NlAddr {
        pid: read_u32(b, 4)?,
        groups: read_u32(b, 8)?,
    })
}

/// Writes a FreeBSD `sockaddr_nl`.
#[must_use]
pub fn freebsd_sockaddr(a: NlAddr) -> [u8; SOCKADDR_NL_LEN] {
    let mut b = [0u8; SOCKADDR_NL_LEN];
    if let Some(x) = b.first_mut() {
        *x = 12;
    }
    if let Some(x) = b.get_mut(1) {
        *x = f::AF_NETLINK;
    }
    write_u32(&mut b, 4, a.pid);
    write_u32(&mut b, 8, a.groups);
    b
}

/// What happens to a Linux `SOL_NETLINK` option on FreeBSD (`nl_ctloutput`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SockOpt {
    /// Same option number and value on FreeBSD.
    Pass(i32),
    /// FreeBSD refuses it with ENOPROTOOPT; a compat layer should emulate it or report that.
    Unsupported,
    /// Kept by the compat layer and not passed on: FreeBSD has the option but gives it
    /// another meaning.
    Emulated,
}

/// Maps a Linux `SOL_NETLINK` option name to FreeBSD.
///
/// Options 1, 2, 9–12 exist on both with the same numbers; 3–8 return ENOPROTOOPT on
/// FreeBSD; `NETLINK_MSG_INFO` (257) is FreeBSD-only and refused on Linux sockets.
#[must_use]
pub fn sockopt_to_freebsd(name: i32) -> SockOpt {
    match name {
        l::NETLINK_ADD_MEMBERSHIP => SockOpt::Pass(f::NETLINK_ADD_MEMBERSHIP),
        l::NETLINK_DROP_MEMBERSHIP => SockOpt::Pass(f::NETLINK_DROP_MEMBERSHIP),
        l::NETLINK_LIST_MEMBERSHIPS => SockOpt::Pass(f::NETLINK_LIST_MEMBERSHIPS),
        l::NETLINK_CAP_ACK => SockOpt::Pass(f::NETLINK_CAP_ACK),
        l::NETLINK_EXT_ACK => SockOpt::Pass(f::NETLINK_EXT_ACK),
        // ABI: Linux applies strict checking to GET requests only (`rtnetlink.c`
        // `rtnl_dump_*` with `strict_check`); FreeBSD runs its strict header pre-checks on
        // every request (`netlink_message_parser.h nl_parse_header`), so iproute2's
        // `ip link set eth0 up` (non-zero `ifi_flags`) would fail "strict checking: non-zero
        // values in ifinfomsg header". The option is remembered for the process, not passed.
        l::NETLINK_GET_STRICT_CHK => SockOpt::Emulated,
        _ => SockOpt::Unsupported,
    }
}

/// The Linux errno (positive) for `socket(AF_NETLINK, type, protocol)` when FreeBSD would
/// refuse it, `None` when it would succeed. Types: RAW and DGRAM only (FreeBSD answers
/// EPROTOTYPE, Linux ESOCKTNOSUPPORT, which a Linux process expects). Protocols: ROUTE and
/// GENERIC (`nl_verify_proto`: EPROTONOSUPPORT; the Linuxulator: EAFNOSUPPORT).
#[must_use]
pub fn socket_error(sock_type: i32, protocol: i32) -> Option<i32> {
    if sock_type != LINUX_SOCK_RAW && sock_type != LINUX_SOCK_DGRAM {
        return Some(l::ESOCKTNOSUPPORT);
    }
    if protocol != l::NETLINK_ROUTE && protocol != l::NETLINK_GENERIC {
        return Some(l::EPROTONOSUPPORT);
    }
    None
}

/// `RTNLGRP_MAX` of Linux 6.18 (`include/uapi/linux/rtnetlink.h`: the last group is
/// `RTNLGRP_IPV6_ACADDR`, 39): `NETLINK_ROUTE`'s kernel socket has that many groups
/// (`rtnetlink_net_init` in `net/core/rtnetlink.c`), measured on Linux 6.18 (groups 1–39 join,
/// 40 is refused).
pub const LINUX_RTNLGRP_MAX: u32 = 39;

/// Whether Linux lets a socket of `protocol` join or leave group number `group` with
/// `NETLINK_ADD_MEMBERSHIP` / `NETLINK_DROP_MEMBERSHIP`: `netlink_setsockopt` in
/// `net/netlink/af_netlink.c` refuses group 0 and groups past the protocol's `ngroups`
/// (`val - 1 >= nlk->ngroups`) with `EINVAL`. `NETLINK_ROUTE` has [`LINUX_RTNLGRP_MAX`]
/// groups; generic netlink's count grows as families register theirs
/// (`genl_register_family` in `net/netlink/genetlink.c`), so only group 0 is known to fail
/// there. FreeBSD has 128 groups per protocol (`nl_ctloutput`, `sys/netlink/netlink_domain.c`)
/// and says `ERANGE` beyond them; a Linux program gets Linux's verdict.
#[must_use]
pub fn linux_group_valid(protocol: i32, group: u32) -> bool {
    match protocol {
        l::NETLINK_ROUTE => (1..=LINUX_RTNLGRP_MAX).contains(&group),
        _ => group != 0,
    }
}

/// Groups in a legacy `nl_groups` mask: bit i is group i + 1 (both systems).
pub fn groups_of_mask(mask: u32) -> impl Iterator<Item = u32> {
    (0u32..32)
        .filter(move |i| mask.checked_shr(*i).is_some_and(|m| m & 1 != 0))
        .map(|i| i.saturating_add(1))
}

/// The legacy mask bit for `group` (1–32), or 0 for groups the mask cannot express.
#[must_use]
pub fn mask_of_group(group: u32) -> u32 {
    group
        .checked_sub(1)
        .and_then(|s| 1u32.checked_shl(s))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sockaddr_both_ways() {
        let a = NlAddr {
            pid: 5,
            groups: 0x11,
        };
        let lb = linux_sockaddr(a);
        assert_eq!(&lb[..2], &16u16.to_ne_bytes());
        assert_eq!(parse_linux_sockaddr(&lb), Some(a));
        let fb = freebsd_sockaddr(a);
        assert_eq!(&fb[..2], &[12, 38]);
        assert_eq!(parse_freebsd_sockaddr(&fb), Some(a));
        assert_eq!(parse_freebsd_sockaddr(&lb), None);
        assert_eq!(parse_linux_sockaddr(&fb), None);
    }

    #[test]
    fn options_and_types() {
        assert_eq!(sockopt_to_freebsd(11), SockOpt::Pass(11));
        assert_eq!(sockopt_to_freebsd(5), SockOpt::Unsupported);
        assert_eq!(sockopt_to_freebsd(12), SockOpt::Emulated);
        assert_eq!(socket_error(1, 0), Some(94));
        assert_eq!(socket_error(3, 0), None);
        assert_eq!(socket_error(2, 16), None);
        assert_eq!(socket_error(3, 4), Some(93));
    }

    #[test]
    fn membership_ranges_as_linux_6_18() {
        // Measured natively: groups 1..=39 join a NETLINK_ROUTE socket, 0, 40, 64, 127, 128,
        // u32::MAX (-1) are EINVAL (tests/hostile: add_membership_*).
        for g in [1, 31, 32, 33, 39] {
            assert!(linux_group_valid(l::NETLINK_ROUTE, g), "{g}");
        }
        for g in [0, 40, 64, 127, 128, 1000, u32::MAX, 0x7FFF_FFFF] {
            assert!(!linux_group_valid(l::NETLINK_ROUTE, g), "{g}");
        }
        assert!(!linux_group_valid(l::NETLINK_GENERIC, 0));
        assert!(linux_group_valid(l::NETLINK_GENERIC, 2));
    }

    #[test]
    fn groups_mask() {
        assert_eq!(groups_of_mask(0x15).collect::<Vec<_>>(), vec![1, 3, 5]);
        assert_eq!(mask_of_group(32), 0x8000_0000);
        assert_eq!(mask_of_group(33), 0);
        assert_eq!(mask_of_group(0), 0);
    }
}
