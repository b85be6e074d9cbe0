// SPDX-License-Identifier: BSD-2-Clause
//! Linux's datagram boundaries: which of the messages the kernel side queues for a socket
//! travel in one datagram (one `recvmsg`), the one rule shared by the runner and the kernel
//! glue.
//!
//! Linux (`net/netlink/af_netlink.c`):
//! - `netlink_unicast()` sends each reply the handler built in its own skb: a reply to a
//!   request that is not a dump is a datagram of its own;
//! - `netlink_ack()` builds the `NLMSG_ERROR` (ack or error) in a new skb: a datagram of its
//!   own, after the reply it follows;
//! - notifications (`nlmsg_notify()` → `netlink_broadcast()`) are one message per skb;
//! - only `netlink_dump()` packs messages: it fills one skb per call with as many dump parts as
//!   fit (`NLMSG_GOODSIZE` for the first part of a dump; larger, up to the reader's last
//!   `recvmsg` size, for later ones) and puts the `NLMSG_DONE` into the last skb when there is
//!   room left (`netlink_dump_done()`), otherwise into one of its own.
//!
//! So a datagram is either one message, or consecutive dump parts (`NLM_F_MULTI`) of one
//! dump, at most `limit` bytes (a single larger message travels alone), optionally ending
//! with that dump's `NLMSG_DONE`. FreeBSD has no such boundaries: its `nl_soreceive()`
//! (`sys/netlink/netlink_domain.c`) copies as many whole messages as fit into the reader's
//! buffer, across `nl_buf`s, which is what made sd-netlink take a reply and its ack as one
//! answer (`docs/kernel.md`, "Datagram boundaries").

use crate::wire::{align4, Msg};
use linux_abi as l;

/// Linux's dump part size for 4 KiB pages, `NLMSG_GOODSIZE` = `SKB_WITH_OVERHEAD(PAGE_SIZE)`
/// (`include/linux/netlink.h`): 4096 minus the 320-byte aligned `struct skb_shared_info` on
/// x86_64. glibc, Go and iproute2 read with buffers at least this large.
pub const NLMSG_GOODSIZE: usize = 3776;

/// Whether `m` is part of a dump: a part (`NLM_F_MULTI`) or the `NLMSG_DONE` ending it.
/// `NLMSG_ERROR` never is: Linux sends it through `netlink_ack()`.
fn dump_part(m: &Msg<'_>) -> bool {
    m.flags() & l::NLM_F_MULTI != 0 && m.msg_type() != l::NLMSG_ERROR
}

/// Length of the first datagram of `stream` (Linux messages, 4-byte aligned, as queued for
/// one socket, in order), following the rule in the module documentation with dump parts
/// packed up to `limit` bytes. 0 for an empty stream; a stream whose first message is
/// malformed is one datagram.
#[must_use]
pub fn first_datagram(stream: &[u8], limit: usize) -> usize {
    let Ok(first) = Msg::parse(stream, 0) else {
        return stream.len();
    };
    let mut len = padded(first.len(), stream.len());
    if !dump_part(&first) || first.msg_type() == l::NLMSG_DONE {
        return len;
    }
    loop {
        let Some(rest) = stream.get(len..) else {
            return len;
        };
        let Ok(next) = Msg::parse(rest, 0) else {
            return len;
        };
        let next_len = padded(next.len(), rest.len());
        let fits = len.checked_add(next_len).is_some_and(|end| end <= limit);
        if !dump_part(&next) || next.seq() != first.seq() || !fits {
            return len;
        }
        len = len.saturating_add(next_len);
        if next.msg_type() == l::NLMSG_DONE {
            return len;
        }
    }
}

/// A message's length with its padding, within what the stream holds.
fn padded(len: usize, available: usize) -> usize {
    align4(len).unwrap_or(len).min(available)
}

/// The datagrams of `stream`, in order (see [`first_datagram`]).
#[must_use]
pub fn datagrams(stream: &[u8], limit: usize) -> Datagrams<'_> {
    Datagrams {
        rest: stream,
        limit,
    }
}

/// Iterator over the datagrams of a message stream; see [`datagrams`].
#[derive(Debug, Clone)]
pub struct Datagrams<'a> {
    rest: &'a [u8],
    limit: usize,
}

impl<'a> Iterator for Datagrams<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.rest.is_empty() {
            return None;
        }
        let n = first_datagram(self.rest, self.limit).max(1);
        let (d, rest) = self.rest.split_at_checked(n).unwrap_or((self.rest, &[]));
        self.rest = rest;
        Some(d)
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;

    fn m(ty: u16, flags: u16, seq: u32, body: usize) -> Vec<u8> {
        let mut v = u32::try_from(16 + body).unwrap().to_ne_bytes().to_vec();
        v.extend_from_slice(&ty.to_ne_bytes());
        v.extend_from_slice(&flags.to_ne_bytes());
        v.extend_from_slice(&seq.to_ne_bytes());
        v.extend_from_slice(&7u32.to_ne_bytes());
        v.resize(16 + body, 0);
        v.resize((16 + body + 3) & !3, 0);
        v
    }

    fn sizes(stream: &[u8], limit: usize) -> Vec<usize> {
        datagrams(stream, limit).map(<[u8]>::len).collect()
    }

    #[test]
    fn reply_and_ack_are_two_datagrams() {
        // sd-netlink resolving nlctrl: CTRL_CMD_NEWFAMILY reply, then the ack.
        let mut s = m(16, 0, 1, 100);
        s.extend(m(2, l::NLM_F_CAPPED, 1, 20));
        assert_eq!(sizes(&s, NLMSG_GOODSIZE), vec![116, 36]);
    }

    #[test]
    fn dump_parts_pack_and_done_joins_the_last_part() {
        let mut s = Vec::new();
        for _ in 0..3 {
            s.extend(m(16, l::NLM_F_MULTI, 5, 1000));
        }
        s.extend(m(3, l::NLM_F_MULTI, 5, 4));
        assert_eq!(sizes(&s, NLMSG_GOODSIZE), vec![3 * 1016 + 20]);
        // Four parts do not fit in one: 3 + (1 + DONE).
        s.splice(0..0, m(16, l::NLM_F_MULTI, 5, 1000));
        assert_eq!(sizes(&s, NLMSG_GOODSIZE), vec![3 * 1016, 1016 + 20]);
    }

    #[test]
    fn done_travels_alone_when_the_part_is_full() {
        let mut s = m(16, l::NLM_F_MULTI, 5, 3000);
        s.extend(m(16, l::NLM_F_MULTI, 5, 740));
        s.extend(m(3, l::NLM_F_MULTI, 5, 4));
        assert_eq!(sizes(&s, NLMSG_GOODSIZE), vec![3016 + 756, 20]);
    }

    #[test]
    fn an_oversized_part_travels_alone_and_errors_never_pack() {
        let mut s = m(16, l::NLM_F_MULTI, 5, 5000);
        s.extend(m(16, l::NLM_F_MULTI, 5, 10));
        s.extend(m(2, l::NLM_F_MULTI, 5, 20));
        assert_eq!(sizes(&s, NLMSG_GOODSIZE), vec![5016, 28, 36]);
    }

    #[test]
    fn notifications_and_other_dumps_are_separate() {
        let mut s = m(16, 0, 0, 100);
        s.extend(m(20, 0, 0, 40));
        s.extend(m(16, l::NLM_F_MULTI, 1, 10));
        s.extend(m(16, l::NLM_F_MULTI, 2, 10));
        assert_eq!(sizes(&s, NLMSG_GOODSIZE), vec![116, 56, 28, 28]);
        assert_eq!(sizes(&[], NLMSG_GOODSIZE), Vec::<usize>::new());
        // Malformed: one datagram of what is left.
        assert_eq!(sizes(&[1, 2, 3], NLMSG_GOODSIZE), vec![3]);
    }
}
