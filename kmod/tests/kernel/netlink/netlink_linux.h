/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Stand-in: the nl_buf generation's provider types (the test double kmod/tests/provider uses)
 * and the pointer sys/netlink/netlink_glue.c defines.
 */
#include "standin.h"
#include "../../provider/nl_buf/netlink/netlink_linux.h"

extern struct linux_netlink_provider *linux_netlink_p;
