// SPDX-License-Identifier: BSD-2-Clause
//! Routes: `sys/netlink/route/rt.c` (`dump_px`, `dump_rc_nhop`, `dump_rc_nhg`,
//! `rtm_parser`, `rtnl_handle_getroute`, `handle_rtm_dump`, `handle_rtm_getroute`,
//! `rtnl_handle_newroute`, `create_nexthop_from_attrs`, `rtnl_handle_delroute`,
//! `report_operation`, `rtnl_handle_route_event`), read @72768676; release differences
//! per [`crate::Release`].

use crate::limits::{NETLINK_ROUTE, NLMSG_SMALL};
use std::net::IpAddr;

use super::link::Tmpl;
use crate::kernel::{Kernel, Release, Req};
use crate::net::route_ctl::{
    max_plen, Rc, RcCmd, RTM_F_APPEND, RTM_F_CREATE, RTM_F_EXCL, RTM_F_REPLACE,
};
use crate::parse::{fixed_header, get_ip, get_u32, get_via, rd16, rd32, rd8, walk_attrs, Npt};
use crate::state::{family_of, is_v6_linklocal, Gw, Nhop, Route, RouteNh};
use crate::writer::Writer;
use freebsd_abi::*;

/// `nl_get_rtm_protocol()`.
fn rtm_protocol(n: &RouteNh) -> u8 {
    let nh = match n {
        RouteNh::Group { nhops, origin, .. } => {
            if *origin != RTPROT_UNSPEC {
                return *origin;
            }
            match nhops.first() {
                Some((nh, _)) => nh,
                None => return RTPROT_KERNEL,
            }
        }
        RouteNh::Single { nh, .. } => nh,
    };
    if nh.origin != RTPROT_UNSPEC {
        return nh.origin;
    }
    if nh.rtflags & RTF_PROTO1 != 0 {
        RTPROT_ZEBRA
    } else if nh.rtflags & RTF_STATIC != 0 {
        RTPROT_STATIC
    } else {
        RTPROT_KERNEL
    }
}

/// `get_rtm_type()`.
fn rtm_type(n: &RouteNh) -> u8 {
    match n {
        RouteNh::Single { nh, .. } if nh.blackhole => RTN_BLACKHOLE,
        RouteNh::Single { nh, .. } if nh.reject => RTN_PROHIBIT,
        _ => RTN_UNICAST,
    }
}

/// `dump_rc_nhop_gw()`: nothing for an AF_LINK gateway; 17-byte RTA_VIA for IPv4 over IPv6.
fn dump_gw(w: &mut Writer, route_family: u8, nh: &Nhop) {
    if let Gw::Ip(gw) = nh.gw {
        match (gw, route_family) {
            (IpAddr::V6(g), AF_INET) => {
                let mut v = Vec::with_capacity(17);
                v.push(AF_INET6);
                v.extend_from_slice(&g.octets());
                w.attr(NL_RTA_VIA, &v);
            }
            _ => w.attr_ip(NL_RTA_GATEWAY, &gw),
        }
    }
}

/// `dump_rc_nhop_mtu()`: `RTA_METRICS{RTAX_MTU}` written as one 12-byte block.
fn dump_mtu(w: &mut Writer, mtu: u32) {
    let mut b = Vec::with_capacity(12);
    b.extend_from_slice(&12u16.to_ne_bytes());
    b.extend_from_slice(&NL_RTA_METRICS.to_ne_bytes());
    b.extend_from_slice(&8u16.to_ne_bytes());
    b.extend_from_slice(&NL_RTAX_MTU.to_ne_bytes());
    b.extend_from_slice(&mtu.to_ne_bytes());
    w.put(&b);
}

/// `dump_px()`: one RTM_NEWROUTE/DELROUTE message; `now` is `time_uptime`.
pub(crate) fn dump_px(w: &mut Writer, fib: u32, r: &Route, t: Tmpl, now: u32) {
    w.add(t.pid, t.seq, t.ty, t.flags, 12);
    let fam = r.family();
    let mut h = [0u8; 12];
    h[0] = fam;
    if fib < 255 {
        h[4] = u8::try_from(fib).unwrap_or(0);
    }
    h[5] = rtm_protocol(&r.nh);
    h[6] = RT_SCOPE_UNIVERSE;
    h[7] = rtm_type(&r.nh);
    let rtm_off = w.put(&h);
    w.attr_u32(NL_RTA_TABLE, fib);
    w.attr_ip(NL_RTA_DST, &r.dst);
    if r.plen > 0 {
        w.put_rel(rtm_off.saturating_add(1), &[r.plen]);
    }
    match &r.nh {
        RouteNh::Single { nh, weight } => {
            if nh.is_gateway() {
                dump_gw(w, fam, nh);
            }
            if nh.uidx != 0 {
                w.attr_u32(NL_RTA_NH_ID, nh.uidx);
            }
            w.attr_u32(NL_RTA_KNH_ID, nh.kidx);
            w.attr_u32(NL_RTA_RTFLAGS, nh.rtflags);
            if nh.rtflags & RTF_FIXEDMTU != 0 {
                dump_mtu(w, nh.mtu);
            }
            if nh.expire > 0 {
                w.attr_u32(NL_RTA_EXPIRES, nh.expire.wrapping_sub(now));
            }
            w.attr_u32(NL_RTA_OIF, nh.ifindex);
            if *weight != RT_DEFAULT_WEIGHT {
                w.attr_u32(NL_RTA_WEIGHT, *weight);
            }
        }
        RouteNh::Group {
            nhops, kidx, uidx, ..
        } => {
            let base = nhops.first().map_or(0, |(n, _)| n.rtflags);
            if *uidx != 0 {
                w.attr_u32(NL_RTA_NH_ID, *uidx);
            }
            w.attr_u32(NL_RTA_KNH_ID, *kidx);
            w.attr_u32(NL_RTA_RTFLAGS, base);
            let off = w.nested(NL_RTA_MULTIPATH);
            for (nh, weight) in nhops {
                let nh_off = w.save_offset();
                let mut rtnh = [0u8; 8];
                rtnh[3] = u8::try_from(*weight & 0xff).unwrap_or(0);
                rtnh[4..8].copy_from_slice(&nh.ifindex.to_ne_bytes());
                w.put(&rtnh);
                dump_gw(w, fam, nh);
                if nh.rtflags != base {
                    w.attr_u32(NL_RTA_RTFLAGS, nh.rtflags);
                }
                if nh.rtflags & RTF_FIXEDMTU != 0 {
                    dump_mtu(w, nh.mtu);
                }
                let len = u16::try_from(w.save_offset().saturating_sub(nh_off)).unwrap_or(0);
                w.put_rel(nh_off, &len.to_ne_bytes());
            }
            w.set_len(off);
        }
    }
    w.end();
}

/// One leg of RTA_MULTIPATH (`struct rta_mpath_nh`).
#[derive(Debug, Clone)]
pub(crate) struct MpathNh {
    pub(crate) gw: Option<IpAddr>,
    pub(crate) ifindex: u32,
    pub(crate) weight: u8,
}

/// `struct nl_parsed_route`.
#[derive(Debug, Default, Clone)]
pub(crate) struct ParsedRoute {
    pub(crate) dst: Option<IpAddr>,
    pub(crate) gw: Option<IpAddr>,
    pub(crate) oif: u32,
    pub(crate) multipath: Option<Vec<MpathNh>>,
    pub(crate) table: u32,
    pub(crate) rtflags: u32,
    pub(crate) nh_id: u32,
    pub(crate) weight: u32,
    pub(crate) mtu: u32,
    pub(crate) rtm_table: u8,
    pub(crate) family: u8,
    pub(crate) dst_len: u8,
    pub(crate) protocol: u8,
    pub(crate) rtm_type: u8,
    pub(crate) rtm_flags: u32,
}

impl Kernel {
    /// `nlattr_get_ifp()`.
    fn get_ifp(
        &self,
        a: &crate::parse::Attr<'_>,
        npt: &mut Npt,
        zero_ok: bool,
    ) -> Result<u32, i32> {
        let idx = get_u32(a, npt)?;
        if idx == 0 && zero_ok {
            return Ok(0);
        }
        if self.state.iface(idx).is_none() {
            npt.err(format!("nla type {}: ifindex {} invalid", a.raw_ty, idx));
            return Err(ENOENT);
        }
        Ok(idx)
    }

    /// `nlattr_get_multipath()` + `mpath_parser`.
    fn get_multipath(
        &self,
        a: &crate::parse::Attr<'_>,
        npt: &mut Npt,
    ) -> Result<Vec<MpathNh>, i32> {
        let mut out = Vec::new();
        let data = a.data;
        let mut pos = 0usize;
        while pos < data.len() {
            let len = usize::from(rd16(data, pos));
            if len <= 8 || len > data.len().saturating_sub(pos) {
                npt.err(format!("nlattr_get_multipath: bad length {len}"));
                return Err(EINVAL);
            }
            let ifindex = rd32(data, pos.saturating_add(4));
            if ifindex != 0 && self.state.iface(ifindex).is_none() {
                npt.err(format!(
                    "RTA_MULTIPATH: nexthop {}: parse failed",
                    out.len()
                ));
                return Err(ENOENT);
            }
            let mut m = MpathNh {
                gw: None,
                ifindex,
                weight: rd8(data, pos.saturating_add(3)),
            };
            let inner = data
                .get(pos.saturating_add(8)..pos.saturating_add(len))
                .unwrap_or(&[]);
            let base = a
                .off
                .saturating_add(4)
                .saturating_add(pos)
                .saturating_add(8);
            let n = out.len();
            let r = walk_attrs(inner, base, npt, |b, npt| {
                match b.ty {
                    NL_RTA_GATEWAY => m.gw = Some(get_ip(b, npt)?),
                    NL_RTA_VIA => m.gw = Some(get_via(b, npt)?),
                    _ => {}
                }
                Ok(())
            });
            if let Err(e) = r {
                npt.err(format!("RTA_MULTIPATH: nexthop {n}: parse failed"));
                return Err(e);
            }
            out.push(m);
            pos = pos.saturating_add(crate::writer::align4(len));
        }
        if pos != data.len() || out.is_empty() {
            npt.err("invalid RTA_MULTIPATH attr".into());
            return Err(EINVAL);
        }
        Ok(out)
    }

    /// `rtm_parser`.
    pub(crate) fn parse_rtmsg(&self, req: &mut Req) -> Result<ParsedRoute, i32> {
        let payload = req.payload().to_vec();
        let npt = &mut req.npt;
        let h = fixed_header(&payload, 12, npt)?;
        let mut p = ParsedRoute {
            family: rd8(&h, 0),
            dst_len: rd8(&h, 1),
            rtm_table: rd8(&h, 4),
            protocol: rd8(&h, 5),
            rtm_type: rd8(&h, 7),
            rtm_flags: rd32(&h, 8),
            ..ParsedRoute::default()
        };
        let attrs = payload.get(12..).unwrap_or(&[]);
        walk_attrs(attrs, 28, npt, |a, npt| {
            match a.ty {
                NL_RTA_DST => p.dst = Some(get_ip(a, npt)?),
                NL_RTA_OIF => p.oif = self.get_ifp(a, npt, false)?,
                NL_RTA_GATEWAY => p.gw = Some(get_ip(a, npt)?),
                NL_RTA_METRICS => {
                    let base = a.off.saturating_add(4);
                    let mut mtu = p.mtu;
                    walk_attrs(a.data, base, npt, |b, npt| {
                        if b.ty == NL_RTAX_MTU {
                            mtu = get_u32(b, npt)?;
                        }
                        Ok(())
                    })?;
                    p.mtu = mtu;
                }
                NL_RTA_MULTIPATH => p.multipath = Some(self.get_multipath(a, npt)?),
                NL_RTA_WEIGHT => p.weight = get_u32(a, npt)?,
                NL_RTA_RTFLAGS => p.rtflags = get_u32(a, npt)?,
                NL_RTA_TABLE => p.table = get_u32(a, npt)?,
                NL_RTA_VIA => p.gw = Some(get_via(a, npt)?),
                NL_RTA_NH_ID => p.nh_id = get_u32(a, npt)?,
                _ => {}
            }
            Ok(())
        })?;
        Ok(p)
    }

    /// `rtnl_handle_getroute()`: "invalid fib" EINVAL for RTA_TABLE ≥ `net.fibs` or a
    /// family above AF_MAX (so RT_TABLE_UNSPEC never reaches the dump); NLM_F_ROOT or
    /// NLM_F_MATCH → dump, else a single longest-prefix lookup.
    pub(crate) fn rtnl_handle_getroute(&mut self, req: &mut Req) -> i32 {
        let p = match self.parse_rtmsg(req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        if p.table >= self.state.numfibs || p.family > AF_MAX {
            req.npt.err("invalid fib".into());
            return EINVAL;
        }
        if req.flags() & NLM_F_DUMP != 0 {
            self.handle_rtm_dump(req, p.table, p.family)
        } else {
            self.handle_rtm_getroute(req, &p)
        }
    }

    /// `handle_rtm_dump()`: all families of the fib in AF order (AF_INET, AF_INET6), or
    /// one; ESRCH in NLMSG_DONE when no table matched.
    fn handle_rtm_dump(&mut self, req: &mut Req, fib: u32, family: u8) -> i32 {
        let t = Tmpl {
            pid: req.pid(),
            seq: req.seq(),
            ty: NL_RTM_NEWROUTE,
            flags: req.flags() | NLM_F_MULTI,
        };
        let fams: Vec<u8> = match family {
            AF_UNSPEC => vec![AF_INET, AF_INET6],
            AF_INET | AF_INET6 => vec![family],
            _ => vec![],
        };
        let now = self.uptime();
        for f in &fams {
            for r in self.state.sorted_routes(fib, *f) {
                dump_px(&mut req.w, fib, r, t, now);
            }
        }
        let error = if fams.is_empty() { ESRCH } else { 0 };
        req.w.end_dump(error, t.pid, t.seq);
        error
    }

    /// `handle_rtm_getroute()`: "No RTA_DST supplied" EINVAL; EAFNOSUPPORT without a
    /// table; ESRCH without a match; RTM_F_PREFIX asks for the exact prefix. The
    /// request header's type is rewritten to RTM_NEWROUTE (visible in an ack's echo).
    /// A multipath route is reported through the path `nhop_select_func(nh, 0)` picks
    /// (14 and 15, `rt.c` @72768676), or whole (main).
    fn handle_rtm_getroute(&mut self, req: &mut Req, p: &ParsedRoute) -> i32 {
        let Some(dst) = p.dst else {
            req.npt.err("No RTA_DST supplied".into());
            return EINVAL;
        };
        if p.family != AF_INET && p.family != AF_INET6 {
            return EAFNOSUPPORT;
        }
        let fib = p.table;
        let zone = match dst {
            IpAddr::V6(v) if is_v6_linklocal(&v) => p.oif,
            _ => 0,
        };
        let found = if family_of(&dst) != p.family {
            None
        } else if p.rtm_flags & RTM_F_PREFIX != 0 {
            self.state.lookup_exact(fib, &dst, p.dst_len)
        } else {
            self.state.lookup(fib, &dst, zone)
        };
        let Some(r) = found.cloned() else {
            return ESRCH;
        };
        let r = match r.nh {
            // main reports the whole nexthop group (`test_rtnl_route.c` @0d3e3dee expects
            // both paths and a kernel nexthop id from RTM_GETROUTE).
            RouteNh::Group { .. } if self.release == Release::Main => r,
            RouteNh::Group { ref nhops, .. } => match nhops.first() {
                Some((nh, _)) => Route {
                    nh: RouteNh::Single {
                        nh: nh.clone(),
                        weight: RT_DEFAULT_WEIGHT,
                    },
                    ..r.clone()
                },
                None => r,
            },
            RouteNh::Single { .. } => r,
        };
        if let Some(b) = req.msg.get_mut(4..6) {
            b.copy_from_slice(&NL_RTM_NEWROUTE.to_ne_bytes());
        }
        let t = Tmpl {
            pid: req.pid(),
            seq: req.seq(),
            ty: NL_RTM_NEWROUTE,
            flags: req.flags(),
        };
        let now = self.uptime();
        dump_px(&mut req.w, fib, &r, t, now);
        0
    }

    /// Builds one nexthop (`create_nexthop_one` / the single-path branch of
    /// `create_nexthop_from_attrs` + `finalize_nhop`). `apply_type`: the single-path
    /// branch honours `rtm_type` (`nhop_set_blackhole`: transmit through the loopback
    /// interface, no gateway), the multipath legs do not.
    fn build_nhop(
        &self,
        p: &ParsedRoute,
        gw: Option<IpAddr>,
        oif: u32,
        apply_type: bool,
    ) -> Result<Nhop, i32> {
        let fam = p.family;
        // nhop_set_rtflags(): only RT_SET_RTFLAGS_MASK (PROTO1-3, STATIC) is taken.
        let mut rtflags = p.rtflags & (RTF_PROTO1 | 0x4000 | 0x40000 | RTF_STATIC);
        if p.dst_len == max_plen(fam) {
            rtflags |= RTF_HOST;
        }
        let kind = if apply_type { p.rtm_type } else { RTN_UNICAST };
        let (blackhole, reject) = match kind {
            RTN_BLACKHOLE => (true, false),
            RTN_PROHIBIT | RTN_UNREACHABLE => (false, true),
            _ => (false, false),
        };
        let (g, ifx) = if blackhole || reject {
            let lo = self.state.loif().unwrap_or(0);
            rtflags |= if blackhole { RTF_BLACKHOLE } else { RTF_REJECT };
            (Gw::Link(lo), lo)
        } else {
            match gw {
                // nhop_check_gateway(): IPv6 routes take IPv6 gateways only.
                Some(IpAddr::V4(_)) if fam == AF_INET6 => return Err(EINVAL),
                Some(g) => {
                    rtflags |= RTF_GATEWAY;
                    let ifx = if oif != 0 {
                        oif
                    } else {
                        // finalize_nhop(): ifa_ifwithroute() or "Unable to determine ifp".
                        self.ifa_ifwithroute(p.table, &g).ok_or(EINVAL)?
                    };
                    // finalize_nhop(), nh_ifa still unset: ifaof_ifpforaddr() with the
                    // destination when the gateway's family differs (IPv4 over IPv6), then
                    // with the gateway; no address of either family on the interface is
                    // "Unable to determine ifa" (EINVAL) — e.g. a gateway on an interface
                    // without an IPv4 address.
                    let gfam = family_of(&g);
                    if !self.ifaof_ifpforaddr(fam, ifx) && !self.ifaof_ifpforaddr(gfam, ifx) {
                        return Err(EINVAL);
                    }
                    (Gw::Ip(g), ifx)
                }
                // "empty gateway and interface".
                None if oif == 0 => return Err(EINVAL),
                None => (Gw::Link(oif), oif),
            }
        };
        let mut nh = self.new_nhop(g, ifx, rtflags, RTPROT_UNSPEC);
        nh.blackhole = blackhole;
        nh.reject = reject;
        if p.protocol > RTPROT_STATIC {
            nh.origin = p.protocol;
        }
        if p.mtu != 0 {
            nh.mtu = p.mtu;
            nh.rtflags |= RTF_FIXEDMTU;
        }
        if p.rtflags & RTF_BROADCAST != 0 {
            nh.rtflags |= RTF_BROADCAST;
        }
        Ok(nh)
    }

    /// `rtnl_handle_newroute()`.
    pub(crate) fn rtnl_handle_newroute(&mut self, req: &mut Req) -> i32 {
        let mut p = match self.parse_rtmsg(req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        let Some(dst) = p.dst else {
            return EINVAL;
        };
        if p.rtm_table > 0 && p.table == 0 {
            p.table = u32::from(p.rtm_table);
        }
        if p.table >= self.state.numfibs || p.family > AF_MAX {
            req.npt.err("invalid fib".into());
            return EINVAL;
        }
        if p.family != AF_INET && p.family != AF_INET6 {
            return EAFNOSUPPORT;
        }
        if p.dst_len > max_plen(p.family) || family_of(&dst) != p.family {
            return EINVAL;
        }
        let fib = p.table;
        let rnh = if p.nh_id != 0 {
            // nl_find_nhop() (`route/nexthop.c` @fc083c3e): an id that is neither a
            // nexthop of this fib/family nor a template to clone is ESRCH. Before the first
            // RTM_NEWNEXTHOP (`V_un_ctl` NULL) it returns NULL without setting the error and
            // rtnl_handle_newroute() goes on to dereference the NULL nexthop
            // (NH_IS_NHGRP); the model answers ESRCH there too (docs/freebsd-sim.md).
            match self.user_nhop_route_nh(fib, p.family, p.nh_id) {
                Some(n) => n,
                None => return ESRCH,
            }
        } else if let Some(mp) = p.multipath.clone() {
            let mut legs = Vec::new();
            for m in &mp {
                let Some(gw) = m.gw else {
                    return EINVAL;
                };
                let mut nh = match self.build_nhop(&p, Some(gw), m.ifindex, false) {
                    Ok(n) => n,
                    Err(e) => return e,
                };
                self.state.assign_kidx(fib, p.family, &mut nh);
                legs.push((nh, u32::from(if m.weight > 0 { m.weight } else { 1 })));
            }
            let origin = if p.protocol > RTPROT_STATIC {
                p.protocol
            } else {
                RTPROT_UNSPEC
            };
            RouteNh::Group {
                nhops: legs,
                kidx: self.alloc_grp_idx(),
                uidx: 0,
                origin,
            }
        } else {
            let mut nh = match self.build_nhop(&p, p.gw, p.oif, true) {
                Ok(n) => n,
                Err(e) => return e,
            };
            self.state.assign_kidx(fib, p.family, &mut nh);
            RouteNh::Single {
                nh,
                weight: if p.weight == 0 {
                    RT_DEFAULT_WEIGHT
                } else {
                    p.weight
                },
            }
        };
        let fl = req.flags();
        let mut op = 0;
        if fl & NLM_F_REPLACE != 0 {
            op |= RTM_F_REPLACE;
        }
        if fl & NLM_F_EXCL != 0 {
            op |= RTM_F_EXCL;
        }
        if fl & NLM_F_CREATE != 0 {
            op |= RTM_F_CREATE;
        }
        if fl & NLM_F_APPEND != 0 {
            op |= RTM_F_APPEND;
        }
        match self.rib_add(fib, dst, p.dst_len, p.oif, rnh, op) {
            Ok(rc) => {
                self.report_operation(fib, &rc, req);
                0
            }
            Err(e) => e,
        }
    }

    /// `rtnl_handle_delroute()`: "RTA_DST is not set" ESRCH; paths filtered by gateway
    /// and RTA_OIF (`path_match_func`); RTF_PINNED in RTA_RTFLAGS forces the removal of
    /// interface routes (else EADDRINUSE).
    pub(crate) fn rtnl_handle_delroute(&mut self, req: &mut Req) -> i32 {
        let p = match self.parse_rtmsg(req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        let Some(dst) = p.dst else {
            req.npt.err("RTA_DST is not set".into());
            return ESRCH;
        };
        if p.table >= self.state.numfibs || p.family > AF_MAX {
            req.npt.err("invalid fib".into());
            return EINVAL;
        }
        if family_of(&dst) != p.family && p.family != AF_UNSPEC {
            return EINVAL;
        }
        let gw = p.gw;
        let oif = p.oif;
        let filter = move |nh: &Nhop| -> bool {
            if let Some(g) = gw {
                if nh.gw != Gw::Ip(g) {
                    return false;
                }
            }
            oif == 0 || nh.ifindex == oif
        };
        let force = p.rtflags & RTF_PINNED != 0;
        match self.rib_del(p.table, &dst, p.dst_len, p.oif, &filter, force) {
            Ok(rc) => {
                self.report_operation(p.table, &rc, req);
                0
            }
            Err(e) => e,
        }
    }

    /// `report_operation()`: notifies the route group with the *request* header, whose
    /// flags lose REPLACE/CREATE/EXCL/APPEND and gain CREATE|EXCL (add) or REPLACE
    /// (change); the type becomes NEWROUTE/DELROUTE. The rewrite is done in place, so the
    /// ack echoes the modified header.
    fn report_operation(&mut self, fib: u32, rc: &Rc, req: &mut Req) {
        let mut fl = req.flags() & !(NLM_F_REPLACE | NLM_F_CREATE | NLM_F_EXCL | NLM_F_APPEND);
        let ty = match rc.cmd {
            RcCmd::Add => {
                fl |= NLM_F_CREATE | NLM_F_EXCL;
                NL_RTM_NEWROUTE
            }
            RcCmd::Change => {
                fl |= NLM_F_REPLACE;
                NL_RTM_NEWROUTE
            }
            RcCmd::Delete => NL_RTM_DELROUTE,
        };
        if let Some(b) = req.msg.get_mut(4..6) {
            b.copy_from_slice(&ty.to_ne_bytes());
        }
        if let Some(b) = req.msg.get_mut(6..8) {
            b.copy_from_slice(&fl.to_ne_bytes());
        }
        let t = Tmpl {
            pid: req.pid(),
            seq: req.seq(),
            ty,
            flags: fl,
        };
        self.route_notify(fib, rc, t);
    }
}

// Netlink side of kernel events.
impl Kernel {
    /// `rtnl_handle_route_event()`: kernel-originated route changes, header
    /// `{flags CREATE|EXCL / REPLACE / 0, pid 0, seq 0}`, NLMSG_SMALL group writer.
    pub(crate) fn route_event(&mut self, fib: u32, rc: &Rc) {
        let (ty, flags) = match rc.cmd {
            RcCmd::Add => (NL_RTM_NEWROUTE, NLM_F_EXCL | NLM_F_CREATE),
            RcCmd::Change => (NL_RTM_NEWROUTE, NLM_F_REPLACE),
            RcCmd::Delete => (NL_RTM_DELROUTE, 0),
        };
        let t = Tmpl {
            pid: 0,
            seq: 0,
            ty,
            flags,
        };
        self.route_notify(fib, rc, t);
    }

    /// Writes one route message to the route group of its family.
    pub(crate) fn route_notify(&mut self, fib: u32, rc: &Rc, t: Tmpl) {
        let group = if rc.route.family() == AF_INET {
            RTNLGRP_IPV4_ROUTE
        } else {
            RTNLGRP_IPV6_ROUTE
        };
        let mut w = Writer::new(NLMSG_SMALL);
        let now = self.uptime();
        dump_px(&mut w, fib, &rc.route, t, now);
        self.send_group(NETLINK_ROUTE, group, false, w);
    }
}
