/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * C driver test of nlcompat.h: a C host (1 lo0 IFT_LOOP, 2 em0 IFT_ETHER ethno 0, 3 em1
 * IFT_ETHER ethno 1) and both translation functions, driven with real message bytes.
 *
 * Every expected message is built here, field by field, from the documented rules
 * (docs/sources.md: FreeBSD's sys/sys/socket.h, sys/net/if.h, if_types.h, errno.h and
 * linux_errno.inc, linux_common.c; the Linux uapi values), never
 * from the library's output. Errnos returned by the library are FreeBSD's (EINVAL 22,
 * ENOBUFS 55, EOPNOTSUPP 45) even though this program runs on Linux; errnos inside Linux
 * messages are Linux's, negated (ENODEV -19, EOPNOTSUPP -95).
 *
 * Output: one "ok"/"not ok"/"XFAIL"/"XPASS" line per check, then "N passed, N failed".
 * Exit status: 0 when nothing failed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlcompat.h"

/* Numbers written out from the systems' headers, on purpose not taken from the host's. */
#define NETLINK_ROUTE 0
#define NLMSG_ERROR 2
#define NLMSG_DONE 3
#define NLM_F_REQUEST 0x1
#define NLM_F_MULTI 0x2
#define NLM_F_ACK 0x4
#define NLM_F_DUMP 0x300
#define NLM_F_CAPPED 0x100
#define RTM_NEWLINK 16
#define RTM_GETLINK 18
#define RTM_GETADDR 22
#define IFLA_IFNAME 3
#define IFLA_QDISC 6
#define IFLA_TXQLEN 13
#define IFLA_GROUP 27
#define IFLA_LINKMODE 17
/* FreeBSD sys/net/if_types.h, sys/net/if.h, sys/netlink/route/interface.h. */
#define IFT_ETHER 6
#define IFT_LOOP 24
#define BSD_IFF_UP 0x1
#define BSD_IFF_BROADCAST 0x2
#define BSD_IFF_LOOPBACK 0x8
#define BSD_IFF_DRV_RUNNING 0x40
#define BSD_IFF_SIMPLEX 0x800
#define BSD_IFF_MULTICAST 0x8000
#define BSD_IFF_LOWER_UP 0x1000000
/* Linux include/uapi/linux/if.h, if_arp.h, socket.h. */
#define LNX_IFF_UP 0x1
#define LNX_IFF_BROADCAST 0x2
#define LNX_IFF_LOOPBACK 0x8
#define LNX_IFF_RUNNING 0x40
#define LNX_IFF_MULTICAST 0x1000
#define LNX_IFF_LOWER_UP 0x10000
#define ARPHRD_ETHER 1
#define ARPHRD_LOOPBACK 772
#define LNX_AF_INET6 10
#define BSD_AF_INET6 28
/* FreeBSD sys/sys/errno.h and Linux asm-generic/errno*.h. */
#define BSD_EINVAL 22
#define BSD_ENOBUFS 55
#define BSD_EOPNOTSUPP 45
#define LNX_ENODEV 19
#define LNX_EOPNOTSUPP 95

static int passed, failed;

/* ---- The C host. ---- */

struct iface {
	uint32_t index;
	const char *name;
	int type;
	int ethno;
};

static const struct iface ifaces[] = {
	{ 1, "lo0", IFT_LOOP, -1 },
	{ 2, "em0", IFT_ETHER, 0 },
	{ 3, "em1", IFT_ETHER, 1 },
};
#define NIFACES (sizeof(ifaces) / sizeof(ifaces[0]))

struct host_state {
	unsigned calls;
};

static const struct iface *
by_index(uint32_t index)
{
	for (size_t i = 0; i < NIFACES; i++)
		if (ifaces[i].index == index)
			return (&ifaces[i]);
	return (NULL);
}

static size_t
h_ifname(void *ctx, uint32_t index, char *buf, size_t buf_len)
{
	const struct iface *ifp = by_index(index);

	((struct host_state *)ctx)->calls++;
	if (ifp == NULL || strlen(ifp->name) > buf_len)
		return (0);
	memcpy(buf, ifp->name, strlen(ifp->name));
	return (strlen(ifp->name));
}

static uint32_t
h_ifindex(void *ctx, const char *name, size_t name_len)
{
	((struct host_state *)ctx)->calls++;
	if (name[name_len] != '\0')
		abort(); /* The contract: NUL-terminated. */
	for (size_t i = 0; i < NIFACES; i++)
		if (strcmp(ifaces[i].name, name) == 0)
			return (ifaces[i].index);
	return (0);
}

static int
h_iftype(void *ctx, uint32_t index)
{
	const struct iface *ifp = by_index(index);

	(void)ctx;
	return (ifp == NULL ? -1 : ifp->type);
}

static int
h_linux_ethno(void *ctx, uint32_t index)
{
	const struct iface *ifp = by_index(index);

	(void)ctx;
	return (ifp == NULL ? -1 : ifp->ethno);
}

static uint32_t
h_ifindex_by_ethno(void *ctx, uint32_t ethno)
{
	(void)ctx;
	for (size_t i = 0; i < NIFACES; i++)
		if (ifaces[i].ethno >= 0 && (uint32_t)ifaces[i].ethno == ethno)
			return (ifaces[i].index);
	return (0);
}

static uint32_t
h_first_loopback(void *ctx)
{
	(void)ctx;
	for (size_t i = 0; i < NIFACES; i++)
		if (ifaces[i].type == IFT_LOOP)
			return (ifaces[i].index);
	return (0);
}

static struct host_state state;
static struct nlcompat_host host = {
	.ctx = &state,
	.ifname = h_ifname,
	.ifindex = h_ifindex,
	.iftype = h_iftype,
	.linux_ethno = h_linux_ethno,
	.ifindex_by_ethno = h_ifindex_by_ethno,
	.first_loopback = h_first_loopback,
	.use_real_ifnames = 0,
};

/* ---- A message builder for inputs and expected outputs. ---- */

struct buf {
	uint8_t b[1024];
	size_t n;
};

static void
put(struct buf *m, const void *p, size_t len)
{
	if (m->n + len > sizeof(m->b))
		abort();
	memcpy(m->b + m->n, p, len);
	m->n += len;
}

static void
put_u8(struct buf *m, uint8_t v)
{
	put(m, &v, 1);
}

static void
put_u16(struct buf *m, uint16_t v)
{
	put(m, &v, 2);
}

static void
put_u32(struct buf *m, uint32_t v)
{
	put(m, &v, 4);
}

static void
pad4(struct buf *m)
{
	while (m->n % 4 != 0)
		put_u8(m, 0);
}

/* Opens a message; returns its offset for msg_end(). */
static size_t
msg_begin(struct buf *m, uint16_t type, uint16_t flags, uint32_t seq, uint32_t pid)
{
	size_t at = m->n;

	put_u32(m, 0);
	put_u16(m, type);
	put_u16(m, flags);
	put_u32(m, seq);
	put_u32(m, pid);
	return (at);
}

/* Closes a message: nlmsg_len excludes the trailing padding, which is then added. */
static void
msg_end(struct buf *m, size_t at)
{
	uint32_t len = (uint32_t)(m->n - at);

	memcpy(m->b + at, &len, 4);
	pad4(m);
}

static void
attr(struct buf *m, uint16_t type, const void *p, size_t len)
{
	put_u16(m, (uint16_t)(4 + len));
	put_u16(m, type);
	put(m, p, len);
	pad4(m);
}

static void
attr_str(struct buf *m, uint16_t type, const char *s)
{
	attr(m, type, s, strlen(s) + 1);
}

static void
attr_u32(struct buf *m, uint16_t type, uint32_t v)
{
	attr(m, type, &v, 4);
}

/* struct ifinfomsg, identical on both systems. */
static void
ifinfomsg(struct buf *m, uint8_t family, uint16_t type, int32_t index, uint32_t flags,
    uint32_t change)
{
	put_u8(m, family);
	put_u8(m, 0);
	put_u16(m, type);
	put(m, &index, 4);
	put_u32(m, flags);
	put_u32(m, change);
}

/* A FreeBSD link message as dump_iface() writes it: header and IFLA_IFNAME. */
static void
bsd_link(struct buf *m, uint16_t nlflags, uint32_t seq, uint16_t ift, int32_t index,
    uint32_t flags, const char *name)
{
	size_t at = msg_begin(m, RTM_NEWLINK, nlflags, seq, 4242);

	ifinfomsg(m, 0, ift, index, flags, 0);
	attr_str(m, IFLA_IFNAME, name);
	msg_end(m, at);
}

/*
 * Its Linux form: ARPHRD type, Linux flags, Linux name, then what the translator synthesises
 * for Linux tools (facts section 4 / O12: IFLA_QDISC "noqueue", IFLA_TXQLEN 1000; and
 * IFLA_GROUP 0 and IFLA_LINKMODE 0, which Linux always reports).
 */
static void
lnx_link(struct buf *m, uint16_t nlflags, uint32_t seq, uint16_t arphrd, int32_t index,
    uint32_t flags, const char *name)
{
	size_t at = msg_begin(m, RTM_NEWLINK, nlflags, seq, 4242);

	ifinfomsg(m, 0, arphrd, index, flags, 0);
	attr_str(m, IFLA_IFNAME, name);
	attr_str(m, IFLA_QDISC, "noqueue");
	attr_u32(m, IFLA_TXQLEN, 1000);
	attr_u32(m, IFLA_GROUP, 0);
	uint8_t linkmode = 0;
	attr(m, IFLA_LINKMODE, &linkmode, 1);
	msg_end(m, at);
}

/* ---- Checks. ---- */

typedef int xlate_fn(const struct nlcompat_host *, int, const uint8_t *, size_t, uint8_t *,
    size_t, size_t *);

static void
hexdump(const char *what, const uint8_t *p, size_t n)
{
	fprintf(stderr, "  %s (%zu bytes):", what, n);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "%s%02x", i % 16 == 0 ? "\n    " : " ", p[i]);
	fprintf(stderr, "\n");
}

static void
report(int ok, const char *name)
{
	if (ok)
		passed++;
	else
		failed++;
	printf("%s - %s\n", ok ? "ok" : "not ok", name);
}

static int xfailed;

/*
 * Translates `in` with `f` into a 1024-byte buffer and compares with `want`. With `xfail`
 * (a known translator bug, described there) a mismatch prints XFAIL and is not counted as a
 * failure, while a match prints XPASS and fails, so the marker gets removed once fixed.
 */
static void
check_bytes(const char *name, xlate_fn *f, const struct buf *in, const struct buf *want,
    const char *xfail)
{
	uint8_t out[1024];
	size_t out_len = 12345;
	int rc, ok;

	memset(out, 0xAA, sizeof(out));
	rc = f(&host, NETLINK_ROUTE, in->b, in->n, out, sizeof(out), &out_len);
	ok = rc == 0 && out_len == want->n && memcmp(out, want->b, want->n) == 0;
	if (ok && xfail != NULL) {
		printf("XPASS - %s: known bug fixed? remove the XFAIL marker (%s)\n", name, xfail);
		failed++;
		return;
	}
	if (ok) {
		report(1, name);
		return;
	}
	fprintf(stderr, "%s%s: rc %d, out_len %zu, want rc 0, %zu bytes\n",
	    xfail != NULL ? "XFAIL " : "", name, rc, out_len, want->n);
	hexdump("input", in->b, in->n);
	hexdump("expected", want->b, want->n);
	if (rc == 0)
		hexdump("got", out, out_len < sizeof(out) ? out_len : sizeof(out));
	if (xfail != NULL) {
		printf("XFAIL - %s: known translator bug: %s\n", name, xfail);
		xfailed++;
		return;
	}
	report(0, name);
}

static void
expect_bytes(const char *name, xlate_fn *f, const struct buf *in, const struct buf *want)
{
	check_bytes(name, f, in, want, NULL);
}

/* Translates `in` and checks only the return value and *out_len. */
static void
expect_rc(const char *name, xlate_fn *f, const struct nlcompat_host *h, const uint8_t *src,
    size_t src_len, uint8_t *dst, size_t dst_cap, int want_rc, size_t want_len)
{
	size_t out_len = 12345;
	int rc = f(h, NETLINK_ROUTE, src, src_len, dst, dst_cap, &out_len);

	if (rc != want_rc || out_len != want_len)
		fprintf(stderr, "%s: rc %d out_len %zu, want rc %d out_len %zu\n", name, rc,
		    out_len, want_rc, want_len);
	report(rc == want_rc && out_len == want_len, name);
}

static void
test_links(void)
{
	struct buf in = { .n = 0 }, want = { .n = 0 };
	unsigned before = state.calls;

	/* em0: multicast 0x8000 -> 0x1000, lower-up 0x1000000 -> 0x10000, SIMPLEX dropped. */
	bsd_link(&in, 0, 5, IFT_ETHER, 2,
	    BSD_IFF_UP | BSD_IFF_BROADCAST | BSD_IFF_DRV_RUNNING | BSD_IFF_SIMPLEX |
		BSD_IFF_MULTICAST | BSD_IFF_LOWER_UP,
	    "em0");
	lnx_link(&want, 0, 5, ARPHRD_ETHER, 2,
	    LNX_IFF_UP | LNX_IFF_BROADCAST | LNX_IFF_RUNNING | LNX_IFF_MULTICAST |
		LNX_IFF_LOWER_UP,
	    "eth0");
	expect_bytes("F->L RTM_NEWLINK em0 becomes eth0, ARPHRD_ETHER, Linux flags",
	    nlcompat_freebsd_to_linux, &in, &want);
	report(state.calls > before, "the interface name came from the C host callbacks");

	in.n = want.n = 0;
	bsd_link(&in, 0, 6, IFT_LOOP, 1,
	    BSD_IFF_UP | BSD_IFF_LOOPBACK | BSD_IFF_DRV_RUNNING | BSD_IFF_MULTICAST, "lo0");
	lnx_link(&want, 0, 6, ARPHRD_LOOPBACK, 1,
	    LNX_IFF_UP | LNX_IFF_LOOPBACK | LNX_IFF_RUNNING | LNX_IFF_MULTICAST, "lo");
	expect_bytes("F->L RTM_NEWLINK lo0 becomes lo, ARPHRD_LOOPBACK", nlcompat_freebsd_to_linux,
	    &in, &want);

	/* compat.linux.use_real_ifnames = 1: names stay FreeBSD's. */
	in.n = want.n = 0;
	bsd_link(&in, 0, 7, IFT_ETHER, 3, BSD_IFF_UP, "em1");
	lnx_link(&want, 0, 7, ARPHRD_ETHER, 3, LNX_IFF_UP, "em1");
	host.use_real_ifnames = 1;
	expect_bytes("F->L use_real_ifnames keeps em1", nlcompat_freebsd_to_linux, &in, &want);
	host.use_real_ifnames = 0;
}

static void
test_dump_batch(void)
{
	struct buf in = { .n = 0 }, want = { .n = 0 };
	size_t at;

	/* A dump part with two links, then DONE (FreeBSD: flags 0, errno 0 positive). */
	bsd_link(&in, NLM_F_MULTI, 9, IFT_ETHER, 2, BSD_IFF_UP, "em0");
	bsd_link(&in, NLM_F_MULTI, 9, IFT_ETHER, 3, BSD_IFF_UP, "em1");
	at = msg_begin(&in, NLMSG_DONE, 0, 9, 4242);
	put_u32(&in, 0);
	msg_end(&in, at);

	lnx_link(&want, NLM_F_MULTI, 9, ARPHRD_ETHER, 2, LNX_IFF_UP, "eth0");
	lnx_link(&want, NLM_F_MULTI, 9, ARPHRD_ETHER, 3, LNX_IFF_UP, "eth1");
	at = msg_begin(&want, NLMSG_DONE, NLM_F_MULTI, 9, 4242);
	put_u32(&want, 0);
	msg_end(&want, at);
	expect_bytes("F->L dump batch: two links and DONE (DONE gains NLM_F_MULTI)",
	    nlcompat_freebsd_to_linux, &in, &want);

	/*
	 * An untranslatable dump part (type 999) in the middle: the process gets a DONE with
	 * -EOPNOTSUPP ending that dump, the rest of the dump is skipped, nothing is dropped
	 * silently (gap O14).
	 */
	in.n = want.n = 0;
	bsd_link(&in, NLM_F_MULTI, 10, IFT_ETHER, 2, BSD_IFF_UP, "em0");
	at = msg_begin(&in, 999, NLM_F_MULTI, 10, 4242);
	msg_end(&in, at);
	bsd_link(&in, NLM_F_MULTI, 10, IFT_ETHER, 3, BSD_IFF_UP, "em1");
	at = msg_begin(&in, NLMSG_DONE, 0, 10, 4242);
	put_u32(&in, 0);
	msg_end(&in, at);

	lnx_link(&want, NLM_F_MULTI, 10, ARPHRD_ETHER, 2, LNX_IFF_UP, "eth0");
	at = msg_begin(&want, NLMSG_DONE, NLM_F_MULTI, 10, 4242);
	put_u32(&want, (uint32_t)-LNX_EOPNOTSUPP);
	msg_end(&want, at);
	expect_bytes("F->L untranslatable dump part becomes DONE -EOPNOTSUPP",
	    nlcompat_freebsd_to_linux, &in, &want);

	/* Outside a dump it becomes an NLMSG_ERROR echoing the header (capped). */
	in.n = want.n = 0;
	at = msg_begin(&in, 999, 0, 11, 4242);
	put_u32(&in, 0xdeadbeef);
	msg_end(&in, at);
	at = msg_begin(&want, NLMSG_ERROR, NLM_F_CAPPED, 11, 4242);
	put_u32(&want, (uint32_t)-LNX_EOPNOTSUPP);
	put(&want, in.b, 16);
	msg_end(&want, at);
	expect_bytes("F->L untranslatable message becomes NLMSG_ERROR -EOPNOTSUPP",
	    nlcompat_freebsd_to_linux, &in, &want);
}

static void
test_errors(void)
{
	struct buf in = { .n = 0 }, want = { .n = 0 }, echo = { .n = 0 };
	size_t at;

	/* The echoed request header: RTM_GETLINK of 32 bytes. */
	at = msg_begin(&echo, RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 7, 1234);
	ifinfomsg(&echo, 0, 0, 0, 0, 0);
	msg_end(&echo, at);

	at = msg_begin(&in, NLMSG_ERROR, NLM_F_CAPPED, 7, 1234);
	put_u32(&in, LNX_ENODEV); /* FreeBSD ENODEV is 19 too, positive. */
	put(&in, echo.b, 16);
	msg_end(&in, at);
	at = msg_begin(&want, NLMSG_ERROR, NLM_F_CAPPED, 7, 1234);
	put_u32(&want, (uint32_t)-LNX_ENODEV);
	put(&want, echo.b, 16);
	msg_end(&want, at);
	expect_bytes("F->L NLMSG_ERROR 19 becomes -19", nlcompat_freebsd_to_linux, &in, &want);

	/* An ack (error 0) with the full echoed request, uncapped. */
	in.n = want.n = 0;
	at = msg_begin(&in, NLMSG_ERROR, 0, 7, 1234);
	put_u32(&in, 0);
	put(&in, echo.b, echo.n);
	msg_end(&in, at);
	at = msg_begin(&want, NLMSG_ERROR, 0, 7, 1234);
	put_u32(&want, 0);
	put(&want, echo.b, echo.n);
	msg_end(&want, at);
	check_bytes("F->L ack with full echo stays an ack", nlcompat_freebsd_to_linux, &in, &want,
	    NULL);
}

static void
test_requests(void)
{
	struct buf in = { .n = 0 }, want = { .n = 0 };
	size_t at;
	uint8_t out[256];

	/* Go's 17-byte RTM_GETADDR dump request: one byte of ifaddrmsg, AF_INET6. */
	at = msg_begin(&in, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 1, 0);
	put_u8(&in, LNX_AF_INET6);
	memcpy(in.b + at, &(uint32_t){ 17 }, 4); /* exactly 17 bytes, no padding */
	at = msg_begin(&want, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 1, 0);
	put_u8(&want, BSD_AF_INET6);
	msg_end(&want, at); /* nlmsg_len 17, padded to 20 */
	expect_bytes("L->F RTM_GETADDR 17 bytes: family 10 becomes 28", nlcompat_linux_to_freebsd,
	    &in, &want);

	/* `ip link show dev eth1`: RTM_GETLINK with IFLA_IFNAME eth1 -> em1. */
	in.n = want.n = 0;
	at = msg_begin(&in, RTM_GETLINK, NLM_F_REQUEST, 2, 0);
	ifinfomsg(&in, 0, 0, 0, 0, 0);
	attr_str(&in, IFLA_IFNAME, "eth1");
	msg_end(&in, at);
	at = msg_begin(&want, RTM_GETLINK, NLM_F_REQUEST, 2, 0);
	ifinfomsg(&want, 0, 0, 0, 0, 0);
	attr_str(&want, IFLA_IFNAME, "em1");
	msg_end(&want, at);
	expect_bytes("L->F RTM_GETLINK IFLA_IFNAME eth1 becomes em1", nlcompat_linux_to_freebsd,
	    &in, &want);

	in.n = want.n = 0;
	at = msg_begin(&in, RTM_GETLINK, NLM_F_REQUEST, 3, 0);
	ifinfomsg(&in, 0, 0, 0, 0, 0);
	attr_str(&in, IFLA_IFNAME, "lo");
	msg_end(&in, at);
	at = msg_begin(&want, RTM_GETLINK, NLM_F_REQUEST, 3, 0);
	ifinfomsg(&want, 0, 0, 0, 0, 0);
	attr_str(&want, IFLA_IFNAME, "lo0");
	msg_end(&want, at);
	expect_bytes("L->F RTM_GETLINK IFLA_IFNAME lo becomes lo0", nlcompat_linux_to_freebsd,
	    &in, &want);

	/* An unknown NETLINK_ROUTE type cannot be sent to FreeBSD: EOPNOTSUPP (45). */
	in.n = 0;
	at = msg_begin(&in, 999, NLM_F_REQUEST, 4, 0);
	msg_end(&in, at);
	expect_rc("L->F unknown type is FreeBSD EOPNOTSUPP 45", nlcompat_linux_to_freebsd, &host,
	    in.b, in.n, out, sizeof(out), BSD_EOPNOTSUPP, 0);
}

static void
test_malformed(void)
{
	struct buf in = { .n = 0 }, want = { .n = 0 };
	uint8_t out[256], *exact;
	size_t out_len = 0;
	int rc;

	bsd_link(&in, 0, 5, IFT_ETHER, 2, BSD_IFF_UP | BSD_IFF_MULTICAST, "em0");
	lnx_link(&want, 0, 5, ARPHRD_ETHER, 2, LNX_IFF_UP | LNX_IFF_MULTICAST, "eth0");

	/* dst too small: FreeBSD ENOBUFS and the needed size (80), then an exact retry. */
	expect_rc("F->L dst too small: ENOBUFS 55, needed 80", nlcompat_freebsd_to_linux, &host,
	    in.b, in.n, out, 20, BSD_ENOBUFS, 80);
	expect_rc("F->L size query (dst NULL, cap 0): ENOBUFS 55, needed 80",
	    nlcompat_freebsd_to_linux, &host, in.b, in.n, NULL, 0, BSD_ENOBUFS, 80);
	exact = malloc(80);
	rc = exact == NULL ? -1 :
	    nlcompat_freebsd_to_linux(&host, NETLINK_ROUTE, in.b, in.n, exact, 80, &out_len);
	report(rc == 0 && out_len == 80 && memcmp(exact, want.b, 80) == 0,
	    "F->L retry into an exactly sized malloc buffer");
	free(exact);
	{
		struct buf req = { .n = 0 };
		size_t at = msg_begin(&req, RTM_GETLINK, NLM_F_REQUEST, 2, 0);

		ifinfomsg(&req, 0, 0, 0, 0, 0);
		attr_str(&req, IFLA_IFNAME, "eth1");
		msg_end(&req, at);
		expect_rc("L->F dst too small: ENOBUFS 55, needed 40 (eth1 -> em1 shrinks 44 -> 40)",
		    nlcompat_linux_to_freebsd, &host, req.b, req.n, out, 39, BSD_ENOBUFS, 40);
	}

	/* nlmsg_len 8. */
	memcpy(in.b, &(uint32_t){ 8 }, 4);
	expect_rc("F->L nlmsg_len 8: EINVAL 22", nlcompat_freebsd_to_linux, &host, in.b, in.n, out,
	    sizeof(out), BSD_EINVAL, 0);
	expect_rc("L->F nlmsg_len 8: walk ends, nothing written (netlink_rcv_skb)",
	    nlcompat_linux_to_freebsd, &host, in.b, in.n, out, sizeof(out), 0, 0);
	memcpy(in.b, &(uint32_t){ 4000 }, 4);
	expect_rc("F->L nlmsg_len past the end: EINVAL 22", nlcompat_freebsd_to_linux, &host, in.b,
	    in.n, out, sizeof(out), BSD_EINVAL, 0);
	memcpy(in.b, &(uint32_t){ (uint32_t)want.n }, 4);

	/* NULL pointers and bad arguments. */
	expect_rc("NULL host: EINVAL", nlcompat_freebsd_to_linux, NULL, in.b, in.n, out,
	    sizeof(out), BSD_EINVAL, 0);
	expect_rc("NULL src: EINVAL", nlcompat_linux_to_freebsd, &host, NULL, 16, out, sizeof(out),
	    BSD_EINVAL, 0);
	expect_rc("NULL dst with a capacity: EINVAL", nlcompat_freebsd_to_linux, &host, in.b, in.n,
	    NULL, 64, BSD_EINVAL, 0);
	expect_rc("overlapping src and dst: EINVAL", nlcompat_freebsd_to_linux, &host, in.b, in.n,
	    in.b + 4, 128, BSD_EINVAL, 0);
	rc = nlcompat_freebsd_to_linux(&host, NETLINK_ROUTE, in.b, in.n, out, sizeof(out), NULL);
	report(rc == BSD_EINVAL, "NULL out_len: EINVAL");
	rc = nlcompat_freebsd_to_linux(&host, -1, in.b, in.n, out, sizeof(out), &out_len);
	report(rc == BSD_EINVAL, "negative protocol: EINVAL");
	report(NLCOMPAT_EINVAL == BSD_EINVAL && NLCOMPAT_ENOBUFS == BSD_ENOBUFS,
	    "header errno constants are FreeBSD's");
}

/*
 * The sequence kmod/nlcompat_kmod.c runs on the outbound path (nlc_msgs_to_linux, then
 * nlc_cut_datagrams): size query, translation into an exactly sized buffer, then one cut per
 * nlcompat_first_datagram() call, each cut becoming an nl_buf of its own. Expected datagrams
 * follow Linux's rule (net/netlink/af_netlink.c): a reply and its ack are two datagrams
 * (netlink_unicast, netlink_ack); the parts of one dump share datagrams up to the limit, the
 * DONE joining the last part when it fits (netlink_dump).
 */
static void
check_cuts(const char *name, const uint8_t *out, size_t out_len, size_t limit,
    const struct buf *const *want, size_t nwant)
{
	size_t off = 0, n = 0, len;
	int ok = 1;

	while (off < out_len) {
		len = nlcompat_first_datagram(out + off, out_len - off, limit);
		if (len == 0 || len > out_len - off || n >= nwant || len != want[n]->n ||
		    memcmp(out + off, want[n]->b, len) != 0) {
			fprintf(stderr, "%s: datagram %zu: cut %zu bytes at %zu\n", name, n, len,
			    off);
			if (n < nwant)
				hexdump("expected", want[n]->b, want[n]->n);
			if (len > 0 && len <= out_len - off)
				hexdump("got", out + off, len);
			ok = 0;
			break;
		}
		off += len;
		n++;
	}
	report(ok && n == nwant && off == out_len, name);
}

static void
test_glue_framing(void)
{
	struct buf in = { .n = 0 }, reply = { .n = 0 }, ack = { .n = 0 }, dump = { .n = 0 };
	struct buf all = { .n = 0 }, part12 = { .n = 0 }, part3done = { .n = 0 };
	size_t at, need = 0, out_len = 0, limit;
	uint8_t *out;
	int rc;

	/* FreeBSD: the reply to RTM_GETLINK dev em0 and its ack, written into one nl_buf... */
	bsd_link(&in, 0, 20, IFT_ETHER, 2, BSD_IFF_UP, "em0");
	at = msg_begin(&in, NLMSG_ERROR, NLM_F_CAPPED, 20, 4242);
	put_u32(&in, 0);
	msg_begin(&in, RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 20, 4242);
	memcpy(in.b + in.n - 16, &(uint32_t){ 32 }, 4); /* echoed header of a 32-byte request */
	msg_end(&in, at);
	/* ...then a whole dump of three links with its DONE (FreeBSD: flags 0, errno 0). */
	bsd_link(&in, NLM_F_MULTI, 21, IFT_LOOP, 1, BSD_IFF_UP, "lo0");
	bsd_link(&in, NLM_F_MULTI, 21, IFT_ETHER, 2, BSD_IFF_UP, "em0");
	bsd_link(&in, NLM_F_MULTI, 21, IFT_ETHER, 3, BSD_IFF_UP, "em1");
	at = msg_begin(&in, NLMSG_DONE, 0, 21, 4242);
	put_u32(&in, 0);
	msg_end(&in, at);

	/* Linux: reply, ack, and the dump (DONE with NLM_F_MULTI). */
	lnx_link(&reply, 0, 20, ARPHRD_ETHER, 2, LNX_IFF_UP, "eth0");
	at = msg_begin(&ack, NLMSG_ERROR, NLM_F_CAPPED, 20, 4242);
	put_u32(&ack, 0);
	msg_begin(&ack, RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 20, 4242);
	memcpy(ack.b + ack.n - 16, &(uint32_t){ 32 }, 4);
	msg_end(&ack, at);
	lnx_link(&part12, NLM_F_MULTI, 21, ARPHRD_LOOPBACK, 1, LNX_IFF_UP, "lo");
	lnx_link(&part12, NLM_F_MULTI, 21, ARPHRD_ETHER, 2, LNX_IFF_UP, "eth0");
	lnx_link(&part3done, NLM_F_MULTI, 21, ARPHRD_ETHER, 3, LNX_IFF_UP, "eth1");
	at = msg_begin(&part3done, NLMSG_DONE, NLM_F_MULTI, 21, 4242);
	put_u32(&part3done, 0);
	msg_end(&part3done, at);
	put(&dump, part12.b, part12.n);
	put(&dump, part3done.b, part3done.n);
	put(&all, reply.b, reply.n);
	put(&all, ack.b, ack.n);
	put(&all, dump.b, dump.n);

	/* The glue's calls: size query, exact buffer, translation. */
	rc = nlcompat_freebsd_to_linux(&host, NETLINK_ROUTE, in.b, in.n, NULL, 0, &need);
	report(rc == BSD_ENOBUFS && need == all.n, "glue: size query of a mixed batch");
	out = malloc(need > 0 ? need : 1);
	if (out == NULL)
		abort();
	rc = nlcompat_freebsd_to_linux(&host, NETLINK_ROUTE, in.b, in.n, out, need, &out_len);
	report(rc == 0 && out_len == all.n && memcmp(out, all.b, all.n) == 0,
	    "glue: the batch translates to reply, ack, dump");
	if (rc == 0 && out_len == all.n) {
		const struct buf *three[] = { &reply, &ack, &dump };
		const struct buf *four[] = { &reply, &ack, &part12, &part3done };

		check_cuts("glue: NLMSG_GOODSIZE cuts reply | ack | three parts and DONE", out,
		    out_len, NLCOMPAT_NLMSG_GOODSIZE, three, 3);
		/* Room for two parts: the third part and the DONE share the next datagram. */
		limit = part12.n;
		check_cuts("glue: a two-part limit cuts the dump after the second part", out,
		    out_len, limit, four, 4);
	}
	free(out);
	report(nlcompat_first_datagram(NULL, 16, NLCOMPAT_NLMSG_GOODSIZE) == 0 &&
		nlcompat_first_datagram(all.b, 0, NLCOMPAT_NLMSG_GOODSIZE) == 0,
	    "first_datagram: NULL or empty is 0");
	report(NLCOMPAT_NLMSG_GOODSIZE == 4096 - 320,
	    "NLCOMPAT_NLMSG_GOODSIZE is SKB_WITH_OVERHEAD(4096) on x86_64");
}

int
main(void)
{
	test_links();
	test_dump_batch();
	test_errors();
	test_requests();
	test_malformed();
	test_glue_framing();
	if (xfailed != 0)
		printf("# %d expected failure(s) (XFAIL above), not counted\n", xfailed);
	printf("%d passed, %d failed\n", passed, failed);
	return (failed == 0 ? 0 : 1);
}
