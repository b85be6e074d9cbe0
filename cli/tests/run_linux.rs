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

use common::{gate, ident, native, need, runner, same, Cleanup, Mode};
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
    if gate() && need("busybox") {
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

/// Through the `python3` found in PATH: on this machine a pyenv shim, a bash script that
/// execs the interpreter (the filter follows exec; most calls are plain CONTINUEs).
#[test]
fn python_from_path_through_a_shim() {
    if gate() && need("python3") {
        same(
            &[
                "python3",
                "-c",
                "import socket; print(socket.if_nameindex())",
            ],
            Mode::EmptyNetns,
            "'eth0'",
            ident,
        );
    }
}

#[test]
fn python_if_nameindex() {
    if gate() && need(PY) {
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
/// buffer; checks sender address, `msg_namelen`, `msg_controllen` and every header. The same
/// program runs against the FreeBSD model in `run_freebsd_clients.rs`.
const PY_RAW: &str = include_str!("clients/netlink_raw.py");

#[test]
fn python_raw_netlink() {
    if gate() && need(PY) {
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
    if gate() && need(PY) {
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
    if gate() && need("cc") {
        let exe = common::build_c(C_PROG, "ifaddrs").unwrap();
        let _cleanup = Cleanup(exe.parent().unwrap().to_path_buf());
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
    if !need("go") {
        return;
    }
    let d = common::tempdir("go");
    let _cleanup = Cleanup(d.clone());
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
    if gate() && need("cc") {
        let exe = common::build_c(include_str!("semantics.c"), "semantics").unwrap();
        let _cleanup = Cleanup(exe.parent().unwrap().to_path_buf());
        let r = same(&[common::s(&exe)], Mode::EmptyNetns, "links 3", ident);
        assert!(r.stdout.contains("addresses 4"), "{}", r.stdout);
        assert!(r.stdout.contains("port a=pid"), "{}", r.stdout);
    }
}

/// Interface ioctls answered from the backend (`--emulate-ioctls`) on AF_INET and netlink
/// sockets, probe in `ioctls.c`; the same probe with native ioctls in the backend's namespace.
#[test]
fn c_interface_ioctls() {
    if gate() && need("cc") {
        let exe = common::build_c(include_str!("ioctls.c"), "ioctls").unwrap();
        let _cleanup = Cleanup(exe.parent().unwrap().to_path_buf());
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
    if gate() && need("cc") {
        let exe = common::build_c(include_str!("threads.c"), "threads").unwrap();
        let _cleanup = Cleanup(exe.parent().unwrap().to_path_buf());
        same(
            &[common::s(&exe)],
            Mode::EmptyNetns,
            "thread 3: links 3, bad dumps 0",
            ident,
        );
    }
}

/// Copies of a netlink socket (`dup`, `fcntl(F_DUPFD*)`, `dup3`) stay served and keep their
/// close-on-exec flags; the program's own descriptors at high numbers stay native; probe in
/// `descriptors.c`.
#[test]
fn c_descriptor_copies() {
    if gate() && need("cc") {
        let exe = common::build_c(include_str!("descriptors.c"), "descriptors").unwrap();
        let _cleanup = Cleanup(exe.parent().unwrap().to_path_buf());
        let r = same(
            &[common::s(&exe)],
            Mode::EmptyNetns,
            "socket among many files: links 3",
            ident,
        );
        assert!(
            r.stdout.contains("copies: b ok c ok d ok e ok"),
            "{}",
            r.stdout
        );
        assert!(
            r.stdout
                .contains("flags: a cloexec b inherit c inherit d cloexec e cloexec"),
            "{}",
            r.stdout
        );
        assert!(
            r.stdout.contains("after close: b->e links 3"),
            "{}",
            r.stdout
        );
    }
}

/// `descriptors.c` with one argument under the runner (FreeBSD backend): stdout, stderr.
fn descriptors_probe(arg: &str) -> Option<(String, String)> {
    let exe = common::build_c(include_str!("descriptors.c"), "descriptors")?;
    let _cleanup = Cleanup(exe.parent()?.to_path_buf());
    let out = Command::new(env!("CARGO_BIN_EXE_nlcompat"))
        .args(["run", "--"])
        .arg(&exe)
        .arg(arg)
        .output()
        .ok()?;
    Some((
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// A copy of a netlink socket onto a descriptor below the runner's reserved range would leave
/// the range the filter watches: refused with EBUSY and a message instead of going unserved.
#[test]
fn dup2_below_the_reserved_range_is_refused() {
    if gate() && need("cc") {
        let (_, err) = descriptors_probe("low-dup2").unwrap();
        assert!(err.contains("dup2 onto 1: EBUSY"), "{err}");
        assert!(err.contains("is not emulated"), "{err}");
    }
}

/// A netlink socket passed with SCM_RIGHTS lands below the reserved range, where the filter
/// does not see its calls: what the program writes natively is still served (with a
/// message), and the answers reach its native reads.
#[test]
fn socket_passed_with_scm_rights_is_still_served() {
    if gate() && need("cc") {
        let (stdout, stderr) = descriptors_probe("scm").unwrap();
        assert!(stdout.contains("scm: links 3"), "{stdout}{stderr}");
        assert!(stdout.contains("scm again: links 3"), "{stdout}{stderr}");
        assert!(stderr.contains("SCM_RIGHTS"), "{stderr}");
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
        let script = r#"
ip monitor > /dev/null & p=$!
sleep 0.3
st() { grep -q 'T (stopped)' /proc/$p/status; }
kill -STOP $p
for i in $(seq 100); do st && break; sleep 0.05; done
st && echo stopped
kill -CONT $p
for i in $(seq 100); do st || break; sleep 0.05; done
st || echo running
kill $p; wait $p 2>/dev/null; echo status $?
"#;
        let r = same(&["sh", "-c", script], Mode::EmptyNetns, "stopped", ident);
        assert!(r.stdout.contains("running\nstatus 143"), "{}", r.stdout);
    }
}

/// Hundreds of sockets at once, closed, and again: port ids stay unique and the runner keeps
/// up (garbage collection, descriptors). The first socket of a fresh process gets the pid; after
/// a mass close the runner may hand out negative ids a little longer than Linux (it learns of
/// closes by sweeping, see `Runner::sweep_for_port`), so later rounds only check uniqueness.
#[test]
fn many_sockets_and_port_reuse() {
    if gate() && need(PY) {
        let script = r#"
import os, socket
for round in range(3):
    socks = [socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0) for _ in range(400)]
    for s in socks:
        s.bind((0, 0))
    ports = [s.getsockname()[0] for s in socks]
    pid_first = ports[0] == os.getpid() if round == 0 else "-"
    print(round, len(set(ports)), pid_first, sum(p == os.getpid() for p in ports) <= 1)
    for s in socks:
        s.close()
"#;
        let r = same(&[PY, "-c", script], Mode::EmptyNetns, "2 400 - True", ident);
        assert!(r.stdout.starts_with("0 400 True True\n"), "{}", r.stdout);
    }
}

/// Every `SOL_SOCKET` option 1–79 and `SOL_NETLINK` option 0–15, read and set, on a fresh
/// netlink socket: same result or errno as Linux (the unix socket behind it must not show).
#[test]
fn socket_option_sweep() {
    if gate() && need(PY) {
        let script = r#"
import socket, errno
for level, opts in ((socket.SOL_SOCKET, range(1, 80)), (270, range(0, 16))):
    for opt in opts:
        s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
        res = []
        for size in (64, 4, 2):
            try:
                res.append("len%d" % len(s.getsockopt(level, opt, size)))
            except OSError as e:
                res.append(errno.errorcode.get(e.errno, str(e.errno)))
        for val in (1, b"\x01\x00"):
            try:
                s.setsockopt(level, opt, val)
                res.append("ok")
            except OSError as e:
                res.append(errno.errorcode.get(e.errno, str(e.errno)))
        print(level, opt, *res)
        s.close()
"#;
        same(&[PY, "-c", script], Mode::EmptyNetns, "270 11 len4", ident);
    }
}

/// Every ioctl number in the socket (0x89xx) and terminal (0x54xx) ranges on a netlink socket:
/// same result or errno as Linux (the unix socket behind it must not show through).
#[test]
fn socket_ioctl_sweep() {
    if gate() && need(PY) {
        let script = r#"
import socket, fcntl, errno
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
for cmd in list(range(0x8900, 0x8a00)) + list(range(0x5401, 0x5461)):
    if cmd in (0x8901, 0x8903):  # FIOSETOWN / SIOCSPGRP change the owner
        continue
    try:
        fcntl.ioctl(s, cmd, bytes(64))
        res = "ok"
    except OSError as e:
        res = errno.errorcode.get(e.errno, str(e.errno))
    print(hex(cmd), res)
"#;
        same(&[PY, "-c", script], Mode::SameNetns, "0x541b ENOTTY", ident);
    }
}

/// Every send and receive flag bit (0–30) on a netlink socket: same result as Linux.
#[test]
fn send_recv_flag_sweep() {
    if gate() && need(PY) {
        let script = r#"
import socket, struct, errno
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
s.bind((0, 0))
req = struct.pack("=IHHIIBxxx", 20, 18, 0x301, 1, 0, 0)
def drain():
    while True:
        try:
            s.recv(65536, socket.MSG_DONTWAIT)
        except BlockingIOError:
            return
for bit in range(31):
    f = 1 << bit
    try:
        sr = "ok%d" % s.send(req, f)
    except OSError as e:
        sr = errno.errorcode.get(e.errno, str(e.errno))
    try:
        rr = "ok%d" % (len(s.recv(65536, f | socket.MSG_DONTWAIT)) > 0)
    except OSError as e:
        rr = errno.errorcode.get(e.errno, str(e.errno))
    drain()
    print(hex(f), sr, rr)
"#;
        same(
            &[PY, "-c", script],
            Mode::EmptyNetns,
            "0x1 ENOTSUP ENOTSUP",
            ident,
        );
    }
}

/// `socket(AF_NETLINK, type, protocol)` over types 0–11 (plus flag bits) and protocols −1–33:
/// same success or errno as Linux.
#[test]
fn socket_call_sweep() {
    if gate() && need(PY) {
        let script = r#"
import socket, errno
for ty in list(range(0, 12)) + [socket.SOCK_RAW | 0x80000, socket.SOCK_RAW | 0x800, socket.SOCK_RAW | 0x100000, 0x7fffffff]:
    for proto in range(-1, 34):
        try:
            socket.socket(socket.AF_NETLINK, ty, proto).close()
            r = "ok"
        except OSError as e:
            r = errno.errorcode.get(e.errno, str(e.errno))
        print(hex(ty), proto, r)
"#;
        same(&[PY, "-c", script], Mode::EmptyNetns, "0x3 16 ok", ident);
    }
}

/// Addressing over lengths −1–20 and three families, NULL pointers, sends to a user port and
/// a group, probe in `addressing.c`.
#[test]
fn c_addressing_sweep() {
    if gate() && need("cc") {
        let exe = common::build_c(include_str!("addressing.c"), "addressing").unwrap();
        let _cleanup = Cleanup(exe.parent().unwrap().to_path_buf());
        same(
            &[common::s(&exe)],
            Mode::EmptyNetns,
            "sendto user port: ECONNREFUSED",
            ident,
        );
    }
}

/// Receives over buffer sizes, `MSG_PEEK`/`MSG_TRUNC`, name and control buffer sizes,
/// `recvfrom` address lengths, `read` and `readv`, probe in `receive.c`.
#[test]
fn c_receive_sweep() {
    if gate() && need("cc") {
        let exe = common::build_c(include_str!("receive.c"), "receive").unwrap();
        let _cleanup = Cleanup(exe.parent().unwrap().to_path_buf());
        same(
            &[common::s(&exe)],
            Mode::EmptyNetns,
            "readv 4+0+12: 16",
            ident,
        );
    }
}

/// The program starts with the signal dispositions and mask it would have natively (the
/// runner ignores SIGPIPE and blocks SIGCHLD/SIGTERM/… for itself), and `-v` into a closed
/// pipe does not take the runner down.
#[test]
fn signal_state_is_the_programs() {
    if gate() {
        let script = "yes | head -1; grep -E 'SigIgn|SigBlk' /proc/self/status";
        same(&["sh", "-c", script], Mode::SameNetns, "SigIgn", ident);
        let out = common::bounded(
            Command::new("bash").arg("-c").arg(format!(
                "{} run --backend linux -v -- ip -br link 2>&1 >/dev/null | head -c 1 >/dev/null; \
                 echo runner status ${{PIPESTATUS[0]}}",
                env!("CARGO_BIN_EXE_nlcompat")
            )),
            common::BOUND,
        );
        assert_eq!(out.stdout, "runner status 0\n", "{}", out.stderr);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
    }
}

/// `preadv2`/`pwritev2` at offset −1 act as `readv`/`writev` on a netlink socket (served by the
/// runner, not the unix socket behind it); other offsets are `ESPIPE`; `RWF_NOWAIT` does not wait.
#[test]
fn preadv2_pwritev2() {
    if gate() && need(PY) {
        let script = r#"
import socket, os, struct, errno
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
req = struct.pack("=IHHIIBxxx", 20, 18, 0x301, 1, 0, 0)
print("pwritev2", os.pwritev(s.fileno(), [req], -1, 0))
buf = bytearray(65536)
n = os.preadv(s.fileno(), [buf], -1, 0)
print("preadv2", n, struct.unpack_from("=HH", buf, 4))
try:
    os.preadv(s.fileno(), [buf], 5, 0)
except OSError as e:
    print("offset 5", errno.errorcode[e.errno])
while True:
    try:
        os.preadv(s.fileno(), [buf], -1, os.RWF_NOWAIT)
    except OSError as e:
        print("nowait", errno.errorcode[e.errno])
        break
"#;
        same(
            &[PY, "-c", script],
            Mode::EmptyNetns,
            "nowait EAGAIN",
            ident,
        );
    }
}
