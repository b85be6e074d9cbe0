// SPDX-License-Identifier: BSD-2-Clause
//! `sys/sys/socket.h`: address families, socket types, `SOL_SOCKET` options and `MSG_*` flags.
//!
//! `AF_*` are `u8`, the type of every family field on the wire (`sa_family_t`, `ifi_family`,
//! `rtm_family`, ...). Socket-API values (`SOCK_*`, `SOL_SOCKET`, `SO_*`, `MSG_*`) are `i32`,
//! the C `int` of `socket(2)`, `setsockopt(2)` and `recvmsg(2)`.

/// FreeBSD: sys/sys/socket.h; u8 family, unspecified.
pub const AF_UNSPEC: u8 = 0;
/// FreeBSD: sys/sys/socket.h; u8 family, local to host.
pub const AF_UNIX: u8 = 1;
/// FreeBSD: sys/sys/socket.h; u8 family, alias of `AF_UNIX`.
pub const AF_LOCAL: u8 = AF_UNIX;
/// FreeBSD: sys/sys/socket.h; u8 family, IPv4.
pub const AF_INET: u8 = 2;
/// FreeBSD: sys/sys/socket.h; u8 family, arpanet imp.
pub const AF_IMPLINK: u8 = 3;
/// FreeBSD: sys/sys/socket.h; u8 family, pup.
pub const AF_PUP: u8 = 4;
/// FreeBSD: sys/sys/socket.h; u8 family, MIT CHAOS.
pub const AF_CHAOS: u8 = 5;
/// FreeBSD: sys/sys/socket.h; u8 family, SMB.
pub const AF_NETBIOS: u8 = 6;
/// FreeBSD: sys/sys/socket.h; u8 family, ISO; Linux 7 is AF_BRIDGE.
pub const AF_ISO: u8 = 7;
/// FreeBSD: sys/sys/socket.h; u8 family, alias of `AF_ISO`.
pub const AF_OSI: u8 = AF_ISO;
/// FreeBSD: sys/sys/socket.h; u8 family, ECMA.
pub const AF_ECMA: u8 = 8;
/// FreeBSD: sys/sys/socket.h; u8 family, datakit.
pub const AF_DATAKIT: u8 = 9;
/// FreeBSD: sys/sys/socket.h; u8 family, CCITT / X.25; Linux 10 is AF_INET6.
pub const AF_CCITT: u8 = 10;
/// FreeBSD: sys/sys/socket.h; u8 family, IBM SNA.
pub const AF_SNA: u8 = 11;
/// FreeBSD: sys/sys/socket.h; u8 family, DECnet.
#[expect(non_upper_case_globals, reason = "FreeBSD's C name")]
pub const AF_DECnet: u8 = 12;
/// FreeBSD: sys/sys/socket.h; u8 family, DEC direct data link.
pub const AF_DLI: u8 = 13;
/// FreeBSD: sys/sys/socket.h; u8 family, LAT.
pub const AF_LAT: u8 = 14;
/// FreeBSD: sys/sys/socket.h; u8 family, NSC Hyperchannel.
pub const AF_HYLINK: u8 = 15;
/// FreeBSD: sys/sys/socket.h; u8 family, AppleTalk; Linux 16 is AF_NETLINK.
pub const AF_APPLETALK: u8 = 16;
/// FreeBSD: sys/sys/socket.h; u8 family, routing socket; Linux 17 is AF_PACKET.
pub const AF_ROUTE: u8 = 17;
/// FreeBSD: sys/sys/socket.h; u8 family, link layer (`sockaddr_dl`).
pub const AF_LINK: u8 = 18;
/// FreeBSD: sys/sys/socket.h; u8 family, connection-oriented IP.
pub const AF_COIP: u8 = 20;
/// FreeBSD: sys/sys/socket.h; u8 family, Computer Network Technology.
pub const AF_CNT: u8 = 21;
/// FreeBSD: sys/sys/socket.h; u8 family, Novell IPX.
pub const AF_IPX: u8 = 23;
/// FreeBSD: sys/sys/socket.h; u8 family, Simple Internet Protocol.
pub const AF_SIP: u8 = 24;
/// FreeBSD: sys/sys/socket.h; u8 family, ISDN.
pub const AF_ISDN: u8 = 26;
/// FreeBSD: sys/sys/socket.h; u8 family, alias of `AF_ISDN`.
pub const AF_E164: u8 = AF_ISDN;
/// FreeBSD: sys/sys/socket.h; u8 family, IPv6; Linux 28 is AF_MPLS.
pub const AF_INET6: u8 = 28;
/// FreeBSD: sys/sys/socket.h; u8 family, native ATM.
pub const AF_NATM: u8 = 29;
/// FreeBSD: sys/sys/socket.h; u8 family, ATM.
pub const AF_ATM: u8 = 30;
/// FreeBSD: sys/sys/socket.h; u8 family, Netgraph.
pub const AF_NETGRAPH: u8 = 32;
/// FreeBSD: sys/sys/socket.h; u8 family, 802.3ad slow protocol.
pub const AF_SLOW: u8 = 33;
/// FreeBSD: sys/sys/socket.h; u8 family, Sitara cluster.
pub const AF_SCLUSTER: u8 = 34;
/// FreeBSD: sys/sys/socket.h; u8 family, ARP.
pub const AF_ARP: u8 = 35;
/// FreeBSD: sys/sys/socket.h; u8 family, Bluetooth.
pub const AF_BLUETOOTH: u8 = 36;
/// FreeBSD: sys/sys/socket.h; u8 family, 802.11.
pub const AF_IEEE80211: u8 = 37;
/// FreeBSD: sys/sys/socket.h (newer than the copy quoted in the crate README;
/// `PF_NETLINK` in sys/netlink/netlink_domain.c, 38 in tests/atf_python/sys/netlink/netlink.py);
/// u8 family, netlink. Linux uses 16.
pub const AF_NETLINK: u8 = 38;
/// FreeBSD: sys/sys/socket.h; u8 family, OFED SDP over IPv4.
pub const AF_INET_SDP: u8 = 40;
/// FreeBSD: sys/sys/socket.h; u8 family, OFED SDP over IPv6.
pub const AF_INET6_SDP: u8 = 42;
/// FreeBSD: sys/sys/socket.h; u8 family, Hyper-V sockets.
pub const AF_HYPERV: u8 = 43;
/// FreeBSD: sys/sys/socket.h (FreeBSD 14+, seen in a transcript of the header, not in the
/// stored copy); u8 family, divert(4).
pub const AF_DIVERT: u8 = 44;

/// FreeBSD: sys/sys/socket.h; i32 socket type, stream socket.
pub const SOCK_STREAM: i32 = 1;
/// FreeBSD: sys/sys/socket.h; i32 socket type, datagram socket (accepted by netlink).
pub const SOCK_DGRAM: i32 = 2;
/// FreeBSD: sys/sys/socket.h; i32 socket type, raw socket (accepted by netlink).
pub const SOCK_RAW: i32 = 3;
/// FreeBSD: sys/sys/socket.h; i32 socket type, reliably-delivered message.
pub const SOCK_RDM: i32 = 4;
/// FreeBSD: sys/sys/socket.h; i32 socket type, sequenced packets (netlink: EPROTOTYPE).
pub const SOCK_SEQPACKET: i32 = 5;
/// FreeBSD: sys/sys/socket.h; i32 creation flag OR'ed into the type.
pub const SOCK_CLOEXEC: i32 = 0x1000_0000;
/// FreeBSD: sys/sys/socket.h; i32 creation flag OR'ed into the type.
pub const SOCK_NONBLOCK: i32 = 0x2000_0000;

/// FreeBSD: sys/sys/socket.h; i32 option level of the socket itself (Linux: 1).
pub const SOL_SOCKET: i32 = 0xffff;

/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, debugging.
pub const SO_DEBUG: i32 = 0x1;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, has had listen().
pub const SO_ACCEPTCONN: i32 = 0x2;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, reuse local addresses.
pub const SO_REUSEADDR: i32 = 0x4;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, keep connections alive.
pub const SO_KEEPALIVE: i32 = 0x8;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, interface addresses only.
pub const SO_DONTROUTE: i32 = 0x10;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, permit broadcast.
pub const SO_BROADCAST: i32 = 0x20;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, bypass hardware.
pub const SO_USELOOPBACK: i32 = 0x40;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, linger on close.
pub const SO_LINGER: i32 = 0x80;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, OOB data inline.
pub const SO_OOBINLINE: i32 = 0x100;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, reuse address and port.
pub const SO_REUSEPORT: i32 = 0x200;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, timestamp datagrams.
pub const SO_TIMESTAMP: i32 = 0x400;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, no SIGPIPE.
pub const SO_NOSIGPIPE: i32 = 0x800;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, accept filter.
pub const SO_ACCEPTFILTER: i32 = 0x1000;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, bintime timestamps.
pub const SO_BINTIME: i32 = 0x2000;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, no offload.
pub const SO_NO_OFFLOAD: i32 = 0x4000;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, no direct data placement.
pub const SO_NO_DDP: i32 = 0x8000;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, load-balanced reuseport.
pub const SO_REUSEPORT_LB: i32 = 0x10000;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, send buffer size.
pub const SO_SNDBUF: i32 = 0x1001;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, receive buffer size.
pub const SO_RCVBUF: i32 = 0x1002;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, send low-water mark.
pub const SO_SNDLOWAT: i32 = 0x1003;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, receive low-water mark.
pub const SO_RCVLOWAT: i32 = 0x1004;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, send timeout.
pub const SO_SNDTIMEO: i32 = 0x1005;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, receive timeout.
pub const SO_RCVTIMEO: i32 = 0x1006;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, get and clear error.
pub const SO_ERROR: i32 = 0x1007;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, socket type.
pub const SO_TYPE: i32 = 0x1008;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, MAC label.
pub const SO_LABEL: i32 = 0x1009;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, peer MAC label.
pub const SO_PEERLABEL: i32 = 0x1010;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, backlog limit.
pub const SO_LISTENQLIMIT: i32 = 0x1011;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, complete queue length.
pub const SO_LISTENQLEN: i32 = 0x1012;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, incomplete queue length.
pub const SO_LISTENINCQLEN: i32 = 0x1013;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, use this FIB.
pub const SO_SETFIB: i32 = 0x1014;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, user cookie.
pub const SO_USER_COOKIE: i32 = 0x1015;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, socket protocol (Linux: 38).
pub const SO_PROTOCOL: i32 = 0x1016;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, alias of `SO_PROTOCOL`.
pub const SO_PROTOTYPE: i32 = SO_PROTOCOL;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, SO_TIMESTAMP clock.
pub const SO_TS_CLOCK: i32 = 0x1017;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, max pacing rate.
pub const SO_MAX_PACING_RATE: i32 = 0x1018;
/// FreeBSD: sys/sys/socket.h; i32 `SOL_SOCKET` option, socket domain (Linux: 39).
pub const SO_DOMAIN: i32 = 0x1019;

/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, out-of-band data.
pub const MSG_OOB: i32 = 0x1;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, peek at incoming data.
pub const MSG_PEEK: i32 = 0x2;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, bypass routing.
pub const MSG_DONTROUTE: i32 = 0x4;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, end of record.
pub const MSG_EOR: i32 = 0x8;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, datagram truncated.
pub const MSG_TRUNC: i32 = 0x10;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, control data truncated.
pub const MSG_CTRUNC: i32 = 0x20;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, wait for full request.
pub const MSG_WAITALL: i32 = 0x40;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, non-blocking.
pub const MSG_DONTWAIT: i32 = 0x80;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, data completes connection.
pub const MSG_EOF: i32 = 0x100;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, SCTP notification.
pub const MSG_NOTIFICATION: i32 = 0x2000;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, FIONBIO mode.
pub const MSG_NBIO: i32 = 0x4000;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, used in sendit().
pub const MSG_COMPAT: i32 = 0x8000;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, no SIGPIPE.
pub const MSG_NOSIGNAL: i32 = 0x20000;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, close-on-exec received fds.
pub const MSG_CMSG_CLOEXEC: i32 = 0x40000;
/// FreeBSD: sys/sys/socket.h; i32 `MSG_*` flag, recvmmsg().
pub const MSG_WAITFORONE: i32 = 0x80000;

/// FreeBSD: sys/sys/socket.h `SCM_RIGHTS`; i32 control message type.
pub const SCM_RIGHTS: i32 = 0x01;
/// FreeBSD: sys/sys/socket.h; u8, the highest address family (`AF_DIVERT`); route
/// handlers refuse a family above it.
pub const AF_MAX: u8 = 44;
