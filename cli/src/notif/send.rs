// SPDX-License-Identifier: BSD-2-Clause
//! Emulated sends (`write`, `writev`, `sendto`, `sendmsg`, `sendmmsg`) and delivery of the
//! backend's datagrams into receive queues.

use super::*;

impl Runner {
    // ---- send ---------------------------------------------------------------------------

    pub(super) fn read_iov(&self, n: &Notif, addr: u64, cnt: u64) -> Result<Vec<(u64, u64)>, i32> {
        if cnt > UIO_MAXIOV {
            return Err(libc::EINVAL);
        }
        let cnt = arg_usize(cnt);
        let b = Self::rd(n, addr, cnt.saturating_mul(IOVEC_LEN))?;
        let mut out = Vec::with_capacity(cnt);
        let mut total: u64 = 0;
        for c in b.chunks_exact(IOVEC_LEN) {
            let base = u64_at(c, 0).ok_or(libc::EFAULT)?;
            let len = u64_at(c, 8).ok_or(libc::EFAULT)?;
            total = total.checked_add(len).ok_or(libc::EINVAL)?;
            if total > u64::try_from(isize::MAX).unwrap_or(u64::MAX) {
                return Err(libc::EINVAL);
            }
            out.push((base, len));
        }
        Ok(out)
    }

    /// Read the bytes of a send. Linux refuses datagrams larger than `sk_sndbuf - 32`
    /// (`EMSGSIZE`), checked before reading anything.
    pub(super) fn gather(
        &mut self,
        n: &Notif,
        key: u64,
        iov: &[(u64, u64)],
    ) -> Result<Vec<u8>, i32> {
        let total = iov.iter().fold(0u64, |t, &(_, l)| t.saturating_add(l));
        let s = self.sock(key)?;
        let sndbuf = sys::getsockopt_int(s.theirs.as_fd(), libc::SOL_SOCKET, libc::SO_SNDBUF)
            .ok()
            .and_then(|v| u64::try_from(v).ok())
            .unwrap_or(u64::MAX);
        if total > sndbuf.saturating_sub(32) {
            return Err(libc::EMSGSIZE);
        }
        let mut data = Vec::new();
        for &(base, len) in iov {
            if len > 0 {
                data.extend(Self::rd(n, base, arg_usize(len))?);
            }
        }
        Ok(data)
    }

    pub(super) fn do_send(
        &mut self,
        n: &Notif,
        key: u64,
        data: Vec<u8>,
        dest: Option<NlAddr>,
    ) -> Res {
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

    pub(super) fn sendmsg_one(&mut self, n: &Notif, key: u64, mh_addr: u64) -> Result<usize, i32> {
        let mh = Self::rd(n, mh_addr, MSGHDR_LEN)?;
        let name = u64_at(&mh, 0).ok_or(libc::EFAULT)?;
        let namelen = u32_at(&mh, 8).map(i32_of).ok_or(libc::EFAULT)?;
        let iov_addr = u64_at(&mh, 16).ok_or(libc::EFAULT)?;
        let iovlen = u64_at(&mh, 24).ok_or(libc::EFAULT)?;
        if iovlen > UIO_MAXIOV {
            return Err(libc::EMSGSIZE);
        }
        let dest = if name != 0 && namelen != 0 {
            Some(Self::read_addr(n, name, namelen)?)
        } else {
            None
        };
        let iov = self.read_iov(n, iov_addr, iovlen)?;
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
        let mut done: i64 = 0;
        for i in 0..vlen {
            let entry = vec.wrapping_add(i.wrapping_mul(MMSGHDR_LEN));
            match self.sendmsg_one(n, key, entry) {
                Ok(len) => {
                    let l = u32::try_from(len).unwrap_or(u32::MAX);
                    Self::wr(n, entry.wrapping_add(56), &l.to_ne_bytes())?;
                    done = done.saturating_add(1);
                }
                Err(e) if done == 0 => return Err(e),
                Err(_) => break,
            }
        }
        Ok(Act::Val(done))
    }

    /// Queue deliveries on socket `key`.
    pub(super) fn deliver(&mut self, key: u64, out: Vec<Delivery>) {
        let Some(s) = self.socks.get_mut(&key) else {
            return;
        };
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
                Delivery::Datagram { group, bytes } => {
                    let _ = s.enqueue(group, bytes);
                }
                Delivery::Overrun => s.overrun_now(),
            }
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
        let out = self.backend.send(bid, data)?;
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
