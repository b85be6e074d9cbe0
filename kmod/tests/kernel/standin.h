/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Stand-in for the parts of a FreeBSD kernel tree kmod/nlcompat_kmod.c uses, so that the glue
 * can be type-checked on a machine without one (kmod/tests/test_kmod.py, GlueTypeCheck). Only
 * declarations: every header under this directory includes this file. Shapes follow the
 * FreeBSD sources named beside each group (main, nl_buf generation); where a real macro
 * expands to more, the stand-in keeps what the compiler can check: argument and member types.
 * Nothing here is linked or run. A change to the glue that compiles against this but not
 * against a real tree is still possible: docs/kernel.md says the module is unbuilt.
 */
#ifndef NLC_STANDIN_H
#define NLC_STANDIN_H

#ifndef _KERNEL
#error "stand-in kernel headers: compile with -D_KERNEL"
#endif

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* sys/sys/types.h, sys/sys/_types.h, sys/sys/cdefs.h */
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef struct {
	long long nlc_ll;
	long double nlc_ld;
} __max_align_t;
#define __unused __attribute__((__unused__))
#define __dead2 __attribute__((__noreturn__))
#define __printflike(f, a) __attribute__((__format__(__printf__, f, a)))

/* sys/sys/limits.h, sys/sys/errno.h */
#define INT_MAX 0x7fffffff
#define UINT_MAX 0xffffffffU
#define EINVAL 22
#define ENOBUFS 55
#define EOPNOTSUPP 45

/* sys/sys/param.h */
#define rounddown2(x, y) ((x) & ~((y) - 1))

/* sys/sys/systm.h, sys/sys/libkern.h */
void panic(const char *, ...) __dead2 __printflike(1, 2);
#define KASSERT(exp, msg) do { if (!(exp)) panic msg; } while (0)
void *memcpy(void *, const void *, size_t);
void *memmove(void *, const void *, size_t);
size_t strlcpy(char *, const char *, size_t);
int pause(const char *, int);
extern int hz;
struct thread;
extern struct thread *nlc_standin_curthread;
#define curthread nlc_standin_curthread
int kernel_sysctlbyname(struct thread *, char *, void *, size_t *, void *, size_t, size_t *,
    int);

/* sys/sys/malloc.h */
#define M_NOWAIT 0x0001

/* sys/sys/queue.h: the tail queue operations the glue uses, with the same field names. */
#define TAILQ_HEAD(name, type)						\
	struct name { struct type *tqh_first; struct type **tqh_last; }
#define TAILQ_HEAD_INITIALIZER(head) { NULL, &(head).tqh_first }
#define TAILQ_ENTRY(type)						\
	struct { struct type *tqe_next; struct type **tqe_prev; }
#define TAILQ_FIRST(head) ((head)->tqh_first)
#define TAILQ_NEXT(elm, field) ((elm)->field.tqe_next)
#define TAILQ_EMPTY(head) ((head)->tqh_first == NULL)
#define TAILQ_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = TAILQ_FIRST(head);					\
	    (var) != NULL && ((tvar) = TAILQ_NEXT(var, field), 1);	\
	    (var) = (tvar))
#define TAILQ_INSERT_TAIL(head, elm, field) do {			\
	TAILQ_NEXT(elm, field) = NULL;					\
	(elm)->field.tqe_prev = (head)->tqh_last;			\
	*(head)->tqh_last = (elm);					\
	(head)->tqh_last = &TAILQ_NEXT(elm, field);			\
} while (0)
#define TAILQ_CONCAT(head1, head2, field) do {				\
	if (!TAILQ_EMPTY(head2)) {					\
		*(head1)->tqh_last = (head2)->tqh_first;		\
		(head2)->tqh_first->field.tqe_prev = (head1)->tqh_last;	\
		(head1)->tqh_last = (head2)->tqh_last;			\
		(head2)->tqh_first = NULL;				\
		(head2)->tqh_last = &(head2)->tqh_first;		\
	}								\
} while (0)

/* sys/amd64/include/atomic.h */
void atomic_add_int(volatile u_int *, u_int);
void atomic_subtract_int(volatile u_int *, u_int);
void atomic_add_long(volatile u_long *, u_long);
u_int atomic_load_acq_int(volatile u_int *);
void atomic_store_rel_ptr(volatile uintptr_t *, uintptr_t);

/* sys/sys/epoch.h, sys/net/if_var.h (NET_EPOCH_*) */
struct epoch;
struct epoch_tracker { void *nlc_opaque; };
extern struct epoch *net_epoch_preempt;
void epoch_enter_preempt(struct epoch *, struct epoch_tracker *);
void epoch_exit_preempt(struct epoch *, struct epoch_tracker *);
void epoch_wait_preempt(struct epoch *);
#define NET_EPOCH_ENTER(et) epoch_enter_preempt(net_epoch_preempt, &(et))
#define NET_EPOCH_EXIT(et) epoch_exit_preempt(net_epoch_preempt, &(et))
#define NET_EPOCH_WAIT() epoch_wait_preempt(net_epoch_preempt)
#define NET_EPOCH_ASSERT() ((void)0)

/* sys/net/vnet.h (VIMAGE: CURVNET_SET declares the saved pointer where it stands) */
struct vnet;
extern struct vnet *nlc_standin_curvnet;
#define CURVNET_SET(arg) struct vnet *saved_vnet = nlc_standin_curvnet; \
	nlc_standin_curvnet = (arg)
#define CURVNET_RESTORE() (nlc_standin_curvnet = saved_vnet)

/* sys/sys/sysctl.h: checks the parent chain and each variable's type. */
struct sysctl_oid { struct sysctl_oid *nlc_parent; };
#define OID_AUTO (-1)
#define CTLFLAG_RD 0x80000000
#define CTLFLAG_WR 0x40000000
#define CTLFLAG_RW (CTLFLAG_RD | CTLFLAG_WR)
#define CTLFLAG_TUN 0x00080000
#define CTLFLAG_RWTUN (CTLFLAG_RW | CTLFLAG_TUN)
#define CTLFLAG_MPSAFE 0x00040000
#define SYSCTL_DECL(name) extern struct sysctl_oid sysctl_##name
#define SYSCTL_NODE(parent, nbr, name, access, handler, descr)		\
	struct sysctl_oid sysctl_##parent##_##name = { &sysctl_##parent }
#define SYSCTL_BOOL(parent, nbr, name, access, ptr, val, descr)		\
	static const struct { struct sysctl_oid *p; bool *v; }		\
	    nlc_sysctl_##name __unused = { &sysctl_##parent, (ptr) }
#define SYSCTL_ULONG(parent, nbr, name, access, ptr, val, descr)	\
	static const struct { struct sysctl_oid *p; u_long *v; }	\
	    nlc_sysctl_##name __unused = { &sysctl_##parent, (ptr) }

/* sys/sys/module.h, sys/sys/kernel.h */
struct module;
typedef struct module *module_t;
typedef int (*modeventhand_t)(module_t, int, void *);
typedef struct moduledata {
	const char *name;
	modeventhand_t evhand;
	void *priv;
} moduledata_t;
enum { MOD_LOAD, MOD_UNLOAD, MOD_SHUTDOWN, MOD_QUIESCE };
enum { SI_SUB_PROTO_DOMAIN = 0x8800000 };
enum { SI_ORDER_ANY = 0xfffffff };
#define DECLARE_MODULE(name, data, sub, order)				\
	static moduledata_t *const nlc_module_##name __unused = &(data);	\
	enum { nlc_module_sub_##name = (sub), nlc_module_order_##name = (order) }
#define MODULE_VERSION(name, ver) enum { nlc_module_version_##name = (ver) }
#define MODULE_DEPEND(name, dep, min, pref, max)			\
	enum { nlc_depend_##name##_##dep = (min) + (pref) + (max) }

/* sys/net/if_types.h */
#define IFT_ETHER 0x6
#define IFT_LOOP 0x18

/* sys/net/if.h, sys/net/if_var.h, sys/net/if_private.h */
struct ifnet {
	int if_linux_ethno;
};
typedef struct ifnet *if_t;
typedef int (*if_foreach_cb_t)(if_t, void *);
struct ifnet *ifnet_byindex(u_int);
struct ifnet *ifunit(const char *);
const char *if_name(if_t);
int if_getindex(const if_t);
int if_gettype(const if_t);
int if_foreach(if_foreach_cb_t, void *);

/* sys/netlink/netlink_var.h */
struct nl_buf {
	TAILQ_ENTRY(nl_buf) tailq;
	u_int buflen;
	u_int datalen;
	u_int offset;
	char data[];
};
struct nl_buf *nl_buf_alloc(size_t, int);
void nl_buf_free(struct nl_buf *);

/* sys/sys/sockbuf.h (the netlink queue of the receive buffer), sys/sys/socketvar.h */
struct sockbuf {
	u_int sb_acc;
	u_int sb_ccc;
	u_int sb_hiwat;
	TAILQ_HEAD(, nl_buf) nl_queue;
};
struct socket {
	struct vnet *so_vnet;
	struct sockbuf so_rcv;
};
void nlc_standin_recvbuf_lock(struct sockbuf *);
void nlc_standin_sorwakeup_locked(struct socket *);
#define SOCK_RECVBUF_LOCK(so) nlc_standin_recvbuf_lock(&(so)->so_rcv)
#define sorwakeup_locked(so) nlc_standin_sorwakeup_locked(so)

struct nlpcb {
	struct socket *nl_socket;
	int nl_proto;
	bool nl_linux;
};

/* sys/netlink/netlink.h */
struct nlmsghdr {
	uint32_t nlmsg_len;
	uint16_t nlmsg_type;
	uint16_t nlmsg_flags;
	uint32_t nlmsg_seq;
	uint32_t nlmsg_pid;
};

/* sys/netlink/netlink_message_parser.h */
struct linear_buffer {
	char *base;
	uint32_t offset;
	uint32_t size;
};
struct nl_pstate {
	struct linear_buffer lb;
	struct nlpcb *nlp;
};
void *npt_alloc(struct nl_pstate *, int);

#endif /* NLC_STANDIN_H */
