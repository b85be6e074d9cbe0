// SPDX-License-Identifier: BSD-2-Clause
//! Control messages: `NLMSG_ERROR` (acks and errors with their echoed request and extended-ack
//! TLVs), `NLMSG_DONE`, `NLMSG_NOOP`, `NLMSG_OVERRUN`.
//!
//! Linux: `include/uapi/linux/netlink.h` (`struct nlmsgerr`, `enum nlmsgerr_attrs`);
//! FreeBSD: `sys/netlink/netlink.h`, `sys/netlink/netlink_message_writer.c` (`nlmsg_ack`,
//! `_nlmsg_end_dump`). The layouts are equal; the errno is negative on Linux and positive on
//! FreeBSD, with different numbers; FreeBSD writes DONE with flags 0 where Linux sets
//! `NLM_F_MULTI`.

use super::errno::translate_wire;
use crate::engine::{Cx, Follow};
use crate::error::{off32, Error, Result};
use crate::wire::{align4, read_u32, Attrs, Messages, Msg, Writer, NLMSG_HDRLEN};
use crate::{Ctx, Dir};
use linux_abi as l;

/// `sizeof(struct nlmsgerr)`: the errno and the echoed header.
const NLMSGERR_LEN: usize = 20;

/// Translates an `NLMSG_DONE` (payload: errno, then optional ext-ack TLVs).
pub(crate) fn translate_done(
    ctx: &Ctx<'_>,
    dir: Dir,
    msg: Msg<'_>,
    w: &mut Writer<'_>,
) -> Result<()> {
    let flags = match dir {
        // ABI: FreeBSD's `_nlmsg_end_dump()` writes flags 0; Linux clients expect NLM_F_MULTI.
        Dir::FreebsdToLinux => msg.flags() | l::NLM_F_MULTI,
        Dir::LinuxToFreebsd => msg.flags(),
    };
    let mark = w.begin_msg(msg.msg_type(), flags, msg.seq(), msg.pid())?;
    let payload = msg.payload();
    match read_u32(payload, 0) {
        Some(raw) => {
            let raw = i32::from_ne_bytes(raw.to_ne_bytes());
            let req = ctx.request.and_then(|r| Msg::parse(r, 0).ok());
            let linux = match req.filter(|r| r.seq() == msg.seq() && dir == Dir::FreebsdToLinux) {
                Some(req) => crate::request::linux_dump_errno(ctx.proto, req, raw),
                None => None,
            };
            let e = linux.map_or_else(|| translate_wire(dir, raw), i32::saturating_neg);
            w.put(&e.to_ne_bytes())?;
            let tlvs = payload.get(4..).unwrap_or_default();
            let base = msg.payload_offset().saturating_add(4);
            translate_ext_ack(tlvs, base, None, w)?;
        }
        // ABI: a DONE without payload; Linux clients (iproute2) need the 4-byte int.
        None if dir == Dir::FreebsdToLinux => w.put(&0i32.to_ne_bytes())?,
        None => w.put(payload)?,
    }
    w.end_msg(mark)
}

/// Translates an `NLMSG_ERROR`: errno, echoed request (translated back, or the original
/// request from `ctx` when the caller kept it), and the ext-ack TLVs with
/// `NLMSGERR_ATTR_OFFS` re-pointed into the output's echo.
pub(crate) fn translate_error(
    ctx: &Ctx<'_>,
    dir: Dir,
    msg: Msg<'_>,
    w: &mut Writer<'_>,
) -> Result<()> {
    let payload = msg.payload();
    let at = off32(msg.payload_offset());
    let raw = read_u32(payload, 0).ok_or(Error::Truncated { off: at })?;
    let raw_errno = i32::from_ne_bytes(raw.to_ne_bytes());
    if dir == Dir::FreebsdToLinux {
        let req = ctx.request.and_then(|r| Msg::parse(r, 0).ok());
        if let Some(req) = req.filter(|r| r.seq() == msg.seq()) {
            if crate::request::empty_dump_for_freebsd_error(ctx.proto, req, raw_errno) {
                // Linux's empty dump: one NLMSG_DONE, status 0 (flags set by the caller).
                let mark = w.begin_msg(l::NLMSG_DONE, l::NLM_F_MULTI, msg.seq(), msg.pid())?;
                w.put(&0i32.to_ne_bytes())?;
                return w.end_msg(mark);
            }
        }
    }
    let setlink = match (dir, ctx.request.and_then(|r| Msg::parse(r, 0).ok())) {
        (Dir::FreebsdToLinux, Some(req)) if req.seq() == msg.seq() => {
            super::link::setlink_linux_errno(req, raw_errno)
        }
        _ => None,
    };
    let errno = setlink.map_or_else(|| translate_wire(dir, raw_errno), i32::saturating_neg);
    let capped = msg.flags() & l::NLM_F_CAPPED != 0;
    let echo_all = payload.get(4..).unwrap_or_default();
    let echo_len = if echo_all.len() < NLMSG_HDRLEN {
        echo_all.len()
    } else if capped {
        NLMSG_HDRLEN
    } else {
        let n = read_u32(echo_all, 0).unwrap_or(0);
        usize::try_from(n)
            .unwrap_or(usize::MAX)
            .clamp(NLMSG_HDRLEN, echo_all.len())
    };
    let echo = echo_all.get(..echo_len).unwrap_or_default();
    let echo_off = msg.payload_offset().saturating_add(4);

    let mark = w.begin_msg(msg.msg_type(), msg.flags(), msg.seq(), msg.pid())?;
    w.put(&errno.to_ne_bytes())?;
    let echo_mark = w.mark();
    // The echo of a capped ack is a lone header whose `nlmsg_len` still counts the whole
    // request, so it is compared by field rather than parsed as a message; only the seq is
    // compared, because FreeBSD's handlers may rewrite the request header in place before the
    // ack copies it (`rtnl_handle_getroute` in `sys/netlink/route/rt.c` sets `nlmsg_type` to
    // `RTM_NEWROUTE` to build its reply).
    let original = ctx
        .request
        .filter(|r| matches!((r.get(8..12), echo.get(8..12)), (Some(a), Some(b)) if a == b));
    match (original, echo_len >= NLMSG_HDRLEN && !capped) {
        (Some(orig), true) if dir == Dir::FreebsdToLinux => {
            let n = read_u32(orig, 0).and_then(|n| usize::try_from(n).ok());
            w.put(orig.get(..n.unwrap_or(0)).unwrap_or(orig))?;
        }
        (Some(orig), false) if dir == Dir::FreebsdToLinux => {
            w.put(orig.get(..NLMSG_HDRLEN).unwrap_or(echo))?;
        }
        (_, true) => {
            if let Some(Ok(inner)) = Messages::new(echo).next() {
                let inner = Msg::parse(inner.bytes(), echo_off).unwrap_or(inner);
                let sub = ctx.with_request(None);
                if crate::translate_msg_as(&sub, dir, inner, w, true).is_err() {
                    w.rewind(echo_mark);
                    w.put(echo.get(..NLMSG_HDRLEN).unwrap_or(echo))?;
                }
            } else {
                w.put(echo)?;
            }
        }
        (_, false) => w.put(echo)?,
    }
    w.pad()?;
    let tlv_start = align4(
        NLMSGERR_LEN
            .saturating_sub(NLMSG_HDRLEN)
            .saturating_add(echo_len),
    )
    .unwrap_or(usize::MAX);
    let tlvs = payload.get(tlv_start..).unwrap_or_default();
    let remap = OffsRemap {
        ctx,
        dir,
        echo,
        echo_off,
        original,
    };
    translate_ext_ack(
        tlvs,
        msg.payload_offset().saturating_add(tlv_start),
        Some(&remap),
        w,
    )?;
    w.end_msg(mark)
}

/// What is needed to move an `NLMSGERR_ATTR_OFFS` from the input's echo to the output's.
struct OffsRemap<'a> {
    ctx: &'a Ctx<'a>,
    dir: Dir,
    echo: &'a [u8],
    echo_off: usize,
    original: Option<&'a [u8]>,
}

impl OffsRemap<'_> {
    fn remap(&self, off: usize) -> Option<usize> {
        let mut none: [u8; 0] = [];
        let mut scratch = Writer::new(&mut none);
        let mut cx = Cx::new(self.ctx.host);
        cx.echo = true;
        match self.original {
            // The echo we send is the original request: find which of its bytes became the
            // offending FreeBSD bytes by translating it again, following output offsets.
            Some(orig) if self.dir == Dir::FreebsdToLinux => {
                let m = Msg::parse(orig, 0).ok()?;
                let spec = super::spec_for(self.ctx.proto, m.msg_type())?;
                crate::engine::translate_with_spec(
                    &mut cx,
                    self.dir.reverse(),
                    spec,
                    m,
                    &mut scratch,
                    Follow::Output(off),
                )
                .ok()
                .flatten()
            }
            _ => {
                let m = Msg::parse(self.echo, self.echo_off).ok()?;
                let spec = super::spec_for(self.ctx.proto, m.msg_type())?;
                crate::engine::translate_with_spec(
                    &mut cx,
                    self.dir,
                    spec,
                    m,
                    &mut scratch,
                    Follow::Source(off),
                )
                .ok()
                .flatten()
            }
        }
    }
}

/// Translates ext-ack TLVs (`enum nlmsgerr_attrs`, same ids on both systems). `OFFS` is
/// re-pointed when a remapper is given and dropped when it cannot be; unknown ids dropped.
fn translate_ext_ack(
    tlvs: &[u8],
    base: usize,
    remap: Option<&OffsRemap<'_>>,
    w: &mut Writer<'_>,
) -> Result<()> {
    for a in Attrs::with_base(tlvs, base) {
        let Ok(a) = a else {
            break;
        };
        match a.kind() {
            l::NLMSGERR_ATTR_OFFS => {
                let off = a.u32().and_then(|v| usize::try_from(v).ok());
                let mapped = off.and_then(|o| remap.and_then(|r| r.remap(o)));
                if let Some(v) = mapped.and_then(|m| u32::try_from(m).ok()) {
                    w.attr_u32(a.raw_type(), v)?;
                }
            }
            l::NLMSGERR_ATTR_MSG
            | l::NLMSGERR_ATTR_COOKIE
            | l::NLMSGERR_ATTR_POLICY
            | l::NLMSGERR_ATTR_MISS_TYPE
            | l::NLMSGERR_ATTR_MISS_NEST => w.attr(a.raw_type(), a.payload())?,
            _ => {}
        }
    }
    Ok(())
}
