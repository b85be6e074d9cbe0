// SPDX-License-Identifier: BSD-2-Clause
//! Shared test helpers: a message builder and a strict parser written independently of the
//! translator's `wire` module, and a fixed test host.
//!
//! The builder follows the framing of Linux `include/uapi/linux/netlink.h` (`NLMSG_ALIGN`,
//! `NLA_ALIGN`: 4 bytes, host-endian `nlmsghdr` and `nlattr`).
#![allow(
    dead_code,
    unreachable_pub,
    clippy::arithmetic_side_effects,
    clippy::as_conversions,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::panic
)]

use nlcompat::{Ctx, Error, Freebsd, Host, IfName, Linux, Proto};

/// `IFT_ETHER`, FreeBSD `sys/net/if_types.h`.
pub const IFT_ETHER: u16 = 0x6;
/// `IFT_LOOP`, FreeBSD `sys/net/if_types.h`.
pub const IFT_LOOP: u16 = 0x18;
/// `IFT_BRIDGE`, FreeBSD `sys/net/if_types.h`.
pub const IFT_BRIDGE: u16 = 0xd1;

/// The fixed host used by every test and by the golden vectors:
/// 1 lo0 (Linux lo), 2 em0 (eth0), 3 em1 (eth1), 4 bridge0, 5 lo1.
pub struct TestHost {
    pub real: bool,
}

pub const IFS: &[(u32, &str, u16, Option<u32>)] = &[
    (1, "lo0", IFT_LOOP, None),
    (2, "em0", IFT_ETHER, Some(0)),
    (3, "em1", IFT_ETHER, Some(1)),
    (4, "bridge0", IFT_BRIDGE, None),
    (5, "lo1", IFT_LOOP, None),
];

impl Host for TestHost {
    fn ifname(&self, index: u32) -> Option<IfName> {
        IFS.iter()
            .find(|i| i.0 == index)
            .and_then(|i| IfName::new(i.1.as_bytes()))
    }
    fn ifindex(&self, name: &[u8]) -> Option<u32> {
        IFS.iter().find(|i| i.1.as_bytes() == name).map(|i| i.0)
    }
    fn iftype(&self, index: u32) -> Option<u16> {
        IFS.iter().find(|i| i.0 == index).map(|i| i.2)
    }
    fn linux_ethno(&self, index: u32) -> Option<u32> {
        IFS.iter().find(|i| i.0 == index).and_then(|i| i.3)
    }
    fn ifindex_by_ethno(&self, n: u32) -> Option<u32> {
        IFS.iter().find(|i| i.3 == Some(n)).map(|i| i.0)
    }
    fn first_loopback(&self) -> Option<u32> {
        Some(1)
    }
    fn use_real_ifnames(&self) -> bool {
        self.real
    }
}

pub static HOST: TestHost = TestHost { real: false };

pub fn ctx() -> Ctx<'static> {
    Ctx::new(&HOST, Proto::Route)
}

pub fn gctx() -> Ctx<'static> {
    Ctx::new(&HOST, Proto::Generic)
}

/// Translates Linux bytes to FreeBSD with a roomy output buffer pre-filled with `fill`.
pub fn to_fb_fill(ctx: &Ctx<'_>, input: &[u8], fill: u8) -> Result<Vec<u8>, Error> {
    let mut out = vec![fill; input.len() * 2 + 4096];
    let r = nlcompat::to_freebsd(ctx, Linux::new(input), &mut out)?;
    Ok(r.bytes().to_vec())
}

/// Translates FreeBSD bytes to Linux with a roomy output buffer pre-filled with `fill`.
pub fn to_lx_fill(ctx: &Ctx<'_>, input: &[u8], fill: u8) -> Result<Vec<u8>, Error> {
    let mut out = vec![fill; input.len() * 2 + 4096];
    let r = nlcompat::to_linux(ctx, Freebsd::new(input), &mut out)?;
    Ok(r.bytes().to_vec())
}

pub fn to_fb(input: &[u8]) -> Result<Vec<u8>, Error> {
    to_fb_fill(&ctx(), input, 0xA5)
}

pub fn to_lx(input: &[u8]) -> Result<Vec<u8>, Error> {
    to_lx_fill(&ctx(), input, 0x5A)
}

// ---------------------------------------------------------------- builder

pub fn pad4(v: &mut Vec<u8>) {
    while v.len() % 4 != 0 {
        v.push(0);
    }
}

/// One message: `nlmsghdr` + payload, padded; `nlmsg_len` excludes the final padding.
pub fn msg(ty: u16, flags: u16, seq: u32, pid: u32, payload: &[u8]) -> Vec<u8> {
    let len = 16 + payload.len();
    let mut v = Vec::with_capacity(len + 3);
    v.extend_from_slice(&(len as u32).to_ne_bytes());
    v.extend_from_slice(&ty.to_ne_bytes());
    v.extend_from_slice(&flags.to_ne_bytes());
    v.extend_from_slice(&seq.to_ne_bytes());
    v.extend_from_slice(&pid.to_ne_bytes());
    v.extend_from_slice(payload);
    pad4(&mut v);
    v
}

/// A message whose payload is a fixed header followed by attributes.
pub fn rmsg(ty: u16, flags: u16, hdr: &[u8], attrs: &[Vec<u8>]) -> Vec<u8> {
    let mut p = hdr.to_vec();
    pad4(&mut p);
    for a in attrs {
        p.extend_from_slice(a);
    }
    msg(ty, flags, 7, 0, &p)
}

pub fn attr(ty: u16, payload: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&((4 + payload.len()) as u16).to_ne_bytes());
    v.extend_from_slice(&ty.to_ne_bytes());
    v.extend_from_slice(payload);
    pad4(&mut v);
    v
}

pub fn a_u8(ty: u16, x: u8) -> Vec<u8> {
    attr(ty, &[x])
}
pub fn a_u16(ty: u16, x: u16) -> Vec<u8> {
    attr(ty, &x.to_ne_bytes())
}
pub fn a_u32(ty: u16, x: u32) -> Vec<u8> {
    attr(ty, &x.to_ne_bytes())
}
pub fn a_str(ty: u16, s: &str) -> Vec<u8> {
    let mut p = s.as_bytes().to_vec();
    p.push(0);
    attr(ty, &p)
}
pub fn nest(ty: u16, parts: &[Vec<u8>]) -> Vec<u8> {
    attr(ty, &parts.concat())
}

pub fn ifinfomsg(family: u8, ty: u16, index: i32, flags: u32, change: u32) -> Vec<u8> {
    let mut v = vec![family, 0];
    v.extend_from_slice(&ty.to_ne_bytes());
    v.extend_from_slice(&index.to_ne_bytes());
    v.extend_from_slice(&flags.to_ne_bytes());
    v.extend_from_slice(&change.to_ne_bytes());
    v
}

pub fn ifaddrmsg(family: u8, prefixlen: u8, flags: u8, scope: u8, index: u32) -> Vec<u8> {
    let mut v = vec![family, prefixlen, flags, scope];
    v.extend_from_slice(&index.to_ne_bytes());
    v
}

/// `struct rtmsg`: family, dst_len, src_len, tos, table, protocol, scope, type, flags.
#[allow(clippy::too_many_arguments)]
pub fn rtmsg(
    family: u8,
    dst_len: u8,
    table: u8,
    proto: u8,
    scope: u8,
    ty: u8,
    flags: u32,
) -> Vec<u8> {
    let mut v = vec![family, dst_len, 0, 0, table, proto, scope, ty];
    v.extend_from_slice(&flags.to_ne_bytes());
    v
}

pub fn ndmsg(family: u8, ifindex: i32, state: u16, flags: u8, ty: u8) -> Vec<u8> {
    let mut v = vec![family, 0, 0, 0];
    v.extend_from_slice(&ifindex.to_ne_bytes());
    v.extend_from_slice(&state.to_ne_bytes());
    v.push(flags);
    v.push(ty);
    v
}

pub fn nhmsg(family: u8, scope: u8, proto: u8, flags: u32) -> Vec<u8> {
    let mut v = vec![family, scope, proto, 0];
    v.extend_from_slice(&flags.to_ne_bytes());
    v
}

/// One `struct rtnexthop` with its nested attributes.
pub fn rtnh(flags: u8, hops: u8, ifindex: i32, attrs: &[Vec<u8>]) -> Vec<u8> {
    let inner = attrs.concat();
    let len = 8 + inner.len();
    let mut v = Vec::new();
    v.extend_from_slice(&(len as u16).to_ne_bytes());
    v.push(flags);
    v.push(hops);
    v.extend_from_slice(&ifindex.to_ne_bytes());
    v.extend_from_slice(&inner);
    v
}

// ---------------------------------------------------------------- strict parser

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PMsg {
    pub len: u32,
    pub ty: u16,
    pub flags: u16,
    pub seq: u32,
    pub pid: u32,
    pub payload: Vec<u8>,
}

fn u16_at(b: &[u8], o: usize) -> u16 {
    u16::from_ne_bytes([b[o], b[o + 1]])
}
pub fn u32_at(b: &[u8], o: usize) -> u32 {
    u32::from_ne_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]])
}
pub fn i32_at(b: &[u8], o: usize) -> i32 {
    i32::from_ne_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]])
}

/// Parses a buffer of messages; every message must be well framed, 4-aligned, and the
/// buffer must end exactly after the last padded message.
pub fn parse_msgs(b: &[u8]) -> Vec<PMsg> {
    let mut out = Vec::new();
    let mut off = 0;
    while off < b.len() {
        assert!(b.len() - off >= 16, "short message header at {off}");
        let len = u32_at(b, off) as usize;
        assert!(
            len >= 16 && off + len <= b.len(),
            "bad nlmsg_len {len} at {off}"
        );
        out.push(PMsg {
            len: len as u32,
            ty: u16_at(b, off + 4),
            flags: u16_at(b, off + 6),
            seq: u32_at(b, off + 8),
            pid: u32_at(b, off + 12),
            payload: b[off + 16..off + len].to_vec(),
        });
        let next = (off + len + 3) & !3;
        assert!(next <= b.len(), "unpadded message at {off}");
        assert!(
            b[off + len..next].iter().all(|&x| x == 0),
            "non-zero padding"
        );
        off = next;
    }
    out
}

pub fn parse_one(b: &[u8]) -> PMsg {
    let v = parse_msgs(b);
    assert_eq!(v.len(), 1, "expected one message");
    v.into_iter().next().unwrap()
}

/// `(raw type, payload)` of each attribute; strict framing, zero padding.
pub fn parse_attrs(b: &[u8]) -> Vec<(u16, Vec<u8>)> {
    let mut out = Vec::new();
    let mut off = 0;
    while off < b.len() {
        assert!(b.len() - off >= 4, "short attribute at {off}");
        let len = u16_at(b, off) as usize;
        assert!(
            len >= 4 && off + len <= b.len(),
            "bad nla_len {len} at {off}"
        );
        out.push((u16_at(b, off + 2), b[off + 4..off + len].to_vec()));
        let next = ((off + len + 3) & !3).min(b.len());
        assert!(
            b[off + len..next].iter().all(|&x| x == 0),
            "non-zero attr padding"
        );
        off = next;
    }
    out
}

/// Attributes after a fixed header of `hdr` bytes.
pub fn attrs_of(m: &PMsg, hdr: usize) -> Vec<(u16, Vec<u8>)> {
    let start = (hdr + 3) & !3;
    if m.payload.len() <= start {
        return Vec::new();
    }
    parse_attrs(&m.payload[start..])
}

pub fn find(attrs: &[(u16, Vec<u8>)], ty: u16) -> Option<&Vec<u8>> {
    attrs.iter().find(|a| a.0 & 0x3fff == ty).map(|a| &a.1)
}

pub fn ids(attrs: &[(u16, Vec<u8>)]) -> Vec<u16> {
    attrs.iter().map(|a| a.0 & 0x3fff).collect()
}

pub fn pu32(p: &[u8]) -> u32 {
    assert_eq!(p.len(), 4, "u32 payload");
    u32_at(p, 0)
}

pub fn cstr(p: &[u8]) -> &str {
    let end = p.iter().position(|&b| b == 0).unwrap_or(p.len());
    std::str::from_utf8(&p[..end]).unwrap()
}
