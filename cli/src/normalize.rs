// SPDX-License-Identifier: BSD-2-Clause
//! Normalisation of decoded messages, so that two answers to the same request compare equal
//! when they differ only in what legitimately varies between runs and hosts.
//!
//! Used by `nlcompat replay`; a compatibility suite comparing Linux and FreeBSD answers can
//! include this module together with `decode.rs` and compare [`canonical`] strings.
//!
//! What is erased or replaced, and why:
//! - `nlmsg_seq`, `nlmsg_pid`, the capturing socket's port id, frame numbers, capture
//!   times and directions: chosen by the program and the runner, different in every run.
//! - `nlmsg_len`: follows from the attributes, which are compared themselves.
//! - Interface indexes (header fields and index attributes): replaced by the interface's
//!   name when a link message of the same stream named it (indexes are allocated per host;
//!   the names are what Linux programs show). An index whose name is unknown stays a number.
//! - Link-layer addresses (`IFLA_ADDRESS`, `IFLA_PERM_ADDRESS`, `NDA_LLADDR`) except the
//!   all-zero and broadcast ones, and IPv6 addresses with an EUI-64 interface id derived from
//!   them (`fe80::5054:ff:fe12:3456`; RFC 4291 appendix A).
//! - Counters (`IFLA_STATS`, `IFLA_STATS64`, carrier change counts, `NDA_PROBES`),
//!   timestamps and lifetimes (`IFA_CACHEINFO`, `RTA_CACHEINFO`, `NDA_CACHEINFO`,
//!   `RTA_EXPIRES`).
//!
//! - The order of attributes (sorted by name): clients look attributes up by type.
//!
//! Interface names themselves are compared as they are: under the Linuxulator's naming
//! (`em0` → `eth0`, `lo0` → `lo`) they are part of what a Linux program must see.

use std::net::Ipv6Addr;

use crate::decode::{render_full, AttrOut, Decoded, Value};

/// Attributes whose value is a counter.
const COUNTERS: &[&str] = &[
    "IFLA_STATS",
    "IFLA_STATS64",
    "IFLA_CARRIER_CHANGES",
    "IFLA_CARRIER_UP_COUNT",
    "IFLA_CARRIER_DOWN_COUNT",
    "NDA_PROBES",
];
/// Attributes carrying timestamps or lifetimes.
const TIMES: &[&str] = &[
    "IFA_CACHEINFO",
    "RTA_CACHEINFO",
    "NDA_CACHEINFO",
    "RTA_EXPIRES",
];
/// Attributes carrying a host's own link-layer address.
const MACS: &[&str] = &["IFLA_ADDRESS", "IFLA_PERM_ADDRESS", "NDA_LLADDR"];

/// Normalises `d` in place (see the module documentation).
pub(crate) fn normalize(d: &mut Decoded) {
    d.frame.clear();
    d.time = None;
    d.dir = None;
    d.port = 0;
    d.seq = 0;
    d.pid = 0;
    d.len = 0;
    if let Some(h) = &mut d.header {
        for f in &mut h.fields {
            value(&mut f.value);
        }
    }
    attrs(&mut d.attrs);
    if let Some(e) = &mut d.error {
        if let Some(r) = &mut e.request {
            normalize(r);
        }
        attrs(&mut e.ext_ack);
    }
}

/// The normalised message as one comparable string (its text rendering).
pub(crate) fn canonical(d: &Decoded) -> String {
    let mut n = d.clone();
    normalize(&mut n);
    render_full(&n)
}

fn attrs(list: &mut [AttrOut]) {
    // Attribute order carries no meaning for netlink clients; Linux and FreeBSD differ in it.
    list.sort_by(|a, b| (a.name, a.id).cmp(&(b.name, b.id)));
    for a in list.iter_mut() {
        let name = a.name.unwrap_or("");
        if COUNTERS.contains(&name) || TIMES.contains(&name) {
            a.value = Value::Text("*".to_owned());
            continue;
        }
        if MACS.contains(&name) {
            if let Value::Text(t) = &mut a.value {
                let special = t.split(':').all(|b| b == "00") || t.split(':').all(|b| b == "ff");
                if !special {
                    *t = "<mac>".to_owned();
                }
            }
            continue;
        }
        value(&mut a.value);
    }
}

fn value(v: &mut Value) {
    match v {
        Value::Ifindex {
            name: Some(name), ..
        } => {
            *v = Value::Text(format!("if:{name}"));
        }
        Value::Ifindex { name: None, .. } => {}
        Value::Text(t) => {
            if let Ok(a) = t.parse::<Ipv6Addr>() {
                if eui64(&a) {
                    let s = a.segments();
                    *t = format!("{:x}::<eui64>", s.first().copied().unwrap_or(0));
                }
            }
        }
        Value::Nested(list) => attrs(list),
        Value::Hops(hops) => {
            for h in hops {
                value(&mut h.ifindex);
                attrs(&mut h.attrs);
            }
        }
        Value::Fields(fs) => {
            for f in fs {
                value(&mut f.value);
            }
        }
        Value::Num(_) | Value::Named { .. } | Value::Flags { .. } | Value::Hex { .. } => {}
    }
}

/// An interface id built from a MAC (`xx:xx:xx:ff:fe:xx:xx:xx`, RFC 4291 appendix A).
fn eui64(a: &Ipv6Addr) -> bool {
    let o = a.octets();
    o.get(11) == Some(&0xff) && o.get(12) == Some(&0xfe)
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
mod tests {
    use super::*;
    use crate::decode::Decoder;
    use crate::pcap::Side;
    use nlcompat::wire::Msg;

    /// An `RTM_NEWLINK` for index `idx` named `name` with MAC `mac`, MTU 1500.
    fn newlink(idx: u32, name: &str, mac: [u8; 6], seq: u32) -> Vec<u8> {
        let mut p = vec![0u8, 0];
        p.extend_from_slice(&1u16.to_ne_bytes());
        p.extend_from_slice(&idx.to_ne_bytes());
        p.extend_from_slice(&0x1043u32.to_ne_bytes());
        p.extend_from_slice(&0u32.to_ne_bytes());
        let mut attr = |ty: u16, v: &[u8]| {
            let len = u16::try_from(4 + v.len()).unwrap();
            p.extend_from_slice(&len.to_ne_bytes());
            p.extend_from_slice(&ty.to_ne_bytes());
            p.extend_from_slice(v);
            while p.len() % 4 != 0 {
                p.push(0);
            }
        };
        let mut n = name.as_bytes().to_vec();
        n.push(0);
        attr(3, &n);
        attr(4, &1500u32.to_ne_bytes());
        attr(1, &mac);
        let mut m = u32::try_from(16 + p.len()).unwrap().to_ne_bytes().to_vec();
        m.extend_from_slice(&16u16.to_ne_bytes());
        m.extend_from_slice(&2u16.to_ne_bytes());
        m.extend_from_slice(&seq.to_ne_bytes());
        m.extend_from_slice(&4242u32.to_ne_bytes());
        m.extend_from_slice(&p);
        m
    }

    fn canon(bytes: &[u8]) -> String {
        let mut d = Decoder::default();
        let m = Msg::parse(bytes, 0).unwrap();
        canonical(&d.message(m, Side::Linux, 0))
    }

    #[test]
    fn index_mac_and_seq_vanish_but_names_and_mtu_stay() {
        let a = canon(&newlink(2, "eth0", [2, 0, 0, 0, 0, 0x10], 7));
        let b = canon(&newlink(1, "eth0", [0x52, 0x54, 0, 0x12, 0x34, 0x56], 99));
        assert_eq!(a, b);
        assert!(a.contains("ifi_index if:eth0"), "{a}");
        assert!(a.contains("IFLA_MTU 1500"), "{a}");
        assert!(a.contains("IFLA_ADDRESS <mac>"), "{a}");
        let c = canon(&newlink(2, "eth1", [2, 0, 0, 0, 0, 0x10], 7));
        assert_ne!(a, c, "a different name must not compare equal");
    }

    #[test]
    fn unnamed_index_stays_a_number() {
        let mut d = Decoder::default();
        let m = newlink(5, "eth0", [2, 0, 0, 0, 0, 0x10], 7);
        let mut dec = d.message(Msg::parse(&m, 0).unwrap(), Side::Linux, 0);
        dec.attrs.retain(|a| a.name != Some("IFLA_IFNAME"));
        if let Some(h) = &mut dec.header {
            for f in &mut h.fields {
                if let Value::Ifindex { name, .. } = &mut f.value {
                    *name = None;
                }
            }
        }
        assert!(canonical(&dec).contains("ifi_index 5 "));
    }

    #[test]
    fn eui64_link_local_is_recognised() {
        assert!(eui64(&"fe80::5054:ff:fe12:3456".parse().unwrap()));
        assert!(!eui64(&"2001:db8::10".parse().unwrap()));
    }
}
