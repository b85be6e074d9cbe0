// SPDX-License-Identifier: BSD-2-Clause
//! Arbitrary bytes into `nlcompat::to_linux` (what FreeBSD's kernel queues for a Linux
//! process), with every invariant of `common::check`, plus: when the FreeBSD framing is sound,
//! translation succeeds (a message that cannot be translated becomes an `NLMSG_ERROR` or
//! `NLMSG_DONE`, never a failed call), and the Linux request echoed in errors (`Ctx::request`)
//! changes nothing of the framing invariants. Byte 0 picks protocol and names, byte 1 the extra
//! capacity.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nlcompat::wire::Messages;
use nlcompat::{Dir, Error};

fuzz_target!(|data: &[u8]| {
    let host = if data.first().is_some_and(|b| b & 4 != 0) {
        common::host_real()
    } else {
        common::host()
    };
    let ctx = nlcompat::Ctx::new(&host, common::proto(data));
    let sel = data.get(1).copied().unwrap_or(0);
    let out = common::check(&ctx, Dir::FreebsdToLinux, data, sel);
    let framed = Messages::new(data).all(|m| m.is_ok());
    match out {
        Ok(_) => {}
        Err(e) => {
            assert!(
                !framed,
                "well-framed kernel output failed to translate: {e:?}"
            );
            assert!(
                matches!(e, Error::Truncated { .. } | Error::BadLength { .. }),
                "malformed framing must be a framing error, got {e:?}"
            );
        }
    }
    // With the original request kept (the runner and the kernel glue keep it): the first
    // message of the input stands in for it.
    if let Some(Ok(first)) = Messages::new(data).next() {
        let ctx = ctx.with_request(Some(first.bytes()));
        let _ = common::check(&ctx, Dir::FreebsdToLinux, data, sel);
    }
});
