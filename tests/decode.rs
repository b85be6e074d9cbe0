// SPDX-License-Identifier: BSD-2-Clause
//! Independent decoders on the Linux side of the golden corpus: every Linux message the
//! translator produces from `tests/vectors/freebsd/` must decode with netlink-packet-route
//! (which follows this host's Linux values, so it only ever sees Linux-format bytes here) and
//! with iproute2's offline decoder `ip -d monitor file` (skipped when `ip` is missing).
//! The raw captures go through the same decoders as a control.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::as_conversions,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::panic
)]

mod common;

use common::*;
use netlink_packet_core::{NetlinkMessage, NetlinkPayload};
use netlink_packet_route::RouteNetlinkMessage;

const REPLIES: &[&str] = &[
    "newlink_dump",
    "newaddr_dump_v4",
    "newaddr_dump_v6",
    "newroute_dump_v4",
    "newroute_dump_v6",
    "newneigh_dump",
    "newnexthop_dump",
    "error_nexthop_badgw",
    "error_newlink_badmtu",
];

fn read(dir: &str, name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/vectors/{dir}/{name}.bin",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The translator's Linux output for each reply vector.
fn outputs() -> Vec<(&'static str, Vec<u8>)> {
    REPLIES
        .iter()
        .map(|n| {
            (
                *n,
                to_lx(&read("freebsd", n)).unwrap_or_else(|e| panic!("{n}: {e:?}")),
            )
        })
        .collect()
}

/// Splits a stream into whole messages (header + payload, padding excluded).
fn split(b: &[u8]) -> Vec<&[u8]> {
    let mut v = Vec::new();
    let mut off = 0;
    while off + 16 <= b.len() {
        let len = u32_at(b, off) as usize;
        assert!(len >= 16 && off + len <= b.len(), "framing at {off}");
        v.push(&b[off..off + len]);
        off += (len + 3) & !3;
    }
    assert_eq!(off, b.len(), "trailing bytes");
    v
}

/// netlink-packet-route 0.34 has no `RTM_*NEXTHOP` messages; `ip monitor file` decodes them.
fn crate_knows(m: &[u8]) -> bool {
    !(104..=106).contains(&u16::from_ne_bytes([m[4], m[5]]))
}

/// Decodes every message; an attribute the crate could not type (`Other`) for a message it
/// knows is reported, as is any decode error.
fn decode_all(name: &str, stream: &[u8]) {
    for (i, m) in split(stream)
        .into_iter()
        .enumerate()
        .filter(|(_, m)| crate_knows(m))
    {
        let msg = NetlinkMessage::<RouteNetlinkMessage>::deserialize(m)
            .unwrap_or_else(|e| panic!("{name} message {i}: {e:?}\n{m:02x?}"));
        if let NetlinkPayload::InnerMessage(inner) = &msg.payload {
            let dbg = format!("{inner:?}");
            assert!(
                !dbg.contains("Other("),
                "{name} message {i}: untyped attribute: {dbg}"
            );
        }
    }
}

#[test]
fn translator_output_decodes_with_netlink_packet_route() {
    for (name, out) in outputs() {
        decode_all(name, &out);
    }
}

/// Control: the decoder accepts the real Linux bytes the vectors came from (attributes newer
/// than the crate may be untyped there, so only decode errors count).
#[test]
fn raw_captures_decode_with_netlink_packet_route() {
    for name in REPLIES {
        let raw = read("linux", name);
        let msgs = split(&raw);
        for (i, m) in msgs.into_iter().enumerate().filter(|(_, m)| crate_knows(m)) {
            NetlinkMessage::<RouteNetlinkMessage>::deserialize(m)
                .unwrap_or_else(|e| panic!("{name} message {i}: {e:?}"));
        }
    }
}

fn ip_available() -> bool {
    std::process::Command::new("ip")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs `ip -d monitor file` on a stream and returns what it printed.
fn ip_monitor(tag: &str, name: &str, stream: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("nlcompat-decode-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{tag}-{name}.bin"));
    std::fs::write(&path, stream).unwrap();
    let out = std::process::Command::new("ip")
        .args(["-d", "monitor", "file"])
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "{name}: ip exited with {}: {text}",
        out.status
    );
    text
}

/// Words iproute2 prints for messages or attributes it cannot decode.
const BAD: &[&str] = &[
    "Unknown", "unknown", "Deficit", "runcated", "BUG", "rror", "!!!", "alformed", "Invalid",
];

fn bad_lines(text: &str) -> Vec<&str> {
    text.lines()
        // `ip` looks a route's nexthop id up in the live kernel, which does not have it.
        .filter(|l| !l.starts_with("RTNETLINK answers: No such file or directory"))
        .filter(|l| BAD.iter().any(|b| l.contains(b)))
        .collect()
}

fn check_ip_output(name: &str, text: &str) {
    let bad = bad_lines(text);
    assert!(bad.is_empty(), "{name}: ip printed {bad:?}\n{text}");
}

#[test]
fn translator_output_decodes_with_ip_monitor_file() {
    if !ip_available() {
        eprintln!("ip(8) not found: skipped");
        return;
    }
    for (name, out) in outputs() {
        let text = ip_monitor("out", name, &out);
        if !name.starts_with("error") {
            assert!(!text.trim().is_empty(), "{name}: ip printed nothing");
        }
        check_ip_output(name, &text);
    }
}

#[test]
fn raw_captures_decode_with_ip_monitor_file() {
    if !ip_available() {
        eprintln!("ip(8) not found: skipped");
        return;
    }
    for name in REPLIES {
        let text = ip_monitor("raw", name, &read("linux", name));
        check_ip_output(name, &text);
    }
}

/// The checks above can fail: an attribute overrunning its message is a decode error for the
/// crate and a "Deficit" line for `ip`; an unknown message type is an "Unknown" line.
#[test]
fn decoders_reject_broken_bytes() {
    let out = to_lx(&read("freebsd", "newlink_dump")).unwrap();
    let first = split(&out)[0].to_vec();
    let mut bad = first.clone();
    // Make the first attribute's nla_len run past the end of the message.
    bad[32] = 0xff;
    bad[33] = 0x7f;
    assert!(NetlinkMessage::<RouteNetlinkMessage>::deserialize(&bad).is_err());
    assert!(NetlinkMessage::<RouteNetlinkMessage>::deserialize(&first).is_ok());
    if ip_available() {
        let mut unknown = msg(99, 0, 1, 0, &[0; 4]);
        unknown.extend_from_slice(&first);
        assert!(!bad_lines(&ip_monitor("neg", "unknown", &unknown)).is_empty());
        let mut overrun = first.clone();
        overrun.truncate(48);
        overrun[0..4].copy_from_slice(&48u32.to_ne_bytes());
        overrun[32..34].copy_from_slice(&200u16.to_ne_bytes());
        assert!(!bad_lines(&ip_monitor("neg", "overrun", &overrun)).is_empty());
    }
}
