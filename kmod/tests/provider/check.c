/* SPDX-License-Identifier: BSD-2-Clause */
/* Compiled by kmod/tests/test_kmod.py against each generation's test double. */
#include <stdbool.h>

#include <netlink/netlink_linux.h>

#include "nlcompat_provider_check.h"
