/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Compile-time check of the Linux netlink provider interface generation.
 *
 * nlcompat_kmod.c implements the nl_buf generation of struct linux_netlink_provider
 * (sys/netlink/netlink_linux.h @0dcfecbf):
 *
 *	msgs_to_linux:  struct nl_buf *(*)(struct nl_buf *, struct nlpcb *)
 *	msg_from_linux: int (*)(int, struct nlmsghdr **, struct nl_pstate *)
 *
 * Older trees declare the same two members with other types: the nl_writer generation has
 * bool (*)(struct nl_writer *, struct nlpcb *) for msgs_to_linux, and the mbuf generation has
 * struct mbuf *(*)(int, char *, int, struct nlpcb *) for msgs_to_linux and
 * struct nlmsghdr *(*)(int, struct nlmsghdr *, struct nl_pstate *) for msg_from_linux (some
 * nl_writer trees kept that older msg_from_linux). Storing our functions into such a struct
 * would compile with a warning at most and crash at run time, so this header turns any
 * mismatch into a build error naming the cause. docs/kernel.md lists the generations.
 *
 * Include after <netlink/netlink_linux.h>. Tested against the three generations by
 * kmod/tests/test_kmod.py (mock headers in kmod/tests/provider/).
 */
#ifndef NLCOMPAT_PROVIDER_CHECK_H
#define NLCOMPAT_PROVIDER_CHECK_H

struct nl_buf;
struct nlpcb;
struct nlmsghdr;
struct nl_pstate;

#define NLC_PROVIDER_MEMBER_TYPE(member) \
	__typeof__(((struct linux_netlink_provider *)0)->member)

_Static_assert(__builtin_types_compatible_p(NLC_PROVIDER_MEMBER_TYPE(msgs_to_linux),
    struct nl_buf *(*)(struct nl_buf *, struct nlpcb *)),
    "nlcompat: this kernel's linux_netlink_provider.msgs_to_linux is not "
    "struct nl_buf *(*)(struct nl_buf *, struct nlpcb *): its sys/netlink/netlink_linux.h is "
    "an older generation (nl_writer or mbuf) of the Linux netlink provider interface; "
    "nlcompat.ko supports only the nl_buf generation (see docs/kernel.md)");

_Static_assert(__builtin_types_compatible_p(NLC_PROVIDER_MEMBER_TYPE(msg_from_linux),
    int (*)(int, struct nlmsghdr **, struct nl_pstate *)),
    "nlcompat: this kernel's linux_netlink_provider.msg_from_linux is not "
    "int (*)(int, struct nlmsghdr **, struct nl_pstate *): its sys/netlink/netlink_linux.h is "
    "an older generation of the Linux netlink provider interface; nlcompat.ko supports only "
    "the nl_buf generation (see docs/kernel.md)");

#undef NLC_PROVIDER_MEMBER_TYPE

#endif /* NLCOMPAT_PROVIDER_CHECK_H */
