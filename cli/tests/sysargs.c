// SPDX-License-Identifier: BSD-2-Clause
// Syscall-argument probe: hostile addresses, lengths, msghdrs, iovecs and control messages on
// netlink sockets, printed as call results and errno names; compared between a native run and a
// run under the runner (the cases of the `sysargs` fuzz target's findings, docs/robustness.md).
#define _GNU_SOURCE
#pragma GCC diagnostic ignored "-Wstringop-overread"
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#include <errno.h>
#include <linux/netlink.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

static const char *e(long r) { return r < 0 ? strerrorname_np(errno) : "ok"; }
static int fd;
static struct nlmsghdr noop = {.nlmsg_len = 16, .nlmsg_type = NLMSG_NOOP, .nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK, .nlmsg_seq = 1};
static unsigned char *page; /* one readable/writable page followed by an inaccessible one */

/* Datagrams waiting (acks of the sends that went through), emptied. */
static int drain(void) {
    char b[8192];
    int n = 0;
    while (recv(fd, b, sizeof b, MSG_DONTWAIT) >= 0) n++;
    return n;
}
static void fresh(void) {
    close(fd);
    fd = socket(AF_NETLINK, SOCK_RAW, 0);
    struct sockaddr_nl a = {.nl_family = AF_NETLINK};
    bind(fd, (struct sockaddr *)&a, sizeof a);
}
static void show(const char *what, long r) {
    const char *err = e(r);
    printf("%s: %ld %s, %d queued\n", what, r < 0 ? -1 : r, err, drain());
}
static long smsg(void *name, int namelen, struct iovec *iov, uint64_t iovlen, void *ctl, uint64_t ctllen, int flags) {
    struct msghdr m = {.msg_name = name, .msg_namelen = (socklen_t)namelen, .msg_iov = iov, .msg_iovlen = iovlen,
                       .msg_control = ctl, .msg_controllen = ctllen};
    errno = 0;
    return sendmsg(fd, &m, flags);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    mprotect(page + 4096, 4096, PROT_NONE);
    fd = -1;
    fresh();
    struct sockaddr_nl nl = {.nl_family = AF_NETLINK};
    unsigned char unspec[200] = {0};
    struct iovec one = {&noop, 16};

    /* connect: move_addr_to_kernel checks the length and copies it all before the family. */
    int lens[] = {0, 1, 2, 5, 12, 128, 129, 300, -1};
    for (unsigned i = 0; i < sizeof lens / sizeof *lens; i++) {
        char what[64];
        snprintf(what, sizeof what, "connect AF_UNSPEC len %d", lens[i]);
        errno = 0;
        show(what, connect(fd, (struct sockaddr *)unspec, lens[i]));
        snprintf(what, sizeof what, "connect AF_NETLINK len %d", lens[i]);
        errno = 0;
        show(what, connect(fd, (struct sockaddr *)&(unsigned char[200]){16}, lens[i]));
    }
    memset(page + 4094, 0, 2);
    errno = 0;
    show("connect AF_UNSPEC across an unmapped page", connect(fd, (struct sockaddr *)(page + 4094), 12));
    errno = 0;
    show("connect AF_UNSPEC at a page end, len 2", connect(fd, (struct sockaddr *)(page + 4094), 2));
    memcpy(page + 4090, &nl, 6);
    errno = 0;
    show("bind across an unmapped page", bind(fd, (struct sockaddr *)(page + 4090), 12));

    /* sendto: the buffer (cut to MAX_RW_COUNT, access_ok), the address, then netlink. */
    errno = 0;
    show("sendto addr len 0", sendto(fd, &noop, 16, 0, (struct sockaddr *)&nl, 0));
    errno = 0;
    show("sendto NULL addr len 5", sendto(fd, &noop, 16, 0, NULL, 5));
    errno = 0;
    show("sendto addr len 300", sendto(fd, &noop, 16, 0, (struct sockaddr *)&nl, 300));
    errno = 0;
    show("sendto addr len 5", sendto(fd, &noop, 16, 0, (struct sockaddr *)&nl, 5));
    errno = 0;
    show("sendto bad data, addr len 300", sendto(fd, (void *)8, 16, 0, (struct sockaddr *)&nl, 300));
    errno = 0;
    show("sendto bad data, AF_UNSPEC addr", sendto(fd, (void *)8, 16, 0, (struct sockaddr *)unspec, 12));
    errno = 0;
    show("sendto huge len, good addr", sendto(fd, &noop, 1ULL << 40, 0, (struct sockaddr *)&nl, 12));
    errno = 0;
    show("sendto huge len, unreadable addr", sendto(fd, &noop, 1ULL << 40, 0, (struct sockaddr *)8, 12));
    errno = 0;
    show("sendto len 2^63", sendto(fd, &noop, 1ULL << 63, 0, NULL, 0));
    errno = 0;
    show("sendto kernel address", sendto(fd, (void *)0xffff888000000000ULL, 16, 0, NULL, 0));
    errno = 0;
    show("sendto bad data, MSG_OOB", sendto(fd, (void *)8, 16, MSG_OOB, NULL, 0));
    errno = 0;
    show("write len 2^40", write(fd, &noop, 1ULL << 40));
    errno = 0;
    show("read len 2^63 (empty queue)", read(fd, page, 1ULL << 63));
    errno = 0;
    show("recvfrom len 2^63 (empty queue)", recvfrom(fd, page, 1ULL << 63, MSG_DONTWAIT, NULL, NULL));

    /* sendmsg: __copy_msghdr (namelen), the iovecs, then netlink. */
    show("sendmsg namelen 300", smsg(&nl, 300, &one, 1, NULL, 0, 0));
    show("sendmsg namelen 129", smsg(&nl, 129, &one, 1, NULL, 0, 0));
    show("sendmsg namelen -1", smsg(&nl, -1, &one, 1, NULL, 0, 0));
    show("sendmsg NULL name, namelen -1", smsg(NULL, -1, &one, 1, NULL, 0, 0));
    show("sendmsg namelen 5", smsg(&nl, 5, &one, 1, NULL, 0, 0));
    show("sendmsg unreadable name, iovlen 2000", smsg((void *)8, 12, &one, 2000, NULL, 0, 0));
    show("sendmsg namelen -1, iovlen 2000", smsg(&nl, -1, &one, 2000, NULL, 0, 0));
    show("sendmsg namelen 5, iovlen 2000", smsg(&nl, 5, &one, 2000, NULL, 0, 0));
    show("sendmsg iovlen 2000", smsg(&nl, 12, &one, 2000, NULL, 0, 0));
    show("sendmsg NULL iov, iovlen 1", smsg(&nl, 12, NULL, 1, NULL, 0, 0));
    show("sendmsg namelen 5, unreadable iov", smsg(&nl, 5, (void *)8, 1, NULL, 0, 0));

    /* iovec import: negative lengths, access_ok, MAX_RW_COUNT. */
    struct {
        const char *what;
        uint64_t b2, l2;
    } segs[] = {
        {"len 2^63", 0, 1ULL << 63},
        {"len 2^62 at 0", 0, 1ULL << 62},
        {"len 0 at 0x7ffffffff000", 0x7ffffffff000ULL, 0},
        {"len 0 at 0x7ffffffff001", 0x7ffffffff001ULL, 0},
        {"len 0 at 0x7fffffffffff", 0x7fffffffffffULL, 0},
        {"len 0 at 2^63", 1ULL << 63, 0},
        {"len 2^46 at 0x1000", 0x1000, 1ULL << 46},
        {"ends at 0x7ffffffff000", (uint64_t)(uintptr_t)&noop, 0x7ffffffff000ULL - (uint64_t)(uintptr_t)&noop},
        {"ends at 0x7ffffffff001", (uint64_t)(uintptr_t)&noop, 0x7ffffffff001ULL - (uint64_t)(uintptr_t)&noop},
        {"unmapped 16", 8, 16},
    };
    for (unsigned i = 0; i < sizeof segs / sizeof *segs; i++) {
        struct iovec v[2] = {{&noop, 16}, {(void *)(uintptr_t)segs[i].b2, segs[i].l2}};
        char what[96];
        snprintf(what, sizeof what, "sendmsg iovec %s", segs[i].what);
        show(what, smsg(NULL, 0, v, 2, NULL, 0, 0));
        snprintf(what, sizeof what, "writev iovec %s", segs[i].what);
        errno = 0;
        show(what, writev(fd, v, 2));
    }
    struct iovec two_big[2] = {{&noop, 1ULL << 62}, {&noop, 1ULL << 62}};
    show("sendmsg two iovecs of 2^62", smsg(NULL, 0, two_big, 2, NULL, 0, 0));
    struct iovec neg_then_bad[2] = {{(void *)0x7ffffffff000ULL, 1ULL << 50}, {&noop, 1ULL << 63}};
    show("sendmsg beyond user space then negative", smsg(NULL, 0, neg_then_bad, 2, NULL, 0, 0));
    errno = 0;
    show("writev 1025", writev(fd, &one, 1025));
    errno = 0;
    show("writev -1", writev(fd, &one, -1));
    errno = 0;
    show("writev NULL 0", writev(fd, NULL, 0));
    struct iovec zero[2] = {{&noop, 0}, {NULL, 0}};
    errno = 0;
    show("writev total 0", writev(fd, zero, 2));
    errno = 0;
    show("readv total 0 (empty queue, blocking)", readv(fd, zero, 2));
    errno = 0;
    show("write len 0", write(fd, &noop, 0));
    errno = 0;
    show("sendmsg total 0", smsg(NULL, 0, zero, 2, NULL, 0, 0));
    send(fd, &noop, 16, 0);
    errno = 0;
    show("read len 0 (one queued)", read(fd, page, 0));
    struct iovec rneg[1] = {{page, 1ULL << 63}};
    errno = 0;
    show("readv negative length", readv(fd, rneg, 1));

    /* sendmsg control data: size limits, copy, __scm_send's walk. */
    uint64_t ctl[64];
    pid_t me = getpid();
    struct {
        const char *what;
        uint64_t len;
        int level, type;
        uint64_t ctllen;
        int flags;
    } cm[] = {
        {"cmsg_len 0", 0, 0, 0, 16, 0},
        {"ctllen 8", 16, 270, 1, 8, 0},
        {"SOL_SOCKET type 99", 16, SOL_SOCKET, 99, 16, 0},
        {"SOL_NETLINK type 99", 16, SOL_NETLINK, 99, 16, 0},
        {"cmsg_len 17 in 16", 17, SOL_NETLINK, 1, 16, 0},
        {"cmsg_len 20 in 24", 20, SOL_NETLINK, 1, 24, 0},
        {"SCM_RIGHTS", 20, SOL_SOCKET, SCM_RIGHTS, 24, 0},
        {"SCM_CREDENTIALS len 24", 24, SOL_SOCKET, SCM_CREDENTIALS, 24, 0},
        {"SCM_CREDENTIALS", 28, SOL_SOCKET, SCM_CREDENTIALS, 32, 0},
        {"SCM_CREDENTIALS uid -1", 28, SOL_SOCKET, SCM_CREDENTIALS, 32, 0},
        {"cmsg_len 0 with MSG_OOB", 0, 0, 0, 16, MSG_OOB},
        {"second header cmsg_len 8", 16, SOL_NETLINK, 1, 32, 0},
        {"8 bytes after a header", 16, SOL_NETLINK, 1, 24, 0},
    };
    for (unsigned i = 0; i < sizeof cm / sizeof *cm; i++) {
        memset(ctl, 0, sizeof ctl);
        struct cmsghdr *h = (struct cmsghdr *)ctl;
        h->cmsg_len = cm[i].len;
        h->cmsg_level = cm[i].level;
        h->cmsg_type = cm[i].type;
        int *cred = (int *)CMSG_DATA(h);
        cred[0] = me;
        cred[1] = strstr(cm[i].what, "uid -1") ? -1 : 0;
        cred[2] = 0;
        if (strstr(cm[i].what, "second header")) ctl[2] = 8, ((int *)ctl)[6] = SOL_NETLINK;
        char what[96];
        snprintf(what, sizeof what, "sendmsg control %s", cm[i].what);
        show(what, smsg(NULL, 0, &one, 1, ctl, cm[i].ctllen, cm[i].flags));
    }
    static uint64_t big[300000 / 8];
    show("sendmsg control of optmem_max bytes", smsg(NULL, 0, &one, 1, big, 131072, 0));
    show("sendmsg control of 2^31 bytes", smsg(NULL, 0, &one, 1, NULL, 1ULL << 31, 0));
    show("sendmsg control NULL, 64 bytes", smsg(NULL, 0, &one, 1, NULL, 64, 0));
    show("sendmsg control NULL, 64 bytes, MSG_OOB", smsg(NULL, 0, &one, 1, NULL, 64, MSG_OOB));
    show("sendmsg control NULL, 64 bytes, unreadable iov", smsg(NULL, 0, (void *)8, 1, NULL, 64, 0));

    /* recvmsg: a negative msg_namelen fails before a datagram is taken; control messages that
       cannot be written are left out. */
    char buf[256];
    struct iovec rv = {buf, sizeof buf};
    int namelens[] = {-1, 0, 5, 300};
    for (unsigned i = 0; i < sizeof namelens / sizeof *namelens; i++) {
        send(fd, &noop, 16, 0);
        struct sockaddr_nl from;
        memset(&from, 0xee, sizeof from);
        struct msghdr m = {.msg_name = &from, .msg_namelen = (socklen_t)namelens[i], .msg_iov = &rv, .msg_iovlen = 1};
        errno = 0;
        long r = recvmsg(fd, &m, MSG_DONTWAIT);
        char what[64];
        snprintf(what, sizeof what, "recvmsg namelen %d (namelen now %d, family %u)", namelens[i], (int)m.msg_namelen,
                 from.nl_family);
        show(what, r);
    }
    int one_i = 1;
    setsockopt(fd, SOL_NETLINK, NETLINK_PKTINFO, &one_i, sizeof one_i);
    send(fd, &noop, 16, 0);
    struct msghdr m = {.msg_iov = &rv, .msg_iovlen = 1, .msg_control = (void *)8, .msg_controllen = 64};
    errno = 0;
    long r = recvmsg(fd, &m, MSG_DONTWAIT);
    printf("recvmsg unwritable control: %ld %s controllen %zu flags %#x\n", r, e(r), (size_t)m.msg_controllen,
           (unsigned)m.msg_flags);
    send(fd, &noop, 16, 0);
    struct msghdr m2 = {.msg_iov = &rv, .msg_iovlen = 1, .msg_control = page + 4096 - 16, .msg_controllen = 64};
    errno = 0;
    r = recvmsg(fd, &m2, MSG_DONTWAIT);
    printf("recvmsg control across an unmapped page: %ld %s controllen %zu flags %#x\n", r, e(r),
           (size_t)m2.msg_controllen, (unsigned)m2.msg_flags);
    send(fd, &noop, 16, 0);
    errno = 0;
    r = recvfrom(fd, buf, sizeof buf, MSG_DONTWAIT, (struct sockaddr *)8, &(socklen_t){12});
    show("recvfrom unwritable address", r);
    drain();
    puts("done");
    return 0;
}
