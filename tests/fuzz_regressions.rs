// SPDX-License-Identifier: BSD-2-Clause
//! Inputs the fuzz targets (`fuzz/`, `docs/robustness.md`) stopped on, kept as regression
//! tests of the invariant they exercised.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use nlcompat::wire::Messages;
use nlcompat::{Ctx, Freebsd, Linux, Proto, StaticHost, StaticIf};

/// The fuzzing host of `fuzz/fuzz_targets/common.rs`.
const IFS: &[StaticIf<'static>] = &[
    StaticIf {
        index: 1,
        name: b"em0",
        iftype: 6,
        linux_ethno: Some(0),
    },
    StaticIf {
        index: 2,
        name: b"em1",
        iftype: 6,
        linux_ethno: Some(1),
    },
    StaticIf {
        index: 3,
        name: b"lo0",
        iftype: 24,
        linux_ethno: None,
    },
    StaticIf {
        index: 4,
        name: b"bridge0",
        iftype: 209,
        linux_ethno: None,
    },
];

fn forth(ctx: &Ctx<'_>, l: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; 4096];
    nlcompat::to_freebsd(ctx, Linux::new(l), &mut out)
        .unwrap()
        .bytes()
        .to_vec()
}

fn back(ctx: &Ctx<'_>, b: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; 4096];
    nlcompat::to_linux(ctx, Freebsd::new(b), &mut out)
        .unwrap()
        .bytes()
        .to_vec()
}

/// `roundtrip`, campaign of 2026-12-04: an `RTM_DELROUTE` (25) with the dump bits among its
/// flags (0xdbeb), `rtm_dst_len` 20 and no `RTA_DST`. The Linux-bound pass, which reads its
/// input as kernel output, rewrites the flags as for a kernel message (0x22), after which the
/// FreeBSD-bound pass reads a plain delete and completes the missing destination as Linux does (0.0.0.0): the
/// buffer changes in the second round trip, and must then stay put.
#[test]
fn delroute_with_dump_flags_reaches_a_round_trip_fixed_point() {
    let host = StaticHost {
        ifs: IFS,
        real_names: false,
    };
    let ctx = Ctx::new(&host, Proto::Route);
    #[rustfmt::skip]
    let x: [u8; 28] = [
        0x1c, 0, 0, 0, 0x19, 0, 0xeb, 0xdb, 0xff, 0xb9, 0x48, 0x04, 0, 0, 0, 0,
        // rtmsg: AF_INET, dst_len 20, src_len 22, tos 0, table 0, proto 0, scope 126, type 0,
        // flags 0xe3e3e3e3
        2, 20, 22, 0, 0, 0, 126, 0, 0xe3, 0xe3, 0xe3, 0xe3,
    ];
    let b1 = forth(&ctx, &x);
    let l1 = back(&ctx, &b1);
    let b2 = forth(&ctx, &l1);
    let l2 = back(&ctx, &b2);
    let b3 = forth(&ctx, &l2);
    let l3 = back(&ctx, &b3);
    assert_eq!(l3, l2, "the third round trip changed the Linux bytes");
    assert_eq!(
        forth(&ctx, &l3),
        b3,
        "the third round trip changed the FreeBSD bytes"
    );
    // What changed in the second round trip: an RTA_DST (1) of 0.0.0.0 appeared.
    let m = Messages::new(&b2).next().unwrap().unwrap();
    let dst = nlcompat::wire::attrs_after(m.payload(), 12)
        .find(1)
        .unwrap();
    assert_eq!(dst.payload(), &[0, 0, 0, 0]);
    for b in [&b1, &b2, &b3] {
        assert!(Messages::new(b).all(|m| m.is_ok()));
    }
}
