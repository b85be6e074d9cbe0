// SPDX-License-Identifier: BSD-2-Clause
// Receive probe: recvmsg over buffer sizes, MSG_PEEK/MSG_TRUNC, name and control buffer sizes,
// plus recvfrom/read/readv; compared between native and runner runs.
#define _GNU_SOURCE
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

static void request(int fd, unsigned seq) {
    struct {
        struct nlmsghdr h;
        struct rtgenmsg g;
        char pad[3];
    } r;
    memset(&r, 0, sizeof r);
    r.h.nlmsg_len = 20;
    r.h.nlmsg_type = RTM_GETADDR;
    r.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    r.h.nlmsg_seq = seq;
    send(fd, &r, 20, 0);
}

static void drain(int fd) {
    static char big[65536];
    while (recv(fd, big, sizeof big, MSG_DONTWAIT) > 0) {
    }
}

int main(void) {
    static char buf[65536];
    static const size_t sizes[] = {0, 1, 15, 16, 20, 100, 65536};
    static const int flags[] = {0, MSG_PEEK, MSG_TRUNC, MSG_PEEK | MSG_TRUNC};
    static const int namelens[] = {0, 4, 12, 16};
    static const size_t ctls[] = {0, 8, 16, 64};
    int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    unsigned seq = 1;
    for (unsigned s = 0; s < sizeof sizes / sizeof *sizes; s++)
        for (unsigned f = 0; f < 4; f++)
            for (unsigned nl = 0; nl < 4; nl++)
                for (unsigned c = 0; c < 4; c++) {
                    request(fd, seq++);
                    struct sockaddr_nl from;
                    char ctl[64];
                    memset(&from, 0xee, sizeof from);
                    struct iovec iov = {buf, sizes[s]};
                    struct msghdr mh = {.msg_name = namelens[nl] ? &from : NULL,
                                        .msg_namelen = (socklen_t)namelens[nl],
                                        .msg_iov = &iov,
                                        .msg_iovlen = 1,
                                        .msg_control = ctls[c] ? ctl : NULL,
                                        .msg_controllen = ctls[c]};
                    errno = 0;
                    ssize_t n = recvmsg(fd, &mh, flags[f] | MSG_DONTWAIT);
                    printf("size %zu flags %#x name %d ctl %zu: ret %s%zd flags %#x namelen %u "
                           "fam %u pid %u ctllen %zu\n",
                           sizes[s], flags[f], namelens[nl], ctls[c], n < 0 ? strerrorname_np(errno) : "",
                           n > 1000 ? 1000 : n, mh.msg_flags, mh.msg_namelen, from.nl_family,
                           from.nl_pid, (size_t)mh.msg_controllen);
                    drain(fd);
                }
    /* recvfrom address lengths, read and readv */
    for (int al = -1; al <= 16; al += 4) {
        request(fd, seq++);
        struct sockaddr_nl from;
        socklen_t l = (socklen_t)al;
        errno = 0;
        ssize_t n = recvfrom(fd, buf, 16, MSG_DONTWAIT, (struct sockaddr *)&from, &l);
        printf("recvfrom addrlen %d: ret %s%zd len %d\n", al, n < 0 ? strerrorname_np(errno) : "", n,
               (int)l);
        drain(fd);
    }
    request(fd, seq++);
    printf("read 10: %zd\n", read(fd, buf, 10));
    drain(fd);
    request(fd, seq++);
    struct iovec v[3] = {{buf, 4}, {buf + 100, 0}, {buf + 200, 12}};
    errno = 0;
    printf("readv 4+0+12: %zd\n", readv(fd, v, 3));
    drain(fd);
    return 0;
}
