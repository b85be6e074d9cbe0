// SPDX-License-Identifier: BSD-2-Clause
// Route-notification listener for the overflow test (cli/tests/load.rs): a raw NETLINK_ROUTE
// socket in RTNLGRP_IPV4_ROUTE that prints, in arrival order, one line per event:
//   N <index>     a numbered change (RTM_NEWROUTE of 10.a.b.0/24 = 2*(a*256+b), RTM_DELROUTE +1)
//   E             recvmsg failed with ENOBUFS
// then "END <received> <enobufs>" once the end marker (10.255.255.0/24 added) arrives. It
// creates READY_FILE when it first sees the ready marker (10.255.254.0/24).
//
//   listener OUT READY_FILE MODE [PACE_FILE]
// MODE: "slow"      default SO_RCVBUF; pauses 100 ms after every 200 messages read (1 s
//                   after the first 1 000)
//       "noenobufs" like slow, with NETLINK_NO_ENOBUFS
//       "paced"     SO_RCVBUFFORCE 1 MiB, reads at full speed and publishes how many numbered
//                   changes it has seen in PACE_FILE (the changer waits for it): nothing may
//                   be lost
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef NETLINK_NO_ENOBUFS
#define NETLINK_NO_ENOBUFS 5
#endif

int main(int argc, char **argv) {
    if (argc < 4)
        return 2;
    FILE *out = fopen(argv[1], "w");
    const char *mode = argv[3];
    int slow = strcmp(mode, "paced") != 0;
    int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    if (!out || fd < 0)
        return 1;
    volatile uint32_t *seen = NULL;
    if (!slow) {
        int big = 1 << 20;
        if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof big)) {
            perror("listener: SO_RCVBUFFORCE");
            return 1;
        }
        int pf = open(argv[4], O_RDWR);
        seen = pf < 0 ? MAP_FAILED : mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, pf, 0);
        if (seen == MAP_FAILED) {
            perror("listener: pace file");
            return 1;
        }
    }
    if (strcmp(mode, "noenobufs") == 0) {
        int one = 1;
        if (setsockopt(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS, &one, sizeof one)) {
            perror("listener: NETLINK_NO_ENOBUFS");
            return 1;
        }
    }
    struct sockaddr_nl sa = {.nl_family = AF_NETLINK, .nl_groups = RTMGRP_IPV4_ROUTE};
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa)) {
        perror("listener: bind");
        return 1;
    }
    static char buf[1 << 16];
    long got = 0, enobufs = 0, reads = 0, numbered = 0;
    int ready = 0;
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n < 0) {
            if (errno == ENOBUFS) {
                enobufs++;
                fprintf(out, "E\n");
                continue;
            }
            perror("listener: recv");
            return 1;
        }
        /* A 1 s stall after 1 000 reads makes the queue overflow however slow the changer. */
        if (slow && ++reads % 200 == 0)
            usleep(reads == 1000 ? 1000000 : 100000);
        for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_type != RTM_NEWROUTE && h->nlmsg_type != RTM_DELROUTE)
                continue;
            struct rtmsg *r = NLMSG_DATA(h);
            int len = RTM_PAYLOAD(h);
            uint8_t dst[4] = {0};
            for (struct rtattr *a = RTM_RTA(r); RTA_OK(a, len); a = RTA_NEXT(a, len))
                if (a->rta_type == RTA_DST && RTA_PAYLOAD(a) == 4)
                    memcpy(dst, RTA_DATA(a), 4);
            if (dst[0] != 10 || r->rtm_dst_len != 24)
                continue;
            if (dst[1] == 255) {
                if (dst[2] == 254 && !ready) {
                    ready = 1;
                    close(open(argv[2], O_CREAT | O_WRONLY, 0644));
                }
                if (dst[2] == 255 && h->nlmsg_type == RTM_NEWROUTE) {
                    fprintf(out, "END %ld %ld\n", got, enobufs);
                    fclose(out);
                    return 0;
                }
                continue;
            }
            long idx = 2L * (dst[1] * 256 + dst[2]) + (h->nlmsg_type == RTM_DELROUTE);
            got++;
            fprintf(out, "N %ld\n", idx);
            if (seen)
                *seen = (uint32_t)(++numbered);
        }
    }
}
