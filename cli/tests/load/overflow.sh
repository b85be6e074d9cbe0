#!/bin/sh
# Driver of the notification-overflow test (cli/tests/load.rs), run natively in a network
# namespace or as the program under `nlcompat run`. $1: work directory; $2: directory of the
# compiled helpers; $3: number of changes.
set -e
D=$1 B=$2 N=$3
cd "$D"
head -c 4096 /dev/zero > pace
"$B/listener" slow.out ready.slow slow & p1=$!
"$B/listener" noenobufs.out ready.noenobufs noenobufs & p2=$!
"$B/listener" paced.out ready.paced paced pace & p3=$!
mkfifo ipmon.fifo
ip monitor route > ipmon.fifo 2>&1 & pip=$!
"$B/slowcat" ip.out ready.ip < ipmon.fifo & p4=$!
trap 'kill $p1 $p2 $p3 $p4 $pip 2>/dev/null || true' EXIT
i=0
until [ -e ready.slow ] && [ -e ready.noenobufs ] && [ -e ready.paced ] && [ -e ready.ip ]; do
    "$B/changer" mark 254 >/dev/null
    sleep 0.05
    i=$((i + 1))
    [ $i -lt 400 ] || { echo "listeners never became ready" >&2; exit 3; }
done
start=$(date +%s.%N)
"$B/changer" "$N" pace
end=$(date +%s.%N)
i=0
while kill -0 $p1 2>/dev/null || kill -0 $p2 2>/dev/null || kill -0 $p3 2>/dev/null || kill -0 $p4 2>/dev/null; do
    "$B/changer" mark 255 >/dev/null
    sleep 0.05
    i=$((i + 1))
    [ $i -lt 1200 ] || { echo "listeners never saw the end marker" >&2; exit 4; }
done
kill $pip 2>/dev/null || true
wait $p1 $p2 $p3 $p4
trap - EXIT
awk "BEGIN { printf \"changes-seconds %.2f\\n\", $end - $start }"
