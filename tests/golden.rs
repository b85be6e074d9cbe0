// SPDX-License-Identifier: BSD-2-Clause
//! Golden vectors: real Linux bytes captured on Linux (`tests/tools/capture.py`) against
//! FreeBSD counterparts derived by an independent encoder (`tests/tools/freebsd_counterpart.py`,
//! which never runs the translator). See `tests/vectors/README.md`.
//!
//! - Requests: `to_freebsd(linux/<case>) == freebsd/<case>` exactly.
//! - Replies: `to_linux(freebsd/<case>) == expected/<case>`, where `expected/` is the Linux
//!   capture normalised as documented in `freebsd_counterpart.py` (`Reply`): attributes FreeBSD
//!   does not emit are removed, the parity attributes the translator synthesises are moved to
//!   the end, `IFLA_STATS64` keeps FreeBSD's counters, Linux's local-table routes are removed.
//!   `expected_is_the_normalised_capture` checks that normalisation against the capture.
#![allow(
    clippy::arithmetic_side_effects,
    clippy::as_conversions,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::panic
)]

mod common;

use common::*;

fn read(dir: &str, name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/vectors/{dir}/{name}.bin",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn hex(b: &[u8]) -> String {
    b.chunks(16)
        .map(|c| {
            c.iter()
                .map(|x| format!("{x:02x}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn same_bytes(what: &str, got: &[u8], want: &[u8]) {
    if got != want {
        let at = got
            .iter()
            .zip(want)
            .position(|(a, b)| a != b)
            .unwrap_or(got.len().min(want.len()));
        panic!(
            "{what}: output differs at byte {at} (got {} bytes, want {})\n--- got\n{}\n--- want\n{}",
            got.len(),
            want.len(),
            hex(got),
            hex(want)
        );
    }
}

fn check_request(name: &str) {
    let linux = read("linux", name);
    let want = read("freebsd", name);
    let got = to_fb(&linux).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    same_bytes(name, &got, &want);
}

fn check_reply(name: &str) {
    let freebsd = read("freebsd", name);
    let want = read("expected", name);
    let got = to_lx(&freebsd).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    same_bytes(name, &got, &want);
}

macro_rules! requests {
    ($($(#[$m:meta])* $name:ident),* $(,)?) => {
        const REQUESTS: &[&str] = &[$(stringify!($name)),*];
        mod request { $( $(#[$m])* #[test] fn $name() { super::check_request(stringify!($name)); } )* }
    };
}

macro_rules! replies {
    ($($(#[$m:meta])* $name:ident),* $(,)?) => {
        const REPLIES: &[&str] = &[$(stringify!($name)),*];
        mod reply { $( $(#[$m])* #[test] fn $name() { super::check_reply(stringify!($name)); } )* }
    };
}

requests![
    getlink_iproute2,
    getaddr_v4_iproute2,
    getaddr_v6_iproute2,
    getroute_v4_iproute2,
    getroute_v6_iproute2,
    getneigh_iproute2,
    getnexthop_iproute2,
    getlink_busybox,
    getaddr_busybox,
    getlink_go,
    getaddr_go,
    getlink_glibc,
    getaddr_glibc,
    getlink_byname_iproute2,
    newlink_mtu_iproute2,
    newlink_probe_iproute2,
    newaddr_v6_iproute2,
    deladdr_v6_iproute2,
    newneigh_v6_iproute2,
    newnexthop_v6_iproute2,
    newroute_via_iproute2,
    newroute_multipath_iproute2,
    newnexthop_badgw_iproute2,
];

/// Requests Linux refuses before any handler runs (`nlcompat::request::check_linux`): the
/// translator answers them itself, with the errno, extended-ack text and offset of Linux's
/// own reply captured in `linux/error_<case without _python>` (nothing goes to FreeBSD, so
/// there is no `freebsd/` counterpart).
const REFUSED: &[(&str, &str)] = &[("newlink_badmtu_python", "error_newlink_badmtu")];

#[test]
fn refused_requests_get_linux_s_verdict() {
    for (req, reply) in REFUSED {
        let got = to_fb(&read("linux", req)).unwrap_err();
        let linux = parse_one(&read("linux", reply));
        assert_eq!(linux.ty, 2, "{reply}: not an NLMSG_ERROR");
        let errno = i32_at(&linux.payload, 0);
        let echo = u32_at(&linux.payload, 4) as usize;
        let tlvs = parse_attrs(&linux.payload[4 + ((echo + 3) & !3)..]);
        let text = cstr(find(&tlvs, 1).unwrap()).to_owned();
        let offs = pu32(find(&tlvs, 2).unwrap());
        match got {
            nlcompat::Error::Refused {
                off,
                errno: e,
                reason,
            } => {
                assert_eq!(-e.get(), errno, "{req}");
                assert_eq!(off, offs, "{req}");
                assert_eq!(reason, text, "{req}");
            }
            other => panic!("{req}: {other:?}"),
        }
    }
}

replies![
    newlink_dump,
    newaddr_dump_v4,
    newaddr_dump_v6,
    newroute_dump_v4,
    newroute_dump_v6,
    newneigh_dump,
    newnexthop_dump,
    error_nexthop_badgw,
    error_newlink_badmtu,
];

/// Every captured vector has a FreeBSD counterpart and a test, and nothing else lies around.
#[test]
fn corpus_is_complete() {
    let dir = |d: &str| {
        let mut v: Vec<String> =
            std::fs::read_dir(format!("{}/tests/vectors/{d}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .filter_map(|n| n.strip_suffix(".bin").map(str::to_owned))
                .collect();
        v.sort();
        v
    };
    let mut all: Vec<String> = REQUESTS
        .iter()
        .chain(REPLIES)
        .map(|s| (*s).to_owned())
        .collect();
    all.sort();
    assert_eq!(dir("freebsd"), all);
    all.extend(REFUSED.iter().map(|(r, _)| (*r).to_owned()));
    all.sort();
    assert_eq!(dir("linux"), all);
    let mut rep: Vec<String> = REPLIES.iter().map(|s| (*s).to_owned()).collect();
    rep.sort();
    assert_eq!(dir("expected"), rep);
    for n in REQUESTS.iter().chain(REFUSED.iter().map(|(r, _)| r)) {
        let m = parse_msgs_lenient(&read("linux", n));
        assert!(
            !m.is_empty() && m.iter().all(|x| x.flags & 1 == 1),
            "{n}: not a request"
        );
    }
    for n in REPLIES {
        let m = parse_msgs(&read("linux", n));
        assert!(m.iter().all(|x| x.flags & 1 == 0), "{n}: not a reply");
    }
}

/// Requests as sent: the walk ends at a zero header (iproute2 pads) or an unpadded end (Go).
fn parse_msgs_lenient(b: &[u8]) -> Vec<PMsg> {
    let mut v = b.to_vec();
    pad4(&mut v);
    let mut end = 0;
    while end + 16 <= v.len() && u32_at(&v, end) >= 16 {
        end += (u32_at(&v, end) as usize + 3) & !3;
    }
    parse_msgs(&v[..end])
}

fn hdr_len(ty: u16) -> Option<usize> {
    match ty {
        16..=19 => Some(16),
        20..=22 | 104..=106 => Some(8),
        24..=30 => Some(12),
        _ => None,
    }
}

/// The expected Linux side is the capture with whole messages or attributes removed or moved
/// (plus the documented exceptions), never invented: every expected message has a captured
/// message with the same header fields and family header, and each of its attributes appears
/// byte-identical in that message (`IFLA_STATS64`: FreeBSD's 192 bytes, zeros after them).
#[test]
fn expected_is_the_normalised_capture() {
    for name in REPLIES {
        let cap = parse_msgs(&read("linux", name));
        let exp = parse_msgs(&read("expected", name));
        assert!(!exp.is_empty(), "{name}");
        let mut from = 0;
        for e in &exp {
            let i = (from..cap.len())
                .find(|&i| {
                    let c = &cap[i];
                    c.ty == e.ty && c.flags == e.flags && c.seq == e.seq && c.pid == e.pid && {
                        let h = hdr_len(c.ty).unwrap_or(4);
                        c.payload.get(..h) == e.payload.get(..h)
                    }
                })
                .unwrap_or_else(|| panic!("{name}: expected message {e:?} not in the capture"));
            from = i + 1;
            let c = &cap[i];
            let Some(h) = hdr_len(c.ty) else {
                if c.ty == 2 {
                    let echo = u32_at(&c.payload, 4) as usize;
                    assert_eq!(
                        &e.payload[..4 + echo],
                        &c.payload[..4 + echo],
                        "{name}: errno/echo"
                    );
                } else {
                    assert_eq!(e.payload, c.payload, "{name}: control message");
                }
                continue;
            };
            let ca = attrs_of(c, h);
            for (t, p) in attrs_of(e, h) {
                let ok = ca.iter().any(|(ct, cp)| {
                    *ct == t
                        && (cp == &p
                            || (c.ty == 16
                                && t & 0x3fff == 23
                                && cp[..192] == p[..192]
                                && p[192..].iter().all(|&b| b == 0))
                            // IPv4 IFA_CACHEINFO: Linux's lifetimes, timestamps zeroed.
                            || (c.ty == 20
                                && t & 0x3fff == 6
                                && cp.len() == 16
                                && cp[..8] == p[..8]
                                && p[8..].iter().all(|&b| b == 0)))
                });
                assert!(ok, "{name}: attribute {t} of {e:?} not in the capture");
            }
        }
    }
}
