// SPDX-License-Identifier: BSD-2-Clause
//! A user-space model of what a FreeBSD 14, 15 or main kernel ([`Release`]) answers on a
//! **native** netlink socket, byte for byte as `sys/netlink/` writes it, quirks included.
//!
//! [`Kernel`] is one host: network state built from a [`Topology`] plus netlink sockets.
//! Requests go in through [`Kernel::send`] (`nl_sosend` + the socket taskqueue); replies,
//! acks and multicast notifications are queued as `nl_buf`s exactly where FreeBSD's
//! message writer (`netlink_message_writer.c`) flushes them, and come out through
//! [`Kernel::recv`] (`nl_soreceive` semantics) or raw through [`Kernel::take_bufs`].
//! Errors are positive FreeBSD errnos. See `docs/freebsd-sim.md` for what is modelled and
//! `docs/topology.md` for the topology format.
//!
//! ```
//! use freebsd_sim::{Cred, Kernel, RecvFlags};
//! let mut k = Kernel::default_host();
//! let s = k.socket(0, Cred { uid: 0 }).unwrap();
//! // RTM_GETLINK dump: nlmsghdr + ifinfomsg.
//! let mut req = Vec::new();
//! req.extend_from_slice(&32u32.to_ne_bytes());
//! req.extend_from_slice(&18u16.to_ne_bytes());
//! req.extend_from_slice(&0x301u16.to_ne_bytes());
//! req.extend_from_slice(&1u32.to_ne_bytes());
//! req.extend_from_slice(&0u32.to_ne_bytes());
//! req.extend_from_slice(&[0u8; 16]);
//! k.send(s, &req).unwrap();
//! let r = k.recv(s, 65536, RecvFlags::NONE).unwrap();
//! assert!(r.ret > 0);
//! ```
#![forbid(unsafe_code)]
mod boot;
mod genl;
mod kernel;
mod limits;
mod net;
mod netinet;
mod netinet6;
mod netlink_domain;
mod netlink_io;
mod netlink_route;
mod parse;
mod route;
mod socket;
mod state;
mod table;
mod topology;
mod writer;

pub use kernel::{Clock, FixedClock, IfaceInfo, Kernel, Received, RecvFlags, Release};
pub use socket::{Cred, SockId};
pub use topology::{
    CountersDef, GroupMemberDef, InterfaceDef, NeighborDef, NexthopDef, PathDef, RouteDef,
    Topology, TopologyError, DEFAULT_TOML,
};
