// SPDX-License-Identifier: BSD-2-Clause
// Descriptor probe: copies of a netlink socket made with dup, fcntl(F_DUPFD*) and dup3 keep
// working (a request sent on one copy is answered on another, also after the original is
// closed), FD_CLOEXEC follows the call, and the program's own descriptors at high numbers
// (where the runner places its sockets) keep working natively. Prints no descriptor numbers:
// the runner places copies at or above its reserved range, Linux at the lowest free number.
// With argument "low-dup2": dup2 of a netlink socket onto standard output, and its errno.
// With argument "scm": the socket passed to itself with SCM_RIGHTS (landing at a low number)
// and used there for a dump.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int links(int out, int in, unsigned seq) {
    struct {
        struct nlmsghdr h;
        struct rtgenmsg g;
        char pad[3];
    } r;
    memset(&r, 0, sizeof r);
    r.h.nlmsg_len = 20;
    r.h.nlmsg_type = RTM_GETLINK;
    r.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    r.h.nlmsg_seq = seq;
    if (send(out, &r, 20, 0) != 20) return -errno;
    char buf[16384];
    int n_links = 0;
    for (;;) {
        ssize_t n = recv(in, buf, sizeof buf, 0);
        if (n <= 0) return -1000;
        for (struct nlmsghdr *h = (void *)buf; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_seq != seq) return -1001;
            if (h->nlmsg_type == NLMSG_DONE) return n_links;
            n_links++;
        }
    }
}

static const char *cloexec(int fd) {
    int f = fcntl(fd, F_GETFD);
    return f < 0 ? strerrorname_np(errno) : (f & FD_CLOEXEC) ? "cloexec" : "inherit";
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IONBF, 0);
    int a = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (a < 0) return 1;
    if (argc > 1 && strcmp(argv[1], "low-dup2") == 0) {
        int r = dup2(a, 1);
        fprintf(stderr, "dup2 onto 1: %s\n", r < 0 ? strerrorname_np(errno) : "ok");
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "scm") == 0) {
        int sp[2];
        if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sp) != 0) return 2;
        char cbuf[CMSG_SPACE(sizeof(int))];
        memset(cbuf, 0, sizeof cbuf);
        char byte = 'x';
        struct iovec iov = {&byte, 1};
        struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
                            .msg_controllen = sizeof cbuf};
        struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(c), &a, sizeof(int));
        if (sendmsg(sp[0], &mh, 0) != 1) return 3;
        memset(cbuf, 0, sizeof cbuf);
        if (recvmsg(sp[1], &mh, 0) != 1) return 4;
        int got;
        memcpy(&got, CMSG_DATA(CMSG_FIRSTHDR(&mh)), sizeof(int));
        close(a);
        printf("scm: links %d\n", links(got, got, 7));
        printf("scm again: links %d\n", links(got, got, 8));
        return 0;
    }
    int b = dup(a);
    int c = fcntl(a, F_DUPFD, 0);
    int d = fcntl(a, F_DUPFD_CLOEXEC, 5);
    int e = dup3(a, 200, O_CLOEXEC);
    printf("copies: b %s c %s d %s e %s\n", b >= 0 ? "ok" : strerrorname_np(errno),
           c >= 0 ? "ok" : "fail", d >= 5 ? "ok" : "fail", e == 200 ? "ok" : "fail");
    printf("flags: a %s b %s c %s d %s e %s\n", cloexec(a), cloexec(b), cloexec(c),
           cloexec(d), cloexec(e));
    printf("a->b links %d\n", links(a, b, 1));
    printf("c->d links %d\n", links(c, d, 2));
    printf("e->a links %d\n", links(e, a, 3));
    close(a);
    printf("after close: b->e links %d\n", links(b, e, 4));
    printf("copy of a copy: links %d\n", links(dup(d), c, 5));
    /* the program's own descriptors up to past 100: still plain files */
    int hi = -1;
    for (int i = 0; i < 100; i++) hi = open("/dev/null", O_RDWR);
    char x;
    ssize_t w = write(hi, "x", 1);
    printf("own high fd: write %zd read %zd\n", w, read(hi, &x, 1));
    int f = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    printf("socket among many files: links %d\n", links(f, f, 6));
    int p[2];
    if (pipe(p) == 0) {
        int moved = dup2(p[1], 150);
        ssize_t w = write(moved, "y", 1);
        printf("own pipe at a high fd: write %zd read %zd\n", w, read(p[0], &x, 1));
    }
    return 0;
}
