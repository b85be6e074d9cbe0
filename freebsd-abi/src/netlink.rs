// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netlink/netlink.h`: framing structs, message types and flags, protocol numbers and
//! socket options.
//!
//! Socket-API values (`SOL_NETLINK`, `NETLINK_*` options and protocols) are `i32` because
//! they travel as C `int` arguments of `socket(2)` / `setsockopt(2)`.

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// FreeBSD: sys/netlink/netlink.h `struct sockaddr_nl` (12 bytes). Unlike Linux, byte 0 is
/// the BSD `sa_len` and byte 1 the `sa_family_t` family.
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct sockaddr_nl {
    /// `sizeof(struct sockaddr_nl)` = 12; `nl_bind`/`nl_connect` reject anything else.
    pub nl_len: u8,
    /// `AF_NETLINK` (38).
    pub nl_family: u8,
    /// Reserved, 0.
    pub nl_pad: u16,
    /// Port id; 0 asks the kernel to pick one.
    pub nl_pid: u32,
    /// Bitmask of multicast groups 1..=32 (bit i = group i + 1).
    pub nl_groups: u32,
}
const _: () = assert!(core::mem::size_of::<sockaddr_nl>() == 12);

/// FreeBSD: sys/netlink/netlink.h `struct nlmsghdr` (16 bytes, host endian).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct nlmsghdr {
    /// Length of the message including this header.
    pub nlmsg_len: u32,
    /// Message type (`NLMSG_*` or a family's type).
    pub nlmsg_type: u16,
    /// `NLM_F_*` flags.
    pub nlmsg_flags: u16,
    /// Sequence number.
    pub nlmsg_seq: u32,
    /// Sender port id.
    pub nlmsg_pid: u32,
}
const _: () = assert!(core::mem::size_of::<nlmsghdr>() == 16);

/// FreeBSD: sys/netlink/netlink.h `struct nlmsgerr` (20 bytes). FreeBSD native sockets carry
/// a **positive** errno in `error`.
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct nlmsgerr {
    /// 0 for an ack, else a positive FreeBSD errno.
    pub error: i32,
    /// Header of the request being answered.
    pub msg: nlmsghdr,
}
const _: () = assert!(core::mem::size_of::<nlmsgerr>() == 20);

/// FreeBSD: sys/netlink/netlink.h `struct nlattr` (4 bytes).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct nlattr {
    /// Total attribute length including this header (unpadded).
    pub nla_len: u16,
    /// Attribute type, possibly with `NLA_F_NESTED` / `NLA_F_NET_BYTEORDER`.
    pub nla_type: u16,
}
const _: () = assert!(core::mem::size_of::<nlattr>() == 4);

/// FreeBSD: sys/netlink/netlink.h; socket option level for netlink sockets.
pub const SOL_NETLINK: i32 = 270;

/// FreeBSD: sys/netlink/netlink.h socket option; join a multicast group.
pub const NETLINK_ADD_MEMBERSHIP: i32 = 1;
/// FreeBSD: sys/netlink/netlink.h socket option; leave a multicast group.
pub const NETLINK_DROP_MEMBERSHIP: i32 = 2;
/// FreeBSD: sys/netlink/netlink.h socket option; "XXX: not supported" (ENOPROTOOPT).
pub const NETLINK_PKTINFO: i32 = 3;
/// FreeBSD: sys/netlink/netlink.h socket option; "XXX: not supported".
pub const NETLINK_BROADCAST_ERROR: i32 = 4;
/// FreeBSD: sys/netlink/netlink.h socket option; "XXX: not supported".
pub const NETLINK_NO_ENOBUFS: i32 = 5;
/// FreeBSD: sys/netlink/netlink.h socket option; "XXX: not supported".
pub const NETLINK_RX_RING: i32 = 6;
/// FreeBSD: sys/netlink/netlink.h socket option; "XXX: not supported".
pub const NETLINK_TX_RING: i32 = 7;
/// FreeBSD: sys/netlink/netlink.h socket option; "XXX: not supported".
pub const NETLINK_LISTEN_ALL_NSID: i32 = 8;
/// FreeBSD: sys/netlink/netlink.h socket option; get: first 32 groups as a u32 mask.
pub const NETLINK_LIST_MEMBERSHIPS: i32 = 9;
/// FreeBSD: sys/netlink/netlink.h socket option; echo only the request header in errors.
pub const NETLINK_CAP_ACK: i32 = 10;
/// FreeBSD: sys/netlink/netlink.h socket option; extended-ack TLVs in errors.
pub const NETLINK_EXT_ACK: i32 = 11;
/// FreeBSD: sys/netlink/netlink.h socket option; strict header checking.
pub const NETLINK_GET_STRICT_CHK: i32 = 12;
/// FreeBSD: sys/netlink/netlink.h socket option (FreeBSD-only); deliver a
/// `(SOL_NETLINK, NETLINK_MSG_INFO)` cmsg with `NLMSGINFO_ATTR_*` TLVs.
pub const NETLINK_MSG_INFO: i32 = 257;

/// FreeBSD: sys/netlink/netlink.h `nlmsg_flags`; u16, request message.
pub const NLM_F_REQUEST: u16 = 0x01;
/// FreeBSD: sys/netlink/netlink.h `nlmsg_flags`; u16, part of a multipart reply.
pub const NLM_F_MULTI: u16 = 0x02;
/// FreeBSD: sys/netlink/netlink.h `nlmsg_flags`; u16, ack requested.
pub const NLM_F_ACK: u16 = 0x04;
/// FreeBSD: sys/netlink/netlink.h `nlmsg_flags`; u16, echo request ("not supported").
pub const NLM_F_ECHO: u16 = 0x08;
/// FreeBSD: sys/netlink/netlink.h `nlmsg_flags`; u16, dump inconsistent.
pub const NLM_F_DUMP_INTR: u16 = 0x10;
/// FreeBSD: sys/netlink/netlink.h `nlmsg_flags`; u16, dump was filtered.
pub const NLM_F_DUMP_FILTERED: u16 = 0x20;
/// FreeBSD: sys/netlink/netlink.h GET modifier; u16, whole table.
pub const NLM_F_ROOT: u16 = 0x100;
/// FreeBSD: sys/netlink/netlink.h GET modifier; u16, all matching entries.
pub const NLM_F_MATCH: u16 = 0x200;
/// FreeBSD: sys/netlink/netlink.h GET modifier; u16, atomic snapshot (ignored).
pub const NLM_F_ATOMIC: u16 = 0x400;
/// FreeBSD: sys/netlink/netlink.h GET modifier; u16, `NLM_F_ROOT | NLM_F_MATCH`.
pub const NLM_F_DUMP: u16 = NLM_F_ROOT | NLM_F_MATCH;
/// FreeBSD: sys/netlink/netlink.h NEW modifier; u16, replace existing object.
pub const NLM_F_REPLACE: u16 = 0x100;
/// FreeBSD: sys/netlink/netlink.h NEW modifier; u16, fail if the object exists.
pub const NLM_F_EXCL: u16 = 0x200;
/// FreeBSD: sys/netlink/netlink.h NEW modifier; u16, create if missing.
pub const NLM_F_CREATE: u16 = 0x400;
/// FreeBSD: sys/netlink/netlink.h NEW modifier; u16, append to the list.
pub const NLM_F_APPEND: u16 = 0x800;
/// FreeBSD: sys/netlink/netlink.h DELETE modifier; u16, do not delete recursively.
pub const NLM_F_NONREC: u16 = 0x100;
/// FreeBSD: sys/netlink/netlink.h ACK flag; u16, echoed request was capped to its header.
pub const NLM_F_CAPPED: u16 = 0x100;
/// FreeBSD: sys/netlink/netlink.h ACK flag; u16, extended-ack TLVs follow.
pub const NLM_F_ACK_TLVS: u16 = 0x200;

/// FreeBSD: sys/netlink/netlink.h `nlmsg_type`; u16, no-op message.
pub const NLMSG_NOOP: u16 = 0x1;
/// FreeBSD: sys/netlink/netlink.h `nlmsg_type`; u16, error / ack (`struct nlmsgerr`).
pub const NLMSG_ERROR: u16 = 0x2;
/// FreeBSD: sys/netlink/netlink.h `nlmsg_type`; u16, end of a multipart dump.
pub const NLMSG_DONE: u16 = 0x3;
/// FreeBSD: sys/netlink/netlink.h `nlmsg_type`; u16, data lost.
pub const NLMSG_OVERRUN: u16 = 0x4;
/// FreeBSD: sys/netlink/netlink.h; u16, first non-control message type (16).
pub const NLMSG_MIN_TYPE: u16 = 0x10;

/// FreeBSD: sys/netlink/netlink.h `NLMSG_ALIGNTO` (= `NL_ITEM_ALIGN_SIZE`); message alignment.
pub const NLMSG_ALIGNTO: usize = 4;
/// FreeBSD: sys/netlink/netlink.h `NLMSG_HDRLEN`; `sizeof(struct nlmsghdr)`.
pub const NLMSG_HDRLEN: usize = core::mem::size_of::<nlmsghdr>();
/// FreeBSD: sys/netlink/netlink.h `NLA_ALIGNTO`; attribute alignment.
pub const NLA_ALIGNTO: usize = 4;
/// FreeBSD: sys/netlink/netlink.h `NLA_HDRLEN`; `sizeof(struct nlattr)`.
pub const NLA_HDRLEN: usize = core::mem::size_of::<nlattr>();

/// FreeBSD: sys/netlink/netlink.h `nla_type` bit; u16, payload is nested attributes.
pub const NLA_F_NESTED: u16 = 1 << 15;
/// FreeBSD: sys/netlink/netlink.h `nla_type` bit; u16, payload is network byte order.
pub const NLA_F_NET_BYTEORDER: u16 = 1 << 14;
/// FreeBSD: sys/netlink/netlink.h; u16, strips both flag bits from `nla_type`.
pub const NLA_TYPE_MASK: u16 = !(NLA_F_NESTED | NLA_F_NET_BYTEORDER);

/// FreeBSD: sys/netlink/netlink.h protocol; routing / device hook.
pub const NETLINK_ROUTE: i32 = 0;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_UNUSED: i32 = 1;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_USERSOCK: i32 = 2;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_FIREWALL: i32 = 3;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_SOCK_DIAG: i32 = 4;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_NFLOG: i32 = 5;
/// FreeBSD: sys/netlink/netlink.h protocol; "(not supported) PF_SETKEY".
pub const NETLINK_XFRM: i32 = 6;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_SELINUX: i32 = 7;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_ISCSI: i32 = 8;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_AUDIT: i32 = 9;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_FIB_LOOKUP: i32 = 10;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_CONNECTOR: i32 = 11;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_NETFILTER: i32 = 12;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_IP6_FW: i32 = 13;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_DNRTMSG: i32 = 14;
/// FreeBSD: sys/netlink/netlink.h protocol; "not supported".
pub const NETLINK_KOBJECT_UEVENT: i32 = 15;
/// FreeBSD: sys/netlink/netlink.h protocol; generic netlink (dynamic families).
pub const NETLINK_GENERIC: i32 = 16;

/// FreeBSD: sys/netlink/netlink.h enum nlmsgerr_attrs; u16, unused.
pub const NLMSGERR_ATTR_UNUSED: u16 = 0;
/// FreeBSD: sys/netlink/netlink.h enum nlmsgerr_attrs; u16, string error message.
pub const NLMSGERR_ATTR_MSG: u16 = 1;
/// FreeBSD: sys/netlink/netlink.h enum nlmsgerr_attrs; u16, u32 offset of the bad attribute
/// from the start of the echoed `nlmsghdr`.
pub const NLMSGERR_ATTR_OFFS: u16 = 2;
/// FreeBSD: sys/netlink/netlink.h enum nlmsgerr_attrs; u16, binary cookie.
pub const NLMSGERR_ATTR_COOKIE: u16 = 3;
/// FreeBSD: sys/netlink/netlink.h enum nlmsgerr_attrs; u16, "not supported".
pub const NLMSGERR_ATTR_POLICY: u16 = 4;
/// FreeBSD: sys/netlink/netlink.h enum nlmsgerr_attrs; u16, highest id.
pub const NLMSGERR_ATTR_MAX: u16 = 4;

/// FreeBSD: sys/netlink/netlink.h enum nlmsginfo_attrs; u16, unused.
pub const NLMSGINFO_ATTR_UNUSED: u16 = 0;
/// FreeBSD: sys/netlink/netlink.h enum nlmsginfo_attrs; u16, u32 source process PID.
pub const NLMSGINFO_ATTR_PROCESS_ID: u16 = 1;
/// FreeBSD: sys/netlink/netlink.h enum nlmsginfo_attrs; u16, u32 source socket `nl_pid`.
pub const NLMSGINFO_ATTR_PORT_ID: u16 = 2;
/// FreeBSD: sys/netlink/netlink.h enum nlmsginfo_attrs; u16, u32 source message seq.
pub const NLMSGINFO_ATTR_SEQ_ID: u16 = 3;
