// SPDX-License-Identifier: BSD-2-Clause
//! A Rust netlink client built on `netlink-packet-route` + `netlink-sys` (the crates under
//! the `rtnetlink` crate), through both backends. This test binary (`harness = false`) is
//! also the client: `run_rtnetlink client DEV [CHECK]` resolves DEV by name, sets it up with
//! MTU 1400 in one `RTM_SETLINK` (what `rtnetlink`'s `link().set()` sends), adds an address
//! and a route, runs the shell command CHECK (a second client served by the same kernel),
//! deletes the route and the address, and sets DEV down — printing what the kernel answers
//! after each step.
//!
//! Linux backend: output equals a native run in an identically seeded namespace. FreeBSD
//! backend: expectations from the model's default topology (eth1 = em1, index 2, down, no
//! carrier, MTU 1500), the intermediate state checked with `ip` in the same runner session.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::as_conversions,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::missing_panics_doc,
    reason = "a test program: a failed step ends it with a message"
)]

mod common;

use std::net::{IpAddr, Ipv4Addr};
use std::process::{Command, ExitCode};

use netlink_packet_core::{
    NetlinkHeader, NetlinkMessage, NetlinkPayload, NLM_F_ACK, NLM_F_CREATE, NLM_F_DUMP, NLM_F_EXCL,
    NLM_F_REQUEST,
};
use netlink_packet_route::address::{AddressAttribute, AddressMessage};
use netlink_packet_route::link::{LinkAttribute, LinkFlags, LinkMessage};
use netlink_packet_route::route::{
    RouteAddress, RouteAttribute, RouteHeader, RouteMessage, RouteProtocol, RouteScope, RouteType,
};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};
use netlink_sys::{protocols::NETLINK_ROUTE, Socket};

use common::{bounded, gate, Mode, Out, BOUND};

/// The client's session: one autobound `NETLINK_ROUTE` socket, increasing sequence numbers.
struct Client {
    sock: Socket,
    seq: u32,
}

impl Client {
    fn new() -> Self {
        let mut sock = Socket::new(NETLINK_ROUTE).expect("socket");
        sock.bind_auto().expect("bind");
        Self { sock, seq: 0 }
    }

    /// Send one request and collect the answer up to its ACK, `NLMSG_DONE` or error:
    /// `Err(errno)` for an error reply.
    fn request(
        &mut self,
        msg: RouteNetlinkMessage,
        flags: u16,
    ) -> Result<Vec<RouteNetlinkMessage>, i32> {
        self.seq += 1;
        let mut hdr = NetlinkHeader::default();
        hdr.flags = flags;
        hdr.sequence_number = self.seq;
        let mut m = NetlinkMessage::new(hdr, NetlinkPayload::InnerMessage(msg));
        m.finalize();
        let mut buf = vec![0u8; m.buffer_len()];
        m.serialize(&mut buf);
        self.sock.send(&buf, 0).expect("send");
        let mut out = Vec::new();
        loop {
            let (data, _) = self.sock.recv_from_full().expect("recv");
            let mut off = 0;
            while off < data.len() {
                let reply = NetlinkMessage::<RouteNetlinkMessage>::deserialize(&data[off..])
                    .expect("a reply the crate cannot parse");
                let len = reply.header.length as usize;
                assert!(len >= 16, "bad length {len}");
                off += (len + 3) & !3;
                assert_eq!(reply.header.sequence_number, self.seq, "foreign seq");
                match reply.payload {
                    NetlinkPayload::InnerMessage(i) => out.push(i),
                    NetlinkPayload::Done(_) => return Ok(out),
                    NetlinkPayload::Error(e) => {
                        return match e.code {
                            None => Ok(out),
                            Some(c) => Err(-c.get()),
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    fn link_by_name(&mut self, name: &str) -> LinkMessage {
        let mut m = LinkMessage::default();
        m.attributes.push(LinkAttribute::IfName(name.to_owned()));
        // NLM_F_ACK: the reply, then an ACK that ends the answer.
        match self.request(RouteNetlinkMessage::GetLink(m), NLM_F_REQUEST | NLM_F_ACK) {
            Ok(v) => match v.into_iter().next() {
                Some(RouteNetlinkMessage::NewLink(l)) => l,
                other => panic!("no RTM_NEWLINK for {name}: {other:?}"),
            },
            Err(e) => panic!("RTM_GETLINK {name}: errno {e}"),
        }
    }

    fn show_link(&mut self, name: &str) -> u32 {
        let l = self.link_by_name(name);
        let mtu = l.attributes.iter().find_map(|a| match a {
            LinkAttribute::Mtu(m) => Some(*m),
            _ => None,
        });
        println!(
            "link {name} index {} up {} mtu {}",
            l.header.index,
            l.header.flags.contains(LinkFlags::Up),
            mtu.map_or("-".to_owned(), |m| m.to_string())
        );
        l.header.index
    }

    fn show_addrs(&mut self, index: u32) {
        let mut m = AddressMessage::default();
        m.header.family = AddressFamily::Inet;
        let v = self
            .request(
                RouteNetlinkMessage::GetAddress(m),
                NLM_F_REQUEST | NLM_F_DUMP,
            )
            .expect("RTM_GETADDR dump");
        let mut lines: Vec<String> = v
            .into_iter()
            .filter_map(|r| match r {
                RouteNetlinkMessage::NewAddress(a) if a.header.index == index => {
                    let ip = a.attributes.iter().find_map(|x| match x {
                        AddressAttribute::Address(ip) => Some(*ip),
                        _ => None,
                    })?;
                    Some(format!("addr {ip}/{}", a.header.prefix_len))
                }
                _ => None,
            })
            .collect();
        lines.sort();
        for l in lines {
            println!("{l}");
        }
    }

    fn show_routes(&mut self, index: u32) {
        let mut m = RouteMessage::default();
        m.header.address_family = AddressFamily::Inet;
        let v = self
            .request(RouteNetlinkMessage::GetRoute(m), NLM_F_REQUEST | NLM_F_DUMP)
            .expect("RTM_GETROUTE dump");
        let mut lines: Vec<String> = v
            .into_iter()
            .filter_map(|r| match r {
                RouteNetlinkMessage::NewRoute(rt) => {
                    let mut dst = None;
                    let mut gw = None;
                    let mut oif = None;
                    for a in &rt.attributes {
                        match a {
                            RouteAttribute::Destination(RouteAddress::Inet(d)) => dst = Some(*d),
                            RouteAttribute::Gateway(RouteAddress::Inet(g)) => gw = Some(*g),
                            RouteAttribute::Oif(o) => oif = Some(*o),
                            _ => {}
                        }
                    }
                    (oif == Some(index) && rt.header.table == RouteHeader::RT_TABLE_MAIN).then(
                        || {
                            format!(
                                "route {}/{} via {}",
                                dst.map_or("0.0.0.0".to_owned(), |d| d.to_string()),
                                rt.header.destination_prefix_length,
                                gw.map_or("-".to_owned(), |g| g.to_string())
                            )
                        },
                    )
                }
                _ => None,
            })
            .collect();
        lines.sort();
        for l in lines {
            println!("{l}");
        }
    }

    fn step(&mut self, what: &str, msg: RouteNetlinkMessage, flags: u16) {
        match self.request(msg, flags) {
            Ok(_) => println!("{what}: ok"),
            Err(e) => println!("{what}: {}", std::io::Error::from_raw_os_error(e)),
        }
    }
}

const ADDR: Ipv4Addr = Ipv4Addr::new(198, 51, 100, 7);
const GW: Ipv4Addr = Ipv4Addr::new(198, 51, 100, 1);
const DST: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 0);

fn set_link(index: u32, up: bool, mtu: Option<u32>) -> RouteNetlinkMessage {
    let mut m = LinkMessage::default();
    m.header.index = index;
    if up {
        m.header.flags = LinkFlags::Up;
    }
    m.header.change_mask = LinkFlags::Up;
    if let Some(mtu) = mtu {
        m.attributes.push(LinkAttribute::Mtu(mtu));
    }
    RouteNetlinkMessage::SetLink(m)
}

fn address(index: u32) -> AddressMessage {
    let mut m = AddressMessage::default();
    m.header.family = AddressFamily::Inet;
    m.header.prefix_len = 24;
    m.header.index = index;
    m.attributes.push(AddressAttribute::Local(IpAddr::V4(ADDR)));
    m.attributes
        .push(AddressAttribute::Address(IpAddr::V4(ADDR)));
    m
}

fn route(index: u32) -> RouteMessage {
    let mut m = RouteMessage::default();
    m.header.address_family = AddressFamily::Inet;
    m.header.destination_prefix_length = 24;
    m.header.table = RouteHeader::RT_TABLE_MAIN;
    m.header.protocol = RouteProtocol::Static;
    m.header.scope = RouteScope::Universe;
    m.header.kind = RouteType::Unicast;
    m.attributes
        .push(RouteAttribute::Destination(RouteAddress::Inet(DST)));
    m.attributes
        .push(RouteAttribute::Gateway(RouteAddress::Inet(GW)));
    m.attributes.push(RouteAttribute::Oif(index));
    m
}

fn client(dev: &str, check: Option<&str>) -> ExitCode {
    const CHANGE: u16 = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
    const ACK: u16 = NLM_F_REQUEST | NLM_F_ACK;
    let mut c = Client::new();
    let index = c.show_link(dev);
    c.step("set up, mtu 1400", set_link(index, true, Some(1400)), ACK);
    c.show_link(dev);
    c.step(
        "add address",
        RouteNetlinkMessage::NewAddress(address(index)),
        CHANGE,
    );
    c.show_link(dev);
    c.step(
        "add route",
        RouteNetlinkMessage::NewRoute(route(index)),
        CHANGE,
    );
    c.step(
        "add route again",
        RouteNetlinkMessage::NewRoute(route(index)),
        CHANGE,
    );
    c.show_addrs(index);
    c.show_routes(index);
    if let Some(cmd) = check {
        let st = Command::new("/bin/sh").args(["-c", cmd]).status();
        if !st.as_ref().is_ok_and(|s| s.success()) {
            println!("check failed: {st:?}");
            return ExitCode::FAILURE;
        }
    }
    c.step(
        "delete route",
        RouteNetlinkMessage::DelRoute(route(index)),
        ACK,
    );
    c.step(
        "delete address",
        RouteNetlinkMessage::DelAddress(address(index)),
        ACK,
    );
    c.step("set down", set_link(index, false, None), ACK);
    c.show_link(dev);
    c.show_addrs(index);
    c.show_routes(index);
    ExitCode::SUCCESS
}

// ---- the tests --------------------------------------------------------------------------

fn exe() -> String {
    std::env::current_exe()
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned()
}

/// Linux backend: the same output as natively.
fn linux_backend_equals_native() {
    let me = exe();
    let r = common::same(
        &[
            &me,
            "client",
            "eth1",
            "ip -br -4 addr show dev eth1; ip route show dev eth1",
        ],
        Mode::EmptyNetns,
        "route 203.0.113.0/24 via 198.51.100.1",
        common::ident,
    );
    assert!(
        r.stdout.contains("add route again: File exists"),
        "{}",
        r.stdout
    );
}

/// FreeBSD backend: the model's em1 changes as asked, as `ip` sees in the same session.
fn freebsd_backend() {
    let me = exe();
    let o: Out = bounded(
        Command::new(env!("CARGO_BIN_EXE_nlcompat")).args([
            "run",
            "--",
            &me,
            "client",
            "eth1",
            "ip -o link show dev eth1 | grep -o 'mtu [0-9]*'; ip -br -4 addr show dev eth1; \
             ip route show 203.0.113.0/24",
        ]),
        BOUND,
    );
    assert_eq!(o.code, Some(0), "{}\n{}", o.stdout, o.stderr);
    assert_eq!(o.stderr, "");
    let got: Vec<String> = o
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        got,
        [
            "link eth1 index 2 up false mtu 1500",
            // FreeBSD 14's `_nl_modify_ifp_generic()` (`sys/netlink/route/iface.c`) acts on
            // IFF_UP only to bring a link down: the ACK comes, the link stays down (see
            // docs/freebsd-sim.md); the MTU changes.
            "set up, mtu 1400: ok",
            "link eth1 index 2 up false mtu 1400",
            "add address: ok",
            // An address brings an Ethernet interface up (`ether_ioctl()` SIOCSIFADDR sets
            // IFF_UP, `sys/net/if_ethersubr.c`).
            "link eth1 index 2 up true mtu 1400",
            "add route: ok",
            // `rib_add_route()` (`sys/net/route/route_ctl.c`) refuses a duplicate: EEXIST.
            "add route again: File exists (os error 17)",
            "addr 198.51.100.7/24",
            // The prefix route of the new address, the added route. FreeBSD's loopback route
            // for the address goes through lo0 (`ifa_maintain_loopback_route()`).
            "route 198.51.100.0/24 via -",
            "route 203.0.113.0/24 via 198.51.100.1",
            // `ip`, same model.
            "mtu 1400",
            "eth1 DOWN 198.51.100.7/24",
            // No RTF_STATIC on a netlink-added route: `nl_get_rtm_protocol()` says kernel.
            "203.0.113.0/24 via 198.51.100.1 dev eth1 proto kernel",
            "delete route: ok",
            "delete address: ok",
            "set down: ok",
            "link eth1 index 2 up false mtu 1400",
        ]
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("client") {
        let Some(dev) = args.get(2) else {
            eprintln!("usage: run_rtnetlink client DEV [CHECK]");
            return ExitCode::from(2);
        };
        return client(dev, args.get(3).map(String::as_str));
    }
    // `cargo test` passes libtest options and filters: options are ignored, and a test runs
    // when no filter is given or one is part of its name.
    let filters: Vec<&String> = args
        .iter()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let tests = [
        (
            "linux_backend_equals_native",
            linux_backend_equals_native as fn(),
        ),
        ("freebsd_backend", freebsd_backend),
    ];
    let chosen: Vec<_> = tests
        .into_iter()
        .filter(|(name, _)| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str())))
        .collect();
    if chosen.is_empty() || !gate() {
        return ExitCode::SUCCESS;
    }
    for (name, t) in chosen {
        println!("test {name} ...");
        t();
        println!("test {name} ... ok");
    }
    ExitCode::SUCCESS
}
