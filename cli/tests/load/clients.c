// SPDX-License-Identifier: BSD-2-Clause
// Load client for cli/tests/load.rs: N processes, each with its own NETLINK_ROUTE socket,
// send M requests each and check every reply: sequence number (each process has its own
// sequence space, so a reply delivered to the wrong socket is caught), nlmsg_pid (the
// socket's own port id, read with getsockname), message type, and the count (every request
// is answered; a receive timeout is a lost reply).
//
// Requests, by index i: i % 50 == 0: RTM_GETADDR dump (waited for alone; parts until
// NLMSG_DONE); i % 10 == 5: RTM_GETLINK of a missing name (NLMSG_ERROR, errno < 0);
// otherwise RTM_GETLINK of "lo" (one RTM_NEWLINK), pipelined up to WINDOW outstanding.
//
// usage: clients NPROC NREQ       exit 0 and a summary line when everything checked out
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#define WINDOW 8

static int fd;
static uint32_t port;
static int me;
static char buf[1 << 16];
static long replies, dump_msgs, errors_seen;

static void die(const char *what, uint32_t seq) {
    fprintf(stderr, "client %d (port %u) seq %#x: %s (errno %d)\n", me, port, seq, what, errno);
    exit(1);
}

static void send_req(uint32_t seq, int kind) {
    struct {
        struct nlmsghdr h;
        union {
            struct ifinfomsg ifi;
            struct ifaddrmsg ifa;
        } u;
        char attrs[64];
    } r;
    memset(&r, 0, sizeof r);
    r.h.nlmsg_seq = seq;
    r.h.nlmsg_flags = NLM_F_REQUEST;
    if (kind == 0) {
        r.h.nlmsg_type = RTM_GETADDR;
        r.h.nlmsg_flags |= NLM_F_DUMP;
        r.h.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifaddrmsg));
    } else {
        const char *name = kind == 1 ? "lo" : "nosuchif0";
        r.h.nlmsg_type = RTM_GETLINK;
        struct rtattr *a = (struct rtattr *)((char *)&r + NLMSG_LENGTH(sizeof(struct ifinfomsg)));
        a->rta_type = IFLA_IFNAME;
        a->rta_len = RTA_LENGTH(strlen(name) + 1);
        memcpy(RTA_DATA(a), name, strlen(name) + 1);
        r.h.nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg)) + RTA_ALIGN(a->rta_len);
    }
    if (send(fd, &r, r.h.nlmsg_len, 0) != (ssize_t)r.h.nlmsg_len)
        die("send", seq);
}

/* Receive datagrams until the reply to `seq` (kind) is complete. */
static void expect(uint32_t seq, int kind) {
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n < 0)
            die(errno == EAGAIN ? "reply lost (receive timed out)" : "recv", seq);
        for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_seq != seq) {
                fprintf(stderr, "client %d: got seq %#x type %u, expected seq %#x\n", me, h->nlmsg_seq,
                        h->nlmsg_type, seq);
                exit(1);
            }
            if (h->nlmsg_pid != port) {
                fprintf(stderr, "client %d: seq %#x addressed to port %u, mine is %u\n", me, seq,
                        h->nlmsg_pid, port);
                exit(1);
            }
            switch (kind) {
            case 0:
                if (h->nlmsg_type == NLMSG_DONE) {
                    replies++;
                    return;
                }
                if (h->nlmsg_type != RTM_NEWADDR || !(h->nlmsg_flags & NLM_F_MULTI))
                    die("unexpected message in a dump", seq);
                dump_msgs++;
                break;
            case 1:
                if (h->nlmsg_type != RTM_NEWLINK)
                    die("expected RTM_NEWLINK", seq);
                replies++;
                return;
            default:
                if (h->nlmsg_type != NLMSG_ERROR || ((struct nlmsgerr *)NLMSG_DATA(h))->error >= 0)
                    die("expected an error", seq);
                errors_seen++;
                replies++;
                return;
            }
        }
    }
}

static int kind_of(int i) { return i % 50 == 0 ? 0 : i % 10 == 5 ? 2 : 1; }

static int client(int nreq) {
    fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    if (fd < 0)
        die("socket", 0);
    struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
    socklen_t sl = sizeof sa;
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) || getsockname(fd, (struct sockaddr *)&sa, &sl))
        die("bind/getsockname", 0);
    port = sa.nl_pid;
    struct timeval tv = {.tv_sec = 30};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    uint32_t base = (uint32_t)(me + 1) << 20;
    int sent = 0, done = 0;
    while (done < nreq) {
        /* Fill the window with GETLINK requests; a dump goes alone. */
        while (sent < nreq && sent - done < WINDOW) {
            if (kind_of(sent) == 0 && sent != done)
                break;
            send_req(base + sent, kind_of(sent));
            sent++;
            if (kind_of(sent - 1) == 0)
                break;
        }
        expect(base + done, kind_of(done));
        done++;
    }
    printf("client %d port %u: %ld replies, %ld dump messages, %ld errors\n", me, port, replies, dump_msgs,
           errors_seen);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3)
        return 2;
    int nproc = atoi(argv[1]), nreq = atoi(argv[2]);
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int i = 0; i < nproc; i++) {
        pid_t p = fork();
        if (p == 0) {
            me = i;
            return client(nreq);
        }
        if (p < 0) {
            perror("fork");
            return 1;
        }
    }
    int bad = 0, st;
    while (wait(&st) > 0)
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
            bad++;
    printf("%d clients, %d failed\n", nproc, bad);
    return bad != 0;
}
