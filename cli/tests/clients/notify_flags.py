# SPDX-License-Identifier: BSD-2-Clause
# Listens to the link, neighbour, address, route and nexthop groups while `ip` changes the
# host, and prints type/flags of each notification a request caused (nlmsg_seq != 0), plus
# the types of the others; for comparing reply flags across backends.
import socket, struct, subprocess, select
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
s.bind((0, 1 | 4 | 0x10 | 0x40 | 0x100 | 0x400))
s.setsockopt(270, 1, 32)  # NETLINK_ADD_MEMBERSHIP RTNLGRP_NEXTHOP
cmds = [
    "ip link set eth1 up",  # the Linux namespace's veth needs its peer up for a nexthop
    "ip route add 203.0.113.0/24 via 192.0.2.1",
    "ip -6 route add 2001:db8:9::/64 via 2001:db8::1",
    "ip route replace 203.0.113.0/24 via 192.0.2.2",
    "ip nexthop add id 7 via 192.0.2.1 dev eth0",
    "ip nexthop del id 7",
    "ip route del 203.0.113.0/24",
    "ip -6 route del 2001:db8:9::/64",
]
for c in cmds:
    subprocess.run(c.split(), check=True)
    seen = []
    while select.select([s], [], [], 0.3)[0]:
        d = s.recv(65536)
        off = 0
        while off < len(d):
            ln, ty, fl, sq, pid = struct.unpack_from("=IHHII", d, off)
            if sq:
                seen.append("%d/%#x" % (ty, fl))
            off += (ln + 3) & ~3
    print(c, "->", " ".join(seen))
