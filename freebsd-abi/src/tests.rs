// SPDX-License-Identifier: BSD-2-Clause
//! Unit tests: struct sizes and field offsets, selected values against the header text, and
//! byte images of a few structs. Expected values are typed from the FreeBSD headers, not
//! computed by this crate.

use crate::*;
use core::mem::{offset_of, size_of};
use zerocopy::{FromBytes, IntoBytes};

#[test]
fn struct_sizes() {
    assert_eq!(size_of::<sockaddr_nl>(), 12);
    assert_eq!(size_of::<nlmsghdr>(), 16);
    assert_eq!(size_of::<nlmsgerr>(), 20);
    assert_eq!(size_of::<nlattr>(), 4);
    assert_eq!(size_of::<genlmsghdr>(), 4);
    assert_eq!(size_of::<rtgenmsg>(), 1);
    assert_eq!(size_of::<ifinfomsg>(), 16);
    assert_eq!(size_of::<rtnl_link_stats>(), 24 * 4);
    assert_eq!(size_of::<rtnl_link_stats64>(), 24 * 8);
    assert_eq!(size_of::<ifla_vlan_flags>(), 8);
    assert_eq!(size_of::<ifaddrmsg>(), 8);
    assert_eq!(size_of::<ifa_cacheinfo>(), 16);
    assert_eq!(size_of::<rtmsg>(), 12);
    assert_eq!(size_of::<rtattr>(), 4);
    assert_eq!(size_of::<rtvia>(), 1);
    assert_eq!(size_of::<rtnexthop>(), 8);
    assert_eq!(size_of::<ndmsg>(), 12);
    assert_eq!(size_of::<nda_cacheinfo>(), 16);
    assert_eq!(size_of::<nhmsg>(), 8);
    assert_eq!(size_of::<nexthop_grp>(), 8);
}

#[test]
fn field_offsets() {
    assert_eq!(offset_of!(sockaddr_nl, nl_family), 1);
    assert_eq!(offset_of!(sockaddr_nl, nl_pid), 4);
    assert_eq!(offset_of!(sockaddr_nl, nl_groups), 8);
    assert_eq!(offset_of!(nlmsghdr, nlmsg_type), 4);
    assert_eq!(offset_of!(nlmsghdr, nlmsg_pid), 12);
    assert_eq!(offset_of!(nlmsgerr, msg), 4);
    assert_eq!(offset_of!(ifinfomsg, ifi_type), 2);
    assert_eq!(offset_of!(ifinfomsg, ifi_index), 4);
    assert_eq!(offset_of!(ifinfomsg, ifi_change), 12);
    assert_eq!(offset_of!(ifaddrmsg, ifa_index), 4);
    assert_eq!(offset_of!(rtmsg, rtm_table), 4);
    assert_eq!(offset_of!(rtmsg, rtm_flags), 8);
    assert_eq!(offset_of!(rtnexthop, rtnh_ifindex), 4);
    assert_eq!(offset_of!(ndmsg, ndm_ifindex), 4);
    assert_eq!(offset_of!(ndmsg, ndm_state), 8);
    assert_eq!(offset_of!(ndmsg, ndm_type), 11);
    assert_eq!(offset_of!(nhmsg, nh_flags), 4);
    assert_eq!(offset_of!(nexthop_grp, weight), 4);
    assert_eq!(offset_of!(rtnl_link_stats64, rx_nohandler), 23 * 8);
}

#[test]
fn sockaddr_nl_bytes() {
    let sa = sockaddr_nl {
        nl_len: 12,
        nl_family: AF_NETLINK,
        nl_pad: 0,
        nl_pid: 5,
        nl_groups: 0,
    };
    let pid = 5u32.to_ne_bytes();
    let expected: [u8; 12] = [12, 38, 0, 0, pid[0], pid[1], pid[2], pid[3], 0, 0, 0, 0];
    assert_eq!(sa.as_bytes(), &expected);
    assert_eq!(sockaddr_nl::read_from_bytes(&expected).unwrap(), sa);
}

#[test]
fn nlmsghdr_round_trip() {
    let mut bytes = [0u8; 16];
    bytes[..4].copy_from_slice(&36u32.to_ne_bytes());
    bytes[4..6].copy_from_slice(&18u16.to_ne_bytes());
    bytes[6..8].copy_from_slice(&0x301u16.to_ne_bytes());
    bytes[8..12].copy_from_slice(&7u32.to_ne_bytes());
    let h = nlmsghdr::read_from_bytes(&bytes).unwrap();
    assert_eq!(h.nlmsg_len, 36);
    assert_eq!(h.nlmsg_type, RTM_GETLINK);
    assert_eq!(h.nlmsg_flags, NLM_F_REQUEST | NLM_F_DUMP);
    assert_eq!(h.nlmsg_seq, 7);
    assert_eq!(h.as_bytes(), &bytes);
}

#[test]
fn netlink_values() {
    assert_eq!(SOL_NETLINK, 270);
    assert_eq!(NETLINK_MSG_INFO, 257);
    assert_eq!(NETLINK_EXT_ACK, 11);
    assert_eq!(NETLINK_GENERIC, 16);
    assert_eq!(NLM_F_DUMP, 0x300);
    assert_eq!(NLM_F_CAPPED, 0x100);
    assert_eq!(NLM_F_ACK_TLVS, 0x200);
    assert_eq!(NLA_TYPE_MASK, 0x3fff);
    assert_eq!(NLMSG_MIN_TYPE, 16);
    assert_eq!(NLMSGINFO_ATTR_PORT_ID, 2);
    assert_eq!(GENL_ID_CTRL, 16);
    assert_eq!(CTRL_ATTR_MCAST_GRP_ID, 2);
}

#[test]
fn route_values() {
    assert_eq!(RTM_NEWLINK, 16);
    assert_eq!(RTM_GETNEIGH, 30);
    assert_eq!(RTM_GETNEXTHOP, 106);
    assert_eq!(RTNLGRP_IPV6_ROUTE, 11);
    assert_eq!(RTNLGRP_NEXTHOP, 32);
    assert_eq!(RTNLGRP_BRVLAN, 33);
    assert_eq!(RTMGRP_IPV6_IFADDR, 0x100);
    assert_eq!(RTA_TABLE, 15);
    assert_eq!(RTA_VIA, 18);
    assert_eq!(RTA_EXPIRES, 23);
    assert_eq!(RTA_NH_ID, 30);
    assert_eq!(NL_RTA_KNH_ID, 10);
    assert_eq!(NL_RTA_WEIGHT, 13);
    assert_eq!(NL_RTA_RTFLAGS, 14);
    assert_eq!(RTAX_MTU, 2);
    assert_eq!(RT_TABLE_MAIN, 0);
    assert_eq!(RT_TABLE_UNSPEC, u32::MAX);
    assert_eq!(RTN_UNREACHABLE, 7);
    assert_eq!(RT_SCOPE_LINK, 253);
    assert_eq!(RTPROT_STATIC, 4);
    assert_eq!(RTM_F_OFFLOAD_FAILED, 0x2000_0000);
}

#[test]
fn link_addr_neigh_nexthop_values() {
    assert_eq!(IFLA_IFNAME, 3);
    assert_eq!(IFLA_STATS64, 23);
    assert_eq!(IFLA_GROUP, 27);
    assert_eq!(IFLA_GRO_MAX_SIZE, 58);
    assert_eq!(IFLA_TSO_MAX_SEGS, 59);
    assert_eq!(IFLA_GRO_IPV4_MAX_SIZE, 63);
    assert_eq!(IFLA_FREEBSD, 64);
    assert_eq!(IFLAF_CAPS, 3);
    assert_eq!(IFLA_INFO_KIND, 1);
    assert_eq!(IF_OPER_UP, 6);
    assert_eq!(IFF_LOWER_UP, 0x0100_0000);
    assert_eq!(IFA_FLAGS, 8);
    assert_eq!(IFA_FREEBSD, 11);
    assert_eq!(IFAF_FLAGS, 2);
    assert_eq!(IFA_F_DEPRECATED, 0x20);
    assert_eq!(NDA_FLAGS_EXT, 15);
    assert_eq!(NDA_FREEBSD, 18);
    assert_eq!(NDAF_NEXT_STATE_TS, 1);
    assert_eq!(NUD_REACHABLE, 0x02);
    assert_eq!(NTF_STICKY, 0x40);
    assert_eq!(NHA_FREEBSD, 14);
    assert_eq!(NHAF_KID, 5);
    assert_eq!(NHAF_AIF, 6);
}

#[test]
fn bsd_values() {
    assert_eq!(AF_INET, 2);
    assert_eq!(AF_LINK, 18);
    assert_eq!(AF_INET6, 28);
    assert_eq!(AF_NETLINK, 38);
    assert_eq!(SOCK_RAW, 3);
    assert_eq!(SOL_SOCKET, 0xffff);
    assert_eq!(SO_RCVBUF, 0x1002);
    assert_eq!(SO_PROTOCOL, 0x1016);
    assert_eq!(IFF_MULTICAST, 0x8000);
    assert_eq!(IFF_NETLINK_1, 0x0100_0000);
    assert_eq!(IFNAMSIZ, 16);
    assert_eq!(IFT_ETHER, 6);
    assert_eq!(IFT_LOOP, 24);
    assert_eq!(IFT_BRIDGE, 0xd1);
    assert_eq!(IFT_GIF, 0xf0);
    assert_eq!(IN6_IFF_PREFER_SOURCE, 0x100);
    assert_eq!(RTF_GATEWAY, 0x2);
    assert_eq!(RTF_PINNED, 0x0010_0000);
}

#[test]
fn errno_values() {
    assert_eq!(EPERM, 1);
    assert_eq!(ENODEV, 19);
    assert_eq!(EAGAIN, 35);
    assert_eq!(EWOULDBLOCK, EAGAIN);
    assert_eq!(ENOTSUP, 45);
    assert_eq!(EAFNOSUPPORT, 47);
    assert_eq!(ENOBUFS, 55);
    assert_eq!(EBADMSG, 89);
    assert_eq!(EINTEGRITY, 97);
    assert_eq!(ELAST, EINTEGRITY);
}

#[test]
fn module_paths_match_root() {
    assert_eq!(route::route::RTA_TABLE, crate::RTA_TABLE);
    assert_eq!(route::common::RTM_NEWROUTE, crate::NL_RTM_NEWROUTE);
    assert_eq!(netlink::NLMSG_ERROR, crate::NLMSG_ERROR);
    assert_eq!(if_::IFF_UP, crate::IFF_UP);
}

#[test]
fn ifinfomsg_and_rtvia_bytes() {
    let ifi = ifinfomsg {
        ifi_family: AF_UNSPEC,
        __ifi_pad: 0,
        ifi_type: IFT_LOOP,
        ifi_index: 2,
        ifi_flags: IFF_UP | IFF_LOOPBACK | IFF_MULTICAST | IFF_LOWER_UP,
        ifi_change: 0,
    };
    let mut expected = [0u8; 16];
    expected[2..4].copy_from_slice(&24u16.to_ne_bytes());
    expected[4..8].copy_from_slice(&2i32.to_ne_bytes());
    expected[8..12].copy_from_slice(&0x0100_8009u32.to_ne_bytes());
    assert_eq!(ifi.as_bytes(), &expected);

    let via = rtvia {
        rtvia_family: AF_INET6,
    };
    assert_eq!(via.as_bytes(), &[28]);
}

#[test]
fn shared_attribute_ids() {
    // FreeBSD reuses three obsolete Linux route attribute ids for its own attributes.
    assert_eq!(NL_RTA_PROTOINFO, NL_RTA_KNH_ID);
    assert_eq!(NL_RTA_SESSION, NL_RTA_WEIGHT);
    assert_eq!(NL_RTA_MP_ALGO, NL_RTA_RTFLAGS);
    assert_eq!(RTA_KNH_ID, 10);
    assert_eq!(NL_RTAX_CC_ALGO, 16);
    assert_eq!(NL_RTAX_FASTOPEN_NO_COOKIE, 17);
    assert_eq!(IFLA_TARGET_NETNSID, IFLA_IF_NETNSID);
    assert_eq!(IFLA_ALT_IFNAME, 53);
    assert_eq!(IFLA_PARENT_DEV_BUS_NAME, 57);
}
