// SPDX-License-Identifier: BSD-2-Clause
//! The C entry points (`nlcompat_linux_to_freebsd`, `nlcompat_freebsd_to_linux`) with hostile
//! arguments: the fuzzer picks the direction, protocol (negative too), capacity, whether
//! `src`/`dst`/`out_len`/`host` are `NULL`, misaligned or overlapping, and how the host's
//! callbacks misbehave (names longer than the buffer, embedded NULs, zero-length names,
//! absurd indexes and types, `NULL` callbacks). Invariants:
//! - invalid arguments are `EINVAL` with `*out_len` 0, and `dst` untouched;
//! - success: `*out_len` ≤ capacity, the bytes equal the Rust API's with a large buffer, and
//!   are the same whatever `dst` held before;
//! - `ENOBUFS`: `*out_len` > capacity, and retrying with that size never asks for less;
//! - nothing outside `dst[..dst_cap]` is written (canaries), the source is not modified;
//! - the callbacks only ever get the buffer size `IFNAMSIZ` and NUL-terminated names.
#![no_main]

use core::ffi::{c_char, c_int, c_void};
use libfuzzer_sys::fuzz_target;
use nlcompat_ffi::{
    nlcompat_freebsd_to_linux, nlcompat_linux_to_freebsd, NlcompatHost, NLCOMPAT_EINVAL,
    NLCOMPAT_ENOBUFS,
};

/// How the host callbacks behave, chosen by the fuzzer.
struct Hostile {
    mode: u8,
}

static NAMES: [&[u8]; 5] = [b"em0", b"em1", b"lo0", b"bridge0", b"0123456789abcdef"];

fn cfg<'a>(ctx: *mut c_void) -> &'a Hostile {
    // SAFETY: the target passes a pointer to a live `Hostile` that outlives every call.
    unsafe { &*ctx.cast::<Hostile>() }
}

unsafe extern "C" fn cb_ifname(
    ctx: *mut c_void,
    index: u32,
    buf: *mut c_char,
    len: usize,
) -> usize {
    assert_eq!(len, 16, "ifname buffer must be IFNAMSIZ");
    let mode = cfg(ctx).mode;
    let Some(name) = index.checked_sub(1).and_then(|i| NAMES.get(i as usize)) else {
        // Hostile: claim a length for an unknown index.
        return if mode & 1 != 0 { usize::MAX } else { 0 };
    };
    let n = name.len().min(len);
    // SAFETY: the glue passes a writable buffer of `len` bytes.
    unsafe { core::ptr::copy_nonoverlapping(name.as_ptr(), buf.cast::<u8>(), n) };
    match mode % 4 {
        0 => n,
        1 => len + 1, // longer than the buffer
        2 => {
            // An embedded NUL inside the reported length.
            // SAFETY: index 1 < len.
            unsafe { *buf.add(1) = 0 };
            n
        }
        _ => n.min(1),
    }
}

unsafe extern "C" fn cb_ifindex(ctx: *mut c_void, name: *const c_char, len: usize) -> u32 {
    assert!(len > 0 && len < 16, "ifindex name length {len}");
    // SAFETY: the glue passes `len` bytes followed by a NUL.
    let bytes = unsafe { core::slice::from_raw_parts(name.cast::<u8>(), len + 1) };
    assert_eq!(bytes[len], 0, "name not NUL-terminated");
    let found = NAMES
        .iter()
        .position(|n| *n == &bytes[..len])
        .map_or(0, |i| i as u32 + 1);
    if found == 0 && cfg(ctx).mode & 8 != 0 {
        u32::MAX
    } else {
        found
    }
}

unsafe extern "C" fn cb_iftype(ctx: *mut c_void, index: u32) -> c_int {
    match (index, cfg(ctx).mode & 16 != 0) {
        (1 | 2, _) => 6,
        (3, _) => 24,
        (4, _) => 209,
        (_, true) => c_int::MAX,
        _ => -1,
    }
}

unsafe extern "C" fn cb_ethno(ctx: *mut c_void, index: u32) -> c_int {
    match (index, cfg(ctx).mode & 32 != 0) {
        (1, false) => 0,
        (2, false) => 1,
        (1, true) => 1, // two interfaces claiming one number
        (2, true) => 1,
        (_, true) => c_int::MIN,
        _ => -1,
    }
}

unsafe extern "C" fn cb_by_ethno(ctx: *mut c_void, n: u32) -> u32 {
    match (n, cfg(ctx).mode & 64 != 0) {
        (0, _) => 1,
        (1, _) => 2,
        (_, true) => 3, // the loopback for an Ethernet number
        _ => 0,
    }
}

unsafe extern "C" fn cb_first_loopback(ctx: *mut c_void) -> u32 {
    if cfg(ctx).mode & 128 != 0 {
        0
    } else {
        3
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

fuzz_target!(|data: &[u8]| {
    let [dir, mode, argsel, capsel, protosel, rest @ ..] = data else {
        return;
    };
    let f: Xlate = if dir & 1 == 0 {
        nlcompat_linux_to_freebsd
    } else {
        nlcompat_freebsd_to_linux
    };
    let hostile = Hostile { mode: *mode };
    let ctx = (&hostile as *const Hostile).cast_mut().cast::<c_void>();
    let null_cbs = dir & 2 != 0;
    let host = NlcompatHost {
        ctx,
        ifname: (!null_cbs).then_some(cb_ifname as _),
        ifindex: (!null_cbs).then_some(cb_ifindex as _),
        iftype: Some(cb_iftype),
        linux_ethno: (!null_cbs).then_some(cb_ethno as _),
        ifindex_by_ethno: Some(cb_by_ethno),
        first_loopback: (dir & 4 == 0).then_some(cb_first_loopback as _),
        use_real_ifnames: dir & 8,
    };
    let proto: c_int = match protosel % 5 {
        0 => 0,
        1 => 16,
        2 => -1,
        3 => c_int::MIN,
        _ => c_int::from(*protosel),
    };
    // One arena holds src and dst, so overlap can be provoked; canaries around dst.
    let src_len = rest.len();
    let cap = match capsel % 4 {
        0 => usize::from(*capsel),
        1 => 0,
        2 => usize::from(*capsel) * 16,
        _ => src_len * 3,
    };
    let mut arena = vec![0xEEu8; src_len + cap + 64];
    arena[..src_len].copy_from_slice(rest);
    let base = arena.as_mut_ptr();
    let src: *const u8 = base;
    // Default dst: after src with an 8-byte gap; argsel may break any argument.
    let dst_off = src_len + 8;
    let mut dst: *mut u8 = base.wrapping_add(dst_off);
    let mut dst_cap = cap;
    let mut src_ptr = src;
    let mut src_len_arg = src_len;
    let mut out_len: usize = 0xDEAD;
    let mut out_ptr: *mut usize = &mut out_len;
    let mut host_ptr: *const NlcompatHost = &host;
    let mut invalid = true;
    match argsel % 12 {
        0 => src_ptr = core::ptr::null(),
        1 => dst = core::ptr::null_mut(),
        2 => out_ptr = core::ptr::null_mut(),
        3 => host_ptr = core::ptr::null(),
        4 => dst_cap = usize::MAX,
        5 => src_len_arg = isize::MAX as usize + 1,
        6 => host_ptr = (host_ptr as *const u8).wrapping_add(1).cast(),
        7 => {
            // dst starts inside src (overlap), when both are non-empty.
            dst = base.wrapping_add(src_len / 2);
            invalid = src_len > 0 && dst_cap > 0;
        }
        8 => {
            // A NULL dst with capacity 0 asks for the size only: valid.
            dst = core::ptr::null_mut();
            dst_cap = 0;
            invalid = false;
        }
        _ => invalid = false,
    }
    if argsel % 12 == 1 && dst_cap == 0 {
        invalid = false;
    }
    if proto < 0 {
        invalid = true;
    }
    let snapshot = arena.clone();
    // SAFETY: every non-NULL pointer points into live memory of the stated size, except the
    // deliberately broken arguments, which the entry points must reject before any access.
    let rc = unsafe { f(host_ptr, proto, src_ptr, src_len_arg, dst, dst_cap, out_ptr) };
    if argsel % 12 == 2 {
        assert_eq!(rc, NLCOMPAT_EINVAL);
        assert_eq!(arena, snapshot, "a call with NULL out_len wrote memory");
        return;
    }
    if invalid {
        assert_eq!(
            rc, NLCOMPAT_EINVAL,
            "bad arguments accepted (argsel {argsel})"
        );
        assert_eq!(out_len, 0);
        assert_eq!(arena, snapshot, "a refused call wrote memory");
        return;
    }
    if dst != base.wrapping_add(dst_off) {
        return; // NULL dst or an empty overlapping one: nothing more to compare.
    }
    // The canaries after dst and the source are untouched.
    {
        assert_eq!(&arena[..src_len], rest, "source modified");
        assert!(
            arena[dst_off + dst_cap..].iter().all(|&b| b == 0xEE),
            "write past dst_cap"
        );
        assert!(
            arena[src_len..dst_off].iter().all(|&b| b == 0xEE),
            "write before dst"
        );
    }
    let first = arena[dst_off..dst_off + out_len.min(dst_cap)].to_vec();
    match rc {
        0 => {
            assert!(
                out_len <= dst_cap,
                "out_len {out_len} above capacity {dst_cap}"
            );
            // The same call over different garbage gives the same bytes.
            let mut other = vec![0x11u8; dst_cap];
            let mut n2 = 0usize;
            // SAFETY: valid pointers and sizes.
            let rc2 = unsafe {
                f(
                    host_ptr,
                    proto,
                    rest.as_ptr(),
                    src_len,
                    other.as_mut_ptr(),
                    dst_cap,
                    &mut n2,
                )
            };
            assert_eq!((rc2, n2), (0, out_len));
            assert_eq!(
                &other[..n2],
                &first[..],
                "output depends on prior buffer contents"
            );
        }
        NLCOMPAT_ENOBUFS => {
            assert!(
                out_len > dst_cap,
                "ENOBUFS with retry size {out_len} <= capacity {dst_cap}"
            );
            let mut retry = out_len;
            for _ in 0..4 {
                let mut buf = vec![0x77u8; retry];
                let mut n = 0usize;
                // SAFETY: valid pointers and sizes.
                let rc = unsafe {
                    f(
                        host_ptr,
                        proto,
                        rest.as_ptr(),
                        src_len,
                        buf.as_mut_ptr(),
                        retry,
                        &mut n,
                    )
                };
                match rc {
                    0 => {
                        assert!(n <= retry);
                        return;
                    }
                    NLCOMPAT_ENOBUFS => {
                        assert!(n > retry, "retry size does not grow");
                        retry = n;
                    }
                    other => panic!("retry with the reported size failed with {other}"),
                }
            }
            panic!("still ENOBUFS after 4 retries");
        }
        e => {
            assert!(e > 0, "negative return {e}");
            assert_eq!(out_len, 0, "out_len {out_len} with error {e}");
        }
    }
});
