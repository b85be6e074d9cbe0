// SPDX-License-Identifier: BSD-2-Clause
//! Interface ioctls answered from the backend, so a program sees one host and changes only
//! that host.
//!
//! On Linux these work on any socket (`net/core/dev_ioctl.c`, `net/ipv4/devinet.c`); glibc's
//! `if_nametoindex`/`if_indextoname`, net-tools, busybox and ethtool use them. With a backend
//! that does not serve the program's own network namespace, the runner answers them from an
//! internal `RTM_GETLINK` + `RTM_GETADDR` dump through [`Backend::send`], decoded here: one
//! implementation for every backend, and makes the one change FreeBSD's Linuxulator lets
//! through (`SIOCSIFMTU`) as an internal `RTM_NEWLINK` request. (The Linux backend lets them
//! run natively instead: the program already lives in the namespace it serves.)
//!
//! Two flavours of answers ([`Flavour`]): Linux's (the Linux backend with `--emulate-ioctls`,
//! compared against the native kernel in tests) and FreeBSD's (the FreeBSD backend): what
//! `linux_ioctl()` in FreeBSD's `sys/compat/linux/linux_ioctl.c` answers a Linux program.
//! There, socket ioctls `0x8901..=0x8938` go to `linux_ioctl_socket()` and
//! `0x89f0..=0x89ff` to `linux_ioctl_private()` (ranges from `linux_ioctl.h`); every command a
//! handler does not take ends as `ENOIOCTL` and `linux_ioctl()` answers `EINVAL` ("ioctl ... is
//! not implemented"). [`freebsd_plan`] is that table.
//!
//! Layouts (`include/uapi/linux/if.h`, `sockios.h`, `rtnetlink.h`, `if_link.h`,
//! `if_addr.h`): `struct ifreq` is 40 bytes, name in the first 16, the union at 16;
//! `struct ifconf` is `{int ifc_len; char *ifc_buf}` (16 bytes on 64-bit).

use crate::backend::{send_all, walk, Backend, Delivery};
use linux_abi::{
    AF_INET, IFA_ADDRESS, IFA_BROADCAST, IFA_LABEL, IFA_LOCAL, IFLA_ADDRESS, IFLA_IFNAME, IFLA_MTU,
    IFLA_STATS64, IFLA_TXQLEN, NLMSG_ERROR, NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST, RTAX_MTU,
    RTA_DST, RTA_GATEWAY, RTA_METRICS, RTA_OIF, RTM_GETADDR, RTM_GETLINK, RTM_GETROUTE,
    RTM_NEWADDR, RTM_NEWLINK, RTM_NEWROUTE, RTN_UNICAST,
};
use nlcompat::wire::{read_u16 as u16_at, read_u32 as u32_at, Attrs, Msg, NLMSG_HDRLEN};

/// Socket ioctls the unix socket behind an emulated netlink socket would answer (`unix_ioctl`:
/// `SIOCOUTQ`/`TIOCOUTQ`, `SIOCINQ`/`FIONREAD`, `SIOCUNIXFILE`, and `SIOCATMARK`) but netlink
/// does not (`netlink_ioctl` has none): the program must get `ENOTTY`.
pub(crate) fn unix_only_ioctl(cmd: u32) -> bool {
    matches!(cmd, 0x5411 | 0x541B | 0x89E0 | 0x8905)
}
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
const SIOCSIFADDR: u32 = 0x8916;
const SIOCSIFNETMASK: u32 = 0x891c;
const SIOCSIFMTU: u32 = 0x8922;
const SIOCSIFNAME: u32 = 0x8923;
const SIOCSIFHWADDR: u32 = 0x8924;
const SIOCADDMULTI: u32 = 0x8931;
const SIOCDELMULTI: u32 = 0x8932;
const SIOCGIFCOUNT: u32 = 0x8938;
const SIOCDEVPRIVATE: u32 = 0x89f0;
/// `IFF_BROADCAST` and `IFF_POINTOPOINT` (`include/uapi/linux/if.h`).
const IFF_BROADCAST: u32 = 0x2;
const IFF_POINTOPOINT: u32 = 0x10;
/// The Linux flags FreeBSD's `bsd_to_linux_ifflags()` (`sys/compat/linux/linux_if.c`) can
/// produce: UP, BROADCAST, DEBUG, LOOPBACK, POINTOPOINT, RUNNING, NOARP, PROMISC, ALLMULTI,
/// MULTICAST.
const FREEBSD_LINUX_IFFLAGS: u32 = 0x13df;
/// `ARPHRD_ETHER` / `ARPHRD_LOOPBACK` (`include/uapi/linux/if_arp.h`).
const ARPHRD_ETHER: u16 = 1;
const ARPHRD_LOOPBACK: u16 = 772;

/// Whose answers the emulation gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flavour {
    /// The Linux kernel's (`--backend linux --emulate-ioctls`, checked against the kernel).
    Linux,
    /// FreeBSD's Linuxulator (`sys/compat/linux/linux_ioctl.c`), for the FreeBSD backend.
    Freebsd,
}

/// What the FreeBSD flavour does with an ioctl on a socket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Plan {
    /// Not a network configuration command: the kernel runs it (FIOSETOWN and the like,
    /// which `linux_ioctl_socket()` maps to the native equivalents; terminal and file ioctls).
    Native,
    /// A query answered from the interface table ([`emulate`]).
    Query,
    /// `SIOCSIFMTU`: the name is translated, then the MTU is set in the backend.
    SetMtu,
    /// The name is translated (`EINVAL` when unknown), then the call fails with this errno.
    NamedErr(i32),
    /// `SIOCADDMULTI` / `SIOCDELMULTI`: passed on natively *without* translating the name.
    Multicast,
    /// `SIOCGIFCOUNT`: succeeds without doing anything.
    Zero,
    /// Fails with this errno.
    Err(i32),
}

/// `TUNSETIFF` and the other tun/tap ioctls (`include/uapi/linux/if_tun.h`: type `'T'`,
/// numbers 200 and up). FreeBSD's Linuxulator has no handler for them (`EINVAL`).
pub(crate) fn is_tun_ioctl(cmd: u32) -> bool {
    (cmd >> 8) & 0xff == u32::from(b'T') && cmd & 0xff >= 200
}

/// FreeBSD's answer to socket ioctl `cmd` from a Linux program (`sys/compat/linux/linux_ioctl.c`:
/// `linux_ioctl_socket()`, `linux_ioctl_private()`, `linux_ioctl()`). Commands are matched on
/// their low 16 bits, as there.
pub(crate) fn freebsd_plan(cmd: u32) -> Plan {
    if is_tun_ioctl(cmd) {
        return Plan::Err(libc::EINVAL);
    }
    match cmd & 0xffff {
        // FIOSETOWN, SIOCSPGRP, FIOGETOWN, SIOCGPGRP, SIOCATMARK.
        0x8901..=0x8905 => Plan::Native,
        SIOCGIFNAME | SIOCGIFCONF | SIOCGIFFLAGS | SIOCGIFADDR | SIOCGIFDSTADDR
        | SIOCGIFBRDADDR | SIOCGIFNETMASK | SIOCGIFMTU | SIOCGIFHWADDR | SIOCGIFINDEX => {
            Plan::Query
        }
        SIOCSIFMTU => Plan::SetMtu,
        // Passed to the native SIOCSIFADDR, which `in_control()` (`sys/netinet/in.c`) refuses:
        // addresses are added with SIOCAIFADDR only.
        SIOCSIFADDR => Plan::NamedErr(libc::EINVAL),
        // Name translated, then `error = ENOIOCTL`.
        SIOCSIFNETMASK | SIOCSIFNAME | SIOCSIFHWADDR => Plan::NamedErr(libc::EINVAL),
        // Native SIOCGPRIVATE_0/1: the driver's `if_ioctl` ends in `ether_ioctl()`, which
        // answers unknown commands with EINVAL; the model has no driver-private commands.
        c if c == SIOCDEVPRIVATE || c == SIOCDEVPRIVATE.wrapping_add(1) => {
            Plan::NamedErr(libc::EINVAL)
        }
        SIOCADDMULTI | SIOCDELMULTI => Plan::Multicast,
        SIOCGIFCOUNT => Plan::Zero,
        // Everything else of the socket ranges (SIOCSIFFLAGS, SIOCADDRT, SIOCDELRT, SIOCDIFADDR,
        // SIOCSIFBRDADDR, SIOCSIFDSTADDR, SIOC[GSD]ARP, SIOCETHTOOL, SIOCGMIIPHY, SIOC[GS]IFTXQLEN,
        // SIOCGIFMETRIC, SIOCGSTAMP, bridge and bonding ioctls...) and the wireless extensions
        // (0x8bxx): no handler takes them.
        0x8900..=0x89ff | 0x8b00..=0x8bff => Plan::Err(libc::EINVAL),
        _ => Plan::Native,
    }
}

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
    /// `IFLA_STATS64` (`struct rtnl_link_stats64`), zeros when absent.
    stats: [u64; 10],
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
    routes: Vec<Route4>,
}

/// One IPv4 route from the dump.
#[derive(Debug, Default, Clone)]
pub(crate) struct Route4 {
    /// Destination prefix.
    pub(crate) dst: [u8; 4],
    /// Prefix length.
    pub(crate) dst_len: u8,
    /// Gateway, if any.
    pub(crate) gateway: Option<[u8; 4]>,
    /// Output interface index.
    pub(crate) oif: i32,
    /// `RTAX_MTU` of the route's metrics, 0 when absent.
    pub(crate) mtu: u32,
}

/// `(type, payload)` of each attribute in `b`, up to the first malformed one.
fn attrs(b: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    Attrs::new(b)
        .map_while(Result::ok)
        .map(|a| (a.kind(), a.payload()))
}

fn u64_at(b: &[u8], off: usize) -> Option<u64> {
    Some(u64::from_ne_bytes(
        b.get(off..off.checked_add(8)?)?.try_into().ok()?,
    ))
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
        Self::dump_with(backend, false)
    }

    /// Dump links, addresses and IPv4 routes.
    pub(crate) fn dump_all(backend: &mut dyn Backend) -> Result<Self, i32> {
        Self::dump_with(backend, true)
    }

    fn dump_with(backend: &mut dyn Backend, with_routes: bool) -> Result<Self, i32> {
        let s = backend.open(0)?;
        let res = (|| {
            backend.bind(s, QUERY_PORT, 0)?;
            let mut t = Self::default();
            let links = send_all(backend, s, &request(RTM_GETLINK, 1, &[0u8; 16]))?;
            let addrs = send_all(backend, s, &request(RTM_GETADDR, 2, &[0u8; 8]))?;
            let mut rtm = [0u8; 12];
            rtm[0] = AF_INET;
            let routes = if with_routes {
                send_all(backend, s, &request(RTM_GETROUTE, 3, &rtm))?
            } else {
                Vec::new()
            };
            for d in links.iter().chain(addrs.iter()).chain(routes.iter()) {
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

    fn absorb(&mut self, m: Msg<'_>) {
        let body = m.payload();
        match m.msg_type() {
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
                        IFLA_STATS64 => {
                            for (i, v) in l.stats.iter_mut().enumerate() {
                                *v = u64_at(p, i.saturating_mul(8)).unwrap_or(0);
                            }
                        }
                        _ => {}
                    }
                }
                self.links.push(l);
            }
            RTM_NEWADDR if body.first() == Some(&AF_INET) => {
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
            RTM_NEWROUTE if body.first() == Some(&AF_INET) => {
                let mut r = Route4 {
                    dst_len: body.get(1).copied().unwrap_or(0),
                    ..Route4::default()
                };
                // Unicast routes only (`rtm_type`), as `rib_walk` sees them.
                if body.get(7) != Some(&RTN_UNICAST) {
                    return;
                }
                for (at, p) in attrs(body.get(12..).unwrap_or(&[])) {
                    match at {
                        RTA_DST => r.dst = ip4(p),
                        RTA_GATEWAY => r.gateway = Some(ip4(p)),
                        RTA_OIF => {
                            r.oif = u32_at(p, 0).map_or(0, |v| i32::from_ne_bytes(v.to_ne_bytes()))
                        }
                        RTA_METRICS => {
                            for (m, v) in attrs(p) {
                                if m == RTAX_MTU {
                                    r.mtu = u32_at(v, 0).unwrap_or(0);
                                }
                            }
                        }
                        _ => {}
                    }
                }
                self.routes.push(r);
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

/// The link a Linux interface name designates. The Linux flavour strips an alias label
/// (`eth0:1`); FreeBSD's `ifname_linux_to_bsd()` (`sys/compat/linux/linux_if.c`) reads letters
/// and a unit number and ignores what follows, which has the same effect on these names.
fn link_by_name<'t>(t: &'t Interfaces, name: &str) -> Option<&'t Link> {
    let base = name.split(':').next().unwrap_or("");
    t.links.iter().find(|l| l.name == base)
}

impl Interfaces {
    /// The index of the link named `name` (Linux naming, see [`link_by_name`]).
    pub(crate) fn index_of(&self, name: &str) -> Option<i32> {
        link_by_name(self, name).map(|l| l.index)
    }

    /// Links in dump order.
    pub(crate) fn links(&self) -> &[Link] {
        &self.links
    }

    /// IPv4 unicast routes in dump order ([`Interfaces::dump_all`] only).
    pub(crate) fn routes(&self) -> &[Route4] {
        &self.routes
    }
}

impl Link {
    /// Interface index.
    pub(crate) fn index(&self) -> i32 {
        self.index
    }
    /// Interface name (as the program sees it).
    pub(crate) fn name(&self) -> &str {
        &self.name
    }
    /// `ifi_flags` as dumped.
    pub(crate) fn flags(&self) -> u32 {
        self.flags
    }
    /// `ifi_type` (ARPHRD_*).
    pub(crate) fn hw_type(&self) -> u16 {
        self.hw_type
    }
    /// MTU.
    pub(crate) fn mtu(&self) -> u32 {
        self.mtu
    }
    /// Link-layer address.
    pub(crate) fn address(&self) -> &[u8] {
        &self.address
    }
    /// `rtnl_link_stats64` counter `i` (0 rx_packets, 1 tx_packets, 2 rx_bytes, 3 tx_bytes,
    /// 4 rx_errors, 5 tx_errors, 6 rx_dropped, 7 tx_dropped, 8 multicast, 9 collisions).
    pub(crate) fn stat(&self, i: usize) -> u64 {
        self.stats.get(i).copied().unwrap_or(0)
    }
}

/// `SIOCGIFCONF` as FreeBSD's `linux_ifconf()` answers it: every interface in order, one
/// entry per IPv4 address, and one with a zeroed address for an interface without any; with a
/// NULL buffer only the IPv4 addresses are counted; a non-positive length with a buffer is
/// `EINVAL`; only whole entries are returned.
fn freebsd_ifconf(
    t: &Interfaces,
    len: i32,
    buf: u64,
    wr: WriteMem<'_>,
    arg: u64,
) -> Result<i64, i32> {
    if buf == 0 {
        let n = t.addrs.len().saturating_mul(IFREQ_LEN);
        wr(arg, &i32::try_from(n).unwrap_or(i32::MAX).to_ne_bytes())?;
        return Ok(0);
    }
    let room = usize::try_from(len).map_err(|_| libc::EINVAL)?;
    if room == 0 {
        return Err(libc::EINVAL);
    }
    let mut out = Vec::new();
    for l in &t.links {
        let mine: Vec<&Addr4> = t.addrs.iter().filter(|a| a.index == l.index).collect();
        let mut entry = |addr: Option<[u8; 4]>| {
            let mut r = [0u8; IFREQ_LEN];
            put(&mut r, 0, &ifname(&l.name));
            if let Some(a) = addr {
                put(&mut r, IFNAMSIZ, &sockaddr_in(a));
            }
            if out.len().saturating_add(IFREQ_LEN) <= room {
                out.extend_from_slice(&r);
            }
        };
        if mine.is_empty() {
            entry(None);
        }
        for a in mine {
            entry(Some(a.local));
        }
    }
    wr(buf, &out)?;
    let n = i32::try_from(out.len()).unwrap_or(i32::MAX);
    wr(arg, &n.to_ne_bytes())?;
    Ok(0)
}

/// Answer interface query `cmd` with argument pointer `arg` from `t`, reading and writing the
/// program's memory through `rd` / `wr`, as `flavour`'s kernel would.
pub(crate) fn emulate(
    t: &Interfaces,
    flavour: Flavour,
    cmd: u32,
    rd: ReadMem<'_>,
    wr: WriteMem<'_>,
    arg: u64,
) -> Result<i64, i32> {
    let bsd = flavour == Flavour::Freebsd;
    if cmd == SIOCGIFCONF {
        let ifc = rd(arg, 16)?;
        let len = u32_at(&ifc, 0).map_or(0, |v| i32::from_ne_bytes(v.to_ne_bytes()));
        let buf = u32_at(&ifc, 8)
            .zip(u32_at(&ifc, 12))
            .map_or(0, |(lo, hi)| u64::from(lo) | (u64::from(hi) << 32));
        if bsd {
            return freebsd_ifconf(t, len, buf, wr, arg);
        }
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
    // Linux: `dev_get_by_name` fails with ENODEV; FreeBSD: `ifname_linux_to_bsd` with EINVAL.
    let l = link_by_name(t, &name).ok_or(if bsd { libc::EINVAL } else { libc::ENODEV })?;
    match cmd {
        SIOCGIFINDEX => wr(field, &l.index.to_ne_bytes())?,
        SIOCGIFFLAGS => {
            let mask = if bsd { FREEBSD_LINUX_IFFLAGS } else { 0xffff };
            let f = u16::try_from(l.flags & mask).unwrap_or(0);
            wr(field, &f.to_ne_bytes())?;
        }
        SIOCGIFMTU => wr(field, &l.mtu.to_ne_bytes())?,
        SIOCGIFTXQLEN => wr(field, &l.txqlen.to_ne_bytes())?,
        SIOCGIFMETRIC => wr(field, &0i32.to_ne_bytes())?,
        SIOCGIFHWADDR if bsd => {
            // `linux_gifhwaddr()` / `linux_ifhwaddr()`: loopback gets ARPHRD_LOOPBACK and zeros,
            // Ethernet ARPHRD_ETHER and its 6-byte address, anything else ENOENT; the whole
            // 16-byte `l_sockaddr` is written.
            let mut sa = [0u8; 16];
            match l.hw_type {
                ARPHRD_LOOPBACK => put(&mut sa, 0, &ARPHRD_LOOPBACK.to_ne_bytes()),
                ARPHRD_ETHER => {
                    put(&mut sa, 0, &ARPHRD_ETHER.to_ne_bytes());
                    put(&mut sa, 2, l.address.get(..6).unwrap_or(&[]));
                }
                _ => return Err(libc::ENOENT),
            }
            wr(field, &sa)?;
        }
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
            // FreeBSD's `in_control()` (`sys/netinet/in.c`) refuses a destination address
            // without IFF_POINTOPOINT and a broadcast address without IFF_BROADCAST.
            if bsd && cmd == SIOCGIFDSTADDR && l.flags & IFF_POINTOPOINT == 0 {
                return Err(libc::EINVAL);
            }
            if bsd && cmd == SIOCGIFBRDADDR && l.flags & IFF_BROADCAST == 0 {
                return Err(libc::EINVAL);
            }
            // `devinet_ioctl`: with an AF_INET address in the request, prefer the address of
            // that label with that local address (4.4BSD style), else the label's first.
            // FreeBSD has no labels: the interface's addresses.
            let fam = u16_at(&ifr, 16).unwrap_or(0);
            let want: Option<[u8; 4]> = (i32::from(fam) == libc::AF_INET)
                .then(|| ifr.get(20..24).map(ip4))
                .flatten();
            let mine = |a: &&Addr4| {
                if bsd {
                    a.index == l.index
                } else {
                    a.label == name
                }
            };
            let a = want
                .and_then(|w| t.addrs.iter().filter(mine).find(|a| a.local == w))
                .or_else(|| t.addrs.iter().find(mine))
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

/// The interface name in the `struct ifreq` at `arg`.
pub(crate) fn ifreq_name(rd: ReadMem<'_>, arg: u64) -> Result<String, i32> {
    let b = rd(arg, IFNAMSIZ)?;
    Ok(c_string(&b))
}

/// `ifr_mtu` of the `struct ifreq` at `arg`.
pub(crate) fn ifreq_int(rd: ReadMem<'_>, arg: u64) -> Result<i32, i32> {
    let b = rd(arg.wrapping_add(16), 4)?;
    u32_at(&b, 0)
        .map(|v| i32::from_ne_bytes(v.to_ne_bytes()))
        .ok_or(libc::EFAULT)
}

/// Set the MTU of link `index` through `backend` with an internal `RTM_NEWLINK` request (the
/// FreeBSD model applies `IFLA_MTU` as FreeBSD's `modify_link()` in
/// `sys/netlink/route/iface.c` does, with `SIOCSIFMTU`'s checks); returns the errno of the
/// acknowledgement. The request goes out on a socket with the credentials of thread `tid`,
/// the caller of the ioctl: FreeBSD checks `PRIV_NET_SETIFMTU` against the caller
/// (`ifhwioctl()`, `sys/net/if.c`), Linux `CAP_NET_ADMIN` (`dev_ioctl()`, `net/core/dev_ioctl.c`).
pub(crate) fn set_mtu(
    backend: &mut dyn Backend,
    index: i32,
    mtu: i32,
    tid: u32,
) -> Result<(), i32> {
    let mut body = Vec::with_capacity(24);
    body.extend_from_slice(&[0u8; 4]); // family, pad, type
    body.extend_from_slice(&index.to_ne_bytes());
    body.extend_from_slice(&[0u8; 8]); // flags, change
    body.extend_from_slice(&8u16.to_ne_bytes());
    body.extend_from_slice(&IFLA_MTU.to_ne_bytes());
    body.extend_from_slice(&mtu.to_ne_bytes());
    request_ack(backend, RTM_NEWLINK, &body, tid)
}

/// Send one request with `NLM_F_ACK` on a private socket created for thread `tid`; the errno
/// of its `NLMSG_ERROR`.
fn request_ack(backend: &mut dyn Backend, ty: u16, body: &[u8], tid: u32) -> Result<(), i32> {
    let s = backend.open_for(0, tid)?;
    let res = (|| {
        backend.bind(s, QUERY_PORT, 0)?;
        let mut m = request(ty, 1, body);
        put(&mut m, 6, &(NLM_F_REQUEST | NLM_F_ACK).to_ne_bytes());
        let replies = send_all(backend, s, &m)?;
        for d in &replies {
            if let Delivery::Datagram { group: 0, bytes } = d {
                for r in walk(bytes) {
                    if r.msg_type() == NLMSG_ERROR {
                        let e = u32_at(r.payload(), 0)
                            .map_or(libc::EIO, |v| i32::from_ne_bytes(v.to_ne_bytes()));
                        return if e == 0 {
                            Ok(())
                        } else {
                            Err(e.saturating_neg())
                        };
                    }
                }
            }
        }
        Err(libc::EIO)
    })();
    backend.close(s);
    res
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
    fn freebsd_table() {
        // linux_ioctl.h numbers; outcomes per linux_ioctl_socket().
        assert_eq!(freebsd_plan(0x8913), Plan::Query); // SIOCGIFFLAGS
        assert_eq!(freebsd_plan(0x8914), Plan::Err(libc::EINVAL)); // SIOCSIFFLAGS
        assert_eq!(freebsd_plan(0x8922), Plan::SetMtu);
        assert_eq!(freebsd_plan(0x8916), Plan::NamedErr(libc::EINVAL)); // SIOCSIFADDR
        assert_eq!(freebsd_plan(0x8938), Plan::Zero); // SIOCGIFCOUNT
        assert_eq!(freebsd_plan(0x8942), Plan::Err(libc::EINVAL)); // SIOCGIFTXQLEN
        assert_eq!(freebsd_plan(0x8946), Plan::Err(libc::EINVAL)); // SIOCETHTOOL
        assert_eq!(freebsd_plan(0x8b1a), Plan::Err(libc::EINVAL)); // SIOCSIWESSID
        assert_eq!(freebsd_plan(0x8901), Plan::Native); // FIOSETOWN
        assert_eq!(freebsd_plan(0x5421), Plan::Native); // FIONBIO
        assert_eq!(freebsd_plan(0x4004_54ca), Plan::Err(libc::EINVAL)); // TUNSETIFF
        assert!(!is_tun_ioctl(0x5401)); // TCGETS
    }

    #[test]
    fn attrs_walk_stops_on_garbage() {
        let b = [8u8, 0, 3, 0, b'l', b'o', 0, 0, 2, 0];
        let v: Vec<_> = attrs(&b).collect();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0], (3, &b"lo\0\0"[..]));
    }
}
