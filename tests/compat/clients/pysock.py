#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""Python's socket module (glibc underneath) for the compatibility scenarios.

    pysock nameindex             socket.if_nameindex() (glibc: RTM_GETLINK dump)
    pysock nametoindex NAME      socket.if_nametoindex()
    pysock indextoname N         socket.if_indextoname()
    pysock addrconfig HOST       getaddrinfo(HOST, AI_ADDRCONFIG) families (glibc __check_pf:
                                 RTM_GETADDR dump)
"""
import socket
import sys

op = sys.argv[1]
try:
    if op == "nameindex":
        for i, n in socket.if_nameindex():
            print(i, n)
    elif op == "nametoindex":
        print(socket.if_nametoindex(sys.argv[2]))
    elif op == "indextoname":
        print(socket.if_indextoname(int(sys.argv[2])))
    elif op == "addrconfig":
        res = socket.getaddrinfo(sys.argv[2], 80, 0, socket.SOCK_STREAM, 0, socket.AI_ADDRCONFIG)
        for f, _, _, _, sa in res:
            print(f.name, sa[0])
except OSError as e:
    print("error:", type(e).__name__, e.errno, e.strerror)
    sys.exit(1)
