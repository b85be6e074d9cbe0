// SPDX-License-Identifier: BSD-2-Clause
//! Netlink message framing: a view over one message and an iterator over a buffer of them.

use super::{align4, read_u16, read_u32};
use crate::error::{off32, Error, Result};

/// Size of `struct nlmsghdr` (Linux `NLMSG_HDRLEN`; FreeBSD's header has the same layout).
pub const NLMSG_HDRLEN: usize = 16;

/// One netlink message inside a buffer: its header fields and its payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg<'a> {
    /// The whole message: `nlmsg_len` bytes, header included.
    bytes: &'a [u8],
    /// Offset of the message inside the buffer it was read from.
    off: usize,
}

impl<'a> Msg<'a> {
    /// Parses the message at the start of `bytes`, which must hold exactly `nlmsg_len` bytes or
    /// more (the rest is ignored). `off` is recorded for error offsets.
    pub fn parse(bytes: &'a [u8], off: usize) -> Result<Msg<'a>> {
        if bytes.len() < NLMSG_HDRLEN {
            return Err(Error::Truncated { off: off32(off) });
        }
        let len = read_u32(bytes, 0).ok_or(Error::Truncated { off: off32(off) })?;
        let len = usize::try_from(len).map_err(|_| Error::BadLength { off: off32(off) })?;
        if len < NLMSG_HDRLEN {
            return Err(Error::BadLength { off: off32(off) });
        }
        let bytes = bytes
            .get(..len)
            .ok_or(Error::BadLength { off: off32(off) })?;
        Ok(Msg { bytes, off })
    }

    /// `nlmsg_len`: the message length including the header.
    #[must_use]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Always false: a message holds at least its header.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// `nlmsg_type`.
    #[must_use]
    pub fn msg_type(&self) -> u16 {
        read_u16(self.bytes, 4).unwrap_or(0)
    }

    /// `nlmsg_flags`.
    #[must_use]
    pub fn flags(&self) -> u16 {
        read_u16(self.bytes, 6).unwrap_or(0)
    }

    /// `nlmsg_seq`.
    #[must_use]
    pub fn seq(&self) -> u32 {
        read_u32(self.bytes, 8).unwrap_or(0)
    }

    /// `nlmsg_pid`.
    #[must_use]
    pub fn pid(&self) -> u32 {
        read_u32(self.bytes, 12).unwrap_or(0)
    }

    /// The header bytes (16).
    #[must_use]
    pub fn header(&self) -> &'a [u8] {
        self.bytes.get(..NLMSG_HDRLEN).unwrap_or_default()
    }

    /// The payload: everything after the header, up to `nlmsg_len`.
    #[must_use]
    pub fn payload(&self) -> &'a [u8] {
        self.bytes.get(NLMSG_HDRLEN..).unwrap_or_default()
    }

    /// The whole message, header included.
    #[must_use]
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The same message cut to its first `len` bytes (never below the header): what the
    /// translator forwards of a request whose malformed tail Linux ignores
    /// (`crate::request::check_linux`). The header's `nlmsg_len` still reads the original
    /// length; writers set their own.
    #[must_use]
    pub fn prefix(self, len: usize) -> Msg<'a> {
        let len = len.max(NLMSG_HDRLEN);
        Msg {
            bytes: self.bytes.get(..len).unwrap_or(self.bytes),
            off: self.off,
        }
    }

    /// Offset of the message in the buffer it came from.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.off
    }

    /// Offset of the payload in the buffer the message came from.
    #[must_use]
    pub fn payload_offset(&self) -> usize {
        self.off.saturating_add(NLMSG_HDRLEN)
    }
}

/// Iterator over the messages of a buffer, with the framing rules both kernels apply.
///
/// Messages start at 4-aligned offsets. The walk ends cleanly when the buffer is used up,
/// including when the last message is not padded (Go sends a 17-byte request). It yields one
/// error and then ends when fewer than 16 bytes remain, when `nlmsg_len` is below 16, or when
/// it points past the end. Linux's `netlink_rcv_skb()` stops silently in those cases (iproute2
/// sends trailing zero bytes after its requests), FreeBSD's `nl_process_nbuf()` answers EINVAL:
/// the caller picks by treating the error as the end or not.
#[derive(Debug, Clone)]
pub struct Messages<'a> {
    buf: &'a [u8],
    off: usize,
    done: bool,
}

impl<'a> Messages<'a> {
    /// Walks `buf` from its start.
    #[must_use]
    pub fn new(buf: &'a [u8]) -> Messages<'a> {
        Messages {
            buf,
            off: 0,
            done: false,
        }
    }

    /// Offset of the next message (the end of the walk once it is over).
    #[must_use]
    pub fn offset(&self) -> usize {
        self.off
    }
}

impl<'a> Iterator for Messages<'a> {
    type Item = Result<Msg<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let rest = self.buf.get(self.off..).unwrap_or_default();
        if rest.is_empty() {
            self.done = true;
            return None;
        }
        let res = Msg::parse(rest, self.off);
        match res {
            Ok(msg) => {
                let step = align4(msg.len()).unwrap_or(usize::MAX);
                match self.off.checked_add(step) {
                    Some(next) if next <= self.buf.len() => self.off = next,
                    _ => {
                        self.off = self.buf.len();
                        self.done = true;
                    }
                }
                Some(Ok(msg))
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hdr(len: u32, ty: u16, flags: u16, seq: u32, pid: u32) -> [u8; 16] {
        let mut h = [0u8; 16];
        h[0..4].copy_from_slice(&len.to_ne_bytes());
        h[4..6].copy_from_slice(&ty.to_ne_bytes());
        h[6..8].copy_from_slice(&flags.to_ne_bytes());
        h[8..12].copy_from_slice(&seq.to_ne_bytes());
        h[12..16].copy_from_slice(&pid.to_ne_bytes());
        h
    }

    #[test]
    fn parse_fields() {
        let mut b = hdr(20, 18, 0x301, 7, 99).to_vec();
        b.extend_from_slice(&[10, 0, 0, 0]);
        let m = Msg::parse(&b, 0).unwrap();
        assert_eq!(
            (m.len(), m.msg_type(), m.flags(), m.seq(), m.pid()),
            (20, 18, 0x301, 7, 99)
        );
        assert_eq!(m.payload(), &[10, 0, 0, 0]);
    }

    #[test]
    fn go_unpadded_17_byte_request() {
        let mut b = hdr(17, 18, 0x301, 1, 0).to_vec();
        b.push(0);
        let msgs: Vec<_> = Messages::new(&b).collect();
        assert_eq!(msgs.len(), 1);
        assert_eq!(msgs[0].unwrap().payload(), &[0]);
    }

    #[test]
    fn iproute2_trailing_zeroes_end_walk_with_error_at_offset() {
        let mut b = hdr(24, 22, 0x301, 1, 0).to_vec();
        b.extend_from_slice(&[0u8; 8]);
        b.extend_from_slice(&[0u8; 128]);
        let mut it = Messages::new(&b);
        assert!(it.next().unwrap().is_ok());
        assert_eq!(it.next(), Some(Err(Error::BadLength { off: 24 })));
        assert_eq!(it.next(), None);
    }

    #[test]
    fn two_messages_aligned() {
        let mut b = hdr(17, 18, 0, 1, 0).to_vec();
        b.extend_from_slice(&[0, 0xAA, 0xAA, 0xAA]); // payload byte + padding
        b.extend_from_slice(&hdr(16, 3, 2, 1, 0));
        let v: Vec<_> = Messages::new(&b).map(|m| m.unwrap().msg_type()).collect();
        assert_eq!(v, vec![18, 3]);
    }

    #[test]
    fn impossible_len_truncated_header() {
        let b = [16u8, 0, 0, 0, 3, 0, 0];
        assert_eq!(
            Messages::new(&b).next(),
            Some(Err(Error::Truncated { off: 0 }))
        );
    }

    #[test]
    fn impossible_len_below_header() {
        let b = hdr(15, 3, 0, 0, 0);
        assert_eq!(
            Messages::new(&b).next(),
            Some(Err(Error::BadLength { off: 0 }))
        );
    }

    #[test]
    fn impossible_len_overrun() {
        let mut b = hdr(16, 3, 0, 0, 0).to_vec();
        b.extend_from_slice(&hdr(40, 3, 0, 0, 0));
        let mut it = Messages::new(&b);
        assert!(it.next().unwrap().is_ok());
        assert_eq!(it.next(), Some(Err(Error::BadLength { off: 16 })));
        assert_eq!(it.next(), None);
    }
}
