// SPDX-License-Identifier: BSD-2-Clause
//! The netlink protocol as a Linux program sees it on the FreeBSD backend, against the Linux
//! backend (the real Linux kernel) where both apply: answers the runner or translator writes
//! itself (port id, seq, flags, echo, ext-ack), lenient request parsing, datagram framing,
//! reply flags, empty dumps and `RTM_SETLINK`.
//!
//! Linux facts: `net/netlink/af_netlink.c` (`netlink_ack`, `netlink_dump`),
//! `net/core/rtnetlink.c` (`rtnetlink_rcv_msg`: a type above `RTM_MAX` or without a handler
//! is `EOPNOTSUPP`). FreeBSD facts: `sys/netlink/netlink_route.c` (`rtnl_handle_message`: a
//! type without a handler is `ENOTSUP` with "unknown message type: N").
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

#[cfg(test)]
mod common;

use std::process::Command;

use common::{bounded, gate, need, Out, BOUND};

/// The distribution's Python (a pyenv shim may come first in `PATH`).
const PY: &str = "/usr/bin/python3";

/// The raw client printing every answer datagram (`clients/answers.py`).
const ANSWERS: &str = include_str!("clients/answers.py");

/// Run `argv` under `nlcompat run --backend BACKEND`.
fn run(backend: &str, argv: &[&str]) -> Out {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nlcompat"));
    c.args(["run", "--backend", backend, "--"]).args(argv);
    // Three times the usual bound: a run waits 0.3 s per command for notifications, and a
    // loaded machine runs several of these tests at once; the bound only catches hangs.
    bounded(&mut c, BOUND * 3)
}

/// Run the answers client with `args` on `backend`; it must succeed.
fn answers(backend: &str, args: &[&str]) -> String {
    let mut argv = vec![PY, "-c", ANSWERS];
    argv.extend_from_slice(args);
    let o = run(backend, &argv);
    assert_eq!(
        o.code,
        Some(0),
        "answers {args:?} on {backend}: {}",
        o.stderr
    );
    o.stdout
}

/// The set-up of every test here: the runner's gate and the Python the clients need.
fn ready() -> bool {
    gate() && need(PY)
}

/// The answers client with `args` on the FreeBSD backend, then on the Linux backend.
fn on_both(args: &[&str]) -> (String, String) {
    (answers("freebsd", args), answers("linux", args))
}

/// `argv` under the FreeBSD backend, then under the Linux backend.
fn run_both(argv: &[&str]) -> (Out, Out) {
    (run("freebsd", argv), run("linux", argv))
}

/// Request types no kernel serves get the same answer on both backends: one `NLMSG_ERROR`
/// per request, to the socket's port, with the request's seq, flags 0, the whole request
/// echoed and `-EOPNOTSUPP`.
#[test]
fn refused_types_are_answered_like_linux_answers_them() {
    if !ready() {
        return;
    }
    let (bsd, linux) = on_both(&["refused"]);
    assert_eq!(bsd, linux);
    assert_eq!(
        bsd.matches("datagram: ERROR flags=0x0 seq=ok pid=port errno=-95 echo=request\n")
            .count(),
        6,
        "{bsd}"
    );
}

/// Control messages and messages without `NLM_F_REQUEST` reach no handler; Linux acks them
/// when asked (`netlink_rcv_skb`) and is silent otherwise.
#[test]
fn messages_no_handler_sees_are_acked_when_asked() {
    if !ready() {
        return;
    }
    let (bsd, linux) = on_both(&["control"]);
    assert_eq!(norm(&bsd), norm(&linux));
    assert_eq!(
        bsd.matches("datagram: ERROR flags=0x100 seq=ok pid=port errno=0 echo=header\n")
            .count(),
        2,
        "{bsd}"
    );
}

/// Types Linux serves and FreeBSD does not: FreeBSD's errno and text, in Linux's shape
/// (`NLM_F_ACK_TLVS` with `NETLINK_EXT_ACK`, `NLM_F_CAPPED` and the header only with
/// `NETLINK_CAP_ACK`).
#[test]
fn types_freebsd_lacks_get_its_errno_and_text() {
    if !ready() {
        return;
    }
    let ext = answers("freebsd", &["refused_freebsd", "ext_ack"]);
    let mut want = String::new();
    for t in [34, 38, 82] {
        want += &format!(
            "== type {t} dump\n  datagram: ERROR flags=0x200 seq=ok pid=port errno=-95 \
             echo=request msg='unknown message type: {t}'\n"
        );
    }
    assert_eq!(ext, want);
    let cap = answers("freebsd", &["refused_freebsd", "cap_ack"]);
    let mut want = String::new();
    for t in [34, 38, 82] {
        want += &format!(
            "== type {t} dump\n  datagram: ERROR flags=0x100 seq=ok pid=port errno=-95 \
             echo=header\n"
        );
    }
    assert_eq!(cap, want);
}

/// iproute2 commands whose requests FreeBSD refuses end at once with the error iproute2
/// prints for the errno (they used to wait forever for an answer addressed to port 0).
#[test]
fn iproute2_commands_freebsd_refuses_end_with_the_linux_error_text() {
    if !gate() {
        return;
    }
    const EOPNOTSUPP: &str = "RTNETLINK answers: Operation not supported\nDump terminated\n";
    // (command, exit status iproute2 uses for a failed dump there)
    let cases: &[(&[&str], i32)] = &[
        (&["ip", "rule", "show"], 255),                   // RTM_GETRULE 34
        (&["ip", "-6", "rule"], 255),                     // RTM_GETRULE 34, AF_INET6
        (&["tc", "qdisc", "show"], 1),                    // RTM_GETQDISC 38
        (&["tc", "class", "show", "dev", "eth0"], 1),     // RTM_GETTCLASS 42
        (&["tc", "filter", "show", "dev", "eth0"], 1),    // RTM_GETTFILTER 46
        (&["ip", "netconf"], 1),                          // RTM_GETNETCONF 82
        (&["ip", "addrlabel"], 255),                      // RTM_GETADDRLABEL 74
        (&["ip", "ntable"], 1),                           // RTM_GETNEIGHTBL 66
        (&["ip", "stats"], 2),                            // RTM_GETSTATS 94
        (&["ip", "link", "xstats", "type", "bridge"], 1), // RTM_GETSTATS 94
    ];
    for (argv, code) in cases {
        let o = run("freebsd", argv);
        assert_eq!(
            (o.code, o.stdout.as_str(), o.stderr.as_str()),
            (Some(*code), "", EOPNOTSUPP),
            "{argv:?}"
        );
    }
}

/// One answer per request: the datagram lines of each `==` block joined, since how Linux cuts
/// a dump into datagrams depends on the reader's buffer and the dumper (`netlink_dump`).
fn answers_joined(out: &str) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for line in out.lines() {
        if let Some(d) = line.strip_prefix("  datagram: ") {
            if let Some(last) = v.last_mut() {
                last.push_str(" | ");
                last.push_str(d);
            }
        } else {
            v.push(line.to_owned());
        }
    }
    v.into_iter()
        .map(|a| a.replace(" | some x ", " | ").replace(": some x ", ": "))
        .collect()
}

/// Answers as compared across backends: one per request ([`answers_joined`]), repeats
/// counted once ([`dedup`]).
fn norm(out: &str) -> Vec<String> {
    answers_joined(out).iter().map(|a| dedup(a)).collect()
}

/// An answer with consecutive equal messages counted once (dump sizes differ between the
/// model's host and the Linux namespace).
fn dedup(answer: &str) -> String {
    answer
        .split(" | ")
        .fold(Vec::<&str>::new(), |mut v, w| {
            if v.last() != Some(&w) {
                v.push(w);
            }
            v
        })
        .join(" | ")
}

/// Dump requests with headers of another size, junk in them, or attributes Linux ignores:
/// a non-strict socket gets the whole table, as from Linux; a strict one
/// (`NETLINK_GET_STRICT_CHK`) gets Linux's `NLMSG_DONE` with `-EINVAL` and Linux's text.
/// Dump parts are flagged `NLM_F_MULTI` only (not the request's flags FreeBSD copies).
#[test]
fn dump_requests_are_read_as_linux_reads_them() {
    if !ready() {
        return;
    }
    let (bsd, linux) = on_both(&["lenient", "ext_ack"]);
    assert_eq!(norm(&bsd), norm(&linux));
    assert_eq!(
        bsd.matches("DONE flags=0x2 seq=ok pid=port status=0")
            .count(),
        13,
        "{bsd}"
    );
    let (bsd, linux) = on_both(&["lenient", "ext_ack", "strict"]);
    assert_eq!(bsd, linux);
    assert!(
        bsd.contains("DONE flags=0x202 seq=ok pid=port status=-22 msg='Filter by device index not supported for link dumps'"),
        "{bsd}"
    );
}

/// Replies to requests that are not dumps and their acks are datagrams of their own, flagged
/// 0 and `NLM_F_CAPPED`, the ack echoing the request header as sent: the same on both
/// backends (`netlink_unicast`, `netlink_ack`).
#[test]
fn replies_and_acks_are_separate_datagrams_with_linux_flags() {
    if !ready() {
        return;
    }
    let (bsd, linux) = on_both(&["framing", "ext_ack"]);
    assert_eq!(bsd, linux);
    assert_eq!(
        bsd.matches("\n  datagram: ERROR flags=0x100 seq=ok pid=port errno=0 echo=header\n")
            .count(),
        3,
        "{bsd}"
    );
    // nlctrl, as sd-netlink resolves a family: the reply, then the ack, apart.
    let genl = answers("freebsd", &["framing_genl", "ext_ack"]);
    assert_eq!(
        genl,
        "== nlctrl getfamily nlctrl, ack\n  datagram: 16 flags=0x0 seq=ok pid=port\n  \
         datagram: ERROR flags=0x100 seq=ok pid=port errno=0 echo=header\n\
         == nlctrl dump\n  datagram: 16 flags=0x2 seq=ok pid=port | DONE flags=0x2 seq=ok \
         pid=port status=0\n"
    );
}

/// Notifications a request causes carry the flags Linux sets (`RTM_NEWROUTE`: creation flags,
/// `RTM_DELROUTE`: 0, nexthop events: the request's), not all of the request's flags as
/// FreeBSD's `report_operation()` copies them.
#[test]
fn notifications_carry_linux_flags() {
    if !ready() {
        return;
    }
    let script = include_str!("clients/notify_flags.py");
    let (bsd, linux) = run_both(&[PY, "-c", script]);
    assert_eq!(bsd.code, Some(0), "{}", bsd.stderr);
    assert_eq!(linux.code, Some(0), "{}", linux.stderr);
    assert_eq!(bsd.stdout, linux.stdout);
    for line in [
        "ip route add 203.0.113.0/24 via 192.0.2.1 -> 24/0x600",
        "ip route replace 203.0.113.0/24 via 192.0.2.2 -> 24/0x100",
        "ip nexthop add id 7 via 192.0.2.1 dev eth0 -> 104/0x605",
        "ip route del 203.0.113.0/24 -> 25/0x0",
    ] {
        assert!(
            bsd.stdout.lines().any(|l| l == line),
            "{line}\n{}",
            bsd.stdout
        );
    }
}

/// Dumps Linux answers with nothing get an empty dump (one `NLMSG_DONE`, status 0) where
/// FreeBSD answers an error (`RTM_GETNEXTHOP` before the first nexthop: `ESRCH`; a neighbour
/// filter naming no interface: `ENOENT`) or has nothing to ask (`AF_BRIDGE`), as on Linux.
#[test]
fn empty_dumps_are_empty_not_errors() {
    if !ready() {
        return;
    }
    let (bsd, linux) = on_both(&["empty", "ext_ack"]);
    assert_eq!(bsd, linux);
    assert_eq!(
        bsd.matches("\n  datagram: DONE flags=0x2 seq=ok pid=port status=0\n")
            .count(),
        3,
        "{bsd}"
    );
    // Families FreeBSD's netlink has nothing of (bridge forwarding entries, multicast
    // routes); the Linux namespace here differs (veth multicast entries, no IPMR in the
    // kernel), so FreeBSD's answer is asserted alone.
    let bsd = answers("freebsd", &["empty_freebsd", "ext_ack"]);
    assert_eq!(
        bsd.matches("\n  datagram: DONE flags=0x2 seq=ok pid=port status=0\n")
            .count(),
        3,
        "{bsd}"
    );
    for argv in [
        &["ip", "nexthop", "show"][..],
        &["bridge", "link"],
        &["bridge", "fdb"],
        &["ip", "mroute"],
        &["ip", "-6", "mroute"],
    ] {
        let o = run("freebsd", argv);
        assert_eq!(
            (o.code, o.stdout.as_str(), o.stderr.as_str()),
            (Some(0), "", ""),
            "{argv:?}"
        );
    }
}

/// `RTM_SETLINK` (systemd-networkd, the `rtnetlink` crate) changes the link through FreeBSD's
/// modify path: the same acks and the same link state as on Linux for MTU and down.
#[test]
fn setlink_changes_the_link_like_linux() {
    if !ready() {
        return;
    }
    let (bsd, linux) = on_both(&["setlink", "ext_ack"]);
    assert_eq!(bsd, linux);
    assert!(bsd.contains("  eth1: up=0 mtu=1400\n"), "{bsd}");
    assert!(bsd.contains("  eth0: up=0 mtu=1280\n"), "{bsd}");
    // FreeBSD 14's `_nl_modify_ifp_generic()` (sys/netlink/route/iface_drivers.c) only takes
    // links down: "up" is acked and the link stays down (docs/compatibility.md). The errors
    // of the modify path come as Linux's `rtnl_setlink` reports the same conditions.
    let bsd = answers("freebsd", &["setlink", "ext_ack", "up"]);
    let tail: Vec<&str> = bsd.lines().skip(9).collect();
    assert_eq!(
        tail,
        [
            "== setlink eth1 up",
            "  datagram: ERROR flags=0x100 seq=ok pid=port errno=0 echo=header",
            "  eth1: up=0 mtu=1400",
            "== setlink of a missing interface",
            "  datagram: ERROR flags=0x200 seq=ok pid=port errno=-19 echo=request msg='unable to find interface nosuch0'",
            "== setlink without index or name",
            "  datagram: ERROR flags=0x200 seq=ok pid=port errno=-22 echo=request msg='empty ifi_index field'",
        ]
    );
}

/// A socket that is a member of the route group and adds a route itself: the notification
/// of its own change arrives as multicast (group in the sender address), then the ack as
/// unicast — as on Linux (`nlmsg_notify`, `netlink_ack`).
const PY_OWN_EVENT: &str = r#"
import socket, struct, select
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
s.bind((0, 0x40))  # RTMGRP_IPV4_ROUTE
def nla(ty, p): return struct.pack("=HH", 4 + len(p), ty) + p + bytes(-len(p) % 4)
body = struct.pack("=BBBBBBBBI", 2, 24, 0, 0, 254, 4, 0, 1, 0) \
    + nla(1, bytes([203, 0, 113, 0])) + nla(5, bytes([192, 0, 2, 1]))
s.send(struct.pack("=IHHII", 16 + len(body), 24, 0x605, 77, 0) + body)
while select.select([s], [], [], 0.5)[0]:
    d, addr = s.recvfrom(65536)
    ln, ty, fl, sq, pid = struct.unpack_from("=IHHII", d)
    print(ty, hex(fl), sq, addr[1], len(d) == ((ln + 3) & ~3))
"#;

#[test]
fn own_notifications_arrive_as_multicast() {
    if !ready() {
        return;
    }
    let (bsd, linux) = run_both(&[PY, "-c", PY_OWN_EVENT]);
    assert_eq!(bsd.code, Some(0), "{}", bsd.stderr);
    assert_eq!(bsd.stdout, linux.stdout);
    assert_eq!(bsd.stdout, "24 0x600 77 64 True\n2 0x100 77 0 True\n");
}

/// Dumps the kernel filters carry `NLM_F_DUMP_FILTERED` where FreeBSD filters as Linux does
/// (strict address dump by index, parts and DONE; neighbour dump by `NDA_IFINDEX`, parts), and
/// a strict address dump of a missing interface ends with Linux's `-ENODEV`.
#[test]
fn kernel_filtered_dumps_say_so() {
    if !ready() {
        return;
    }
    for mode in ["strict", "ext_ack"] {
        let (bsd, linux) = on_both(&["filtered", mode]);
        assert_eq!(norm(&bsd), norm(&linux), "{mode}");
    }
    let bsd = answers("freebsd", &["filtered", "strict"]);
    assert!(
        bsd.contains("DONE flags=0x22 seq=ok pid=port status=-19"),
        "{bsd}"
    );
    assert!(
        bsd.contains("28 flags=0x22 seq=ok pid=port | DONE flags=0x2 "),
        "{bsd}"
    );
}
