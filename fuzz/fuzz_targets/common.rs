// SPDX-License-Identifier: BSD-2-Clause
//! A fixed host and the invariants shared by the fuzz targets, and by
//! `tests/fuzz_regressions.rs` (which includes this file as its module `common`).
//!
//! [`check`] translates one input several times and asserts, beyond "no panic":
//! - the output re-parses (framing covers the whole output, and the top-level attribute list
//!   of every message with a table is well formed);
//! - the output is byte-identical whatever the output buffer held before (no stale bytes);
//! - translation is deterministic;
//! - with a capacity too small for the whole output the call fails (`NoSpace` with a size
//!   larger than the capacity), never returns a shortened output, and the reported size is
//!   exactly the size of the output that a large enough buffer receives.
#![allow(
    dead_code,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::as_conversions
)]

use nlcompat::wire::{attrs_after, Attrs, Messages};
use nlcompat::{Ctx, Dir, Error, Freebsd, Linux, Proto, StaticHost, StaticIf};

const IFS: &[StaticIf<'static>] = &[
    StaticIf {
        index: 1,
        name: b"em0",
        iftype: 6,
        linux_ethno: Some(0),
    },
    StaticIf {
        index: 2,
        name: b"em1",
        iftype: 6,
        linux_ethno: Some(1),
    },
    StaticIf {
        index: 3,
        name: b"lo0",
        iftype: 24,
        linux_ethno: None,
    },
    StaticIf {
        index: 4,
        name: b"bridge0",
        iftype: 209,
        linux_ethno: None,
    },
];

/// The fuzzing host.
pub fn host() -> StaticHost<'static> {
    StaticHost {
        ifs: IFS,
        real_names: false,
    }
}

/// The same host with `compat.linux.use_real_ifnames` on.
pub fn host_real() -> StaticHost<'static> {
    StaticHost {
        ifs: IFS,
        real_names: true,
    }
}

/// Picks the protocol from the first input byte so every table gets exercised (and the
/// pass-through of other protocols).
pub fn proto(data: &[u8]) -> Proto {
    match data.first().map(|b| b & 3) {
        Some(1) => Proto::Generic,
        Some(3) => Proto::Other(4),
        _ => Proto::Route,
    }
}

/// A translation result reduced to owned bytes.
pub type Out = Result<Vec<u8>, Error>;

/// Translates `input` in direction `dir` into a buffer of `cap` bytes pre-filled with `fill`.
pub fn run(ctx: &Ctx<'_>, dir: Dir, input: &[u8], cap: usize, fill: u8) -> Out {
    let mut buf = vec![fill; cap];
    match dir {
        Dir::LinuxToFreebsd => {
            nlcompat::to_freebsd(ctx, Linux::new(input), &mut buf).map(|o| o.bytes().to_vec())
        }
        Dir::FreebsdToLinux => {
            nlcompat::to_linux(ctx, Freebsd::new(input), &mut buf).map(|o| o.bytes().to_vec())
        }
    }
}

/// The result with a buffer grown until it fits (starting from `NoSpace`'s report); also
/// checks that the reported size is exact.
pub fn full(ctx: &Ctx<'_>, dir: Dir, input: &[u8]) -> Out {
    let first = run(ctx, dir, input, 0, 0xA5);
    let needed = match first {
        Err(Error::NoSpace { needed }) => needed as usize,
        other => {
            // Empty output (nothing to translate) or an error independent of the buffer.
            if let Ok(ref v) = other {
                assert!(v.is_empty(), "non-empty output in a 0-byte buffer");
            }
            return other;
        }
    };
    let r = run(ctx, dir, input, needed, 0x5A);
    match &r {
        Ok(v) => assert_eq!(
            v.len(),
            needed,
            "NoSpace reported {needed}, output is {}",
            v.len()
        ),
        Err(Error::NoSpace { needed: again }) => {
            panic!("NoSpace reported {needed}, which then needed {again}")
        }
        Err(_) => {}
    }
    r
}

/// Asserts that `out` re-parses: `Messages` covers it exactly, and for messages with a table
/// the attributes after the fixed header are valid.
pub fn assert_reparses(proto: Proto, out: &[u8]) {
    let mut end = 0usize;
    for m in Messages::new(out) {
        let m = m.unwrap_or_else(|e| panic!("output does not re-parse: {e:?}\n{out:02x?}"));
        assert_eq!(m.offset() % 4, 0, "unaligned message in output");
        end = m.offset() + m.len().next_multiple_of(4).min(out.len() - m.offset());
        if let Some(spec) = nlcompat::msg::spec_for(proto, m.msg_type()) {
            if m.payload().len() > spec.header_len {
                assert_attrs(attrs_after(m.payload(), spec.header_len), out);
            }
        }
    }
    assert_eq!(
        end,
        out.len(),
        "trailing bytes after the last message: {out:02x?}"
    );
}

fn assert_attrs(attrs: Attrs<'_>, out: &[u8]) {
    for a in attrs {
        // Payloads pass through opaque unless a table knows their layout, so only the
        // top-level list is the translator's to keep well formed.
        if let Err(e) = a {
            panic!("attribute in output does not re-parse: {e:?}\n{out:02x?}");
        }
    }
}

/// The capacity to test besides the exact one, chosen by input byte `sel` relative to the
/// output length `len`.
pub fn cap_for(sel: u8, len: usize) -> usize {
    match sel % 6 {
        0 => 0,
        1 => len.saturating_sub(1),
        2 => len.saturating_sub(usize::from(sel / 6) + 1),
        3 => len / 2,
        4 => len + usize::from(sel / 6),
        _ => usize::from(sel) * 4,
    }
}

/// Every invariant for one input in one direction; returns the full output.
pub fn check(ctx: &Ctx<'_>, dir: Dir, input: &[u8], sel: u8) -> Out {
    let reference = full(ctx, dir, input);
    let big = reference
        .as_ref()
        .map_or(input.len() * 4 + 4096, |v| v.len() + 64);
    // Garbage independence and determinism: the same bytes whatever the buffer held.
    for fill in [0x00u8, 0xFF, 0x5A] {
        let r = run(ctx, dir, input, big, fill);
        assert_eq!(
            r, reference,
            "output depends on prior buffer contents (fill {fill:#x})"
        );
    }
    if let Ok(v) = &reference {
        assert_reparses(ctx.proto, v);
    }
    // Any other capacity: the whole output or an error, never a shortened output.
    let len = reference.as_ref().map_or(0, Vec::len);
    let cap = cap_for(sel, len);
    let r = run(ctx, dir, input, cap, 0xC3);
    match (&reference, &r) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "output with capacity {cap} differs"),
        (Ok(a), Err(Error::NoSpace { needed })) => {
            assert!(
                a.len() > cap,
                "NoSpace with capacity {cap} for a {}-byte output",
                a.len()
            );
            assert_eq!(
                *needed as usize,
                a.len(),
                "NoSpace size differs from the output size"
            );
        }
        (Ok(a), Err(e)) => panic!("capacity {cap}: error {e:?}, full output {} bytes", a.len()),
        (Err(_), Ok(b)) => panic!(
            "capacity {cap}: output of {} bytes where a large buffer fails",
            b.len()
        ),
        (Err(_), Err(_)) => {}
    }
    reference
}

/// A comparison form of a message buffer in which attribute order does not matter (netlink
/// attributes are a set): per message its header and fixed header, then its top-level
/// attributes sorted.
pub fn canonical(proto: Proto, buf: &[u8]) -> Vec<(Vec<u8>, Vec<Vec<u8>>)> {
    let mut v = Vec::new();
    for m in Messages::new(buf).map_while(Result::ok) {
        let hl = nlcompat::msg::spec_for(proto, m.msg_type())
            .map_or(usize::MAX, |s| s.header_len.next_multiple_of(4));
        let hl = hl.min(m.payload().len());
        let mut head = m.header().to_vec();
        head.extend_from_slice(&m.payload()[..hl]);
        let mut attrs: Vec<Vec<u8>> = attrs_after(m.payload(), hl)
            .map_while(Result::ok)
            .map(|a| {
                let mut b = a.raw_type().to_ne_bytes().to_vec();
                b.extend_from_slice(a.payload());
                b
            })
            .collect();
        attrs.sort();
        v.push((head, attrs));
    }
    v
}
