// SPDX-License-Identifier: BSD-2-Clause
//! Shape of the public API: module paths, flat re-exports, newer items, zerocopy round trips.

use zerocopy::{FromBytes, IntoBytes};

#[test]
fn module_and_flat_paths_agree() {
    assert_eq!(linux_abi::rtnetlink::RTA_TABLE, linux_abi::RTA_TABLE);
    assert_eq!(linux_abi::if_link::IFLA_MTU, linux_abi::IFLA_MTU);
    assert_eq!(linux_abi::netlink::NLMSG_DONE, linux_abi::NLMSG_DONE);
    assert_eq!(linux_abi::socket::AF_INET6, linux_abi::AF_INET6);
    assert_eq!(linux_abi::errno::ENOENT, linux_abi::ENOENT);
}

#[test]
fn newer_items_resolve() {
    // Flat and per-module paths must resolve (a duplicate would make the glob ambiguous)
    // and continue the 6.1 enums.
    assert_eq!(linux_abi::IFLA_DEVLINK_PORT, linux_abi::IFLA_ALLMULTI + 1);
    assert_eq!(linux_abi::if_link::IFLA_DPLL_PIN, 65);
    assert_eq!(linux_abi::IFLA_GSO_IPV4_MAX_SIZE, 63);
    assert_eq!(linux_abi::IFLA_GRO_IPV4_MAX_SIZE, 64);
    assert_eq!(linux_abi::NHA_OP_FLAGS, linux_abi::NHA_RES_BUCKET + 1);
    assert_eq!(linux_abi::nexthop::NHA_HW_STATS_USED, 17);
}

#[test]
fn nlmsghdr_round_trips_native_endian() {
    let h = linux_abi::nlmsghdr {
        nlmsg_len: 20,
        nlmsg_type: linux_abi::RTM_GETLINK,
        nlmsg_flags: linux_abi::NLM_F_REQUEST | linux_abi::NLM_F_DUMP,
        nlmsg_seq: 7,
        nlmsg_pid: 0,
    };
    let bytes = h.as_bytes();
    assert_eq!(bytes.len(), 16);
    assert_eq!(bytes[..4], 20u32.to_ne_bytes());
    assert_eq!(bytes[4..6], 18u16.to_ne_bytes());
    assert_eq!(bytes[6..8], 0x301u16.to_ne_bytes());
    let back = linux_abi::nlmsghdr::read_from_bytes(bytes).unwrap();
    assert_eq!(back, h);
}

#[test]
fn rtvia_is_fixed_part_only() {
    assert_eq!(core::mem::size_of::<linux_abi::rtvia>(), 2);
    let (via, addr) = linux_abi::rtvia::read_from_prefix(&[10, 0, 192, 0, 2, 1][..]).unwrap();
    assert_eq!(via.rtvia_family, u16::from_ne_bytes([10, 0]));
    assert_eq!(addr, &[192, 0, 2, 1]);
}

#[test]
fn flag_masks_and_types() {
    assert_eq!(
        linux_abi::NLA_TYPE_MASK,
        !(linux_abi::NLA_F_NESTED | linux_abi::NLA_F_NET_BYTEORDER)
    );
    assert_eq!(linux_abi::RT_TABLE_MAX, u32::MAX);
    let _: u8 = linux_abi::RTN_UNICAST;
    let _: u16 = linux_abi::NUD_PERMANENT;
    let _: u32 = linux_abi::IFA_F_PERMANENT;
    let _: u8 = linux_abi::NTF_EXT_LEARNED;
    let _: u32 = linux_abi::NTF_EXT_MANAGED;
    let _: u32 = linux_abi::RTM_F_NOTIFY;
    let _: u8 = linux_abi::RTNH_F_ONLINK;
    let _: u8 = linux_abi::CTRL_CMD_GETFAMILY;
    let _: u16 = linux_abi::GENL_ID_CTRL;
    let _: usize = linux_abi::NLMSG_ALIGNTO;
}
