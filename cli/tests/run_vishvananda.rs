// SPDX-License-Identifier: BSD-2-Clause
//! `github.com/vishvananda/netlink` (Docker/libnetwork, CNI plugins, Kubernetes tooling) as a
//! tested client, through both backends: `clients/vishvananda.go`, built offline in GOPATH
//! mode from Debian's `golang-github-vishvananda-netlink-dev`.
//!
//! Linux backend: the output equals a native run in an identically seeded namespace (the
//! program moved into an empty namespace of its own inside the runner, so only interception
//! can show it anything). FreeBSD backend: the expectations come from the model's default
//! topology (`freebsd-sim/topologies/default.toml`, see `run_freebsd_clients.rs` for the
//! FreeBSD facts behind lo0's flags, link-local addresses and loopback routes), and changes
//! are checked with `ip` in the same runner session.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::as_conversions,
    reason = "test helpers outside #[test] functions"
)]

#[cfg(test)]
mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use common::{bounded, gate, need, Mode, Out, BOUND};

/// Where Debian installs the library's source (`golang-github-vishvananda-netlink-dev`).
const GOPATH: &str = "/usr/share/gocode";

/// Build the client once per test process.
fn client() -> Option<PathBuf> {
    static EXE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    if !need("go") {
        return None;
    }
    let lib = std::path::Path::new(GOPATH).join("src/github.com/vishvananda/netlink");
    if !lib.is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "golang-github-vishvananda-netlink-dev missing under CI"
        );
        eprintln!("SKIP: golang-github-vishvananda-netlink-dev not installed");
        return None;
    }
    Some(
        EXE.get_or_init(|| {
            let d = common::tempdir("vishvananda");
            let src = d.join("main.go");
            assert!(
                std::fs::write(&src, include_str!("clients/vishvananda.go")).is_ok(),
                "cannot write {src:?}"
            );
            let exe = d.join("vishvananda");
            let cache = std::env::temp_dir().join("nlcompat-clients-go");
            let out = bounded(
                Command::new("go")
                    .current_dir(&d)
                    .args(["build", "-o"])
                    .arg(&exe)
                    .arg(&src)
                    .env("GO111MODULE", "off")
                    .env("GOPATH", GOPATH)
                    .env("GOFLAGS", "")
                    .env("CGO_ENABLED", "0")
                    .env("GOCACHE", cache.join("cache")),
                Duration::from_secs(300),
            );
            assert_eq!(out.code, Some(0), "go build failed: {}", out.stderr);
            exe
        })
        .clone(),
    )
}

/// Run the client under the FreeBSD backend (default topology).
fn freebsd(argv: &[&str]) -> Out {
    bounded(
        Command::new(env!("CARGO_BIN_EXE_nlcompat"))
            .args(["run", "--"])
            .args(argv),
        BOUND,
    )
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

#[test]
fn lists_on_the_linux_backend_equal_native() {
    if !gate() {
        return;
    }
    let Some(exe) = client() else { return };
    let r = common::same(
        &[common::s(&exe), "list"],
        Mode::EmptyNetns,
        "neigh 192.0.2.1 02:00:00:00:00:01 dev eth0",
        common::ident,
    );
    for want in [
        "link 3 eth0 mtu 1500 02:00:00:00:00:10 <up|broadcast|multicast> veth",
        "addr eth0 2001:db8::10/64 scope 0",
        "route inet default via 192.0.2.1 dev eth0 table 254",
        "route inet6 2001:db8::/64 via - dev eth0 table 254",
    ] {
        assert!(
            r.stdout.contains(want),
            "native lacks {want:?}: {}",
            r.stdout
        );
    }
}

#[test]
fn mutations_on_the_linux_backend_equal_native() {
    if !gate() {
        return;
    }
    let Some(exe) = client() else { return };
    let r = common::same(
        &[
            common::s(&exe),
            "mutate",
            "eth1",
            "198.51.100.5/24",
            "203.0.113.0/24",
            "198.51.100.1",
            "ip -br addr show dev eth1; ip route show dev eth1",
        ],
        Mode::EmptyNetns,
        "route 203.0.113.0/24 via 198.51.100.1",
        common::ident,
    );
    assert!(r.stdout.contains("second RouteAdd: file exists"));
    assert!(r
        .stdout
        .contains("link eth1 mtu 1400 <broadcast|multicast>"));
}

#[test]
fn rules_on_the_linux_backend_equal_native() {
    if !gate() {
        return;
    }
    let Some(exe) = client() else { return };
    common::same(
        &[common::s(&exe), "rules"],
        Mode::EmptyNetns,
        "rule inet priority 32766 table 254",
        common::ident,
    );
}

/// The model's default host as the library sees it. FreeBSD attaches em0, em1, then lo0
/// (`default.toml`). Cloned interfaces carry `IFLA_LINKINFO{IFLA_INFO_KIND}` = the cloner's
/// name (`ifc_dump_ifp_nl_default()`, `sys/net/if_clone.c`): lo0 reports kind `lo`, which the
/// library keeps as a `GenericLink` type; NICs report no kind: `Device` (`link_linux.go`).
#[test]
fn lists_on_the_freebsd_backend() {
    if !gate() {
        return;
    }
    let Some(exe) = client() else { return };
    let o = freebsd(&[common::s(&exe), "list"]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(o.stderr, "");
    assert_eq!(
        lines(&o.stdout),
        [
            "link 1 eth0 mtu 1500 52:54:00:12:34:56 <up|broadcast|multicast> device",
            "link 2 eth1 mtu 1500 52:54:00:12:34:57 <broadcast|multicast> device",
            "link 3 lo mtu 16384  <up|loopback|multicast> lo",
            "addr eth0 192.0.2.10/24 scope 0",
            "addr eth0 2001:db8::10/64 scope 0",
            "addr eth0 fe80::5054:ff:fe12:3456/64 scope 253",
            "addr lo 127.0.0.1/8 scope 254",
            "addr lo ::1/128 scope 254",
            "addr lo fe80::1/64 scope 253",
            // Loopback routes of every interface address (`ifa_maintain_loopback_route()`,
            // `sys/net/if.c`) and lo0's own host routes are FreeBSD's.
            "route inet 127.0.0.1/32 via - dev lo table 254",
            "route inet 192.0.2.0/24 via - dev eth0 table 254",
            "route inet 192.0.2.10/32 via - dev lo table 254",
            "route inet default via 192.0.2.1 dev eth0 table 254",
            "route inet6 2001:db8::/64 via - dev eth0 table 254",
            "route inet6 2001:db8::10/128 via - dev lo table 254",
            "route inet6 ::1/128 via - dev lo table 254",
            "route inet6 default via 2001:db8::1 dev eth0 table 254",
            "route inet6 fe80::/64 via - dev eth0 table 254",
            "route inet6 fe80::/64 via - dev lo table 254",
            "route inet6 fe80::1/128 via - dev lo table 254",
            "route inet6 fe80::5054:ff:fe12:3456/128 via - dev lo table 254",
            // The topology's ARP/NDP entries for the gateways, and FreeBSD's entries for the
            // host's own addresses (`in_lltable_new` / `nd6_add_ifa_lle`: every local address
            // has a permanent lltable entry that `RTM_GETNEIGH` dumps).
            "neigh 192.0.2.1 52:54:00:00:00:01 dev eth0",
            "neigh 192.0.2.10 52:54:00:12:34:56 dev eth0",
            "neigh 2001:db8::1 52:54:00:00:00:01 dev eth0",
            "neigh 2001:db8::10 52:54:00:12:34:56 dev eth0",
            "neigh fe80::5054:ff:fe12:3456 52:54:00:12:34:56 dev eth0",
        ]
    );
}

/// MTU, up, address and route add (a duplicate route is EEXIST, as FreeBSD's `rib_add_route`
/// answers), checked with `ip` against the same model mid-way; then delete and down.
#[test]
fn mutations_on_the_freebsd_backend() {
    if !gate() {
        return;
    }
    let Some(exe) = client() else { return };
    let o = freebsd(&[
        common::s(&exe),
        "mutate",
        "eth1",
        "198.51.100.5/24",
        "203.0.113.0/24",
        "198.51.100.1",
        "ip -br link show dev eth1; ip -br -4 addr show dev eth1; \
         ip route show 203.0.113.0/24; ip -o link show dev eth1 | grep -o 'mtu [0-9]*'",
    ]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(o.stderr, "");
    let got: Vec<String> = o
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        got,
        [
            "second RouteAdd: file exists",
            // LinkSetUp was acked without effect (FreeBSD 14, docs/compatibility.md
            // "Bringing a link up"); the address brought the NIC up (`ether_ioctl()`
            // SIOCSIFADDR sets IFF_UP, `sys/net/if_ethersubr.c`).
            "link eth1 mtu 1400 <up|broadcast|multicast>",
            "addr 198.51.100.5/24",
            "route 198.51.100.0/24 via -",
            "route 203.0.113.0/24 via 198.51.100.1",
            // `ip`, same model: the link is up but has no carrier in the topology (operstate
            // DOWN, no LOWER_UP), has the address, the route and the MTU. A route added
            // through netlink has no RTF_STATIC, so `nl_get_rtm_protocol()`
            // (`sys/netlink/route/rt.c`) reports RTPROT_KERNEL (Linux: `proto boot`).
            "eth1 DOWN 52:54:00:12:34:57 <NO-CARRIER,BROADCAST,MULTICAST,UP>",
            "eth1 DOWN 198.51.100.5/24",
            "203.0.113.0/24 via 198.51.100.1 dev eth1 proto kernel",
            "mtu 1400",
            "-- after delete and down",
            "link eth1 mtu 1400 <broadcast|multicast>",
        ]
    );
}

/// FreeBSD has no policy routing rules: `RTM_GETRULE` has no handler in
/// `sys/netlink/route/rt.c`'s table, so the dump is answered with EOPNOTSUPP — which the
/// library must return as an error, not wait for forever.
#[test]
fn rules_on_the_freebsd_backend_fail_cleanly() {
    if !gate() {
        return;
    }
    let Some(exe) = client() else { return };
    let o = freebsd(&[common::s(&exe), "rules"]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(
        lines(&o.stdout),
        [
            "RuleList inet: error: operation not supported",
            "RuleList inet6: error: operation not supported",
        ]
    );
}
