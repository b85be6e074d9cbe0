// SPDX-License-Identifier: BSD-2-Clause
// Concurrency probe: threads each run many GETLINK dumps on their own socket while one thread
// shares a socket with a forked child; every dump must be complete and well-formed.
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define THREADS 4
#define DUMPS 150

static int dump(int fd, unsigned seq) {
    struct {
        struct nlmsghdr h;
        struct rtgenmsg g;
        char pad[3];
    } r;
    memset(&r, 0, sizeof r);
    r.h.nlmsg_len = 20;
    r.h.nlmsg_type = RTM_GETLINK;
    r.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    r.h.nlmsg_seq = seq;
    if (send(fd, &r, 20, 0) != 20) return -1;
    char buf[8192];
    int links = 0;
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) return -2;
        for (struct nlmsghdr *h = (void *)buf; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_seq != seq) return -3;
            if (h->nlmsg_type == NLMSG_DONE) return links;
            if (h->nlmsg_type != RTM_NEWLINK) return -4;
            links++;
        }
    }
}

static void *worker(void *arg) {
    long id = (long)arg, bad = 0, first = -1;
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    for (int i = 0; i < DUMPS; i++) {
        int l = dump(fd, (unsigned)(id * 1000 + i + 1));
        if (first < 0) first = l;
        if (l != first || l <= 0) bad++;
    }
    close(fd);
    return (void *)(bad * 1000 + first);
}

int main(void) {
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        long v = (long)r;
        printf("thread %d: links %ld, bad dumps %ld\n", i, v % 1000, v / 1000);
    }
    /* a socket shared with a forked child, used in turn: same port id, same queue */
    int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    struct sockaddr_nl a = {.nl_family = AF_NETLINK};
    socklen_t al = sizeof a;
    bind(fd, (struct sockaddr *)&a, sizeof a);
    getsockname(fd, (struct sockaddr *)&a, &al);
    unsigned port = a.nl_pid;
    pid_t c = fork();
    if (c == 0) {
        int ok = 0;
        for (int i = 0; i < 50; i++) ok += dump(fd, (unsigned)(5000 + i)) > 0;
        getsockname(fd, (struct sockaddr *)&a, &al);
        _exit(ok == 50 && a.nl_pid == port ? 0 : 1);
    }
    int st, mine = 0;
    waitpid(c, &st, 0);
    for (int i = 0; i < 50; i++) mine += dump(fd, (unsigned)(6000 + i)) > 0;
    printf("shared socket: child status %d, parent %d/50\n", WEXITSTATUS(st), mine);
    return 0;
}
