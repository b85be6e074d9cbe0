// SPDX-License-Identifier: BSD-2-Clause
//! Linux → FreeBSD → Linux: the engine must accept its own output in the other direction
//! (every pass under all of `common::check`'s invariants), and the round trip reaches a fixed
//! point: once a buffer has made one round trip, a second one returns the same family messages
//! (attribute order aside: attributes are a set; control messages are normalised). (The first
//! round trip may change a buffer: the Linux-bound direction normalises what kernels send,
//! e.g. it adds the attributes Linux always carries and folds flags FreeBSD lacks.)
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nlcompat::Dir;

fuzz_target!(|data: &[u8]| {
    let host = common::host();
    let ctx = nlcompat::Ctx::new(&host, common::proto(data));
    let sel = data.get(1).copied().unwrap_or(0);
    let Ok(b1) = common::check(&ctx, Dir::LinuxToFreebsd, data, sel) else {
        return;
    };
    let back = |b: &[u8]| {
        common::check(&ctx, Dir::FreebsdToLinux, b, sel).unwrap_or_else(|e| {
            panic!("FreeBSD output of the translator failed to translate back: {e:?}\n{b:02x?}")
        })
    };
    let forth = |l: &[u8]| {
        common::check(&ctx, Dir::LinuxToFreebsd, l, sel).unwrap_or_else(|e| {
            panic!("Linux output of the translator failed to translate again: {e:?}\n{l:02x?}")
        })
    };
    let l1 = back(&b1);
    let b2 = forth(&l1);
    let l2 = back(&b2);
    // Control messages (`NLMSG_ERROR`, `NLMSG_DONE`) are what kernels send; a process that
    // sends one gets it normalised (a DONE gains its errno, an echoed request is translated
    // field by field), so the fixed point is asserted on family messages only.
    let canon = |b: &[u8]| {
        let mut c = common::canonical(ctx.proto, b);
        c.retain(|(head, _)| u16::from_ne_bytes([head[4], head[5]]) >= 16);
        c
    };
    assert_eq!(
        canon(&l2),
        canon(&l1),
        "a second round trip changed the Linux messages"
    );
    let b3 = forth(&l2);
    assert_eq!(
        canon(&b3),
        canon(&b2),
        "a second round trip changed the FreeBSD messages"
    );
});
