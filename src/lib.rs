// SPDX-License-Identifier: BSD-2-Clause
//! nlcompat: translate netlink messages between the Linux and FreeBSD ABIs.
//!
//! `no_std`, no allocation, no panics, no `unsafe`. The [`wire`] module frames messages and
//! attributes; [`msg`] holds one declarative table per message family ([`table`] describes
//! their rows); [`engine`] walks them in either direction. Interface names come from a
//! [`Host`].
//!
//! Inputs and outputs are typed by ABI: [`to_freebsd`] takes [`Linux`] bytes and returns
//! [`Freebsd`] bytes, [`to_linux`] the reverse, so translated bytes cannot be fed to the
//! same direction again.
#![cfg_attr(not(test), no_std)]
#![forbid(unsafe_code)]

pub mod ack;
pub mod doc;
pub mod engine;
pub mod error;
pub mod framing;
pub mod host;
pub mod msg;
pub mod request;
pub mod socket;
pub mod table;
pub mod wire;

pub use error::{Error, Result};
pub use host::{Host, IfName, StaticHost, StaticIf};

use wire::{Messages, Msg, Writer};

/// A translation direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// From a Linux process to FreeBSD's kernel (requests).
    LinuxToFreebsd,
    /// From FreeBSD's kernel to a Linux process (replies, notifications, acks).
    FreebsdToLinux,
}

impl Dir {
    /// The opposite direction.
    #[must_use]
    pub const fn reverse(self) -> Dir {
        match self {
            Dir::LinuxToFreebsd => Dir::FreebsdToLinux,
            Dir::FreebsdToLinux => Dir::LinuxToFreebsd,
        }
    }
}

/// The netlink protocol of the socket (numbers equal on both systems).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proto {
    /// `NETLINK_ROUTE` (0).
    Route,
    /// `NETLINK_GENERIC` (16).
    Generic,
    /// Any other protocol: messages pass unchanged but for errors and DONE.
    Other(u32),
}

impl Proto {
    /// The protocol for a socket's protocol number.
    #[must_use]
    pub fn from_number(n: u32) -> Proto {
        match n {
            0 => Proto::Route,
            16 => Proto::Generic,
            other => Proto::Other(other),
        }
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

/// Bytes in the Linux netlink ABI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Linux<'a>(&'a [u8]);

/// Bytes in the FreeBSD netlink ABI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freebsd<'a>(&'a [u8]);

impl<'a> Linux<'a> {
    /// Declares `bytes` to be Linux-format netlink.
    #[must_use]
    pub fn new(bytes: &'a [u8]) -> Linux<'a> {
        Linux(bytes)
    }
    /// The bytes.
    #[must_use]
    pub fn bytes(&self) -> &'a [u8] {
        self.0
    }
}

impl<'a> Freebsd<'a> {
    /// Declares `bytes` to be FreeBSD-format netlink.
    #[must_use]
    pub fn new(bytes: &'a [u8]) -> Freebsd<'a> {
        Freebsd(bytes)
    }
    /// The bytes.
    #[must_use]
    pub fn bytes(&self) -> &'a [u8] {
        self.0
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
    let start = w.len();
    translate_body(ctx, dir, msg, w, echo)?;
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
        let flags = msg::flags::linux_flags(ctx, msg);
        w.patch(start.saturating_add(6), &flags.to_ne_bytes());
    }
    if dir == Dir::LinuxToFreebsd && ctx.proto == Proto::Route && !echo && !w.overflowed() {
        if let Some((ty, flags)) = msg::link::freebsd_type_flags(msg.msg_type(), msg.flags()) {
            w.patch(start.saturating_add(4), &ty.to_ne_bytes());
            w.patch(start.saturating_add(6), &flags.to_ne_bytes());
        }
    }
    Ok(())
}

/// The translation proper; [`translate_msg_as`] then sets Linux's reply flags
/// ([`msg::flags`]) and FreeBSD's type for `RTM_SETLINK` ([`msg::link::freebsd_type_flags`]).
fn translate_body(
    ctx: &Ctx<'_>,
    dir: Dir,
    msg: Msg<'_>,
    w: &mut Writer<'_>,
    echo: bool,
) -> Result<()> {
    match msg.msg_type() {
        linux_abi::NLMSG_ERROR => msg::control::translate_error(ctx, dir, msg, w),
        linux_abi::NLMSG_DONE => msg::control::translate_done(ctx, dir, msg, w),
        t if t < NLMSG_MIN_TYPE => w.put_padded(msg.bytes()),
        _ if dir == Dir::LinuxToFreebsd && request::is_checked_dump(ctx.proto, msg) && !echo => {
            translate_dump_request(ctx, msg, w)
        }
        t => match msg::spec_for(ctx.proto, t) {
            Some(spec) => {
                let mut cx = engine::Cx::new(ctx.host);
                cx.echo = echo;
                cx.request = ctx.request;
                engine::translate_with_spec(&mut cx, dir, spec, msg, w, engine::Follow::None)
                    .map(|_| ())
            }
            None if ctx.proto == Proto::Route => Err(Error::Unsupported { msg_type: t }),
            None => w.put_padded(msg.bytes()),
        },
    }
}

/// Translates an rtnetlink dump request as Linux reads it on the socket ([`request`]).
fn translate_dump_request(ctx: &Ctx<'_>, msg: Msg<'_>, w: &mut Writer<'_>) -> Result<()> {
    let Some(spec) = msg::spec_for(ctx.proto, msg.msg_type()) else {
        return Err(Error::Unsupported {
            msg_type: msg.msg_type(),
        });
    };
    let mut cx = engine::Cx::new(ctx.host);
    if ctx.strict {
        request::check_strict_dump(msg)?;
    }
    let mut buf = [0u8; request::NORMALIZED_MAX];
    let n = request::normalize_dump(msg, ctx.strict, &mut buf)?;
    let normalized = Msg::parse(buf.get(..n).unwrap_or_default(), 0)?;
    engine::translate_with_spec(
        &mut cx,
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

/// Translates a buffer of Linux messages (requests) into FreeBSD form.
///
/// The walk follows Linux's `netlink_rcv_skb()`: it ends silently at an `nlmsg_len` below 16
/// or past the end (iproute2's trailing zero bytes). The first message that cannot be
/// translated fails the call with its error; offsets are relative to `input`.
pub fn to_freebsd<'o>(ctx: &Ctx<'_>, input: Linux<'_>, out: &'o mut [u8]) -> Result<Freebsd<'o>> {
    let mut w = Writer::new(out);
    for msg in Messages::new(input.0) {
        let Ok(msg) = msg else {
            break;
        };
        translate_msg(ctx, Dir::LinuxToFreebsd, msg, &mut w)?;
    }
    let n = w.finish()?;
    Ok(Freebsd(out_slice(out, n)))
}

/// Translates a buffer of FreeBSD messages (replies, dump parts, notifications, acks) into
/// Linux form.
///
/// Nothing is dropped silently: a message that cannot be translated is replaced by what a
/// Linux client can act on, an `NLMSG_DONE` carrying the errno when it was a dump part (the
/// rest of that dump in the buffer is skipped), an `NLMSG_ERROR` otherwise. Malformed
/// framing from the kernel fails the whole call. [`Error::NoSpace`] reports the size needed.
pub fn to_linux<'o>(ctx: &Ctx<'_>, input: Freebsd<'_>, out: &'o mut [u8]) -> Result<Linux<'o>> {
    let mut w = Writer::new(out);
    let mut failed_dump: Option<u32> = None;
    for msg in Messages::new(input.0) {
        let msg = msg?;
        let multi = msg.flags() & linux_abi::NLM_F_MULTI != 0;
        if failed_dump == Some(msg.seq()) && (multi || msg.msg_type() == linux_abi::NLMSG_DONE) {
            continue;
        }
        let mark = w.mark();
        match translate_msg(ctx, Dir::FreebsdToLinux, msg, &mut w) {
            Ok(()) => {}
            Err(Error::NoSpace { .. }) => {}
            Err(e) => {
                w.rewind(mark);
                emit_failure(&mut w, msg, multi, e)?;
                if multi {
                    failed_dump = Some(msg.seq());
                }
            }
        }
    }
    let n = w.finish()?;
    Ok(Linux(out_slice(out, n)))
}

/// Writes the Linux message that stands for a FreeBSD message we could not translate.
fn emit_failure(w: &mut Writer<'_>, msg: Msg<'_>, dump: bool, e: Error) -> Result<()> {
    let errno = e.linux_errno().saturating_neg();
    if dump {
        let m = w.begin_msg(
            linux_abi::NLMSG_DONE,
            linux_abi::NLM_F_MULTI,
            msg.seq(),
            msg.pid(),
        )?;
        w.put(&errno.to_ne_bytes())?;
        w.end_msg(m)
    } else {
        let m = w.begin_msg(
            linux_abi::NLMSG_ERROR,
            linux_abi::NLM_F_CAPPED,
            msg.seq(),
            msg.pid(),
        )?;
        w.put(&errno.to_ne_bytes())?;
        w.put(msg.header())?;
        w.end_msg(m)
    }
}

fn out_slice(out: &[u8], n: usize) -> &[u8] {
    out.get(..n).unwrap_or_default()
}

impl Error {
    /// The Linux errno (positive) a process should see for this error.
    #[must_use]
    pub fn linux_errno(self) -> i32 {
        match self {
            Error::NoSpace { .. } => linux_abi::ENOBUFS,
            Error::TooLong { .. } => linux_abi::EMSGSIZE,
            Error::Unsupported { .. } => linux_abi::EOPNOTSUPP,
            Error::Family { .. } => linux_abi::EAFNOSUPPORT,
            Error::NoDevice { .. } => linux_abi::ENODEV,
            Error::Truncated { .. }
            | Error::BadLength { .. }
            | Error::Rejected { .. }
            | Error::Invalid { .. } => linux_abi::EINVAL,
        }
    }

    /// The FreeBSD errno (positive) for this error, as a kernel glue would return it.
    #[must_use]
    pub fn freebsd_errno(self) -> i32 {
        msg::errno::to_freebsd(self.linux_errno())
    }
}
