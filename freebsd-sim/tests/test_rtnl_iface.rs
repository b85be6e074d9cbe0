// SPDX-License-Identifier: BSD-2-Clause
//! FreeBSD's `tests/sys/netlink/test_rtnl_iface.py` (freebsd-src @6d13bb0e, class
//! `TestRtNlIface`, a `SingleVnetTestTemplate`), each assertion restated against the
//! model. Requests are built the way `atf_python`'s `NetlinkIflaMessage` builds them
//! (REQUEST|ACK, CAP_ACK and EXT_ACK on the socket).
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::{Kernel, Release, SockId};

const RTM_NEWLINK: u16 = 16;
const RTM_DELLINK: u16 = 17;
const RTM_GETLINK: u16 = 18;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;
const F_EXCL: u16 = 0x200;
const F_CREATE: u16 = 0x400;
const IFLA_IFNAME: u16 = 3;
const IFLA_MTU: u16 = 4;
const IFLA_LINK: u16 = 5;
const IFLA_LINKINFO: u16 = 18;
const IFLA_IFALIAS: u16 = 20;
const IFLA_NEW_IFINDEX: u16 = 49;
const IFLA_INFO_KIND: u16 = 1;
const IFLA_INFO_DATA: u16 = 2;
const IFLA_VLAN_ID: u16 = 1;
const NLMSGERR_ATTR_COOKIE: u16 = 3;
const ENODEV: i32 = 19;

struct T {
    k: Kernel,
    s: SockId,
    seq: u32,
}

impl T {
    fn new(rel: Release) -> T {
        let (mut k, _) = vnet("epair", &[], &[], rel);
        let s = nlsock(&mut k, 0);
        T { k, s, seq: 100 }
    }

    fn send(&mut self, ty: u16, flags: u16, payload: &[u8]) -> (u32, Vec<Msg>) {
        self.seq += 1;
        let m = roundtrip(&mut self.k, self.s, &msg(ty, flags, self.seq, payload));
        (self.seq, m)
    }

    /// `get_reply()` for a request answered by an ack.
    fn ack(&mut self, ty: u16, flags: u16, payload: &[u8]) -> (i32, Vec<(u16, Vec<u8>)>) {
        let (seq, m) = self.send(ty, flags, payload);
        ack_of(&m, seq)
    }

    /// `get_interface_byname()`: the RTM_NEWLINK answering a GETLINK by name.
    fn get_interface_byname(&mut self, name: &str) -> Msg {
        let mut p = ifinfomsg(0, 0, 0, 0, 0);
        p.extend(attr_str(IFLA_IFNAME, name));
        let (seq, m) = self.send(RTM_GETLINK, F_REQ | F_ACK, &p);
        m.into_iter()
            .find(|x| x.seq == seq && x.ty == RTM_NEWLINK)
            .unwrap_or_else(|| panic!("unable to get interface {name}"))
    }

    fn create_lo(&mut self, name: &str, extra: &[u8]) -> (i32, Vec<(u16, Vec<u8>)>) {
        let mut p = ifinfomsg(0, 0, 0, 0, 0);
        p.extend(attr_str(IFLA_IFNAME, name));
        p.extend(attr(IFLA_LINKINFO, &attr(IFLA_INFO_KIND, b"lo")));
        p.extend_from_slice(extra);
        self.ack(RTM_NEWLINK, F_REQ | F_ACK | F_EXCL | F_CREATE, &p)
    }
}

fn cookie_attrs(tlvs: &[(u16, Vec<u8>)]) -> Vec<(u16, Vec<u8>)> {
    let c = tlvs
        .iter()
        .find(|(t, _)| *t == NLMSGERR_ATTR_COOKIE)
        .map(|(_, d)| d.clone())
        .expect("no cookie");
    parse_attrs(&c)
}

fn cstr(d: &[u8]) -> String {
    String::from_utf8(d.split(|b| *b == 0).next().unwrap().to_vec()).unwrap()
}

/// `test_get_iface_byname_error`: GETLINK for "lo10" → NLMSG_ERROR ENODEV.
#[test]
fn test_get_iface_byname_error() {
    for rel in Release::ALL {
        let mut t = T::new(rel);
        let mut p = ifinfomsg(0, 0, 0, 0, 0);
        p.extend(attr_str(IFLA_IFNAME, "lo10"));
        assert_eq!(t.ack(RTM_GETLINK, F_REQ | F_ACK, &p).0, ENODEV);
    }
}

/// `test_get_iface_byindex_error`: GETLINK for index 2147483647 → ENODEV.
#[test]
fn test_get_iface_byindex_error() {
    for rel in Release::ALL {
        let mut t = T::new(rel);
        let p = ifinfomsg(0, 0, 2_147_483_647, 0, 0);
        assert_eq!(t.ack(RTM_GETLINK, F_REQ | F_ACK, &p).0, ENODEV);
    }
}

/// `test_create_iface_plain`: NEWLINK lo10 / kind "lo" succeeds and is found by name.
#[test]
fn test_create_iface_plain() {
    for rel in Release::ALL {
        let mut t = T::new(rel);
        assert_eq!(t.create_lo("lo10", &[]).0, 0);
        t.get_interface_byname("lo10");
    }
}

/// `test_create_iface_plain_retvals`: the ack's cookie carries IFLA_IFNAME "lo10" and
/// IFLA_NEW_IFINDEX > 0, the index the interface then has.
#[test]
fn test_create_iface_plain_retvals() {
    for rel in Release::ALL {
        let mut t = T::new(rel);
        let (e, tlvs) = t.create_lo("lo10", &[]);
        assert_eq!(e, 0);
        let c = cookie_attrs(&tlvs);
        let name = c.iter().find(|(t, _)| *t == IFLA_IFNAME).unwrap();
        assert_eq!(cstr(&name.1), "lo10");
        let idx = c.iter().find(|(t, _)| *t == IFLA_NEW_IFINDEX).unwrap();
        let idx = u32::from_ne_bytes(idx.1[..4].try_into().unwrap());
        assert!(idx > 0);
        let lo = t.get_interface_byname("lo10");
        assert_eq!(lo.u32_at(4), idx);
    }
}

/// `test_create_iface_attrs`: IFLA_IFALIAS and IFLA_MTU given at creation read back.
#[test]
fn test_create_iface_attrs() {
    for rel in Release::ALL {
        let mut t = T::new(rel);
        let mut extra = attr_str(IFLA_IFALIAS, "test description");
        extra.extend(attr_u32(IFLA_MTU, 1024));
        assert_eq!(t.create_lo("lo10", &extra).0, 0);
        let m = t.get_interface_byname("lo10");
        assert_eq!(cstr(&m.attr(16, IFLA_IFALIAS).unwrap()), "test description");
        assert_eq!(m.attr(16, IFLA_MTU).unwrap(), 1024u32.to_ne_bytes());
    }
}

/// `test_modify_iface_attrs`: a NEWLINK without CREATE sets alias and MTU.
#[test]
fn test_modify_iface_attrs() {
    for rel in Release::ALL {
        let mut t = T::new(rel);
        assert_eq!(t.create_lo("lo10", &[]).0, 0);
        let mut p = ifinfomsg(0, 0, 0, 0, 0);
        p.extend(attr_str(IFLA_IFNAME, "lo10"));
        p.extend(attr_str(IFLA_IFALIAS, "test description"));
        p.extend(attr_u32(IFLA_MTU, 1024));
        assert_eq!(t.ack(RTM_NEWLINK, F_REQ | F_ACK, &p).0, 0);
        let m = t.get_interface_byname("lo10");
        assert_eq!(cstr(&m.attr(16, IFLA_IFALIAS).unwrap()), "test description");
        assert_eq!(m.attr(16, IFLA_MTU).unwrap(), 1024u32.to_ne_bytes());
    }
}

/// `test_delete_iface`: DELLINK by index succeeds; GETLINK of index 2147483647 still
/// says ENODEV (the test's final check), and the name is gone too.
#[test]
fn test_delete_iface() {
    for rel in Release::ALL {
        let mut t = T::new(rel);
        assert_eq!(t.create_lo("lo10", &[]).0, 0);
        let idx = t.get_interface_byname("lo10").i32_at(4);
        let p = ifinfomsg(0, 0, idx, 0, 0);
        assert_eq!(t.ack(RTM_DELLINK, F_REQ | F_ACK, &p).0, 0);
        let p = ifinfomsg(0, 0, 2_147_483_647, 0, 0);
        assert_eq!(t.ack(RTM_GETLINK, F_REQ | F_ACK, &p).0, ENODEV);
        let mut p = ifinfomsg(0, 0, 0, 0, 0);
        p.extend(attr_str(IFLA_IFNAME, "lo10"));
        assert_eq!(t.ack(RTM_GETLINK, F_REQ | F_ACK, &p).0, ENODEV);
    }
}

/// `test_dump_ifaces_many`: 40 loopbacks created one by one, each with a fresh index
/// from the cookie; after each, a GETLINK dump (no NLM_F_DUMP: FreeBSD dumps when no
/// index or name is given) lists exactly the lo* interfaces created so far plus lo0,
/// with nothing but RTM_NEWLINK before NLMSG_DONE.
#[test]
fn test_dump_ifaces_many() {
    for rel in Release::ALL {
        let mut t = T::new(rel);
        let mut ifmap = std::collections::BTreeMap::new();
        ifmap.insert(1u32, "lo0".to_string());
        for i in 0..40 {
            let name = format!("lo{}", i + 1);
            let (e, tlvs) = t.create_lo(&name, &[]);
            assert_eq!(e, 0, "{name}");
            let c = cookie_attrs(&tlvs);
            assert_eq!(
                cstr(&c.iter().find(|(t, _)| *t == IFLA_IFNAME).unwrap().1),
                name
            );
            let d = &c.iter().find(|(t, _)| *t == IFLA_NEW_IFINDEX).unwrap().1;
            let idx = u32::from_ne_bytes(d[..4].try_into().unwrap());
            assert!(idx > 0);
            assert!(!ifmap.contains_key(&idx));
            ifmap.insert(idx, name);
            let (seq, m) = t.send(RTM_GETLINK, F_REQ | F_ACK, &ifinfomsg(0, 0, 0, 0, 0));
            let mut kernel = std::collections::BTreeMap::new();
            let mut done = false;
            for x in &m {
                assert_eq!(x.seq, seq);
                assert!(!done, "message after NLMSG_DONE");
                match x.ty {
                    3 => done = true,
                    RTM_NEWLINK => {
                        let n = cstr(&x.attr(16, IFLA_IFNAME).unwrap());
                        if n.starts_with("lo") {
                            kernel.insert(x.u32_at(4), n);
                        }
                    }
                    other => panic!("unexpected message type {other}"),
                }
            }
            assert!(done);
            assert_eq!(kernel, ifmap);
        }
    }
}

/// `test_create_vlan_plain`: NEWLINK with IFLA_LINK = if1, name "vlan22", kind "vlan"
/// and IFLA_INFO_DATA{IFLA_VLAN_ID 22} succeeds and "vlan22" exists.
#[test]
fn test_create_vlan_plain() {
    for rel in Release::ALL {
        let mut t = T::new(rel);
        let parent = 2;
        let mut li = attr(IFLA_INFO_KIND, b"vlan");
        li.extend(attr(
            IFLA_INFO_DATA,
            &attr(IFLA_VLAN_ID, &22u16.to_ne_bytes()),
        ));
        let mut p = ifinfomsg(0, 0, parent, 0, 0);
        p.extend(attr_u32(IFLA_LINK, parent as u32));
        p.extend(attr_str(IFLA_IFNAME, "vlan22"));
        p.extend(attr(IFLA_LINKINFO, &li));
        assert_eq!(
            t.ack(RTM_NEWLINK, F_REQ | F_ACK | F_EXCL | F_CREATE, &p).0,
            0
        );
        t.get_interface_byname("vlan22");
    }
}
