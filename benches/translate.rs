// SPDX-License-Identifier: BSD-2-Clause
//! Translation throughput on the golden vectors (`tests/vectors/`): FreeBSD replies → Linux
//! (what the kernel glue does for every dump part and notification) and Linux requests →
//! FreeBSD. `make bench` runs it; results and targets are in docs/benchmarks.md.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::as_conversions,
    missing_docs
)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nlcompat::{Ctx, Freebsd, Linux, Proto, StaticHost, StaticIf};

/// The host of the golden vectors: 1 lo0, 2 em0 (eth0), 3 em1 (eth1), 4 bridge0, 5 lo1.
const IFS: &[StaticIf<'static>] = &[
    StaticIf {
        index: 1,
        name: b"lo0",
        iftype: 24,
        linux_ethno: None,
    },
    StaticIf {
        index: 2,
        name: b"em0",
        iftype: 6,
        linux_ethno: Some(0),
    },
    StaticIf {
        index: 3,
        name: b"em1",
        iftype: 6,
        linux_ethno: Some(1),
    },
    StaticIf {
        index: 4,
        name: b"bridge0",
        iftype: 209,
        linux_ethno: None,
    },
    StaticIf {
        index: 5,
        name: b"lo1",
        iftype: 24,
        linux_ethno: None,
    },
];

fn vector(name: &str) -> Vec<u8> {
    let p = format!("{}/tests/vectors/{name}.bin", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn bench(c: &mut Criterion) {
    let host = StaticHost {
        ifs: IFS,
        real_names: false,
    };
    let ctx = Ctx::new(&host, Proto::Route);
    let mut out = vec![0u8; 1 << 16];
    let mut g = c.benchmark_group("to_linux");
    for name in [
        "newlink_dump",
        "newaddr_dump_v6",
        "newroute_dump_v4",
        "newneigh_dump",
    ] {
        let input = vector(&format!("freebsd/{name}"));
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &input, |b, i| {
            b.iter(|| {
                nlcompat::to_linux(&ctx, Freebsd::new(i), &mut out)
                    .unwrap()
                    .bytes()
                    .len()
            })
        });
    }
    g.finish();
    let mut g = c.benchmark_group("to_freebsd");
    for name in [
        "getlink_iproute2",
        "newroute_multipath_iproute2",
        "newaddr_v6_iproute2",
    ] {
        let input = vector(&format!("linux/{name}"));
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &input, |b, i| {
            b.iter(|| {
                nlcompat::to_freebsd(&ctx, Linux::new(i), &mut out)
                    .unwrap()
                    .bytes()
                    .len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
