// SPDX-License-Identifier: BSD-2-Clause
//! User nexthops and groups: `sys/netlink/route/nexthop.c` (`rtnl_handle_newnhop`,
//! `newnhop`, `newnhg`, `rtnl_handle_delnhop`, `delete_unhop`, `rtnl_handle_getnhop`,
//! `dump_nhop`, `dump_nhgrp`, `nl_find_nhop`).

use crate::limits::{NETLINK_ROUTE, NLMSG_SMALL};
use std::net::IpAddr;

use super::link::Tmpl;
use crate::kernel::{Kernel, Req};
use crate::parse::{fixed_header, get_flag, get_ip, get_u32, rd32, rd8, walk_attrs};
use crate::state::{family_of, Gw, RouteNh, UserNhop};
use crate::topology::{NexthopDef, TopologyError};
use crate::writer::Writer;
use freebsd_abi::*;

/// `dump_unhop()`: `dump_nhop` or `dump_nhgrp`.
fn dump_unhop(w: &mut Writer, u: &UserNhop, protocol: u8, t: Tmpl) {
    w.add(t.pid, t.seq, t.ty, t.flags, 8);
    let mut h = [0u8; 8];
    h[0] = if u.group.is_empty() {
        u.gw.as_ref().map_or(AF_UNSPEC, family_of)
    } else {
        AF_UNSPEC
    };
    h[2] = protocol;
    w.put(&h);
    w.attr_u32(NHA_ID, u.id);
    if !u.group.is_empty() {
        w.attr_u16(NHA_GROUP_TYPE, freebsd_abi::NEXTHOP_GRP_TYPE_MPATH);
        let mut g = Vec::with_capacity(u.group.len().saturating_mul(8));
        for (id, weight) in &u.group {
            g.extend_from_slice(&id.to_ne_bytes());
            g.push(u8::try_from(*weight & 0xff).unwrap_or(0));
            g.extend_from_slice(&[0, 0, 0]);
        }
        w.attr(NHA_GROUP, &g);
    } else if u.blackhole {
        w.attr(NHA_BLACKHOLE, &[]);
    } else {
        w.attr_u32(NHA_OIF, u.ifindex);
        match u.gw {
            Some(IpAddr::V4(a)) => w.attr(NHA_GATEWAY, &a.octets()),
            Some(IpAddr::V6(a)) => w.attr(NHA_GATEWAY, &a.octets()),
            None => {}
        }
    }
    w.end();
}

#[derive(Debug, Default)]
struct ParsedNhop {
    id: u32,
    blackhole: bool,
    groups: bool,
    oif: u32,
    gw: Option<IpAddr>,
    group: Option<Vec<(u32, u32)>>,
    family: u8,
    protocol: u8,
}

impl Kernel {
    fn parse_nhmsg(&self, req: &mut Req) -> Result<ParsedNhop, i32> {
        let payload = req.payload().to_vec();
        let npt = &mut req.npt;
        let h = fixed_header(&payload, 8, npt)?;
        let mut p = ParsedNhop {
            family: rd8(&h, 0),
            protocol: rd8(&h, 2),
            ..ParsedNhop::default()
        };
        let attrs = payload.get(8..).unwrap_or(&[]);
        walk_attrs(attrs, 24, npt, |a, npt| {
            match a.ty {
                NHA_ID => p.id = get_u32(a, npt)?,
                NHA_GROUP => {
                    // nlattr_get_nhg(): a non-empty array of 8-byte nexthop_grp.
                    if a.data.is_empty() || a.data.len() % 8 != 0 {
                        return Err(EINVAL);
                    }
                    p.group = Some(
                        a.data
                            .chunks(8)
                            .map(|c| (rd32(c, 0), u32::from(rd8(c, 4))))
                            .collect(),
                    );
                }
                NHA_BLACKHOLE => p.blackhole = get_flag(a, npt)?,
                NHA_OIF => {
                    let i = get_u32(a, npt)?;
                    if self.state.iface(i).is_none() {
                        npt.err(format!("nla type {}: ifindex {} invalid", a.raw_ty, i));
                        return Err(ENOENT);
                    }
                    p.oif = i;
                }
                NHA_GATEWAY => p.gw = Some(get_ip(a, npt)?),
                NHA_GROUPS => p.groups = get_flag(a, npt)?,
                _ => {}
            }
            Ok(())
        })?;
        Ok(p)
    }

    /// Creates a user nexthop (shared by RTM_NEWNEXTHOP and the topology loader).
    fn create_unhop(&mut self, p: &ParsedNhop) -> Result<UserNhop, i32> {
        let mut u = UserNhop {
            id: p.id,
            family: p.family,
            fib: 0,
            gw: p.gw,
            ifindex: p.oif,
            blackhole: p.blackhole,
            group: Vec::new(),
            kidx: 0,
        };
        if let Some(g) = &p.group {
            for (id, _) in g {
                let Some(m) = self.state.user_nhops.iter().find(|x| x.id == *id) else {
                    return Err(ESRCH);
                };
                if !m.group.is_empty() || m.gw.is_none() {
                    return Err(ENOTSUP);
                }
            }
            u.group = g.clone();
            u.gw = None;
            u.family = AF_UNSPEC;
        } else if !p.blackhole {
            let Some(gw) = p.gw else {
                return Err(EINVAL);
            };
            if p.oif == 0 {
                return Err(EINVAL);
            }
            // ifaof_ifpforaddr(): the interface needs an address of the gateway family.
            let fam = family_of(&gw);
            if self.state.ifas.on_if_family(p.oif, fam).next().is_none() {
                return Err(EINVAL);
            }
            u.family = fam;
        }
        Ok(u)
    }

    /// `find_spare_uidx()`: random ids in 262144..327679, deterministic here.
    fn spare_uidx(&self) -> u32 {
        let mut id = 262_144u32;
        while self.state.user_nhops.iter().any(|u| u.id == id) {
            id = id.saturating_add(1);
        }
        id
    }

    /// `rtnl_handle_newnhop()`: EEXIST for an existing id whatever the flags; the new
    /// object is announced to RTNLGRP_NEXTHOP with the request's pid/seq/flags.
    pub(crate) fn rtnl_handle_newnhop(&mut self, req: &mut Req) -> i32 {
        self.unhop_ctl = true;
        let mut p = match self.parse_nhmsg(req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        if p.id == 0 {
            p.id = self.spare_uidx();
        }
        let u = match self.create_unhop(&p) {
            Ok(u) => u,
            Err(e) => return e,
        };
        if self.state.user_nhops.iter().any(|x| x.id == u.id) {
            return EEXIST;
        }
        self.state.user_nhops.push(u.clone());
        self.unhop_protocols.push((u.id, p.protocol));
        let t = Tmpl {
            pid: req.pid(),
            seq: req.seq(),
            ty: NL_RTM_NEWNEXTHOP,
            flags: req.flags(),
        };
        let mut w = Writer::new(NLMSG_SMALL);
        dump_unhop(&mut w, &u, p.protocol, t);
        self.send_group(NETLINK_ROUTE, RTNLGRP_NEXTHOP, false, w);
        0
    }

    fn unhop_protocol(&self, id: u32) -> u8 {
        self.unhop_protocols
            .iter()
            .find(|(i, _)| *i == id)
            .map_or(0, |(_, p)| *p)
    }

    /// `rtnl_handle_delnhop()`: ESRCH before any nexthop was ever created, EINVAL without
    /// NHA_ID, ENOENT for an unknown id.
    pub(crate) fn rtnl_handle_delnhop(&mut self, req: &mut Req) -> i32 {
        if !self.unhop_ctl {
            return ESRCH;
        }
        let p = match self.parse_nhmsg(req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        if p.id == 0 {
            return EINVAL;
        }
        let Some(pos) = self.state.user_nhops.iter().position(|u| u.id == p.id) else {
            return ENOENT;
        };
        let u = self.state.user_nhops.remove(pos);
        let proto = self.unhop_protocol(u.id);
        self.unhop_protocols.retain(|(i, _)| *i != u.id);
        let t = Tmpl {
            pid: req.pid(),
            seq: req.seq(),
            ty: NL_RTM_DELNEXTHOP,
            flags: req.flags(),
        };
        let mut w = Writer::new(NLMSG_SMALL);
        dump_unhop(&mut w, &u, proto, t);
        self.send_group(NETLINK_ROUTE, RTNLGRP_NEXTHOP, false, w);
        0
    }

    /// `rtnl_handle_getnhop()`: ESRCH before any nexthop was ever created; by id (ESRCH)
    /// or a dump in hash-bucket order (16 buckets, newest first within a bucket).
    pub(crate) fn rtnl_handle_getnhop(&mut self, req: &mut Req) -> i32 {
        if !self.unhop_ctl {
            return ESRCH;
        }
        let p = match self.parse_nhmsg(req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        let mut t = Tmpl {
            pid: req.pid(),
            seq: req.seq(),
            ty: NL_RTM_NEWNEXTHOP,
            flags: req.flags(),
        };
        if p.id != 0 {
            let Some(u) = self.state.user_nhops.iter().find(|u| u.id == p.id) else {
                return ESRCH;
            };
            dump_unhop(&mut req.w, u, self.unhop_protocol(u.id), t);
            return 0;
        }
        t.flags |= NLM_F_MULTI;
        let mut order: Vec<(usize, &UserNhop)> = self.state.user_nhops.iter().enumerate().collect();
        order.sort_by(|(ia, a), (ib, b)| (a.id % 16).cmp(&(b.id % 16)).then(ib.cmp(ia)));
        for (_, u) in order {
            if p.groups && u.group.is_empty() {
                continue;
            }
            if p.oif != 0 && (!u.group.is_empty() || u.ifindex != p.oif) {
                continue;
            }
            dump_unhop(&mut req.w, u, self.unhop_protocol(u.id), t);
        }
        req.w.end_dump(0, t.pid, t.seq);
        0
    }

    /// `nl_find_nhop()`: the kernel nexthop (or group) a route with RTA_NH_ID uses.
    pub(crate) fn user_nhop_route_nh(&mut self, fib: u32, family: u8, id: u32) -> Option<RouteNh> {
        let u = self.state.user_nhops.iter().find(|u| u.id == id)?.clone();
        let mk = |k: &Kernel, m: &UserNhop| {
            let (gw, ifx) = match m.gw {
                Some(g) => (Gw::Ip(g), m.ifindex),
                None => (
                    Gw::Link(k.state.loif().unwrap_or(0)),
                    k.state.loif().unwrap_or(0),
                ),
            };
            let mut nh = k.new_nhop(gw, ifx, if m.gw.is_some() { RTF_GATEWAY } else { 0 }, 0);
            nh.blackhole = m.blackhole;
            if m.blackhole {
                nh.rtflags |= RTF_BLACKHOLE;
            }
            nh.uidx = m.id;
            k.state.assign_kidx(fib, family, &mut nh);
            nh
        };
        if u.group.is_empty() {
            let nh = mk(self, &u);
            Some(RouteNh::Single {
                nh,
                weight: RT_DEFAULT_WEIGHT,
            })
        } else {
            let mut legs = Vec::new();
            for (mid, w) in &u.group {
                let m = self.state.user_nhops.iter().find(|x| x.id == *mid)?.clone();
                legs.push((mk(self, &m), *w));
            }
            Some(RouteNh::Group {
                nhops: legs,
                kidx: self.alloc_grp_idx(),
                uidx: u.id,
                origin: 0,
            })
        }
    }

    /// Creates a user nexthop from the topology.
    pub(crate) fn topo_nexthop(&mut self, d: &NexthopDef) -> Result<(), TopologyError> {
        self.unhop_ctl = true;
        let gw = d
            .gateway
            .as_deref()
            .map(|g| g.parse::<IpAddr>())
            .transpose()
            .map_err(|_| TopologyError::Invalid(format!("nexthop {}: bad gateway", d.id)))?;
        let oif = match d.interface.as_deref() {
            Some(n) => self
                .state
                .iface_by_name(n)
                .map(|i| i.index)
                .ok_or_else(|| TopologyError::Invalid(format!("unknown interface {n:?}")))?,
            None => 0,
        };
        let family = match d.family.as_deref() {
            Some("inet") => AF_INET,
            Some("inet6") => AF_INET6,
            _ => gw.as_ref().map_or(AF_UNSPEC, family_of),
        };
        let p = ParsedNhop {
            id: d.id,
            blackhole: d.blackhole,
            groups: false,
            oif,
            gw,
            group: if d.group.is_empty() {
                None
            } else {
                Some(
                    d.group
                        .iter()
                        .map(|g| (g.id, g.weight.unwrap_or(1)))
                        .collect(),
                )
            },
            family,
            protocol: 0,
        };
        let mut u = self
            .create_unhop(&p)
            .map_err(|e| TopologyError::Invalid(format!("nexthop {}: errno {e}", d.id)))?;
        u.fib = d.fib;
        if self.state.user_nhops.iter().any(|x| x.id == u.id) {
            return Err(TopologyError::Invalid(format!(
                "duplicate nexthop {}",
                d.id
            )));
        }
        self.state.user_nhops.push(u);
        Ok(())
    }
}
