// SPDX-License-Identifier: BSD-2-Clause
// Dump datagram sizes: dumps IPv4 routes on a fresh NETLINK_ROUTE socket for each scenario
// and prints, for every datagram, its length and message count ("len/count"), then whether
// each part was full: Linux sizes dump parts by the largest receive buffer the reader offered
// so far (`max_recvmsg_len` in net/netlink/af_netlink.c, capped at 32768 - 320), and packs
// whole messages while they fit. For each datagram it also prints, after '+', the length of
// the first message of the next datagram (0 at the end), so the test can check that no next
// message would have fitted.
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char buf[65536];

static int open_rt(void) {
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (fd < 0) {
        perror("socket");
        exit(1);
    }
    return fd;
}

static void send_req(int fd, int type, int flags, unsigned seq, const void *body, size_t blen) {
    struct {
        struct nlmsghdr h;
        char b[64];
    } r;
    memset(&r, 0, sizeof(r));
    r.h.nlmsg_len = NLMSG_LENGTH(blen);
    r.h.nlmsg_type = type;
    r.h.nlmsg_flags = NLM_F_REQUEST | flags;
    r.h.nlmsg_seq = seq;
    memcpy(r.b, body, blen);
    if (send(fd, &r, r.h.nlmsg_len, 0) < 0) {
        perror("send");
        exit(1);
    }
}

static void dump_routes(int fd, unsigned seq) {
    struct rtmsg rt;
    memset(&rt, 0, sizeof(rt));
    rt.rtm_family = AF_INET;
    send_req(fd, RTM_GETROUTE, NLM_F_DUMP, seq, &rt, sizeof(rt));
}

// Read the dump, the k-th receive offering sizes[min(k, n-1)] bytes; `peek`: each receive is
// preceded by a zero-length MSG_PEEK|MSG_TRUNC one (as iproute2 reads).
static void read_dump(const char *name, int fd, const size_t *sizes, int n, int peek) {
    int k = 0, done = 0;
    size_t lens[4096];
    size_t firsts[4096];
    int counts[4096];
    int d = 0;
    while (!done && d < 4096) {
        size_t want = sizes[k < n ? k : n - 1];
        k++;
        if (peek && recv(fd, NULL, 0, MSG_PEEK | MSG_TRUNC) < 0) {
            perror("peek");
            exit(1);
        }
        ssize_t got = recv(fd, buf, want, 0);
        if (got < 0) {
            perror("recv");
            exit(1);
        }
        int c = 0;
        size_t first = 0;
        int rest = (int)got;
        for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, rest);
             h = NLMSG_NEXT(h, rest)) {
            if (c == 0)
                first = NLMSG_ALIGN(h->nlmsg_len);
            c++;
            if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
                done = 1;
        }
        lens[d] = (size_t)got;
        firsts[d] = first;
        counts[d] = c;
        d++;
    }
    int total = 0;
    for (int i = 0; i < d; i++)
        total += counts[i];
    printf("%s: %d datagrams, %d messages:", name, d, total);
    for (int i = 0; i < d; i++)
        printf(" %zu/%d+%zu", lens[i], counts[i], i + 1 < d ? firsts[i + 1] : (size_t)0);
    printf("\n");
}

int main(void) {
    static const size_t s32[] = {32768}, s4[] = {4096}, s8[] = {8192};
    static const size_t grow[] = {4096, 8192, 16384, 32768, 65536};
    struct {
        const char *name;
        const size_t *sizes;
        int n;
        int peek;
    } sc[] = {
        {"32k", s32, 1, 0},   {"4k", s4, 1, 0},      {"8k", s8, 1, 0},
        {"grow", grow, 5, 0}, {"32k-peek", s32, 1, 1},
    };
    for (unsigned i = 0; i < sizeof(sc) / sizeof(sc[0]); i++) {
        int fd = open_rt();
        dump_routes(fd, 1);
        read_dump(sc[i].name, fd, sc[i].sizes, sc[i].n, sc[i].peek);
        // A second dump on the same socket, read with the last size: its first part is sized by
    // the receives above.
        dump_routes(fd, 2);
        char name[64];
        snprintf(name, sizeof(name), "%s-again", sc[i].name);
        read_dump(name, fd, &sc[i].sizes[sc[i].n - 1], 1, sc[i].peek);
        close(fd);
    }
    // A reply read with 32 KiB before the first dump: the dump's first part is sized by it.
    int fd = open_rt();
    struct ifinfomsg ifi;
    memset(&ifi, 0, sizeof(ifi));
    ifi.ifi_index = 1;
    send_req(fd, RTM_GETLINK, 0, 1, &ifi, sizeof(ifi));
    ssize_t got = recv(fd, buf, 32768, 0);
    printf("getlink reply: %s\n", got > 0 ? "ok" : "failed");
    dump_routes(fd, 2);
    read_dump("after-reply", fd, s32, 1, 0);
    close(fd);
    return 0;
}
