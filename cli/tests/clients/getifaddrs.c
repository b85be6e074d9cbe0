// SPDX-License-Identifier: BSD-2-Clause
// glibc's netlink callers: getifaddrs() (a GETLINK then a GETADDR dump) and if_nameindex()
// (a GETLINK dump). One line per getifaddrs entry: name, family, address (link-layer for
// AF_PACKET, with the IPv6 scope id after '%'), netmask, flags; then one line per index.
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netpacket/packet.h>
#include <stdio.h>
#include <sys/socket.h>

static void show(const struct sockaddr *sa, char *out, size_t len) {
    snprintf(out, len, "-");
    if (!sa)
        return;
    if (sa->sa_family == AF_INET) {
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, len);
    } else if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;
        char a[INET6_ADDRSTRLEN];
        inet_ntop(AF_INET6, &s6->sin6_addr, a, sizeof a);
        if (s6->sin6_scope_id)
            snprintf(out, len, "%s%%%u", a, s6->sin6_scope_id);
        else
            snprintf(out, len, "%s", a);
    } else if (sa->sa_family == AF_PACKET) {
        const struct sockaddr_ll *ll = (const struct sockaddr_ll *)sa;
        size_t n = 0;
        for (int i = 0; i < ll->sll_halen && n + 4 < len; i++)
            n += (size_t)snprintf(out + n, len - n, i ? ":%02x" : "%02x", ll->sll_addr[i]);
    }
}

int main(void) {
    struct ifaddrs *ifa, *p;
    if (getifaddrs(&ifa) != 0) {
        perror("getifaddrs");
        return 1;
    }
    for (p = ifa; p; p = p->ifa_next) {
        char addr[128], mask[128];
        int fam = p->ifa_addr ? p->ifa_addr->sa_family : -1;
        show(p->ifa_addr, addr, sizeof addr);
        show(fam == AF_PACKET ? NULL : p->ifa_netmask, mask, sizeof mask);
        printf("%s fam=%d %s %s flags=%#x\n", p->ifa_name, fam, addr, mask, p->ifa_flags);
    }
    freeifaddrs(ifa);
    struct if_nameindex *ni = if_nameindex(), *q;
    if (!ni) {
        perror("if_nameindex");
        return 1;
    }
    for (q = ni; q->if_index; q++)
        printf("if %u %s\n", q->if_index, q->if_name);
    if_freenameindex(ni);
    return 0;
}
