// SPDX-License-Identifier: BSD-2-Clause
//! `NLMSG_ERROR` and `NLMSG_DONE` (`src/msg/control.rs`).

use super::*;

/// A FreeBSD NLMSG_ERROR: positive errno, echo, then TLVs.
pub(crate) fn f_error(errno: i32, flags: u16, echo: &[u8], tlvs: &[Vec<u8>]) -> Vec<u8> {
    let mut p = errno.to_ne_bytes().to_vec();
    p.extend_from_slice(echo);
    pad4(&mut p);
    for t in tlvs {
        p.extend_from_slice(t);
    }
    msg(ERROR, flags, 7, 99, &p)
}

#[test]
fn nlmsg_error_errno_remapped_and_sign_flipped() {
    // FreeBSD ENODEV 19 -> Linux -19; EAGAIN 35 -> -11; EOPNOTSUPP 45 -> -95;
    // EAFNOSUPPORT 47 -> -97; 0 (ack) stays 0.
    let echo = rmsg(GETLINK, REQ, &ifinfomsg(0, 0, 9, 0, 0), &[]);
    for (fb, lx) in [(19, -19), (35, -11), (45, -95), (47, -97), (0, 0)] {
        let out = parse_one(&to_lx(&f_error(fb, 0, &echo, &[])).unwrap());
        assert_eq!(out.ty, ERROR);
        assert_eq!(i32_at(&out.payload, 0), lx, "FreeBSD {fb}");
    }
}

#[test]
fn nlmsg_error_echo_translated_and_offs_repointed() {
    // FreeBSD echo: NEWLINK ifindex 2, IFNAME "em0" (8 bytes), MTU. Linux echo: "eth0"
    // (12 bytes), so MTU moves from offset 40 to 44 (offsets count from the echoed nlmsghdr).
    let echo = rmsg(
        NEWLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 2, 0x8001, 0x8001),
        &[a_str(3, "em0"), a_u32(4, 99)],
    );
    assert_eq!(u16::from_ne_bytes([echo[42], echo[43]]), 4);
    let rep = f_error(22, ACK_TLVS, &echo, &[a_str(1, "bad mtu"), a_u32(2, 40)]);
    let out = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(i32_at(&out.payload, 0), -22);
    let inner = parse_msgs(&out.payload[4..4 + u32_at(&out.payload, 4) as usize]);
    let e = &inner[0];
    assert_eq!(e.ty, NEWLINK);
    assert_eq!(u32_at(&e.payload, 8), 0x1001, "echo ifi_flags translated");
    let ea = attrs_of(e, 16);
    assert_eq!(cstr(find(&ea, 3).unwrap()), "eth0");
    let tl = parse_attrs(&out.payload[4 + ((e.len as usize + 3) & !3)..]);
    assert_eq!(cstr(find(&tl, 1).unwrap()), "bad mtu");
    let offs = pu32(find(&tl, 2).unwrap()) as usize;
    assert_eq!(offs, 44);
    let echo_bytes = &out.payload[4..];
    assert_eq!(
        u16::from_ne_bytes([echo_bytes[offs + 2], echo_bytes[offs + 3]]),
        4
    );
}

#[test]
fn nlmsg_error_echoes_original_request_when_kept() {
    let orig = rmsg(
        NEWLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 2, 0x1001, 0x1001),
        &[a_str(3, "eth0"), a_u32(4, 99)],
    );
    let fb_req = to_fb(&orig).unwrap();
    let rep = f_error(22, ACK_TLVS, &fb_req, &[a_u32(2, 40)]);
    let c = ctx().with_request(Some(&orig));
    let out = parse_one(&to_lx_fill(&c, &rep, 0x33).unwrap());
    assert_eq!(&out.payload[4..4 + orig.len()], &orig[..]);
    let tl = parse_attrs(&out.payload[4 + orig.len()..]);
    assert_eq!(pu32(find(&tl, 2).unwrap()), 44);
}

#[test]
fn nlmsg_error_capped() {
    let echo = rmsg(
        NEWADDR,
        REQ | ACK,
        &ifaddrmsg(F_INET6, 64, 0, 0, 2),
        &[attr(1, &V6)],
    );
    let rep = f_error(17, CAPPED, &echo[..16], &[]);
    let out = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(out.flags & CAPPED, CAPPED);
    assert_eq!(out.payload.len(), 20);
    assert_eq!(i32_at(&out.payload, 0), -17);
    assert_eq!(
        u16::from_ne_bytes([out.payload[8], out.payload[9]]),
        NEWADDR
    );
}

#[test]
fn nlmsg_done_errno_and_multi() {
    let done = msg(DONE, 0, 5, 99, &35i32.to_ne_bytes());
    let out = parse_one(&to_lx(&done).unwrap());
    assert_eq!(out.ty, DONE);
    assert_eq!(out.flags & MULTI, MULTI);
    assert_eq!(out.payload, (-11i32).to_ne_bytes().to_vec());
    let done = msg(DONE, 0, 5, 99, &0i32.to_ne_bytes());
    assert_eq!(parse_one(&to_lx(&done).unwrap()).payload, vec![0; 4]);
    let bare = msg(DONE, 0, 5, 99, &[]);
    let out = parse_one(&to_lx(&bare).unwrap());
    assert_eq!(out.payload, vec![0; 4]);
    assert_eq!(out.flags & MULTI, MULTI);
}

#[test]
fn unknown_route_type_is_unsupported() {
    // RTM_NEWRULE 32 has no table.
    let req = rmsg(32, REQ, &rtmsg(L_INET, 0, 0, 0, 0, 1, 0), &[]);
    assert_eq!(to_fb(&req), Err(Error::Unsupported { msg_type: 32 }));
}

#[test]
fn untranslatable_dump_part_becomes_done_with_errno() {
    let good = rmsg(
        NEWADDR,
        MULTI,
        &ifaddrmsg(L_INET, 24, 0, 0, 2),
        &[attr(1, &[10, 0, 0, 1])],
    );
    let bad = rmsg(NEWADDR, MULTI, &ifaddrmsg(F_LINK, 0, 0, 0, 2), &[]);
    let good2 = rmsg(
        NEWADDR,
        MULTI,
        &ifaddrmsg(L_INET, 24, 0, 0, 3),
        &[attr(1, &[10, 0, 1, 1])],
    );
    let done = msg(DONE, 0, 7, 0, &0i32.to_ne_bytes());
    let input = [good, bad, good2, done].concat();
    let out = parse_msgs(&to_lx(&input).unwrap());
    assert_eq!(out.len(), 2, "{out:?}");
    assert_eq!(out[0].ty, NEWADDR);
    assert_eq!(out[1].ty, DONE);
    assert_eq!(out[1].flags & MULTI, MULTI);
    assert_eq!(i32_at(&out[1].payload, 0), -97, "EAFNOSUPPORT");
}

#[test]
fn untranslatable_single_reply_becomes_error() {
    let bad = rmsg(NEWADDR, 0, &ifaddrmsg(F_LINK, 0, 0, 0, 2), &[]);
    let out = parse_msgs(&to_lx(&bad).unwrap());
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].ty, ERROR);
    assert_eq!(i32_at(&out[0].payload, 0), -97);
    assert_eq!(&out[0].payload[4..20], &bad[..16]);
}

#[test]
fn nlmsg_error_echo_gets_no_synthesised_attributes() {
    let linux_req = rmsg(
        NEWLINK,
        REQ | ACK,
        &ifinfomsg(0, 0, 2, 0, 0),
        &[a_str(3, "eth0")],
    );
    let fb_req = to_fb(&linux_req).unwrap();
    let out = parse_one(&to_lx(&f_error(22, 0, &fb_req, &[])).unwrap());
    let echo_len = u32_at(&out.payload, 4) as usize;
    assert_eq!(&out.payload[4..4 + echo_len], &linux_req[..]);
}
