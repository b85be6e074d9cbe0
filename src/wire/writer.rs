// SPDX-License-Identifier: BSD-2-Clause
//! Emitting messages, attributes and nests into a caller-provided buffer.

use super::{align4, write_u16, write_u32, NLA_HDRLEN, NLMSG_HDRLEN};
use crate::error::{off32, Error, Result};

/// The start of an open message or nest, to be closed with [`Writer::end_msg`] or
/// [`Writer::end_nest`], which patch its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use = "an open message or nest must be closed"]
pub struct Mark(usize);

impl Mark {
    /// Offset of the opened header in the output.
    #[must_use]
    pub fn offset(self) -> usize {
        self.0
    }
}

/// Writes netlink data into `&mut [u8]`; never panics and never allocates.
///
/// Padding is always zero-filled, so the output does not depend on the buffer's prior
/// contents. When the buffer is too small the writer stops storing bytes but keeps counting,
/// and [`Writer::finish`] returns [`Error::NoSpace`] with the size the whole output needs, so
/// a caller can allocate once and retry.
#[derive(Debug)]
pub struct Writer<'a> {
    buf: &'a mut [u8],
    pos: usize,
    /// Where the first write that did not fit started, if any.
    overflow_at: Option<usize>,
}

impl<'a> Writer<'a> {
    /// A writer that fills `buf` from its start.
    pub fn new(buf: &'a mut [u8]) -> Writer<'a> {
        Writer {
            buf,
            pos: 0,
            overflow_at: None,
        }
    }

    /// Bytes written (or, after an overflow, that would have been written) so far.
    #[must_use]
    pub fn len(&self) -> usize {
        self.pos
    }

    /// True if nothing has been written.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.pos == 0
    }

    /// True once the buffer turned out too small.
    #[must_use]
    pub fn overflowed(&self) -> bool {
        self.overflow_at.is_some()
    }

    /// The written bytes so far (empty after an overflow).
    #[must_use]
    pub fn written(&self) -> &[u8] {
        if self.overflowed() {
            &[]
        } else {
            self.buf.get(..self.pos).unwrap_or_default()
        }
    }

    /// Ends writing: the output length, or [`Error::NoSpace`] with the size needed.
    pub fn finish(self) -> Result<usize> {
        if self.overflowed() {
            Err(Error::NoSpace {
                needed: off32(self.pos),
            })
        } else {
            Ok(self.pos)
        }
    }

    /// Reserves `len` bytes, zero-filled, and returns their offset.
    fn reserve(&mut self, len: usize) -> Result<usize> {
        let start = self.pos;
        let end = start
            .checked_add(len)
            .ok_or(Error::TooLong { off: off32(start) })?;
        self.pos = end;
        if !self.overflowed() {
            match self.buf.get_mut(start..end) {
                Some(dst) => dst.fill(0),
                None => self.overflow_at = Some(start),
            }
        }
        Ok(start)
    }

    /// Reserves `len` bytes that the caller stores at once (not zero-filled first), and
    /// returns their offset.
    fn advance(&mut self, len: usize) -> Result<usize> {
        let start = self.pos;
        let end = start
            .checked_add(len)
            .ok_or(Error::TooLong { off: off32(start) })?;
        self.pos = end;
        if !self.overflowed() && end > self.buf.len() {
            self.overflow_at = Some(start);
        }
        Ok(start)
    }

    /// Appends raw bytes followed by zero padding up to 4-byte alignment.
    pub fn put_padded(&mut self, bytes: &[u8]) -> Result<()> {
        self.put(bytes)?;
        self.pad()
    }

    /// Appends raw bytes without padding (a fixed header whose size is already aligned, or
    /// bytes that a later call pads).
    pub fn put(&mut self, bytes: &[u8]) -> Result<()> {
        let start = self.advance(bytes.len())?;
        self.store(start, bytes);
        Ok(())
    }

    /// Appends `bytes` and zero padding up to 4-byte alignment, like [`Writer::put_padded`],
    /// then reserves `slack` more bytes (not zero-filled: scratch space for the caller, who
    /// then cuts the output to what it filled with [`Writer::truncate`]), and returns all of
    /// it for the caller to patch in place; `None` when the buffer is too small (the writer
    /// keeps counting, as always).
    pub fn put_for_patch(&mut self, bytes: &[u8], slack: usize) -> Result<Option<&mut [u8]>> {
        let start = self.pos;
        self.put_padded(bytes)?;
        self.advance(slack)?;
        if self.overflowed() {
            return Ok(None);
        }
        Ok(self.buf.get_mut(start..self.pos))
    }

    /// Drops everything written past `len` bytes of output, as [`Writer::rewind`] does to a
    /// mark at that offset (nothing happens when fewer bytes were written).
    pub fn truncate(&mut self, len: usize) {
        self.rewind(Mark(len));
    }

    /// Pads the output with zeros to the next 4-byte boundary.
    pub fn pad(&mut self) -> Result<()> {
        let target = align4(self.pos).ok_or(Error::TooLong {
            off: off32(self.pos),
        })?;
        let missing = target.saturating_sub(self.pos);
        self.reserve(missing).map(|_| ())
    }

    fn store(&mut self, start: usize, bytes: &[u8]) {
        if self.overflowed() {
            return;
        }
        let Some(end) = start.checked_add(bytes.len()) else {
            self.overflow_at = Some(start);
            return;
        };
        match self.buf.get_mut(start..end) {
            Some(dst) => {
                super::copy(dst, bytes);
            }
            None => self.overflow_at = Some(start),
        }
    }

    /// Overwrites bytes at `off` (inside already reserved output).
    pub fn patch(&mut self, off: usize, bytes: &[u8]) {
        self.store(off, bytes);
    }

    /// Opens a message: writes an `nlmsghdr` whose length is fixed by [`Writer::end_msg`].
    pub fn begin_msg(&mut self, msg_type: u16, flags: u16, seq: u32, pid: u32) -> Result<Mark> {
        let start = self.reserve(NLMSG_HDRLEN)?;
        if !self.overflowed() {
            let b = self.buf.get_mut(start..).unwrap_or_default();
            write_u16(b, 4, msg_type);
            write_u16(b, 6, flags);
            write_u32(b, 8, seq);
            write_u32(b, 12, pid);
        }
        Ok(Mark(start))
    }

    /// Closes a message: pads it and stores its length in `nlmsg_len`.
    pub fn end_msg(&mut self, mark: Mark) -> Result<()> {
        let len = self.pos.saturating_sub(mark.0);
        self.pad()?;
        let len = u32::try_from(len).map_err(|_| Error::TooLong { off: off32(mark.0) })?;
        if !self.overflowed() {
            let b = self.buf.get_mut(mark.0..).unwrap_or_default();
            write_u32(b, 0, len);
        }
        Ok(())
    }

    /// Appends one attribute with `payload`, padded. `raw_type` may carry flag bits.
    pub fn attr(&mut self, raw_type: u16, payload: &[u8]) -> Result<()> {
        let start = self.pos;
        let len = payload
            .len()
            .checked_add(NLA_HDRLEN)
            .and_then(|l| u16::try_from(l).ok())
            .ok_or(Error::TooLong { off: off32(start) })?;
        self.put(&len.to_ne_bytes())?;
        self.put(&raw_type.to_ne_bytes())?;
        self.put_padded(payload)
    }

    /// Appends a `u8` attribute.
    pub fn attr_u8(&mut self, raw_type: u16, v: u8) -> Result<()> {
        self.attr(raw_type, &[v])
    }

    /// Appends a native-endian `u16` attribute.
    pub fn attr_u16(&mut self, raw_type: u16, v: u16) -> Result<()> {
        self.attr(raw_type, &v.to_ne_bytes())
    }

    /// Appends a native-endian `u32` attribute.
    pub fn attr_u32(&mut self, raw_type: u16, v: u32) -> Result<()> {
        self.attr(raw_type, &v.to_ne_bytes())
    }

    /// Appends a NUL-terminated string attribute.
    pub fn attr_str(&mut self, raw_type: u16, s: &[u8]) -> Result<()> {
        let start = self.pos;
        let len = s
            .len()
            .checked_add(NLA_HDRLEN + 1)
            .and_then(|l| u16::try_from(l).ok())
            .ok_or(Error::TooLong { off: off32(start) })?;
        self.put(&len.to_ne_bytes())?;
        self.put(&raw_type.to_ne_bytes())?;
        self.put(s)?;
        self.put(&[0])?;
        self.pad()
    }

    /// Opens a nested attribute; `raw_type` is written as given (add `NLA_F_NESTED` if the
    /// ABI wants it).
    pub fn begin_nest(&mut self, raw_type: u16) -> Result<Mark> {
        let start = self.reserve(NLA_HDRLEN)?;
        if !self.overflowed() {
            let b = self.buf.get_mut(start..).unwrap_or_default();
            write_u16(b, 2, raw_type);
        }
        Ok(Mark(start))
    }

    /// Closes a nest: stores its length (header included).
    pub fn end_nest(&mut self, mark: Mark) -> Result<()> {
        self.pad()?;
        let len = self.pos.saturating_sub(mark.0);
        let len = u16::try_from(len).map_err(|_| Error::TooLong { off: off32(mark.0) })?;
        if !self.overflowed() {
            let b = self.buf.get_mut(mark.0..).unwrap_or_default();
            write_u16(b, 0, len);
        }
        Ok(())
    }

    /// Drops everything written after `mark` (e.g. an attribute that turned out not to be
    /// translatable after its header was opened).
    pub fn rewind(&mut self, mark: Mark) {
        if mark.0 <= self.pos {
            self.pos = mark.0;
            // What did not fit came after the mark: it is gone, and the buffer is whole again.
            if self.overflow_at.is_some_and(|at| at >= mark.0) {
                self.overflow_at = None;
            }
        }
    }

    /// A mark at the current position, for [`Writer::rewind`].
    pub fn mark(&self) -> Mark {
        Mark(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::{Attrs, Messages};

    #[test]
    fn construct_golden_bytes() {
        let mut buf = [0xEEu8; 64];
        let mut w = Writer::new(&mut buf);
        let m = w.begin_msg(16, 0x2, 5, 77).unwrap();
        w.put(&[0u8; 16]).unwrap(); // ifinfomsg
        w.attr_str(3, b"lo").unwrap();
        w.attr_u8(16, 6).unwrap();
        w.end_msg(m).unwrap();
        let n = w.finish().unwrap();
        #[rustfmt::skip]
        let expect: [u8; 48] = [
            48, 0, 0, 0, 16, 0, 2, 0, 5, 0, 0, 0, 77, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            7, 0, 3, 0, b'l', b'o', 0, 0,
            5, 0, 16, 0, 6, 0, 0, 0,
        ];
        assert_eq!(&buf[..n], &expect[..]);
    }

    #[test]
    fn nest_length_and_reparse() {
        let mut buf = [0u8; 64];
        let mut w = Writer::new(&mut buf);
        let n = w.begin_nest(18 | 0x8000).unwrap();
        w.attr_str(1, b"bridge").unwrap();
        w.end_nest(n).unwrap();
        let len = w.finish().unwrap();
        assert_eq!(len, 16);
        let a = Attrs::new(&buf[..len]).next().unwrap().unwrap();
        assert_eq!(a.kind(), 18);
        assert_eq!(a.nested().next().unwrap().unwrap().cstr(), b"bridge");
    }

    #[test]
    fn no_space_reports_needed_size() {
        let mut buf = [0u8; 20];
        let mut w = Writer::new(&mut buf);
        let m = w.begin_msg(3, 2, 1, 1).unwrap();
        w.put(&0i32.to_ne_bytes()).unwrap();
        w.attr_str(1, b"a message that does not fit").unwrap();
        w.end_msg(m).unwrap();
        assert_eq!(w.finish(), Err(Error::NoSpace { needed: 52 }));
    }

    #[test]
    fn output_independent_of_prior_contents() {
        let emit = |fill: u8| {
            let mut buf = [fill; 32];
            let mut w = Writer::new(&mut buf);
            let m = w.begin_msg(3, 2, 1, 1).unwrap();
            w.attr(1, &[1, 2, 3]).unwrap();
            w.end_msg(m).unwrap();
            let n = w.finish().unwrap();
            buf[..n].to_vec()
        };
        assert_eq!(emit(0x00), emit(0xFF));
        assert_eq!(Messages::new(&emit(0xFF)).count(), 1);
    }

    #[test]
    fn rewind_past_an_overflow_recovers_the_buffer() {
        let mut buf = [0u8; 24];
        let mut w = Writer::new(&mut buf);
        w.attr_u32(1, 7).unwrap();
        let m = w.mark();
        w.attr(2, &[0u8; 40]).unwrap();
        assert!(w.overflowed());
        w.rewind(m);
        assert!(!w.overflowed());
        w.attr_u32(3, 9).unwrap();
        assert_eq!(w.finish(), Ok(16));
        assert_eq!(&buf[8..16], &[8, 0, 3, 0, 9, 0, 0, 0]);
    }

    #[test]
    fn rewind_before_the_overflow_point_only() {
        let mut buf = [0u8; 8];
        let mut w = Writer::new(&mut buf);
        w.attr(1, &[0u8; 8]).unwrap(); // does not fit: overflow at 0
        let m = w.mark();
        w.attr_u32(2, 1).unwrap();
        w.rewind(m);
        assert!(w.overflowed(), "the overflow happened before the mark");
        assert_eq!(w.finish(), Err(Error::NoSpace { needed: 12 }));
    }

    #[test]
    fn attribute_too_long_is_an_error() {
        let mut buf = [0u8; 8];
        let mut w = Writer::new(&mut buf);
        let big = [0u8; 70_000];
        assert_eq!(w.attr(1, &big), Err(Error::TooLong { off: 0 }));
    }
}
