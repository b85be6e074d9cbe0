// SPDX-License-Identifier: BSD-2-Clause
//! The message writer (`sys/netlink/netlink_message_writer.c`, `nl_buf` era) and
//! `nlmsg_ack()`.
//!
//! A writer owns one `nl_buf` of `buflen` bytes. Messages are appended with
//! [`Writer::add`] (`_nlmsg_add`), filled with attributes (`nlattr_add`,
//! `nlmsg_reserve_data_raw`) and closed with [`Writer::end`] (`_nlmsg_end`). When something
//! does not fit, [`Writer::refill`] (`_nlmsg_refill_buffer`) allocates a new buffer, moves
//! the unfinished message into it and flushes the completed ones first — these flush points
//! decide the `nl_buf` boundaries a reader of `take_bufs` sees. Flushed buffers are
//! collected in [`Writer::flushed`]; the kernel delivers them (`nl_send` / `nl_send_group`).

use crate::kernel::Req;
use crate::limits::NLMBUFSIZE;
use crate::socket::{NLF_CAP_ACK, NLF_EXT_ACK};
use freebsd_abi::{
    NLA_F_NESTED, NLMSGERR_ATTR_COOKIE, NLMSGERR_ATTR_MSG, NLMSGERR_ATTR_OFFS, NLMSG_ERROR,
    NLM_F_ACK_TLVS, NLM_F_CAPPED,
};

/// One flushed `nl_buf`: bytes and the writer's message count (`num_messages`).
#[derive(Debug, Clone)]
pub(crate) struct Flushed {
    /// `data[0..datalen]`.
    pub(crate) data: Vec<u8>,
    /// Number of completed messages in it.
    pub(crate) num_messages: u32,
}

/// `struct nl_writer`.
#[derive(Debug)]
pub(crate) struct Writer {
    buf: Vec<u8>,
    buflen: usize,
    hdr: Option<usize>,
    num_messages: u32,
    /// `ignore_limit`: replies bypass the receive-buffer limit.
    pub(crate) ignore_limit: bool,
    /// `suppress_ack`: set by [`Writer::end_dump`].
    pub(crate) suppress_ack: bool,
    /// Buffers handed to the flush callback, in order.
    pub(crate) flushed: Vec<Flushed>,
}

/// `NETLINK_ALIGN` / `NLA_ALIGN`: round up to 4.
pub(crate) fn align4(len: usize) -> usize {
    len.saturating_add(3) & !3
}

impl Writer {
    /// `nl_writer_unicast()` / `nl_writer_group()`: a fresh buffer of `size` bytes.
    pub(crate) fn new(size: usize) -> Writer {
        Writer {
            buf: Vec::with_capacity(size),
            buflen: size,
            hdr: None,
            num_messages: 0,
            ignore_limit: false,
            suppress_ack: false,
            flushed: Vec::new(),
        }
    }

    /// `_nlmsg_flush()`: sends completed messages; drops an unfinished one.
    pub(crate) fn flush(&mut self) {
        if let Some(h) = self.hdr.take() {
            self.buf.truncate(h);
        }
        if self.buf.is_empty() {
            return;
        }
        let data = std::mem::take(&mut self.buf);
        self.flushed.push(Flushed {
            data,
            num_messages: self.num_messages,
        });
        self.num_messages = 0;
    }

    /// `_nlmsg_refill_buffer()`: new storage for at least `required` more bytes.
    fn refill(&mut self, required: usize) {
        let completed = self.hdr.unwrap_or(self.buf.len());
        let new_len = if completed > 0 && required < NLMBUFSIZE {
            self.buflen.max(NLMBUFSIZE)
        } else {
            let mut n = if self.buflen < NLMBUFSIZE {
                NLMBUFSIZE
            } else {
                self.buflen.saturating_mul(2)
            };
            while n < required {
                n = n.saturating_mul(2);
            }
            n
        };
        let tail: Vec<u8> = self
            .buf
            .get(completed..)
            .map(<[u8]>::to_vec)
            .unwrap_or_default();
        if completed > 0 {
            // Flush only the completed part; the unfinished message moves over.
            self.buf.truncate(completed);
            let had_hdr = self.hdr.take();
            self.flush();
            self.hdr = had_hdr;
        }
        let mut nb = Vec::with_capacity(new_len.max(tail.len()));
        nb.extend_from_slice(&tail);
        self.buf = nb;
        self.buflen = new_len;
        self.hdr = if tail.is_empty() { None } else { Some(0) };
    }

    fn ensure(&mut self, sz: usize) {
        if self.buf.len().saturating_add(sz) > self.buflen {
            self.refill(sz);
        }
    }

    /// `_nlmsg_add()`: opens a message whose payload is announced as `len` bytes.
    pub(crate) fn add(&mut self, pid: u32, seq: u32, ty: u16, flags: u16, len: u32) {
        let required = align4(
            usize::try_from(len)
                .unwrap_or(usize::MAX)
                .saturating_add(16),
        );
        self.ensure(required);
        let start = self.buf.len();
        self.buf.extend_from_slice(&len.to_ne_bytes());
        self.buf.extend_from_slice(&ty.to_ne_bytes());
        self.buf.extend_from_slice(&flags.to_ne_bytes());
        self.buf.extend_from_slice(&seq.to_ne_bytes());
        self.buf.extend_from_slice(&pid.to_ne_bytes());
        self.hdr = Some(start);
    }

    /// `_nlmsg_end()`: stores the final length and counts the message.
    pub(crate) fn end(&mut self) {
        if let Some(h) = self.hdr.take() {
            let len = u32::try_from(self.buf.len().saturating_sub(h)).unwrap_or(u32::MAX);
            self.put_at(h, &len.to_ne_bytes());
            self.num_messages = self.num_messages.saturating_add(1);
        }
    }

    /// `nlmsg_reserve_data_raw()`: `sz` zeroed bytes (aligned to 4); returns their offset
    /// relative to the current message header.
    pub(crate) fn reserve(&mut self, sz: usize) -> usize {
        let sz = align4(sz);
        self.ensure(sz);
        let off = self.save_offset();
        self.buf.resize(self.buf.len().saturating_add(sz), 0);
        off
    }

    /// Appends raw bytes as reserved data (`nlmsg_reserve_object` + fill).
    pub(crate) fn put(&mut self, data: &[u8]) -> usize {
        let off = self.reserve(data.len());
        self.put_rel(off, data);
        off
    }

    /// `nlattr_save_offset()`: offset of the write position from the message header.
    pub(crate) fn save_offset(&self) -> usize {
        self.buf.len().saturating_sub(self.hdr.unwrap_or(0))
    }

    fn put_at(&mut self, abs: usize, data: &[u8]) {
        if let Some(dst) = self.buf.get_mut(abs..abs.saturating_add(data.len())) {
            dst.copy_from_slice(data);
        }
    }

    /// Overwrites bytes at an offset relative to the current header (`nlattr_restore_offset`).
    pub(crate) fn put_rel(&mut self, off: usize, data: &[u8]) {
        let abs = self.hdr.unwrap_or(0).saturating_add(off);
        self.put_at(abs, data);
    }

    /// `nlattr_add()`: type, length, payload, zero padding.
    /// An address attribute: 4 bytes for IPv4, 16 for IPv6 (`nlattr_add_in_addr`,
    /// `nlattr_add_in6_addr` in `sys/netlink/netlink_message_writer.h`).
    pub(crate) fn attr_ip(&mut self, ty: u16, a: &std::net::IpAddr) {
        match a {
            std::net::IpAddr::V4(v) => self.attr(ty, &v.octets()),
            std::net::IpAddr::V6(v) => self.attr(ty, &v.octets()),
        }
    }

    pub(crate) fn attr(&mut self, ty: u16, data: &[u8]) {
        let len = data.len().saturating_add(4);
        let required = align4(len);
        self.ensure(required);
        let len16 = u16::try_from(len).unwrap_or(u16::MAX);
        self.buf.extend_from_slice(&len16.to_ne_bytes());
        self.buf.extend_from_slice(&ty.to_ne_bytes());
        self.buf.extend_from_slice(data);
        self.buf.resize(
            self.buf.len().saturating_add(required.saturating_sub(len)),
            0,
        );
    }

    /// `nlattr_add_u8()`.
    pub(crate) fn attr_u8(&mut self, ty: u16, v: u8) {
        self.attr(ty, &[v]);
    }

    /// `nlattr_add_u16()`.
    pub(crate) fn attr_u16(&mut self, ty: u16, v: u16) {
        self.attr(ty, &v.to_ne_bytes());
    }

    /// `nlattr_add_u32()`.
    pub(crate) fn attr_u32(&mut self, ty: u16, v: u32) {
        self.attr(ty, &v.to_ne_bytes());
    }

    /// `nlattr_add_string()`: with the terminating NUL.
    pub(crate) fn attr_str(&mut self, ty: u16, s: &str) {
        let mut v = Vec::with_capacity(s.len().saturating_add(1));
        v.extend_from_slice(s.as_bytes());
        v.push(0);
        self.attr(ty, &v);
    }

    /// `nlattr_add_nested()`: reserves an attribute header; returns its offset.
    ///
    /// FreeBSD writes the plain type (no `NLA_F_NESTED`).
    pub(crate) fn nested(&mut self, ty: u16) -> usize {
        let off = self.reserve(4);
        self.put_rel(off.saturating_add(2), &(ty & !NLA_F_NESTED).to_ne_bytes());
        off
    }

    /// `nlattr_set_len()`: closes a nested attribute opened at `off`.
    pub(crate) fn set_len(&mut self, off: usize) {
        let len = u16::try_from(self.save_offset().saturating_sub(off)).unwrap_or(u16::MAX);
        self.put_rel(off, &len.to_ne_bytes());
    }

    /// `_nlmsg_end_dump()`: NLMSG_DONE with flags 0 and the (positive) errno as payload.
    pub(crate) fn end_dump(&mut self, error: i32, pid: u32, seq: u32) {
        self.add(pid, seq, freebsd_abi::NLMSG_DONE, 0, 4);
        self.put(&error.to_ne_bytes());
        self.end();
        self.suppress_ack = true;
    }
}

/// `nlmsg_ack()`: NLMSG_ERROR with the positive errno; echoes only the request header when
/// `error == 0` or NETLINK_CAP_ACK (flag NLM_F_CAPPED), else the whole request; ext-ack
/// TLVs (message, offset) only with NETLINK_EXT_ACK (flag NLM_F_ACK_TLVS), the cookie always.
pub(crate) fn nlmsg_ack(req: &mut Req, error: i32, sock_flags: u32) {
    let cap_ack = error == 0 || sock_flags & NLF_CAP_ACK != 0;
    let hdr_len = req.msg.len();
    let mut payload_len = 20usize;
    if !cap_ack {
        payload_len = payload_len.saturating_add(hdr_len.saturating_sub(16));
    }
    let payload_len = align4(payload_len);
    let ext = sock_flags & NLF_EXT_ACK != 0;
    let mut fl: u16 = if cap_ack { NLM_F_CAPPED } else { 0 };
    if (req.npt.err_msg.is_some() || req.npt.err_off != 0) && ext {
        fl |= NLM_F_ACK_TLVS;
    }
    let seq = req.seq();
    let port = req.port;
    let w = &mut req.w;
    w.add(
        port,
        seq,
        NLMSG_ERROR,
        fl,
        u32::try_from(payload_len).unwrap_or(u32::MAX),
    );
    let off = w.reserve(payload_len);
    w.put_rel(off, &error.to_ne_bytes());
    let echo_len = if cap_ack { 16 } else { hdr_len };
    w.put_rel(
        off.saturating_add(4),
        req.msg.get(..echo_len).unwrap_or(&[]),
    );
    if ext {
        if let Some(m) = &req.npt.err_msg {
            w.attr_str(NLMSGERR_ATTR_MSG, m);
        }
        if req.npt.err_off != 0 {
            w.attr_u32(NLMSGERR_ATTR_OFFS, req.npt.err_off);
        }
    }
    if let Some(c) = &req.npt.cookie {
        w.attr(NLMSGERR_ATTR_COOKIE, c);
    }
    w.end();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `_nlmsg_refill_buffer`: the first buffer is NLMSG_SMALL; a message outgrowing it
    /// with nothing completed moves to a 2048-byte buffer without a flush.
    #[test]
    fn refill_first_message_moves_without_flush() {
        let mut w = Writer::new(128);
        w.add(1, 2, 16, 0, 16);
        w.put(&[0u8; 16]);
        w.attr(3, &[7u8; 200]);
        w.end();
        assert!(w.flushed.is_empty());
        w.flush();
        assert_eq!(w.flushed.len(), 1);
        assert_eq!(w.flushed[0].data.len(), 16 + 16 + 204);
        assert_eq!(w.flushed[0].num_messages, 1);
    }

    /// Completed messages are flushed when the next one does not fit.
    #[test]
    fn refill_flushes_completed() {
        let mut w = Writer::new(128);
        for _ in 0..20 {
            w.add(0, 0, 24, 2, 12);
            w.put(&[0u8; 12]);
            w.attr(1, &[0u8; 100]);
            w.end();
        }
        w.flush();
        let total: usize = w.flushed.iter().map(|f| f.data.len()).sum();
        assert_eq!(total, 20 * (16 + 12 + 104));
        assert!(w.flushed.iter().all(|f| f.data.len() <= 2048));
        assert!(w.flushed.len() >= 2);
    }

    #[test]
    fn attr_padding_is_zero() {
        let mut w = Writer::new(128);
        w.add(0, 0, 16, 0, 0);
        w.attr(3, b"abcde");
        w.end();
        w.flush();
        let d = &w.flushed[0].data;
        assert_eq!(d.len(), 16 + 12);
        assert_eq!(&d[16..18], &9u16.to_ne_bytes());
        assert_eq!(&d[25..28], &[0, 0, 0]);
    }
}
