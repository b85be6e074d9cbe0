// SPDX-License-Identifier: BSD-2-Clause

// A client of github.com/vishvananda/netlink (the library behind Docker's libnetwork, the CNI
// plugins and much Kubernetes tooling), built in GOPATH mode from Debian's
// golang-github-vishvananda-netlink-dev. Each mode prints what the library returns, one
// object per line, sorted where the kernel's order is not part of the contract.
//
//	list               links, addresses, routes (IPv4, IPv6), neighbours
//	mutate DEV A R GW [CHECK]
//	                   on DEV: MTU 1400, up, address A, route R via GW; list them; run the
//	                   shell command CHECK (a second client, e.g. `ip`, served by the same
//	                   kernel); then delete the route and the address, set DEV down and list
//	                   again
//	rules              RuleList for IPv4 and IPv6: the rules or the error
package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"sort"
	"strings"

	"github.com/vishvananda/netlink"
)

func fail(what string, err error) {
	fmt.Printf("error: %s: %v\n", what, err)
	os.Exit(1)
}

func family(f int) string {
	switch f {
	case netlink.FAMILY_V4:
		return "inet"
	case netlink.FAMILY_V6:
		return "inet6"
	}
	return fmt.Sprint(f)
}

func links() map[int]string {
	ls, err := netlink.LinkList()
	if err != nil {
		fail("LinkList", err)
	}
	names := map[int]string{}
	for _, l := range ls {
		a := l.Attrs()
		names[a.Index] = a.Name
		fmt.Printf("link %d %s mtu %d %s <%s> %s\n", a.Index, a.Name, a.MTU, a.HardwareAddr,
			a.Flags, l.Type())
	}
	return names
}

func sorted(lines []string) {
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}

func addrs(names map[int]string, link netlink.Link) {
	as, err := netlink.AddrList(link, netlink.FAMILY_ALL)
	if err != nil {
		fail("AddrList", err)
	}
	var out []string
	for _, a := range as {
		out = append(out, fmt.Sprintf("addr %s %s scope %d", names[a.LinkIndex], a.IPNet, a.Scope))
	}
	sorted(out)
}

func routes(names map[int]string, link netlink.Link) {
	for _, f := range []int{netlink.FAMILY_V4, netlink.FAMILY_V6} {
		rs, err := netlink.RouteList(link, f)
		if err != nil {
			fail("RouteList", err)
		}
		var out []string
		for _, r := range rs {
			dst := "default"
			if r.Dst != nil {
				dst = r.Dst.String()
			}
			gw := "-"
			if r.Gw != nil {
				gw = r.Gw.String()
			}
			out = append(out, fmt.Sprintf("route %s %s via %s dev %s table %d", family(f), dst, gw,
				names[r.LinkIndex], r.Table))
		}
		sorted(out)
	}
}

// neighs lists the neighbour table; multicast entries (Linux adds ff02::16 for MLD when a
// link comes up, at a moment of its own) are left out so runs compare.
func neighs(names map[int]string) {
	ns, err := netlink.NeighList(0, netlink.FAMILY_ALL)
	if err != nil {
		fail("NeighList", err)
	}
	var out []string
	for _, n := range ns {
		if n.IP.IsMulticast() {
			continue
		}
		out = append(out, fmt.Sprintf("neigh %s %s dev %s", n.IP, n.HardwareAddr, names[n.LinkIndex]))
	}
	sorted(out)
}

func mutate(dev, addr, dst, gw, check string) {
	l, err := netlink.LinkByName(dev)
	if err != nil {
		fail("LinkByName", err)
	}
	if err := netlink.LinkSetMTU(l, 1400); err != nil {
		fail("LinkSetMTU", err)
	}
	if err := netlink.LinkSetUp(l); err != nil {
		fail("LinkSetUp", err)
	}
	a, err := netlink.ParseAddr(addr)
	if err != nil {
		fail("ParseAddr", err)
	}
	if err := netlink.AddrAdd(l, a); err != nil {
		fail("AddrAdd", err)
	}
	_, d, err := net.ParseCIDR(dst)
	if err != nil {
		fail("ParseCIDR", err)
	}
	r := &netlink.Route{LinkIndex: l.Attrs().Index, Dst: d, Gw: net.ParseIP(gw)}
	if err := netlink.RouteAdd(r); err != nil {
		fail("RouteAdd", err)
	}
	// A second add of the same route: the kernel's EEXIST comes back as an error.
	if err := netlink.RouteAdd(r); err != nil {
		fmt.Println("second RouteAdd:", err)
	}
	show(dev)
	if check != "" {
		c := exec.Command("/bin/sh", "-c", check)
		c.Stdout = os.Stdout
		c.Stderr = os.Stderr
		if err := c.Run(); err != nil {
			fail("check", err)
		}
	}
	if err := netlink.RouteDel(r); err != nil {
		fail("RouteDel", err)
	}
	if err := netlink.AddrDel(l, a); err != nil {
		fail("AddrDel", err)
	}
	if err := netlink.LinkSetDown(l); err != nil {
		fail("LinkSetDown", err)
	}
	fmt.Println("-- after delete and down")
	show(dev)
}

// show prints DEV (fetched again) with its IPv4 addresses and routes.
func show(dev string) {
	l, err := netlink.LinkByName(dev)
	if err != nil {
		fail("LinkByName", err)
	}
	a := l.Attrs()
	fmt.Printf("link %s mtu %d <%s>\n", a.Name, a.MTU, a.Flags)
	as, err := netlink.AddrList(l, netlink.FAMILY_V4)
	if err != nil {
		fail("AddrList", err)
	}
	for _, x := range as {
		fmt.Println("addr", x.IPNet)
	}
	rs, err := netlink.RouteList(l, netlink.FAMILY_V4)
	if err != nil {
		fail("RouteList", err)
	}
	var out []string
	for _, r := range rs {
		gw := "-"
		if r.Gw != nil {
			gw = r.Gw.String()
		}
		out = append(out, fmt.Sprintf("route %s via %s", r.Dst, gw))
	}
	sorted(out)
}

func rules() {
	for _, f := range []int{netlink.FAMILY_V4, netlink.FAMILY_V6} {
		rs, err := netlink.RuleList(f)
		if err != nil {
			fmt.Printf("RuleList %s: error: %v\n", family(f), err)
			continue
		}
		var out []string
		for _, r := range rs {
			out = append(out, fmt.Sprintf("rule %s priority %d table %d", family(f), r.Priority, r.Table))
		}
		fmt.Printf("RuleList %s: %d rules\n", family(f), len(rs))
		sorted(out)
	}
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: vishvananda list|mutate DEV ADDR DST GW [CHECK]|rules")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "list":
		names := links()
		addrs(names, nil)
		routes(names, nil)
		neighs(names)
	case "mutate":
		if len(os.Args) != 6 && len(os.Args) != 7 {
			fmt.Fprintln(os.Stderr, "mutate DEV ADDR DST GW [CHECK]")
			os.Exit(2)
		}
		check := ""
		if len(os.Args) == 7 {
			check = os.Args[6]
		}
		mutate(os.Args[2], os.Args[3], os.Args[4], os.Args[5], check)
	case "rules":
		rules()
	default:
		fmt.Fprintln(os.Stderr, "unknown mode", strings.Join(os.Args[1:], " "))
		os.Exit(2)
	}
}
