// SPDX-License-Identifier: BSD-2-Clause
//! Robustness: arbitrary requests never panic the model and every reply is well framed
//! (`nl_process_nbuf` → handlers → `nlmsg_ack`), for both protocols.
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::{Kernel, RecvFlags};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Builds a request: valid header, a type drawn from the interesting range, random flags
/// and a payload made of a random fixed header and random (mostly well-formed) attributes.
fn random_request(r: &mut Rng, proto: u32) -> Vec<u8> {
    let ty = if proto == 16 {
        16 + r.below(3) as u16
    } else {
        16 + r.below(95) as u16
    };
    let flags = (r.next() & 0x0f0f) as u16 | 1;
    let mut p = Vec::new();
    let hdr = r.below(24) as usize;
    for _ in 0..hdr {
        p.push(r.below(4) as u8);
    }
    for _ in 0..r.below(6) {
        let t = r.below(70) as u16;
        let len = r.below(24) as usize;
        let data: Vec<u8> = (0..len).map(|_| r.next() as u8).collect();
        if r.below(8) == 0 {
            // Deliberately broken length.
            p.extend_from_slice(&(r.below(8) as u16).to_ne_bytes());
            p.extend_from_slice(&t.to_ne_bytes());
        } else {
            p.extend(attr(t, &data));
        }
    }
    msg(ty, flags, r.next() as u32, &p)
}

#[test]
fn random_requests_do_not_panic() {
    let mut k = Kernel::default_host();
    let mut r = Rng(0x1234_5678_9abc_def1);
    let route = route_sock(&mut k, ROOT);
    let genl = k.socket(16, ROOT).unwrap();
    let user = route_sock(&mut k, USER);
    let listener = route_sock(&mut k, USER);
    for g in [1i32, 3, 5, 7, 9, 11, 32] {
        k.setsockopt(listener, 270, 1, &g.to_ne_bytes()).unwrap();
    }
    for i in 0..20000 {
        let (s, proto) = match i % 3 {
            0 => (route, 0),
            1 => (genl, 16),
            _ => (user, 0),
        };
        let req = random_request(&mut r, proto);
        let _ = k.send(s, &req);
        for b in k.take_bufs(s) {
            split(&b);
        }
        let _ = k
            .recv(listener, 1 << 20, RecvFlags::DONTWAIT)
            .map(|x| split(&x.data));
    }
    // The host still answers normally.
    let m = roundtrip(&mut k, route, &msg(18, 0x301, 1, &ifinfomsg(0, 0, 0, 0, 0)));
    assert_eq!(m.last().unwrap().ty, 3);
}
