// SPDX-License-Identifier: BSD-2-Clause
//! The default backend: the FreeBSD model (`freebsd-sim`) behind the translator.
//!
//! Each Linux request goes through `nlcompat` (Linux → FreeBSD) into a FreeBSD-ABI netlink
//! socket of the model; every `nl_buf` the model enqueues is translated back (FreeBSD →
//! Linux) exactly where FreeBSD's kernel would call `msgs_to_linux()`, then cut into
//! datagrams as Linux cuts them (`nlcompat::framing`).

use std::collections::BTreeMap;

use freebsd_sim::{Cred, Kernel};
use nlcompat::ack::AckSock;
use nlcompat::wire::{Messages, Msg, Writer};
use nlcompat::{Ctx, Dir, Freebsd, Proto};

use super::{rewrite_pids, walk, Backend, Delivery, SockId};
use crate::host::SimHost;

/// FreeBSD `SOL_NETLINK` (270, as on Linux).
const SOL_NETLINK: i32 = 270;

/// Per-socket state of the model backend.
#[derive(Debug)]
struct Sock {
    bsd: freebsd_sim::SockId,
    proto: Proto,
    /// The Linux port id the runner gave the socket and its `NETLINK_CAP_ACK` /
    /// `NETLINK_EXT_ACK` options: what the answers the runner writes itself depend on.
    ack: AckSock,
    /// `NETLINK_GET_STRICT_CHK`: Linux's strict checks of dump requests (`nlcompat::request`).
    strict: bool,
}

/// The FreeBSD model behind the translator.
#[derive(Debug)]
pub(crate) struct FreebsdBackend {
    kernel: Kernel,
    socks: BTreeMap<SockId, Sock>,
    next: u32,
    cred: Cred,
    real_names: bool,
    pending: Vec<(SockId, Delivery)>,
    /// `--pcap`: the FreeBSD side of every exchange.
    pcap: Option<crate::pcap::PcapHandle>,
}

impl FreebsdBackend {
    /// A backend over `kernel`; `uid` is the caller's user id (0 may modify the host).
    pub(crate) fn new(kernel: Kernel, uid: u32, real_names: bool) -> FreebsdBackend {
        FreebsdBackend {
            kernel,
            socks: BTreeMap::new(),
            next: 1,
            cred: Cred { uid },
            real_names,
            pending: Vec::new(),
            pcap: None,
        }
    }

    fn record(&self, s: &Sock, way: crate::pcap::Way, bytes: &[u8]) {
        if let Some(p) = &self.pcap {
            let proto = match s.proto {
                Proto::Route => 0,
                Proto::Generic => 16,
                Proto::Other(n) => u16::try_from(n).unwrap_or(0),
            };
            p.borrow_mut()
                .record(crate::pcap::Side::Freebsd, way, proto, bytes);
        }
    }

    fn host(&self) -> SimHost {
        SimHost::new(self.kernel.interfaces(), self.real_names)
    }

    /// Translates FreeBSD buffers for socket `s` into Linux messages (one byte stream).
    fn to_linux(&self, s: &Sock, bufs: &[Vec<u8>], request: Option<&[u8]>) -> Vec<u8> {
        for buf in bufs {
            self.record(s, crate::pcap::Way::FromKernel, buf);
        }
        let host = self.host();
        let ctx = Ctx::new(&host, s.proto)
            .with_request(request)
            .with_strict(s.strict);
        let map = self.port_map();
        let mut out = Vec::new();
        // One output buffer for every `nl_buf` of the answer (a 100k-route dump has
        // thousands): zero-filled once, grown when a buffer needs more.
        let mut dst = Vec::new();
        for buf in bufs {
            let want = buf.len().saturating_mul(2).saturating_add(256);
            if dst.len() < want {
                dst.resize(want, 0);
            }
            let res = match nlcompat::to_linux(&ctx, Freebsd::new(buf), &mut dst) {
                Err(nlcompat::Error::NoSpace { needed }) => {
                    dst = vec![0u8; usize::try_from(needed).unwrap_or(usize::MAX)];
                    nlcompat::to_linux(&ctx, Freebsd::new(buf), &mut dst)
                }
                other => other,
            };
            match res {
                Ok(l) => {
                    let start = out.len();
                    out.extend_from_slice(l.bytes());
                    rewrite_pids(out.get_mut(start..).unwrap_or_default(), |pid| {
                        map.iter().find(|&&(b, _)| b == pid).map(|&(_, port)| port)
                    });
                }
                Err(e) => {
                    // Broken framing from the model: tell the reader rather than hang it.
                    if let Some(Ok(first)) = Messages::new(buf).next() {
                        let capped = AckSock {
                            cap_ack: true,
                            ..s.ack
                        };
                        out.extend(error_reply(first, &capped, e.linux_errno().get(), None));
                    }
                }
            }
        }
        out
    }

    fn port_map(&self) -> Vec<(u32, u32)> {
        self.socks
            .values()
            .filter_map(|s| Some((self.kernel.port_id(s.bsd)?, s.ack.port)))
            // Port 0 is the kernel itself (and FreeBSD's answer for an unbound socket).
            .filter(|&(bsd, _)| bsd != 0)
            .collect()
    }

    /// Moves what the model queued for sockets other than `except` into `pending`.
    fn collect_async(&mut self, except: Option<SockId>) {
        // Only sockets the model queued something for (a drop implies a full queue): a
        // thousand idle sockets must not cost a thousand look-ups per send.
        let busy = self.kernel.pending();
        let ids: Vec<SockId> = self
            .socks
            .iter()
            .filter(|&(id, s)| Some(*id) != except && busy.binary_search(&s.bsd).is_ok())
            .map(|(id, _)| *id)
            .collect();
        for id in ids {
            let Some(s) = self.socks.get(&id) else {
                continue;
            };
            let bsd = s.bsd;
            let overrun = self.kernel.take_dropped(bsd) > 0;
            let bufs = self.kernel.take_bufs(bsd);
            let Some(s) = self.socks.get(&id) else {
                continue;
            };
            let bytes = self.to_linux(s, &bufs, None);
            for m in Messages::new(&bytes).map_while(Result::ok) {
                self.pending.push((
                    id,
                    Delivery::Datagram {
                        group: group_of(m),
                        bytes: m.bytes().to_vec(),
                    },
                ));
            }
            if overrun {
                self.pending.push((id, Delivery::Overrun));
            }
        }
    }
}

/// The FreeBSD backend over the topology in `path` (default: the built-in host).
pub(crate) fn new(
    path: Option<&std::path::Path>,
    real_names: bool,
    uid: u32,
    pcap: Option<crate::pcap::PcapHandle>,
) -> Result<Box<dyn Backend>, String> {
    let kernel = match path {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let topo = freebsd_sim::Topology::from_toml_str(&text)
                .map_err(|e| format!("{}: {e}", p.display()))?;
            crate::check_topology(p, &topo)?;
            Kernel::new(&topo).map_err(|e| format!("{}: {e}", p.display()))?
        }
        None => Kernel::default_host(),
    };
    let mut b = FreebsdBackend::new(kernel, uid, real_names);
    b.pcap = pcap;
    Ok(Box::new(b))
}

/// The multicast group a notification goes to (Linux numbering, `RTNLGRP_*`).
fn group_of(m: Msg<'_>) -> u32 {
    let family = m.payload().first().copied().unwrap_or(0);
    match m.msg_type() {
        linux_abi::RTM_NEWLINK | linux_abi::RTM_DELLINK => linux_abi::RTNLGRP_LINK,
        linux_abi::RTM_NEWADDR | linux_abi::RTM_DELADDR => {
            if family == linux_abi::AF_INET6 {
                linux_abi::RTNLGRP_IPV6_IFADDR
            } else {
                linux_abi::RTNLGRP_IPV4_IFADDR
            }
        }
        linux_abi::RTM_NEWROUTE | linux_abi::RTM_DELROUTE => {
            if family == linux_abi::AF_INET6 {
                linux_abi::RTNLGRP_IPV6_ROUTE
            } else {
                linux_abi::RTNLGRP_IPV4_ROUTE
            }
        }
        linux_abi::RTM_NEWNEIGH | linux_abi::RTM_DELNEIGH => linux_abi::RTNLGRP_NEIGH,
        linux_abi::RTM_NEWNEXTHOP | linux_abi::RTM_DELNEXTHOP => linux_abi::RTNLGRP_NEXTHOP,
        _ => 0,
    }
}

/// The Linux errno for the model's FreeBSD errno `e`, through the translator's map.
fn linux_errno(e: i32) -> i32 {
    nlcompat::msg::errno::to_linux(nlcompat::FreebsdErrno::new(e)).get()
}

/// The Linux `NLMSG_ERROR` answering `req` on socket `sock` with `-errno`, as Linux's
/// `netlink_ack()` shapes it (`nlcompat::ack`): to the socket's port, the request's seq.
fn error_reply(req: Msg<'_>, sock: &AckSock, errno: i32, text: Option<&[u8]>) -> Vec<u8> {
    ack_bytes(req, |w| {
        nlcompat::ack::write_ack(w, req, sock, nlcompat::LinuxErrno::new(errno), text, None)
    })
}

/// Runs `write` into a buffer sized for `req`'s echo and returns the bytes written.
fn ack_bytes(req: Msg<'_>, write: impl Fn(&mut Writer<'_>) -> nlcompat::Result<()>) -> Vec<u8> {
    let mut buf = vec![0u8; req.len().saturating_add(256)];
    let mut w = Writer::new(&mut buf);
    match write(&mut w).and_then(|()| w.finish()) {
        Ok(n) => buf.get(..n).map(<[u8]>::to_vec).unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

/// Cuts a stream of Linux messages into the datagrams Linux would queue
/// (`nlcompat::framing`): each reply, ack, error and notification alone, dump parts packed
/// up to `NLMSG_GOODSIZE` with the `NLMSG_DONE` joining the last part when it fits.
fn chunk(bytes: &[u8]) -> Vec<Delivery> {
    nlcompat::framing::datagrams(bytes, nlcompat::framing::NLMSG_GOODSIZE)
        .map(|d| Delivery::Datagram {
            group: 0,
            bytes: d.to_vec(),
        })
        .collect()
}

impl Backend for FreebsdBackend {
    fn open(&mut self, protocol: i32) -> Result<SockId, i32> {
        let proto = u32::try_from(protocol).map_err(|_| libc::EPROTONOSUPPORT)?;
        let bsd = self.kernel.socket(proto, self.cred).map_err(linux_errno)?;
        let id = SockId(self.next);
        self.next = self.next.wrapping_add(1);
        self.socks.insert(
            id,
            Sock {
                bsd,
                proto: Proto::from_number(proto),
                ack: AckSock::default(),
                strict: false,
            },
        );
        Ok(id)
    }

    /// The socket carries the creating thread's user id (`super::cred::freebsd_uid_of`).
    fn open_for(&mut self, protocol: i32, tid: u32) -> Result<SockId, i32> {
        let runner = self.cred;
        self.cred = Cred {
            uid: super::cred::freebsd_uid_of(tid)?,
        };
        let r = self.open(protocol);
        self.cred = runner;
        r
    }

    fn close(&mut self, s: SockId) {
        if let Some(sock) = self.socks.remove(&s) {
            self.kernel.close(sock.bsd);
        }
    }

    fn bind(&mut self, s: SockId, port: u32, groups: u32) -> Result<(), i32> {
        let sock = self.socks.get_mut(&s).ok_or(libc::EBADF)?;
        sock.ack.port = port;
        let bsd = sock.bsd;
        let addr = nlcompat::socket::freebsd_sockaddr(nlcompat::socket::NlAddr { pid: 0, groups });
        match self.kernel.bind(bsd, &addr) {
            Ok(()) => Ok(()),
            // Re-bind with new groups: FreeBSD keeps the port; set the groups one by one.
            Err(_) => {
                for g in nlcompat::socket::groups_of_mask(groups) {
                    self.set_membership(s, g, true)?;
                }
                Ok(())
            }
        }
    }

    fn set_membership(&mut self, s: SockId, group: u32, join: bool) -> Result<(), i32> {
        let sock = self.socks.get(&s).ok_or(libc::EBADF)?;
        let opt = if join {
            freebsd_abi::NETLINK_ADD_MEMBERSHIP
        } else {
            freebsd_abi::NETLINK_DROP_MEMBERSHIP
        };
        self.kernel
            .setsockopt(sock.bsd, SOL_NETLINK, opt, &group.to_ne_bytes())
            .map_err(linux_errno)
    }

    fn set_flag(&mut self, s: SockId, opt: i32, on: bool) -> Result<(), i32> {
        let sock = self.socks.get_mut(&s).ok_or(libc::EBADF)?;
        match opt {
            linux_abi::NETLINK_EXT_ACK => sock.ack.ext_ack = on,
            linux_abi::NETLINK_CAP_ACK => sock.ack.cap_ack = on,
            linux_abi::NETLINK_GET_STRICT_CHK => sock.strict = on,
            _ => {}
        }
        match nlcompat::socket::sockopt_to_freebsd(opt) {
            nlcompat::socket::SockOpt::Pass(name) => {
                let bsd = sock.bsd;
                let v = i32::from(on).to_ne_bytes();
                self.kernel
                    .setsockopt(bsd, SOL_NETLINK, name, &v)
                    .map_err(linux_errno)
            }
            // Options FreeBSD lacks (NO_ENOBUFS, BROADCAST_ERROR, ...) or means otherwise
            // (GET_STRICT_CHK) are kept by the runner.
            nlcompat::socket::SockOpt::Unsupported | nlcompat::socket::SockOpt::Emulated => Ok(()),
        }
    }

    fn send(&mut self, s: SockId, datagram: &[u8]) -> Result<Vec<Delivery>, i32> {
        let mut out = Vec::new();
        let mut stream = Vec::new();
        for req in walk(datagram) {
            let raw = req.bytes();
            let sock = self.socks.get(&s).ok_or(libc::EBADF)?;
            let (bsd, proto, ack, strict) = (sock.bsd, sock.proto, sock.ack, sock.strict);
            // Linux hands neither messages without NLM_F_REQUEST nor control types to a
            // handler, but acks them when asked (`netlink_rcv_skb`, `goto ack`).
            if req.flags() & linux_abi::NLM_F_REQUEST == 0 || req.msg_type() < 16 {
                if req.flags() & linux_abi::NLM_F_ACK != 0 {
                    stream.extend(error_reply(req, &ack, 0, None));
                }
                continue;
            }
            if nlcompat::request::linux_ignores(proto, req) {
                if req.flags() & linux_abi::NLM_F_ACK != 0 {
                    stream.extend(error_reply(req, &ack, 0, None));
                }
                continue;
            }
            let host = self.host();
            let ctx = Ctx::new(&host, proto).with_strict(strict);
            let mut dst = vec![0u8; raw.len().saturating_mul(2).saturating_add(256)];
            let mut w = Writer::new(&mut dst);
            let res = nlcompat::translate_msg(&ctx, Dir::LinuxToFreebsd, req, &mut w)
                .and_then(|()| w.finish());
            let n = match res {
                Ok(n) => n,
                Err(e) => {
                    stream.extend(ack_bytes(req, |w| {
                        nlcompat::ack::write_refusal(w, req, &ack, e)
                    }));
                    continue;
                }
            };
            let freebsd = dst.get(..n).unwrap_or_default();
            if let Some(sock) = self.socks.get(&s) {
                self.record(sock, crate::pcap::Way::ToKernel, freebsd);
            }
            if let Err(e) = self.kernel.send(bsd, freebsd) {
                stream.extend(error_reply(req, &ack, linux_errno(e), None));
                continue;
            }
            let bufs = self.kernel.take_bufs(bsd);
            let sock = self.socks.get(&s).ok_or(libc::EBADF)?;
            let answer = self.to_linux(sock, &bufs, Some(raw));
            // What came back is the answer and, on a member socket, the notifications the
            // request caused: those travel as multicast, with their group.
            out.extend(chunk(&stream));
            stream.clear();
            let ctx = ctx.with_request(Some(raw));
            out.extend(chunk(&answer).into_iter().map(|d| match d {
                Delivery::Datagram { group: 0, bytes } => {
                    let group = match Messages::new(&bytes).collect::<Vec<_>>().as_slice() {
                        [Ok(m)] if nlcompat::msg::flags::is_notification(&ctx, *m) => group_of(*m),
                        _ => 0,
                    };
                    Delivery::Datagram { group, bytes }
                }
                other => other,
            }));
        }
        out.extend(chunk(&stream));
        self.collect_async(Some(s));
        Ok(out)
    }

    /// Dump parts are framed at `NLMSG_GOODSIZE` here and joined by the runner up to the
    /// reader's size as they are produced.
    fn packs_dumps_lazily(&self) -> bool {
        true
    }

    fn poll_fd(&self) -> Option<std::os::fd::RawFd> {
        None
    }

    fn take_async(&mut self) -> Vec<(SockId, Delivery)> {
        std::mem::take(&mut self.pending)
    }

    fn native_ioctls(&self) -> bool {
        false
    }
}
