// SPDX-License-Identifier: BSD-2-Clause
//! The one generic walker: message header → fixed family header → attributes (recursive).
//!
//! Everything message-family specific lives in the tables of [`crate::msg`]; this module only
//! interprets them, in either direction, writing through a [`Writer`].

use crate::error::{off32, Error, Result};
use crate::host;
use crate::table::Dir;
use crate::table::{AttrTable, Conv, Hooks, Kind, MsgSpec, MsgState, Synth, Track, MAX_HEADER};
use crate::wire::{
    align4, read_u16, read_u32, write_u16, write_u32, Attr, Attrs, Msg, Writer, NLA_HDRLEN,
    NLA_TYPE_MASK, NLMSG_HDRLEN,
};

/// Zero bytes for padding grown structures.
static ZEROS: [u8; 64] = [0; 64];

/// Which offset to follow through [`translate_with_spec`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Follow {
    /// Nothing.
    None,
    /// This offset of the source message; the output offset is returned.
    Source(usize),
    /// This offset of the output message; the source offset is returned.
    Output(usize),
}

/// Translates one message with `spec` into `w`.
///
/// `follow` names one offset to map between the source and the output message (relative to
/// their starts); the mapped offset is returned, for `NLMSGERR_ATTR_OFFS`.
pub(crate) fn translate_with_spec(
    st: &mut MsgState<'_>,
    dir: Dir,
    spec: &MsgSpec,
    msg: Msg<'_>,
    w: &mut Writer<'_>,
    follow: Follow,
) -> Result<Option<usize>> {
    st.src_base = msg.offset();
    st.dst_base = w.len();
    st.src_type = msg.msg_type();
    st.src_flags = msg.flags();
    st.track = match follow {
        Follow::None => None,
        Follow::Source(want) => Some(Track {
            want,
            reverse: false,
            found: None,
        }),
        Follow::Output(want) => Some(Track {
            want,
            reverse: true,
            found: None,
        }),
    };
    st.emitted = 0;
    let mark = w.begin_msg(msg.msg_type(), msg.flags(), msg.seq(), msg.pid())?;
    st.trace(
        msg.offset(),
        NLMSG_HDRLEN,
        mark.offset(),
        NLMSG_HDRLEN,
        true,
    );
    let payload = msg.payload();
    let hlen = spec.header_len.min(payload.len()).min(MAX_HEADER);
    let mut header = [0u8; MAX_HEADER];
    let hdr = header.get_mut(..hlen).ok_or(Error::TooLong {
        off: off32(msg.offset()),
    })?;
    crate::wire::copy(hdr, payload.get(..hlen).unwrap_or_default());
    if payload.len() < spec.header_len {
        // A request shorter than its family header carries only the family (`rtgenmsg`);
        // Linux reads nothing else, and busybox leaves junk in the padding after it.
        if let Some(rest) = header.get_mut(1..hlen) {
            rest.fill(0);
        }
    }
    st.src_header = header;
    st.src_header_len = hlen;
    let hdr = header.get_mut(..hlen).unwrap_or_default();
    for field in spec.fields {
        convert_field(dir, field.off, field.conv, hdr, msg.payload_offset())?;
    }
    let hdr_out = w.len();
    w.put(hdr)?;
    st.trace(msg.payload_offset(), hlen, hdr_out, hlen, true);
    let attr_start = align4(spec.header_len).unwrap_or(usize::MAX);
    if let Some(attrs) = payload.get(attr_start..) {
        w.pad()?;
        let base = msg.payload_offset().saturating_add(attr_start);
        translate_attrs(st, dir, spec.attrs, attrs, base, w, true)?;
        if dir == Dir::FreebsdToLinux && !st.echo {
            synthesize(st, spec.attrs.synth_linux, w)?;
        }
    }
    let hooks = Hooks::of(spec, dir);
    if let Some(append) = hooks.append.filter(|_| !st.echo) {
        if payload.len() >= spec.header_len {
            w.pad()?;
            append(st, msg, w)?;
        }
    }
    w.end_msg(mark)?;
    if let Some(fix) = hooks.fixup {
        if !w.overflowed() {
            let start = mark.offset().saturating_add(NLMSG_HDRLEN);
            let end = start.saturating_add(hlen);
            let mut out_hdr = [0u8; MAX_HEADER];
            let out = out_hdr.get_mut(..hlen).unwrap_or_default();
            crate::wire::copy(out, w.written().get(start..end).unwrap_or_default());
            fix(st, payload, out);
            w.patch(start, out);
        }
    }
    Ok(st.track.and_then(|t| t.found))
}

/// The copy-and-patch path: translates `msg` with `spec` by copying the whole message into
/// `w` in one move and rewriting, in place, the few bytes that differ. Returns `None`, with
/// nothing written, when the message has anything this path does not prove it writes exactly
/// as [`translate_with_spec`] would; the caller then takes that general path.
///
/// What it handles, each checked per attribute against the table's rows (found through the
/// table's compile-time [`crate::table::AttrIndex`]): rows that copy the payload (`Copy`,
/// under the same or a renumbered id), fixed-size values through a map (`U8`, `U32`,
/// `Flags32`: the value is rewritten where it lies), [`Kind::Patched`] rows whose in-place
/// form accepts the attribute, and dropped attributes (no row, or no counterpart on the
/// output side; the attributes after them move down, copied again from the source). Header fields are converted in place; padding is
/// zeroed as the writer pads; the family's synthesised attributes and hooks run as in the
/// general path. Anything else (nests, names, resized structures, custom rows, malformed attributes, an offset being followed, an echo) returns `None`.
/// `tests/fast_path.rs` compares both paths byte for byte on generated and golden inputs.
pub(crate) fn copy_and_patch(
    st: &mut MsgState<'_>,
    dir: Dir,
    spec: &MsgSpec,
    msg: Msg<'_>,
    w: &mut Writer<'_>,
) -> Option<Result<()>> {
    let payload = msg.payload();
    let hlen = spec.header_len;
    if w.overflowed() || st.echo || payload.len() < hlen || hlen > MAX_HEADER {
        return None;
    }
    if align4(hlen) != Some(hlen) {
        return None;
    }
    st.src_base = msg.offset();
    st.dst_base = w.len();
    st.src_type = msg.msg_type();
    st.src_flags = msg.flags();
    st.track = None;
    st.emitted = 0;
    let src_header = payload.get(..hlen)?;
    crate::wire::copy(&mut st.src_header, src_header);
    st.src_header_len = hlen;
    let start = w.len();
    let kept = match w.put_for_patch(msg.bytes(), PATCH_SLACK) {
        Ok(Some(out)) => patch_in_place(st, dir, spec, msg, out),
        _ => None,
    };
    let Some(kept) = kept else {
        w.truncate(start);
        return None;
    };
    w.truncate(start.saturating_add(kept));
    Some(finish_patched(st, dir, spec, msg, w, start))
}

/// Room [`copy_and_patch`] keeps after the copied message for attributes that grow in place
/// (`em0` is `eth0` on Linux, one padded word longer); a message that grows more takes the
/// general path.
const PATCH_SLACK: usize = 64;

/// Rewrites `out`, a copy of `msg` (padded, then [`PATCH_SLACK`] bytes of scratch), in place; returns how many of its bytes the
/// translated message keeps, or `None` when the general path must translate it.
fn patch_in_place(
    st: &mut MsgState<'_>,
    dir: Dir,
    spec: &MsgSpec,
    msg: Msg<'_>,
    out: &mut [u8],
) -> Option<usize> {
    let attr_start = NLMSG_HDRLEN.checked_add(spec.header_len)?;
    let hdr = out.get_mut(NLMSG_HDRLEN..attr_start)?;
    for field in spec.fields {
        convert_field(dir, field.off, field.conv, hdr, 0).ok()?;
    }
    let src = msg.bytes().get(attr_start..)?;
    let out = out.get_mut(attr_start..)?;
    let base = msg.offset().saturating_add(attr_start);
    let top = dir == Dir::FreebsdToLinux;
    let kept = patch_attrs(st, dir, spec.attrs, src, out, base, top)?;
    attr_start.checked_add(kept)
}

/// Rewrites in place `out`, a copy of the attribute list `src` (at buffer offset `base`;
/// `out` holds at least `src` padded; bytes past what is rewritten are scratch), as
/// [`translate_attrs`] with `table` would write it (attributes move when earlier ones
/// shrank, grew or were dropped: each is then copied again from `src`, never read from
/// `out`);
/// returns how many bytes of `out` the translation keeps (attributes dropped at the end are
/// cut off), or `None` when the general path must translate the list. `top`: the list is a
/// message's, whose emitted ids are noted for the synthesised attributes.
pub(crate) fn patch_attrs(
    st: &mut MsgState<'_>,
    dir: Dir,
    table: &AttrTable,
    src: &[u8],
    out: &mut [u8],
    base: usize,
    top: bool,
) -> Option<usize> {
    let mut pos = 0usize;
    let mut kept = 0usize;
    // How far into `out` this walk has written.
    let mut written = 0usize;
    while pos < src.len() {
        let rest = src.get(pos..)?;
        let len = usize::from(read_u16(rest, 0)?);
        let raw = read_u16(rest, 2)?;
        let payload = rest.get(NLA_HDRLEN..len)?;
        let next = pos.checked_add(align4(len)?)?;
        let id = raw & NLA_TYPE_MASK;
        let rule = table.lookup(dir, id);
        let target = rule.and_then(|r| match dir {
            Dir::LinuxToFreebsd => r.freebsd,
            Dir::FreebsdToLinux => r.linux,
        });
        let (kind, t) = match (rule.map(|r| r.kind), target) {
            // A custom row without an output id may still write something else.
            (Some(kind @ Kind::Patched(..)), t) => (kind, t),
            (Some(Kind::Custom(_)), None) => return None,
            (None | Some(Kind::Drop), _) | (Some(_), None) => {
                pos = next;
                continue;
            }
            (Some(kind), Some(t)) => (kind, Some(t)),
        };
        // The attribute is still where the first copy put it unless it moves (an earlier one
        // was dropped, shrank or grew) or an earlier one wrote over it (`written`): then it is
        // copied again from `src`, which is never written.
        let end = kept.checked_add(next.checked_sub(pos)?)?;
        let fresh = kept != pos || pos < written;
        written = written.max(end);
        let a = out.get_mut(kept..end)?;
        if fresh {
            crate::wire::copy(a, src.get(pos..pos.checked_add(len)?)?);
        }
        if len & 3 != 0 || fresh {
            a.get_mut(len..)?.fill(0);
        }
        if let Some(t) = t {
            write_u16(a, 2, t | (raw & !NLA_TYPE_MASK))?;
        }
        match kind {
            Kind::Copy => {}
            Kind::U8(map) => {
                let [v] = payload else { return None };
                *a.get_mut(NLA_HDRLEN)? = map.map(dir, *v)?;
            }
            Kind::U32(map) => {
                let v = map.map(dir, read_u32(payload, 0).filter(|_| len == 8)?)?;
                write_u32(a, NLA_HDRLEN, v)?;
            }
            Kind::Flags32(map) => {
                let v = map.map(dir, read_u32(payload, 0).filter(|_| len == 8)?);
                write_u32(a, NLA_HDRLEN, v)?;
            }
            Kind::NetOrder(n) => {
                let (v, n) = net_order(dir, n, payload)?;
                crate::wire::copy(a.get_mut(NLA_HDRLEN..)?, v.get(..n)?);
            }
            Kind::Patched(..) | Kind::IfName | Kind::Sized { .. } => {
                let attr = Attr::at(raw, payload, base.saturating_add(pos));
                // The attribute as copied, then the room after it (it may grow).
                let room = out.get_mut(kept..)?;
                let size = match kind {
                    Kind::Patched(_, in_place) => in_place(st, dir, attr, room)?,
                    Kind::Sized { linux, freebsd } => {
                        sized_in_place(dir, linux, freebsd, payload, room)?
                    }
                    _ => ifname_in_place(st, dir, attr, room)?,
                };
                if size > room.len() || size & 3 != 0 {
                    return None;
                }
                written = written.max(kept.checked_add(size)?);
                if let (true, true, Some(t)) = (top, size > 0, t) {
                    st.note_emitted(t);
                }
                kept = kept.checked_add(size)?;
                pos = next;
                continue;
            }
            _ => return None,
        }
        if let (true, Some(t)) = (top, t) {
            st.note_emitted(t);
        }
        kept = end;
        pos = next;
    }
    Some(kept)
}

/// The end of a message [`copy_and_patch`] wrote: synthesised attributes and hooks as in
/// [`translate_with_spec`], then `nlmsg_len`.
fn finish_patched(
    st: &mut MsgState<'_>,
    dir: Dir,
    spec: &MsgSpec,
    msg: Msg<'_>,
    w: &mut Writer<'_>,
    start: usize,
) -> Result<()> {
    let hooks = Hooks::of(spec, dir);
    if dir == Dir::FreebsdToLinux {
        synthesize(st, spec.attrs.synth_linux, w)?;
    }
    if let Some(append) = hooks.append {
        w.pad()?;
        append(st, msg, w)?;
    }
    let len = w.len().saturating_sub(start);
    w.pad()?;
    let len = u32::try_from(len).map_err(|_| Error::TooLong { off: off32(start) })?;
    w.patch(start, &len.to_ne_bytes());
    if let Some(fix) = hooks.fixup {
        if !w.overflowed() {
            let hlen = spec.header_len;
            let at = start.saturating_add(NLMSG_HDRLEN);
            let mut out_hdr = [0u8; MAX_HEADER];
            let out = out_hdr.get_mut(..hlen).unwrap_or_default();
            crate::wire::copy(
                out,
                w.written()
                    .get(at..at.saturating_add(hlen))
                    .unwrap_or_default(),
            );
            fix(st, msg.payload(), out);
            w.patch(at, out);
        }
    }
    Ok(())
}

/// [`Kind::NetOrder`]: `payload`, an integer of `width` bytes (2 or 4), from network order
/// (Linux) to host order (FreeBSD) or back; the converted bytes and their count. `None` for
/// a payload of another size.
fn net_order(dir: Dir, width: usize, payload: &[u8]) -> Option<([u8; 4], usize)> {
    match (width, payload) {
        (2, &[a, b]) => {
            let [x, y] = match dir {
                Dir::LinuxToFreebsd => u16::from_be_bytes([a, b]).to_ne_bytes(),
                Dir::FreebsdToLinux => u16::from_ne_bytes([a, b]).to_be_bytes(),
            };
            Some(([x, y, 0, 0], 2))
        }
        (4, &[a, b, c, d]) => {
            let v = match dir {
                Dir::LinuxToFreebsd => u32::from_be_bytes([a, b, c, d]).to_ne_bytes(),
                Dir::FreebsdToLinux => u32::from_ne_bytes([a, b, c, d]).to_be_bytes(),
            };
            Some((v, 4))
        }
        _ => None,
    }
}

fn convert_field(dir: Dir, off: usize, conv: Conv, hdr: &mut [u8], base: usize) -> Result<()> {
    let at = off32(base.saturating_add(off));
    match conv {
        Conv::Family(map) | Conv::U8(map) => {
            let Some(b) = hdr.get_mut(off) else {
                return Ok(());
            };
            *b = match (map.map(dir, *b), conv) {
                (Some(v), _) => v,
                (None, Conv::Family(_)) => {
                    return Err(Error::Family {
                        off: at,
                        family: u16::from(*b),
                    })
                }
                (None, _) => return Err(Error::Rejected { off: at, attr: 0 }),
            };
        }
        Conv::U16(map) => {
            let Some(v) = read_u16(hdr, off) else {
                return Ok(());
            };
            let v = map
                .map(dir, v)
                .ok_or(Error::Rejected { off: at, attr: 0 })?;
            crate::wire::write_u16(hdr, off, v);
        }
        Conv::Flags32(map) => {
            let Some(v) = read_u32(hdr, off) else {
                return Ok(());
            };
            crate::wire::write_u32(hdr, off, map.map(dir, v));
        }
    }
    Ok(())
}

/// Translates the attribute list `src` (starting at buffer offset `base`) with `table`.
///
/// Attributes without a row are dropped. The walk stops at the first malformed attribute
/// with its error, as both kernels refuse such a message.
pub(crate) fn translate_attrs(
    st: &mut MsgState<'_>,
    dir: Dir,
    table: &AttrTable,
    src: &[u8],
    base: usize,
    w: &mut Writer<'_>,
    top: bool,
) -> Result<()> {
    // Consecutive attributes that cross unchanged are written in one move (`run`, positions
    // in `src`), unless an offset is being followed through the translation.
    let mut run = 0..0;
    for attr in Attrs::with_base(src, base) {
        let attr = attr?;
        let Some(rule) = table.lookup(dir, attr.kind()) else {
            continue;
        };
        let target = match dir {
            Dir::LinuxToFreebsd => rule.freebsd,
            Dir::FreebsdToLinux => rule.linux,
        };
        let out_type = target.map(|t| t | attr.flag_bits());
        if let Some(span) = unchanged(st, rule.kind, attr, out_type, src, base) {
            if span.start != run.end {
                flush(w, src, run)?;
                run = span.start..span.start;
            }
            run.end = span.end;
            if let (true, Dir::FreebsdToLinux, Some(t)) = (top, dir, target) {
                st.note_emitted(t);
            }
            continue;
        }
        flush(w, src, run)?;
        run = 0..0;
        let before = w.len();
        let exact = translate_one(st, dir, rule.kind, attr, out_type, w)?;
        if w.len() != before {
            let span = NLA_HDRLEN.saturating_add(attr.payload().len());
            let out_len = w.len().saturating_sub(before);
            st.trace(attr.offset(), span, before, out_len, exact);
            if top && dir == Dir::FreebsdToLinux {
                if let Some(t) = target {
                    st.note_emitted(t);
                }
            }
        }
    }
    flush(w, src, run)
}

/// Writes the attributes at `run` in `src` as they are, then pads (nothing for an empty run).
fn flush(w: &mut Writer<'_>, src: &[u8], run: core::ops::Range<usize>) -> Result<()> {
    if run.is_empty() {
        return Ok(());
    }
    w.put(src.get(run).unwrap_or_default())?;
    w.pad()
}

/// Where `attr` lies in `src` (attribute walk from buffer offset `base`), padding included,
/// when its output is byte for byte its input: a plain copy under the same `nla_type`
/// whose padding is zero (the writer pads with zeros). `None` otherwise, or while an offset
/// is followed.
fn unchanged(
    st: &MsgState<'_>,
    kind: Kind,
    attr: Attr<'_>,
    out_type: Option<u16>,
    src: &[u8],
    base: usize,
) -> Option<core::ops::Range<usize>> {
    if !matches!(kind, Kind::Copy) || out_type != Some(attr.raw_type()) || st.track.is_some() {
        return None;
    }
    let start = attr.offset().checked_sub(base)?;
    let end = attr
        .payload_offset()
        .checked_sub(base)?
        .checked_add(attr.payload().len())?;
    // The last attribute of a message may end unpadded; the writer pads after the run.
    let padded = align4(end)?.min(src.len());
    let padding = src.get(end..padded)?;
    padding.iter().all(|&b| b == 0).then_some(start..padded)
}

/// Emits one attribute; returns whether byte positions inside it map one to one.
fn translate_one(
    st: &mut MsgState<'_>,
    dir: Dir,
    kind: Kind,
    attr: Attr<'_>,
    out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<bool> {
    let at = off32(attr.offset());
    let rejected = Error::Rejected {
        off: at,
        attr: attr.kind(),
    };
    if let Kind::Custom(f) | Kind::Patched(f, _) = kind {
        f(st, dir, attr, out_type, w)?;
        return Ok(false);
    }
    let Some(ty) = out_type else {
        return Ok(false);
    };
    match kind {
        Kind::Copy => w.attr(ty, attr.payload()).map(|()| true),
        Kind::Sized { linux, freebsd } => {
            let (from, to) = match dir {
                Dir::LinuxToFreebsd => (linux, freebsd),
                Dir::FreebsdToLinux => (freebsd, linux),
            };
            if attr.payload().len() < from.min(to) {
                return Err(rejected);
            }
            let len = u16::try_from(to.saturating_add(NLA_HDRLEN))
                .map_err(|_| Error::TooLong { off: at })?;
            w.put(&len.to_ne_bytes())?;
            w.put(&ty.to_ne_bytes())?;
            let keep = attr.payload().len().min(to);
            w.put(attr.payload().get(..keep).unwrap_or_default())?;
            let mut pad = to.saturating_sub(keep);
            while pad > 0 {
                let n = pad.min(ZEROS.len());
                w.put(ZEROS.get(..n).unwrap_or_default())?;
                pad = pad.saturating_sub(n);
            }
            w.pad()?;
            Ok(true)
        }
        Kind::U8(map) => {
            let v = attr.u8().and_then(|v| map.map(dir, v)).ok_or(rejected)?;
            w.attr_u8(ty, v).map(|()| true)
        }
        Kind::U32(map) => {
            let v = attr.u32().and_then(|v| map.map(dir, v)).ok_or(rejected)?;
            w.attr_u32(ty, v).map(|()| true)
        }
        Kind::Flags32(map) => {
            let v = attr.u32().ok_or(rejected)?;
            w.attr_u32(ty, map.map(dir, v)).map(|()| true)
        }
        Kind::NetOrder(n) => {
            let (v, len) = net_order(dir, n, attr.payload()).ok_or(rejected)?;
            w.attr(ty, v.get(..len).unwrap_or_default()).map(|()| true)
        }
        Kind::IfName => ifname(st, dir, attr, out_type, w).map(|()| false),
        Kind::Nested(table) => translate_nest(st, dir, table, attr, ty, w).map(|()| false),
        Kind::Drop | Kind::Custom(_) | Kind::Patched(..) => Ok(false),
    }
}

/// Writes the nest `attr` as attribute `ty`, its content translated with `table`.
pub(crate) fn translate_nest(
    st: &mut MsgState<'_>,
    dir: Dir,
    table: &AttrTable,
    attr: Attr<'_>,
    ty: u16,
    w: &mut Writer<'_>,
) -> Result<()> {
    let nest = w.begin_nest(ty)?;
    let base = attr.payload_offset();
    translate_attrs(st, dir, table, attr.payload(), base, w, false)?;
    w.end_nest(nest)
}

fn synthesize(st: &mut MsgState<'_>, synth: &[Synth], w: &mut Writer<'_>) -> Result<()> {
    for s in synth {
        if st.was_emitted(s.id()) {
            continue;
        }
        match *s {
            Synth::Str(id, v) => w.attr_str(id, v)?,
            Synth::U32(id, v) => w.attr_u32(id, v)?,
            Synth::U8(id, v) => w.attr_u8(id, v)?,
        }
        st.note_emitted(s.id());
    }
    Ok(())
}

/// [`Kind::Sized`] in place (see [`crate::table::PatchFn`]): the structure cut or
/// zero-extended to the output side's size, as [`translate_one`] writes it.
fn sized_in_place(
    dir: Dir,
    linux: usize,
    freebsd: usize,
    payload: &[u8],
    out: &mut [u8],
) -> Option<usize> {
    let (from, to) = match dir {
        Dir::LinuxToFreebsd => (linux, freebsd),
        Dir::FreebsdToLinux => (freebsd, linux),
    };
    if payload.len() < from.min(to) {
        return None;
    }
    let len = to.checked_add(NLA_HDRLEN)?;
    let padded = align4(len)?;
    let body = out.get_mut(NLA_HDRLEN..padded)?;
    let n = crate::wire::copy(body.get_mut(..to)?, payload);
    body.get_mut(n..)?.fill(0);
    write_u16(out, 0, u16::try_from(len).ok()?)?;
    Some(padded)
}

/// [`ifname`] in place, for the copy-and-patch path (see [`crate::table::PatchFn`]): the name
/// attribute rewritten at the start of `out` when it fits there, its padded size returned.
pub(crate) fn ifname_in_place(
    st: &MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out: &mut [u8],
) -> Option<usize> {
    let name = attr.cstr();
    let mapped = match dir {
        Dir::FreebsdToLinux => match read_u32(st.src_header(), HEADER_IFINDEX) {
            Some(hint) => host::linux_name_hinted(st.host, name, hint),
            None => host::linux_name_of(st.host, name),
        },
        Dir::LinuxToFreebsd => host::freebsd_name(st.host, name),
    };
    let s = match &mapped {
        Some(n) => n.as_bytes(),
        None => name,
    };
    // As `Writer::attr_str`: header, the name, its NUL, zero padding.
    let len = NLA_HDRLEN.checked_add(s.len())?.checked_add(1)?;
    let padded = align4(len)?;
    let body = out.get_mut(NLA_HDRLEN..padded)?;
    let n = crate::wire::copy(body, s);
    body.get_mut(n..)?.fill(0);
    write_u16(out, 0, u16::try_from(len).ok()?)?;
    Some(padded)
}

/// Where the fixed headers of the messages that carry interface names keep the interface
/// index: `ifi_index` of `struct ifinfomsg` (`sys/netlink/route/interface.h`) and `ifa_index`
/// of `struct ifaddrmsg` (`sys/netlink/route/ifaddrs.h`) are both at offset 4. [`ifname`]
/// only takes it as a hint, checked against the name.
const HEADER_IFINDEX: usize = core::mem::offset_of!(freebsd_abi::ifinfomsg, ifi_index);
const _: () = assert!(HEADER_IFINDEX == core::mem::offset_of!(freebsd_abi::ifaddrmsg, ifa_index));

/// [`Kind::IfName`]: FreeBSD names become Linux names by the Linuxulator's rules; Linux names
/// go back to the FreeBSD interface they designate, and a name no interface has (a link
/// being created) passes unchanged. A FreeBSD name is first tried against the index of the
/// message's fixed header ([`host::linux_name_hinted`]).
pub(crate) fn ifname(
    st: &mut MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<()> {
    let Some(ty) = out_type else {
        return Ok(());
    };
    let name = attr.cstr();
    let mapped = match dir {
        Dir::FreebsdToLinux => match read_u32(st.src_header(), HEADER_IFINDEX) {
            Some(hint) => host::linux_name_hinted(st.host, name, hint),
            None => host::linux_name_of(st.host, name),
        },
        Dir::LinuxToFreebsd => host::freebsd_name(st.host, name),
    };
    match mapped {
        Some(n) => w.attr_str(ty, n.as_bytes()),
        None => w.attr_str(ty, name),
    }
}
