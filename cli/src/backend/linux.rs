// SPDX-License-Identifier: BSD-2-Clause
//! The Linux backend (`--backend linux`): the oracle.
//!
//! The supervisor moves into a fresh network namespace (`unshare(CLONE_NEWNET)`) before the
//! program is forked, so program and backend share it and it dies with them; `lo` is brought
//! up and a list of setup commands (`ip …` argv) seeds the topology. Every emulated socket gets
//! a real `AF_NETLINK` socket of the same protocol in that namespace ("mirror"); requests are
//! passed through unchanged and the replies read back.
//!
//! - Port ids: the mirror is autobound by the kernel; replies carry the mirror's port id in
//!   `nlmsg_pid`, which is rewritten to the emulated socket's port id (for notifications, any
//!   mirror's port id is rewritten to its socket's). Linux has one port space per protocol
//!   (`nl_table[protocol]` in `net/netlink/af_netlink.c`), so the first mirror of each
//!   protocol gets the same port id (the supervisor's tgid): the rewrite only considers
//!   mirrors of the protocol of the socket the datagram arrived on. Requests are not
//!   rewritten: the kernel takes the requester from the socket, and error echoes stay as the
//!   program sent them.
//! - Sizing: the kernel sizes each dump part by the largest buffer a receive on the socket
//!   offered so far (`max_recvmsg_len`, capped at `SKB_WITH_OVERHEAD(32768)`, read by
//!   `netlink_dump()` in `net/netlink/af_netlink.c`). The runner tells the backend the
//!   program's value after every receive ([`Backend::set_reader`]), and every receive on the
//!   mirror offers that many bytes (at least the datagram's size, known from a zero-length
//!   `MSG_PEEK | MSG_TRUNC` receive, which the kernel records as 0): the mirror's value is the
//!   program's, so the kernel cuts the parts the program would get natively. Only the
//!   datagram of a held part is read after the program's receive; the rest are read when
//!   they arrive, possibly before the program has offered its larger buffer. So before a
//!   request is passed on, a mirror whose value lags the program's is brought level with a
//!   receive of that size: the runner sends an `NLMSG_NOOP` with `NLM_F_ACK` (answered by the
//!   kernel in `netlink_rcv_skb()`, no handler involved) and reads the ack, which it keeps for
//!   itself. Done for the protocols whose kernel side answers through `netlink_rcv_skb()`
//!   (`NETLINK_ROUTE`, `NETLINK_SOCK_DIAG`, `NETLINK_GENERIC`); one extra round trip per
//!   growth of the program's buffer (once per socket in practice). Left apart: a datagram
//!   larger than the program's buffer (which it reads truncated) is read whole on the mirror.
//! - Pacing: netlink requests run synchronously in `sendmsg`; a dump queues its first part
//!   there and each later part when the reader receives (`netlink_recvmsg` calls
//!   `netlink_dump` in `net/netlink/af_netlink.c`), and until its `NLMSG_DONE` is queued a
//!   second dump request on the socket is refused with `EBUSY` (`__netlink_dump_start`). The
//!   mirror keeps that state as the program's socket would: a datagram holding a dump part
//!   without its `NLMSG_DONE` is delivered as a copy and left queued on the mirror ("held"),
//!   and only when the program receives ([`Backend::advance`]) is it consumed, which lets the
//!   kernel queue the next part. While a dump may be running and the backend reads past other
//!   datagrams, the mirror's receive buffer is cut to the minimum, so those reads do not
//!   advance the dump either (`netlink_recvmsg` continues a dump only while
//!   `sk_rmem_alloc <= sk_rcvbuf / 2`); with no dump running it is left alone, or the kernel
//!   would drop notifications the program's socket takes.
//!   Whatever the kernel queues behind a held part (the answer to a request sent in the
//!   meantime, a notification) reaches the program after it, once it has read the part — the
//!   order is Linux's, the moment later.
//! - Overrun behind a held part: the mirror's queue is then the tail of the program's, so
//!   while a part is held the mirror's `sk_rcvbuf` is what was queued on it when the hold began
//!   plus the room left in the program's queue ([`Backend::set_room`]: its `SO_RCVBUF` minus
//!   what the runner has queued). The kernel admits replies and notifications behind the part
//!   against that budget and drops the rest with its own overrun (`netlink_attachskb`,
//!   `netlink_broadcast_deliver`, `netlink_overrun`), congestion included: the mirror stays
//!   congested until it is read empty, as the program's socket until the program has. The
//!   pending `ENOBUFS` is taken with `SO_ERROR` after every send and before every receive of
//!   the program ([`Backend::sync`]) and becomes the program's overrun, so its next receive
//!   fails first, as on Linux; what the kernel admitted comes with the next part
//!   ([`Backend::advance`]) and is queued without being charged a second time.
//! - Groups come from `NETLINK_PKTINFO`, enabled on every mirror.
//! - Interface ioctls run natively: the program lives in the same namespace.
//! - Credentials: a program's mirror is created with the credentials of the thread that
//!   called `socket(2)`, and its requests are sent as the thread that sent them
//!   (`super::cred`), so Linux's own permission checks answer them.

use super::{rewrite_pids, Backend, Delivery, SockId};
use crate::sys;
use std::collections::BTreeMap;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::process::{Command, Stdio};

/// `SOL_NETLINK` options used here (`include/uapi/linux/netlink.h`).
const NETLINK_ADD_MEMBERSHIP: i32 = 1;
const NETLINK_DROP_MEMBERSHIP: i32 = 2;
const NETLINK_PKTINFO: i32 = 3;

/// Receive buffer forced on mirrors so bursts of notifications are not lost between drains.
const MIRROR_RCVBUF: i32 = 4 << 20;

/// The default topology: a small host (`lo`; `eth0` up with IPv4 + IPv6 addresses, a default
/// route and a neighbour; its veth peer `eth1` down). MAC addresses are fixed so runs compare.
pub(crate) fn default_setup() -> Vec<Vec<String>> {
    [
        "ip link add eth0 address 02:00:00:00:00:10 type veth peer name eth1 address 02:00:00:00:00:11",
        "ip link set eth0 up",
        "ip addr add 192.0.2.10/24 dev eth0",
        "ip -6 addr add 2001:db8::10/64 dev eth0 nodad",
        "ip route add default via 192.0.2.1",
        "ip neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev eth0",
    ]
    .iter()
    .map(|l| l.split_whitespace().map(str::to_owned).collect())
    .collect()
}

/// Parse a setup file: one command per line, split on whitespace; `#` comments and blank
/// lines skipped.
pub(crate) fn parse_setup(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().map(str::to_owned).collect())
        .collect()
}

#[derive(Debug)]
struct Mirror {
    fd: OwnedFd,
    /// Netlink protocol (port ids are unique per protocol only).
    protocol: i32,
    /// The kernel's port id for the mirror.
    kport: u32,
    /// The emulated socket's port id (0 until bound).
    port: u32,
    /// The head of the mirror's queue is a dump part already delivered (see the module
    /// documentation); the mirror is out of the epoll set meanwhile.
    held: bool,
    /// A dump the program asked for may still be running on the mirror (set when a dump
    /// request is sent, cleared by a drain that ends without holding a part). Only then is
    /// the mirror's receive buffer cut while reading: with no dump running, a read cannot
    /// continue one, and a cut buffer would make the kernel drop notifications the program's
    /// own socket would take (systemd-networkd stalled on such a loss).
    dumping: bool,
    /// The mirror's `sk_rcvbuf` when nothing is held.
    normal_rcvbuf: usize,
    /// `sk_rmem_alloc` when the hold began: the held part (and anything already behind it).
    base: usize,
    /// The program's `max_recvmsg_len` ([`Backend::set_reader`]).
    reader: usize,
    /// The mirror's own `max_recvmsg_len`: the largest buffer the backend's receives offered.
    kmax: usize,
    /// Sequence number of the `NLMSG_NOOP` whose ack levels `kmax`, until the ack is read.
    marker: Option<u32>,
}

/// Give a mirror an `sk_rcvbuf` of about `bytes` (`SO_RCVBUFFORCE` stores twice the value
/// given, at least `SOCK_MIN_RCVBUF`: `sk_setsockopt` in `net/core/sock.c`).
fn set_rcvbuf(fd: BorrowedFd<'_>, bytes: usize) {
    let half = i32::try_from(bytes / 2).unwrap_or(i32::MAX / 2);
    if sys::setsockopt_int(fd, libc::SOL_SOCKET, libc::SO_RCVBUFFORCE, half).is_err() {
        let _ = sys::setsockopt_int(fd, libc::SOL_SOCKET, libc::SO_RCVBUF, half);
    }
}

/// Take the datagram at the head of a mirror's queue; an `ENOBUFS` the kernel reports first
/// (`sock_error` in `__skb_try_recv_datagram`, `net/core/datagram.c`) is an overrun.
/// The receive offers at least `min_len` bytes; returns the size it offered.
fn consume(fd: BorrowedFd<'_>, min_len: usize, out: &mut Vec<Delivery>) -> usize {
    loop {
        match sys::recv_netlink_with(fd, false, min_len) {
            Ok(Some(d)) => return d.data.len().max(min_len),
            Ok(None) => return 0,
            Err(e) if e.raw_os_error() == Some(libc::ENOBUFS) => out.push(Delivery::Overrun),
            Err(_) => return 0,
        }
    }
}

/// `NLMSG_NOOP`, `NLMSG_ERROR`, `NLM_F_REQUEST`, `NLM_F_ACK` (`include/uapi/linux/netlink.h`).
const NLMSG_NOOP: u16 = 1;
const NLMSG_ERROR: u16 = 2;
const NLM_F_REQUEST: u16 = 1;
const NLM_F_ACK: u16 = 4;

/// `SKB_WITH_OVERHEAD(32768)`: the cap on `max_recvmsg_len` (`net/netlink/af_netlink.c`).
const MAX_RECVMSG_LEN: usize = crate::sock::MAX_RECVMSG_LEN;

/// Protocols whose kernel side acks an `NLMSG_NOOP` in `netlink_rcv_skb()`
/// (`net/core/rtnetlink.c`, `net/core/sock_diag.c`, `net/netlink/genetlink.c`).
fn acks_noop(protocol: i32) -> bool {
    matches!(protocol, 0 | 4 | 16)
}

/// Whether a datagram of a mirror (multicast `group`, bytes `data`) is a unicast dump part whose dump goes on: some
/// message flagged `NLM_F_MULTI` and no `NLMSG_DONE`.
fn open_dump_part(group: u32, data: &[u8]) -> bool {
    group == 0
        && super::walk(data).any(|m| m.flags() & NLM_F_MULTI != 0)
        && !super::walk(data).any(|m| m.msg_type() == NLMSG_DONE)
}

/// Whether `data` is the kernel's ack of the runner's `NLMSG_NOOP` number `marker` on the
/// mirror with port id `kport`.
fn is_ack_of(data: &[u8], marker: Option<u32>, kport: u32) -> bool {
    let mut msgs = super::walk(data);
    let (Some(m), None) = (msgs.next(), msgs.next()) else {
        return false;
    };
    m.msg_type() == NLMSG_ERROR && Some(m.seq()) == marker && m.pid() == kport
}

/// `NLM_F_MULTI`, `NLMSG_DONE` (`include/uapi/linux/netlink.h`).
const NLM_F_MULTI: u16 = 0x2;
/// `NLM_F_DUMP` = `NLM_F_ROOT | NLM_F_MATCH` (`include/uapi/linux/netlink.h`).
const NLM_F_DUMP: u16 = 0x300;
const NLMSG_DONE: u16 = 3;

/// The Linux backend. See the module documentation.
#[derive(Debug)]
pub(crate) struct LinuxBackend {
    socks: BTreeMap<u32, Mirror>,
    next: u32,
    epoll: sys::Epoll,
    /// Whose credentials the next mirror is created with (`cred.rs`).
    creators: super::cred::Creators,
    /// Last sequence number of the runner's own `NLMSG_NOOP`s ([`LinuxBackend::level`]).
    marker_seq: u32,
}

fn errno(e: &io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
}

fn run_setup(cmd: &[String]) -> Result<(), String> {
    let (prog, args) = cmd.split_first().ok_or("empty setup command")?;
    let out = Command::new(prog)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("setup command `{}`: {e}", cmd.join(" ")))?;
    if !out.status.success() {
        return Err(format!(
            "setup command `{}` failed: {}",
            cmd.join(" "),
            String::from_utf8_lossy(&out.stderr)
                .trim()
                .replace('\n', "; ")
        ));
    }
    Ok(())
}

impl LinuxBackend {
    /// Enter a fresh network namespace, bring `lo` up and run `setup` there.
    pub(crate) fn new(setup: &[Vec<String>]) -> Result<Self, String> {
        sys::unshare_net().map_err(|e| {
            format!(
                "cannot create a network namespace (the Linux backend needs CAP_SYS_ADMIN, \
                 e.g. root): {e}"
            )
        })?;
        run_setup(&["ip", "link", "set", "lo", "up"].map(str::to_owned))?;
        for cmd in setup {
            run_setup(cmd)?;
        }
        // After the set-up commands, which may still use the host's named namespaces.
        sys::private_mounts().map_err(|e| format!("cannot set up the namespace's mounts: {e}"))?;
        let epoll = sys::Epoll::new().map_err(|e| format!("epoll: {e}"))?;
        Ok(Self {
            socks: BTreeMap::new(),
            next: 1,
            epoll,
            creators: super::cred::Creators::new()?,
            marker_seq: 0x6e6c_0000,
        })
    }

    /// Rewrite mirror port ids to emulated ones in every message header of `data`, received
    /// on a mirror of `protocol`.
    fn fix_pids(&self, protocol: i32, data: &mut [u8]) {
        rewrite_pids(data, |pid| {
            self.socks
                .values()
                .find(|m| m.protocol == protocol && m.kport == pid && m.port != 0)
                .map(|m| m.port)
        });
    }

    /// Read what is queued on mirror `id` up to a dump part that is not the last, which is
    /// delivered and held (module documentation).
    fn drain(&mut self, id: u32) -> Vec<Delivery> {
        let mut out = Vec::new();
        let Some(m) = self.socks.get(&id) else {
            return out;
        };
        let fd = m.fd.as_fd();
        if m.held {
            // Nothing can be read past the held part; what the kernel dropped behind it is
            // an overrun of the program's socket. `SO_ERROR` takes the pending error as the
            // next receive would (`sock_error`).
            if sys::getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR).ok() == Some(libc::ENOBUFS)
            {
                out.push(Delivery::Overrun);
            }
            return out;
        }
        // While a dump may be running, the minimum receive buffer while reading: no read
        // continues the dump. The size is put back afterwards.
        let normal = m.normal_rcvbuf;
        let cut = m.dumping;
        if cut {
            let _ = sys::setsockopt_int(fd, libc::SOL_SOCKET, libc::SO_RCVBUF, 0);
        }
        let mut hold = false;
        let (reader, kport) = (m.reader, m.kport);
        let mut kmax = m.kmax;
        let mut marker = m.marker;
        loop {
            match sys::recv_netlink_with(fd, true, 0) {
                Ok(Some(d)) => {
                    hold = open_dump_part(d.group, &d.data);
                    if !hold {
                        kmax = kmax.max(consume(fd, reader, &mut out));
                    }
                    if marker.is_some() && d.group == 0 && is_ack_of(&d.data, marker, kport) {
                        // The runner's own `NLMSG_NOOP` (module documentation).
                        marker = None;
                        continue;
                    }
                    let mut bytes = d.data;
                    self.fix_pids(m.protocol, &mut bytes);
                    out.push(Delivery::Datagram {
                        group: d.group,
                        bytes,
                    });
                    if hold {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) if e.raw_os_error() == Some(libc::ENOBUFS) => out.push(Delivery::Overrun),
                Err(_) => break,
            }
        }
        if cut {
            set_rcvbuf(fd, normal);
        }
        let base = if hold {
            self.epoll.del(fd.as_raw_fd());
            sys::rmem_alloc(fd).map_or(0, |v| usize::try_from(v).unwrap_or(0))
        } else {
            0
        };
        if let Some(m) = self.socks.get_mut(&id) {
            m.kmax = kmax.min(MAX_RECVMSG_LEN);
            m.marker = marker;
            if hold {
                m.held = true;
                m.base = base;
            } else {
                m.dumping = false;
            }
        }
        out
    }

    /// Bring the mirror's `max_recvmsg_len` level with the program's before a request (module
    /// documentation); returns what was queued on the mirror before.
    fn level(&mut self, id: u32) -> Vec<Delivery> {
        let Some(m) = self.socks.get(&id) else {
            return Vec::new();
        };
        let lags = m.reader > nlcompat::framing::NLMSG_GOODSIZE && m.kmax < m.reader;
        if m.held || m.marker.is_some() || !lags || !acks_noop(m.protocol) {
            return Vec::new();
        }
        // Whatever is queued first; then the ack is next.
        let mut out = self.drain(id);
        let Some(m) = self.socks.get_mut(&id).filter(|m| !m.held) else {
            return out;
        };
        self.marker_seq = self.marker_seq.wrapping_add(1);
        let seq = self.marker_seq;
        let mut noop = [0u8; 16];
        noop[0..4].copy_from_slice(&16u32.to_ne_bytes());
        noop[4..6].copy_from_slice(&NLMSG_NOOP.to_ne_bytes());
        noop[6..8].copy_from_slice(&(NLM_F_REQUEST | NLM_F_ACK).to_ne_bytes());
        noop[8..12].copy_from_slice(&seq.to_ne_bytes());
        if sys::send_to_kernel(m.fd.as_fd(), &noop).is_ok() {
            m.marker = Some(seq);
            out.extend(self.drain(id));
        }
        out
    }

    fn mirror(&self, s: SockId) -> Result<&Mirror, i32> {
        self.socks.get(&s.0).ok_or(libc::EBADF)
    }
}

impl Backend for LinuxBackend {
    fn open(&mut self, protocol: i32) -> Result<SockId, i32> {
        let fd = self.creators.socket(protocol)?;
        // Larger buffer and PKTINFO are conveniences; failing them is not fatal.
        let _ = sys::setsockopt_int(
            fd.as_fd(),
            libc::SOL_SOCKET,
            libc::SO_RCVBUFFORCE,
            MIRROR_RCVBUF,
        );
        sys::setsockopt_int(fd.as_fd(), libc::SOL_NETLINK, NETLINK_PKTINFO, 1)
            .map_err(|e| errno(&e))?;
        sys::netlink_bind(fd.as_fd(), 0, 0).map_err(|e| errno(&e))?;
        let normal_rcvbuf = sys::getsockopt_int(fd.as_fd(), libc::SOL_SOCKET, libc::SO_RCVBUF)
            .ok()
            .and_then(|v| usize::try_from(v).ok())
            .unwrap_or(0);
        let kport = sys::netlink_getsockname(fd.as_fd()).map_err(|e| errno(&e))?;
        let id = self.next;
        self.next = self.next.checked_add(1).ok_or(libc::EMFILE)?;
        self.epoll
            .add(fd.as_raw_fd(), u64::from(id))
            .map_err(|e| errno(&e))?;
        self.socks.insert(
            id,
            Mirror {
                fd,
                protocol,
                kport,
                port: 0,
                held: false,
                dumping: false,
                normal_rcvbuf,
                base: 0,
                reader: 0,
                kmax: 0,
                marker: None,
            },
        );
        Ok(SockId(id))
    }

    fn open_for(&mut self, protocol: i32, tid: u32) -> Result<SockId, i32> {
        self.creators.next_for(tid);
        self.open(protocol)
    }

    fn close(&mut self, s: SockId) {
        if let Some(m) = self.socks.remove(&s.0) {
            self.epoll.del(m.fd.as_raw_fd());
        }
    }

    fn bind(&mut self, s: SockId, port: u32, groups: u32) -> Result<(), i32> {
        let m = self.socks.get_mut(&s.0).ok_or(libc::EBADF)?;
        m.port = port;
        // Re-binding to the mirror's own port id replaces its legacy group mask.
        sys::netlink_bind(m.fd.as_fd(), m.kport, groups).map_err(|e| errno(&e))
    }

    fn set_membership(&mut self, s: SockId, group: u32, join: bool) -> Result<(), i32> {
        let m = self.mirror(s)?;
        let opt = if join {
            NETLINK_ADD_MEMBERSHIP
        } else {
            NETLINK_DROP_MEMBERSHIP
        };
        let g = i32::try_from(group).map_err(|_| libc::EINVAL)?;
        sys::setsockopt_int(m.fd.as_fd(), libc::SOL_NETLINK, opt, g).map_err(|e| errno(&e))
    }

    fn set_flag(&mut self, s: SockId, opt: i32, on: bool) -> Result<(), i32> {
        let m = self.mirror(s)?;
        sys::setsockopt_int(m.fd.as_fd(), libc::SOL_NETLINK, opt, i32::from(on))
            .map_err(|e| errno(&e))
    }

    fn send(&mut self, s: SockId, datagram: &[u8]) -> Result<Vec<Delivery>, i32> {
        let mut out = self.level(s.0);
        if super::walk(datagram).any(|q| q.flags() & NLM_F_DUMP == NLM_F_DUMP) {
            if let Some(m) = self.socks.get_mut(&s.0) {
                m.dumping = true;
            }
        }
        let m = self.mirror(s)?;
        self.creators.send(m.fd.as_fd(), datagram)?;
        out.extend(self.drain(s.0));
        Ok(out)
    }

    fn set_reader(&mut self, s: SockId, max_recvmsg_len: usize) {
        if let Some(m) = self.socks.get_mut(&s.0) {
            m.reader = m.reader.max(max_recvmsg_len.min(MAX_RECVMSG_LEN));
        }
    }

    fn advance(&mut self, s: SockId) -> Vec<Delivery> {
        let Some(m) = self.socks.get_mut(&s.0) else {
            return Vec::new();
        };
        if !m.held {
            return Vec::new();
        }
        // Consume the held part with the full receive buffer: the kernel queues the next
        // (`netlink_recvmsg` continues a dump while `sk_rmem_alloc <= sk_rcvbuf / 2`).
        // Its size first, with the minimum receive buffer so that the peek does not continue
        // the dump; then the receive with the program's buffer size and the full receive
        // buffer: the kernel queues the next part, sized by that buffer
        // (`netlink_recvmsg` continues a dump while `sk_rmem_alloc <= sk_rcvbuf / 2`).
        let mut out = Vec::new();
        let fd = m.fd.as_fd();
        let _ = sys::setsockopt_int(fd, libc::SOL_SOCKET, libc::SO_RCVBUF, 0);
        // An `ENOBUFS` the kernel reports first is an overrun (as in `consume`).
        let size = loop {
            match sys::recv_netlink_with(fd, true, 0) {
                Ok(d) => break d.map_or(0, |d| d.data.len()),
                Err(e) if e.raw_os_error() == Some(libc::ENOBUFS) => {
                    out.push(Delivery::Overrun);
                }
                Err(_) => break 0,
            }
        };
        set_rcvbuf(fd, m.normal_rcvbuf);
        let offered = size.max(m.reader);
        if size > 0 {
            let _ = sys::recv_netlink_sized(fd, false, offered);
        } else {
            consume(fd, m.reader, &mut out);
        }
        m.kmax = m.kmax.max(offered).min(MAX_RECVMSG_LEN);
        m.held = false;
        let _ = self.epoll.add(m.fd.as_raw_fd(), u64::from(s.0));
        out.extend(self.drain(s.0));
        out
    }

    fn holding(&self, s: SockId) -> bool {
        self.socks.get(&s.0).is_some_and(|m| m.held)
    }

    fn set_room(&mut self, s: SockId, room: usize) {
        if let Some(m) = self.socks.get(&s.0).filter(|m| m.held) {
            set_rcvbuf(m.fd.as_fd(), m.base.saturating_add(room));
        }
    }

    fn sync(&mut self, s: SockId) -> Vec<Delivery> {
        if self.holding(s) {
            self.drain(s.0)
        } else {
            Vec::new()
        }
    }

    fn send_for(
        &mut self,
        s: SockId,
        datagram: &[u8],
        tid: u32,
        addressed: bool,
    ) -> Result<Vec<Delivery>, i32> {
        self.creators.sender_for(tid, addressed);
        let r = self.send(s, datagram);
        self.creators.sender_for_runner();
        r
    }

    fn poll_fd(&self) -> Option<RawFd> {
        Some(self.epoll.raw())
    }

    fn take_async(&mut self) -> Vec<(SockId, Delivery)> {
        let ready = self.epoll.wait(0).unwrap_or_default();
        let mut out = Vec::new();
        for (token, _) in ready {
            let Ok(id) = u32::try_from(token) else {
                continue;
            };
            for d in self.drain(id) {
                out.push((SockId(id), d));
            }
        }
        out
    }

    fn native_ioctls(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::parse_setup;

    #[test]
    fn setup_file_skips_comments_and_blanks() {
        let v = parse_setup("# c\n\n ip link set lo up \nip addr add 1.2.3.4/8 dev lo\n");
        assert_eq!(v.len(), 2);
        assert_eq!(v[0], ["ip", "link", "set", "lo", "up"]);
    }
}
