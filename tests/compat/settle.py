#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""Last `--netns-setup` command of the Linux oracle: wait (at most 5 s) until every interface
that should have a carrier has it and no IPv6 address is still tentative. Linux raises the
carrier of a veth asynchronously (linkwatch), and an address added before that stays
tentative until it arrives; the FreeBSD model has no such delay, so the scenarios start from
a settled host on both sides.

Usage: settle.py IFNAME...   (the interfaces that must have a carrier)
"""
import subprocess
import sys
import time

deadline = time.monotonic() + 5
while time.monotonic() < deadline:
    carrier = all(open(f"/sys/class/net/{n}/carrier").read().strip() == "1" for n in sys.argv[1:])
    tentative = subprocess.run(["ip", "-6", "addr", "show", "tentative"], capture_output=True, text=True).stdout
    if carrier and not tentative.strip():
        sys.exit(0)
    time.sleep(0.02)
sys.exit("settle: the oracle's interfaces did not settle within 5 s")
