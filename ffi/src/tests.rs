// SPDX-License-Identifier: BSD-2-Clause
//! Unit tests of the pointer glue, written to run under miri (`make miri`): a host implemented
//! in Rust behind `extern "C"` callbacks, the exported functions called through raw pointers,
//! and every argument check. Expected bytes are written out by hand from the documented
//! translation rules, never produced by the translator.
#![allow(
    clippy::arithmetic_side_effects,
    reason = "test arithmetic on small sizes"
)]

use super::*;
use core::ffi::{c_char, c_void};
use core::ptr;

/// `IFT_ETHER` and `IFT_LOOP`, FreeBSD `sys/net/if_types.h`.
const IFT_ETHER: c_int = 6;
const IFT_LOOP: c_int = 24;

/// The fixed test host: 1 lo0, 2 em0 (eth0), 3 em1 (eth1).
struct Ifs {
    ifs: [(u32, &'static [u8], c_int, c_int); 3],
    calls: core::cell::Cell<u32>,
}

static IFS: [(u32, &[u8], c_int, c_int); 3] = [
    (1, b"lo0", IFT_LOOP, -1),
    (2, b"em0", IFT_ETHER, 0),
    (3, b"em1", IFT_ETHER, 1),
];

fn ifs<'a>(ctx: *mut c_void) -> &'a Ifs {
    // SAFETY: every test passes a pointer to a live `Ifs` that outlives the call.
    unsafe { &*ctx.cast::<Ifs>() }
}

unsafe extern "C" fn cb_ifname(
    ctx: *mut c_void,
    index: u32,
    buf: *mut c_char,
    len: usize,
) -> usize {
    let h = ifs(ctx);
    h.calls.set(h.calls.get() + 1);
    let Some(i) = h.ifs.iter().find(|i| i.0 == index) else {
        return 0;
    };
    assert!(i.1.len() <= len);
    // SAFETY: the glue passes a writable buffer of `len` bytes.
    unsafe { ptr::copy_nonoverlapping(i.1.as_ptr(), buf.cast::<u8>(), i.1.len()) };
    i.1.len()
}

unsafe extern "C" fn cb_ifindex(ctx: *mut c_void, name: *const c_char, len: usize) -> u32 {
    let h = ifs(ctx);
    h.calls.set(h.calls.get() + 1);
    // SAFETY: the glue passes `len` bytes and a NUL.
    let bytes = unsafe { core::slice::from_raw_parts(name.cast::<u8>(), len + 1) };
    assert_eq!(bytes[len], 0, "name must be NUL-terminated");
    h.ifs
        .iter()
        .find(|i| i.1 == &bytes[..len])
        .map_or(0, |i| i.0)
}

unsafe extern "C" fn cb_iftype(ctx: *mut c_void, index: u32) -> c_int {
    ifs(ctx)
        .ifs
        .iter()
        .find(|i| i.0 == index)
        .map_or(-1, |i| i.2)
}

unsafe extern "C" fn cb_ethno(ctx: *mut c_void, index: u32) -> c_int {
    ifs(ctx)
        .ifs
        .iter()
        .find(|i| i.0 == index)
        .map_or(-1, |i| i.3)
}

unsafe extern "C" fn cb_by_ethno(ctx: *mut c_void, n: u32) -> u32 {
    ifs(ctx)
        .ifs
        .iter()
        .find(|i| u32::try_from(i.3) == Ok(n))
        .map_or(0, |i| i.0)
}

unsafe extern "C" fn cb_first_loopback(ctx: *mut c_void) -> u32 {
    ifs(ctx)
        .ifs
        .iter()
        .find(|i| i.2 == IFT_LOOP)
        .map_or(0, |i| i.0)
}

fn new_ifs() -> Ifs {
    Ifs {
        ifs: IFS,
        calls: core::cell::Cell::new(0),
    }
}

fn host(ifs: &Ifs) -> NlcompatHost {
    NlcompatHost {
        ctx: ptr::from_ref(ifs).cast_mut().cast(),
        ifname: Some(cb_ifname),
        ifindex: Some(cb_ifindex),
        iftype: Some(cb_iftype),
        linux_ethno: Some(cb_ethno),
        ifindex_by_ethno: Some(cb_by_ethno),
        first_loopback: Some(cb_first_loopback),
        use_real_ifnames: 0,
    }
}

type Xlate = unsafe extern "C" fn(
    *const NlcompatHost,
    c_int,
    *const u8,
    usize,
    *mut u8,
    usize,
    *mut usize,
) -> c_int;

const L2F: Xlate = nlcompat_linux_to_freebsd;
const F2L: Xlate = nlcompat_freebsd_to_linux;

/// Calls `f` on `src` with a `cap`-byte destination; returns (errno, out_len, output).
fn call(f: Xlate, h: &NlcompatHost, src: &[u8], cap: usize) -> (c_int, usize, Vec<u8>) {
    let mut dst = vec![0xAAu8; cap];
    let mut out_len = usize::MAX;
    // SAFETY: every pointer comes from a live reference or Vec of the stated length.
    let rc = unsafe {
        f(
            h,
            0,
            src.as_ptr(),
            src.len(),
            dst.as_mut_ptr(),
            cap,
            &mut out_len,
        )
    };
    let n = if rc == 0 { out_len } else { 0 };
    dst.truncate(n);
    (rc, out_len, dst)
}

/// Builds a netlink message: header fields, then `body` (already padded by the caller where
/// the rules pad); `nlmsg_len` is 16 + `len_body` (which may exclude trailing padding).
fn nlmsg(ty: u16, flags: u16, seq: u32, pid: u32, body: &[u8], len_body: usize) -> Vec<u8> {
    let mut m = Vec::new();
    m.extend_from_slice(&u32::try_from(16 + len_body).unwrap().to_ne_bytes());
    m.extend_from_slice(&ty.to_ne_bytes());
    m.extend_from_slice(&flags.to_ne_bytes());
    m.extend_from_slice(&seq.to_ne_bytes());
    m.extend_from_slice(&pid.to_ne_bytes());
    m.extend_from_slice(body);
    m
}

/// An attribute with its padding.
fn attr(ty: u16, payload: &[u8]) -> Vec<u8> {
    let mut a = Vec::new();
    a.extend_from_slice(&u16::try_from(4 + payload.len()).unwrap().to_ne_bytes());
    a.extend_from_slice(&ty.to_ne_bytes());
    a.extend_from_slice(payload);
    while a.len() % 4 != 0 {
        a.push(0);
    }
    a
}

/// `struct ifinfomsg` (same layout on both systems).
fn ifinfomsg(family: u8, ty: u16, index: i32, flags: u32, change: u32) -> Vec<u8> {
    let mut h = vec![family, 0];
    h.extend_from_slice(&ty.to_ne_bytes());
    h.extend_from_slice(&index.to_ne_bytes());
    h.extend_from_slice(&flags.to_ne_bytes());
    h.extend_from_slice(&change.to_ne_bytes());
    h
}

/// FreeBSD `RTM_NEWLINK` for em0: IFT_ETHER, UP|BROADCAST|DRV_RUNNING|MULTICAST|LOWER_UP.
fn freebsd_newlink_em0() -> Vec<u8> {
    let mut body = ifinfomsg(0, 6, 2, 0x1 | 0x2 | 0x40 | 0x8000 | 0x100_0000, 0);
    body.extend(attr(3, b"em0\0"));
    let n = body.len();
    nlmsg(16, 0, 5, 77, &body, n)
}

/// Its Linux form: ARPHRD_ETHER, MULTICAST 0x1000, LOWER_UP 0x10000, `eth0`, and the
/// synthesised `IFLA_QDISC "noqueue"`, `IFLA_TXQLEN 1000`, `IFLA_GROUP 0`, `IFLA_LINKMODE 0`.
fn linux_newlink_eth0() -> Vec<u8> {
    let mut body = ifinfomsg(0, 1, 2, 0x1 | 0x2 | 0x40 | 0x1000 | 0x1_0000, 0);
    body.extend(attr(3, b"eth0\0"));
    body.extend(attr(6, b"noqueue\0"));
    body.extend(attr(13, &1000u32.to_ne_bytes()));
    body.extend(attr(27, &0u32.to_ne_bytes()));
    body.extend(attr(17, &[0]));
    let n = body.len();
    nlmsg(16, 0, 5, 77, &body, n)
}

#[test]
fn freebsd_newlink_becomes_linux() {
    let ifs = new_ifs();
    let h = host(&ifs);
    let (rc, len, out) = call(F2L, &h, &freebsd_newlink_em0(), 256);
    assert_eq!(rc, 0);
    assert_eq!(len, 80);
    assert_eq!(out, linux_newlink_eth0());
    assert!(ifs.calls.get() > 0, "the name must come from the C host");
}

#[test]
fn linux_getaddr_17_bytes_family() {
    let ifs = new_ifs();
    let h = host(&ifs);
    // RTM_GETADDR, NLM_F_REQUEST|NLM_F_DUMP, one byte of ifaddrmsg: AF_INET6 (Linux 10).
    let req = nlmsg(22, 0x301, 9, 0, &[10], 1);
    assert_eq!(req.len(), 17);
    let (rc, len, out) = call(L2F, &h, &req, 64);
    assert_eq!(rc, 0);
    // FreeBSD AF_INET6 is 28; nlmsg_len stays 17, the output is padded to 20.
    let mut want = nlmsg(22, 0x301, 9, 0, &[28, 0, 0, 0], 1);
    want.truncate(20);
    assert_eq!((len, out), (20, want));
}

#[test]
fn linux_getlink_ifname_eth1_is_em1() {
    let ifs = new_ifs();
    let h = host(&ifs);
    let mut body = ifinfomsg(0, 0, 0, 0, 0);
    body.extend(attr(3, b"eth1\0"));
    let n = body.len();
    let (rc, _, out) = call(L2F, &h, &nlmsg(18, 0x1, 3, 0, &body, n), 128);
    assert_eq!(rc, 0);
    let mut want = ifinfomsg(0, 0, 0, 0, 0);
    want.extend(attr(3, b"em1\0"));
    let n = want.len();
    assert_eq!(out, nlmsg(18, 0x1, 3, 0, &want, n));
}

#[test]
fn freebsd_error_19_is_linux_minus_19() {
    let ifs = new_ifs();
    let h = host(&ifs);
    // Capped ack: error, then only the echoed request header (RTM_GETLINK, 32 bytes long).
    let echo = nlmsg(18, 0x5, 7, 1234, &[], 16);
    let mut body = 19i32.to_ne_bytes().to_vec();
    body.extend_from_slice(&echo[..16]);
    let n = body.len();
    let (rc, _, out) = call(F2L, &h, &nlmsg(2, 0x100, 7, 1234, &body, n), 64);
    assert_eq!(rc, 0);
    let mut want = (-19i32).to_ne_bytes().to_vec();
    want.extend_from_slice(&echo[..16]);
    assert_eq!(out, nlmsg(2, 0x100, 7, 1234, &want, n));
}

#[test]
fn too_small_reports_needed_size() {
    let ifs = new_ifs();
    let h = host(&ifs);
    let src = freebsd_newlink_em0();
    for cap in [0, 1, 16, 79] {
        let (rc, len, _) = call(F2L, &h, &src, cap);
        assert_eq!((rc, len), (NLCOMPAT_ENOBUFS, 80), "cap {cap}");
    }
    // The size query with a NULL destination.
    let mut out_len = 0usize;
    // SAFETY: `src` is live; `dst` is NULL with capacity 0, which the contract allows.
    let rc = unsafe {
        nlcompat_freebsd_to_linux(
            &h,
            0,
            src.as_ptr(),
            src.len(),
            ptr::null_mut(),
            0,
            &mut out_len,
        )
    };
    assert_eq!((rc, out_len), (NLCOMPAT_ENOBUFS, 80));
}

#[test]
fn null_and_bad_arguments_are_einval() {
    let ifs = new_ifs();
    let h = host(&ifs);
    let src = freebsd_newlink_em0();
    let mut dst = [0u8; 128];
    let mut out_len = 5usize;
    // Only raw pointers from here on, so the glue's writes do not invalidate a reference.
    let o: *mut usize = &mut out_len;
    let s = src.as_ptr();
    let d = dst.as_mut_ptr();
    let hp: *const NlcompatHost = &h;
    let hmis = hp.cast::<u8>().wrapping_add(1).cast::<NlcompatHost>();
    let omis = o.cast::<u8>().wrapping_add(1).cast::<usize>();
    let n = src.len();
    type Args = (*const NlcompatHost, c_int, *const u8, usize, *mut u8, usize);
    let cases: [Args; 8] = [
        (ptr::null(), 0, s, n, d, 128),
        (hmis, 0, s, n, d, 128),
        (hp, 0, ptr::null(), 16, d, 128),
        (hp, 0, ptr::null(), 0, d, 128),
        (hp, 0, s, n, ptr::null_mut(), 128),
        (hp, -1, s, n, d, 128),
        (hp, 0, s, usize::MAX, d, 128),
        (hp, 0, s, n, d, usize::MAX),
    ];
    for f in [L2F, F2L] {
        for (i, &(h, proto, s, sl, d, dl)) in cases.iter().enumerate() {
            // SAFETY: `o` points to `out_len`; every other pointer is NULL, misaligned or
            // from a live buffer, and each bad combination is refused before any access.
            unsafe {
                o.write(5);
                assert_eq!(f(h, proto, s, sl, d, dl, o), NLCOMPAT_EINVAL, "case {i}");
                assert_eq!(o.read(), 0, "case {i}: out_len must be reset");
            }
        }
        // SAFETY: as above; `out_len` NULL or misaligned is refused before any access.
        unsafe {
            assert_eq!(f(hp, 0, s, n, d, 128, ptr::null_mut()), NLCOMPAT_EINVAL);
            o.write(5);
            assert_eq!(f(hp, 0, s, n, d, 128, omis), NLCOMPAT_EINVAL);
            assert_eq!(o.read(), 5, "a misaligned out_len is never written");
        }
    }
}

#[test]
fn overlapping_buffers_are_refused() {
    let ifs = new_ifs();
    let h = host(&ifs);
    let src = freebsd_newlink_em0();
    let mut buf = vec![0u8; 256];
    buf[..src.len()].copy_from_slice(&src);
    let mut out_len = 0usize;
    let base = buf.as_mut_ptr();
    // SAFETY: both ranges lie inside `buf`; the overlap is refused before any slice exists.
    let rc = unsafe {
        nlcompat_freebsd_to_linux(&h, 0, base, src.len(), base.add(8), 128, &mut out_len)
    };
    assert_eq!(rc, NLCOMPAT_EINVAL);
    // Adjacent is fine: the destination starts right after the source (the scratch layout).
    // SAFETY: `[0, len)` and `[len, len + 128)` are disjoint parts of `buf`.
    let rc = unsafe {
        nlcompat_freebsd_to_linux(
            &h,
            0,
            base,
            src.len(),
            base.add(src.len()),
            128,
            &mut out_len,
        )
    };
    assert_eq!((rc, out_len), (0, 80));
    assert_eq!(&buf[src.len()..src.len() + 80], &linux_newlink_eth0()[..]);
}

#[test]
fn malformed_framing() {
    let ifs = new_ifs();
    let h = host(&ifs);
    let mut bad = freebsd_newlink_em0();
    bad[..4].copy_from_slice(&8u32.to_ne_bytes());
    // FreeBSD input comes from the kernel: bad framing fails the call.
    assert_eq!(call(F2L, &h, &bad, 128).0, NLCOMPAT_EINVAL);
    // Linux input ends silently at nlmsg_len < 16, as netlink_rcv_skb() does.
    assert_eq!(call(L2F, &h, &bad, 128), (0, 0, vec![]));
    // An unknown NETLINK_ROUTE type from Linux is FreeBSD EOPNOTSUPP (45).
    assert_eq!(call(L2F, &h, &nlmsg(999, 1, 1, 0, &[], 0), 128).0, 45);
}

#[test]
fn null_callbacks_mean_not_found() {
    let h = NlcompatHost {
        ctx: ptr::null_mut(),
        ifname: None,
        ifindex: None,
        iftype: None,
        linux_ethno: None,
        ifindex_by_ethno: None,
        first_loopback: None,
        use_real_ifnames: 0,
    };
    let (rc, _, out) = call(F2L, &h, &freebsd_newlink_em0(), 256);
    assert_eq!(rc, 0);
    // Unknown interface: the FreeBSD name passes unchanged ("em0\0" is 8 bytes, 4 fewer).
    assert_eq!(out.len(), 76);
    assert_eq!(&out[32..40], &attr(3, b"em0\0")[..]);
}

/// A host whose `ifname` claims more bytes than the buffer holds must not be trusted.
#[test]
fn lying_ifname_length_is_not_found() {
    unsafe extern "C" fn liar(_: *mut c_void, _: u32, _: *mut c_char, len: usize) -> usize {
        len + 100
    }
    let ifs = new_ifs();
    let mut h = host(&ifs);
    h.ifname = Some(liar);
    let (rc, _, out) = call(F2L, &h, &freebsd_newlink_em0(), 256);
    assert_eq!(rc, 0);
    assert_eq!(&out[32..40], &attr(3, b"em0\0")[..]);
}

#[test]
fn retry_size_always_grows() {
    assert_eq!(outcome(Err(Error::NoSpace { needed: 72 }), 16), (55, 72));
    assert_eq!(outcome(Err(Error::NoSpace { needed: 40 }), 64), (55, 128));
    assert_eq!(outcome(Err(Error::NoSpace { needed: 0 }), 0), (55, 1));
    assert_eq!(outcome(Ok(12), 16), (0, 12));
    assert_eq!(
        outcome(Err(Error::Unsupported { msg_type: 99 }), 16),
        (45, 0)
    );
}

#[test]
fn overlap_arithmetic() {
    assert!(!overlaps(100, 10, 110, 10));
    assert!(overlaps(100, 11, 110, 10));
    assert!(overlaps(110, 10, 100, 11));
    assert!(!overlaps(100, 0, 100, 10));
    assert!(overlaps(usize::MAX - 1, 4, 0, 1));
}

/// A FreeBSD `RTM_NEWROUTE` whose last attribute, an `RTA_VIA` (18) with address family 99,
/// cannot be translated: the translator writes the route first, then replaces it by a
/// 36-byte `NLMSG_ERROR`. A destination that the route overflows but the error fits must be
/// enough: the overflow happened in the part that was taken back.
#[test]
fn rewound_overflow_does_not_ask_for_more() {
    let ifs = new_ifs();
    let h = host(&ifs);
    // struct rtmsg: AF_INET, /32, main table 254, RTPROT_STATIC 4, RT_SCOPE_UNIVERSE, unicast.
    let mut body = vec![2, 32, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0];
    body.extend(attr(1, &[10, 0, 0, 1])); // RTA_DST
    body.extend(attr(4, &2u32.to_ne_bytes())); // RTA_OIF
    body.extend(attr(6, &[0u8; 64][..4])); // RTA_PRIORITY
    body.extend(attr(18, &[99, 1, 2, 3, 4])); // RTA_VIA, family 99
    let n = body.len();
    let src = nlmsg(24, 0, 3, 0, &body, n);
    // Enough room for the error (36 bytes), not for the route written before the failure.
    let (rc, len, out) = call(F2L, &h, &src, 40);
    assert_eq!(rc, 0);
    // NLMSG_ERROR, NLM_F_CAPPED, -EAFNOSUPPORT (Linux 97), the route's header echoed.
    let mut want = (-97i32).to_ne_bytes().to_vec();
    want.extend_from_slice(&src[..16]);
    assert_eq!((len, out), (36, nlmsg(2, 0x100, 3, 0, &want, 20)));
}

/// `nlcompat_first_datagram`: a reply and its ack are two datagrams; dump parts with their
/// `NLMSG_DONE` one; bad pointers and empty input 0.
#[test]
fn first_datagram_cuts_like_linux() {
    // RTM_NEWLINK reply (flags 0) then NLMSG_ERROR ack (NLM_F_CAPPED, header echoed).
    let mut s = nlmsg(16, 0, 4, 9, &[0u8; 16], 16);
    s.extend(nlmsg(2, 0x100, 4, 9, &[0u8; 20], 20));
    // SAFETY: `s` is a live vector of `s.len()` bytes.
    let n = unsafe { nlcompat_first_datagram(s.as_ptr(), s.len(), NLCOMPAT_NLMSG_GOODSIZE) };
    assert_eq!(n, 32);
    // Two NLM_F_MULTI parts and the DONE (NLM_F_MULTI): one datagram.
    let mut d = nlmsg(16, 2, 5, 9, &[0u8; 16], 16);
    d.extend(nlmsg(16, 2, 5, 9, &[0u8; 16], 16));
    d.extend(nlmsg(3, 2, 5, 9, &[0u8; 4], 4));
    // SAFETY: `d` is a live vector of `d.len()` bytes.
    let n = unsafe { nlcompat_first_datagram(d.as_ptr(), d.len(), NLCOMPAT_NLMSG_GOODSIZE) };
    assert_eq!(n, 84);
    // A 40-byte limit: one part per datagram.
    // SAFETY: as above.
    let n = unsafe { nlcompat_first_datagram(d.as_ptr(), d.len(), 40) };
    assert_eq!(n, 32);
    // SAFETY: a NULL pointer and a zero length are refused before any read.
    unsafe {
        assert_eq!(nlcompat_first_datagram(ptr::null(), 10, 100), 0);
        assert_eq!(nlcompat_first_datagram(d.as_ptr(), 0, 100), 0);
    }
}
