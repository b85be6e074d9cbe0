// SPDX-License-Identifier: BSD-2-Clause
//! The host callbacks a C caller supplies, and their adapter to [`nlcompat::Host`].
//!
//! FreeBSD's kernel glue (`kmod/nlcompat_kmod.c`) fills a [`NlcompatHost`] with functions built
//! on `ifnet_byindex()`, `ifunit()`, `if_gettype()` and the Linuxulator's `if_linux_ethno`
//! (`sys/net/if_var.h`, `sys/compat/linux/linux_if.c`). Every callback must be callable without
//! sleeping: the outbound path runs under the netlink control rmlock, in NET_EPOCH or with an
//! LLE write lock held (`sys/netlink/netlink_linux.h`, `sys/netlink/route/neigh.c`).

use core::ffi::{c_char, c_int, c_void};
use nlcompat::host::IFNAMSIZ;
use nlcompat::{Host, IfName};

/// Interface facts supplied by C: a cookie and callbacks (C: `struct nlcompat_host`).
///
/// Interface indexes are FreeBSD's (`if_index`, never 0 for a real interface), so 0 means
/// "none" where a callback returns an index. A `NULL` callback answers "not found" for every
/// question it would have answered.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct NlcompatHost {
    /// Opaque cookie passed unchanged as the first argument of every callback.
    pub ctx: *mut c_void,
    /// Copies the FreeBSD name of interface `index` into `buf` (capacity `buf_len`, which is
    /// `IFNAMSIZ` 16) and returns its length without NUL; 0 if there is no such interface. A
    /// return value above `buf_len` is treated as "not found".
    pub ifname: Option<
        unsafe extern "C" fn(
            ctx: *mut c_void,
            index: u32,
            buf: *mut c_char,
            buf_len: usize,
        ) -> usize,
    >,
    /// The index of the interface whose FreeBSD name is `name` (`name_len` bytes followed by a
    /// NUL, as `ifunit()` wants it); 0 if none.
    pub ifindex:
        Option<unsafe extern "C" fn(ctx: *mut c_void, name: *const c_char, name_len: usize) -> u32>,
    /// The `if_type` (`IFT_*`, `sys/net/if_types.h`) of interface `index`; negative if none.
    pub iftype: Option<unsafe extern "C" fn(ctx: *mut c_void, index: u32) -> c_int>,
    /// The Linuxulator's Ethernet number (`if_linux_ethno`, the N of `ethN`) of interface
    /// `index`; negative if none or not Ethernet.
    pub linux_ethno: Option<unsafe extern "C" fn(ctx: *mut c_void, index: u32) -> c_int>,
    /// The index of the Ethernet interface whose `if_linux_ethno` is `ethno`; 0 if none.
    pub ifindex_by_ethno: Option<unsafe extern "C" fn(ctx: *mut c_void, ethno: u32) -> u32>,
    /// The index of the first `IFT_LOOP` interface; 0 if none.
    pub first_loopback: Option<unsafe extern "C" fn(ctx: *mut c_void) -> u32>,
    /// `compat.linux.use_real_ifnames`: non-zero shows FreeBSD names instead of `ethN`/`lo`.
    pub use_real_ifnames: u8,
}

/// A validated [`NlcompatHost`] seen through the translator's [`Host`] trait.
///
/// # Invariants
///
/// Every non-`NULL` callback in the wrapped struct may be called with its `ctx`, as the `# Safety`
/// sections of the exported functions require of their caller.
pub(crate) struct CHost<'a> {
    host: &'a NlcompatHost,
}

impl<'a> CHost<'a> {
    /// Wraps `host`.
    ///
    /// # Safety
    ///
    /// Each non-`NULL` callback of `host` must be safe to call with `host.ctx` and the
    /// arguments its documentation describes, for as long as the returned value lives.
    pub(crate) unsafe fn new(host: &'a NlcompatHost) -> CHost<'a> {
        // INVARIANT: the caller guarantees the callbacks are callable.
        CHost { host }
    }
}

impl Host for CHost<'_> {
    fn ifname(&self, index: u32) -> Option<IfName> {
        let f = self.host.ifname?;
        let mut buf = [0u8; IFNAMSIZ];
        // SAFETY: `f` is callable with `ctx` (type invariant); `buf` is a live, writable
        // buffer of exactly `buf.len()` bytes for the duration of the call.
        let n = unsafe { f(self.host.ctx, index, buf.as_mut_ptr().cast(), buf.len()) };
        if n == 0 {
            return None;
        }
        IfName::new(buf.get(..n)?)
    }

    fn ifindex(&self, name: &[u8]) -> Option<u32> {
        let f = self.host.ifindex?;
        if name.is_empty() || name.len() >= IFNAMSIZ || name.contains(&0) {
            return None;
        }
        // A NUL-terminated copy: `ifunit()` takes a C string.
        let mut buf = [0u8; IFNAMSIZ];
        buf.get_mut(..name.len())?.copy_from_slice(name);
        // SAFETY: `f` is callable with `ctx` (type invariant); `buf` holds `name.len()` bytes
        // and a NUL, is live for the call and is only read.
        let index = unsafe { f(self.host.ctx, buf.as_ptr().cast(), name.len()) };
        (index != 0).then_some(index)
    }

    fn iftype(&self, index: u32) -> Option<u16> {
        let f = self.host.iftype?;
        // SAFETY: `f` is callable with `ctx` (type invariant); it takes no pointer from us.
        let t = unsafe { f(self.host.ctx, index) };
        u16::try_from(t).ok()
    }

    fn linux_ethno(&self, index: u32) -> Option<u32> {
        let f = self.host.linux_ethno?;
        // SAFETY: `f` is callable with `ctx` (type invariant); it takes no pointer from us.
        let n = unsafe { f(self.host.ctx, index) };
        u32::try_from(n).ok()
    }

    fn ifindex_by_ethno(&self, n: u32) -> Option<u32> {
        let f = self.host.ifindex_by_ethno?;
        // SAFETY: `f` is callable with `ctx` (type invariant); it takes no pointer from us.
        let index = unsafe { f(self.host.ctx, n) };
        (index != 0).then_some(index)
    }

    fn first_loopback(&self) -> Option<u32> {
        let f = self.host.first_loopback?;
        // SAFETY: `f` is callable with `ctx` (type invariant); it takes no pointer from us.
        let index = unsafe { f(self.host.ctx) };
        (index != 0).then_some(index)
    }

    fn use_real_ifnames(&self) -> bool {
        self.host.use_real_ifnames != 0
    }
}
