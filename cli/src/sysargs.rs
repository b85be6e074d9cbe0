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
/// `MAX_RW_COUNT` (`include/linux/fs.h`: `INT_MAX & PAGE_MASK`): the most one call moves;
/// longer buffers are cut to it.
pub(crate) const MAX_RW_COUNT: u64 = 0x7fff_f000;
/// End of the user address space that `access_ok` allows on x86-64 with 4-level paging
/// (`TASK_SIZE_MAX`, `arch/x86/include/asm/page_64_types.h`: `(1 << 47) - PAGE_SIZE`):
/// a buffer must end at or below it. Measured on Linux 6.18: an `iovec` ending at
/// `0x7ffffffff000` passes, one byte further is `EFAULT`. (With 5-level paging the kernel
/// allows more; there a buffer between the two limits fails with `EFAULT` when it is copied
/// instead, or `EMSGSIZE` first.)
pub(crate) const USER_END: u64 = 0x7fff_ffff_f000;
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

/// `access_ok(base, len)`: the buffer lies in the user address space, without wrapping.
pub(crate) fn access_ok(base: u64, len: u64) -> bool {
    base.checked_add(len).is_some_and(|end| end <= USER_END)
}

/// The buffer of a `read`/`write` (`vfs_read`/`vfs_write`, `fs/read_write.c`): `EFAULT` when
/// it is not in the user address space, then cut to `MAX_RW_COUNT`.
pub(crate) fn rw_buf(base: u64, len: u64) -> Result<(u64, u64), i32> {
    if !access_ok(base, len) {
        return Err(libc::EFAULT);
    }
    Ok((base, len.min(MAX_RW_COUNT)))
}

/// The buffer of a `sendto`/`recvfrom` (`import_ubuf`, `lib/iov_iter.c`): cut to
/// `MAX_RW_COUNT`, then `EFAULT` when it is not in the user address space.
pub(crate) fn ubuf(base: u64, len: u64) -> Result<(u64, u64), i32> {
    let len = len.min(MAX_RW_COUNT);
    if !access_ok(base, len) {
        return Err(libc::EFAULT);
    }
    Ok((base, len))
}

/// The `cnt` `(iov_base, iov_len)` pairs at `addr`, imported as `import_iovec`
/// (`lib/iov_iter.c`) does: `EINVAL` beyond `UIO_MAXIOV`, `EFAULT` when the array cannot be
/// read, `EINVAL` for a length that is negative as `ssize_t`, `EFAULT` for a segment outside
/// the user address space ([`access_ok`]); the lengths are then cut so that their total is at
/// most `MAX_RW_COUNT` (so it never overflows).
pub(crate) fn read_iov(m: &impl Mem, addr: u64, cnt: u64) -> Result<Vec<(u64, u64)>, i32> {
    if cnt > UIO_MAXIOV {
        return Err(libc::EINVAL);
    }
    let cnt = arg_usize(cnt);
    let b = m.read(addr, cnt.saturating_mul(IOVEC_LEN))?;
    let mut out = Vec::with_capacity(cnt);
    for c in b.chunks_exact(IOVEC_LEN) {
        let base = u64_at(c, 0).ok_or(libc::EFAULT)?;
        let len = u64_at(c, 8).ok_or(libc::EFAULT)?;
        if i64::try_from(len).is_err() {
            return Err(libc::EINVAL);
        }
        out.push((base, len));
    }
    let mut total: u64 = 0;
    for seg in &mut out {
        if !access_ok(seg.0, seg.1) {
            return Err(libc::EFAULT);
        }
        seg.1 = seg.1.min(MAX_RW_COUNT.saturating_sub(total));
        total = total.saturating_add(seg.1);
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

/// Whether a `readv`/`writev`/`preadv2`/`pwritev2` (`vfs_readv`/`vfs_writev`,
/// `fs/read_write.c`) or a `read` (`sock_read_iter`, `net/socket.c`) of these buffers
/// returns 0 at once: their total length is 0, and the socket is not reached (nothing is
/// taken from the queue, nothing blocks). A `write` of 0 bytes does reach netlink.
pub(crate) fn empty_io(iov: &[(u64, u64)]) -> bool {
    iov_total(iov) == 0
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

/// `netlink_sendmsg` (`net/netlink/af_netlink.c`) refuses out-of-band data first of all its
/// checks, after the arguments were copied.
pub(crate) fn send_flags(flags: i32) -> Result<(), i32> {
    if flags & libc::MSG_OOB != 0 {
        Err(libc::EOPNOTSUPP)
    } else {
        Ok(())
    }
}

// ---- msghdr -----------------------------------------------------------------------------

/// The fields of a `struct msghdr` the runner uses, as `__copy_msghdr` (`net/socket.c`)
/// leaves them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MsgHdr {
    /// `msg_name`.
    pub(crate) name: u64,
    /// `msg_namelen`: 0 without `msg_name`, at most `sizeof(struct sockaddr_storage)`.
    pub(crate) namelen: i32,
    /// The address bytes (`sendmsg` only: `move_addr_to_kernel`); empty without an address.
    pub(crate) addr: Vec<u8>,
    /// `msg_iov`.
    pub(crate) iov: u64,
    /// `msg_iovlen`.
    pub(crate) iovlen: u64,
    /// `msg_control`.
    pub(crate) control: u64,
    /// `msg_controllen`.
    pub(crate) controllen: u64,
}

/// The `msghdr` at `addr`, read as `copy_msghdr_from_user` / `__copy_msghdr`
/// (`net/socket.c`) do: `EFAULT` when it cannot be read; without `msg_name` the length is 0;
/// a negative `msg_namelen` is `EINVAL`, a longer one than `sockaddr_storage` is cut to it;
/// for a send (`copy_name`) the address is copied (`EFAULT`); then `msg_iovlen` beyond
/// `UIO_MAXIOV` is `EMSGSIZE`.
pub(crate) fn read_msghdr(m: &impl Mem, addr: u64, copy_name: bool) -> Result<MsgHdr, i32> {
    let mh = m.read(addr, MSGHDR_LEN)?;
    let name = u64_at(&mh, 0).ok_or(libc::EFAULT)?;
    let mut namelen = u32_at(&mh, 8).map(i32_of).ok_or(libc::EFAULT)?;
    if name == 0 {
        namelen = 0;
    }
    if namelen < 0 {
        return Err(libc::EINVAL);
    }
    namelen = namelen.min(SOCKADDR_MAX);
    let addr_bytes = if copy_name && namelen > 0 {
        move_addr_to_kernel(m, name, namelen)?
    } else {
        Vec::new()
    };
    let h = MsgHdr {
        name,
        namelen,
        addr: addr_bytes,
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

/// `sizeof(ctl)` in `____sys_sendmsg` (`net/socket.c`): control data up to this size needs
/// no allocation (so is never refused for `optmem_max`).
const CTL_ONSTACK: u64 = 36;

/// The control data of a `sendmsg`, copied as `____sys_sendmsg` (`net/socket.c`) does:
/// `msg_controllen` beyond `INT_MAX`, or one that `sock_kmalloc` (`net/core/sock.c`) refuses
/// (`optmem_max` or more), is `ENOBUFS`; unreadable data `EFAULT`.
pub(crate) fn read_send_control(
    m: &impl Mem,
    control: u64,
    controllen: u64,
    optmem_max: u64,
) -> Result<Vec<u8>, i32> {
    if controllen > u64::try_from(i32::MAX).unwrap_or(0) {
        return Err(libc::ENOBUFS);
    }
    if controllen > CTL_ONSTACK && controllen >= optmem_max {
        return Err(libc::ENOBUFS);
    }
    m.read(control, arg_usize(controllen))
}

/// Walk the control messages of a send as `__scm_send` (`net/core/scm.c`, called by
/// `netlink_sendmsg`) does, with `for_each_cmsghdr` (`include/linux/socket.h`): a header
/// whose `cmsg_len` is shorter than a header or runs past the data is `EINVAL`; other levels
/// than `SOL_SOCKET` are skipped; `SCM_RIGHTS` is `EINVAL` (netlink is not `PF_UNIX`);
/// `SCM_CREDENTIALS` must be `CMSG_LEN(sizeof(struct ucred))` long with valid ids (not -1,
/// `make_kuid`), else `EINVAL`; any other type is `EINVAL`. Not modelled: the `EPERM` of
/// `scm_check_creds` for an unprivileged sender naming other ids, and the `ESRCH` of a pid
/// that does not exist.
pub(crate) fn check_send_cmsgs(ctl: &[u8]) -> Result<(), i32> {
    const HDR: usize = 16;
    let size = ctl.len();
    let mut off = 0usize;
    while off.checked_add(HDR).is_some_and(|end| end <= size) {
        let len = u64_at(ctl, off).ok_or(libc::EINVAL)?;
        let left = u64::try_from(size.saturating_sub(off)).unwrap_or(u64::MAX);
        if len < 16 || len > left {
            return Err(libc::EINVAL);
        }
        let level = u32_at(ctl, off.saturating_add(8)).map(i32_of);
        let ty = u32_at(ctl, off.saturating_add(12)).map(i32_of);
        if level == Some(libc::SOL_SOCKET) {
            match ty {
                Some(libc::SCM_CREDENTIALS) if len == 28 => {
                    let uid = u32_at(ctl, off.saturating_add(20));
                    let gid = u32_at(ctl, off.saturating_add(24));
                    if uid == Some(u32::MAX) || gid == Some(u32::MAX) {
                        return Err(libc::EINVAL);
                    }
                }
                _ => return Err(libc::EINVAL),
            }
        }
        // CMSG_ALIGN(cmsg_len); `len` is at most `size - off`, so this cannot overflow.
        let step = arg_usize(len.saturating_add(7) & !7);
        off = off.saturating_add(step);
    }
    Ok(())
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

/// Copy a socket address argument as `move_addr_to_kernel` (`net/socket.c`) does: a length
/// outside 0..=128 is `EINVAL`, unreadable memory `EFAULT`; length 0 copies nothing.
pub(crate) fn move_addr_to_kernel(m: &impl Mem, addr: u64, len: i32) -> Result<Vec<u8>, i32> {
    if !(0..=SOCKADDR_MAX).contains(&len) {
        return Err(libc::EINVAL);
    }
    m.read(addr, usize::try_from(len).map_err(|_| libc::EINVAL)?)
}

/// A copied address as netlink reads it (`netlink_bind`, `netlink_sendmsg`,
/// `net/netlink/af_netlink.c`): shorter than a `sockaddr_nl` or not `AF_NETLINK` is `EINVAL`.
pub(crate) fn netlink_addr(b: &[u8]) -> Result<NlAddr, i32> {
    parse_linux_sockaddr(b).ok_or(libc::EINVAL)
}

/// A `bind` address: [`move_addr_to_kernel`], then [`netlink_addr`].
pub(crate) fn read_addr(m: &impl Mem, addr: u64, len: i32) -> Result<NlAddr, i32> {
    netlink_addr(&move_addr_to_kernel(m, addr, len)?)
}

/// The address of a `sendto` (`__sys_sendto`, `net/socket.c`): none without a pointer, else
/// [`move_addr_to_kernel`]'s bytes (none when the length is 0).
pub(crate) fn sendto_addr(m: &impl Mem, addr: u64, len: i32) -> Result<Vec<u8>, i32> {
    if addr == 0 {
        return Ok(Vec::new());
    }
    move_addr_to_kernel(m, addr, len)
}

/// The destination of a send from its copied address bytes: none when there are none, else
/// [`netlink_addr`].
pub(crate) fn send_dest(addr: &[u8]) -> Result<Option<NlAddr>, i32> {
    if addr.is_empty() {
        Ok(None)
    } else {
        netlink_addr(addr).map(Some)
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

/// Decode a `connect` address: [`move_addr_to_kernel`] (so a length beyond 128 is `EINVAL`
/// and the whole length must be readable, whatever the family), then `netlink_connect`
/// (`net/netlink/af_netlink.c`): shorter than a family is `EINVAL`, `AF_UNSPEC` disconnects,
/// anything else must be a `sockaddr_nl`.
pub(crate) fn connect_addr(m: &impl Mem, addr: u64, len: i32) -> Result<Connect, i32> {
    let b = move_addr_to_kernel(m, addr, len)?;
    match b.get(..2) {
        None => Err(libc::EINVAL),
        Some([0, 0]) => Ok(Connect::Disconnect),
        Some(_) => netlink_addr(&b).map(Connect::To),
    }
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

/// Control messages for `recvmsg`, written as Linux's `put_cmsg` (`net/core/scm.c`) writes
/// them: each record is `CMSG_SPACE` apart; a record that does not fit is cut (and
/// `MSG_CTRUNC` set); padding is not written; a record that cannot be written (`EFAULT`) is
/// left out without failing the call (`netlink_recvmsg` and `scm_recv` ignore `put_cmsg`'s
/// result), and `msg_controllen` counts only the records written.
#[derive(Debug)]
pub(crate) struct Cmsgs {
    /// `msg_control`.
    pub(crate) control: u64,
    /// Bytes of `msg_control` still free.
    pub(crate) room: u64,
    /// Bytes used so far (the new `msg_controllen`).
    pub(crate) used: u64,
    /// A record was cut or dropped for want of room.
    pub(crate) truncated: bool,
}

impl Cmsgs {
    /// `sizeof(struct cmsghdr)` on 64-bit.
    pub(crate) const HDR: u64 = 16;

    /// Room for `controllen` bytes at `control` (none without `msg_control`).
    pub(crate) fn new(control: u64, controllen: u64) -> Self {
        Self {
            control,
            room: if control == 0 { 0 } else { controllen },
            used: 0,
            truncated: false,
        }
    }

    /// Write one record.
    pub(crate) fn put(&mut self, m: &impl Mem, level: i32, ty: i32, data: &[u8]) {
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
        if m.write(self.control.wrapping_add(self.used), &rec).is_err() {
            return;
        }
        let adv = space.min(self.room);
        self.used = self.used.saturating_add(adv);
        self.room = self.room.saturating_sub(adv);
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
    use std::cell::RefCell;

    /// 256 writable bytes at 0x1000, nothing else.
    struct VecMem(RefCell<Vec<u8>>);

    impl Mem for VecMem {
        fn read(&self, addr: u64, len: usize) -> Result<Vec<u8>, i32> {
            let off = usize::try_from(addr.wrapping_sub(0x1000)).map_err(|_| libc::EFAULT)?;
            self.0
                .borrow()
                .get(off..off.checked_add(len).ok_or(libc::EFAULT)?)
                .map(<[u8]>::to_vec)
                .ok_or(libc::EFAULT)
        }
        fn write(&self, addr: u64, data: &[u8]) -> Result<(), i32> {
            let off = usize::try_from(addr.wrapping_sub(0x1000)).map_err(|_| libc::EFAULT)?;
            let end = off.checked_add(data.len()).ok_or(libc::EFAULT)?;
            self.0
                .borrow_mut()
                .get_mut(off..end)
                .ok_or(libc::EFAULT)?
                .copy_from_slice(data);
            Ok(())
        }
    }

    fn mem() -> VecMem {
        VecMem(RefCell::new(vec![0xee; 256]))
    }

    #[test]
    fn cmsg_fits() {
        let m = mem();
        let mut c = Cmsgs::new(0x1000, 256);
        c.put(&m, 270, 3, &5u32.to_ne_bytes());
        c.put(&m, 1, 2, &[0u8; 12]);
        assert!(!c.truncated);
        assert_eq!(c.used, 24 + 32);
        let b = m.0.borrow();
        assert_eq!(u64_at(&b, 0), Some(20));
        assert_eq!(u64_at(&b, 24), Some(28));
        assert_eq!(b[24 + 28], 0xee, "padding is not written");
    }

    #[test]
    fn cmsg_cut_record_reports_cut_length() {
        let m = mem();
        let mut c = Cmsgs::new(0x1000, 40);
        c.put(&m, 270, 3, &5u32.to_ne_bytes());
        c.put(&m, 1, 2, &[0u8; 12]);
        assert!(c.truncated);
        assert_eq!(c.used, 40);
        let b = m.0.borrow();
        assert_eq!(u64_at(&b, 24), Some(16));
        assert_eq!(b[40], 0xee, "nothing past the room");
    }

    #[test]
    fn cmsg_no_room() {
        let m = mem();
        let mut c = Cmsgs::new(0x1000, 8);
        c.put(&m, 270, 3, &5u32.to_ne_bytes());
        assert!(c.truncated);
        assert_eq!(c.used, 0);
        assert!(m.0.borrow().iter().all(|&b| b == 0xee));
    }

    #[test]
    fn cmsg_unwritable_record_is_left_out() {
        let m = mem();
        let mut c = Cmsgs::new(8, 64);
        c.put(&m, 270, 3, &5u32.to_ne_bytes());
        assert!(!c.truncated);
        assert_eq!(c.used, 0);
    }
}
