// SPDX-License-Identifier: BSD-2-Clause
//! The invariants of the runner's decoding of syscall arguments (`cli/src/sysargs.rs`), over a
//! hostile memory: shared by the fuzz target `sysargs` and by `tests/fuzz_regressions.rs`
//! (both include this file and `cli/src/sysargs.rs` as modules `sysargs_check` and
//! `sysargs`).
//!
//! [`check`] reads one operation and its arguments from the input, the rest of which is the
//! program's memory at [`BASE`] (the first [`RO`] bytes read-only); addresses and lengths are
//! the fuzzer's, so they point inside, across the end of, or far outside the memory, wrap
//! around, or are negative. It runs the operation twice on fresh copies and asserts:
//! - **deterministic**: the same result, the same memory afterwards, the same accesses;
//! - **no access beyond what was given**: every read and every write lies inside the ranges
//!   the arguments describe (a `sockaddr` of `len` bytes, `optlen`, `msg_controllen`, the
//!   `iovec` segments, the one `socklen_t`/`msghdr` field written back), so lengths never
//!   exceed what the program passed;
//! - **a faulting argument is never ignored**: an access that fails makes the call fail with
//!   `EFAULT` (except a control message of a `recvmsg`, which Linux's `put_cmsg` callers
//!   leave out), and `EFAULT` comes only from an access that failed or from an address outside
//!   the user address space (`access_ok`);
//! - **the errno Linux gives, for its reason and in its order**: addresses (`bind`, `sendto`,
//!   `connect`), `msghdr`s (`__copy_msghdr`), `iovec` imports (`import_iovec`), the buffers of
//!   `read`/`write`/`sendto`/`recvfrom`, and `sendmsg`'s control data (`____sys_sendmsg`,
//!   `__scm_send`'s walk) are compared with small models of those kernel functions written
//!   from their source (cited at each model), not with the decoder's own logic;
//! - **sums never overflow**: an imported `iovec` array's total is at most `MAX_RW_COUNT`; a
//!   receive never returns more than the datagram or (without `MSG_TRUNC`) the buffer;
//!   control messages never go past `msg_controllen` and advance by `CMSG_SPACE`;
//! - decoded values equal the bytes in memory (a `sockaddr_nl`, a `msghdr`, an `iovec`).
#![allow(
    dead_code,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::as_conversions
)]

use crate::sysargs::{self, Cmsgs, Connect, Mem};
use std::cell::RefCell;

/// Where the program's memory starts.
pub const BASE: u64 = 0x10000;
/// The first bytes of the memory are read-only (a `const` buffer).
pub const RO: usize = 16;

/// One access the decoding made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// `read(addr, len)`, and whether it succeeded.
    Read(u64, usize, bool),
    /// `write(addr, len)`, and whether it succeeded.
    Write(u64, usize, bool),
}

/// The program's memory: `bytes` at [`BASE`], nothing else mapped.
#[derive(Debug, Clone)]
pub struct FuzzMem {
    pub bytes: RefCell<Vec<u8>>,
    pub log: RefCell<Vec<Access>>,
}

impl FuzzMem {
    pub fn new(bytes: &[u8]) -> Self {
        Self {
            bytes: RefCell::new(bytes.to_vec()),
            log: RefCell::new(Vec::new()),
        }
    }

    /// Offset of `[addr, addr + len)` in the memory, if all of it is mapped.
    fn range(&self, addr: u64, len: usize) -> Option<usize> {
        let off = usize::try_from(addr.checked_sub(BASE)?).ok()?;
        let end = off.checked_add(len)?;
        (end <= self.bytes.borrow().len()).then_some(off)
    }

    /// The `len` bytes at `addr`, for checking (not logged).
    pub fn peek(&self, addr: u64, len: usize) -> Option<Vec<u8>> {
        let off = self.range(addr, len)?;
        Some(self.bytes.borrow()[off..off + len].to_vec())
    }

    fn failed(&self) -> bool {
        self.log.borrow().iter().any(|a| match *a {
            Access::Read(_, _, ok) | Access::Write(_, _, ok) => !ok,
        })
    }
}

impl Mem for FuzzMem {
    fn read(&self, addr: u64, len: usize) -> Result<Vec<u8>, i32> {
        if len == 0 {
            self.log.borrow_mut().push(Access::Read(addr, 0, true));
            return Ok(Vec::new());
        }
        let r = self.peek(addr, len).ok_or(libc::EFAULT);
        self.log
            .borrow_mut()
            .push(Access::Read(addr, len, r.is_ok()));
        r
    }

    fn write(&self, addr: u64, data: &[u8]) -> Result<(), i32> {
        let ok = data.is_empty() || self.range(addr, data.len()).is_some_and(|off| off >= RO);
        self.log
            .borrow_mut()
            .push(Access::Write(addr, data.len(), ok));
        if !ok {
            return Err(libc::EFAULT);
        }
        if let Some(off) = self.range(addr, data.len()) {
            self.bytes.borrow_mut()[off..off + data.len()].copy_from_slice(data);
        }
        Ok(())
    }
}

/// A cursor over the operation's arguments.
struct Args<'a>(&'a [u8]);

impl Args<'_> {
    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut b = [0u8; N];
        let k = N.min(self.0.len());
        b[..k].copy_from_slice(&self.0[..k]);
        self.0 = &self.0[k..];
        b
    }
    fn u8(&mut self) -> u8 {
        self.bytes::<1>()[0]
    }
    fn u16(&mut self) -> u16 {
        u16::from_le_bytes(self.bytes())
    }
    fn i32(&mut self) -> i32 {
        i32::from_le_bytes(self.bytes())
    }
    fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.bytes())
    }
    /// An address: mostly inside or near the memory (a 15-bit offset from [`BASE`]), else
    /// any 64-bit value.
    fn addr(&mut self) -> u64 {
        let sel = self.u16();
        if sel & 0x8000 == 0 {
            BASE + u64::from(sel)
        } else {
            self.u64()
        }
    }
    /// A length: small mostly, else any 64-bit value.
    fn len(&mut self) -> u64 {
        let sel = self.u16();
        if sel & 0x8000 == 0 {
            u64::from(sel)
        } else {
            self.u64()
        }
    }
}

/// What an operation did: its result, reduced to comparable data.
type Outcome = Result<Vec<u64>, i32>;

/// An operation's result and what [`check`] may hold it to.
struct Done {
    out: Outcome,
    /// Where it may read, as `(addr, len)`.
    reads: Vec<(u64, u64)>,
    /// Where it may write.
    writes: Vec<(u64, u64)>,
    /// The errno values Linux gives for this call.
    errs: &'static [i32],
    /// `EFAULT` may come without a failed access: an address outside the user address space
    /// (`access_ok`) fails before any copy.
    efault_unaccessed: bool,
    /// A failed access may leave the call successful (`put_cmsg`'s errors are ignored).
    failures_ignored: bool,
}

impl Done {
    fn new(
        out: Outcome,
        reads: Vec<(u64, u64)>,
        writes: Vec<(u64, u64)>,
        errs: &'static [i32],
    ) -> Self {
        Self {
            out,
            reads,
            writes,
            errs,
            efault_unaccessed: false,
            failures_ignored: false,
        }
    }
}

fn inside(addr: u64, len: usize, allowed: &[(u64, u64)]) -> bool {
    len == 0
        || allowed
            .iter()
            .any(|&(a, l)| addr >= a && (addr - a) as u128 + len as u128 <= l as u128)
}

fn u64_ne(b: &[u8]) -> u64 {
    u64::from_ne_bytes(b[..8].try_into().unwrap())
}
fn u32_ne(b: &[u8]) -> u32 {
    u32::from_ne_bytes(b[..4].try_into().unwrap())
}

/// The `iovec` array at `addr` as memory holds it, if readable.
fn iov_in_mem(m: &FuzzMem, addr: u64, cnt: u64) -> Option<Vec<(u64, u64)>> {
    if cnt == 0 {
        return Some(Vec::new());
    }
    let b = m.peek(addr, usize::try_from(cnt.checked_mul(16)?).ok()?)?;
    Some(
        b.chunks_exact(16)
            .map(|c| (u64_ne(c), u64_ne(&c[8..])))
            .collect(),
    )
}

/// `access_ok` on x86-64 with 4-level paging (`arch/x86/include/asm/uaccess_64.h`): the
/// range ends at or below `TASK_SIZE_MAX` (measured on Linux 6.18: 0x7ffffffff000).
fn linux_access_ok(base: u64, len: u64) -> bool {
    (base as u128) + (len as u128) <= 0x7fff_ffff_f000
}

/// `move_addr_to_kernel` (`net/socket.c`): the bytes, `EINVAL` or `EFAULT`.
fn linux_move_addr(m: &FuzzMem, addr: u64, len: i32) -> Result<Vec<u8>, i32> {
    if !(0..=128).contains(&len) {
        return Err(libc::EINVAL);
    }
    if len == 0 {
        return Ok(Vec::new());
    }
    m.peek(addr, len as usize).ok_or(libc::EFAULT)
}

/// A `sockaddr_nl` as netlink reads it: at least 12 bytes, family `AF_NETLINK`.
fn linux_nl(b: &[u8]) -> Result<Vec<u64>, i32> {
    if b.len() < 12 || u16::from_ne_bytes([b[0], b[1]]) != 16 {
        return Err(libc::EINVAL);
    }
    Ok(vec![u64::from(u32_ne(&b[4..])), u64::from(u32_ne(&b[8..]))])
}

/// `__scm_send`'s walk (`net/core/scm.c`) with `for_each_cmsghdr`/`CMSG_OK`
/// (`include/linux/socket.h`), for a netlink socket as root.
fn linux_scm_send(ctl: &[u8]) -> Result<(), i32> {
    let size = ctl.len() as u128;
    let mut off: u128 = 0;
    // CMSG_FIRSTHDR: a first header only when the whole header fits.
    while off + 16 <= size {
        let o = off as usize;
        let len = u128::from(u64_ne(&ctl[o..]));
        if len < 16 || len > size - off {
            return Err(libc::EINVAL);
        }
        let level = u32_ne(&ctl[o + 8..]) as i32;
        let ty = u32_ne(&ctl[o + 12..]) as i32;
        if level == libc::SOL_SOCKET {
            if ty != libc::SCM_CREDENTIALS || len != 28 {
                return Err(libc::EINVAL);
            }
            if u32_ne(&ctl[o + 20..]) == u32::MAX || u32_ne(&ctl[o + 24..]) == u32::MAX {
                return Err(libc::EINVAL);
            }
        }
        // CMSG_NXTHDR: the next header must fit whole.
        off += (len + 7) & !7;
    }
    Ok(())
}

/// One operation on `m`.
fn op(code: u8, a: &mut Args<'_>, m: &FuzzMem) -> Done {
    const EF: &[i32] = &[libc::EFAULT];
    const EIF: &[i32] = &[libc::EINVAL, libc::EFAULT];
    const SETUP: &[i32] = &[0, libc::EINVAL, libc::EFAULT];
    match code % 13 {
        // An iovec array (writev, readv, sendmsg, recvmsg): `import_iovec`.
        0 => {
            let addr = a.addr();
            let cnt = a.len() % 2048;
            let r = sysargs::read_iov(m, addr, cnt);
            let raw = if cnt > 1024 {
                None
            } else {
                iov_in_mem(m, addr, cnt)
            };
            let neg = raw
                .as_ref()
                .is_some_and(|v| v.iter().any(|&(_, l)| l >= 1 << 63));
            let outside = raw
                .as_ref()
                .is_some_and(|v| v.iter().any(|&(b, l)| !linux_access_ok(b, l)));
            let want_err = if cnt > 1024 || (raw.is_some() && neg) {
                Some(libc::EINVAL)
            } else if raw.is_none() || outside {
                Some(libc::EFAULT)
            } else {
                None
            };
            assert_eq!(
                r.as_ref().err().copied(),
                want_err,
                "iovec import of {cnt} at {addr:#x}"
            );
            if let (Ok(v), Some(raw)) = (&r, &raw) {
                assert_eq!(v.len(), raw.len());
                let total: u128 = v.iter().map(|&(_, l)| u128::from(l)).sum();
                assert!(
                    total <= 0x7fff_f000,
                    "iovec total {total} beyond MAX_RW_COUNT"
                );
                let raw_total: u128 = raw.iter().map(|&(_, l)| u128::from(l)).sum();
                assert_eq!(total, raw_total.min(0x7fff_f000), "lengths cut wrongly");
                for (&(b, l), &(rb, rl)) in v.iter().zip(raw) {
                    assert_eq!(b, rb);
                    assert!(l <= rl);
                }
            }
            let out = r.map(|v| v.iter().flat_map(|&(b, l)| [b, l]).collect());
            let mut d = Done::new(out, vec![(addr, cnt.saturating_mul(16))], vec![], EIF);
            d.efault_unaccessed = true;
            d
        }
        // The bytes of a send (sendmsg's gather), bounded by the send buffer.
        1 => {
            let addr = a.addr();
            let cnt = a.len() % 8;
            let max = a.len();
            let Ok(iov) = sysargs::read_iov(m, addr, cnt) else {
                return Done::new(Err(0), vec![], vec![], SETUP);
            };
            m.log.borrow_mut().clear();
            let r = sysargs::gather(m, &iov, max);
            let total: u128 = iov.iter().map(|&(_, l)| u128::from(l)).sum();
            match &r {
                Ok(d) => {
                    assert!(total <= u128::from(max), "gathered past the limit");
                    assert_eq!(d.len() as u128, total, "gathered length differs");
                    let mut want = Vec::new();
                    for &(b, l) in iov.iter().filter(|&&(_, l)| l > 0) {
                        want.extend(m.peek(b, l as usize).unwrap());
                    }
                    assert_eq!(d, &want, "gathered bytes differ from memory");
                }
                Err(e) if *e == libc::EMSGSIZE => {
                    assert!(total > u128::from(max), "EMSGSIZE within the limit");
                    assert!(m.log.borrow().is_empty(), "read before the size check");
                }
                Err(_) => {}
            }
            let out = r.map(|d| d.iter().map(|&b| u64::from(b)).collect());
            Done::new(out, iov, vec![], &[libc::EMSGSIZE, libc::EFAULT])
        }
        // A received datagram into iovec segments (readv, recvmsg's scatter).
        2 => {
            let addr = a.addr();
            let cnt = a.len() % 8;
            let dlen = usize::from(a.u16() % 512);
            let Ok(iov) = sysargs::read_iov(m, addr, cnt) else {
                return Done::new(Err(0), vec![], vec![], SETUP);
            };
            m.log.borrow_mut().clear();
            let cap = sysargs::iov_cap(&iov, 300);
            assert!(cap <= 300);
            let total: u128 = iov.iter().map(|&(_, l)| u128::from(l)).sum();
            assert_eq!(cap as u128, total.min(300));
            assert_eq!(sysargs::empty_io(&iov), total == 0);
            let data: Vec<u8> = (0..dlen.min(cap)).map(|i| i as u8 ^ 0x5a).collect();
            let r = sysargs::scatter(m, &iov, &data);
            let written: usize = m
                .log
                .borrow()
                .iter()
                .map(|a| match *a {
                    Access::Write(_, l, true) => l,
                    _ => 0,
                })
                .sum();
            if r.is_ok() {
                assert_eq!(
                    written,
                    data.len(),
                    "scatter wrote {written} of {}",
                    data.len()
                );
            }
            Done::new(r.map(|()| vec![]), vec![], iov, EF)
        }
        // A msghdr (sendmsg copies its address, recvmsg does not): `__copy_msghdr`.
        3 => {
            let addr = a.addr();
            let copy_name = a.u8() & 1 != 0;
            let r = sysargs::read_msghdr(m, addr, copy_name);
            let raw = m.peek(addr, 56);
            let want: Result<(i32, Vec<u8>), i32> = match &raw {
                None => Err(libc::EFAULT),
                Some(raw) => {
                    let name = u64_ne(raw);
                    let nl = if name == 0 {
                        0
                    } else {
                        u32_ne(&raw[8..]) as i32
                    };
                    if nl < 0 {
                        Err(libc::EINVAL)
                    } else {
                        let nl = nl.min(128);
                        let bytes = if copy_name && nl > 0 {
                            linux_move_addr(m, name, nl)
                        } else {
                            Ok(Vec::new())
                        };
                        match bytes {
                            Err(e) => Err(e),
                            Ok(_) if u64_ne(&raw[24..]) > 1024 => Err(libc::EMSGSIZE),
                            Ok(b) => Ok((nl, b)),
                        }
                    }
                }
            };
            match (&r, &want) {
                (Ok(h), Ok((nl, b))) => {
                    let raw = raw.as_ref().unwrap();
                    assert_eq!(h.name, u64_ne(raw));
                    assert_eq!(h.namelen, *nl, "msg_namelen");
                    assert_eq!(&h.addr, b, "copied address");
                    assert_eq!(h.iov, u64_ne(&raw[16..]));
                    assert_eq!(h.iovlen, u64_ne(&raw[24..]));
                    assert_eq!(h.control, u64_ne(&raw[32..]));
                    assert_eq!(h.controllen, u64_ne(&raw[40..]));
                }
                (Err(x), Err(y)) => assert_eq!(x, y, "msghdr errno"),
                _ => panic!("msghdr: {r:?}, Linux: {want:?}"),
            }
            let (name, nl) = raw.map_or((0, 0), |b| {
                (u64_ne(&b), u64::from(u32_ne(&b[8..]).min(128)))
            });
            let out = r.map(|h| {
                let mut v = vec![
                    h.name,
                    h.namelen as u64,
                    h.iov,
                    h.iovlen,
                    h.control,
                    h.controllen,
                ];
                v.extend(h.addr.iter().map(|&b| u64::from(b)));
                v
            });
            Done::new(
                out,
                vec![(addr, 56), (name, nl)],
                vec![],
                &[libc::EFAULT, libc::EINVAL, libc::EMSGSIZE],
            )
        }
        // Addresses: bind, sendto, connect.
        c @ 4..=6 => {
            let addr = a.addr();
            let len = a.i32();
            let (r, want) = match c {
                4 => (
                    sysargs::read_addr(m, addr, len)
                        .map(|a| vec![u64::from(a.pid), u64::from(a.groups)]),
                    linux_move_addr(m, addr, len).and_then(|b| linux_nl(&b)),
                ),
                5 => (
                    sysargs::sendto_addr(m, addr, len)
                        .and_then(|b| sysargs::send_dest(&b))
                        .map(|o| o.map_or(vec![], |a| vec![u64::from(a.pid), u64::from(a.groups)])),
                    if addr == 0 {
                        Ok(vec![])
                    } else {
                        linux_move_addr(m, addr, len).and_then(|b| {
                            if b.is_empty() {
                                Ok(vec![])
                            } else {
                                linux_nl(&b)
                            }
                        })
                    },
                ),
                _ => (
                    sysargs::connect_addr(m, addr, len).map(|c| match c {
                        Connect::Disconnect => vec![],
                        Connect::To(a) => vec![u64::from(a.pid), u64::from(a.groups)],
                    }),
                    linux_move_addr(m, addr, len).and_then(|b| {
                        if b.len() < 2 {
                            Err(libc::EINVAL)
                        } else if b[0] == 0 && b[1] == 0 {
                            Ok(vec![])
                        } else {
                            linux_nl(&b)
                        }
                    }),
                ),
            };
            assert_eq!(r, want, "address of {len} bytes at {addr:#x} (op {c})");
            Done::new(
                r,
                vec![(addr, u64::try_from(len).unwrap_or(0))],
                vec![],
                EIF,
            )
        }
        // An address written back (getsockname, recvfrom, recvmsg's msg_name).
        7 => {
            let addr = a.addr();
            let lenp = a.addr();
            let salen = usize::from(a.u8() % 130);
            let sa: Vec<u8> = (0..salen).map(|i| i as u8).collect();
            let ulen = m.peek(lenp, 4).map(|b| u32_ne(&b) as i32);
            let r = if a.u8() & 1 == 0 {
                sysargs::put_addr(m, addr, lenp, &sa)
            } else {
                // recvmsg: the msghdr is at `lenp - 8`, its msg_namelen is the length.
                let namelen = ulen.unwrap_or(0).min(128);
                sysargs::put_msg_name(m, lenp.wrapping_sub(8), addr, namelen, &sa)
            };
            if r.is_ok()
                && m.log
                    .borrow()
                    .iter()
                    .any(|a| matches!(a, Access::Write(p, 4, true) if *p == lenp))
            {
                let now = m.peek(lenp, 4).unwrap();
                assert_eq!(u32_ne(&now) as usize, salen, "address length written back");
            }
            if ulen.is_some_and(|l| l < 0) && addr != 0 {
                assert_eq!(r, Err(libc::EINVAL), "negative address length accepted");
            }
            let room = ulen.map_or(0, |l| u64::try_from(l).unwrap_or(0));
            Done::new(
                r.map(|()| vec![]),
                vec![(lenp, 4)],
                vec![(addr, room), (lenp, 4)],
                EIF,
            )
        }
        // Control messages and the msghdr tail of a recvmsg (`put_cmsg`).
        8 => {
            let mh = a.addr();
            let control = a.addr();
            let controllen = a.len();
            let room0 = if control == 0 { 0 } else { controllen };
            let mut cm = Cmsgs::new(control, controllen);
            let mut fits = true;
            for _ in 0..a.u8() % 4 {
                let dlen = usize::from(a.u8() % 48);
                let room = cm.room;
                let before = cm.used;
                let logged = m.log.borrow().len();
                cm.put(m, a.i32(), a.i32(), &vec![0xc5; dlen]);
                let cmlen = 16 + dlen as u64;
                fits &= room >= cmlen;
                let log = m.log.borrow();
                let wrote = log[logged..].iter().find_map(|a| match *a {
                    Access::Write(p, l, ok) => Some((p, l, ok)),
                    Access::Read(..) => None,
                });
                match wrote {
                    None => assert!(room < 16 && cm.used == before, "record without a write"),
                    Some((p, l, ok)) => {
                        assert_eq!(
                            p,
                            control.wrapping_add(before),
                            "record not at msg_controllen"
                        );
                        assert_eq!(l as u64, cmlen.min(room), "record length");
                        let adv = if ok { ((cmlen + 7) & !7).min(room) } else { 0 };
                        assert_eq!(cm.used - before, adv, "msg_controllen advance");
                    }
                }
            }
            assert!(cm.used <= room0);
            assert_eq!(cm.truncated, !fits, "MSG_CTRUNC");
            let full = usize::from(a.u16());
            let cap = usize::from(a.u16());
            let f = sysargs::recv_msg_flags(full, cap, cm.truncated);
            assert_eq!(f & libc::MSG_TRUNC != 0, full > cap);
            assert_eq!(f & libc::MSG_CTRUNC != 0, cm.truncated);
            assert_eq!(f & !(libc::MSG_TRUNC | libc::MSG_CTRUNC), 0);
            let logged = m.log.borrow().len();
            let r = sysargs::put_recvmsg_tail(m, mh, cm.used, f);
            let tail_failed = m.log.borrow()[logged..]
                .iter()
                .any(|a| matches!(a, Access::Write(_, _, false)));
            assert_eq!(r.is_err(), tail_failed, "msghdr tail");
            let out = r.map(|()| vec![cm.used, u64::from(cm.truncated)]);
            let mut d = Done::new(
                out,
                vec![],
                vec![
                    (control, room0),
                    (mh.wrapping_add(40), 8),
                    (mh.wrapping_add(48), 4),
                ],
                EF,
            );
            d.failures_ignored = true;
            d
        }
        // Socket option values and lengths.
        9 => {
            let optval = a.addr();
            let lenp = a.addr();
            let optlen = a.i32();
            let sel = a.u8();
            let ulen_mem = m.peek(lenp, 4).map(|b| u32_ne(&b) as i32);
            if sel % 4 == 0 {
                let r = sysargs::setsockopt_int(m, optval, optlen);
                if optlen < 4 {
                    assert_eq!(r, Ok(0), "an option of {optlen} bytes was read");
                }
                let reads = vec![(optval, if optlen >= 4 { 4 } else { 0 })];
                return Done::new(r.map(|v| vec![v as u64]), reads, vec![], EF);
            }
            let r = sysargs::getsockopt_len(m, lenp);
            if let Ok(u) = r {
                assert_eq!(Some(u as i32), ulen_mem);
            }
            if ulen_mem.is_some_and(|l| l < 0) {
                assert_eq!(r, Err(libc::EINVAL));
            }
            let Ok(ulen) = r else {
                return Done::new(r.map(|_| vec![]), vec![(lenp, 4)], vec![], EIF);
            };
            m.log.borrow_mut().clear();
            let val: Vec<u8> = (0..usize::from(a.u8() % 16)).map(|i| i as u8).collect();
            let r = match sel % 4 {
                1 => sysargs::put_opt_prefix(m, optval, lenp, ulen, &val),
                2 => {
                    let netlink = a.u8() & 1 != 0;
                    let r = sysargs::put_int_opt(m, optval, lenp, ulen, 7, netlink);
                    if netlink && ulen < 4 {
                        assert_eq!(r, Err(libc::EINVAL));
                    }
                    r
                }
                _ => sysargs::put_list_opt(m, optval, lenp, ulen, &val),
            };
            if r.is_ok() {
                let now = u32_ne(&m.peek(lenp, 4).unwrap()) as usize;
                if sel % 4 == 3 {
                    assert_eq!(now, val.len(), "list option length");
                } else {
                    assert!(now <= ulen, "option length {now} beyond {ulen}");
                }
            }
            let room = if sel % 4 == 3 { ulen / 4 * 4 } else { ulen } as u64;
            Done::new(
                r.map(|()| vec![]),
                vec![],
                vec![(optval, room), (lenp, 4)],
                EIF,
            )
        }
        // MSG_* flags, the receive return value, the buffers of read/write/sendto/recvfrom.
        10 => {
            let full = a.u64() as usize;
            let cap = a.u64() as usize;
            let flags = a.i32();
            let r = sysargs::recv_ret(full, cap, flags);
            assert!(r >= 0);
            assert!(r as u128 <= full as u128);
            if flags & libc::MSG_TRUNC == 0 {
                assert!(r as u128 <= cap as u128);
            }
            assert_eq!(
                sysargs::send_flags(flags),
                if flags & libc::MSG_OOB != 0 {
                    Err(libc::EOPNOTSUPP)
                } else {
                    Ok(())
                }
            );
            let (b, l) = (a.addr(), a.len());
            // vfs_read/vfs_write: access_ok on the whole length, then cut to MAX_RW_COUNT.
            let want = if linux_access_ok(b, l) {
                Ok((b, l.min(0x7fff_f000)))
            } else {
                Err(libc::EFAULT)
            };
            assert_eq!(
                sysargs::rw_buf(b, l),
                want,
                "read/write buffer {b:#x}+{l:#x}"
            );
            // import_ubuf: cut first, then access_ok.
            let lc = l.min(0x7fff_f000);
            let want = if linux_access_ok(b, lc) {
                Ok((b, lc))
            } else {
                Err(libc::EFAULT)
            };
            assert_eq!(
                sysargs::ubuf(b, l),
                want,
                "sendto/recvfrom buffer {b:#x}+{l:#x}"
            );
            Done::new(Ok(vec![r as u64]), vec![], vec![], &[])
        }
        // The control data of a sendmsg: copy and `__scm_send`'s walk.
        11 => {
            let control = a.addr();
            let controllen = a.len();
            let optmem = u64::from(a.u16()) * 4;
            let r = sysargs::read_send_control(m, control, controllen, optmem);
            let want = if controllen > i32::MAX as u64 || (controllen > 36 && controllen >= optmem)
            {
                Err(libc::ENOBUFS)
            } else if controllen == 0 {
                Ok(Vec::new())
            } else {
                m.peek(control, controllen as usize).ok_or(libc::EFAULT)
            };
            assert_eq!(r, want, "control data {controllen} at {control:#x}");
            let out = r.and_then(|ctl| {
                let w = sysargs::check_send_cmsgs(&ctl);
                assert_eq!(w, linux_scm_send(&ctl), "cmsg walk over {ctl:02x?}");
                w.map(|()| vec![])
            });
            Done::new(
                out,
                vec![(control, controllen)],
                vec![],
                &[libc::ENOBUFS, libc::EFAULT, libc::EINVAL],
            )
        }
        // msg_len of an mmsghdr array entry.
        _ => {
            let vec = a.addr();
            let i = a.len() % 1025;
            let len = a.u64();
            let entry = sysargs::mmsg_entry(vec, i);
            assert_eq!(entry, vec.wrapping_add(i.wrapping_mul(64)));
            let r = sysargs::put_mmsg_len(m, entry, len);
            if r.is_ok() {
                let v = m.peek(entry + 56, 4).unwrap();
                assert_eq!(u32_ne(&v), u32::try_from(len).unwrap_or(u32::MAX));
            }
            Done::new(
                r.map(|()| vec![]),
                vec![],
                vec![(entry.wrapping_add(56), 4)],
                EF,
            )
        }
    }
}

/// Split an input into operation code, arguments and memory: byte 0 is the code, byte 1 the
/// length of the arguments.
pub fn split(data: &[u8]) -> (u8, &[u8], &[u8]) {
    let code = data.first().copied().unwrap_or(0);
    let alen = usize::from(data.get(1).copied().unwrap_or(0) % 64);
    let rest = data.get(2..).unwrap_or(&[]);
    let (args, mem) = rest.split_at(alen.min(rest.len()));
    (code, args, mem)
}

/// Every invariant for one input.
pub fn check(data: &[u8]) {
    let (code, args, mem) = split(data);
    let m1 = FuzzMem::new(mem);
    let d = op(code, &mut Args(args), &m1);
    let m2 = FuzzMem::new(mem);
    let d2 = op(code, &mut Args(args), &m2);
    assert_eq!(d.out, d2.out, "not deterministic");
    assert_eq!(
        *m1.bytes.borrow(),
        *m2.bytes.borrow(),
        "memory differs between runs"
    );
    assert_eq!(
        *m1.log.borrow(),
        *m2.log.borrow(),
        "accesses differ between runs"
    );
    if d.out == Err(0) {
        return; // the operation's setup failed; nothing to check
    }
    for acc in m1.log.borrow().iter() {
        match *acc {
            Access::Read(p, l, _) => {
                assert!(
                    inside(p, l, &d.reads),
                    "read of {l} at {p:#x} outside {:x?}",
                    d.reads
                )
            }
            Access::Write(p, l, _) => {
                assert!(
                    inside(p, l, &d.writes),
                    "write of {l} at {p:#x} outside {:x?}",
                    d.writes
                )
            }
        }
    }
    let failed = m1.failed();
    match d.out {
        Err(e) => {
            assert!(
                d.errs.contains(&e),
                "errno {e} is not one Linux gives here ({:?})",
                d.errs
            );
            if e == libc::EFAULT && !d.efault_unaccessed {
                assert!(failed, "EFAULT without a failed access");
            }
            if e != libc::EFAULT && !d.failures_ignored {
                assert!(!failed, "a failed access turned into errno {e}");
            }
        }
        Ok(_) => assert!(!failed || d.failures_ignored, "a failed access was ignored"),
    }
}
