// SPDX-License-Identifier: BSD-2-Clause
// Misbehaving clients for cli/tests/load.rs.
//
//   deadbeat never GO_FILE   A client that does not read: joins RTNLGRP_IPV4_ROUTE, sends
//                            20 000 RTM_GETLINK requests for "lo" and, every tenth, an
//                            RTM_GETADDR dump, one per send, then sleeps until GO_FILE exists
//                            (meanwhile others make route changes) and only then reads, without
//                            blocking, until the queue is empty. Checks: the first receive fails
//                            with ENOBUFS (Linux reports the overrun before queued data);
//                            single replies (and errors) come in request order, dump parts
//                            belong to dump requests, all addressed to its port; notifications
//                            in change order. Prints what it got.
//   deadbeat dump            Victim killed mid-dump: requests a route dump, reads one datagram,
//                            prints "mid-dump", then waits forever with the rest unread.
//   deadbeat loop            Victim killed mid-request: requests and reads RTM_GETLINK replies
//                            forever.
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int fd;
static char buf[1 << 16];

static void send_req(uint32_t seq, int type, int dump) {
    struct {
        struct nlmsghdr h;
        struct ifinfomsg ifi;
        char attrs[16];
    } r;
    memset(&r, 0, sizeof r);
    r.h.nlmsg_seq = seq;
    r.h.nlmsg_type = type;
    r.h.nlmsg_flags = NLM_F_REQUEST | (dump ? NLM_F_DUMP : 0);
    r.h.nlmsg_len = NLMSG_LENGTH(sizeof r.ifi);
    if (!dump) {
        struct rtattr *a = (struct rtattr *)((char *)&r + r.h.nlmsg_len);
        a->rta_type = IFLA_IFNAME;
        a->rta_len = RTA_LENGTH(3);
        memcpy(RTA_DATA(a), "lo", 3);
        r.h.nlmsg_len += RTA_ALIGN(a->rta_len);
    }
    if (send(fd, &r, r.h.nlmsg_len, 0) < 0) {
        perror("deadbeat: send");
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc < 2)
        return 2;
    fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
    if (strcmp(argv[1], "never") == 0)
        sa.nl_groups = RTMGRP_IPV4_ROUTE;
    socklen_t sl = sizeof sa;
    if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) || getsockname(fd, (struct sockaddr *)&sa, &sl)) {
        perror("deadbeat: socket");
        return 1;
    }
    uint32_t port = sa.nl_pid;
    if (strcmp(argv[1], "dump") == 0) {
        send_req(1, RTM_GETROUTE, 1);
        if (recv(fd, buf, sizeof buf, 0) <= 0)
            return 1;
        printf("mid-dump\n");
        fflush(stdout);
        for (;;)
            pause();
    }
    if (strcmp(argv[1], "loop") == 0) {
        for (uint32_t seq = 1;; seq++) {
            send_req(seq, RTM_GETLINK, 0);
            if (recv(fd, buf, sizeof buf, 0) <= 0)
                return 1;
        }
    }
    if (argc != 3)
        return 2;
    const int nreq = 20000;
    for (int i = 1; i <= nreq; i++)
        send_req((uint32_t)i, i % 10 == 0 ? RTM_GETADDR : RTM_GETLINK, i % 10 == 0);
    printf("deadbeat: %d requests sent, not reading\n", nreq);
    fflush(stdout);
    while (access(argv[2], F_OK) != 0)
        usleep(20000);
    errno = 0;
    ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n >= 0 || errno != ENOBUFS) {
        fprintf(stderr, "deadbeat: first receive gave %zd (%s), not ENOBUFS\n", n, strerror(errno));
        return 1;
    }
    long replies = 0, errors = 0, notes = 0, bytes = 0, enobufs = 1, parts = 0;
    uint32_t last_seq = 0;
    long last_note = -1;
    for (;;) {
        n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n < 0 && errno == ENOBUFS) {
            enobufs++;
            continue;
        }
        if (n < 0)
            break;
        bytes += n;
        for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_type == RTM_NEWROUTE || h->nlmsg_type == RTM_DELROUTE) {
                if (h->nlmsg_pid != 0 || h->nlmsg_seq != 0) {
                    fprintf(stderr, "deadbeat: notification with pid %u seq %u\n", h->nlmsg_pid, h->nlmsg_seq);
                    return 1;
                }
                struct rtmsg *r = NLMSG_DATA(h);
                int len = RTM_PAYLOAD(h);
                uint8_t d[4] = {0};
                for (struct rtattr *a = RTM_RTA(r); RTA_OK(a, len); a = RTA_NEXT(a, len))
                    if (a->rta_type == RTA_DST && RTA_PAYLOAD(a) == 4)
                        memcpy(d, RTA_DATA(a), 4);
                if (d[0] != 10 || d[1] == 255)
                    continue;
                long idx = 2L * (d[1] * 256 + d[2]) + (h->nlmsg_type == RTM_DELROUTE);
                if (idx <= last_note) {
                    fprintf(stderr, "deadbeat: notification %ld after %ld\n", idx, last_note);
                    return 1;
                }
                last_note = idx;
                notes++;
                continue;
            }
            /* Dump parts may trail the replies to later requests (Linux produces the next part
               only when the reader makes room), so only single replies are ordered. */
            int part = (h->nlmsg_flags & NLM_F_MULTI) != 0;
            if (part && h->nlmsg_pid == port && h->nlmsg_seq % 10 == 0 && h->nlmsg_seq <= (uint32_t)nreq) {
                parts++;
                continue;
            }
            if (part || h->nlmsg_pid != port || h->nlmsg_seq <= last_seq || h->nlmsg_seq > (uint32_t)nreq) {
                fprintf(stderr, "deadbeat: reply seq %u (after %u) pid %u (mine %u) type %u\n", h->nlmsg_seq,
                        last_seq, h->nlmsg_pid, port, h->nlmsg_type);
                return 1;
            }
            last_seq = h->nlmsg_seq;
            if (h->nlmsg_type == NLMSG_ERROR)
                errors++;
            else
                replies++;
        }
    }
    if (errno != EAGAIN) {
        perror("deadbeat: recv");
        return 1;
    }
    printf("deadbeat: %ld ENOBUFS, %ld replies, %ld errors, %ld dump messages, %ld notifications, %ld bytes "
           "queued, last seq %u\n",
           enobufs, replies, errors, parts, notes, bytes, last_seq);
    return 0;
}
