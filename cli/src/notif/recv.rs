// SPDX-License-Identifier: BSD-2-Clause
//! Emulated receives (`read`, `readv`, `recvfrom`, `recvmsg`, `recvmmsg`): truncation, peeking,
//! source address, control messages, blocking.

use super::*;
use crate::sysargs::Cmsgs;

/// A received datagram, as the program will see it.
#[derive(Debug)]
struct Got {
    data: Vec<u8>,
    full_len: usize,
    group: u32,
}

impl Runner {
    // ---- receive ------------------------------------------------------------------------

    /// Take (or peek at) the next datagram into at most `cap` bytes. `Ok(None)`: empty.
    fn recv_one(
        &mut self,
        n: &Notif,
        key: u64,
        cap: usize,
        flags: i32,
    ) -> Result<Option<Got>, i32> {
        if flags & libc::MSG_OOB != 0 {
            return Err(libc::EOPNOTSUPP);
        }
        if !self.l.id_valid(n.id) {
            // The caller is gone: leave the datagram to other holders of the socket.
            return Err(libc::EINTR);
        }
        // An overrun the backend met behind a held dump part is reported first.
        let bid = self.sock(key)?.backend;
        let early = self.backend.sync(bid);
        if !early.is_empty() {
            self.deliver(key, early);
        }
        let s = self.sock(key)?;
        // `netlink_recvmsg` ends every call, failed or not, with `netlink_rcv_wake`.
        if s.overrun {
            s.overrun = false;
            s.rcv_wake();
            return Err(libc::ENOBUFS);
        }
        let peek = flags & libc::MSG_PEEK != 0;
        let Some(d) = sys::recv_seqpacket(s.theirs.as_fd(), cap, peek).map_err(|e| errno_of(&e))?
        else {
            s.rcv_wake();
            return Ok(None);
        };
        let group = s.front_group(!peek);
        // Before the dump goes on: the next part is sized by the largest receive so far.
        s.note_receive(cap);
        let reader = s.max_recvmsg_len;
        // Linux continues a dump on a peek too; the model's queue makes room only when read.
        if !peek || s.pack_dumps {
            s.refill();
        }
        s.rcv_wake();
        // Linux continues a dump on every receive that got a datagram (`netlink_recvmsg`);
        // a backend that paces dumps queues the next part now.
        // What the backend held behind the part was admitted against this queue's room.
        self.backend.set_reader(bid, reader);
        let more = self.backend.advance(bid);
        if !more.is_empty() {
            self.deliver_with(key, more, true);
        }
        Ok(Some(Got {
            data: d.data,
            full_len: d.full_len,
            group,
        }))
    }

    pub(super) fn would_block(&mut self, key: u64, flags: i32) -> Res {
        let s = self.sock(key)?;
        if flags & libc::MSG_DONTWAIT != 0 || sys::is_nonblock(s.theirs.as_fd()) {
            Err(libc::EAGAIN)
        } else {
            Ok(Act::Park)
        }
    }

    pub(super) fn do_recv_plain(
        &mut self,
        n: &Notif,
        key: u64,
        iov: &[(u64, u64)],
        flags: i32,
    ) -> Res {
        let cap = sysargs::iov_cap(iov, MAX_DATAGRAM);
        match self.recv_one(n, key, cap, flags)? {
            Some(got) => {
                sysargs::scatter(n, iov, &got.data)?;
                Ok(Act::Val(sysargs::recv_ret(got.full_len, cap, flags)))
            }
            None => self.would_block(key, flags),
        }
    }

    pub(super) fn do_recvfrom(&mut self, n: &Notif, key: u64) -> Res {
        let a = n.args;
        let flags = arg_i32(a[3]);
        let iov = [sysargs::ubuf(a[1], a[2])?];
        let cap = sysargs::iov_cap(&iov, MAX_DATAGRAM);
        match self.recv_one(n, key, cap, flags)? {
            Some(got) => {
                sysargs::scatter(n, &iov, &got.data)?;
                if a[4] != 0 {
                    sysargs::put_addr(
                        n,
                        a[4],
                        a[5],
                        &linux_sockaddr(NlAddr {
                            pid: 0,
                            groups: mask_of_group(got.group),
                        }),
                    )?;
                }
                Ok(Act::Val(sysargs::recv_ret(got.full_len, cap, flags)))
            }
            None => self.would_block(key, flags),
        }
    }

    /// One `recvmsg` into the msghdr at `mh_addr`. `Ok(None)`: nothing queued.
    pub(super) fn recvmsg_one(
        &mut self,
        n: &Notif,
        key: u64,
        mh_addr: u64,
        flags: i32,
    ) -> Result<Option<i64>, i32> {
        let mh = sysargs::read_msghdr(n, mh_addr, false)?;
        let iov = sysargs::read_iov(n, mh.iov, mh.iovlen)?;
        let cap = sysargs::iov_cap(&iov, MAX_DATAGRAM);
        let Some(got) = self.recv_one(n, key, cap, flags)? else {
            return Ok(None);
        };
        sysargs::scatter(n, &iov, &got.data)?;
        let s = self.sock(key)?;
        let pktinfo = s.pktinfo;
        let passcred = sys::getsockopt_int(s.theirs.as_fd(), libc::SOL_SOCKET, libc::SO_PASSCRED)
            .is_ok_and(|v| v != 0);
        // Control messages in Linux's order: NETLINK_PKTINFO, then SCM_CREDENTIALS (kernel
        // messages carry pid 0, uid 0, gid 0).
        // `netlink_recvmsg` writes them; `___sys_recvmsg` then the source address.
        let mut cm = Cmsgs::new(mh.control, mh.controllen);
        if pktinfo {
            cm.put(n, libc::SOL_NETLINK, opt::PKTINFO, &got.group.to_ne_bytes());
        }
        if passcred {
            cm.put(n, libc::SOL_SOCKET, libc::SCM_CREDENTIALS, &[0u8; 12]);
        }
        let sa = linux_sockaddr(NlAddr {
            pid: 0,
            groups: mask_of_group(got.group),
        });
        sysargs::put_msg_name(n, mh_addr, mh.name, mh.namelen, &sa)?;
        let mflags = sysargs::recv_msg_flags(got.full_len, cap, cm.truncated);
        sysargs::put_recvmsg_tail(n, mh_addr, cm.used, mflags)?;
        Ok(Some(sysargs::recv_ret(got.full_len, cap, flags)))
    }

    /// `recvmmsg`: waits for the first datagram only (as with `MSG_WAITFORONE`).
    pub(super) fn do_recvmmsg(&mut self, n: &Notif, key: u64) -> Res {
        let vec = n.args[1];
        let vlen = n.args[2].min(UIO_MAXIOV);
        let flags = arg_i32(n.args[3]);
        let mut done: i64 = 0;
        for i in 0..vlen {
            let entry = sysargs::mmsg_entry(vec, i);
            match self.recvmsg_one(n, key, entry, flags) {
                Ok(Some(len)) => {
                    sysargs::put_mmsg_len(n, entry, u64::try_from(len).unwrap_or(u64::MAX))?;
                    done = done.saturating_add(1);
                }
                Ok(None) if done == 0 => return self.would_block(key, flags),
                Ok(None) => break,
                Err(e) if done == 0 => return Err(e),
                Err(_) => break,
            }
        }
        Ok(Act::Val(done))
    }
}
