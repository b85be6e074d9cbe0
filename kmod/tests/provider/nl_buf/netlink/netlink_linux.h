/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Test double: the provider declarations of sys/netlink/netlink_linux.h in the nl_buf
 * generation (freebsd-src @0dcfecbf), nothing else. Used by kmod/tests/test_kmod.py.
 */
struct nlpcb;
struct nl_pstate;
struct nl_buf;
struct nlmsghdr;

typedef struct nl_buf *msgs_to_linux_cb_t(struct nl_buf *, struct nlpcb *);
typedef int msg_from_linux_cb_t(int, struct nlmsghdr **, struct nl_pstate *);

struct linux_netlink_provider {
	msgs_to_linux_cb_t	*msgs_to_linux;
	msg_from_linux_cb_t	*msg_from_linux;
};
