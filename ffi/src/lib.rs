// SPDX-License-Identifier: BSD-2-Clause
//! C ABI of the translator for FreeBSD's kernel (the only crate that may use `unsafe`).
//!
//! Two functions, one per direction, both with the same shape: the caller owns every buffer,
//! nothing is allocated, nothing sleeps, nothing panics. They serve FreeBSD's Linux netlink
//! provider interface (`sys/netlink/netlink_linux.h` @0dcfecbf, the `nl_buf` generation):
//! [`nlcompat_linux_to_freebsd`] backs `msg_from_linux_cb_t`, [`nlcompat_freebsd_to_linux`]
//! backs `msgs_to_linux_cb_t`.
//!
//! # Return convention (both functions)
//!
//! `0` on success, otherwise a **positive FreeBSD errno** (`sys/sys/errno.h`), because
//! `msg_from_linux_cb_t` must return exactly that and FreeBSD kernel code tests errnos that
//! way; negative Linux-style errnos would need a conversion in C on every path. Where the
//! process must see the error, the translator itself produces the Linux-numbered, negated
//! value inside the `NLMSG_ERROR` or `NLMSG_DONE` it writes.
//!
//! - [`NLCOMPAT_ENOBUFS`] (55): `dst` is too small. `*out_len` is a size to retry with,
//!   always larger than `dst_cap`.
//! - [`NLCOMPAT_EINVAL`] (22): a `NULL` or misaligned pointer, overlapping buffers, a length
//!   above `PTRDIFF_MAX`, a negative protocol, or malformed framing from the kernel.
//! - Other values: the translator's error for the input (`EOPNOTSUPP`, `EAFNOSUPPORT`,
//!   `ENODEV`, `EMSGSIZE`, ... in FreeBSD numbering).
//!
//! `*out_len` is the output length on success, the retry size with `ENOBUFS`, 0 otherwise.
//!
//! Built with the `kernel` feature the crate is `no_std` and brings its own panic handler;
//! without it (host builds for the C driver test and miri) it links `std`.
#![cfg_attr(feature = "kernel", no_std)]
#![expect(unsafe_code, reason = "this crate is the C boundary")]

pub mod host;

pub use host::NlcompatHost;

use core::ffi::c_int;
use host::CHost;
use nlcompat::{Ctx, Dir, Error, Freebsd, Linux, Proto};

/// FreeBSD `EINVAL` (`sys/sys/errno.h`): bad arguments or malformed kernel framing.
pub const NLCOMPAT_EINVAL: c_int = 22;
/// FreeBSD `ENOBUFS` (`sys/sys/errno.h`): the destination is too small; see `*out_len`.
pub const NLCOMPAT_ENOBUFS: c_int = 55;

// The literals above are what cbindgen can export; they must equal the ABI crate's values.
const _: () = assert!(NLCOMPAT_EINVAL == freebsd_abi::EINVAL);
const _: () = assert!(NLCOMPAT_ENOBUFS == freebsd_abi::ENOBUFS);

/// Rewrites Linux netlink requests into FreeBSD form.
///
/// Translates the `src_len` bytes at `src` (one message or a buffer of them, Linux ABI, as a
/// Linux process sent them) for a socket of protocol `proto` (`NETLINK_ROUTE` 0,
/// `NETLINK_GENERIC` 16, ...) into `dst`. The walk ends silently at an `nlmsg_len` below 16
/// or past the end, as Linux's `netlink_rcv_skb()` does. Returns 0 or a positive FreeBSD
/// errno (see the return convention atop `nlcompat.h`); `ENOBUFS` reports the needed size
/// in `*out_len`. `dst` may be `NULL` when `dst_cap` is 0, to ask for the size only.
///
/// # Safety
///
/// - `host` is `NULL` or points to a valid `struct nlcompat_host` whose non-`NULL` callbacks
///   may be called with its `ctx` from the calling context, and do not unwind.
/// - `src` is `NULL` or valid for reads of `src_len` bytes; `dst` is `NULL` or valid for
///   writes of `dst_cap` bytes; `out_len` is `NULL` or valid for a write of a `size_t`.
/// - None of these memory areas is written by anyone else during the call (overlap between
///   `src` and `dst` is detected and refused).
#[no_mangle]
pub unsafe extern "C" fn nlcompat_linux_to_freebsd(
    host: *const NlcompatHost,
    proto: c_int,
    src: *const u8,
    src_len: usize,
    dst: *mut u8,
    dst_cap: usize,
    out_len: *mut usize,
) -> c_int {
    // SAFETY: forwarded verbatim; this function's contract is `translate`'s.
    unsafe {
        translate(
            Dir::LinuxToFreebsd,
            host,
            proto,
            src,
            src_len,
            dst,
            dst_cap,
            out_len,
        )
    }
}

/// Translates a buffer of FreeBSD netlink messages into Linux form.
///
/// Translates the `src_len` bytes at `src` (replies, dump parts, acks, errors, notifications
/// in FreeBSD's ABI, as FreeBSD's netlink core built them) for a socket of protocol `proto`
/// into `dst`. A message that cannot be translated becomes an `NLMSG_ERROR` (or an
/// `NLMSG_DONE` ending its dump) carrying the errno, so the process always hears of it;
/// malformed framing fails the whole call with `EINVAL`. Returns 0 or a positive FreeBSD
/// errno (see the return convention atop `nlcompat.h`); `ENOBUFS` reports the needed size
/// in `*out_len`, so the caller can allocate with `M_NOWAIT` and call again. `dst` may be
/// `NULL` when `dst_cap` is 0, to ask for the size only.
///
/// # Safety
///
/// - `host` is `NULL` or points to a valid `struct nlcompat_host` whose non-`NULL` callbacks
///   may be called with its `ctx` from the calling context, and do not unwind.
/// - `src` is `NULL` or valid for reads of `src_len` bytes; `dst` is `NULL` or valid for
///   writes of `dst_cap` bytes; `out_len` is `NULL` or valid for a write of a `size_t`.
/// - None of these memory areas is written by anyone else during the call (overlap between
///   `src` and `dst` is detected and refused).
#[no_mangle]
pub unsafe extern "C" fn nlcompat_freebsd_to_linux(
    host: *const NlcompatHost,
    proto: c_int,
    src: *const u8,
    src_len: usize,
    dst: *mut u8,
    dst_cap: usize,
    out_len: *mut usize,
) -> c_int {
    // SAFETY: forwarded verbatim; this function's contract is `translate`'s.
    unsafe {
        translate(
            Dir::FreebsdToLinux,
            host,
            proto,
            src,
            src_len,
            dst,
            dst_cap,
            out_len,
        )
    }
}

/// Linux's dump part size with 4 KiB pages (`NLMSG_GOODSIZE`), the `limit` to pass to
/// [`nlcompat_first_datagram`] for a Linux socket.
pub const NLCOMPAT_NLMSG_GOODSIZE: usize = 3776;

const _: () = assert!(NLCOMPAT_NLMSG_GOODSIZE == nlcompat::framing::NLMSG_GOODSIZE);

/// Length of the first Linux datagram in a buffer of translated (Linux) messages.
///
/// Linux queues each reply, ack, error and notification as a datagram of its own and packs
/// only the parts of one dump (up to `limit` bytes, the `NLMSG_DONE` joining the last part
/// when it fits); `src` holds messages in the order the kernel side produced them. Returns
/// the byte length of the first datagram (a whole number of messages), so a caller can cut
/// the output of [`nlcompat_freebsd_to_linux`] into one `nl_buf` per datagram. 0 when `src`
/// is `NULL`, `src_len` is 0 or above `PTRDIFF_MAX`.
///
/// # Safety
///
/// `src` is `NULL` or valid for reads of `src_len` bytes that nobody writes during the call.
#[no_mangle]
pub unsafe extern "C" fn nlcompat_first_datagram(
    src: *const u8,
    src_len: usize,
    limit: usize,
) -> usize {
    if src.is_null() || src_len == 0 || src_len > MAX_LEN {
        return 0;
    }
    // SAFETY: `src` is non-null, `u8` needs no alignment, `src_len` <= isize::MAX, and the
    // caller guarantees `src_len` readable bytes that nobody writes during the call.
    let src = unsafe { core::slice::from_raw_parts(src, src_len) };
    nlcompat::framing::first_datagram(src, limit)
}

/// Largest byte length a Rust slice may have (`isize::MAX`).
const MAX_LEN: usize = isize::MAX.unsigned_abs();

/// Checks the raw arguments, builds the slices and runs the translator in direction `dir`.
///
/// # Safety
///
/// As for [`nlcompat_linux_to_freebsd`].
#[expect(clippy::too_many_arguments, reason = "mirrors the C signature")]
unsafe fn translate(
    dir: Dir,
    host: *const NlcompatHost,
    proto: c_int,
    src: *const u8,
    src_len: usize,
    dst: *mut u8,
    dst_cap: usize,
    out_len: *mut usize,
) -> c_int {
    if out_len.is_null() || !out_len.is_aligned() {
        return NLCOMPAT_EINVAL;
    }
    // SAFETY: `out_len` is non-null and aligned, and the caller guarantees it is valid for a
    // write of a `usize` that nobody else touches during the call.
    let out_len = unsafe { &mut *out_len };
    *out_len = 0;
    if host.is_null() || !host.is_aligned() || src.is_null() || src_len > MAX_LEN {
        return NLCOMPAT_EINVAL;
    }
    if (dst.is_null() && dst_cap != 0) || dst_cap > MAX_LEN {
        return NLCOMPAT_EINVAL;
    }
    if overlaps(src.addr(), src_len, dst.addr(), dst_cap) {
        return NLCOMPAT_EINVAL;
    }
    let Ok(proto) = u32::try_from(proto) else {
        return NLCOMPAT_EINVAL;
    };
    // SAFETY: `host` is non-null and aligned, and the caller guarantees it points to a valid
    // `NlcompatHost` for the duration of the call.
    let host = unsafe { &*host };
    // SAFETY: the caller guarantees the callbacks may be called with `ctx` during this call,
    // which is as long as `chost` lives.
    let chost = unsafe { CHost::new(host) };
    // SAFETY: `src` is non-null, `u8` needs no alignment, `src_len` <= isize::MAX, and the
    // caller guarantees `src_len` readable bytes that nobody writes during the call.
    let src = unsafe { core::slice::from_raw_parts(src, src_len) };
    let dst: &mut [u8] = if dst_cap == 0 {
        &mut []
    } else {
        // SAFETY: `dst` is non-null (checked above with `dst_cap != 0`), `u8` needs no
        // alignment, `dst_cap` <= isize::MAX, the caller guarantees `dst_cap` writable bytes
        // nobody else accesses during the call, and they do not overlap `src` (checked).
        unsafe { core::slice::from_raw_parts_mut(dst, dst_cap) }
    };
    let ctx = Ctx::new(&chost, Proto::from_number(proto));
    let result = match dir {
        Dir::LinuxToFreebsd => {
            nlcompat::to_freebsd(&ctx, Linux::new(src), dst).map(|out| out.bytes().len())
        }
        Dir::FreebsdToLinux => {
            nlcompat::to_linux(&ctx, Freebsd::new(src), dst).map(|out| out.bytes().len())
        }
    };
    let (errno, len) = outcome(result, dst_cap);
    *out_len = len;
    errno
}

/// The return value and `*out_len` for a translator result into a `dst_cap`-byte buffer.
fn outcome(result: Result<usize, Error>, dst_cap: usize) -> (c_int, usize) {
    match result {
        Ok(len) => (0, len),
        Err(Error::NoSpace { needed }) => {
            let needed = usize::try_from(needed).unwrap_or(usize::MAX);
            // The writer counts the bytes of messages it later rewinds, so in rare cases the
            // final output would fit although writing it overflowed: ask for more, never for
            // the same size again, so a caller's retry loop always grows.
            let retry = if needed > dst_cap {
                needed
            } else {
                dst_cap.saturating_mul(2).max(dst_cap.saturating_add(1))
            };
            (NLCOMPAT_ENOBUFS, retry)
        }
        Err(e) => {
            let errno = e.freebsd_errno();
            (if errno > 0 { errno } else { NLCOMPAT_EINVAL }, 0)
        }
    }
}

/// Whether the byte ranges `[a, a + a_len)` and `[b, b + b_len)` share a byte; a range that
/// would wrap around the address space counts as overlapping.
fn overlaps(a: usize, a_len: usize, b: usize, b_len: usize) -> bool {
    if a_len == 0 || b_len == 0 {
        return false;
    }
    match (a.checked_add(a_len), b.checked_add(b_len)) {
        (Some(a_end), Some(b_end)) => a < b_end && b < a_end,
        _ => true,
    }
}

#[cfg(feature = "kernel")]
mod kernel {
    extern "C" {
        /// Supplied by the kernel glue (`panic(9)` there). `make kernel` proves it is never
        /// referenced by reachable code.
        fn nlcompat_panic_hook() -> !;
    }

    #[panic_handler]
    fn panic(_info: &core::panic::PanicInfo<'_>) -> ! {
        // SAFETY: the hook takes no arguments and never returns, as its C prototype says.
        unsafe { nlcompat_panic_hook() }
    }
}

#[cfg(test)]
mod tests;
