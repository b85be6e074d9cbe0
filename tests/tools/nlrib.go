// SPDX-License-Identifier: BSD-2-Clause
// Sends the two dump requests Go programs send through syscall.NetlinkRIB (17-byte rtgenmsg).

package main

import (
	"fmt"
	"syscall"
)

func main() {
	for _, t := range []int{syscall.RTM_GETLINK, syscall.RTM_GETADDR} {
		b, err := syscall.NetlinkRIB(t, syscall.AF_UNSPEC)
		fmt.Println(len(b), err)
	}
}
