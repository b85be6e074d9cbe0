// SPDX-License-Identifier: BSD-2-Clause
//! FreeBSD ABI values the model uses, under their C names.
//!
//! Almost every value is re-bound from the `freebsd_abi` crate under the same name. The few
//! literals left are kernel-internal sizes and limits that are not part of the ABI
//! (`netlink_var.h`, `netlink_message_writer.h`), except the two marked `TODO(abi)`.
//! Sources: `sys/netlink/netlink.h`, `sys/netlink/route/{common,interface,ifaddrs,route,
//! neigh,nexthop}.h`, `sys/netlink/netlink_generic.h`, `sys/sys/errno.h`, `sys/sys/socket.h`,
//! `sys/net/if.h`, `sys/net/if_types.h`, `sys/net/route.h`, `sys/netinet6/in6_var.h`.
#![expect(
    dead_code,
    reason = "the full table is kept even where no handler uses a value yet"
)]
#![expect(
    clippy::as_conversions,
    reason = "const re-typing of freebsd-abi values whose wire type differs from the model's"
)]

// errno (sys/sys/errno.h), positive as FreeBSD reports them.
pub(crate) const EPERM: i32 = freebsd_abi::EPERM;
pub(crate) const ENOENT: i32 = freebsd_abi::ENOENT;
pub(crate) const ESRCH: i32 = freebsd_abi::ESRCH;
pub(crate) const EINTR: i32 = freebsd_abi::EINTR;
pub(crate) const ENXIO: i32 = freebsd_abi::ENXIO;
pub(crate) const ENOMEM: i32 = freebsd_abi::ENOMEM;
pub(crate) const EBUSY: i32 = freebsd_abi::EBUSY;
pub(crate) const EEXIST: i32 = freebsd_abi::EEXIST;
pub(crate) const ENODEV: i32 = freebsd_abi::ENODEV;
pub(crate) const EINVAL: i32 = freebsd_abi::EINVAL;
pub(crate) const ERANGE: i32 = freebsd_abi::ERANGE;
pub(crate) const EAGAIN: i32 = freebsd_abi::EAGAIN;
pub(crate) const EWOULDBLOCK: i32 = freebsd_abi::EWOULDBLOCK;
pub(crate) const EMSGSIZE: i32 = freebsd_abi::EMSGSIZE;
pub(crate) const EPROTOTYPE: i32 = freebsd_abi::EPROTOTYPE;
pub(crate) const ENOPROTOOPT: i32 = freebsd_abi::ENOPROTOOPT;
pub(crate) const EPROTONOSUPPORT: i32 = freebsd_abi::EPROTONOSUPPORT;
pub(crate) const ENOTSUP: i32 = freebsd_abi::ENOTSUP;
pub(crate) const EOPNOTSUPP: i32 = freebsd_abi::EOPNOTSUPP;
pub(crate) const EAFNOSUPPORT: i32 = freebsd_abi::EAFNOSUPPORT;
pub(crate) const EADDRINUSE: i32 = freebsd_abi::EADDRINUSE;
pub(crate) const EADDRNOTAVAIL: i32 = freebsd_abi::EADDRNOTAVAIL;
pub(crate) const ENETUNREACH: i32 = freebsd_abi::ENETUNREACH;
pub(crate) const ENOBUFS: i32 = freebsd_abi::ENOBUFS;
pub(crate) const ENOTCONN: i32 = freebsd_abi::ENOTCONN;
pub(crate) const EHOSTUNREACH: i32 = freebsd_abi::EHOSTUNREACH;

// Address families (sys/sys/socket.h).
pub(crate) const AF_UNSPEC: u8 = freebsd_abi::AF_UNSPEC;
pub(crate) const AF_INET: u8 = freebsd_abi::AF_INET;
pub(crate) const AF_LINK: u8 = freebsd_abi::AF_LINK;
pub(crate) const AF_INET6: u8 = freebsd_abi::AF_INET6;
pub(crate) const AF_NETLINK: u8 = freebsd_abi::AF_NETLINK;
/// TODO(abi): move to freebsd-abi (`AF_MAX`, `sys/sys/socket.h`).
pub(crate) const AF_MAX: u8 = 44;

// Socket types and message flags.
pub(crate) const SOCK_STREAM: i32 = freebsd_abi::SOCK_STREAM;
pub(crate) const SOCK_DGRAM: i32 = freebsd_abi::SOCK_DGRAM;
pub(crate) const SOCK_RAW: i32 = freebsd_abi::SOCK_RAW;
pub(crate) const SOCK_RDM: i32 = freebsd_abi::SOCK_RDM;
pub(crate) const SOCK_SEQPACKET: i32 = freebsd_abi::SOCK_SEQPACKET;
pub(crate) const MSG_OOB: i32 = freebsd_abi::MSG_OOB;
pub(crate) const MSG_PEEK: i32 = freebsd_abi::MSG_PEEK;
pub(crate) const MSG_TRUNC: i32 = freebsd_abi::MSG_TRUNC;
pub(crate) const MSG_DONTWAIT: i32 = freebsd_abi::MSG_DONTWAIT;
pub(crate) const MSG_NBIO: i32 = freebsd_abi::MSG_NBIO;
pub(crate) const SOL_SOCKET: i32 = freebsd_abi::SOL_SOCKET;
pub(crate) const SO_SNDBUF: i32 = freebsd_abi::SO_SNDBUF;
pub(crate) const SO_RCVBUF: i32 = freebsd_abi::SO_RCVBUF;

// netlink.h
pub(crate) const NETLINK_ROUTE: u32 = freebsd_abi::NETLINK_ROUTE as u32;
pub(crate) const NETLINK_GENERIC: u32 = freebsd_abi::NETLINK_GENERIC as u32;
pub(crate) const NL_MAX_HANDLERS: u32 = 20;
pub(crate) const SOL_NETLINK: i32 = freebsd_abi::SOL_NETLINK;
pub(crate) const NETLINK_ADD_MEMBERSHIP: i32 = freebsd_abi::NETLINK_ADD_MEMBERSHIP;
pub(crate) const NETLINK_DROP_MEMBERSHIP: i32 = freebsd_abi::NETLINK_DROP_MEMBERSHIP;
pub(crate) const NETLINK_LIST_MEMBERSHIPS: i32 = freebsd_abi::NETLINK_LIST_MEMBERSHIPS;
pub(crate) const NETLINK_CAP_ACK: i32 = freebsd_abi::NETLINK_CAP_ACK;
pub(crate) const NETLINK_EXT_ACK: i32 = freebsd_abi::NETLINK_EXT_ACK;
pub(crate) const NETLINK_GET_STRICT_CHK: i32 = freebsd_abi::NETLINK_GET_STRICT_CHK;
pub(crate) const NETLINK_MSG_INFO: i32 = freebsd_abi::NETLINK_MSG_INFO;
pub(crate) const NLMSGINFO_ATTR_PROCESS_ID: u16 = freebsd_abi::NLMSGINFO_ATTR_PROCESS_ID;
pub(crate) const NLMSGINFO_ATTR_PORT_ID: u16 = freebsd_abi::NLMSGINFO_ATTR_PORT_ID;

pub(crate) const NLM_F_REQUEST: u16 = freebsd_abi::NLM_F_REQUEST;
pub(crate) const NLM_F_MULTI: u16 = freebsd_abi::NLM_F_MULTI;
pub(crate) const NLM_F_ACK: u16 = freebsd_abi::NLM_F_ACK;
pub(crate) const NLM_F_ECHO: u16 = freebsd_abi::NLM_F_ECHO;
pub(crate) const NLM_F_ROOT: u16 = freebsd_abi::NLM_F_ROOT;
pub(crate) const NLM_F_MATCH: u16 = freebsd_abi::NLM_F_MATCH;
pub(crate) const NLM_F_DUMP: u16 = freebsd_abi::NLM_F_DUMP;
pub(crate) const NLM_F_REPLACE: u16 = freebsd_abi::NLM_F_REPLACE;
pub(crate) const NLM_F_EXCL: u16 = freebsd_abi::NLM_F_EXCL;
pub(crate) const NLM_F_CREATE: u16 = freebsd_abi::NLM_F_CREATE;
pub(crate) const NLM_F_APPEND: u16 = freebsd_abi::NLM_F_APPEND;
pub(crate) const NLM_F_CAPPED: u16 = freebsd_abi::NLM_F_CAPPED;
pub(crate) const NLM_F_ACK_TLVS: u16 = freebsd_abi::NLM_F_ACK_TLVS;

pub(crate) const NLMSG_NOOP: u16 = freebsd_abi::NLMSG_NOOP;
pub(crate) const NLMSG_ERROR: u16 = freebsd_abi::NLMSG_ERROR;
pub(crate) const NLMSG_DONE: u16 = freebsd_abi::NLMSG_DONE;
pub(crate) const NLMSG_OVERRUN: u16 = freebsd_abi::NLMSG_OVERRUN;
pub(crate) const NLMSG_MIN_TYPE: u16 = freebsd_abi::NLMSG_MIN_TYPE;

pub(crate) const NLMSGERR_ATTR_MSG: u16 = freebsd_abi::NLMSGERR_ATTR_MSG;
pub(crate) const NLMSGERR_ATTR_OFFS: u16 = freebsd_abi::NLMSGERR_ATTR_OFFS;
pub(crate) const NLMSGERR_ATTR_COOKIE: u16 = freebsd_abi::NLMSGERR_ATTR_COOKIE;

pub(crate) const NLA_F_NESTED: u16 = freebsd_abi::NLA_F_NESTED;
pub(crate) const NLA_F_NET_BYTEORDER: u16 = freebsd_abi::NLA_F_NET_BYTEORDER;
pub(crate) const NLA_TYPE_MASK: u16 = freebsd_abi::NLA_TYPE_MASK;

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
pub(crate) const NL_RTM_NEWLINK: u16 = freebsd_abi::NL_RTM_NEWLINK;
pub(crate) const NL_RTM_DELLINK: u16 = freebsd_abi::NL_RTM_DELLINK;
pub(crate) const NL_RTM_GETLINK: u16 = freebsd_abi::NL_RTM_GETLINK;
pub(crate) const NL_RTM_SETLINK: u16 = freebsd_abi::NL_RTM_SETLINK;
pub(crate) const NL_RTM_NEWADDR: u16 = freebsd_abi::NL_RTM_NEWADDR;
pub(crate) const NL_RTM_DELADDR: u16 = freebsd_abi::NL_RTM_DELADDR;
pub(crate) const NL_RTM_GETADDR: u16 = freebsd_abi::NL_RTM_GETADDR;
pub(crate) const NL_RTM_NEWROUTE: u16 = freebsd_abi::NL_RTM_NEWROUTE;
pub(crate) const NL_RTM_DELROUTE: u16 = freebsd_abi::NL_RTM_DELROUTE;
pub(crate) const NL_RTM_GETROUTE: u16 = freebsd_abi::NL_RTM_GETROUTE;
pub(crate) const NL_RTM_NEWNEIGH: u16 = freebsd_abi::NL_RTM_NEWNEIGH;
pub(crate) const NL_RTM_DELNEIGH: u16 = freebsd_abi::NL_RTM_DELNEIGH;
pub(crate) const NL_RTM_GETNEIGH: u16 = freebsd_abi::NL_RTM_GETNEIGH;
pub(crate) const NL_RTM_GETRULE: u16 = freebsd_abi::NL_RTM_GETRULE;
pub(crate) const NL_RTM_NEWNEXTHOP: u16 = freebsd_abi::NL_RTM_NEWNEXTHOP;
pub(crate) const NL_RTM_DELNEXTHOP: u16 = freebsd_abi::NL_RTM_DELNEXTHOP;
pub(crate) const NL_RTM_GETNEXTHOP: u16 = freebsd_abi::NL_RTM_GETNEXTHOP;

// Multicast groups (route/common.h).
pub(crate) const RTNLGRP_LINK: u32 = freebsd_abi::RTNLGRP_LINK;
pub(crate) const RTNLGRP_NEIGH: u32 = freebsd_abi::RTNLGRP_NEIGH;
pub(crate) const RTNLGRP_IPV4_IFADDR: u32 = freebsd_abi::RTNLGRP_IPV4_IFADDR;
pub(crate) const RTNLGRP_IPV4_ROUTE: u32 = freebsd_abi::RTNLGRP_IPV4_ROUTE;
pub(crate) const RTNLGRP_IPV6_IFADDR: u32 = freebsd_abi::RTNLGRP_IPV6_IFADDR;
pub(crate) const RTNLGRP_IPV6_ROUTE: u32 = freebsd_abi::RTNLGRP_IPV6_ROUTE;
pub(crate) const RTNLGRP_NEXTHOP: u32 = freebsd_abi::RTNLGRP_NEXTHOP;

// route/interface.h
pub(crate) const IFLA_ADDRESS: u16 = freebsd_abi::IFLA_ADDRESS;
pub(crate) const IFLA_BROADCAST: u16 = freebsd_abi::IFLA_BROADCAST;
pub(crate) const IFLA_IFNAME: u16 = freebsd_abi::IFLA_IFNAME;
pub(crate) const IFLA_MTU: u16 = freebsd_abi::IFLA_MTU;
pub(crate) const IFLA_LINK: u16 = freebsd_abi::IFLA_LINK;
pub(crate) const IFLA_OPERSTATE: u16 = freebsd_abi::IFLA_OPERSTATE;
pub(crate) const IFLA_LINKINFO: u16 = freebsd_abi::IFLA_LINKINFO;
pub(crate) const IFLA_IFALIAS: u16 = freebsd_abi::IFLA_IFALIAS;
pub(crate) const IFLA_STATS64: u16 = freebsd_abi::IFLA_STATS64;
pub(crate) const IFLA_GROUP: u16 = freebsd_abi::IFLA_GROUP;
pub(crate) const IFLA_PROMISCUITY: u16 = freebsd_abi::IFLA_PROMISCUITY;
pub(crate) const IFLA_CARRIER: u16 = freebsd_abi::IFLA_CARRIER;
pub(crate) const IFLA_ALT_IFNAME: u16 = freebsd_abi::IFLA_ALT_IFNAME;
pub(crate) const IFLA_FREEBSD: u16 = freebsd_abi::IFLA_FREEBSD;
pub(crate) const IFLAF_ORIG_IFNAME: u16 = freebsd_abi::IFLAF_ORIG_IFNAME;
pub(crate) const IFLAF_ORIG_HWADDR: u16 = freebsd_abi::IFLAF_ORIG_HWADDR;
pub(crate) const IFLA_INFO_KIND: u16 = freebsd_abi::IFLA_INFO_KIND;
pub(crate) const IFLA_INFO_DATA: u16 = freebsd_abi::IFLA_INFO_DATA;
pub(crate) const IF_OPER_UNKNOWN: u8 = freebsd_abi::IF_OPER_UNKNOWN;
pub(crate) const IF_OPER_DOWN: u8 = freebsd_abi::IF_OPER_DOWN;
pub(crate) const IF_OPER_DORMANT: u8 = freebsd_abi::IF_OPER_DORMANT;
pub(crate) const IF_OPER_UP: u8 = freebsd_abi::IF_OPER_UP;
/// `IFF_NETLINK_1` alias `IFF_LOWER_UP` (`route/interface.h`).
pub(crate) const IFF_LOWER_UP: u32 = freebsd_abi::IFF_LOWER_UP;

// sys/net/if.h
pub(crate) const IFF_UP: u32 = freebsd_abi::IFF_UP;
pub(crate) const IFF_BROADCAST: u32 = freebsd_abi::IFF_BROADCAST;
pub(crate) const IFF_LOOPBACK: u32 = freebsd_abi::IFF_LOOPBACK;
pub(crate) const IFF_POINTOPOINT: u32 = freebsd_abi::IFF_POINTOPOINT;
pub(crate) const IFF_DRV_RUNNING: u32 = freebsd_abi::IFF_DRV_RUNNING;
pub(crate) const IFF_NOARP: u32 = freebsd_abi::IFF_NOARP;
pub(crate) const IFF_PROMISC: u32 = freebsd_abi::IFF_PROMISC;
pub(crate) const IFF_SIMPLEX: u32 = freebsd_abi::IFF_SIMPLEX;
pub(crate) const IFF_MONITOR: u32 = freebsd_abi::IFF_MONITOR;
pub(crate) const IFF_MULTICAST: u32 = freebsd_abi::IFF_MULTICAST;

// sys/net/if_types.h
pub(crate) const IFT_OTHER: u16 = freebsd_abi::IFT_OTHER;
pub(crate) const IFT_ETHER: u16 = freebsd_abi::IFT_ETHER;
pub(crate) const IFT_PPP: u16 = freebsd_abi::IFT_PPP;
pub(crate) const IFT_LOOP: u16 = freebsd_abi::IFT_LOOP;
pub(crate) const IFT_PROPVIRTUAL: u16 = freebsd_abi::IFT_PROPVIRTUAL;
pub(crate) const IFT_TUNNEL: u16 = freebsd_abi::IFT_TUNNEL;
pub(crate) const IFT_L2VLAN: u16 = freebsd_abi::IFT_L2VLAN;
pub(crate) const IFT_BRIDGE: u16 = freebsd_abi::IFT_BRIDGE;
pub(crate) const IFT_GIF: u16 = freebsd_abi::IFT_GIF;

// route/ifaddrs.h
pub(crate) const IFA_ADDRESS: u16 = freebsd_abi::IFA_ADDRESS;
pub(crate) const IFA_LOCAL: u16 = freebsd_abi::IFA_LOCAL;
pub(crate) const IFA_LABEL: u16 = freebsd_abi::IFA_LABEL;
pub(crate) const IFA_BROADCAST: u16 = freebsd_abi::IFA_BROADCAST;
pub(crate) const IFA_CACHEINFO: u16 = freebsd_abi::IFA_CACHEINFO;
pub(crate) const IFA_FLAGS: u16 = freebsd_abi::IFA_FLAGS;
pub(crate) const IFA_FREEBSD: u16 = freebsd_abi::IFA_FREEBSD;
pub(crate) const IFAF_VHID: u16 = freebsd_abi::IFAF_VHID;
pub(crate) const IFAF_FLAGS: u16 = freebsd_abi::IFAF_FLAGS;
pub(crate) const IFA_F_TEMPORARY: u32 = freebsd_abi::IFA_F_TEMPORARY;
pub(crate) const IFA_F_NODAD: u32 = freebsd_abi::IFA_F_NODAD;
pub(crate) const IFA_F_DADFAILED: u32 = freebsd_abi::IFA_F_DADFAILED;
pub(crate) const IFA_F_DEPRECATED: u32 = freebsd_abi::IFA_F_DEPRECATED;
pub(crate) const IFA_F_TENTATIVE: u32 = freebsd_abi::IFA_F_TENTATIVE;
pub(crate) const IFA_F_PERMANENT: u32 = freebsd_abi::IFA_F_PERMANENT;

// netinet6/in6_var.h
pub(crate) const IN6_IFF_TENTATIVE: u32 = freebsd_abi::IN6_IFF_TENTATIVE;
pub(crate) const IN6_IFF_DUPLICATED: u32 = freebsd_abi::IN6_IFF_DUPLICATED;
pub(crate) const IN6_IFF_DEPRECATED: u32 = freebsd_abi::IN6_IFF_DEPRECATED;
pub(crate) const IN6_IFF_NODAD: u32 = freebsd_abi::IN6_IFF_NODAD;
pub(crate) const IN6_IFF_AUTOCONF: u32 = freebsd_abi::IN6_IFF_AUTOCONF;
pub(crate) const IN6_IFF_TEMPORARY: u32 = freebsd_abi::IN6_IFF_TEMPORARY;

// route/route.h
pub(crate) const RT_SCOPE_UNIVERSE: u8 = freebsd_abi::RT_SCOPE_UNIVERSE;
pub(crate) const RT_SCOPE_LINK: u8 = freebsd_abi::RT_SCOPE_LINK;
pub(crate) const RT_SCOPE_HOST: u8 = freebsd_abi::RT_SCOPE_HOST;
pub(crate) const RT_TABLE_UNSPEC: u32 = freebsd_abi::RT_TABLE_UNSPEC;
pub(crate) const RTN_UNICAST: u8 = freebsd_abi::RTN_UNICAST;
pub(crate) const RTN_BLACKHOLE: u8 = freebsd_abi::RTN_BLACKHOLE;
pub(crate) const RTN_UNREACHABLE: u8 = freebsd_abi::RTN_UNREACHABLE;
pub(crate) const RTN_PROHIBIT: u8 = freebsd_abi::RTN_PROHIBIT;
pub(crate) const RTPROT_UNSPEC: u8 = freebsd_abi::RTPROT_UNSPEC;
pub(crate) const RTPROT_KERNEL: u8 = freebsd_abi::RTPROT_KERNEL;
pub(crate) const RTPROT_STATIC: u8 = freebsd_abi::RTPROT_STATIC;
pub(crate) const RTPROT_ZEBRA: u8 = freebsd_abi::RTPROT_ZEBRA;
pub(crate) const RTM_F_PREFIX: u32 = freebsd_abi::RTM_F_PREFIX;
pub(crate) const NL_RTA_DST: u16 = freebsd_abi::NL_RTA_DST;
pub(crate) const NL_RTA_OIF: u16 = freebsd_abi::NL_RTA_OIF;
pub(crate) const NL_RTA_GATEWAY: u16 = freebsd_abi::NL_RTA_GATEWAY;
pub(crate) const NL_RTA_METRICS: u16 = freebsd_abi::NL_RTA_METRICS;
pub(crate) const NL_RTA_MULTIPATH: u16 = freebsd_abi::NL_RTA_MULTIPATH;
pub(crate) const NL_RTA_KNH_ID: u16 = freebsd_abi::NL_RTA_KNH_ID;
pub(crate) const NL_RTA_WEIGHT: u16 = freebsd_abi::NL_RTA_WEIGHT;
pub(crate) const NL_RTA_RTFLAGS: u16 = freebsd_abi::NL_RTA_RTFLAGS;
pub(crate) const NL_RTA_TABLE: u16 = freebsd_abi::NL_RTA_TABLE;
pub(crate) const NL_RTA_VIA: u16 = freebsd_abi::NL_RTA_VIA;
pub(crate) const NL_RTA_EXPIRES: u16 = freebsd_abi::NL_RTA_EXPIRES;
pub(crate) const NL_RTA_NH_ID: u16 = freebsd_abi::NL_RTA_NH_ID;
pub(crate) const NL_RTAX_MTU: u16 = freebsd_abi::NL_RTAX_MTU;

// sys/net/route.h
pub(crate) const RTF_UP: u32 = freebsd_abi::RTF_UP;
pub(crate) const RTF_GATEWAY: u32 = freebsd_abi::RTF_GATEWAY;
pub(crate) const RTF_HOST: u32 = freebsd_abi::RTF_HOST;
pub(crate) const RTF_REJECT: u32 = freebsd_abi::RTF_REJECT;
pub(crate) const RTF_DYNAMIC: u32 = freebsd_abi::RTF_DYNAMIC;
pub(crate) const RTF_STATIC: u32 = freebsd_abi::RTF_STATIC;
pub(crate) const RTF_BLACKHOLE: u32 = freebsd_abi::RTF_BLACKHOLE;
pub(crate) const RTF_PROTO1: u32 = freebsd_abi::RTF_PROTO1;
pub(crate) const RTF_FIXEDMTU: u32 = freebsd_abi::RTF_FIXEDMTU;
pub(crate) const RTF_PINNED: u32 = freebsd_abi::RTF_PINNED;
pub(crate) const RTF_BROADCAST: u32 = freebsd_abi::RTF_BROADCAST;
/// TODO(abi): move to freebsd-abi (`RT_DEFAULT_WEIGHT`, `net/route.h`).
pub(crate) const RT_DEFAULT_WEIGHT: u32 = 1;

// route/neigh.h
pub(crate) const NDA_DST: u16 = freebsd_abi::NDA_DST;
pub(crate) const NDA_LLADDR: u16 = freebsd_abi::NDA_LLADDR;
pub(crate) const NDA_CACHEINFO: u16 = freebsd_abi::NDA_CACHEINFO;
pub(crate) const NDA_PROBES: u16 = freebsd_abi::NDA_PROBES;
pub(crate) const NDA_IFINDEX: u16 = freebsd_abi::NDA_IFINDEX;
pub(crate) const NDA_FLAGS_EXT: u16 = freebsd_abi::NDA_FLAGS_EXT;
pub(crate) const NDA_FREEBSD: u16 = freebsd_abi::NDA_FREEBSD;
pub(crate) const NDAF_NEXT_STATE_TS: u16 = freebsd_abi::NDAF_NEXT_STATE_TS;
pub(crate) const NUD_INCOMPLETE: u16 = freebsd_abi::NUD_INCOMPLETE;
pub(crate) const NUD_REACHABLE: u16 = freebsd_abi::NUD_REACHABLE;
pub(crate) const NUD_STALE: u16 = freebsd_abi::NUD_STALE;
pub(crate) const NUD_DELAY: u16 = freebsd_abi::NUD_DELAY;
pub(crate) const NUD_PROBE: u16 = freebsd_abi::NUD_PROBE;
pub(crate) const NUD_FAILED: u16 = freebsd_abi::NUD_FAILED;
pub(crate) const NUD_NOARP: u16 = freebsd_abi::NUD_NOARP;
pub(crate) const NUD_PERMANENT: u16 = freebsd_abi::NUD_PERMANENT;
pub(crate) const NTF_SELF: u8 = freebsd_abi::NTF_SELF;
pub(crate) const NTF_PROXY: u8 = freebsd_abi::NTF_PROXY;
pub(crate) const NTF_STICKY: u8 = freebsd_abi::NTF_STICKY;
pub(crate) const NTF_ROUTER: u8 = freebsd_abi::NTF_ROUTER;

// route/nexthop.h
pub(crate) const NHA_ID: u16 = freebsd_abi::NHA_ID;
pub(crate) const NHA_GROUP: u16 = freebsd_abi::NHA_GROUP;
pub(crate) const NHA_GROUP_TYPE: u16 = freebsd_abi::NHA_GROUP_TYPE;
pub(crate) const NHA_BLACKHOLE: u16 = freebsd_abi::NHA_BLACKHOLE;
pub(crate) const NHA_OIF: u16 = freebsd_abi::NHA_OIF;
pub(crate) const NHA_GATEWAY: u16 = freebsd_abi::NHA_GATEWAY;
pub(crate) const NHA_GROUPS: u16 = freebsd_abi::NHA_GROUPS;
pub(crate) const NHA_FREEBSD: u16 = freebsd_abi::NHA_FREEBSD;
pub(crate) const NHAF_KNHOPS: u16 = freebsd_abi::NHAF_KNHOPS;
pub(crate) const NHAF_KGOUPS: u16 = freebsd_abi::NHAF_KGOUPS;
pub(crate) const NHAF_TABLE: u16 = freebsd_abi::NHAF_TABLE;
pub(crate) const NHAF_FAMILY: u16 = freebsd_abi::NHAF_FAMILY;
pub(crate) const NHAF_KID: u16 = freebsd_abi::NHAF_KID;
pub(crate) const NHAF_AIF: u16 = freebsd_abi::NHAF_AIF;

// netlink_generic.h
pub(crate) const GENL_ID_CTRL: u16 = freebsd_abi::GENL_ID_CTRL;
pub(crate) const GENL_MIN_ID: u16 = freebsd_abi::GENL_MIN_ID;
pub(crate) const CTRL_CMD_NEWFAMILY: u8 = freebsd_abi::CTRL_CMD_NEWFAMILY;
pub(crate) const CTRL_CMD_DELFAMILY: u8 = freebsd_abi::CTRL_CMD_DELFAMILY;
pub(crate) const CTRL_CMD_GETFAMILY: u8 = freebsd_abi::CTRL_CMD_GETFAMILY;
pub(crate) const CTRL_ATTR_FAMILY_ID: u16 = freebsd_abi::CTRL_ATTR_FAMILY_ID;
pub(crate) const CTRL_ATTR_FAMILY_NAME: u16 = freebsd_abi::CTRL_ATTR_FAMILY_NAME;
pub(crate) const CTRL_ATTR_VERSION: u16 = freebsd_abi::CTRL_ATTR_VERSION;
pub(crate) const CTRL_ATTR_HDRSIZE: u16 = freebsd_abi::CTRL_ATTR_HDRSIZE;
pub(crate) const CTRL_ATTR_MAXATTR: u16 = freebsd_abi::CTRL_ATTR_MAXATTR;
pub(crate) const CTRL_ATTR_OPS: u16 = freebsd_abi::CTRL_ATTR_OPS;
pub(crate) const CTRL_ATTR_MCAST_GROUPS: u16 = freebsd_abi::CTRL_ATTR_MCAST_GROUPS;
pub(crate) const CTRL_ATTR_OP_ID: u16 = freebsd_abi::CTRL_ATTR_OP_ID;
pub(crate) const CTRL_ATTR_OP_FLAGS: u16 = freebsd_abi::CTRL_ATTR_OP_FLAGS;
pub(crate) const CTRL_ATTR_MCAST_GRP_NAME: u16 = freebsd_abi::CTRL_ATTR_MCAST_GRP_NAME;
pub(crate) const CTRL_ATTR_MCAST_GRP_ID: u16 = freebsd_abi::CTRL_ATTR_MCAST_GRP_ID;
pub(crate) const GENL_ADMIN_PERM: u32 = freebsd_abi::GENL_ADMIN_PERM;
pub(crate) const GENL_CMD_CAP_DO: u32 = freebsd_abi::GENL_CMD_CAP_DO;
pub(crate) const GENL_CMD_CAP_DUMP: u32 = freebsd_abi::GENL_CMD_CAP_DUMP;
pub(crate) const GENL_CMD_CAP_HASPOL: u32 = freebsd_abi::GENL_CMD_CAP_HASPOL;
