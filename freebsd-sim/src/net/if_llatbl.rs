// SPDX-License-Identifier: BSD-2-Clause
//! Link-layer tables: `sys/net/if_llatbl.c` (`lltable_link_entry`,
//! `lltable_unlink_entry`), each change announced through `rtnl_lle_event`
//! (`sys/netlink/route/neigh.c`).

use std::net::IpAddr;

use crate::kernel::Kernel;
use crate::state::Neigh;
use freebsd_abi::*;

impl Kernel {
    /// Links an lltable entry (replacing one for the same address) and announces it.
    pub(crate) fn lle_add(&mut self, n: Neigh) {
        self.state.neighs.push(n.clone());
        self.neigh_event(&n, NL_RTM_NEWNEIGH);
    }

    /// Unlinks an lltable entry and announces it; false when absent.
    pub(crate) fn lle_del(&mut self, ifindex: u32, dst: &IpAddr) -> bool {
        let Some(n) = self.state.neighs.remove(ifindex, dst) else {
            return false;
        };
        self.neigh_event(&n, NL_RTM_DELNEIGH);
        true
    }
}
