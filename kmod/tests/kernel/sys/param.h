/* SPDX-License-Identifier: BSD-2-Clause */
/* Stand-in: see kmod/tests/kernel/standin.h. */
#include "standin.h"
