// SPDX-License-Identifier: BSD-2-Clause
//! Emulated sends (`write`, `writev`, `sendto`, `sendmsg`, `sendmmsg`) and delivery of the
//! backend's datagrams into receive queues.

use super::*;

/// `net.core.optmem_max`, the most control data a `sendmsg` may carry (Linux's default,
/// 131072, when it cannot be read).
fn optmem_max() -> u64 {
    std::fs::read_to_string("/proc/sys/net/core/optmem_max")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(131_072)
}

impl Runner {
    // ---- send ---------------------------------------------------------------------------

    /// Read the bytes of a send. Linux refuses datagrams larger than `sk_sndbuf - 32`
    /// (`EMSGSIZE`), checked before reading anything.
    pub(super) fn gather(
        &mut self,
        n: &Notif,
        key: u64,
        iov: &[(u64, u64)],
    ) -> Result<Vec<u8>, i32> {
        let s = self.sock(key)?;
        let sndbuf = sys::getsockopt_int(s.theirs.as_fd(), libc::SOL_SOCKET, libc::SO_SNDBUF)
            .ok()
            .and_then(|v| u64::try_from(v).ok())
            .unwrap_or(u64::MAX);
        sysargs::gather(n, iov, sndbuf.saturating_sub(32))
    }

    pub(super) fn do_send(
        &mut self,
        n: &Notif,
        key: u64,
        data: Vec<u8>,
        dest: Option<NlAddr>,
    ) -> Res {
        // Linux 6.18's `netlink_sendmsg` (`net/netlink/af_netlink.c`) refuses an empty datagram
        // with ENODATA before it looks at the destination or autobinds (observed: `send`,
        // `sendto`, `sendmsg` and `write` of 0 bytes, tests/hostile); `writev` of nothing
        // returns 0 in the VFS (`vfs_writev`) without reaching the socket.
        if data.is_empty() && !matches!(n.nr, libc::SYS_writev | libc::SYS_pwritev2) {
            return Err(libc::ENODATA);
        }
        let (dst_port, dst_group) = match dest {
            Some(a) => (a.pid, a.groups),
            None => {
                let s = self.sock(key)?;
                (s.dst_port, s.dst_group)
            }
        };
        if dst_port != 0 {
            // Unicast to another user socket is not emulated.
            return Err(libc::ECONNREFUSED);
        }
        // User-originated multicast (dst_group) is not emulated; the kernel still gets it.
        let _ = dst_group;
        if !self.l.id_valid(n.id) {
            return Ok(Act::Done);
        }
        self.autobind(n, key)?;
        let bid = self.sock(key)?.backend;
        let out = self.backend.send_for(bid, &data, n.tid, dest.is_some())?;
        let out = self.one_dump_at_a_time(key, &data, out);
        if self.verbose {
            let protocol = self.sock(key)?.protocol;
            self.log(
                n,
                &format!(
                    "{} bytes: {} -> {} datagrams",
                    data.len(),
                    crate::msglog::describe(protocol, &data, true, None),
                    out.len()
                ),
            );
        }
        self.deliver(key, out);
        self.deliver_async();
        Ok(Act::Val(len_i64(data.len())))
    }

    /// One `sendmsg` of the msghdr at `mh_addr`, checked in Linux's order: the msghdr and
    /// its address (`copy_msghdr_from_user`), the iovecs, then `netlink_sendmsg`'s checks
    /// (flags, address, size) and the copy of the data.
    pub(super) fn sendmsg_one(
        &mut self,
        n: &Notif,
        key: u64,
        mh_addr: u64,
        flags: i32,
    ) -> Result<usize, i32> {
        let mh = sysargs::read_msghdr(n, mh_addr, true)?;
        let iov = sysargs::read_iov(n, mh.iov, mh.iovlen)?;
        let ctl = if mh.controllen == 0 {
            Vec::new()
        } else {
            sysargs::read_send_control(n, mh.control, mh.controllen, optmem_max())?
        };
        sysargs::send_flags(flags)?;
        sysargs::check_send_cmsgs(&ctl)?;
        let dest = sysargs::send_dest(&mh.addr)?;
        let data = self.gather(n, key, &iov)?;
        let len = data.len();
        match self.do_send(n, key, data, dest)? {
            Act::Val(_) => Ok(len),
            _ => Err(libc::EINTR),
        }
    }

    pub(super) fn do_sendmmsg(&mut self, n: &Notif, key: u64) -> Res {
        let vec = n.args[1];
        let vlen = n.args[2].min(UIO_MAXIOV);
        let flags = arg_i32(n.args[3]);
        let mut done: i64 = 0;
        for i in 0..vlen {
            let entry = sysargs::mmsg_entry(vec, i);
            match self.sendmsg_one(n, key, entry, flags) {
                Ok(len) => {
                    sysargs::put_mmsg_len(n, entry, u64::try_from(len).unwrap_or(u64::MAX))?;
                    done = done.saturating_add(1);
                }
                Err(e) if done == 0 => return Err(e),
                Err(_) => break,
            }
        }
        Ok(Act::Val(done))
    }

    /// Linux runs one dump per socket at a time: a dump request while an earlier dump's parts
    /// are still to be produced fails with `EBUSY` (`__netlink_dump_start` in
    /// `net/netlink/af_netlink.c`, while `cb_running`), answered with an `NLMSG_ERROR` as any
    /// failed request (`netlink_rcv_skb`). The backend answered the whole dump; while the
    /// socket's backlog holds parts of an earlier one, the new dump's parts are replaced by
    /// that error. This also bounds what a program that never reads can make the runner hold.
    fn one_dump_at_a_time(&self, key: u64, data: &[u8], out: Vec<Delivery>) -> Vec<Delivery> {
        let Some(s) = self.socks.get(&key) else {
            return out;
        };
        if !s.dump_running() {
            return out;
        }
        let ack = nlcompat::ack::AckSock {
            port: s.port,
            cap_ack: s.cap_ack,
            ext_ack: s.ext_ack,
        };
        let mut refused: Vec<u32> = Vec::new();
        let mut res = Vec::with_capacity(out.len());
        for d in out {
            let part_seq = match &d {
                Delivery::Datagram { group: 0, bytes } => crate::backend::walk(bytes)
                    .next()
                    .filter(|m| m.flags() & linux_abi::NLM_F_MULTI != 0)
                    .map(|m| m.seq()),
                _ => None,
            };
            let Some(seq) = part_seq else {
                res.push(d);
                continue;
            };
            if refused.contains(&seq) {
                continue;
            }
            let req = crate::backend::walk(data)
                .find(|m| m.seq() == seq && m.flags() & linux_abi::NLM_F_DUMP != 0);
            let Some(req) = req else {
                res.push(d);
                continue;
            };
            let mut buf = vec![0u8; req.len().saturating_add(256)];
            let mut w = nlcompat::wire::Writer::new(&mut buf);
            let written = nlcompat::ack::write_ack(
                &mut w,
                req,
                &ack,
                nlcompat::LinuxErrno::new(libc::EBUSY),
                None,
                None,
            )
            .and_then(|()| w.finish());
            let Ok(n) = written else {
                res.push(d);
                continue;
            };
            buf.truncate(n);
            refused.push(seq);
            res.push(Delivery::Datagram {
                group: 0,
                bytes: buf,
            });
        }
        res
    }

    /// Queue deliveries on socket `key`.
    pub(super) fn deliver(&mut self, key: u64, out: Vec<Delivery>) {
        self.deliver_with(key, out, false);
    }

    /// [`Runner::deliver`]; with `admitted`, the datagrams were already admitted against the
    /// queue's room by the backend ([`crate::backend::Backend::set_room`]) and are not
    /// dropped. Afterwards a backend that holds datagrams for the socket learns its room.
    pub(super) fn deliver_with(&mut self, key: u64, out: Vec<Delivery>, admitted: bool) {
        let Some(s) = self.socks.get_mut(&key) else {
            return;
        };
        let running = s.pack_dumps && s.dump_running();
        for d in out {
            if self.verbose {
                match &d {
                    Delivery::Datagram { group, bytes } => note!(
                        "nlcompat: port {} <- {}{}",
                        i32_of(s.port),
                        if *group == 0 {
                            String::new()
                        } else {
                            format!("group {group}: ")
                        },
                        crate::msglog::describe(
                            s.protocol,
                            bytes,
                            false,
                            (*group == 0).then_some(s.port)
                        )
                    ),
                    Delivery::Overrun => {
                        note!("nlcompat: port {} <- overrun (ENOBUFS)", i32_of(s.port));
                    }
                }
            }
            match d {
                Delivery::Datagram { group, bytes } if admitted => s.enqueue_admitted(group, bytes),
                Delivery::Datagram { group, bytes } => {
                    let _ = s.enqueue(group, bytes);
                }
                Delivery::Overrun => s.overrun_now(),
            }
        }
        if s.pack_dumps && !running && s.dump_running() {
            // A dump began: its first part is produced now, sized by the reader's receives so
            // far (`Sock::refill_start`).
            s.refill_start();
        }
        if self.backend.holding(s.backend) {
            self.backend.set_room(s.backend, s.room());
        }
        self.woken.push(key);
    }

    /// Deliver the backend's asynchronous datagrams.
    /// Datagrams the program wrote to its end of a pair natively, through a descriptor the
    /// filter does not watch (below the reserved range: received with `SCM_RIGHTS` or taken
    /// with `pidfd_getfd`). They are served like a `send` without address, with a message the
    /// first time; the program's native reads on that descriptor see the replies, without
    /// `sockaddr_nl` (`msg_namelen` 0) and without the backlog of long dumps.
    pub(super) fn serve_escaped(&mut self) {
        let Ok(ready) = self.raw.wait(0) else {
            return;
        };
        for (key, _) in ready {
            while let Some(Ok(Some(d))) = self
                .socks
                .get(&key)
                .map(|s| sys::recv_seqpacket(s.ours.as_fd(), MAX_DATAGRAM, false))
            {
                if self.escaped.insert(key) {
                    if let Some(s) = self.socks.get_mut(&key) {
                        s.native_reads = true;
                    }
                    note!(
                        "nlcompat: a netlink socket is used through a descriptor below {} \
                         (passed with SCM_RIGHTS?): served without addresses",
                        self.fd_base
                    );
                }
                let _ = self.send_escaped(key, &d.data);
            }
        }
    }

    fn send_escaped(&mut self, key: u64, data: &[u8]) -> Result<(), i32> {
        if self.sock(key)?.port == 0 {
            let protocol = self.sock(key)?.protocol;
            let port = self.pick_port(self.main_pid, protocol);
            let s = self.socks.get_mut(&key).ok_or(libc::EBADF)?;
            self.backend.bind(s.backend, port, s.legacy_groups())?;
            s.port = port;
        }
        let bid = self.sock(key)?.backend;
        // The program reads such a socket natively: no receive of its paces a dump.
        let out = crate::backend::send_all(self.backend.as_mut(), bid, data)?;
        self.deliver(key, out);
        self.deliver_async();
        Ok(())
    }

    pub(super) fn deliver_async(&mut self) {
        for (bid, d) in self.backend.take_async() {
            let key = self
                .socks
                .iter()
                .find(|(_, s)| s.backend == bid)
                .map(|(k, _)| *k);
            if let Some(key) = key {
                self.deliver(key, vec![d]);
            }
        }
    }
}
