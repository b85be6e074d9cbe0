// SPDX-License-Identifier: BSD-2-Clause
//! What serves the netlink sockets the runner emulates.
//!
//! The runner owns everything a Linux *socket* does (descriptors, port ids and autobind,
//! `sockaddr_nl`, receive queues, truncation, blocking, signals, socket options' storage and
//! read-back). A [`Backend`] owns what the Linux *kernel side* of netlink does: it receives the
//! datagrams a program sends and produces the datagrams the program receives, in Linux wire
//! format, plus multicast notifications.
//!
//! Contract, in Linux-ABI bytes throughout:
//! - Sockets are created with [`Backend::open`] and named by the returned [`SockId`].
//! - Before the first [`Backend::send`] the runner has bound the socket ([`Backend::bind`]),
//!   explicitly or by autobind: the backend knows the port id every reply must carry.
//! - [`Backend::send`] gets one datagram **exactly as the program sent it** (not walked, not
//!   validated, possibly unaligned, junk-padded or carrying trailing zero headers). The backend
//!   walks it with Linux rules ([`walk`] implements them), answers each request, and returns
//!   everything that Linux would have queued on that socket by the time `sendmsg` returns —
//!   including all parts of a dump up to its `NLMSG_DONE` — in order, cut into datagrams as
//!   Linux cuts them (`nlcompat::framing`: each reply, ack, error and notification alone,
//!   dump parts packed up to `NLMSG_GOODSIZE`, about 3.7 KiB with 4 KiB pages; a backend
//!   that says [`Backend::packs_dumps_lazily`] leaves the runner to join them up to the
//!   reader's buffer size as Linux does), with
//!   `nlmsg_pid` set to the socket's port id and `nlmsg_seq` echoed. Every answer the backend
//!   writes itself is shaped like the kernel's (`nlcompat::ack`).
//! - Multicast notifications arrive through [`Backend::take_async`], addressed to member sockets
//!   only (the backend keeps memberships, fed by [`Backend::bind`] and
//!   [`Backend::set_membership`]). The runner calls it after every `send` and whenever
//!   [`Backend::poll_fd`] becomes readable.
//! - Errors are positive Linux errno values (`libc::E*` on a Linux host).
//! - All calls are made from one thread and must not block for long.

mod cred;
pub(crate) mod freebsd;
pub(crate) mod linux;
pub(crate) mod record;

use nlcompat::wire::{Messages, Msg};

/// A backend's name for one emulated socket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct SockId(pub(crate) u32);

/// One datagram for a socket's receive queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Delivery {
    /// A datagram; `group` is the multicast group number it was sent to (1-based, Linux
    /// numbering, e.g. 5 = `RTNLGRP_IPV4_IFADDR`), 0 for unicast. The runner derives the
    /// `nl_groups` mask (`1 << (group - 1)` for groups 1–32) and `NETLINK_PKTINFO` from it.
    Datagram {
        /// Group number, 0 = unicast.
        group: u32,
        /// Whole datagram: one or more aligned netlink messages.
        bytes: Vec<u8>,
    },
    /// Notifications were lost (the backend's own queue overflowed): the program's next
    /// receive fails with `ENOBUFS`, as on Linux.
    Overrun,
}

/// The kernel side of netlink, in Linux wire format. See the module documentation.
pub(crate) trait Backend {
    /// New socket of `protocol` (Linux numbering: 0 = `NETLINK_ROUTE`, 16 = `NETLINK_GENERIC`…).
    /// Unsupported protocol: `EPROTONOSUPPORT`.
    fn open(&mut self, protocol: i32) -> Result<SockId, i32>;

    /// As [`Backend::open`], for the socket a program's thread `tid` creates with
    /// `socket(2)`. Both kernels fix a socket's credentials at creation (Linux: the file's
    /// `f_cred`, `net/socket.c`; FreeBSD: `so_cred`, `socreate()` in `sys/kern/uipc_socket.c`)
    /// and check privileges against them, so a backend that models those checks takes the
    /// thread's credentials here. The runner's own sockets use [`Backend::open`].
    fn open_for(&mut self, protocol: i32, tid: u32) -> Result<SockId, i32> {
        let _ = tid;
        self.open(protocol)
    }

    /// The program's last reference to the socket is gone. The runner learns this by sweeping
    /// the process tree's descriptors, so it may come late (or at exit, never): a backend must
    /// not rely on it for anything the program can observe.
    fn close(&mut self, s: SockId);

    /// The socket got port id `port` (chosen by the runner: explicit or autobind) and the
    /// legacy group mask `groups` (bit n-1 = group n, for groups 1–32; replaces the previous
    /// legacy memberships, as Linux's `bind` does). Called again on a re-bind with the same
    /// port and new groups.
    fn bind(&mut self, s: SockId, port: u32, groups: u32) -> Result<(), i32>;

    /// `NETLINK_ADD_MEMBERSHIP` (`join`) or `NETLINK_DROP_MEMBERSHIP` for group number `group`
    /// (≥ 1). Unknown group: `EINVAL`.
    fn set_membership(&mut self, s: SockId, group: u32, join: bool) -> Result<(), i32>;

    /// A boolean `SOL_NETLINK` option that changes the replies: `NETLINK_CAP_ACK` (10),
    /// `NETLINK_EXT_ACK` (11), `NETLINK_GET_STRICT_CHK` (12), `NETLINK_BROADCAST_ERROR` (4),
    /// `NETLINK_NO_ENOBUFS` (5), `NETLINK_LISTEN_ALL_NSID` (8). The runner stores and reports the
    /// value itself; a backend may ignore options it does not model, or refuse with an errno.
    fn set_flag(&mut self, s: SockId, opt: i32, on: bool) -> Result<(), i32>;

    /// One datagram the program sent (raw, see the module documentation); returns what Linux
    /// would have queued on this socket by the time the send returned. `Err(errno)` makes the
    /// send itself fail (rare: Linux reports request errors as `NLMSG_ERROR` replies).
    fn send(&mut self, s: SockId, datagram: &[u8]) -> Result<Vec<Delivery>, i32>;

    /// The program received from socket `s` (any successful receive, `MSG_PEEK` included):
    /// where the backend paces a dump to the reader as Linux does (`netlink_recvmsg` queues
    /// the next part, `net/netlink/af_netlink.c`), what that queues. The Linux backend does
    /// (see its module documentation); the model writes whole dumps at once and has nothing.
    fn advance(&mut self, s: SockId) -> Vec<Delivery> {
        let _ = s;
        Vec::new()
    }

    /// The program's largest receive buffer on `s` so far (Linux's `max_recvmsg_len`, capped
    /// at `SKB_WITH_OVERHEAD(32768)`: `netlink_recvmsg()`, `net/netlink/af_netlink.c`), told
    /// after every receive that got a datagram, before [`Backend::advance`]. A backend whose
    /// kernel cuts dump parts itself sizes them by it; the default ignores it.
    fn set_reader(&mut self, s: SockId, max_recvmsg_len: usize) {
        let _ = (s, max_recvmsg_len);
    }

    /// Whether the backend hands over dump parts for the runner to pack: each part it returns
    /// is a run of whole messages of the dump, and the runner joins them into the parts Linux
    /// would produce, sized by the reader's receives at the moment each part is produced
    /// (`crate::sock::Sock::refill`). The model does; the Linux backend's kernel cuts its own.
    fn packs_dumps_lazily(&self) -> bool {
        false
    }

    /// As [`Backend::send`], for a datagram a program's thread `tid` sent, to an explicit
    /// address or not (`addressed`). Linux judges a request by the sending task too (and by it
    /// alone when the sender named the destination: `NETLINK_SKB_DST` in
    /// `net/netlink/af_netlink.c`), so the Linux backend sends as that thread. The runner's
    /// own requests use [`Backend::send`].
    fn send_for(
        &mut self,
        s: SockId,
        datagram: &[u8],
        tid: u32,
        addressed: bool,
    ) -> Result<Vec<Delivery>, i32> {
        let _ = (tid, addressed);
        self.send(s, datagram)
    }

    /// Whether the backend keeps datagrams for `s` that the program's queue does not hold yet
    /// and admits more of them on its own (the Linux backend, behind a held dump part). Then
    /// the runner tells it the program's room with [`Backend::set_room`].
    fn holding(&self, s: SockId) -> bool {
        let _ = s;
        false
    }

    /// The program's receive queue of `s` may take `room` more bytes (`SO_RCVBUF` minus what is
    /// queued, in `skb->truesize` units; 0 while congested): what the backend admits while
    /// [`Backend::holding`] is bounded by it, as Linux bounds the program's queue. Datagrams
    /// [`Backend::advance`] then returns, other than dump parts, were admitted so and must
    /// not be dropped again; an overrun the backend met meanwhile comes as
    /// [`Delivery::Overrun`] (from [`Backend::send`], [`Backend::advance`] or
    /// [`Backend::sync`]).
    fn set_room(&mut self, s: SockId, room: usize) {
        let _ = (s, room);
    }

    /// What a receive on `s` must see before anything queued: an overrun the backend met
    /// while [`Backend::holding`] (Linux reports `ENOBUFS` before queued data).
    fn sync(&mut self, s: SockId) -> Vec<Delivery> {
        let _ = s;
        Vec::new()
    }

    /// A descriptor that becomes readable when [`Backend::take_async`] has something.
    fn poll_fd(&self) -> Option<std::os::fd::RawFd>;

    /// Pending asynchronous deliveries (multicast notifications), for any socket, in order.
    fn take_async(&mut self) -> Vec<(SockId, Delivery)>;

    /// Whether interface ioctls (`SIOCGIF*`) may run natively: true only when the program's
    /// own network namespace is the one the backend serves (the Linux backend). Otherwise the
    /// runner answers them from an `RTM_GETLINK` + `RTM_GETADDR` dump through [`Backend::send`].
    fn native_ioctls(&self) -> bool;
}

/// [`Backend::send`] and then every paced dump part ([`Backend::advance`]) up to the end:
/// for the runner's own queries (interface ioctls) and for sockets whose reads it does not
/// see.
pub(crate) fn send_all(
    backend: &mut dyn Backend,
    s: SockId,
    datagram: &[u8],
) -> Result<Vec<Delivery>, i32> {
    let mut out = backend.send(s, datagram)?;
    loop {
        let more = backend.advance(s);
        if more.is_empty() {
            return Ok(out);
        }
        out.extend(more);
    }
}

/// Linux's walk over a sent or received datagram (`net/netlink/af_netlink.c:
/// netlink_rcv_skb`): each message in order, stopping silently where Linux stops (a length
/// below 16 or beyond the datagram). It is the translator's walk (`nlcompat::wire::Messages`)
/// with its framing error taken as the end, as Linux does; the last message may be unaligned
/// (Go sends 17 bytes).
pub(crate) fn walk(datagram: &[u8]) -> impl Iterator<Item = Msg<'_>> {
    Messages::new(datagram).map_while(Result::ok)
}

/// Replaces `nlmsg_pid` of every message in `bytes` by `map(pid)` where `map` answers; 0 (the
/// kernel's own notifications) is left alone. Both backends answer with their own port ids
/// (the mirror socket's, the model's FreeBSD socket's) and use this to show the program the
/// port id the runner gave its socket.
pub(crate) fn rewrite_pids(bytes: &mut [u8], map: impl Fn(u32) -> Option<u32>) {
    let fixes: Vec<(usize, u32)> = walk(bytes)
        .filter(|m| m.pid() != 0)
        .filter_map(|m| Some((m.offset().checked_add(PID_AT)?, map(m.pid())?)))
        .collect();
    for (at, pid) in fixes {
        let _ = nlcompat::wire::write_u32(bytes, at, pid);
    }
}

/// Offset of `nlmsg_pid` in `struct nlmsghdr` (`include/uapi/linux/netlink.h`).
const PID_AT: usize = 12;

#[cfg(test)]
mod tests {
    use super::{rewrite_pids, walk};

    fn msg(len: u32, pad_to: usize) -> Vec<u8> {
        let mut v = len.to_ne_bytes().to_vec();
        v.resize(pad_to, 0xAA);
        v
    }

    #[test]
    fn walk_stops_at_short_header() {
        let mut d = msg(20, 20);
        d.extend_from_slice(&[0u8; 16]);
        assert_eq!(walk(&d).count(), 1);
    }

    #[test]
    fn walk_accepts_unaligned_last() {
        let d = msg(17, 17);
        let v: Vec<_> = walk(&d).collect();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].len(), 17);
    }

    #[test]
    fn walk_stops_at_overrun() {
        let mut d = msg(20, 20);
        d.extend(msg(100, 20));
        assert_eq!(walk(&d).count(), 1);
    }

    #[test]
    fn walk_aligns_between_messages() {
        let mut d = msg(18, 20);
        d.extend(msg(16, 16));
        let v: Vec<_> = walk(&d).collect();
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].len(), 16);
    }

    fn hdr(len: u32, pid: u32) -> Vec<u8> {
        let mut v = len.to_ne_bytes().to_vec();
        v.extend_from_slice(&[0u8; 8]);
        v.extend_from_slice(&pid.to_ne_bytes());
        v.resize(usize::try_from(len).unwrap(), 0);
        v
    }

    #[test]
    fn pids_rewritten_in_every_message_but_zero() {
        let mut d = hdr(20, 77);
        d.extend(hdr(16, 0));
        d.extend(hdr(24, 77));
        d.extend(hdr(16, 5));
        rewrite_pids(&mut d, |p| (p == 77).then_some(0xffff_f000));
        let pid_at = |o: usize| u32::from_ne_bytes(d[o + 12..o + 16].try_into().unwrap());
        assert_eq!(pid_at(0), 0xffff_f000);
        assert_eq!(pid_at(20), 0);
        assert_eq!(pid_at(36), 0xffff_f000);
        assert_eq!(pid_at(60), 5);
    }

    #[test]
    fn pid_rewrite_stops_on_bad_length() {
        let mut d = hdr(20, 77);
        d.extend(hdr(16, 77));
        d[20..24].copy_from_slice(&8u32.to_ne_bytes());
        rewrite_pids(&mut d, |_| Some(1));
        assert_eq!(u32::from_ne_bytes(d[12..16].try_into().unwrap()), 1);
        assert_eq!(u32::from_ne_bytes(d[32..36].try_into().unwrap()), 77);
    }
}
