// SPDX-License-Identifier: BSD-2-Clause
//! Real Linux clients through the default backend: translator + FreeBSD model.
//!
//! Expectations come from the model's default topology (`freebsd-sim/topologies/default.toml`:
//! em0 52:54:00:12:34:56 up with 192.0.2.10/24 and 2001:db8::10/64, em1 down, lo0, default
//! routes via 192.0.2.1 and 2001:db8::1, an ARP and an NDP entry) and from the Linuxulator's
//! naming rules (em0 → eth0, em1 → eth1, lo0 → lo): input data, not output of the code.
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

#[cfg(test)]
mod common;

use std::process::Command;

use common::{bounded, gate, have, Out, BOUND};

/// Run `argv` under `nlcompat run` (default backend) with extra runner `opts`.
fn model(opts: &[&str], argv: &[&str]) -> Out {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nlcompat"));
    c.arg("run").args(opts).arg("--").args(argv);
    bounded(&mut c, BOUND)
}

fn ok(argv: &[&str]) -> String {
    let o = model(&[], argv);
    assert_eq!(o.code, Some(0), "{argv:?} failed: {}", o.stderr);
    o.stdout
}

/// Whitespace-collapsed lines.
fn words(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn ip_brief_addr_shows_the_freebsd_host_with_linux_names() {
    if !gate() {
        return;
    }
    let out = words(&ok(&["ip", "-br", "addr"]));
    assert_eq!(
        out,
        vec![
            "eth0 UP 192.0.2.10/24 fe80::5054:ff:fe12:3456/64 2001:db8::10/64",
            "eth1 DOWN",
            "lo UP ::1/128 fe80::1/64 127.0.0.1/8",
        ]
    );
}

#[test]
fn ip_link_flags_types_and_parity_attributes() {
    if !gate() {
        return;
    }
    let out = words(&ok(&["ip", "link"]));
    assert!(out.contains(&"1: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000".to_owned()), "{out:?}");
    assert!(
        out.contains(&"link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff".to_owned()),
        "{out:?}"
    );
    assert!(
        out.iter()
            .any(|l| l.starts_with("2: eth1: <BROADCAST,MULTICAST> mtu 1500")),
        "{out:?}"
    );
    assert!(
        out.iter()
            .any(|l| l.starts_with("3: lo: <LOOPBACK,MULTICAST,UP,LOWER_UP> mtu 16384")),
        "{out:?}"
    );
    assert!(
        out.iter().any(|l| l.starts_with("link/loopback")),
        "{out:?}"
    );
}

#[test]
fn ip_route_default_routes_and_changes() {
    if !gate() {
        return;
    }
    let v4 = words(&ok(&["ip", "route"]));
    assert_eq!(
        v4.first().map(String::as_str),
        Some("default via 192.0.2.1 dev eth0 proto static")
    );
    assert!(
        v4.contains(&"192.0.2.0/24 dev eth0 proto kernel".to_owned()),
        "{v4:?}"
    );
    let v6 = words(&ok(&["ip", "-6", "route"]));
    assert!(
        v6.contains(&"default via 2001:db8::1 dev eth0 proto static".to_owned()),
        "{v6:?}"
    );
    let script = "ip route add 198.51.100.0/24 via 192.0.2.1 && ip route show 198.51.100.0/24 \
                  && ip route del 198.51.100.0/24 && ip route show 198.51.100.0/24 && echo done";
    let out = words(&ok(&["sh", "-c", script]));
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(
        out[0].starts_with("198.51.100.0/24 via 192.0.2.1 dev eth0"),
        "{out:?}"
    );
    assert_eq!(out[1], "done");
    // Adding an existing route: the errno crosses, so ip prints Linux's message.
    let dup = model(&[], &["ip", "route", "add", "default", "via", "192.0.2.1"]);
    assert_eq!(dup.code, Some(2));
    assert!(dup.stderr.contains("File exists"), "{}", dup.stderr);
}

#[test]
fn ip_addr_add_and_del_v4_v6() {
    if !gate() {
        return;
    }
    // IPv6 without lifetimes: Linux means "forever"; FreeBSD would silently add nothing
    // unless the translator says so (route/iface.c handle_newaddr_inet6).
    let script = "ip addr add 198.51.100.7/24 dev eth0 && ip -6 addr add 2001:db8:1::7/64 dev eth0 \
                  && ip -br addr show dev eth0 && ip addr del 198.51.100.7/24 dev eth0 \
                  && ip -6 addr del 2001:db8:1::7/64 dev eth0 && ip -br addr show dev eth0 && echo done";
    let out = words(&ok(&["sh", "-c", script]));
    assert_eq!(out.len(), 3, "{out:?}");
    assert!(out[0].starts_with("eth0 UP 192.0.2.10/24"), "{out:?}");
    assert!(
        out[0].contains("198.51.100.7/24") && out[0].contains("2001:db8:1::7/64"),
        "{out:?}"
    );
    assert!(
        !out[1].contains("198.51.100.7") && !out[1].contains("2001:db8:1::7"),
        "{out:?}"
    );
    assert_eq!(out[2], "done");
}

#[test]
fn ip_neigh_shows_arp_and_ndp_entries() {
    if !gate() {
        return;
    }
    let out = words(&ok(&["ip", "neigh"]));
    assert!(
        out.contains(&"192.0.2.1 dev eth0 lladdr 52:54:00:00:00:01 REACHABLE".to_owned()),
        "{out:?}"
    );
    assert!(
        out.contains(&"2001:db8::1 dev eth0 lladdr 52:54:00:00:00:01 router STALE".to_owned()),
        "{out:?}"
    );
}

#[test]
fn ip_monitor_receives_a_notification_from_a_second_command() {
    if !gate() {
        return;
    }
    let script =
        "ip monitor address & sleep 1; ip addr add 198.51.100.9/24 dev eth1; sleep 1; kill $!";
    let o = model(&[], &["sh", "-c", script]);
    assert!(
        o.stdout.contains("198.51.100.9/24"),
        "monitor saw: {:?} / {}",
        o.stdout,
        o.stderr
    );
    assert!(o.stdout.contains("eth1"), "{}", o.stdout);
}

#[test]
fn glibc_and_python_callers() {
    if !gate() {
        return;
    }
    let hosts = ok(&["getent", "ahosts", "localhost"]);
    assert!(hosts.contains("127.0.0.1"), "{hosts}");
    let py = ok(&[
        "python3",
        "-c",
        "import socket; print(socket.if_nameindex())",
    ]);
    assert_eq!(py.trim(), "[(1, 'eth0'), (2, 'eth1'), (3, 'lo')]");
}

#[test]
fn busybox_ip_addr() {
    if !gate() {
        return;
    }
    if !have("busybox") {
        assert!(std::env::var_os("CI").is_none(), "busybox missing under CI");
        return;
    }
    let out = words(&ok(&["busybox", "ip", "addr"]));
    assert!(
        out.contains(&"inet 192.0.2.10/24 brd 192.0.2.255 scope global eth0".to_owned()),
        "{out:?}"
    );
    assert!(
        out.iter()
            .any(|l| l.starts_with("3: lo: <LOOPBACK,MULTICAST,UP,LOWER_UP>")),
        "{out:?}"
    );
}

#[test]
fn pcap_opens_in_tshark_with_both_sides() {
    if !gate() {
        return;
    }
    if !have("tshark") {
        assert!(std::env::var_os("CI").is_none(), "tshark missing under CI");
        return;
    }
    let dir = common::tempdir("pcap");
    let file = dir.join("run.pcapng");
    let o = model(&["--pcap", common::s(&file)], &["ip", "-br", "addr"]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let count = |filter: &str| {
        let t = bounded(
            Command::new("tshark").args(["-r", common::s(&file), "-Y", filter]),
            BOUND,
        );
        assert_eq!(t.code, Some(0), "tshark failed: {}", t.stderr);
        t.stdout.lines().count()
    };
    let linux = count("frame.interface_name == \"linux\"");
    let freebsd = count("frame.interface_name == \"freebsd\"");
    assert!(
        linux >= 4 && freebsd >= 4,
        "linux {linux}, freebsd {freebsd}"
    );
    assert_eq!(
        count("frame.interface_name == \"linux\" && _ws.malformed"),
        0
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn options_of_the_other_backend_are_refused_with_one_line() {
    if !gate() {
        return;
    }
    for (opts, what) in [
        (
            &["--backend", "linux", "--topology", "x.toml"][..],
            "--topology",
        ),
        (&["--netns-setup", "setup.txt"][..], "--netns-setup"),
    ] {
        let o = model(opts, &["true"]);
        assert_eq!(o.code, Some(125), "{opts:?}");
        assert!(
            o.stderr.starts_with("nlcompat: ") && o.stderr.contains(what),
            "{}",
            o.stderr
        );
        assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
    }
}
