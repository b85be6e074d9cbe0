#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""A raw NETLINK_ROUTE listener (no library): joins groups, runs a command, prints the
notifications it received (type, family and the object's key), one per line.

    nlraw bind GROUPMASK -- COMMAND...        groups 1-32 as a bind() mask (legacy RTMGRP_*)
    nlraw join GROUP[,GROUP...] -- COMMAND... NETLINK_ADD_MEMBERSHIP per group number

Constants from include/uapi/linux/netlink.h and rtnetlink.h.
"""
import select
import socket
import struct
import subprocess
import sys

SOL_NETLINK = 270
NETLINK_ADD_MEMBERSHIP = 1
NAMES = {16: "NEWLINK", 17: "DELLINK", 20: "NEWADDR", 21: "DELADDR", 24: "NEWROUTE",
         25: "DELROUTE", 28: "NEWNEIGH", 29: "DELNEIGH", 104: "NEWNEXTHOP", 105: "DELNEXTHOP"}


def attrs(b):
    out = {}
    while len(b) >= 4:
        ln, ty = struct.unpack_from("HH", b)
        if ln < 4:
            break
        out[ty & 0x3FFF] = b[4:ln]
        b = b[(ln + 3) & ~3:]
    return out


def key(t, body):
    if t in (16, 17):
        fam, _, ty, idx, flags, _ = struct.unpack_from("BBHiII", body)
        name = attrs(body[16:]).get(3, b"").rstrip(b"\0").decode()
        return f"{name} up={flags & 1}"
    if t in (20, 21):
        fam, plen, _, _, idx = struct.unpack_from("BBBBi", body)
        a = attrs(body[8:]).get(1, b"")
        return f"{socket.inet_ntop(fam, a)}/{plen}" if fam in (2, 10) and a else f"fam={fam}"
    if t in (24, 25):
        fam, dlen = struct.unpack_from("BB", body)
        a = attrs(body[12:]).get(1)
        dst = socket.inet_ntop(fam, a) if a and fam in (2, 10) else "default"
        return f"{dst}/{dlen}"
    if t in (28, 29):
        fam = body[0]
        a = attrs(body[12:]).get(1)
        return socket.inet_ntop(fam, a) if a and fam in (2, 10) else f"fam={fam}"
    return ""


def main(a):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    cmd = a[a.index("--") + 1:]
    if a[0] == "bind":
        s.bind((0, int(a[1], 0)))
    else:
        s.bind((0, 0))
        for g in a[1].split(","):
            s.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, int(g))
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = []
    while select.select([s], [], [], 0.5)[0]:
        data = s.recv(65536)
        while len(data) >= 16:
            ln, t, fl, seq, pid = struct.unpack_from("IHHII", data)
            if ln < 16:
                break
            seen.append(f"{NAMES.get(t, t)} {key(t, data[16:ln])}")
            data = data[(ln + 3) & ~3:]
    for e in seen:
        print(e)


main(sys.argv[1:])
