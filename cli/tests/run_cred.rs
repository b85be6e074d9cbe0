// SPDX-License-Identifier: BSD-2-Clause
//! Privilege checks on a program's own credentials, through both backends.
//!
//! The runner serves every netlink socket of a program from its own sockets, and runs as root
//! here. Linux checks changes against the credentials of the socket (`file_ns_capable()` in
//! `__netlink_ns_capable()`, `net/netlink/af_netlink.c`; `netlink_net_capable(skb,
//! CAP_NET_ADMIN)` in `rtnetlink_rcv_msg()`, `net/core/rtnetlink.c`), FreeBSD against the
//! socket's `so_cred` (`nlp_has_priv()`, `sys/netlink/netlink_domain.c`, from
//! `rtnl_handle_message()`, `sys/netlink/route/rt.c`): each must see the program's
//! credentials, not the runner's. Expected answers come from the real programs run natively
//! in an identically seeded namespace.
#![allow(clippy::unwrap_used, reason = "a failed step fails the test")]

#[cfg(test)]
mod common;

use common::{gate, native, need, runner, Mode, Out, BOUND};
use std::process::Command;

/// `nobody` without supplementary groups (`setpriv` clears the capability sets when the
/// user ids leave 0).
const NOBODY: &[&str] = &[
    "setpriv",
    "--reuid=65534",
    "--regid=65534",
    "--clear-groups",
];
/// An unprivileged user that keeps `CAP_NET_ADMIN` (ambient, so it survives the `exec`).
const ADMIN_1000: &[&str] = &[
    "setpriv",
    "--reuid=1000",
    "--regid=1000",
    "--clear-groups",
    "--inh-caps=+net_admin",
    "--ambient-caps=+net_admin",
];
/// Root without `CAP_NET_ADMIN` (dropped from the bounding set, so the `exec` does not grant it).
const ROOT_NO_NET_ADMIN: &[&str] = &["setpriv", "--bounding-set=-net_admin"];
/// Root of a user namespace of its own: the backend's network namespace belongs to the
/// initial one, so Linux refuses (`cap_capable()`, `security/commoncap.c`).
const USERNS_ROOT: &[&str] = &["unshare", "-U", "-r"];

const EPERM: &str = "RTNETLINK answers: Operation not permitted\n";

fn argv<'a>(who: &[&'a str], cmd: &[&'a str]) -> Vec<&'a str> {
    who.iter().chain(cmd).copied().collect()
}

/// `who` runs `cmd`, then `ip -br addr` lists the result as root: natively and under the
/// Linux backend (the program in the backend's namespace, and in an empty one of its own).
fn compare_linux(who: &[&str], cmd: &[&str], want_code: i32, want_stderr: &str) {
    let a = argv(who, cmd);
    let n = native(&a);
    assert_eq!(
        (n.code, n.stderr.as_str()),
        (Some(want_code), want_stderr),
        "native {a:?}"
    );
    for mode in [Mode::SameNetns, Mode::EmptyNetns] {
        let r = runner(&a, mode);
        assert_eq!(
            (r.code, &r.stdout, &r.stderr),
            (n.code, &n.stdout, &n.stderr),
            "{a:?} under the Linux backend ({mode:?})"
        );
    }
}

/// The refusals of `nobody`, the kernel's own, exactly as natively.
#[test]
fn linux_backend_refuses_an_unprivileged_program() {
    if !gate() || !need("setpriv") {
        return;
    }
    for cmd in [
        &["ip", "addr", "add", "198.51.100.1/24", "dev", "eth1"][..],
        &["ip", "link", "set", "eth0", "mtu", "1400"],
        &["ip", "route", "add", "198.51.100.0/24", "via", "192.0.2.1"],
    ] {
        compare_linux(NOBODY, cmd, 2, EPERM);
    }
}

/// What Linux checks is the capability, not the user id: a non-root user holding
/// `CAP_NET_ADMIN` may change the namespace (and does: the address is listed afterwards), root
/// of another user namespace may not; `nobody` may still read.
#[test]
fn linux_backend_checks_capabilities_and_user_namespaces() {
    if !gate() || !need("setpriv") || !need("unshare") {
        return;
    }
    let add_and_list = [
        "sh",
        "-c",
        "ip addr add 198.51.100.1/24 dev eth1; echo $?; ip -br addr show dev eth1",
    ];
    let n = native(&argv(ADMIN_1000, &add_and_list));
    assert!(n.stdout.starts_with("0\neth1"), "{n:?}");
    assert!(n.stdout.contains("198.51.100.1/24"), "{n:?}");
    compare_linux(ADMIN_1000, &add_and_list, 0, "");
    compare_linux(
        ROOT_NO_NET_ADMIN,
        &["ip", "addr", "add", "198.51.100.1/24", "dev", "eth1"],
        2,
        EPERM,
    );
    compare_linux(
        USERNS_ROOT,
        &["ip", "addr", "add", "198.51.100.1/24", "dev", "eth1"],
        2,
        EPERM,
    );
    let read = ["ip", "-br", "-4", "addr", "show", "dev", "eth0"];
    let n = native(&argv(NOBODY, &read));
    assert!(n.stdout.contains("192.0.2.10/24"), "{n:?}");
    compare_linux(NOBODY, &read, 0, "");
}

/// Credentials that change between `socket()` and `send()`: Linux checks the sending task,
/// and also the socket's file credentials when no address was given; the runner creates and
/// sends as the program's thread, so each combination answers as natively (`EPERM` is -1 in
/// the acknowledgement). `ip route get` shows the sending task's uid.
#[test]
fn linux_backend_checks_the_sender_and_the_socket() {
    if !gate() || !need("setpriv") {
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/clients/cred_switch.py");
    for (mode, want) in [("drop", -1), ("regain-addr", 0), ("regain-noaddr", -1)] {
        let want = format!("{mode} error {want}\n");
        let a = ["/usr/bin/python3", script, mode];
        let n = native(&a);
        assert_eq!(
            (n.code, n.stdout.as_str()),
            (Some(0), want.as_str()),
            "{n:?}"
        );
        for m in [Mode::SameNetns, Mode::EmptyNetns] {
            let r = runner(&a, m);
            assert_eq!(
                (r.code, &r.stdout, &r.stderr),
                (n.code, &n.stdout, &n.stderr),
                "{mode} {m:?}"
            );
        }
    }
    compare_linux(NOBODY, &["ip", "route", "get", "192.0.2.20"], 0, "");
    let n = native(&argv(NOBODY, &["ip", "route", "get", "192.0.2.20"]));
    assert!(n.stdout.contains(" uid 65534"), "{n:?}");
}

fn freebsd(args: &[&str]) -> Out {
    common::bounded(
        Command::new(env!("CARGO_BIN_EXE_nlcompat"))
            .args(["run", "--"])
            .args(args),
        BOUND,
    )
}

/// The FreeBSD model takes the program's user id at `socket()` as the socket's credentials
/// (FreeBSD: `so_cred`; `priv_check_cred()` grants uid 0 only): under a root runner `nobody`
/// gets the `EPERM` Linux gives, root does not. A non-root user holding `CAP_NET_ADMIN`, which
/// the Linuxulator cannot create (`linux_capset()` refuses capabilities), counts as root;
/// root without it is root.
#[test]
fn freebsd_backend_checks_the_programs_uid() {
    if !gate() || !need("setpriv") {
        return;
    }
    let add = ["ip", "addr", "add", "198.51.100.1/24", "dev", "eth1"];
    for cmd in [
        &add[..],
        &["ip", "link", "set", "eth0", "mtu", "1400"],
        &["ip", "route", "add", "198.51.100.0/24", "via", "192.0.2.1"],
    ] {
        let o = freebsd(&argv(NOBODY, cmd));
        assert_eq!((o.code, o.stderr.as_str()), (Some(2), EPERM), "{cmd:?}");
    }
    // SIOCSIFMTU, served from the model through an internal request: FreeBSD's
    // `priv_check(PRIV_NET_SETIFMTU)` in `ifhwioctl()` (`sys/net/if.c`) refuses the caller.
    if need("ifconfig") {
        let o = freebsd(&argv(NOBODY, &["ifconfig", "eth0", "mtu", "1400"]));
        assert_eq!(
            (o.code, o.stderr.as_str()),
            (Some(1), "SIOCSIFMTU: Operation not permitted\n")
        );
    }
    let o = freebsd(&argv(ADMIN_1000, &add));
    assert_eq!((o.code, o.stderr.as_str()), (Some(0), ""));
    // Root without `CAP_NET_ADMIN`: uid 0 is all FreeBSD asks (Linux refuses it).
    let o = freebsd(&argv(ROOT_NO_NET_ADMIN, &add));
    assert_eq!((o.code, o.stderr.as_str()), (Some(0), ""));
    let o = freebsd(&[
        "sh",
        "-c",
        "ip addr add 198.51.100.1/24 dev eth1 && ip -br -4 addr show dev eth1",
    ]);
    assert_eq!(o.code, Some(0), "{o:?}");
    assert!(o.stdout.contains("198.51.100.1/24"), "{o:?}");
}
