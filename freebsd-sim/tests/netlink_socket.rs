// SPDX-License-Identifier: BSD-2-Clause
//! FreeBSD's `tests/sys/netlink/netlink_socket.c` (freebsd-src @e4452d45): the ATF
//! cases `overflow`, `peek`, `sizes` and `membership`, against the model's socket
//! layer. Where FreeBSD blocks (a send with both buffers full, `overflow`) the model
//! returns EAGAIN instead (it never sleeps; `docs/freebsd-sim.md`), so the test checks
//! that outcome in place of EINTR from the alarm.
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::{Kernel, RecvFlags, Release, SockId};

const RTM_GETLINK: u16 = 18;
const RTM_NEWROUTE: u16 = 24;
const RTM_DELROUTE: u16 = 25;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;
const F_EXCL: u16 = 0x200;
const F_CREATE: u16 = 0x400;
const SOL_SOCKET: i32 = 0xffff;
const SO_SNDBUF: i32 = 0x1001;
const SO_RCVBUF: i32 = 0x1002;
const NETLINK_ADD_MEMBERSHIP: i32 = 1;
const NETLINK_MSG_INFO: i32 = 257;
const RTNLGRP_IPV4_ROUTE: i32 = 7;
const NLMSGINFO_ATTR_PROCESS_ID: u16 = 1;
const NLMSGINFO_ATTR_PORT_ID: u16 = 2;
const MSG_TRUNC: i32 = 0x10;
const EAGAIN: i32 = 35;
const BUFLEN: usize = 1000;
const PID: u32 = 4242;

/// The test's `hdr`: a bare RTM_GETLINK header, REQUEST|ACK, 16 bytes.
fn hdr() -> Vec<u8> {
    msg(RTM_GETLINK, F_REQ | F_ACK, 0, &[])
}

fn sockopt_int(k: &Kernel, s: SockId, name: i32) -> usize {
    let v = k.getsockopt(s, SOL_SOCKET, name).unwrap();
    i32::from_ne_bytes(v[..4].try_into().unwrap()) as usize
}

/// `fullsocket()`: an unbound SOCK_RAW socket flooded with GETLINK requests, without
/// reading, until a send fails; the failure is EAGAIN and comes only after more than
/// the send buffer's worth of requests, with the receive buffer full by then.
fn fullsocket(k: &mut Kernel) -> SockId {
    let fd = k.socket_typed(3, 0, ROOT).unwrap();
    let sendspace = sockopt_int(k, fd, SO_SNDBUF);
    let recvspace = sockopt_int(k, fd, SO_RCVBUF);
    assert_eq!(k.send(fd, &hdr()), Ok(16));
    let r = k.recv(fd, 16, RecvFlags::PEEK).unwrap();
    assert_eq!(r.ret, 16);
    let rsize = k.queued_bytes(fd);
    let mut cnt = 0usize;
    loop {
        match k.send(fd, &hdr()) {
            Ok(16) => cnt += 1,
            Err(e) => {
                assert_eq!(e, EAGAIN);
                assert!(16 * cnt > sendspace, "{cnt} sends, sendspace {sendspace}");
                break;
            }
            Ok(n) => panic!("short send {n}"),
        }
        assert!(cnt < 1_000_000, "never filled");
    }
    assert!(k.queued_bytes(fd) > recvspace - rsize);
    fd
}

/// `overflow`: with both buffers full a send cannot proceed (EAGAIN here, a sleep on
/// FreeBSD); reading a reply restarts the queue, after which a send succeeds.
#[test]
fn overflow() {
    for rel in Release::ALL {
        let mut k = host(rel);
        let fd = fullsocket(&mut k);
        assert_eq!(k.send(fd, &hdr()), Err(EAGAIN));
        let r = k.recv(fd, BUFLEN, RecvFlags::NONE).unwrap();
        assert!(r.ret > 16);
        assert_eq!(k.send(fd, &hdr()), Ok(16));
    }
}

/// `peek`: MSG_PEEK|MSG_TRUNC with a zero-length buffer returns the size of the
/// pending reply, which a read of that size then returns whole.
#[test]
fn peek() {
    for rel in Release::ALL {
        let mut k = host(rel);
        let fd = k.socket_typed(3, 0, ROOT).unwrap();
        assert_eq!(k.send(fd, &hdr()), Ok(16));
        let ss = k
            .recv(fd, 0, RecvFlags::PEEK.with(RecvFlags::TRUNC))
            .unwrap()
            .ret;
        assert!(ss > 0);
        let r = k.recv(fd, ss, RecvFlags::NONE).unwrap();
        assert_eq!(r.ret, ss);
        assert_eq!(r.data.len(), ss);
    }
}

/// `cmsg_check()`: NETLINK_MSG_INFO carries the process id, then port id 0 (the
/// socket never binds), and nothing else.
fn cmsg_check(info: &Option<Vec<u8>>) {
    let c = parse_attrs(info.as_ref().expect("no NETLINK_MSG_INFO control data"));
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].0, NLMSGINFO_ATTR_PROCESS_ID);
    assert_eq!(c[0].1, PID.to_ne_bytes());
    assert_eq!(c[1].0, NLMSGINFO_ATTR_PORT_ID);
    assert_eq!(c[1].1, 0u32.to_ne_bytes());
}

/// `sizes`: a peeking truncated read reports the first message's length; a zero-byte
/// read leaves the buffer alone; an undersized read returns 16 bytes with MSG_TRUNC
/// and loses that message; a large read spans several `nl_buf`s.
#[test]
fn sizes() {
    for rel in Release::ALL {
        let mut k = host(rel);
        k.set_pid(PID);
        let fd = fullsocket(&mut k);
        k.setsockopt(fd, 270, NETLINK_MSG_INFO, &1i32.to_ne_bytes())
            .unwrap();
        let r = k
            .recv(fd, 16, RecvFlags::PEEK.with(RecvFlags::TRUNC))
            .unwrap();
        let first_len = u32::from_ne_bytes(r.data[..4].try_into().unwrap()) as usize;
        assert_eq!(r.ret, first_len);
        let rsize = k.queued_bytes(fd);
        cmsg_check(&r.msg_info);

        let r = k.recv(fd, 0, RecvFlags::NONE).unwrap();
        assert_eq!(r.ret, 0);
        assert_eq!(k.queued_bytes(fd), rsize);

        let r = k.recv(fd, 16, RecvFlags::NONE).unwrap();
        assert_eq!(r.ret, 16);
        assert!(r.msg_flags & MSG_TRUNC != 0);
        assert!(first_len > 16);
        let size = rsize - first_len;
        let rsize = k.queued_bytes(fd);
        assert_eq!(size, rsize);
        cmsg_check(&r.msg_info);

        let want = (2048 * 10).min(rsize);
        let r = k.recv(fd, want, RecvFlags::NONE).unwrap();
        assert!(r.ret > 2048 * 9 || r.ret == rsize, "read {}", r.ret);
        cmsg_check(&r.msg_info);
    }
}

/// `membership`: NETLINK_ADD_MEMBERSHIP(RTNLGRP_IPV4_ROUTE) on an unbound socket
/// delivers the NEWROUTE and DELROUTE of a temporary 127.0.0.127/32 route (added
/// without an ack, so the notification is the first thing read), each carrying the
/// request's type, rtm_type, dst_len and RTA_DST within the 44 bytes read.
#[test]
fn membership() {
    for rel in Release::ALL {
        let mut k = host(rel);
        let fd = k.socket_typed(3, 0, ROOT).unwrap();
        k.setsockopt(
            fd,
            270,
            NETLINK_ADD_MEMBERSHIP,
            &RTNLGRP_IPV4_ROUTE.to_ne_bytes(),
        )
        .unwrap();
        let dst = ip4("127.0.0.127");
        let mut p = rtmsg(2, 32, 0, 4, 1, 0);
        p.extend(attr(1, &dst));
        p.extend(attr_u32(4, 1));
        let req = msg(RTM_NEWROUTE, F_REQ | F_CREATE | F_EXCL, 0, &p);
        assert_eq!(req.len(), 44);
        assert_eq!(k.send(fd, &req), Ok(44));
        let check = |k: &mut Kernel, ty: u16| {
            let r = k.recv(fd, 44, RecvFlags::NONE).unwrap();
            assert_eq!(r.ret, 44);
            assert_eq!(u16::from_ne_bytes([r.data[4], r.data[5]]), ty);
            assert_eq!(r.data[16 + 7], 1, "rtm_type");
            assert_eq!(r.data[16 + 1], 32, "rtm_dst_len");
            let a = parse_attrs_lenient(&r.data[28..]);
            assert_eq!(
                a.iter().find(|(t, _)| *t == 1).map(|x| &x.1[..]),
                Some(&dst[..])
            );
        };
        check(&mut k, RTM_NEWROUTE);
        let mut p = rtmsg(2, 32, 0, 4, 1, 0);
        p.extend(attr(1, &dst));
        let req = msg(RTM_DELROUTE, F_REQ | F_CREATE | F_EXCL, 0, &p);
        assert_eq!(k.send(fd, &req), Ok(36));
        check(&mut k, RTM_DELROUTE);
    }
}

/// `nla_RTA_DST()`: attributes of a possibly cut buffer, stopping at the cut.
fn parse_attrs_lenient(mut b: &[u8]) -> Vec<(u16, Vec<u8>)> {
    let mut out = Vec::new();
    while b.len() >= 4 {
        let len = u16::from_ne_bytes([b[0], b[1]]) as usize;
        let ty = u16::from_ne_bytes([b[2], b[3]]);
        if len < 4 || len > b.len() {
            break;
        }
        out.push((ty, b[4..len].to_vec()));
        b = &b[((len + 3) & !3).min(b.len())..];
    }
    out
}
