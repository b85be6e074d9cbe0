// SPDX-License-Identifier: BSD-2-Clause
//! `sys/net/route.c`: `ifa_ifwithroute()`, which `finalize_nhop()`
//! (`sys/netlink/route/rt.c` @72768676) uses to find a gateway's interface.

use std::net::IpAddr;

use crate::kernel::Kernel;
use crate::net::route_ctl::max_plen;
use crate::state::{is_v6_linklocal, RouteNh};

impl Kernel {
    /// `ifa_ifwithroute(RTF_GATEWAY, …)` (`sys/net/route.c`) as `finalize_nhop()`
    /// (`sys/netlink/route/rt.c`) calls it for a gateway without RTA_OIF: the
    /// point-to-point interface whose peer is the gateway (`ifa_ifwithdstaddr`), else the
    /// interface of the most specific address prefix covering it (`ifa_ifwithnet`,
    /// `sys/net/if.c`: IPv4 point-to-point addresses only match their peer), else the
    /// route to it unless that is the default route ("dismiss a gateway that is reachable
    /// only through the default router"), taking the interface of the route's `nh_ifa`
    /// (for a loopback route to a local address: the interface holding the address).
    /// Interfaces stay in fib 0 (`if_fib`), so the address scans only apply to fib 0.
    /// Unscoped IPv6 link-local gateways (no RTA_OIF: `set_scope6()` in `rt.c` leaves
    /// them without a zone) never match an address or a link-local route: the kernel
    /// keeps the zone embedded in both, so they end in EINVAL.
    pub(crate) fn ifa_ifwithroute(&self, fib: u32, gw: &IpAddr) -> Option<u32> {
        let scoped = matches!(gw, IpAddr::V6(v) if is_v6_linklocal(v));
        if fib == 0 && !scoped {
            if let Some(i) = self.ifa_ifwithdstaddr(gw) {
                return Some(i);
            }
            if let Some(i) = self.ifa_ifwithnet(gw) {
                return Some(i);
            }
        }
        // The rib keys link-local routes with their zone embedded, which an unscoped
        // gateway never matches: only routes without a zone (fe80::/10 and wider) can.
        let r = if scoped {
            self.state.lookup_unzoned(fib, gw)?
        } else {
            self.state.lookup(fib, gw, 0)?
        };
        if r.plen == 0 {
            return None;
        }
        let nh = match &r.nh {
            RouteNh::Single { nh, .. } => nh,
            RouteNh::Group { nhops, .. } => &nhops.first()?.0,
        };
        if r.plen == max_plen(r.family()) && nh.ifindex == self.state.loif().unwrap_or(0) {
            if let Some(a) = self.state.ifas.first_with_addr(&r.dst) {
                return Some(a.ifindex);
            }
        }
        Some(nh.ifindex)
    }
}
