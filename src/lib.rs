// SPDX-License-Identifier: BSD-2-Clause
//! nlcompat: translate netlink messages between the Linux and FreeBSD ABIs.
//!
//! `no_std`, no allocation, no panics, no `unsafe`. Modules import one way,
//! `wire → table → engine → msg → lib` (`tests/layering.rs`): [`wire`] frames messages and
//! attributes; [`table`] describes the rows of the per-family tables; [`engine`] walks them
//! in either direction; [`msg`] holds one declarative table per message family and the
//! dispatch by `nlmsg_type` ([`translate_msg`]); this file walks whole buffers. Interface
//! names come from a [`Host`].
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

pub use error::{Error, FreebsdErrno, LinuxErrno, Result};
pub use host::{Host, IfName, StaticHost, StaticIf};
pub use msg::{translate_msg, Ctx};
pub use socket::Proto;
pub use table::Dir;

use wire::{Messages, Msg, Writer};

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
    let errno = e.linux_errno().wire();
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
