/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Test double: the provider declarations of sys/netlink/netlink_linux.h in the nl_writer
 * generation (as in the kenrap/freebsd-src copy @f30bcb15), nothing else. Used by
 * kmod/tests/test_kmod.py.
 */
struct nlpcb;
struct nl_pstate;
struct nl_writer;
struct nlmsghdr;

typedef bool msgs_to_linux_cb_t(struct nl_writer *, struct nlpcb *);
typedef int msg_from_linux_cb_t(int, struct nlmsghdr **, struct nl_pstate *);

struct linux_netlink_provider {
	msgs_to_linux_cb_t	*msgs_to_linux;
	msg_from_linux_cb_t	*msg_from_linux;
};
