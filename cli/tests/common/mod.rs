// SPDX-License-Identifier: BSD-2-Clause
//! Shared helpers of the runner's differential tests: environment gate, bounded execution,
//! native-vs-runner comparison in identically seeded network namespaces.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// Default bound for one program run.
pub(crate) const BOUND: Duration = Duration::from_secs(20);

/// The seeded topology, identical for native and runner runs (one `ip` command per line).
pub(crate) const SETUP: &str = "\
ip link add eth0 address 02:00:00:00:00:10 type veth peer name eth1 address 02:00:00:00:00:11
ip link set eth0 up
ip addr add 192.0.2.10/24 dev eth0
ip -6 addr add 2001:db8::10/64 dev eth0 nodad
ip route add default via 192.0.2.1
ip neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev eth0
";

/// Output of a bounded run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Out {
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Whether the runner can work here; `Err(reason)` otherwise. Under `CI` a missing
/// prerequisite is a failure, not a skip.
pub(crate) fn gate() -> bool {
    match prerequisites() {
        Ok(()) => true,
        Err(why) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "runner tests cannot run under CI: {why}"
            );
            eprintln!("SKIP: {why}");
            false
        }
    }
}

fn prerequisites() -> Result<(), String> {
    let status = std::fs::read_to_string("/proc/self/status").map_err(|e| e.to_string())?;
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|v| v.split_whitespace().nth(1))
        .unwrap_or("");
    if uid != "0" {
        return Err("not root".into());
    }
    let actions = std::fs::read_to_string("/proc/sys/kernel/seccomp/actions_avail")
        .map_err(|e| format!("no seccomp: {e}"))?;
    if !actions.split_whitespace().any(|a| a == "user_notif") {
        return Err("seccomp user_notif unavailable".into());
    }
    let ok = Command::new("unshare")
        .args(["-n", "true"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        return Err("network namespaces unavailable (unshare -n)".into());
    }
    if Command::new("ip").arg("-V").output().is_err() {
        return Err("iproute2 `ip` missing".into());
    }
    Ok(())
}

/// Run `cmd` to completion within `bound`; a hang kills it and fails the test.
pub(crate) fn bounded(cmd: &mut Command, bound: Duration) -> Out {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let t1 = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = so.read_to_string(&mut s);
        s
    });
    let t2 = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = se.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > bound {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish within {bound:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Out {
        code: status.code(),
        stdout: t1.join().unwrap(),
        stderr: t2.join().unwrap(),
    }
}

static SEQ: AtomicU32 = AtomicU32::new(0);

/// A fresh temporary directory for this test process.
pub(crate) fn tempdir(tag: &str) -> PathBuf {
    let n = SEQ.fetch_add(1, Ordering::SeqCst);
    let d = std::env::temp_dir().join(format!("nlcompat-test-{}-{tag}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn setup_file() -> PathBuf {
    let d = tempdir("setup");
    let f = d.join("setup.txt");
    std::fs::write(&f, SETUP).unwrap();
    f
}

/// Run `argv` natively in a fresh netns seeded with [`SETUP`].
pub(crate) fn native(argv: &[&str]) -> Out {
    let script = format!("set -e\nip link set lo up\n{SETUP}set +e\nexec \"$@\"",);
    let mut c = Command::new("unshare");
    c.args(["-n", "sh", "-c", &script, "sh"]).args(argv);
    bounded(&mut c, BOUND)
}

/// How the runner is asked to run a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The program runs in the backend's namespace.
    SameNetns,
    /// The program first moves to an empty namespace of its own (`unshare -n`), so only
    /// interception can show it the seeded interfaces; ioctls are emulated from the backend.
    EmptyNetns,
}

/// Run `argv` under `nlcompat run --backend linux` seeded with [`SETUP`].
pub(crate) fn runner(argv: &[&str], mode: Mode) -> Out {
    let f = setup_file();
    let mut c = Command::new(env!("CARGO_BIN_EXE_nlcompat"));
    c.args(["run", "--backend", "linux", "--netns-setup"])
        .arg(&f);
    if mode == Mode::EmptyNetns {
        c.args(["--emulate-ioctls", "--", "unshare", "-n"]);
    } else {
        c.arg("--");
    }
    c.args(argv);
    let out = bounded(&mut c, BOUND);
    let _ = std::fs::remove_dir_all(f.parent().unwrap());
    out
}

/// Assert runner output equals native output (after `norm`), and that it is not trivial.
pub(crate) fn same(argv: &[&str], mode: Mode, must_contain: &str, norm: fn(&str) -> String) -> Out {
    let n = native(argv);
    let r = runner(argv, mode);
    assert_eq!(
        r.code, n.code,
        "exit status differs for {argv:?}\nnative stderr: {}\nrunner stderr: {}",
        n.stderr, r.stderr
    );
    assert_eq!(
        norm(&r.stdout),
        norm(&n.stdout),
        "stdout differs for {argv:?} ({mode:?})\nrunner stderr: {}",
        r.stderr
    );
    assert_eq!(
        norm(&r.stderr),
        norm(&n.stderr),
        "stderr differs for {argv:?}"
    );
    assert!(
        n.stdout.contains(must_contain),
        "native output of {argv:?} lacks {must_contain:?}: {}",
        n.stdout
    );
    r
}

/// No normalisation.
pub(crate) fn ident(s: &str) -> String {
    s.to_owned()
}

/// Path of a compiled helper next to a source.
pub(crate) fn build_c(src: &str, name: &str) -> Option<PathBuf> {
    let d = tempdir(name);
    let c = d.join(format!("{name}.c"));
    std::fs::write(&c, src).unwrap();
    let exe = d.join(name);
    let out = bounded(
        Command::new("cc")
            .args(["-O1", "-pthread", "-o"])
            .arg(&exe)
            .arg(&c),
        Duration::from_secs(60),
    );
    assert_eq!(out.code, Some(0), "cc failed: {}", out.stderr);
    Some(exe)
}

/// Does `p` exist as an executable in PATH?
pub(crate) fn have(p: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {p}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Like [`have`], but a missing tool is a failure under `CI` and a printed skip otherwise.
pub(crate) fn need(p: &str) -> bool {
    if have(p) {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "{p} missing under CI");
    eprintln!("SKIP: {p} not installed");
    false
}

/// The path as a `&str`.
pub(crate) fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Removes a scratch directory (a compiled client's, a test's work directory) when dropped.
pub(crate) struct Cleanup(pub(crate) PathBuf);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
