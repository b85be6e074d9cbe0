// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netlink/netlink_generic.h`: generic netlink header and the nlctrl family.

use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout};

/// FreeBSD: sys/netlink/netlink_generic.h `struct genlmsghdr` (4 bytes).
#[repr(C)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, FromBytes, IntoBytes, Immutable, KnownLayout,
)]
pub struct genlmsghdr {
    /// Command (`CTRL_CMD_*` for nlctrl).
    pub cmd: u8,
    /// ABI version of the command.
    pub version: u8,
    /// Reserved, 0.
    pub reserved: u16,
}
const _: () = assert!(core::mem::size_of::<genlmsghdr>() == 4);

/// FreeBSD: sys/netlink/netlink_generic.h `GENL_HDRLEN`; aligned `sizeof(struct genlmsghdr)`.
pub const GENL_HDRLEN: usize = core::mem::size_of::<genlmsghdr>();
/// FreeBSD: sys/netlink/netlink_generic.h; u16 `nlmsg_type`, first dynamic family id
/// (= `NLMSG_MIN_TYPE`).
pub const GENL_MIN_ID: u16 = 16;
/// FreeBSD: sys/netlink/netlink_generic.h; u16 `nlmsg_type`, last dynamic family id.
pub const GENL_MAX_ID: u16 = 1023;
/// FreeBSD: sys/netlink/netlink_generic.h; u16 `nlmsg_type` of the nlctrl family.
pub const GENL_ID_CTRL: u16 = GENL_MIN_ID;
/// FreeBSD: sys/netlink/netlink_generic.h; family name size including the NUL.
pub const GENL_NAMSIZ: usize = 16;

/// FreeBSD: sys/netlink/netlink_generic.h commands enum; u8 `cmd`.
pub const CTRL_CMD_UNSPEC: u8 = 0;
/// FreeBSD: sys/netlink/netlink_generic.h commands enum; u8 `cmd`, family added.
pub const CTRL_CMD_NEWFAMILY: u8 = 1;
/// FreeBSD: sys/netlink/netlink_generic.h commands enum; u8 `cmd`, family removed.
pub const CTRL_CMD_DELFAMILY: u8 = 2;
/// FreeBSD: sys/netlink/netlink_generic.h commands enum; u8 `cmd`, list families (the only
/// one nlctrl implements).
pub const CTRL_CMD_GETFAMILY: u8 = 3;
/// FreeBSD: sys/netlink/netlink_generic.h commands enum; u8 `cmd`.
pub const CTRL_CMD_NEWOPS: u8 = 4;
/// FreeBSD: sys/netlink/netlink_generic.h commands enum; u8 `cmd`.
pub const CTRL_CMD_DELOPS: u8 = 5;
/// FreeBSD: sys/netlink/netlink_generic.h commands enum; u8 `cmd`.
pub const CTRL_CMD_GETOPS: u8 = 6;
/// FreeBSD: sys/netlink/netlink_generic.h commands enum; u8 `cmd`.
pub const CTRL_CMD_NEWMCAST_GRP: u8 = 7;
/// FreeBSD: sys/netlink/netlink_generic.h commands enum; u8 `cmd`.
pub const CTRL_CMD_DELMCAST_GRP: u8 = 8;
/// FreeBSD: sys/netlink/netlink_generic.h commands enum; u8 `cmd`.
pub const CTRL_CMD_GETMCAST_GRP: u8 = 9;
/// FreeBSD: sys/netlink/netlink_generic.h commands enum; u8 `cmd`.
pub const CTRL_CMD_GETPOLICY: u8 = 10;
/// FreeBSD: sys/netlink/netlink_generic.h; u8, highest command.
pub const CTRL_CMD_MAX: u8 = 10;

/// FreeBSD: sys/netlink/netlink_generic.h attributes enum; u16.
pub const CTRL_ATTR_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/netlink_generic.h attributes enum; u16, u16 family id.
pub const CTRL_ATTR_FAMILY_ID: u16 = 1;
/// FreeBSD: sys/netlink/netlink_generic.h attributes enum; u16, string family name.
pub const CTRL_ATTR_FAMILY_NAME: u16 = 2;
/// FreeBSD: sys/netlink/netlink_generic.h attributes enum; u16, u32 version.
pub const CTRL_ATTR_VERSION: u16 = 3;
/// FreeBSD: sys/netlink/netlink_generic.h attributes enum; u16, u32 family header size.
pub const CTRL_ATTR_HDRSIZE: u16 = 4;
/// FreeBSD: sys/netlink/netlink_generic.h attributes enum; u16, u32 highest attribute.
pub const CTRL_ATTR_MAXATTR: u16 = 5;
/// FreeBSD: sys/netlink/netlink_generic.h attributes enum; u16, nested operations.
pub const CTRL_ATTR_OPS: u16 = 6;
/// FreeBSD: sys/netlink/netlink_generic.h attributes enum; u16, nested multicast groups.
pub const CTRL_ATTR_MCAST_GROUPS: u16 = 7;
/// FreeBSD: sys/netlink/netlink_generic.h attributes enum; u16.
pub const CTRL_ATTR_POLICY: u16 = 8;
/// FreeBSD: sys/netlink/netlink_generic.h attributes enum; u16.
pub const CTRL_ATTR_OP_POLICY: u16 = 9;
/// FreeBSD: sys/netlink/netlink_generic.h attributes enum; u16.
pub const CTRL_ATTR_OP: u16 = 10;
/// FreeBSD: sys/netlink/netlink_generic.h; u16, highest `CTRL_ATTR_*`.
pub const CTRL_ATTR_MAX: u16 = 10;

/// FreeBSD: sys/netlink/netlink_generic.h `CTRL_ATTR_OPS` child enum; u16.
pub const CTRL_ATTR_OP_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/netlink_generic.h `CTRL_ATTR_OPS` child enum; u16, u32 op number.
pub const CTRL_ATTR_OP_ID: u16 = 1;
/// FreeBSD: sys/netlink/netlink_generic.h `CTRL_ATTR_OPS` child enum; u16, u32 `GENL_*` flags.
pub const CTRL_ATTR_OP_FLAGS: u16 = 2;
/// FreeBSD: sys/netlink/netlink_generic.h; u16, highest `CTRL_ATTR_OP_*`.
pub const CTRL_ATTR_OP_MAX: u16 = 2;

/// FreeBSD: sys/netlink/netlink_generic.h `CTRL_ATTR_OP_FLAGS`; u32, needs privilege.
pub const GENL_ADMIN_PERM: u32 = 0x0001;
/// FreeBSD: sys/netlink/netlink_generic.h `CTRL_ATTR_OP_FLAGS`; u32, do (modify) request.
pub const GENL_CMD_CAP_DO: u32 = 0x0002;
/// FreeBSD: sys/netlink/netlink_generic.h `CTRL_ATTR_OP_FLAGS`; u32, get/dump request.
pub const GENL_CMD_CAP_DUMP: u32 = 0x0004;
/// FreeBSD: sys/netlink/netlink_generic.h `CTRL_ATTR_OP_FLAGS`; u32, has a policy.
pub const GENL_CMD_CAP_HASPOL: u32 = 0x0008;
/// FreeBSD: sys/netlink/netlink_generic.h `CTRL_ATTR_OP_FLAGS`; u32.
pub const GENL_UNS_ADMIN_PERM: u32 = 0x0010;

/// FreeBSD: sys/netlink/netlink_generic.h `CTRL_ATTR_MCAST_GROUPS` child enum; u16.
pub const CTRL_ATTR_MCAST_GRP_UNSPEC: u16 = 0;
/// FreeBSD: sys/netlink/netlink_generic.h `CTRL_ATTR_MCAST_GROUPS` child enum; u16, string.
pub const CTRL_ATTR_MCAST_GRP_NAME: u16 = 1;
/// FreeBSD: sys/netlink/netlink_generic.h `CTRL_ATTR_MCAST_GROUPS` child enum; u16, u32 id.
pub const CTRL_ATTR_MCAST_GRP_ID: u16 = 2;
/// FreeBSD: sys/netlink/netlink_generic.h; u16, highest `CTRL_ATTR_MCAST_GRP_*` (the
/// header's own macro is self-referential; this is the evident intent).
pub const CTRL_ATTR_MCAST_GRP_MAX: u16 = 2;
