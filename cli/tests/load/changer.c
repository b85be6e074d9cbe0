// SPDX-License-Identifier: BSD-2-Clause
// Route changes for the notification-overflow test (cli/tests/load.rs).
//
//   changer N PACE_FILE   make N changes: for k = 0 .. N/2-1 add then delete the route
//                         10.(k/256).(k%256).0/24 dev eth0, BATCH changes per datagram,
//                         each acked (every ack must be 0). Change 2k is RTM_NEWROUTE of k,
//                         change 2k+1 its RTM_DELROUTE. If PACE_FILE is not "-", it holds a
//                         shared counter (the paced listener's count of changes seen): the
//                         changer never runs more than WINDOW changes ahead of it.
//   changer mark X        add and delete 10.255.X.0/24 once (markers: X = 254 ready,
//                         255 end).
//   changer add N         add the routes of changes 0, 2, 4, … 2N-2 and keep them (a large
//                         route table for dumps).
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#define BATCH 32
#define WINDOW 256

static int fd, oif;
static uint32_t seq;
static char out[BATCH * 128];
static size_t used;
static int pending;

static void add_msg(int type, uint8_t a, uint8_t b, uint8_t c) {
    struct nlmsghdr *h = (struct nlmsghdr *)(out + used);
    memset(h, 0, 128);
    h->nlmsg_type = type;
    h->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | (type == RTM_NEWROUTE ? NLM_F_CREATE | NLM_F_EXCL : 0);
    h->nlmsg_seq = ++seq;
    struct rtmsg *r = NLMSG_DATA(h);
    r->rtm_family = AF_INET;
    r->rtm_dst_len = 24;
    r->rtm_table = RT_TABLE_MAIN;
    r->rtm_protocol = RTPROT_STATIC;
    r->rtm_scope = RT_SCOPE_LINK;
    r->rtm_type = RTN_UNICAST;
    size_t len = NLMSG_LENGTH(sizeof *r);
    struct rtattr *at = (struct rtattr *)((char *)h + len);
    at->rta_type = RTA_DST;
    at->rta_len = RTA_LENGTH(4);
    uint8_t dst[4] = {10, a, b, c};
    memcpy(RTA_DATA(at), dst, 4);
    len += RTA_ALIGN(at->rta_len);
    at = (struct rtattr *)((char *)h + len);
    at->rta_type = RTA_OIF;
    at->rta_len = RTA_LENGTH(4);
    memcpy(RTA_DATA(at), &oif, 4);
    len += RTA_ALIGN(at->rta_len);
    h->nlmsg_len = len;
    used += NLMSG_ALIGN(len);
    pending++;
}

static void flush(void) {
    if (!pending)
        return;
    if (send(fd, out, used, 0) != (ssize_t)used) {
        perror("changer: send");
        exit(1);
    }
    char buf[65536];
    while (pending > 0) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n < 0) {
            perror("changer: recv");
            exit(1);
        }
        for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
            struct nlmsgerr *e = NLMSG_DATA(h);
            if (h->nlmsg_type != NLMSG_ERROR || e->error != 0) {
                fprintf(stderr, "changer: seq %u: type %u error %d\n", h->nlmsg_seq, h->nlmsg_type,
                        h->nlmsg_type == NLMSG_ERROR ? e->error : 0);
                exit(1);
            }
            pending--;
        }
    }
    used = 0;
}

int main(int argc, char **argv) {
    if (argc != 3)
        return 2;
    fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    oif = (int)if_nametoindex("eth0");
    if (fd < 0 || oif == 0) {
        perror("changer: socket/eth0");
        return 1;
    }
    if (strcmp(argv[1], "mark") == 0) {
        int x = atoi(argv[2]);
        add_msg(RTM_NEWROUTE, 255, (uint8_t)x, 0);
        add_msg(RTM_DELROUTE, 255, (uint8_t)x, 0);
        flush();
        return 0;
    }
    if (strcmp(argv[1], "add") == 0) {
        long k, n = atol(argv[2]);
        for (k = 0; k < n; k++) {
            add_msg(RTM_NEWROUTE, (uint8_t)(k >> 8), (uint8_t)k, 0);
            if (pending == BATCH)
                flush();
        }
        flush();
        printf("changer: %ld routes added\n", n);
        return 0;
    }
    long n = atol(argv[1]);
    volatile uint32_t *seen = NULL;
    if (strcmp(argv[2], "-") != 0) {
        int pf = open(argv[2], O_RDWR);
        if (pf < 0) {
            perror("changer: pace file");
            return 1;
        }
        seen = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, pf, 0);
        if (seen == MAP_FAILED)
            return 1;
    }
    for (long i = 0; i < n; i++) {
        if (seen && i % BATCH == 0) {
            flush();
            for (long waited = 0; i - (long)*seen > WINDOW; waited++) {
                if (waited > 100000) {
                    fprintf(stderr, "changer: the paced listener stalled at %u of %ld\n", *seen, i);
                    return 1;
                }
                usleep(200);
            }
        }
        long k = i / 2;
        add_msg(i % 2 ? RTM_DELROUTE : RTM_NEWROUTE, (uint8_t)(k >> 8), (uint8_t)k, 0);
        if (pending == BATCH)
            flush();
    }
    flush();
    printf("changer: %ld changes acked\n", n);
    return 0;
}
