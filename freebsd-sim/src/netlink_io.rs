// SPDX-License-Identifier: BSD-2-Clause
//! Request processing and delivery: `sys/netlink/netlink_io.c` (`nl_sosend`'s taskqueue
//! side `nl_process_received`, `nl_receive_message`, `nl_send`, `nl_on_transmit`) and
//! `nl_soreceive` / `nl_send_group` from `netlink_domain.c`.

use crate::kernel::{Kernel, Received, RecvFlags, Req};
use crate::limits::{NETLINK_GENERIC, NETLINK_ROUTE, NLMSG_SMALL};
use crate::parse::{rd32, Npt};
use crate::socket::{NlBuf, SockId, NLF_MSG_INFO, NLF_STRICT};
use crate::writer::{align4, nlmsg_ack, Flushed, Writer};
use freebsd_abi::*;

impl Kernel {
    /// `send(2)` (`nl_sosend`) followed by the socket taskqueue (`nl_process_received`).
    ///
    /// Fewer than 16 bytes → ENOBUFS; more than the send buffer → EMSGSIZE; no room in the
    /// send queue (requests blocked behind a full receive buffer) → EWOULDBLOCK (the model
    /// never sleeps). Replies, acks and notifications are enqueued before this returns.
    pub fn send(&mut self, s: SockId, data: &[u8]) -> Result<usize, i32> {
        let so = self.socks.get_mut(&s).ok_or(ENOTCONN)?;
        if data.len() < 16 {
            return Err(ENOBUFS);
        }
        if data.len() > so.snd_hiwat {
            return Err(EMSGSIZE);
        }
        if so.snd_hiwat.saturating_sub(so.snd_ccc) < data.len() {
            return Err(EWOULDBLOCK);
        }
        so.snd.push_back(NlBuf {
            data: data.to_vec(),
            offset: 0,
        });
        so.snd_ccc = so.snd_ccc.saturating_add(data.len());
        self.process(s);
        Ok(data.len())
    }

    /// `recvmsg(2)` (`nl_soreceive`): whole messages only, as many as fit, across
    /// `nl_buf`s; a first message longer than `len` is truncated **and lost** (MSG_TRUNC);
    /// with MSG_PEEK|MSG_TRUNC the return value is its full length. An empty queue is
    /// EWOULDBLOCK (the model never sleeps). Reading restarts blocked request processing
    /// (`nl_on_transmit`).
    pub fn recv(&mut self, s: SockId, len: usize, flags: RecvFlags) -> Result<Received, i32> {
        let so = self.socks.get_mut(&s).ok_or(ENOTCONN)?;
        let mut src = [0u8; 12];
        src[0] = 12;
        src[1] = AF_NETLINK;
        let msg_info = if so.flags & NLF_MSG_INFO != 0 {
            let mut v = Vec::with_capacity(16);
            v.extend_from_slice(&8u16.to_ne_bytes());
            v.extend_from_slice(&NLMSGINFO_ATTR_PROCESS_ID.to_ne_bytes());
            v.extend_from_slice(&so.process_id.to_ne_bytes());
            v.extend_from_slice(&8u16.to_ne_bytes());
            v.extend_from_slice(&NLMSGINFO_ATTR_PORT_ID.to_ne_bytes());
            v.extend_from_slice(&so.port.to_ne_bytes());
            Some(v)
        } else {
            None
        };
        let mut out_flags = flags.0 & !MSG_TRUNC;
        let trunc = flags.0 & MSG_TRUNC != 0;
        let peek = out_flags & MSG_PEEK != 0;
        if so.rcv.is_empty() {
            return Err(EWOULDBLOCK);
        }
        let resid0 = i64::try_from(len).unwrap_or(i64::MAX);
        let mut total: i64 = 0;
        let mut overflow: i64 = 0;
        let mut datalen: usize = 0;
        // Index of `last` in the queue (None = end) and the partial copy.
        let mut last: Option<usize> = None;
        let mut partoff = 0usize;
        let mut partlen: i64 = 0;
        let mut new_last_offset: Option<usize> = None;
        'scan: for (i, nb) in so.rcv.iter().enumerate() {
            let mut offset = nb.offset;
            while offset < nb.data.len() {
                let mlen = i64::from(rd32(&nb.data, offset));
                if resid0 < total.saturating_add(mlen) {
                    overflow = total.saturating_add(mlen).saturating_sub(resid0);
                    partoff = nb.offset;
                    last = Some(i);
                    if offset > partoff {
                        partlen = i64::try_from(offset.saturating_sub(partoff)).unwrap_or(0);
                        if !peek {
                            new_last_offset = Some(offset);
                            datalen = datalen.saturating_add(offset.saturating_sub(partoff));
                        }
                    } else if total == 0 && resid0 > 0 {
                        out_flags |= MSG_TRUNC;
                        partlen = resid0;
                        if peek {
                            break 'scan;
                        }
                        let m = usize::try_from(mlen).unwrap_or(0);
                        datalen = datalen.saturating_add(m);
                        if nb.offset.saturating_add(m) == nb.data.len() {
                            // Avoid leaving an empty nb: consume it whole.
                            last = if i.saturating_add(1) < so.rcv.len() {
                                Some(i.saturating_add(1))
                            } else {
                                None
                            };
                            overflow = 0;
                            partlen = 0;
                        } else {
                            new_last_offset = Some(nb.offset.saturating_add(m));
                        }
                    } else {
                        partlen = 0;
                    }
                    break 'scan;
                }
                total = total.saturating_add(mlen);
                offset = offset.saturating_add(usize::try_from(mlen).unwrap_or(usize::MAX));
                if mlen == 0 {
                    break;
                }
            }
            datalen = datalen.saturating_add(nb.data.len().saturating_sub(nb.offset));
        }
        // Copy out: whole nbs before `last`, then the partial piece of `last`.
        let end = last.unwrap_or(so.rcv.len());
        let mut resid = resid0;
        let mut data = Vec::new();
        // uiomove(): copies min(n, uio_resid) and lowers uio_resid by what it copied.
        let mut copy = |bytes: &[u8], resid: &mut i64| {
            let n = usize::try_from((*resid).max(0))
                .unwrap_or(0)
                .min(bytes.len());
            data.extend_from_slice(bytes.get(..n).unwrap_or(&[]));
            *resid = resid.saturating_sub(i64::try_from(n).unwrap_or(0));
        };
        for nb in so.rcv.iter().take(end) {
            copy(nb.data.get(nb.offset..).unwrap_or(&[]), &mut resid);
        }
        if let Some(l) = last {
            if partlen > 0 {
                if let Some(nb) = so.rcv.get(l) {
                    let pl = usize::try_from(partlen).unwrap_or(0);
                    let piece = nb
                        .data
                        .get(partoff..partoff.saturating_add(pl))
                        .unwrap_or(&[]);
                    copy(piece, &mut resid);
                }
            }
        }
        if trunc && overflow > 0 {
            resid = resid.saturating_sub(overflow);
        }
        if !peek {
            for _ in 0..end {
                so.rcv.pop_front();
            }
            if let (Some(o), Some(nb)) = (new_last_offset, so.rcv.front_mut()) {
                nb.offset = o;
            }
            so.rcv_ccc = so.rcv_ccc.saturating_sub(datalen);
        }
        let ret = usize::try_from(resid0.saturating_sub(resid)).unwrap_or(0);
        self.on_transmit(s);
        Ok(Received {
            data,
            ret,
            msg_flags: out_flags | flags.0,
            src,
            msg_info,
        })
    }

    /// Drains the receive queue and returns each `nl_buf` exactly as enqueued (unread
    /// part), oldest first — what FreeBSD hands `msgs_to_linux()` buffer by buffer.
    pub fn take_bufs(&mut self, s: SockId) -> Vec<Vec<u8>> {
        let out = match self.socks.get_mut(&s) {
            Some(so) => {
                so.rcv_ccc = 0;
                so.rcv
                    .drain(..)
                    .map(|nb| {
                        nb.data
                            .get(nb.offset..)
                            .map(<[u8]>::to_vec)
                            .unwrap_or_default()
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        self.on_transmit(s);
        out
    }

    /// Sockets with data queued for reading, in id order.
    pub fn pending(&self) -> Vec<SockId> {
        self.socks
            .iter()
            .filter(|(_, so)| !so.rcv.is_empty())
            .map(|(id, _)| *id)
            .collect()
    }

    /// Multicast messages dropped on this socket because its receive buffer was full
    /// (cumulative; FreeBSD only counts them, `nl_dropped_messages`).
    pub fn dropped(&self, s: SockId) -> u64 {
        self.socks.get(&s).map_or(0, |so| so.dropped_total)
    }

    /// Like [`Kernel::dropped`], but returns only the drops since the previous call and
    /// resets the count (what a Linux-style runner turns into one ENOBUFS).
    pub fn take_dropped(&mut self, s: SockId) -> u64 {
        self.socks.get_mut(&s).map_or(0, |so| {
            let d = so.dropped_total.saturating_sub(so.dropped_taken);
            so.dropped_taken = so.dropped_total;
            d
        })
    }

    /// Bytes currently queued for reading (`so_rcv.sb_ccc`).
    pub fn queued_bytes(&self, s: SockId) -> usize {
        self.socks.get(&s).map_or(0, |so| so.rcv_ccc)
    }

    /// `nl_on_transmit()`: resets the drop counters and resumes request processing.
    pub(crate) fn on_transmit(&mut self, s: SockId) {
        if let Some(so) = self.socks.get_mut(&s) {
            so.dropped_bytes = 0;
            so.dropped_messages = 0;
        }
        self.process(s);
    }

    /// `nl_process_received()`: processes queued requests while the receive buffer has room.
    pub(crate) fn process(&mut self, s: SockId) {
        loop {
            let Some(so) = self.socks.get_mut(&s) else {
                return;
            };
            if so.rcv_hiwat <= so.rcv_ccc {
                return;
            }
            let Some(mut nb) = so.snd.pop_front() else {
                return;
            };
            let done = self.process_nbuf(s, &mut nb);
            let Some(so) = self.socks.get_mut(&s) else {
                return;
            };
            if done {
                so.snd_ccc = so.snd_ccc.saturating_sub(nb.data.len());
            } else {
                so.snd.push_front(nb);
                return;
            }
        }
    }

    /// `nl_process_nbuf()`: one reply writer (NLMSG_SMALL, ignoring limits) for all the
    /// messages of one `send()`; stops after an invalid length or when the reader's queue
    /// filled up (`nl_tx_blocked`), leaving the rest for later.
    pub(crate) fn process_nbuf(&mut self, s: SockId, nb: &mut NlBuf) -> bool {
        let Some(so) = self.socks.get(&s) else {
            return true;
        };
        let (port, cred, proto, strict) = (so.port, so.cred, so.proto, so.flags & NLF_STRICT != 0);
        let mut w = Writer::new(NLMSG_SMALL);
        w.ignore_limit = true;
        while nb.offset.saturating_add(16) <= nb.data.len() {
            let off = nb.offset;
            let mlen = usize::try_from(rd32(&nb.data, off)).unwrap_or(usize::MAX);
            let remaining = nb.data.len().saturating_sub(off);
            nb.offset = off.saturating_add(align4(mlen));
            w.suppress_ack = false;
            if mlen > remaining || mlen < 16 {
                // nl_receive_message(): EINVAL, returned without an ack; stop here.
                break;
            }
            let mut msg = nb
                .data
                .get(off..off.saturating_add(mlen))
                .map(<[u8]>::to_vec)
                .unwrap_or_default();
            if let Some(p) = msg.get_mut(12..16) {
                p.copy_from_slice(&port.to_ne_bytes());
            }
            let mut req = Req {
                sid: s,
                msg,
                npt: Npt {
                    strict,
                    ..Npt::default()
                },
                w,
                port,
                cred,
                proto,
            };
            self.receive_message(&mut req);
            w = req.w;
            self.deliver(s, &mut w);
            if self.socks.get(&s).is_none_or(|so| so.tx_blocked) {
                break;
            }
        }
        w.flush();
        self.deliver(s, &mut w);
        match self.socks.get_mut(&s) {
            Some(so) if so.tx_blocked => {
                // The nb goes back to the head of the send queue (even when fully
                // consumed) and keeps counting against the send buffer until the next
                // pass frees it.
                so.tx_blocked = false;
                false
            }
            _ => true,
        }
    }

    /// Sends the writer's flushed buffers to socket `s` (`nl_send`).
    pub(crate) fn deliver(&mut self, s: SockId, w: &mut Writer) {
        let bufs: Vec<Flushed> = std::mem::take(&mut w.flushed);
        for f in bufs {
            self.nl_send(s, f, w.ignore_limit);
        }
    }

    /// `nl_send()`: enqueue (or drop when full and not ignoring the limit).
    pub(crate) fn nl_send(&mut self, s: SockId, f: Flushed, ignore_limit: bool) -> bool {
        let Some(so) = self.socks.get_mut(&s) else {
            return false;
        };
        if !ignore_limit && so.rcv_hiwat <= so.rcv_ccc {
            so.dropped_bytes = so
                .dropped_bytes
                .saturating_add(u64::try_from(f.data.len()).unwrap_or(0));
            so.dropped_messages = so
                .dropped_messages
                .saturating_add(u64::from(f.num_messages));
            so.dropped_total = so.dropped_total.saturating_add(u64::from(f.num_messages));
            return false;
        }
        so.rcv_ccc = so.rcv_ccc.saturating_add(f.data.len());
        so.rcv.push_back(NlBuf {
            data: f.data,
            offset: 0,
        });
        if so.rcv_hiwat <= so.rcv_ccc {
            so.tx_blocked = true;
        }
        true
    }

    /// `nl_send_group()`: one copy per member socket of `proto`/`group` (optionally only
    /// privileged ones), in `ctl_pcb_head` order, subject to each receive limit.
    pub(crate) fn send_group(&mut self, proto: u32, group: u32, need_priv: bool, mut w: Writer) {
        w.flush();
        let bufs = std::mem::take(&mut w.flushed);
        let members: Vec<SockId> = self
            .pcb_order
            .iter()
            .copied()
            .filter(|id| {
                self.socks.get(id).is_some_and(|so| {
                    so.proto == proto && so.member(group) && (!need_priv || so.cred.privileged())
                })
            })
            .collect();
        for f in bufs {
            for id in &members {
                self.nl_send(*id, f.clone(), false);
            }
        }
    }

    /// `nl_has_listeners()`.
    pub(crate) fn has_listeners(&self, proto: u32, group: u32) -> bool {
        self.socks
            .values()
            .any(|so| so.proto == proto && so.member(group))
    }

    /// `nl_receive_message()`: runs the handler for requests (NLM_F_REQUEST, type ≥ 16),
    /// then acks when NLM_F_ACK or on an error other than EINTR, unless a dump suppressed it.
    pub(crate) fn receive_message(&mut self, req: &mut Req) {
        let mut error = 0;
        if req.flags() & NLM_F_REQUEST != 0 && req.ty() >= NLMSG_MIN_TYPE {
            error = match req.proto {
                NETLINK_ROUTE => self.rtnl_handle_message(req),
                NETLINK_GENERIC => self.genl_handle_message(req),
                _ => ENOTSUP,
            };
        }
        if (req.flags() & NLM_F_ACK != 0 || (error != 0 && error != EINTR)) && !req.w.suppress_ack {
            let flags = self.socks.get(&req.sid).map_or(0, |so| so.flags);
            nlmsg_ack(req, error, flags);
        }
    }
}
