// SPDX-License-Identifier: BSD-2-Clause
//! FreeBSD's `tests/sys/netlink/test_snl_generic.c` (freebsd-src @c36d3230): resolving
//! generic netlink families through "nlctrl" (`netlink_generic.c`). The parser-table
//! self-check `snl_verify_genl_parsers` needs no kernel and is listed in
//! `docs/freebsd-sim.md`.
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::{Kernel, Release, SockId};

const GENL_ID_CTRL: u16 = 16;
const CTRL_CMD_NEWFAMILY: u8 = 1;
const CTRL_CMD_GETFAMILY: u8 = 3;
const CTRL_ATTR_FAMILY_ID: u16 = 1;
const CTRL_ATTR_FAMILY_NAME: u16 = 2;
const CTRL_ATTR_MCAST_GROUPS: u16 = 7;
const CTRL_ATTR_MCAST_GRP_NAME: u16 = 1;
const CTRL_ATTR_MCAST_GRP_ID: u16 = 2;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;

fn sock(k: &mut Kernel) -> SockId {
    k.socket_typed(3, 16, ROOT).unwrap()
}

/// `snl_create_genl_msg_request(GENL_ID_CTRL, CTRL_CMD_GETFAMILY)` + the name.
fn getfamily(k: &mut Kernel, s: SockId, name: &str) -> Vec<Msg> {
    let mut p = vec![CTRL_CMD_GETFAMILY, 0, 0, 0];
    p.extend(attr_str(CTRL_ATTR_FAMILY_NAME, name));
    roundtrip(k, s, &msg(GENL_ID_CTRL, F_REQ | F_ACK, 3, &p))
}

/// `snl_get_genl_family()`: the family id from the NEWFAMILY reply, 0 on error.
fn family_id(m: &[Msg]) -> u16 {
    let Some(r) = m.iter().find(|x| x.ty == GENL_ID_CTRL) else {
        return 0;
    };
    assert_eq!(r.payload[0], CTRL_CMD_NEWFAMILY);
    let d = r.attr(4, CTRL_ATTR_FAMILY_ID).unwrap();
    u16::from_ne_bytes([d[0], d[1]])
}

/// `test_snl_get_genl_family_success`: "nlctrl" is GENL_ID_CTRL.
#[test]
fn test_snl_get_genl_family_success() {
    for rel in Release::ALL {
        let mut k = host(rel);
        let s = sock(&mut k);
        assert_eq!(family_id(&getfamily(&mut k, s, "nlctrl")), GENL_ID_CTRL);
    }
}

/// `test_snl_get_genl_family_failure`: an unknown name resolves to nothing (an error
/// reply, no family message).
#[test]
fn test_snl_get_genl_family_failure() {
    for rel in Release::ALL {
        let mut k = host(rel);
        let s = sock(&mut k);
        let m = getfamily(&mut k, s, "no-such-family");
        assert_eq!(family_id(&m), 0);
        assert!(m.iter().any(|x| x.ty == 2 && x.i32_at(0) != 0));
    }
}

/// `test_snl_get_genl_family_groups`: nlctrl has one multicast group, "notify", with
/// a non-zero id.
#[test]
fn test_snl_get_genl_family_groups() {
    for rel in Release::ALL {
        let mut k = host(rel);
        let s = sock(&mut k);
        let m = getfamily(&mut k, s, "nlctrl");
        let r = m.iter().find(|x| x.seq == 3).unwrap();
        assert_ne!(r.ty, 2);
        let groups = parse_attrs(&r.attr(4, CTRL_ATTR_MCAST_GROUPS).unwrap());
        assert_eq!(groups.len(), 1);
        let g = parse_attrs(&groups[0].1);
        let id = g
            .iter()
            .find(|(t, _)| *t == CTRL_ATTR_MCAST_GRP_ID)
            .unwrap();
        assert!(u32::from_ne_bytes(id.1[..4].try_into().unwrap()) > 0);
        let name = g
            .iter()
            .find(|(t, _)| *t == CTRL_ATTR_MCAST_GRP_NAME)
            .unwrap();
        assert_eq!(name.1, b"notify\0");
    }
}
