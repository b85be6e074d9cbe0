// SPDX-License-Identifier: BSD-2-Clause
//! The normaliser as a compatibility suite would use it: the capture reader, decoder and
//! normaliser included by path, two recordings of the same program compared message by
//! message. Two runs differ in sequence numbers, port ids and times; after normalisation
//! they must not, while a different host must.
#![allow(
    dead_code,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

#[path = "../src/decode.rs"]
mod decode;
#[path = "../src/normalize.rs"]
mod normalize;
#[path = "../src/pcap.rs"]
mod pcap;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{bounded, gate, s, tempdir, BOUND};

fn record(dir: &Path, name: &str, opts: &[&str]) -> PathBuf {
    let file = dir.join(format!("{name}.pcapng"));
    let mut c = Command::new(env!("CARGO_BIN_EXE_nlcompat"));
    c.args(["run", "--pcap", s(&file)]).args(opts);
    c.args(["--", "ip", "-d", "addr"]);
    let o = bounded(&mut c, BOUND);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    file
}

/// The canonical form of every Linux-side message of a capture, with its socket's port id.
fn canonical(file: &Path) -> Vec<(String, u32)> {
    let mut r = pcap::Reader::open(file, 0).unwrap();
    let mut d = decode::Decoder::default();
    let mut out = Vec::new();
    while let Some(rec) = r.next_record().unwrap() {
        if rec.side != Some(pcap::Side::Linux) {
            continue;
        }
        for m in d.record(&rec, pcap::Side::Linux) {
            out.push((normalize::canonical(&m), m.port));
        }
    }
    out
}

#[test]
fn two_runs_compare_equal_and_another_host_does_not() {
    if !gate() {
        return;
    }
    let dir = tempdir("normalize");
    let a = canonical(&record(&dir, "a", &[]));
    let b = canonical(&record(&dir, "b", &[]));
    assert!(a.len() >= 8, "{a:?}");
    // The runs really differ before normalisation: each program had its own port id.
    assert!(a.iter().zip(&b).all(|(x, y)| x.1 != y.1));
    let strip = |v: &[(String, u32)]| v.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
    assert_eq!(strip(&a), strip(&b));
    let topo = dir.join("mtu.toml");
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../freebsd-sim/topologies/default.toml"),
    )
    .unwrap();
    std::fs::write(&topo, text.replacen("mtu = 1500", "mtu = 1400", 1)).unwrap();
    let c = canonical(&record(&dir, "c", &["--topology", s(&topo)]));
    assert_ne!(strip(&a), strip(&c));
    let _ = std::fs::remove_dir_all(dir);
}
