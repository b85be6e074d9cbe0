#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Capture real Linux netlink bytes for the golden vectors.

Run as root: `python3 tests/tools/capture.py` (re-executes itself inside `unshare -n`).
Needs iproute2, strace, busybox, go and python3. Writes tests/vectors/linux/*.bin and
tests/vectors/linux/capture.log (kernel, tool versions, commands).

Requests are the exact bytes real programs send (strace `-e write=all` hex dumps of
sendto/sendmsg/write on their netlink socket). Replies are what this machine's kernel answers
when those request bytes are sent again from a plain netlink socket (the "recorder"), with the
socket options the program used (NETLINK_EXT_ACK, NETLINK_GET_STRICT_CHK for iproute2).

The namespace is seeded in a fixed order so interface indexes match the test host of
tests/common/mod.rs: 1 lo, 2 eth0 (FreeBSD em0), 3 eth1 (em1), 4 bridge0. MAC addresses are
fixed; DAD is off. Sequence numbers, cache timestamps and counters vary from run to run.
"""
import os
import re
import socket
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "vectors", "linux"))
LOG = []

NLMSG_ERROR, NLMSG_DONE = 2, 3
SOL_NETLINK, NETLINK_EXT_ACK, NETLINK_GET_STRICT_CHK = 270, 11, 12


def sh(cmd):
    LOG.append("$ " + cmd)
    subprocess.run(cmd, shell=True, check=True)


def out(cmd):
    return subprocess.run(cmd, shell=True, check=True, capture_output=True, text=True).stdout


def seed():
    for k in ("all", "default"):
        sh(f"sysctl -qw net.ipv6.conf.{k}.accept_dad=0")
    sh("ip link set lo up")
    sh("ip link add eth0 index 2 address 02:00:00:00:00:02 type veth "
       "peer name eth1 index 3 address 02:00:00:00:00:03")
    sh("ip link add bridge0 index 4 address 02:00:00:00:00:04 type bridge")
    for d in ("eth0", "eth1", "bridge0"):
        sh(f"ip link set {d} up")
    sh("ip addr add 10.0.0.1/24 brd + dev eth0")
    sh("ip addr add 10.0.1.1/24 dev eth1")
    sh("ip addr add 192.168.4.1/24 brd + dev bridge0")
    sh("ip -6 addr add 2001:db8::1/64 dev eth0")
    sh("ip -6 addr add 2001:db8:1::1/64 dev eth1")
    sh("ip route add 10.9.0.0/16 via 10.0.0.2")
    sh("ip route add 10.8.0.0/16 nexthop via 10.0.0.2 weight 1 nexthop via 10.0.1.2 weight 3")
    sh("ip route add 10.7.0.0/16 via inet6 fe80::2 dev eth0")
    sh("ip route add 10.6.0.0/16 via 10.0.0.2 table 100")
    sh("ip -6 route add 2001:db8:9::/48 via 2001:db8::2")
    sh("ip nexthop add id 1 via 10.0.0.2 dev eth0")
    sh("ip nexthop add id 2 via 10.0.1.2 dev eth1")
    sh("ip nexthop add id 3 via 2001:db8::2 dev eth0")
    sh("ip nexthop add id 10 group 1/2,3")
    sh("ip route add 10.4.0.0/16 nhid 10")
    sh("ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:22 dev eth0 nud permanent")
    sh("ip neigh add 10.0.1.2 lladdr 02:00:00:00:00:33 dev eth1 nud reachable")
    sh("ip -6 neigh add 2001:db8::2 lladdr 02:00:00:00:00:22 dev eth0 nud permanent")


DUMP_LINE = re.compile(r"^ \| [0-9a-f]{5}  ([0-9a-f ]{49})")
CALL_LINE = re.compile(r"^\d+\s+(sendto|sendmsg|write)\((\d+),")


def strace_sends(cmd):
    """The buffers `cmd` sends on netlink sockets, in order."""
    LOG.append("$ strace -f -e trace=sendto,sendmsg,write -e write=all -xx -s 65535 " + cmd)
    r = subprocess.run(
        ["strace", "-f", "-o", "/tmp/nlcapture.strace", "-e", "trace=sendto,sendmsg,write",
         "-e", "write=all", "-xx", "-s", "65535", "sh", "-c", cmd],
        capture_output=True)
    if r.returncode not in (0, 2):
        raise SystemExit(f"{cmd}: exit {r.returncode}: {r.stderr.decode()}")
    bufs, cur, fd = [], None, None
    for line in open("/tmp/nlcapture.strace"):
        m = CALL_LINE.match(line)
        if m:
            if cur is not None:
                bufs.append(bytes(cur))
            cur, fd = (bytearray(), int(m.group(2))) if int(m.group(2)) > 2 else (None, None)
            continue
        d = DUMP_LINE.match(line)
        if d and cur is not None:
            cur.extend(bytes.fromhex(d.group(1)))
    if cur is not None:
        bufs.append(bytes(cur))
    # Keep what frames as netlink: nlmsg_len within the buffer, a type >= 16, REQUEST set.
    keep = []
    for b in bufs:
        if len(b) >= 17:
            ln, ty, fl = struct.unpack_from("=IHH", b)
            if 17 <= ln <= len(b) and ty >= 16 and fl & 1:
                keep.append(b)
    return keep


def msgs(buf):
    off = 0
    while off + 16 <= len(buf):
        ln, ty, fl, seq, pid = struct.unpack_from("=IHHII", buf, off)
        if ln < 16:
            return
        yield off, ln, ty, fl, seq
        off += (ln + 3) & ~3


def replay(req, strict):
    """Sends `req` from a fresh socket; returns every byte received until the DONE or ERROR
    that ends it."""
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
    s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
    if strict:
        s.setsockopt(SOL_NETLINK, NETLINK_GET_STRICT_CHK, 1)
    s.bind((0, 0))
    s.send(req)
    data = b""
    while True:
        d = s.recv(1 << 20)
        data += d
        if any(ty in (NLMSG_DONE, NLMSG_ERROR) for _, _, ty, _, _ in msgs(d)):
            break
    s.close()
    return data


def save(name, data):
    with open(os.path.join(OUT, name + ".bin"), "wb") as f:
        f.write(data)
    LOG.append(f"  -> {name}.bin ({len(data)} bytes)")


def pick(bufs, ty, nth=0):
    hits = [b for b in bufs if struct.unpack_from("=H", b, 4)[0] == ty]
    if len(hits) <= nth:
        raise SystemExit(f"no message of type {ty} in {[len(b) for b in bufs]}")
    return hits[nth]


def build_go():
    exe = "/tmp/nlcapture-nlrib"
    env = dict(os.environ, GOCACHE="/tmp/nlcapture-gocache", GO111MODULE="off")
    subprocess.run(["go", "build", "-o", exe, os.path.join(HERE, "nlrib.go")], check=True, env=env)
    return exe


def main():
    if os.environ.get("NLCAPTURE_IN_NETNS") != "1":
        env = dict(os.environ, NLCAPTURE_IN_NETNS="1")
        os.execvpe("unshare", ["unshare", "-n", sys.executable, os.path.abspath(__file__)], env)
    os.makedirs(OUT, exist_ok=True)
    go = build_go()
    LOG.append("kernel: " + os.uname().release)
    LOG.append("iproute2: " + out("ip -V").strip())
    LOG.append("busybox: " + out("busybox | head -1").strip())
    LOG.append("go: " + out("go version").strip())
    LOG.append("python: " + sys.version.split()[0])
    LOG.append("strace: " + out("strace -V | head -1").strip())
    seed()
    GETLINK, GETADDR, GETROUTE, GETNEIGH, GETNEXTHOP = 18, 22, 26, 30, 106
    NEWLINK, NEWADDR, DELADDR, NEWROUTE, NEWNEIGH, NEWNEXTHOP = 16, 20, 21, 24, 28, 104

    # Dump requests (iproute2) and the kernel's replies.
    dumps = [
        ("ip link show", GETLINK, "getlink_iproute2", "newlink_dump"),
        ("ip -4 addr show", GETADDR, "getaddr_v4_iproute2", "newaddr_dump_v4"),
        ("ip -6 addr show", GETADDR, "getaddr_v6_iproute2", "newaddr_dump_v6"),
        ("ip -4 route show table all", GETROUTE, "getroute_v4_iproute2", "newroute_dump_v4"),
        ("ip -6 route show table all", GETROUTE, "getroute_v6_iproute2", "newroute_dump_v6"),
        ("ip neigh show", GETNEIGH, "getneigh_iproute2", "newneigh_dump"),
        ("ip nexthop show", GETNEXTHOP, "getnexthop_iproute2", "newnexthop_dump"),
    ]
    for cmd, ty, req_name, rep_name in dumps:
        sends = strace_sends(cmd)
        if ty == GETLINK:
            # iproute2's capability probe: an empty RTM_NEWLINK with NLM_F_ACK.
            save("newlink_probe_iproute2", pick(sends, NEWLINK))
        req = pick(sends, ty)
        save(req_name, req)
        save(rep_name, replay(req, strict=True))

    # Short dump requests from other clients.
    save("getlink_busybox", pick(strace_sends("busybox ip link show"), GETLINK))
    save("getaddr_busybox", pick(strace_sends("busybox ip addr show"), GETADDR))
    gob = strace_sends(go)
    save("getlink_go", pick(gob, GETLINK))
    save("getaddr_go", pick(gob, GETADDR))
    glibc = strace_sends(
        sys.executable + " -c 'import socket; socket.if_nameindex(); "
        "socket.getaddrinfo(\"localhost\", 80, flags=socket.AI_ADDRCONFIG)'")
    save("getlink_glibc", pick(glibc, GETLINK))
    save("getaddr_glibc", pick(glibc, GETADDR))

    # Requests that change state (iproute2), in an order that lets each succeed.
    s = strace_sends("ip link set dev eth0 mtu 1400")
    save("getlink_byname_iproute2", pick(s, GETLINK))
    save("newlink_mtu_iproute2", pick(s, NEWLINK))
    save("newaddr_v6_iproute2",
         pick(strace_sends("ip -6 addr add 2001:db8:5::1/64 dev eth1 nodad"), NEWADDR))
    save("deladdr_v6_iproute2",
         pick(strace_sends("ip -6 addr del 2001:db8:5::1/64 dev eth1"), DELADDR))
    save("newneigh_v6_iproute2", pick(strace_sends(
        "ip -6 neigh add 2001:db8::7 lladdr 02:00:00:00:00:77 dev eth0 nud permanent"), NEWNEIGH))
    save("newnexthop_v6_iproute2",
         pick(strace_sends("ip nexthop add id 5 via 2001:db8::3 dev eth0"), NEWNEXTHOP))
    save("newroute_via_iproute2",
         pick(strace_sends("ip route add 10.5.0.0/16 via inet6 fe80::3 dev eth0"), NEWROUTE))
    save("newroute_multipath_iproute2", pick(strace_sends(
        "ip route add 10.3.0.0/16 nexthop via 10.0.0.3 weight 1 "
        "nexthop via inet6 fe80::4 dev eth0 weight 3"), NEWROUTE))

    # An error with an extended ack (message only), from iproute2's own request.
    bad = pick(strace_sends("ip nexthop add id 9 via 10.99.0.2 dev eth0"), NEWNEXTHOP)
    save("newnexthop_badgw_iproute2", bad)
    save("error_nexthop_badgw", replay(bad, strict=False))

    # An error whose extended ack points at an attribute (NLMSGERR_ATTR_OFFS): a RTM_NEWLINK
    # for eth0 whose IFLA_MTU has 2 bytes instead of 4, built here.
    attrs = struct.pack("=HH", 9, 3) + b"eth0\0" + b"\0" * 3 + struct.pack("=HHH", 6, 4, 1400) + b"\0\0"
    body = struct.pack("=BBHiII", 0, 0, 0, 2, 0, 0) + attrs
    req = struct.pack("=IHHII", 16 + len(body), NEWLINK, 0x5, 77, 0) + body
    save("newlink_badmtu_python", req)
    save("error_newlink_badmtu", replay(req, strict=False))

    with open(os.path.join(OUT, "capture.log"), "w") as f:
        f.write("# SPDX-License-Identifier: BSD-2-Clause\n" + "\n".join(LOG) + "\n")


if __name__ == "__main__":
    main()
