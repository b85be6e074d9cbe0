#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# container.sh CONFDIR COMMAND...: prepare a private mount namespace (run under `unshare -m`)
# the way a container looks to systemd-networkd, then exec COMMAND.
# - /sys read-only: networkd then runs without udev (`udev_available()` in systemd 252 is
#   false on a read-only /sys), as in a container;
# - /run/systemd a fresh tmpfs: the .network files of CONFDIR in /run/systemd/network and an
#   empty state directory /run/systemd/netif for networkd (which drops to systemd-network).
set -e
confdir=$1
shift
mount --make-rprivate /
mount -t sysfs -o ro sysfs /sys 2>/dev/null || mount -o remount,bind,ro /sys
mount -t tmpfs tmpfs /run/systemd
mkdir -p /run/systemd/network /run/systemd/netif
chown systemd-network:systemd-network /run/systemd/netif
cp "$confdir"/*.network /run/systemd/network/
exec "$@"
