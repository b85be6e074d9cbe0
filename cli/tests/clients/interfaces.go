// SPDX-License-Identifier: BSD-2-Clause

// Go's net package (syscall.NetlinkRIB: a fresh socket per dump, 17-byte requests, seq 1,
// pid checked on every message): each interface, then its addresses.
package main

import (
	"fmt"
	"net"
	"os"
)

func main() {
	ifs, err := net.Interfaces()
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	for _, i := range ifs {
		fmt.Println(i.Index, i.Name, i.MTU, i.HardwareAddr, i.Flags)
		addrs, err := i.Addrs()
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		for _, a := range addrs {
			fmt.Println(" ", a)
		}
	}
}
