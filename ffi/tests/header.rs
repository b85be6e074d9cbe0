// SPDX-License-Identifier: BSD-2-Clause
//! Header drift check: regenerates `ffi/include/nlcompat.h` with cbindgen and fails if the
//! committed file differs. `NLCOMPAT_BLESS=1` (what `make header` sets) rewrites it instead.

use std::path::Path;

#[test]
fn header_matches_sources() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).unwrap();
    let bindings = cbindgen::Builder::new()
        .with_crate(dir)
        .with_config(config)
        .generate()
        .unwrap();
    let mut fresh = Vec::new();
    bindings.write(&mut fresh);
    let path = dir.join("include/nlcompat.h");
    if std::env::var("NLCOMPAT_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is out of date with ffi/src: run `make header` and commit the result",
        path.display()
    );
}
