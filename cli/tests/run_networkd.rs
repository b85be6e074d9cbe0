// SPDX-License-Identifier: BSD-2-Clause
//! systemd-networkd (Debian 12, systemd 252) end to end through both backends, run
//! standalone the way a container runs it: a private mount namespace with `/sys` read-only
//! (so it works without udev) and its configuration in `/run/systemd/network`
//! (`clients/networkd/`: eth1 by name with static IPv4 + IPv6 addresses, a gateway and MTU
//! 1400; eth0 matched by MAC address). One runner session starts networkd, waits until it
//! reports both links configured, prints the state with `ip` (served by the same kernel),
//! and stops it (`clients/networkd/session.sh`).
//!
//! - Linux backend: stdout and the (sorted) networkd log equal a native run in a network
//!   namespace seeded with the same veth links.
//! - FreeBSD backend: the model ends in the configured state, and networkd logs nothing but
//!   the documented FreeBSD differences (docs/compatibility.md, "Network managers"). The run
//!   happens in a throwaway network namespace (`unshare -n`): networkd also writes
//!   `/proc/sys/net/...`, which the runner does not emulate, and that must not reach the
//!   build host's interfaces.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::as_conversions,
    reason = "test helpers outside #[test] functions"
)]

#[cfg(test)]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::{bounded, gate, need, Out};

const NETWORKD: &str = "/lib/systemd/systemd-networkd";
/// networkd waits up to 15 s for the links; the bound leaves room for a slow machine.
const LIMIT: Duration = Duration::from_secs(60);

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clients/networkd")
}

fn prerequisites() -> bool {
    if !gate() || !need("unshare") || !need("mount") {
        return false;
    }
    if !Path::new(NETWORKD).exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{NETWORKD} missing under CI (apt-get install systemd)"
        );
        eprintln!("SKIP: {NETWORKD} missing");
        return false;
    }
    true
}

/// `unshare -m [-n] container.sh DIR ARGV…`; returns the output and networkd's log.
fn in_container(new_netns: bool, argv: &[&str]) -> (Out, String) {
    let d = dir();
    let tmp = common::tempdir("networkd");
    let log = tmp.join("networkd.log");
    let mut c = Command::new("unshare");
    c.arg(if new_netns { "-mn" } else { "-m" })
        .arg("sh")
        .arg(d.join("container.sh"))
        .arg(&d);
    for a in argv {
        c.arg(a.replace("@LOG@", common::s(&log)));
    }
    let out = bounded(&mut c, LIMIT);
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&tmp);
    (out, text)
}

fn session() -> String {
    common::s(&dir().join("session.sh")).to_owned()
}

/// Log lines sorted (networkd handles links concurrently), without the unmanaged veth peers'
/// "Gained IPv6LL", which comes when the kernel's DAD ends, before or after networkd is done.
fn sorted_lines(s: &str) -> Vec<&str> {
    let mut v: Vec<&str> = s
        .lines()
        .filter(|l| !(l.starts_with("peer") && l.ends_with(": Gained IPv6LL")))
        .collect();
    v.sort_unstable();
    v
}

/// The oracle: the same configuration natively, in a namespace seeded by the setup file.
fn native() -> (Out, String) {
    let setup = dir().join("linux-setup.txt");
    let script = format!(
        "set -e; ip link set lo up; grep -v '^#' {} | while read -r l; do $l; done; \
         exec sh {} @LOG@",
        common::s(&setup),
        session()
    );
    in_container(true, &["sh", "-c", &script])
}

#[test]
fn networkd_on_the_linux_backend_equals_native() {
    if !prerequisites() {
        return;
    }
    let setup = dir().join("linux-setup.txt");
    let (n, nlog) = native();
    let (r, rlog) = in_container(
        false,
        &[
            env!("CARGO_BIN_EXE_nlcompat"),
            "run",
            "--backend",
            "linux",
            "--netns-setup",
            common::s(&setup),
            "--",
            "sh",
            &session(),
            "@LOG@",
        ],
    );
    assert_eq!(n.code, Some(0), "native: {}", n.stderr);
    assert_eq!(r.code, Some(0), "runner: {}", r.stderr);
    assert_eq!(r.stdout, n.stdout, "runner stderr: {}", r.stderr);
    assert_eq!(sorted_lines(&rlog), sorted_lines(&nlog));
    // What native Linux did, so that equality means something.
    for want in [
        "state eth0 ADMIN_STATE=configured OPER_STATE=routable",
        "state eth1 ADMIN_STATE=configured OPER_STATE=routable",
        "link eth1 <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400",
        "default via 192.0.2.1 dev eth1 proto static",
        "networkd exit 0",
    ] {
        assert!(
            n.stdout.contains(want),
            "native lacks {want:?}:\n{}",
            n.stdout
        );
    }
    let addrs: Vec<String> = n
        .stdout
        .lines()
        .filter(|l| l.starts_with("eth"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert!(addrs.contains(&"eth1@peer1 UP 192.0.2.10/24 2001:db8::10/64".to_owned()));
    assert!(addrs.contains(&"eth0@peer0 UP 198.51.100.10/24".to_owned()));
}

/// The log lines that are FreeBSD differences: networkd's sysctls under
/// `/proc/sys/net/ipv{4,6}/conf/IFNAME/` do not exist (FreeBSD's linprocfs,
/// `sys/compat/linprocfs/linprocfs.c`, has no `sys/net` tree; the runner serves none), and
/// networkd says so and goes on.
const SYSCTL_DIFFERENCES: [&str; 9] = [
    "eth1: Cannot enable IPv6, ignoring: No such file or directory",
    "eth1: Cannot configure IPv6 privacy extensions for interface, ignoring: No such file or directory",
    "eth1: Cannot disable kernel IPv6 accept_ra for interface, ignoring: No such file or directory",
    "eth1: Cannot set IPv6 proxy NDP, ignoring: No such file or directory",
    "eth1: Cannot enable promote_secondaries for interface, ignoring: No such file or directory",
    "eth0: Cannot configure IPv6 privacy extensions for interface, ignoring: No such file or directory",
    "eth0: Cannot disable kernel IPv6 accept_ra for interface, ignoring: No such file or directory",
    "eth0: Cannot set IPv6 proxy NDP, ignoring: No such file or directory",
    "eth0: Cannot enable promote_secondaries for interface, ignoring: No such file or directory",
];

#[test]
fn networkd_on_the_freebsd_backend_configures_the_model() {
    if !prerequisites() {
        return;
    }
    let topo = dir().join("freebsd.toml");
    let (r, log) = in_container(
        true,
        &[
            env!("CARGO_BIN_EXE_nlcompat"),
            "run",
            "--topology",
            common::s(&topo),
            "--",
            "sh",
            &session(),
            "@LOG@",
        ],
    );
    assert_eq!(r.code, Some(0), "{}\n{log}", r.stderr);
    assert_eq!(r.stderr, "");
    let got: Vec<String> = r
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        got,
        [
            // networkd's own verdict: both links configured (em0 matched by MAC address).
            "state eth0 ADMIN_STATE=configured OPER_STATE=routable",
            "state eth1 ADMIN_STATE=configured OPER_STATE=routable",
            // Up, with MTU 1400 on eth1 (RTM_SETLINK → FreeBSD's modify path). FreeBSD 14
            // acks IFF_UP through netlink without acting (docs/compatibility.md); the first
            // address brings the NIC up (`ether_ioctl()` SIOCSIFADDR, `if_ethersubr.c`).
            "link eth0 <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500",
            "link eth1 <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400",
            "link lo <LOOPBACK,MULTICAST,UP,LOWER_UP> mtu 16384",
            // The configured addresses; FreeBSD adds an EUI-64 link-local address when an
            // interface comes up (`in6_ifattach()`, `sys/netinet6/in6_ifattach.c`) — it has
            // no per-link `IFLA_INET6_ADDR_GEN_MODE`, so `LinkLocalAddressing=no` cannot
            // prevent it.
            "eth0 UP 198.51.100.10/24 fe80::ff:fe00:10/64",
            "eth1 UP 192.0.2.10/24 fe80::ff:fe00:11/64 2001:db8::10/64",
            "lo UP 127.0.0.1/8 fe80::1/64 ::1/128",
            // The gateway. FreeBSD keeps no RTPROT_STATIC for netlink routes:
            // `nl_get_rtm_protocol()` (`sys/netlink/route/rt.c`) reports RTPROT_KERNEL.
            "default via 192.0.2.1 dev eth1 proto kernel",
            "127.0.0.1 dev lo proto kernel",
            "192.0.2.0/24 dev eth1 proto kernel",
            // FreeBSD's loopback route for each interface address (`if.c`
            // `ifa_maintain_loopback_route()`).
            "192.0.2.10 dev lo proto static",
            "198.51.100.0/24 dev eth0 proto kernel",
            "198.51.100.10 dev lo proto static",
            "::1 dev lo proto static",
            "2001:db8::/64 dev eth1 proto kernel",
            "2001:db8::10 dev lo proto static",
            "fe80::/64 dev eth0 proto kernel",
            "fe80::ff:fe00:10 dev lo proto static",
            "fe80::/64 dev eth1 proto kernel",
            "fe80::ff:fe00:11 dev lo proto static",
            "fe80::/64 dev lo proto kernel",
            "fe80::1 dev lo proto static",
            "networkd exit 0",
        ]
    );
    // The log: the configuration files matched, and nothing went wrong but the documented
    // differences.
    for want in [
        "eth1: Configuring with /run/systemd/network/10-eth1.network.",
        "eth0: Configuring with /run/systemd/network/20-bymac.network.",
        "Enumeration completed",
        "eth1: Link UP",
        "eth0: Link UP",
    ] {
        assert!(log.lines().any(|l| l == want), "log lacks {want:?}:\n{log}");
    }
    let complaints: Vec<&str> = log
        .lines()
        .filter(|l| {
            let l = l.to_ascii_lowercase();
            ["cannot", "could not", "fail", "error", "ignoring", "warn"]
                .iter()
                .any(|w| l.contains(w))
        })
        .collect();
    let mut want = SYSCTL_DIFFERENCES.to_vec();
    want.sort_unstable();
    let mut complaints_sorted = complaints.clone();
    complaints_sorted.sort_unstable();
    assert_eq!(complaints_sorted, want, "full log:\n{log}");
}
