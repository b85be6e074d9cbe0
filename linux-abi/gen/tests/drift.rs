// SPDX-License-Identifier: BSD-2-Clause
//! Drift test: regenerating from this machine's uapi headers must reproduce the committed
//! `linux-abi/src/generated.rs` byte for byte. Without libclang the test is skipped with a
//! printed reason, except under CI (`CI` set), where it fails.

use std::path::Path;

#[test]
fn generated_rs_matches_headers() {
    if let Err(reason) = nlcompat_linux_abi_gen::load_libclang() {
        assert!(
            std::env::var_os("CI").is_none(),
            "libclang cannot be loaded under CI: {reason}"
        );
        println!("SKIPPED drift test: libclang cannot be loaded: {reason}");
        return;
    }
    let fresh = nlcompat_linux_abi_gen::generate().unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/generated.rs");
    let committed = std::fs::read_to_string(&path).unwrap();
    if fresh != committed {
        let line = fresh
            .lines()
            .zip(committed.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || "(length differs)".to_owned(),
                |i| format!("line {}", i + 1),
            );
        panic!(
            "linux-abi/src/generated.rs is stale (first difference at {line}); run `make abi` \
             (cargo run -p nlcompat-linux-abi-gen -- linux-abi/src/generated.rs) and commit"
        );
    }
}
