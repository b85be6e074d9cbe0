// SPDX-License-Identifier: BSD-2-Clause
// A slow reader of `ip monitor route` output (cli/tests/load.rs): copies stdin lines to OUT,
// pausing 100 ms after every 200 lines, 1 s after the first 1 000 (so `ip monitor` blocks on
// its stdout and stops reading its netlink socket), creates READY_FILE at the first ready marker (10.255.254.0/24) and exits
// at the end marker (an added 10.255.255.0/24).
//   slowcat OUT READY_FILE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3)
        return 2;
    FILE *out = fopen(argv[1], "w");
    if (!out)
        return 1;
    char line[4096];
    long n = 0;
    int ready = 0;
    while (fgets(line, sizeof line, stdin)) {
        if (strstr(line, "10.255.254.0/24")) {
            if (!ready)
                close(open(argv[2], O_CREAT | O_WRONLY, 0644));
            ready = 1;
            continue;
        }
        if (strncmp(line, "10.255.255.0/24 ", 16) == 0) {
            fprintf(out, "END\n");
            return fclose(out) != 0;
        }
        if (strstr(line, "10.255.255.0/24"))
            continue;
        fputs(line, out);
        if (++n % 200 == 0)
            usleep(n == 1000 ? 1000000 : 100000);
    }
    return 1;
}
