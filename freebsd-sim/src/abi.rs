// SPDX-License-Identifier: BSD-2-Clause
//! FreeBSD ABI values the model uses, under their C names.
//!
//! TODO(abi): move to freebsd-abi — every value here should come from the `freebsd_abi` crate
//! once it provides it; they are kept private and typed the way the model uses them
//! (message types and attribute ids `u16`, header bytes `u8`, errnos `i32`).
//! Sources: `sys/netlink/netlink.h`, `sys/netlink/route/{common,interface,ifaddrs,route,
//! neigh,nexthop}.h`, `sys/netlink/netlink_generic.h`, `sys/sys/errno.h`, `sys/sys/socket.h`,
//! `sys/net/if.h`, `sys/net/if_types.h`, `sys/net/route.h`, `sys/netinet6/in6_var.h`.
#![allow(dead_code)]

// errno (sys/sys/errno.h), positive as FreeBSD reports them.
pub(crate) const EPERM: i32 = 1;
pub(crate) const ENOENT: i32 = 2;
pub(crate) const ESRCH: i32 = 3;
pub(crate) const EINTR: i32 = 4;
pub(crate) const ENXIO: i32 = 6;
pub(crate) const ENOMEM: i32 = 12;
pub(crate) const EBUSY: i32 = 16;
pub(crate) const EEXIST: i32 = 17;
pub(crate) const ENODEV: i32 = 19;
pub(crate) const EINVAL: i32 = 22;
pub(crate) const ERANGE: i32 = 34;
pub(crate) const EAGAIN: i32 = 35;
pub(crate) const EWOULDBLOCK: i32 = EAGAIN;
pub(crate) const EMSGSIZE: i32 = 40;
pub(crate) const EPROTOTYPE: i32 = 41;
pub(crate) const ENOPROTOOPT: i32 = 42;
pub(crate) const EPROTONOSUPPORT: i32 = 43;
pub(crate) const ENOTSUP: i32 = 45;
pub(crate) const EOPNOTSUPP: i32 = 45;
pub(crate) const EAFNOSUPPORT: i32 = 47;
pub(crate) const EADDRINUSE: i32 = 48;
pub(crate) const EADDRNOTAVAIL: i32 = 49;
pub(crate) const ENETUNREACH: i32 = 51;
pub(crate) const ENOBUFS: i32 = 55;
pub(crate) const ENOTCONN: i32 = 57;
pub(crate) const EHOSTUNREACH: i32 = 65;

// Address families (sys/sys/socket.h).
pub(crate) const AF_UNSPEC: u8 = 0;
pub(crate) const AF_INET: u8 = 2;
pub(crate) const AF_LINK: u8 = 18;
pub(crate) const AF_INET6: u8 = 28;
pub(crate) const AF_NETLINK: u8 = 38;
pub(crate) const AF_MAX: u8 = 44;

// Socket types and message flags.
pub(crate) const SOCK_STREAM: i32 = 1;
pub(crate) const SOCK_DGRAM: i32 = 2;
pub(crate) const SOCK_RAW: i32 = 3;
pub(crate) const SOCK_RDM: i32 = 4;
pub(crate) const SOCK_SEQPACKET: i32 = 5;
pub(crate) const MSG_OOB: i32 = 0x1;
pub(crate) const MSG_PEEK: i32 = 0x2;
pub(crate) const MSG_TRUNC: i32 = 0x10;
pub(crate) const MSG_DONTWAIT: i32 = 0x80;
pub(crate) const MSG_NBIO: i32 = 0x4000;
pub(crate) const SOL_SOCKET: i32 = 0xffff;
pub(crate) const SO_SNDBUF: i32 = 0x1001;
pub(crate) const SO_RCVBUF: i32 = 0x1002;

// netlink.h
pub(crate) const NETLINK_ROUTE: u32 = 0;
pub(crate) const NETLINK_GENERIC: u32 = 16;
pub(crate) const NL_MAX_HANDLERS: u32 = 20;
pub(crate) const SOL_NETLINK: i32 = 270;
pub(crate) const NETLINK_ADD_MEMBERSHIP: i32 = 1;
pub(crate) const NETLINK_DROP_MEMBERSHIP: i32 = 2;
pub(crate) const NETLINK_LIST_MEMBERSHIPS: i32 = 9;
pub(crate) const NETLINK_CAP_ACK: i32 = 10;
pub(crate) const NETLINK_EXT_ACK: i32 = 11;
pub(crate) const NETLINK_GET_STRICT_CHK: i32 = 12;
pub(crate) const NETLINK_MSG_INFO: i32 = 257;
pub(crate) const NLMSGINFO_ATTR_PROCESS_ID: u16 = 1;
pub(crate) const NLMSGINFO_ATTR_PORT_ID: u16 = 2;

pub(crate) const NLM_F_REQUEST: u16 = 0x01;
pub(crate) const NLM_F_MULTI: u16 = 0x02;
pub(crate) const NLM_F_ACK: u16 = 0x04;
pub(crate) const NLM_F_ECHO: u16 = 0x08;
pub(crate) const NLM_F_ROOT: u16 = 0x100;
pub(crate) const NLM_F_MATCH: u16 = 0x200;
pub(crate) const NLM_F_DUMP: u16 = NLM_F_ROOT | NLM_F_MATCH;
pub(crate) const NLM_F_REPLACE: u16 = 0x100;
pub(crate) const NLM_F_EXCL: u16 = 0x200;
pub(crate) const NLM_F_CREATE: u16 = 0x400;
pub(crate) const NLM_F_APPEND: u16 = 0x800;
pub(crate) const NLM_F_CAPPED: u16 = 0x100;
pub(crate) const NLM_F_ACK_TLVS: u16 = 0x200;

pub(crate) const NLMSG_NOOP: u16 = 1;
pub(crate) const NLMSG_ERROR: u16 = 2;
pub(crate) const NLMSG_DONE: u16 = 3;
pub(crate) const NLMSG_OVERRUN: u16 = 4;
pub(crate) const NLMSG_MIN_TYPE: u16 = 16;

pub(crate) const NLMSGERR_ATTR_MSG: u16 = 1;
pub(crate) const NLMSGERR_ATTR_OFFS: u16 = 2;
pub(crate) const NLMSGERR_ATTR_COOKIE: u16 = 3;

pub(crate) const NLA_F_NESTED: u16 = 1 << 15;
pub(crate) const NLA_F_NET_BYTEORDER: u16 = 1 << 14;
pub(crate) const NLA_TYPE_MASK: u16 = !(NLA_F_NESTED | NLA_F_NET_BYTEORDER);

/// `NLP_MAX_GROUPS` (`netlink_var.h`).
pub(crate) const NLP_MAX_GROUPS: u32 = 128;
/// `NLSNDQ` (`netlink_var.h`): default send and receive space.
pub(crate) const NLSNDQ: usize = 65536;
/// `NL_MAX_ERROR_BUF` (`netlink_var.h`).
pub(crate) const NL_MAX_ERROR_BUF: usize = 128;
/// `SCRATCH_BUFFER_SIZE` (`netlink_var.h`).
pub(crate) const SCRATCH_BUFFER_SIZE: usize = 1024 + NL_MAX_ERROR_BUF;
/// `NLMSG_SMALL` / `NLMSG_LARGE` (`netlink_message_writer.h`), `NLMBUFSIZE` (`netlink_var.h`).
pub(crate) const NLMSG_SMALL: usize = 128;
pub(crate) const NLMSG_LARGE: usize = 2048;
pub(crate) const NLMBUFSIZE: usize = 2048;

// Routing message types (route/common.h).
pub(crate) const NL_RTM_NEWLINK: u16 = 16;
pub(crate) const NL_RTM_DELLINK: u16 = 17;
pub(crate) const NL_RTM_GETLINK: u16 = 18;
pub(crate) const NL_RTM_SETLINK: u16 = 19;
pub(crate) const NL_RTM_NEWADDR: u16 = 20;
pub(crate) const NL_RTM_DELADDR: u16 = 21;
pub(crate) const NL_RTM_GETADDR: u16 = 22;
pub(crate) const NL_RTM_NEWROUTE: u16 = 24;
pub(crate) const NL_RTM_DELROUTE: u16 = 25;
pub(crate) const NL_RTM_GETROUTE: u16 = 26;
pub(crate) const NL_RTM_NEWNEIGH: u16 = 28;
pub(crate) const NL_RTM_DELNEIGH: u16 = 29;
pub(crate) const NL_RTM_GETNEIGH: u16 = 30;
pub(crate) const NL_RTM_GETRULE: u16 = 34;
pub(crate) const NL_RTM_NEWNEXTHOP: u16 = 104;
pub(crate) const NL_RTM_DELNEXTHOP: u16 = 105;
pub(crate) const NL_RTM_GETNEXTHOP: u16 = 106;

// Multicast groups (route/common.h).
pub(crate) const RTNLGRP_LINK: u32 = 1;
pub(crate) const RTNLGRP_NEIGH: u32 = 3;
pub(crate) const RTNLGRP_IPV4_IFADDR: u32 = 5;
pub(crate) const RTNLGRP_IPV4_ROUTE: u32 = 7;
pub(crate) const RTNLGRP_IPV6_IFADDR: u32 = 9;
pub(crate) const RTNLGRP_IPV6_ROUTE: u32 = 11;
pub(crate) const RTNLGRP_NEXTHOP: u32 = 32;

// route/interface.h
pub(crate) const IFLA_ADDRESS: u16 = 1;
pub(crate) const IFLA_BROADCAST: u16 = 2;
pub(crate) const IFLA_IFNAME: u16 = 3;
pub(crate) const IFLA_MTU: u16 = 4;
pub(crate) const IFLA_LINK: u16 = 5;
pub(crate) const IFLA_OPERSTATE: u16 = 16;
pub(crate) const IFLA_LINKINFO: u16 = 18;
pub(crate) const IFLA_IFALIAS: u16 = 20;
pub(crate) const IFLA_STATS64: u16 = 23;
pub(crate) const IFLA_GROUP: u16 = 27;
pub(crate) const IFLA_PROMISCUITY: u16 = 30;
pub(crate) const IFLA_CARRIER: u16 = 33;
pub(crate) const IFLA_ALT_IFNAME: u16 = 53;
pub(crate) const IFLA_FREEBSD: u16 = 64;
pub(crate) const IFLAF_ORIG_IFNAME: u16 = 1;
pub(crate) const IFLAF_ORIG_HWADDR: u16 = 2;
pub(crate) const IFLA_INFO_KIND: u16 = 1;
pub(crate) const IFLA_INFO_DATA: u16 = 2;
pub(crate) const IF_OPER_UNKNOWN: u8 = 0;
pub(crate) const IF_OPER_DOWN: u8 = 2;
pub(crate) const IF_OPER_DORMANT: u8 = 5;
pub(crate) const IF_OPER_UP: u8 = 6;
/// `IFF_NETLINK_1` alias `IFF_LOWER_UP` (`route/interface.h`).
pub(crate) const IFF_LOWER_UP: u32 = 0x0100_0000;

// sys/net/if.h
pub(crate) const IFF_UP: u32 = 0x1;
pub(crate) const IFF_BROADCAST: u32 = 0x2;
pub(crate) const IFF_LOOPBACK: u32 = 0x8;
pub(crate) const IFF_POINTOPOINT: u32 = 0x10;
pub(crate) const IFF_DRV_RUNNING: u32 = 0x40;
pub(crate) const IFF_NOARP: u32 = 0x80;
pub(crate) const IFF_PROMISC: u32 = 0x100;
pub(crate) const IFF_SIMPLEX: u32 = 0x800;
pub(crate) const IFF_MONITOR: u32 = 0x40000;
pub(crate) const IFF_MULTICAST: u32 = 0x8000;

// sys/net/if_types.h
pub(crate) const IFT_OTHER: u8 = 0x1;
pub(crate) const IFT_ETHER: u8 = 0x6;
pub(crate) const IFT_PPP: u8 = 0x17;
pub(crate) const IFT_LOOP: u8 = 0x18;
pub(crate) const IFT_PROPVIRTUAL: u8 = 0x35;
pub(crate) const IFT_TUNNEL: u8 = 0x83;
pub(crate) const IFT_L2VLAN: u8 = 0x87;
pub(crate) const IFT_BRIDGE: u8 = 0xd1;
pub(crate) const IFT_GIF: u8 = 0xf0;

// route/ifaddrs.h
pub(crate) const IFA_ADDRESS: u16 = 1;
pub(crate) const IFA_LOCAL: u16 = 2;
pub(crate) const IFA_LABEL: u16 = 3;
pub(crate) const IFA_BROADCAST: u16 = 4;
pub(crate) const IFA_CACHEINFO: u16 = 6;
pub(crate) const IFA_FLAGS: u16 = 8;
pub(crate) const IFA_FREEBSD: u16 = 11;
pub(crate) const IFAF_VHID: u16 = 1;
pub(crate) const IFAF_FLAGS: u16 = 2;
pub(crate) const IFA_F_TEMPORARY: u32 = 0x01;
pub(crate) const IFA_F_NODAD: u32 = 0x02;
pub(crate) const IFA_F_DADFAILED: u32 = 0x08;
pub(crate) const IFA_F_DEPRECATED: u32 = 0x20;
pub(crate) const IFA_F_TENTATIVE: u32 = 0x40;
pub(crate) const IFA_F_PERMANENT: u32 = 0x80;

// netinet6/in6_var.h
pub(crate) const IN6_IFF_TENTATIVE: u32 = 0x02;
pub(crate) const IN6_IFF_DUPLICATED: u32 = 0x04;
pub(crate) const IN6_IFF_DEPRECATED: u32 = 0x10;
pub(crate) const IN6_IFF_NODAD: u32 = 0x20;
pub(crate) const IN6_IFF_AUTOCONF: u32 = 0x40;
pub(crate) const IN6_IFF_TEMPORARY: u32 = 0x80;

// route/route.h
pub(crate) const RT_SCOPE_UNIVERSE: u8 = 0;
pub(crate) const RT_SCOPE_LINK: u8 = 253;
pub(crate) const RT_SCOPE_HOST: u8 = 254;
pub(crate) const RT_TABLE_UNSPEC: u32 = 0xFFFF_FFFF;
pub(crate) const RTN_UNICAST: u8 = 1;
pub(crate) const RTN_BLACKHOLE: u8 = 6;
pub(crate) const RTN_UNREACHABLE: u8 = 7;
pub(crate) const RTN_PROHIBIT: u8 = 8;
pub(crate) const RTPROT_UNSPEC: u8 = 0;
pub(crate) const RTPROT_KERNEL: u8 = 2;
pub(crate) const RTPROT_STATIC: u8 = 4;
pub(crate) const RTPROT_ZEBRA: u8 = 11;
pub(crate) const RTM_F_PREFIX: u32 = 0x800;
pub(crate) const NL_RTA_DST: u16 = 1;
pub(crate) const NL_RTA_OIF: u16 = 4;
pub(crate) const NL_RTA_GATEWAY: u16 = 5;
pub(crate) const NL_RTA_METRICS: u16 = 8;
pub(crate) const NL_RTA_MULTIPATH: u16 = 9;
pub(crate) const NL_RTA_KNH_ID: u16 = 10;
pub(crate) const NL_RTA_WEIGHT: u16 = 13;
pub(crate) const NL_RTA_RTFLAGS: u16 = 14;
pub(crate) const NL_RTA_TABLE: u16 = 15;
pub(crate) const NL_RTA_VIA: u16 = 18;
pub(crate) const NL_RTA_EXPIRES: u16 = 23;
pub(crate) const NL_RTA_NH_ID: u16 = 30;
pub(crate) const NL_RTAX_MTU: u16 = 2;

// sys/net/route.h
pub(crate) const RTF_UP: u32 = 0x1;
pub(crate) const RTF_GATEWAY: u32 = 0x2;
pub(crate) const RTF_HOST: u32 = 0x4;
pub(crate) const RTF_REJECT: u32 = 0x8;
pub(crate) const RTF_DYNAMIC: u32 = 0x10;
pub(crate) const RTF_STATIC: u32 = 0x800;
pub(crate) const RTF_BLACKHOLE: u32 = 0x1000;
pub(crate) const RTF_PROTO1: u32 = 0x8000;
pub(crate) const RTF_FIXEDMTU: u32 = 0x80000;
pub(crate) const RTF_PINNED: u32 = 0x10_0000;
pub(crate) const RTF_BROADCAST: u32 = 0x40_0000;
/// `RT_DEFAULT_WEIGHT` (`net/route.h`).
pub(crate) const RT_DEFAULT_WEIGHT: u32 = 1;

// route/neigh.h
pub(crate) const NDA_DST: u16 = 1;
pub(crate) const NDA_LLADDR: u16 = 2;
pub(crate) const NDA_CACHEINFO: u16 = 3;
pub(crate) const NDA_PROBES: u16 = 4;
pub(crate) const NDA_IFINDEX: u16 = 8;
pub(crate) const NDA_FLAGS_EXT: u16 = 15;
pub(crate) const NDA_FREEBSD: u16 = 18;
pub(crate) const NDAF_NEXT_STATE_TS: u16 = 1;
pub(crate) const NUD_INCOMPLETE: u16 = 0x01;
pub(crate) const NUD_REACHABLE: u16 = 0x02;
pub(crate) const NUD_STALE: u16 = 0x04;
pub(crate) const NUD_DELAY: u16 = 0x08;
pub(crate) const NUD_PROBE: u16 = 0x10;
pub(crate) const NUD_FAILED: u16 = 0x20;
pub(crate) const NUD_NOARP: u16 = 0x40;
pub(crate) const NUD_PERMANENT: u16 = 0x80;
pub(crate) const NTF_SELF: u8 = 0x02;
pub(crate) const NTF_PROXY: u8 = 0x08;
pub(crate) const NTF_STICKY: u8 = 0x40;
pub(crate) const NTF_ROUTER: u8 = 0x80;

// route/nexthop.h
pub(crate) const NHA_ID: u16 = 1;
pub(crate) const NHA_GROUP: u16 = 2;
pub(crate) const NHA_GROUP_TYPE: u16 = 3;
pub(crate) const NHA_BLACKHOLE: u16 = 4;
pub(crate) const NHA_OIF: u16 = 5;
pub(crate) const NHA_GATEWAY: u16 = 6;
pub(crate) const NHA_GROUPS: u16 = 9;
pub(crate) const NHA_FREEBSD: u16 = 14;
pub(crate) const NHAF_KNHOPS: u16 = 1;
pub(crate) const NHAF_KGOUPS: u16 = 2;
pub(crate) const NHAF_TABLE: u16 = 3;
pub(crate) const NHAF_FAMILY: u16 = 4;
pub(crate) const NHAF_KID: u16 = 5;
pub(crate) const NHAF_AIF: u16 = 6;

// netlink_generic.h
pub(crate) const GENL_ID_CTRL: u16 = 16;
pub(crate) const GENL_MIN_ID: u16 = 16;
pub(crate) const CTRL_CMD_NEWFAMILY: u8 = 1;
pub(crate) const CTRL_CMD_DELFAMILY: u8 = 2;
pub(crate) const CTRL_CMD_GETFAMILY: u8 = 3;
pub(crate) const CTRL_ATTR_FAMILY_ID: u16 = 1;
pub(crate) const CTRL_ATTR_FAMILY_NAME: u16 = 2;
pub(crate) const CTRL_ATTR_VERSION: u16 = 3;
pub(crate) const CTRL_ATTR_HDRSIZE: u16 = 4;
pub(crate) const CTRL_ATTR_MAXATTR: u16 = 5;
pub(crate) const CTRL_ATTR_OPS: u16 = 6;
pub(crate) const CTRL_ATTR_MCAST_GROUPS: u16 = 7;
pub(crate) const CTRL_ATTR_OP_ID: u16 = 1;
pub(crate) const CTRL_ATTR_OP_FLAGS: u16 = 2;
pub(crate) const CTRL_ATTR_MCAST_GRP_NAME: u16 = 1;
pub(crate) const CTRL_ATTR_MCAST_GRP_ID: u16 = 2;
pub(crate) const GENL_ADMIN_PERM: u32 = 0x01;
pub(crate) const GENL_CMD_CAP_DO: u32 = 0x02;
pub(crate) const GENL_CMD_CAP_DUMP: u32 = 0x04;
pub(crate) const GENL_CMD_CAP_HASPOL: u32 = 0x08;
