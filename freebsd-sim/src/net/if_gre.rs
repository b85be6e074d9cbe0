// SPDX-License-Identifier: BSD-2-Clause
//! gre(4)'s netlink cloner methods on FreeBSD main: `sys/net/if_gre.c`
//! (`gre_clone_modify_nl`, `gre_clone_dump_nl`, `gre_set_addr_nl`, `gre_set_flags`,
//! `gre_set_udp_sport`, `gre_set_encap_nl`), the attribute ids of
//! `sys/netlink/route/interface.h` @1712da01 (FreeBSD's own `IFLA_GRE_*`, not Linux's) and
//! the option bits of `net/if_gre.h`. In 14 and 15 the gre cloner has no netlink methods:
//! IFLA_INFO_DATA is ignored and dumps carry only IFLA_INFO_KIND.

use std::net::IpAddr;

use freebsd_abi::{
    IFLA_GRE_ENCAP_SPORT, IFLA_GRE_ENCAP_TYPE, IFLA_GRE_FLAGS, IFLA_GRE_LOCAL, IFLA_GRE_OKEY,
    IFLA_GRE_REMOTE, IFLA_TUNNEL_GRE_UDP, IFLA_TUNNEL_NONE,
};

use crate::kernel::{Kernel, Req};
use crate::parse::{get_ip, get_u16, get_u32, walk_attrs};
use crate::route::link::ParsedLink;
use crate::state::{GreState, Iface};
use crate::writer::Writer;
use freebsd_abi::*;

/// `GRE_ENABLE_CSUM`, `GRE_ENABLE_SEQ`, `GRE_UDPENCAP` (`net/if_gre.h`).
const GRE_UDPENCAP: u32 = 0x0004;
const GRE_OPTMASK: u32 = 0x0001 | 0x0002 | GRE_UDPENCAP;
/// `V_ipport_hifirstauto` / `V_ipport_hilastauto` defaults (`netinet/in_pcb.c`).
const HIFIRSTAUTO: u16 = 49152;
const HILASTAUTO: u16 = 65535;

/// `struct nl_parsed_gre` with the attributes seen (`nl_get_attrs_bmask_raw`).
#[derive(Default)]
struct ParsedGre {
    local: Option<IpAddr>,
    remote: Option<IpAddr>,
    flags: Option<u32>,
    okey: Option<u32>,
    encap_type: Option<u32>,
    encap_sport: Option<u16>,
}

impl Kernel {
    /// `gre_clone_modify_nl()`: without IFLA_LINKINFO{IFLA_INFO_DATA} only the generic
    /// modification; otherwise PRIV_NET_GRE (EPERM), the tunnel endpoints (both or
    /// EINVAL "Specify both remote and local address together"), options, key,
    /// encapsulation and UDP source port in that order, then the generic modification.
    pub(crate) fn gre_clone_modify_nl(&mut self, req: &mut Req, idx: u32, p: &ParsedLink) -> i32 {
        let Some((data, base)) = p.idata.clone().filter(|_| p.linkinfo) else {
            return self.modify_generic(req, idx, p);
        };
        if !req.cred.privileged() {
            return EPERM;
        }
        let mut g = ParsedGre::default();
        let npt = &mut req.npt;
        let r = walk_attrs(&data, base, npt, |a, npt| {
            match a.ty {
                IFLA_GRE_LOCAL => g.local = Some(get_ip(a, npt)?),
                IFLA_GRE_REMOTE => g.remote = Some(get_ip(a, npt)?),
                IFLA_GRE_FLAGS => g.flags = Some(get_u32(a, npt)?),
                IFLA_GRE_OKEY => g.okey = Some(get_u32(a, npt)?),
                IFLA_GRE_ENCAP_TYPE => g.encap_type = Some(get_u32(a, npt)?),
                IFLA_GRE_ENCAP_SPORT => g.encap_sport = Some(get_u16(a, npt)?),
                _ => {}
            }
            Ok(())
        });
        if let Err(e) = r {
            return e;
        }
        let Some(mut sc) = self.state.iface(idx).and_then(|i| i.gre.clone()) else {
            return self.modify_generic(req, idx, p);
        };
        let mut error = match (g.local, g.remote) {
            (Some(src), Some(dst)) => gre_set_addr(&mut sc, req, src, dst),
            (None, None) => 0,
            _ => {
                req.npt
                    .err("Specify both remote and local address together".into());
                EINVAL
            }
        };
        if error == 0 {
            if let Some(f) = g.flags {
                error = gre_set_flags(&mut sc, f);
                if error == EINVAL {
                    req.npt.err("gre flags are invalid".into());
                }
            }
        }
        if error == 0 {
            if let Some(k) = g.okey {
                sc.key = k;
            }
        }
        if error == 0 {
            if let Some(t) = g.encap_type {
                // gre_set_encap_nl(): the type only toggles GRE_UDPENCAP.
                let opt = if t & u32::from(IFLA_TUNNEL_GRE_UDP) != 0 {
                    sc.options | GRE_UDPENCAP
                } else {
                    sc.options & !GRE_UDPENCAP
                };
                error = gre_set_flags(&mut sc, opt);
            }
        }
        if error == 0 {
            if let Some(port) = g.encap_sport {
                // gre_set_udp_sport(): 0 or an ephemeral port.
                if port != 0 && !(HIFIRSTAUTO..=HILASTAUTO).contains(&port) {
                    req.npt.err(format!("source port is invalid: {port}"));
                    error = EINVAL;
                } else {
                    sc.port = port;
                }
            }
        }
        if let Some(i) = self.state.iface_mut(idx) {
            i.gre = Some(sc);
        }
        if error != 0 {
            return error;
        }
        self.modify_generic(req, idx, p)
    }
}

/// `gre_set_addr_nl()` → `in_gre_ioctl`/`in6_gre_ioctl(SIOCSIFPHYADDR*)`: both
/// endpoints of one family (EADDRNOTAVAIL "address is invalid" otherwise, and for an
/// unspecified address).
fn gre_set_addr(sc: &mut GreState, req: &mut Req, src: IpAddr, dst: IpAddr) -> i32 {
    if src.is_ipv4() != dst.is_ipv4() || src.is_unspecified() || dst.is_unspecified() {
        req.npt.err("address is invalid".into());
        return EADDRNOTAVAIL;
    }
    sc.local = Some(src);
    sc.remote = Some(dst);
    0
}

/// `gre_set_flags()`: bits outside GRE_OPTMASK are EINVAL.
fn gre_set_flags(sc: &mut GreState, opt: u32) -> i32 {
    if opt & !GRE_OPTMASK != 0 {
        return EINVAL;
    }
    sc.options = opt;
    0
}

/// `gre_clone_dump_nl()`, in place of the default IFLA_LINKINFO: IFLA_LINK (the
/// interface's own index) and IFLA_IFNAME again, then IFLA_LINKINFO{IFLA_INFO_KIND
/// "gre", IFLA_INFO_DATA{endpoints, FLAGS, OKEY, ENCAP_TYPE, ENCAP_SPORT}}. As in the
/// source read, the remote endpoint is written with the IFLA_GRE_LOCAL id too.
pub(crate) fn gre_clone_dump_nl(w: &mut Writer, ifp: &Iface) {
    let Some(sc) = &ifp.gre else {
        return;
    };
    w.attr_u32(IFLA_LINK, ifp.index);
    w.attr_str(IFLA_IFNAME, &ifp.name);
    let off = w.nested(IFLA_LINKINFO);
    w.attr_str(IFLA_INFO_KIND, "gre");
    let off2 = w.nested(IFLA_INFO_DATA);
    if let (Some(l), Some(r)) = (sc.local, sc.remote) {
        w.attr_ip(IFLA_GRE_LOCAL, &l);
        w.attr_ip(IFLA_GRE_LOCAL, &r);
    }
    w.attr_u32(IFLA_GRE_FLAGS, sc.options);
    w.attr_u32(IFLA_GRE_OKEY, sc.key);
    let ty = if sc.options & GRE_UDPENCAP != 0 {
        IFLA_TUNNEL_GRE_UDP
    } else {
        IFLA_TUNNEL_NONE
    };
    w.attr_u32(IFLA_GRE_ENCAP_TYPE, u32::from(ty));
    w.attr(IFLA_GRE_ENCAP_SPORT, &sc.port.to_ne_bytes());
    w.set_len(off2);
    w.set_len(off);
}
