# SPDX-License-Identifier: BSD-2-Clause
# pyroute2 IPRoute link changes (RTM_NEWLINK by index, without strict checking): eth0 down,
# eth1 up, eth1 MTU 1400; then one line per link: index, name, ifi_flags, MTU, operstate.
from pyroute2 import IPRoute

with IPRoute() as ipr:
    ipr.link("set", index=1, state="down")
    ipr.link("set", index=2, state="up")
    ipr.link("set", index=2, mtu=1400)
    for l in ipr.get_links():
        print(
            l["index"],
            l.get_attr("IFLA_IFNAME"),
            hex(l["flags"]),
            l.get_attr("IFLA_MTU"),
            l.get_attr("IFLA_OPERSTATE"),
        )
