// SPDX-License-Identifier: BSD-2-Clause
//! Request parsing as `sys/netlink/netlink_message_parser.{c,h}` does it.
//!
//! * `nl_parse_header`: a header shorter than the parser's fixed header is zero-padded
//!   ("compat with older applications"), or EINVAL with "header too short: expected %d,
//!   got %d" under NETLINK_GET_STRICT_CHK; the strict pre-check (`sp`) runs next.
//! * `nl_parse_attrs_raw` / `NLA_FOREACH`: attributes are walked while the next one,
//!   rounded up to 4, still fits — a trailing attribute without its padding is silently
//!   skipped; `nla_len < 4` is EINVAL with an error offset; unknown types are ignored
//!   (quirk N5); a getter error stops the walk and records the attribute's offset.
//! * Getters (`nlattr_get_*`) check exact payload sizes with the same error texts.

use crate::limits::NL_MAX_ERROR_BUF;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use freebsd_abi::*;

/// Parser state (`struct nl_pstate`): error text, offset and cookie for the ack.
#[derive(Debug, Default, Clone)]
pub(crate) struct Npt {
    /// `err_msg` (first one wins, at most 127 characters).
    pub(crate) err_msg: Option<String>,
    /// `err_off` (first one wins; 0 = none).
    pub(crate) err_off: u32,
    /// `cookie`: a raw NLMSGERR_ATTR_COOKIE attribute payload.
    pub(crate) cookie: Option<Vec<u8>>,
    /// `strict` (NLF_STRICT).
    pub(crate) strict: bool,
}

impl Npt {
    /// `nlmsg_report_err_msg()`: keeps the first message, truncated like `vsnprintf` into
    /// `NL_MAX_ERROR_BUF` bytes.
    pub(crate) fn err(&mut self, msg: String) {
        if self.err_msg.is_none() {
            let mut m = msg;
            if m.len() >= NL_MAX_ERROR_BUF {
                let mut cut = NL_MAX_ERROR_BUF.saturating_sub(1);
                while !m.is_char_boundary(cut) {
                    cut = cut.saturating_sub(1);
                }
                m.truncate(cut);
            }
            self.err_msg = Some(m);
        }
    }

    /// `nlmsg_report_err_offset()`.
    pub(crate) fn off(&mut self, off: usize) {
        if self.err_off == 0 {
            self.err_off = u32::try_from(off).unwrap_or(u32::MAX);
        }
    }
}

/// One attribute as seen by a parser callback.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr<'a> {
    /// `nla_type & NLA_TYPE_MASK`.
    pub(crate) ty: u16,
    /// Raw `nla_type` (printed in error messages).
    pub(crate) raw_ty: u16,
    /// Payload (`nla_len - 4` bytes).
    pub(crate) data: &'a [u8],
    /// Offset of the attribute header from the start of the netlink message.
    pub(crate) off: usize,
}

/// Reads a native-endian u16 at `off`.
pub(crate) fn rd16(b: &[u8], off: usize) -> u16 {
    let mut a = [0u8; 2];
    if let Some(s) = b.get(off..off.saturating_add(2)) {
        a.copy_from_slice(s);
    }
    u16::from_ne_bytes(a)
}

/// Reads a native-endian u32 at `off`.
pub(crate) fn rd32(b: &[u8], off: usize) -> u32 {
    let mut a = [0u8; 4];
    if let Some(s) = b.get(off..off.saturating_add(4)) {
        a.copy_from_slice(s);
    }
    u32::from_ne_bytes(a)
}

/// Reads a byte at `off` (0 when out of range).
pub(crate) fn rd8(b: &[u8], off: usize) -> u8 {
    b.get(off).copied().unwrap_or(0)
}

/// `nl_parse_header()` for the fixed part: returns the header (zero-padded to `size` when
/// short and not strict) or EINVAL.
pub(crate) fn fixed_header(payload: &[u8], size: usize, npt: &mut Npt) -> Result<Vec<u8>, i32> {
    if payload.len() < size {
        if npt.strict {
            npt.err(format!(
                "header too short: expected {}, got {}",
                size,
                payload.len()
            ));
            return Err(EINVAL);
        }
        let mut h = payload.to_vec();
        h.resize(size, 0);
        return Ok(h);
    }
    Ok(payload.get(..size).map(<[u8]>::to_vec).unwrap_or_default())
}

/// `nl_parse_attrs_raw()`: walks `buf` (which starts at message offset `base`), calling `f`
/// for every attribute; `f` decides what is known. Errors get the attribute offset.
pub(crate) fn walk_attrs<'a>(
    buf: &'a [u8],
    base: usize,
    npt: &mut Npt,
    mut f: impl FnMut(&Attr<'a>, &mut Npt) -> Result<(), i32>,
) -> Result<(), i32> {
    let mut pos = 0usize;
    // NLA_FOREACH: continue while attr < end and NLA_NEXT(attr) <= end.
    while pos < buf.len() {
        let nla_len = usize::from(rd16(buf, pos));
        let raw_ty = rd16(buf, pos.saturating_add(2));
        let next = pos.saturating_add(crate::writer::align4(nla_len));
        if pos.saturating_add(4) > buf.len() || next > buf.len() {
            break;
        }
        if nla_len < 4 {
            npt.err(format!(
                "Invalid attr {} type {} len: {}",
                fake_ptr(base.saturating_add(pos)),
                raw_ty,
                nla_len
            ));
            npt.off(base.saturating_add(pos));
            return Err(EINVAL);
        }
        let data = buf
            .get(pos.saturating_add(4)..pos.saturating_add(nla_len))
            .unwrap_or(&[]);
        let a = Attr {
            ty: raw_ty & NLA_TYPE_MASK,
            raw_ty,
            data,
            off: base.saturating_add(pos),
        };
        if let Err(e) = f(&a, npt) {
            npt.off(a.off);
            return Err(e);
        }
        if nla_len == 0 {
            break;
        }
        pos = next;
    }
    Ok(())
}

/// Stand-in for a kernel `%p` in error texts: a fixed fake address plus the offset, so the
/// output stays deterministic.
fn fake_ptr(off: usize) -> String {
    format!(
        "0x{:x}",
        0xffff_f800_0000_0000u64.saturating_add(u64::try_from(off).unwrap_or(0))
    )
}

/// `nlattr_get_uint32()`.
pub(crate) fn get_u32(a: &Attr<'_>, npt: &mut Npt) -> Result<u32, i32> {
    if a.data.len() != 4 {
        npt.err(format!(
            "nla type {} size({}) is not uint32",
            a.raw_ty,
            a.data.len()
        ));
        return Err(EINVAL);
    }
    Ok(rd32(a.data, 0))
}

/// `nlattr_get_uint16()`.
pub(crate) fn get_u16(a: &Attr<'_>, npt: &mut Npt) -> Result<u16, i32> {
    if a.data.len() != 2 {
        npt.err(format!(
            "nla type {} size({}) is not uint16",
            a.raw_ty,
            a.data.len()
        ));
        return Err(EINVAL);
    }
    Ok(rd16(a.data, 0))
}

/// `nlattr_get_flag()`.
pub(crate) fn get_flag(a: &Attr<'_>, npt: &mut Npt) -> Result<bool, i32> {
    if !a.data.is_empty() {
        npt.err(format!(
            "nla type {} size({}) is not a flag",
            a.raw_ty,
            a.data.len()
        ));
        return Err(EINVAL);
    }
    Ok(true)
}

/// `nlattr_get_ip()`: the family comes from the length (4 or 16), else ENOTSUP.
pub(crate) fn get_ip(a: &Attr<'_>, npt: &mut Npt) -> Result<IpAddr, i32> {
    ip_from(a.data).ok_or_else(|| {
        npt.err(format!(
            "unknown IP len: {} for rta type {}",
            a.data.len(),
            a.raw_ty
        ));
        ENOTSUP
    })
}

/// IPv4/IPv6 address from 4 or 16 bytes.
pub(crate) fn ip_from(b: &[u8]) -> Option<IpAddr> {
    if let Ok(v) = <[u8; 4]>::try_from(b) {
        Some(IpAddr::V4(Ipv4Addr::from(v)))
    } else if let Ok(v) = <[u8; 16]>::try_from(b) {
        Some(IpAddr::V6(Ipv6Addr::from(v)))
    } else {
        None
    }
}

/// `nlattr_get_ipvia()`: `struct rtvia` with a one-byte FreeBSD family.
pub(crate) fn get_via(a: &Attr<'_>, npt: &mut Npt) -> Result<IpAddr, i32> {
    // sizeof(struct rtvia) is 2 (family byte + flexible array, padded).
    if a.data.len() < 2 {
        npt.err(format!(
            "undersized RTA_VIA({}) attr: len {}",
            a.raw_ty,
            a.data.len()
        ));
        return Err(EINVAL);
    }
    let rest = a.data.get(1..).unwrap_or(&[]);
    match rd8(a.data, 0) {
        AF_INET => rest.get(..4).and_then(ip_from).ok_or(EINVAL),
        AF_INET6 => rest.get(..16).and_then(ip_from).ok_or(EINVAL),
        _ => Err(ENOTSUP),
    }
}

/// `nlattr_get_string()`: must contain a NUL inside the payload.
pub(crate) fn get_string(a: &Attr<'_>, npt: &mut Npt) -> Result<String, i32> {
    match a.data.iter().position(|&c| c == 0) {
        Some(n) => Ok(String::from_utf8_lossy(a.data.get(..n).unwrap_or(&[])).into_owned()),
        None => {
            npt.err(format!(
                "nla type {} size({}) is not NULL-terminated",
                a.raw_ty,
                a.data.len()
            ));
            Err(EINVAL)
        }
    }
}

/// `nlattr_get_stringn()`: copies the payload and terminates it (stops at the first NUL
/// when used as a C string).
pub(crate) fn get_stringn(a: &Attr<'_>) -> String {
    let n = a.data.iter().position(|&c| c == 0).unwrap_or(a.data.len());
    String::from_utf8_lossy(a.data.get(..n).unwrap_or(&[])).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `NLA_FOREACH`: an unpadded final attribute (5-byte payload, no padding) is skipped.
    #[test]
    fn unpadded_tail_attr_is_skipped() {
        let mut b = vec![];
        b.extend_from_slice(&8u16.to_ne_bytes());
        b.extend_from_slice(&4u16.to_ne_bytes());
        b.extend_from_slice(&1500u32.to_ne_bytes());
        b.extend_from_slice(&9u16.to_ne_bytes());
        b.extend_from_slice(&3u16.to_ne_bytes());
        b.extend_from_slice(b"lo10\0");
        let mut seen = vec![];
        let mut npt = Npt::default();
        walk_attrs(&b, 32, &mut npt, |a, _| {
            seen.push(a.ty);
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, vec![4]);
    }

    /// `nl_parse_attrs_raw`: nla_len < 4 is EINVAL with the offset from the message start.
    #[test]
    fn short_nla_len_is_einval_with_offset() {
        let mut b = vec![];
        b.extend_from_slice(&2u16.to_ne_bytes());
        b.extend_from_slice(&3u16.to_ne_bytes());
        let mut npt = Npt::default();
        assert_eq!(walk_attrs(&b, 32, &mut npt, |_, _| Ok(())), Err(EINVAL));
        assert_eq!(npt.err_off, 32);
        assert!(npt.err_msg.unwrap().ends_with("type 3 len: 2"));
    }

    #[test]
    fn strict_short_header() {
        let mut npt = Npt {
            strict: true,
            ..Npt::default()
        };
        assert_eq!(fixed_header(&[0u8; 1], 8, &mut npt), Err(EINVAL));
        assert_eq!(
            npt.err_msg.as_deref(),
            Some("header too short: expected 8, got 1")
        );
        let mut npt = Npt::default();
        assert_eq!(
            fixed_header(&[7u8; 1], 8, &mut npt).unwrap(),
            vec![7, 0, 0, 0, 0, 0, 0, 0]
        );
    }
}
