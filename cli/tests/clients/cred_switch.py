#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""cred_switch.py MODE: add 198.51.100.7/24 to eth1 with a raw RTM_NEWADDR from a socket whose
credentials differ from the sender's at send time, and print the acknowledgement's error.

drop           socket created as root; all user ids then set to 65534; sendto the kernel
regain-addr    socket created with effective uid 65534; effective uid back to 0; sendto
regain-noaddr  the same, but send() without an address

Linux checks the sending task, and also the socket's file credentials when the sender gave no
address (`__netlink_ns_capable()`, `net/netlink/af_netlink.c`).
"""
import os
import socket
import struct
import sys

mode = sys.argv[1]
idx = socket.if_nametoindex("eth1")
a = socket.inet_aton("198.51.100.7")
# ifaddrmsg, IFA_LOCAL, IFA_ADDRESS (include/uapi/linux/if_addr.h)
body = struct.pack("BBBBi", 2, 24, 0, 0, idx) + struct.pack("HH4s", 8, 2, a) + struct.pack("HH4s", 8, 1, a)
# RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL
req = struct.pack("IHHII", 16 + len(body), 20, 1 | 4 | 0x400 | 0x200, 1, 0) + body
if mode == "drop":
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    os.setresgid(65534, 65534, 65534)
    os.setresuid(65534, 65534, 65534)
    s.sendto(req, (0, 0))
else:
    os.seteuid(65534)
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    os.seteuid(0)
    if mode == "regain-addr":
        s.sendto(req, (0, 0))
    else:
        s.send(req)
d = s.recv(65536)
print(mode, "error", struct.unpack_from("i", d, 16)[0])
