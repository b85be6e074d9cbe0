// SPDX-License-Identifier: BSD-2-Clause
//! The runner as a command: unprivileged runs, signals sent to `nlcompat`, its error lines,
//! `-v`, and port ids per netlink protocol (against the Linux backend and native Linux).
#![allow(
    clippy::arithmetic_side_effects,
    clippy::as_conversions,
    reason = "test helpers outside #[test] functions"
)]
#![allow(clippy::unwrap_used, reason = "a failed step fails the test")]

#[cfg(test)]
mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::{bounded, gate, need, Out, BOUND};

/// The distribution's Python (a pyenv shim may come first in `PATH`).
const PY: &str = "/usr/bin/python3";

fn nlcompat() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nlcompat"))
}

fn run(args: &[&str]) -> Out {
    bounded(nlcompat().args(args), BOUND)
}

/// An unprivileged user on the FreeBSD backend: the runner works without `CAP_NET_ADMIN`
/// (its queues fall back from `SO_SNDBUFFORCE` to `SO_SNDBUF`), the program sees the host,
/// and the model refuses changes as FreeBSD does for a non-root user (`rtnl_handle_message()`
/// in `sys/netlink/route/rt.c` checks `PRIV_NET_ROUTE` etc. → EPERM), which `ip` reports.
#[test]
fn unprivileged_user_sees_the_host_and_may_not_change_it() {
    if !gate() || !need("setpriv") {
        return;
    }
    // The build directory may not be reachable by `nobody`: run a copy from /tmp.
    let d = common::tempdir("unpriv");
    let exe = d.join("nlcompat");
    std::fs::copy(env!("CARGO_BIN_EXE_nlcompat"), &exe).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o755)).unwrap();
    let as_nobody = |args: &[&str]| {
        bounded(
            Command::new("setpriv")
                .args([
                    "--reuid=65534",
                    "--regid=65534",
                    "--clear-groups",
                    "--inh-caps=-all",
                ])
                .arg(&exe)
                .args(args),
            BOUND,
        )
    };
    let o = as_nobody(&["run", "--", "ip", "-br", "link"]);
    assert_eq!(o.code, Some(0), "unprivileged run failed: {}", o.stderr);
    let names: Vec<&str> = o
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(names, ["eth0", "eth1", "lo"], "{}", o.stdout);
    let o = as_nobody(&["run", "--", "ip", "link", "set", "eth1", "up"]);
    assert_eq!(o.code, Some(2));
    assert_eq!(o.stderr, "RTNETLINK answers: Operation not permitted\n");
    // The Linux backend needs a network namespace: one clear line, exit 125.
    let o = as_nobody(&["run", "--backend", "linux", "--", "true"]);
    assert_eq!(o.code, Some(125));
    assert!(
        o.stderr
            .starts_with("nlcompat: cannot create a network namespace")
            && o.stderr.lines().count() == 1,
        "{}",
        o.stderr
    );
    let _ = std::fs::remove_dir_all(&d);
}

/// Start `nlcompat run -- ARGV`, wait until the program is parked in a receive, send `sig`
/// to the runner only, and return the exit status and how long the end took.
fn signal_runner(argv: &[&str], sig: i32) -> (Out, Duration) {
    let child = nlcompat()
        .arg("run")
        .arg("--")
        .args(argv)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    let pid = i32::try_from(child.id()).unwrap();
    let ok = Command::new("kill")
        .args([format!("-{sig}"), pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill failed");
    let t = Instant::now();
    let out = child.wait_with_output().unwrap();
    (
        Out {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        },
        t.elapsed(),
    )
}

/// SIGTERM, SIGINT and SIGHUP sent to `nlcompat` alone reach the program, also while it is
/// blocked in a netlink receive (`ip monitor`): it dies of them (exit 128 + signal).
#[test]
fn termination_signals_reach_a_parked_program() {
    if !gate() {
        return;
    }
    for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
        let (o, took) = signal_runner(&["ip", "monitor", "link"], sig);
        assert_eq!(o.code, Some(128 + sig), "signal {sig}: {}", o.stderr);
        assert!(took < Duration::from_secs(3), "signal {sig} took {took:?}");
    }
}

/// A handler installed by the program runs: Python catches SIGTERM while blocked in `recv`
/// on a netlink socket and exits on its own terms.
#[test]
fn forwarded_signal_runs_the_programs_handler() {
    if !gate() {
        return;
    }
    const SCRIPT: &str = r#"
import signal, socket, sys
def h(n, f):
    print("caught", n, flush=True)
    sys.exit(3)
signal.signal(signal.SIGTERM, h)
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
s.bind((0, 1))  # RTNLGRP_LINK: nothing will come
s.recv(65536)
"#;
    let (o, _) = signal_runner(&[PY, "-c", SCRIPT], libc::SIGTERM);
    assert_eq!(o.code, Some(3), "{}", o.stderr);
    assert_eq!(o.stdout, format!("caught {}\n", libc::SIGTERM));
}

/// A program under strace inside the runner: strace's tracee blocked in a netlink receive
/// is ptraced, so the kernel does not end its wait for a fatal signal by itself
/// (`complete_signal()` in `kernel/signal.c`); `timeout` (which signals its whole process
/// group) must still stop everything.
#[test]
fn timeout_stops_a_traced_program() {
    if !gate() || !need("strace") || !need("timeout") {
        return;
    }
    let t = Instant::now();
    let o = bounded(
        Command::new("timeout")
            .args(["-s", "TERM", "1"])
            .arg(env!("CARGO_BIN_EXE_nlcompat"))
            .args(["run", "--", "strace", "-f", "-o", "/dev/null"])
            .args(["ip", "monitor", "link"]),
        BOUND,
    );
    assert_eq!(o.code, Some(124), "{}", o.stderr);
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "took {:?}",
        t.elapsed()
    );
}

/// "cannot execute" names the program; shell exit conventions (127 missing, 126 not
/// executable).
#[test]
fn cannot_execute_names_the_program() {
    if !gate() {
        return;
    }
    let o = run(&["run", "--", "/nonexistent/prog", "x"]);
    assert_eq!(o.code, Some(127));
    assert_eq!(
        o.stderr,
        "nlcompat: cannot execute /nonexistent/prog: No such file or directory (os error 2)\n"
    );
    let d = common::tempdir("noexec");
    let f = d.join("script");
    std::fs::write(&f, "#!/bin/sh\n").unwrap();
    let o = run(&["run", "--", common::s(&f)]);
    assert_eq!(o.code, Some(126));
    assert_eq!(
        o.stderr,
        format!(
            "nlcompat: cannot execute {}: Permission denied (os error 13)\n",
            f.display()
        )
    );
    let _ = std::fs::remove_dir_all(&d);
}

/// An empty topology, or one without interfaces, is refused before the program starts.
#[test]
fn interfaceless_topology_is_refused() {
    let d = common::tempdir("topo");
    for (name, text) in [("empty.toml", ""), ("nolink.toml", "fibs = 2\npid = 7\n")] {
        let f = d.join(name);
        std::fs::write(&f, text).unwrap();
        let o = run(&["run", "--topology", common::s(&f), "--", "true"]);
        assert_eq!(o.code, Some(125), "{name}");
        assert_eq!(
            o.stderr,
            format!(
                "nlcompat: {}: the topology has no interface (add at least `[[interface]]` lo0 \
                 of type \"loopback\"; see docs/topology.md)\n",
                f.display()
            )
        );
    }
    let _ = std::fs::remove_dir_all(&d);
}

/// `-v` names the message types both ways and shows error replies with their errno: on the
/// FreeBSD backend an unknown device is ENODEV (`rtnl_handle_getlink()` in
/// `sys/netlink/route/iface.c`), as on Linux.
#[test]
fn verbose_names_messages_and_errors() {
    if !gate() {
        return;
    }
    for backend in ["freebsd", "linux"] {
        let o = run(&[
            "run",
            "--backend",
            backend,
            "-v",
            "--",
            "ip",
            "link",
            "show",
        ]);
        assert_eq!(o.code, Some(0), "{}", o.stderr);
        for want in [
            "RTM_GETLINK seq ",
            "flags REQUEST|DUMP",
            "<- RTM_NEWLINK seq ",
            "flags MULTI",
            "NLMSG_DONE seq ",
        ] {
            assert!(
                o.stderr.contains(want),
                "{backend}: no {want:?} in\n{}",
                o.stderr
            );
        }
        let o = run(&[
            "run",
            "--backend",
            backend,
            "-v",
            "--",
            "ip",
            "link",
            "show",
            "dev",
            "nosuch0",
        ]);
        assert_eq!(o.code, Some(1), "{}", o.stderr);
        assert!(
            o.stderr
                .contains("error -19 (No such device (os error 19)) for RTM_GETLINK"),
            "{backend}: {}",
            o.stderr
        );
    }
}

/// A raw client with one `NETLINK_ROUTE` and one `NETLINK_GENERIC` socket: autobind gives
/// both the tgid (one port space per protocol, `nl_table[]` in `net/netlink/af_netlink.c`),
/// and replies carry each socket's own port id, also with explicit, different ids.
const TWO_PROTOCOLS: &str = r#"
import os, socket, struct
def req_genl(seq):
    name = b"nlctrl\0"
    attr = struct.pack("HH", 4 + len(name), 2) + name
    attr += b"\0" * (-len(attr) % 4)
    body = struct.pack("BBH", 3, 1, 0) + attr       # CTRL_CMD_GETFAMILY, version 1
    return struct.pack("IHHII", 16 + len(body), 16, 1 | 4, seq, 0) + body
def req_link(seq):
    body = struct.pack("BxHiII", 0, 0, 1, 0, 0)     # ifinfomsg for index 1
    return struct.pack("IHHII", 16 + len(body), 18, 1 | 4, seq, 0) + body
def show(tag, s, port):
    while True:
        d = s.recv(65536)
        off = 0
        last = False
        while off + 16 <= len(d):
            ln, ty, fl, seq, pid = struct.unpack_from("IHHII", d, off)
            print(tag, "type", ty, "seq", seq, "pid matches" if pid == port else "pid %d" % pid)
            last = ty == 2
            off += (ln + 3) & ~3
        if last:
            return
for ports in [(0, 0), (1234, 5678)]:
    r = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    g = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 16)
    r.bind((ports[0], 0))
    g.bind((ports[1], 0))
    pr, pg = r.getsockname()[0], g.getsockname()[0]
    print("route port", "tgid" if pr == os.getpid() else pr)
    print("generic port", "tgid" if pg == os.getpid() else pg)
    g.send(req_genl(7))
    show("generic", g, pg)
    r.send(req_link(8))
    show("route", r, pr)
    r.close()
    g.close()
"#;

#[test]
fn port_ids_are_per_protocol_on_the_linux_backend() {
    if !gate() {
        return;
    }
    let r = common::same(
        &[PY, "-c", TWO_PROTOCOLS],
        common::Mode::EmptyNetns,
        "generic port 5678",
        common::ident,
    );
    let want = "route port tgid\ngeneric port tgid\n\
                generic type 16 seq 7 pid matches\ngeneric type 2 seq 7 pid matches\n\
                route type 16 seq 8 pid matches\nroute type 2 seq 8 pid matches\n\
                route port 1234\ngeneric port 5678\n\
                generic type 16 seq 7 pid matches\ngeneric type 2 seq 7 pid matches\n\
                route type 16 seq 8 pid matches\nroute type 2 seq 8 pid matches\n";
    assert_eq!(r.stdout, want, "native Linux printed something else");
}

/// The same client on the FreeBSD backend gets the same port ids and replies.
#[test]
fn port_ids_are_per_protocol_on_the_freebsd_backend() {
    if !gate() {
        return;
    }
    let o = run(&["run", "--", PY, "-c", TWO_PROTOCOLS]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let native = common::native(&[PY, "-c", TWO_PROTOCOLS]);
    assert_eq!(o.stdout, native.stdout);
}

/// `ip xfrm` opens a `NETLINK_XFRM` socket next to its `NETLINK_ROUTE` one; the oracle used to
/// give it a clashing port id and rewrite its replies to the other socket's (a hang).
#[test]
fn ip_xfrm_on_the_linux_backend() {
    if !gate() {
        return;
    }
    common::same(
        &[
            "sh",
            "-c",
            "ip xfrm policy add src 192.0.2.0/24 dst 198.51.100.0/24 dir out && \
             ip xfrm policy && ip xfrm state && ip -s xfrm policy count",
        ],
        common::Mode::EmptyNetns,
        "dst 198.51.100.0/24",
        common::ident,
    );
}
