// SPDX-License-Identifier: BSD-2-Clause
//! Per-socket state of an emulated `AF_NETLINK` socket.
//!
//! The program holds one end (`theirs`) of an `AF_UNIX` `SOCK_SEQPACKET` pair in place of the
//! netlink socket, so readiness (poll/select/epoll), `O_NONBLOCK`, `dup`, `fork` and `exec`
//! behave natively; the runner keeps the other end (`ours`) to queue datagrams, a copy of
//! `theirs` to receive on the program's behalf and to recognise the socket by open file
//! (`kcmp`), and a FIFO of the group each queued datagram was sent to (for `msg_name` and
//! `NETLINK_PKTINFO`), parallel to the unix queue.
//!
//! Generic `SOL_SOCKET` options (`SO_RCVBUF`/`SO_SNDBUF` with their doubling and limits,
//! `SO_RCVTIMEO`, …) are left to the kernel on the program's unix socket: Linux implements them
//! in the protocol-independent `sock_setsockopt`, so they behave exactly as on a netlink socket;
//! the runner reads `SO_RCVTIMEO` back from it when a receive must wait.

use crate::backend::SockId;
use crate::sys;
use std::collections::VecDeque;
use std::os::fd::{AsFd, OwnedFd};

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

/// Netlink sockaddr family (`AF_NETLINK` on Linux).
pub(crate) const AF_NETLINK: u16 = 16;
/// `sizeof(struct sockaddr_nl)`.
pub(crate) const SOCKADDR_NL_LEN: usize = 12;

/// `{nl_family, nl_pad, nl_pid, nl_groups}` as bytes.
pub(crate) fn sockaddr_nl(pid: u32, groups: u32) -> [u8; SOCKADDR_NL_LEN] {
    let mut a = [0u8; SOCKADDR_NL_LEN];
    let (fam, rest) = a.split_at_mut(4);
    fam.copy_from_slice(&[
        AF_NETLINK.to_ne_bytes()[0],
        AF_NETLINK.to_ne_bytes()[1],
        0,
        0,
    ]);
    let (p, g) = rest.split_at_mut(4);
    p.copy_from_slice(&pid.to_ne_bytes());
    g.copy_from_slice(&groups.to_ne_bytes());
    a
}

/// `nl_groups` mask bit of a group number (`netlink_group_mask`), 0 for unicast or groups > 32.
pub(crate) fn group_mask(group: u32) -> u32 {
    group
        .checked_sub(1)
        .and_then(|g| 1u32.checked_shl(g))
        .unwrap_or(0)
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
    /// Port id, 0 while unbound.
    pub(crate) port: u32,
    /// Connected peer (`connect`): port id and group number.
    pub(crate) dst_port: u32,
    /// Connected peer group number.
    pub(crate) dst_group: u32,
    /// Joined groups, sorted (group numbers ≥ 1).
    pub(crate) groups: Vec<u32>,
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
    /// Group number of every datagram in the unix queue, oldest first.
    pub(crate) fifo: VecDeque<u32>,
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
        Self {
            backend,
            protocol,
            sock_type,
            ours,
            theirs,
            port: 0,
            dst_port: 0,
            dst_group: 0,
            groups: Vec::new(),
            pktinfo: false,
            broadcast_error: false,
            no_enobufs: false,
            listen_all_nsid: false,
            cap_ack: false,
            ext_ack: false,
            strict_chk: false,
            fifo: VecDeque::new(),
            overrun: false,
        }
    }

    /// Legacy `nl_groups` mask (groups 1–32).
    pub(crate) fn legacy_groups(&self) -> u32 {
        self.groups.iter().fold(0, |m, &g| m | group_mask(g))
    }

    /// Replace memberships in groups 1–32 by `mask` (what `bind` does).
    pub(crate) fn set_legacy_groups(&mut self, mask: u32) {
        self.groups.retain(|&g| g > 32);
        for bit in 0..32u32 {
            if mask & (1u32 << bit) != 0 {
                self.groups.push(bit.saturating_add(1));
            }
        }
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
    pub(crate) fn enqueue(&mut self, group: u32, bytes: &[u8]) -> Result<(), QueueFull> {
        match sys::send_seqpacket(self.ours.as_fd(), bytes) {
            Ok(()) => {
                self.fifo.push_back(group);
                Ok(())
            }
            Err(_) => {
                if !self.no_enobufs {
                    self.overrun = true;
                }
                Err(QueueFull::Dropped)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(group_mask(0), 0);
        assert_eq!(group_mask(1), 1);
        assert_eq!(group_mask(32), 0x8000_0000);
        assert_eq!(group_mask(33), 0);
    }

    #[test]
    fn sockaddr_layout() {
        let a = sockaddr_nl(0x0102_0304, 5);
        assert_eq!(a.len(), 12);
        assert_eq!(u16::from_ne_bytes([a[0], a[1]]), 16);
        assert_eq!(u32::from_ne_bytes([a[4], a[5], a[6], a[7]]), 0x0102_0304);
        assert_eq!(u32::from_ne_bytes([a[8], a[9], a[10], a[11]]), 5);
    }
}
