// SPDX-License-Identifier: BSD-2-Clause
//! The hostile-request corpus (`tests/hostile/hostile.py`: truncated and mis-sized headers,
//! bad and nested-overflowing attributes, wrong families, over-long and unterminated interface
//! names, unknown types, duplicate attributes, bad socket options and sizes, invalid groups and
//! addresses, iovec splits, zero-length and oversized sends, MSG_PEEK/MSG_TRUNC reads) sent by a
//! real Python process over raw AF_NETLINK sockets, three times: natively in a network
//! namespace, under `nlcompat run --backend linux` (the oracle) and under `nlcompat run`
//! (translator + FreeBSD model). `tests/hostile/compare.py` then requires, case by case, the
//! oracle's answer (errno, ack/error presence, echo length, port id, sequence number, flags),
//! no hang, no change of the host's state, and the runner alive to the end (every case
//! present); differences are accepted only from `tests/hostile/allowlist.txt`.
#![allow(clippy::unwrap_used, reason = "test helper")]

#[cfg(test)]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::{bounded, gate, need, tempdir, Out, SETUP};

/// Bound for one whole pass over the corpus (a pass takes ~10-20 s; every case has its own
/// 2-second timeout inside the harness).
const PASS: Duration = Duration::from_secs(300);

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/hostile")
}

/// Runs the corpus under `cmd`, checks the run ended cleanly, and stores its JSON lines.
fn pass(name: &str, cmd: &mut Command, out: &Path) -> PathBuf {
    let o: Out = bounded(cmd, PASS);
    assert_eq!(
        o.code,
        Some(0),
        "{name} pass failed (runner or harness died)\nstderr: {}",
        o.stderr
    );
    let n = o.stdout.lines().filter(|l| l.starts_with('{')).count();
    assert!(n >= 250, "{name} pass produced only {n} cases");
    let f = out.join(format!("{name}.jsonl"));
    std::fs::write(&f, &o.stdout).unwrap();
    f
}

#[test]
fn hostile_corpus_answers_like_linux() {
    if !gate() || !need("python3") {
        return;
    }
    let work = tempdir("hostile");
    let setup = work.join("setup.txt");
    std::fs::write(&setup, SETUP).unwrap();
    let script = dir().join("hostile.py");

    let native_script = format!("set -e\nip link set lo up\n{SETUP}set +e\nexec python3 \"$0\"");
    let native = pass(
        "native",
        Command::new("unshare")
            .args(["-n", "sh", "-c", &native_script])
            .arg(&script),
        &work,
    );
    let linux = pass(
        "linux",
        Command::new(env!("CARGO_BIN_EXE_nlcompat"))
            .args(["run", "--backend", "linux", "--netns-setup"])
            .arg(&setup)
            .args(["--", "python3"])
            .arg(&script),
        &work,
    );
    let freebsd = pass(
        "freebsd",
        Command::new(env!("CARGO_BIN_EXE_nlcompat"))
            .args(["run", "--", "python3"])
            .arg(&script),
        &work,
    );

    let mut cmp = Command::new("python3");
    cmp.arg(dir().join("compare.py"))
        .arg(&linux)
        .arg(format!("native={}", native.display()))
        .arg(format!("freebsd={}", freebsd.display()))
        .arg("--allow")
        .arg(dir().join("allowlist.txt"));
    let o = bounded(&mut cmp, Duration::from_secs(60));
    let _ = std::fs::remove_dir_all(&work);
    println!("{}", o.stdout);
    assert_eq!(
        o.code,
        Some(0),
        "hostile corpus: cases differ from Linux\n{}\n{}",
        o.stdout,
        o.stderr
    );
    assert!(o.stdout.contains("failed: 0"), "{}", o.stdout);
}
