// SPDX-License-Identifier: BSD-2-Clause
//! One table file per message family, and the dispatch from `nlmsg_type` to its table
//! ([`translate_msg`], with the per-socket [`Ctx`]).
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

use crate::engine;
use crate::error::{Error, Result};
use crate::host::Host;
use crate::request;
use crate::socket::Proto;
use crate::table::{Dir, MsgSpec, MsgState};
use crate::wire::{self, Msg, Writer};

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

/// Per-socket translation context.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// Interface facts.
    pub host: &'a dyn Host,
    /// The socket's protocol.
    pub proto: Proto,
    /// The Linux request a FreeBSD reply answers, when the caller kept it: `NLMSG_ERROR`
    /// then echoes these exact bytes, as Linux would.
    pub request: Option<&'a [u8]>,
    /// The socket's `NETLINK_GET_STRICT_CHK`: which of Linux's two regimes applies to dump
    /// requests ([`request`]).
    pub strict: bool,
}

impl<'a> Ctx<'a> {
    /// A context for a socket of `proto` on `host`.
    #[must_use]
    pub fn new(host: &'a dyn Host, proto: Proto) -> Ctx<'a> {
        Ctx {
            host,
            proto,
            request: None,
            strict: false,
        }
    }

    /// The same context with the socket's `NETLINK_GET_STRICT_CHK` value.
    #[must_use]
    pub fn with_strict(&self, strict: bool) -> Ctx<'a> {
        Ctx { strict, ..*self }
    }

    /// The same context with another original request.
    #[must_use]
    pub fn with_request(&self, request: Option<&'a [u8]>) -> Ctx<'a> {
        Ctx { request, ..*self }
    }
}

/// `NLMSG_MIN_TYPE`: types below it are control messages (both systems).
const NLMSG_MIN_TYPE: u16 = 16;

/// Translates one message in direction `dir`, appending it to `w`.
///
/// See [`translate_msg`]; `echo` marks the request echoed in an `NLMSG_ERROR`, which must stay
/// what the process sent (no parity attributes added).
pub(crate) fn translate_msg_as(
    ctx: &Ctx<'_>,
    dir: Dir,
    msg: Msg<'_>,
    w: &mut Writer<'_>,
    echo: bool,
) -> Result<()> {
    translate_msg_by(ctx, dir, msg, w, echo, Path::Any).unwrap_or(Ok(()))
}

/// Which of the engine's two ways a family message may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Path {
    /// The copy-and-patch path where it applies, else the general one.
    Any,
    /// Only the copy-and-patch path ([`translate_msg_fast`]).
    Fast,
    /// Only the general path ([`translate_msg_general`]).
    General,
}

/// [`translate_msg_as`] by `path`; `None` (nothing written) when `path` is [`Path::Fast`]
/// and that path does not apply.
fn translate_msg_by(
    ctx: &Ctx<'_>,
    dir: Dir,
    msg: Msg<'_>,
    w: &mut Writer<'_>,
    echo: bool,
    path: Path,
) -> Option<Result<()>> {
    let start = w.len();
    if let Err(e) = translate_body(ctx, dir, msg, w, echo, path)? {
        return Some(Err(e));
    }
    let fix = dir == Dir::FreebsdToLinux
        && !echo
        && (msg.msg_type() >= NLMSG_MIN_TYPE
            || msg.msg_type() == linux_abi::NLMSG_ERROR
            || msg.msg_type() == linux_abi::NLMSG_DONE);
    // A message replaced by one of another type (an empty dump standing for FreeBSD's error)
    // was written with its flags.
    let same_type = w
        .written()
        .get(start..)
        .and_then(|out| wire::read_u16(out, 4))
        == Some(msg.msg_type());
    if fix && same_type && !w.overflowed() {
        let flags = flags::linux_flags(ctx, msg);
        w.patch(start.saturating_add(6), &flags.to_ne_bytes());
    }
    if dir == Dir::LinuxToFreebsd && ctx.proto == Proto::Route && !echo && !w.overflowed() {
        if let Some((ty, flags)) = link::freebsd_type_flags(msg.msg_type(), msg.flags()) {
            w.patch(start.saturating_add(4), &ty.to_ne_bytes());
            w.patch(start.saturating_add(6), &flags.to_ne_bytes());
        }
    }
    Some(Ok(()))
}

/// The translation proper; [`translate_msg_as`] then sets Linux's reply flags
/// ([`flags`]) and FreeBSD's type for `RTM_SETLINK` ([`link::freebsd_type_flags`]).
fn translate_body(
    ctx: &Ctx<'_>,
    dir: Dir,
    msg: Msg<'_>,
    w: &mut Writer<'_>,
    echo: bool,
    path: Path,
) -> Option<Result<()>> {
    let family = match msg.msg_type() {
        t if t < NLMSG_MIN_TYPE => None,
        _ if dir == Dir::LinuxToFreebsd && request::is_checked_dump(ctx.proto, msg) && !echo => {
            None
        }
        t => spec_for(ctx.proto, t),
    };
    let Some(spec) = family else {
        return match path {
            Path::Fast => None,
            Path::Any | Path::General => Some(translate_other(ctx, dir, msg, w, echo)),
        };
    };
    // Linux's own checks first, on either path; a malformed attribute tail Linux ignores is
    // not forwarded ([`request::check_linux`]).
    let msg = if dir == Dir::LinuxToFreebsd && !echo {
        match request::check_linux(ctx.proto, ctx.host, msg) {
            Ok(keep) => msg.prefix(keep),
            Err(e) => return Some(Err(e)),
        }
    } else {
        msg
    };
    let mut st = MsgState::new(ctx.host);
    st.echo = echo;
    st.request = ctx.request;
    if path != Path::General {
        if let Some(done) = engine::copy_and_patch(&mut st, dir, spec, msg, w) {
            return Some(done);
        }
    }
    match path {
        Path::Fast => None,
        Path::Any | Path::General => Some(
            engine::translate_with_spec(&mut st, dir, spec, msg, w, engine::Follow::None)
                .map(|_| ()),
        ),
    }
}

/// Messages without a family table: control messages, dump requests, other protocols.
fn translate_other(
    ctx: &Ctx<'_>,
    dir: Dir,
    msg: Msg<'_>,
    w: &mut Writer<'_>,
    echo: bool,
) -> Result<()> {
    match msg.msg_type() {
        linux_abi::NLMSG_ERROR => control::translate_error(ctx, dir, msg, w),
        linux_abi::NLMSG_DONE => control::translate_done(ctx, dir, msg, w),
        t if t < NLMSG_MIN_TYPE => w.put_padded(msg.bytes()),
        _ if dir == Dir::LinuxToFreebsd && request::is_checked_dump(ctx.proto, msg) && !echo => {
            translate_dump_request(ctx, msg, w)
        }
        _ if dir == Dir::LinuxToFreebsd && !echo => {
            // Linux's own checks first; a malformed attribute tail Linux ignores is not
            // forwarded ([`request::check_linux`]).
            let keep = request::check_linux(ctx.proto, ctx.host, msg)?;
            translate_tableless(ctx, msg.prefix(keep), w)
        }
        _ => translate_tableless(ctx, msg, w),
    }
}

/// A message of a type without a table (its table, if any, was taken in [`translate_body`]):
/// a `NETLINK_ROUTE` type is [`Error::Unsupported`]; other protocols' messages pass unchanged.
fn translate_tableless(ctx: &Ctx<'_>, msg: Msg<'_>, w: &mut Writer<'_>) -> Result<()> {
    if ctx.proto == Proto::Route {
        Err(Error::Unsupported {
            msg_type: msg.msg_type(),
        })
    } else {
        w.put_padded(msg.bytes())
    }
}

/// Translates an rtnetlink dump request as Linux reads it on the socket ([`request`]).
fn translate_dump_request(ctx: &Ctx<'_>, msg: Msg<'_>, w: &mut Writer<'_>) -> Result<()> {
    let Some(spec) = spec_for(ctx.proto, msg.msg_type()) else {
        return Err(Error::Unsupported {
            msg_type: msg.msg_type(),
        });
    };
    let mut st = MsgState::new(ctx.host);
    if ctx.strict {
        request::check_strict_dump(msg)?;
    }
    let mut buf = [0u8; request::NORMALIZED_MAX];
    let n = request::normalize_dump(msg, ctx.strict, &mut buf)?;
    let normalized = Msg::parse(buf.get(..n).unwrap_or_default(), 0)?;
    engine::translate_with_spec(
        &mut st,
        Dir::LinuxToFreebsd,
        spec,
        normalized,
        w,
        engine::Follow::None,
    )
    .map(|_| ())
}

/// Translates one message in direction `dir`, appending it to `w`.
///
/// Control messages are handled by type; family messages by their table; generic netlink
/// families other than nlctrl and messages of other protocols pass unchanged. A
/// NETLINK_ROUTE type without a table is [`Error::Unsupported`].
pub fn translate_msg(ctx: &Ctx<'_>, dir: Dir, msg: Msg<'_>, w: &mut Writer<'_>) -> Result<()> {
    translate_msg_as(ctx, dir, msg, w, false)
}

/// [`translate_msg`] by the copy-and-patch path only (`engine::copy_and_patch`): `None`,
/// with nothing written, when that path does not apply to `msg`. For tests comparing it
/// with [`translate_msg_general`]; [`translate_msg`] takes it wherever it applies.
#[doc(hidden)]
pub fn translate_msg_fast(
    ctx: &Ctx<'_>,
    dir: Dir,
    msg: Msg<'_>,
    w: &mut Writer<'_>,
) -> Option<Result<()>> {
    translate_msg_by(ctx, dir, msg, w, false, Path::Fast)
}

/// [`translate_msg`] by the general path only (no copy-and-patch), for tests comparing the
/// two.
#[doc(hidden)]
pub fn translate_msg_general(
    ctx: &Ctx<'_>,
    dir: Dir,
    msg: Msg<'_>,
    w: &mut Writer<'_>,
) -> Result<()> {
    translate_msg_by(ctx, dir, msg, w, false, Path::General).unwrap_or(Ok(()))
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]
mod table_index_tests {
    //! The tables' compile-time indexes against the tables themselves (here, above the
    //! table and engine layers, where every family's tables are in reach).
    use crate::table::{valid, AttrTable, Dir, Kind};
    use crate::wire::Writer;

    /// Every table reachable from the message specs, nested tables included.
    fn tables() -> Vec<&'static AttrTable> {
        let mut out: Vec<&'static AttrTable> = Vec::new();
        let mut todo: Vec<&'static AttrTable> = crate::msg::ALL.iter().map(|s| s.attrs).collect();
        // IFLA_LINKINFO picks its table by kind (a custom row), so seed those tables too.
        {
            use crate::msg::link::{IFLA_INFO, IFLA_INFO_GRE, IFLA_INFO_VLAN};
            todo.extend([&IFLA_INFO, &IFLA_INFO_VLAN, &IFLA_INFO_GRE]);
        }
        while let Some(t) = todo.pop() {
            if out.iter().any(|o| core::ptr::eq(*o, t)) {
                continue;
            }
            for r in t.rules {
                if let Kind::Nested(n) = r.kind {
                    todo.push(n);
                }
            }
            out.push(t);
        }
        out
    }

    #[test]
    fn the_index_finds_what_a_scan_of_the_rows_finds() {
        let tables = tables();
        assert!(tables.len() >= 8, "{} tables", tables.len());
        for t in tables {
            for dir in [Dir::LinuxToFreebsd, Dir::FreebsdToLinux] {
                for id in (0..1024).chain([0x3fff, u16::MAX]) {
                    let want = t.rules.iter().position(|r| match dir {
                        Dir::LinuxToFreebsd => r.linux == Some(id),
                        Dir::FreebsdToLinux => r.freebsd == Some(id),
                    });
                    let got = t
                        .lookup(dir, id)
                        .map(|r| t.rules.iter().position(|o| core::ptr::eq(o, r)).unwrap());
                    assert_eq!(got, want, "{} {dir:?} id {id}", t.name);
                }
            }
        }
    }

    /// An attribute with `payload`, padded with `pad` (`None`: unpadded).
    fn nla(out: &mut Vec<u8>, ty: u16, payload: &[u8], pad: Option<u8>) {
        out.extend_from_slice(&u16::try_from(4 + payload.len()).unwrap().to_ne_bytes());
        out.extend_from_slice(&ty.to_ne_bytes());
        out.extend_from_slice(payload);
        if let Some(b) = pad {
            while out.len() % 4 != 0 {
                out.push(b);
            }
        }
    }

    #[test]
    fn unchanged_attributes_are_copied_in_runs_with_zero_padding() {
        use crate::msg::route::RTAX;
        let host = crate::host::tests::test_host(false);
        let mtu = 1500u32.to_ne_bytes();
        let hop = 64u32.to_ne_bytes();
        // Input: padding junk after a copied string, a run of two, an id with no row (dropped,
        // ends the run), another copy, and a last attribute without its padding.
        let mut src = Vec::new();
        nla(&mut src, 16, b"x", Some(0xAA));
        nla(&mut src, 2, &mtu, Some(0));
        nla(&mut src, 10, &hop, Some(0));
        nla(&mut src, 200, &hop, Some(0));
        nla(&mut src, 1, &hop, Some(0));
        nla(&mut src, 16, b"ab", None);
        // Linux form: the same attributes, zero-padded, without id 200.
        let mut want = Vec::new();
        nla(&mut want, 16, b"x", Some(0));
        nla(&mut want, 2, &mtu, Some(0));
        nla(&mut want, 10, &hop, Some(0));
        nla(&mut want, 1, &hop, Some(0));
        nla(&mut want, 16, b"ab", Some(0));
        for dir in [Dir::FreebsdToLinux, Dir::LinuxToFreebsd] {
            let mut out = [0x55u8; 128];
            let mut w = Writer::new(&mut out);
            let mut st = crate::table::MsgState::new(&host);
            crate::engine::translate_attrs(&mut st, dir, &RTAX, &src, 0, &mut w, false).unwrap();
            let n = w.finish().unwrap();
            assert_eq!(&out[..n], &want[..], "{dir:?}");
        }
    }

    #[test]
    fn a_network_order_row_of_another_width_is_refused() {
        use crate::table::{AttrIndex, AttrRule};
        for (width, ok) in [(1, false), (2, true), (3, false), (4, true), (8, false)] {
            let rules: &'static [AttrRule] = Box::leak(Box::new([AttrRule {
                name: "X",
                linux: Some(1),
                freebsd: Some(1),
                kind: Kind::NetOrder(width),
                note: "",
            }]));
            let t = AttrTable {
                name: "X",
                rules,
                synth_linux: &[],
                index: Box::leak(Box::new(AttrIndex::of_rules(rules))),
            };
            assert_eq!(valid(&t), ok, "width {width}");
        }
    }

    #[test]
    fn a_table_with_another_tables_index_is_refused() {
        use crate::msg::route::{RTA, RTAX};
        let wrong = AttrTable {
            name: "RTA",
            rules: RTA.rules,
            synth_linux: &[],
            index: RTAX.index,
        };
        assert!(!valid(&wrong));
        assert!(valid(&RTA) && valid(&RTAX));
    }
}
