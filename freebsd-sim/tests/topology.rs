// SPDX-License-Identifier: BSD-2-Clause
//! Topology loading (`docs/topology.md`).
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::{Kernel, Topology, TopologyError};

/// The example in `docs/topology.md` loads and produces what it describes.
#[test]
fn doc_example_loads() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/topology.md"))
        .unwrap();
    let start = doc.find("```toml\n").unwrap() + 8;
    let end = doc[start..].find("```").unwrap() + start;
    let topo = Topology::from_toml_str(&doc[start..end]).unwrap();
    let mut k = Kernel::new(&topo).unwrap();
    let names: Vec<String> = k.interfaces().into_iter().map(|i| i.name).collect();
    assert_eq!(names, ["vtnet0", "lo0"]);
    let s = route_sock(&mut k, ROOT);
    // fib 1 has the multipath route only.
    let mut p = rtmsg(0, 0, 0, 0, 0, 0);
    p.extend(attr_u32(15, 1));
    let m = roundtrip(&mut k, s, &msg(26, 0x301, 1, &p));
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].payload[4], 1, "rtm_table");
    assert!(m[0].attr(12, 9).is_some(), "RTA_MULTIPATH");
    // The default route uses user nexthop 10.
    let m = roundtrip(&mut k, s, &msg(26, 0x301, 1, &rtmsg(2, 0, 0, 0, 0, 0)));
    assert_eq!(m[0].attr(12, 30).unwrap(), 10u32.to_ne_bytes(), "RTA_NH_ID");
}

/// Bad values are reported, not panicked on.
#[test]
fn invalid_topologies() {
    let bad = [
        "[[interface]]\nname = \"x0\"\ntype = \"token-ring\"\n",
        "[[interface]]\nname = \"em0\"\ntype = \"ether\"\naddresses = [\"10.0.0.1/33\"]\n",
        "[[interface]]\nname = \"em0\"\ntype = \"ether\"\nmac = \"zz\"\n",
        "[[route]]\ndst = \"10.0.0.0/8\"\ngateway = \"192.0.2.1\"\n",
        "[[neighbor]]\ninterface = \"em9\"\ndst = \"192.0.2.1\"\n",
    ];
    for b in bad {
        let t = Topology::from_toml_str(b).unwrap();
        assert!(
            matches!(Kernel::new(&t), Err(TopologyError::Invalid(_))),
            "{b}"
        );
    }
}

/// `dump_rc_nhop`: an expiring route reports NL_RTA_EXPIRES = `nh_expire − time_uptime`,
/// so it shrinks when the (injected) clock moves.
#[test]
fn route_expiry() {
    let t = Topology::from_toml_str(
        "[[interface]]\nname = \"em0\"\ntype = \"ether\"\nup = true\n\
         addresses = [\"192.0.2.10/24\"]\n\n[[route]]\ndst = \"198.51.100.0/24\"\n\
         gateway = \"192.0.2.1\"\nexpire = 600\n",
    )
    .unwrap();
    let mut k = Kernel::new(&t).unwrap();
    let s = route_sock(&mut k, ROOT);
    let mut q = rtmsg(2, 32, 0, 0, 0, 0);
    q.extend(attr(1, &ip4("198.51.100.1")));
    let m = roundtrip(&mut k, s, &msg(26, 1, 1, &q));
    assert_eq!(m[0].attr(12, 23).unwrap(), 600u32.to_ne_bytes());
    k.set_clock(Box::new(freebsd_sim::FixedClock {
        uptime: 3700,
        realtime: 1_700_000_100,
    }));
    let m = roundtrip(&mut k, s, &msg(26, 1, 2, &q));
    assert_eq!(m[0].attr(12, 23).unwrap(), 500u32.to_ne_bytes());
}
