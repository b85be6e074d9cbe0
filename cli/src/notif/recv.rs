// SPDX-License-Identifier: BSD-2-Clause
//! Emulated receives (`read`, `readv`, `recvfrom`, `recvmsg`, `recvmmsg`): truncation, peeking,
//! source address, control messages, blocking.

use super::*;

/// A received datagram, as the program will see it.
#[derive(Debug)]
struct Got {
    data: Vec<u8>,
    full_len: usize,
    group: u32,
}

/// Control messages for `recvmsg`, laid out as Linux's `put_cmsg` does: each record is
/// `CMSG_SPACE` apart; a record that does not fit is cut (and `MSG_CTRUNC` set); padding is
/// not written.
#[derive(Debug)]
struct Cmsgs {
    room: u64,
    used: u64,
    truncated: bool,
    writes: Vec<(u64, Vec<u8>)>,
}

impl Cmsgs {
    /// `sizeof(struct cmsghdr)` on 64-bit.
    const HDR: u64 = 16;

    fn new(room: u64) -> Self {
        Self {
            room,
            used: 0,
            truncated: false,
            writes: Vec::new(),
        }
    }

    fn put(&mut self, level: i32, ty: i32, data: &[u8]) {
        if self.room < Self::HDR {
            self.truncated = true;
            return;
        }
        let dlen = u64::try_from(data.len()).unwrap_or(0);
        let cmlen = Self::HDR.saturating_add(dlen);
        let space = cmlen.saturating_add(7) & !7;
        let mut rec = Vec::with_capacity(arg_usize(cmlen));
        // A cut record's `cmsg_len` is the cut length.
        rec.extend_from_slice(&cmlen.min(self.room).to_ne_bytes());
        rec.extend_from_slice(&level.to_ne_bytes());
        rec.extend_from_slice(&ty.to_ne_bytes());
        rec.extend_from_slice(data);
        if self.room < cmlen {
            self.truncated = true;
            rec.truncate(arg_usize(self.room));
        }
        self.writes.push((self.used, rec));
        let adv = space.min(self.room);
        self.used = self.used.saturating_add(adv);
        self.room = self.room.saturating_sub(adv);
    }
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
        if !peek {
            s.refill();
        }
        s.rcv_wake();
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

    fn scatter(n: &Notif, iov: &[(u64, u64)], data: &[u8]) -> Result<(), i32> {
        let mut rest = data;
        for &(base, len) in iov {
            if rest.is_empty() {
                break;
            }
            let k = arg_usize(len).min(rest.len());
            let (now, later) = rest.split_at(k);
            Self::wr(n, base, now)?;
            rest = later;
        }
        Ok(())
    }

    /// Receive buffer size: the iovecs' total, bounded by the largest datagram a queue holds
    /// (so a program's huge buffer does not make the runner allocate as much).
    fn iov_cap(iov: &[(u64, u64)]) -> usize {
        iov.iter()
            .fold(0usize, |a, &(_, l)| a.saturating_add(arg_usize(l)))
            .min(MAX_DATAGRAM)
    }

    /// Return value of a receive: the full length with `MSG_TRUNC` in flags, else the copy.
    fn recv_ret(got: &Got, cap: usize, flags: i32) -> i64 {
        if flags & libc::MSG_TRUNC != 0 {
            len_i64(got.full_len)
        } else {
            len_i64(got.full_len.min(cap))
        }
    }

    pub(super) fn do_recv_plain(
        &mut self,
        n: &Notif,
        key: u64,
        iov: &[(u64, u64)],
        flags: i32,
    ) -> Res {
        let cap = Self::iov_cap(iov);
        match self.recv_one(n, key, cap, flags)? {
            Some(got) => {
                Self::scatter(n, iov, &got.data)?;
                Ok(Act::Val(Self::recv_ret(&got, cap, flags)))
            }
            None => self.would_block(key, flags),
        }
    }

    pub(super) fn do_recvfrom(&mut self, n: &Notif, key: u64) -> Res {
        let a = n.args;
        let flags = arg_i32(a[3]);
        let iov = [(a[1], a[2])];
        let cap = Self::iov_cap(&iov);
        match self.recv_one(n, key, cap, flags)? {
            Some(got) => {
                Self::scatter(n, &iov, &got.data)?;
                if a[4] != 0 {
                    Self::put_addr(
                        n,
                        a[4],
                        a[5],
                        &linux_sockaddr(NlAddr {
                            pid: 0,
                            groups: mask_of_group(got.group),
                        }),
                    )?;
                }
                Ok(Act::Val(Self::recv_ret(&got, cap, flags)))
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
        let mh = Self::rd(n, mh_addr, MSGHDR_LEN)?;
        let name = u64_at(&mh, 0).ok_or(libc::EFAULT)?;
        let namelen = u32_at(&mh, 8).map(i32_of).ok_or(libc::EFAULT)?;
        let iov_addr = u64_at(&mh, 16).ok_or(libc::EFAULT)?;
        let iovlen = u64_at(&mh, 24).ok_or(libc::EFAULT)?;
        let control = u64_at(&mh, 32).ok_or(libc::EFAULT)?;
        let controllen = u64_at(&mh, 40).ok_or(libc::EFAULT)?;
        if iovlen > UIO_MAXIOV {
            return Err(libc::EMSGSIZE);
        }
        let iov = self.read_iov(n, iov_addr, iovlen)?;
        let cap = Self::iov_cap(&iov);
        let Some(got) = self.recv_one(n, key, cap, flags)? else {
            return Ok(None);
        };
        Self::scatter(n, &iov, &got.data)?;
        let mut mflags = 0i32;
        if got.full_len > cap {
            mflags |= libc::MSG_TRUNC;
        }
        if name != 0 {
            if namelen < 0 {
                return Err(libc::EINVAL);
            }
            let sa = linux_sockaddr(NlAddr {
                pid: 0,
                groups: mask_of_group(got.group),
            });
            let k = usize::try_from(namelen).unwrap_or(0).min(SOCKADDR_NL_LEN);
            Self::wr(n, name, sa.get(..k).unwrap_or(&[]))?;
            Self::wr(n, mh_addr.wrapping_add(8), &12u32.to_ne_bytes())?;
        }
        let s = self.sock(key)?;
        let pktinfo = s.pktinfo;
        let passcred = sys::getsockopt_int(s.theirs.as_fd(), libc::SOL_SOCKET, libc::SO_PASSCRED)
            .is_ok_and(|v| v != 0);
        // Control messages in Linux's order: NETLINK_PKTINFO, then SCM_CREDENTIALS (kernel
        // messages carry pid 0, uid 0, gid 0).
        let mut cm = Cmsgs::new(if control == 0 { 0 } else { controllen });
        if pktinfo {
            cm.put(libc::SOL_NETLINK, opt::PKTINFO, &got.group.to_ne_bytes());
        }
        if passcred {
            cm.put(libc::SOL_SOCKET, libc::SCM_CREDENTIALS, &[0u8; 12]);
        }
        if cm.truncated {
            mflags |= libc::MSG_CTRUNC;
        }
        for (off, bytes) in &cm.writes {
            Self::wr(n, control.wrapping_add(*off), bytes)?;
        }
        let used = cm.used;
        Self::wr(n, mh_addr.wrapping_add(40), &used.to_ne_bytes())?;
        Self::wr(n, mh_addr.wrapping_add(48), &mflags.to_ne_bytes())?;
        Ok(Some(Self::recv_ret(&got, cap, flags)))
    }

    /// `recvmmsg`: waits for the first datagram only (as with `MSG_WAITFORONE`).
    pub(super) fn do_recvmmsg(&mut self, n: &Notif, key: u64) -> Res {
        let vec = n.args[1];
        let vlen = n.args[2].min(UIO_MAXIOV);
        let flags = arg_i32(n.args[3]);
        let mut done: i64 = 0;
        for i in 0..vlen {
            let entry = vec.wrapping_add(i.wrapping_mul(MMSGHDR_LEN));
            match self.recvmsg_one(n, key, entry, flags) {
                Ok(Some(len)) => {
                    let l = u32::try_from(len).unwrap_or(u32::MAX);
                    Self::wr(n, entry.wrapping_add(56), &l.to_ne_bytes())?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmsg_fits() {
        let mut c = Cmsgs::new(256);
        c.put(270, 3, &5u32.to_ne_bytes());
        c.put(1, 2, &[0u8; 12]);
        assert!(!c.truncated);
        assert_eq!(c.used, 24 + 32);
        assert_eq!(c.writes[0].0, 0);
        assert_eq!(c.writes[1].0, 24);
        assert_eq!(u64_at(&c.writes[1].1, 0), Some(28));
        assert_eq!(c.writes[1].1.len(), 28);
    }

    #[test]
    fn cmsg_cut_record_reports_cut_length() {
        let mut c = Cmsgs::new(40);
        c.put(270, 3, &5u32.to_ne_bytes());
        c.put(1, 2, &[0u8; 12]);
        assert!(c.truncated);
        assert_eq!(c.used, 40);
        assert_eq!(u64_at(&c.writes[1].1, 0), Some(16));
        assert_eq!(c.writes[1].1.len(), 16);
    }

    #[test]
    fn cmsg_no_room() {
        let mut c = Cmsgs::new(8);
        c.put(270, 3, &5u32.to_ne_bytes());
        assert!(c.truncated);
        assert_eq!(c.used, 0);
        assert!(c.writes.is_empty());
    }
}
