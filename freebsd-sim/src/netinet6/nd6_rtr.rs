// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netinet6/nd6_rtr.c`: `nd6_prefix_offlink()` bringing a prefix on-link on
//! another interface once its route is gone.

use std::net::IpAddr;

use crate::kernel::Kernel;
use crate::state::mask_addr;
use freebsd_abi::*;

impl Kernel {
    /// The re-homing half of `nd6_prefix_offlink()`.
    pub(crate) fn rehome_prefix_v6(&mut self, prefix: &IpAddr, plen: u8) {
        let (lo, hi) = crate::table::prefix_bounds(prefix, plen);
        let cand = self.state.ifas.in_range(lo, hi).into_iter().find(|a| {
            a.family() == AF_INET6 && a.plen == plen && mask_addr(&a.addr, plen) == *prefix
        });
        let Some(a) = cand.cloned() else {
            return;
        };
        let Some(i) = self.state.iface(a.ifindex).cloned() else {
            return;
        };
        if let Some((d, p, nh)) = self.prefix_route(&i, &a) {
            self.install_route(d, p, 0, nh);
        }
    }
}
