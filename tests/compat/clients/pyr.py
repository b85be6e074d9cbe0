#!/usr/bin/python3
# SPDX-License-Identifier: BSD-2-Clause
"""pyroute2 `IPRoute` as a small command-line client for the compatibility scenarios.

    pyr links | link NAME | addrs [NAME] | routes 4|6 [TABLE] | neigh 4|6 | route-get DST
    pyr link-set NAME up|down|mtu N|alias TEXT
    pyr addr-add|addr-del NAME ADDR/PLEN
    pyr route-add|route-del DST/PLEN GATEWAY [TABLE] | route-add-dev DST/PLEN NAME
    pyr neigh-add|neigh-del NAME DST [LLADDR]
    pyr monitor -- COMMAND...   (events while COMMAND runs)

Prints one line per object with chosen fields (no port ids, sequence numbers or counters);
a refused request prints `error: CODE MESSAGE` and exits 2.
"""
import errno
import os
import subprocess
import sys
import time

from pyroute2 import IPRoute
from pyroute2.netlink.exceptions import NetlinkError


def fam(v):
    return {"4": 2, "6": 10}[v]


def idx(ipr, name):
    r = ipr.link_lookup(ifname=name)
    if not r:
        print(f"error: no interface {name}")
        sys.exit(2)
    return r[0]


def show_link(l):
    print(
        "link",
        l["index"],
        l.get_attr("IFLA_IFNAME"),
        "flags=%#x" % l["flags"],
        "mtu=%s" % l.get_attr("IFLA_MTU"),
        "addr=%s" % l.get_attr("IFLA_ADDRESS"),
        "oper=%s" % l.get_attr("IFLA_OPERSTATE"),
        "alias=%s" % l.get_attr("IFLA_IFALIAS"),
    )


def show_addr(a):
    print(
        "addr",
        a["index"],
        a["family"],
        "%s/%d" % (a.get_attr("IFA_ADDRESS"), a["prefixlen"]),
        "local=%s" % a.get_attr("IFA_LOCAL"),
        "brd=%s" % a.get_attr("IFA_BROADCAST"),
        "scope=%d" % a["scope"],
        "label=%s" % a.get_attr("IFA_LABEL"),
    )


def show_route(r):
    mp = r.get_attr("RTA_MULTIPATH")
    hops = ""
    if mp:
        hops = " hops=" + ",".join(
            "%s@%s" % (h.get_attr("RTA_GATEWAY"), h["oif"]) for h in mp
        )
    print(
        "route",
        r["family"],
        "%s/%d" % (r.get_attr("RTA_DST") or "default", r["dst_len"]),
        "table=%s" % r.get_attr("RTA_TABLE"),
        "type=%d" % r["type"],
        "proto=%d" % r["proto"],
        "gw=%s" % r.get_attr("RTA_GATEWAY"),
        "oif=%s" % r.get_attr("RTA_OIF"),
        "nhid=%s" % r.get_attr("RTA_NH_ID") + hops,
    )


def show_neigh(n):
    print(
        "neigh",
        n["family"],
        n["ifindex"],
        n.get_attr("NDA_DST"),
        "lladdr=%s" % n.get_attr("NDA_LLADDR"),
        "state=%#x" % n["state"],
    )


def event(m):
    ev = m.get("event")
    if ev in ("RTM_NEWLINK", "RTM_DELLINK"):
        print(ev, m.get_attr("IFLA_IFNAME"), "flags=%#x" % m["flags"])
    elif ev in ("RTM_NEWADDR", "RTM_DELADDR"):
        print(ev, m["index"], "%s/%d" % (m.get_attr("IFA_ADDRESS"), m["prefixlen"]))
    elif ev in ("RTM_NEWROUTE", "RTM_DELROUTE"):
        print(ev, "%s/%d" % (m.get_attr("RTA_DST") or "default", m["dst_len"]), m.get_attr("RTA_GATEWAY"))
    elif ev in ("RTM_NEWNEIGH", "RTM_DELNEIGH"):
        print(ev, m.get_attr("NDA_DST"), m.get_attr("NDA_LLADDR"))
    else:
        print(ev)


def main(a):
    with IPRoute() as ipr:
        op = a[0]
        if op == "links":
            for l in ipr.get_links():
                show_link(l)
        elif op == "link":
            for l in ipr.get_links(idx(ipr, a[1])):
                show_link(l)
        elif op == "addrs":
            kw = {"index": idx(ipr, a[1])} if len(a) > 1 else {}
            for x in ipr.get_addr(**kw):
                show_addr(x)
        elif op == "routes":
            kw = {"table": int(a[2])} if len(a) > 2 else {}
            for r in ipr.get_routes(family=fam(a[1]), **kw):
                show_route(r)
        elif op == "route-get":
            for r in ipr.route("get", dst=a[1]):
                show_route(r)
        elif op == "neigh":
            for n in ipr.get_neighbours(family=fam(a[1])):
                show_neigh(n)
        elif op == "link-set":
            i = idx(ipr, a[1])
            if a[2] in ("up", "down"):
                ipr.link("set", index=i, state=a[2])
            elif a[2] == "mtu":
                ipr.link("set", index=i, mtu=int(a[3]))
            elif a[2] == "alias":
                ipr.link("set", index=i, ifalias=a[3])
            print("ok")
        elif op in ("addr-add", "addr-del"):
            addr, plen = a[2].split("/")
            ipr.addr(op[5:], index=idx(ipr, a[1]), address=addr, prefixlen=int(plen))
            print("ok")
        elif op in ("route-add", "route-del"):
            kw = {"table": int(a[3])} if len(a) > 3 else {}
            ipr.route(op[6:], dst=a[1], gateway=a[2], **kw)
            print("ok")
        elif op == "route-add-dev":
            ipr.route("add", dst=a[1], oif=idx(ipr, a[2]))
            print("ok")
        elif op in ("neigh-add", "neigh-del"):
            kw = {"lladdr": a[3], "state": 0x80} if len(a) > 3 else {}
            ipr.neigh(op[6:], dst=a[2], ifindex=idx(ipr, a[1]), **kw)
            print("ok")
        elif op == "monitor":
            ipr.bind()
            cmd = a[a.index("--") + 1 :]
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 1.0
            events = []
            while time.monotonic() < deadline:
                import select

                if not select.select([ipr], [], [], 0.2)[0]:
                    if events:
                        break
                    continue
                events += ipr.get()
            for m in events:
                event(m)
        else:
            print("unknown operation", op)
            sys.exit(64)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except NetlinkError as e:
        print(f"error: {e.code} {os.strerror(e.code)}")
        sys.exit(2)
