// SPDX-License-Identifier: BSD-2-Clause
//! The remaining Linux clients through the default backend (translator + FreeBSD model):
//! iproute2 JSON, details, statistics and mutations, static busybox, glibc `getifaddrs()`,
//! a raw Python netlink client, pyroute2 and a static Go program.
//!
//! Expectations come from the model's default topology (`freebsd-sim/topologies/default.toml`:
//! em0 = index 1, 52:54:00:12:34:56, up, 192.0.2.10/24 and 2001:db8::10/64; em1 = index 2,
//! 52:54:00:12:34:57, down; lo0 = index 3, 127.0.0.1/8 and ::1/128; default routes via
//! 192.0.2.1 and 2001:db8::1; an ARP and an NDP entry for the gateways) and from the
//! Linuxulator's naming (em0 → eth0, em1 → eth1, lo0 → lo): input data, not output of the
//! code under test. Where a client's output differs from what Linux would print for the same
//! host state because FreeBSD behaves differently, the FreeBSD behaviour is asserted and the
//! FreeBSD source that explains it is named next to the assertion.
//!
//! FreeBSD facts used throughout (freebsd-src):
//! - `sys/net/if_loop.c`: lo0 is `IFF_LOOPBACK | IFF_MULTICAST` and has no link-level
//!   address; `sys/netinet6/in6_ifattach.c` gives it fe80::1 and every Ethernet interface a
//!   link-local address from its EUI-64 (52:54:00:12:34:56 → fe80::5054:ff:fe12:3456).
//! - `sys/netinet/in.c`: an address on a loopback interface installs a host route;
//!   `in.c`/`sys/netinet6/in6.c` give every interface address a loopback route through lo0
//!   (`ifa_maintain_loopback_route()` in `sys/net/if.c`, `RTF_HOST | RTF_STATIC`);
//!   `sys/netlink/route/rt.c nl_get_rtm_protocol()` reports `RTF_STATIC` routes as
//!   `RTPROT_STATIC` and the others as `RTPROT_KERNEL`.
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

#[cfg(test)]
mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use common::{bounded, gate, have, Out, BOUND};

/// The distribution's Python, which has `python3-pyroute2` (a pyenv shim may come first in
/// `PATH`).
const PY: &str = "/usr/bin/python3";

/// Run `argv` under `nlcompat run` (default backend).
fn model(argv: &[&str]) -> Out {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nlcompat"));
    c.arg("run").arg("--").args(argv);
    bounded(&mut c, BOUND)
}

/// Run a shell script under the model; one model host for all its commands.
fn sh(script: &str) -> Out {
    model(&["sh", "-c", script])
}

/// Run `argv` under the model; it must succeed without a word on stderr.
fn ok(argv: &[&str]) -> String {
    let o = model(argv);
    assert_eq!(o.code, Some(0), "{argv:?} failed: {}", o.stderr);
    assert_eq!(o.stderr, "", "{argv:?} complained");
    o.stdout
}

/// Whitespace-collapsed lines.
fn words(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn lines(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

/// Skip (or, under `CI`, fail) when a tool is missing.
fn need(tool: &str) -> bool {
    if have(tool) {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "{tool} missing under CI");
    eprintln!("SKIP: {tool} not installed");
    false
}

/// Whether `PY` can import pyroute2 (skip, or fail under `CI`, otherwise).
fn have_pyroute2() -> bool {
    let probe = Command::new(PY).args(["-c", "import pyroute2"]).output();
    if probe.map(|o| o.status.success()).unwrap_or(false) {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "pyroute2 missing under CI"
    );
    eprintln!("SKIP: pyroute2 not importable by {PY}");
    false
}

/// Flatten `ip -j` output with Python's `json` (which also proves it is valid JSON): one line
/// per object, then one indented line per address.
fn flatten_json(json: &str) -> Vec<String> {
    const FLATTEN: &str = r#"
import json, sys
for o in json.load(open(sys.argv[1])):
    if "ifname" in o:
        print(o["ifindex"], o["ifname"], ",".join(o["flags"]), o["mtu"], o["operstate"],
              o["link_type"], o.get("address", "-"))
        for a in o.get("addr_info", []):
            print(" ", a["family"], "%s/%d" % (a["local"], a["prefixlen"]), a["scope"],
                  a.get("broadcast", "-"), a.get("label", "-"), a["valid_life_time"],
                  a["preferred_life_time"])
    else:
        print(o["dst"], o.get("gateway", "-"), o["dev"], o.get("protocol", "-"))
"#;
    let d = common::tempdir("json");
    let f = d.join("out.json");
    assert!(std::fs::write(&f, json).is_ok(), "cannot write {f:?}");
    let o = bounded(
        Command::new(PY).args(["-c", FLATTEN]).arg(&f),
        Duration::from_secs(20),
    );
    let _ = std::fs::remove_dir_all(&d);
    assert_eq!(
        o.code,
        Some(0),
        "not the expected JSON: {}\n{json}",
        o.stderr
    );
    words(&o.stdout)
}

/// The links of the default topology as `flatten_json` prints them: lo0 carries MULTICAST and
/// no MAC (`if_loop.c`).
const LINKS: [&str; 3] = [
    "1 eth0 BROADCAST,MULTICAST,UP,LOWER_UP 1500 UP ether 52:54:00:12:34:56",
    "2 eth1 BROADCAST,MULTICAST 1500 DOWN ether 52:54:00:12:34:57",
    "3 lo LOOPBACK,MULTICAST,UP,LOWER_UP 16384 UP loopback -",
];

#[test]
fn ip_json_addr() {
    if !gate() {
        return;
    }
    let out = flatten_json(&ok(&["ip", "-j", "addr"]));
    // Static addresses never expire (4294967295 = forever); the IPv4 broadcast is derived from
    // the /24; labels are IPv4-only, as on Linux.
    assert_eq!(
        out,
        lines(&[
            LINKS[0],
            "inet 192.0.2.10/24 global 192.0.2.255 eth0 4294967295 4294967295",
            "inet6 fe80::5054:ff:fe12:3456/64 link - - 4294967295 4294967295",
            "inet6 2001:db8::10/64 global - - 4294967295 4294967295",
            LINKS[1],
            LINKS[2],
            "inet6 ::1/128 host - - 4294967295 4294967295",
            "inet6 fe80::1/64 link - - 4294967295 4294967295",
            "inet 127.0.0.1/8 host - lo 4294967295 4294967295",
        ])
    );
}

#[test]
fn ip_json_link() {
    if !gate() {
        return;
    }
    let raw = ok(&["ip", "-j", "link"]);
    assert_eq!(flatten_json(&raw), lines(&LINKS));
    assert_eq!(
        raw.matches(r#""broadcast":"ff:ff:ff:ff:ff:ff""#).count(),
        2,
        "{raw}"
    );
}

#[test]
fn ip_json_routes_v4_and_v6() {
    if !gate() {
        return;
    }
    // `dst gateway dev protocol`. 127.0.0.1 is a host route (loopback address, `in.c`); the
    // host's own addresses route through lo (loopback routes, `RTF_STATIC` → "static").
    let mut v4 = flatten_json(&ok(&["ip", "-j", "route"]));
    v4.sort();
    assert_eq!(
        v4,
        lines(&[
            "127.0.0.1 - lo kernel",
            "192.0.2.0/24 - eth0 kernel",
            "192.0.2.10 - lo static",
            "default 192.0.2.1 eth0 static",
        ])
    );
    let v6 = flatten_json(&ok(&["ip", "-6", "-j", "route"]));
    for want in [
        "default 2001:db8::1 eth0 static",
        "2001:db8::/64 - eth0 kernel",
        "2001:db8::10 - lo static",
        "::1 - lo static",
        "fe80::/64 - eth0 kernel",
        "fe80::5054:ff:fe12:3456 - lo static",
        "fe80::/64 - lo kernel",
        "fe80::1 - lo static",
    ] {
        assert!(v6.contains(&want.to_owned()), "{want:?} missing: {v6:?}");
    }
    assert!(
        !v6.iter()
            .any(|l| l.contains("192.0.2.") || l.contains("127.")),
        "{v6:?}"
    );
}

#[test]
fn ip_details_and_statistics() {
    if !gate() {
        return;
    }
    let d = words(&ok(&["ip", "-d", "link"]));
    assert!(
        d.contains(&"link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff promiscuity 0".to_owned()),
        "{d:?}"
    );
    // lo0 comes from the "lo" cloner: FreeBSD dumps IFLA_LINKINFO{IFLA_INFO_KIND = if_dname}
    // for cloned interfaces (`sys/net/if_clone.c ifc_dump_ifp_nl_default`), which `ip -d`
    // prints as the link kind; em0/em1 are not cloned and have none.
    let lo = d.iter().position(|l| l.starts_with("3: lo:")).unwrap();
    assert_eq!(
        d.get(lo + 1).map(String::as_str),
        Some("link/loopback promiscuity 0")
    );
    assert_eq!(d.get(lo + 2).map(String::as_str), Some("lo"));
    assert_eq!(d.len(), lo + 3, "{d:?}");

    let s = words(&ok(&["ip", "-s", "link"]));
    // The model's interfaces have moved no traffic: every counter is 0.
    assert_eq!(s.len(), 3 * 6, "{s:?}");
    for link in s.chunks(6) {
        assert_eq!(
            link[2], "RX: bytes packets errors dropped missed mcast",
            "{s:?}"
        );
        assert_eq!(link[3], "0 0 0 0 0 0", "{s:?}");
        assert_eq!(
            link[4], "TX: bytes packets errors dropped carrier collsns",
            "{s:?}"
        );
        assert_eq!(link[5], "0 0 0 0 0 0", "{s:?}");
    }
    assert!(s[0].starts_with("1: eth0: "), "{s:?}");
    assert!(s[12].starts_with("3: lo: "), "{s:?}");
}

#[test]
fn ip_route_get() {
    if !gate() {
        return;
    }
    let on_link = words(&ok(&["ip", "route", "get", "192.0.2.77"]));
    assert_eq!(on_link.len(), 2, "{on_link:?}");
    // FreeBSD sends neither RTA_PREFSRC ("not supported", `sys/netlink/route/route.h`) nor
    // RTA_UID, so no "src 192.0.2.10 uid 0" as on Linux.
    assert_eq!(on_link[0], "192.0.2.77 dev eth0");
    assert_eq!(on_link[1], "cache");
    let remote = words(&ok(&["ip", "route", "get", "198.51.100.1"]));
    assert!(
        remote[0].starts_with("198.51.100.1 via 192.0.2.1 dev eth0"),
        "{remote:?}"
    );
    // FreeBSD reaches its own addresses through lo0 (loopback route, `in.c`), where Linux
    // answers from its `local` table.
    let own = words(&ok(&["ip", "route", "get", "192.0.2.10"]));
    assert!(own[0].starts_with("192.0.2.10 dev lo"), "{own:?}");
}

#[test]
fn ip_link_set_mtu() {
    if !gate() {
        return;
    }
    let o = sh("ip link set eth1 mtu 1400 && ip -br link show eth1 && ip link show eth1");
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let out = words(&o.stdout);
    assert_eq!(out[0], "eth1 DOWN 52:54:00:12:34:57 <BROADCAST,MULTICAST>");
    assert!(
        out[1].starts_with("2: eth1: <BROADCAST,MULTICAST> mtu 1400 "),
        "{out:?}"
    );
}

/// `ip link set DEV up|down` sends RTM_NEWLINK with `ifi_flags`/`ifi_change` set. iproute2
/// enables NETLINK_GET_STRICT_CHK, which Linux applies to dump requests only
/// (`include/uapi/linux/netlink.h`), but the translator passes it through and FreeBSD's strict
/// mode runs `check_ifmsg` on every `ifmsg_parser` use (`sys/netlink/netlink_message_parser.h
/// nl_parse_header`, `sys/netlink/route/iface.c`), NEWLINK included.
///
/// Once that works: FreeBSD 14's `_nl_modify_ifp_generic()` (`route/iface_drivers.c`) only
/// takes a link down (`if_down()`: IFF_UP goes), so "up" is acknowledged but eth1 stays down.
#[test]
fn ip_link_set_up_and_down() {
    if !gate() {
        return;
    }
    for cmd in [
        "ip link set eth1 up",
        "ip link set eth1 down",
        "ip link set eth0 down",
    ] {
        let o = sh(cmd);
        assert_eq!((o.code, o.stderr.as_str()), (Some(0), ""), "{cmd}");
    }
    let o = sh("ip link set eth1 up && ip -br link show eth1 \
                && ip link set eth0 down && ip -br link show eth0");
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    // As `pyroute2_link_changes` shows without strict checking: eth1 stays down, eth0 loses
    // only UP (media still active, so operstate UP and LOWER_UP remain).
    assert_eq!(
        words(&o.stdout),
        lines(&[
            "eth1 DOWN 52:54:00:12:34:57 <BROADCAST,MULTICAST>",
            "eth0 UP 52:54:00:12:34:56 <BROADCAST,MULTICAST,LOWER_UP>",
        ])
    );
}

#[test]
fn ip6_route_add_del_with_gateway_and_route_replace() {
    if !gate() {
        return;
    }
    let o = sh("ip -6 route add 2001:db8:5::/64 via 2001:db8::1 && ip -6 route show 2001:db8:5::/64 \
                && ip -6 route del 2001:db8:5::/64 via 2001:db8::1 && ip -6 route show 2001:db8:5::/64 \
                && echo deleted");
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let out = words(&o.stdout);
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(
        out[0].starts_with("2001:db8:5::/64 via 2001:db8::1 dev eth0"),
        "{out:?}"
    );
    assert_eq!(out[1], "deleted");

    let o = sh("ip route add 198.51.100.0/24 via 192.0.2.1 \
                && ip route replace 198.51.100.0/24 dev eth0 && ip route show 198.51.100.0/24 \
                && ip route replace 198.51.100.0/24 via 192.0.2.2 && ip route show 198.51.100.0/24 \
                && ip route replace 203.0.113.0/24 via 192.0.2.1 && ip route show 203.0.113.0/24");
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let out = words(&o.stdout);
    assert_eq!(out.len(), 3, "{out:?}");
    assert!(out[0].starts_with("198.51.100.0/24 dev eth0"), "{out:?}");
    assert!(!out[0].contains("via"), "{out:?}");
    assert!(
        out[1].starts_with("198.51.100.0/24 via 192.0.2.2 dev eth0"),
        "{out:?}"
    );
    // `replace` of a missing route creates it.
    assert!(
        out[2].starts_with("203.0.113.0/24 via 192.0.2.1 dev eth0"),
        "{out:?}"
    );
}

/// User nexthops (`sys/netlink/route/nexthop.c`).
#[test]
fn ip_nexthop_lifecycle() {
    if !gate() {
        return;
    }
    let o = sh(
        "ip nexthop add id 10 via 192.0.2.1 dev eth0 && ip nexthop show \
                && ip route add 203.0.113.0/24 nhid 10 && ip route show 203.0.113.0/24 \
                && ip nexthop del id 10 && ip nexthop show && echo --- \
                && ip route show 203.0.113.0/24",
    );
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let out = words(&o.stdout);
    assert_eq!(out.len(), 4, "{out:?}");
    // `dump_nhop()` reports nh_scope 0, so no "scope link" as on Linux.
    assert_eq!(out[0], "id 10 via 192.0.2.1 dev eth0");
    assert!(
        out[1].starts_with("203.0.113.0/24 nhid 10 via 192.0.2.1 dev eth0"),
        "{out:?}"
    );
    // `ip nexthop show` after the delete printed nothing.
    assert_eq!(out[2], "---");
    // `delete_unhop()` only unlinks the user nexthop; routes keep their referenced kernel
    // nexthop (Linux would delete the route with it).
    assert_eq!(out[3], out[1]);

    // With the nexthop table initialised, an unknown id is ENOENT (`delete_unhop`), a
    // duplicate EEXIST; before any nexthop exists `rtnl_handle_delnhop` answers ESRCH.
    let o = sh(
        "ip nexthop add id 10 via 192.0.2.1 dev eth0; ip nexthop del id 77; \
                ip nexthop add id 10 via 192.0.2.1 dev eth0",
    );
    assert_eq!(
        o.stderr,
        "RTNETLINK answers: No such file or directory\nRTNETLINK answers: File exists\n"
    );
    let o = model(&["ip", "nexthop", "del", "id", "77"]);
    assert_eq!(o.code, Some(2));
    assert_eq!(o.stderr, "RTNETLINK answers: No such process\n");
}

#[test]
fn ip_neigh_add_del() {
    if !gate() {
        return;
    }
    let o = sh("ip neigh add 192.0.2.55 lladdr 02:00:00:00:00:55 dev eth0 \
                && ip neigh show 192.0.2.55 && ip neigh del 192.0.2.55 dev eth0 \
                && ip neigh show 192.0.2.55 && echo deleted");
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    // iproute2 adds a NUD_PERMANENT entry; FreeBSD keeps it as a static (NTF_STICKY) entry
    // reported REACHABLE, which the translator shows as PERMANENT again.
    assert_eq!(
        words(&o.stdout),
        lines(&[
            "192.0.2.55 dev eth0 lladdr 02:00:00:00:00:55 PERMANENT",
            "deleted"
        ])
    );
}

/// Failures reach `ip` as the Linux errno, so it prints what Linux prints for that errno.
#[test]
fn ip_errors_print_linux_messages() {
    if !gate() {
        return;
    }
    for (argv, msg) in [
        (
            &["ip", "addr", "del", "198.51.100.99/24", "dev", "eth0"][..],
            "RTNETLINK answers: Cannot assign requested address\n",
        ),
        (
            &["ip", "route", "add", "default", "via", "192.0.2.1"][..],
            "RTNETLINK answers: File exists\n",
        ),
        (
            &["ip", "-6", "route", "add", "default", "via", "2001:db8::1"][..],
            "RTNETLINK answers: File exists\n",
        ),
        (
            &["ip", "route", "del", "203.0.113.0/24"][..],
            "RTNETLINK answers: No such process\n",
        ),
        (
            &["ip", "neigh", "del", "192.0.2.99", "dev", "eth0"][..],
            "RTNETLINK answers: No such file or directory\n",
        ),
    ] {
        let o = model(argv);
        assert_eq!(o.code, Some(2), "{argv:?}: {}", o.stderr);
        assert_eq!(o.stderr, msg, "{argv:?}");
        assert_eq!(o.stdout, "", "{argv:?}");
    }
    // FreeBSD's NEWADDR ignores NLM_F_CREATE/EXCL (`route/iface.c`): re-adding an existing
    // IPv4 address succeeds, where Linux says "Address already assigned".
    let o = model(&["ip", "addr", "add", "192.0.2.10/24", "dev", "eth0"]);
    assert_eq!((o.code, o.stderr.as_str()), (Some(0), ""));
}

#[test]
fn busybox_ip_link_and_route() {
    if !gate() || !need("busybox") {
        return;
    }
    // busybox asks for the queue length with SIOCGIFTXQLEN, which FreeBSD's Linuxulator does
    // not translate (`sys/compat/linux/linux_ioctl.c`: outside `linux_ioctl_socket`'s range,
    // EINVAL): it complains once per link and prints no qlen.
    let o = model(&["busybox", "ip", "link"]);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert_eq!(o.stderr, "ip: SIOCGIFTXQLEN: Invalid argument\n".repeat(3));
    assert_eq!(
        words(&o.stdout),
        lines(&[
            "1: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue",
            "link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff",
            "2: eth1: <BROADCAST,MULTICAST> mtu 1500 qdisc noqueue",
            "link/ether 52:54:00:12:34:57 brd ff:ff:ff:ff:ff:ff",
            "3: lo: <LOOPBACK,MULTICAST,UP,LOWER_UP> mtu 16384 qdisc noqueue",
            "link/loopback",
        ])
    );
    let mut routes = words(&ok(&["busybox", "ip", "route"]));
    routes.sort();
    assert_eq!(
        routes,
        lines(&[
            "127.0.0.1 dev lo",
            "192.0.2.0/24 dev eth0",
            "192.0.2.10 dev lo",
            "default via 192.0.2.1 dev eth0",
        ])
    );
}

#[test]
fn glibc_getifaddrs_and_if_nameindex() {
    if !gate() || !need("cc") {
        return;
    }
    let exe = common::build_c(include_str!("clients/getifaddrs.c"), "getifaddrs").unwrap();
    let out = ok(&[common::s(&exe)]);
    let _ = std::fs::remove_dir_all(exe.parent().unwrap());
    // flags: eth0 UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP = 0x11043, eth1 BROADCAST|MULTICAST =
    // 0x1002, lo UP|LOOPBACK|RUNNING|MULTICAST|LOWER_UP = 0x11049. lo has no AF_PACKET
    // address (no link-level address on FreeBSD's loopback), so glibc leaves ifa_addr NULL.
    // Link-local addresses carry the interface index as scope id.
    assert_eq!(
        words(&out),
        lines(&[
            "eth0 fam=17 52:54:00:12:34:56 - flags=0x11043",
            "eth1 fam=17 52:54:00:12:34:57 - flags=0x1002",
            "lo fam=-1 - - flags=0x11049",
            "eth0 fam=2 192.0.2.10 255.255.255.0 flags=0x11043",
            "eth0 fam=10 fe80::5054:ff:fe12:3456%1 ffff:ffff:ffff:ffff:: flags=0x11043",
            "eth0 fam=10 2001:db8::10 ffff:ffff:ffff:ffff:: flags=0x11043",
            "lo fam=10 ::1 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff flags=0x11049",
            "lo fam=10 fe80::1%3 ffff:ffff:ffff:ffff:: flags=0x11049",
            "lo fam=2 127.0.0.1 255.0.0.0 flags=0x11049",
            "if 1 eth0",
            "if 2 eth1",
            "if 3 lo",
        ])
    );
}

#[test]
fn python_raw_netlink() {
    if !gate() || !need(PY) {
        return;
    }
    // The script asserts every header itself (seq, pid, NLM_F_MULTI, DONE, sender address).
    let out = ok(&[PY, "-c", include_str!("clients/netlink_raw.py")]);
    assert_eq!(
        words(&out),
        lines(&[
            "link 1 eth0 0x11043",
            "link 2 eth1 0x1002",
            "link 3 lo 0x11049",
            // family prefixlen scope index address (scope 253 link, 254 host)
            "addr 2 24 0 1 192.0.2.10",
            "addr 10 64 253 1 fe80::5054:ff:fe12:3456",
            "addr 10 64 0 1 2001:db8::10",
            "addr 10 128 254 3 ::1",
            "addr 10 64 253 3 fe80::1",
            "addr 2 8 254 3 127.0.0.1",
            "EAGAIN",
            "bound True 0",
        ])
    );
}

#[test]
fn pyroute2_iproute_dumps_and_changes() {
    if !gate() || !need(PY) || !have_pyroute2() {
        return;
    }
    let out = ok(&[PY, "-c", include_str!("clients/pyroute2_iproute.py")]);
    assert_eq!(
        words(&out),
        lines(&[
            "link 1 eth0 1500 52:54:00:12:34:56 UP",
            "link 2 eth1 1500 52:54:00:12:34:57 DOWN",
            "link 3 lo 16384 None UP",
            "addr 1 2 192.0.2.10 24",
            "addr 1 10 fe80::5054:ff:fe12:3456 64",
            "addr 1 10 2001:db8::10 64",
            "addr 3 10 ::1 128",
            "addr 3 10 fe80::1 64",
            "addr 3 2 127.0.0.1 8",
            "route 0.0.0.0/0 gw=192.0.2.1 oif=1",
            "route 127.0.0.1/32 gw=None oif=3",
            "route 192.0.2.0/24 gw=None oif=1",
            "route 192.0.2.10/32 gw=None oif=3",
            "eth0 index 1",
            "after addr add ['192.0.2.10/24', '198.51.100.7/24', '2001:db8::10/64', 'fe80::5054:ff:fe12:3456/64']",
            "after route add ['route 203.0.113.0/24 gw=192.0.2.1 oif=1']",
            "after route del []",
            "after addr del ['192.0.2.10/24', '2001:db8::10/64', 'fe80::5054:ff:fe12:3456/64']",
        ])
    );
}

/// Link changes from a client that does not ask for strict checking (contrast
/// `ip_link_set_up_and_down`). FreeBSD 14's `_nl_modify_ifp_generic()`
/// (`sys/netlink/route/iface_drivers.c`) only takes a link down, with a bare `if_down()` that
/// clears IFF_UP alone: em0 keeps RUNNING, and its operstate/LOWER_UP follow the media, which
/// is still active (`route/iface.c get_operstate_ether`). Bringing em1 up is acknowledged but
/// does nothing.
#[test]
fn pyroute2_link_changes() {
    if !gate() || !need(PY) || !have_pyroute2() {
        return;
    }
    let py = include_str!("clients/pyroute2_link.py");
    assert!(!py.contains('\''), "the script is quoted with ' below");
    let script = format!("{PY} -c '{py}' && ip -br link");
    let o = sh(&script);
    assert_eq!((o.code, o.stderr.as_str()), (Some(0), ""), "{}", o.stdout);
    assert_eq!(
        words(&o.stdout),
        lines(&[
            // 0x11042 = BROADCAST|RUNNING|MULTICAST|LOWER_UP: UP gone.
            "1 eth0 0x11042 1500 UP",
            "2 eth1 0x1002 1400 DOWN",
            "3 lo 0x11049 16384 UP",
            "eth0 UP 52:54:00:12:34:56 <BROADCAST,MULTICAST,LOWER_UP>",
            "eth1 DOWN 52:54:00:12:34:57 <BROADCAST,MULTICAST>",
            "lo UP <LOOPBACK,MULTICAST,UP,LOWER_UP>",
        ])
    );
}

/// Build `clients/interfaces.go` statically in a module of its own.
fn build_go() -> PathBuf {
    let d = common::tempdir("go");
    for (name, text) in [
        ("main.go", include_str!("clients/interfaces.go")),
        ("go.mod", "module nlcompatclients\n\ngo 1.19\n"),
    ] {
        assert!(
            std::fs::write(d.join(name), text).is_ok(),
            "cannot write {name}"
        );
    }
    let cache = std::env::temp_dir().join("nlcompat-clients-go");
    let exe = d.join("interfaces");
    let out = bounded(
        Command::new("go")
            .current_dir(&d)
            .args(["build", "-o"])
            .arg(&exe)
            .arg(".")
            .env("CGO_ENABLED", "0")
            .env("GOFLAGS", "-mod=mod")
            .env("GO111MODULE", "on")
            .env("GOCACHE", cache.join("cache"))
            .env("GOPATH", cache.join("path")),
        Duration::from_secs(300),
    );
    assert_eq!(out.code, Some(0), "go build failed: {}", out.stderr);
    exe
}

#[test]
fn go_net_interfaces_static() {
    if !gate() || !need("go") {
        return;
    }
    let exe = build_go();
    let out = ok(&[common::s(&exe)]);
    let _ = std::fs::remove_dir_all(exe.parent().unwrap());
    // lo has no hardware address on FreeBSD (empty field).
    assert_eq!(
        words(&out),
        lines(&[
            "1 eth0 1500 52:54:00:12:34:56 up|broadcast|multicast",
            "192.0.2.10/24",
            "fe80::5054:ff:fe12:3456/64",
            "2001:db8::10/64",
            "2 eth1 1500 52:54:00:12:34:57 broadcast|multicast",
            "3 lo 16384 up|loopback|multicast",
            "::1/128",
            "fe80::1/64",
            "127.0.0.1/8",
        ])
    );
}
