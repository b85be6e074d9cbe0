// SPDX-License-Identifier: BSD-2-Clause
//! Request flow control and time: `sys/netlink/netlink_io.c`.
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::{Kernel, RecvFlags};

const RTM_GETLINK: u16 = 18;
const RTM_GETNEIGH: u16 = 30;
const AF_INET: u8 = 2;
const NDA_DST: u16 = 1;
const NDA_FREEBSD: u16 = 18;

/// `nl_process_received_one` / `nl_send`: once replies fill the receive buffer the rest
/// of the request batch waits (`nl_tx_blocked`); further sends queue until the send
/// buffer is full (EAGAIN here, where FreeBSD would sleep); reading resumes processing.
#[test]
fn flow_control_blocks_and_resumes() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.setsockopt(s, 0xffff, 0x1002, &1000i32.to_ne_bytes())
        .unwrap();
    k.setsockopt(s, 0xffff, 0x1001, &2000i32.to_ne_bytes())
        .unwrap();
    let dump = msg(RTM_GETLINK, F_REQ | F_DUMP, 1, &ifinfomsg(0, 0, 0, 0, 0));
    let mut batch = Vec::new();
    for _ in 0..3 {
        batch.extend_from_slice(&dump);
    }
    k.send(s, &batch).unwrap();
    // The reply writer keeps filling its 2048-byte buffer: the first flush (1840 bytes,
    // two dumps) happens inside the third dump and sets nl_tx_blocked, which is only
    // checked after that message; so all three are answered (3 × 920 bytes).
    assert_eq!(k.queued_bytes(s), 3 * 920);
    let mut sent = 0;
    while k.send(s, &dump).is_ok() {
        sent += 1;
    }
    assert_eq!(sent, 2000 / 32 - 3);
    assert_eq!(k.send(s, &dump), Err(35));
    let mut dones = 0;
    while let Ok(r) = k.recv(s, 1 << 16, RecvFlags::DONTWAIT) {
        dones += split(&r.data).iter().filter(|m| m.ty == NLMSG_DONE).count();
    }
    assert_eq!(dones, 3 + sent);
}

/// `get_lle_next_ts()` uses `time_second - time_uptime` at dump time: an injected clock
/// moves the reported wall-clock expiry.
#[test]
fn clock_injection() {
    let mut k = Kernel::default_host();
    k.set_clock(Box::new(freebsd_sim::FixedClock {
        uptime: 100,
        realtime: 5000,
    }));
    let s = route_sock(&mut k, ROOT);
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETNEIGH, F_REQ | F_DUMP, 1, &ndmsg(AF_INET, 1, 0, 0)),
    );
    let gw = m
        .iter()
        .find(|x| x.attr(12, NDA_DST) == Some(ip4("192.0.2.1").to_vec()))
        .unwrap();
    // Created at uptime 3600 with 1200 s left: expiry uptime 4800 → 4800 + 5000 − 100.
    let ts = parse_attrs(&gw.attr(12, NDA_FREEBSD).unwrap());
    assert_eq!(ts[0].1, 9700u32.to_ne_bytes());
}
