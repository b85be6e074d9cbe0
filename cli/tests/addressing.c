// SPDX-License-Identifier: BSD-2-Clause
// Addressing probe: bind/connect/getsockname/getpeername over address lengths and families,
// NULL pointers, and sends to user ports and groups; compared between native and runner runs.
#define _GNU_SOURCE
#include <errno.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
static const char *e(long r) { return r < 0 ? strerrorname_np(errno) : "ok"; }
int main(void) {
    unsigned char buf[32];
    for (int len = -1; len <= 20; len++) {
        for (int fam = 0; fam < 3; fam++) {
            int fd = socket(AF_NETLINK, SOCK_RAW, 0);
            struct sockaddr_nl a = {.nl_family = fam == 0 ? AF_NETLINK : fam == 1 ? AF_UNSPEC : AF_INET};
            errno = 0;
            long b = bind(fd, (struct sockaddr *)&a, len);
            const char *be = e(b);
            errno = 0;
            long c = connect(fd, (struct sockaddr *)&a, len);
            const char *ce = e(c);
            socklen_t l = len;
            memset(buf, 0xee, sizeof buf);
            errno = 0;
            long g = getsockname(fd, (struct sockaddr *)buf, &l);
            printf("len %d fam %d: bind %s connect %s getsockname %s l=%d fam=%u\n", len, fam, be, ce, e(g), (int)l, buf[0] | buf[1] << 8);
            l = len;
            errno = 0;
            g = getpeername(fd, (struct sockaddr *)buf, &l);
            printf("   getpeername %s l=%d\n", e(g), (int)l);
            close(fd);
        }
    }
    int fd = socket(AF_NETLINK, SOCK_RAW, 0);
    errno = 0;
    printf("getsockname NULL len: %s\n", e(getsockname(fd, (struct sockaddr *)buf, NULL)));
    socklen_t l = 12;
    printf("getsockname NULL addr: %s\n", e(getsockname(fd, NULL, &l)));
    printf("bind NULL: %s\n", e(bind(fd, NULL, 12)));
    printf("sendto NULL addr len 12: %s\n", e(sendto(fd, "x", 1, 0, NULL, 12)));
    struct sockaddr_nl k = {.nl_family = AF_NETLINK, .nl_pid = 1};
    printf("sendto user port: %s\n", e(sendto(fd, "xxxxxxxxxxxxxxxxxxxx", 20, 0, (struct sockaddr *)&k, sizeof k)));
    k.nl_pid = 0; k.nl_groups = 1;
    printf("sendto group: %s\n", e(sendto(fd, "xxxxxxxxxxxxxxxxxxxx", 20, 0, (struct sockaddr *)&k, sizeof k)));
    return 0;
}
