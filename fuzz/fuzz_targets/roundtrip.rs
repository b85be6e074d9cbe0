// SPDX-License-Identifier: BSD-2-Clause
//! Linux → FreeBSD → Linux, three times: the engine must accept its own output in the other
//! direction (every pass under all of `common::check`'s invariants), and the round trips reach
//! a fixed point: the third round trip returns the same family messages as the second
//! (attribute order aside: attributes are a set). The first two may change a buffer: the
//! Linux-bound direction treats its input as kernel output, so it adds the attributes Linux
//! always carries and sets the flags Linux sets on replies and notifications, and with those
//! flags the FreeBSD-bound direction may read a dump request as a plain request and complete
//! it (e.g. a missing `RTA_DST` becomes 0.0.0.0, as Linux reads it). A pass that kept
//! changing its input would be an oscillation or unbounded growth.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nlcompat::{Dir, Error};

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
    // Linux's own verdicts on a request (`nlcompat::request::check_linux`) end the walk: the
    // Linux-bound pass gives a message the flags of a notification, and Linux refuses some
    // of those as requests (an `RTM_NEWLINK` that created an interface by index, now without
    // `NLM_F_CREATE`: `ENODEV`). Any other failure is the engine refusing its own output.
    let forth = |l: &[u8]| match common::check(&ctx, Dir::LinuxToFreebsd, l, sel) {
        Ok(b) => Some(b),
        Err(Error::Refused { .. } | Error::NoDevice { .. }) => None,
        Err(e) => {
            panic!("Linux output of the translator failed to translate again: {e:?}\n{l:02x?}")
        }
    };
    let l1 = back(&b1);
    let Some(b2) = forth(&l1) else { return };
    let l2 = back(&b2);
    let Some(b3) = forth(&l2) else { return };
    let l3 = back(&b3);
    let Some(b4) = forth(&l3) else { return };
    // Control messages (`NLMSG_ERROR`, `NLMSG_DONE`) are what kernels send; a process that
    // sends one gets it normalised (a DONE gains its errno, an echoed request is translated
    // field by field), so the fixed point is asserted on family messages only.
    let canon = |b: &[u8]| {
        let mut c = common::canonical(ctx.proto, b);
        c.retain(|(head, _)| u16::from_ne_bytes([head[4], head[5]]) >= 16);
        c
    };
    assert_eq!(
        canon(&l3),
        canon(&l2),
        "a third round trip changed the Linux messages"
    );
    assert_eq!(
        canon(&b4),
        canon(&b3),
        "a third round trip changed the FreeBSD messages"
    );
});
