// SPDX-License-Identifier: BSD-2-Clause
//! Compiles `tests/c/driver.c` against `include/nlcompat.h` and the host-target staticlib, runs
//! it and checks its exit status. The C program holds the expected bytes; see its header.
//!
//! The staticlib is built by a nested `cargo build -p nlcompat-ffi` into the same target
//! directory and profile as this test (cargo does not keep the build lock while tests run).
//! `CC` selects the compiler (default `cc`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

#[test]
fn c_driver() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    // This binary is `<target>/<profile>/deps/<exe>`.
    let exe = std::env::current_exe().unwrap();
    let profile_dir: PathBuf = exe.parent().and_then(Path::parent).unwrap().into();
    let target_dir = profile_dir.parent().unwrap();
    let profile = match profile_dir.file_name().and_then(|n| n.to_str()).unwrap() {
        "debug" => "dev".to_owned(),
        other => other.to_owned(),
    };
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "-p",
            "nlcompat-ffi",
            "--profile",
            &profile,
            "--target-dir",
        ])
        .arg(target_dir)
        .current_dir(manifest)
        .status()
        .unwrap();
    assert!(status.success(), "cargo build -p nlcompat-ffi failed");
    let lib = profile_dir.join("libnlcompat_ffi.a");
    assert!(lib.exists(), "{} missing", lib.display());

    let driver = profile_dir.join("nlcompat-c-driver");
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    let out = Command::new(&cc)
        .args([
            "-std=c11",
            "-Wall",
            "-Wextra",
            "-Werror",
            "-pedantic",
            "-g",
            "-I",
        ])
        .arg(manifest.join("include"))
        .arg(manifest.join("tests/c/driver.c"))
        .arg(&lib)
        .args([
            "-lgcc_s",
            "-lutil",
            "-lrt",
            "-lpthread",
            "-lm",
            "-ldl",
            "-lc",
            "-o",
        ])
        .arg(&driver)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{cc} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let run = Command::new(&driver).output().unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    // Known translator bugs stay visible even when libtest captures output: `io::stderr()`
    // written directly is not captured.
    for line in stdout.lines().filter(|l| l.starts_with("XFAIL")) {
        let _ = writeln!(std::io::stderr(), "c_driver: {line}");
    }
    assert!(run.status.success(), "C driver failed ({})", run.status);
    assert!(
        stdout.contains(" passed, 0 failed"),
        "no summary line from the C driver"
    );
}
