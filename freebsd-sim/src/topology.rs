// SPDX-License-Identifier: BSD-2-Clause
//! Host description in TOML (`docs/topology.md`), parsed with serde.

use serde::Deserialize;

/// Built-in default host, the same text as `topologies/default.toml`.
pub const DEFAULT_TOML: &str = include_str!("../topologies/default.toml");

/// A host topology: interfaces, routes, user nexthops, neighbours and the number of FIBs.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Topology {
    /// `net.fibs` (default 1).
    #[serde(default = "one")]
    pub fibs: u32,
    /// Process id of the simulated process (first port id of `nl_find_port`).
    #[serde(default = "default_pid")]
    pub pid: u32,
    /// Load the `nlsysevent` generic family (`netlink_sysevent.c`, a separate module).
    #[serde(default)]
    pub nlsysevent: bool,
    /// FreeBSD release whose behaviour to follow: "14", "15" or "main" (default: the
    /// newest release, 15). See [`crate::Release`].
    #[serde(default)]
    pub release: Option<String>,
    /// Interfaces in attach order (index 1, 2, …).
    #[serde(default, rename = "interface")]
    pub interfaces: Vec<InterfaceDef>,
    /// User nexthop objects (`RTM_NEWNEXTHOP`), created before routes.
    #[serde(default, rename = "nexthop")]
    pub nexthops: Vec<NexthopDef>,
    /// Static routes (in addition to the interface routes the kernel adds).
    #[serde(default, rename = "route")]
    pub routes: Vec<RouteDef>,
    /// ARP / NDP entries.
    #[serde(default, rename = "neighbor")]
    pub neighbors: Vec<NeighborDef>,
}

/// One interface.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct InterfaceDef {
    /// FreeBSD name, e.g. `em0`.
    pub name: String,
    /// `loopback`, `ether`, `bridge`, `tun`, `vlan` or `gif`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Link-level address `aa:bb:cc:dd:ee:ff` (Ethernet-like types).
    #[serde(default)]
    pub mac: Option<String>,
    /// MTU (default depends on the type).
    #[serde(default)]
    pub mtu: Option<u32>,
    /// Administratively up (IFF_UP, and IFF_DRV_RUNNING).
    #[serde(default)]
    pub up: bool,
    /// Media active (Ethernet-like types; others follow `up`).
    #[serde(default)]
    pub carrier: Option<bool>,
    /// `ifconfig … description`.
    #[serde(default)]
    pub description: Option<String>,
    /// Addresses `addr/plen`, in configuration order.
    #[serde(default)]
    pub addresses: Vec<String>,
    /// Add the IPv6 link-local address when up (default true).
    #[serde(default)]
    pub auto_linklocal: Option<bool>,
    /// Interface counters.
    #[serde(default)]
    pub counters: Option<CountersDef>,
}

/// Interface counters.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct CountersDef {
    /// IFCOUNTER_IPACKETS.
    pub rx_packets: u64,
    /// IFCOUNTER_OPACKETS.
    pub tx_packets: u64,
    /// IFCOUNTER_IBYTES.
    pub rx_bytes: u64,
    /// IFCOUNTER_OBYTES.
    pub tx_bytes: u64,
    /// IFCOUNTER_IERRORS.
    pub rx_errors: u64,
    /// IFCOUNTER_OERRORS.
    pub tx_errors: u64,
    /// IFCOUNTER_IQDROPS.
    pub rx_dropped: u64,
    /// IFCOUNTER_OQDROPS.
    pub tx_dropped: u64,
    /// IFCOUNTER_IMCASTS.
    pub multicast: u64,
    /// IFCOUNTER_NOPROTO.
    pub rx_nohandler: u64,
}

/// One static route.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RouteDef {
    /// FIB number (default 0).
    #[serde(default)]
    pub fib: u32,
    /// `addr/plen` or `default` / `default6`.
    pub dst: String,
    /// Gateway address.
    #[serde(default)]
    pub gateway: Option<String>,
    /// Outgoing interface name.
    #[serde(default)]
    pub interface: Option<String>,
    /// `unicast` (default), `blackhole` or `reject`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// Route MTU (RTF_FIXEDMTU).
    #[serde(default)]
    pub mtu: Option<u32>,
    /// Route weight (`NL_RTA_WEIGHT`).
    #[serde(default)]
    pub weight: Option<u32>,
    /// Routing protocol (`rtm_protocol` > RTPROT_STATIC is stored as the origin).
    #[serde(default)]
    pub protocol: Option<u8>,
    /// Multipath legs.
    #[serde(default)]
    pub multipath: Vec<PathDef>,
    /// User nexthop (or group) id.
    #[serde(default)]
    pub nexthop: Option<u32>,
    /// Seconds until the route expires (`nh_expire`, reported as `NL_RTA_EXPIRES`).
    #[serde(default)]
    pub expire: Option<u32>,
}

/// One leg of a multipath route.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PathDef {
    /// Gateway address.
    pub gateway: String,
    /// Outgoing interface name.
    #[serde(default)]
    pub interface: Option<String>,
    /// Weight (default 1).
    #[serde(default)]
    pub weight: Option<u32>,
}

/// A user nexthop or nexthop group.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct NexthopDef {
    /// User id (`NHA_ID`).
    pub id: u32,
    /// FIB (default 0).
    #[serde(default)]
    pub fib: u32,
    /// `inet` or `inet6` (default: from the gateway).
    #[serde(default)]
    pub family: Option<String>,
    /// Gateway address.
    #[serde(default)]
    pub gateway: Option<String>,
    /// Outgoing interface name.
    #[serde(default)]
    pub interface: Option<String>,
    /// Blackhole nexthop.
    #[serde(default)]
    pub blackhole: bool,
    /// Group members.
    #[serde(default)]
    pub group: Vec<GroupMemberDef>,
}

/// A nexthop group member.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct GroupMemberDef {
    /// Member nexthop id.
    pub id: u32,
    /// Weight (default 1).
    #[serde(default)]
    pub weight: Option<u32>,
}

/// An ARP / NDP entry.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct NeighborDef {
    /// Interface name.
    pub interface: String,
    /// IPv4 or IPv6 address.
    pub dst: String,
    /// Link-level address; absent for an incomplete entry.
    #[serde(default)]
    pub lladdr: Option<String>,
    /// `incomplete`, `reachable`, `stale`, `delay`, `probe` (default `reachable`).
    #[serde(default)]
    pub state: Option<String>,
    /// Static entry (NTF_STICKY, never expires).
    #[serde(default, rename = "static")]
    pub is_static: bool,
    /// Published (proxy) entry.
    #[serde(default)]
    pub proxy: bool,
    /// IPv6 router flag.
    #[serde(default)]
    pub router: bool,
    /// Seconds until the next state change (dynamic entries).
    #[serde(default)]
    pub expire: Option<u32>,
}

fn one() -> u32 {
    1
}

fn default_pid() -> u32 {
    1000
}

/// Why a topology was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopologyError {
    /// TOML syntax or schema error.
    Parse(String),
    /// A value does not make sense (bad address, unknown interface, …).
    Invalid(String),
}

impl std::fmt::Display for TopologyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TopologyError::Parse(s) => write!(f, "topology parse error: {s}"),
            TopologyError::Invalid(s) => write!(f, "invalid topology: {s}"),
        }
    }
}

impl std::error::Error for TopologyError {}

impl Topology {
    /// Parses a TOML topology.
    pub fn from_toml_str(s: &str) -> Result<Topology, TopologyError> {
        toml::from_str(s).map_err(|e| TopologyError::Parse(e.to_string()))
    }

    /// The built-in small FreeBSD server (`topologies/default.toml`).
    pub fn default_host() -> Topology {
        Topology {
            fibs: 1,
            pid: 1000,
            nlsysevent: false,
            release: None,
            interfaces: vec![
                InterfaceDef {
                    name: "em0".into(),
                    kind: "ether".into(),
                    mac: Some("52:54:00:12:34:56".into()),
                    mtu: Some(1500),
                    up: true,
                    carrier: Some(true),
                    description: None,
                    addresses: vec!["192.0.2.10/24".into(), "2001:db8::10/64".into()],
                    auto_linklocal: None,
                    counters: None,
                },
                InterfaceDef {
                    name: "em1".into(),
                    kind: "ether".into(),
                    mac: Some("52:54:00:12:34:57".into()),
                    mtu: Some(1500),
                    up: false,
                    carrier: Some(false),
                    description: None,
                    addresses: vec![],
                    auto_linklocal: None,
                    counters: None,
                },
                InterfaceDef {
                    name: "lo0".into(),
                    kind: "loopback".into(),
                    mac: None,
                    mtu: Some(16384),
                    up: true,
                    carrier: None,
                    description: None,
                    addresses: vec!["::1/128".into(), "127.0.0.1/8".into()],
                    auto_linklocal: None,
                    counters: None,
                },
            ],
            nexthops: vec![],
            routes: vec![
                RouteDef {
                    fib: 0,
                    dst: "0.0.0.0/0".into(),
                    gateway: Some("192.0.2.1".into()),
                    interface: None,
                    kind: None,
                    mtu: None,
                    weight: None,
                    protocol: None,
                    multipath: vec![],
                    nexthop: None,
                    expire: None,
                },
                RouteDef {
                    fib: 0,
                    dst: "::/0".into(),
                    gateway: Some("2001:db8::1".into()),
                    interface: None,
                    kind: None,
                    mtu: None,
                    weight: None,
                    protocol: None,
                    multipath: vec![],
                    nexthop: None,
                    expire: None,
                },
            ],
            neighbors: vec![
                NeighborDef {
                    interface: "em0".into(),
                    dst: "192.0.2.1".into(),
                    lladdr: Some("52:54:00:00:00:01".into()),
                    state: Some("reachable".into()),
                    is_static: false,
                    proxy: false,
                    router: false,
                    expire: Some(1200),
                },
                NeighborDef {
                    interface: "em0".into(),
                    dst: "2001:db8::1".into(),
                    lladdr: Some("52:54:00:00:00:01".into()),
                    state: Some("stale".into()),
                    is_static: false,
                    proxy: false,
                    router: true,
                    expire: Some(86400),
                },
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped `topologies/default.toml` and the built-in default agree.
    #[test]
    fn default_toml_matches_builtin() {
        let parsed = Topology::from_toml_str(DEFAULT_TOML).unwrap();
        assert_eq!(parsed, Topology::default_host());
    }

    #[test]
    fn unknown_key_rejected() {
        let e = Topology::from_toml_str("fibz = 2\n").unwrap_err();
        assert!(matches!(e, TopologyError::Parse(_)));
    }
}
