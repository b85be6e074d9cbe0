// SPDX-License-Identifier: BSD-2-Clause
//! Generic netlink: `sys/netlink/netlink_generic.c` (nlctrl, nlsysevent).
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::Kernel;

/// `nlctrl_handle_getfamily`: "nlctrl" by name, id 16, version 2, op GETFAMILY with
/// DO|DUMP|HASPOL, group "notify" = 48; unknown name ENOENT; unknown command ENOTSUP.
#[test]
fn genl_nlctrl() {
    let mut k = Kernel::default_host();
    let s = k.socket(16, USER).unwrap();
    let mut p = vec![3u8, 1, 0, 0];
    p.extend(attr_str(2, "nlctrl"));
    let m = roundtrip(&mut k, s, &msg(16, F_REQ, 1, &p));
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].ty, m[0].flags), (16, F_REQ));
    assert_eq!(&m[0].payload[..4], &[1, 2, 0, 0]);
    let a = m[0].attrs(4);
    assert_eq!(a[0], (2, b"nlctrl\0".to_vec()));
    assert_eq!(a[1], (1, 16u16.to_ne_bytes().to_vec()));
    assert_eq!(a[2], (3, 2u32.to_ne_bytes().to_vec()));
    let ops = parse_attrs(&a[5].1);
    let op = parse_attrs(&ops[0].1);
    assert_eq!(
        op,
        vec![
            (1, 3u32.to_ne_bytes().to_vec()),
            (2, 0xeu32.to_ne_bytes().to_vec())
        ]
    );
    let groups = parse_attrs(&a[6].1);
    let g = parse_attrs(&groups[0].1);
    assert_eq!(
        g,
        vec![(2, 48u32.to_ne_bytes().to_vec()), (1, b"notify\0".to_vec())]
    );
    let mut p = vec![3u8, 1, 0, 0];
    p.extend(attr_str(2, "nosuch"));
    assert_eq!(roundtrip(&mut k, s, &msg(16, F_REQ, 2, &p))[0].i32_at(0), 2);
    assert_eq!(
        roundtrip(&mut k, s, &msg(16, F_REQ, 3, &[1, 1, 0, 0]))[0].i32_at(0),
        45
    );
    assert_eq!(
        roundtrip(&mut k, s, &msg(17, F_REQ, 3, &[3, 1, 0, 0]))[0].i32_at(0),
        45
    );
    let m = roundtrip(&mut k, s, &msg(16, F_REQ | F_DUMP, 4, &[3, 1, 0, 0]));
    assert_eq!(m.iter().map(|x| x.ty).collect::<Vec<_>>(), [16, NLMSG_DONE]);
}

/// `nlsysevent_load()` (topology `nlsysevent = true`): a second family, id 17, no OPS,
/// 20 groups numbered after nlctrl's "notify" (48), "ACPI" = 49 … "ZFS" = 68.
#[test]
fn genl_nlsysevent() {
    let t = freebsd_sim::Topology::from_toml_str("nlsysevent = true\n").unwrap();
    let mut k = Kernel::new(&t).unwrap();
    let s = k.socket(16, USER).unwrap();
    let mut p = vec![3u8, 1, 0, 0];
    p.extend(attr_str(2, "nlsysevent"));
    let m = roundtrip(&mut k, s, &msg(16, F_REQ, 1, &p));
    let a = m[0].attrs(4);
    let types: Vec<u16> = a.iter().map(|x| x.0).collect();
    assert_eq!(types, [2, 1, 3, 4, 5, 7]);
    assert_eq!(a[1].1, 17u16.to_ne_bytes());
    assert_eq!(a[4].1, 4u32.to_ne_bytes());
    let groups = parse_attrs(&a[5].1);
    assert_eq!(groups.len(), 20);
    assert_eq!(
        parse_attrs(&groups[0].1)[0],
        (2, 49u32.to_ne_bytes().to_vec())
    );
    assert_eq!(parse_attrs(&groups[19].1)[1], (1, b"ZFS\0".to_vec()));
}
