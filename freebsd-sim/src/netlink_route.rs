// SPDX-License-Identifier: BSD-2-Clause
//! NETLINK_ROUTE dispatch: `sys/netlink/netlink_route.c` (`rtnl_handle_message`: the
//! handler table, "unknown message type: %d", privilege checks).

use crate::kernel::{Kernel, Req};
use freebsd_abi::*;

impl Kernel {
    /// `rtnl_handle_message()`: handler table lookup, privilege check, call.
    pub(crate) fn rtnl_handle_message(&mut self, req: &mut Req) -> i32 {
        let ty = req.ty();
        // (handler, needs privilege)
        type H = fn(&mut Kernel, &mut Req) -> i32;
        let (h, needs_priv): (H, bool) = match ty {
            NL_RTM_NEWLINK => (Kernel::rtnl_handle_newlink, true),
            NL_RTM_DELLINK => (Kernel::rtnl_handle_dellink, true),
            NL_RTM_GETLINK => (Kernel::rtnl_handle_getlink, false),
            NL_RTM_NEWADDR | NL_RTM_DELADDR => (Kernel::rtnl_handle_addr, true),
            NL_RTM_GETADDR => (Kernel::rtnl_handle_getaddr, false),
            NL_RTM_NEWROUTE => (Kernel::rtnl_handle_newroute, true),
            NL_RTM_DELROUTE => (Kernel::rtnl_handle_delroute, true),
            NL_RTM_GETROUTE => (Kernel::rtnl_handle_getroute, false),
            NL_RTM_NEWNEIGH => (Kernel::rtnl_handle_newneigh, true),
            NL_RTM_DELNEIGH => (Kernel::rtnl_handle_delneigh, true),
            NL_RTM_GETNEIGH => (Kernel::rtnl_handle_getneigh, false),
            NL_RTM_NEWNEXTHOP => (Kernel::rtnl_handle_newnhop, true),
            NL_RTM_DELNEXTHOP => (Kernel::rtnl_handle_delnhop, true),
            NL_RTM_GETNEXTHOP => (Kernel::rtnl_handle_getnhop, false),
            _ => {
                req.npt.err(format!("unknown message type: {ty}"));
                return ENOTSUP;
            }
        };
        if needs_priv && !req.cred.privileged() {
            return EPERM;
        }
        h(self, req)
    }
}
