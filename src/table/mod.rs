// SPDX-License-Identifier: BSD-2-Clause
//! The declarative data model behind every per-family table in [`crate::msg`].
//!
//! A family's translation is data: a [`MsgSpec`] naming its message types, the rules for the
//! fields of its fixed header ([`Field`]), and an [`AttrTable`] of rows pairing a Linux id with a
//! FreeBSD id and saying how the payload converts ([`Kind`]). The engine ([`crate::engine`]) is
//! written once and walks these tables in either direction. Tables are checked at compile time
//! with [`valid`] (no id twice on either side).

mod attr;
mod maps;
mod state;

pub use attr::{valid, AttrIndex, AttrRule, AttrTable, CustomFn, Kind, PatchFn, Synth};
pub use maps::{FlagMap, Residual, Unknown, ValueMap};
pub use state::MsgState;
pub(crate) use state::{Track, MAX_HEADER};

use crate::wire::{Msg, Writer};
use crate::Result;

/// A translation direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// From a Linux process to FreeBSD's kernel (requests).
    LinuxToFreebsd,
    /// From FreeBSD's kernel to a Linux process (replies, notifications, acks).
    FreebsdToLinux,
}

impl Dir {
    /// The opposite direction.
    #[must_use]
    pub const fn reverse(self) -> Dir {
        match self {
            Dir::LinuxToFreebsd => Dir::FreebsdToLinux,
            Dir::FreebsdToLinux => Dir::LinuxToFreebsd,
        }
    }
}

/// How one field of a fixed family header converts.
#[derive(Debug, Clone, Copy)]
pub enum Conv {
    /// An address family byte (`AF_*`), through the given map.
    Family(&'static ValueMap<u8>),
    /// A `u8` value through a map.
    U8(&'static ValueMap<u8>),
    /// A `u16` value through a map (`ifi_type`: `IFT_*` ↔ `ARPHRD_*`).
    U16(&'static ValueMap<u16>),
    /// A `u32` flag word through a flag map (`ifi_flags`, `ifi_change`).
    Flags32(&'static FlagMap),
}

/// A converted field of a fixed header; offsets come from `core::mem::offset_of!`.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Byte offset of the field inside the fixed header.
    pub off: usize,
    /// The conversion.
    pub conv: Conv,
}

/// A converted header field: `field!(ifinfomsg.ifi_type, Conv::U16(&IFT_MAP))`, the offset
/// taken from the `linux-abi` struct (both ABIs lay the family headers out alike; checked by
/// `tests/tables.rs`).
#[macro_export]
macro_rules! field {
    ($s:ident . $f:ident, $conv:expr $(,)?) => {
        $crate::table::Field {
            off: ::core::mem::offset_of!(::linux_abi::$s, $f),
            conv: $conv,
        }
    };
}

/// A hook run after a message was translated, for rules that span header and attributes
/// (e.g. Linux `ifa_flags` mirrors the low byte of `IFA_FLAGS`). It gets the source message's
/// payload and the output fixed header, already translated, to patch in place.
pub type FixupFn = fn(st: &MsgState<'_>, src_payload: &[u8], out_header: &mut [u8]);

/// A hook that may append attributes after the translated ones (for attributes one side
/// requires and the other leaves implicit, e.g. FreeBSD needs `RTA_DST` for a default route).
/// It gets the source message.
pub type AppendFn = fn(st: &mut MsgState<'_>, msg: Msg<'_>, w: &mut Writer<'_>) -> Result<()>;

/// The hooks of one direction: each is written for the one direction it is listed under.
#[derive(Debug, Clone, Copy)]
pub struct Hooks {
    /// Appends attributes after the translated ones.
    pub append: Option<AppendFn>,
    /// Patches the output fixed header after the attributes.
    pub fixup: Option<FixupFn>,
}

impl Hooks {
    /// No hook.
    pub const NONE: Hooks = Hooks {
        append: None,
        fixup: None,
    };

    /// The hooks for `dir` of `spec`.
    #[must_use]
    pub fn of(spec: &MsgSpec, dir: Dir) -> Hooks {
        match dir {
            Dir::LinuxToFreebsd => spec.to_freebsd,
            Dir::FreebsdToLinux => spec.to_linux,
        }
    }
}

/// Everything the engine needs to translate one message family.
#[derive(Debug)]
pub struct MsgSpec {
    /// Name for docs and debugging (`"link"`, `"addr"`, ...).
    pub name: &'static str,
    /// The `nlmsg_type` values using this spec (identical numbers on both ABIs, checked by
    /// `tests/tables.rs`).
    pub types: &'static [u16],
    /// Size of the fixed family header (`sizeof(struct ifinfomsg)`, ...).
    pub header_len: usize,
    /// Converted header fields; bytes not listed are copied.
    pub fields: &'static [Field],
    /// The attributes after the header.
    pub attrs: &'static AttrTable,
    /// Hooks run on a Linux message becoming FreeBSD's.
    pub to_freebsd: Hooks,
    /// Hooks run on a FreeBSD message becoming Linux's.
    pub to_linux: Hooks,
}

impl MsgSpec {
    /// True if `msg_type` belongs to this family.
    #[must_use]
    pub fn handles(&self, msg_type: u16) -> bool {
        self.types.contains(&msg_type)
    }
}
