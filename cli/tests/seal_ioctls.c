// SPDX-License-Identifier: BSD-2-Clause
// Interface-ioctl probe for the FreeBSD backend: every query and set command a Linux program
// may issue, with its result or errno name, on an AF_INET and a netlink socket.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <linux/netlink.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <net/route.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

static int s, nl;

static void req(struct ifreq *r, const char *name) {
    memset(r, 0x5a, sizeof *r); /* junk beyond what the kernel writes must survive */
    memset(&r->ifr_ifru, 0, 16);
    snprintf(r->ifr_name, IFNAMSIZ, "%s", name);
}

static const char *in4(struct sockaddr *sa) {
    static char b[40];
    char a[32];
    inet_ntop(AF_INET, &((struct sockaddr_in *)sa)->sin_addr, a, sizeof a);
    snprintf(b, sizeof b, "%u/%s", sa->sa_family, a);
    return b;
}

static void get(int fd, const char *tag, unsigned long cmd, const char *name) {
    struct ifreq r;
    req(&r, name);
    printf("%s %s:", tag, name);
    if (ioctl(fd, cmd, &r) < 0) {
        printf(" %s\n", strerrorname_np(errno));
        return;
    }
    switch (cmd) {
    case SIOCGIFINDEX: printf(" index=%d", r.ifr_ifindex); break;
    case SIOCGIFFLAGS: printf(" flags=%#x", (unsigned short)r.ifr_flags); break;
    case SIOCGIFMTU: printf(" mtu=%d", r.ifr_mtu); break;
    case SIOCGIFHWADDR: {
        unsigned char *h = (unsigned char *)r.ifr_hwaddr.sa_data;
        printf(" hw=%u", r.ifr_hwaddr.sa_family);
        for (int k = 0; k < 14; k++) printf("%c%02x", k ? ':' : '/', h[k]);
        break;
    }
    default: printf(" %s", in4(&r.ifr_addr));
    }
    printf(" tail=%02x\n", ((unsigned char *)&r)[sizeof r - 1]);
}

static void set(const char *tag, unsigned long cmd, const char *name, int mtu) {
    struct ifreq r;
    req(&r, name);
    r.ifr_mtu = mtu;
    if (cmd == SIOCSIFADDR || cmd == SIOCSIFNETMASK) {
        struct sockaddr_in *in = (void *)&r.ifr_addr;
        in->sin_family = AF_INET;
        inet_pton(AF_INET, "192.0.2.99", &in->sin_addr);
    }
    if (cmd == SIOCSIFFLAGS) r.ifr_flags = IFF_UP;
    int rc = ioctl(s, cmd, &r);
    printf("%s %s: %s\n", tag, name, rc < 0 ? strerrorname_np(errno) : "ok");
}

static void raw(const char *tag, int fd, unsigned long cmd) {
    char buf[256];
    memset(buf, 0, sizeof buf);
    snprintf(buf, IFNAMSIZ, "eth0");
    int rc = ioctl(fd, cmd, buf);
    printf("%s: %s\n", tag, rc < 0 ? strerrorname_np(errno) : "ok");
}

int main(void) {
    s = socket(AF_INET, SOCK_DGRAM, 0);
    nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    const char *names[] = {"eth0", "eth1", "lo", "nope0"};
    for (int i = 0; i < 4; i++) {
        get(s, "index", SIOCGIFINDEX, names[i]);
        get(s, "flags", SIOCGIFFLAGS, names[i]);
        get(s, "mtu", SIOCGIFMTU, names[i]);
        get(s, "hwaddr", SIOCGIFHWADDR, names[i]);
        get(s, "addr", SIOCGIFADDR, names[i]);
        get(s, "mask", SIOCGIFNETMASK, names[i]);
        get(s, "brd", SIOCGIFBRDADDR, names[i]);
        get(s, "dst", SIOCGIFDSTADDR, names[i]);
        get(s, "txqlen", SIOCGIFTXQLEN, names[i]);
        get(s, "metric", SIOCGIFMETRIC, names[i]);
    }
    get(nl, "netlink-index", SIOCGIFINDEX, "eth0");
    get(nl, "netlink-addr", SIOCGIFADDR, "eth0");
    for (int idx = 1; idx <= 4; idx++) {
        struct ifreq r;
        memset(&r, 0, sizeof r);
        r.ifr_ifindex = idx;
        int rc = ioctl(s, SIOCGIFNAME, &r);
        printf("name %d: %s\n", idx, rc < 0 ? strerrorname_np(errno) : r.ifr_name);
    }
    struct ifconf c;
    memset(&c, 0, sizeof c);
    int rc = ioctl(s, SIOCGIFCONF, &c);
    printf("conf size: %s %d\n", rc < 0 ? strerrorname_np(errno) : "ok", c.ifc_len);
    struct ifreq rs[8];
    c.ifc_len = sizeof rs;
    c.ifc_req = rs;
    ioctl(s, SIOCGIFCONF, &c);
    for (int i = 0; i < c.ifc_len / (int)sizeof(struct ifreq); i++)
        printf("conf %s %s\n", rs[i].ifr_name, in4(&rs[i].ifr_addr));
    c.ifc_len = sizeof(struct ifreq) + 8; /* room for one whole entry */
    ioctl(s, SIOCGIFCONF, &c);
    printf("conf short: %d\n", c.ifc_len);

    set("setmtu", SIOCSIFMTU, "eth1", 1400);
    get(s, "mtu", SIOCGIFMTU, "eth1");
    set("setmtu", SIOCSIFMTU, "eth1", 10);
    set("setmtu", SIOCSIFMTU, "nope0", 1400);
    set("setflags", SIOCSIFFLAGS, "eth1", 0);
    set("setaddr", SIOCSIFADDR, "eth1", 0);
    set("setaddr", SIOCSIFADDR, "nope0", 0);
    set("setmask", SIOCSIFNETMASK, "eth1", 0);
    set("sethwaddr", SIOCSIFHWADDR, "eth1", 0);
    set("setname", SIOCSIFNAME, "eth1", 0);
    set("settxqlen", SIOCSIFTXQLEN, "eth1", 0);
    set("addmulti", SIOCADDMULTI, "eth1", 0);
    raw("addrt", s, SIOCADDRT);
    raw("delrt", s, SIOCDELRT);
    raw("difaddr", s, SIOCDIFADDR);
    raw("sarp", s, SIOCSARP);
    raw("garp", s, SIOCGARP);
    raw("darp", s, SIOCDARP);
    raw("ethtool", s, SIOCETHTOOL);
    raw("miiphy", s, SIOCGMIIPHY);
    raw("count", s, SIOCGIFCOUNT);
    raw("devprivate", s, SIOCDEVPRIVATE);
    raw("tunsetiff-socket", s, TUNSETIFF);
    /* Other families: the same answers (ifhwioctl is family-independent), addresses only
       through AF_INET. */
    const int fams[] = {AF_INET6, AF_UNIX, AF_PACKET};
    const char *fam_names[] = {"inet6", "unix", "packet"};
    for (int i = 0; i < 3; i++) {
        int f = socket(fams[i], SOCK_DGRAM, 0);
        char tag[32];
        if (f < 0) {
            printf("%s-socket: %s\n", fam_names[i], strerrorname_np(errno));
            continue;
        }
        snprintf(tag, sizeof tag, "%s-index", fam_names[i]);
        get(f, tag, SIOCGIFINDEX, "lo");
        snprintf(tag, sizeof tag, "%s-addr", fam_names[i]);
        get(f, tag, SIOCGIFADDR, "lo");
        snprintf(tag, sizeof tag, "%s-addrt", fam_names[i]);
        raw(tag, f, SIOCADDRT);
        close(f);
    }
    int t = open("/dev/net/tun", O_RDWR);
    printf("open tun: %s\n", t < 0 ? strerrorname_np(errno) : "ok");
    int nul = open("/dev/null", O_RDWR);
    raw("tunsetiff-null", nul, TUNSETIFF);
    raw("siocgifmtu-null", nul, SIOCGIFMTU);
    return 0;
}
