// SPDX-License-Identifier: BSD-2-Clause
//! Load and overflow (issue 12): many clients through one runner, notification floods with slow
//! readers, killed clients, a client that never reads, a thousand sockets in one process. The
//! client programs are in `tests/load/` (C, compiled here); each run happens natively in a
//! throwaway network namespace (the reference), under `nlcompat run --backend linux` and under
//! `nlcompat run` (translator + FreeBSD model), never in the build host's namespace.
//!
//! What Linux does on overflow (`net/netlink/af_netlink.c`): a notification that finds the
//! receive queue over `SO_RCVBUF` is dropped (`netlink_broadcast_deliver`), and so is a
//! kernel reply (`netlink_attachskb` with `MSG_DONTWAIT`); `netlink_overrun` then makes the next
//! receive fail once with `ENOBUFS` (not with `NETLINK_NO_ENOBUFS`) and drops everything until
//! the reader has emptied the queue (`NETLINK_S_CONGESTED`, cleared by `netlink_rcv_wake`).
//! So a reader may lose notifications, but never silently: every gap in what it receives is
//! preceded by an `ENOBUFS` of its own — that is what these tests check, on every backend.
//!
//! Each test prints its figures (wall time, the runner's peak RSS, notifications delivered,
//! `ENOBUFS` counts); `docs/robustness.md`, "Load and overflow", records them.
#![allow(
    clippy::unwrap_used,
    clippy::arithmetic_side_effects,
    clippy::as_conversions,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test helper"
)]

#[cfg(test)]
mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{gate, need, tempdir, Out, SETUP};

/// Where the helpers' sources live.
fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/load")
}

/// Compile the C helpers into a fresh directory (one binary per source, named after it).
fn helpers() -> PathBuf {
    let d = tempdir("load-bin");
    for name in [
        "clients", "changer", "listener", "slowcat", "deadbeat", "sockets",
    ] {
        let out = Command::new("cc")
            .args(["-O1", "-Wall", "-o"])
            .arg(d.join(name))
            .arg(src_dir().join(format!("{name}.c")))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "cc {name}.c: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    d
}

/// Which side serves the netlink sockets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// The real kernel, natively, in a fresh namespace seeded with [`SETUP`].
    Native,
    /// `nlcompat run --backend linux`, seeded with [`SETUP`].
    Linux,
    /// `nlcompat run` (FreeBSD model; its `eth0` is `em0`).
    Freebsd,
}

/// A finished run: its output, wall time and the runner's peak resident set (VmHWM, KiB; 0
/// natively).
#[derive(Debug)]
struct Run {
    out: Out,
    secs: f64,
    peak_kib: u64,
}

/// `VmHWM` of a live process, KiB.
fn vm_hwm(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Run `argv` on `side` within `bound`, sampling the runner's peak RSS until it exits.
fn run(side: Side, argv: &[&str], bound: Duration) -> Run {
    let work = tempdir("load-setup");
    let setup = work.join("setup.txt");
    std::fs::write(&setup, SETUP).unwrap();
    let mut cmd = match side {
        Side::Native => {
            let script = format!("set -e\nip link set lo up\n{SETUP}set +e\nexec \"$@\"");
            let mut c = Command::new("unshare");
            c.args(["-n", "sh", "-c", &script, "sh"]);
            c
        }
        Side::Linux => {
            let mut c = Command::new(env!("CARGO_BIN_EXE_nlcompat"));
            c.args(["run", "--backend", "linux", "--netns-setup"])
                .arg(&setup)
                .arg("--");
            c
        }
        Side::Freebsd => {
            let mut c = Command::new(env!("CARGO_BIN_EXE_nlcompat"));
            c.args(["run", "--"]);
            c
        }
    };
    cmd.args(argv)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().unwrap();
    let pid = child.id();
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t1 = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = so.read_to_string(&mut s);
        s
    });
    let t2 = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = se.read_to_string(&mut s);
        s
    });
    let mut peak = 0;
    let status = loop {
        if side != Side::Native {
            if let Some(h) = vm_hwm(pid) {
                peak = peak.max(h);
            }
        }
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > bound {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{side:?} {argv:?} did not finish within {bound:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = std::fs::remove_dir_all(&work);
    Run {
        out: Out {
            code: status.code(),
            stdout: t1.join().unwrap(),
            stderr: t2.join().unwrap(),
        },
        secs: start.elapsed().as_secs_f64(),
        peak_kib: peak,
    }
}

fn ok(side: Side, what: &str, r: &Run) {
    assert_eq!(
        r.out.code,
        Some(0),
        "{what} on {side:?} failed\nstdout: {}\nstderr: {}",
        r.out.stdout,
        r.out.stderr
    );
}

/// Bound on the runner's peak RSS in every load test (KiB). At rest it is about 6 MiB; it
/// would grow by the 100 000 notifications' bytes and more if queues were unbounded.
const RSS_BOUND_KIB: u64 = 32 * 1024;

fn rss_bounded(side: Side, what: &str, r: &Run) {
    if side != Side::Native {
        assert!(r.peak_kib > 0, "no RSS sample of the runner");
        assert!(
            r.peak_kib < RSS_BOUND_KIB,
            "{what} on {side:?}: the runner peaked at {} KiB",
            r.peak_kib
        );
    }
}

// ---- 1. concurrent clients ----------------------------------------------------------------

/// 16 processes × 5 000 requests through one runner: every reply on the right socket (seq
/// space per process, `nlmsg_pid` = the socket's port id), of the right type, none lost.
fn concurrent_clients(side: Side) {
    if !gate() || !need("cc") {
        return;
    }
    let bin = helpers();
    let exe = bin.join("clients");
    let r = run(
        side,
        &[exe.to_str().unwrap(), "16", "5000"],
        Duration::from_secs(150),
    );
    ok(side, "16 clients", &r);
    let per: Vec<&str> = r
        .out
        .stdout
        .lines()
        .filter(|l| l.contains(" 5000 replies,"))
        .collect();
    assert_eq!(per.len(), 16, "{}", r.out.stdout);
    assert!(
        r.out.stdout.contains("16 clients, 0 failed"),
        "{}",
        r.out.stdout
    );
    // Each client checked 100 dumps (RTM_NEWADDR parts), 500 errors and 4 400 links.
    assert!(
        per.iter().all(|l| l.contains(" 500 errors")),
        "{}",
        r.out.stdout
    );
    rss_bounded(side, "16 clients", &r);
    println!(
        "LOAD concurrent {side:?}: 16 x 5000 requests, {:.1} s, runner peak RSS {} KiB",
        r.secs, r.peak_kib
    );
    let _ = std::fs::remove_dir_all(&bin);
}

#[test]
fn concurrent_clients_native() {
    concurrent_clients(Side::Native);
}

#[test]
fn concurrent_clients_linux_backend() {
    concurrent_clients(Side::Linux);
}

#[test]
fn concurrent_clients_freebsd_backend() {
    concurrent_clients(Side::Freebsd);
}

// ---- 2. notification overflow -------------------------------------------------------------

/// Changes made in the overflow test: 50 000 routes added and deleted.
const CHANGES: u64 = 100_000;

/// What one listener saw, in order: `Some(index)` a numbered change, `None` an `ENOBUFS`.
fn events_of_listener(text: &str) -> Vec<Option<u64>> {
    let mut v = Vec::new();
    for l in text.lines() {
        if let Some(i) = l.strip_prefix("N ") {
            v.push(Some(i.parse().unwrap()));
        } else if l == "E" {
            v.push(None);
        } else {
            assert!(l.starts_with("END "), "unexpected line {l:?}");
            return v;
        }
    }
    panic!("listener output without END");
}

/// The same from `ip monitor route` output (`10.a.b.0/24 …`, `Deleted 10.a.b.0/24 …`, and
/// iproute2's `netlink receive error No buffer space available (105)`).
fn events_of_ip_monitor(text: &str) -> Vec<Option<u64>> {
    let mut v = Vec::new();
    for l in text.lines() {
        if l == "END" {
            return v;
        }
        if l.contains("No buffer space available") {
            v.push(None);
            continue;
        }
        let (del, route) = match l.strip_prefix("Deleted ") {
            Some(r) => (1, r),
            None => (0, l),
        };
        let dst = route.split_whitespace().next().unwrap_or("");
        let octets: Vec<u64> = dst
            .trim_end_matches("/24")
            .split('.')
            .filter_map(|o| o.parse().ok())
            .collect();
        assert!(
            octets.len() == 4 && octets[0] == 10 && dst.ends_with("/24"),
            "unexpected ip monitor line {l:?}"
        );
        v.push(Some(2 * (octets[1] * 256 + octets[2]) + del));
    }
    panic!("ip monitor output without END");
}

/// Delivery figures of one listener.
#[derive(Debug, Default)]
struct Seen {
    delivered: u64,
    enobufs: u64,
    gaps: u64,
}

/// Checks Linux's contract: indexes strictly increase (in order, no duplicate), and every gap
/// (including one at the end) is preceded by an `ENOBUFS` of its own (`netlink_overrun`
/// reports once per congestion, and the congestion lasts until the queue is empty, so the k-th
/// gap needs at least k `ENOBUFS` before the next delivered notification).
fn check_order(who: &str, events: &[Option<u64>]) -> Seen {
    let mut seen = Seen::default();
    let mut next = 0u64;
    for e in events {
        match e {
            None => seen.enobufs += 1,
            Some(i) => {
                assert!(
                    *i >= next,
                    "{who}: change {i} arrived after {} (out of order or twice)",
                    next.wrapping_sub(1)
                );
                if *i > next {
                    seen.gaps += 1;
                    assert!(
                        seen.enobufs >= seen.gaps,
                        "{who}: changes {next}..{i} lost without ENOBUFS (gap {}, {} ENOBUFS)",
                        seen.gaps,
                        seen.enobufs
                    );
                }
                next = i + 1;
                seen.delivered += 1;
            }
        }
    }
    if next < CHANGES {
        seen.gaps += 1;
        assert!(
            seen.enobufs >= seen.gaps,
            "{who}: changes {next}.. lost at the end without ENOBUFS"
        );
    }
    seen
}

fn notification_overflow(side: Side) {
    if !gate() || !need("cc") {
        return;
    }
    let bin = helpers();
    let work = tempdir("overflow");
    let script = src_dir().join("overflow.sh");
    let n = CHANGES.to_string();
    let r = run(
        side,
        &[
            "sh",
            script.to_str().unwrap(),
            work.to_str().unwrap(),
            bin.to_str().unwrap(),
            &n,
        ],
        Duration::from_secs(170),
    );
    ok(side, "overflow", &r);
    let read = |f: &str| std::fs::read_to_string(work.join(f)).unwrap();

    // Paced by the changer: nothing may be lost, everything in order.
    let paced = events_of_listener(&read("paced.out"));
    let want: Vec<Option<u64>> = (0..CHANGES).map(Some).collect();
    assert!(
        paced == want,
        "{side:?}: the paced listener got {} events, not the {CHANGES} changes in order",
        paced.len()
    );

    // Slow readers: losses only with ENOBUFS, and there must have been losses.
    let slow = check_order("slow listener", &events_of_listener(&read("slow.out")));
    assert!(
        slow.enobufs >= 1 && slow.delivered >= 100,
        "{side:?}: {slow:?}"
    );
    let ip = check_order("ip monitor", &events_of_ip_monitor(&read("ip.out")));
    assert!(ip.enobufs >= 1 && ip.delivered >= 100, "{side:?}: {ip:?}");

    // NETLINK_NO_ENOBUFS: losses without the error, as the option asks; the order still holds.
    let quiet = events_of_listener(&read("noenobufs.out"));
    assert!(
        quiet.iter().all(Option::is_some),
        "{side:?}: ENOBUFS despite NETLINK_NO_ENOBUFS"
    );
    let mut last = None;
    for i in quiet.iter().flatten() {
        assert!(
            last < Some(*i),
            "{side:?}: NO_ENOBUFS listener out of order"
        );
        last = Some(*i);
    }
    assert!(
        (quiet.len() as u64) < CHANGES && quiet.len() >= 100,
        "{side:?}: the NO_ENOBUFS listener got {} notifications",
        quiet.len()
    );
    rss_bounded(side, "overflow", &r);
    println!(
        "LOAD overflow {side:?}: {CHANGES} changes, {:.1} s ({}), runner peak RSS {} KiB; \
         paced {}/{CHANGES}; slow raw {} delivered, {} ENOBUFS, {} gaps; ip monitor {} \
         delivered, {} ENOBUFS, {} gaps; NO_ENOBUFS {} delivered, 0 ENOBUFS",
        r.secs,
        r.out.stdout.lines().last().unwrap_or(""),
        r.peak_kib,
        paced.len(),
        slow.delivered,
        slow.enobufs,
        slow.gaps,
        ip.delivered,
        ip.enobufs,
        ip.gaps,
        quiet.len()
    );
    let _ = std::fs::remove_dir_all(&work);
    let _ = std::fs::remove_dir_all(&bin);
}

#[test]
fn notification_overflow_native() {
    notification_overflow(Side::Native);
}

#[test]
fn notification_overflow_linux_backend() {
    notification_overflow(Side::Linux);
}

#[test]
fn notification_overflow_freebsd_backend() {
    notification_overflow(Side::Freebsd);
}

// ---- 3. killed clients, a client that never reads, a thousand sockets ---------------------

/// `runner-fds BEFORE AFTER` from `kill.sh`.
fn runner_fds(stdout: &str) -> (u64, u64) {
    let l = stdout
        .lines()
        .find_map(|l| l.strip_prefix("runner-fds "))
        .unwrap();
    let v: Vec<u64> = l.split_whitespace().map(|x| x.parse().unwrap()).collect();
    (v[0], v[1])
}

/// 20 clients killed mid-dump (a 3 000-route dump, one datagram read) and 20 killed while
/// making requests, while four clients make 3 000 checked requests each: they all finish
/// cleanly, the runner survives, and the killed clients' sockets are freed (under the runner:
/// its descriptors — two per emulated socket — are back to their count before).
fn killed_clients(side: Side) {
    if !gate() || !need("cc") {
        return;
    }
    let bin = helpers();
    let work = tempdir("kill");
    let script = src_dir().join("kill.sh");
    let r = run(
        side,
        &[
            "sh",
            script.to_str().unwrap(),
            work.to_str().unwrap(),
            bin.to_str().unwrap(),
        ],
        Duration::from_secs(150),
    );
    ok(side, "killed clients", &r);
    assert!(
        r.out.stdout.contains("4 clients, 0 failed")
            && r.out
                .stdout
                .contains("20 killed mid-dump, 20 killed mid-request"),
        "{}",
        r.out.stdout
    );
    let (before, after) = runner_fds(&r.out.stdout);
    if side != Side::Native {
        assert!(
            after <= before,
            "{side:?}: the runner holds {after} descriptors after the kills, {before} before: \
             the killed clients' sockets were not freed"
        );
    }
    rss_bounded(side, "killed clients", &r);
    println!(
        "LOAD kill {side:?}: 40 clients killed, {:.1} s, runner fds {before} -> {after}, peak \
         RSS {} KiB",
        r.secs, r.peak_kib
    );
    let _ = std::fs::remove_dir_all(&work);
    let _ = std::fs::remove_dir_all(&bin);
}

#[test]
fn killed_clients_native() {
    killed_clients(Side::Native);
}

#[test]
fn killed_clients_linux_backend() {
    killed_clients(Side::Linux);
}

#[test]
fn killed_clients_freebsd_backend() {
    killed_clients(Side::Freebsd);
}

/// A client that sends 20 000 requests (2 000 of them dumps) and reads nothing while 20 000
/// route changes are made: its first receive fails with `ENOBUFS`, what was queued is bounded
/// (Linux's `SO_RCVBUF` of 212 992 bytes, counted in `skb->truesize`, holds well under
/// 300 kB of netlink data) and in order; the others are unaffected; the runner's memory stays
/// bounded. Returns the client's counts (`ENOBUFS`, replies, errors, dump messages, bytes).
fn never_reading_client(side: Side) -> [u64; 5] {
    let bin = helpers();
    let work = tempdir("never");
    let script = src_dir().join("never.sh");
    let r = run(
        side,
        &[
            "sh",
            script.to_str().unwrap(),
            work.to_str().unwrap(),
            bin.to_str().unwrap(),
        ],
        Duration::from_secs(150),
    );
    ok(side, "never-reading client", &r);
    assert!(
        r.out.stdout.contains("changer: 20000 changes acked")
            && r.out.stdout.contains("2 clients, 0 failed"),
        "{}",
        r.out.stdout
    );
    let line = r
        .out
        .stdout
        .lines()
        .find(|l| l.contains(" bytes queued"))
        .unwrap();
    let num = |tag: &str| -> u64 {
        let words: Vec<&str> = line.split_whitespace().collect();
        let i = words
            .iter()
            .position(|w| w.trim_end_matches(',') == tag)
            .unwrap();
        words[i - 1].parse().unwrap()
    };
    let (replies, bytes) = (num("replies"), num("bytes"));
    let counts = [num("ENOBUFS"), replies, num("errors"), num("dump"), bytes];
    assert!((1..20_000).contains(&replies), "{line}");
    assert!(
        bytes < 300_000,
        "{side:?}: {bytes} bytes were queued for a client that never reads"
    );
    rss_bounded(side, "never-reading client", &r);
    println!(
        "LOAD never-reading {side:?}: {:.1} s, runner peak RSS {} KiB; {line}",
        r.secs, r.peak_kib
    );
    let _ = std::fs::remove_dir_all(&work);
    let _ = std::fs::remove_dir_all(&bin);
    counts
}

#[test]
fn never_reading_client_native() {
    if gate() && need("cc") {
        never_reading_client(Side::Native);
    }
}

/// The oracle gives what Linux gives: everything the client had queued before it read is
/// decided before any notification, so the counts are the native run's (the kernel itself
/// bounds what waits behind a held dump part, `src/backend/linux.rs`).
#[test]
fn never_reading_client_linux_backend() {
    if gate() && need("cc") {
        let native = never_reading_client(Side::Native);
        let linux = never_reading_client(Side::Linux);
        assert_eq!(
            linux, native,
            "ENOBUFS, replies, errors, dump messages, bytes: Linux backend vs native"
        );
    }
}

#[test]
fn never_reading_client_freebsd_backend() {
    if gate() && need("cc") {
        never_reading_client(Side::Freebsd);
    }
}

/// 1 000 sockets in one process, three rounds (`sockets.c`: distinct port ids, the first the
/// pid, one checked request each, all closed, then the pid is free again). Under the runner,
/// its descriptors go back to their count before the round: the closed sockets' state is freed.
fn thousand_sockets(side: Side) {
    if !gate() || !need("cc") {
        return;
    }
    let bin = helpers();
    let exe = bin.join("sockets");
    let r = run(
        side,
        &["env", "RUNNER_FDS=1", exe.to_str().unwrap()],
        Duration::from_secs(150),
    );
    ok(side, "1000 sockets", &r);
    let rounds: Vec<&str> = r
        .out
        .stdout
        .lines()
        .filter(|l| l.contains(" 1000 sockets ok"))
        .collect();
    assert_eq!(rounds.len(), 3, "{}", r.out.stdout);
    if side != Side::Native {
        for l in &rounds {
            // "round R: 1000 sockets ok in S s; runner fds B before, D with them open, A after closing"
            let n: Vec<u64> = l
                .split(|c: char| !c.is_ascii_digit())
                .filter(|w| !w.is_empty())
                .filter_map(|w| w.parse().ok())
                .collect();
            let (before, during, after) = (n[n.len() - 3], n[n.len() - 2], n[n.len() - 1]);
            assert!(during >= before + 1990, "{side:?}: {l}");
            // After closing: the probe socket (2 descriptors, 3 with the Linux backend's
            // mirror) and the pidfd watching the process.
            assert!(
                after <= before + 4,
                "{side:?}: closed sockets not freed: {l}"
            );
        }
    }
    rss_bounded(side, "1000 sockets", &r);
    println!(
        "LOAD 1000 sockets {side:?}: {:.1} s, runner peak RSS {} KiB; {}",
        r.secs,
        r.peak_kib,
        rounds.join(" | ")
    );
    let _ = std::fs::remove_dir_all(&bin);
}

#[test]
fn thousand_sockets_native() {
    thousand_sockets(Side::Native);
}

#[test]
fn thousand_sockets_linux_backend() {
    thousand_sockets(Side::Linux);
}

#[test]
fn thousand_sockets_freebsd_backend() {
    thousand_sockets(Side::Freebsd);
}
