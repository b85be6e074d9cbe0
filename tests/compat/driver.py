#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""Runs the steps of one compatibility scenario inside `nlcompat run` (either backend).

Usage: driver.py STEPS.json RESULTS.json [--settle]

With --settle (the Linux oracle) the driver waits after each step, at most 2 s, until no IPv6
address is tentative: Linux finishes even a disabled DAD asynchronously, the FreeBSD model at
once, and the next step must not see that window.

Every step is one `sh -c COMMAND`, run to completion (bounded by its timeout) with its
stdout, stderr and exit status recorded; the results go to RESULTS.json, never to our own
stdout, so nothing the runner prints can mix with them. The driver itself opens no netlink
socket: every netlink conversation is the client's.
"""
import json
import subprocess
import sys
import time


def settle():
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        out = subprocess.run(["ip", "-6", "addr", "show", "tentative"], capture_output=True, text=True)
        if not out.stdout.strip():
            return
        time.sleep(0.02)


def main():
    steps = json.load(open(sys.argv[1]))
    results = []
    for step in steps:
        try:
            p = subprocess.run(
                ["sh", "-c", step["run"]],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=step.get("timeout", 10),
            )
            code, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            code, out, err = "timeout", e.stdout or b"", e.stderr or b""
        results.append(
            {
                "exit": code,
                "stdout": out.decode("utf-8", "replace"),
                "stderr": err.decode("utf-8", "replace"),
            }
        )
        if "--settle" in sys.argv[3:]:
            settle()
        # Write after every step: a runner that dies mid-scenario still leaves what ran.
        with open(sys.argv[2], "w") as f:
            json.dump(results, f)


if __name__ == "__main__":
    main()
