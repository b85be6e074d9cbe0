// SPDX-License-Identifier: BSD-2-Clause
//! One table file per message family, and the dispatch from `nlmsg_type` to its table.
//!
//! | File | Messages |
//! |---|---|
//! | [`link`] | `RTM_NEWLINK`, `RTM_DELLINK`, `RTM_GETLINK`, `RTM_SETLINK` |
//! | [`addr`] | `RTM_NEWADDR`, `RTM_DELADDR`, `RTM_GETADDR` |
//! | [`route`] | `RTM_NEWROUTE`, `RTM_DELROUTE`, `RTM_GETROUTE` |
//! | [`neigh`] | `RTM_NEWNEIGH`, `RTM_DELNEIGH`, `RTM_GETNEIGH` |
//! | [`nexthop`] | `RTM_NEWNEXTHOP`, `RTM_DELNEXTHOP`, `RTM_GETNEXTHOP` |
//! | [`genl`] | generic netlink: nlctrl `CTRL_CMD_*` |
//! | [`control`] | `NLMSG_ERROR`, `NLMSG_DONE` |
//! | [`flags`] | `nlmsg_flags` of replies and notifications |
//! | [`maps`] | value and flag maps shared by several families (`AF_*`, ...) |
//! | [`errno`] | errno numbers |

pub mod addr;
pub(crate) mod control;
pub mod errno;
pub mod flags;
pub mod genl;
pub mod link;
pub mod maps;
pub mod neigh;
pub mod nexthop;
pub mod route;

use crate::table::MsgSpec;
use crate::Proto;

/// Every NETLINK_ROUTE family table.
pub static ROUTE_FAMILIES: &[&MsgSpec] = &[
    &link::LINK,
    &addr::ADDR,
    &route::ROUTE,
    &neigh::NEIGH,
    &nexthop::NEXTHOP,
];

/// Every table, for documentation and table tests.
pub static ALL: &[&MsgSpec] = &[
    &link::LINK,
    &addr::ADDR,
    &route::ROUTE,
    &neigh::NEIGH,
    &nexthop::NEXTHOP,
    &genl::NLCTRL,
];

/// The table translating message type `msg_type` (≥ 16) of protocol `proto`.
#[must_use]
pub fn spec_for(proto: Proto, msg_type: u16) -> Option<&'static MsgSpec> {
    match proto {
        Proto::Route => ROUTE_FAMILIES.iter().copied().find(|s| s.handles(msg_type)),
        Proto::Generic => genl::NLCTRL.handles(msg_type).then_some(&genl::NLCTRL),
        Proto::Other(_) => None,
    }
}
