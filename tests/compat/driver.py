#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""Runs the steps of one compatibility scenario inside `nlcompat run` (either backend).

Usage: driver.py STEPS.json RESULTS.json

Every step is one `sh -c COMMAND`, run to completion (bounded by its timeout) with its
stdout, stderr and exit status recorded; the results go to RESULTS.json, never to our own
stdout, so nothing the runner prints can mix with them. The driver itself opens no netlink
socket: every netlink conversation is the client's.
"""
import json
import subprocess
import sys


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
        # Write after every step: a runner that dies mid-scenario still leaves what ran.
        with open(sys.argv[2], "w") as f:
            json.dump(results, f)


if __name__ == "__main__":
    main()
