// SPDX-License-Identifier: BSD-2-Clause
//! Addresses (`src/msg/addr.rs`).

use super::*;

#[test]
fn ifa_flags_header_mirrors_ifa_flags_attribute() {
    // Linux `if_addr.h`: DEPRECATED 0x20, PERMANENT 0x80, MANAGETEMPADDR 0x100.
    // `struct ifa_cacheinfo` {prefered, valid, cstamp, tstamp}; 0xFFFFFFFF = forever.
    let reply = |flags: u32, valid: u32| {
        let ci = [3600u32, valid, 0, 0].map(u32::to_ne_bytes).concat();
        let rep = rmsg(
            NEWADDR,
            MULTI,
            &ifaddrmsg(F_INET6, 64, 0, 0, 2),
            &[attr(1, &V6), a_u32(8, flags), attr(6, &ci)],
        );
        let m = parse_one(&to_lx(&rep).unwrap());
        (hdr(&m)[2], pu32(find(&attrs_of(&m, 8), 8).unwrap()))
    };
    assert_eq!(reply(0xa0, 7200), (0xa0, 0xa0));
    assert_eq!(reply(0x100 | 0x20, 7200), (0x20, 0x120));
    // A non-expiring address is PERMANENT on Linux (iproute2: no "dynamic").
    assert_eq!(reply(0x20, u32::MAX), (0xa0, 0xa0));
}

#[test]
fn ifa_freebsd_and_ifa_proto_share_id_11() {
    let rep = rmsg(
        NEWADDR,
        MULTI,
        &ifaddrmsg(L_INET, 24, 0, 0, 2),
        &[
            attr(1, &[10, 0, 0, 1]),
            nest(11, &[a_u32(1, 5), a_u32(2, 0x40)]),
        ],
    );
    let a = attrs_of(&parse_one(&to_lx(&rep).unwrap()), 8);
    // IFA_FREEBSD dropped; Linux's IPv4 form always has IFA_FLAGS and IFA_CACHEINFO.
    assert_eq!(ids(&a), vec![1, 8, 6]);
    let req = rmsg(
        NEWADDR,
        REQ,
        &ifaddrmsg(L_INET, 24, 0, 0, 2),
        &[attr(2, &[10, 0, 0, 1]), a_u8(11, 4)],
    );
    let a = attrs_of(&parse_one(&to_fb(&req).unwrap()), 8);
    assert_eq!(ids(&a), vec![2]);
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
