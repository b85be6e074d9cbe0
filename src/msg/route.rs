// SPDX-License-Identifier: BSD-2-Clause
//! Routes: `RTM_NEWROUTE`, `RTM_DELROUTE`, `RTM_GETROUTE` (`struct rtmsg` + `RTA_*`).
//!
//! Linux: `include/uapi/linux/rtnetlink.h`; FreeBSD: `sys/netlink/route/route.h`;
//! behaviour: `sys/netlink/route/rt.c` (`dump_px`, `dump_rc_nhg`, `rtm_parser`).
//! `rtm_protocol`, `rtm_scope`, `rtm_type` and `rtm_flags` use the same values on both
//! (checked in `tests/tables.rs`).

use super::maps::{AF_MAP, RTM_TABLE_MAP, RT_TABLE_MAP};
use crate::engine::{patch_attrs, translate_attrs};
use crate::error::{off32, Error};
use crate::table::Dir;
use crate::table::Hooks;
use crate::table::MsgState;
use crate::table::{Conv, Kind, MsgSpec};
use crate::wire::{
    align4, attrs_after, edit_header, read_header, read_u16, Attr, Msg, Writer, NLA_HDRLEN,
};
use crate::Result;
use crate::{attr_table, field, freebsd_only, linux_only, same};
use core::mem::{offset_of, size_of};
use freebsd_abi as f;
use linux_abi as l;

attr_table! {
/// Route metrics nested in `RTA_METRICS` (same ids on both; FreeBSD only acts on MTU).
pub static RTAX = AttrTable {
    name: "RTAX",
    rules: &[
        same!(RTAX_LOCK),
        same!(RTAX_MTU),
        same!(RTAX_WINDOW),
        same!(RTAX_RTT),
        same!(RTAX_RTTVAR),
        same!(RTAX_SSTHRESH),
        same!(RTAX_CWND),
        same!(RTAX_ADVMSS),
        same!(RTAX_REORDERING),
        same!(RTAX_HOPLIMIT),
        same!(RTAX_INITCWND),
        same!(RTAX_FEATURES),
        same!(RTAX_RTO_MIN),
        same!(RTAX_INITRWND),
        same!(RTAX_QUICKACK),
        same!(RTAX_CC_ALGO),
        same!(RTAX_FASTOPEN_NO_COOKIE),
    ],
    synth_linux: &[],
};
}

attr_table! {
/// Route attributes.
pub static RTA = AttrTable {
    name: "RTA",
    rules: &[
        same!(RTA_DST, Kind::Patched(dst, dst_in_place), "omitted on Linux for a default route"),
        same!(RTA_SRC),
        same!(RTA_IIF),
        same!(RTA_OIF),
        same!(RTA_GATEWAY),
        same!(RTA_PRIORITY),
        same!(RTA_PREFSRC),
        same!(RTA_METRICS, Kind::Nested(&RTAX), ""),
        same!(RTA_MULTIPATH, Kind::Patched(multipath, multipath_in_place), "rtnexthop array; hops = weight − 1 on Linux, weight on FreeBSD"),
        linux_only!(RTA_PROTOINFO, "ABI: id 10 is FreeBSD NL_RTA_KNH_ID"),
        freebsd_only!(NL_RTA_KNH_ID, "ABI: id 10 is Linux RTA_PROTOINFO"),
        same!(RTA_FLOW),
        same!(RTA_CACHEINFO),
        linux_only!(RTA_SESSION, "ABI: id 13 is FreeBSD NL_RTA_WEIGHT"),
        freebsd_only!(NL_RTA_WEIGHT, "ABI: id 13 is Linux RTA_SESSION"),
        linux_only!(RTA_MP_ALGO, "ABI: id 14 is FreeBSD NL_RTA_RTFLAGS"),
        freebsd_only!(NL_RTA_RTFLAGS, "ABI: id 14 is Linux RTA_MP_ALGO"),
        same!(RTA_TABLE, Kind::U32(&RT_TABLE_MAP), "main 254 ↔ 0, unspec 0 ↔ 0xFFFFFFFF"),
        linux_only!(RTA_MARK, "policy routing by mark: none on FreeBSD"),
        same!(RTA_MFC_STATS),
        same!(RTA_VIA, Kind::Patched(via, via_in_place), "ABI: u16 family on Linux, u8 on FreeBSD"),
        same!(RTA_NEWDST),
        same!(RTA_PREF),
        same!(RTA_ENCAP_TYPE),
        same!(RTA_ENCAP),
        same!(RTA_EXPIRES),
        linux_only!(RTA_PAD, "alignment padding"),
        linux_only!(RTA_UID, "uid-based routing: none on FreeBSD"),
        same!(RTA_TTL_PROPAGATE),
        same!(RTA_IP_PROTO),
        same!(RTA_SPORT),
        same!(RTA_DPORT),
        same!(RTA_NH_ID),
    ],
    synth_linux: &[],
};
}

/// The route family.
#[rustfmt::skip]
pub static ROUTE: MsgSpec = MsgSpec {
    name: "route",
    types: &[l::RTM_NEWROUTE, l::RTM_DELROUTE, l::RTM_GETROUTE],
    header_len: size_of::<l::rtmsg>(),
    fields: &[
        field!(rtmsg.rtm_family, Conv::Family(&AF_MAP)),
        field!(rtmsg.rtm_table, Conv::U8(&RTM_TABLE_MAP)),
    ],
    attrs: &RTA,
    to_freebsd: Hooks { append: Some(default_dst), fixup: None },
    to_linux: Hooks { append: None, fixup: Some(fix_rtm_table) },
};

/// `RTA_VIA`: Linux `struct rtvia` starts with a u16 family, FreeBSD's with a u8 family
/// (`sys/netlink/route/route.h`; FreeBSD writes 17 bytes for IPv4 over an IPv6 gateway,
/// `rt.c dump_rc_nhop_gw`). The address bytes follow unchanged.
fn via(
    _st: &mut MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<()> {
    let Some(ty) = out_type else {
        return Ok(());
    };
    let p = attr.payload();
    let at = off32(attr.payload_offset());
    let (family, addr) = match dir {
        Dir::LinuxToFreebsd => {
            let fam = read_u16(p, 0).ok_or(Error::Truncated { off: at })?;
            (fam, p.get(2..).unwrap_or_default())
        }
        Dir::FreebsdToLinux => {
            let (&fam, rest) = p.split_first().ok_or(Error::Truncated { off: at })?;
            (u16::from(fam), rest)
        }
    };
    let fam8 = u8::try_from(family).map_err(|_| Error::Family { off: at, family })?;
    let mapped = AF_MAP
        .map(dir, fam8)
        .ok_or(Error::Family { off: at, family })?;
    let mut buf = [0u8; 2 + 16];
    let head: usize = match dir {
        Dir::LinuxToFreebsd => {
            if let Some(b) = buf.first_mut() {
                *b = mapped;
            }
            1
        }
        Dir::FreebsdToLinux => {
            crate::wire::write_u16(&mut buf, 0, u16::from(mapped));
            2
        }
    };
    let total = head.saturating_add(addr.len());
    let dst = buf.get_mut(head..total).ok_or(Error::Rejected {
        off: at,
        attr: attr.kind(),
    })?;
    crate::wire::copy(dst, addr);
    w.attr(ty, buf.get(..total).unwrap_or_default())
}

/// [`via`] in place: the family grows to a `u16` (Linux) or shrinks to a `u8` (FreeBSD), the
/// address moves by one byte.
fn via_in_place(_st: &MsgState<'_>, dir: Dir, src: Attr<'_>, out: &mut [u8]) -> Option<usize> {
    let p = src.payload();
    let (family, addr, head) = match dir {
        Dir::LinuxToFreebsd => (read_u16(p, 0)?, p.get(2..)?, 1usize),
        Dir::FreebsdToLinux => {
            let (&fam, rest) = p.split_first()?;
            (u16::from(fam), rest, 2usize)
        }
    };
    let mapped = AF_MAP.map(dir, u8::try_from(family).ok()?)?;
    // As `via`: at most a 16-byte address.
    if addr.len() > 16 {
        return None;
    }
    let len = NLA_HDRLEN.checked_add(head)?.checked_add(addr.len())?;
    let padded = align4(len)?;
    let body = out.get_mut(NLA_HDRLEN..padded)?;
    match dir {
        Dir::LinuxToFreebsd => *body.first_mut()? = mapped,
        Dir::FreebsdToLinux => crate::wire::write_u16(body, 0, u16::from(mapped))?,
    }
    let rest = body.get_mut(head..)?;
    let n = crate::wire::copy(rest, addr);
    rest.get_mut(n..)?.fill(0);
    crate::wire::write_u16(out, 0, u16::try_from(len).ok()?)?;
    Some(padded)
}

/// Size of `struct rtnexthop` (equal on both).
const RTNH_LEN: usize = size_of::<l::rtnexthop>();

/// `RTA_MULTIPATH`: an array of `struct rtnexthop`, each followed by nested route
/// attributes (`RTA_GATEWAY`, `RTA_VIA`, ...). The nested attributes go through [`RTA`];
/// each `rtnh_len` is recomputed. Weights: Linux stores weight − 1 in `rtnh_hops`
/// (`net/ipv4/fib_semantics.c`), FreeBSD stores the weight itself (`rt.c dump_rc_nhg`,
/// `nlf_p_rtnh`).
fn multipath(
    st: &mut MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<()> {
    let Some(ty) = out_type else {
        return Ok(());
    };
    let nest = w.begin_nest(ty)?;
    let p = attr.payload();
    let mut pos = 0usize;
    while pos < p.len() {
        let at = attr.payload_offset().saturating_add(pos);
        let rest = p.get(pos..).unwrap_or_default();
        let len = usize::from(read_u16(rest, 0).ok_or(Error::Truncated { off: off32(at) })?);
        if len < RTNH_LEN || len > rest.len() {
            return Err(Error::BadLength { off: off32(at) });
        }
        let mut hdr = [0u8; RTNH_LEN];
        crate::wire::copy(&mut hdr, rest.get(..RTNH_LEN).unwrap_or_default());
        let hops_off = offset_of!(l::rtnexthop, rtnh_hops);
        if let Some(h) = hdr.get_mut(hops_off) {
            *h = match dir {
                Dir::FreebsdToLinux => h.saturating_sub(1),
                Dir::LinuxToFreebsd => h.saturating_add(1),
            };
        }
        let start = w.len();
        w.put(&hdr)?;
        let inner = rest.get(RTNH_LEN..len).unwrap_or_default();
        translate_attrs(st, dir, &RTA, inner, at.saturating_add(RTNH_LEN), w, false)?;
        let out_len = u16::try_from(w.len().saturating_sub(start))
            .map_err(|_| Error::TooLong { off: off32(at) })?;
        w.patch(start, &out_len.to_ne_bytes());
        pos = pos.saturating_add(align4(len).unwrap_or(usize::MAX));
    }
    w.end_nest(nest)
}

/// [`multipath`] in place: each `struct rtnexthop` is rewritten at its new place (entries
/// move down when attributes inside them are dropped: FreeBSD adds its private
/// `NL_RTA_RTFLAGS` to each hop), `rtnh_hops` adjusted, the nested attributes patched through
/// [`RTA`] as the general path translates them, `rtnh_len` and `nla_len` recomputed.
fn multipath_in_place(st: &MsgState<'_>, dir: Dir, src: Attr<'_>, out: &mut [u8]) -> Option<usize> {
    let p = src.payload();
    // The nested walk notes no ids (not a message's top level), so a copy of the state will do.
    let mut st = MsgState { ..*st };
    let body = out.get_mut(NLA_HDRLEN..)?;
    let mut pos = 0usize;
    let mut wpos = 0usize;
    while pos < p.len() {
        let rest = p.get(pos..)?;
        let len = usize::from(read_u16(rest, 0)?);
        if len < RTNH_LEN || len > rest.len() {
            return None;
        }
        let step = align4(len)?;
        // Read from `p` only: `body` from `wpos` on holds bytes not needed any more.
        let entry = body.get_mut(wpos..wpos.checked_add(step)?)?;
        let head = entry.get_mut(..RTNH_LEN)?;
        crate::wire::copy(head, rest.get(..RTNH_LEN)?);
        let hops = head.get_mut(offset_of!(l::rtnexthop, rtnh_hops))?;
        *hops = match dir {
            Dir::FreebsdToLinux => hops.saturating_sub(1),
            Dir::LinuxToFreebsd => hops.saturating_add(1),
        };
        let inner = rest.get(RTNH_LEN..len)?;
        let inner_out = entry.get_mut(RTNH_LEN..)?;
        crate::wire::copy(inner_out, inner);
        let base = src
            .payload_offset()
            .saturating_add(pos)
            .saturating_add(RTNH_LEN);
        let kept = patch_attrs(&mut st, dir, &RTA, inner, inner_out, base, false)?;
        let entry_len = RTNH_LEN.checked_add(kept)?;
        crate::wire::write_u16(entry, 0, u16::try_from(entry_len).ok()?)?;
        wpos = wpos.checked_add(entry_len)?;
        pos = pos.checked_add(step)?;
    }
    let total = NLA_HDRLEN.checked_add(wpos)?;
    crate::wire::write_u16(out, 0, u16::try_from(total).ok()?)?;
    Some(total)
}

/// `RTA_DST`: FreeBSD writes it even for a default route (`rt.c dump_px`); Linux omits it when
/// `rtm_dst_len` is 0 (`net/ipv4/fib_semantics.c fib_dump_info`), and iproute2 then prints
/// `default` instead of `0.0.0.0/0`.
fn dst(
    st: &mut MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<()> {
    let Some(ty) = out_type else {
        return Ok(());
    };
    if dir == Dir::FreebsdToLinux {
        if let Some(asked) = get_reply_dst(st) {
            return w.attr(ty, asked);
        }
    }
    let dst_len = read_header::<f::rtmsg>(st.src_header()).map(|h| h.rtm_dst_len);
    if dir == Dir::FreebsdToLinux && dst_len == Some(0) && attr.payload().iter().all(|&b| b == 0) {
        return Ok(());
    }
    w.attr(ty, attr.payload())
}

/// [`dst`] in place: the attribute stays as copied unless [`dst`] would replace it (the reply
/// to `ip route get`) or drop it (a default route), which the general path then does.
fn dst_in_place(st: &MsgState<'_>, dir: Dir, src: Attr<'_>, _out: &mut [u8]) -> Option<usize> {
    let size = align4(NLA_HDRLEN.checked_add(src.payload().len())?)?;
    if dir == Dir::LinuxToFreebsd {
        return Some(size);
    }
    let dst_len = read_header::<f::rtmsg>(st.src_header()).map(|h| h.rtm_dst_len);
    let default = dst_len == Some(0) && src.payload().iter().all(|&b| b == 0);
    (!default && get_reply_dst(st).is_none()).then_some(size)
}

/// FreeBSD's route handlers need `RTA_DST` (`rt.c`: EINVAL without it) where Linux takes a
/// missing one as the default route: add the all-zero address for a Linux request without it.
fn default_dst(st: &mut MsgState<'_>, msg: Msg<'_>, w: &mut Writer<'_>) -> Result<()> {
    if msg.flags() & l::NLM_F_DUMP == l::NLM_F_DUMP {
        return Ok(());
    }
    if attrs_after(msg.payload(), size_of::<l::rtmsg>())
        .find(l::RTA_DST)
        .is_some()
    {
        return Ok(());
    }
    let family = st.src_header().first().copied();
    let zeros = [0u8; 16];
    let len = match family {
        Some(l::AF_INET) => 4,
        Some(l::AF_INET6) => 16,
        _ => return Ok(()),
    };
    w.attr(f::NL_RTA_DST, zeros.get(..len).unwrap_or_default())
}

/// `RT_TABLE_COMPAT`: what Linux writes in the header byte for tables ≥ 256
/// (`include/uapi/linux/rtnetlink.h`).
const RT_TABLE_COMPAT: u8 = 252;

/// The header's `rtm_table` on Linux follows `RTA_TABLE` (`net/ipv4/fib_semantics.c
/// fib_dump_info`: the id when below 256, else `RT_TABLE_COMPAT`); FreeBSD leaves it 0 for
/// fibs ≥ 255 (`rt.c dump_px`), which would read as main.
fn fix_rtm_table(st: &MsgState<'_>, src_payload: &[u8], out_header: &mut [u8]) {
    if let Some(asked) = get_reply_dst(st) {
        fix_get_reply(asked, out_header);
    }
    let attrs = attrs_after(src_payload, size_of::<f::rtmsg>());
    let Some(fib) = attrs.find(f::NL_RTA_TABLE).and_then(|a| a.u32()) else {
        return;
    };
    let Some(table) = RT_TABLE_MAP.map(Dir::FreebsdToLinux, fib) else {
        return;
    };
    edit_header(out_header, |h: &mut l::rtmsg| {
        h.rtm_table = u8::try_from(table).unwrap_or(RT_TABLE_COMPAT);
    });
}

/// For the reply to a single `RTM_GETROUTE` (`ip route get`): the address asked about, from
/// the Linux request the caller kept.
///
/// Linux answers a lookup with a host route for exactly that address (`RTA_DST` = the query,
/// `rtm_dst_len` 32/128; for IPv4 also `RTM_F_CLONED` and protocol unspecified:
/// `net/ipv4/route.c rt_fill_info`), so iproute2 prints `192.0.2.77 dev eth0 ... cache`. FreeBSD answers with the
/// matching prefix (`rt.c handle_rtm_getroute` → `dump_px`).
fn get_reply_dst<'a>(st: &MsgState<'a>) -> Option<&'a [u8]> {
    let (ty, flags) = st.msg_type_flags();
    if ty != f::RTM_NEWROUTE || flags & f::NLM_F_MULTI != 0 {
        return None;
    }
    let req = st.request()?;
    if req.msg_type() != l::RTM_GETROUTE || req.flags() & l::NLM_F_DUMP == l::NLM_F_DUMP {
        return None;
    }
    let dst = attrs_after(req.payload(), size_of::<l::rtmsg>()).find(l::RTA_DST)?;
    matches!(dst.payload().len(), 4 | 16).then_some(dst.payload())
}

/// The header of a lookup reply, as Linux writes it (see [`get_reply_dst`]). IPv6 differs:
/// `net/ipv6/route.c rt6_fill_node` keeps the route's protocol and sets `RTM_F_CLONED` only
/// for cached (`RTF_CACHE`) entries, which a plain lookup does not return.
fn fix_get_reply(asked: &[u8], out_header: &mut [u8]) {
    let bits = u8::try_from(asked.len().saturating_mul(8)).unwrap_or(u8::MAX);
    let v4 = asked.len() == 4;
    edit_header(out_header, |h: &mut l::rtmsg| {
        h.rtm_dst_len = bits;
        if v4 {
            h.rtm_protocol = l::RTPROT_UNSPEC;
            h.rtm_flags |= l::RTM_F_CLONED;
        }
    });
}
