// SPDX-License-Identifier: BSD-2-Clause
//! Differential tests of `nlcompat run --backend linux`: each program's output under the runner
//! must equal its output when run natively in an identically seeded network namespace.
//!
//! Most cases run the program under the runner *inside an empty namespace of its own*
//! (`unshare -n PROGRAM`): natively it would then see only a down `lo`, so matching the seeded
//! output proves every netlink socket (and, with `--emulate-ioctls`, every interface ioctl) was
//! served by the runner. Each run is bounded; a hang fails the test.
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

#[cfg(test)]
mod common;

use common::{gate, have, ident, native, runner, same, Mode};
use std::process::Command;
use std::time::Duration;

#[test]
fn ip_json_addr() {
    if gate() {
        same(&["ip", "-j", "addr"], Mode::EmptyNetns, "192.0.2.10", ident);
    }
}

#[test]
fn ip_json_link() {
    if gate() {
        same(
            &["ip", "-j", "link"],
            Mode::EmptyNetns,
            "02:00:00:00:00:10",
            ident,
        );
    }
}

#[test]
fn ip_json_route() {
    if gate() {
        same(&["ip", "-j", "route"], Mode::EmptyNetns, "192.0.2.1", ident);
    }
}

#[test]
fn ip_json_route6() {
    if gate() {
        same(
            &["ip", "-j", "-6", "route"],
            Mode::EmptyNetns,
            "2001:db8::/64",
            ident,
        );
    }
}

#[test]
fn ip_brief_addr() {
    if gate() {
        same(
            &["ip", "-br", "addr"],
            Mode::EmptyNetns,
            "LOWERLAYERDOWN",
            ident,
        );
        same(
            &["ip", "-br", "addr"],
            Mode::SameNetns,
            "LOWERLAYERDOWN",
            ident,
        );
    }
}

#[test]
fn ip_neigh_and_stats() {
    if gate() {
        same(
            &["ip", "-j", "neigh"],
            Mode::EmptyNetns,
            "02:00:00:00:00:01",
            ident,
        );
    }
}

#[test]
fn ip_route_get() {
    if gate() {
        same(
            &["ip", "route", "get", "192.0.2.1"],
            Mode::EmptyNetns,
            "src 192.0.2.10",
            ident,
        );
    }
}

#[test]
fn ip_addr_add_del() {
    if gate() {
        let script = "ip addr add 198.51.100.7/24 dev eth0 && ip -j addr show dev eth0 && \
                      ip addr del 198.51.100.7/24 dev eth0 && ip -br addr";
        same(
            &["sh", "-c", script],
            Mode::EmptyNetns,
            "198.51.100.7",
            ident,
        );
    }
}

#[test]
fn ip_error_with_ext_ack() {
    if gate() {
        let r = same(
            &["ip", "addr", "add", "192.0.2.10/24", "dev", "eth0"],
            Mode::EmptyNetns,
            "",
            ident,
        );
        assert_eq!(r.stderr, "Error: ipv4: Address already assigned.\n");
        assert_ne!(r.code, Some(0));
    }
}

/// `ip monitor` (legacy groups via bind, blocking receive parked in the runner) sees the
/// notification a second `ip` causes. The add is retried until the monitor has subscribed, so
/// the output does not depend on timing.
#[test]
fn ip_monitor_sees_notification() {
    if gate() {
        let script = r#"
t=$(mktemp)
ip -o monitor addr route > "$t" & p=$!
for i in $(seq 100); do
  ip addr add 198.51.100.9/24 dev eth0
  sleep 0.1
  grep -q "inet 198.51.100.9/24" "$t" && break
  ip addr del 198.51.100.9/24 dev eth0
done
kill $p; wait
grep -v Deleted "$t" | grep -m1 "inet 198.51.100.9"
grep -v Deleted "$t" | grep -m1 "198.51.100.0/24"
rm -f "$t"
"#;
        let r = same(
            &["sh", "-c", script],
            Mode::EmptyNetns,
            "198.51.100.9",
            ident,
        );
        assert!(
            r.stdout.contains("198.51.100.0/24 dev eth0"),
            "{}",
            r.stdout
        );
    }
}

#[test]
fn busybox_ip() {
    if gate() && have("busybox") {
        same(
            &["busybox", "ip", "addr"],
            Mode::EmptyNetns,
            "192.0.2.10",
            ident,
        );
        same(
            &["busybox", "ip", "route"],
            Mode::EmptyNetns,
            "default via",
            ident,
        );
        same(&["busybox", "ip", "link"], Mode::SameNetns, "qlen", ident);
    }
}

#[test]
fn getent_ahosts() {
    if gate() {
        same(
            &["getent", "ahosts", "localhost"],
            Mode::EmptyNetns,
            "127.0.0.1",
            ident,
        );
    }
}

const PY: &str = "/usr/bin/python3";

#[test]
fn python_if_nameindex() {
    if gate() && have(PY) {
        same(
            &[PY, "-c", "import socket; print(socket.if_nameindex())"],
            Mode::EmptyNetns,
            "'eth0'",
            ident,
        );
    }
}

/// A raw netlink client: explicit bind with junk in `nl_pad`, `settimeout` (FIONBIO + poll),
/// a GETLINK dump read with `recvfrom` and a GETADDR dump read with `recvmsg` + ancillary
/// buffer; checks sender address, `msg_namelen`, `msg_controllen` and every header.
const PY_RAW: &str = r#"
import socket, struct
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
s.bind((0, 0))
pid, groups = s.getsockname()
s.settimeout(5)
assert s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_RAW
assert s.getsockopt(socket.SOL_SOCKET, socket.SO_PROTOCOL) == 0
assert s.getsockopt(socket.SOL_SOCKET, socket.SO_DOMAIN) == socket.AF_NETLINK
s.setsockopt(270, 11, 1)
assert s.getsockopt(270, 11) == 1
def dump(kind, body, use_recvmsg):
    seq = kind
    req = struct.pack("=IHHII", 16 + len(body), kind, 0x301, seq, 0) + body
    s.sendto(req, (0, 0))
    out = []
    while True:
        if use_recvmsg:
            data, anc, flags, addr = s.recvmsg(65536, 256)
            assert anc == [] and flags == 0, (anc, flags)
        else:
            data, addr = s.recvfrom(65536)
        assert addr == (0, 0), addr
        off = 0
        while off < len(data):
            ln, ty, fl, sq, mp = struct.unpack_from("=IHHII", data, off)
            assert sq == seq and mp == pid, (sq, seq, mp, pid)
            if ty == 3:
                assert ln == 20 and struct.unpack_from("=i", data, off + 16)[0] == 0
                return out
            assert ty != 2, "error"
            out.append(data[off:off + ln])
            off += (ln + 3) & ~3
        assert off == len(data)
links = dump(18, struct.pack("=BxHiII", 0, 0, 0, 0, 0), False)
for m in links:
    idx, flags = struct.unpack_from("=iI", m, 20)
    off = 32
    while off < len(m):
        ln, ty = struct.unpack_from("=HH", m, off)
        if ty == 3:
            print("link", idx, m[off + 4:off + ln].rstrip(b"\0").decode(), hex(flags))
        off += (ln + 3) & ~3
addrs = dump(22, struct.pack("=BBBBi", 0, 0, 0, 0, 0), True)
for m in addrs:
    fam, plen, fl, scope, idx = struct.unpack_from("=BBBBi", m, 16)
    print("addr", fam, plen, scope, idx)
try:
    s.setblocking(False)
    s.recv(100)
    print("no EAGAIN")
except BlockingIOError:
    print("EAGAIN")
print("bound", pid != 0, groups)
"#;

#[test]
fn python_raw_netlink() {
    if gate() && have(PY) {
        same(&[PY, "-c", PY_RAW], Mode::EmptyNetns, "link 3 eth0", ident);
    }
}

/// Control messages: `NETLINK_PKTINFO` and `SO_PASSCRED` on unicast replies and on a
/// multicast notification, with roomy and cramped control buffers.
const PY_CMSG: &str = r#"
import socket, struct, subprocess
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
s.bind((0, 1))  # RTMGRP_LINK
s.setsockopt(270, 3, 1)
s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
req = struct.pack("=IHHIIBxxx", 20, 18, 0x301, 5, 0, 0)
for size in (256, 40, 20, 8):
    s.send(req)
    first = True
    while True:
        data, anc, flags, addr = s.recvmsg(65536, size if first else 256)
        if first:
            print(size, [(l, t, d.hex()) for l, t, d in anc], hex(flags), addr)
            first = False
        if struct.unpack_from("=H", data, 4)[0] == 3:
            break
subprocess.run(["ip", "link", "set", "eth1", "mtu", "1400"], check=True)
data, anc, flags, addr = s.recvmsg(65536, 256)
print("notification", [(l, t, d.hex()) for l, t, d in anc], hex(flags), addr)
"#;

#[test]
fn python_control_messages() {
    if gate() && have(PY) {
        same(
            &[PY, "-c", PY_CMSG],
            Mode::EmptyNetns,
            "notification",
            ident,
        );
    }
}

#[test]
fn pyroute2_dumps() {
    let probe = Command::new(PY).args(["-c", "import pyroute2"]).output();
    if !probe.map(|o| o.status.success()).unwrap_or(false) {
        assert!(
            std::env::var_os("CI").is_none(),
            "pyroute2 missing under CI"
        );
        eprintln!("SKIP: pyroute2 not importable by {PY}");
        return;
    }
    let script = r#"
from pyroute2 import IPRoute
with IPRoute() as ipr:
    for l in ipr.get_links():
        print("link", l["index"], l.get_attr("IFLA_IFNAME"), l.get_attr("IFLA_MTU"), l.get_attr("IFLA_ADDRESS"))
    for a in ipr.get_addr():
        print("addr", a["index"], a.get_attr("IFA_ADDRESS"), a["prefixlen"])
    for r in ipr.get_routes(family=2):
        print("route", r.get_attr("RTA_DST"), r["dst_len"], r.get_attr("RTA_GATEWAY"), r.get_attr("RTA_OIF"))
    for n in ipr.get_neighbours(family=2):
        print("neigh", n.get_attr("NDA_DST"), n.get_attr("NDA_LLADDR"))
"#;
    if gate() {
        same(
            &[PY, "-c", script],
            Mode::EmptyNetns,
            "route None 0 192.0.2.1",
            ident,
        );
    }
}

const C_PROG: &str = r#"
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>
#include <stdio.h>
#include <sys/socket.h>
int main(void) {
    struct ifaddrs *ifa, *p;
    if (getifaddrs(&ifa) != 0) { perror("getifaddrs"); return 1; }
    for (p = ifa; p; p = p->ifa_next) {
        char host[NI_MAXHOST] = "-", mask[NI_MAXHOST] = "-";
        int fam = p->ifa_addr ? p->ifa_addr->sa_family : -1;
        if (fam == AF_INET || fam == AF_INET6) {
            socklen_t l = fam == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
            getnameinfo(p->ifa_addr, l, host, sizeof host, 0, 0, NI_NUMERICHOST);
            if (p->ifa_netmask)
                getnameinfo(p->ifa_netmask, l, mask, sizeof mask, 0, 0, NI_NUMERICHOST);
        }
        printf("%s fam=%d flags=%#x %s %s\n", p->ifa_name, fam, p->ifa_flags, host, mask);
    }
    freeifaddrs(ifa);
    struct if_nameindex *ni = if_nameindex(), *q;
    for (q = ni; q && q->if_index; q++)
        printf("if %u %s\n", q->if_index, q->if_name);
    if_freenameindex(ni);
    char name[IF_NAMESIZE];
    printf("eth0=%u 3=%s\n", if_nametoindex("eth0"), if_indextoname(3, name) ? name : "?");
    return 0;
}
"#;

#[test]
fn c_getifaddrs_if_nameindex() {
    if gate() && have("cc") {
        let exe = common::build_c(C_PROG, "ifaddrs").unwrap();
        let e = common::s(&exe);
        same(&[e], Mode::EmptyNetns, "eth0=3 3=eth0", ident);
        same(&[e], Mode::SameNetns, "eth0 fam=2", ident);
    }
}

const GO_PROG: &str = r#"
package main

import (
	"fmt"
	"net"
)

func main() {
	ifs, err := net.Interfaces()
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, i := range ifs {
		fmt.Println(i.Index, i.Name, i.MTU, i.HardwareAddr, i.Flags)
		addrs, err := i.Addrs()
		if err != nil {
			fmt.Println("  error:", err)
		}
		for _, a := range addrs {
			fmt.Println("  ", a)
		}
	}
	all, err := net.InterfaceAddrs()
	fmt.Println(len(all), err)
}
"#;

#[test]
fn go_net_interfaces() {
    if !gate() {
        return;
    }
    if !have("go") {
        assert!(std::env::var_os("CI").is_none(), "go missing under CI");
        eprintln!("SKIP: go not installed");
        return;
    }
    let d = common::tempdir("go");
    std::fs::write(d.join("main.go"), GO_PROG).unwrap();
    let exe = d.join("ifs");
    let out = common::bounded(
        Command::new("go")
            .current_dir(&d)
            .args(["build", "-o"])
            .arg(&exe)
            .arg("main.go")
            .env("CGO_ENABLED", "0")
            .env("GOFLAGS", "-mod=mod")
            .env("GO111MODULE", "off"),
        Duration::from_secs(300),
    );
    assert_eq!(out.code, Some(0), "go build failed: {}", out.stderr);
    same(&[common::s(&exe)], Mode::EmptyNetns, "192.0.2.10/24", ident);
}

/// The runner's own contract: exit status propagation and error messages.
#[test]
fn exit_status_and_errors() {
    if !gate() {
        return;
    }
    let r = runner(&["sh", "-c", "exit 7"], Mode::SameNetns);
    assert_eq!(r.code, Some(7));
    let r = runner(&["sh", "-c", "kill -TERM $$"], Mode::SameNetns);
    assert_eq!(r.code, Some(128 + 15));
    let r = runner(&["/nonexistent/program"], Mode::SameNetns);
    assert_eq!(r.code, Some(127));
    assert!(r.stderr.starts_with("nlcompat: "), "{}", r.stderr);
    let n = native(&["true"]);
    assert_eq!(n.code, Some(0));

    // SIGTERM to the runner reaches the program; the runner reports its death.
    let mut child = Command::new(env!("CARGO_BIN_EXE_nlcompat"))
        .args(["run", "--backend", "linux", "--", "sleep", "30"])
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > common::BOUND {
            let _ = child.kill();
            panic!("runner ignored SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(128 + 15));
}

/// Linux socket semantics (argument checks, options, ports, truncation, peeking, dup, fork,
/// sendmmsg/recvmmsg, errors, generic netlink, signals and timeouts), probe in `semantics.c`.
#[test]
fn c_socket_semantics() {
    if gate() && have("cc") {
        let exe = common::build_c(include_str!("semantics.c"), "semantics").unwrap();
        let r = same(&[common::s(&exe)], Mode::EmptyNetns, "links 3", ident);
        assert!(r.stdout.contains("addresses 4"), "{}", r.stdout);
        assert!(r.stdout.contains("port a=pid"), "{}", r.stdout);
    }
}

/// Interface ioctls answered from the backend (`--emulate-ioctls`) on AF_INET and netlink
/// sockets, probe in `ioctls.c`; the same probe with native ioctls in the backend's namespace.
#[test]
fn c_interface_ioctls() {
    if gate() && have("cc") {
        let exe = common::build_c(include_str!("ioctls.c"), "ioctls").unwrap();
        let r = same(&[common::s(&exe)], Mode::EmptyNetns, "eth0: index=3", ident);
        assert!(
            r.stdout.contains("conf eth0 addr=2/192.0.2.10"),
            "{}",
            r.stdout
        );
        assert!(r.stdout.contains("addr:ENOTTY"), "{}", r.stdout);
        same(&[common::s(&exe)], Mode::SameNetns, "eth0: index=3", ident);
    }
}

/// Threads dumping concurrently on their own sockets, and a socket shared with a forked
/// child (same port id, same queue), probe in `threads.c`.
#[test]
fn c_threads_and_fork() {
    if gate() && have("cc") {
        let exe = common::build_c(include_str!("threads.c"), "threads").unwrap();
        same(
            &[common::s(&exe)],
            Mode::EmptyNetns,
            "thread 3: links 3, bad dumps 0",
            ident,
        );
    }
}

/// Many mutations over one socket (`ip -batch`), with an error in the middle (`-force` goes
/// on), then the resulting table.
#[test]
fn ip_batch_mutations() {
    if gate() {
        let script = "(for i in $(seq 1 60); do echo \"route add 10.9.$i.0/24 dev eth0\"; done; \
                      echo 'route add 10.9.7.0/24 dev eth0') | ip -force -batch -; \
                      echo status $?; ip -j route show";
        let r = same(
            &["sh", "-c", script],
            Mode::EmptyNetns,
            "10.9.60.0/24",
            ident,
        );
        assert!(r.stderr.contains("File exists"), "{}", r.stderr);
    }
}

/// A program blocked in a (parked) receive still obeys job control and termination.
#[test]
fn parked_receive_stops_continues_and_dies() {
    if gate() {
        let script = "ip monitor > /dev/null & p=$!; sleep 0.3; \
                      kill -STOP $p; sleep 0.3; grep -q 'T (stopped)' /proc/$p/status && echo stopped; \
                      kill -CONT $p; sleep 0.3; grep -q 'T (stopped)' /proc/$p/status || echo running; \
                      kill $p; wait $p; echo status $?";
        let r = same(&["sh", "-c", script], Mode::EmptyNetns, "stopped", ident);
        assert!(r.stdout.contains("running\nstatus 143"), "{}", r.stdout);
    }
}
