// SPDX-License-Identifier: BSD-2-Clause
//! Attribute tables: rows pairing Linux and FreeBSD attribute ids with a conversion.

use super::maps::{FlagMap, ValueMap};
use super::state::MsgState;
use super::Dir;
use crate::wire::{Attr, Writer};
use crate::Result;

/// A hand-written conversion for a row whose payload layout differs between the ABIs.
///
/// `out_type` is the attribute id on the output side (flag bits included), or `None` when the
/// row has no counterpart there and the function may emit something else or nothing.
pub type CustomFn = fn(
    st: &mut MsgState<'_>,
    dir: Dir,
    attr: Attr<'_>,
    out_type: Option<u16>,
    w: &mut Writer<'_>,
) -> Result<()>;

/// The in-place form of a [`Kind::Patched`] row, for the copy-and-patch path
/// ([`crate::engine`]): `out` starts with the attribute as copied into the output (header,
/// payload and padding, the padding zeroed, `nla_type` already the output id) and goes on
/// with room the attribute may grow into; `src` is the attribute it was copied from. It
/// rewrites the start of `out` (`nla_len` included) into exactly what the row's
/// [`CustomFn`] would write and returns that size, padding included (0: nothing), or `None`
/// when it cannot, and the message then takes the general path. It writes nothing past the
/// larger of that size and the attribute's own padded size.
pub type PatchFn = fn(st: &MsgState<'_>, dir: Dir, src: Attr<'_>, out: &mut [u8]) -> Option<usize>;

/// How an attribute's payload converts.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Same payload on both sides.
    Copy,
    /// A fixed-size structure whose two versions differ only in length: zero-padded or
    /// truncated to the output side's size (`IFLA_STATS64`).
    Sized {
        /// Payload size on Linux.
        linux: usize,
        /// Payload size on FreeBSD.
        freebsd: usize,
    },
    /// A `u8` code through a map.
    U8(&'static ValueMap<u8>),
    /// A `u32` code through a map.
    U32(&'static ValueMap<u32>),
    /// A `u32` flag word through a flag map.
    Flags32(&'static FlagMap),
    /// An integer of this many bytes (2 or 4, checked by [`valid`]) in network byte order on
    /// Linux and in host order on FreeBSD: values Linux writes with `nla_put_be16` /
    /// `nla_put_be32` and FreeBSD as plain integers (the gre key and UDP port). A payload of
    /// another size is refused, as both kernels' attribute policies refuse it.
    NetOrder(usize),
    /// An interface name (`IFLA_IFNAME`, `IFA_LABEL`): FreeBSD names become Linux names by
    /// the Linuxulator's rules ([`crate::host`]); a Linux name goes back to the FreeBSD
    /// interface it designates, and a name no interface has (a link being created) passes
    /// unchanged.
    IfName,
    /// A nested attribute list, translated with its own table.
    Nested(&'static AttrTable),
    /// A hand-written conversion.
    Custom(CustomFn),
    /// A hand-written conversion (the first function, used as [`Kind::Custom`]) that also
    /// has an in-place form for the copy-and-patch path (the second).
    Patched(CustomFn, PatchFn),
    /// Dropped in both directions (documents a known id that must not cross).
    Drop,
}

impl core::fmt::Debug for Kind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Kind::Copy => f.write_str("Copy"),
            Kind::Sized { linux, freebsd } => write!(f, "Sized({linux}<->{freebsd})"),
            Kind::U8(m) => write!(f, "U8({})", m.name),
            Kind::U32(m) => write!(f, "U32({})", m.name),
            Kind::Flags32(m) => write!(f, "Flags32({})", m.name),
            Kind::NetOrder(n) => write!(f, "NetOrder({n})"),
            Kind::IfName => f.write_str("IfName"),
            Kind::Nested(t) => write!(f, "Nested({})", t.name),
            Kind::Custom(_) | Kind::Patched(..) => f.write_str("Custom"),
            Kind::Drop => f.write_str("Drop"),
        }
    }
}

/// One row: a Linux id, a FreeBSD id (either may be absent: then the attribute does not
/// cross in that direction) and the conversion.
#[derive(Debug, Clone, Copy)]
pub struct AttrRule {
    /// The C name (Linux's where both exist) for docs and debugging.
    pub name: &'static str,
    /// Linux attribute id, if Linux has this attribute.
    pub linux: Option<u16>,
    /// FreeBSD attribute id, if FreeBSD has this attribute.
    pub freebsd: Option<u16>,
    /// Payload conversion.
    pub kind: Kind,
    /// One-line note for `docs/translation.md` (why the row is not a plain copy).
    pub note: &'static str,
}

/// A value the engine adds on the Linux side when the FreeBSD message lacks it
/// (parity attributes such as `IFLA_QDISC "noqueue"` that iproute2 expects).
#[derive(Debug, Clone, Copy)]
pub enum Synth {
    /// A NUL-terminated string attribute.
    Str(u16, &'static [u8]),
    /// A `u32` attribute.
    U32(u16, u32),
    /// A `u8` attribute.
    U8(u16, u8),
}

impl Synth {
    /// The Linux attribute id this adds.
    #[must_use]
    pub fn id(&self) -> u16 {
        match *self {
            Synth::Str(id, _) | Synth::U32(id, _) | Synth::U8(id, _) => id,
        }
    }
}

/// An attribute table. Ids without a row are dropped, never passed through by number: the
/// same number means different things in the two ABIs (`IFA_FREEBSD` 11 is Linux `IFA_PROTO`).
#[derive(Debug)]
pub struct AttrTable {
    /// The C attribute prefix (`"IFLA"`, `"RTA"`, ...).
    pub name: &'static str,
    /// The rows.
    pub rules: &'static [AttrRule],
    /// Attributes added on the Linux side when absent.
    pub synth_linux: &'static [Synth],
    /// The rows by source id, built at compile time from the rows by [`attr_table!`]
    /// (`AttrIndex::of_rules`; [`valid`] checks that it matches).
    pub index: &'static AttrIndex,
}

/// Source ids below this are looked up in an [`AttrIndex`]; larger ones by a scan.
const INDEXED: usize = 256;
/// An [`AttrIndex`] slot without a row.
const NO_ROW: u8 = u8::MAX;
/// Rows a table may have: positions 0..=254 fit an [`AttrIndex`] slot beside [`NO_ROW`].
const MAX_ROWS: usize = 255;

/// A table's row positions by source id, one array per direction, so that finding the row
/// of an attribute is one load instead of a scan of the rows.
pub struct AttrIndex {
    linux: [u8; INDEXED],
    freebsd: [u8; INDEXED],
}

impl core::fmt::Debug for AttrIndex {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("AttrIndex")
    }
}

impl AttrIndex {
    /// The index of `t`'s rows (compile time only: use it in a `static` initializer).
    #[must_use]
    pub const fn of(t: &AttrTable) -> AttrIndex {
        AttrIndex::of_rules(t.rules)
    }

    /// The index of `rules` (what [`attr_table!`] builds from a table's rows).
    #[must_use]
    pub const fn of_rules(rules: &[AttrRule]) -> AttrIndex {
        AttrIndex {
            linux: slots(rules, Dir::LinuxToFreebsd),
            freebsd: slots(rules, Dir::FreebsdToLinux),
        }
    }
}

/// The source id of `r` in direction `dir`.
const fn source_id(r: &AttrRule, dir: Dir) -> Option<u16> {
    match dir {
        Dir::LinuxToFreebsd => r.linux,
        Dir::FreebsdToLinux => r.freebsd,
    }
}

/// Position of the row with source id `id`, or [`NO_ROW`] (also for a 255th row and later,
/// which [`valid`] refuses).
const fn position(rules: &[AttrRule], dir: Dir, id: u16) -> u8 {
    let mut rest = rules;
    let mut pos: u8 = 0;
    while let [r, tail @ ..] = rest {
        if pos == NO_ROW {
            return NO_ROW;
        }
        if same_id(source_id(r, dir), Some(id)) {
            return pos;
        }
        pos = pos.wrapping_add(1);
        rest = tail;
    }
    NO_ROW
}

const fn slots(rules: &[AttrRule], dir: Dir) -> [u8; INDEXED] {
    let mut out = [NO_ROW; INDEXED];
    let mut free: &mut [u8] = &mut out;
    let mut id: u16 = 0;
    while let [slot, more @ ..] = free {
        *slot = position(rules, dir, id);
        free = more;
        id = id.wrapping_add(1);
    }
    out
}

impl AttrTable {
    /// The row for source id `id` in direction `dir`.
    #[must_use]
    pub fn lookup(&self, dir: Dir, id: u16) -> Option<&AttrRule> {
        let slots = match dir {
            Dir::LinuxToFreebsd => &self.index.linux,
            Dir::FreebsdToLinux => &self.index.freebsd,
        };
        match slots.get(usize::from(id)) {
            Some(&NO_ROW) => None,
            Some(&pos) => self.rules.get(usize::from(pos)),
            None => self.scan(dir, id),
        }
    }

    /// The row for `id` found by walking the rows (ids past the index).
    fn scan(&self, dir: Dir, id: u16) -> Option<&AttrRule> {
        self.rules
            .iter()
            .find(|r| same_id(source_id(r, dir), Some(id)))
    }
}

/// Compile-time check of a table: no Linux id and no FreeBSD id appears in two rows, every
/// row names at least one side, every [`Kind::NetOrder`] is 2 or 4 bytes wide, there are fewer than 255 rows, and the table's
/// [`AttrIndex`] is its own. Use as `const _: () = assert!(valid(&TABLE));`.
#[must_use]
pub const fn valid(t: &AttrTable) -> bool {
    if t.rules.len() >= MAX_ROWS {
        return false;
    }
    let (mut l, mut f): (&[u8], &[u8]) = (&t.index.linux, &t.index.freebsd);
    let mut id: u16 = 0;
    while let ([a, l_more @ ..], [b, f_more @ ..]) = (l, f) {
        if *a != position(t.rules, Dir::LinuxToFreebsd, id)
            || *b != position(t.rules, Dir::FreebsdToLinux, id)
        {
            return false;
        }
        (l, f) = (l_more, f_more);
        id = id.wrapping_add(1);
    }
    let mut rest = t.rules;
    while let [a, tail @ ..] = rest {
        if a.linux.is_none() && a.freebsd.is_none() {
            return false;
        }
        if let Kind::NetOrder(n) = a.kind {
            if n != 2 && n != 4 {
                return false;
            }
        }
        let mut others = tail;
        while let [b, more @ ..] = others {
            if same_id(a.linux, b.linux) || same_id(a.freebsd, b.freebsd) {
                return false;
            }
            others = more;
        }
        rest = tail;
    }
    true
}

const fn same_id(a: Option<u16>, b: Option<u16>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if x == y)
}

/// Defines an attribute table: its rows, the attributes synthesised on the Linux side, and
/// what is derived from the rows, its [`AttrIndex`] (built at compile time from the same rows)
/// and the compile-time check `const _: () = assert!(valid(&NAME));`.
///
/// ```ignore
/// attr_table! {
/// /// Neighbour attributes.
/// pub static NDA = AttrTable {
///     name: "NDA",
///     rules: &[
///         same!(NDA_DST),
///         linux_only!(NDA_LINK_NETNSID, "network namespaces: none on FreeBSD"),
///     ],
///     synth_linux: &[],
/// };
/// }
/// ```
///
/// The body is written as the `AttrTable` it defines, without `index`; the rows stay one
/// line each (the macro's body is not reformatted).
#[macro_export]
macro_rules! attr_table {
    (
        $(#[$meta:meta])*
        $vis:vis static $table:ident = AttrTable {
            name: $name:expr,
            rules: &[$($row:expr),* $(,)?],
            synth_linux: &[$($synth:expr),* $(,)?] $(,)?
        };
    ) => {
        $(#[$meta])*
        $vis static $table: $crate::table::AttrTable = $crate::table::AttrTable {
            name: $name,
            rules: &[$($row),*],
            synth_linux: &[$($synth),*],
            index: &$crate::table::AttrIndex::of_rules(&[$($row),*]),
        };
        const _: () = assert!($crate::table::valid(&$table));
    };
}

/// A row whose id has the same name on both systems: `same!(IFLA_MTU)` copies the payload;
/// `same!(IFLA_IFNAME, Kind::Custom(f), "note")` converts it.
#[macro_export]
macro_rules! same {
    ($n:ident $(,)?) => {
        $crate::table::AttrRule {
            name: stringify!($n),
            linux: Some(::linux_abi::$n),
            freebsd: Some(::freebsd_abi::$n),
            kind: $crate::table::Kind::Copy,
            note: "",
        }
    };
    ($n:ident, $kind:expr, $note:expr $(,)?) => {
        $crate::table::AttrRule {
            name: stringify!($n),
            linux: Some(::linux_abi::$n),
            freebsd: Some(::freebsd_abi::$n),
            kind: $kind,
            note: $note,
        }
    };
}

/// A row pairing differently named or numbered ids: `renamed!(LINUX_NAME => FREEBSD_NAME,
/// kind, "note")`.
#[macro_export]
macro_rules! renamed {
    ($l:ident => $f:ident, $kind:expr, $note:expr $(,)?) => {
        $crate::table::AttrRule {
            name: stringify!($l),
            linux: Some(::linux_abi::$l),
            freebsd: Some(::freebsd_abi::$f),
            kind: $kind,
            note: $note,
        }
    };
}

/// A Linux-only id: dropped on the way to FreeBSD. `linux_only!(IFLA_GROUP, "why")`.
#[macro_export]
macro_rules! linux_only {
    ($n:ident, $note:expr $(,)?) => {
        $crate::table::AttrRule {
            name: stringify!($n),
            linux: Some(::linux_abi::$n),
            freebsd: None,
            kind: $crate::table::Kind::Drop,
            note: $note,
        }
    };
}

/// A FreeBSD-only id: dropped on the way to Linux unless `kind` is a custom conversion.
/// `freebsd_only!(IFA_FREEBSD, "why")`.
#[macro_export]
macro_rules! freebsd_only {
    ($n:ident, $note:expr $(,)?) => {
        $crate::table::AttrRule {
            name: stringify!($n),
            linux: None,
            freebsd: Some(::freebsd_abi::$n),
            kind: $crate::table::Kind::Drop,
            note: $note,
        }
    };
    ($n:ident, $kind:expr, $note:expr $(,)?) => {
        $crate::table::AttrRule {
            name: stringify!($n),
            linux: None,
            freebsd: Some(::freebsd_abi::$n),
            kind: $kind,
            note: $note,
        }
    };
}
