// SPDX-License-Identifier: BSD-2-Clause
//! The attribute iterator over arbitrary bytes: attributes tile the buffer in order at aligned
//! offsets, every payload lies inside the buffer, at most one error ends the walk, `validate`
//! and `find` agree with the walk, and nested walks (with a base offset) obey the same rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nlcompat::wire::{Attrs, NLA_HDRLEN};

fn walk(buf: &[u8], base: usize, depth: u32) {
    let mut errors = 0;
    let mut next = base;
    let mut first_err = None;
    let mut kinds = Vec::new();
    for a in Attrs::with_base(buf, base) {
        assert_eq!(errors, 0, "an item after the error");
        match a {
            Ok(a) => {
                assert_eq!(a.offset(), next, "attributes do not tile the buffer");
                let rel = a.offset() - base;
                assert!(rel + NLA_HDRLEN + a.payload().len() <= buf.len());
                assert_eq!(a.payload_offset(), a.offset() + NLA_HDRLEN);
                assert_eq!(
                    &buf[rel + NLA_HDRLEN..rel + NLA_HDRLEN + a.payload().len()],
                    a.payload()
                );
                assert!(a.cstr().len() <= a.payload().len());
                kinds.push(a.kind());
                next = a.offset() + (NLA_HDRLEN + a.payload().len()).next_multiple_of(4);
                if depth < 4 {
                    walk(a.payload(), a.payload_offset(), depth + 1);
                }
            }
            Err(e) => {
                errors += 1;
                assert_eq!(
                    e.offset(),
                    Some(u32::try_from(next).unwrap()),
                    "error offset"
                );
                first_err = Some(e);
            }
        }
    }
    assert_eq!(Attrs::with_base(buf, base).validate().err(), first_err);
    if let Some(&k) = kinds.first() {
        assert_eq!(
            Attrs::with_base(buf, base).find(k).map(|a| a.offset()),
            Some(base)
        );
    }
}

fuzz_target!(|data: &[u8]| {
    walk(data, 0, 0);
    walk(data, 1000, 0);
});
