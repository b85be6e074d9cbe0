// SPDX-License-Identifier: BSD-2-Clause
//! The attribute iterator over arbitrary bytes: never panics, offsets stay in bounds, and it
//! ends after at most one error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nlcompat::wire::Attrs;

fuzz_target!(|data: &[u8]| {
    let mut errors = 0;
    for a in Attrs::new(data) {
        match a {
            Ok(a) => {
                assert!(a.offset() + 4 + a.payload().len() <= data.len());
                for n in a.nested() {
                    let _ = n;
                }
            }
            Err(_) => errors += 1,
        }
    }
    assert!(errors <= 1);
});
