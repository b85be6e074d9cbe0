// SPDX-License-Identifier: BSD-2-Clause
//! Inputs the fuzz targets (`fuzz/`, `docs/robustness.md`) stopped on, kept as regression
//! tests of the invariant they exercised. The invariant checkers are the fuzz targets' own
//! files, included here (`fuzz/` is a workspace of its own): one source for both.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::as_conversions
)]

#[path = "../fuzz/fuzz_targets/common.rs"]
mod common;
#[allow(dead_code)]
#[path = "../cli/src/sysargs.rs"]
mod sysargs;
#[path = "../fuzz/fuzz_targets/sysargs_check.rs"]
mod sysargs_check;

use nlcompat::wire::Messages;
use nlcompat::{Ctx, Dir, Proto};
use sysargs::{Connect, Mem};
use sysargs_check::{FuzzMem, BASE};

/// One translation under every invariant of `common::check` (the fuzz targets' checker).
fn forth(ctx: &Ctx<'_>, l: &[u8]) -> Vec<u8> {
    common::check(ctx, Dir::LinuxToFreebsd, l, 1).unwrap()
}

fn back(ctx: &Ctx<'_>, b: &[u8]) -> Vec<u8> {
    common::check(ctx, Dir::FreebsdToLinux, b, 1).unwrap()
}

/// `roundtrip`, campaign of 2026-12-04: an `RTM_DELROUTE` (25) with the dump bits among its
/// flags (0xdbeb), `rtm_dst_len` 20 and no `RTA_DST`. The Linux-bound pass, which reads its
/// input as kernel output, rewrites the flags as for a kernel message (0x22), after which the
/// FreeBSD-bound pass reads a plain delete and completes the missing destination as Linux does (0.0.0.0): the
/// buffer changes in the second round trip, and must then stay put.
#[test]
fn delroute_with_dump_flags_reaches_a_round_trip_fixed_point() {
    let host = common::host();
    let ctx = Ctx::new(&host, Proto::Route);
    #[rustfmt::skip]
    let x: [u8; 28] = [
        0x1c, 0, 0, 0, 0x19, 0, 0xeb, 0xdb, 0xff, 0xb9, 0x48, 0x04, 0, 0, 0, 0,
        // rtmsg: AF_INET, dst_len 20, src_len 22, tos 0, table 0, proto 0, scope 126, type 0,
        // flags 0xe3e3e3e3
        2, 20, 22, 0, 0, 0, 126, 0, 0xe3, 0xe3, 0xe3, 0xe3,
    ];
    let b1 = forth(&ctx, &x);
    let l1 = back(&ctx, &b1);
    let b2 = forth(&ctx, &l1);
    let l2 = back(&ctx, &b2);
    let b3 = forth(&ctx, &l2);
    let l3 = back(&ctx, &b3);
    assert_eq!(l3, l2, "the third round trip changed the Linux bytes");
    assert_eq!(
        forth(&ctx, &l3),
        b3,
        "the third round trip changed the FreeBSD bytes"
    );
    // What changed in the second round trip: an RTA_DST (1) of 0.0.0.0 appeared.
    let m = Messages::new(&b2).next().unwrap().unwrap();
    let dst = nlcompat::wire::attrs_after(m.payload(), 12)
        .find(1)
        .unwrap();
    assert_eq!(dst.payload(), &[0, 0, 0, 0]);
    for b in [&b1, &b2, &b3] {
        assert!(Messages::new(b).all(|m| m.is_ok()));
    }
}

// ---- sysargs: the runner's decoding of syscall arguments ---------------------------------
//
// The expected values are what Linux 6.18 answers: `cli/tests/sysargs.c` makes the same calls
// natively and under the runner (`cli/tests/run_sysargs.rs`), and the lines quoted below are
// its native output.

/// A memory image at `BASE` holding `bytes` at offset 0 and zeros up to `len`.
fn mem(bytes: &[u8], len: usize) -> FuzzMem {
    let mut v = bytes.to_vec();
    v.resize(len.max(bytes.len()), 0);
    FuzzMem::new(&v)
}

/// `sysargs`, first run: `connect` with an `AF_UNSPEC` address of 201 bytes read the family
/// and disconnected; Linux refuses any address longer than `sockaddr_storage` first
/// (`move_addr_to_kernel`): "connect AF_UNSPEC len 300: -1 EINVAL".
#[test]
fn connect_checks_and_copies_the_whole_address_first() {
    sysargs_check::check(&[0x2a, 0xb3, 0x24, 0x40, 0xc9]);
    let m = mem(&[], 300);
    assert_eq!(sysargs::connect_addr(&m, BASE, 300), Err(libc::EINVAL));
    assert_eq!(sysargs::connect_addr(&m, BASE, 129), Err(libc::EINVAL));
    assert_eq!(
        sysargs::connect_addr(&m, BASE, 128),
        Ok(Connect::Disconnect)
    );
    // "connect AF_UNSPEC across an unmapped page: -1 EFAULT"
    assert_eq!(sysargs::connect_addr(&m, BASE + 298, 12), Err(libc::EFAULT));
    // "connect AF_UNSPEC at a page end, len 2: 0 ok"
    assert_eq!(
        sysargs::connect_addr(&m, BASE + 298, 2),
        Ok(Connect::Disconnect)
    );
    assert_eq!(sysargs::connect_addr(&m, BASE, 1), Err(libc::EINVAL));
}

/// "sendto addr len 0: 16 ok" (no address), "sendto addr len 300: -1 EINVAL",
/// "sendto addr len 5: -1 EINVAL"; the runner refused length 0 and checked the data first.
#[test]
fn sendto_address_is_copied_before_the_data_and_length_0_is_none() {
    let nl = [16u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    let m = mem(&nl, 64);
    let dest = |addr, len| sysargs::sendto_addr(&m, addr, len).and_then(|b| sysargs::send_dest(&b));
    assert_eq!(dest(BASE, 0), Ok(None));
    assert_eq!(dest(0, 5), Ok(None));
    assert_eq!(dest(BASE, 300), Err(libc::EINVAL));
    assert_eq!(dest(BASE, 5), Err(libc::EINVAL));
    assert_eq!(dest(8, 12), Err(libc::EFAULT));
    assert!(matches!(dest(BASE, 12), Ok(Some(_))));
    // "sendto kernel address: -1 EFAULT", "sendto len 2^63: -1 EMSGSIZE" (cut first).
    assert_eq!(sysargs::ubuf(0xffff_8880_0000_0000, 16), Err(libc::EFAULT));
    assert_eq!(
        sysargs::ubuf(0x1000, 1 << 63),
        Ok((0x1000, sysargs::MAX_RW_COUNT))
    );
}

/// A `msghdr` with `name`, `namelen` and `iovlen`, then a `sockaddr_nl` at offset 64 and
/// zeros up to 256 bytes.
fn msghdr(name: u64, namelen: i32, iovlen: u64) -> FuzzMem {
    let mut b = vec![0u8; 256];
    b[..8].copy_from_slice(&name.to_ne_bytes());
    b[8..12].copy_from_slice(&namelen.to_ne_bytes());
    b[24..32].copy_from_slice(&iovlen.to_ne_bytes());
    b[64] = 16;
    FuzzMem::new(&b)
}

/// "sendmsg namelen 300: 16 ok", "sendmsg namelen -1: -1 EINVAL", "sendmsg NULL name,
/// namelen -1: 16 ok", "sendmsg unreadable name, iovlen 2000: -1 EFAULT", "sendmsg namelen
/// -1, iovlen 2000: -1 EINVAL", "sendmsg namelen 5, iovlen 2000: -1 EMSGSIZE"; the runner
/// refused lengths beyond 128 and checked `msg_iovlen` before the name.
#[test]
fn msghdr_name_is_read_as_copy_msghdr_does() {
    let rd = |name, namelen, iovlen, send| {
        sysargs::read_msghdr(&msghdr(name, namelen, iovlen), BASE, send)
            .map(|h| (h.namelen, h.addr.len()))
    };
    assert_eq!(rd(BASE + 64, 300, 1, true), Ok((128, 128)));
    assert_eq!(rd(BASE + 64, -1, 1, true), Err(libc::EINVAL));
    assert_eq!(rd(0, -1, 1, true), Ok((0, 0)));
    assert_eq!(rd(8, 12, 2000, true), Err(libc::EFAULT));
    assert_eq!(rd(BASE + 64, -1, 2000, true), Err(libc::EINVAL));
    assert_eq!(rd(BASE + 64, 5, 2000, true), Err(libc::EMSGSIZE));
    // recvmsg: "recvmsg namelen -1: -1 EINVAL, 1 queued" — refused before anything is
    // received; the name is not read.
    assert_eq!(rd(BASE + 64, -1, 1, false), Err(libc::EINVAL));
    assert_eq!(rd(8, 12, 1, false), Ok((12, 0)));
    let h = sysargs::read_msghdr(&msghdr(BASE + 64, 300, 1), BASE, true).unwrap();
    assert_eq!(sysargs::send_dest(&h.addr).map(|d| d.is_some()), Ok(true));
}

/// An `iovec` array of `segs` at `BASE`.
fn iovecs(segs: &[(u64, u64)]) -> FuzzMem {
    let mut b = Vec::new();
    for &(base, len) in segs {
        b.extend_from_slice(&base.to_ne_bytes());
        b.extend_from_slice(&len.to_ne_bytes());
    }
    FuzzMem::new(&b)
}

/// "sendmsg iovec len 2^62 at 0: -1 EFAULT", "… len 0 at 0x7ffffffff001: -1 EFAULT",
/// "… len 0 at 0x7ffffffff000: 16 ok", "… ends at 0x7ffffffff001: -1 EFAULT", "… len 2^63:
/// -1 EINVAL", "sendmsg two iovecs of 2^62: -1 EFAULT", "sendmsg beyond user space then
/// negative: -1 EINVAL"; the runner summed lengths up to `SSIZE_MAX` and then read.
#[test]
fn iovecs_are_imported_as_import_iovec_does() {
    let imp = |segs: &[(u64, u64)]| sysargs::read_iov(&iovecs(segs), BASE, segs.len() as u64);
    let ok = (0x1000u64, 16u64);
    assert_eq!(imp(&[ok, (0, 1 << 62)]), Err(libc::EFAULT));
    assert_eq!(imp(&[ok, (0x7fff_ffff_f001, 0)]), Err(libc::EFAULT));
    assert!(imp(&[ok, (0x7fff_ffff_f000, 0)]).is_ok());
    assert_eq!(imp(&[ok, (0x1000, 0x7fff_ffff_e001)]), Err(libc::EFAULT));
    assert_eq!(imp(&[ok, (0, 1 << 63)]), Err(libc::EINVAL));
    assert_eq!(
        imp(&[(0x1000, 1 << 62), (0x1000, 1 << 62)]),
        Err(libc::EFAULT)
    );
    assert_eq!(
        imp(&[(0x7fff_ffff_f000, 1 << 50), (0x1000, 1 << 63)]),
        Err(libc::EINVAL)
    );
    // "sendmsg iovec len 2^46 at 0x1000: -1 EMSGSIZE": cut to MAX_RW_COUNT, then too big.
    let v = imp(&[ok, (0x1000, 1 << 46)]).unwrap();
    assert_eq!(v[1].1, sysargs::MAX_RW_COUNT - 16);
    assert_eq!(
        sysargs::gather(&FuzzMem::new(&[]), &v, 212_960),
        Err(libc::EMSGSIZE)
    );
    assert_eq!(
        sysargs::read_iov(&iovecs(&[ok]), BASE, 1025),
        Err(libc::EINVAL)
    );
}

/// The runner parked these until the program was killed; Linux answers at once: "readv total
/// 0 (empty queue, blocking): 0 ok", "read len 0 (one queued): 0 ok, 1 queued" (nothing is
/// taken), "writev total 0: 0 ok" (the runner sent an empty datagram: ENODATA), and "read len
/// 2^63 (empty queue): -1 EFAULT" (access_ok before anything).
#[test]
fn empty_and_impossible_reads_do_not_reach_the_queue() {
    let v = sysargs::read_iov(&iovecs(&[(0x1000, 0), (0, 0)]), BASE, 2).unwrap();
    assert!(sysargs::empty_io(&v));
    assert!(sysargs::empty_io(&[sysargs::rw_buf(0x1000, 0).unwrap()]));
    assert!(!sysargs::empty_io(&[(0, 1)]));
    assert_eq!(sysargs::rw_buf(0x1000, 1 << 63), Err(libc::EFAULT));
    assert_eq!(
        sysargs::ubuf(0x1000, 1 << 63),
        Ok((0x1000, sysargs::MAX_RW_COUNT))
    );
}

/// One control message header (and `data`).
fn cmsg(len: u64, level: i32, ty: i32, data: &[u8]) -> Vec<u8> {
    let mut b = len.to_ne_bytes().to_vec();
    b.extend_from_slice(&level.to_ne_bytes());
    b.extend_from_slice(&ty.to_ne_bytes());
    b.extend_from_slice(data);
    b
}

/// The runner ignored `sendmsg`'s control data; Linux copies and walks it: "sendmsg control
/// cmsg_len 0: -1 EINVAL", "… SOL_SOCKET type 99: -1 EINVAL", "… SOL_NETLINK type 99: 16
/// ok", "… cmsg_len 17 in 16: -1 EINVAL", "… SCM_RIGHTS: -1 EINVAL", "… SCM_CREDENTIALS len
/// 24: -1 EINVAL", "… SCM_CREDENTIALS: 16 ok", "… uid -1: -1 EINVAL", "… second header
/// cmsg_len 8: -1 EINVAL", "… 8 bytes after a header: 16 ok", "… of optmem_max bytes: -1
/// ENOBUFS", "… of 2^31 bytes: -1 ENOBUFS", "… NULL, 64 bytes: -1 EFAULT".
#[test]
fn sendmsg_control_data_is_checked_as_scm_send_does() {
    let walk = sysargs::check_send_cmsgs;
    assert_eq!(walk(&[0; 16]), Err(libc::EINVAL));
    assert_eq!(walk(&[0; 8]), Ok(()));
    assert_eq!(walk(&cmsg(16, 1, 99, &[])), Err(libc::EINVAL));
    assert_eq!(walk(&cmsg(16, 270, 99, &[])), Ok(()));
    assert_eq!(walk(&cmsg(17, 270, 1, &[])), Err(libc::EINVAL));
    assert_eq!(walk(&cmsg(20, 1, 1, &[0; 4])), Err(libc::EINVAL));
    assert_eq!(walk(&cmsg(24, 1, 2, &[0; 8])), Err(libc::EINVAL));
    let cred = |uid: u32| {
        [7u32, uid, 0]
            .iter()
            .flat_map(|v| v.to_ne_bytes())
            .collect::<Vec<u8>>()
    };
    assert_eq!(walk(&cmsg(28, 1, 2, &cred(0))), Ok(()));
    assert_eq!(walk(&cmsg(28, 1, 2, &cred(u32::MAX))), Err(libc::EINVAL));
    let mut two = cmsg(16, 270, 1, &[]);
    two.extend(cmsg(8, 270, 1, &[]));
    assert_eq!(walk(&two), Err(libc::EINVAL));
    let mut tail = cmsg(16, 270, 1, &[]);
    tail.extend([0; 8]);
    assert_eq!(walk(&tail), Ok(()));
    let m = FuzzMem::new(&[0; 64]);
    assert_eq!(
        sysargs::read_send_control(&m, BASE, 131_072, 131_072),
        Err(libc::ENOBUFS)
    );
    assert_eq!(
        sysargs::read_send_control(&m, BASE, 1 << 31, 131_072),
        Err(libc::ENOBUFS)
    );
    assert_eq!(
        sysargs::read_send_control(&m, 0, 64, 131_072),
        Err(libc::EFAULT)
    );
    assert_eq!(
        sysargs::read_send_control(&m, BASE, 64, 131_072).map(|v| v.len()),
        Ok(64)
    );
}

/// "recvmsg unwritable control: 36 ok controllen 0 flags 0": Linux leaves out a control
/// message it cannot write; the runner failed the whole receive with EFAULT after taking the
/// datagram.
#[test]
fn unwritable_control_messages_are_left_out() {
    let m = FuzzMem::new(&[0; 64]);
    let mut c = sysargs::Cmsgs::new(8, 64);
    c.put(&m, 270, 3, &1u32.to_ne_bytes());
    assert_eq!((c.used, c.truncated), (0, false));
    // Across the end of the memory: the write fails, nothing is counted.
    let mut c = sysargs::Cmsgs::new(BASE + 60, 64);
    c.put(&m, 270, 3, &1u32.to_ne_bytes());
    assert_eq!((c.used, c.truncated), (0, false));
    // The first bytes of the memory are read-only.
    let mut c = sysargs::Cmsgs::new(BASE, 64);
    c.put(&m, 270, 3, &1u32.to_ne_bytes());
    assert_eq!((c.used, c.truncated), (0, false));
    let mut c = sysargs::Cmsgs::new(BASE + 16, 48);
    c.put(&m, 270, 3, &1u32.to_ne_bytes());
    assert_eq!(c.used, 24);
    assert_eq!(m.read(BASE + 16, 8), Ok(20u64.to_ne_bytes().to_vec()));
}
