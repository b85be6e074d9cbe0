// SPDX-License-Identifier: BSD-2-Clause
//! Arbitrary bytes into `nlcompat::to_freebsd` (requests of a Linux process), with every
//! invariant of `common::check`: re-parses, exact `NoSpace` sizes, no shortened output for any
//! capacity, independent of the buffer's prior contents, deterministic. Byte 0 picks the
//! protocol and the `use_real_ifnames` switch, byte 1 the extra capacity tried.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nlcompat::Dir;

fuzz_target!(|data: &[u8]| {
    let host = if data.first().is_some_and(|b| b & 4 != 0) {
        common::host_real()
    } else {
        common::host()
    };
    let ctx = nlcompat::Ctx::new(&host, common::proto(data));
    let sel = data.get(1).copied().unwrap_or(0);
    let _ = common::check(&ctx, Dir::LinuxToFreebsd, data, sel);
});
