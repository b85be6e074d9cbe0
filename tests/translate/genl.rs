// SPDX-License-Identifier: BSD-2-Clause
//! Generic netlink (`src/msg/genl.rs`).

use super::*;

#[test]
fn nlctrl_and_other_genl_families_pass_through() {
    // GENL_ID_CTRL 16, CTRL_CMD_GETFAMILY 3, CTRL_ATTR_FAMILY_NAME 2.
    let req = rmsg(16, REQ, &[3, 2, 0, 0], &[a_str(2, "nl80211")]);
    assert_eq!(to_fb_fill(&gctx(), &req, 0x11).unwrap(), req);
    let ops = nest(6, &[nest(1, &[a_u32(1, 3), a_u32(2, 0xe)])]);
    let rep = rmsg(
        16,
        MULTI,
        &[1, 2, 0, 0],
        &[a_u16(1, 0x1d), a_str(2, "nl80211"), ops],
    );
    assert_eq!(to_lx_fill(&gctx(), &rep, 0x11).unwrap(), rep);
    let other = rmsg(0x1d, REQ, &[5, 1, 0, 0], &[a_u32(99, 1), a_u32(11, 2)]);
    assert_eq!(to_fb_fill(&gctx(), &other, 0x11).unwrap(), other);
    // Coming back, only the flags change: FreeBSD copied NLM_F_REQUEST from the request
    // (`nlmsg_reply()`); Linux sends 0 on what is not a dump part.
    let mut back = other.clone();
    back[6..8].copy_from_slice(&0u16.to_ne_bytes());
    assert_eq!(to_lx_fill(&gctx(), &other, 0x11).unwrap(), back);
}
