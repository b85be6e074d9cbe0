#!/bin/sh
# A client that never reads (cli/tests/load.rs), run natively or under `nlcompat run`.
# $1: work directory; $2: directory of the compiled helpers. While it sits on its unread
# queue, 20 000 route changes are made and two clients make 2 000 checked requests each.
set -e
D=$1 B=$2
cd "$D"
"$B/deadbeat" never go > deadbeat.out & d=$!
# On failure, do not leave it waiting forever (the runner waits for every descendant).
trap 'kill $d 2>/dev/null || true' EXIT
i=0
until grep -q "not reading" deadbeat.out 2>/dev/null; do
    sleep 0.05
    i=$((i + 1))
    [ $i -lt 2000 ] || { echo "deadbeat never finished sending" >&2; exit 3; }
done
"$B/changer" 20000 -
"$B/clients" 2 2000
touch go
wait $d
trap - EXIT
cat deadbeat.out
