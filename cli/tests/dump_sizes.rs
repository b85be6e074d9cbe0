// SPDX-License-Identifier: BSD-2-Clause
//! Dump datagram sizes follow the reader's receive buffer as on Linux: `netlink_dump()` sizes
//! each part by the largest buffer a receive offered so far (`max_recvmsg_len`, capped at
//! `SKB_WITH_OVERHEAD(32768)`, recorded by `netlink_recvmsg()`, `net/netlink/af_netlink.c`)
//! and packs whole messages while they fit. `dump_sizes.c` dumps 1 500 IPv4 routes reading
//! with 32 KiB, 4 KiB, 8 KiB and growing buffers, with and without iproute2's zero-length
//! `MSG_PEEK | MSG_TRUNC` probe, and prints every datagram's length and message count.
//!
//! - Linux backend: the sizes are the real kernel's, natively in a namespace.
//! - FreeBSD model: every datagram holds as many whole messages as fit in the size the
//!   reader had recorded when the part was produced.

#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

#[cfg(test)]
mod common;

use std::path::Path;
use std::process::Command;

use common::{bounded, gate, need, Cleanup, BOUND};

#[cfg(test)]
const ROUTES: usize = 1500;

#[cfg(test)]
fn dst(i: usize) -> String {
    format!("10.{}.{}.0/24", i / 250, i % 250)
}

#[cfg(test)]
fn client() -> std::path::PathBuf {
    common::build_c(include_str!("dump_sizes.c"), "dump_sizes").unwrap()
}

/// A datagram: (length, messages, length of the next datagram's first message).
#[cfg(test)]
type Dgram = (usize, usize, usize);

/// Each scenario's datagrams.
#[cfg(test)]
fn parse(out: &str) -> Vec<(String, Vec<Dgram>)> {
    out.lines()
        .filter_map(|l| {
            let (name, rest) = l.split_once(": ")?;
            let (_, list) = rest.split_once("messages:")?;
            let v = list
                .split_whitespace()
                .map(|d| {
                    let (len, rest) = d.split_once('/').unwrap();
                    let (count, next) = rest.split_once('+').unwrap();
                    (
                        len.parse().unwrap(),
                        count.parse().unwrap(),
                        next.parse().unwrap(),
                    )
                })
                .collect();
            Some((name.to_owned(), v))
        })
        .collect()
}

#[test]
fn dump_sizes_linux_backend_match_native() {
    if !(gate() && need("cc")) {
        return;
    }
    let exe = client();
    let dir = exe.parent().unwrap().to_path_buf();
    let _c = Cleanup(dir.clone());
    let batch = dir.join("routes.batch");
    let text: String = (0..ROUTES)
        .map(|i| format!("route add {} via 192.0.2.1\n", dst(i)))
        .collect();
    std::fs::write(&batch, text).unwrap();
    let setup = dir.join("setup.txt");
    std::fs::write(
        &setup,
        format!("{}ip -batch {}\n", common::SETUP, batch.display()),
    )
    .unwrap();
    let script = format!(
        "set -e\nip link set lo up\n{}ip -batch {}\nexec \"$@\"",
        common::SETUP,
        batch.display()
    );
    let native = bounded(
        Command::new("unshare")
            .args(["-n", "sh", "-c", &script, "sh"])
            .arg(&exe),
        BOUND,
    );
    assert_eq!(native.code, Some(0), "{}", native.stderr);
    let runner = bounded(
        Command::new(env!("CARGO_BIN_EXE_nlcompat"))
            .args(["run", "--backend", "linux", "--netns-setup"])
            .arg(&setup)
            .arg("--")
            .arg(&exe),
        BOUND,
    );
    assert_eq!(runner.code, Some(0), "{}", runner.stderr);
    assert_eq!(runner.stdout, native.stdout);
    // Not trivial: natively a 32 KiB reader gets 32 400-byte parts after the first.
    let n = parse(&native.stdout);
    let big = n.iter().find(|(name, _)| name == "32k").unwrap();
    assert!(
        big.1.iter().any(|&(len, _, _)| len > 30_000),
        "{}",
        native.stdout
    );
    assert!(big.1.len() < 10, "{}", native.stdout);
}

#[test]
fn dump_sizes_freebsd_model_pack_to_the_reader() {
    if !(gate() && need("cc")) {
        return;
    }
    let exe = client();
    let dir = exe.parent().unwrap().to_path_buf();
    let _c = Cleanup(dir.clone());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut topo =
        std::fs::read_to_string(root.join("freebsd-sim/topologies/default.toml")).unwrap();
    for i in 0..ROUTES {
        topo.push_str(&format!(
            "\n[[route]]\ndst = \"{}\"\ngateway = \"192.0.2.1\"\n",
            dst(i)
        ));
    }
    let toml = dir.join("routes.toml");
    std::fs::write(&toml, topo).unwrap();
    let out = bounded(
        Command::new(env!("CARGO_BIN_EXE_nlcompat"))
            .args(["run", "--topology"])
            .arg(&toml)
            .arg("--")
            .arg(&exe),
        BOUND,
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let goodsize = 3776;
    let cap = 32768 - 320;
    for (name, dgrams) in parse(&out.stdout) {
        // The reader's buffers, receive by receive (as dump_sizes.c offers them).
        let sizes: &[usize] = match name.as_str() {
            "4k" | "4k-again" => &[4096],
            "8k" | "8k-again" => &[8192],
            "grow" => &[4096, 8192, 16384, 32768, 65536],
            _ => &[32768],
        };
        let again = name.ends_with("-again") || name == "after-reply";
        let peek = name.starts_with("32k-peek");
        assert!(
            dgrams.iter().map(|d| d.1).sum::<usize>() > ROUTES,
            "{name}: {dgrams:?}"
        );
        // What the reader had recorded when each part was produced: the first part at dump
        // start (the earlier receives of the socket: none, or the same size for a second
        // dump), each later one at the receive of the part before (the peek offers 0 bytes and
        // produces the second part of a first dump before the first is read).
        let mut recorded = if again { *sizes.last().unwrap() } else { 0 };
        for (k, &(len, count, next)) in dgrams.iter().enumerate() {
            let limit = recorded.min(cap).max(goodsize);
            assert!(count >= 1, "{name}: {dgrams:?}");
            assert!(
                len <= limit,
                "{name} datagram {k}: {len} > {limit}: {dgrams:?}"
            );
            if next > 0 {
                assert!(
                    len + next > limit,
                    "{name} datagram {k}: {len} + next {next} would fit in {limit}: {dgrams:?}"
                );
            }
            let offered = sizes[k.min(sizes.len() - 1)];
            if !(peek && !again && k == 0) {
                recorded = recorded.max(offered);
            }
        }
    }
    assert!(out.stdout.contains("after-reply"), "{}", out.stdout);
}
