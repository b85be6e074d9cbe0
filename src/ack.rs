// SPDX-License-Identifier: BSD-2-Clause
//! Acknowledgements and errors written by the translator's callers themselves (a request the
//! translator refuses, a request the kernel side could not take), shaped exactly as Linux's
//! kernel shapes them, so that a Linux program cannot tell them from a kernel answer.
//!
//! Linux: `net/netlink/af_netlink.c` `netlink_ack()` and `netlink_ack_tlv_len()`:
//! - the reply is addressed to the sender's port id (`NETLINK_CB(in_skb).portid`), never to
//!   the `nlmsg_pid` the program wrote (usually 0); iproute2 (`rtnl_talk`, `rtnl_dump_filter`)
//!   and Go's `syscall.NetlinkRIB` drop a message whose `nlmsg_pid` is not their port;
//! - `nlmsg_seq` is the request's; the echoed header is the request's header as sent;
//! - `NLM_F_CAPPED` when the error is 0 or the socket set `NETLINK_CAP_ACK` (then only the
//!   request's header is echoed), otherwise the whole request follows `nlmsgerr.error`;
//! - TLVs only on sockets with `NETLINK_EXT_ACK`: `NLMSGERR_ATTR_MSG` when there is a text,
//!   `NLMSGERR_ATTR_OFFS` only for an error (not for a plain ack); `NLM_F_ACK_TLVS` when any
//!   TLV follows;
//! - no other flag: no request flag of the request is copied (FreeBSD's `nlmsg_reply()` in
//!   `sys/netlink/netlink_message_writer.h` copies them, Linux does not).
//!
//! The texts for refusals follow what FreeBSD would say for the same request
//! ([`Refusal`]).

use crate::error::{Error, LinuxErrno, Result};
use crate::wire::{Msg, Writer};
use linux_abi as l;

/// The socket options that shape an acknowledgement, and the socket's port id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AckSock {
    /// The socket's Linux port id (what the reply's `nlmsg_pid` carries).
    pub port: u32,
    /// `NETLINK_CAP_ACK`: echo only the request's header.
    pub cap_ack: bool,
    /// `NETLINK_EXT_ACK`: add the extended-ack TLVs.
    pub ext_ack: bool,
}

/// Writes the Linux `NLMSG_ERROR` answering `req` on socket `sock`: `errno` is a positive
/// Linux errno (0 = a plain acknowledgement), `text` the extended-ack message and `offset`
/// the offset of the offending bytes from the start of `req` (both sent only with
/// `NETLINK_EXT_ACK`, the offset only for errors, as `netlink_ack_tlv_len()` does).
pub fn write_ack(
    w: &mut Writer<'_>,
    req: Msg<'_>,
    sock: &AckSock,
    errno: LinuxErrno,
    text: Option<&[u8]>,
    offset: Option<u32>,
) -> Result<()> {
    let capped = errno == LinuxErrno::NONE || sock.cap_ack;
    let text = text.filter(|_| sock.ext_ack);
    let offset = offset.filter(|&o| {
        sock.ext_ack && errno != LinuxErrno::NONE && usize::try_from(o).is_ok_and(|o| o < req.len())
    });
    let mut flags = 0u16;
    if capped {
        flags |= l::NLM_F_CAPPED;
    }
    if text.is_some() || offset.is_some() {
        flags |= l::NLM_F_ACK_TLVS;
    }
    let m = w.begin_msg(l::NLMSG_ERROR, flags, req.seq(), sock.port)?;
    w.put(&errno.wire().to_ne_bytes())?;
    if capped {
        w.put(req.header())?;
    } else {
        w.put_padded(req.bytes())?;
    }
    if let Some(t) = text {
        w.attr_str(l::NLMSGERR_ATTR_MSG, t)?;
    }
    if let Some(o) = offset {
        w.attr_u32(l::NLMSGERR_ATTR_OFFS, o)?;
    }
    w.end_msg(m)
}

/// Size of the longest refusal text.
const TEXT_CAP: usize = 96;

/// What a request the translator refuses gets: the errno and the extended-ack text FreeBSD's
/// kernel would give for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    /// The Linux errno.
    pub errno: LinuxErrno,
    /// Offset of the offending bytes from the start of the request, when known.
    pub offset: Option<u32>,
    text: [u8; TEXT_CAP],
    text_len: usize,
}

impl Refusal {
    /// The refusal for translator error `e` on a request.
    ///
    /// - [`Error::Unsupported`]: FreeBSD has no handler for the type; its
    ///   `rtnl_handle_message()` (`sys/netlink/netlink_route.c`) answers `ENOTSUP`
    ///   (= `EOPNOTSUPP`, Linux 95) with "unknown message type: N".
    /// - [`Error::Family`]: the family has no FreeBSD counterpart: `EAFNOSUPPORT`, as FreeBSD's
    ///   handlers answer a family they do not serve (`rtnl_handle_addr` in
    ///   `sys/netlink/route/iface.c`).
    /// - [`Error::Invalid`]: a request Linux's strict checks refuse: `EINVAL` with Linux's text.
    /// - anything else: the request is malformed, `EINVAL` with the offset, as FreeBSD's
    ///   parsers report it (`nlmsg_report_err_offset`, `sys/netlink/netlink_message_parser.c`).
    #[must_use]
    pub fn of(e: Error) -> Refusal {
        let mut r = Refusal {
            errno: e.linux_errno(),
            offset: e.offset(),
            text: [0; TEXT_CAP],
            text_len: 0,
        };
        match e {
            Error::Unsupported { msg_type } => {
                r.push(b"unknown message type: ");
                r.push_decimal(u32::from(msg_type));
            }
            Error::Family { .. } => r.push(b"address family not supported"),
            Error::NoDevice { .. } => r.push(b"interface not found"),
            Error::Invalid { reason, .. } => r.push(reason.as_bytes()),
            // Linux's own verdicts: its text when it sets one, its offset when it points at
            // an attribute (`request::check_linux`).
            Error::Refused { off, reason, .. } => {
                r.push(reason.as_bytes());
                if off == 0 {
                    r.offset = None;
                }
            }
            _ => r.push(b"invalid request"),
        }
        r
    }

    /// The extended-ack text.
    #[must_use]
    pub fn text(&self) -> &[u8] {
        self.text.get(..self.text_len).unwrap_or_default()
    }

    fn push(&mut self, s: &[u8]) {
        for &b in s {
            if let Some(slot) = self.text.get_mut(self.text_len) {
                *slot = b;
                self.text_len = self.text_len.saturating_add(1);
            }
        }
    }

    fn push_decimal(&mut self, v: u32) {
        let mut digits = [0u8; 10];
        let mut n = 0usize;
        let mut v = v;
        loop {
            if let Some(d) = digits.get_mut(n) {
                // `v % 10` is below 10, so the narrowing cannot fail.
                *d = b'0'.saturating_add(u8::try_from(v % 10).unwrap_or(0));
            }
            n = n.saturating_add(1);
            v /= 10;
            if v == 0 {
                break;
            }
        }
        while n > 0 {
            n = n.saturating_sub(1);
            let d = digits.get(n).copied().unwrap_or(b'0');
            self.push(&[d]);
        }
    }
}

/// Writes the `NLMSG_DONE` that ends a dump with `-errno`, as Linux's `netlink_dump_done()`
/// (`net/netlink/af_netlink.c`) writes it when the dump callback fails (the strict checks of
/// dump requests run there): `NLM_F_MULTI`, the errno, and with `NETLINK_EXT_ACK` the text
/// (`NLMSGERR_ATTR_MSG` only, flagged `NLM_F_ACK_TLVS`).
pub fn write_dump_done(
    w: &mut Writer<'_>,
    req: Msg<'_>,
    sock: &AckSock,
    errno: LinuxErrno,
    text: Option<&[u8]>,
) -> Result<()> {
    let text = text.filter(|_| sock.ext_ack);
    let mut flags = l::NLM_F_MULTI;
    if text.is_some() {
        flags |= l::NLM_F_ACK_TLVS;
    }
    let m = w.begin_msg(l::NLMSG_DONE, flags, req.seq(), sock.port)?;
    w.put(&errno.wire().to_ne_bytes())?;
    if let Some(t) = text {
        w.attr_str(l::NLMSGERR_ATTR_MSG, t)?;
    }
    w.end_msg(m)
}

/// Writes the answer to a `NETLINK_ROUTE` request the translator refused with `e` (see
/// [`Refusal::of`]): an `NLMSG_ERROR`; for a dump request Linux's strict checks refuse
/// ([`Error::Invalid`]) the `NLMSG_DONE` Linux ends such a dump with; for a dump of a family
/// FreeBSD has nothing of ([`crate::request::empty_dump_for_family`]) an empty dump.
pub fn write_refusal(w: &mut Writer<'_>, req: Msg<'_>, sock: &AckSock, e: Error) -> Result<()> {
    let r = Refusal::of(e);
    match e {
        Error::Family { .. }
            if crate::request::empty_dump_for_family(crate::socket::Proto::Route, req) =>
        {
            write_dump_done(w, req, sock, LinuxErrno::NONE, None)
        }
        Error::Invalid { .. } if req.flags() & l::NLM_F_DUMP != 0 => {
            write_dump_done(w, req, sock, r.errno, Some(r.text()))
        }
        _ => {
            let text = Some(r.text()).filter(|t| !t.is_empty());
            write_ack(w, req, sock, r.errno, text, r.offset)
        }
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use crate::wire::{Attrs, Messages};

    fn req(ty: u16, flags: u16, body: &[u8]) -> Vec<u8> {
        let len = u32::try_from(16 + body.len()).unwrap();
        let mut v = len.to_ne_bytes().to_vec();
        v.extend_from_slice(&ty.to_ne_bytes());
        v.extend_from_slice(&flags.to_ne_bytes());
        v.extend_from_slice(&77u32.to_ne_bytes());
        v.extend_from_slice(&0u32.to_ne_bytes());
        v.extend_from_slice(body);
        v
    }

    fn answer(r: &[u8], sock: AckSock, e: Error) -> Vec<u8> {
        let mut buf = [0u8; 256];
        let mut w = Writer::new(&mut buf);
        write_refusal(&mut w, Msg::parse(r, 0).unwrap(), &sock, e).unwrap();
        let n = w.finish().unwrap();
        buf[..n].to_vec()
    }

    #[test]
    fn refusal_goes_to_the_port_with_seq_full_echo_and_text() {
        let r = req(34, 0x301, &[2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        let sock = AckSock {
            port: 4242,
            cap_ack: false,
            ext_ack: true,
        };
        let out = answer(&r, sock, Error::Unsupported { msg_type: 34 });
        let m = Messages::new(&out).next().unwrap().unwrap();
        assert_eq!(m.msg_type(), 2);
        assert_eq!(m.pid(), 4242);
        assert_eq!(m.seq(), 77);
        assert_eq!(m.flags(), l::NLM_F_ACK_TLVS);
        let p = m.payload();
        assert_eq!(i32::from_ne_bytes(p[..4].try_into().unwrap()), -95);
        assert_eq!(&p[4..4 + r.len()], &r[..]);
        let a: Vec<_> = Attrs::new(&p[4 + r.len()..]).map(|a| a.unwrap()).collect();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].kind(), l::NLMSGERR_ATTR_MSG);
        assert_eq!(a[0].payload(), b"unknown message type: 34\0");
    }

    #[test]
    fn cap_ack_echoes_the_header_and_no_ext_ack_means_no_tlvs() {
        let r = req(72, 0x301, &[0; 8]);
        let sock = AckSock {
            port: 9,
            cap_ack: true,
            ext_ack: false,
        };
        let out = answer(&r, sock, Error::Unsupported { msg_type: 72 });
        let m = Messages::new(&out).next().unwrap().unwrap();
        assert_eq!(m.flags(), l::NLM_F_CAPPED);
        assert_eq!(m.len(), 16 + 4 + 16);
        assert_eq!(&m.payload()[4..], &r[..16]);
    }

    #[test]
    fn offsets_only_for_errors_and_inside_the_request() {
        let r = req(20, 0x405, &[0; 12]);
        let sock = AckSock {
            port: 1,
            cap_ack: true,
            ext_ack: true,
        };
        let mut buf = [0u8; 128];
        let mut w = Writer::new(&mut buf);
        let m = Msg::parse(&r, 0).unwrap();
        write_ack(&mut w, m, &sock, LinuxErrno::NONE, None, Some(16)).unwrap();
        write_ack(&mut w, m, &sock, LinuxErrno::new(22), None, Some(16)).unwrap();
        write_ack(&mut w, m, &sock, LinuxErrno::new(22), None, Some(400)).unwrap();
        let n = w.finish().unwrap();
        let msgs: Vec<_> = Messages::new(&buf[..n]).map(|m| m.unwrap()).collect();
        assert_eq!(msgs[0].flags(), l::NLM_F_CAPPED);
        assert_eq!(msgs[0].len(), 36);
        assert_eq!(msgs[1].flags(), l::NLM_F_CAPPED | l::NLM_F_ACK_TLVS);
        let offs = Attrs::new(&msgs[1].payload()[20..])
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(offs.kind(), l::NLMSGERR_ATTR_OFFS);
        assert_eq!(offs.u32(), Some(16));
        assert_eq!(msgs[2].flags(), l::NLM_F_CAPPED);
    }

    #[test]
    fn linux_verdicts_carry_linux_s_tlvs_only() {
        // RTM_GETLINK of a missing index on an EXT_ACK socket: Linux 6.18 answers ENODEV
        // with the whole request echoed and no TLV, flags 0 (observed through the oracle,
        // cli/tests/run_freebsd_protocol.rs "link get of a missing index, ack").
        let r = req(
            18,
            0x5,
            &[0, 0, 0, 0, 0x9f, 0x86, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        );
        let sock = AckSock {
            port: 5,
            cap_ack: false,
            ext_ack: true,
        };
        let e = Error::Refused {
            off: 0,
            errno: LinuxErrno::new(19),
            reason: "",
        };
        let out = answer(&r, sock, e);
        let m = Messages::new(&out).next().unwrap().unwrap();
        assert_eq!(m.flags(), 0);
        assert_eq!(m.len(), 16 + 4 + r.len());
        assert_eq!(
            i32::from_ne_bytes(m.payload()[..4].try_into().unwrap()),
            -19
        );
        // A policy verdict names its attribute and Linux's text (tests/golden.rs).
        let e = Error::Refused {
            off: 24,
            errno: LinuxErrno::new(34),
            reason: "Attribute failed policy validation",
        };
        let out = answer(&r, sock, e);
        let m = Messages::new(&out).next().unwrap().unwrap();
        assert_eq!(m.flags(), l::NLM_F_ACK_TLVS);
        let kinds: Vec<u16> = Attrs::new(&m.payload()[4 + r.len()..])
            .map(|a| a.unwrap().kind())
            .collect();
        assert_eq!(kinds, [l::NLMSGERR_ATTR_MSG, l::NLMSGERR_ATTR_OFFS]);
    }

    #[test]
    fn decimal_texts() {
        for (t, s) in [(0u16, "0"), (9, "9"), (10, "10"), (65535, "65535")] {
            let r = Refusal::of(Error::Unsupported { msg_type: t });
            assert_eq!(r.text(), format!("unknown message type: {s}").as_bytes());
        }
    }
}
