#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# session.sh LOGFILE: one session of systemd-networkd. Start it, wait until it reports both
# managed links configured (its state files, at most 15 s), print the state with `ip`
# (served by the same kernel), stop it and print its exit status. Its log goes to LOGFILE.
log=$1
/lib/systemd/systemd-networkd >"$log" 2>&1 &
pid=$!
i=0
while [ $i -lt 150 ]; do
  n=$(grep -l '^ADMIN_STATE=configured' /run/systemd/netif/links/* 2>/dev/null | wc -l)
  [ "$n" -ge 2 ] && break
  sleep 0.1
  i=$((i + 1))
done
# The managed links' states (unmanaged ones change at moments of their own).
for f in $(grep -L '^ADMIN_STATE=unmanaged' /run/systemd/netif/links/*); do
  idx=${f##*/}
  name=$(ip -o link show | sed -n "s/^$idx: \([^:@]*\).*/\1/p")
  echo "state $name $(grep -h -E '^(ADMIN|OPER)_STATE=' "$f" | tr '\n' ' ')"
done | sort
ip -o link show | sed -n 's/^[0-9]*: \([^:@]*\)[^<]*\(<[^>]*>\) mtu \([0-9]*\).*/link \1 \2 mtu \3/p'
ip -br addr
ip route
ip -6 route
kill -TERM $pid
wait $pid
echo "networkd exit $?"
