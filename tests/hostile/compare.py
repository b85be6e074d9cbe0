#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Compares hostile.py runs: the oracle (Linux) against one or more runs under test.

usage: compare.py ORACLE.jsonl NAME=RUN.jsonl... [--allow allowlist.txt] [--table]

A case passes when the observation under test equals the oracle's after normalisation
(runs of data messages collapse to one token: the hosts have different interfaces), it did
not hang, the state did not change (every case sends only requests that must fail or read),
and the harness raised nothing. Differences in `allowlist.txt` (a case-name prefix, the run
name, and a reason citing the FreeBSD source) are reported as `allowed`, not failures; an
allowlist entry that no longer matches any difference is itself a failure (stale).
Exit status 1 on any failure. `--table` prints every case: case, Linux answer, each run's
answer, state unchanged, verdict.
"""
import fnmatch
import json
import re
import sys


def load(path):
    cases = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                d = json.loads(line)
                cases[d["case"]] = d
    return cases


def norm(obs):
    o = {k: v for k, v in obs.items() if k not in ("ms",)}
    if "reply" in o:
        toks = []
        for t in o["reply"]:
            t = t.rstrip("+")
            if not (toks and toks[-1] == t and t.startswith("DATA")):
                toks.append(t)
        o["reply"] = toks
    if "recv" in o:
        o["recv"] = [r if not (isinstance(r, dict) and "rest" in r) else
                     {**r, "rest": [t.rstrip("+") for t in r["rest"]]} for r in o["recv"]]
    return o


SEQ_PID = re.compile(r"seq=(\d+),pid=(\w+)")


def answered_alike(want, got):
    """Even where the verdict may differ: the same requests answered (sequence numbers), every
    answer addressed to the socket's own port."""
    def seqs(o):
        return sorted({m.group(1) for t in o.get("reply", []) for m in SEQ_PID.finditer(t)})
    if seqs(want) != seqs(got):
        return False
    if any(m.group(2) != "own" for t in got.get("reply", []) for m in SEQ_PID.finditer(t)):
        return False
    return True


def short(obs):
    o = norm(obs)
    parts = []
    for k in ("acked", "send", "reply", "set", "get", "bind", "connect", "bound", "groups", "recv",
              "exception"):
        if k in o:
            parts.append("%s=%s" % (k, json.dumps(o[k], separators=(",", ":"))))
    if o.get("hang"):
        parts.append("HANG")
    return " ".join(parts)


def load_allow(path):
    allow = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            glob, run, kind, reason = line.split(None, 3)
            assert kind in ("freebsd", "gap", "runner"), line
            allow.append([glob, run, reason, 0, kind])
    return allow


def main(argv):
    table = "--table" in argv
    argv = [a for a in argv if a != "--table"]
    allow = []
    if "--allow" in argv:
        i = argv.index("--allow")
        allow = load_allow(argv[i + 1])
        del argv[i:i + 2]
    oracle = load(argv[0])
    runs = [(a.split("=", 1)[0], load(a.split("=", 1)[1])) for a in argv[1:]]
    fails, allowed, passed, kinds = 0, 0, 0, {}
    if table:
        print("| case | Linux | " + " | ".join(n for n, _ in runs) + " | state unchanged | verdict |")
        print("|---|---|" + "---|" * len(runs) + "---|---|")
    for name, d in oracle.items():
        want = norm(d["obs"])
        cells, verdicts, unchanged = [], [], True
        for rn, run in runs:
            got = run.get(name)
            if got is None:
                cells.append("MISSING (runner or harness died)")
                verdicts.append("FAIL")
                continue
            g = norm(got["obs"])
            unchanged = unchanged and g.get("state") == "same"
            cells.append("same" if g == want else short(got["obs"]))
            bad = g.get("hang") or g.get("state") != "same" or "exception" in g
            if g == want and not bad:
                verdicts.append("ok")
                continue
            hit = next((a for a in allow if fnmatch.fnmatchcase(name, a[0]) and a[1] == rn), None)
            if hit and not bad and answered_alike(want, g):
                hit[3] += 1
                verdicts.append("allowed:" + hit[4])
            else:
                verdicts.append("FAIL")
        if want.get("hang") or want.get("state") != "same" or "exception" in want:
            verdicts.append("FAIL(oracle)")
        verdict = "FAIL" if any(v.startswith("FAIL") for v in verdicts) else (
            next((v for v in verdicts if v.startswith("allowed")), "ok"))
        if verdict == "FAIL":
            fails += 1
        elif verdict.startswith("allowed"):
            allowed += 1
            kinds[verdict] = kinds.get(verdict, 0) + 1
        else:
            passed += 1
        if table or verdict == "FAIL":
            print("| %s | %s | %s | %s | %s |" % (name, short(d["obs"]), " | ".join(cells),
                                                  "yes" if unchanged else "NO", verdict))
    stale = [a for a in allow if a[3] == 0 and any(a[1] == rn for rn, _ in runs)]
    for a in stale:
        print("stale allowlist entry (matches no difference): %s %s" % (a[0], a[1]))
    print("cases: %d, ok: %d, allowed: %d (%s), failed: %d" % (
        len(oracle), passed, allowed, ", ".join("%s %d" % kv for kv in sorted(kinds.items())), fails))
    return 1 if fails or stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
