// SPDX-License-Identifier: BSD-2-Clause
//! The translator's [`nlcompat::Host`] over a snapshot of the FreeBSD model's interfaces.

use freebsd_sim::IfaceInfo;
use nlcompat::{Host, IfName};
use std::cell::OnceCell;
use std::collections::BTreeMap;

/// Interface facts taken from the model (`Kernel::interfaces`, in index order), with the
/// Linuxulator's `compat.linux.use_real_ifnames` switch. Lookups by index are binary searches;
/// the indexes by name and by `if_linux_ethno` are built on first use (a link dump of N
/// interfaces makes N lookups: a scan each would make it quadratic).
#[derive(Debug, Clone, Default)]
pub(crate) struct SimHost {
    ifs: Vec<IfaceInfo>,
    real_names: bool,
    by_name: OnceCell<BTreeMap<Vec<u8>, u32>>,
    by_ethno: OnceCell<BTreeMap<u32, u32>>,
    loopback: Option<u32>,
}

impl SimHost {
    /// A host over `ifs`.
    pub(crate) fn new(mut ifs: Vec<IfaceInfo>, real_names: bool) -> SimHost {
        ifs.sort_by_key(|i| i.index);
        let loopback = ifs
            .iter()
            .find(|i| i.if_type == freebsd_abi::IFT_LOOP)
            .map(|i| i.index);
        SimHost {
            loopback,
            ifs,
            real_names,
            by_name: OnceCell::new(),
            by_ethno: OnceCell::new(),
        }
    }

    fn by_index(&self, index: u32) -> Option<&IfaceInfo> {
        let pos = self.ifs.binary_search_by_key(&index, |i| i.index).ok()?;
        self.ifs.get(pos)
    }
}

impl Host for SimHost {
    fn ifname(&self, index: u32) -> Option<IfName> {
        IfName::new(self.by_index(index)?.name.as_bytes())
    }

    fn ifindex(&self, name: &[u8]) -> Option<u32> {
        self.by_name
            .get_or_init(|| {
                let mut m = BTreeMap::new();
                for i in &self.ifs {
                    // The first of equal names wins, as a scan in index order would.
                    m.entry(i.name.as_bytes().to_vec()).or_insert(i.index);
                }
                m
            })
            .get(name)
            .copied()
    }

    fn iftype(&self, index: u32) -> Option<u16> {
        self.by_index(index).map(|i| i.if_type)
    }

    fn linux_ethno(&self, index: u32) -> Option<u32> {
        self.by_index(index)?.linux_ethno
    }

    fn ifindex_by_ethno(&self, n: u32) -> Option<u32> {
        self.by_ethno
            .get_or_init(|| {
                let mut m = BTreeMap::new();
                for i in &self.ifs {
                    if let Some(e) = i.linux_ethno {
                        m.entry(e).or_insert(i.index);
                    }
                }
                m
            })
            .get(&n)
            .copied()
    }

    fn first_loopback(&self) -> Option<u32> {
        self.loopback
    }

    fn use_real_ifnames(&self) -> bool {
        self.real_names
    }
}
