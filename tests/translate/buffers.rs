// SPDX-License-Identifier: BSD-2-Clause
//! Buffers of several messages, sizes and `Error::NoSpace` (`src/lib.rs`).

use super::*;

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
