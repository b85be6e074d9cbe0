// SPDX-License-Identifier: BSD-2-Clause
//! `nlcompat decode`: netlink messages of either ABI as readable text or JSON.
//!
//! Attribute names and nesting come from the translator's own tables (`nlcompat::msg`): the
//! row whose Linux id (Linux ABI) or FreeBSD id (FreeBSD ABI) matches names the attribute and
//! says whether it nests. An attribute without a row is shown by number only. Header field
//! layouts follow the C structures, identical on both systems (Linux
//! `include/uapi/linux/rtnetlink.h`, `if_link.h`, `if_addr.h`, `neighbour.h`, `nexthop.h`,
//! `genetlink.h`; FreeBSD `sys/netlink/route/*.h`, `sys/netlink/netlink_generic.h`); the
//! values inside are named with each ABI's own constants (`linux-abi`, `freebsd-abi`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::PathBuf;

use freebsd_abi as f;
use linux_abi as l;
use nlcompat::table::{AttrTable, Kind};
use nlcompat::wire::{read_u16, read_u32, Attr, Attrs, Messages, Msg};
use nlcompat::{Dir, Proto};
use serde::Serialize;

use crate::pcap::{Reader, Record, Side, Way};

/// Which ABI a message is in (command-line spelling).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum AbiArg {
    /// Linux netlink.
    Linux,
    /// FreeBSD netlink.
    Freebsd,
}

impl AbiArg {
    /// The capture side with this ABI.
    pub(crate) fn side(self) -> Side {
        match self {
            AbiArg::Linux => Side::Linux,
            AbiArg::Freebsd => Side::Freebsd,
        }
    }
}

/// Arguments of `nlcompat decode`.
#[derive(Debug, clap::Args)]
pub(crate) struct DecodeArgs {
    /// ABI of packets whose capture interface does not say (`linux`/`freebsd` interface
    /// names do), and of raw streams.
    #[arg(long, value_enum, default_value = "linux")]
    abi: AbiArg,
    /// Netlink protocol of raw streams (route 0, generic 16, or a number).
    #[arg(long, default_value = "route", value_parser = parse_proto)]
    proto: u16,
    /// One JSON object per message (JSON Lines) instead of text.
    #[arg(long)]
    json: bool,
    /// Only messages of this side of a two-sided capture.
    #[arg(long, value_enum)]
    side: Option<AbiArg>,
    /// pcap, pcapng (LINKTYPE_NETLINK) or raw netlink files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Parses a protocol name or number.
pub(crate) fn parse_proto(s: &str) -> Result<u16, String> {
    match s {
        "route" => Ok(0),
        "generic" => Ok(16),
        n => n
            .parse()
            .map_err(|_| format!("{n}: not route, generic or a protocol number")),
    }
}

/// Runs `decode`.
pub(crate) fn run(a: &DecodeArgs) -> Result<(), String> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for file in &a.files {
        let mut r = Reader::open(file, a.proto)?;
        let mut d = Decoder::default();
        while let Some(rec) = r
            .next_record()
            .map_err(|e| format!("{}: {e}", file.display()))?
        {
            let side = rec.side.unwrap_or(a.abi.side());
            if a.side.is_some_and(|s| s.side() != side) {
                continue;
            }
            for m in d.record(&rec, side) {
                let res = if a.json {
                    serde_json::to_writer(&mut out, &m)
                        .map_err(std::io::Error::from)
                        .and_then(|()| out.write_all(b"\n"))
                } else {
                    out.write_all(render(&m).as_bytes())
                };
                match res {
                    Ok(()) => {}
                    // A reader that stopped early (`| head`) ends the output, not an error.
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
                    Err(e) => return Err(format!("cannot write standard output: {e}")),
                }
            }
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write standard output: {e}"))
        }
        _ => Ok(()),
    }
}

/// A decoded value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub(crate) enum Value {
    /// An unsigned number.
    Num(u64),
    /// A string (strings in attributes, addresses, MACs).
    Text(String),
    /// A code with its constant name.
    Named {
        /// The number.
        value: u64,
        /// The constant's name.
        name: &'static str,
    },
    /// A flag word with the names of its set bits (unnamed bits as hex).
    Flags {
        /// The word.
        value: u64,
        /// The set bits.
        names: Vec<String>,
    },
    /// An interface index, with the name learned from the capture's link messages.
    Ifindex {
        /// The index.
        index: u32,
        /// The interface's name, when a link message named it.
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
    /// Bytes shown as hex.
    Hex {
        /// Hex digits.
        hex: String,
    },
    /// Nested attributes.
    Nested(Vec<AttrOut>),
    /// `RTA_MULTIPATH`: the `rtnexthop` entries.
    Hops(Vec<Hop>),
    /// Key/value fields of a structure.
    Fields(Vec<FieldOut>),
}

/// A named field of a fixed structure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct FieldOut {
    /// Field name (C member name).
    pub(crate) name: &'static str,
    /// Its value.
    pub(crate) value: Value,
}

/// One attribute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct AttrOut {
    /// Type id without the nested/byte-order bits.
    pub(crate) id: u16,
    /// Name from the translator's table; absent for ids without a row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) name: Option<&'static str>,
    /// Payload length.
    pub(crate) len: usize,
    /// The value.
    pub(crate) value: Value,
}

/// One `struct rtnexthop` of `RTA_MULTIPATH`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Hop {
    /// `rtnh_flags`.
    pub(crate) flags: u8,
    /// `rtnh_hops` (weight − 1 on Linux, weight on FreeBSD).
    pub(crate) hops: u8,
    /// `rtnh_ifindex`.
    pub(crate) ifindex: Value,
    /// Attributes of the hop (gateway, ...).
    pub(crate) attrs: Vec<AttrOut>,
}

/// The fixed family header of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct HeaderOut {
    /// C structure name.
    pub(crate) name: &'static str,
    /// Its fields (those present; a short request carries fewer).
    pub(crate) fields: Vec<FieldOut>,
}

/// The error of an `NLMSG_ERROR` or `NLMSG_DONE`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ErrorOut {
    /// The errno as carried (negative on Linux, positive on FreeBSD; 0 = success).
    pub(crate) error: i32,
    /// Its name in this ABI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) errno: Option<&'static str>,
    /// The request header echoed by an `NLMSG_ERROR`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) request: Option<Box<Decoded>>,
    /// Extended ack attributes (`NLMSGERR_ATTR_*`).
    pub(crate) ext_ack: Vec<AttrOut>,
}

/// One decoded message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Decoded {
    /// Frame number of the capture (byte offset for raw streams); `.n` counts messages of
    /// a datagram.
    pub(crate) frame: String,
    /// Capture time, UTC (RFC 3339), when the capture has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) time: Option<String>,
    /// `linux` or `freebsd`.
    pub(crate) abi: &'static str,
    /// `request`, `reply` or `notification`, when the capture says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) dir: Option<&'static str>,
    /// Netlink protocol number.
    pub(crate) proto: u16,
    /// Port id of the capturing socket (our captures), 0 when unknown.
    #[serde(skip_serializing_if = "is_zero")]
    pub(crate) port: u32,
    /// `nlmsg_len`.
    pub(crate) len: u32,
    /// `nlmsg_type`, named.
    pub(crate) msg_type: Value,
    /// `nlmsg_flags`, named.
    pub(crate) flags: Value,
    /// `nlmsg_seq`.
    pub(crate) seq: u32,
    /// `nlmsg_pid`.
    pub(crate) pid: u32,
    /// Fixed family header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) header: Option<HeaderOut>,
    /// Attributes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) attrs: Vec<AttrOut>,
    /// Error or DONE status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) error: Option<ErrorOut>,
    /// Zero bytes after the last message of the datagram (ignored by the kernels).
    #[serde(skip_serializing_if = "is_zero_usize")]
    pub(crate) trailing_zeros: usize,
    /// What could not be decoded (malformed framing, truncated attributes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) malformed: Vec<String>,
}

fn is_zero(v: &u32) -> bool {
    *v == 0
}

fn is_zero_usize(v: &usize) -> bool {
    *v == 0
}

/// Decoding state across a capture: interface names learned per side.
#[derive(Debug, Default)]
pub(crate) struct Decoder {
    names: HashMap<(bool, u32), String>,
}

impl Decoder {
    /// Decodes every message of one record in ABI `side`.
    pub(crate) fn record(&mut self, rec: &Record, side: Side) -> Vec<Decoded> {
        let mut out = Vec::new();
        let dir = match rec.way {
            Some(Way::ToKernel) => Some("request"),
            Some(Way::FromKernel) if rec.group != 0 => Some("notification"),
            Some(Way::FromKernel) => Some("reply"),
            None => None,
        };
        let time = (rec.time != std::time::Duration::ZERO).then(|| rfc3339(rec.time));
        let mut walk = Messages::new(&rec.data);
        let mut k = 0u32;
        loop {
            let at = walk.offset();
            let Some(m) = walk.next() else {
                break;
            };
            k = k.saturating_add(1);
            let frame = if rec.way.is_none() && rec.time == std::time::Duration::ZERO {
                // A raw stream: the message's byte offset.
                format!("@{}", rec.frame)
            } else if k == 1 {
                rec.frame.to_string()
            } else {
                format!("{}.{k}", rec.frame)
            };
            match m {
                Ok(m) => {
                    let mut d = self.message(m, side, rec.proto);
                    d.frame = frame;
                    d.time.clone_from(&time);
                    d.dir = dir;
                    d.port = rec.port;
                    out.push(d);
                }
                Err(e) => {
                    let rest = rec.data.get(at..).unwrap_or_default();
                    // iproute2 sends its request buffer with zeroed space after the message;
                    // both kernels stop at the zero `nlmsg_len` (Linux `netlink_rcv_skb`).
                    if rest.iter().all(|&b| b == 0) {
                        if let Some(last) = out.last_mut() {
                            last.trailing_zeros = rest.len();
                            break;
                        }
                    }
                    out.push(Decoded {
                        frame,
                        time: time.clone(),
                        abi: side.name(),
                        dir,
                        proto: rec.proto,
                        port: rec.port,
                        len: read_u32(rest, 0).unwrap_or(0),
                        msg_type: Value::Num(read_u16(rest, 4).map_or(0, u64::from)),
                        flags: Value::Num(0),
                        seq: 0,
                        pid: 0,
                        header: None,
                        attrs: Vec::new(),
                        error: None,
                        trailing_zeros: 0,
                        malformed: vec![format!(
                            "{} at byte {at} of the datagram ({} bytes left)",
                            describe(e),
                            rest.len()
                        )],
                    });
                    break;
                }
            }
        }
        out
    }

    /// Decodes one message.
    pub(crate) fn message(&mut self, m: Msg<'_>, side: Side, proto: u16) -> Decoded {
        let proto_t = Proto::from_number(u32::from(proto));
        let ty = m.msg_type();
        let mut d = Decoded {
            frame: String::new(),
            time: None,
            abi: side.name(),
            dir: None,
            proto,
            port: 0,
            len: read_u32(m.header(), 0).unwrap_or(0),
            msg_type: type_value(proto_t, ty),
            flags: nlm_flags(proto_t, ty, m.flags()),
            seq: m.seq(),
            pid: m.pid(),
            header: None,
            attrs: Vec::new(),
            error: None,
            trailing_zeros: 0,
            malformed: Vec::new(),
        };
        let payload = m.payload();
        match ty {
            l::NLMSG_ERROR => self.error_msg(&mut d, m, side, proto),
            l::NLMSG_DONE => {
                if let Some(e) = read_u32(payload, 0) {
                    let e = i32::from_ne_bytes(e.to_ne_bytes());
                    let ext_ack = if m.flags() & l::NLM_F_ACK_TLVS != 0 {
                        self.attrs(
                            Attrs::new(payload.get(4..).unwrap_or_default()),
                            side,
                            Some(&EXT_ACK),
                            &mut d.malformed,
                        )
                    } else {
                        Vec::new()
                    };
                    d.error = Some(ErrorOut {
                        error: e,
                        errno: errno_name(side, e),
                        request: None,
                        ext_ack,
                    });
                }
            }
            t if t < 16 => {}
            t => {
                let layout = layout_for(proto_t, t);
                if let Some(layout) = layout {
                    let (h, complete) = self.header(layout, payload, side);
                    d.header = Some(h);
                    if complete && payload.len() > layout.len {
                        let table = nlcompat::msg::spec_for(proto_t, t).map(|s| s.attrs);
                        let at = nlcompat::wire::attrs_after(payload, layout.len);
                        d.attrs = self.attrs(at, side, table, &mut d.malformed);
                    }
                    if (t == l::RTM_NEWLINK || t == l::RTM_DELLINK) && proto == 0 {
                        self.learn(&mut d, side);
                    }
                }
            }
        }
        d
    }

    fn error_msg(&mut self, d: &mut Decoded, m: Msg<'_>, side: Side, proto: u16) {
        let payload = m.payload();
        let Some(e) = read_u32(payload, 0) else {
            d.malformed
                .push("NLMSG_ERROR without its error code".to_owned());
            return;
        };
        let e = i32::from_ne_bytes(e.to_ne_bytes());
        let echoed = payload.get(4..).unwrap_or_default();
        let capped = m.flags() & l::NLM_F_CAPPED != 0;
        let (request, after) = match Msg::parse(echoed, 0) {
            Ok(req) if !capped => {
                let skip = nlcompat::wire::align4(req.len()).unwrap_or(usize::MAX);
                (Some(self.message(req, side, proto)), skip)
            }
            _ => {
                // A capped echo is the header alone; parse just the 16 bytes.
                let hdr = echoed.get(..16);
                let mut r = None;
                if let Some(h) = hdr {
                    let mut b = h.to_vec();
                    if let Some(x) = b.get_mut(..4) {
                        x.copy_from_slice(&16u32.to_ne_bytes());
                    }
                    if let Ok(req) = Msg::parse(&b, 0) {
                        let mut dr = self.message(req, side, proto);
                        dr.len = read_u32(h, 0).unwrap_or(0);
                        r = Some(dr);
                    }
                }
                (r, 16)
            }
        };
        let ext_ack = if m.flags() & l::NLM_F_ACK_TLVS != 0 {
            let rest = echoed.get(after..).unwrap_or_default();
            self.attrs(Attrs::new(rest), side, Some(&EXT_ACK), &mut d.malformed)
        } else {
            Vec::new()
        };
        d.error = Some(ErrorOut {
            error: e,
            errno: errno_name(side, e),
            request: request.map(|mut r| {
                r.frame.clear();
                Box::new(r)
            }),
            ext_ack,
        });
    }

    /// Remembers the name of a link message's interface and names its `ifi_index`.
    fn learn(&mut self, d: &mut Decoded, side: Side) {
        let name = d.attrs.iter().find_map(|a| match (&a.name, &a.value) {
            (Some("IFLA_IFNAME"), Value::Text(n)) => Some(n.clone()),
            _ => None,
        });
        let Some(h) = &mut d.header else {
            return;
        };
        if let Some(n) = &name {
            for f in &mut h.fields {
                if let (Value::Ifindex { name: slot, .. }, "ifi_index") = (&mut f.value, f.name) {
                    *slot = Some(n.clone());
                }
            }
        }
        let index = h.fields.iter().find_map(|f| match f.value {
            Value::Ifindex { index, .. } if f.name == "ifi_index" => Some(index),
            _ => None,
        });
        if let (Some(i), Some(n)) = (index, name) {
            self.names.insert((side == Side::Linux, i), n);
        }
    }

    fn ifindex(&self, side: Side, index: u32) -> Value {
        Value::Ifindex {
            index,
            name: self.names.get(&(side == Side::Linux, index)).cloned(),
        }
    }

    fn header(&self, layout: &Layout, p: &[u8], side: Side) -> (HeaderOut, bool) {
        let mut fields = Vec::new();
        for fl in layout.fields {
            let end = fl.off.saturating_add(fl.size);
            let Some(b) = p.get(fl.off..end) else {
                break;
            };
            let raw = match b {
                [a] => u64::from(*a),
                [a, b2] => u64::from(u16::from_ne_bytes([*a, *b2])),
                _ => read_u32(b, 0).map_or(0, u64::from),
            };
            let value = match fl.kind {
                FieldKind::Num => Value::Num(raw),
                FieldKind::Family => named(raw, af_name(side, raw)),
                FieldKind::Ifindex => self.ifindex(side, u32::try_from(raw).unwrap_or(0)),
                FieldKind::Names(t) => named(raw, t(side, raw)),
                FieldKind::Bits(t) => flags(raw, &t(side)),
            };
            fields.push(FieldOut {
                name: fl.name,
                value,
            });
        }
        let complete = p.len() >= layout.len;
        (
            HeaderOut {
                name: layout.name,
                fields,
            },
            complete,
        )
    }

    /// Decodes an attribute list with `table` naming the ids.
    fn attrs(
        &self,
        it: Attrs<'_>,
        side: Side,
        table: Option<&AttrTable>,
        bad: &mut Vec<String>,
    ) -> Vec<AttrOut> {
        let mut out = Vec::new();
        for a in it {
            let a = match a {
                Ok(a) => a,
                Err(e) => {
                    bad.push(format!("attribute list: {}", describe(e)));
                    break;
                }
            };
            out.push(self.attr(a, side, table, bad));
        }
        out
    }

    fn attr(
        &self,
        a: Attr<'_>,
        side: Side,
        table: Option<&AttrTable>,
        bad: &mut Vec<String>,
    ) -> AttrOut {
        let dir = match side {
            Side::Linux => Dir::LinuxToFreebsd,
            Side::Freebsd => Dir::FreebsdToLinux,
        };
        let rule = table.and_then(|t| t.lookup(dir, a.kind()));
        let name = rule.map(|r| r.name);
        let p = a.payload();
        let value = match (rule.map(|r| r.kind), name) {
            (Some(Kind::Nested(t)), _) => Value::Nested(self.attrs(a.nested(), side, Some(t), bad)),
            (_, Some("RTA_MULTIPATH")) => self.multipath(p, side, bad),
            (_, Some("RTA_VIA")) => via(p, side),
            (_, Some(n)) => self.known(n, p, side, bad),
            (_, None) => plain(p),
        };
        AttrOut {
            id: a.kind(),
            name,
            len: p.len(),
            value,
        }
    }

    /// A named attribute's value, by the kind of data its name stands for.
    fn known(&self, name: &str, p: &[u8], side: Side, bad: &mut Vec<String>) -> Value {
        let ends = |s: &[&str]| s.iter().any(|x| name.ends_with(x));
        if ADDR_ATTRS.contains(&name) {
            return addr(p);
        }
        if MAC_ATTRS.contains(&name) {
            return mac(p);
        }
        if IFINDEX_ATTRS.contains(&name) {
            if let Some(v) = read_u32(p, 0).filter(|_| p.len() == 4) {
                return self.ifindex(side, v);
            }
        }
        if ends(&["NAME", "_KIND", "LABEL", "QDISC", "ALIAS", "_ATTR_MSG"]) {
            return text(p);
        }
        match name {
            "IFA_CACHEINFO" => {
                return struct_u32(p, &["ifa_prefered", "ifa_valid", "cstamp", "tstamp"])
            }
            "NDA_CACHEINFO" => {
                return struct_u32(
                    p,
                    &["ndm_confirmed", "ndm_used", "ndm_updated", "ndm_refcnt"],
                )
            }
            "RTA_TABLE" => {
                let v = read_u32(p, 0).map_or(0, u64::from);
                return named(v, table_name(side, v));
            }
            "IFA_FLAGS" => {
                let v = read_u32(p, 0).map_or(0, u64::from);
                return flags(v, &ifa_flag_names(side));
            }
            "IFLA_STATS64" => return stats(p, 8),
            "IFLA_STATS" => return stats(p, 4),
            "RTA_METRICS" => return Value::Nested(self.attrs(Attrs::new(p), side, None, bad)),
            "IFLA_LINKINFO" => {
                // The translator picks the nest's table by `IFLA_INFO_KIND` (the same string
                // and id on both systems for the kinds with a data table).
                use nlcompat::msg::link::{IFLA_INFO, IFLA_INFO_GRE, IFLA_INFO_VLAN};
                let kind = Attrs::new(p)
                    .filter_map(Result::ok)
                    .find(|a| a.kind() == l::IFLA_INFO_KIND)
                    .map(|a| a.cstr());
                let table = match kind {
                    Some(b"vlan") => &IFLA_INFO_VLAN,
                    Some(b"gre") => &IFLA_INFO_GRE,
                    _ => &IFLA_INFO,
                };
                return Value::Nested(self.attrs(Attrs::new(p), side, Some(table), bad));
            }
            // FreeBSD-private nests (`sys/netlink/route/interface.h` IFLAF_*,
            // `ifaddrs.h` IFAF_*, `neigh.h` NDAF_*, `nexthop.h` NHAF_*): inner ids by number.
            n if side == Side::Freebsd && n.ends_with("_FREEBSD") => {
                return Value::Nested(self.attrs(Attrs::new(p), side, None, bad))
            }
            _ => {}
        }
        plain(p)
    }

    fn multipath(&self, p: &[u8], side: Side, bad: &mut Vec<String>) -> Value {
        // struct rtnexthop { u16 rtnh_len; u8 rtnh_flags; u8 rtnh_hops; i32 rtnh_ifindex; }
        let mut hops = Vec::new();
        let mut off = 0usize;
        while let Some(rest) = p.get(off..).filter(|r| r.len() >= 8) {
            let len = usize::from(read_u16(rest, 0).unwrap_or(0));
            if len < 8 || len > rest.len() {
                bad.push(format!("RTA_MULTIPATH: rtnh_len {len} at byte {off}"));
                break;
            }
            let at = Attrs::new(rest.get(8..len).unwrap_or_default());
            hops.push(Hop {
                flags: rest.get(2).copied().unwrap_or(0),
                hops: rest.get(3).copied().unwrap_or(0),
                ifindex: self.ifindex(side, read_u32(rest, 4).unwrap_or(0)),
                attrs: self.attrs(at, side, Some(&nlcompat::msg::route::RTA), bad),
            });
            off = off.saturating_add(nlcompat::wire::align4(len).unwrap_or(usize::MAX));
        }
        Value::Hops(hops)
    }
}

nlcompat::attr_table! {
/// The ext-ack attributes (`NLMSGERR_ATTR_*`): the same ids on both systems (Linux
/// `include/uapi/linux/netlink.h`, FreeBSD `sys/netlink/netlink.h`).
static EXT_ACK = AttrTable {
    name: "NLMSGERR_ATTR",
    rules: &[
        nlcompat::same!(NLMSGERR_ATTR_MSG),
        nlcompat::same!(NLMSGERR_ATTR_OFFS),
        nlcompat::same!(NLMSGERR_ATTR_COOKIE),
        nlcompat::same!(NLMSGERR_ATTR_POLICY),
        nlcompat::table::AttrRule {
            name: "NLMSGERR_ATTR_MISS_TYPE",
            linux: Some(l::NLMSGERR_ATTR_MISS_TYPE),
            freebsd: None,
            kind: Kind::Copy,
            note: "",
        },
        nlcompat::table::AttrRule {
            name: "NLMSGERR_ATTR_MISS_NEST",
            linux: Some(l::NLMSGERR_ATTR_MISS_NEST),
            freebsd: None,
            kind: Kind::Copy,
            note: "",
        },
    ],
    synth_linux: &[],
};
}

/// Attributes holding an IPv4/IPv6 address.
const ADDR_ATTRS: &[&str] = &[
    "RTA_DST",
    "RTA_SRC",
    "RTA_GATEWAY",
    "RTA_PREFSRC",
    "RTA_NEWDST",
    "IFA_ADDRESS",
    "IFA_LOCAL",
    "IFA_BROADCAST",
    "IFA_ANYCAST",
    "IFA_MULTICAST",
    "NDA_DST",
    "NHA_GATEWAY",
];
/// Attributes holding a link-layer address.
const MAC_ATTRS: &[&str] = &[
    "IFLA_ADDRESS",
    "IFLA_BROADCAST",
    "IFLA_PERM_ADDRESS",
    "NDA_LLADDR",
];
/// Attributes holding an interface index.
const IFINDEX_ATTRS: &[&str] = &[
    "RTA_OIF",
    "RTA_IIF",
    "IFLA_LINK",
    "IFLA_MASTER",
    "NHA_OIF",
    "NDA_IFINDEX",
    "NDA_MASTER",
];

fn named(v: u64, name: Option<&'static str>) -> Value {
    match name {
        Some(name) => Value::Named { value: v, name },
        None => Value::Num(v),
    }
}

fn flags(v: u64, table: &[(u64, &'static str)]) -> Value {
    let mut names = Vec::new();
    let mut rest = v;
    for &(bit, name) in table {
        if bit != 0 && v & bit == bit && rest & bit != 0 {
            names.push(name.to_owned());
            rest &= !bit;
        }
    }
    if rest != 0 {
        names.push(format!("{rest:#x}"));
    }
    Value::Flags { value: v, names }
}

fn hex(p: &[u8]) -> String {
    let mut s = String::with_capacity(p.len().saturating_mul(2));
    for b in p {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// A payload without a known meaning: a number when it has a number's size, else hex.
fn plain(p: &[u8]) -> Value {
    match p {
        [] => Value::Text(String::new()),
        [a] => Value::Num(u64::from(*a)),
        [a, b] => Value::Num(u64::from(u16::from_ne_bytes([*a, *b]))),
        [a, b, c, d] => Value::Num(u64::from(u32::from_ne_bytes([*a, *b, *c, *d]))),
        _ if p.len() == 8 => Value::Num(p.try_into().map(u64::from_ne_bytes).unwrap_or_default()),
        _ => Value::Hex { hex: hex(p) },
    }
}

fn text(p: &[u8]) -> Value {
    let end = p.iter().position(|&b| b == 0).unwrap_or(p.len());
    Value::Text(String::from_utf8_lossy(p.get(..end).unwrap_or_default()).into_owned())
}

fn addr(p: &[u8]) -> Value {
    if let Ok(a) = <[u8; 4]>::try_from(p) {
        return Value::Text(Ipv4Addr::from(a).to_string());
    }
    if let Ok(a) = <[u8; 16]>::try_from(p) {
        return Value::Text(Ipv6Addr::from(a).to_string());
    }
    Value::Hex { hex: hex(p) }
}

fn mac(p: &[u8]) -> Value {
    let parts: Vec<String> = p.iter().map(|b| format!("{b:02x}")).collect();
    Value::Text(parts.join(":"))
}

/// `RTA_VIA`: Linux `struct rtvia { u16 family; u8 addr[]; }`, FreeBSD's family is a u8
/// (`sys/netlink/route/route.h`).
fn via(p: &[u8], side: Side) -> Value {
    let (fam, rest) = match side {
        Side::Linux => (read_u16(p, 0).map(u64::from), p.get(2..)),
        Side::Freebsd => (p.first().copied().map(u64::from), p.get(1..)),
    };
    let (Some(fam), Some(rest)) = (fam, rest) else {
        return Value::Hex { hex: hex(p) };
    };
    Value::Fields(vec![
        FieldOut {
            name: "family",
            value: named(fam, af_name(side, fam)),
        },
        FieldOut {
            name: "addr",
            value: addr(rest),
        },
    ])
}

fn struct_u32(p: &[u8], names: &[&'static str]) -> Value {
    let mut out = Vec::new();
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = read_u32(p, i.saturating_mul(4)) {
            out.push(FieldOut {
                name: n,
                value: Value::Num(u64::from(v)),
            });
        }
    }
    Value::Fields(out)
}

/// The first counters of `rtnl_link_stats` (u32) / `rtnl_link_stats64` (u64).
fn stats(p: &[u8], width: usize) -> Value {
    let names = [
        "rx_packets",
        "tx_packets",
        "rx_bytes",
        "tx_bytes",
        "rx_errors",
        "tx_errors",
    ];
    let mut out = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let off = i.saturating_mul(width);
        let v = match width {
            8 => p
                .get(off..off.saturating_add(8))
                .and_then(|b| b.try_into().ok())
                .map(u64::from_ne_bytes),
            _ => read_u32(p, off).map(u64::from),
        };
        if let Some(v) = v {
            out.push(FieldOut {
                name: n,
                value: Value::Num(v),
            });
        }
    }
    Value::Fields(out)
}

/// Why the framing failed, in words.
pub(crate) fn describe(e: nlcompat::Error) -> String {
    match e {
        nlcompat::Error::Truncated { off } => format!("truncated header at offset {off}"),
        nlcompat::Error::BadLength { off } => format!("bad length field at offset {off}"),
        nlcompat::Error::TooLong { off } => format!("length overflow at offset {off}"),
        nlcompat::Error::NoSpace { needed } => format!("output needs {needed} bytes"),
        nlcompat::Error::Unsupported { msg_type } => {
            format!("message type {msg_type} has no translation")
        }
        nlcompat::Error::Rejected { off, attr: 0 } => {
            format!("header field value refused at offset {off}")
        }
        nlcompat::Error::Rejected { off, attr } => {
            format!("attribute {attr} refused at offset {off}")
        }
        nlcompat::Error::Family { off, family } => {
            format!("address family {family} has no counterpart (offset {off})")
        }
        nlcompat::Error::NoDevice { off } => format!("unknown interface at offset {off}"),
        other => format!("{other:?}"),
    }
}

// ---- fixed headers ----

#[derive(Clone, Copy)]
enum FieldKind {
    Num,
    Family,
    Ifindex,
    Names(fn(Side, u64) -> Option<&'static str>),
    Bits(fn(Side) -> Vec<(u64, &'static str)>),
}

struct FieldDef {
    name: &'static str,
    off: usize,
    size: usize,
    kind: FieldKind,
}

struct Layout {
    name: &'static str,
    len: usize,
    fields: &'static [FieldDef],
}

macro_rules! fd {
    ($name:literal, $off:expr, $size:expr, $kind:expr) => {
        FieldDef {
            name: $name,
            off: $off,
            size: $size,
            kind: $kind,
        }
    };
}

static IFINFOMSG: Layout = Layout {
    name: "ifinfomsg",
    len: 16,
    fields: &[
        fd!("ifi_family", 0, 1, FieldKind::Family),
        fd!("ifi_type", 2, 2, FieldKind::Names(link_type_name)),
        fd!("ifi_index", 4, 4, FieldKind::Ifindex),
        fd!("ifi_flags", 8, 4, FieldKind::Bits(iff_names)),
        fd!("ifi_change", 12, 4, FieldKind::Bits(iff_names)),
    ],
};
static IFADDRMSG: Layout = Layout {
    name: "ifaddrmsg",
    len: 8,
    fields: &[
        fd!("ifa_family", 0, 1, FieldKind::Family),
        fd!("ifa_prefixlen", 1, 1, FieldKind::Num),
        fd!("ifa_flags", 2, 1, FieldKind::Bits(ifa_flag_names)),
        fd!("ifa_scope", 3, 1, FieldKind::Names(scope_name)),
        fd!("ifa_index", 4, 4, FieldKind::Ifindex),
    ],
};
static RTMSG: Layout = Layout {
    name: "rtmsg",
    len: 12,
    fields: &[
        fd!("rtm_family", 0, 1, FieldKind::Family),
        fd!("rtm_dst_len", 1, 1, FieldKind::Num),
        fd!("rtm_src_len", 2, 1, FieldKind::Num),
        fd!("rtm_tos", 3, 1, FieldKind::Num),
        fd!("rtm_table", 4, 1, FieldKind::Names(table_name)),
        fd!("rtm_protocol", 5, 1, FieldKind::Names(rtprot_name)),
        fd!("rtm_scope", 6, 1, FieldKind::Names(scope_name)),
        fd!("rtm_type", 7, 1, FieldKind::Names(rtn_name)),
        fd!("rtm_flags", 8, 4, FieldKind::Bits(rtm_flag_names)),
    ],
};
static NDMSG: Layout = Layout {
    name: "ndmsg",
    len: 12,
    fields: &[
        fd!("ndm_family", 0, 1, FieldKind::Family),
        fd!("ndm_ifindex", 4, 4, FieldKind::Ifindex),
        fd!("ndm_state", 8, 2, FieldKind::Bits(nud_names)),
        fd!("ndm_flags", 10, 1, FieldKind::Bits(ntf_names)),
        fd!("ndm_type", 11, 1, FieldKind::Names(rtn_name)),
    ],
};
static NHMSG: Layout = Layout {
    name: "nhmsg",
    len: 8,
    fields: &[
        fd!("nh_family", 0, 1, FieldKind::Family),
        fd!("nh_scope", 1, 1, FieldKind::Names(scope_name)),
        fd!("nh_protocol", 2, 1, FieldKind::Names(rtprot_name)),
        fd!("nh_flags", 4, 4, FieldKind::Num),
    ],
};
/// nlctrl (`GENL_ID_CTRL`): commands named.
static GENLMSGHDR_CTRL: Layout = Layout {
    name: "genlmsghdr",
    len: 4,
    fields: &[
        fd!("cmd", 0, 1, FieldKind::Names(ctrl_cmd_name)),
        fd!("version", 1, 1, FieldKind::Num),
    ],
};
/// Other generic families: their commands are their own (numbers only).
static GENLMSGHDR: Layout = Layout {
    name: "genlmsghdr",
    len: 4,
    fields: &[
        fd!("cmd", 0, 1, FieldKind::Num),
        fd!("version", 1, 1, FieldKind::Num),
    ],
};

fn layout_for(proto: Proto, t: u16) -> Option<&'static Layout> {
    match proto {
        Proto::Route => match nlcompat::msg::spec_for(proto, t).map(|s| s.name) {
            Some("link") => Some(&IFINFOMSG),
            Some("addr") => Some(&IFADDRMSG),
            Some("route") => Some(&RTMSG),
            Some("neigh") => Some(&NDMSG),
            Some("nexthop") => Some(&NHMSG),
            _ => None,
        },
        Proto::Generic if t == l::GENL_ID_CTRL => Some(&GENLMSGHDR_CTRL),
        Proto::Generic => Some(&GENLMSGHDR),
        Proto::Other(_) => None,
    }
}

// ---- names of values, each ABI with its own constants ----

macro_rules! lookup {
    ($v:expr, $m:ident, [$($n:ident),* $(,)?]) => {{
        let v: u64 = $v;
        $( if v == u64::from($m::$n) { return Some(stringify!($n)); } )*
        None
    }};
}

macro_rules! bits {
    ($m:ident, [$($n:ident),* $(,)?]) => {
        vec![$((u64::from($m::$n), stringify!($n))),*]
    };
}

/// Defines `fn NAME(side, v) -> Option<name>`: the name of a field's value, each ABI from
/// its own constants (`both` when the two ABIs have the same names).
macro_rules! value_names {
    ($f:ident, both [$($n:ident),* $(,)?] $(,)?) => {
        value_names!($f, linux [$($n),*], freebsd [$($n),*]);
    };
    ($f:ident, linux [$($a:ident),* $(,)?], freebsd [$($b:ident),* $(,)?] $(,)?) => {
        fn $f(side: Side, v: u64) -> Option<&'static str> {
            match side {
                Side::Linux => lookup!(v, l, [$($a),*]),
                Side::Freebsd => lookup!(v, f, [$($b),*]),
            }
        }
    };
}

/// Defines `fn NAME(side) -> [(bit, name)]`: the names of a flag field's bits, each ABI from
/// its own constants (`both` when the two ABIs have the same names).
macro_rules! flag_names {
    ($f:ident, both [$($n:ident),* $(,)?] $(,)?) => {
        flag_names!($f, linux [$($n),*], freebsd [$($n),*]);
    };
    ($f:ident, linux [$($a:ident),* $(,)?], freebsd [$($b:ident),* $(,)?] $(,)?) => {
        fn $f(side: Side) -> Vec<(u64, &'static str)> {
            match side {
                Side::Linux => bits!(l, [$($a),*]),
                Side::Freebsd => bits!(f, [$($b),*]),
            }
        }
    };
}

value_names!(
    af_name,
    linux [AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET, AF_BRIDGE, AF_MPLS],
    freebsd [AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6, AF_LINK, AF_NETLINK],
);

value_names!(
    link_type_name,
    linux [
        ARPHRD_ETHER, ARPHRD_LOOPBACK, ARPHRD_NONE, ARPHRD_TUNNEL, ARPHRD_SIT, ARPHRD_INFINIBAND,
        ARPHRD_IEEE1394, ARPHRD_FDDI,
    ],
    freebsd [
        IFT_ETHER, IFT_LOOP, IFT_L2VLAN, IFT_BRIDGE, IFT_IEEE8023ADLAG, IFT_IEEE80211, IFT_PPP,
        IFT_OTHER, IFT_PROPVIRTUAL, IFT_TUNNEL, IFT_GIF, IFT_STF, IFT_ENC, IFT_PFLOG, IFT_PFSYNC,
    ],
);

flag_names!(
    iff_names,
    linux [
        IFF_UP, IFF_BROADCAST, IFF_DEBUG, IFF_LOOPBACK, IFF_POINTOPOINT, IFF_NOTRAILERS,
        IFF_RUNNING, IFF_NOARP, IFF_PROMISC, IFF_ALLMULTI, IFF_MASTER, IFF_SLAVE, IFF_MULTICAST,
        IFF_PORTSEL, IFF_AUTOMEDIA, IFF_DYNAMIC, IFF_LOWER_UP, IFF_DORMANT, IFF_ECHO,
    ],
    freebsd [
        IFF_UP, IFF_BROADCAST, IFF_DEBUG, IFF_LOOPBACK, IFF_POINTOPOINT, IFF_NEEDSEPOCH,
        IFF_DRV_RUNNING, IFF_NOARP, IFF_PROMISC, IFF_ALLMULTI, IFF_DRV_OACTIVE, IFF_SIMPLEX,
        IFF_LINK0, IFF_LINK1, IFF_LINK2, IFF_MULTICAST, IFF_CANTCONFIG, IFF_PPROMISC, IFF_MONITOR,
        IFF_STATICARP, IFF_STICKYARP, IFF_DYING, IFF_RENAMING, IFF_PALLMULTI, IFF_NETLINK_1,
    ],
);

flag_names!(
    ifa_flag_names,
    both [
        IFA_F_SECONDARY, IFA_F_NODAD, IFA_F_OPTIMISTIC, IFA_F_DADFAILED, IFA_F_HOMEADDRESS,
        IFA_F_DEPRECATED, IFA_F_TENTATIVE, IFA_F_PERMANENT, IFA_F_MANAGETEMPADDR,
        IFA_F_NOPREFIXROUTE, IFA_F_MCAUTOJOIN, IFA_F_STABLE_PRIVACY,
    ],
);

value_names!(
    scope_name,
    both [RT_SCOPE_UNIVERSE, RT_SCOPE_SITE, RT_SCOPE_LINK, RT_SCOPE_HOST, RT_SCOPE_NOWHERE],
);

value_names!(
    table_name,
    linux [RT_TABLE_UNSPEC, RT_TABLE_DEFAULT, RT_TABLE_MAIN, RT_TABLE_LOCAL],
    freebsd [RT_TABLE_MAIN, RT_TABLE_UNSPEC],
);

value_names!(
    rtprot_name,
    linux [
        RTPROT_UNSPEC, RTPROT_REDIRECT, RTPROT_KERNEL, RTPROT_BOOT, RTPROT_STATIC, RTPROT_RA,
        RTPROT_DHCP,
    ],
    freebsd [RTPROT_UNSPEC, RTPROT_REDIRECT, RTPROT_KERNEL, RTPROT_BOOT, RTPROT_STATIC],
);

value_names!(
    rtn_name,
    both [
        RTN_UNSPEC, RTN_UNICAST, RTN_LOCAL, RTN_BROADCAST, RTN_ANYCAST, RTN_MULTICAST,
        RTN_BLACKHOLE, RTN_UNREACHABLE, RTN_PROHIBIT, RTN_THROW, RTN_NAT,
    ],
);

flag_names!(
    rtm_flag_names,
    both [
        RTM_F_NOTIFY, RTM_F_CLONED, RTM_F_EQUALIZE, RTM_F_PREFIX, RTM_F_LOOKUP_TABLE,
        RTM_F_FIB_MATCH, RTM_F_OFFLOAD, RTM_F_TRAP, RTM_F_OFFLOAD_FAILED,
    ],
);

flag_names!(
    nud_names,
    both [
        NUD_INCOMPLETE, NUD_REACHABLE, NUD_STALE, NUD_DELAY, NUD_PROBE, NUD_FAILED, NUD_NOARP,
        NUD_PERMANENT,
    ],
);

flag_names!(
    ntf_names,
    both [
        NTF_USE, NTF_SELF, NTF_MASTER, NTF_PROXY, NTF_EXT_LEARNED, NTF_OFFLOADED, NTF_STICKY,
        NTF_ROUTER,
    ],
);

value_names!(
    ctrl_cmd_name,
    both [
        CTRL_CMD_UNSPEC, CTRL_CMD_NEWFAMILY, CTRL_CMD_DELFAMILY, CTRL_CMD_GETFAMILY,
        CTRL_CMD_NEWOPS, CTRL_CMD_DELOPS, CTRL_CMD_GETOPS, CTRL_CMD_NEWMCAST_GRP,
        CTRL_CMD_DELMCAST_GRP, CTRL_CMD_GETMCAST_GRP, CTRL_CMD_GETPOLICY,
    ],
);

/// The errno name of a wire error value (Linux negative, FreeBSD positive).
fn errno_name(side: Side, e: i32) -> Option<&'static str> {
    if e == 0 {
        return None;
    }
    let mag = e.checked_abs().unwrap_or(i32::MAX);
    nlcompat::msg::errno::SAME
        .iter()
        .zip(nlcompat::msg::errno::SAME_NAMES)
        .find(|((lx, fx), _)| match side {
            Side::Linux => *lx == mag,
            Side::Freebsd => *fx == mag,
        })
        .map(|(_, n)| *n)
}

fn type_name(proto: Proto, t: u16) -> Option<&'static str> {
    let v = u64::from(t);
    if t < 16 {
        return lookup!(v, l, [NLMSG_NOOP, NLMSG_ERROR, NLMSG_DONE, NLMSG_OVERRUN]);
    }
    match proto {
        Proto::Route => lookup!(
            v,
            l,
            [
                RTM_NEWLINK,
                RTM_DELLINK,
                RTM_GETLINK,
                RTM_SETLINK,
                RTM_NEWADDR,
                RTM_DELADDR,
                RTM_GETADDR,
                RTM_NEWROUTE,
                RTM_DELROUTE,
                RTM_GETROUTE,
                RTM_NEWNEIGH,
                RTM_DELNEIGH,
                RTM_GETNEIGH,
                RTM_NEWRULE,
                RTM_DELRULE,
                RTM_GETRULE,
                RTM_NEWQDISC,
                RTM_DELQDISC,
                RTM_GETQDISC,
                RTM_NEWTCLASS,
                RTM_DELTCLASS,
                RTM_GETTCLASS,
                RTM_NEWTFILTER,
                RTM_DELTFILTER,
                RTM_GETTFILTER,
                RTM_NEWACTION,
                RTM_DELACTION,
                RTM_GETACTION,
                RTM_NEWPREFIX,
                RTM_GETMULTICAST,
                RTM_GETANYCAST,
                RTM_NEWNEIGHTBL,
                RTM_GETNEIGHTBL,
                RTM_SETNEIGHTBL,
                RTM_NEWADDRLABEL,
                RTM_DELADDRLABEL,
                RTM_GETADDRLABEL,
                RTM_GETDCB,
                RTM_SETDCB,
                RTM_NEWNETCONF,
                RTM_DELNETCONF,
                RTM_GETNETCONF,
                RTM_NEWMDB,
                RTM_DELMDB,
                RTM_GETMDB,
                RTM_NEWNSID,
                RTM_DELNSID,
                RTM_GETNSID,
                RTM_NEWSTATS,
                RTM_GETSTATS,
                RTM_NEWNEXTHOP,
                RTM_DELNEXTHOP,
                RTM_GETNEXTHOP,
            ]
        ),
        Proto::Generic => lookup!(v, l, [GENL_ID_CTRL]),
        Proto::Other(_) => None,
    }
}

fn type_value(proto: Proto, t: u16) -> Value {
    named(u64::from(t), type_name(proto, t))
}

/// `nlmsg_flags` names: the low bits are common; the high byte depends on the request kind
/// (Linux `include/uapi/linux/netlink.h`; FreeBSD `sys/netlink/netlink.h` has the same).
fn nlm_flags(proto: Proto, t: u16, v: u16) -> Value {
    let mut table = bits!(
        l,
        [
            NLM_F_REQUEST,
            NLM_F_MULTI,
            NLM_F_ACK,
            NLM_F_ECHO,
            NLM_F_DUMP_INTR,
            NLM_F_DUMP_FILTERED
        ]
    );
    let request = v & l::NLM_F_REQUEST != 0;
    if t == l::NLMSG_ERROR {
        table.extend(bits!(l, [NLM_F_CAPPED, NLM_F_ACK_TLVS]));
    } else if request && (proto == Proto::Generic || (t >= 16 && t % 4 == 2)) {
        table.extend(bits!(
            l,
            [NLM_F_DUMP, NLM_F_ROOT, NLM_F_MATCH, NLM_F_ATOMIC]
        ));
    } else if request && t >= 16 && t % 4 == 0 {
        table.extend(bits!(
            l,
            [NLM_F_REPLACE, NLM_F_EXCL, NLM_F_CREATE, NLM_F_APPEND]
        ));
    } else if request && t >= 16 && t % 4 == 1 {
        table.extend(bits!(l, [NLM_F_NONREC, NLM_F_BULK]));
    }
    flags(u64::from(v), &table)
}

/// `SystemTime`-free RFC 3339 rendering of a time since the epoch (UTC), from Howard
/// Hinnant's civil-from-days algorithm.
pub(crate) fn rfc3339(t: std::time::Duration) -> String {
    let secs = t.as_secs();
    let days = i64::try_from(secs.checked_div(86_400).unwrap_or(0)).unwrap_or(0);
    let sod = secs.checked_rem(86_400).unwrap_or(0);
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = doe
        .saturating_sub(doe / 1460)
        .saturating_add(doe / 36_524)
        .saturating_sub(doe / 146_096)
        / 365;
    let doy = doe.saturating_sub(
        yoe.saturating_mul(365)
            .saturating_add(yoe / 4)
            .saturating_sub(yoe / 100),
    );
    let mp = doy.saturating_mul(5).saturating_add(2) / 153;
    let d = doy
        .saturating_sub(mp.saturating_mul(153).saturating_add(2) / 5)
        .saturating_add(1);
    let m = if mp < 10 {
        mp.saturating_add(3)
    } else {
        mp.saturating_sub(9)
    };
    let y = yoe
        .saturating_add(era.saturating_mul(400))
        .saturating_add(i64::from(m <= 2));
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:06}Z",
        sod / 3600,
        (sod % 3600) / 60,
        sod % 60,
        t.subsec_micros()
    )
}

// ---- text ----

/// Hex payloads longer than this many bytes are cut in text output (JSON has them whole).
const HEX_SHOWN: usize = 48;

/// One message as text, `ip monitor`/tshark style; ends with a newline. Long hex payloads
/// are shortened.
pub(crate) fn render(d: &Decoded) -> String {
    render_with(d, false)
}

/// Like [`render`], with every byte of hex payloads (for comparisons).
pub(crate) fn render_full(d: &Decoded) -> String {
    render_with(d, true)
}

fn render_with(d: &Decoded, full: bool) -> String {
    FULL.with(|f| f.set(full));
    let mut s = String::new();
    let arrow = match d.dir {
        Some("request") => " >",
        Some("reply") => " <",
        Some("notification") => " <*",
        _ => "",
    };
    let _ = write!(s, "#{} {}{}", d.frame, d.abi, arrow);
    if let Some(t) = &d.time {
        let _ = write!(s, " {t}");
    }
    let _ = write!(s, " ");
    render_summary(&mut s, d);
    s.push('\n');
    render_body(&mut s, d, 1);
    s
}

thread_local! {
    /// Whether [`show`] prints hex payloads whole (set per rendering).
    static FULL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn render_summary(s: &mut String, d: &Decoded) {
    let _ = write!(
        s,
        "{} len {} flags {} seq {} pid {}",
        show(&d.msg_type),
        d.len,
        show(&d.flags),
        d.seq,
        d.pid
    );
    if d.proto != 0 {
        let _ = write!(s, " proto {}", d.proto);
    }
    if d.port != 0 {
        let _ = write!(s, " port {}", d.port);
    }
}

fn render_body(s: &mut String, d: &Decoded, depth: usize) {
    let ind = "    ".repeat(depth);
    if let Some(h) = &d.header {
        let _ = write!(s, "{ind}{}:", h.name);
        for fl in &h.fields {
            let _ = write!(s, " {} {}", fl.name, show(&fl.value));
        }
        s.push('\n');
    }
    if let Some(e) = &d.error {
        let _ = write!(s, "{ind}error {}", e.error);
        match (e.errno, e.error) {
            (Some(n), _) => {
                let _ = write!(s, " {n}");
            }
            (None, 0) => s.push_str(" (ack)"),
            (None, _) => s.push_str(" (unknown errno)"),
        }
        s.push('\n');
        if let Some(r) = &e.request {
            let _ = write!(s, "{ind}request: ");
            render_summary(s, r);
            s.push('\n');
            render_body(s, r, depth.saturating_add(1));
        }
        render_attrs(s, &e.ext_ack, depth);
    }
    render_attrs(s, &d.attrs, depth);
    if d.trailing_zeros != 0 {
        let _ = writeln!(
            s,
            "{ind}({} trailing zero bytes, ignored by the kernel)",
            d.trailing_zeros
        );
    }
    for m in &d.malformed {
        let _ = writeln!(s, "{ind}MALFORMED: {m}");
    }
}

fn render_attrs(s: &mut String, attrs: &[AttrOut], depth: usize) {
    let ind = "    ".repeat(depth);
    for a in attrs {
        match &a.name {
            Some(n) => {
                let _ = write!(s, "{ind}{n}");
            }
            None => {
                let _ = write!(s, "{ind}attr {}", a.id);
            }
        }
        match &a.value {
            Value::Nested(inner) => {
                s.push_str(":\n");
                render_attrs(s, inner, depth.saturating_add(1));
            }
            Value::Hops(hops) => {
                s.push_str(":\n");
                for h in hops {
                    let _ = writeln!(
                        s,
                        "{ind}    nexthop ifindex {} hops {} flags {}",
                        show(&h.ifindex),
                        h.hops,
                        h.flags
                    );
                    render_attrs(s, &h.attrs, depth.saturating_add(2));
                }
            }
            v => {
                let _ = writeln!(s, " {}", show(v));
            }
        }
    }
}

/// A value in one line.
pub(crate) fn show(v: &Value) -> String {
    match v {
        Value::Num(n) => n.to_string(),
        Value::Text(t) => {
            if t.is_empty() || t.contains(' ') {
                format!("{t:?}")
            } else {
                t.clone()
            }
        }
        Value::Named { value, name } => format!("{name}({value})"),
        Value::Flags { value, names } => {
            if names.is_empty() {
                "0".to_owned()
            } else {
                format!("{}({value:#x})", names.join("|"))
            }
        }
        Value::Ifindex { index, name } => match name {
            Some(n) => format!("{index}({n})"),
            None => index.to_string(),
        },
        Value::Hex { hex } => {
            let cut = HEX_SHOWN.saturating_mul(2);
            match hex.get(..cut) {
                Some(head) if hex.len() > cut && !FULL.with(std::cell::Cell::get) => {
                    format!("0x{head}... ({} bytes)", hex.len() / 2)
                }
                _ => format!("0x{hex}"),
            }
        }
        Value::Nested(a) => format!("[{} attributes]", a.len()),
        Value::Hops(h) => format!("[{} nexthops]", h.len()),
        Value::Fields(fs) => {
            let parts: Vec<String> = fs
                .iter()
                .map(|f| format!("{} {}", f.name, show(&f.value)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
    }
}
