/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Test double: the provider members of sys/netlink/netlink_linux.h in the mbuf generation
 * (the interface sys/netlink/netlink_io.c @013ab21c calls), nothing else. Used by
 * kmod/tests/test_kmod.py.
 */
struct mbuf;
struct nlpcb;
struct nl_pstate;
struct nlmsghdr;

struct linux_netlink_provider {
	struct mbuf	*(*mbufs_to_linux)(int, struct mbuf *, struct nlpcb *);
	struct mbuf	*(*msgs_to_linux)(int, char *, int, struct nlpcb *);
	struct nlmsghdr	*(*msg_from_linux)(int, struct nlmsghdr *, struct nl_pstate *);
};
