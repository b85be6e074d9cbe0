// SPDX-License-Identifier: BSD-2-Clause
//! Nexthop objects (`src/msg/nexthop.rs`).

use super::*;

#[test]
fn nha_freebsd_and_nha_op_flags_share_id_14() {
    let rep = rmsg(
        NEWNEXTHOP,
        MULTI,
        &nhmsg(L_INET, 0, 3, 0),
        &[
            a_u32(1, 7),
            nest(14, &[a_u32(5, 9), a_u32(4, 2)]),
            a_u32(5, 2),
        ],
    );
    let a = attrs_of(&parse_one(&to_lx(&rep).unwrap()), 8);
    assert_eq!(ids(&a), vec![1, 5]);
    let req = rmsg(
        NEWNEXTHOP,
        REQ,
        &nhmsg(L_INET, 0, 3, 0),
        &[a_u32(1, 7), a_u32(14, 1)],
    );
    assert_eq!(
        ids(&attrs_of(&parse_one(&to_fb(&req).unwrap()), 8)),
        vec![1]
    );
}
