// SPDX-License-Identifier: BSD-2-Clause
// Socket-semantics probe for the runner's differential tests: every line it prints must be the
// same natively and under `nlcompat run --backend linux`. Port ids are printed as relations
// (== getpid(), negative, distinct), never as numbers.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHOW(expr)                                                                      \
    do {                                                                                \
        errno = 0;                                                                      \
        long r_ = (long)(expr);                                                         \
        printf("%-40s = %ld%s%s\n", #expr, r_, errno ? " " : "", errno ? strerrorname_np(errno) : ""); \
    } while (0)

static int nl(int type) { return socket(AF_NETLINK, type, NETLINK_ROUTE); }

static unsigned port_of(int fd) {
    struct sockaddr_nl a;
    socklen_t l = sizeof a;
    memset(&a, 0, sizeof a);
    getsockname(fd, (struct sockaddr *)&a, &l);
    return a.nl_pid;
}

static const char *rel(unsigned port) {
    if (port == 0) return "zero";
    if (port == (unsigned)getpid()) return "pid";
    if ((int)port < 0) return "negative";
    return "other";
}

struct req {
    struct nlmsghdr h;
    struct rtgenmsg g;
    char pad[3];
};

static void send_dump(int fd, int type, unsigned seq) {
    struct req r;
    memset(&r, 0, sizeof r);
    r.h.nlmsg_len = sizeof(struct nlmsghdr) + 1;
    r.h.nlmsg_type = type;
    r.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    r.h.nlmsg_seq = seq;
    struct sockaddr_nl k = {.nl_family = AF_NETLINK};
    sendto(fd, &r, 20, 0, (struct sockaddr *)&k, sizeof k);
}

/* Receive until DONE; returns the number of messages, or -errno. */
static int drain(int fd, unsigned seq) {
    char buf[32768];
    int msgs = 0;
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n < 0) return -errno;
        for (struct nlmsghdr *h = (void *)buf; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_seq != seq) return -1000;
            if (h->nlmsg_type == NLMSG_DONE) return msgs;
            if (h->nlmsg_type == NLMSG_ERROR) return -2000;
            msgs++;
        }
    }
}

static void on_alarm(int s) { (void)s; }

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    /* socket() argument checking */
    SHOW(socket(AF_NETLINK, SOCK_STREAM, 0));
    SHOW(socket(AF_NETLINK, SOCK_SEQPACKET, 0));
    SHOW(socket(AF_NETLINK, SOCK_RAW, 32));
    SHOW(socket(AF_NETLINK, SOCK_RAW, -1));
    SHOW(socket(AF_NETLINK, SOCK_RAW | 0x4000000, 0));

    /* what the host looks like (proves the dumps came from the seeded namespace) */
    int z = nl(SOCK_RAW);
    send_dump(z, RTM_GETLINK, 1);
    printf("links %d\n", drain(z, 1));
    send_dump(z, RTM_GETADDR, 2);
    printf("addresses %d\n", drain(z, 2));
    close(z);

    int a = nl(SOCK_RAW | SOCK_CLOEXEC), b = nl(SOCK_DGRAM);
    printf("fd flags a cloexec=%d b cloexec=%d\n", !!(fcntl(a, F_GETFD) & FD_CLOEXEC),
           !!(fcntl(b, F_GETFD) & FD_CLOEXEC));
    printf("unbound port a=%s\n", rel(port_of(a)));

    /* SO_* */
    int v = 0;
    socklen_t l = sizeof v;
    SHOW(getsockopt(a, SOL_SOCKET, SO_TYPE, &v, &l));
    printf("SO_TYPE a=%d len=%u\n", v, l);
    l = sizeof v;
    getsockopt(b, SOL_SOCKET, SO_TYPE, &v, &l);
    printf("SO_TYPE b=%d\n", v);
    l = sizeof v;
    getsockopt(a, SOL_SOCKET, SO_PROTOCOL, &v, &l);
    printf("SO_PROTOCOL=%d\n", v);
    l = sizeof v;
    getsockopt(a, SOL_SOCKET, SO_DOMAIN, &v, &l);
    printf("SO_DOMAIN=%d\n", v);
    v = 32768;
    SHOW(setsockopt(a, SOL_SOCKET, SO_SNDBUF, &v, sizeof v));
    l = sizeof v;
    getsockopt(a, SOL_SOCKET, SO_SNDBUF, &v, &l);
    printf("SO_SNDBUF read back=%d\n", v);
    v = 1 << 20;
    SHOW(setsockopt(a, SOL_SOCKET, SO_RCVBUFFORCE, &v, sizeof v));
    l = sizeof v;
    getsockopt(a, SOL_SOCKET, SO_RCVBUF, &v, &l);
    printf("SO_RCVBUF read back=%d\n", v);

    /* SOL_NETLINK */
    v = 1;
    SHOW(setsockopt(a, SOL_NETLINK, NETLINK_EXT_ACK, &v, sizeof v));
    SHOW(setsockopt(a, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &v, sizeof v));
    SHOW(setsockopt(a, SOL_NETLINK, NETLINK_CAP_ACK, &v, sizeof v));
    SHOW(setsockopt(a, SOL_NETLINK, 6 /* RX_RING */, &v, sizeof v));
    SHOW(setsockopt(a, SOL_NETLINK, 99, &v, sizeof v));
    SHOW(setsockopt(a, 0 /* SOL_IP */, 1, &v, sizeof v));
    v = 0;
    SHOW(setsockopt(a, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &v, sizeof v));
    v = RTNLGRP_LINK;
    SHOW(setsockopt(a, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &v, sizeof v));
    v = RTNLGRP_NEXTHOP;
    SHOW(setsockopt(a, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &v, sizeof v));
    unsigned words[4] = {0};
    l = sizeof words;
    SHOW(getsockopt(a, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, words, &l));
    printf("memberships %#x %#x (len %u)\n", words[0], words[1], l);
    v = RTNLGRP_NEXTHOP;
    SHOW(setsockopt(a, SOL_NETLINK, NETLINK_DROP_MEMBERSHIP, &v, sizeof v));
    l = sizeof v;
    SHOW(getsockopt(a, SOL_NETLINK, NETLINK_EXT_ACK, &v, &l));
    printf("EXT_ACK=%d len=%u\n", v, l);
    l = 2;
    SHOW(getsockopt(a, SOL_NETLINK, NETLINK_EXT_ACK, &v, &l));
    SHOW(ioctl(a, FIONREAD, &v));
    SHOW(listen(a, 1));
    SHOW(accept(a, NULL, NULL));
    SHOW(accept4(a, NULL, NULL, 0));
    SHOW(shutdown(a, SHUT_RDWR));

    /* bind / autobind / getsockname / connect / getpeername */
    struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
    SHOW(bind(a, (struct sockaddr *)&sa, 4));
    sa.nl_family = AF_INET;
    SHOW(bind(a, (struct sockaddr *)&sa, sizeof sa));
    sa.nl_family = AF_NETLINK;
    sa.nl_groups = 1; /* RTMGRP_LINK */
    SHOW(bind(a, (struct sockaddr *)&sa, sizeof sa));
    printf("port a=%s\n", rel(port_of(a)));
    struct sockaddr_nl got;
    l = sizeof got;
    memset(&got, 0xff, sizeof got);
    getsockname(a, (struct sockaddr *)&got, &l);
    printf("getsockname len=%u family=%u pad=%u groups=%#x\n", l, got.nl_family, got.nl_pad,
           got.nl_groups);
    l = 6;
    SHOW(getsockname(a, (struct sockaddr *)&got, &l));
    printf("short getsockname len=%u\n", l);
    sa.nl_pid = 12345;
    SHOW(bind(a, (struct sockaddr *)&sa, sizeof sa));
    sa.nl_pid = port_of(a);
    SHOW(bind(b, (struct sockaddr *)&sa, sizeof sa));
    sa.nl_pid = 0;
    sa.nl_groups = 0;
    SHOW(connect(b, (struct sockaddr *)&sa, sizeof sa));
    printf("port b=%s distinct=%d\n", rel(port_of(b)), port_of(a) != port_of(b));
    l = sizeof got;
    SHOW(getpeername(b, (struct sockaddr *)&got, &l));
    printf("peer len=%u pid=%u groups=%u\n", l, got.nl_pid, got.nl_groups);
    int c = nl(SOCK_RAW);
    sa.nl_pid = 4242;
    SHOW(bind(c, (struct sockaddr *)&sa, sizeof sa));
    printf("explicit port c=%u\n", port_of(c));
    int d = nl(SOCK_RAW);
    SHOW(bind(d, (struct sockaddr *)&sa, sizeof sa));

    /* receive semantics */
    int e = nl(SOCK_RAW | SOCK_NONBLOCK);
    char small[64];
    SHOW(recv(e, small, sizeof small, 0));
    SHOW(recv(b, small, sizeof small, MSG_DONTWAIT));
    send_dump(e, RTM_GETLINK, 7);
    printf("port e=%s (autobound on send)\n", rel(port_of(e)));
    struct pollfd p = {.fd = e, .events = POLLIN};
    SHOW(poll(&p, 1, 1000));
    SHOW(recv(e, NULL, 0, MSG_PEEK | MSG_TRUNC) > 1000);
    struct msghdr mh;
    struct iovec iov = {.iov_base = small, .iov_len = sizeof small};
    struct sockaddr_nl from;
    char ctl[64];
    memset(&mh, 0, sizeof mh);
    mh.msg_name = &from;
    mh.msg_namelen = sizeof from + 4;
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    mh.msg_control = ctl;
    mh.msg_controllen = sizeof ctl;
    SHOW(recvmsg(e, &mh, 0));
    printf("truncated: flags=%#x namelen=%u controllen=%zu from pid=%u groups=%u\n", mh.msg_flags,
           mh.msg_namelen, (size_t)mh.msg_controllen, from.nl_pid, from.nl_groups);
    int rest = 0;
    char big[32768];
    while (recv(e, big, sizeof big, 0) > 0) rest++;
    printf("rest of dump: %s, then %s\n", rest > 0 ? "some" : "none", strerrorname_np(errno));

    /* dup, readv/writev, MSG_TRUNC return, sendmmsg/recvmmsg */
    int f = nl(SOCK_RAW);
    int g = dup2(f, 77);
    struct req r;
    memset(&r, 0, sizeof r);
    r.h.nlmsg_len = 17;
    r.h.nlmsg_type = RTM_GETADDR;
    r.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    r.h.nlmsg_seq = 9;
    struct iovec wv[2] = {{&r, 10}, {(char *)&r + 10, 7}};
    SHOW(writev(g, wv, 2));
    SHOW(read(f, small, 16) > 0 ? 16 : -1);
    while (recv(f, big, sizeof big, MSG_DONTWAIT) > 0) {
    }
    send_dump(f, RTM_GETLINK, 10);
    SHOW(recv(77, small, 16, MSG_TRUNC) > 16);
    while (recv(f, big, sizeof big, MSG_DONTWAIT) > 0) {
    }
    struct mmsghdr mm[2];
    struct req r2[2];
    memset(mm, 0, sizeof mm);
    memset(r2, 0, sizeof r2);
    struct iovec mi[2];
    for (int i = 0; i < 2; i++) {
        r2[i].h.nlmsg_len = 20;
        r2[i].h.nlmsg_type = RTM_GETLINK;
        r2[i].h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        r2[i].h.nlmsg_seq = 20 + i;
        mi[i].iov_base = &r2[i];
        mi[i].iov_len = 20;
        mm[i].msg_hdr.msg_iov = &mi[i];
        mm[i].msg_hdr.msg_iovlen = 1;
    }
    SHOW(sendmmsg(f, mm, 2, 0));
    printf("mmsg lens %u %u\n", mm[0].msg_len, mm[1].msg_len);
    static char rb[4][32768];
    struct iovec ri[4];
    struct mmsghdr rm[4];
    memset(rm, 0, sizeof rm);
    for (int i = 0; i < 4; i++) {
        ri[i].iov_base = rb[i];
        ri[i].iov_len = sizeof rb[i];
        rm[i].msg_hdr.msg_iov = &ri[i];
        rm[i].msg_hdr.msg_iovlen = 1;
    }
    int k = recvmmsg(f, rm, 4, MSG_DONTWAIT, NULL);
    printf("recvmmsg got some=%d\n", k > 0);
    while (recv(f, big, sizeof big, MSG_DONTWAIT) > 0) {
    }

    /* oversized datagram: EMSGSIZE before anything is read */
    static char huge[300000];
    SHOW(send(f, huge, sizeof huge, 0));
    SHOW(send(f, NULL, 100, 0));

    /* a request error with and without ext-ack */
    struct {
        struct nlmsghdr h;
        struct ifinfomsg i;
    } bad;
    memset(&bad, 0, sizeof bad);
    bad.h.nlmsg_len = sizeof bad;
    bad.h.nlmsg_type = RTM_NEWLINK;
    bad.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
    bad.h.nlmsg_seq = 30;
    SHOW(send(f, &bad, sizeof bad, 0));
    ssize_t n = recv(f, big, sizeof big, 0);
    struct nlmsghdr *h = (void *)big;
    struct nlmsgerr *err = NLMSG_DATA(h);
    printf("ack len=%zd type=%u flags=%#x error=%d seq=%u pid=%s\n", n, h->nlmsg_type, h->nlmsg_flags,
           err->error, h->nlmsg_seq, rel(h->nlmsg_pid));

    /* fork: the child shares the socket and its port id */
    pid_t child = fork();
    if (child == 0) {
        send_dump(f, RTM_GETLINK, 40);
        printf("child drain ok=%d\n", drain(f, 40) > 0);
        _exit(0);
    }
    int st;
    waitpid(child, &st, 0);
    printf("child status %d\n", WEXITSTATUS(st));

    /* generic netlink passes through */
    int gn = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
    struct {
        struct nlmsghdr h;
        struct genlmsghdr g;
        char attrs[16];
    } gr;
    memset(&gr, 0, sizeof gr);
    gr.h.nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN) + 12;
    gr.h.nlmsg_type = GENL_ID_CTRL;
    gr.h.nlmsg_flags = NLM_F_REQUEST;
    gr.h.nlmsg_seq = 50;
    gr.g.cmd = CTRL_CMD_GETFAMILY;
    gr.g.version = 1;
    struct nlattr *at = (void *)gr.attrs;
    at->nla_len = 4 + 7;
    at->nla_type = CTRL_ATTR_FAMILY_NAME;
    memcpy(gr.attrs + 4, "nlctrl", 7);
    SHOW(send(gn, &gr, gr.h.nlmsg_len, 0));
    n = recv(gn, big, sizeof big, 0);
    h = (void *)big;
    printf("genl reply type=%u ok=%d\n", h->nlmsg_type, n > 20 && h->nlmsg_type == GENL_ID_CTRL);

    /* a blocking receive interrupted by a signal, without and with SA_RESTART */
    struct sigaction sact;
    memset(&sact, 0, sizeof sact);
    sact.sa_handler = on_alarm;
    sigaction(SIGALRM, &sact, NULL);
    alarm(1);
    SHOW(recv(c, small, sizeof small, 0));
    /* SO_RCVTIMEO */
    struct timeval tv = {.tv_sec = 0, .tv_usec = 300000};
    SHOW(setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
    SHOW(recv(c, small, sizeof small, 0));
    sact.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sact, NULL);
    tv.tv_sec = 2;
    tv.tv_usec = 0;
    setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    alarm(1);
    SHOW(recv(c, small, sizeof small, 0));

    /* multicast overflow: a tiny receive buffer and a burst of link notifications */
    for (int quiet = 0; quiet < 2; quiet++) {
        int m = nl(SOCK_RAW | SOCK_NONBLOCK);
        v = 1;
        setsockopt(m, SOL_SOCKET, SO_RCVBUF, &v, sizeof v);
        if (quiet) setsockopt(m, SOL_NETLINK, NETLINK_NO_ENOBUFS, &v, sizeof v);
        struct sockaddr_nl ga = {.nl_family = AF_NETLINK, .nl_groups = RTMGRP_LINK};
        bind(m, (struct sockaddr *)&ga, sizeof ga);
        if (system("for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do ip link set eth1 mtu 14$i; done") != 0)
            printf("ip failed\n");
        int datagrams = 0;
        errno = 0;
        ssize_t first = recv(m, big, sizeof big, 0);
        printf("overflow%s: first recv %s\n", quiet ? " (NO_ENOBUFS)" : "",
               first < 0 ? strerrorname_np(errno) : "data");
        while (recv(m, big, sizeof big, 0) > 0) datagrams++;
        printf("then %s datagrams, then %s\n", datagrams > 0 ? "some" : "no", strerrorname_np(errno));
        close(m);
    }
    return 0;
}
