// SPDX-License-Identifier: BSD-2-Clause
//! Decoding of the socket-call arguments a program passes — `sockaddr_nl` of any length,
//! `msghdr`, `iovec` arrays, control messages, socket option values and lengths, `MSG_*`
//! flags — and the writing of results back, as pure functions over the program's memory seen
//! through [`Mem`].
//!
//! The runner implements [`Mem`] on the calling thread with `process_vm_readv` /
//! `process_vm_writev` (`notif.rs`); the fuzz target `fuzz/fuzz_targets/sysargs.rs` includes
//! this file and implements it over a byte buffer with hostile addresses and lengths. The file
//! is self-contained on purpose (only `std`, `libc` and `nlcompat`) so that both crates can
//! include it. Errors are errno values.

use nlcompat::socket::{parse_linux_sockaddr, NlAddr};

/// Largest `iovcnt` / `msg_iovlen` / `vlen` Linux accepts (`UIO_MAXIOV`,
/// `include/uapi/linux/uio.h`).
pub(crate) const UIO_MAXIOV: u64 = 1024;
/// `sizeof(struct msghdr)` on 64-bit (`include/linux/socket.h`: `user_msghdr`).
pub(crate) const MSGHDR_LEN: usize = 56;
/// `sizeof(struct mmsghdr)` on 64-bit: a `msghdr` and `msg_len`, padded.
pub(crate) const MMSGHDR_LEN: u64 = 64;
/// Offset of `msg_len` in `struct mmsghdr`.
pub(crate) const MMSG_LEN_OFF: u64 = 56;
/// `sizeof(struct iovec)` on 64-bit.
pub(crate) const IOVEC_LEN: usize = 16;
/// `sizeof(struct sockaddr_storage)`: longest address `move_addr_to_kernel` accepts
/// (`net/socket.c`).
pub(crate) const SOCKADDR_MAX: i32 = 128;
/// Offsets of the `msghdr` fields the runner writes back (`msg_namelen`, `msg_controllen`,
/// `msg_flags`).
pub(crate) const MSG_NAMELEN_OFF: u64 = 8;
pub(crate) const MSG_CONTROLLEN_OFF: u64 = 40;
pub(crate) const MSG_FLAGS_OFF: u64 = 48;

/// The calling program's memory.
pub(crate) trait Mem {
    /// The `len` bytes at `addr`; `Err(EFAULT)` when any of them cannot be read. Zero bytes
    /// can always be read.
    fn read(&self, addr: u64, len: usize) -> Result<Vec<u8>, i32>;
    /// Write `data` at `addr`; `Err(EFAULT)` when any byte cannot be written. Writing zero
    /// bytes always succeeds.
    fn write(&self, addr: u64, data: &[u8]) -> Result<(), i32>;
}

/// Native-endian `u32` at `off`.
pub(crate) fn u32_at(b: &[u8], off: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(
        b.get(off..off.checked_add(4)?)?.try_into().ok()?,
    ))
}
/// Native-endian `u64` at `off`.
pub(crate) fn u64_at(b: &[u8], off: usize) -> Option<u64> {
    Some(u64::from_ne_bytes(
        b.get(off..off.checked_add(8)?)?.try_into().ok()?,
    ))
}
/// The same 32 bits as `int`.
pub(crate) fn i32_of(v: u32) -> i32 {
    i32::from_ne_bytes(v.to_ne_bytes())
}
/// The same 32 bits as `unsigned int`.
pub(crate) fn u32_of(v: i32) -> u32 {
    u32::from_ne_bytes(v.to_ne_bytes())
}
/// Low 32 bits of a syscall argument as `int`.
pub(crate) fn arg_i32(a: u64) -> i32 {
    i32_of(u32::try_from(a & 0xffff_ffff).unwrap_or(0))
}
/// Syscall argument as a size.
pub(crate) fn arg_usize(a: u64) -> usize {
    usize::try_from(a).unwrap_or(usize::MAX)
}
/// A length as a syscall return value.
pub(crate) fn len_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The `int` at `addr`.
pub(crate) fn read_i32(m: &impl Mem, addr: u64) -> Result<i32, i32> {
    let b = m.read(addr, 4)?;
    u32_at(&b, 0).map(i32_of).ok_or(libc::EFAULT)
}

// ---- iovec ------------------------------------------------------------------------------

/// The `cnt` `(iov_base, iov_len)` pairs at `addr`: `EINVAL` beyond `UIO_MAXIOV` or when the
/// lengths add up past `SSIZE_MAX`, `EFAULT` when the array cannot be read.
pub(crate) fn read_iov(m: &impl Mem, addr: u64, cnt: u64) -> Result<Vec<(u64, u64)>, i32> {
    if cnt > UIO_MAXIOV {
        return Err(libc::EINVAL);
    }
    let cnt = arg_usize(cnt);
    let b = m.read(addr, cnt.saturating_mul(IOVEC_LEN))?;
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

/// Total length of `iov` (saturating).
pub(crate) fn iov_total(iov: &[(u64, u64)]) -> u64 {
    iov.iter().fold(0u64, |t, &(_, l)| t.saturating_add(l))
}

/// The bytes of a send described by `iov`: `EMSGSIZE` when they are more than `max` (checked
/// before reading anything), `EFAULT` when a segment cannot be read.
pub(crate) fn gather(m: &impl Mem, iov: &[(u64, u64)], max: u64) -> Result<Vec<u8>, i32> {
    if iov_total(iov) > max {
        return Err(libc::EMSGSIZE);
    }
    let mut data = Vec::new();
    for &(base, len) in iov {
        if len > 0 {
            data.extend(m.read(base, arg_usize(len))?);
        }
    }
    Ok(data)
}

/// Copy a received datagram (`data`, already cut to the buffer) into the segments of `iov`.
pub(crate) fn scatter(m: &impl Mem, iov: &[(u64, u64)], data: &[u8]) -> Result<(), i32> {
    let mut rest = data;
    for &(base, len) in iov {
        if rest.is_empty() {
            break;
        }
        let k = arg_usize(len).min(rest.len());
        let (now, later) = rest.split_at(k);
        m.write(base, now)?;
        rest = later;
    }
    Ok(())
}

/// Receive buffer size: the iovecs' total, bounded by `max` (the largest datagram a queue
/// holds, so a program's huge buffer does not make the runner allocate as much).
pub(crate) fn iov_cap(iov: &[(u64, u64)], max: usize) -> usize {
    iov.iter()
        .fold(0usize, |a, &(_, l)| a.saturating_add(arg_usize(l)))
        .min(max)
}

// ---- MSG_* flags ------------------------------------------------------------------------

/// Return value of a receive of a `full_len`-byte datagram into `cap` bytes: the full length
/// with `MSG_TRUNC` in `flags`, else the length copied (`netlink_recvmsg`,
/// `net/netlink/af_netlink.c`).
pub(crate) fn recv_ret(full_len: usize, cap: usize, flags: i32) -> i64 {
    if flags & libc::MSG_TRUNC != 0 {
        len_i64(full_len)
    } else {
        len_i64(full_len.min(cap))
    }
}

/// `msg_flags` of a `recvmsg`: `MSG_TRUNC` when the datagram did not fit, `MSG_CTRUNC` when a
/// control message did not.
pub(crate) fn recv_msg_flags(full_len: usize, cap: usize, ctrunc: bool) -> i32 {
    let mut f = 0;
    if full_len > cap {
        f |= libc::MSG_TRUNC;
    }
    if ctrunc {
        f |= libc::MSG_CTRUNC;
    }
    f
}

// ---- msghdr -----------------------------------------------------------------------------

/// The fields of a `struct msghdr` the runner uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MsgHdr {
    /// `msg_name`.
    pub(crate) name: u64,
    /// `msg_namelen` (an `int` in the kernel's reading).
    pub(crate) namelen: i32,
    /// `msg_iov`.
    pub(crate) iov: u64,
    /// `msg_iovlen`.
    pub(crate) iovlen: u64,
    /// `msg_control`.
    pub(crate) control: u64,
    /// `msg_controllen`.
    pub(crate) controllen: u64,
}

/// The `msghdr` at `addr`: `EFAULT` when it cannot be read, `EMSGSIZE` when `msg_iovlen` is
/// beyond `UIO_MAXIOV`.
pub(crate) fn read_msghdr(m: &impl Mem, addr: u64) -> Result<MsgHdr, i32> {
    let mh = m.read(addr, MSGHDR_LEN)?;
    let h = MsgHdr {
        name: u64_at(&mh, 0).ok_or(libc::EFAULT)?,
        namelen: u32_at(&mh, 8).map(i32_of).ok_or(libc::EFAULT)?,
        iov: u64_at(&mh, 16).ok_or(libc::EFAULT)?,
        iovlen: u64_at(&mh, 24).ok_or(libc::EFAULT)?,
        control: u64_at(&mh, 32).ok_or(libc::EFAULT)?,
        controllen: u64_at(&mh, 40).ok_or(libc::EFAULT)?,
    };
    if h.iovlen > UIO_MAXIOV {
        return Err(libc::EMSGSIZE);
    }
    Ok(h)
}

/// Address of entry `i` of an `mmsghdr` array at `vec` (wrapping: an absurd address fails on
/// access, not here).
pub(crate) fn mmsg_entry(vec: u64, i: u64) -> u64 {
    vec.wrapping_add(i.wrapping_mul(MMSGHDR_LEN))
}

/// Store `msg_len` of the `mmsghdr` at `entry`.
pub(crate) fn put_mmsg_len(m: &impl Mem, entry: u64, len: u64) -> Result<(), i32> {
    let l = u32::try_from(len).unwrap_or(u32::MAX);
    m.write(entry.wrapping_add(MMSG_LEN_OFF), &l.to_ne_bytes())
}

// ---- socket addresses -------------------------------------------------------------------

/// Read a `sockaddr_nl` argument the way `move_addr_to_kernel` (`net/socket.c`) and netlink
/// (`netlink_bind`, `net/netlink/af_netlink.c`) do: a length outside 0..=128 or an address
/// that is not a whole `AF_NETLINK` `sockaddr_nl` is `EINVAL`, unreadable memory `EFAULT`.
pub(crate) fn read_addr(m: &impl Mem, addr: u64, len: i32) -> Result<NlAddr, i32> {
    if !(0..=SOCKADDR_MAX).contains(&len) {
        return Err(libc::EINVAL);
    }
    let len = usize::try_from(len).map_err(|_| libc::EINVAL)?;
    let b = m.read(addr, len)?;
    parse_linux_sockaddr(&b).ok_or(libc::EINVAL)
}

/// The destination of a `sendmsg`: none without `msg_name` or with `msg_namelen` 0.
pub(crate) fn send_dest(m: &impl Mem, name: u64, namelen: i32) -> Result<Option<NlAddr>, i32> {
    if name != 0 && namelen != 0 {
        read_addr(m, name, namelen).map(Some)
    } else {
        Ok(None)
    }
}

/// What a `connect` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Connect {
    /// `AF_UNSPEC`: forget the peer.
    Disconnect,
    /// Send to this address by default.
    To(NlAddr),
}

/// Decode a `connect` address (`netlink_connect`, `net/netlink/af_netlink.c`): shorter than
/// a family is `EINVAL`, `AF_UNSPEC` disconnects, anything else must be a `sockaddr_nl`.
pub(crate) fn connect_addr(m: &impl Mem, addr: u64, len: i32) -> Result<Connect, i32> {
    if len < 2 {
        return Err(libc::EINVAL);
    }
    let head = m.read(addr, 2)?;
    if head.get(..2) == Some(&[0u8, 0][..]) {
        return Ok(Connect::Disconnect);
    }
    read_addr(m, addr, len).map(Connect::To)
}

/// Write a socket address the way `move_addr_to_user` (`net/socket.c`) does: as much of `sa`
/// as the length at `lenp` allows, then the full length at `lenp`; a negative length is
/// `EINVAL`.
pub(crate) fn put_addr(m: &impl Mem, addr: u64, lenp: u64, sa: &[u8]) -> Result<(), i32> {
    let ulen = read_i32(m, lenp)?;
    if ulen < 0 {
        return Err(libc::EINVAL);
    }
    let k = usize::try_from(ulen).unwrap_or(0).min(sa.len());
    if k > 0 {
        m.write(addr, sa.get(..k).unwrap_or(&[]))?;
    }
    let klen = u32::try_from(sa.len()).unwrap_or(0);
    m.write(lenp, &klen.to_ne_bytes())
}

/// The source address of a `recvmsg` into the `msghdr` at `mh_addr` (`name`, `namelen` as
/// read from it): nothing without `msg_name`; a negative length is `EINVAL`; else as much of
/// `sa` as fits, and `msg_namelen` becomes its full length.
pub(crate) fn put_msg_name(
    m: &impl Mem,
    mh_addr: u64,
    name: u64,
    namelen: i32,
    sa: &[u8],
) -> Result<(), i32> {
    if name == 0 {
        return Ok(());
    }
    if namelen < 0 {
        return Err(libc::EINVAL);
    }
    let k = usize::try_from(namelen).unwrap_or(0).min(sa.len());
    m.write(name, sa.get(..k).unwrap_or(&[]))?;
    let klen = u32::try_from(sa.len()).unwrap_or(0);
    m.write(mh_addr.wrapping_add(MSG_NAMELEN_OFF), &klen.to_ne_bytes())
}

// ---- control messages -------------------------------------------------------------------

/// Control messages for `recvmsg`, laid out as Linux's `put_cmsg` (`net/core/scm.c`) does:
/// each record is `CMSG_SPACE` apart; a record that does not fit is cut (and `MSG_CTRUNC`
/// set); padding is not written.
#[derive(Debug)]
pub(crate) struct Cmsgs {
    /// Bytes of `msg_control` still free.
    pub(crate) room: u64,
    /// Bytes used so far (the new `msg_controllen`).
    pub(crate) used: u64,
    /// A record was cut or dropped.
    pub(crate) truncated: bool,
    /// `(offset in msg_control, bytes)` to write.
    pub(crate) writes: Vec<(u64, Vec<u8>)>,
}

impl Cmsgs {
    /// `sizeof(struct cmsghdr)` on 64-bit.
    pub(crate) const HDR: u64 = 16;

    /// Room for `room` bytes (0 without `msg_control`).
    pub(crate) fn new(room: u64) -> Self {
        Self {
            room,
            used: 0,
            truncated: false,
            writes: Vec::new(),
        }
    }

    /// Add one record.
    pub(crate) fn put(&mut self, level: i32, ty: i32, data: &[u8]) {
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

    /// Write the records into `msg_control` at `control`.
    pub(crate) fn write(&self, m: &impl Mem, control: u64) -> Result<(), i32> {
        for (off, bytes) in &self.writes {
            m.write(control.wrapping_add(*off), bytes)?;
        }
        Ok(())
    }
}

/// Store `msg_controllen` and `msg_flags` of the `msghdr` at `mh_addr` after a `recvmsg`.
pub(crate) fn put_recvmsg_tail(
    m: &impl Mem,
    mh_addr: u64,
    controllen: u64,
    flags: i32,
) -> Result<(), i32> {
    m.write(
        mh_addr.wrapping_add(MSG_CONTROLLEN_OFF),
        &controllen.to_ne_bytes(),
    )?;
    m.write(mh_addr.wrapping_add(MSG_FLAGS_OFF), &flags.to_ne_bytes())
}

// ---- socket options ---------------------------------------------------------------------

/// The `int` value of a `SOL_NETLINK` `setsockopt`: read when `optlen` is at least 4, else 0
/// (`netlink_setsockopt`, `net/netlink/af_netlink.c`, reads only `optlen >= sizeof(int)`).
pub(crate) fn setsockopt_int(m: &impl Mem, optval: u64, optlen: i32) -> Result<i32, i32> {
    if optlen >= 4 {
        read_i32(m, optval)
    } else {
        Ok(0)
    }
}

/// The `socklen_t` at `lenp` of a `getsockopt`; negative is `EINVAL`.
pub(crate) fn getsockopt_len(m: &impl Mem, lenp: u64) -> Result<usize, i32> {
    let ulen = read_i32(m, lenp)?;
    usize::try_from(ulen).map_err(|_| libc::EINVAL)
}

/// Answer a `getsockopt` with as much of `val` as `ulen` allows and store the length written
/// (`SO_PEERCRED`, `SO_PEERNAME` and the `int` options).
pub(crate) fn put_opt_prefix(
    m: &impl Mem,
    optval: u64,
    lenp: u64,
    ulen: usize,
    val: &[u8],
) -> Result<(), i32> {
    let k = ulen.min(val.len());
    m.write(optval, val.get(..k).unwrap_or(&[]))?;
    m.write(lenp, &u32::try_from(k).unwrap_or(0).to_ne_bytes())
}

/// Answer an `int` `getsockopt`: `SOL_NETLINK` refuses a buffer shorter than an `int`
/// (`netlink_getsockopt`); `SOL_SOCKET` writes as much as fits.
pub(crate) fn put_int_opt(
    m: &impl Mem,
    optval: u64,
    lenp: u64,
    ulen: usize,
    v: i32,
    netlink: bool,
) -> Result<(), i32> {
    if netlink && ulen < 4 {
        return Err(libc::EINVAL);
    }
    put_opt_prefix(m, optval, lenp, ulen, &v.to_ne_bytes())
}

/// Answer `NETLINK_LIST_MEMBERSHIPS`: as many whole words of `bytes` as fit, then the full
/// size at `lenp`.
pub(crate) fn put_list_opt(
    m: &impl Mem,
    optval: u64,
    lenp: u64,
    ulen: usize,
    bytes: &[u8],
) -> Result<(), i32> {
    let k = (ulen / 4).saturating_mul(4).min(bytes.len());
    m.write(optval, bytes.get(..k).unwrap_or(&[]))?;
    m.write(lenp, &u32::try_from(bytes.len()).unwrap_or(0).to_ne_bytes())
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
