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
use nlcompat::{Ctx, Freebsd, Host, IfName, Linux, Proto};

/// The host of the golden vectors: 1 lo0, 2 em0 (eth0), 3 em1 (eth1), 4 bridge0, 5 lo1.
struct BenchHost;

const IFS: &[(u32, &[u8], u16, Option<u32>)] = &[
    (1, b"lo0", 24, None),
    (2, b"em0", 6, Some(0)),
    (3, b"em1", 6, Some(1)),
    (4, b"bridge0", 209, None),
    (5, b"lo1", 24, None),
];

impl Host for BenchHost {
    fn ifname(&self, index: u32) -> Option<IfName> {
        IFS.iter()
            .find(|i| i.0 == index)
            .and_then(|i| IfName::new(i.1))
    }
    fn ifindex(&self, name: &[u8]) -> Option<u32> {
        IFS.iter().find(|i| i.1 == name).map(|i| i.0)
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
}

fn vector(name: &str) -> Vec<u8> {
    let p = format!("{}/tests/vectors/{name}.bin", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn bench(c: &mut Criterion) {
    let host = BenchHost;
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
