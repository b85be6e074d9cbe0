#!/bin/sh
# Clients killed mid-dump and mid-request (cli/tests/load.rs), run natively or as the program
# under `nlcompat run`. $1: work directory; $2: directory of the compiled helpers. Meanwhile
# four clients make 3 000 checked requests each; under the runner the script's parent is the
# runner, whose open descriptors (two per emulated socket) are counted before and after.
set -e
D=$1 B=$2
cd "$D"
fds() { ls "/proc/$PPID/fd" | wc -l; }
"$B/changer" add 3000 >/dev/null
before=$(fds)
"$B/clients" 4 3000 > clients.out 2>&1 & pc=$!
v=
trap 'kill $pc $v 2>/dev/null || true' EXIT
i=0
while [ $i -lt 20 ]; do
    rm -f victim.out
    "$B/deadbeat" dump > victim.out & v=$!
    j=0
    until grep -q mid-dump victim.out 2>/dev/null; do
        sleep 0.01
        j=$((j + 1))
        [ $j -lt 1000 ] || { echo "the dump victim never started" >&2; exit 3; }
    done
    kill -9 $v
    wait $v || true
    "$B/deadbeat" loop & v=$!
    sleep 0.05
    kill -9 $v
    wait $v || true
    i=$((i + 1))
done
echo "victims: 20 killed mid-dump, 20 killed mid-request"
wait $pc || { cat clients.out >&2; exit 5; }
trap - EXIT
cat clients.out
# The runner learns of a process's end through a pidfd; give it up to 5 s.
i=0
while [ "$(fds)" -gt "$before" ] && [ $i -lt 50 ]; do
    sleep 0.1
    i=$((i + 1))
done
echo "runner-fds $before $(fds)"
