// SPDX-License-Identifier: BSD-2-Clause
//! The translator's [`nlcompat::Host`] over a snapshot of the FreeBSD model's interfaces.

use freebsd_sim::IfaceInfo;
use nlcompat::{Host, IfName};

/// Interface facts taken from the model (`Kernel::interfaces`), with the Linuxulator's
/// `compat.linux.use_real_ifnames` switch.
#[derive(Debug, Clone, Default)]
pub(crate) struct SimHost {
    ifs: Vec<IfaceInfo>,
    real_names: bool,
}

impl SimHost {
    /// A host over `ifs`.
    pub(crate) fn new(ifs: Vec<IfaceInfo>, real_names: bool) -> SimHost {
        SimHost { ifs, real_names }
    }

    fn by_index(&self, index: u32) -> Option<&IfaceInfo> {
        self.ifs.iter().find(|i| i.index == index)
    }
}

impl Host for SimHost {
    fn ifname(&self, index: u32) -> Option<IfName> {
        IfName::new(self.by_index(index)?.name.as_bytes())
    }

    fn ifindex(&self, name: &[u8]) -> Option<u32> {
        self.ifs
            .iter()
            .find(|i| i.name.as_bytes() == name)
            .map(|i| i.index)
    }

    fn iftype(&self, index: u32) -> Option<u16> {
        self.by_index(index).map(|i| i.if_type)
    }

    fn linux_ethno(&self, index: u32) -> Option<u32> {
        self.by_index(index)?.linux_ethno
    }

    fn ifindex_by_ethno(&self, n: u32) -> Option<u32> {
        self.ifs
            .iter()
            .find(|i| i.linux_ethno == Some(n))
            .map(|i| i.index)
    }

    fn first_loopback(&self) -> Option<u32> {
        self.ifs
            .iter()
            .find(|i| i.if_type == freebsd_abi::IFT_LOOP)
            .map(|i| i.index)
    }

    fn use_real_ifnames(&self) -> bool {
        self.real_names
    }
}
