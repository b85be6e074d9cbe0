// SPDX-License-Identifier: BSD-2-Clause
//! `nlcompat decode`, `xlate` and `replay` on captures the project records itself with
//! `nlcompat run --pcap`.
//!
//! Expectations are facts, not output of the code under test: the model's default host
//! (`freebsd-sim/topologies/default.toml`: em0 52:54:00:12:34:56 with 192.0.2.10/24 and
//! 2001:db8::10/64, em1, lo0 with MTU 16384), the seeded Linux namespace of
//! `common::SETUP` (Linux's `lo` has MTU 65536), the ABI numbers (`AF_INET6` is 10 on Linux,
//! 28 on FreeBSD; `IFT_ETHER` 6, `ARPHRD_ETHER` 1; `EEXIST` 17 on both, negative on Linux),
//! and what tshark makes of the files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::as_conversions
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{bounded, gate, need, s, tempdir, Out, BOUND};

fn nlcompat(args: &[&str]) -> Out {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nlcompat"));
    c.args(args);
    bounded(&mut c, BOUND)
}

/// A test's scratch directory, removed when the test passes (kept to look at when it fails).
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        Scratch(tempdir(name))
    }

    fn join(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }

    /// Records `argv` under the runner (`opts` before `--`) into `NAME.pcapng` here.
    fn record(&self, name: &str, opts: &[&str], argv: &[&str]) -> PathBuf {
        let file = self.join(&format!("{name}.pcapng"));
        let mut args = vec!["run", "--pcap", s(&file)];
        args.extend_from_slice(opts);
        args.push("--");
        args.extend_from_slice(argv);
        let o = nlcompat(&args);
        assert!(
            o.code.is_some(),
            "runner killed recording {argv:?}: {}",
            o.stderr
        );
        file
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// The set-up of a test on a recorded session: the gate, then a scratch directory `name`
/// holding the capture of `argv` run under the runner with `opts`.
fn session(name: &str, opts: &[&str], argv: &[&str]) -> Option<(Scratch, PathBuf)> {
    if !gate() {
        return None;
    }
    let dir = Scratch::new(name);
    let cap = dir.record(name, opts, argv);
    Some((dir, cap))
}

fn ok(o: &Out, what: &str) -> String {
    assert_eq!(o.code, Some(0), "{what} failed: {}", o.stderr);
    o.stdout.clone()
}

/// `nlcompat ARGS`, which must succeed: its output.
fn run_ok(args: &[&str]) -> String {
    ok(&nlcompat(args), &args.join(" "))
}

/// Lines starting a message (`#N side ...`) with `side`.
fn heads<'a>(text: &'a str, side: &str) -> Vec<&'a str> {
    text.lines()
        .filter(|l| l.starts_with('#') && l.split_whitespace().nth(1) == Some(side))
        .collect()
}

#[test]
fn decode_names_both_abis_of_a_recorded_session() {
    let Some((_dir, cap)) = session("addr", &[], &["ip", "addr"]) else {
        return;
    };
    let text = run_ok(&["decode", s(&cap)]);
    // Requests and replies on both sides, with the socket's port id.
    let linux = heads(&text, "linux");
    let freebsd = heads(&text, "freebsd");
    assert!(
        linux
            .iter()
            .any(|l| l.contains("> ") && l.contains("RTM_GETLINK(18)") && l.contains("NLM_F_DUMP")),
        "{text}"
    );
    assert!(
        linux
            .iter()
            .any(|l| l.contains("RTM_NEWADDR(20)") && l.contains(" port ")),
        "{text}"
    );
    assert!(
        freebsd.iter().any(|l| l.contains("RTM_NEWLINK(16)")),
        "{text}"
    );
    // Each side with its own numbers and names.
    assert!(text.contains("ifa_family AF_INET6(10)"), "{text}");
    assert!(text.contains("ifa_family AF_INET6(28)"), "{text}");
    assert!(text.contains("ifi_type ARPHRD_ETHER(1)"), "{text}");
    assert!(text.contains("ifi_type IFT_ETHER(6)"), "{text}");
    assert!(text.contains("IFLA_IFNAME eth0"), "{text}");
    assert!(text.contains("IFLA_IFNAME em0"), "{text}");
    // Values: addresses, MACs, nested attributes, interface names of indexes.
    assert!(text.contains("IFA_ADDRESS 192.0.2.10"), "{text}");
    assert!(text.contains("IFA_ADDRESS 2001:db8::10"), "{text}");
    assert!(text.contains("IFLA_ADDRESS 52:54:00:12:34:56"), "{text}");
    assert!(
        text.contains("IFLA_LINKINFO:\n        IFLA_INFO_KIND lo"),
        "{text}"
    );
    assert!(text.contains("(eth0)"), "{text}");
    // FreeBSD's private nest: IFLAF_ORIG_HWADDR (2, `sys/netlink/route/interface.h`) by
    // number, as the translator's tables do not name inner ids.
    assert!(
        text.contains("    IFLA_FREEBSD:\n        attr 2 0x525400123456\n"),
        "{text}"
    );
    // --side and --json: one JSON object per message, all of the chosen side.
    let json = run_ok(&["decode", "--json", "--side", "freebsd", s(&cap)]);
    let objs: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(objs.len() >= 6, "{json}");
    assert!(objs.iter().all(|o| o["abi"] == "freebsd"), "{json}");
    assert!(
        objs.iter().any(|o| o["msg_type"]["name"] == "RTM_NEWADDR"
            && o["header"]["fields"][0]["value"]["value"] == 28),
        "{json}"
    );
}

#[test]
fn decode_shows_errno_names_on_each_side() {
    // The default host already has this route: EEXIST (17 on both systems).
    let argv = ["ip", "route", "add", "default", "via", "192.0.2.1"];
    let Some((_dir, cap)) = session("dup", &[], &argv) else {
        return;
    };
    let text = run_ok(&["decode", s(&cap)]);
    assert!(text.contains("error -17 EEXIST"), "{text}");
    assert!(text.contains("error 17 EEXIST"), "{text}");
    // The echoed request is decoded too.
    assert!(text.contains("request: RTM_NEWROUTE(24)"), "{text}");
}

/// Multipath and `RTA_VIA`: `struct rtnexthop` hops are weight − 1 on Linux and the weight
/// on FreeBSD (`include/uapi/linux/rtnetlink.h`, `sys/netlink/route/rt.c`); `struct rtvia`
/// has a u16 family on Linux, u8 on FreeBSD. FreeBSD-only attributes carry FreeBSD's names.
#[test]
fn decode_multipath_via_and_freebsd_only_attributes() {
    if !gate() {
        return;
    }
    let dir = Scratch::new("mp");
    let topo = dir.join("mp.toml");
    std::fs::write(
        &topo,
        r#"
[[interface]]
name = "em0"
type = "ether"
mac = "52:54:00:12:34:56"
up = true
addresses = ["192.0.2.10/24", "2001:db8::10/64"]
[[interface]]
name = "em1"
type = "ether"
mac = "52:54:00:12:34:57"
up = true
addresses = ["198.51.100.10/24"]
[[interface]]
name = "lo0"
type = "loopback"
up = true
addresses = ["127.0.0.1/8"]
[[route]]
dst = "203.0.113.0/24"
multipath = [{ gateway = "192.0.2.1" }, { gateway = "198.51.100.1", weight = 3 }]
[[route]]
dst = "10.9.0.0/16"
gateway = "fe80::1"
interface = "em0"
"#,
    )
    .unwrap();
    let cap = dir.record(
        "mp",
        &["--topology", s(&topo)],
        &["sh", "-c", "ip route show && ip route get 10.9.1.1"],
    );
    let text = run_ok(&["decode", s(&cap)]);
    assert!(
        text.contains("RTA_VIA {family AF_INET6(10), addr fe80::1}"),
        "{text}"
    );
    assert!(
        text.contains("RTA_VIA {family AF_INET6(28), addr fe80::1}"),
        "{text}"
    );
    assert!(
        text.contains(
            "        nexthop ifindex 2 hops 2 flags 0\n            RTA_GATEWAY 198.51.100.1"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "        nexthop ifindex 2 hops 3 flags 0\n            RTA_GATEWAY 198.51.100.1"
        ),
        "{text}"
    );
    assert!(text.contains("    NL_RTA_KNH_ID "), "{text}");
    // Linux's main table is 254, FreeBSD's fib 0.
    assert!(text.contains("RTA_TABLE RT_TABLE_MAIN(254)"), "{text}");
    assert!(text.contains("RTA_TABLE RT_TABLE_MAIN(0)"), "{text}");
    // Several sockets (ip route get opens more): the replay matches on each.
    let r = nlcompat(&["replay", "--topology", s(&topo), s(&cap)]);
    assert_eq!(r.code, Some(0), "{}\n{}", r.stdout, r.stderr);
}

/// An NLMSG_ERROR with ext-ack TLVs, built by hand from `include/uapi/linux/netlink.h`:
/// error -22 (EINVAL), capped echo of an `RTM_NEWADDR` header, `NLMSGERR_ATTR_MSG` and
/// `NLMSGERR_ATTR_OFFS`.
#[test]
fn decode_raw_stream_shows_ext_ack_text() {
    let dir = Scratch::new("extack");
    let mut p = (-22i32).to_ne_bytes().to_vec();
    // echoed nlmsghdr: len 40, RTM_NEWADDR 20, REQUEST|ACK|EXCL|CREATE, seq 7, pid 0
    p.extend_from_slice(&40u32.to_ne_bytes());
    p.extend_from_slice(&20u16.to_ne_bytes());
    p.extend_from_slice(&0x605u16.to_ne_bytes());
    p.extend_from_slice(&7u32.to_ne_bytes());
    p.extend_from_slice(&0u32.to_ne_bytes());
    let msg = b"prefix length too long\0";
    p.extend_from_slice(&((4 + msg.len()) as u16).to_ne_bytes());
    p.extend_from_slice(&1u16.to_ne_bytes());
    p.extend_from_slice(msg);
    while p.len() % 4 != 0 {
        p.push(0);
    }
    p.extend_from_slice(&8u16.to_ne_bytes());
    p.extend_from_slice(&2u16.to_ne_bytes());
    p.extend_from_slice(&17u32.to_ne_bytes());
    let mut m = ((16 + p.len()) as u32).to_ne_bytes().to_vec();
    m.extend_from_slice(&2u16.to_ne_bytes());
    m.extend_from_slice(&0x300u16.to_ne_bytes()); // NLM_F_CAPPED | NLM_F_ACK_TLVS
    m.extend_from_slice(&7u32.to_ne_bytes());
    m.extend_from_slice(&1234u32.to_ne_bytes());
    m.extend_from_slice(&p);
    let f = dir.join("err.bin");
    std::fs::write(&f, &m).unwrap();
    let text = run_ok(&["decode", s(&f)]);
    assert!(text.contains("NLMSG_ERROR(2)"), "{text}");
    assert!(text.contains("NLM_F_CAPPED|NLM_F_ACK_TLVS"), "{text}");
    assert!(text.contains("error -22 EINVAL"), "{text}");
    assert!(text.contains("request: RTM_NEWADDR(20) len 40"), "{text}");
    assert!(
        text.contains("NLMSGERR_ATTR_MSG \"prefix length too long\""),
        "{text}"
    );
    assert!(text.contains("NLMSGERR_ATTR_OFFS 17"), "{text}");
    // The same bytes read as FreeBSD: -22 is not a FreeBSD errno value on the wire, but
    // 22 is EINVAL there too; the name follows the magnitude.
    let bsd = run_ok(&["decode", "--abi", "freebsd", s(&f)]);
    assert!(bsd.starts_with("#@0 freebsd "), "{bsd}");
    // Garbage after the message is reported, not skipped.
    let mut bad = m.clone();
    bad.extend_from_slice(&[0xff; 20]);
    std::fs::write(&f, &bad).unwrap();
    let o = nlcompat(&["decode", s(&f)]);
    assert_ne!(o.code, Some(0));
    assert!(
        o.stderr.contains(&format!("offset {}", m.len())),
        "{}",
        o.stderr
    );
}

#[test]
fn tshark_reads_our_pcapng_with_todays_date_and_no_malformed_packet() {
    if !gate() || !need("tshark") {
        return;
    }
    let Some((_dir, cap)) = session("link", &[], &["ip", "-d", "link"]) else {
        return;
    };
    let t = bounded(Command::new("tshark").args(["-r", s(&cap), "-V"]), BOUND);
    assert_eq!(t.code, Some(0), "{}", t.stderr);
    assert!(!t.stdout.contains("Malformed"), "{}", t.stdout);
    assert!(
        t.stdout.contains("Linux netlink ABI"),
        "interface description"
    );
    assert!(
        t.stdout.contains("FreeBSD netlink ABI"),
        "interface description"
    );
    let times = bounded(
        Command::new("tshark").args(["-r", s(&cap), "-T", "fields", "-e", "frame.time_epoch"]),
        BOUND,
    );
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64();
    let epochs: Vec<f64> = times
        .stdout
        .lines()
        .map(|l| l.trim().parse().unwrap())
        .collect();
    assert!(epochs.len() >= 4, "{}", times.stdout);
    for e in epochs {
        assert!((now - e).abs() < 3600.0, "frame time {e}, now {now}");
    }
}

/// `xlate` of the Linux side of a capture gives the bytes the runner handed the model.
#[test]
fn xlate_pcapng_in_and_out_matches_the_runners_freebsd_side() {
    let Some((dir, cap)) = session("addr", &[], &["ip", "-6", "addr"]) else {
        return;
    };
    // `xlate` of the capture's Linux side into `out`, as `format` or by default.
    let xlate = |format: Option<&str>, out: &Path| {
        let mut args = vec!["xlate", "--from", "linux"];
        args.extend(format.map(|f| ["--format", f]).iter().flatten());
        args.extend([s(&cap), s(out)]);
        run_ok(&args)
    };
    let out = dir.join("xlated.pcapng");
    xlate(None, &out);
    let requests = |file: &Path, side: &str| -> Vec<String> {
        let j = run_ok(&["decode", "--json", "--side", side, s(file)]);
        j.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|o| o["dir"] == "request")
            .map(|mut o| {
                o.as_object_mut().unwrap().remove("time");
                o.as_object_mut().unwrap().remove("frame");
                // The runner records the model's side without the Linux socket's port id.
                o.as_object_mut().unwrap().remove("port");
                o.to_string()
            })
            .collect()
    };
    let runner = requests(&cap, "freebsd");
    let xlated = requests(&out, "freebsd");
    assert!(!runner.is_empty());
    assert_eq!(xlated, runner);
    // Raw output decodes as FreeBSD messages.
    let raw = dir.join("xlated.bin");
    xlate(Some("raw"), &raw);
    let text = run_ok(&["decode", "--abi", "freebsd", s(&raw)]);
    assert!(text.contains("RTM_GETADDR(22)"), "{text}");
    assert!(text.contains("AF_INET6(28)"), "{text}");
    // Classic pcap out: no interfaces, so --abi says what it holds.
    let classic_out = dir.join("xlated.pcap");
    xlate(Some("pcap"), &classic_out);
    let text = run_ok(&["decode", "--abi", "freebsd", s(&classic_out)]);
    let runner_text = run_ok(&["decode", "--side", "freebsd", s(&cap)]);
    let first = |t: &str| {
        t.lines()
            .find(|l| l.contains("RTM_GETADDR(22)"))
            .map(|l| l.split(" len ").nth(1).unwrap_or("").to_owned())
    };
    assert!(first(&text).is_some(), "{text}");
    assert_eq!(
        first(&text).map(|l| l.split(" port").next().map(str::to_owned)),
        first(&runner_text).map(|l| l.split(" port").next().map(str::to_owned))
    );
    // Classic pcap (converted by Wireshark's editcap, microsecond timestamps) reads too;
    // without interface names every packet takes --abi.
    if need("editcap") {
        let classic = dir.join("addr.pcap");
        let e = bounded(
            Command::new("editcap").args(["-F", "pcap", s(&cap), s(&classic)]),
            BOUND,
        );
        assert_eq!(e.code, Some(0), "{}", e.stderr);
        let ng = run_ok(&["decode", "--side", "linux", s(&cap)]);
        let old = run_ok(&["decode", s(&classic)]);
        let first = |t: &str| t.lines().next().unwrap_or("").to_owned();
        // Same first packet, same time to the microsecond.
        let cut = |l: String| {
            l.split('Z')
                .next()
                .unwrap_or("")
                .get(..36)
                .map(str::to_owned)
        };
        assert_eq!(cut(first(&old)), cut(first(&ng)), "{old}");
        assert!(old.contains("RTM_GETADDR(22)"), "{old}");
    }
}

#[test]
fn replay_of_a_model_capture_matches_and_a_changed_host_differs() {
    let Some((dir, cap)) = session("addr", &[], &["ip", "addr"]) else {
        return;
    };
    let same = nlcompat(&["replay", s(&cap)]);
    assert_eq!(same.code, Some(0), "{}\n{}", same.stdout, same.stderr);
    assert!(
        same.stdout.contains("0 answered differently"),
        "{}",
        same.stdout
    );
    // The same host with em0's MTU changed: the replay must see it.
    let topo = dir.join("mtu.toml");
    let default =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../freebsd-sim/topologies/default.toml");
    let text = std::fs::read_to_string(default).unwrap();
    // em0 is the first interface and the first `mtu = 1500` of the file.
    assert!(text.find("name = \"em0\"") < text.find("mtu = 1500"));
    let changed = text.replacen("mtu = 1500", "mtu = 9000", 1);
    assert_ne!(text, changed);
    std::fs::write(&topo, changed).unwrap();
    let diff = nlcompat(&["replay", "--topology", s(&topo), s(&cap)]);
    assert_eq!(diff.code, Some(1), "{}\n{}", diff.stdout, diff.stderr);
    assert!(
        diff.stdout.contains("  - ") && diff.stdout.contains("IFLA_MTU 1500"),
        "{}",
        diff.stdout
    );
    assert!(
        diff.stdout.contains("  +     IFLA_MTU 9000"),
        "{}",
        diff.stdout
    );
    // A release the model has no profile for is refused with one line naming it.
    let rel = nlcompat(&["replay", "--freebsd", "13.2", s(&cap)]);
    assert_eq!(rel.code, Some(125), "{}", rel.stdout);
    assert!(
        rel.stderr.starts_with("nlcompat: --freebsd 13.2: "),
        "{}",
        rel.stderr
    );
    assert_eq!(rel.stderr.lines().count(), 1, "{}", rel.stderr);
}

/// A capture of the real Linux kernel replayed against the model shows where FreeBSD
/// answers differently: here the loopback MTU (Linux 65536, FreeBSD lo0 16384).
#[test]
fn replay_of_a_linux_capture_shows_where_freebsd_differs() {
    if !gate() {
        return;
    }
    let dir = Scratch::new("replay-linux");
    let setup = dir.join("setup.txt");
    std::fs::write(&setup, common::SETUP).unwrap();
    let cap = dir.record(
        "linux",
        &["--backend", "linux", "--netns-setup", s(&setup)],
        &["ip", "link", "show", "lo"],
    );
    let o = nlcompat(&["replay", s(&cap)]);
    assert_eq!(o.code, Some(1), "{}\n{}", o.stdout, o.stderr);
    assert!(o.stdout.contains("  -     IFLA_MTU 65536"), "{}", o.stdout);
    assert!(o.stdout.contains("  +     IFLA_MTU 16384"), "{}", o.stdout);
}

/// A 20,000-route dump streams through `decode` in bounded memory, and its replay matches.
#[test]
fn large_route_dump_decodes_and_replays_streaming() {
    if !gate() {
        return;
    }
    let dir = Scratch::new("large");
    let n = 20_000u32;
    let mut topo = String::from(
        "[[interface]]\nname = \"lo0\"\ntype = \"loopback\"\nup = true\naddresses = [\"127.0.0.1/8\"]\n\
         [[interface]]\nname = \"em0\"\ntype = \"ether\"\nmac = \"52:54:00:12:34:56\"\nup = true\n\
         addresses = [\"192.0.2.10/24\"]\n",
    );
    for i in 0..n {
        topo.push_str(&format!(
            "[[route]]\ndst = \"10.{}.{}.0/24\"\ngateway = \"192.0.2.1\"\ninterface = \"em0\"\n",
            i >> 8,
            i & 255
        ));
    }
    let tf = dir.join("big.toml");
    std::fs::write(&tf, topo).unwrap();
    let cap = dir.join("big.pcapng");
    let mut c = Command::new(env!("CARGO_BIN_EXE_nlcompat"));
    c.args([
        "run",
        "--topology",
        s(&tf),
        "--pcap",
        s(&cap),
        "--",
        "sh",
        "-c",
        "ip route show | wc -l",
    ]);
    let rec = bounded(&mut c, Duration::from_secs(300));
    assert_eq!(rec.code, Some(0), "{}", rec.stderr);
    assert!(
        rec.stdout.trim().parse::<u32>().unwrap() > n,
        "{}",
        rec.stdout
    );
    // decode under a 200 MB address-space limit: it must stream (the decoded text alone is
    // several times the capture).
    let start = Instant::now();
    let script = format!(
        "ulimit -v 200000; exec {} decode {} | grep -c 'RTM_NEWROUTE(24)'",
        env!("CARGO_BIN_EXE_nlcompat"),
        s(&cap)
    );
    let d = bounded(
        Command::new("sh").args(["-c", &script]),
        Duration::from_secs(300),
    );
    let secs = start.elapsed().as_secs_f64();
    let routes: u32 = d.stdout.trim().parse().unwrap_or(0);
    // Both sides carry every route.
    assert!(routes >= 2 * n, "{} routes decoded: {}", routes, d.stderr);
    eprintln!("decode of {routes} route messages: {secs:.1} s");
    let r = bounded(
        Command::new(env!("CARGO_BIN_EXE_nlcompat")).args([
            "replay",
            "--topology",
            s(&tf),
            s(&cap),
        ]),
        Duration::from_secs(300),
    );
    assert_eq!(r.code, Some(0), "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("0 answered differently"), "{}", r.stdout);
}
