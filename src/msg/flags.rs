// SPDX-License-Identifier: BSD-2-Clause
//! `nlmsg_flags` of what the kernel sends, as Linux sets them.
//!
//! FreeBSD builds replies with `nlmsg_reply()` (`sys/netlink/netlink_message_writer.h`),
//! which ORs the request's flags into the reply: a Linux program receives replies flagged
//! `NLM_F_REQUEST | NLM_F_ACK`, dump parts `NLM_F_REQUEST | NLM_F_DUMP | NLM_F_MULTI`, and
//! route notifications caused by a request carry that request's flags
//! (`report_operation()` in `sys/netlink/route/rt.c`). Linux never sets request flags on
//! what it sends:
//!
//! | Message | Linux flags | Linux source |
//! |---|---|---|
//! | reply to a request that is not a dump | 0 | `rtnl_fill_ifinfo`, `inet_fill_ifaddr`, `fib_dump_info`, `neigh_fill_info`, `nh_fill_node`, `ctrl_fill_info` called with flags 0 by the `doit` handlers |
//! | dump part | `NLM_F_MULTI` (plus `NLM_F_DUMP_INTR` / `NLM_F_DUMP_FILTERED` when the dump was interrupted / filtered in the kernel) | `netlink_dump`, `nl_dump_check_consistent`, `cb->answer_flags` |
//! | `NLMSG_DONE` | `NLM_F_MULTI` (plus `NLM_F_ACK_TLVS` with an ext-ack text) | `netlink_dump_done` in `net/netlink/af_netlink.c` |
//! | `NLMSG_ERROR` | `NLM_F_CAPPED`, `NLM_F_ACK_TLVS` only | `netlink_ack` |
//! | `RTM_NEWROUTE` notification | the creation flags: `NLM_F_CREATE \| NLM_F_EXCL` for a new route, `NLM_F_REPLACE` for a replaced one, `NLM_F_APPEND` for an appended one | `fib_table_insert` in `net/ipv4/fib_trie.c`, `fib6_add_rt2node` in `net/ipv6/ip6_fib.c` |
//! | `RTM_NEWNEXTHOP` / `RTM_DELNEXTHOP` notification | the request's flags | `nexthop_notify` in `net/ipv4/nexthop.c` |
//! | any other notification (link, address, neighbour, route deletion, nlctrl) | 0 | `rtmsg_ifinfo`, `rtmsg_ifa`, `inet6_ifa_notify`, `__neigh_notify`, `rtmsg_fib(RTM_DELROUTE, …, 0)`, `genl_ctrl_event` |
//!
//! Observed on Linux 6.18 through the runner's Linux backend (`cli/tests/run_freebsd_protocol.rs`).
//! `NLM_F_DUMP_FILTERED` is added only where FreeBSD applies the filter Linux would
//! (`crate::request::dump_filtered`): FreeBSD filters less than Linux in the kernel (route
//! dumps by protocol, type or device), and iproute2 filters itself when the flag is absent.

use super::Ctx;
use crate::socket::Proto;
use crate::wire::Msg;
use linux_abi as l;

/// Flags a dump part or DONE may keep from the FreeBSD message: they mean the same on both.
const DUMP_STATE: u16 = l::NLM_F_DUMP_INTR | l::NLM_F_DUMP_FILTERED;

/// The creation flags of `RTM_NEWROUTE` notifications (`NLM_F_REPLACE | NLM_F_EXCL |
/// NLM_F_CREATE | NLM_F_APPEND`).
const ROUTE_CREATION: u16 = l::NLM_F_REPLACE | l::NLM_F_EXCL | l::NLM_F_CREATE | l::NLM_F_APPEND;

/// The `nlmsg_flags` Linux would put on `msg`, a message FreeBSD's kernel side sent (already
/// translated but for its flags). `ctx.request` is the request it may answer.
#[must_use]
pub fn linux_flags(ctx: &Ctx<'_>, msg: Msg<'_>) -> u16 {
    // `nlmsg_reply()` copies the request's flags, so a dump-state bit the request itself
    // carried (a program may set all 16 bits) cannot be told from one FreeBSD set: Linux
    // ignores those bits in requests, so they are not kept (FreeBSD's dump writers do not
    // set `NLM_F_DUMP_INTR` themselves, `sys/netlink/route/`).
    let f = msg.flags() & !(request_flags(ctx, msg) & DUMP_STATE);
    let (filtered, filtered_done) = match dump_filtered(ctx, msg) {
        // Address dumps flag their DONE too (`cb->answer_flags`); neighbour dumps only their
        // parts (`neigh_dump_info` passes the flag to each `neigh_fill_info`).
        Some(l::RTM_GETADDR) => (l::NLM_F_DUMP_FILTERED, l::NLM_F_DUMP_FILTERED),
        Some(_) => (l::NLM_F_DUMP_FILTERED, 0),
        None => (0, 0),
    };
    match msg.msg_type() {
        l::NLMSG_ERROR => f & (l::NLM_F_CAPPED | l::NLM_F_ACK_TLVS),
        // `NLM_F_ACK_TLVS` when TLVs follow the errno: the bit is `NLM_F_MATCH` in a request,
        // so a copied request flag must not be taken for it.
        l::NLMSG_DONE if msg.payload().len() > 4 => {
            l::NLM_F_MULTI | l::NLM_F_ACK_TLVS | (f & DUMP_STATE) | filtered_done
        }
        l::NLMSG_DONE => l::NLM_F_MULTI | (f & DUMP_STATE) | filtered_done,
        _ if f & l::NLM_F_MULTI != 0 => l::NLM_F_MULTI | (f & DUMP_STATE) | filtered,
        _ if answers(ctx, msg) => 0,
        l::RTM_NEWROUTE if ctx.proto == Proto::Route => f & ROUTE_CREATION,
        l::RTM_NEWNEXTHOP | l::RTM_DELNEXTHOP if ctx.proto == Proto::Route => f,
        _ => 0,
    }
}

/// The flags of `ctx.request` when `msg` answers it (same seq), else 0.
fn request_flags(ctx: &Ctx<'_>, msg: Msg<'_>) -> u16 {
    ctx.request
        .and_then(|r| Msg::parse(r, 0).ok())
        .filter(|r| r.seq() == msg.seq())
        .map_or(0, |r| r.flags())
}

/// The request type when `msg` belongs to the dump `ctx.request` asked for and Linux would
/// flag it `NLM_F_DUMP_FILTERED` ([`crate::request::dump_filtered`]).
fn dump_filtered(ctx: &Ctx<'_>, msg: Msg<'_>) -> Option<u16> {
    ctx.request
        .and_then(|r| Msg::parse(r, 0).ok())
        .filter(|r| r.seq() == msg.seq())
        .filter(|r| crate::request::dump_filtered(ctx.proto, *r, ctx.strict))
        .map(|r| r.msg_type())
}

/// Whether `msg`, one of the messages queued on a socket after `ctx.request`, is a
/// notification of a multicast group rather than part of the answer: neither an ack, error,
/// dump part or `NLMSG_DONE`, nor the reply to the request. FreeBSD queues the events a
/// request causes on the sender's own socket too when it is a member of the group, with the
/// request's seq (`report_operation()` in `sys/netlink/route/rt.c`); Linux delivers them as
/// multicast (`nlmsg_notify()`), with the group in the sender address.
#[must_use]
pub fn is_notification(ctx: &Ctx<'_>, msg: Msg<'_>) -> bool {
    !matches!(msg.msg_type(), l::NLMSG_ERROR | l::NLMSG_DONE)
        && msg.flags() & l::NLM_F_MULTI == 0
        && !answers(ctx, msg)
}

/// Whether `msg` is the reply to `ctx.request`: same seq and the type a `GET` request is
/// answered with (`RTM_GETx` → `RTM_NEWx`, two below; generic netlink: the same family).
fn answers(ctx: &Ctx<'_>, msg: Msg<'_>) -> bool {
    let Some(req) = ctx.request.and_then(|r| Msg::parse(r, 0).ok()) else {
        return false;
    };
    if req.seq() != msg.seq() {
        return false;
    }
    match ctx.proto {
        Proto::Route => {
            let t = req.msg_type();
            // `RTM_GET*` types are `RTM_BASE + 4n + 2` (`include/uapi/linux/rtnetlink.h`).
            t.checked_sub(16).is_some_and(|n| n % 4 == 2)
                && t.checked_sub(2) == Some(msg.msg_type())
        }
        _ => req.msg_type() == msg.msg_type(),
    }
}
