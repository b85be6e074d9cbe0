// SPDX-License-Identifier: BSD-2-Clause
//! Interface ioctls (`SIOCGIF*`) answered from the backend, so a program sees one host.
//!
//! On Linux these work on any socket (`net/core/dev_ioctl.c`, `net/ipv4/devinet.c`); glibc's
//! `if_nametoindex`/`if_indextoname` and busybox's `SIOCGIFTXQLEN` use them. With a backend
//! that does not serve the program's own network namespace, the runner answers them from an
//! internal `RTM_GETLINK` + `RTM_GETADDR` dump through [`Backend::send`], decoded here: one
//! implementation for every backend. (The Linux backend lets them run natively instead: the
//! program already lives in the namespace it serves.)
//!
//! Layouts (`include/uapi/linux/if.h`, `sockios.h`, `rtnetlink.h`, `if_link.h`,
//! `if_addr.h`): `struct ifreq` is 40 bytes, name in the first 16, the union at 16;
//! `struct ifconf` is `{int ifc_len; char *ifc_buf}` (16 bytes on 64-bit).

use crate::backend::{walk, Backend, Delivery, NLMSG_HDRLEN};

/// `FIONREAD` (netlink answers `ENOTTY`).
pub(crate) const FIONREAD: u32 = 0x541B;
const SIOCGIFNAME: u32 = 0x8910;
const SIOCGIFCONF: u32 = 0x8912;
const SIOCGIFFLAGS: u32 = 0x8913;
const SIOCGIFADDR: u32 = 0x8915;
const SIOCGIFDSTADDR: u32 = 0x8917;
const SIOCGIFBRDADDR: u32 = 0x8919;
const SIOCGIFNETMASK: u32 = 0x891b;
const SIOCGIFMETRIC: u32 = 0x891d;
const SIOCGIFMTU: u32 = 0x8921;
const SIOCGIFHWADDR: u32 = 0x8927;
const SIOCGIFINDEX: u32 = 0x8933;
const SIOCGIFTXQLEN: u32 = 0x8942;

/// Is `cmd` one of the interface queries emulated here?
pub(crate) fn is_interface_ioctl(cmd: u32) -> bool {
    matches!(
        cmd,
        SIOCGIFNAME
            | SIOCGIFCONF
            | SIOCGIFFLAGS
            | SIOCGIFADDR
            | SIOCGIFDSTADDR
            | SIOCGIFBRDADDR
            | SIOCGIFNETMASK
            | SIOCGIFMETRIC
            | SIOCGIFMTU
            | SIOCGIFHWADDR
            | SIOCGIFINDEX
            | SIOCGIFTXQLEN
    )
}

/// Is `cmd` an IPv4 address query (served by `AF_INET`/`AF_PACKET` sockets only; others
/// answer `ENOTTY`)?
pub(crate) fn is_inet_ioctl(cmd: u32) -> bool {
    matches!(
        cmd,
        SIOCGIFADDR | SIOCGIFDSTADDR | SIOCGIFBRDADDR | SIOCGIFNETMASK
    )
}

const IFREQ_LEN: usize = 40;
const IFNAMSIZ: usize = 16;
const RTM_NEWLINK: u16 = 16;
const RTM_GETLINK: u16 = 18;
const RTM_NEWADDR: u16 = 20;
const RTM_GETADDR: u16 = 22;
const NLM_F_REQUEST: u16 = 1;
const NLM_F_DUMP: u16 = 0x300;
const IFLA_ADDRESS: u16 = 1;
const IFLA_IFNAME: u16 = 3;
const IFLA_MTU: u16 = 4;
const IFLA_TXQLEN: u16 = 13;
const IFA_ADDRESS: u16 = 1;
const IFA_LOCAL: u16 = 2;
const IFA_LABEL: u16 = 3;
const IFA_BROADCAST: u16 = 4;
/// Port id of the runner's own query socket (never handed to a program).
const QUERY_PORT: u32 = 0x7fff_fff0;

/// One link from the dump.
#[derive(Debug, Default, Clone)]
pub(crate) struct Link {
    index: i32,
    name: String,
    flags: u32,
    hw_type: u16,
    mtu: u32,
    txqlen: u32,
    address: Vec<u8>,
}

/// One IPv4 address from the dump.
#[derive(Debug, Default, Clone)]
pub(crate) struct Addr4 {
    index: i32,
    label: String,
    prefixlen: u8,
    local: [u8; 4],
    peer: [u8; 4],
    broadcast: [u8; 4],
}

/// The interface table as the backend reports it.
#[derive(Debug, Default)]
pub(crate) struct Interfaces {
    links: Vec<Link>,
    addrs: Vec<Addr4>,
}

fn u16_at(b: &[u8], off: usize) -> Option<u16> {
    Some(u16::from_ne_bytes(
        b.get(off..off.checked_add(2)?)?.try_into().ok()?,
    ))
}
fn u32_at(b: &[u8], off: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(
        b.get(off..off.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// Iterate `(type, payload)` over the attributes in `b`.
fn attrs(b: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = b;
    std::iter::from_fn(move || {
        let len = usize::from(u16_at(rest, 0)?);
        let ty = u16_at(rest, 2)? & 0x3fff;
        if len < 4 || len > rest.len() {
            return None;
        }
        let payload = rest.get(4..len)?;
        let aligned = len.checked_add(3)? & !3;
        rest = rest.get(aligned..).unwrap_or(&[]);
        Some((ty, payload))
    })
}

fn c_string(b: &[u8]) -> String {
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    String::from_utf8_lossy(b.get(..end).unwrap_or(&[])).into_owned()
}

fn ip4(b: &[u8]) -> [u8; 4] {
    b.try_into().unwrap_or([0; 4])
}

fn request(ty: u16, seq: u32, body: &[u8]) -> Vec<u8> {
    let len = u32::try_from(NLMSG_HDRLEN.saturating_add(body.len())).unwrap_or(0);
    let mut m = Vec::new();
    m.extend_from_slice(&len.to_ne_bytes());
    m.extend_from_slice(&ty.to_ne_bytes());
    m.extend_from_slice(&(NLM_F_REQUEST | NLM_F_DUMP).to_ne_bytes());
    m.extend_from_slice(&seq.to_ne_bytes());
    m.extend_from_slice(&QUERY_PORT.to_ne_bytes());
    m.extend_from_slice(body);
    m
}

impl Interfaces {
    /// Dump links and addresses through `backend` on a private socket.
    pub(crate) fn dump(backend: &mut dyn Backend) -> Result<Self, i32> {
        let s = backend.open(0)?;
        let res = (|| {
            backend.bind(s, QUERY_PORT, 0)?;
            let mut t = Self::default();
            let links = backend.send(s, &request(RTM_GETLINK, 1, &[0u8; 16]))?;
            let addrs = backend.send(s, &request(RTM_GETADDR, 2, &[0u8; 8]))?;
            for d in links.iter().chain(addrs.iter()) {
                if let Delivery::Datagram { group: 0, bytes } = d {
                    for m in walk(bytes) {
                        t.absorb(m);
                    }
                }
            }
            Ok(t)
        })();
        backend.close(s);
        res
    }

    fn absorb(&mut self, m: &[u8]) {
        let Some(ty) = u16_at(m, 4) else { return };
        let body = m.get(NLMSG_HDRLEN..).unwrap_or(&[]);
        match ty {
            RTM_NEWLINK => {
                let mut l = Link {
                    hw_type: u16_at(body, 2).unwrap_or(0),
                    index: u32_at(body, 4).map_or(0, |v| i32::from_ne_bytes(v.to_ne_bytes())),
                    flags: u32_at(body, 8).unwrap_or(0),
                    ..Link::default()
                };
                for (at, p) in attrs(body.get(16..).unwrap_or(&[])) {
                    match at {
                        IFLA_IFNAME => l.name = c_string(p),
                        IFLA_MTU => l.mtu = u32_at(p, 0).unwrap_or(0),
                        IFLA_TXQLEN => l.txqlen = u32_at(p, 0).unwrap_or(0),
                        IFLA_ADDRESS => l.address = p.to_vec(),
                        _ => {}
                    }
                }
                self.links.push(l);
            }
            RTM_NEWADDR if body.first() == Some(&2) => {
                let mut a = Addr4 {
                    prefixlen: body.get(1).copied().unwrap_or(0),
                    index: u32_at(body, 4).map_or(0, |v| i32::from_ne_bytes(v.to_ne_bytes())),
                    ..Addr4::default()
                };
                let mut have_local = false;
                for (at, p) in attrs(body.get(8..).unwrap_or(&[])) {
                    match at {
                        IFA_LOCAL => {
                            a.local = ip4(p);
                            have_local = true;
                        }
                        IFA_ADDRESS => a.peer = ip4(p),
                        IFA_BROADCAST => a.broadcast = ip4(p),
                        IFA_LABEL => a.label = c_string(p),
                        _ => {}
                    }
                }
                if !have_local {
                    a.local = a.peer;
                }
                if a.label.is_empty() {
                    a.label = self
                        .links
                        .iter()
                        .find(|l| l.index == a.index)
                        .map(|l| l.name.clone())
                        .unwrap_or_default();
                }
                self.addrs.push(a);
            }
            _ => {}
        }
    }
}

/// Copy `src` into `dst` at `off`, clipped to `dst`.
fn put(dst: &mut [u8], off: usize, src: &[u8]) {
    let end = off.saturating_add(src.len()).min(dst.len());
    if let Some(d) = dst.get_mut(off..end) {
        let k = d.len();
        d.copy_from_slice(src.get(..k).unwrap_or(&[]));
    }
}

fn sockaddr_in(a: [u8; 4]) -> [u8; 16] {
    let mut s = [0u8; 16];
    put(
        &mut s,
        0,
        &u16::try_from(libc::AF_INET).unwrap_or(2).to_ne_bytes(),
    );
    put(&mut s, 4, &a);
    s
}

/// `ifr_name`: at most 15 bytes and a NUL.
fn ifname(name: &str) -> [u8; IFNAMSIZ] {
    let mut n = [0u8; IFNAMSIZ];
    let b = name.as_bytes();
    put(
        &mut n,
        0,
        b.get(..b.len().min(IFNAMSIZ.saturating_sub(1)))
            .unwrap_or(&[]),
    );
    n
}

/// Reads `len` bytes of the program's memory at an address.
pub(crate) type ReadMem<'a> = &'a mut dyn FnMut(u64, usize) -> Result<Vec<u8>, i32>;
/// Writes bytes into the program's memory at an address.
pub(crate) type WriteMem<'a> = &'a mut dyn FnMut(u64, &[u8]) -> Result<(), i32>;

fn netmask(prefix: u8) -> [u8; 4] {
    let bits = u32::MAX
        .checked_shl(32u32.saturating_sub(u32::from(prefix)))
        .unwrap_or(0);
    bits.to_be_bytes()
}

/// Answer interface ioctl `cmd` with argument pointer `arg` from `t`, reading and writing the
/// program's memory through `rd` / `wr`.
pub(crate) fn emulate(
    t: &Interfaces,
    cmd: u32,
    rd: ReadMem<'_>,
    wr: WriteMem<'_>,
    arg: u64,
) -> Result<i64, i32> {
    if cmd == SIOCGIFCONF {
        let ifc = rd(arg, 16)?;
        let len = u32_at(&ifc, 0).map_or(0, |v| i32::from_ne_bytes(v.to_ne_bytes()));
        let buf = u32_at(&ifc, 8)
            .zip(u32_at(&ifc, 12))
            .map_or(0, |(lo, hi)| u64::from(lo) | (u64::from(hi) << 32));
        let mut order: Vec<&Addr4> = t.addrs.iter().collect();
        order.sort_by_key(|a| a.index);
        let mut out = Vec::new();
        for a in order {
            if buf != 0 && out.len().saturating_add(IFREQ_LEN) > usize::try_from(len).unwrap_or(0) {
                break;
            }
            let mut r = [0u8; IFREQ_LEN];
            put(&mut r, 0, &ifname(&a.label));
            put(&mut r, IFNAMSIZ, &sockaddr_in(a.local));
            out.extend_from_slice(&r);
        }
        if buf != 0 {
            wr(buf, &out)?;
        }
        let n = i32::try_from(out.len()).unwrap_or(i32::MAX);
        wr(arg, &n.to_ne_bytes())?;
        return Ok(0);
    }
    let ifr = rd(arg, IFREQ_LEN)?;
    let field = arg.wrapping_add(16);
    if cmd == SIOCGIFNAME {
        let idx = u32_at(&ifr, 16).map_or(0, |v| i32::from_ne_bytes(v.to_ne_bytes()));
        let l = t
            .links
            .iter()
            .find(|l| l.index == idx)
            .ok_or(libc::ENODEV)?;
        wr(arg, &ifname(&l.name))?;
        return Ok(0);
    }
    let name = c_string(ifr.get(..IFNAMSIZ).unwrap_or(&[]));
    let base = name.split(':').next().unwrap_or("");
    let l = t
        .links
        .iter()
        .find(|l| l.name == base)
        .ok_or(libc::ENODEV)?;
    match cmd {
        SIOCGIFINDEX => wr(field, &l.index.to_ne_bytes())?,
        SIOCGIFFLAGS => {
            let f = u16::try_from(l.flags & 0xffff).unwrap_or(0);
            wr(field, &f.to_ne_bytes())?;
        }
        SIOCGIFMTU => wr(field, &l.mtu.to_ne_bytes())?,
        SIOCGIFTXQLEN => wr(field, &l.txqlen.to_ne_bytes())?,
        SIOCGIFMETRIC => wr(field, &0i32.to_ne_bytes())?,
        SIOCGIFHWADDR => {
            // Family = device type; `sa_data` gets the address (at most 14 bytes; zeroed when
            // the device has none); bytes past the address keep what the caller had.
            let mut sa = vec![0u8; 2];
            put(&mut sa, 0, &l.hw_type.to_ne_bytes());
            if l.address.is_empty() {
                sa.extend_from_slice(&[0u8; 14]);
            } else {
                sa.extend_from_slice(l.address.get(..l.address.len().min(14)).unwrap_or(&[]));
            }
            wr(field, &sa)?;
        }
        _ => {
            // `devinet_ioctl`: with an AF_INET address in the request, prefer the address of
            // that label with that local address (4.4BSD style), else the label's first.
            let fam = u16_at(&ifr, 16).unwrap_or(0);
            let want: Option<[u8; 4]> = (i32::from(fam) == libc::AF_INET)
                .then(|| ifr.get(20..24).map(ip4))
                .flatten();
            let a = want
                .and_then(|w| t.addrs.iter().find(|a| a.label == name && a.local == w))
                .or_else(|| t.addrs.iter().find(|a| a.label == name))
                .ok_or(libc::EADDRNOTAVAIL)?;
            let v = match cmd {
                SIOCGIFADDR => a.local,
                SIOCGIFNETMASK => netmask(a.prefixlen),
                SIOCGIFBRDADDR => a.broadcast,
                _ => a.peer,
            };
            wr(field, &sockaddr_in(v))?;
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn netmasks() {
        assert_eq!(netmask(24), [255, 255, 255, 0]);
        assert_eq!(netmask(0), [0, 0, 0, 0]);
        assert_eq!(netmask(32), [255, 255, 255, 255]);
    }

    #[test]
    fn attrs_walk_stops_on_garbage() {
        let b = [8u8, 0, 3, 0, b'l', b'o', 0, 0, 2, 0];
        let v: Vec<_> = attrs(&b).collect();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0], (3, &b"lo\0\0"[..]));
    }
}
