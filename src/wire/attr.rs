// SPDX-License-Identifier: BSD-2-Clause
//! Attribute (`nlattr`/`rtattr`) framing: views and an iterator that stops at the first error.

use super::{align4, read_u16};
use crate::error::{off32, Error, Result};

/// Size of `struct nlattr` (Linux `NLA_HDRLEN`; FreeBSD `sys/netlink/netlink.h`).
pub const NLA_HDRLEN: usize = 4;
/// Flag bit: the payload is a nested attribute list (both ABIs: `1 << 15`).
pub const NLA_F_NESTED: u16 = 1 << 15;
/// Flag bit: the payload is in network byte order (both ABIs: `1 << 14`).
pub const NLA_F_NET_BYTEORDER: u16 = 1 << 14;
/// Mask that strips both flag bits from `nla_type`.
pub const NLA_TYPE_MASK: u16 = !(NLA_F_NESTED | NLA_F_NET_BYTEORDER);

/// One attribute: its type (flags kept apart), payload and position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr<'a> {
    raw_type: u16,
    payload: &'a [u8],
    off: usize,
}

impl<'a> Attr<'a> {
    /// The attribute with `nla_type` `raw_type` and `payload` whose header is at `off` (in
    /// the walked buffer's coordinates), for a walker that framed it itself.
    #[must_use]
    pub fn at(raw_type: u16, payload: &'a [u8], off: usize) -> Attr<'a> {
        Attr {
            raw_type,
            payload,
            off,
        }
    }

    /// The attribute id without flag bits.
    #[must_use]
    pub fn kind(&self) -> u16 {
        self.raw_type & NLA_TYPE_MASK
    }

    /// The flag bits (`NLA_F_NESTED`, `NLA_F_NET_BYTEORDER`) as sent.
    #[must_use]
    pub fn flag_bits(&self) -> u16 {
        self.raw_type & !NLA_TYPE_MASK
    }

    /// `nla_type` exactly as on the wire.
    #[must_use]
    pub fn raw_type(&self) -> u16 {
        self.raw_type
    }

    /// The payload (`nla_len - 4` bytes, padding excluded).
    #[must_use]
    pub fn payload(&self) -> &'a [u8] {
        self.payload
    }

    /// Offset of the attribute header in the walked buffer's coordinates.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.off
    }

    /// Offset of the payload in the walked buffer's coordinates.
    #[must_use]
    pub fn payload_offset(&self) -> usize {
        self.off.saturating_add(NLA_HDRLEN)
    }

    /// The payload as a `u8`, if it is exactly one byte.
    #[must_use]
    pub fn u8(&self) -> Option<u8> {
        match self.payload {
            [b] => Some(*b),
            _ => None,
        }
    }

    /// The payload as a native-endian `u16`, if it is exactly two bytes.
    #[must_use]
    pub fn u16(&self) -> Option<u16> {
        let b: [u8; 2] = self.payload.try_into().ok()?;
        Some(u16::from_ne_bytes(b))
    }

    /// The payload as a native-endian `u32`, if it is exactly four bytes.
    #[must_use]
    pub fn u32(&self) -> Option<u32> {
        let b: [u8; 4] = self.payload.try_into().ok()?;
        Some(u32::from_ne_bytes(b))
    }

    /// The attributes nested in the payload.
    #[must_use]
    pub fn nested(&self) -> Attrs<'a> {
        Attrs::with_base(self.payload, self.payload_offset())
    }

    /// The payload as a C string without its terminating NUL (and anything after it).
    #[must_use]
    pub fn cstr(&self) -> &'a [u8] {
        let end = self
            .payload
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(self.payload.len());
        self.payload.get(..end).unwrap_or_default()
    }
}

/// The attributes that follow a fixed family header of `header_len` bytes in a message
/// payload (empty when the payload is shorter). Offsets are relative to the attribute list.
#[must_use]
pub fn attrs_after(payload: &[u8], header_len: usize) -> Attrs<'_> {
    let start = align4(header_len).unwrap_or(usize::MAX);
    Attrs::new(payload.get(start..).unwrap_or_default())
}

/// Iterator over an attribute list.
///
/// Yields one error and ends at the first malformed attribute, as Linux's `nla_ok()` and
/// FreeBSD's `NLA_FOREACH` stop there: an `nla_len` below 4 is [`Error::BadLength`], one past
/// the end is [`Error::Truncated`], and 1–3 bytes left after the last attribute's padding
/// (an unaligned tail) are [`Error::Truncated`] at the tail's offset. An unpadded last
/// attribute that ends exactly at the end of the buffer is accepted.
#[derive(Debug, Clone)]
pub struct Attrs<'a> {
    buf: &'a [u8],
    pos: usize,
    base: usize,
    done: bool,
}

impl<'a> Attrs<'a> {
    /// Walks the attributes in `buf`; offsets are reported relative to `buf`.
    #[must_use]
    pub fn new(buf: &'a [u8]) -> Attrs<'a> {
        Attrs::with_base(buf, 0)
    }

    /// Walks `buf`, reporting offsets as `base + position in buf` (for nested lists and for
    /// attributes that follow a fixed header inside a message).
    #[must_use]
    pub fn with_base(buf: &'a [u8], base: usize) -> Attrs<'a> {
        Attrs {
            buf,
            pos: 0,
            base,
            done: false,
        }
    }

    /// Returns the first attribute of type `kind`, ignoring malformed tails.
    #[must_use]
    pub fn find(self, kind: u16) -> Option<Attr<'a>> {
        self.map_while(Result::ok).find(|a| a.kind() == kind)
    }

    /// Checks the whole list and returns the first error, if any.
    pub fn validate(self) -> Result<()> {
        for a in self {
            a?;
        }
        Ok(())
    }
}

impl<'a> Iterator for Attrs<'a> {
    type Item = Result<Attr<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let rest = self.buf.get(self.pos..).unwrap_or_default();
        if rest.is_empty() {
            self.done = true;
            return None;
        }
        let off = self.base.saturating_add(self.pos);
        let Some(len) = read_u16(rest, 0) else {
            self.done = true;
            return Some(Err(Error::Truncated { off: off32(off) }));
        };
        let len = usize::from(len);
        if rest.len() < NLA_HDRLEN {
            self.done = true;
            return Some(Err(Error::Truncated { off: off32(off) }));
        }
        if len < NLA_HDRLEN {
            self.done = true;
            return Some(Err(Error::BadLength { off: off32(off) }));
        }
        let (Some(payload), Some(raw_type)) = (rest.get(NLA_HDRLEN..len), read_u16(rest, 2)) else {
            self.done = true;
            return Some(Err(Error::Truncated { off: off32(off) }));
        };
        let step = align4(len).unwrap_or(usize::MAX);
        self.pos = match self.pos.checked_add(step) {
            Some(p) if p <= self.buf.len() => p,
            _ => self.buf.len(),
        };
        Some(Ok(Attr {
            raw_type,
            payload,
            off,
        }))
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;

    fn attr(kind: u16, payload: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        v.extend_from_slice(&u16::try_from(4 + payload.len()).unwrap().to_ne_bytes());
        v.extend_from_slice(&kind.to_ne_bytes());
        v.extend_from_slice(payload);
        while v.len() % 4 != 0 {
            v.push(0);
        }
        v
    }

    #[test]
    fn deconstruct_flat_and_flags() {
        let mut b = attr(3, b"em0\0");
        b.extend(attr(4 | NLA_F_NET_BYTEORDER, &1500u32.to_ne_bytes()));
        let v: Vec<_> = Attrs::new(&b).map(|a| a.unwrap()).collect();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].kind(), 3);
        assert_eq!(v[0].cstr(), b"em0");
        assert_eq!(v[1].kind(), 4);
        assert_eq!(v[1].flag_bits(), NLA_F_NET_BYTEORDER);
        assert_eq!(v[1].u32(), Some(1500));
        assert_eq!(v[1].offset(), 8);
    }

    #[test]
    fn nested_offsets() {
        let inner = attr(1, b"bridge\0");
        let mut b = attr(2, &[9, 9, 9, 9]);
        b.extend(attr(18 | NLA_F_NESTED, &inner));
        let outer: Vec<_> = Attrs::new(&b).map(|a| a.unwrap()).collect();
        let n: Vec<_> = outer[1].nested().map(|a| a.unwrap()).collect();
        assert_eq!(n[0].kind(), 1);
        assert_eq!(n[0].offset(), 12);
        assert_eq!(n[0].cstr(), b"bridge");
    }

    #[test]
    fn unpadded_last_attribute_is_accepted() {
        let b = [5u8, 0, 1, 0, 7];
        let v: Vec<_> = Attrs::new(&b).collect();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].unwrap().u8(), Some(7));
    }

    #[test]
    fn impossible_len_below_header() {
        let mut b = attr(1, &[1, 2, 3, 4]);
        b.extend_from_slice(&[3, 0, 2, 0]);
        let mut it = Attrs::with_base(&b, 20);
        assert!(it.next().unwrap().is_ok());
        assert_eq!(it.next(), Some(Err(Error::BadLength { off: 28 })));
        assert_eq!(it.next(), None);
    }

    #[test]
    fn impossible_len_overrun() {
        let b = [12u8, 0, 1, 0, 0, 0, 0, 0];
        assert_eq!(
            Attrs::new(&b).next(),
            Some(Err(Error::Truncated { off: 0 }))
        );
    }

    #[test]
    fn impossible_len_nested_overrun() {
        let bad_inner = [40u8, 0, 1, 0, 0, 0, 0, 0];
        let b = attr(18 | NLA_F_NESTED, &bad_inner);
        let outer = Attrs::with_base(&b, 32).next().unwrap().unwrap();
        assert_eq!(
            outer.nested().next(),
            Some(Err(Error::Truncated { off: 36 }))
        );
        assert_eq!(outer.nested().validate(), Err(Error::Truncated { off: 36 }));
    }

    #[test]
    fn impossible_len_unaligned_tail() {
        let mut b = attr(1, &[1, 2, 3, 4]);
        b.extend_from_slice(&[0, 0]);
        let mut it = Attrs::new(&b);
        assert!(it.next().unwrap().is_ok());
        assert_eq!(it.next(), Some(Err(Error::Truncated { off: 8 })));
    }
}
