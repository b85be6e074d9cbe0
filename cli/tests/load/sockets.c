// SPDX-License-Identifier: BSD-2-Clause
// A thousand netlink sockets in one process (cli/tests/load.rs), three rounds: open 1 000
// NETLINK_ROUTE sockets (raising RLIMIT_NOFILE), autobind each (all port ids distinct, the
// first one the process id, as Linux's netlink_autobind gives it), send one RTM_GETLINK for
// "lo" on every socket, then read every reply (right sequence number and port id on each
// socket), close them all. After each round a fresh socket must get the process id again:
// the closed sockets' state (their port ids) is freed.
// Prints, per round, the seconds taken and, with RUNNER_FDS set, the runner's open
// descriptors (its parent's /proc/PID/fd) before and after the round.
#include <dirent.h>
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define N 1000

static int fds_of(pid_t pid) {
    char p[64];
    snprintf(p, sizeof p, "/proc/%d/fd", (int)pid);
    DIR *d = opendir(p);
    if (!d)
        return -1;
    int n = 0;
    while (readdir(d))
        n++;
    closedir(d);
    return n - 2;
}

static uint32_t bound_port(int fd) {
    struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
    socklen_t sl = sizeof sa;
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) || getsockname(fd, (struct sockaddr *)&sa, &sl)) {
        perror("sockets: bind");
        exit(1);
    }
    return sa.nl_pid;
}

int main(void) {
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur < 4096) {
        rl.rlim_cur = rl.rlim_max < 4096 ? rl.rlim_max : 4096;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    int runner_fds = getenv("RUNNER_FDS") != NULL;
    static int fd[N];
    static uint32_t port[N];
    static char buf[65536];
    for (int round = 0; round < 3; round++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        int before = runner_fds ? fds_of(getppid()) : 0;
        for (int i = 0; i < N; i++) {
            fd[i] = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
            if (fd[i] < 0) {
                fprintf(stderr, "sockets: socket %d: %s\n", i, strerror(errno));
                return 1;
            }
            port[i] = bound_port(fd[i]);
            for (int j = 0; j < i; j++)
                if (port[j] == port[i]) {
                    fprintf(stderr, "sockets: port %u twice\n", port[i]);
                    return 1;
                }
        }
        if (port[0] != (uint32_t)getpid()) {
            fprintf(stderr, "sockets: round %d: first port %u, pid %d\n", round, port[0], (int)getpid());
            return 1;
        }
        struct timeval tv = {.tv_sec = 10};
        for (int i = 0; i < N; i++) {
            struct {
                struct nlmsghdr h;
                struct ifinfomsg ifi;
                struct rtattr a;
                char name[4];
            } r;
            memset(&r, 0, sizeof r);
            r.h.nlmsg_len = sizeof r;
            r.h.nlmsg_type = RTM_GETLINK;
            r.h.nlmsg_flags = NLM_F_REQUEST;
            r.h.nlmsg_seq = 7000 + i;
            r.a.rta_type = IFLA_IFNAME;
            r.a.rta_len = RTA_LENGTH(3);
            memcpy(r.name, "lo", 3);
            setsockopt(fd[i], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
            if (send(fd[i], &r, sizeof r, 0) != sizeof r) {
                perror("sockets: send");
                return 1;
            }
        }
        for (int i = 0; i < N; i++) {
            ssize_t n = recv(fd[i], buf, sizeof buf, 0);
            struct nlmsghdr *h = (struct nlmsghdr *)buf;
            if (n < (ssize_t)sizeof *h || h->nlmsg_type != RTM_NEWLINK || h->nlmsg_seq != (uint32_t)(7000 + i) ||
                h->nlmsg_pid != port[i]) {
                fprintf(stderr, "sockets: socket %d: bad reply (%zd bytes)\n", i, n);
                return 1;
            }
        }
        int during = runner_fds ? fds_of(getppid()) : 0;
        for (int i = 0; i < N; i++)
            close(fd[i]);
        int again = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
        uint32_t p = bound_port(again);
        if (p != (uint32_t)getpid()) {
            fprintf(stderr, "sockets: after closing all, a new socket got port %u, not the pid %d\n", p,
                    (int)getpid());
            return 1;
        }
        close(again);
        /* Give the runner a socket call to notice the closes by (its sweep runs on bind). */
        int probe = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
        bound_port(probe);
        int after = runner_fds ? fds_of(getppid()) : 0;
        close(probe);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        printf("round %d: %d sockets ok in %.2f s; runner fds %d before, %d with them open, %d after closing\n", round,
               N, (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, before, during, after);
    }
    return 0;
}
