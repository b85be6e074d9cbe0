// SPDX-License-Identifier: BSD-2-Clause
//! `sys/netinet6/in6_ifattach.c` (`in6_get_hw_ifid`, `in6_get_ifid`,
//! `in6_get_rand_ifid`; `IFID_UNIVERSAL`): interface ids for link-local addresses.

use std::net::Ipv6Addr;

use crate::kernel::Kernel;

/// EUI-64 link-local address of a MAC (`in6_get_hw_ifid`).
pub(crate) fn eui64_ll(mac: &[u8]) -> Ipv6Addr {
    let m = |i: usize| mac.get(i).copied().unwrap_or(0);
    Ipv6Addr::from([
        0xfe,
        0x80,
        0,
        0,
        0,
        0,
        0,
        0,
        m(0) ^ 0x02,
        m(1),
        m(2),
        0xff,
        0xfe,
        m(3),
        m(4),
        m(5),
    ])
}

impl Kernel {
    /// The link-local address of an interface without a hardware address
    /// (`in6_get_ifid()`, `sys/netinet6/in6_ifattach.c`): the EUI-64 of the first other
    /// interface whose hardware address gives a universal id (`IFID_UNIVERSAL`), else
    /// the random last resort (`in6_get_rand_ifid()`: "u" bit local, "g" bit individual),
    /// which the model makes a fixed value derived from the interface index.
    pub(crate) fn borrowed_ll(&self, index: u32) -> Ipv6Addr {
        let universal = self.state.ifaces.iter().find(|o| {
            o.index != index
                && o.kind.has_lladdr()
                && o.lladdr.len() == 6
                && o.lladdr.first().is_some_and(|b| b & 0x02 == 0)
        });
        if let Some(o) = universal {
            return eui64_ll(&o.lladdr);
        }
        let b = index.to_be_bytes();
        Ipv6Addr::from([
            0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x0c, 0x5e, 0xf1, 0x00, b[0], b[1], b[2], b[3],
        ])
    }
}
