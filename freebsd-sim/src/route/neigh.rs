// SPDX-License-Identifier: BSD-2-Clause
//! Neighbours: `sys/netlink/route/neigh.c` (`dump_lle_locked`, `lle_state_to_nl_state`,
//! `lle_flags_to_nl_flags`, `rtnl_handle_getneigh`, `rtnl_handle_newneigh`,
//! `rtnl_handle_delneigh`, `ndmsg_parser`, the lltable event `rtnl_lle_event`).

use crate::limits::{NETLINK_ROUTE, NLMSG_SMALL};
use std::net::IpAddr;

use super::link::Tmpl;
use crate::kernel::{Kernel, Req};
use crate::parse::{fixed_header, get_ip, get_u32, rd32, rd8, walk_attrs};
use crate::state::{family_of, Neigh, RouteNh};
use crate::writer::Writer;
use freebsd_abi::*;

/// `dump_lle_locked()`; `next_ts` is the already computed `NDAF_NEXT_STATE_TS`.
pub(crate) fn dump_lle(w: &mut Writer, n: &Neigh, t: Tmpl, next_ts: u32) {
    w.add(t.pid, t.seq, t.ty, t.flags, 12);
    let mut h = [0u8; 12];
    h[0] = family_of(&n.dst);
    h[4..8].copy_from_slice(&n.ifindex.to_ne_bytes());
    h[8..10].copy_from_slice(&n.state.to_ne_bytes());
    let mut fl = 0u8;
    if n.is_ifaddr {
        fl |= NTF_SELF;
    }
    if n.is_pub {
        fl |= NTF_PROXY;
    }
    if n.is_static {
        fl |= NTF_STICKY;
    }
    if n.is_router {
        fl |= NTF_ROUTER;
    }
    h[10] = fl;
    w.put(&h);
    match n.dst {
        IpAddr::V4(a) => w.attr(NDA_DST, &a.octets()),
        IpAddr::V6(a) => w.attr(NDA_DST, &a.octets()),
    }
    if let Some(ll) = &n.lladdr {
        w.attr(NDA_LLADDR, ll);
    }
    w.attr_u32(NDA_PROBES, n.probes);
    // nlmsg_reserve_attr(NDA_CACHEINFO, struct nda_cacheinfo): only ndm_refcnt filled.
    let mut ci = Vec::with_capacity(20);
    ci.extend_from_slice(&20u16.to_ne_bytes());
    ci.extend_from_slice(&NDA_CACHEINFO.to_ne_bytes());
    ci.extend_from_slice(&[0u8; 12]);
    ci.extend_from_slice(&1u32.to_ne_bytes());
    w.put(&ci);
    let off = w.nested(NDA_FREEBSD);
    w.attr_u32(NDAF_NEXT_STATE_TS, next_ts);
    w.set_len(off);
    w.end();
}

/// `struct nl_parsed_neigh`.
#[derive(Debug, Default, Clone)]
struct ParsedNeigh {
    dst: Option<IpAddr>,
    ifindex: u32,
    lladdr: Option<Vec<u8>>,
    next_ts: u32,
    flags: u32,
    family: u8,
}

impl Kernel {
    /// `ndmsg_parser`: `ndm_ifindex` through `nlf_get_ifpz` (ENOENT for a bad index).
    fn parse_ndmsg(&self, req: &mut Req) -> Result<ParsedNeigh, i32> {
        let payload = req.payload().to_vec();
        let npt = &mut req.npt;
        let h = fixed_header(&payload, 12, npt)?;
        let ifindex = rd32(&h, 4);
        if ifindex != 0 && self.state.iface(ifindex).is_none() {
            return Err(ENOENT);
        }
        let mut p = ParsedNeigh {
            family: rd8(&h, 0),
            flags: u32::from(rd8(&h, 10)),
            ifindex,
            ..ParsedNeigh::default()
        };
        let attrs = payload.get(12..).unwrap_or(&[]);
        walk_attrs(attrs, 28, npt, |a, npt| {
            match a.ty {
                NDA_DST => p.dst = Some(get_ip(a, npt)?),
                NDA_LLADDR => p.lladdr = Some(a.data.to_vec()),
                NDA_IFINDEX => {
                    let i = get_u32(a, npt)?;
                    if self.state.iface(i).is_none() {
                        npt.err(format!("nla type {}: ifindex {} invalid", a.raw_ty, i));
                        return Err(ENOENT);
                    }
                    p.ifindex = i;
                }
                NDA_FLAGS_EXT => p.flags = get_u32(a, npt)?,
                NDA_FREEBSD => {
                    let base = a.off.saturating_add(4);
                    let mut ts = p.next_ts;
                    walk_attrs(a.data, base, npt, |b, npt| {
                        if b.ty == NDAF_NEXT_STATE_TS {
                            ts = get_u32(b, npt)?;
                        }
                        Ok(())
                    })?;
                    p.next_ts = ts;
                }
                _ => {}
            }
            Ok(())
        })?;
        Ok(p)
    }

    /// `rtnl_handle_getneigh()`: a dump over interfaces, AF_INET then AF_INET6 tables
    /// (entries in insertion order), or one entry when NDA_DST is given (ESRCH).
    pub(crate) fn rtnl_handle_getneigh(&mut self, req: &mut Req) -> i32 {
        let p = match self.parse_ndmsg(req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        if p.dst.is_some() && p.ifindex == 0 {
            req.npt.err("has NDA_DST but no ifindex provided".into());
            return EINVAL;
        }
        let mut t = Tmpl {
            pid: req.pid(),
            seq: req.seq(),
            ty: NL_RTM_NEWNEIGH,
            flags: req.flags(),
        };
        if let Some(dst) = p.dst {
            if p.family != AF_INET && p.family != AF_INET6 {
                return ESRCH;
            }
            let Some(n) = self
                .state
                .neighs
                .get(p.ifindex, &dst)
                .filter(|_| family_of(&dst) == p.family)
            else {
                return ESRCH;
            };
            let ts = self.lle_next_ts(n);
            dump_lle(&mut req.w, n, t, ts);
            return 0;
        }
        t.flags |= NLM_F_MULTI;
        let ifaces: Vec<u32> = if p.ifindex != 0 {
            vec![p.ifindex]
        } else {
            self.state.ifaces.iter().map(|i| i.index).collect()
        };
        for ix in ifaces {
            for fam in [AF_INET, AF_INET6] {
                if p.family != 0 && p.family != fam {
                    continue;
                }
                for n in self.state.neighs.on_if_family(ix, fam) {
                    let ts = self.lle_next_ts(n);
                    dump_lle(&mut req.w, n, t, ts);
                }
            }
        }
        req.w.end_dump(0, t.pid, t.seq);
        0
    }

    /// `rtnl_handle_newneigh()`: needs ifindex, NDA_DST and NDA_LLADDR (EINVAL, with
    /// one message per missing item, the first kept); LLADDR length must equal the
    /// interface address length; only NTF_PROXY|NTF_STICKY (else ENOTSUP); NLM_F_CREATE or
    /// NLM_F_REPLACE required (ENOTSUP); EEXIST for an existing entry unless REPLACE
    /// (EPERM for own-address entries).
    pub(crate) fn rtnl_handle_newneigh(&mut self, req: &mut Req) -> i32 {
        let p = match self.parse_ndmsg(req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        if p.ifindex == 0 || p.dst.is_none() || p.lladdr.is_none() {
            if p.ifindex == 0 {
                req.npt.err("NDA_IFINDEX / ndm_ifindex not set".into());
            }
            if p.dst.is_none() {
                req.npt.err("NDA_DST not set".into());
            }
            if p.lladdr.is_none() {
                req.npt.err("NDA_LLADDR not set".into());
            }
            return EINVAL;
        }
        let (Some(dst), Some(ll)) = (p.dst, p.lladdr.clone()) else {
            return EINVAL;
        };
        let df = family_of(&dst);
        if df != p.family {
            req.npt.err(format!(
                "NDA_DST family ({df}) is different from ndm_family ({})",
                p.family
            ));
            return EINVAL;
        }
        let Some(ifp) = self.state.iface(p.ifindex) else {
            return ENOENT;
        };
        let addrlen = if ifp.kind.has_lladdr() { 6 } else { 0 };
        if ll.len() != addrlen {
            req.npt.err(format!(
                "NDA_LLADDR address length ({}) is different from expected ({addrlen})",
                ll.len()
            ));
            return EINVAL;
        }
        let supported = u32::from(NTF_PROXY | NTF_STICKY);
        if p.flags & supported != p.flags {
            req.npt.err(format!(
                "ndm_flags {:X} not supported",
                p.flags & !supported
            ));
            return ENOTSUP;
        }
        let fl = req.flags();
        if fl & (NLM_F_CREATE | NLM_F_REPLACE) == 0 {
            return ENOTSUP;
        }
        if !ifp.kind.has_lladdr() {
            // lltable_get() has no table for interfaces without link-level addresses.
            return EAFNOSUPPORT;
        }
        if !self.lle_rtcheck(p.ifindex, &dst) {
            // lltable_alloc_entry() returns NULL when `in{,6}_lltable_rtcheck` fails.
            return ENOMEM;
        }
        let sticky = p.flags & u32::from(NTF_STICKY) != 0;
        let now = self.uptime();
        let expire = if sticky {
            0
        } else {
            // la_expire = next_ts - time_second + time_uptime
            let v = i64::from(p.next_ts)
                .saturating_sub(i64::try_from(self.clock.realtime()).unwrap_or(0))
                .saturating_add(i64::from(now));
            u32::try_from(v.max(0)).unwrap_or(0)
        };
        let n = Neigh {
            ifindex: p.ifindex,
            dst,
            lladdr: Some(ll),
            // Static entries are REACHABLE (`lle_state_to_nl_state` for IPv4,
            // `in6_lltable_alloc` for IPv6); others keep the zeroed `ln_state` of a fresh
            // entry (ARP_LLINFO_INCOMPLETE / ND6_LLINFO_INCOMPLETE) although they have an
            // address.
            state: if sticky {
                NUD_REACHABLE
            } else {
                NUD_INCOMPLETE
            },
            is_static: sticky,
            is_pub: p.flags & u32::from(NTF_PROXY) != 0,
            is_ifaddr: false,
            is_router: false,
            probes: 0,
            next_state_ts: expire,
        };
        let existing = self.state.neighs.get(p.ifindex, &dst).cloned();
        match existing {
            Some(old) => {
                if fl & NLM_F_EXCL != 0 || fl & NLM_F_REPLACE == 0 {
                    return EEXIST;
                }
                if old.is_ifaddr {
                    return EPERM;
                }
                self.lle_add(n);
            }
            None => {
                if fl & NLM_F_CREATE == 0 {
                    return ENOENT;
                }
                self.lle_add(n);
            }
        }
        0
    }

    /// `in_lltable_rtcheck()` (IPv4: the covering route must be a connected route of this
    /// interface, a host route, or an own prefix of the interface must cover the address)
    /// and, approximated, `in6_lltable_rtcheck()` (IPv6: link-local, or an on-link prefix of
    /// the interface).
    fn lle_rtcheck(&self, ifindex: u32, dst: &IpAddr) -> bool {
        let own_prefix = || {
            self.state
                .ifas
                .on_if(ifindex)
                .any(|a| crate::state::in_prefix(dst, &a.addr, a.plen))
        };
        match dst {
            IpAddr::V4(_) => {
                let Some(r) = self.state.lookup(0, dst, 0) else {
                    return false;
                };
                let host = r.plen == 32;
                match &r.nh {
                    RouteNh::Single { nh, .. } if nh.is_gateway() => {
                        host && nh.gw == crate::state::Gw::Ip(*dst)
                    }
                    RouteNh::Single { nh, .. } => nh.ifindex == ifindex || host || own_prefix(),
                    RouteNh::Group { .. } => false,
                }
            }
            IpAddr::V6(v) => crate::state::is_v6_linklocal(v) || own_prefix(),
        }
    }

    /// `rtnl_handle_delneigh()`: NDA_DST and an ifindex required (EINVAL);
    /// `lltable_delete_addr()` gives ENOENT when absent and EPERM for own addresses.
    pub(crate) fn rtnl_handle_delneigh(&mut self, req: &mut Req) -> i32 {
        let p = match self.parse_ndmsg(req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        let Some(dst) = p.dst else {
            req.npt.err("NDA_DST not set".into());
            return EINVAL;
        };
        if p.ifindex == 0 {
            req.npt.err("no ifindex provided".into());
            return EINVAL;
        }
        if p.family != AF_INET && p.family != AF_INET6 {
            return EAFNOSUPPORT;
        }
        // lltable_delete_addr(llt, 0, dst): ENOENT when absent, EPERM for own-address
        // (LLE_IFADDR) entries.
        match self.state.neighs.get(p.ifindex, &dst) {
            None => ENOENT,
            Some(n) if n.is_ifaddr => EPERM,
            Some(_) => {
                self.lle_del(p.ifindex, &dst);
                0
            }
        }
    }
}

// Netlink side of kernel events.
impl Kernel {
    /// `rtnl_lle_event()`: NLMSG_SMALL group writer to RTNLGRP_NEIGH.
    pub(crate) fn neigh_event(&mut self, n: &Neigh, ty: u16) {
        let mut w = Writer::new(NLMSG_SMALL);
        let ts = self.lle_next_ts(n);
        dump_lle(
            &mut w,
            n,
            Tmpl {
                ty,
                ..Tmpl::default()
            },
            ts,
        );
        self.send_group(NETLINK_ROUTE, RTNLGRP_NEIGH, false, w);
    }

    /// `get_lle_next_ts()`: `la_expire + time_second - time_uptime` (0 = never).
    pub(crate) fn lle_next_ts(&self, n: &Neigh) -> u32 {
        if n.next_state_ts == 0 {
            return 0;
        }
        let wall = u64::from(n.next_state_ts)
            .saturating_add(self.clock.realtime())
            .saturating_sub(self.clock.uptime());
        u32::try_from(wall).unwrap_or(u32::MAX)
    }
}
