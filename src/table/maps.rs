// SPDX-License-Identifier: BSD-2-Clause
//! Value maps (codes such as `AF_*`, `IFT_*`/`ARPHRD_*`, table ids) and flag maps.

use super::Dir;

/// What a [`ValueMap`] does with a value that has no row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown<T> {
    /// Keep the number: only where both ABIs share the numbering past the listed rows.
    Keep,
    /// Fail the conversion (the engine reports it, e.g. as EAFNOSUPPORT for a family).
    Reject,
    /// Use this value on the Linux side / this value on the FreeBSD side.
    Default {
        /// Value written when translating to Linux.
        linux: T,
        /// Value written when translating to FreeBSD.
        freebsd: T,
    },
}

/// Pairs of equivalent codes. Lookup takes the first row whose source side matches, so a
/// many-to-one mapping lists its preferred reverse row first.
#[derive(Debug)]
pub struct ValueMap<T: 'static> {
    /// Name for docs.
    pub name: &'static str,
    /// `(linux, freebsd)` rows.
    pub pairs: &'static [(T, T)],
    /// Policy for values without a row.
    pub unknown: Unknown<T>,
}

impl<T: Copy + PartialEq> ValueMap<T> {
    /// Converts `v` in direction `dir`; `None` when the policy rejects it.
    #[must_use]
    pub fn map(&self, dir: Dir, v: T) -> Option<T> {
        let hit = self.pairs.iter().find_map(|&(l, f)| match dir {
            Dir::LinuxToFreebsd if l == v => Some(f),
            Dir::FreebsdToLinux if f == v => Some(l),
            _ => None,
        });
        match (hit, self.unknown) {
            (Some(out), _) => Some(out),
            (None, Unknown::Keep) => Some(v),
            (None, Unknown::Reject) => None,
            (None, Unknown::Default { linux, freebsd }) => Some(match dir {
                Dir::LinuxToFreebsd => freebsd,
                Dir::FreebsdToLinux => linux,
            }),
        }
    }
}

/// What happens to set bits that no row of a [`FlagMap`] covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Residual {
    /// Clear them: the same bit may mean something else on the other side.
    Drop,
    /// Keep them as they are (only where the bit layouts are proven equal).
    Keep,
}

/// A bit-for-bit translation of a flag word.
#[derive(Debug)]
pub struct FlagMap {
    /// Name for docs.
    pub name: &'static str,
    /// `(linux bit(s), freebsd bit(s))` rows; a row applies when all its source bits are set.
    pub pairs: &'static [(u32, u32)],
    /// Policy for bits no row covers.
    pub residual: Residual,
}

impl FlagMap {
    /// Converts the flag word `v` in direction `dir`.
    #[must_use]
    pub fn map(&self, dir: Dir, v: u32) -> u32 {
        let mut out = 0u32;
        let mut covered = 0u32;
        for &(l, f) in self.pairs {
            let (src, dst) = match dir {
                Dir::LinuxToFreebsd => (l, f),
                Dir::FreebsdToLinux => (f, l),
            };
            covered |= src;
            if src != 0 && v & src == src {
                out |= dst;
            }
        }
        match self.residual {
            Residual::Drop => out,
            Residual::Keep => out | (v & !covered),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static M: ValueMap<u8> = ValueMap {
        name: "t",
        pairs: &[(10, 28), (2, 2), (17, 0), (0, 0)],
        unknown: Unknown::Reject,
    };

    #[test]
    fn value_map_both_ways_and_many_to_one() {
        assert_eq!(M.map(Dir::LinuxToFreebsd, 10), Some(28));
        assert_eq!(M.map(Dir::FreebsdToLinux, 28), Some(10));
        assert_eq!(M.map(Dir::LinuxToFreebsd, 17), Some(0));
        // The first row whose FreeBSD side is 0 wins going back.
        assert_eq!(M.map(Dir::FreebsdToLinux, 0), Some(17));
        assert_eq!(M.map(Dir::LinuxToFreebsd, 99), None);
    }

    static F: FlagMap = FlagMap {
        name: "f",
        pairs: &[(0x1, 0x1), (0x1000, 0x8000), (0x10000, 0x100_0000)],
        residual: Residual::Drop,
    };

    #[test]
    fn flag_map_moves_and_drops_bits() {
        assert_eq!(F.map(Dir::FreebsdToLinux, 0x8001 | 0x1000), 0x1001);
        assert_eq!(F.map(Dir::FreebsdToLinux, 0x100_0000), 0x10000);
        assert_eq!(F.map(Dir::LinuxToFreebsd, 0x1001), 0x8001);
    }
}
