// SPDX-License-Identifier: BSD-2-Clause
//! Independent cross-checks of generated values against the `libc` crate on this Linux host
//! (the `libc` crate's values are hand-maintained, so a bindgen or typing slip shows here).
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]
#![cfg(target_os = "linux")]

use core::mem::size_of;

#[test]
fn families_match_libc() {
    assert_eq!(i32::from(linux_abi::AF_INET), libc::AF_INET);
    assert_eq!(i32::from(linux_abi::AF_INET6), libc::AF_INET6);
    assert_eq!(i32::from(linux_abi::AF_NETLINK), libc::AF_NETLINK);
    assert_eq!(i32::from(linux_abi::AF_UNSPEC), libc::AF_UNSPEC);
    assert_eq!(i32::from(linux_abi::AF_BRIDGE), libc::AF_BRIDGE);
    assert_eq!(i32::from(linux_abi::AF_MPLS), libc::AF_MPLS);
    // The u16 family of sockaddr_nl.
    assert_eq!(u16::from(linux_abi::AF_NETLINK), libc::AF_NETLINK as u16);
}

#[test]
fn socket_level_values_match_libc() {
    assert_eq!(linux_abi::NETLINK_ROUTE, libc::NETLINK_ROUTE);
    assert_eq!(linux_abi::NETLINK_GENERIC, libc::NETLINK_GENERIC);
    assert_eq!(linux_abi::SOL_NETLINK, libc::SOL_NETLINK);
    assert_eq!(
        linux_abi::NETLINK_ADD_MEMBERSHIP,
        libc::NETLINK_ADD_MEMBERSHIP
    );
    assert_eq!(linux_abi::NETLINK_EXT_ACK, libc::NETLINK_EXT_ACK);
    assert_eq!(
        linux_abi::NETLINK_GET_STRICT_CHK,
        libc::NETLINK_GET_STRICT_CHK
    );
}

#[test]
fn flags_and_types_match_libc() {
    assert_eq!(linux_abi::IFF_UP as i32, libc::IFF_UP);
    assert_eq!(linux_abi::IFF_LOWER_UP as i32, libc::IFF_LOWER_UP);
    assert_eq!(linux_abi::IFF_DORMANT as i32, libc::IFF_DORMANT);
    assert_eq!(linux_abi::IFF_ECHO as i32, libc::IFF_ECHO);
    assert_eq!(linux_abi::ARPHRD_LOOPBACK, libc::ARPHRD_LOOPBACK);
    assert_eq!(linux_abi::ARPHRD_ETHER, libc::ARPHRD_ETHER);
    assert_eq!(linux_abi::RTM_NEWNEIGH, libc::RTM_NEWNEIGH);
    assert_eq!(linux_abi::RTM_NEWNSID, libc::RTM_NEWNSID);
    assert_eq!(linux_abi::RTM_NEWLINK, libc::RTM_NEWLINK);
    assert_eq!(linux_abi::RTM_GETROUTE, libc::RTM_GETROUTE);
    assert_eq!(linux_abi::NLM_F_DUMP as i32, libc::NLM_F_DUMP);
    assert_eq!(linux_abi::NLM_F_ACK_TLVS as i32, libc::NLM_F_ACK_TLVS);
    assert_eq!(linux_abi::NLMSG_ERROR as i32, libc::NLMSG_ERROR);
    assert_eq!(linux_abi::NLA_F_NESTED as i32, libc::NLA_F_NESTED);
    // libc keeps the C `int` value of `~(..)`; the u16 field holds it modulo 2^16.
    assert_eq!(linux_abi::NLA_TYPE_MASK, libc::NLA_TYPE_MASK as u16);
    assert_eq!(linux_abi::RTA_TABLE, libc::RTA_TABLE);
    assert_eq!(linux_abi::RTN_UNICAST, libc::RTN_UNICAST);
    assert_eq!(linux_abi::RT_TABLE_MAIN as u8, libc::RT_TABLE_MAIN);
    assert_eq!(linux_abi::RT_SCOPE_LINK, libc::RT_SCOPE_LINK);
    assert_eq!(linux_abi::RTPROT_KERNEL, libc::RTPROT_KERNEL);
    assert_eq!(linux_abi::NUD_REACHABLE, libc::NUD_REACHABLE);
    assert_eq!(linux_abi::NTF_ROUTER, libc::NTF_ROUTER);
    assert_eq!(linux_abi::NDA_LLADDR, libc::NDA_LLADDR);
    assert_eq!(linux_abi::IFA_F_PERMANENT, libc::IFA_F_PERMANENT);
    assert_eq!(linux_abi::IFA_LOCAL, libc::IFA_LOCAL);
    assert_eq!(linux_abi::IFLA_IFNAME, libc::IFLA_IFNAME);
    assert_eq!(linux_abi::IFLA_INFO_KIND, libc::IFLA_INFO_KIND);
    assert_eq!(
        linux_abi::CTRL_CMD_GETFAMILY as i32,
        libc::CTRL_CMD_GETFAMILY
    );
    assert_eq!(
        linux_abi::CTRL_ATTR_FAMILY_NAME as i32,
        libc::CTRL_ATTR_FAMILY_NAME
    );
    assert_eq!(linux_abi::RTNLGRP_LINK, libc::RTNLGRP_LINK);
    assert_eq!(
        linux_abi::RTMGRP_IPV4_IFADDR as i32,
        libc::RTMGRP_IPV4_IFADDR
    );
}

#[test]
fn errno_matches_libc() {
    assert_eq!(linux_abi::ENODEV, libc::ENODEV);
    assert_eq!(linux_abi::EPERM, libc::EPERM);
    assert_eq!(linux_abi::EINVAL, libc::EINVAL);
    assert_eq!(linux_abi::EOPNOTSUPP, libc::EOPNOTSUPP);
    assert_eq!(linux_abi::EAFNOSUPPORT, libc::EAFNOSUPPORT);
    assert_eq!(linux_abi::EWOULDBLOCK, libc::EAGAIN);
    assert_eq!(linux_abi::ENOBUFS, libc::ENOBUFS);
}

#[test]
fn struct_sizes_match_libc() {
    assert_eq!(
        size_of::<linux_abi::nlmsghdr>(),
        size_of::<libc::nlmsghdr>()
    );
    assert_eq!(
        size_of::<linux_abi::sockaddr_nl>(),
        size_of::<libc::sockaddr_nl>()
    );
    assert_eq!(size_of::<linux_abi::nlattr>(), size_of::<libc::nlattr>());
    assert_eq!(
        size_of::<linux_abi::ifinfomsg>(),
        size_of::<libc::ifinfomsg>()
    );
    assert_eq!(
        size_of::<linux_abi::ifaddrmsg>(),
        size_of::<libc::ifaddrmsg>()
    );
    assert_eq!(
        size_of::<linux_abi::genlmsghdr>(),
        size_of::<libc::genlmsghdr>()
    );
    assert_eq!(
        size_of::<linux_abi::nlmsgerr>(),
        size_of::<libc::nlmsgerr>()
    );
}
