// SPDX-License-Identifier: BSD-2-Clause
//! Linux → FreeBSD → Linux: the engine must accept its own output, and the second pass must
//! not fail where the first succeeded.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let host = common::host();
    let ctx = nlcompat::Ctx::new(&host, common::proto(data));
    let mut mid = vec![0u8; data.len() * 2 + 1024];
    let Ok(bsd) = nlcompat::to_freebsd(&ctx, nlcompat::Linux::new(data), &mut mid) else {
        return;
    };
    let mut back = vec![0u8; bsd.bytes().len() * 2 + 1024];
    let res = nlcompat::to_linux(&ctx, nlcompat::Freebsd::new(bsd.bytes()), &mut back);
    assert!(res.is_ok(), "FreeBSD output of the translator failed to translate back: {res:?}");
});
