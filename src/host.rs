// SPDX-License-Identifier: BSD-2-Clause
//! What the translator must ask its host: interface names, indexes and types.
//!
//! Interface naming follows FreeBSD's Linuxulator (`sys/compat/linux/linux_if.c`): FreeBSD's
//! `lo0` is Linux `lo`; an Ethernet interface (`IFT_ETHER`) is `ethN`, N being its
//! per-interface Linux number (`if_linux_ethno`, allocated on arrival); every other interface
//! keeps its FreeBSD name; `compat.linux.use_real_ifnames` turns the aliases off.
//! The kernel supplies the host through `ffi`, the model in user space.

/// Longest interface name including its NUL (`IFNAMSIZ`, 16 on both systems).
pub const IFNAMSIZ: usize = 16;

/// An interface name without NUL, at most `IFNAMSIZ - 1` bytes, stored inline.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct IfName {
    buf: [u8; IFNAMSIZ],
    len: u8,
}

impl IfName {
    /// Builds a name from bytes (stops at a NUL); `None` if longer than 15 bytes.
    #[must_use]
    pub fn new(name: &[u8]) -> Option<IfName> {
        let end = name.iter().position(|&b| b == 0).unwrap_or(name.len());
        let name = name.get(..end)?;
        let mut buf = [0u8; IFNAMSIZ];
        buf.get_mut(..name.len())?.copy_from_slice(name);
        let len = u8::try_from(name.len()).ok()?;
        if usize::from(len) >= IFNAMSIZ {
            return None;
        }
        Some(IfName { buf, len })
    }

    /// The name's bytes (no NUL).
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(..usize::from(self.len)).unwrap_or_default()
    }

    /// `prefix` followed by the decimal `n` (`eth` + 3 = `eth3`).
    #[must_use]
    pub fn with_unit(prefix: &[u8], n: u32) -> Option<IfName> {
        let mut digits = [0u8; 10];
        let mut i = digits.len();
        let mut v = n;
        loop {
            i = i.checked_sub(1)?;
            *digits.get_mut(i)? = b'0'.checked_add(u8::try_from(v % 10).ok()?)?;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        let digits = digits.get(i..)?;
        let mut buf = [0u8; IFNAMSIZ];
        let total = prefix.len().checked_add(digits.len())?;
        buf.get_mut(..prefix.len())?.copy_from_slice(prefix);
        buf.get_mut(prefix.len()..total)?.copy_from_slice(digits);
        IfName::new(buf.get(..total)?)
    }
}

impl core::fmt::Debug for IfName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for &b in self.as_bytes() {
            write!(f, "{}", char::from(b))?;
        }
        Ok(())
    }
}

/// FreeBSD interface facts the translator needs, by FreeBSD interface index.
///
/// Implementations must not sleep or allocate: the kernel calls the translator under locks.
pub trait Host {
    /// The FreeBSD name of interface `index`.
    fn ifname(&self, index: u32) -> Option<IfName>;
    /// The index of the interface with FreeBSD name `name`.
    fn ifindex(&self, name: &[u8]) -> Option<u32>;
    /// The interface's `if_type` (`IFT_*`).
    fn iftype(&self, index: u32) -> Option<u16>;
    /// The Linuxulator's Ethernet number of the interface (`if_linux_ethno`), if Ethernet.
    fn linux_ethno(&self, index: u32) -> Option<u32>;
    /// The index of the Ethernet interface whose Linux number is `n`.
    fn ifindex_by_ethno(&self, n: u32) -> Option<u32>;
    /// The index of the first loopback interface (`IFT_LOOP`).
    fn first_loopback(&self) -> Option<u32>;
    /// `compat.linux.use_real_ifnames`: show FreeBSD names instead of `ethN`/`lo`.
    fn use_real_ifnames(&self) -> bool {
        false
    }
}

/// One interface of a [`StaticHost`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaticIf<'a> {
    /// Interface index.
    pub index: u32,
    /// FreeBSD name.
    pub name: &'a [u8],
    /// `if_type` (`IFT_*`).
    pub iftype: u16,
    /// The Linuxulator's Ethernet number, for Ethernet interfaces.
    pub linux_ethno: Option<u32>,
}

/// A host over a fixed list of interfaces: for tests, fuzzing, benchmarks and offline
/// translation of captures.
#[derive(Debug, Clone, Copy)]
pub struct StaticHost<'a> {
    /// The interfaces.
    pub ifs: &'a [StaticIf<'a>],
    /// `compat.linux.use_real_ifnames`.
    pub real_names: bool,
}

impl StaticHost<'_> {
    /// The interface with index `index`. Interfaces listed in index order without gaps (as
    /// hosts number them) are found at their position, in one step; any other list is
    /// scanned.
    fn by_index(&self, index: u32) -> Option<&StaticIf<'_>> {
        let first = self.ifs.first()?.index;
        let at = index
            .checked_sub(first)
            .and_then(|d| usize::try_from(d).ok());
        if let Some(i) = at.and_then(|at| self.ifs.get(at)) {
            if i.index == index {
                return Some(i);
            }
        }
        self.ifs.iter().find(|i| i.index == index)
    }
}

impl Host for StaticHost<'_> {
    fn ifname(&self, index: u32) -> Option<IfName> {
        IfName::new(self.by_index(index)?.name)
    }
    fn ifindex(&self, name: &[u8]) -> Option<u32> {
        self.ifs.iter().find(|i| i.name == name).map(|i| i.index)
    }
    fn iftype(&self, index: u32) -> Option<u16> {
        self.by_index(index).map(|i| i.iftype)
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
            .find(|i| i.iftype == IFT_LOOP)
            .map(|i| i.index)
    }
    fn use_real_ifnames(&self) -> bool {
        self.real_names
    }
}

/// `IFT_ETHER`, FreeBSD `sys/net/if_types.h`.
const IFT_ETHER: u16 = 0x6;
/// `IFT_LOOP`, FreeBSD `sys/net/if_types.h`.
const IFT_LOOP: u16 = 0x18;

/// The Linux name of FreeBSD interface `index` (`ifname_bsd_to_linux_ifp` rules).
#[must_use]
pub fn linux_name(host: &dyn Host, index: u32) -> Option<IfName> {
    let name = host.ifname(index)?;
    if host.use_real_ifnames() {
        return Some(name);
    }
    match host.iftype(index) {
        Some(IFT_LOOP) if name.as_bytes() == b"lo0" => IfName::new(b"lo"),
        Some(IFT_ETHER) => match host.linux_ethno(index) {
            Some(n) => IfName::with_unit(b"eth", n),
            None => Some(name),
        },
        _ => Some(name),
    }
}

/// The Linux name for a FreeBSD name (looked up by name first).
#[must_use]
pub fn linux_name_of(host: &dyn Host, freebsd_name: &[u8]) -> Option<IfName> {
    let index = host.ifindex(freebsd_name)?;
    linux_name(host, index)
}

/// The Linux name for a FreeBSD name, trying interface `hint` first: the index a message's
/// header carries (`ifi_index`, `ifa_index`) names the interface whose name the message holds,
/// so when the host's name for `hint` is `freebsd_name` that is the interface, found in one
/// step instead of a walk over every name ([`Host::ifindex`]; in the kernel `ifunit()` walks
/// the interface list too). Otherwise the name is looked up as [`linux_name_of`] does. Both
/// agree whenever names are unique, as they are on a host.
#[must_use]
pub fn linux_name_hinted(host: &dyn Host, freebsd_name: &[u8], hint: u32) -> Option<IfName> {
    match host.ifname(hint) {
        Some(n) if n.as_bytes() == freebsd_name => linux_name(host, hint),
        _ => linux_name_of(host, freebsd_name),
    }
}

/// The FreeBSD interface a Linux name designates (`ifname_linux_to_ifp` rules): an exact
/// FreeBSD name first, then `ethN` by Linux number, then `lo` as the first loopback.
#[must_use]
pub fn freebsd_index(host: &dyn Host, linux_name: &[u8]) -> Option<u32> {
    if let Some(i) = host.ifindex(linux_name) {
        return Some(i);
    }
    if host.use_real_ifnames() {
        return None;
    }
    if linux_name == b"lo" {
        return host.first_loopback();
    }
    let digits = linux_name.strip_prefix(b"eth")?;
    if digits.is_empty() || digits.len() > 9 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = digits.iter().try_fold(0u32, |acc, &d| {
        acc.checked_mul(10)?
            .checked_add(u32::from(d.checked_sub(b'0')?))
    })?;
    let index = host.ifindex_by_ethno(n)?;
    (host.iftype(index) == Some(IFT_ETHER)).then_some(index)
}

/// The FreeBSD name a Linux name designates.
#[must_use]
pub fn freebsd_name(host: &dyn Host, linux_name: &[u8]) -> Option<IfName> {
    host.ifname(freebsd_index(host, linux_name)?)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const IFS: &[StaticIf<'static>] = &[
        StaticIf {
            index: 1,
            name: b"lo0",
            iftype: IFT_LOOP,
            linux_ethno: None,
        },
        StaticIf {
            index: 2,
            name: b"em0",
            iftype: IFT_ETHER,
            linux_ethno: Some(0),
        },
        StaticIf {
            index: 3,
            name: b"em1",
            iftype: IFT_ETHER,
            linux_ethno: Some(1),
        },
        StaticIf {
            index: 4,
            name: b"bridge0",
            iftype: 209,
            linux_ethno: None,
        },
        StaticIf {
            index: 5,
            name: b"lo1",
            iftype: IFT_LOOP,
            linux_ethno: None,
        },
    ];

    /// A fixed host: 1 lo0, 2 em0 (eth0), 3 em1 (eth1), 4 bridge0, 5 lo1.
    pub(crate) fn test_host(real: bool) -> StaticHost<'static> {
        StaticHost {
            ifs: IFS,
            real_names: real,
        }
    }

    fn ln(h: &dyn Host, i: u32) -> Vec<u8> {
        linux_name(h, i).unwrap().as_bytes().to_vec()
    }

    #[test]
    fn names_freebsd_to_linux() {
        let h = test_host(false);
        assert_eq!(ln(&h, 1), b"lo");
        assert_eq!(ln(&h, 2), b"eth0");
        assert_eq!(ln(&h, 3), b"eth1");
        assert_eq!(ln(&h, 4), b"bridge0");
        assert_eq!(ln(&h, 5), b"lo1");
        let real = test_host(true);
        assert_eq!(ln(&real, 1), b"lo0");
        assert_eq!(ln(&real, 2), b"em0");
    }

    #[test]
    fn names_linux_to_freebsd() {
        let h = test_host(false);
        assert_eq!(freebsd_index(&h, b"eth1"), Some(3));
        assert_eq!(freebsd_index(&h, b"lo"), Some(1));
        assert_eq!(freebsd_index(&h, b"em0"), Some(2));
        assert_eq!(freebsd_index(&h, b"bridge0"), Some(4));
        assert_eq!(freebsd_index(&h, b"eth7"), None);
        assert_eq!(freebsd_index(&h, b"eth"), None);
        assert_eq!(freebsd_index(&h, b"eth01x"), None);
        assert_eq!(freebsd_index(&test_host(true), b"eth0"), None);
    }

    #[test]
    fn lookups_by_index_in_any_list_order() {
        // Dense and in order (found at its position), shuffled, with gaps, empty.
        let shuffled = [IFS[3], IFS[0], IFS[4], IFS[2], IFS[1]];
        let gaps = [IFS[1], IFS[4]];
        for ifs in [IFS, &shuffled[..], &gaps[..], &[]] {
            let h = StaticHost {
                ifs,
                real_names: false,
            };
            for i in 0..8 {
                let want = ifs.iter().find(|x| x.index == i);
                assert_eq!(h.iftype(i), want.map(|x| x.iftype), "index {i}");
                assert_eq!(h.linux_ethno(i), want.and_then(|x| x.linux_ethno));
                assert_eq!(
                    h.ifname(i).map(|n| n.as_bytes().to_vec()),
                    want.map(|x| x.name.to_vec())
                );
            }
        }
    }

    /// A host that counts the name lookups ([`Host::ifindex`]) made through it.
    struct CountingHost(StaticHost<'static>, core::cell::Cell<u32>);

    impl Host for CountingHost {
        fn ifname(&self, index: u32) -> Option<IfName> {
            self.0.ifname(index)
        }
        fn ifindex(&self, name: &[u8]) -> Option<u32> {
            self.1.set(self.1.get().saturating_add(1));
            self.0.ifindex(name)
        }
        fn iftype(&self, index: u32) -> Option<u16> {
            self.0.iftype(index)
        }
        fn linux_ethno(&self, index: u32) -> Option<u32> {
            self.0.linux_ethno(index)
        }
        fn ifindex_by_ethno(&self, n: u32) -> Option<u32> {
            self.0.ifindex_by_ethno(n)
        }
        fn first_loopback(&self) -> Option<u32> {
            self.0.first_loopback()
        }
    }

    #[test]
    fn a_name_is_found_by_the_header_index_when_it_matches() {
        let h = CountingHost(test_host(false), core::cell::Cell::new(0));
        for name in [
            &b"lo0"[..],
            b"em0",
            b"em1",
            b"bridge0",
            b"lo1",
            b"nope",
            b"",
        ] {
            for hint in 0..8 {
                h.1.set(0);
                let got = linux_name_hinted(&h, name, hint);
                let scans = h.1.get();
                assert_eq!(got, linux_name_of(&h.0, name), "{name:?} hint {hint}");
                let matches = h.0.ifname(hint).is_some_and(|n| n.as_bytes() == name);
                // The right index answers without a walk over the names; any other falls back.
                assert_eq!(scans, u32::from(!matches), "{name:?} hint {hint}");
            }
        }
    }

    #[test]
    fn ifname_units_and_limits() {
        assert_eq!(IfName::with_unit(b"eth", 0).unwrap().as_bytes(), b"eth0");
        assert_eq!(
            IfName::with_unit(b"eth", 4_294_967_295).unwrap().as_bytes(),
            b"eth4294967295"
        );
        assert!(IfName::new(b"0123456789abcdef").is_none());
        assert_eq!(IfName::new(b"em0\0junk").unwrap().as_bytes(), b"em0");
    }
}
