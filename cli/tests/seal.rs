// SPDX-License-Identifier: BSD-2-Clause
//! The FreeBSD backend is a sealed FreeBSD host: whatever a program does through netlink,
//! interface ioctls, network devices, `/proc` or `/sys`, it meets the model and only the model.
//!
//! `host_unchanged_by_configuring_clients` runs configuring clients (iproute2, net-tools,
//! busybox, ethtool, pyroute2, a shell writing `/proc/sys/net`) under the runner inside a throwaway
//! network namespace whose interfaces carry the model's Linux names (`eth0`, `eth1`, `lo`), so
//! any leak would hit them, and compares the namespace's links, addresses, routes, neighbours,
//! offloads and sysctls before and after.
//!
//! The other tests check each served ioctl and file against what FreeBSD's Linuxulator gives
//! (`sys/compat/linux/linux_ioctl.c`, `sys/compat/linprocfs/linprocfs.c`,
//! `sys/compat/linsysfs/linsysfs_net.c`) for the model's default topology
//! (`freebsd-sim/topologies/default.toml`: em0 = eth0 52:54:00:12:34:56 up, 192.0.2.10/24,
//! mtu 1500, index 1; em1 = eth1 52:54:00:12:34:57 down, index 2; lo0 = lo, mtu 16384,
//! 127.0.0.1/8, index 3; default route via 192.0.2.1) — input data, not output of the code.
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

#[cfg(test)]
mod common;

use std::process::Command;

use common::{bounded, gate, need, Out, BOUND};

/// Run `argv` under `nlcompat run` (FreeBSD backend).
fn model(argv: &[&str]) -> Out {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nlcompat"));
    c.arg("run").arg("--").args(argv);
    bounded(&mut c, BOUND)
}

/// `sh -c script` under the runner.
fn model_sh(script: &str) -> Out {
    model(&["sh", "-c", script])
}

/// The namespace as seen from inside, in a form that changes with any configuration change.
const SNAPSHOT: &str = "\
ip -d link show; ip addr show; ip route show table all; ip -6 route show table all; \
ip neigh show; ip rule show; ls /sys/class/net; cat /proc/sys/net/ipv4/ip_forward; \
cat /proc/sys/net/ipv4/conf/all/forwarding; for i in eth0 eth1 lo dummy0; do \
ethtool -k $i 2>&1; ethtool $i 2>&1; done; ls /dev/net 2>&1";

/// Configuring commands a program may run; each reports its status, none may reach the host.
const CLIENTS: &str = "\
r() { \"$@\" >/dev/null 2>&1; echo \"rc $? $*\"; }
r ip link set eth0 mtu 1400
r ip link set eth1 up
r ip link set lo mtu 1300
r ip link set eth1 address 02:00:00:00:99:99
r ip link set eth0 name foo0
r ip link add dummy7 type dummy
r ip addr add 198.51.100.1/24 dev eth1
r ip addr del 192.0.2.10/24 dev eth0
r ip -6 addr add 2001:db8:9::1/64 dev eth1
r ip route add 10.9.0.0/16 via 192.0.2.1
r ip route del default
r ip neigh add 192.0.2.77 lladdr 02:00:00:00:00:77 dev eth0
r ip tuntap add dev tap9 mode tap
r ifconfig eth0 mtu 1280
r ifconfig lo mtu 1200
r ifconfig eth1 up
r ifconfig eth0 down
r ifconfig eth0 192.0.2.99 netmask 255.255.255.0
r ifconfig eth0 hw ether 02:00:00:00:00:aa
r ifconfig eth0 add 2001:db8:7::1/64
r route add -net 10.1.0.0/16 dev eth0
r route del default
r arp -s 192.0.2.78 02:00:00:00:00:78
r busybox ifconfig eth1 mtu 1290
r busybox ifconfig eth0 up
r busybox route add -net 10.2.0.0/16 dev eth0
r busybox arp -s 192.0.2.79 02:00:00:00:00:79
r ethtool -K eth0 tx off
r ethtool -K dummy0 tx off
r ethtool -s eth0 speed 10 duplex half autoneg off
r sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
r sh -c 'echo 1 > /proc/sys/net/ipv4/conf/all/forwarding'
r sh -c 'exec 3<>/dev/net/tun'
r /usr/bin/python3 -c 'from pyroute2 import IPRoute; i = IPRoute(); x = i.link_lookup(ifname=\"eth0\")[0]; i.link(\"set\", index=x, mtu=1450); i.addr(\"add\", index=x, address=\"203.0.113.5\", prefixlen=24); i.route(\"add\", dst=\"10.3.0.0/16\", oif=x)'
echo model eth0 mtu $(cat /sys/class/net/eth0/mtu) eth1 mtu $(cat /sys/class/net/eth1/mtu)
ip -o link show eth1
";

#[test]
fn host_unchanged_by_configuring_clients() {
    if !gate()
        || !need("ifconfig")
        || !need("route")
        || !need("arp")
        || !need("busybox")
        || !need("ethtool")
        || !need("/usr/bin/python3")
    {
        return;
    }
    let exe = env!("CARGO_BIN_EXE_nlcompat");
    let script = format!(
        "set -e
ip link set lo up
ip link add eth0 address 02:00:00:00:00:10 type veth peer name eth1 address 02:00:00:00:00:11
ip link add dummy0 type veth peer name dummy1
ip link set eth0 up
ip link set dummy0 up
ip addr add 192.0.2.10/24 dev eth0
ip route add default via 192.0.2.1
ip neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev eth0
set +e
({SNAPSHOT}) > \"$D/before\" 2>&1
\"{exe}\" run -- sh -c \"$CLIENTS\"
echo runner $?
({SNAPSHOT}) > \"$D/after\" 2>&1
diff \"$D/before\" \"$D/after\" && echo HOST-UNCHANGED
grep -c . \"$D/before\""
    );
    let d = common::tempdir("seal");
    let mut c = Command::new("unshare");
    c.args(["-n", "sh", "-c", &script])
        .env("D", &d)
        .env("CLIENTS", CLIENTS);
    let out = bounded(&mut c, std::time::Duration::from_secs(60));
    let _ = std::fs::remove_dir_all(&d);
    let so = &out.stdout;
    assert!(
        so.contains("HOST-UNCHANGED"),
        "the namespace changed:\n{so}\n{}",
        out.stderr
    );
    assert!(so.contains("runner 0"), "{so}\n{}", out.stderr);
    // The clients did run and changed the model: the MTUs set through netlink (1400 on eth0 by
    // ip, then 1450 by pyroute2, last) and SIOCSIFMTU (1280 on eth0, 1290 on eth1, via
    // net-tools then busybox).
    assert!(so.contains("rc 0 ip link set eth0 mtu 1400"), "{so}");
    assert!(so.contains("rc 0 ifconfig eth0 mtu 1280"), "{so}");
    assert!(
        so.contains("rc 0 /usr/bin/python3 -c from pyroute2"),
        "{so}"
    );
    assert!(so.contains("model eth0 mtu 1450 eth1 mtu 1290"), "{so}");
    // What FreeBSD refuses is refused.
    for refused in [
        "ip tuntap add dev tap9 mode tap",
        "ifconfig eth0 hw ether 02:00:00:00:00:aa",
        "ifconfig eth0 down",
        "route add -net 10.1.0.0/16 dev eth0",
        "arp -s 192.0.2.78 02:00:00:00:00:78",
        "ethtool -K dummy0 tx off",
        "sh -c echo 1 > /proc/sys/net/ipv4/ip_forward",
        "sh -c exec 3<>/dev/net/tun",
    ] {
        assert!(
            so.lines()
                .any(|l| l.starts_with("rc ") && !l.starts_with("rc 0 ") && l.ends_with(refused)),
            "{refused:?} did not fail:\n{so}"
        );
    }
    // The snapshot is not empty (the comparison compares something).
    let lines: usize = so
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    assert!(lines > 40, "snapshot too small: {so}");
}

/// Every interface ioctl on the FreeBSD backend, probe in `seal_ioctls.c`; expectations from
/// the default topology and FreeBSD's `linux_ioctl_socket()` (see `docs/compatibility.md`).
#[test]
fn interface_ioctls_answer_as_freebsd() {
    if !gate() || !need("cc") {
        return;
    }
    let exe = common::build_c(include_str!("seal_ioctls.c"), "seal_ioctls").unwrap();
    let out = model(&[common::s(&exe)]);
    let _ = std::fs::remove_dir_all(exe.parent().unwrap());
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let got: Vec<&str> = out.stdout.lines().collect();
    let expected = [
        "index eth0: index=1 tail=5a",
        // UP|BROADCAST|RUNNING|MULTICAST (bsd_to_linux_ifflags).
        "flags eth0: flags=0x1043 tail=5a",
        "mtu eth0: mtu=1500 tail=5a",
        // linux_ifhwaddr: ARPHRD_ETHER, 6 bytes, the rest of the 16-byte l_sockaddr zeroed.
        "hwaddr eth0: hw=1/52:54:00:12:34:56:00:00:00:00:00:00:00:00 tail=5a",
        "addr eth0: 2/192.0.2.10 tail=5a",
        "mask eth0: 2/255.255.255.0 tail=5a",
        "brd eth0: 2/192.0.2.255 tail=5a",
        // in_control: no IFF_POINTOPOINT.
        "dst eth0: EINVAL",
        // Not handled by linux_ioctl_socket: ENOIOCTL -> EINVAL.
        "txqlen eth0: EINVAL",
        "metric eth0: EINVAL",
        "addr eth1: EADDRNOTAVAIL",
        "flags eth1: flags=0x1002 tail=5a",
        "flags lo: flags=0x1049 tail=5a",
        "mtu lo: mtu=16384 tail=5a",
        "hwaddr lo: hw=772/00:00:00:00:00:00:00:00:00:00:00:00:00:00 tail=5a",
        "addr lo: 2/127.0.0.1 tail=5a",
        "brd lo: EINVAL",
        // ifname_linux_to_bsd fails: EINVAL (Linux: ENODEV).
        "index nope0: EINVAL",
        "mtu nope0: EINVAL",
        // ifhwioctl answers on any socket; address queries only in AF_INET's in_control.
        "netlink-index eth0: index=1 tail=5a",
        "netlink-addr eth0: EOPNOTSUPP",
        "name 1: eth0",
        "name 3: lo",
        "name 4: ENODEV",
        // linux_ifconf: NULL buffer counts the IPv4 addresses; every interface gets an entry.
        "conf size: ok 80",
        "conf eth0 2/192.0.2.10",
        "conf eth1 0/0.0.0.0",
        "conf lo 2/127.0.0.1",
        "conf short: 40",
        "setmtu eth1: ok",
        "mtu eth1: mtu=1400 tail=5a",
        // ifhwioctl: below IF_MINMTU.
        "setmtu eth1: EINVAL",
        "setmtu nope0: EINVAL",
        "setflags eth1: EINVAL",
        "setaddr eth1: EINVAL",
        "setmask eth1: EINVAL",
        "sethwaddr eth1: EINVAL",
        "setname eth1: EINVAL",
        "settxqlen eth1: EINVAL",
        // The name is not translated: FreeBSD has no interface "eth1".
        "addmulti eth1: ENXIO",
        "addrt: EINVAL",
        "delrt: EINVAL",
        "difaddr: EINVAL",
        "sarp: EINVAL",
        "garp: EINVAL",
        "darp: EINVAL",
        "ethtool: EINVAL",
        "miiphy: EINVAL",
        "count: ok",
        "devprivate: EINVAL",
        "tunsetiff-socket: EINVAL",
        "open tun: ENOENT",
        "inet6-index lo: index=3 tail=5a",
        "inet6-addr lo: EOPNOTSUPP",
        "inet6-addrt: EINVAL",
        "unix-index lo: index=3 tail=5a",
        "unix-addr lo: EOPNOTSUPP",
        "unix-addrt: EINVAL",
        // linux_to_bsd_domain() has no AF_PACKET.
        "packet-socket: EAFNOSUPPORT",
        "tunsetiff-null: EINVAL",
        "siocgifmtu-null: EINVAL",
    ];
    for e in expected {
        assert!(got.contains(&e), "missing {e:?} in\n{}", out.stdout);
    }
}

/// The same MTU change through SIOCSIFMTU against the Linux backend (the oracle, in the
/// backend's namespace): the set succeeds and reads back; too small is EINVAL there too.
#[test]
fn set_mtu_matches_the_linux_oracle() {
    if !gate() || !need("ifconfig") {
        return;
    }
    let script =
        "ifconfig eth1 mtu 1400; echo rc $?; ip -o link show eth1 | grep -o 'mtu [0-9]*'; \
                  ifconfig eth1 mtu 10; echo rc $?";
    let mut c = Command::new(env!("CARGO_BIN_EXE_nlcompat"));
    c.args(["run", "--backend", "linux", "--", "sh", "-c", script]);
    let linux = bounded(&mut c, BOUND);
    let freebsd = model_sh(script);
    for o in [&linux, &freebsd] {
        let lines: Vec<&str> = o.stdout.lines().collect();
        assert_eq!(lines, ["rc 0", "mtu 1400", "rc 1"], "{}", o.stderr);
    }
}

/// Lines of `s` with runs of blanks collapsed.
fn words(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// `/proc/net/dev` and `/proc/net/route` in linprocfs's format, from the model.
#[test]
fn proc_net_dev_and_route_as_linprocfs() {
    if !gate() {
        return;
    }
    let o = model(&["cat", "/proc/net/dev"]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    // `linprocfs_donetdev`: "%6s|%58s|%s" header lines, then "%6.6s: " and the counters
    // (the model counts no traffic).
    let zeros = "0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0";
    let expected = [
        "Inter-|                                                   Receive|  Transmit".to_owned(),
        "  face|bytes    packets errs drop fifo frame compressed multicast|  bytes    packets errs drop fifo colls carrier compressed".to_owned(),
        format!("  eth0:       {zeros}"),
        format!("  eth1:       {zeros}"),
        format!("    lo:       {zeros}"),
        String::new(),
    ]
    .join("\n");
    assert_eq!(o.stdout, expected);
    let o = model(&["cat", "/proc/net/route"]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    // `linprocfs_donetroute`: header padded to 127 columns; per route Iface, Destination,
    // Gateway (hex of the network-order word), Flags (RTF_UP|GATEWAY|HOST), RefCnt 0, Use 0,
    // Metric (weight 1), Mask, MTU, Window 0, IRTT 0, then an empty line. The IPv4 routes of the
    // model: the default route, the prefix route of 192.0.2.0/24 and the loopback host routes
    // FreeBSD installs for 127.0.0.1 and 192.0.2.10.
    let head = format!(
        "{:<127}",
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT"
    );
    let mut lines: Vec<&str> = o.stdout.split('\n').collect();
    assert_eq!(lines.first().copied(), Some(head.as_str()));
    lines.retain(|l| !l.is_empty());
    let mut routes: Vec<&str> = lines.into_iter().skip(1).collect();
    routes.sort_unstable();
    assert_eq!(
        routes,
        [
            "eth0\t00000000\t010200C0\t0003\t0\t0\t1\t00000000\t1500\t0\t0",
            "eth0\t000200C0\t00000000\t0001\t0\t0\t1\t00FFFFFF\t1500\t0\t0",
            "lo\t0100007F\t00000000\t0005\t0\t0\t1\tFFFFFFFF\t16384\t0\t0",
            "lo\t0A0200C0\t00000000\t0005\t0\t0\t1\tFFFFFFFF\t16384\t0\t0",
        ]
    );
    assert!(
        o.stdout.contains("\t0\t0\n\n"),
        "empty line after each route"
    );
}

/// `/sys/class/net` as linsysfs shows it: one directory per interface of the model with
/// exactly its seven files; generated when opened, so netlink changes show.
#[test]
fn sys_class_net_as_linsysfs() {
    if !gate() {
        return;
    }
    let o = model_sh(
        "cd /sys/class/net; ls; for i in eth0 eth1 lo; do echo $i: $(ls $i); \
         for f in address addr_len flags ifindex mtu tx_queue_len type; do \
         echo $i/$f=$(cat $i/$f); done; done; test -d eth0 && echo eth0-is-dir; \
         readlink eth0 || echo not-a-link; ip link set eth1 mtu 1300; \
         echo eth1/mtu=$(cat eth1/mtu); echo x > eth0/mtu || echo write-refused",
    );
    let out = words(&o.stdout);
    let expected = [
        "eth0",
        "eth1",
        "lo",
        "eth0: addr_len address flags ifindex mtu tx_queue_len type",
        "eth0/address=52:54:00:12:34:56",
        "eth0/addr_len=6",
        "eth0/flags=0x1043",
        "eth0/ifindex=1",
        "eth0/mtu=1500",
        "eth0/tx_queue_len=1000",
        "eth0/type=1",
        "eth1/address=52:54:00:12:34:57",
        "eth1/flags=0x1002",
        "eth1/ifindex=2",
        "lo/address=00:00:00:00:00:00",
        "lo/addr_len=6",
        "lo/flags=0x1049",
        "lo/ifindex=3",
        "lo/mtu=16384",
        "lo/type=772",
        "eth0-is-dir",
        "not-a-link",
        "eth1/mtu=1300",
        "write-refused",
    ];
    for e in expected {
        assert!(
            out.contains(&e.to_owned()),
            "missing {e:?}:\n{}\n{}",
            o.stdout,
            o.stderr
        );
    }
}

/// Network paths FreeBSD does not have are absent, whatever the host has.
#[test]
fn other_network_paths_are_absent() {
    if !gate() {
        return;
    }
    let paths = [
        "/proc/net/tcp",
        "/proc/net/udp6",
        "/proc/net/unix",
        "/proc/net/arp",
        "/proc/net/if_inet6",
        "/proc/net/igmp",
        "/proc/net/snmp",
        "/proc/self/net/dev",
        "/proc/1/net/route",
        "/proc/sys/net/ipv4/ip_forward",
        "/sys/class/net/ifb0",
        "/sys/devices/virtual/net/lo/mtu",
        "/dev/net/tun",
    ];
    let script: String = paths
        .iter()
        .map(|p| format!("test -e {p} && echo present {p} || echo absent {p};"))
        .collect();
    let o = model_sh(&script);
    for p in paths {
        assert!(
            o.stdout.contains(&format!("absent {p}\n")),
            "{p}: {}",
            o.stdout
        );
    }
    assert!(!o.stdout.contains("present"), "{}", o.stdout);
}

/// Real programs that read `/proc/net` and `/sys/class/net` or use interface ioctls list the
/// model's interfaces and routes only (the build host's, e.g. `ifb0`, never show).
#[test]
fn net_tools_and_busybox_show_the_model() {
    if !gate() || !need("ifconfig") || !need("route") || !need("busybox") || !need("netstat") {
        return;
    }
    let names = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.is_empty() && !l.starts_with(' '))
            .filter_map(|l| l.split([' ', ':']).next().map(str::to_owned))
            .collect()
    };
    let o = model(&["ifconfig", "-a"]);
    assert_eq!(names(&o.stdout), ["eth0", "eth1", "lo"], "{}", o.stdout);
    assert!(o
        .stdout
        .contains("inet 192.0.2.10  netmask 255.255.255.0  broadcast 192.0.2.255"));
    assert!(o.stdout.contains("ether 52:54:00:12:34:56"), "{}", o.stdout);
    assert!(o
        .stdout
        .contains("lo: flags=4169<UP,LOOPBACK,RUNNING,MULTICAST>  mtu 16384"));
    let o = model(&["busybox", "ifconfig", "-a"]);
    assert_eq!(names(&o.stdout), ["eth0", "eth1", "lo"], "{}", o.stdout);
    assert!(o
        .stdout
        .contains("eth1      Link encap:Ethernet  HWaddr 52:54:00:12:34:57"));
    for argv in [&["route", "-n"][..], &["busybox", "route", "-n"]] {
        let o = model(argv);
        let w = words(&o.stdout);
        assert!(
            w.contains(&"0.0.0.0 192.0.2.1 0.0.0.0 UG 1 0 0 eth0".to_owned()),
            "{argv:?}: {}",
            o.stdout
        );
        assert!(w.contains(&"192.0.2.0 0.0.0.0 255.255.255.0 U 1 0 0 eth0".to_owned()));
    }
    let o = model(&["netstat", "-i"]);
    let w = words(&o.stdout);
    assert!(
        w.iter()
            .any(|l| l.starts_with("eth0 1500 0 0 0 0 0 0 0 0 BMRU")),
        "{}",
        o.stdout
    );
    assert!(!o.stdout.contains("ifb"), "{}", o.stdout);
}

/// The newest built test binary of suite `name` (`target/*/deps/NAME-HASH`), next to the
/// runner binary.
fn suite_binary(name: &str) -> Option<std::path::PathBuf> {
    let deps = std::path::Path::new(env!("CARGO_BIN_EXE_nlcompat"))
        .parent()?
        .join("deps");
    let prefix = format!("{name}-");
    std::fs::read_dir(deps)
        .ok()?
        .flatten()
        .filter(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n.strip_prefix(&prefix)
                .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .max()
        .map(|(_, p)| p)
}

/// The runner's own FreeBSD-backend client suites (`run_freebsd`, `run_freebsd_clients`: ip,
/// busybox, Go, pyroute2, getifaddrs… including their address/route/link changes) run inside a
/// throwaway namespace that looks like the model; its links, addresses, routes and sysctls are
/// the same afterwards.
#[test]
fn client_suites_leave_the_namespace_unchanged() {
    if !gate() {
        return;
    }
    let suites: Vec<_> = ["run_freebsd", "run_freebsd_clients"]
        .iter()
        .map(|s| (s, suite_binary(s)))
        .collect();
    if suites.iter().any(|(_, p)| p.is_none()) {
        // `cargo test -p nlcompat-cli` builds every suite before running any.
        assert!(
            std::env::var_os("CI").is_none(),
            "client suites not built: {suites:?}"
        );
        eprintln!("SKIP: client suites not built ({suites:?})");
        return;
    }
    for (name, bin) in suites {
        let bin = bin.unwrap();
        let script = format!(
            "set -e
ip link set lo up
ip link add eth0 address 02:00:00:00:00:10 type veth peer name eth1 address 02:00:00:00:00:11
ip link set eth0 up
ip addr add 192.0.2.10/24 dev eth0
ip route add default via 192.0.2.1
set +e
({SNAPSHOT}) > \"$D/before\" 2>&1
\"{}\" --test-threads=2 >\"$D/log\" 2>&1
echo suite $?
({SNAPSHOT}) > \"$D/after\" 2>&1
diff \"$D/before\" \"$D/after\" && echo HOST-UNCHANGED
grep 'test result' \"$D/log\"",
            bin.display()
        );
        let d = common::tempdir("suite");
        let mut c = Command::new("unshare");
        c.args(["-n", "sh", "-c", &script])
            .env("D", &d)
            .env("CI", "1");
        let out = bounded(&mut c, std::time::Duration::from_secs(300));
        let log = std::fs::read_to_string(d.join("log")).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&d);
        assert!(
            out.stdout.contains("HOST-UNCHANGED"),
            "{name} changed the namespace:\n{}",
            out.stdout
        );
        assert!(out.stdout.contains("suite 0"), "{name} failed:\n{log}");
        assert!(
            out.stdout.contains(" passed; 0 failed"),
            "{name}: {}",
            out.stdout
        );
    }
}

/// psutil reads `/proc/net/dev` (counters), uses SIOCGIFFLAGS/SIOCGIFMTU and SIOCETHTOOL
/// (`EINVAL` on FreeBSD: duplex unknown, speed 0) and netlink: the model's interfaces only.
#[test]
fn psutil_sees_the_model() {
    if !gate() || !need("/usr/bin/python3") {
        return;
    }
    let o = model(&[
        "/usr/bin/python3",
        "-c",
        "import psutil\n\
         print(sorted(psutil.net_io_counters(pernic=True)))\n\
         for n, s in sorted(psutil.net_if_stats().items()):\n    \
         print(n, s.isup, s.duplex.value, s.speed, s.mtu, s.flags)\n",
    ]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(
        o.stdout,
        "['eth0', 'eth1', 'lo']\n\
         eth0 True 0 0 1500 up,broadcast,running,multicast\n\
         eth1 False 0 0 1500 broadcast,multicast\n\
         lo True 0 0 16384 up,loopback,running,multicast\n"
    );
}
