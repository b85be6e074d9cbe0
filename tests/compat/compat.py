#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""`make compat`: the differential compatibility suite.

Every scenario (tests/compat/<area>/<name>.toml, format in tests/compat/README.md) runs twice
from equivalent initial states:

- Linux (the oracle): `nlcompat run --backend linux --netns-setup SETUP`, the real kernel in a
  fresh network namespace seeded with the `ip` commands generated from the scenario's host;
- FreeBSD model: `nlcompat run --topology TOPOLOGY`, the translator in front of the FreeBSD
  model, whose topology is generated from the same host.

Each step's exit status, stdout and stderr are normalised (built-in rules below and the
scenario's own) and compared. What still differs is looked up in the allowlist
(tests/compat/allowlist.toml: intended FreeBSD-vs-Linux differences, each with its reason
and the FreeBSD source causing it). Verdicts: `match`, `allowed` (equal once allowlist
entries applied), `mismatch`.

Standard library only (Python >= 3.11 for tomllib).
"""
import argparse
import concurrent.futures
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PY = "/usr/bin/python3"  # the distribution's Python: it has python3-pyroute2
RUN_BOUND = 120  # seconds for one whole scenario on one backend


# --------------------------------------------------------------------------- host


# freebsd-sim's release profiles (docs/freebsd-sim.md, "Release profiles").
RELEASES = ("14", "15", "main")

def load_host(name):
    host = tomllib.loads((HERE / "hosts" / f"{name}.toml").read_text())
    eth = 0
    for i in host.get("interface", []):
        if i["kind"] == "ether":
            # The Linuxulator names Ethernet interfaces ethN in attach order
            # (sys/compat/linux/linux_if.c, if_linux_ethno); the host must use those names.
            if i["name"] != f"eth{eth}":
                raise SystemExit(f"host {name}: Ethernet interface {eth} must be named eth{eth}")
            i["freebsd"] = f"em{eth}"
            eth += 1
        elif i["kind"] == "loopback":
            if i["name"] != "lo":
                raise SystemExit(f"host {name}: the loopback interface must be named lo")
            i["freebsd"] = "lo0"
        else:
            raise SystemExit(f"host {name}: unknown interface kind {i['kind']}")
    return host


def freebsd_name(host, linux):
    for i in host.get("interface", []):
        if i["name"] == linux:
            return i["freebsd"]
    raise SystemExit(f"unknown interface {linux}")


def q(s):
    return json.dumps(s)


def topology(host):
    """The host as a freebsd-sim topology (docs/topology.md)."""
    out = [f"fibs = {host.get('fibs', 1)}", ""]
    for i in host.get("interface", []):
        out.append("[[interface]]")
        out.append(f"name = {q(i['freebsd'])}")
        out.append(f"type = {q(i['kind'])}")
        if "mac" in i:
            out.append(f"mac = {q(i['mac'])}")
        if "mtu" in i:
            out.append(f"mtu = {i['mtu']}")
        up = i.get("up", False)
        out.append(f"up = {str(up).lower()}")
        if i["kind"] == "ether":
            out.append(f"carrier = {str(i.get('carrier', up)).lower()}")
        if "alias" in i:
            out.append(f"description = {q(i['alias'])}")
        out.append("addresses = [" + ", ".join(q(a) for a in i.get("addresses", [])) + "]")
        out.append("")
    for r in host.get("route", []):
        out.append("[[route]]")
        dst = r["dst"]
        out.append(f"dst = {q(dst)}")
        if "table" in r:
            out.append(f"fib = {r['table']}")
        if "gateway" in r:
            out.append(f"gateway = {q(r['gateway'])}")
        if "dev" in r:
            out.append(f"interface = {q(freebsd_name(host, r['dev']))}")
        if "type" in r:
            out.append(f"type = {q({'prohibit': 'reject'}.get(r['type'], r['type']))}")
        if "mtu" in r:
            out.append(f"mtu = {r['mtu']}")
        out.append("")
    for n in host.get("neighbor", []):
        out.append("[[neighbor]]")
        out.append(f"interface = {q(freebsd_name(host, n['dev']))}")
        out.append(f"dst = {q(n['dst'])}")
        out.append(f"lladdr = {q(n['lladdr'])}")
        out.append("static = true")
        out.append("")
    return "\n".join(out)


def setup(host, side):
    """The host as `--netns-setup` commands for the Linux oracle. Ethernet interfaces are
    veth pairs whose peers live in the side namespace `side` (up when the host says the
    medium is active), so each interface's carrier is its own, as for a NIC."""
    out = [
        # FreeBSD's addresses are usable at once in the model; no DAD on the Linux side either.
        "sysctl -qw net.ipv6.conf.all.accept_dad=0",
        "sysctl -qw net.ipv6.conf.default.accept_dad=0",
    ]
    for n, i in enumerate(host.get("interface", [])):
        name = i["name"]
        if i["kind"] == "loopback":
            if "mtu" in i:
                out.append(f"ip link set lo mtu {i['mtu']}")
            # The runner brings lo up, which gives it 127.0.0.1/8 and ::1/128 on Linux.
            extra = [a for a in i.get("addresses", []) if a not in ("127.0.0.1/8", "::1/128")]
        else:
            cmd = f"ip link add {name}"
            if "mac" in i:
                cmd += f" address {i['mac']}"
            if "mtu" in i:
                cmd += f" mtu {i['mtu']}"
            cmd += f" type veth peer name peer{n} netns {side}"
            out.append(cmd)
            if i.get("carrier", i.get("up", False)):
                out.append(f"nsenter -t {side} -n ip link set peer{n} up")
            if "alias" in i:
                out.append(f"ip link set {name} alias {i['alias']}")
            if i.get("up"):
                out.append(f"ip link set {name} up")
            extra = i.get("addresses", [])
        for a in extra:
            if ":" in a:
                out.append(f"ip -6 addr add {a} dev {name}")
            else:
                out.append(f"ip addr add {a} brd + dev {name}")
    for r in host.get("route", []):
        fam = "-6 " if ":" in r.get("gateway", "") or r["dst"] == "default6" else ""
        dst = "default" if r["dst"] in ("default", "default6") else r["dst"]
        cmd = f"ip {fam}route add {r.get('type', '')} {dst}".replace("  ", " ")
        if "gateway" in r:
            cmd += f" via {r['gateway']}"
        if "dev" in r:
            cmd += f" dev {r['dev']}"
        if "table" in r:
            cmd += f" table {r['table']}"
        if "mtu" in r:
            cmd += f" mtu {r['mtu']}"
        # FreeBSD reports routes added by an administrator as RTPROT_STATIC
        # (sys/netlink/route/rt.c, nl_get_rtm_protocol); so is the oracle's.
        cmd += " proto static"
        out.append(cmd)
    for n in host.get("neighbor", []):
        fam = "-6 " if ":" in n["dst"] else ""
        out.append(
            f"ip {fam}neigh add {n['dst']} lladdr {n['lladdr']} dev {n['dev']} nud permanent"
        )
    carrier = [i["name"] for i in host.get("interface", []) if i["kind"] == "ether" and i.get("up") and i.get("carrier", True)]
    out.append(" ".join([PY, str(HERE / "settle.py")] + carrier))
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- scenarios


def load_scenarios(dirs, only):
    found = []
    for d in dirs:
        for p in sorted(d.rglob("*.toml")):
            rel = p.relative_to(HERE)
            if rel.parts[0] in ("hosts", "clients") or p.name == "allowlist.toml":
                continue
            if d == HERE and rel.parts[0] == "pending":
                continue
            name = str(rel.with_suffix(""))
            if only and not any(re.fullmatch(o.replace("*", ".*"), name) or name.endswith(o) for o in only):
                continue
            sc = tomllib.loads(p.read_text())
            sc["name"] = name
            sc["path"] = str(p.relative_to(ROOT))
            if not sc.get("step"):
                raise SystemExit(f"{name}: no steps")
            found.append(sc)
    return found


# --------------------------------------------------------------------------- clients


def build_clients(dest):
    """Compile the C and Go clients once; copy the Python ones. All land in `dest`, which the
    steps find first in PATH."""
    dest.mkdir(parents=True, exist_ok=True)
    cdir = HERE / "clients"
    for src in sorted(cdir.glob("*.c")) + [ROOT / "cli/tests/clients/getifaddrs.c"]:
        exe = dest / src.stem
        r = subprocess.run(["cc", "-O1", "-o", str(exe), str(src)], capture_output=True, text=True)
        if r.returncode:
            raise SystemExit(f"cc {src}: {r.stderr}")
    # The same program linked statically against musl (its own netlink code).
    r = subprocess.run(
        ["musl-gcc", "-static", "-O1", "-o", str(dest / "getifaddrs-musl"), str(ROOT / "cli/tests/clients/getifaddrs.c")],
        capture_output=True,
        text=True,
    )
    if r.returncode:
        raise SystemExit(f"musl-gcc getifaddrs.c: {r.stderr}")
    for src in sorted(cdir.glob("*.py")):
        shutil.copy(src, dest / src.stem)
        os.chmod(dest / src.stem, 0o755)
    gomods = [("go-interfaces", ROOT / "cli/tests/clients/interfaces.go")]
    cache = Path(tempfile.gettempdir()) / "nlcompat-compat-go"
    for name, src in gomods:
        d = dest / f"{name}.src"
        d.mkdir(exist_ok=True)
        shutil.copy(src, d / "main.go")
        (d / "go.mod").write_text("module compatclient\n\ngo 1.19\n")
        env = dict(
            os.environ,
            CGO_ENABLED="0",
            GOFLAGS="-mod=mod",
            GO111MODULE="on",
            GOCACHE=str(cache / "cache"),
            GOPATH=str(cache / "path"),
        )
        r = subprocess.run(
            ["go", "build", "-o", str(dest / name), "."], cwd=d, env=env, capture_output=True, text=True
        )
        if r.returncode:
            raise SystemExit(f"go build {src}: {r.stderr}")
    # github.com/vishvananda/netlink from Debian's golang-github-vishvananda-netlink-dev
    # (GOPATH mode: the package lives in /usr/share/gocode).
    d = dest / "go-netlink.src"
    d.mkdir(exist_ok=True)
    shutil.copy(cdir / "netlink.go", d / "main.go")
    env = dict(
        os.environ,
        CGO_ENABLED="0",
        GO111MODULE="off",
        GOPATH="/usr/share/gocode",
        GOCACHE=str(cache / "cache"),
    )
    r = subprocess.run(["go", "build", "-o", str(dest / "go-netlink"), "."], cwd=d, env=env, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"go build {cdir / 'netlink.go'} (needs golang-github-vishvananda-netlink-dev): {r.stderr}")


# --------------------------------------------------------------------------- running

TOOLS = ["ip", "busybox", "cc", "go", "setpriv", "nsenter", "unshare", "getent", "timeout",
         "ifconfig", "route", "arp", "netstat", "musl-gcc"]


def prerequisites(nlcompat):
    """Every client must exist: a missing one would fail identically on both sides and pass."""
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if subprocess.run([PY, "-c", "import pyroute2"], capture_output=True).returncode:
        missing.append(f"pyroute2 for {PY}")
    if not Path(nlcompat).exists():
        missing.append(nlcompat)
    if os.geteuid() != 0:
        missing.append("root")
    if missing:
        raise SystemExit("compat: missing " + ", ".join(missing))


def run_backend(nlcompat, sc, host, backend, work, clients, release=None):
    """Run all steps of `sc` on one backend (the FreeBSD model following FreeBSD `release`);
    returns (results, runner_stderr)."""
    d = Path(tempfile.mkdtemp(prefix=f"{backend}-", dir=work))
    steps = [{"run": s["run"], "timeout": s.get("timeout", 10)} for s in sc["step"]]
    (d / "steps.json").write_text(json.dumps(steps))
    res = d / "results.json"
    side = None
    cmd = [nlcompat, "run"]
    if backend == "linux":
        # The veth peers' namespace, held by a process (not a named netns: iproute2 would
        # query every /run/netns entry by descriptor, which cannot cross the runner).
        side = subprocess.Popen(["unshare", "-n", "sleep", str(RUN_BOUND + 60)], stdin=subprocess.DEVNULL)
        mine = os.readlink("/proc/self/ns/net")
        for _ in range(200):
            try:
                if os.readlink(f"/proc/{side.pid}/ns/net") != mine:
                    break
            except OSError:
                pass
            time.sleep(0.01)
        (d / "setup.txt").write_text(setup(host, side.pid))
        cmd += ["--backend", "linux", "--netns-setup", str(d / "setup.txt")]
    else:
        topo = topology(host)
        if release:
            topo = f"release = {q(release)}\n" + topo
        (d / "topology.toml").write_text(topo)
        cmd += ["--topology", str(d / "topology.toml")]
    cmd.append("--")
    # The Linux backend gives the oracle's programs a mount namespace of their own, with the
    # sysfs of their network namespace and the build host's /run/netns hidden (the runner's
    # `private_mounts`), as on a host of their own.
    cmd += [PY, str(HERE / "driver.py"), str(d / "steps.json"), str(res)]
    if backend == "linux":
        cmd.append("--settle")
    env = dict(os.environ, PATH=f"{clients}:{os.environ.get('PATH', '/usr/bin:/bin')}", LC_ALL="C")
    env.pop("PYTHONPATH", None)
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=RUN_BOUND, env=env, stdin=subprocess.DEVNULL)
        runner_err, runner_code = p.stderr, p.returncode
    except subprocess.TimeoutExpired:
        runner_err, runner_code = "runner timed out", "timeout"
    finally:
        if side:
            side.kill()
            side.wait()
    results = json.loads(res.read_text()) if res.exists() else []
    shutil.rmtree(d, ignore_errors=True)
    return results, runner_code, runner_err


# --------------------------------------------------------------------------- comparing

MAC = re.compile(r"\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b")


def known_macs(host):
    macs = {"ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00"}
    for i in host.get("interface", []):
        if "mac" in i:
            macs.add(i["mac"])
    for n in host.get("neighbor", []):
        macs.add(n["lladdr"])
    return macs


def normalise(text, host, sc, side, unordered=False):
    """Built-in normalisation, identical for both backends: values no two hosts share
    (lifetimes counting down, generated MACs of created interfaces) and trailing blanks."""
    macs = known_macs(host) | set(sc.get("macs", []))
    text = MAC.sub(lambda m: m.group(0) if m.group(0) in macs else "<mac>", text)
    # Remaining lifetimes tick while the scenario runs.
    text = re.sub(r"\b(valid_lft|preferred_lft) \d+sec", r"\1 <n>sec", text)
    text = re.sub(r'"(valid_life_time|preferred_life_time)":(?!4294967295)\d+', r'"\1":<n>', text)
    text = re.sub(r"(expires|used) \d+(sec)?", r"\1 <n>\2", text)
    if side == "linux":
        # The oracle realises each NIC as a veth whose peer is in another namespace; iproute2
        # shows that peer (`eth0@if2`, `link-netnsid 0`), which a NIC has not.
        text = re.sub(r"\b(eth\d+)@(if\d+|eth\d+)", r"\1", text)
        text = re.sub(r",M-DOWN>", ">", text)
        text = re.sub(r"(type=)veth$", r"\1device", text, flags=re.M)
        text = re.sub(r" link-netnsid \d+", "", text)
        text = re.sub(r',"link_(index|netnsid)":\d+', "", text)
    for n in sc.get("normalise", []):
        text = re.sub(n["pattern"], n.get("replace", ""), text, flags=re.M)
    # Column padding follows name widths, which the veth suffix above changed.
    lines = [re.sub(r"(?<=\S)  +", " ", l.rstrip()) for l in text.split("\n")]
    lines = [l for l in lines if l]
    if unordered:
        # The step declared its output order unspecified (a dump walks each kernel's own
        # structures: FreeBSD's radix trees, Linux's fib tries).
        lines.sort()
    return "".join(l + "\n" for l in lines)


def load_allowlist():
    al = tomllib.loads((HERE / "allowlist.toml").read_text()).get("difference", [])
    ids = set()
    for e in al:
        for k in ("id", "reason", "source", "side"):
            if not e.get(k):
                raise SystemExit(f"allowlist entry {e.get('id')}: missing {k}")
        if e["id"] in ids:
            raise SystemExit(f"allowlist: duplicate id {e['id']}")
        ids.add(e["id"])
        e["_cmd"] = re.compile(e.get("command", ".*"))
        e["_after"] = re.compile(e["after"]) if "after" in e else None
        rw = [(e["pattern"], e.get("replace", ""))] if "pattern" in e else []
        rw += [tuple(r) for r in e.get("rewrite", [])]
        e["_rw"] = [(re.compile(p, re.M), r) for p, r in rw]
    return al


def applies(e, cmd, earlier):
    """Whether allowlist entry `e` covers a step `cmd` run after the steps `earlier` (its
    `after` regex must match one of them or `cmd` itself)."""
    if not e["_cmd"].search(cmd):
        return False
    return e["_after"] is None or any(e["_after"].search(c) for c in earlier + [cmd])


def apply_allow(allow, cmd, earlier, side, stream, text):
    used = []
    for e in allow:
        if e["side"] != side or not e["_rw"] or not applies(e, cmd, earlier):
            continue
        if e.get("stream", "stdout") not in (stream, "both"):
            continue
        new = text
        for pat, rep in e["_rw"]:
            new = pat.sub(rep, new)
        if new != text:
            used.append(e["id"])
            text = new
    return text, used


def compare(sc, host, lin, fbsd, allow):
    """Per-step verdicts and the scenario verdict."""
    steps = []
    verdict = "match"
    for n, step in enumerate(sc["step"]):
        l = lin[n] if n < len(lin) else {"exit": "missing", "stdout": "", "stderr": ""}
        f = fbsd[n] if n < len(fbsd) else {"exit": "missing", "stdout": "", "stderr": ""}
        cmd = step["run"]
        notes = []
        want = step.get("exit", 0)
        ok = True
        if l["exit"] != want:
            notes.append(f"Linux exited {l['exit']}, the scenario expects {want}")
            ok = False
        used = []
        streams = ["stdout", "stderr"] if step.get("compare", "all") == "all" else [step["compare"]]
        if step.get("compare") == "exit":
            streams = []
        sv = "match"
        for s in streams:
            un = step.get("unordered", False)
            a, b = normalise(l[s], host, sc, "linux", un), normalise(f[s], host, sc, "freebsd", un)
            if a == b:
                continue
            earlier = [x["run"] for x in sc["step"][:n]]
            a2, ul = apply_allow(allow, cmd, earlier, "linux", s, a)
            b2, uf = apply_allow(allow, cmd, earlier, "freebsd", s, b)
            if un:
                a2, b2 = "".join(sorted(a2.splitlines(True))), "".join(sorted(b2.splitlines(True)))
            if a2 == b2:
                used += ul + uf
                sv = "allowed"
            else:
                ok = False
                diff = "\n".join(
                    difflib.unified_diff(a2.split("\n"), b2.split("\n"), "linux", "freebsd", lineterm="", n=1)
                )
                notes.append(f"{s} differs:\n{diff}")
        if f["exit"] != l["exit"]:
            earlier = [x["run"] for x in sc["step"][:n]]
            ex = [e for e in allow if e["side"] == "freebsd" and "exit" in e and applies(e, cmd, earlier)
                  and f["exit"] in (e["exit"] if isinstance(e["exit"], list) else [e["exit"]])
                  and e.get("linux_exit", l["exit"]) == l["exit"]]
            if ex and ok:
                used += [ex[0]["id"]]
                sv = "allowed"
            else:
                ok = False
                notes.append(f"exit status: Linux {l['exit']}, FreeBSD model {f['exit']}")
        v = "mismatch" if not ok else sv
        if v == "mismatch":
            verdict = "mismatch"
        elif v == "allowed" and verdict == "match":
            verdict = "allowed"
        steps.append({"run": cmd, "verdict": v, "allowed": sorted(set(used)), "notes": notes, "linux": l, "freebsd": f})
    return verdict, steps


RANK = {"match": 0, "allowed": 1, "mismatch": 2}


def run_one(nlcompat, sc, allow, work, clients, releases):
    """One scenario: the Linux oracle once, the FreeBSD model once per release profile
    (freebsd-sim's `release` topology key), each model run compared with the oracle. The
    scenario's verdict is the worst of its releases; `releases` records each."""
    host = load_host(sc.get("host", "default"))
    t = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(1 + len(releases)) as ex:
        fl = ex.submit(run_backend, nlcompat, sc, host, "linux", work, clients)
        ffs = {r: ex.submit(run_backend, nlcompat, sc, host, "freebsd", work, clients, r) for r in releases}
        lin, lcode, lerr = fl.result()
        runs = {r: f.result() for r, f in ffs.items()}
    per = {}
    for rel, (fbsd, fcode, ferr) in runs.items():
        verdict, steps = compare(sc, host, lin, fbsd, allow)
        for side, code, err in (("Linux", lcode, lerr), (f"FreeBSD model ({rel})", fcode, ferr)):
            if code != 0:
                # The driver always exits 0: anything else is the runner failing (or a hang).
                verdict = "mismatch"
                steps.append({"run": "(runner)", "verdict": "mismatch", "allowed": [], "linux": {"exit": lcode},
                              "freebsd": {"exit": fcode}, "notes": [f"{side} runner exited {code}: {err.strip()[-300:]}"]})
        per[rel] = (verdict, steps, fcode, ferr)
    worst = max(releases, key=lambda r: RANK[per[r][0]])
    verdict, steps, fcode, ferr = per[worst]
    # Differences allowed in any release are listed with the scenario.
    for rel in releases:
        for n, st in enumerate(per[rel][1]):
            if n < len(steps):
                steps[n]["allowed"] = sorted(set(steps[n]["allowed"]) | set(st["allowed"]))
    return {
        "name": sc["name"],
        "path": sc["path"],
        "description": sc.get("description", ""),
        "verdict": verdict,
        "releases": {r: per[r][0] for r in releases},
        "worst_release": worst,
        "seconds": round(time.monotonic() - t, 2),
        "runner": {"linux": [lcode, lerr[-2000:]], "freebsd": [fcode, ferr[-2000:]]},
        "steps": steps,
    }


def summary(step_list, side):
    codes = [str(s[side]["exit"]) for s in step_list]
    return "exit " + ",".join(codes) if len(set(codes)) > 1 else f"exit {codes[0]} x{len(codes)}"


def self_test(allow):
    """The comparison itself, on fixed outputs (no runner): equal outputs match, an
    allowlisted FreeBSD difference is allowed, any other difference or exit status is a
    mismatch. Run before every suite so a broken comparison cannot pass everything."""
    host = load_host("default")
    sc = {"step": [{"run": "ip route show"}]}

    def out(stdout, code=0):
        return [{"exit": code, "stdout": stdout, "stderr": ""}]

    linux = "default via 192.0.2.1 dev eth0 proto static\n"
    cases = [
        (out(linux), out(linux), "match"),
        (out(linux), out(linux + "192.0.2.10 dev lo proto static\n"), "allowed"),
        (out(linux), out(linux + "198.51.100.0/24 dev eth0\n"), "mismatch"),
        (out(linux), out(""), "mismatch"),
        (out(linux), out(linux, 2), "mismatch"),
        (out(linux, 1), out(linux, 1), "mismatch"),
    ]
    for n, (lin, fb, want) in enumerate(cases):
        got, _ = compare(sc, host, lin, fb, allow)
        if got != want:
            raise SystemExit(f"compat self-test {n}: {got}, expected {want}")


# --------------------------------------------------------------------------- docs

BEGIN = "<!-- compat-suite:begin (generated by `make compat`; edit tests/compat/, not this) -->"
END = "<!-- compat-suite:end -->"


def cell(text):
    """Text for a Markdown table cell."""
    return text.replace("|", "\\|")


def docs(results, allow, releases):
    by_id = {e["id"]: e for e in allow}
    lines = [BEGIN, "## Compatibility suite results", ""]
    tot = {k: sum(1 for r in results if r["verdict"] == k) for k in ("match", "allowed", "mismatch")}
    lines += [
        f"`make compat` ran {len(results)} scenarios (tests/compat/), each against the model's FreeBSD "
        f"release profiles {', '.join(releases)} (a scenario's verdict is its worst): {tot['match']} identical, "
        f"{tot['allowed']} differing only as FreeBSD does by design, {tot['mismatch']} mismatches. "
        "Each scenario runs real Linux clients against the real Linux kernel in a fresh network "
        "namespace and against the FreeBSD model through the translator, from the same host. "
        "Clients: iproute2 `ip`, busybox `ip`/`ifconfig`/`route`, net-tools `ifconfig`/`route`/`arp`/"
        "`netstat`, glibc and static musl `getifaddrs()`/`if_nameindex()`, glibc `getaddrinfo(AI_ADDRCONFIG)` "
        "(Python, `getent`), Go `net.Interfaces()` and `vishvananda/netlink`, Python `socket`, pyroute2 "
        "`IPRoute` (including `bind()` events), a raw `NETLINK_ROUTE` listener, `/proc/net` readers. "
        "How to run and extend it: `tests/compat/README.md`.",
        "",
        "### Identical on both",
        "",
        "| Scenario | What |",
        "|---|---|",
    ]
    for r in results:
        if r["verdict"] == "match":
            lines.append(f"| `{r['name']}` | {cell(r['description'])} |")
    lines += ["", "### Different by design (allowlisted)", "", "| Scenario | What | Differences |", "|---|---|---|"]
    for r in results:
        if r["verdict"] == "allowed":
            ids = sorted({i for s in r["steps"] for i in s["allowed"]})
            lines.append(f"| `{r['name']}` | {cell(r['description'])} | {', '.join(f'`{i}`' for i in ids)} |")
    used = sorted({i for r in results for s in r["steps"] for i in s["allowed"]})
    lines += [
        "",
        "The differences, with the FreeBSD source that causes them (and how many scenarios show each):",
        "",
        "| Id | Reason | FreeBSD source | Scenarios |",
        "|---|---|---|---|",
    ]
    for i in used:
        e = by_id[i]
        n = sum(1 for r in results if any(i in st["allowed"] for st in r["steps"]))
        lines.append(f"| `{i}` | {cell(e['reason'])} | {cell(e['source'])} | {n} |")
    lines += [
        "",
        "### Not supported on FreeBSD (what a program sees)",
        "",
        "| Command | Linux | FreeBSD model | Why |",
        "|---|---|---|---|",
    ]
    for r in results:
        for s in r["steps"]:
            if s["verdict"] == "allowed" and s["linux"]["exit"] == 0 and s["freebsd"]["exit"] != 0:
                msg = " / ".join(s["freebsd"]["stderr"].strip().splitlines())
                cmd = s["run"].replace("|", "\\|")
                why = ", ".join(f"`{i}`" for i in s["allowed"])
                lines.append(f"| `{cmd}` | exit 0 | exit {s['freebsd']['exit']}: `{msg}` | {why} |")
    pend = load_scenarios([HERE / "pending"], [])
    if pend:
        lines += [
            "",
            "### Pending (known bugs and oracle limits; `tests/compat/pending/`, not run by CI)",
            "",
            "| Scenario | What | Cause |",
            "|---|---|---|",
        ]
        lines += [f"| `{p['name']}` | {cell(p.get('description', ''))} | {cell(p.get('pending', ''))} |" for p in pend]
    if tot["mismatch"]:
        lines += ["", "### Mismatches", ""]
        lines += [f"- `{r['name']}`" for r in results if r["verdict"] == "mismatch"]
    lines += ["", END]
    path = ROOT / "docs/compatibility.md"
    text = path.read_text() if path.exists() else "# Compatibility\n\n"
    block = "\n".join(lines)
    if BEGIN.split(" (")[0] in text and END in text:
        start = text.index(BEGIN.split(" (")[0])
        end = text.index(END) + len(END)
        text = text[:start] + block + text[end:]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)


# --------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nlcompat", default=str(ROOT / "target/debug/nlcompat"))
    ap.add_argument("--scenario", action="append", default=[], help="run only these (name or glob)")
    ap.add_argument("--pending", action="store_true", help="run tests/compat/pending/ instead")
    ap.add_argument("--report", default=str(ROOT / "target/compat-report.json"))
    ap.add_argument("--docs", action="store_true", help="update docs/compatibility.md")
    ap.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2),
                    help="scenarios at a time (each runs both backends at once)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the differences of every non-match")
    ap.add_argument("--release", action="append", default=[],
                    help="FreeBSD release profiles of the model to run (default: 14, 15 and main)")
    a = ap.parse_args()
    releases = [r for x in a.release for r in x.split(",") if r] or list(RELEASES)
    only = [s for x in a.scenario for s in x.split(",") if s]
    scen = load_scenarios([HERE / "pending"] if a.pending else [HERE], only)
    if not scen:
        raise SystemExit("no scenario selected")
    allow = load_allowlist()
    self_test(allow)
    prerequisites(a.nlcompat)
    work = Path(tempfile.mkdtemp(prefix="nlcompat-compat-"))
    # Steps may run clients as another user (`setpriv --reuid 65534 pyr …`).
    os.chmod(work, 0o755)
    clients = work / "clients"
    build_clients(clients)
    t = time.monotonic()
    results = []
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        futs = [ex.submit(run_one, a.nlcompat, sc, allow, work, clients, releases) for sc in scen]
        for f in futs:
            results.append(f.result())
    shutil.rmtree(work, ignore_errors=True)
    w = max(len(r["name"]) for r in results)
    print(f"{'scenario':<{w}}  {'Linux':<14} {'FreeBSD model':<14} verdict")
    for r in results:
        rel = "" if len(set(r["releases"].values())) == 1 else "  (" + ", ".join(f"{k}: {v}" for k, v in r["releases"].items()) + ")"
        print(f"{r['name']:<{w}}  {summary(r['steps'], 'linux'):<14} {summary(r['steps'], 'freebsd'):<14} {r['verdict']}{rel}")
        if r["verdict"] == "mismatch" or (a.verbose and r["verdict"] != "match"):
            for s in r["steps"]:
                for note in s["notes"]:
                    print("    $ " + s["run"])
                    print("      " + note.replace("\n", "\n      "))
                if a.verbose and s["allowed"]:
                    print(f"    $ {s['run']}: allowed {', '.join(s['allowed'])}")
            for side in ("linux", "freebsd"):
                code, err = r["runner"][side]
                if code != 0 and r["verdict"] == "mismatch":
                    print(f"    runner ({side}) exited {code}: {err.strip()[-300:]}")
    tot = {k: sum(1 for r in results if r["verdict"] == k) for k in ("match", "allowed", "mismatch")}
    el = time.monotonic() - t
    print(
        f"\n{len(results)} scenarios x FreeBSD {', '.join(releases)}: {tot['match']} match, "
        f"{tot['allowed']} allowed difference, {tot['mismatch']} mismatch ({el:.0f} s)"
    )
    Path(a.report).parent.mkdir(parents=True, exist_ok=True)
    Path(a.report).write_text(json.dumps({"totals": tot, "seconds": round(el, 1), "scenarios": results}, indent=1))
    print(f"report: {a.report}")
    if a.docs:
        docs(results, allow, releases)
        print("updated docs/compatibility.md")
    sys.exit(1 if tot["mismatch"] else 0)


if __name__ == "__main__":
    main()
