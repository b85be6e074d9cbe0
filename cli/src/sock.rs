// SPDX-License-Identifier: BSD-2-Clause
//! Per-socket state of an emulated `AF_NETLINK` socket.
//!
//! The program holds one end (`theirs`) of an `AF_UNIX` `SOCK_SEQPACKET` pair in place of the
//! netlink socket, at a descriptor in the reserved range the seccomp filter watches, so
//! readiness (poll/select/epoll), `O_NONBLOCK`, `fork` and `exec` behave natively; the runner
//! keeps the other end (`ours`) to queue datagrams, a copy of `theirs` to receive on the
//! program's behalf and to recognise the socket (by open file with `kcmp`, or by inode), and a
//! FIFO of the group each queued datagram was sent to (for `msg_name` and `NETLINK_PKTINFO`),
//! parallel to the unix queue.
//!
//! Generic `SOL_SOCKET` options (`SO_RCVBUF`/`SO_SNDBUF` with their doubling and limits,
//! `SO_RCVTIMEO`, …) are left to the kernel on the program's unix socket: Linux implements them
//! in the protocol-independent `sock_setsockopt`, so they behave exactly as on a netlink socket;
//! the runner reads `SO_RCVTIMEO` back from it when a receive must wait.

use crate::backend::SockId;
use crate::sys;
use nlcompat::socket::{groups_of_mask, mask_of_group};
use std::collections::VecDeque;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};

/// `SOL_NETLINK` option numbers (`include/uapi/linux/netlink.h`).
pub(crate) mod opt {
    /// Join a multicast group.
    pub(crate) const ADD_MEMBERSHIP: i32 = 1;
    /// Leave a multicast group.
    pub(crate) const DROP_MEMBERSHIP: i32 = 2;
    /// `struct nl_pktinfo` control message on receive.
    pub(crate) const PKTINFO: i32 = 3;
    /// Report delivery errors of broadcasts to the sender.
    pub(crate) const BROADCAST_ERROR: i32 = 4;
    /// Do not report `ENOBUFS` on overrun.
    pub(crate) const NO_ENOBUFS: i32 = 5;
    // 6 and 7 (RX_RING, TX_RING) were the removed mmap rings: `ENOPROTOOPT`, like unknowns.
    /// Receive notifications of all peer namespaces.
    pub(crate) const LISTEN_ALL_NSID: i32 = 8;
    /// Read the membership bitmap (getsockopt only).
    pub(crate) const LIST_MEMBERSHIPS: i32 = 9;
    /// Do not echo the request in ACKs/errors.
    pub(crate) const CAP_ACK: i32 = 10;
    /// Extended ACK TLVs.
    pub(crate) const EXT_ACK: i32 = 11;
    /// Strict checking of dump requests.
    pub(crate) const GET_STRICT_CHK: i32 = 12;
}

/// Why a datagram could not be queued.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum QueueFull {
    /// The queue is over `SO_RCVBUF` or congested: the datagram was dropped and the overrun
    /// recorded.
    Dropped,
}

/// One emulated netlink socket.
#[derive(Debug)]
pub(crate) struct Sock {
    /// The backend's name for it.
    pub(crate) backend: SockId,
    /// Netlink protocol (0 = `NETLINK_ROUTE`).
    pub(crate) protocol: i32,
    /// `SOCK_RAW` or `SOCK_DGRAM`.
    pub(crate) sock_type: i32,
    /// Our end of the pair: datagrams are queued here.
    pub(crate) ours: OwnedFd,
    /// Our copy of the program's end: identity and receiving.
    pub(crate) theirs: OwnedFd,
    /// Inode of the program's end: how the garbage collector finds it in `/proc/PID/fd`.
    pub(crate) ino: u64,
    /// Port id, 0 while unbound.
    pub(crate) port: u32,
    /// Connected peer (`connect`): port id and group number.
    pub(crate) dst_port: u32,
    /// Connected peer group number.
    pub(crate) dst_group: u32,
    /// Joined groups, sorted (group numbers ≥ 1).
    pub(crate) groups: Vec<u32>,
    /// Linux allocates the group bitmap on the first `bind` with groups or membership option;
    /// until then `NETLINK_LIST_MEMBERSHIPS` reports 0 bytes.
    pub(crate) groups_allocated: bool,
    /// `NETLINK_PKTINFO`.
    pub(crate) pktinfo: bool,
    /// `NETLINK_BROADCAST_ERROR`.
    pub(crate) broadcast_error: bool,
    /// `NETLINK_NO_ENOBUFS`.
    pub(crate) no_enobufs: bool,
    /// `NETLINK_LISTEN_ALL_NSID`.
    pub(crate) listen_all_nsid: bool,
    /// `NETLINK_CAP_ACK`.
    pub(crate) cap_ack: bool,
    /// `NETLINK_EXT_ACK`.
    pub(crate) ext_ack: bool,
    /// `NETLINK_GET_STRICT_CHK`.
    pub(crate) strict_chk: bool,
    /// Group number and memory charge of every datagram in the unix queue, oldest first.
    fifo: VecDeque<(u32, usize)>,
    /// Sum of the charges of queued datagrams, in the unix queue and the backlog (Linux's
    /// `sk_rmem_alloc`, approximated; dump parts are not charged, see [`Sock::enqueue`]).
    queued: usize,
    /// Datagrams waiting for room in the unix queue, oldest first.
    backlog: VecDeque<Waiting>,
    /// A datagram was dropped: the next receive fails with `ENOBUFS` (Linux's `sk_err`).
    pub(crate) overrun: bool,
    /// Linux's `NETLINK_S_CONGESTED`: set with the overrun, cleared when a receive finds the
    /// queue empty (`netlink_rcv_wake`); meanwhile every notification and reply is dropped.
    congested: bool,
    /// The program reads this socket natively too (a copy below the reserved range): the
    /// runner cannot see what it consumes, so nothing is charged or dropped (the unix queue's
    /// own capacity is the limit, as before).
    pub(crate) native_reads: bool,
    /// Linux's `max_recvmsg_len`: the largest buffer a receive that got a datagram offered,
    /// capped at `SKB_WITH_OVERHEAD(32768)` ([`Sock::note_receive`]).
    pub(crate) max_recvmsg_len: usize,
    /// The backend hands over dump parts that the runner packs itself, sized by the reader
    /// when each part is produced ([`crate::backend::Backend::packs_dumps_lazily`]).
    pub(crate) pack_dumps: bool,
}

/// A datagram in the backlog.
#[derive(Debug)]
struct Waiting {
    group: u32,
    bytes: Vec<u8>,
    /// What it counts against `SO_RCVBUF` (0 for dump parts).
    charge: usize,
}

impl Sock {
    /// Fresh, unbound socket state.
    pub(crate) fn new(
        backend: SockId,
        protocol: i32,
        sock_type: i32,
        ours: OwnedFd,
        theirs: OwnedFd,
    ) -> Self {
        let ino = std::fs::metadata(format!("/proc/self/fd/{}", theirs.as_raw_fd()))
            .map(|m| std::os::unix::fs::MetadataExt::ino(&m))
            .unwrap_or(0);
        Self {
            ino,
            backend,
            protocol,
            sock_type,
            ours,
            theirs,
            port: 0,
            dst_port: 0,
            dst_group: 0,
            groups: Vec::new(),
            groups_allocated: false,
            pktinfo: false,
            broadcast_error: false,
            no_enobufs: false,
            listen_all_nsid: false,
            cap_ack: false,
            ext_ack: false,
            strict_chk: false,
            fifo: VecDeque::new(),
            queued: 0,
            backlog: VecDeque::new(),
            overrun: false,
            congested: false,
            native_reads: false,
            max_recvmsg_len: 0,
            pack_dumps: false,
        }
    }

    /// A receive that got a datagram offered `len` bytes of buffer (the sum of its iovec
    /// lengths, `MSG_PEEK` or not): Linux records the largest, capped at
    /// `SKB_WITH_OVERHEAD(32768)` (`netlink_recvmsg()` in `net/netlink/af_netlink.c`), and
    /// sizes later dump parts by it.
    pub(crate) fn note_receive(&mut self, len: usize) {
        self.max_recvmsg_len = self.max_recvmsg_len.max(len.min(MAX_RECVMSG_LEN));
    }

    /// The size of the next dump part produced now: `netlink_dump()` allocates
    /// `max_recvmsg_len` bytes when that exceeds `NLMSG_GOODSIZE`, else `NLMSG_GOODSIZE`
    /// (`net/netlink/af_netlink.c`), and packs whole messages while they fit.
    pub(crate) fn dump_part_size(&self) -> usize {
        self.max_recvmsg_len.max(nlcompat::framing::NLMSG_GOODSIZE)
    }

    /// Legacy `nl_groups` mask (groups 1–32).
    pub(crate) fn legacy_groups(&self) -> u32 {
        self.groups.iter().fold(0, |m, &g| m | mask_of_group(g))
    }

    /// Replace memberships in groups 1–32 by `mask` (what `bind` does).
    pub(crate) fn set_legacy_groups(&mut self, mask: u32) {
        self.groups.retain(|&g| g > 32);
        self.groups.extend(groups_of_mask(mask));
        self.groups.sort_unstable();
        self.groups.dedup();
    }

    /// Record joining or leaving one group.
    pub(crate) fn set_group(&mut self, group: u32, join: bool) {
        self.groups.retain(|&g| g != group);
        if join {
            self.groups.push(group);
            self.groups.sort_unstable();
        }
    }

    /// Membership bitmap as `NETLINK_LIST_MEMBERSHIPS` returns it (u32 words).
    pub(crate) fn membership_words(&self, words: usize) -> Vec<u32> {
        let mut v = vec![0u32; words];
        for &g in &self.groups {
            let Some(bit) = g.checked_sub(1) else {
                continue;
            };
            let Ok(idx) = usize::try_from(bit / 32) else {
                continue;
            };
            if let Some(w) = v.get_mut(idx) {
                *w |= 1u32 << (bit % 32);
            }
        }
        v
    }

    /// Queue one datagram for the program (group 0 = unicast). Memory is bounded as Linux
    /// bounds it (`net/netlink/af_netlink.c`):
    ///
    /// - Notifications follow `netlink_broadcast_deliver`, and replies (acks, errors, answers
    ///   to `GET` requests) the kernel's unicast with `MSG_DONTWAIT` (`netlink_attachskb`):
    ///   while the queued memory exceeds the socket's `SO_RCVBUF`, or the socket is congested
    ///   after an earlier loss, the datagram is dropped with an overrun (`netlink_overrun`:
    ///   `ENOBUFS` on the next receive and congestion, unless `NETLINK_NO_ENOBUFS`).
    /// - Dump parts (`NLM_F_MULTI`) are never dropped: Linux produces the next part only while
    ///   the queue is below `SO_RCVBUF` (`netlink_dump`, called again from `netlink_recvmsg`
    ///   as the reader makes room). The backend hands over a whole dump at once, so the parts
    ///   wait in a backlog that [`Sock::refill`] feeds as the program reads; they are charged
    ///   to `SO_RCVBUF` from when they enter the unix queue, as Linux charges produced parts.
    ///
    /// Datagrams keep their order: while the backlog is not empty, everything queues behind it.
    pub(crate) fn enqueue(&mut self, group: u32, bytes: Vec<u8>) -> Result<(), QueueFull> {
        self.enqueue_with(group, bytes, true)
    }

    /// [`Sock::enqueue`] of a datagram the backend has already admitted against this queue's
    /// room ([`crate::backend::Backend::set_room`]): charged, never dropped, congestion or not
    /// (on Linux it was queued before the overrun that congested the socket).
    pub(crate) fn enqueue_admitted(&mut self, group: u32, bytes: Vec<u8>) {
        let _ = self.enqueue_with(group, bytes, false);
    }

    /// The bytes (`skb->truesize` units) the queue may still take before Linux would drop: 0
    /// while congested, unbounded when the program also reads natively.
    pub(crate) fn room(&self) -> usize {
        if self.native_reads {
            usize::MAX
        } else if self.congested {
            0
        } else {
            self.rcvbuf().saturating_sub(self.queued)
        }
    }

    fn enqueue_with(&mut self, group: u32, bytes: Vec<u8>, check: bool) -> Result<(), QueueFull> {
        let rcvbuf = self.rcvbuf();
        let charge = if self.native_reads {
            0
        } else if group == 0 && is_dump_part(&bytes) {
            // `netlink_dump` produces no part while the queue is at `SO_RCVBUF` (a part always
            // goes into an empty queue). Parts the runner packs wait in the backlog until
            // [`Sock::refill`] produces them.
            if self.pack_dumps || (!self.fifo.is_empty() && self.queued >= rcvbuf) {
                self.backlog.push_back(Waiting {
                    group,
                    bytes,
                    charge: 0,
                });
                return Ok(());
            }
            0
        } else {
            if check && (self.congested || self.queued > rcvbuf) {
                self.overrun_now();
                return Err(QueueFull::Dropped);
            }
            let charge = truesize(bytes.len());
            self.queued = self.queued.saturating_add(charge);
            charge
        };
        if self.backlog.is_empty() && self.push(group, &bytes, charge) {
            return Ok(());
        }
        self.backlog.push_back(Waiting {
            group,
            bytes,
            charge,
        });
        Ok(())
    }

    /// The program's `SO_RCVBUF` (kept by the kernel on its end of the pair, with Linux's
    /// doubling and limits).
    fn rcvbuf(&self) -> usize {
        sys::getsockopt_int(self.theirs.as_fd(), libc::SOL_SOCKET, libc::SO_RCVBUF)
            .ok()
            .and_then(|v| usize::try_from(v).ok())
            .unwrap_or(usize::MAX)
    }

    /// Whether a dump is still being delivered: some of its parts wait in the backlog (Linux's
    /// `cb_running`, which lasts until the part with `NLMSG_DONE` is queued).
    pub(crate) fn dump_running(&self) -> bool {
        self.backlog.iter().any(|w| w.group == 0 && w.charge == 0)
    }

    /// Move backlogged datagrams into the unix queue while they fit; dump parts only while the
    /// queue is below `SO_RCVBUF` (`netlink_recvmsg` resumes the dump once there is room).
    /// Dump parts the runner packs ([`Sock::pack_dumps`]) are produced as Linux produces
    /// them: one per receive, while the queue is at most half `SO_RCVBUF`
    /// (`netlink_recvmsg()`); see [`Sock::refill_start`] for the first.
    pub(crate) fn refill(&mut self) {
        self.refill_with(false);
    }

    /// A dump began ([`Sock::dump_running`] became true): its first part is produced now if
    /// the queue is below `SO_RCVBUF` (`__netlink_dump_start()` calls `netlink_dump()`, which
    /// gives up while `sk_rmem_alloc >= sk_rcvbuf`; the next receive tries again).
    pub(crate) fn refill_start(&mut self) {
        self.refill_with(true);
    }

    fn refill_with(&mut self, start: bool) {
        if self.backlog.is_empty() {
            return;
        }
        let rcvbuf = self.rcvbuf();
        let mut produced = false;
        while let Some(mut w) = self.backlog.pop_front() {
            if self.pack_dumps && !self.native_reads && w.group == 0 && w.charge == 0 {
                let room = if start {
                    self.queued < rcvbuf
                } else {
                    self.queued <= rcvbuf / 2
                };
                if produced || !(self.fifo.is_empty() || room) {
                    self.backlog.push_front(w);
                    return;
                }
                produced = true;
                self.pack(&mut w.bytes);
            } else {
                let paced = w.charge == 0
                    && !self.native_reads
                    && !self.fifo.is_empty()
                    && self.queued >= rcvbuf;
                if paced {
                    self.backlog.push_front(w);
                    return;
                }
                if self.pack_dumps && w.group == 0 && w.charge == 0 {
                    self.pack(&mut w.bytes);
                }
            }
            if !self.push(w.group, &w.bytes, w.charge) {
                // The part as packed waits at the front (a later refill may grow it).
                self.backlog.push_front(w);
                return;
            }
        }
    }

    /// Grow the dump part `part` (taken from the backlog's front) with the whole messages of
    /// the same dump that follow it in the backlog while they fit in
    /// [`Sock::dump_part_size`]: the part `netlink_dump()` would build now (a backlog entry
    /// taken in part is split: its rest stays queued).
    fn pack(&mut self, part: &mut Vec<u8>) {
        let limit = self.dump_part_size();
        let Some(seq) = crate::backend::walk(part).next().map(|m| m.seq()) else {
            return;
        };
        // A part that already ends its dump takes nothing more.
        let ends =
            |b: &[u8]| crate::backend::walk(b).any(|m| m.msg_type() == linux_abi::NLMSG_DONE);
        if ends(part) {
            return;
        }
        while let Some(next) = self.backlog.front_mut() {
            if next.group != 0 || next.charge != 0 {
                break;
            }
            let mut used = 0usize;
            let mut done = false;
            for m in crate::backend::walk(&next.bytes) {
                let is_part = m.flags() & linux_abi::NLM_F_MULTI != 0
                    && m.msg_type() != linux_abi::NLMSG_ERROR;
                let len = nlcompat::wire::align4(m.len()).unwrap_or(m.len());
                let end = m.offset().saturating_add(len).min(next.bytes.len());
                let fits = part.len().saturating_add(end) <= limit;
                if !is_part || m.seq() != seq || !fits {
                    break;
                }
                used = end;
                if m.msg_type() == linux_abi::NLMSG_DONE {
                    done = true;
                    break;
                }
            }
            if used == 0 {
                break;
            }
            if used >= next.bytes.len() {
                if let Some(w) = self.backlog.pop_front() {
                    part.extend_from_slice(&w.bytes);
                }
            } else {
                part.extend_from_slice(next.bytes.get(..used).unwrap_or_default());
                next.bytes.drain(..used);
                break;
            }
            if done {
                break;
            }
        }
    }

    /// Put one datagram into the unix queue; false when it is full. `charge` is already in
    /// `queued` (0 for a dump part, which is charged from now on).
    fn push(&mut self, group: u32, bytes: &[u8], charge: usize) -> bool {
        if sys::send_seqpacket(self.ours.as_fd(), bytes).is_err() {
            return false;
        }
        let charge = if charge == 0 {
            let c = truesize(bytes.len());
            self.queued = self.queued.saturating_add(c);
            c
        } else {
            charge
        };
        self.fifo.push_back((group, charge));
        true
    }

    /// Record a lost datagram (`netlink_overrun`): unless `NETLINK_NO_ENOBUFS`, the socket
    /// becomes congested and, if it was not already, the next receive fails with `ENOBUFS`.
    pub(crate) fn overrun_now(&mut self) {
        if !self.no_enobufs && !self.congested {
            self.congested = true;
            self.overrun = true;
        }
    }

    /// `NETLINK_NO_ENOBUFS` set: Linux clears the congestion (not a pending error).
    pub(crate) fn uncongest(&mut self) {
        self.congested = false;
    }

    /// After a receive (`netlink_rcv_wake`): an empty queue ends the congestion.
    pub(crate) fn rcv_wake(&mut self) {
        if self.fifo.is_empty() && self.backlog.is_empty() {
            self.congested = false;
        }
    }

    /// Group of the oldest queued datagram; with `take`, also forget it (a non-peeking receive
    /// consumed it).
    pub(crate) fn front_group(&mut self, take: bool) -> u32 {
        if take {
            let (g, c) = self.fifo.pop_front().unwrap_or((0, 0));
            self.queued = self.queued.saturating_sub(c);
            g
        } else {
            self.fifo.front().map_or(0, |&(g, _)| g)
        }
    }
}

/// Whether a unicast datagram is part of a dump (its first message carries `NLM_F_MULTI`, as
/// every dump message and the closing `NLMSG_DONE` do).
fn is_dump_part(bytes: &[u8]) -> bool {
    crate::backend::walk(bytes)
        .next()
        .is_some_and(|m| m.flags() & linux_abi::NLM_F_MULTI != 0)
}

/// `SKB_WITH_OVERHEAD(32768)` on x86_64 (32768 minus the 320-byte aligned
/// `struct skb_shared_info`, `include/linux/skbuff.h`): the cap on `max_recvmsg_len` in
/// `netlink_recvmsg()` (`net/netlink/af_netlink.c`).
pub(crate) const MAX_RECVMSG_LEN: usize = 32768 - 320;

/// Approximate `skb->truesize` of a netlink datagram: the data buffer (allocations are
/// power-of-two slab sizes) plus `struct sk_buff` and `struct skb_shared_info` (≈ 576 bytes).
fn truesize(len: usize) -> usize {
    len.checked_next_power_of_two()
        .unwrap_or(len)
        .saturating_add(576)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair_sock(sndbuf: i32) -> Sock {
        let (ours, theirs) = sys::socketpair_seqpacket().unwrap();
        sys::setsockopt_int(ours.as_fd(), libc::SOL_SOCKET, libc::SO_SNDBUF, sndbuf).unwrap();
        sys::set_nonblock(ours.as_fd(), true).unwrap();
        Sock::new(SockId(1), 0, libc::SOCK_RAW, ours, theirs)
    }

    fn take(s: &mut Sock) -> Option<Vec<u8>> {
        let d = sys::recv_seqpacket(s.theirs.as_fd(), 65536, false).unwrap()?;
        s.front_group(true);
        s.refill();
        Some(d.data)
    }

    /// One netlink message of `len` bytes (≥ 16) with `flags`, its payload filled with `tag`.
    fn msg(len: usize, flags: u16, tag: u8) -> Vec<u8> {
        let mut m = vec![tag; len];
        m[..4].copy_from_slice(&u32::try_from(len).unwrap().to_ne_bytes());
        m[4..6].copy_from_slice(&20u16.to_ne_bytes());
        m[6..8].copy_from_slice(&flags.to_ne_bytes());
        m
    }

    #[test]
    fn dump_parts_beyond_queue_capacity_wait_in_order() {
        let mut s = pair_sock(1);
        for i in 0..50u8 {
            s.enqueue(0, msg(3000, linux_abi::NLM_F_MULTI, i)).unwrap();
        }
        assert!(!s.backlog.is_empty(), "the tiny queue must have overflowed");
        assert!(s.dump_running());
        let mut got = Vec::new();
        while let Some(d) = take(&mut s) {
            got.push(d[20]);
        }
        assert_eq!(got, (0..50u8).collect::<Vec<_>>());
        assert!(!s.overrun);
        assert!(!s.dump_running());
    }

    #[test]
    fn a_paced_dump_part_enters_an_empty_queue_even_behind_charged_replies() {
        let mut s = pair_sock(1 << 20);
        // SO_RCVBUF doubled = 4672 = the charge of one 3000-byte datagram.
        sys::setsockopt_int(s.theirs.as_fd(), libc::SOL_SOCKET, libc::SO_RCVBUF, 2336).unwrap();
        s.enqueue(0, msg(3000, 0, 1)).unwrap();
        s.enqueue(0, msg(3000, linux_abi::NLM_F_MULTI, 2)).unwrap();
        assert!(s.dump_running(), "paced: the queue is at SO_RCVBUF");
        // Accepted (the queue is not over SO_RCVBUF), charged while it waits behind the dump
        // part; once the first reply is read, its charge alone keeps the total at SO_RCVBUF.
        s.enqueue(0, msg(3000, 0, 3)).unwrap();
        let got: Vec<u8> = std::iter::from_fn(|| take(&mut s)).map(|d| d[20]).collect();
        assert_eq!(got, [1, 2, 3]);
        assert!(!s.overrun);
    }

    #[test]
    fn replies_over_rcvbuf_are_dropped_and_congestion_lasts_until_the_queue_is_empty() {
        let mut s = pair_sock(1 << 20);
        sys::setsockopt_int(s.theirs.as_fd(), libc::SOL_SOCKET, libc::SO_RCVBUF, 1).unwrap();
        let mut kept = 0;
        for i in 0..20u8 {
            if s.enqueue(0, msg(36, 0, i)).is_ok() {
                kept += 1;
            }
        }
        assert!(kept > 0 && kept < 20, "{kept}");
        assert!(s.overrun && s.congested);
        s.overrun = false;
        // Reading one leaves the queue non-empty: still congested, still dropping.
        assert!(take(&mut s).is_some());
        s.rcv_wake();
        if kept > 1 {
            assert!(s.congested);
            assert!(s.enqueue(0, msg(36, 0, 99)).is_err());
            assert!(!s.overrun, "one ENOBUFS per congestion");
        }
        while take(&mut s).is_some() {}
        s.rcv_wake();
        assert!(!s.congested);
        assert!(s.enqueue(0, msg(36, 0, 100)).is_ok());
    }

    #[test]
    fn admitted_datagrams_are_queued_and_charged_despite_congestion() {
        let mut s = pair_sock(1 << 20);
        // The minimum: SOCK_MIN_RCVBUF, less than the charge of one 3000-byte datagram.
        sys::setsockopt_int(s.theirs.as_fd(), libc::SOL_SOCKET, libc::SO_RCVBUF, 1).unwrap();
        let rcvbuf = s.rcvbuf();
        assert_eq!(s.room(), rcvbuf);
        s.enqueue(0, msg(3000, 0, 1)).unwrap();
        assert_eq!(s.room(), 0, "over SO_RCVBUF");
        assert!(s.enqueue(0, msg(36, 0, 2)).is_err());
        assert!(s.overrun && s.congested);
        // Admitted by the backend before the overrun: queued and charged all the same.
        s.enqueue_admitted(0, msg(36, 0, 3));
        assert_eq!(s.room(), 0, "congested");
        let got: Vec<u8> = std::iter::from_fn(|| take(&mut s)).map(|d| d[20]).collect();
        assert_eq!(got, [1, 3]);
        s.rcv_wake();
        assert_eq!(s.queued, 0);
        assert_eq!(s.room(), rcvbuf);
    }

    #[test]
    fn multicast_over_rcvbuf_is_dropped_with_overrun() {
        let mut s = pair_sock(1 << 20);
        sys::setsockopt_int(s.theirs.as_fd(), libc::SOL_SOCKET, libc::SO_RCVBUF, 1).unwrap();
        let mut dropped = 0;
        for _ in 0..20 {
            if s.enqueue(1, vec![0; 1000]).is_err() {
                dropped += 1;
            }
        }
        assert!(dropped > 0 && dropped < 20, "{dropped}");
        assert!(s.overrun);
        s.overrun = false;
        s.no_enobufs = true;
        assert!(s.enqueue(1, vec![0; 1000]).is_err());
        assert!(!s.overrun, "NETLINK_NO_ENOBUFS suppresses the error");
    }
}
