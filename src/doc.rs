// SPDX-License-Identifier: BSD-2-Clause
//! Renders every table as Markdown: the source of `docs/translation.md`.
//!
//! Uses only `core::fmt::Write`, so it builds in the `no_std` crate; a unit test regenerates
//! the document and fails when the committed copy is stale (`make docs` rewrites it).

use crate::msg;
use crate::table::{AttrTable, Conv, FlagMap, Kind, MsgSpec, Residual, Synth, Unknown, ValueMap};
use core::fmt::{Result, Write};

/// Writes the whole translation reference.
pub fn write_translation_md(w: &mut dyn Write) -> Result {
    writeln!(w, "# Translation table\n")?;
    writeln!(
        w,
        "Generated from the tables in `src/msg/` by `make docs`; do not edit by hand.\n\n\
         Every attribute id crosses only through a row below. An id without a row is dropped \
         (the same number means different things in the two ABIs). `Drop` rows document ids \
         that must not cross. Direction names: L→F is a Linux process to FreeBSD's kernel, \
         F→L the reverse.\n"
    )?;
    for spec in msg::ALL {
        write_spec(w, spec)?;
    }
    writeln!(
        w,
        "## IFLA_LINKINFO by kind\n\nThe table for `IFLA_LINKINFO` is chosen by its \
         `IFLA_INFO_KIND`: `IFLA_INFO_DATA` holds ids of that kind's own numbering.\n"
    )?;
    for t in [
        &msg::link::IFLA_INFO,
        &msg::link::IFLA_INFO_VLAN,
        &msg::link::IFLA_INFO_GRE,
    ] {
        write_table(w, t)?;
    }
    writeln!(w, "## Value maps\n")?;
    for m in [
        &msg::maps::AF_MAP,
        &msg::maps::LINK_AF_MAP,
        &msg::maps::RTM_TABLE_MAP,
    ] {
        write_value_map(w, m)?;
    }
    write_value_map(w, &msg::maps::RT_TABLE_MAP)?;
    write_value_map(w, &msg::link::IFT_MAP)?;
    writeln!(w, "## Flag maps\n")?;
    write_flag_map(w, &msg::link::IFF_MAP)?;
    write_errno(w)
}

fn write_spec(w: &mut dyn Write, spec: &MsgSpec) -> Result {
    writeln!(w, "## {} (`nlmsg_type` {:?})\n", spec.name, spec.types)?;
    writeln!(w, "Fixed header: {} bytes.", spec.header_len)?;
    for f in spec.fields {
        let conv = match f.conv {
            Conv::Family(m) => ("family", m.name),
            Conv::U8(m) => ("u8 value", m.name),
            Conv::U16(m) => ("u16 value", m.name),
            Conv::Flags32(m) => ("u32 flags", m.name),
        };
        writeln!(w, "- offset {}: {} through `{}`", f.off, conv.0, conv.1)?;
    }
    if spec.to_freebsd.fixup.is_some() || spec.to_linux.fixup.is_some() {
        writeln!(w, "- plus a post-translation fix-up (see the family file)")?;
    }
    writeln!(w)?;
    write_table(w, spec.attrs)
}

fn write_table(w: &mut dyn Write, t: &AttrTable) -> Result {
    writeln!(w, "### {}\n", t.name)?;
    writeln!(w, "| name | Linux id | FreeBSD id | conversion | note |")?;
    writeln!(w, "|---|---|---|---|---|")?;
    let mut nested: [Option<&AttrTable>; 4] = [None; 4];
    for r in t.rules {
        let id = |v: Option<u16>| v.map_or(-1i32, i32::from);
        let (l, f) = (id(r.linux), id(r.freebsd));
        let kind = match r.kind {
            Kind::Copy => "copy",
            Kind::Sized { .. } => "resized",
            Kind::U8(_) | Kind::U32(_) => "value map",
            Kind::Flags32(_) => "flag map",
            Kind::NetOrder(_) => "network order on Linux",
            Kind::Nested(n) => {
                if let Some(slot) = nested.iter_mut().find(|s| s.is_none()) {
                    *slot = Some(n);
                }
                "nested"
            }
            Kind::IfName => "interface name",
            Kind::Custom(_) | Kind::Patched(..) => "custom",
            Kind::Drop => "drop",
        };
        let show = |v: i32| -> Cell { Cell(v) };
        writeln!(
            w,
            "| `{}` | {} | {} | {} | {} |",
            r.name,
            show(l),
            show(f),
            kind,
            r.note
        )?;
    }
    for s in t.synth_linux {
        match *s {
            Synth::Str(id, v) => writeln!(
                w,
                "| (added for Linux) | {id} | — | string {:?} | parity |",
                Bytes(v)
            )?,
            Synth::U8(id, v) => writeln!(w, "| (added for Linux) | {id} | — | u8 {v} | parity |")?,
            Synth::U32(id, v) => {
                writeln!(w, "| (added for Linux) | {id} | — | u32 {v} | parity |")?
            }
        }
    }
    writeln!(w)?;
    for n in nested.iter().flatten() {
        write_table(w, n)?;
    }
    Ok(())
}

struct Cell(i32);

impl core::fmt::Display for Cell {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> Result {
        if self.0 < 0 {
            f.write_str("—")
        } else {
            write!(f, "{}", self.0)
        }
    }
}

struct Bytes<'a>(&'a [u8]);

impl core::fmt::Debug for Bytes<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> Result {
        f.write_str("\"")?;
        for &b in self.0 {
            write!(f, "{}", char::from(b))?;
        }
        f.write_str("\"")
    }
}

fn write_value_map<T: core::fmt::Display + Copy>(w: &mut dyn Write, m: &ValueMap<T>) -> Result {
    writeln!(w, "### {}\n", m.name)?;
    writeln!(w, "| Linux | FreeBSD |")?;
    writeln!(w, "|---|---|")?;
    for (l, f) in m.pairs {
        writeln!(w, "| {l} | {f} |")?;
    }
    match m.unknown {
        Unknown::Keep => writeln!(w, "\nOther values: kept.\n"),
        Unknown::Reject => writeln!(w, "\nOther values: refused.\n"),
        Unknown::Default { linux, freebsd } => writeln!(
            w,
            "\nOther values: {linux} on the Linux side, {freebsd} on the FreeBSD side.\n"
        ),
    }
}

fn write_flag_map(w: &mut dyn Write, m: &FlagMap) -> Result {
    writeln!(w, "### {}\n", m.name)?;
    writeln!(w, "| Linux bit | FreeBSD bit |")?;
    writeln!(w, "|---|---|")?;
    for (l, f) in m.pairs {
        writeln!(w, "| {l:#x} | {f:#x} |")?;
    }
    let rest = match m.residual {
        Residual::Drop => "dropped",
        Residual::Keep => "kept",
    };
    writeln!(w, "\nOther bits: {rest}.\n")
}

fn write_errno(w: &mut dyn Write) -> Result {
    writeln!(w, "## errno\n")?;
    writeln!(
        w,
        "`nlmsgerr.error` and the `NLMSG_DONE` payload carry −errno on Linux and +errno on \
         FreeBSD.\n"
    )?;
    writeln!(w, "| name | Linux | FreeBSD |")?;
    writeln!(w, "|---|---|---|")?;
    for ((l, f), name) in msg::errno::SAME.iter().zip(msg::errno::SAME_NAMES) {
        writeln!(w, "| {name} | {l} | {f} |")?;
    }
    writeln!(w, "\nFreeBSD-only errnos → Linux:\n")?;
    writeln!(w, "| FreeBSD | Linux |")?;
    writeln!(w, "|---|---|")?;
    for (l, f) in msg::errno::FREEBSD_ONLY {
        writeln!(w, "| {f} | {l} |")?;
    }
    writeln!(w, "\nLinux-only errnos → FreeBSD (any other: EINVAL):\n")?;
    writeln!(w, "| Linux | FreeBSD |")?;
    writeln!(w, "|---|---|")?;
    for (l, f) in msg::errno::LINUX_ONLY {
        writeln!(w, "| {l} | {f} |")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `docs/translation.md` must equal the rendering of the tables. With
    /// `NLCOMPAT_UPDATE_DOCS=1` (`make docs`) the file is rewritten instead.
    #[test]
    fn translation_doc_is_current() {
        let mut s = String::new();
        write_translation_md(&mut s).unwrap();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/translation.md");
        if std::env::var_os("NLCOMPAT_UPDATE_DOCS").is_some() {
            std::fs::write(path, &s).unwrap();
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == s,
            "docs/translation.md is stale: run `make docs`"
        );
        assert!(s.contains("| `IFLA_TSO_MAX_SEGS` | 60 | 59 |"));
    }
}
