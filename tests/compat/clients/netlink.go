// SPDX-License-Identifier: BSD-2-Clause

// github.com/vishvananda/netlink as a small command-line client for the compatibility
// scenarios: links, addresses, routes and neighbours (one line per object, chosen fields).
package main

import (
	"fmt"
	"os"
	"sort"

	"github.com/vishvananda/netlink"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Println("usage: go-netlink links|addrs|routes|neigh")
		os.Exit(64)
	}
	var out []string
	switch os.Args[1] {
	case "links":
		ls, err := netlink.LinkList()
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		for _, l := range ls {
			a := l.Attrs()
			out = append(out, fmt.Sprintf("link %d %s mtu=%d hw=%s flags=%s oper=%s type=%s", a.Index, a.Name, a.MTU, a.HardwareAddr, a.Flags, a.OperState, l.Type()))
		}
	case "addrs":
		as, err := netlink.AddrList(nil, netlink.FAMILY_ALL)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		for _, a := range as {
			out = append(out, fmt.Sprintf("addr %d %s scope=%d brd=%v label=%s", a.LinkIndex, a.IPNet, a.Scope, a.Broadcast, a.Label))
		}
	case "routes":
		rs, err := netlink.RouteList(nil, netlink.FAMILY_V4)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		for _, r := range rs {
			out = append(out, fmt.Sprintf("route %v gw=%v oif=%d table=%d proto=%d type=%d", r.Dst, r.Gw, r.LinkIndex, r.Table, r.Protocol, r.Type))
		}
	case "neigh":
		ns, err := netlink.NeighList(0, netlink.FAMILY_V4)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		for _, n := range ns {
			out = append(out, fmt.Sprintf("neigh %d %s %s state=%#x", n.LinkIndex, n.IP, n.HardwareAddr, n.State))
		}
	}
	sort.Strings(out)
	for _, l := range out {
		fmt.Println(l)
	}
}
