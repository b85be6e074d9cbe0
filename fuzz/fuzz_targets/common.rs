// SPDX-License-Identifier: BSD-2-Clause
//! A fixed host shared by the fuzz targets: 1 em0 (eth0), 2 em1 (eth1), 3 lo0, 4 bridge0.

use nlcompat::{Host, IfName};

pub struct FuzzHost;

const IFS: &[(u32, &[u8], u16, Option<u32>)] = &[
    (1, b"em0", 6, Some(0)),
    (2, b"em1", 6, Some(1)),
    (3, b"lo0", 24, None),
    (4, b"bridge0", 209, None),
];

impl Host for FuzzHost {
    fn ifname(&self, index: u32) -> Option<IfName> {
        IFS.iter().find(|i| i.0 == index).and_then(|i| IfName::new(i.1))
    }
    fn ifindex(&self, name: &[u8]) -> Option<u32> {
        IFS.iter().find(|i| i.1 == name).map(|i| i.0)
    }
    fn iftype(&self, index: u32) -> Option<u16> {
        IFS.iter().find(|i| i.0 == index).map(|i| i.2)
    }
    fn linux_ethno(&self, index: u32) -> Option<u32> {
        IFS.iter().find(|i| i.0 == index).and_then(|i| i.3)
    }
    fn ifindex_by_ethno(&self, n: u32) -> Option<u32> {
        IFS.iter().find(|i| i.3 == Some(n)).map(|i| i.0)
    }
    fn first_loopback(&self) -> Option<u32> {
        Some(3)
    }
}

/// Picks the protocol from the first input byte so both tables get exercised.
pub fn proto(data: &[u8]) -> nlcompat::Proto {
    match data.first() {
        Some(b) if b & 1 == 1 => nlcompat::Proto::Generic,
        _ => nlcompat::Proto::Route,
    }
}
