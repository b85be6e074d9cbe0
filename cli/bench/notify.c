// SPDX-License-Identifier: BSD-2-Clause
// `make bench` (cli/bench/e2e.py): the cost of one notified call. Opens a NETLINK_ROUTE
// socket and times, inside the program (so start-up does not count), N calls of two kinds:
//   getsockname  - a notified call without payload (one round trip to the runner);
//   getlink      - RTM_GETLINK for interface 1 (sendto) and its reply (recv): two notified
//                  calls, a request copied out of and a reply copied into the program.
// Prints "getsockname NS_PER_CALL" and "getlink NS_PER_ITERATION" (CLOCK_MONOTONIC).
// Usage: notify [N [getsockname|getlink]] (default: 20000, both loops).
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 20000;
  const char *only = argc > 2 ? argv[2] : "";
  long n1 = strcmp(only, "getlink") == 0 ? 0 : n;
  long n2 = strcmp(only, "getsockname") == 0 ? 0 : n;
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  if (fd < 0) {
    perror("socket");
    return 1;
  }
  struct sockaddr_nl sa = {.nl_family = AF_NETLINK};
  if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
    perror("bind");
    return 1;
  }
  double t0 = now();
  for (long i = 0; i < n1; i++) {
    socklen_t l = sizeof sa;
    if (getsockname(fd, (struct sockaddr *)&sa, &l) < 0) {
      perror("getsockname");
      return 1;
    }
  }
  double t1 = now();
  struct {
    struct nlmsghdr h;
    struct ifinfomsg i;
  } req;
  static char buf[65536];
  struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
  for (long i = 0; i < n2; i++) {
    memset(&req, 0, sizeof req);
    req.h.nlmsg_len = sizeof req;
    req.h.nlmsg_type = RTM_GETLINK;
    req.h.nlmsg_flags = NLM_F_REQUEST;
    req.h.nlmsg_seq = (unsigned)i + 1;
    req.i.ifi_index = 1;
    if (sendto(fd, &req, sizeof req, 0, (struct sockaddr *)&kernel, sizeof kernel) < 0) {
      perror("sendto");
      return 1;
    }
    ssize_t r = recv(fd, buf, sizeof buf, 0);
    if (r < (ssize_t)sizeof(struct nlmsghdr) || ((struct nlmsghdr *)buf)->nlmsg_type != RTM_NEWLINK) {
      fprintf(stderr, "getlink: unexpected reply (%zd bytes)\n", r);
      return 1;
    }
  }
  double t2 = now();
  printf("getsockname %.1f\ngetlink %.1f\n", n1 ? (t1 - t0) / n1 : 0.0, n2 ? (t2 - t1) / n2 : 0.0);
  return 0;
}
