// SPDX-License-Identifier: BSD-2-Clause
//! FreeBSD's `tests/sys/netlink/test_nl_core.py` (freebsd-src @43559c70, class
//! `TestNlCore`): `nl_attach` accepts SOCK_RAW and SOCK_DGRAM and refuses the other
//! socket types with EPROTOTYPE.
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::Release;

/// FreeBSD `SOCK_*` (`sys/sys/socket.h`).
const SOCK_STREAM: i32 = 1;
const SOCK_DGRAM: i32 = 2;
const SOCK_RAW: i32 = 3;
const SOCK_RDM: i32 = 4;
const SOCK_SEQPACKET: i32 = 5;
const EPROTOTYPE: i32 = 41;

/// `test_socket_type` (SOCK_RAW, SOCK_DGRAM).
#[test]
fn test_socket_type() {
    for rel in Release::ALL {
        let mut k = host(rel);
        for ty in [SOCK_RAW, SOCK_DGRAM] {
            let s = k.socket_typed(ty, 0, ROOT).unwrap();
            k.close(s);
        }
    }
}

/// `test_socket_type_unsup` (SOCK_STREAM, SOCK_RDM, SOCK_SEQPACKET).
#[test]
fn test_socket_type_unsup() {
    for rel in Release::ALL {
        let mut k = host(rel);
        for ty in [SOCK_STREAM, SOCK_RDM, SOCK_SEQPACKET] {
            assert_eq!(k.socket_typed(ty, 0, ROOT), Err(EPROTOTYPE), "type {ty}");
        }
    }
}
