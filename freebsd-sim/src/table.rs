// SPDX-License-Identifier: BSD-2-Clause
//! Interface addresses and lltable entries, in the order the kernel keeps them, with the
//! indexes every operation needs to stay O(log N).
//!
//! FreeBSD keeps an interface's addresses on `if_addrhead` (insertion order; `ifa_link` in
//! `sys/net/if.c`), all IPv4 addresses on `V_in_ifaddrhead` (`sys/netinet/in.c`) and finds
//! them by hash (`in_ifaddrhashtbl`, `IN_IFADDR_HASH`); lltable entries sit in per-interface
//! hash tables (`sys/net/if_llatbl.c`, `lltable_find`). The model keeps one insertion
//! sequence over all entries (global order, as the lists iterate) and ordered indexes by
//! `(interface, address)`, by interface (and family), by address and by point-to-point peer, so
//! that adding, finding and removing one entry costs O(log N), and range questions (an
//! interface's entries, a prefix's entries) cost O(log N + answers).

use std::collections::{BTreeMap, BTreeSet};
use std::net::IpAddr;

use crate::state::{family_of, Ifa, Neigh};

/// What a table entry is filed under.
pub(crate) trait Entry: Clone {
    /// The interface it belongs to.
    fn ifindex(&self) -> u32;
    /// Its address (an interface address, or a neighbour's destination).
    fn addr(&self) -> IpAddr;
    /// Point-to-point peer (`ifa_dstaddr`), if any.
    fn peer(&self) -> Option<IpAddr> {
        None
    }
    /// Prefix length, for entries that have one (interface addresses).
    fn plen(&self) -> Option<u8> {
        None
    }
}

impl Entry for Ifa {
    fn ifindex(&self) -> u32 {
        self.ifindex
    }
    fn addr(&self) -> IpAddr {
        self.addr
    }
    fn peer(&self) -> Option<IpAddr> {
        self.dst
    }
    fn plen(&self) -> Option<u8> {
        Some(self.plen)
    }
}

impl Entry for Neigh {
    fn ifindex(&self) -> u32 {
        self.ifindex
    }
    fn addr(&self) -> IpAddr {
        self.dst
    }
}

/// Entries unique by `(interface, address)`, iterated in insertion order.
///
/// The indexed fields (interface, address, peer) of a stored entry must not be changed
/// through [`Table::get_mut`]; re-insert instead.
#[derive(Debug, Clone)]
pub(crate) struct Table<T: Entry> {
    next: u64,
    items: BTreeMap<u64, T>,
    keys: BTreeMap<(u32, IpAddr), u64>,
    by_if: BTreeSet<(u32, u64)>,
    by_if_family: BTreeSet<(u32, u8, u64)>,
    by_addr: BTreeSet<(IpAddr, u64)>,
    by_peer: BTreeSet<(IpAddr, u64)>,
    by_plen: BTreeSet<(u8, IpAddr, u64)>,
}

impl<T: Entry> Default for Table<T> {
    fn default() -> Self {
        Self {
            next: 0,
            items: BTreeMap::new(),
            keys: BTreeMap::new(),
            by_if: BTreeSet::new(),
            by_if_family: BTreeSet::new(),
            by_addr: BTreeSet::new(),
            by_peer: BTreeSet::new(),
            by_plen: BTreeSet::new(),
        }
    }
}

impl<T: Entry> Table<T> {
    /// Every entry, oldest first.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = &T> {
        self.items.values()
    }

    /// Number of entries.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// The entry for `addr` on interface `ifindex`.
    pub(crate) fn get(&self, ifindex: u32, addr: &IpAddr) -> Option<&T> {
        let seq = self.keys.get(&(ifindex, *addr))?;
        self.items.get(seq)
    }

    /// Mutable access to the entry for `addr` on `ifindex` (indexed fields stay as they are).
    pub(crate) fn get_mut(&mut self, ifindex: u32, addr: &IpAddr) -> Option<&mut T> {
        let seq = self.keys.get(&(ifindex, *addr))?;
        self.items.get_mut(seq)
    }

    /// Appends `v`; an entry with the same interface and address is removed first (so the
    /// new one goes to the end, as unlinking and linking again does).
    pub(crate) fn push(&mut self, v: T) {
        let (ifindex, addr) = (v.ifindex(), v.addr());
        self.remove(ifindex, &addr);
        let seq = self.next;
        self.next = self.next.saturating_add(1);
        self.keys.insert((ifindex, addr), seq);
        self.by_if.insert((ifindex, seq));
        self.by_if_family.insert((ifindex, family_of(&addr), seq));
        self.by_addr.insert((addr, seq));
        if let Some(p) = v.peer() {
            self.by_peer.insert((p, seq));
        }
        if let Some(l) = v.plen() {
            self.by_plen.insert((l, addr, seq));
        }
        self.items.insert(seq, v);
    }

    /// Removes and returns the entry for `addr` on `ifindex`.
    pub(crate) fn remove(&mut self, ifindex: u32, addr: &IpAddr) -> Option<T> {
        let seq = self.keys.remove(&(ifindex, *addr))?;
        let v = self.items.remove(&seq)?;
        self.by_if.remove(&(ifindex, seq));
        self.by_if_family.remove(&(ifindex, family_of(addr), seq));
        self.by_addr.remove(&(*addr, seq));
        if let Some(p) = v.peer() {
            self.by_peer.remove(&(p, seq));
        }
        if let Some(l) = v.plen() {
            self.by_plen.remove(&(l, *addr, seq));
        }
        Some(v)
    }

    fn at(&self, seq: &u64) -> Option<&T> {
        self.items.get(seq)
    }

    /// The entries of interface `ifindex`, oldest first.
    pub(crate) fn on_if(&self, ifindex: u32) -> impl Iterator<Item = &T> {
        self.by_if
            .range((ifindex, 0)..=(ifindex, u64::MAX))
            .filter_map(|(_, s)| self.at(s))
    }

    /// The entries of interface `ifindex` in address family `family`, oldest first.
    pub(crate) fn on_if_family(&self, ifindex: u32, family: u8) -> impl Iterator<Item = &T> {
        self.by_if_family
            .range((ifindex, family, 0)..=(ifindex, family, u64::MAX))
            .filter_map(|(_, _, s)| self.at(s))
    }

    /// The oldest entry with address `addr`, on any interface.
    pub(crate) fn first_with_addr(&self, addr: &IpAddr) -> Option<&T> {
        self.by_addr
            .range((*addr, 0)..=(*addr, u64::MAX))
            .next()
            .and_then(|(_, s)| self.at(s))
    }

    /// Entries whose address lies in `lo..=hi` (one family), oldest first.
    pub(crate) fn in_range(&self, lo: IpAddr, hi: IpAddr) -> Vec<&T> {
        let mut seqs: Vec<u64> = self
            .by_addr
            .range((lo, 0)..=(hi, u64::MAX))
            .map(|&(_, s)| s)
            .collect();
        seqs.sort_unstable();
        seqs.iter().filter_map(|s| self.at(s)).collect()
    }

    /// Entries whose address lies in `lo..=hi`, in address order (for "is there one" questions).
    pub(crate) fn in_range_any_order(&self, lo: IpAddr, hi: IpAddr) -> impl Iterator<Item = &T> {
        self.by_addr
            .range((lo, 0)..=(hi, u64::MAX))
            .filter_map(|(_, s)| self.at(s))
    }

    /// Entries with prefix length `plen` whose address lies in `lo..=hi`, in address order.
    pub(crate) fn with_plen_in_range(
        &self,
        plen: u8,
        lo: IpAddr,
        hi: IpAddr,
    ) -> impl Iterator<Item = &T> {
        self.by_plen
            .range((plen, lo, 0)..=(plen, hi, u64::MAX))
            .filter_map(|(_, _, s)| self.at(s))
    }

    /// Insertion sequence number of the entry for `addr` on `ifindex` (smaller = older).
    pub(crate) fn seq(&self, ifindex: u32, addr: &IpAddr) -> Option<u64> {
        self.keys.get(&(ifindex, *addr)).copied()
    }

    /// Entries whose point-to-point peer is `peer`, oldest first.
    pub(crate) fn with_peer(&self, peer: &IpAddr) -> impl Iterator<Item = &T> {
        self.by_peer
            .range((*peer, 0)..=(*peer, u64::MAX))
            .filter_map(|(_, s)| self.at(s))
    }
}

/// First and last address of `prefix/plen` (host bits cleared, then set).
pub(crate) fn prefix_bounds(prefix: &IpAddr, plen: u8) -> (IpAddr, IpAddr) {
    match prefix {
        IpAddr::V4(a) => {
            let v = u32::from(*a);
            let host = u32::MAX.checked_shr(u32::from(plen)).unwrap_or(0);
            (
                IpAddr::V4((v & !host).into()),
                IpAddr::V4((v | host).into()),
            )
        }
        IpAddr::V6(a) => {
            let v = u128::from(*a);
            let host = u128::MAX.checked_shr(u32::from(plen)).unwrap_or(0);
            (
                IpAddr::V6((v & !host).into()),
                IpAddr::V6((v | host).into()),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(ifindex: u32, dst: &str) -> Neigh {
        Neigh {
            ifindex,
            dst: dst.parse().unwrap(),
            lladdr: None,
            state: 0,
            is_static: false,
            is_pub: false,
            is_ifaddr: false,
            is_router: false,
            probes: 0,
            next_state_ts: 0,
        }
    }

    fn dsts<'a>(it: impl IntoIterator<Item = &'a Neigh>) -> Vec<String> {
        it.into_iter().map(|n| n.dst.to_string()).collect()
    }

    #[test]
    fn insertion_order_kept_and_replacement_moves_to_end() {
        let mut t = Table::default();
        t.push(n(2, "192.0.2.1"));
        t.push(n(1, "2001:db8::1"));
        t.push(n(1, "192.0.2.2"));
        t.push(n(2, "192.0.2.1"));
        assert_eq!(t.len(), 3);
        assert_eq!(dsts(t.iter()), ["2001:db8::1", "192.0.2.2", "192.0.2.1"]);
        assert_eq!(dsts(t.on_if(1)), ["2001:db8::1", "192.0.2.2"]);
        assert_eq!(
            dsts(t.on_if_family(1, crate::state::family_of(&"192.0.2.2".parse().unwrap()))),
            ["192.0.2.2"]
        );
        assert!(t.remove(1, &"192.0.2.2".parse().unwrap()).is_some());
        assert!(t.get(1, &"192.0.2.2".parse().unwrap()).is_none());
        assert_eq!(dsts(t.on_if(1)), ["2001:db8::1"]);
    }

    #[test]
    fn ranges_answer_in_insertion_order() {
        let mut t = Table::default();
        t.push(n(1, "10.0.0.9"));
        t.push(n(2, "10.0.1.1"));
        t.push(n(3, "10.0.0.3"));
        t.push(n(1, "10.0.0.3"));
        let (lo, hi) = prefix_bounds(&"10.0.0.77".parse().unwrap(), 24);
        assert_eq!(lo.to_string(), "10.0.0.0");
        assert_eq!(hi.to_string(), "10.0.0.255");
        let got: Vec<(u32, String)> = t
            .in_range(lo, hi)
            .into_iter()
            .map(|n| (n.ifindex, n.dst.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                (1, "10.0.0.9".into()),
                (3, "10.0.0.3".into()),
                (1, "10.0.0.3".into())
            ]
        );
        assert_eq!(
            t.first_with_addr(&"10.0.0.3".parse().unwrap())
                .unwrap()
                .ifindex,
            3
        );
        let (lo, hi) = prefix_bounds(&"2001:db8::".parse().unwrap(), 0);
        assert_eq!(
            (lo.to_string(), hi.to_string()),
            (
                "::".into(),
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff".into()
            )
        );
    }
}
