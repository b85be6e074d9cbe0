# SPDX-License-Identifier: BSD-2-Clause
# pyroute2 IPRoute (SOCK_DGRAM, explicit port id, strict checking): dump links, addresses and
# IPv4 routes; add and delete an address and a route, dumping after each change.
from pyroute2 import IPRoute


def addrs(ipr, index):
    return sorted(
        "%s/%d" % (a.get_attr("IFA_ADDRESS"), a["prefixlen"])
        for a in ipr.get_addr(index=index)
    )


def routes(ipr):
    out = []
    for r in ipr.get_routes(family=2):
        out.append(
            "route %s/%d gw=%s oif=%s"
            % (
                r.get_attr("RTA_DST") or "0.0.0.0",
                r["dst_len"],
                r.get_attr("RTA_GATEWAY"),
                r.get_attr("RTA_OIF"),
            )
        )
    return out


with IPRoute() as ipr:
    for l in ipr.get_links():
        print(
            "link",
            l["index"],
            l.get_attr("IFLA_IFNAME"),
            l.get_attr("IFLA_MTU"),
            l.get_attr("IFLA_ADDRESS"),
            l.get_attr("IFLA_OPERSTATE"),
        )
    for a in ipr.get_addr():
        print("addr", a["index"], a["family"], a.get_attr("IFA_ADDRESS"), a["prefixlen"])
    for line in routes(ipr):
        print(line)
    eth0 = ipr.link_lookup(ifname="eth0")[0]
    print("eth0 index", eth0)
    ipr.addr("add", index=eth0, address="198.51.100.7", prefixlen=24)
    print("after addr add", addrs(ipr, eth0))
    ipr.route("add", dst="203.0.113.0/24", gateway="192.0.2.1")
    print("after route add", [r for r in routes(ipr) if "203.0.113.0" in r])
    ipr.route("del", dst="203.0.113.0/24", gateway="192.0.2.1")
    print("after route del", [r for r in routes(ipr) if "203.0.113.0" in r])
    ipr.addr("del", index=eth0, address="198.51.100.7", prefixlen=24)
    print("after addr del", addrs(ipr, eth0))
