// SPDX-License-Identifier: BSD-2-Clause
// Interface-ioctl probe: every SIOCGIF* query the runner emulates, on an AF_INET socket and on
// a netlink socket, with results or errno names; compared between native and runner runs.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/sockios.h>
#include <unistd.h>

static void addr(const char *what, struct sockaddr *sa) {
    struct sockaddr_in *in = (void *)sa;
    char b[32];
    inet_ntop(AF_INET, &in->sin_addr, b, sizeof b);
    printf(" %s=%u/%s", what, sa->sa_family, b);
}

static void query(int fd, const char *name) {
    static const struct {
        unsigned long cmd;
        const char *what;
    } q[] = {
        {SIOCGIFINDEX, "index"},     {SIOCGIFFLAGS, "flags"},   {SIOCGIFMTU, "mtu"},
        {SIOCGIFTXQLEN, "txqlen"},   {SIOCGIFMETRIC, "metric"}, {SIOCGIFHWADDR, "hwaddr"},
        {SIOCGIFADDR, "addr"},       {SIOCGIFNETMASK, "mask"},  {SIOCGIFBRDADDR, "brd"},
        {SIOCGIFDSTADDR, "dst"},
    };
    printf("%s:", name);
    for (unsigned i = 0; i < sizeof q / sizeof q[0]; i++) {
        struct ifreq r;
        memset(&r, 0x5a, sizeof r); /* junk beyond what the kernel writes must survive */
        memset(r.ifr_addr.sa_data, 0, sizeof r.ifr_addr.sa_data);
        r.ifr_addr.sa_family = 0;
        snprintf(r.ifr_name, IFNAMSIZ, "%s", name);
        if (ioctl(fd, q[i].cmd, &r) < 0) {
            printf(" %s:%s", q[i].what, strerrorname_np(errno));
            continue;
        }
        switch (q[i].cmd) {
        case SIOCGIFINDEX: printf(" index=%d", r.ifr_ifindex); break;
        case SIOCGIFFLAGS: printf(" flags=%#x", (unsigned short)r.ifr_flags); break;
        case SIOCGIFMTU: printf(" mtu=%d", r.ifr_mtu); break;
        case SIOCGIFTXQLEN: printf(" txqlen=%d", r.ifr_qlen); break;
        case SIOCGIFMETRIC: printf(" metric=%d", r.ifr_metric); break;
        case SIOCGIFHWADDR: {
            unsigned char *h = (unsigned char *)r.ifr_hwaddr.sa_data;
            printf(" hw=%u", r.ifr_hwaddr.sa_family);
            for (int k = 0; k < 14; k++) printf("%c%02x", k ? ':' : '/', h[k]);
            break;
        }
        default: addr(q[i].what, &r.ifr_addr);
        }
        printf(" tail=%02x", ((unsigned char *)&r)[sizeof r - 1]);
    }
    printf("\n");
}

static void conf(int fd) {
    struct ifconf c;
    memset(&c, 0, sizeof c);
    if (ioctl(fd, SIOCGIFCONF, &c) < 0) {
        printf("conf size: %s\n", strerrorname_np(errno));
        return;
    }
    printf("conf size=%d\n", c.ifc_len);
    struct ifreq rs[8];
    c.ifc_len = sizeof rs;
    c.ifc_req = rs;
    ioctl(fd, SIOCGIFCONF, &c);
    for (int i = 0; i < c.ifc_len / (int)sizeof(struct ifreq); i++) {
        printf("conf %s", rs[i].ifr_name);
        addr("addr", &rs[i].ifr_addr);
        printf("\n");
    }
    c.ifc_len = sizeof(struct ifreq) + 4; /* room for one */
    ioctl(fd, SIOCGIFCONF, &c);
    printf("conf short len=%d\n", c.ifc_len);
}

int main(void) {
    int fds[2] = {socket(AF_INET, SOCK_DGRAM, 0), socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)};
    const char *names[] = {"lo", "eth0", "eth1", "nosuch0"};
    for (int f = 0; f < 2; f++) {
        printf("== %s socket\n", f ? "netlink" : "inet");
        conf(fds[f]);
        for (unsigned i = 0; i < 4; i++) query(fds[f], names[i]);
        for (int idx = 0; idx <= 4; idx++) {
            struct ifreq r;
            memset(&r, 0, sizeof r);
            r.ifr_ifindex = idx;
            if (ioctl(fds[f], SIOCGIFNAME, &r) < 0)
                printf("name(%d): %s\n", idx, strerrorname_np(errno));
            else
                printf("name(%d)=%s\n", idx, r.ifr_name);
        }
    }
    char n[IF_NAMESIZE];
    printf("if_nametoindex(eth0)=%u if_indextoname(1)=%s\n", if_nametoindex("eth0"),
           if_indextoname(1, n) ? n : "?");
    /* an fd that is not a socket: ENOTTY natively */
    struct ifreq r;
    memset(&r, 0, sizeof r);
    strcpy(r.ifr_name, "lo");
    printf("pipe ioctl=%d %s\n", ioctl(0, SIOCGIFINDEX, &r), strerrorname_np(errno));
    return 0;
}
