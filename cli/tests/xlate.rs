// SPDX-License-Identifier: BSD-2-Clause
//! `nlcompat xlate` on the golden vectors: the command-line path must produce the same bytes
//! as the library checks in `tests/golden.rs` expect. The host is given as a topology whose
//! interfaces have the vectors' indexes (1 lo0, 2 em0, 3 em1, 4 bridge0, 5 lo1; see
//! `tests/vectors/README.md`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::Command;

const TOPOLOGY: &str = r#"
[[interface]]
name = "lo0"
type = "loopback"
up = true
[[interface]]
name = "em0"
type = "ether"
mac = "02:00:00:00:00:10"
up = true
carrier = true
[[interface]]
name = "em1"
type = "ether"
mac = "02:00:00:00:00:11"
up = true
carrier = true
[[interface]]
name = "bridge0"
type = "bridge"
mac = "02:00:00:00:00:20"
up = true
[[interface]]
name = "lo1"
type = "loopback"
"#;

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn xlate(from: &str, input: &Path, topo: &Path) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_nlcompat"))
        .args(["xlate", "--from", from, "--topology"])
        .arg(topo)
        .arg(input)
        .output()
        .expect("run nlcompat");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A topology file in a directory of the test's own (tests run in parallel threads).
fn topo_file(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nlcompat-xlate-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("host.toml");
    std::fs::write(&p, TOPOLOGY).unwrap();
    p
}

#[test]
fn requests_linux_to_freebsd() {
    let topo = topo_file("requests");
    for name in [
        "getlink_iproute2",
        "newaddr_v6_iproute2",
        "newroute_via_iproute2",
        "getaddr_go",
    ] {
        let got = xlate("linux", &vectors().join(format!("linux/{name}.bin")), &topo);
        let want = std::fs::read(vectors().join(format!("freebsd/{name}.bin"))).unwrap();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn replies_freebsd_to_linux() {
    let topo = topo_file("replies");
    for name in [
        "newlink_dump",
        "newaddr_dump_v4",
        "newroute_dump_v4",
        "newneigh_dump",
    ] {
        let got = xlate(
            "freebsd",
            &vectors().join(format!("freebsd/{name}.bin")),
            &topo,
        );
        let want = std::fs::read(vectors().join(format!("expected/{name}.bin"))).unwrap();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn bad_input_is_a_clear_error() {
    let topo = topo_file("bad");
    let dir = topo.parent().unwrap().to_path_buf();
    let bad = dir.join("bad.bin");
    // An nlmsghdr claiming 64 bytes in a 16-byte FreeBSD buffer: malformed kernel output.
    let mut b = 64u32.to_ne_bytes().to_vec();
    b.extend_from_slice(&[16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    std::fs::write(&bad, &b).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_nlcompat"))
        .args(["xlate", "--from", "freebsd", "--topology"])
        .arg(&topo)
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("nlcompat: ") && err.contains("offset 0: nlmsg_len 64 runs past the end"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// Random bytes are not netlink: a non-zero exit with the offset and the reason, never an
/// empty output with success.
#[test]
fn random_bytes_fail_with_offset_and_reason() {
    let topo = topo_file("random");
    let dir = topo.parent().unwrap().to_path_buf();
    // A fixed pseudo-random buffer (xorshift), so the failure is reproducible.
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let bytes: Vec<u8> = (0..300)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x.to_le_bytes()[0]
        })
        .collect();
    let bad = dir.join("random.bin");
    std::fs::write(&bad, &bytes).unwrap();
    for from in ["linux", "freebsd"] {
        let out = Command::new(env!("CARGO_BIN_EXE_nlcompat"))
            .args(["xlate", "--from", from, "--topology"])
            .arg(&topo)
            .arg(&bad)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{from}");
        assert!(out.stdout.is_empty(), "{from}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("offset 0: nlmsg_len"), "{from}: {err}");
    }
    // A valid message followed by a truncated one: the offset points at the second.
    let mut two = std::fs::read(vectors().join("linux/getlink_iproute2.bin")).unwrap();
    let first = two.len();
    two.extend_from_slice(&[40, 0, 0, 0, 18, 0, 1, 3]);
    std::fs::write(&bad, &two).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_nlcompat"))
        .args(["xlate", "--from", "linux", "--topology"])
        .arg(&topo)
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("offset {first}: 8 bytes left")),
        "{err}"
    );
}
