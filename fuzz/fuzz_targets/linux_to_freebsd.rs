// SPDX-License-Identifier: BSD-2-Clause
//! Arbitrary bytes into `nlcompat::to_freebsd`: must never panic; any output must re-parse, and a
//! too-small buffer must report a size that then suffices.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use nlcompat::wire::Messages;

fuzz_target!(|data: &[u8]| {
    let host = common::host();
    let ctx = nlcompat::Ctx::new(&host, common::proto(data));
    let mut small = [0u8; 64];
    let needed = match nlcompat::to_freebsd(&ctx, nlcompat::Linux::new(data), &mut small) {
        Err(nlcompat::Error::NoSpace { needed }) => Some(needed as usize),
        _ => None,
    };
    let mut out = vec![0u8; needed.unwrap_or(data.len() * 2 + 1024)];
    if let Ok(bytes) = nlcompat::to_freebsd(&ctx, nlcompat::Linux::new(data), &mut out) {
        for m in Messages::new(bytes.bytes()) {
            assert!(m.is_ok(), "translator output does not re-parse");
        }
        if let Some(n) = needed {
            assert_eq!(bytes.bytes().len(), n, "reported size differs from the output");
        }
    }
});
