// SPDX-License-Identifier: BSD-2-Clause
//! Routing table changes: `sys/net/route/route_ctl.c` (`rib_add_route_px`,
//! `add_route_flags`, `rib_del_route_px`, `rt_delete_conditional`) and the nexthop
//! defaults of `sys/net/route/nhop_ctl.c` (`nhop_alloc`).

use std::net::IpAddr;

use crate::kernel::Kernel;
use crate::state::{is_v6_linklocal, mask_addr, Gw, Nhop, Route, RouteNh};
use freebsd_abi::*;

/// `RTM_F_*` operation flags (`net/route/route_ctl.h`).
pub(crate) const RTM_F_CREATE: u32 = 0x01;
pub(crate) const RTM_F_EXCL: u32 = 0x02;
pub(crate) const RTM_F_REPLACE: u32 = 0x04;
pub(crate) const RTM_F_APPEND: u32 = 0x08;
pub(crate) const RTM_F_FORCE: u32 = 0x10;

/// `rc_cmd` of a `rib_cmd_info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RcCmd {
    Add,
    Change,
    Delete,
}

/// `struct rib_cmd_info`: what changed, with the route as it is to be reported.
#[derive(Debug, Clone)]
pub(crate) struct Rc {
    pub(crate) cmd: RcCmd,
    /// The route with `rc_nh_new` (add/change) or `rc_nh_old` (delete).
    pub(crate) route: Route,
}

impl Kernel {
    /// A nexthop with the common defaults.
    pub(crate) fn new_nhop(&self, gw: Gw, ifindex: u32, rtflags: u32, origin: u8) -> Nhop {
        Nhop {
            gw,
            ifindex,
            rtflags,
            mtu: 0,
            origin,
            expire: 0,
            blackhole: false,
            reject: false,
            kidx: 0,
            uidx: 0,
        }
    }

    /// `rib_add_route_px()` + `add_route_flags()`.
    pub(crate) fn rib_add(
        &mut self,
        fib: u32,
        dst: IpAddr,
        plen: u8,
        zone: u32,
        rnh: RouteNh,
        op: u32,
    ) -> Result<Rc, i32> {
        let dst = mask_addr(&dst, plen);
        let zone = match dst {
            IpAddr::V6(v) if is_v6_linklocal(&v) => zone,
            _ => 0,
        };
        let old = self.state.routes.get(fib, &dst, plen, zone).cloned();
        let new_route = Route {
            fib,
            dst,
            plen,
            zone,
            nh: rnh.clone(),
        };
        let Some(old) = old else {
            if op & RTM_F_CREATE == 0 {
                return Err(ESRCH);
            }
            self.state.routes.insert(new_route.clone());
            return Ok(Rc {
                cmd: RcCmd::Add,
                route: new_route,
            });
        };
        if op & RTM_F_EXCL != 0 {
            return Err(EEXIST);
        }
        if op & RTM_F_REPLACE != 0 {
            if route_pinned(&old) && !nh_pinned(&rnh) {
                return Err(EEXIST);
            }
            self.state.routes.set_nh(fib, &dst, plen, zone, rnh);
            return Ok(Rc {
                cmd: RcCmd::Change,
                route: new_route,
            });
        }
        if op & RTM_F_APPEND != 0 && can_multipath(&old.nh) && can_multipath(&rnh) {
            let mut legs: Vec<(Nhop, u32)> = match old.nh {
                RouteNh::Single { nh, weight } => vec![(nh, weight)],
                RouteNh::Group { nhops, .. } => nhops,
            };
            match rnh {
                RouteNh::Single { nh, weight } => legs.push((nh, weight)),
                RouteNh::Group { nhops, .. } => legs.extend(nhops),
            }
            let kidx = self.alloc_grp_idx();
            let g = RouteNh::Group {
                nhops: legs,
                kidx,
                uidx: 0,
                origin: RTPROT_UNSPEC,
            };
            self.state.routes.set_nh(fib, &dst, plen, zone, g.clone());
            return Ok(Rc {
                cmd: RcCmd::Change,
                route: Route { nh: g, ..new_route },
            });
        }
        Err(EEXIST)
    }

    /// `rib_del_route_px()` + `rt_delete_conditional()`: `filter` selects the paths to
    /// remove; ESRCH when none match; EADDRINUSE for pinned routes without `force`.
    pub(crate) fn rib_del(
        &mut self,
        fib: u32,
        dst: &IpAddr,
        plen: u8,
        zone: u32,
        filter: &dyn Fn(&Nhop) -> bool,
        force: bool,
    ) -> Result<Rc, i32> {
        let dst = mask_addr(dst, plen);
        let zone = match dst {
            IpAddr::V6(v) if is_v6_linklocal(&v) => zone,
            _ => 0,
        };
        let old = self
            .state
            .find_route(fib, &dst, plen, zone)
            .cloned()
            .ok_or(ESRCH)?;
        let (dst, zone) = (old.dst, old.zone);
        match &old.nh {
            RouteNh::Single { nh, .. } => {
                if !filter(nh) {
                    return Err(ESRCH);
                }
                if !force && nh.rtflags & RTF_PINNED != 0 {
                    return Err(EADDRINUSE);
                }
                self.state.routes.remove(fib, &dst, plen, zone);
                Ok(Rc {
                    cmd: RcCmd::Delete,
                    route: old,
                })
            }
            RouteNh::Group { nhops, .. } => {
                let keep: Vec<(Nhop, u32)> =
                    nhops.iter().filter(|(n, _)| !filter(n)).cloned().collect();
                if keep.len() == nhops.len() {
                    return Err(ESRCH);
                }
                if keep.is_empty() {
                    self.state.routes.remove(fib, &dst, plen, zone);
                    return Ok(Rc {
                        cmd: RcCmd::Delete,
                        route: old,
                    });
                }
                let nh = if keep.len() == 1 {
                    let (n, w) = keep.into_iter().next().unwrap_or_else(|| {
                        (self.new_nhop(Gw::Link(0), 0, 0, 0), RT_DEFAULT_WEIGHT)
                    });
                    RouteNh::Single { nh: n, weight: w }
                } else {
                    RouteNh::Group {
                        nhops: keep,
                        kidx: self.alloc_grp_idx(),
                        uidx: 0,
                        origin: RTPROT_UNSPEC,
                    }
                };
                self.state.routes.set_nh(fib, &dst, plen, zone, nh.clone());
                Ok(Rc {
                    cmd: RcCmd::Change,
                    route: Route { nh, ..old },
                })
            }
        }
    }
}

/// Host prefix length of a family.
pub(crate) fn max_plen(fam: u8) -> u8 {
    if fam == AF_INET {
        32
    } else {
        128
    }
}

/// Whether a route sends through the interface (any path).
pub(crate) fn route_uses_if(r: &Route, index: u32) -> bool {
    match &r.nh {
        RouteNh::Single { nh, .. } => nh.ifindex == index,
        RouteNh::Group { nhops, .. } => nhops.iter().any(|(n, _)| n.ifindex == index),
    }
}

fn nh_pinned(n: &RouteNh) -> bool {
    match n {
        RouteNh::Single { nh, .. } => nh.rtflags & RTF_PINNED != 0,
        RouteNh::Group { .. } => false,
    }
}

fn route_pinned(r: &Route) -> bool {
    nh_pinned(&r.nh)
}

/// `nhop_can_multipath()`: gateway nexthops and groups only.
fn can_multipath(n: &RouteNh) -> bool {
    match n {
        RouteNh::Single { nh, .. } => nh.is_gateway() && !nh.blackhole && !nh.reject,
        RouteNh::Group { .. } => true,
    }
}
