// SPDX-License-Identifier: BSD-2-Clause
//! Neighbours (`src/msg/neigh.rs`).

use super::*;

#[test]
fn nda_flags_ext_shifted() {
    let req = rmsg(
        NEWNEIGH,
        REQ | CREATE,
        &ndmsg(L_INET, 2, 0x80, 0, 0),
        &[attr(1, &[10, 0, 0, 2]), a_u32(15, 0x1)],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 12);
    assert_eq!(pu32(find(&a, 15).unwrap()) & 0x100, 0x100);
    assert_eq!(pu32(find(&a, 15).unwrap()) & 0x1, 0);
    let rep = rmsg(
        NEWNEIGH,
        MULTI,
        &ndmsg(L_INET, 2, 0x2, 0, 0),
        &[a_u32(15, 0x100)],
    );
    let a = attrs_of(&parse_one(&to_lx(&rep).unwrap()), 12);
    assert_eq!(pu32(find(&a, 15).unwrap()), 0x1);
}

#[test]
fn static_neighbours_permanent_on_linux_sticky_on_freebsd() {
    // ndmsg: family u8, pad, pad u16, ifindex i32, state u16, flags u8, type u8.
    let nd = |fam: u8, state: u16, flags: u8| {
        let mut h = vec![fam, 0, 0, 0];
        h.extend_from_slice(&2i32.to_ne_bytes());
        h.extend_from_slice(&state.to_ne_bytes());
        h.extend_from_slice(&[flags, 0]);
        h
    };
    // Linux NUD_PERMANENT 0x80 -> FreeBSD NTF_STICKY 0x40 with NUD_REACHABLE 0x02.
    let req = rmsg(28, REQ, &nd(L_INET, 0x80, 0), &[attr(1, &[192, 0, 2, 55])]);
    let m = parse_one(&to_fb(&req).unwrap());
    assert_eq!(&hdr(&m)[8..11], &[0x02, 0x00, 0x40]);
    // And back: a FreeBSD static entry is PERMANENT, without Linux's (bridge) NTF_STICKY.
    let rep = rmsg(
        28,
        MULTI,
        &nd(L_INET, 0x02, 0x40),
        &[attr(1, &[192, 0, 2, 55])],
    );
    let m = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(&hdr(&m)[8..11], &[0x80, 0x00, 0x00]);
    // Dynamic entries keep their state and flags.
    let rep = rmsg(
        28,
        MULTI,
        &nd(L_INET, 0x04, 0x80),
        &[attr(1, &[192, 0, 2, 1])],
    );
    let m = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(&hdr(&m)[8..11], &[0x04, 0x00, 0x80]);
}
