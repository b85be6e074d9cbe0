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
    /// The unix queue is full; the datagram was dropped and the overrun recorded.
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
    /// Sum of the charges in `fifo` (Linux's `sk_rmem_alloc`, approximated).
    queued: usize,
    /// Unicast replies waiting for room in the unix queue, oldest first.
    backlog: VecDeque<Vec<u8>>,
    /// A datagram was dropped: the next receive fails with `ENOBUFS`.
    pub(crate) overrun: bool,
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
        }
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

    /// Queue one datagram for the program (group 0 = unicast).
    ///
    /// Multicast follows `netlink_broadcast`: delivered only while the queued memory does not
    /// exceed the socket's `SO_RCVBUF`, else dropped with an overrun (`ENOBUFS` on the next
    /// receive unless `NETLINK_NO_ENOBUFS`), and also dropped when the unix queue is full.
    /// Unicast replies are never dropped: Linux paces dumps to the reader, so what does not fit
    /// in the unix queue waits in a backlog that [`Sock::refill`] feeds as the program reads.
    pub(crate) fn enqueue(&mut self, group: u32, bytes: Vec<u8>) -> Result<(), QueueFull> {
        if group != 0 {
            let rcvbuf =
                sys::getsockopt_int(self.theirs.as_fd(), libc::SOL_SOCKET, libc::SO_RCVBUF)
                    .ok()
                    .and_then(|v| usize::try_from(v).ok())
                    .unwrap_or(usize::MAX);
            if self.queued > rcvbuf || !self.push(group, &bytes) {
                self.overrun_now();
                return Err(QueueFull::Dropped);
            }
            return Ok(());
        }
        if !self.backlog.is_empty() || !self.push(0, &bytes) {
            self.backlog.push_back(bytes);
        }
        Ok(())
    }

    /// Move backlogged replies into the unix queue while they fit.
    pub(crate) fn refill(&mut self) {
        while let Some(b) = self.backlog.pop_front() {
            if !self.push(0, &b) {
                self.backlog.push_front(b);
                return;
            }
        }
    }

    /// Put one datagram into the unix queue; false when it is full.
    fn push(&mut self, group: u32, bytes: &[u8]) -> bool {
        if sys::send_seqpacket(self.ours.as_fd(), bytes).is_err() {
            return false;
        }
        let charge = truesize(bytes.len());
        self.fifo.push_back((group, charge));
        self.queued = self.queued.saturating_add(charge);
        true
    }

    /// Record a lost datagram.
    pub(crate) fn overrun_now(&mut self) {
        if !self.no_enobufs {
            self.overrun = true;
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

    #[test]
    fn unicast_beyond_queue_capacity_waits_in_order() {
        let mut s = pair_sock(1);
        for i in 0..50u8 {
            s.enqueue(0, vec![i; 3000]).unwrap();
        }
        assert!(!s.backlog.is_empty(), "the tiny queue must have overflowed");
        let mut got = Vec::new();
        while let Some(d) = take(&mut s) {
            got.push(d[0]);
        }
        assert_eq!(got, (0..50u8).collect::<Vec<_>>());
        assert!(!s.overrun);
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
