// SPDX-License-Identifier: BSD-2-Clause
//! Allocation-free, bounds-checked netlink framing shared by both ABIs.
//!
//! The framing is the same on Linux and FreeBSD: host-endian `nlmsghdr` (16 bytes) followed by
//! a fixed family header and `nlattr` TLVs, everything aligned to 4 bytes (Linux
//! `include/uapi/linux/netlink.h` `NLMSG_ALIGNTO`, `NLA_ALIGNTO`; FreeBSD
//! `sys/netlink/netlink.h`). Only the *values* inside differ, which is the translator's job.
//!
//! - [`Messages`] walks a buffer of messages with the kernels' rules.
//! - [`Attrs`] walks attributes, nested ones too.
//! - [`Writer`] emits messages, attributes and nests into a caller-provided buffer; when the
//!   buffer is too small it keeps counting and reports the total size needed.

mod attr;
mod nlmsg;
mod writer;

pub use attr::{
    attrs_after, Attr, Attrs, NLA_F_NESTED, NLA_F_NET_BYTEORDER, NLA_HDRLEN, NLA_TYPE_MASK,
};
pub use nlmsg::{Messages, Msg, NLMSG_HDRLEN};
pub use writer::{Mark, Writer};

/// Rounds `len` up to the netlink alignment of 4 bytes; `None` on overflow.
#[must_use]
pub const fn align4(len: usize) -> Option<usize> {
    match len.checked_add(3) {
        Some(v) => Some(v & !3),
        None => None,
    }
}

/// Copies as many bytes as both slices hold, without the length check (and panic path) of
/// `copy_from_slice`; returns the count copied.
pub fn copy(dst: &mut [u8], src: &[u8]) -> usize {
    let mut n = 0usize;
    for (d, s) in dst.iter_mut().zip(src) {
        *d = *s;
        n = n.saturating_add(1);
    }
    n
}

/// Reads a native-endian `u16` at `off`.
#[must_use]
pub fn read_u16(buf: &[u8], off: usize) -> Option<u16> {
    let end = off.checked_add(2)?;
    let b: [u8; 2] = buf.get(off..end)?.try_into().ok()?;
    Some(u16::from_ne_bytes(b))
}

/// Reads a native-endian `u32` at `off`.
#[must_use]
pub fn read_u32(buf: &[u8], off: usize) -> Option<u32> {
    let end = off.checked_add(4)?;
    let b: [u8; 4] = buf.get(off..end)?.try_into().ok()?;
    Some(u32::from_ne_bytes(b))
}

/// Writes a native-endian `u16` at `off`; `None` if it does not fit.
pub fn write_u16(buf: &mut [u8], off: usize, v: u16) -> Option<()> {
    let end = off.checked_add(2)?;
    buf.get_mut(off..end)?.copy_from_slice(&v.to_ne_bytes());
    Some(())
}

/// Writes a native-endian `u32` at `off`; `None` if it does not fit.
pub fn write_u32(buf: &mut [u8], off: usize, v: u32) -> Option<()> {
    let end = off.checked_add(4)?;
    buf.get_mut(off..end)?.copy_from_slice(&v.to_ne_bytes());
    Some(())
}

/// The fixed header (or any ABI struct) at the start of `buf`, copied out (so `buf` needs no
/// alignment); `None` when `buf` is shorter than `H`.
#[must_use]
pub fn read_header<H: zerocopy::FromBytes>(buf: &[u8]) -> Option<H> {
    H::read_from_prefix(buf).ok().map(|(h, _)| h)
}

/// Edits the fixed header at the start of `buf` through its ABI struct `H` (copied out,
/// changed by `f`, written back, so `buf` needs no alignment). Nothing happens when `buf` is
/// shorter than `H`.
pub fn edit_header<H>(buf: &mut [u8], f: impl FnOnce(&mut H))
where
    H: zerocopy::FromBytes + zerocopy::IntoBytes + zerocopy::Immutable + zerocopy::KnownLayout,
{
    if let Ok((mut h, _)) = H::read_from_prefix(buf) {
        f(&mut h);
        // Cannot fail: `buf` held an `H` a moment ago.
        let _ = h.write_to_prefix(buf);
    }
}
