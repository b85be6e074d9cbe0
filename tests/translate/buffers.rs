// SPDX-License-Identifier: BSD-2-Clause
//! Buffers of several messages, sizes and `Error::NoSpace` (`src/lib.rs`).

use super::*;

// ----------------------------------------------------------- buffers

#[test]
fn no_space_reports_needed_size() {
    let rep = link_reply(2, IFT_ETHER, &[a_str(3, "em0"), a_u32(4, 1500)]);
    let full = to_lx(&rep).unwrap();
    for size in [0, 16, full.len() - 1] {
        let mut small = vec![0u8; size];
        let r = nlcompat::to_linux(&ctx(), Freebsd::new(&rep), &mut small);
        assert_eq!(
            r.map(|x| x.bytes().len()),
            Err(Error::NoSpace {
                needed: full.len() as u32
            })
        );
    }
    let req = rmsg(GETLINK, REQ, &ifinfomsg(0, 0, 0, 0, 0), &[a_str(3, "eth0")]);
    let full = to_fb(&req).unwrap();
    let mut small = vec![0u8; full.len() - 4];
    let r = nlcompat::to_freebsd(&ctx(), Linux::new(&req), &mut small);
    assert_eq!(
        r.map(|x| x.bytes().len()),
        Err(Error::NoSpace {
            needed: full.len() as u32
        })
    );
}

#[test]
fn output_independent_of_destination_contents() {
    let rep = [
        link_reply(
            2,
            IFT_ETHER,
            &[a_str(3, "em0"), attr(1, &[2, 0, 0, 0, 0, 2])],
        ),
        rmsg(
            NEWROUTE,
            MULTI,
            &rtmsg(L_INET, 24, 0, 4, 0, 1, 0),
            &[f_via()],
        ),
        msg(DONE, 0, 7, 0, &0i32.to_ne_bytes()),
    ]
    .concat();
    assert_eq!(
        to_lx_fill(&ctx(), &rep, 0).unwrap(),
        to_lx_fill(&ctx(), &rep, 0xFF).unwrap()
    );
    let mut req = msg(GETADDR, REQ | DUMP, 1, 0, &[L_INET6]);
    req.truncate(17);
    let req = [
        req,
        vec![0, 0, 0],
        rmsg(
            NEWROUTE,
            REQ,
            &rtmsg(L_INET, 24, 254, 3, 0, 1, 0),
            &[l_via()],
        ),
    ]
    .concat();
    assert_eq!(
        to_fb_fill(&ctx(), &req, 0).unwrap(),
        to_fb_fill(&ctx(), &req, 0xFF).unwrap()
    );
}

#[test]
fn nda_flags_ext_shifted() {
    let req = rmsg(
        NEWNEIGH,
        REQ | CREATE,
        &ndmsg(L_INET, 2, 0x80, 0, 0),
        &[attr(1, &[10, 0, 0, 2]), a_u32(15, 0x1)],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 12);
    assert_eq!(pu32(find(&a, 15).unwrap()) & 0x100, 0x100);
    assert_eq!(pu32(find(&a, 15).unwrap()) & 0x1, 0);
    let rep = rmsg(
        NEWNEIGH,
        MULTI,
        &ndmsg(L_INET, 2, 0x2, 0, 0),
        &[a_u32(15, 0x100)],
    );
    let a = attrs_of(&parse_one(&to_lx(&rep).unwrap()), 12);
    assert_eq!(pu32(find(&a, 15).unwrap()), 0x1);
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

#[test]
fn ipv6_newaddr_without_lifetimes_means_forever_on_freebsd() {
    // Linux: no IFA_CACHEINFO = INFINITY_LIFE_TIME; FreeBSD's handle_newaddr_inet6 would pass
    // 0/0 to in6_update_ifa, which adds nothing. The request must carry 0xFFFFFFFF lifetimes.
    let req = rmsg(
        20,
        REQ,
        &ifaddrmsg(L_INET6, 64, 0, 0, 2),
        &[attr(2, &V6), attr(1, &V6)],
    );
    let m = parse_one(&to_fb(&req).unwrap());
    let a = attrs_of(&m, 8);
    let ci = find(&a, 6).expect("IFA_CACHEINFO added");
    assert_eq!(&ci[..8], &[0xff; 8]);
    // With lifetimes given, they pass unchanged and nothing is added.
    let ci_in = [100u32, 200, 0, 0].map(u32::to_ne_bytes).concat();
    let req = rmsg(
        20,
        REQ,
        &ifaddrmsg(L_INET6, 64, 0, 0, 2),
        &[attr(2, &V6), attr(6, &ci_in)],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 8);
    assert_eq!(find(&a, 6).unwrap(), &ci_in[..]);
    assert_eq!(a.iter().filter(|(t, _)| *t == 6).count(), 1);
}

#[test]
fn route_get_reply_is_a_host_route_for_the_address_asked() {
    // `ip route get 192.0.2.77`: a single RTM_GETROUTE with RTA_DST. FreeBSD answers with the
    // matching prefix (192.0.2.0/24); Linux answers with the address itself, /32,
    // RTM_F_CLONED (0x200), protocol unspecified (net/ipv4/route.c rt_fill_info).
    let req = rmsg(
        26,
        REQ,
        &rtmsg(L_INET, 32, 0, 0, 0, 0, 0),
        &[attr(1, &[192, 0, 2, 77])],
    );
    let rep = rmsg(
        24,
        0,
        &rtmsg(L_INET, 24, 0, 2, 0, 1, 0),
        &[a_u32(15, 0), attr(1, &[192, 0, 2, 0]), a_u32(4, 2)],
    );
    let ctx = common::ctx().with_request(Some(&req));
    let m = parse_one(&to_lx_fill(&ctx, &rep, 0).unwrap());
    let h = hdr(&m);
    assert_eq!(h[1], 32, "rtm_dst_len");
    assert_eq!(h[5], 0, "rtm_protocol");
    assert_eq!(
        u32::from_ne_bytes(h[8..12].try_into().unwrap()) & 0x200,
        0x200
    );
    assert_eq!(find(&attrs_of(&m, 12), 1).unwrap(), &[192, 0, 2, 77]);
    // Without the request (a dump part or a notification) the prefix stays.
    let m = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(hdr(&m)[1], 24);
    assert_eq!(find(&attrs_of(&m, 12), 1).unwrap(), &[192, 0, 2, 0]);
}

#[test]
fn static_neighbours_permanent_on_linux_sticky_on_freebsd() {
    // ndmsg: family u8, pad, pad u16, ifindex i32, state u16, flags u8, type u8.
    let nd = |fam: u8, state: u16, flags: u8| {
        let mut h = vec![fam, 0, 0, 0];
        h.extend_from_slice(&2i32.to_ne_bytes());
        h.extend_from_slice(&state.to_ne_bytes());
        h.extend_from_slice(&[flags, 0]);
        h
    };
    // Linux NUD_PERMANENT 0x80 -> FreeBSD NTF_STICKY 0x40 with NUD_REACHABLE 0x02.
    let req = rmsg(28, REQ, &nd(L_INET, 0x80, 0), &[attr(1, &[192, 0, 2, 55])]);
    let m = parse_one(&to_fb(&req).unwrap());
    assert_eq!(&hdr(&m)[8..11], &[0x02, 0x00, 0x40]);
    // And back: a FreeBSD static entry is PERMANENT, without Linux's (bridge) NTF_STICKY.
    let rep = rmsg(
        28,
        MULTI,
        &nd(L_INET, 0x02, 0x40),
        &[attr(1, &[192, 0, 2, 55])],
    );
    let m = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(&hdr(&m)[8..11], &[0x80, 0x00, 0x00]);
    // Dynamic entries keep their state and flags.
    let rep = rmsg(
        28,
        MULTI,
        &nd(L_INET, 0x04, 0x80),
        &[attr(1, &[192, 0, 2, 1])],
    );
    let m = parse_one(&to_lx(&rep).unwrap());
    assert_eq!(&hdr(&m)[8..11], &[0x04, 0x00, 0x80]);
}
