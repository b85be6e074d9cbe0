/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * nlcompat.ko: FreeBSD's Linux netlink provider backed by the Rust translator
 * (ffi/include/nlcompat.h, libnlcompat_ffi.a built for x86_64-unknown-none).
 *
 * Targets the nl_buf generation of the provider interface, sys/netlink/netlink_linux.h
 * @0dcfecbf: msgs_to_linux_cb_t takes and returns a struct nl_buf, msg_from_linux_cb_t
 * returns a FreeBSD errno. nlcompat_provider_check.h stops the build with a message on the
 * older nl_writer and mbuf generations. See docs/kernel.md for building, loading and the
 * guarantees this file relies on. NOT BUILT in nlcompat's CI (no FreeBSD kernel tree there);
 * the Rust object it links is built and checked there (make kernel).
 *
 * Registration mirrors what linux_common does with linux_netlink_register() /
 * linux_netlink_deregister(): store our provider's address in linux_netlink_p, clear it on
 * unload. Because linux.ko registers its own C provider when it loads, we remember the
 * pointer we replaced and put it back on unload, so load order must be linux.ko, then
 * nlcompat.ko, and unload order the reverse.
 */

#include <sys/param.h>
#include <sys/systm.h>
#include <sys/epoch.h>
#include <sys/kernel.h>
#include <sys/limits.h>
#include <sys/lock.h>
#include <sys/malloc.h>
#include <sys/module.h>
#include <sys/proc.h>
#include <sys/queue.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <sys/sysctl.h>

#include <machine/atomic.h>

#include <net/if.h>
#include <net/if_private.h>	/* if_linux_ethno: no KPI accessor exists */
#include <net/if_types.h>
#include <net/if_var.h>
#include <net/vnet.h>

#include <netlink/netlink.h>
#include <netlink/netlink_ctl.h>
#include <netlink/netlink_linux.h>
#include <netlink/netlink_message_parser.h>
#include <netlink/netlink_var.h>

#include "nlcompat.h"
#include "nlcompat_provider_check.h"	/* fails the build on an older provider generation */

_Static_assert(NLCOMPAT_EINVAL == EINVAL, "nlcompat.h EINVAL");
_Static_assert(NLCOMPAT_ENOBUFS == ENOBUFS, "nlcompat.h ENOBUFS");

SYSCTL_DECL(_compat_linux);
static SYSCTL_NODE(_compat_linux, OID_AUTO, nlcompat, CTLFLAG_RW | CTLFLAG_MPSAFE, 0,
    "nlcompat netlink translator");

/*
 * compat.linux.use_real_ifnames is a static variable of linux_if.c, and reading a sysctl may
 * sleep, which the outbound path must not. We copy it at load time into our own knob.
 */
static bool nlc_use_real_ifnames;
SYSCTL_BOOL(_compat_linux_nlcompat, OID_AUTO, use_real_ifnames, CTLFLAG_RWTUN,
    &nlc_use_real_ifnames, 0,
    "Keep FreeBSD interface names (copied from compat.linux.use_real_ifnames at load)");

static u_long nlc_out_dropped;
SYSCTL_ULONG(_compat_linux_nlcompat, OID_AUTO, out_dropped, CTLFLAG_RD, &nlc_out_dropped, 0,
    "Outbound batches dropped (M_NOWAIT allocation failure or malformed kernel framing)");

static u_long nlc_out_unsplit;
SYSCTL_ULONG(_compat_linux_nlcompat, OID_AUTO, out_unsplit, CTLFLAG_RD, &nlc_out_unsplit, 0,
    "Outbound batches queued whole, without Linux datagram boundaries (M_NOWAIT failure)");

/* Callbacks currently running, so unload can wait for them. */
static volatile u_int nlc_inflight;

/* Never reached: tests/scripts/kernel-check.sh proves no Rust panic path is linked in. */
void nlcompat_panic_hook(void) __dead2;
void
nlcompat_panic_hook(void)
{
	panic("nlcompat: Rust panic handler reached");
}

/*
 * Host callbacks. All run inside NET_EPOCH (entered by the two provider functions below) with
 * the socket's vnet as curvnet; none sleeps or allocates.
 */

static size_t
nlc_ifname(void *ctx __unused, uint32_t index, char *buf, size_t buf_len)
{
	struct ifnet *ifp;
	size_t n;

	NET_EPOCH_ASSERT();
	ifp = ifnet_byindex(index);
	if (ifp == NULL)
		return (0);
	n = strlcpy(buf, if_name(ifp), buf_len);
	return (n < buf_len ? n : 0);
}

static uint32_t
nlc_ifindex(void *ctx __unused, const char *name, size_t name_len __unused)
{
	struct ifnet *ifp;

	NET_EPOCH_ASSERT();
	ifp = ifunit(name);	/* name is NUL-terminated by the Rust side */
	return (ifp == NULL ? 0 : (uint32_t)if_getindex(ifp));
}

static int
nlc_iftype(void *ctx __unused, uint32_t index)
{
	struct ifnet *ifp;

	NET_EPOCH_ASSERT();
	ifp = ifnet_byindex(index);
	return (ifp == NULL ? -1 : if_gettype(ifp));
}

static int
nlc_linux_ethno(void *ctx __unused, uint32_t index)
{
	struct ifnet *ifp;

	NET_EPOCH_ASSERT();
	ifp = ifnet_byindex(index);
	/* linux_common numbers IFT_ETHER interfaces only, on arrival (linux_if.c). */
	if (ifp == NULL || if_gettype(ifp) != IFT_ETHER)
		return (-1);
	return (ifp->if_linux_ethno);
}

struct nlc_match {
	int		type;
	int		ethno;	/* -1: any */
	uint32_t	index;
};

static int
nlc_match_cb(if_t ifp, void *arg)
{
	struct nlc_match *m = arg;

	if (if_gettype(ifp) != m->type)
		return (0);
	if (m->ethno >= 0 && ifp->if_linux_ethno != m->ethno)
		return (0);
	m->index = (uint32_t)if_getindex(ifp);
	return (1);	/* non-zero stops if_foreach() */
}

static uint32_t
nlc_ifindex_by_ethno(void *ctx __unused, uint32_t ethno)
{
	struct nlc_match m = { .type = IFT_ETHER, .index = 0 };

	NET_EPOCH_ASSERT();
	if (ethno > INT_MAX)
		return (0);
	m.ethno = (int)ethno;
	(void)if_foreach(nlc_match_cb, &m);
	return (m.index);
}

static uint32_t
nlc_first_loopback(void *ctx __unused)
{
	struct nlc_match m = { .type = IFT_LOOP, .ethno = -1, .index = 0 };

	NET_EPOCH_ASSERT();
	(void)if_foreach(nlc_match_cb, &m);
	return (m.index);
}

static void
nlc_host_init(struct nlcompat_host *h)
{
	*h = (struct nlcompat_host){
		.ctx = NULL,
		.ifname = nlc_ifname,
		.ifindex = nlc_ifindex,
		.iftype = nlc_iftype,
		.linux_ethno = nlc_linux_ethno,
		.ifindex_by_ethno = nlc_ifindex_by_ethno,
		.first_loopback = nlc_first_loopback,
		.use_real_ifnames = nlc_use_real_ifnames ? 1 : 0,
	};
}

/*
 * Inbound (msg_from_linux_cb_t): one Linux request at *hdr, already checked by the core
 * (nlmsg_len >= 16 and within the buffer, NLM_F_REQUEST, type >= NLMSG_MIN_TYPE). We translate
 * it straight into the free part of the request's scratch buffer (npt->lb, which nl_sosend()
 * enlarged for Linux sockets), then claim exactly that part with npt_alloc() and re-point
 * *hdr. The original bytes stay untouched. Returns 0 or a FreeBSD errno, which the core turns
 * into an NLMSG_ERROR (translated outbound like any other message).
 */
static int
nlc_msg_from_linux(int netlink_family, struct nlmsghdr **hdr, struct nl_pstate *npt)
{
	struct nlcompat_host host;
	struct epoch_tracker et;
	struct nlmsghdr *in = *hdr;
	uint8_t *dst;
	size_t cap, out_len = 0;
	void *claimed;
	int error;

	atomic_add_int(&nlc_inflight, 1);
	/* Free scratch, rounded down so that npt_alloc()'s own rounding cannot fail. */
	cap = rounddown2(npt->lb.size - npt->lb.offset, _Alignof(__max_align_t));
	dst = (uint8_t *)npt->lb.base + npt->lb.offset;
	nlc_host_init(&host);
	NET_EPOCH_ENTER(et);
	error = nlcompat_linux_to_freebsd(&host, netlink_family, (const uint8_t *)in,
	    in->nlmsg_len, dst, cap, &out_len);
	NET_EPOCH_EXIT(et);
	if (error == 0 && out_len < sizeof(struct nlmsghdr))
		error = EINVAL;	/* nothing to dispatch */
	if (error == 0) {
		claimed = npt_alloc(npt, (int)out_len);
		KASSERT(claimed == dst, ("nlcompat: scratch moved %p != %p", claimed, dst));
		if (claimed == NULL)
			error = ENOBUFS;
		else
			*hdr = claimed;
	}
	/* ENOBUFS: the rewrite outgrew the scratch; the process sees -ENOBUFS. */
	atomic_subtract_int(&nlc_inflight, 1);
	return (error);
}

TAILQ_HEAD(nlc_bufq, nl_buf);

/*
 * Linux datagram boundaries (docs/kernel.md, "Datagram boundaries"). `nb` holds a translated
 * batch: replies, acks, dump parts, notifications, in the order FreeBSD produced them, all in
 * one buffer. Linux would have queued each reply, ack, error and notification as a datagram of
 * its own and packed only the parts of one dump (net/netlink/af_netlink.c: netlink_unicast(),
 * netlink_ack(), netlink_dump()); nlcompat_first_datagram() applies that rule (the same
 * function the runner uses). Every datagram but the last goes into an nl_buf of its own, which
 * we append to the socket's receive queue here, with the accounting nl_send()
 * (sys/netlink/netlink_io.c) does for the buffer it queues; the last datagram stays in `nb`,
 * moved to its start (nl_send() and nl_soreceive() count nb->datalen, not datalen - offset),
 * and nl_send() queues it after the others. A batch of one datagram (a notification, a single
 * reply, a dump part that fits) is returned untouched, without a copy.
 *
 * nl_send() holds no lock when it calls msgs_to_linux and takes the receive buffer lock only
 * afterwards, so taking it here cannot deadlock; a concurrent nl_send() to the same socket (a
 * notification) may land between two of our datagrams, as it may on Linux. The buffers we
 * queue ignore the socket's limit, as replies and dumps do in FreeBSD (nlmsg_ignore_limit());
 * only a multicast batch of several datagrams on a full socket can lose its last datagram in
 * nl_send() while the others were queued. If an allocation fails, the batch is queued whole,
 * as before (nothing is lost, boundaries are), counted in out_unsplit.
 *
 * FreeBSD's nl_soreceive() (sys/netlink/netlink_domain.c) still reads across nl_bufs; until it
 * stops at a buffer boundary on Linux sockets (docs/kernel.md says what that takes), the
 * boundaries set here are kept in the queue but not yet seen by the process.
 */
static struct nl_buf *
nlc_cut_datagrams(struct nl_buf *nb, struct nlpcb *nlp)
{
	struct nlc_bufq head = TAILQ_HEAD_INITIALIZER(head);
	struct socket *so = nlp->nl_socket;
	struct sockbuf *sb = &so->so_rcv;
	struct nl_buf *d, *next;
	size_t off, len, rest;

	off = 0;
	for (;;) {
		rest = nb->datalen - off;
		len = nlcompat_first_datagram((const uint8_t *)nb->data + off, rest,
		    NLCOMPAT_NLMSG_GOODSIZE);
		if (len == 0 || len >= rest)
			break;	/* the last datagram (0: never for rest > 0) */
		d = nl_buf_alloc(len, M_NOWAIT);
		if (d == NULL) {
			TAILQ_FOREACH_SAFE(d, &head, tailq, next)
				nl_buf_free(d);
			atomic_add_long(&nlc_out_unsplit, 1);
			return (nb);
		}
		memcpy(d->data, nb->data + off, len);
		d->datalen = (u_int)len;
		d->offset = 0;
		TAILQ_INSERT_TAIL(&head, d, tailq);
		off += len;
	}
	if (off == 0)
		return (nb);
	memmove(nb->data, nb->data + off, nb->datalen - off);
	nb->datalen -= (u_int)off;
	SOCK_RECVBUF_LOCK(so);
	TAILQ_CONCAT(&sb->nl_queue, &head, tailq);
	sb->sb_acc += (u_int)off;
	sb->sb_ccc += (u_int)off;
	sorwakeup_locked(so);	/* unlocks */
	return (nb);
}

/*
 * Outbound (msgs_to_linux_cb_t): a buffer of FreeBSD messages about to be queued on a Linux
 * socket. Size it first (dst NULL), allocate an nl_buf of exactly that size with M_NOWAIT,
 * translate into it, cut it at Linux's datagram boundaries (nlc_cut_datagrams()) and return
 * the last datagram; nl_send() frees `orig` and queues the result. We never
 * write through an nl_writer or call nl_send(), so nothing is flushed (and re-translated)
 * behind our back (gap O13). Untranslatable messages come back as NLMSG_ERROR/NLMSG_DONE
 * from the translator; NULL (batch dropped, counted in out_dropped) is left for allocation
 * failure and malformed kernel framing.
 */
static struct nl_buf *
nlc_msgs_to_linux(struct nl_buf *orig, struct nlpcb *nlp)
{
	struct nlcompat_host host;
	struct epoch_tracker et;
	struct nl_buf *nb = NULL;
	size_t need = 0, out_len;
	int error, tries;

	atomic_add_int(&nlc_inflight, 1);
	CURVNET_SET(nlp->nl_socket->so_vnet);
	NET_EPOCH_ENTER(et);
	nlc_host_init(&host);
	error = nlcompat_freebsd_to_linux(&host, nlp->nl_proto, (const uint8_t *)orig->data,
	    orig->datalen, NULL, 0, &need);
	/* Interfaces may change between passes; the size reported then is always larger. */
	for (tries = 0; error == ENOBUFS && tries < 3; tries++) {
		if (need == 0 || need > UINT_MAX)
			break;
		nb = nl_buf_alloc(need, M_NOWAIT);
		if (nb == NULL)
			break;
		out_len = 0;
		error = nlcompat_freebsd_to_linux(&host, nlp->nl_proto,
		    (const uint8_t *)orig->data, orig->datalen, (uint8_t *)nb->data, nb->buflen,
		    &out_len);
		if (error == 0) {
			nb->datalen = (u_int)out_len;
			nb->offset = 0;
			break;
		}
		nl_buf_free(nb);
		nb = NULL;
		need = out_len;
	}
	NET_EPOCH_EXIT(et);
	CURVNET_RESTORE();
	if (nb != NULL && nb->datalen == 0) {
		nl_buf_free(nb);
		nb = NULL;
	}
	if (nb == NULL)
		atomic_add_long(&nlc_out_dropped, 1);
	else
		nb = nlc_cut_datagrams(nb, nlp);
	atomic_subtract_int(&nlc_inflight, 1);
	return (nb);
}

static struct linux_netlink_provider nlc_provider = {
	.msgs_to_linux = nlc_msgs_to_linux,
	.msg_from_linux = nlc_msg_from_linux,
};

static struct linux_netlink_provider *nlc_previous;

static int
nlcompat_modevent(module_t mod __unused, int what, void *arg __unused)
{
	size_t len;
	int val;

	switch (what) {
	case MOD_LOAD:
		val = 0;
		len = sizeof(val);
		/* A bool sysctl reads as int; absent (no linux.ko) leaves 0. */
		if (kernel_sysctlbyname(curthread, "compat.linux.use_real_ifnames", &val, &len,
		    NULL, 0, NULL, 0) == 0)
			nlc_use_real_ifnames = val != 0;
		nlc_previous = linux_netlink_p;
		atomic_store_rel_ptr((volatile uintptr_t *)&linux_netlink_p,
		    (uintptr_t)&nlc_provider);
		return (0);
	case MOD_UNLOAD:
		if (linux_netlink_p == &nlc_provider)
			atomic_store_rel_ptr((volatile uintptr_t *)&linux_netlink_p,
			    (uintptr_t)nlc_previous);
		/*
		 * Unload rule. The netlink core loads linux_netlink_p and calls through it with
		 * no lock, reference or epoch of its own (sys/netlink/netlink_io.c, nl_send()
		 * and the receive path), and kldunload frees this module's text and
		 * nlc_provider as soon as we return 0. What we can wait for: callbacks already
		 * counted in nlc_inflight, and, through NET_EPOCH_WAIT(), callers that happen to
		 * run inside a net epoch section. What nothing covers: a thread that has read
		 * the old pointer but not yet incremented nlc_inflight outside an epoch section
		 * (inbound runs on the socket taskqueue, outside the epoch). So the rule is:
		 * unload nlcompat only when no Linux process is using netlink sockets; the
		 * window is a few instructions, but it is not closed.
		 */
		NET_EPOCH_WAIT();
		while (atomic_load_acq_int(&nlc_inflight) != 0)
			pause("nlcunld", hz / 10);
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t nlcompat_mod = {
	"nlcompat",
	nlcompat_modevent,
	NULL
};

DECLARE_MODULE(nlcompat, nlcompat_mod, SI_SUB_PROTO_DOMAIN, SI_ORDER_ANY);
MODULE_VERSION(nlcompat, 1);
MODULE_DEPEND(nlcompat, netlink, 1, 1, 1);
MODULE_DEPEND(nlcompat, linux_common, 1, 1, 1);
