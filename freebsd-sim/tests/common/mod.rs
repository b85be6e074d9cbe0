// SPDX-License-Identifier: BSD-2-Clause
//! Test helpers: request builders and a small reply decoder, written independently of the
//! crate's writer so the tests check bytes, not the code under test.
#![allow(dead_code)]

use freebsd_sim::{Cred, Kernel, RecvFlags, Release, SockId};

pub(crate) const ROOT: Cred = Cred { uid: 0 };
pub(crate) const USER: Cred = Cred { uid: 1001 };

// Message types and flags shared by every test file, as literals from FreeBSD's
// `sys/netlink/netlink.h` (a file may still declare its own; a local item wins).
pub(crate) const NLMSG_ERROR: u16 = 2;
pub(crate) const NLMSG_DONE: u16 = 3;
pub(crate) const F_REQ: u16 = 1;
pub(crate) const F_ACK: u16 = 4;
pub(crate) const F_DUMP: u16 = 0x300;
pub(crate) const F_REPLACE: u16 = 0x100;
pub(crate) const F_EXCL: u16 = 0x200;
pub(crate) const F_CREATE: u16 = 0x400;

/// Builds `nlmsghdr` + payload, with `nlmsg_len` = 16 + payload length.
pub(crate) fn msg(ty: u16, flags: u16, seq: u32, payload: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&(16 + payload.len() as u32).to_ne_bytes());
    v.extend_from_slice(&ty.to_ne_bytes());
    v.extend_from_slice(&flags.to_ne_bytes());
    v.extend_from_slice(&seq.to_ne_bytes());
    v.extend_from_slice(&0u32.to_ne_bytes());
    v.extend_from_slice(payload);
    v
}

/// One attribute with padding.
pub(crate) fn attr(ty: u16, data: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    v.extend_from_slice(&(4 + data.len() as u16).to_ne_bytes());
    v.extend_from_slice(&ty.to_ne_bytes());
    v.extend_from_slice(data);
    while v.len() % 4 != 0 {
        v.push(0);
    }
    v
}

pub(crate) fn attr_u32(ty: u16, v: u32) -> Vec<u8> {
    attr(ty, &v.to_ne_bytes())
}

pub(crate) fn attr_str(ty: u16, s: &str) -> Vec<u8> {
    let mut d = s.as_bytes().to_vec();
    d.push(0);
    attr(ty, &d)
}

/// `struct ifinfomsg`.
pub(crate) fn ifinfomsg(family: u8, ty: u16, index: i32, flags: u32, change: u32) -> Vec<u8> {
    let mut v = vec![family, 0];
    v.extend_from_slice(&ty.to_ne_bytes());
    v.extend_from_slice(&index.to_ne_bytes());
    v.extend_from_slice(&flags.to_ne_bytes());
    v.extend_from_slice(&change.to_ne_bytes());
    v
}

/// `struct ifaddrmsg`.
pub(crate) fn ifaddrmsg(family: u8, plen: u8, flags: u8, scope: u8, index: u32) -> Vec<u8> {
    let mut v = vec![family, plen, flags, scope];
    v.extend_from_slice(&index.to_ne_bytes());
    v
}

/// `struct rtmsg`.
pub(crate) fn rtmsg(
    family: u8,
    dst_len: u8,
    table: u8,
    protocol: u8,
    rtype: u8,
    flags: u32,
) -> Vec<u8> {
    let mut v = vec![family, dst_len, 0, 0, table, protocol, 0, rtype];
    v.extend_from_slice(&flags.to_ne_bytes());
    v
}

/// `struct ndmsg`.
pub(crate) fn ndmsg(family: u8, ifindex: i32, state: u16, flags: u8) -> Vec<u8> {
    let mut v = vec![family, 0, 0, 0];
    v.extend_from_slice(&ifindex.to_ne_bytes());
    v.extend_from_slice(&state.to_ne_bytes());
    v.push(flags);
    v.push(0);
    v
}

/// A decoded message.
#[derive(Debug, Clone)]
pub(crate) struct Msg {
    pub(crate) len: u32,
    pub(crate) ty: u16,
    pub(crate) flags: u16,
    pub(crate) seq: u32,
    pub(crate) pid: u32,
    pub(crate) payload: Vec<u8>,
}

impl Msg {
    pub(crate) fn u32_at(&self, off: usize) -> u32 {
        u32::from_ne_bytes(self.payload[off..off + 4].try_into().unwrap())
    }
    pub(crate) fn i32_at(&self, off: usize) -> i32 {
        i32::from_ne_bytes(self.payload[off..off + 4].try_into().unwrap())
    }
    /// Top-level attributes after a fixed header of `hdr` bytes: (type, data).
    pub(crate) fn attrs(&self, hdr: usize) -> Vec<(u16, Vec<u8>)> {
        parse_attrs(&self.payload[hdr..])
    }
    pub(crate) fn attr(&self, hdr: usize, ty: u16) -> Option<Vec<u8>> {
        self.attrs(hdr)
            .into_iter()
            .find(|(t, _)| *t == ty)
            .map(|(_, d)| d)
    }
}

pub(crate) fn parse_attrs(mut b: &[u8]) -> Vec<(u16, Vec<u8>)> {
    let mut out = Vec::new();
    while b.len() >= 4 {
        let len = u16::from_ne_bytes([b[0], b[1]]) as usize;
        let ty = u16::from_ne_bytes([b[2], b[3]]);
        assert!(len >= 4 && len <= b.len(), "bad attribute length {len}");
        out.push((ty, b[4..len].to_vec()));
        let adv = (len + 3) & !3;
        b = &b[adv.min(b.len())..];
    }
    out
}

/// Splits a buffer into messages, checking the framing.
pub(crate) fn split(buf: &[u8]) -> Vec<Msg> {
    let mut out = Vec::new();
    let mut b = buf;
    while !b.is_empty() {
        assert!(b.len() >= 16, "short header");
        let len = u32::from_ne_bytes(b[0..4].try_into().unwrap());
        assert!(
            len as usize >= 16 && len as usize <= b.len(),
            "bad nlmsg_len {len}"
        );
        out.push(Msg {
            len,
            ty: u16::from_ne_bytes([b[4], b[5]]),
            flags: u16::from_ne_bytes([b[6], b[7]]),
            seq: u32::from_ne_bytes(b[8..12].try_into().unwrap()),
            pid: u32::from_ne_bytes(b[12..16].try_into().unwrap()),
            payload: b[16..len as usize].to_vec(),
        });
        let adv = ((len as usize) + 3) & !3;
        b = &b[adv.min(b.len())..];
    }
    out
}

/// Opens a bound NETLINK_ROUTE socket.
pub(crate) fn route_sock(k: &mut Kernel, cred: Cred) -> SockId {
    let s = k.socket(0, cred).unwrap();
    k.bind(s, &sockaddr_nl(0, 0)).unwrap();
    s
}

/// FreeBSD `sockaddr_nl` bytes.
pub(crate) fn sockaddr_nl(pid: u32, groups: u32) -> Vec<u8> {
    let mut v = vec![12u8, 38, 0, 0];
    v.extend_from_slice(&pid.to_ne_bytes());
    v.extend_from_slice(&groups.to_ne_bytes());
    v
}

/// Sends and collects every queued message.
pub(crate) fn roundtrip(k: &mut Kernel, s: SockId, req: &[u8]) -> Vec<Msg> {
    k.send(s, req).unwrap();
    let mut out = Vec::new();
    for b in k.take_bufs(s) {
        out.extend(split(&b));
    }
    out
}

/// Reads everything with recv().
pub(crate) fn recv_all(k: &mut Kernel, s: SockId) -> Vec<Msg> {
    let mut out = Vec::new();
    while let Ok(r) = k.recv(s, 1 << 20, RecvFlags::DONTWAIT) {
        out.extend(split(&r.data));
    }
    out
}

pub(crate) fn ip4(s: &str) -> [u8; 4] {
    s.parse::<std::net::Ipv4Addr>().unwrap().octets()
}

pub(crate) fn ip6(s: &str) -> [u8; 16] {
    s.parse::<std::net::Ipv6Addr>().unwrap().octets()
}

/// The default host in a release profile.
pub(crate) fn host(rel: Release) -> Kernel {
    let mut k = Kernel::default_host();
    k.set_release(rel);
    k
}

/// The network FreeBSD's `SingleVnetTestTemplate` (`tests/atf_python/sys/net/vnet.py`)
/// gives a test: a fresh VNET whose lo0 gets 127.0.0.1/8 and is turned up
/// (`setup_loopback`), plus one interface "if1" of `iftype` ("epair", "gif", "lo",
/// "tun"), turned up and addressed only when the test has prefixes (`_setup_vnet`).
/// Returns the kernel (in release profile `rel`) and if1's index.
pub(crate) fn vnet(iftype: &str, v4: &[&str], v6: &[&str], rel: Release) -> (Kernel, u32) {
    let (name, ty, mac) = match iftype {
        "epair" => ("epair0a", "ether", "mac = \"02:6f:2d:48:0a:0a\"\n"),
        "gif" => ("gif0", "gif", ""),
        "tun" => ("tun0", "tun", ""),
        "lo" => ("lo1", "loopback", ""),
        other => panic!("unknown iftype {other}"),
    };
    let addrs: Vec<String> = v6.iter().chain(v4).map(|a| format!("{a:?}")).collect();
    let up = !addrs.is_empty();
    let t = format!(
        "[[interface]]\nname = \"lo0\"\ntype = \"loopback\"\nup = true\n\
         addresses = [\"127.0.0.1/8\", \"::1/128\"]\n\
         [[interface]]\nname = \"{name}\"\ntype = \"{ty}\"\n{mac}up = {up}\n\
         carrier = true\naddresses = [{}]\n",
        addrs.join(", ")
    );
    let topo = freebsd_sim::Topology::from_toml_str(&t).unwrap();
    let mut k = Kernel::new(&topo).unwrap();
    k.set_release(rel);
    (k, 2)
}

/// A socket as FreeBSD's Python `Nlsock` opens it (`tests/atf_python/sys/netlink/
/// netlink.py`): SOCK_RAW, NETLINK_CAP_ACK and NETLINK_EXT_ACK on, bound.
pub(crate) fn nlsock(k: &mut Kernel, proto: u32) -> SockId {
    let s = k.socket(proto, ROOT).unwrap();
    k.setsockopt(s, 270, 10, &1i32.to_ne_bytes()).unwrap();
    k.setsockopt(s, 270, 11, &1i32.to_ne_bytes()).unwrap();
    k.bind(s, &sockaddr_nl(0, 0)).unwrap();
    s
}

/// The NLMSG_ERROR answering `seq`: (error, TLVs after the echoed request).
pub(crate) fn ack_of(m: &[Msg], seq: u32) -> (i32, Vec<(u16, Vec<u8>)>) {
    let e = m
        .iter()
        .find(|x| x.ty == 2 && x.seq == seq)
        .unwrap_or_else(|| panic!("no NLMSG_ERROR for seq {seq}: {m:?}"));
    let echoed = if e.flags & 0x100 != 0 {
        16
    } else {
        u32::from_ne_bytes(e.payload[4..8].try_into().unwrap()) as usize
    };
    let tlv_at = (4 + echoed + 3) & !3;
    let tlvs = if e.payload.len() > tlv_at {
        parse_attrs(&e.payload[tlv_at..])
    } else {
        Vec::new()
    };
    (e.i32_at(0), tlvs)
}

/// The messages of type `ty` answering `seq` until NLMSG_DONE (`read_msg_list`).
pub(crate) fn msg_list(m: &[Msg], seq: u32, ty: u16) -> Vec<Msg> {
    assert!(
        m.iter().any(|x| x.ty == 3 && x.seq == seq),
        "no NLMSG_DONE for seq {seq}"
    );
    m.iter()
        .filter(|x| x.seq == seq && x.ty == ty)
        .cloned()
        .collect()
}
