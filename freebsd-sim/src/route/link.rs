// SPDX-License-Identifier: BSD-2-Clause
//! Links: `sys/netlink/route/iface.c` (`dump_iface`, `rtnl_handle_getlink`,
//! `rtnl_handle_newlink`, `create_link`, `modify_link`, `rtnl_handle_dellink`),
//! `route/iface_drivers.c` (`_nl_modify_ifp_generic`, `_nl_store_ifp_cookie`) and
//! `net/if_clone.c` (cloner match by name, default `dump_nl` emitting
//! `IFLA_LINKINFO{IFLA_INFO_KIND}`), and the link events (`rtnl_handle_ifevent`);
//! `iface.c` read @ff85c733, `iface_drivers.c` @ba0fe1dd.

use crate::kernel::{Kernel, Req};
use crate::limits::{NETLINK_ROUTE, NLMSG_LARGE};
use crate::parse::{fixed_header, get_string, get_stringn, get_u32, rd16, rd32, walk_attrs, Npt};
use crate::state::{Iface, Kind};
use crate::writer::Writer;
use freebsd_abi::IFLA_NEW_IFINDEX;
use freebsd_abi::*;

/// Header template for replies and notifications (`struct nlmsghdr` fields copied into
/// `netlink_walkargs.hdr`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tmpl {
    pub(crate) pid: u32,
    pub(crate) seq: u32,
    pub(crate) ty: u16,
    pub(crate) flags: u16,
}

/// `dump_iface()`: one RTM_NEWLINK/DELLINK message.
pub(crate) fn dump_iface(w: &mut Writer, ifp: &Iface, t: Tmpl, change: u32) {
    w.add(t.pid, t.seq, t.ty, t.flags, 16);
    let (oper, carrier) = ifp.operstate();
    let mut flags = ifp.nl_flags();
    if oper == IF_OPER_UP {
        flags |= IFF_LOWER_UP;
    }
    let mut hdr = [0u8; 16];
    hdr[0] = AF_UNSPEC;
    hdr[2..4].copy_from_slice(&ifp.kind.if_type().to_ne_bytes());
    hdr[4..8].copy_from_slice(&ifp.index.to_ne_bytes());
    hdr[8..12].copy_from_slice(&flags.to_ne_bytes());
    hdr[12..16].copy_from_slice(&change.to_ne_bytes());
    w.put(&hdr);
    w.attr_str(IFLA_IFNAME, &ifp.name);
    w.attr_u8(IFLA_OPERSTATE, oper);
    w.attr_u8(IFLA_CARRIER, carrier);
    if ifp.kind.has_lladdr() {
        // if_getaddrlen() != 0: the AF_LINK ifaddr (dump_sa), then if_broadcastaddr.
        w.attr(IFLA_ADDRESS, &ifp.lladdr);
        w.attr(IFLA_BROADCAST, &[0xff; 6]);
    }
    w.attr_u32(IFLA_MTU, ifp.mtu);
    if let Some(d) = &ifp.description {
        w.attr_str(IFLA_IFALIAS, d);
    }
    let off = w.nested(IFLA_FREEBSD);
    if ifp.kind.has_lladdr() {
        // get_hwaddr(): if_gethwaddr() succeeds for Ethernet-like types.
        w.attr(IFLAF_ORIG_HWADDR, &ifp.hwaddr);
    }
    w.set_len(off);
    // get_stats(): struct rtnl_link_stats64, 24 u64 counters.
    let mut st = Vec::with_capacity(196);
    st.extend_from_slice(&196u16.to_ne_bytes());
    st.extend_from_slice(&IFLA_STATS64.to_ne_bytes());
    let c = &ifp.counters;
    let mut vals = [0u64; 24];
    vals[0] = c.rx_packets;
    vals[1] = c.tx_packets;
    vals[2] = c.rx_bytes;
    vals[3] = c.tx_bytes;
    vals[4] = c.rx_errors;
    vals[5] = c.tx_errors;
    vals[6] = c.rx_dropped;
    vals[7] = c.tx_dropped;
    vals[8] = c.multicast;
    vals[23] = c.rx_nohandler;
    for v in vals {
        st.extend_from_slice(&v.to_ne_bytes());
    }
    w.put(&st);
    w.attr_u32(IFLA_PROMISCUITY, u32::from(ifp.flags & IFF_PROMISC != 0));
    if ifp.gre.as_ref().is_some_and(|g| g.nl) {
        crate::net::if_gre::gre_clone_dump_nl(w, ifp);
    } else if let Some(dname) = ifp.cloner() {
        // ifc_dump_ifp_nl_default().
        let off = w.nested(IFLA_LINKINFO);
        w.attr_str(IFLA_INFO_KIND, dname);
        w.set_len(off);
    }
    w.end();
}

/// `struct nl_parsed_link`.
#[derive(Debug, Default, Clone)]
pub(crate) struct ParsedLink {
    pub(crate) ifi_type: u16,
    pub(crate) ifi_index: u32,
    pub(crate) ifi_flags: u32,
    pub(crate) ifi_change: u32,
    pub(crate) ifname: Option<String>,
    pub(crate) mtu: u32,
    pub(crate) link: u32,
    pub(crate) cloner: Option<String>,
    /// IFLA_LINKINFO was present.
    pub(crate) linkinfo: bool,
    /// IFLA_INFO_DATA: its payload and the payload's offset in the message.
    pub(crate) idata: Option<(Vec<u8>, usize)>,
    pub(crate) ifalias: Option<String>,
}

/// `ifmsg_parser` (`NL_DECLARE_STRICT_PARSER` with `check_ifmsg`).
pub(crate) fn parse_ifmsg(req: &mut Req) -> Result<ParsedLink, i32> {
    let payload = req.payload().to_vec();
    parse_ifmsg_raw(&payload, &mut req.npt)
}

fn parse_ifmsg_raw(payload: &[u8], npt: &mut Npt) -> Result<ParsedLink, i32> {
    let h = fixed_header(payload, 16, npt)?;
    if npt.strict
        && (h.get(1).copied() != Some(0)
            || rd16(&h, 2) != 0
            || rd32(&h, 8) != 0
            || rd32(&h, 12) != 0)
    {
        npt.err("strict checking: non-zero values in ifinfomsg header".into());
        return Err(EINVAL);
    }
    let mut p = ParsedLink {
        ifi_type: rd16(&h, 2),
        ifi_index: rd32(&h, 4),
        ifi_flags: rd32(&h, 8),
        ifi_change: rd32(&h, 12),
        ..ParsedLink::default()
    };
    let attrs = payload.get(16..).unwrap_or(&[]);
    walk_attrs(attrs, 32, npt, |a, npt| {
        match a.ty {
            IFLA_IFNAME | IFLA_ALT_IFNAME => p.ifname = Some(get_string(a, npt)?),
            IFLA_MTU => p.mtu = get_u32(a, npt)?,
            IFLA_LINK => p.link = get_u32(a, npt)?,
            IFLA_LINKINFO => {
                p.linkinfo = true;
                let base = a.off.saturating_add(4);
                let mut idata = None;
                walk_attrs(a.data, base, npt, |b, _| {
                    if b.ty == IFLA_INFO_KIND {
                        p.cloner = Some(get_stringn(b));
                    }
                    if b.ty == IFLA_INFO_DATA {
                        idata = Some((b.data.to_vec(), b.off.saturating_add(4)));
                    }
                    Ok(())
                })?;
                p.idata = idata;
            }
            IFLA_IFALIAS => p.ifalias = Some(get_string(a, npt)?),
            IFLA_GROUP => {
                // Parsed as a string (nla_p_if), so a Linux u32 group is EINVAL unless it
                // happens to contain a NUL byte.
                get_string(a, npt)?;
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(p)
}

impl Iface {
    /// `if_dname` of a cloned interface (the cloner name), `None` for hardware.
    pub(crate) fn cloner(&self) -> Option<&'static str> {
        if !self.cloned && self.kind != Kind::Loopback {
            return None;
        }
        Some(match self.kind {
            Kind::Loopback => "lo",
            Kind::Bridge => "bridge",
            Kind::Tun => "tun",
            Kind::Vlan => "vlan",
            Kind::Gif => "gif",
            Kind::Gre => "gre",
            Kind::Ether => {
                if self.name.starts_with("epair") {
                    "epair"
                } else {
                    "tap"
                }
            }
        })
    }
}

/// Cloners present in the model, in `V_if_cloners` order, with the kind they create.
const CLONERS: &[(&str, Kind)] = &[
    ("epair", Kind::Ether),
    ("tap", Kind::Ether),
    ("tun", Kind::Tun),
    ("gif", Kind::Gif),
    ("gre", Kind::Gre),
    ("vlan", Kind::Vlan),
    ("bridge", Kind::Bridge),
    ("lo", Kind::Loopback),
];

/// `ifc_simple_match()` (epair: `epair<unit>` or `epair<unit>[ab]`): returns the cloner
/// and the unit (`None` = auto).
fn match_cloner(name: &str) -> Option<(&'static str, Kind, Option<u32>)> {
    for (cname, kind) in CLONERS {
        if let Some(rest) = name.strip_prefix(cname) {
            let digits = if *cname == "epair" {
                rest.strip_suffix('a').unwrap_or(rest)
            } else {
                rest
            };
            if digits.is_empty() {
                return Some((cname, *kind, None));
            }
            if digits.bytes().all(|c| c.is_ascii_digit()) {
                if digits.len() > 1 && digits.starts_with('0') {
                    return None;
                }
                return digits.parse().ok().map(|u| (*cname, *kind, Some(u)));
            }
        }
    }
    None
}

impl Kernel {
    /// `match_iface()`, including quirk N1: a non-zero `ifi_type` is compared with
    /// `ifi_index`, not with the interface type.
    fn match_iface(p: &ParsedLink, ifp: &Iface) -> bool {
        if p.ifi_index != 0 && p.ifi_index != ifp.index {
            return false;
        }
        if p.ifi_type != 0 && p.ifi_index != u32::from(ifp.kind.if_type()) {
            return false;
        }
        if let Some(n) = &p.ifname {
            if *n != ifp.name {
                return false;
            }
        }
        true
    }

    /// `rtnl_handle_getlink()`: by index or name (ENODEV when absent or filtered out),
    /// else a dump (flags | NLM_F_MULTI) closed by NLMSG_DONE.
    pub(crate) fn rtnl_handle_getlink(&mut self, req: &mut Req) -> i32 {
        let p = match parse_ifmsg(req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        let mut t = Tmpl {
            pid: req.pid(),
            seq: req.seq(),
            ty: NL_RTM_NEWLINK,
            flags: req.flags(),
        };
        if p.ifi_index != 0 || p.ifname.is_some() {
            let ifp = if p.ifi_index != 0 {
                self.state.iface(p.ifi_index)
            } else {
                p.ifname
                    .as_deref()
                    .and_then(|n| self.state.iface_by_name(n))
            };
            return match ifp {
                Some(ifp) if Kernel::match_iface(&p, ifp) => {
                    dump_iface(&mut req.w, ifp, t, 0);
                    0
                }
                _ => ENODEV,
            };
        }
        t.flags |= NLM_F_MULTI;
        for ifp in &self.state.ifaces {
            if Kernel::match_iface(&p, ifp) {
                dump_iface(&mut req.w, ifp, t, 0);
            }
        }
        req.w.end_dump(0, t.pid, t.seq);
        0
    }

    /// `rtnl_handle_newlink()`: NLM_F_CREATE → `create_link`, else `modify_link`.
    pub(crate) fn rtnl_handle_newlink(&mut self, req: &mut Req) -> i32 {
        let p = match parse_ifmsg(req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        if req.flags() & NLM_F_CREATE != 0 {
            self.create_link(req, &p)
        } else {
            self.modify_link(req, &p)
        }
    }

    /// `create_link()` + `ifc_create_ifp_nl()`: the cloner is chosen by the interface
    /// **name** (IFLA_INFO_KIND only has to be non-empty); EEXIST for an existing name;
    /// EINVAL without a matching cloner; on success the ack carries the cookie
    /// `{IFLA_NEW_IFINDEX, IFLA_IFNAME}`.
    fn create_link(&mut self, req: &mut Req, p: &ParsedLink) -> i32 {
        let name = p.ifname.clone().unwrap_or_default();
        if name.is_empty() {
            req.npt.err("empty IFLA_IFNAME attribute".into());
            return EINVAL;
        }
        if p.cloner.as_deref().unwrap_or("").is_empty() {
            req.npt.err("empty IFLA_INFO_KIND attribute".into());
            return EINVAL;
        }
        let Some((cname, kind, unit)) = match_cloner(&name) else {
            return EINVAL;
        };
        if self.state.iface_by_name(&name).is_some() {
            return EEXIST;
        }
        let name = match unit {
            Some(_) => name,
            None => {
                let mut u = 0u32;
                while self.state.iface_by_name(&format!("{cname}{u}")).is_some()
                    || (cname == "epair"
                        && self.state.iface_by_name(&format!("{cname}{u}a")).is_some())
                {
                    u = u.saturating_add(1);
                }
                format!("{cname}{u}")
            }
        };
        let idx = if cname == "epair" {
            let base = name.strip_suffix('a').unwrap_or(&name).to_string();
            let a = self.attach_iface(&format!("{base}a"), kind, None, None, true);
            self.attach_iface(&format!("{base}b"), kind, None, None, true);
            a
        } else {
            self.attach_iface(&name, kind, None, None, true)
        };
        // The cloner's modify_nl after creation: gre_clone_modify_nl() on main, the
        // generic modification otherwise.
        let err = self.cloner_modify_nl(req, idx, p);
        if err == 0 {
            self.store_ifp_cookie(req, idx);
        }
        err
    }

    /// `_nl_store_ifp_cookie()`.
    fn store_ifp_cookie(&self, req: &mut Req, idx: u32) {
        let Some(ifp) = self.state.iface(idx) else {
            return;
        };
        let mut c = Vec::new();
        c.extend_from_slice(&8u16.to_ne_bytes());
        c.extend_from_slice(&IFLA_NEW_IFINDEX.to_ne_bytes());
        c.extend_from_slice(&idx.to_ne_bytes());
        let nlen = ifp.name.len().saturating_add(1);
        c.extend_from_slice(
            &u16::try_from(nlen.saturating_add(4))
                .unwrap_or(0)
                .to_ne_bytes(),
        );
        c.extend_from_slice(&IFLA_IFNAME.to_ne_bytes());
        c.extend_from_slice(ifp.name.as_bytes());
        c.push(0);
        c.resize(crate::writer::align4(c.len()), 0);
        req.npt.cookie = Some(c);
    }

    /// `modify_link()`: EPERM "empty ifi_index field" for an empty request (quirk N3,
    /// Linux says ENODEV); ENOENT for unknown index or name.
    fn modify_link(&mut self, req: &mut Req, p: &ParsedLink) -> i32 {
        if p.ifi_index == 0 && p.ifname.is_none() {
            req.npt.err("empty ifi_index field".into());
            return EPERM;
        }
        let idx = if p.ifi_index != 0 {
            match self.state.iface(p.ifi_index) {
                Some(i) => i.index,
                None => {
                    req.npt
                        .err(format!("unable to find interface #{}", p.ifi_index));
                    return ENOENT;
                }
            }
        } else {
            let n = p.ifname.clone().unwrap_or_default();
            match self.state.iface_by_name(&n) {
                Some(i) => i.index,
                None => {
                    req.npt.err(format!("unable to find interface {n}"));
                    return ENOENT;
                }
            }
        };
        self.cloner_modify_nl(req, idx, p)
    }

    /// `ifc_modify_ifp_nl()` (`net/if_clone.c`): the cloner's `modify_nl` method —
    /// `gre_clone_modify_nl()` for gre(4) on main — or the generic modification.
    fn cloner_modify_nl(&mut self, req: &mut Req, idx: u32, p: &ParsedLink) -> i32 {
        if self
            .state
            .iface(idx)
            .and_then(|i| i.gre.as_ref())
            .is_some_and(|g| g.nl)
        {
            return self.gre_clone_modify_nl(req, idx, p);
        }
        self.modify_generic(req, idx, p)
    }

    /// `_nl_modify_ifp_generic()`: description, down (only — bringing a link up through
    /// netlink is not implemented in FreeBSD 14, see `docs/freebsd-sim.md`), MTU through
    /// `ifhwioctl(SIOCSIFMTU)` whose error it ignores (`iface_drivers.c` @ba0fe1dd stores
    /// it in `error` and returns 0), promisc.
    pub(crate) fn modify_generic(&mut self, req: &mut Req, idx: u32, p: &ParsedLink) -> i32 {
        if let Some(a) = &p.ifalias {
            if !req.cred.privileged() {
                req.npt.err("Not enough privileges to set descr".into());
                return EPERM;
            }
            if let Some(i) = self.state.iface_mut(idx) {
                i.description = Some(a.clone());
            }
        }
        if p.ifi_change & IFF_UP != 0 && p.ifi_flags & IFF_UP == 0 {
            self.if_down(idx);
        } else if p.ifi_change & IFF_UP != 0 && p.ifi_flags & IFF_UP != 0 && self.netlink_if_up {
            self.if_up(idx);
        }
        if p.mtu > 0 {
            if !req.cred.privileged() {
                req.npt.err("Not enough privileges to set mtu".into());
                return EPERM;
            }
            // ifhwioctl(SIOCSIFMTU)'s error (an MTU below IF_MINMTU, ...) is discarded:
            // the request is acked with 0 and the MTU stays.
            let _ = self.set_mtu(idx, p.mtu);
        }
        if p.ifi_change & IFF_PROMISC != 0 {
            self.set_promisc(idx, p.ifi_flags & IFF_PROMISC != 0);
        }
        0
    }

    /// `rtnl_handle_dellink()`: by index only (ENOENT), then `if_clone_destroy()`:
    /// EINVAL for interfaces without a cloner and for `lo0`.
    pub(crate) fn rtnl_handle_dellink(&mut self, req: &mut Req) -> i32 {
        let p = match parse_ifmsg(req) {
            Ok(p) => p,
            Err(e) => return e,
        };
        let Some(ifp) = self.state.iface(p.ifi_index) else {
            return ENOENT;
        };
        if ifp.cloner().is_none() || (ifp.kind == Kind::Loopback && ifp.name == "lo0") {
            return EINVAL;
        }
        let name = ifp.name.clone();
        if let Some(base) = name.strip_suffix('a').or_else(|| name.strip_suffix('b')) {
            if base.starts_with("epair") {
                // Destroying either end destroys the pair.
                for end in ["a", "b"] {
                    if let Some(i) = self.state.iface_by_name(&format!("{base}{end}")) {
                        let ix = i.index;
                        self.detach_iface(ix);
                    }
                }
                return 0;
            }
        }
        self.detach_iface(p.ifi_index);
        0
    }
}

// Netlink side of kernel events.
impl Kernel {
    /// `rtnl_handle_ifevent()`: NLMSG_LARGE group writer, header `{type}` only.
    pub(crate) fn link_event(&mut self, index: u32, ty: u16, change: u32) {
        if !self.has_listeners(NETLINK_ROUTE, RTNLGRP_LINK) {
            return;
        }
        let Some(ifp) = self.state.iface(index) else {
            return;
        };
        let mut w = Writer::new(NLMSG_LARGE);
        dump_iface(
            &mut w,
            ifp,
            Tmpl {
                ty,
                ..Tmpl::default()
            },
            change,
        );
        self.send_group(NETLINK_ROUTE, RTNLGRP_LINK, false, w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cloner_matching() {
        assert_eq!(match_cloner("lo10"), Some(("lo", Kind::Loopback, Some(10))));
        assert_eq!(match_cloner("bridge"), Some(("bridge", Kind::Bridge, None)));
        assert_eq!(
            match_cloner("epair3a"),
            Some(("epair", Kind::Ether, Some(3)))
        );
        assert_eq!(match_cloner("em5"), None);
        assert_eq!(match_cloner("lo01"), None);
    }
}
