// SPDX-License-Identifier: BSD-2-Clause
//! The copy-and-patch path (`nlcompat::msg::translate_msg_fast`) against the general path
//! (`translate_msg_general`): wherever the fast path takes a message, its output must be the
//! general path's byte for byte, whatever the output buffer held before. Inputs: every golden
//! vector in both directions, and generated FreeBSD route dumps and Linux route requests of
//! the shapes the kernels and iproute2 produce (the table-driven generator of
//! `tests/props.rs` covers every row kind as well: `fast_path_agrees_with_general_path`).
#![allow(
    clippy::arithmetic_side_effects,
    clippy::as_conversions,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::panic
)]

mod common;

use common::*;
use nlcompat::msg::{translate_msg_fast, translate_msg_general};
use nlcompat::wire::{Messages, Writer};
use nlcompat::{Ctx, Dir};

/// Translates `m` both ways into buffers filled with different bytes; returns whether the
/// fast path took it. Panics when the outputs differ.
fn compare(ctx: &Ctx<'_>, dir: Dir, m: &[u8], what: &str) -> bool {
    let msg = Messages::new(m).next().unwrap().unwrap();
    let mut a = vec![0xAAu8; 4096];
    let mut w = Writer::new(&mut a);
    let general = translate_msg_general(ctx, dir, msg, &mut w);
    let n = w.len();
    let mut b = vec![0x55u8; 4096];
    let mut w = Writer::new(&mut b);
    let Some(fast) = translate_msg_fast(ctx, dir, msg, &mut w) else {
        assert_eq!(w.len(), 0, "{what}: the fast path declined after writing");
        return false;
    };
    assert_eq!(fast, general, "{what}: results differ\n{m:02x?}");
    assert_eq!(w.len(), n, "{what}: lengths differ\n{m:02x?}");
    assert_eq!(&b[..n], &a[..n], "{what}: bytes differ\n{m:02x?}");
    true
}

fn vector(name: &str) -> Vec<u8> {
    let p = format!("{}/tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

/// The messages of a buffer, each as its own bytes.
fn split(buf: &[u8]) -> Vec<Vec<u8>> {
    Messages::new(buf)
        .map_while(Result::ok)
        .map(|m| m.bytes().to_vec())
        .collect()
}

#[test]
fn golden_vectors_take_the_same_bytes_either_way() {
    let mut taken = 0;
    for (sub, dir) in [
        ("freebsd", Dir::FreebsdToLinux),
        ("linux", Dir::LinuxToFreebsd),
    ] {
        let dir_path = format!("{}/tests/vectors/{sub}", env!("CARGO_MANIFEST_DIR"));
        for e in std::fs::read_dir(dir_path).unwrap() {
            let name = e.unwrap().file_name().into_string().unwrap();
            if !name.ends_with(".bin") {
                continue;
            }
            for m in split(&vector(&format!("{sub}/{name}"))) {
                for c in [ctx(), gctx()] {
                    taken += usize::from(compare(&c, dir, &m, &name));
                }
            }
        }
    }
    assert!(
        taken > 10,
        "the fast path took only {taken} golden messages"
    );
}

/// FreeBSD's route dumps take the fast path, multipath routes included (their private
/// `NL_RTA_RTFLAGS` inside each hop is dropped, the hops move down).
#[test]
fn freebsd_route_dumps_take_the_fast_path() {
    let c = ctx();
    for (name, want) in [
        // v4: 8 routes, 2 with RTA_MULTIPATH (id 9), 1 with RTA_VIA; none is a default route.
        ("freebsd/newroute_dump_v4.bin", 8),
        ("freebsd/newroute_dump_v6.bin", 5),
    ] {
        let msgs = split(&vector(name));
        let routes: Vec<_> = msgs.iter().filter(|m| m[4] == 24).collect();
        let taken = routes
            .iter()
            .filter(|m| compare(&c, Dir::FreebsdToLinux, m, name))
            .count();
        assert_eq!(taken, want, "{name}");
    }
    // iproute2's `ip route add ... via inet6 ...` and multipath requests.
    for name in ["newroute_via_iproute2", "newroute_multipath_iproute2"] {
        let req = &split(&vector(&format!("linux/{name}.bin")))[0];
        assert!(compare(&c, Dir::LinuxToFreebsd, req, name), "{name}");
    }
}

/// FreeBSD's address and link dumps take the fast path too: `IFA_LABEL` renamed in place
/// (IPv4) or dropped (IPv6), `IFA_FLAGS` dropped and re-added by the family's hook;
/// `IFLA_IFNAME` renamed, `IFLA_STATS64` extended to Linux's size, `IFLA_FREEBSD` replaced
/// by `IFLA_PERM_ADDRESS`, Linux's parity attributes added.
#[test]
fn freebsd_address_and_link_dumps_take_the_fast_path() {
    let c = ctx();
    for (name, ty) in [
        ("freebsd/newaddr_dump_v4.bin", 20),
        ("freebsd/newaddr_dump_v6.bin", 20),
        ("freebsd/newlink_dump.bin", 16),
    ] {
        let addrs: Vec<_> = split(&vector(name))
            .into_iter()
            .filter(|m| m[4] == ty)
            .collect();
        assert!(!addrs.is_empty(), "{name}");
        for m in &addrs {
            assert!(compare(&c, Dir::FreebsdToLinux, m, name), "{name} {m:02x?}");
        }
    }
}

/// A small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// A route message shaped as FreeBSD's `dump_px` (`sys/netlink/route/rt.c`) or iproute2
/// writes one, with random values, sometimes unpadded at the end, sometimes with junk in
/// padding, sometimes with a private FreeBSD attribute before a kept one.
fn route(rng: &mut Rng, dir: Dir) -> Vec<u8> {
    let (inet6, inet6_other) = match dir {
        Dir::FreebsdToLinux => (28u8, 10u8),
        Dir::LinuxToFreebsd => (10, 28),
    };
    let family = [2u8, inet6, inet6_other, 0, 7][rng.below(5) as usize];
    let alen = if family == 2 { 4 } else { 16 };
    let dst_len = [0u8, 8, 24, 32, 64, 128][rng.below(6) as usize];
    let table = [0u8, 254, 255, 5, 253][rng.below(5) as usize];
    let hdr = rtmsg(family, dst_len, table, 3, 0, 1, 0);
    let mut attrs = Vec::new();
    let fib = [0u32, 5, 254, 255, 300, 0xFFFF_FFFF][rng.below(6) as usize];
    for _ in 0..rng.below(8) {
        let a = match rng.below(12) {
            0 => a_u32(15, fib),
            1 if rng.below(4) == 0 => attr(1, &vec![0; alen]),
            1 => attr(1, &rng.bytes(alen)),
            2 => attr(5, &rng.bytes(alen)),
            3 => a_u32(4, rng.below(10) as u32),
            4 => a_u32(6, rng.next() as u32),
            5 => {
                // RTA_VIA: u8 family on FreeBSD, u16 on Linux; sometimes of odd sizes.
                let fam = [2u8, inet6, 99][rng.below(3) as usize];
                let n = [4usize, 16, 3, 17][rng.below(4) as usize];
                let mut p = match dir {
                    Dir::FreebsdToLinux => vec![fam],
                    Dir::LinuxToFreebsd => u16::from(fam).to_ne_bytes().to_vec(),
                };
                p.extend(rng.bytes(n));
                attr(18, &p)
            }
            6 if rng.below(2) == 0 => a_u32(30, rng.next() as u32),
            6 => {
                // RTA_MULTIPATH: hops with a gateway, a via, FreeBSD's private ids inside.
                let mut hops = Vec::new();
                for _ in 0..rng.below(4) {
                    let mut inner = Vec::new();
                    for _ in 0..rng.below(4) {
                        inner.push(match rng.below(4) {
                            0 => attr(5, &rng.bytes(alen)),
                            1 => a_u32(14, rng.next() as u32),
                            2 => a_u32(13, 2),
                            _ => {
                                let mut p = match dir {
                                    Dir::FreebsdToLinux => vec![2u8],
                                    Dir::LinuxToFreebsd => 2u16.to_ne_bytes().to_vec(),
                                };
                                p.extend(rng.bytes(4));
                                attr(18, &p)
                            }
                        });
                    }
                    hops.push(rtnh(0, rng.next() as u8, rng.below(9) as i32, &inner));
                }
                nest(9, &hops)
            }
            7 => a_u32(10, rng.next() as u32),
            8 => a_u32(14, rng.next() as u32),
            9 => a_u32(13, 1),
            10 => {
                let (id, n) = (rng.below(400) as u16 + 1, rng.below(9) as usize);
                attr(id, &rng.bytes(n))
            }
            _ => a_u8(20, rng.next() as u8),
        };
        attrs.push(a);
    }
    if dir == Dir::FreebsdToLinux && rng.below(2) == 0 {
        // FreeBSD's private attributes come last.
        attrs.push(a_u32(10, rng.next() as u32));
        attrs.push(a_u32(14, rng.next() as u32));
    }
    let ty = [24u16, 25, 26][rng.below(3) as usize];
    let flags = [0x22u16, 0x2, 0x0, 0x605, 0x5][rng.below(5) as usize];
    let mut m = rmsg(ty, flags, &hdr, &attrs);
    match rng.below(8) {
        0 => {
            // Junk in the padding of a short attribute.
            if let Some(at) = (36..m.len()).find(|&i| m[i] == 0) {
                m[at] = 0xEE;
            }
        }
        1 => {
            // A last attribute without its padding (RTA_PREF, a u8: 5 bytes).
            m.extend(&a_u8(20, rng.next() as u8)[..5]);
            let len = m.len() as u32;
            m[..4].copy_from_slice(&len.to_ne_bytes());
        }
        2 => {
            // A random byte anywhere after the netlink header.
            let at = 16 + rng.below((m.len() - 16) as u64) as usize;
            m[at] = rng.next() as u8;
        }
        _ => {}
    }
    m
}

#[test]
fn generated_routes_take_the_same_bytes_either_way() {
    let plain = ctx();
    // A kept `ip route get` request: its reply is rewritten (RTA_DST, header).
    let get = rmsg(
        26,
        0x5,
        &rtmsg(2, 32, 0, 0, 0, 0, 0),
        &[attr(1, &[192, 0, 2, 77])],
    );
    let get_seq = u32::from_ne_bytes(get[8..12].try_into().unwrap());
    let with_get = plain.with_request(Some(&get));
    let mut taken = [0usize; 2];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..20_000 {
        for (k, dir) in [Dir::FreebsdToLinux, Dir::LinuxToFreebsd]
            .into_iter()
            .enumerate()
        {
            let mut m = route(&mut rng, dir);
            let c = if i % 4 == 0 {
                m[8..12].copy_from_slice(&get_seq.to_ne_bytes());
                &with_get
            } else {
                &plain
            };
            taken[k] += usize::from(compare(c, dir, &m, &format!("{dir:?} #{i}")));
        }
    }
    // Most well-formed routes take the fast path; a stub that declines everything fails here.
    assert!(taken[0] > 3000 && taken[1] > 3000, "{taken:?}");
}
