// SPDX-License-Identifier: BSD-2-Clause
//! `nlmsg_flags` of replies and notifications (`src/msg/flags.rs`).

use super::*;

/// `nlmsg_flags` of `to_linux(freebsd)` with the request `req` kept in the context.
pub(crate) fn flags_back(c: &Ctx<'_>, freebsd: &[u8]) -> u16 {
    parse_one(&to_lx_fill(c, freebsd, 0).unwrap()).flags
}

// Flags not yet named above (`include/uapi/linux/netlink.h`, equal on FreeBSD).
pub(crate) const ECHO: u16 = 0x8;
pub(crate) const REPLACE: u16 = 0x100;
pub(crate) const EXCL: u16 = 0x200;
pub(crate) const DELROUTE: u16 = 25;
pub(crate) const DELNEXTHOP: u16 = 105;
pub(crate) const GETNEXTHOP: u16 = 106;

#[test]
fn replies_to_get_requests_carry_no_flags() {
    // FreeBSD's nlmsg_reply() ORs the request's flags in; Linux's doit handlers pass 0.
    for (get, new, hdr) in [
        (GETLINK, NEWLINK, ifinfomsg(0, IFT_ETHER, 2, 1, 0)),
        (GETADDR, NEWADDR, ifaddrmsg(2, 24, 0, 0, 2)),
        (GETROUTE, NEWROUTE, rtmsg(2, 32, 254, 4, 0, 1, 0)),
        (GETNEIGH, NEWNEIGH, ndmsg(2, 2, 0x80, 0, 1)),
        (GETNEXTHOP, NEWNEXTHOP, nhmsg(2, 0, 4, 0)),
    ] {
        let req = rmsg(get, REQ | ACK, &hdr, &[]);
        let c = ctx().with_request(Some(&req));
        let rep = rmsg(new, REQ | ACK, &hdr, &[]);
        assert_eq!(flags_back(&c, &rep), 0, "reply to {get}");
        // The same message as a dump part: NLM_F_MULTI only.
        let part = rmsg(new, REQ | DUMP | MULTI, &hdr, &[]);
        assert_eq!(flags_back(&c, &part), MULTI, "dump part of {get}");
    }
    // nlctrl: CTRL_CMD_NEWFAMILY (1) answering CTRL_CMD_GETFAMILY (3), family id 16.
    let req = rmsg(16, REQ | ACK, &[3, 2, 0, 0], &[a_str(2, "nlctrl")]);
    let rep = rmsg(
        16,
        REQ | ACK,
        &[1, 2, 0, 0],
        &[a_u16(1, 16), a_str(2, "nlctrl")],
    );
    assert_eq!(flags_back(&gctx().with_request(Some(&req)), &rep), 0);
    let part = rmsg(16, REQ | DUMP | MULTI, &[1, 2, 0, 0], &[a_u16(1, 16)]);
    assert_eq!(flags_back(&gctx(), &part), MULTI);
}

#[test]
fn acks_and_done_carry_only_their_own_flags() {
    // netlink_ack(): NLM_F_CAPPED / NLM_F_ACK_TLVS; netlink_dump_done(): NLM_F_MULTI.
    let req = rmsg(
        NEWADDR,
        REQ | ACK | CREATE | EXCL,
        &ifaddrmsg(L_INET6, 64, 0, 0, 2),
        // IFA_ADDRESS 2001:db8::1 (Linux refuses an address request without one).
        &[attr(
            1,
            &[0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        )],
    );
    let fb = to_fb(&req).unwrap();
    // FreeBSD's nlmsg_ack() already sets only these two (netlink_message_writer.c).
    let ack = f_error(0, CAPPED, &fb[..16], &[]);
    assert_eq!(flags_back(&ctx(), &ack), CAPPED);
    let err = f_error(22, ACK_TLVS, &fb, &[a_str(1, "bad")]);
    assert_eq!(flags_back(&ctx(), &err), ACK_TLVS);
    let done = msg(DONE, 0, 7, 0, &0i32.to_ne_bytes());
    assert_eq!(flags_back(&ctx(), &done), MULTI);
    let done = msg(DONE, REQ | DUMP, 7, 0, &0i32.to_ne_bytes());
    assert_eq!(flags_back(&ctx(), &done), MULTI);
}

#[test]
fn capped_ack_echoes_the_request_header_as_sent() {
    // FreeBSD stamps the sender's port into the request (nl_receive_message); Linux echoes
    // the header the program wrote (nlmsg_pid 0 here).
    let req = rmsg(GETLINK, REQ | ACK, &ifinfomsg(0, 0, 2, 0, 0), &[]);
    let mut stamped = to_fb(&req).unwrap();
    stamped[12..16].copy_from_slice(&1000u32.to_ne_bytes());
    let ack = f_error(0, CAPPED, &stamped[..16], &[]);
    let out = parse_one(&to_lx_fill(&ctx().with_request(Some(&req)), &ack, 0).unwrap());
    assert_eq!(&out.payload[4..20], &req[..16]);
}

#[test]
fn notifications_carry_linux_flags() {
    // Observed on Linux 6.18: NEWROUTE notifications carry the creation flags
    // (fib_table_insert / fib6_add_rt2node), DELROUTE 0, nexthop events the request's flags
    // (nexthop_notify), link/address/neighbour events 0. FreeBSD's report_operation() copies
    // the request's flags into route events.
    let route = rtmsg(2, 24, 254, 4, 0, 1, 0);
    let n = |ty: u16, flags: u16, hdr: &[u8]| flags_back(&ctx(), &rmsg(ty, flags, hdr, &[]));
    assert_eq!(
        n(NEWROUTE, REQ | ACK | CREATE | EXCL, &route),
        CREATE | EXCL
    );
    assert_eq!(n(NEWROUTE, REQ | ACK | REPLACE, &route), REPLACE);
    assert_eq!(n(NEWROUTE, CREATE | EXCL, &route), CREATE | EXCL);
    assert_eq!(n(DELROUTE, REQ | ACK, &route), 0);
    let nh = nhmsg(2, 0, 4, 0);
    assert_eq!(
        n(NEWNEXTHOP, REQ | ACK | CREATE | EXCL, &nh),
        REQ | ACK | CREATE | EXCL
    );
    assert_eq!(n(DELNEXTHOP, REQ | ACK, &nh), REQ | ACK);
    assert_eq!(
        n(NEWLINK, REQ | ACK | ECHO, &ifinfomsg(0, IFT_ETHER, 2, 1, 0)),
        0
    );
    assert_eq!(
        n(NEWADDR, REQ | ACK | CREATE, &ifaddrmsg(2, 24, 0, 0, 2)),
        0
    );
    assert_eq!(n(NEWNEIGH, REQ | CREATE, &ndmsg(2, 2, 0x80, 0, 1)), 0);
    // A route event on the socket that asked for it is still a notification, not a reply.
    let req = rmsg(NEWROUTE, REQ | ACK | CREATE | EXCL, &route, &[]);
    let ev = rmsg(NEWROUTE, REQ | ACK | CREATE | EXCL, &route, &[]);
    assert_eq!(
        flags_back(&ctx().with_request(Some(&req)), &ev),
        CREATE | EXCL
    );
}

#[test]
fn request_bits_echoed_by_freebsd_are_not_dump_state() {
    // A request with all 16 flag bits: FreeBSD's nlmsg_reply() copies them into each dump
    // part, 0x10 (NLM_F_DUMP_INTR) and 0x20 (NLM_F_DUMP_FILTERED) included. Linux 6.18
    // answers such a link dump with parts flagged NLM_F_MULTI only (observed through
    // `nlcompat run --backend linux`, tests/hostile case flags_all/getlink_dump).
    let hdr = ifinfomsg(0, IFT_ETHER, 1, 1, 0);
    let req = rmsg(GETLINK, 0xFFFF, &ifinfomsg(0, 0, 0, 0, 0), &[]);
    let c = ctx().with_request(Some(&req));
    let part = rmsg(NEWLINK, 0xFFFF | MULTI, &hdr, &[]);
    assert_eq!(flags_back(&c, &part), MULTI);
    // A part FreeBSD flags interrupted for a request without the bit keeps it.
    let req = rmsg(GETLINK, REQ | DUMP, &ifinfomsg(0, 0, 0, 0, 0), &[]);
    let c = ctx().with_request(Some(&req));
    let part = rmsg(NEWLINK, REQ | DUMP | MULTI | 0x10, &hdr, &[]);
    assert_eq!(flags_back(&c, &part), MULTI | 0x10);
}
