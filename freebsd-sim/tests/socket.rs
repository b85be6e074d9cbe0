// SPDX-License-Identifier: BSD-2-Clause
//! Socket layer (`sys/netlink/netlink_domain.c`: `nl_attach`, `nl_bind`, `nl_connect`,
//! `nl_ctloutput`, `nl_sosend`, `nl_soreceive`, `nl_send_group`; `netlink_io.c`:
//! `nl_process_nbuf`, `nl_receive_message`, `nl_send`; `netlink_message_writer.c`:
//! `nlmsg_ack`), expectations from `tests/sys/netlink/netlink_socket.c` and
//! `test_nl_core.py`.
#![cfg(test)]
#![allow(clippy::arithmetic_side_effects, clippy::as_conversions)]

mod common;
use common::*;
use freebsd_sim::{Kernel, RecvFlags};

const RTM_NEWLINK: u16 = 16;
const RTM_GETLINK: u16 = 18;
const RTM_NEWROUTE: u16 = 24;
const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const F_REQ: u16 = 1;
const F_ACK: u16 = 4;
const F_DUMP: u16 = 0x300;
const F_CREATE: u16 = 0x400;

fn getlink_dump() -> Vec<u8> {
    msg(RTM_GETLINK, F_REQ | F_DUMP, 1, &ifinfomsg(0, 0, 0, 0, 0))
}

/// `test_nl_core.py`: SOCK_RAW/SOCK_DGRAM only, others EPROTOTYPE (quirk N6);
/// `nl_verify_proto`: EINVAL out of range, EPROTONOSUPPORT without a handler.
#[test]
fn socket_types_and_protocols() {
    let mut k = Kernel::default_host();
    assert!(k.socket_typed(3, 0, ROOT).is_ok());
    assert!(k.socket_typed(2, 16, ROOT).is_ok());
    for ty in [1, 4, 5] {
        assert_eq!(k.socket_typed(ty, 0, ROOT), Err(41));
    }
    assert_eq!(k.socket(4, ROOT), Err(43));
    assert_eq!(k.socket(20, ROOT), Err(22));
}

/// `nl_bind`: `nl_len` must be 12 (EINVAL); port 0 picks the pid (`nl_find_port`), then
/// random ports in 262144..327679; a taken port is EADDRINUSE; rebinding to another port
/// is EINVAL; `nl_groups` joins groups 1..32.
#[test]
fn bind_rules() {
    let mut k = Kernel::default_host();
    let a = k.socket(0, ROOT).unwrap();
    let mut bad = sockaddr_nl(0, 0);
    bad[0] = 16;
    assert_eq!(k.bind(a, &bad), Err(22));
    assert_eq!(k.port_id(a), Some(0));
    k.bind(a, &sockaddr_nl(0, 1 << 6)).unwrap();
    assert_eq!(k.port_id(a), Some(1000));
    assert_eq!(k.bind(a, &sockaddr_nl(5, 0)), Err(22));
    let b = k.socket(0, ROOT).unwrap();
    assert_eq!(k.bind(b, &sockaddr_nl(1000, 0)), Err(48));
    k.bind(b, &sockaddr_nl(0, 0)).unwrap();
    let pb = k.port_id(b).unwrap();
    assert!((262_144..327_680).contains(&pb), "port {pb}");
    assert_eq!(k.getsockopt(a, 270, 9).unwrap(), (1u32 << 6).to_ne_bytes());
    // The bind-time group mask (bit 6 = group 7, IPV4_ROUTE) delivers route events.
    let s = route_sock(&mut k, ROOT);
    let mut p = rtmsg(2, 24, 0, 0, 1, 0);
    p.extend(attr(1, &ip4("198.51.100.0")));
    p.extend(attr(5, &ip4("192.0.2.1")));
    roundtrip(&mut k, s, &msg(RTM_NEWROUTE, F_REQ | F_CREATE, 1, &p));
    let ev = recv_all(&mut k, a);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].ty, RTM_NEWROUTE);
}

/// `nl_connect`: autobinds starting at the pid.
#[test]
fn connect_autobinds() {
    let mut k = Kernel::default_host();
    let a = k.socket(0, ROOT).unwrap();
    k.connect(a, &sockaddr_nl(0, 0)).unwrap();
    assert_eq!(k.port_id(a), Some(1000));
    let b = k.socket(0, ROOT).unwrap();
    k.connect(b, &sockaddr_nl(0, 0)).unwrap();
    assert_eq!(k.port_id(b), Some(1001));
}

/// Unbound sockets keep port 0: replies carry `nlmsg_pid` 0.
#[test]
fn unbound_socket_replies_with_pid_zero() {
    let mut k = Kernel::default_host();
    let s = k.socket(0, ROOT).unwrap();
    let m = roundtrip(&mut k, s, &getlink_dump());
    assert!(m.iter().all(|x| x.pid == 0));
}

/// `nl_ctloutput`: options 3–8 ENOPROTOOPT (quirk N7); membership range 1..127 (ERANGE);
/// flag options read back as 0/1.
#[test]
fn socket_options() {
    let mut k = Kernel::default_host();
    let s = k.socket(0, ROOT).unwrap();
    for o in 3..=8 {
        assert_eq!(
            k.setsockopt(s, 270, o, &1i32.to_ne_bytes()),
            Err(42),
            "set {o}"
        );
        assert_eq!(k.getsockopt(s, 270, o), Err(42), "get {o}");
    }
    assert_eq!(k.setsockopt(s, 270, 1, &0i32.to_ne_bytes()), Err(34));
    assert_eq!(k.setsockopt(s, 270, 1, &128i32.to_ne_bytes()), Err(34));
    k.setsockopt(s, 270, 1, &127i32.to_ne_bytes()).unwrap();
    k.setsockopt(s, 270, 1, &3i32.to_ne_bytes()).unwrap();
    assert_eq!(k.getsockopt(s, 270, 9).unwrap(), 4u32.to_ne_bytes());
    for o in [10, 11, 12, 257] {
        assert_eq!(k.getsockopt(s, 270, o).unwrap(), 0i32.to_ne_bytes());
        k.setsockopt(s, 270, o, &7i32.to_ne_bytes()).unwrap();
        assert_eq!(k.getsockopt(s, 270, o).unwrap(), 1i32.to_ne_bytes());
    }
}

/// `nl_sosend`: fewer than 16 bytes ENOBUFS; more than the send buffer EMSGSIZE.
#[test]
fn send_limits() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    assert_eq!(k.send(s, &[0u8; 15]), Err(55));
    assert_eq!(k.send(s, &vec![0u8; 65537]), Err(40));
}

/// `nl_receive_message`: a message whose `nlmsg_len` exceeds the data is EINVAL without
/// an ack, and the rest of the buffer is dropped.
#[test]
fn bad_length_is_dropped_silently() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let mut req = getlink_dump();
    req[0] = 200;
    assert!(roundtrip(&mut k, s, &req).is_empty());
}

/// `nl_process_nbuf`: several requests in one send share one reply writer; each gets
/// its reply in order.
#[test]
fn batched_requests() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let mut req = msg(RTM_GETLINK, F_REQ | F_ACK, 1, &ifinfomsg(0, 0, 1, 0, 0));
    req.extend(msg(RTM_GETLINK, F_REQ, 2, &ifinfomsg(0, 0, 99, 0, 0)));
    let m = roundtrip(&mut k, s, &req);
    let seqs: Vec<(u16, u32)> = m.iter().map(|x| (x.ty, x.seq)).collect();
    assert_eq!(seqs, [(RTM_NEWLINK, 1), (NLMSG_ERROR, 1), (NLMSG_ERROR, 2)]);
    assert_eq!(m[1].i32_at(0), 0);
    assert_eq!(m[2].i32_at(0), 19);
}

/// `nlmsg_ack`: with NETLINK_CAP_ACK an error ack echoes only the header (NLM_F_CAPPED).
#[test]
fn cap_ack_echoes_header_only() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.setsockopt(s, 270, 10, &1i32.to_ne_bytes()).unwrap();
    let m = roundtrip(
        &mut k,
        s,
        &msg(RTM_GETLINK, F_REQ, 2, &ifinfomsg(0, 0, 99, 0, 0)),
    );
    assert_eq!((m[0].flags, m[0].len), (0x100, 36));
    assert_eq!(m[0].u32_at(4), 32, "echoed nlmsg_len is the original one");
}

/// `netlink_socket.c` `peek`: MSG_PEEK|MSG_TRUNC with a zero-length buffer returns the
/// size of the first message and consumes nothing.
#[test]
fn peek_trunc_sizes() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.send(s, &getlink_dump()).unwrap();
    let first_len = {
        let bufs = k.take_bufs(s);
        split(&bufs[0])[0].len as usize
    };
    k.send(s, &getlink_dump()).unwrap();
    let flags = RecvFlags::PEEK.with(RecvFlags::TRUNC);
    let r = k.recv(s, 0, flags).unwrap();
    assert_eq!(r.ret, first_len);
    assert!(r.data.is_empty());
    let r = k.recv(s, 16, flags).unwrap();
    assert_eq!(r.ret, first_len);
    assert_eq!(r.data.len(), 16);
    assert_ne!(r.msg_flags & 0x10, 0);
    // Nothing consumed: a full read returns every message including NLMSG_DONE.
    let r = k.recv(s, 65536, RecvFlags::NONE).unwrap();
    let m = split(&r.data);
    assert_eq!(m.len(), 4);
    assert_eq!(r.ret, r.data.len());
    assert_eq!(r.src, [12, 38, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
}

/// `netlink_socket.c` `sizes`: a read shorter than the first message truncates it and
/// loses it (MSG_TRUNC); a read that fits returns whole messages only, across `nl_buf`s.
#[test]
fn short_read_truncates_and_loses() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.send(s, &getlink_dump()).unwrap();
    let r = k.recv(s, 100, RecvFlags::NONE).unwrap();
    assert_eq!(r.data.len(), 100);
    assert_eq!(r.ret, 100);
    assert_eq!(r.msg_flags & 0x10, 0x10);
    let first = u32::from_ne_bytes(r.data[0..4].try_into().unwrap()) as usize;
    // Room for one and a half messages: only the next whole message comes back.
    let r = k.recv(s, first + first / 2, RecvFlags::NONE).unwrap();
    let m = split(&r.data);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].attr(16, 3).unwrap(), b"em1\0");
    assert_eq!(r.msg_flags & 0x10, 0);
    // The rest: lo0 and NLMSG_DONE (which sit in different nl_bufs or not, no matter).
    let r = k.recv(s, 65536, RecvFlags::NONE).unwrap();
    let m = split(&r.data);
    assert_eq!(
        m.iter().map(|x| x.ty).collect::<Vec<_>>(),
        [RTM_NEWLINK, NLMSG_DONE]
    );
    assert_eq!(k.recv(s, 65536, RecvFlags::DONTWAIT).unwrap_err(), 35);
}

/// MSG_TRUNC without PEEK reports the full length of a cut message that is not the last
/// one of its `nl_buf`.
#[test]
fn trunc_reports_full_length() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    // Two acks in one nl_buf.
    let mut req = msg(RTM_GETLINK, F_REQ, 1, &ifinfomsg(0, 0, 99, 0, 0));
    req.extend(msg(RTM_GETLINK, F_REQ, 2, &ifinfomsg(0, 0, 98, 0, 0)));
    k.send(s, &req).unwrap();
    let r = k.recv(s, 8, RecvFlags::TRUNC).unwrap();
    assert_eq!(r.data.len(), 8);
    // nlmsghdr + error + the whole 32-byte request echoed.
    assert_eq!(r.ret, 16 + 4 + 32);
    let r = k.recv(s, 1000, RecvFlags::NONE).unwrap();
    assert_eq!(split(&r.data)[0].seq, 2);
}

/// `nl_send_group` / `nl_send`: multicast respects the receive limit; overflow is only
/// counted (`nl_dropped_messages`), requests' replies ignore it.
#[test]
fn multicast_overflow_is_counted() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let l = route_sock(&mut k, ROOT);
    k.setsockopt(l, 0xffff, 0x1002, &200i32.to_ne_bytes())
        .unwrap();
    k.setsockopt(l, 270, 1, &7i32.to_ne_bytes()).unwrap();
    for i in 0..5u8 {
        let mut p = rtmsg(2, 24, 0, 0, 1, 0);
        p.extend(attr(1, &[198, 51, i, 0]));
        p.extend(attr(5, &ip4("192.0.2.1")));
        roundtrip(&mut k, s, &msg(RTM_NEWROUTE, F_REQ | F_CREATE, 1, &p));
    }
    // Each notification is ~92 bytes; `nl_send` only refuses once the queue is already at
    // or above the limit, so the third one still goes in and the last two are dropped.
    assert_eq!(recv_all(&mut k, l).len(), 3);
    assert_eq!(k.dropped(l), 2);
    assert_eq!(k.take_dropped(l), 2);
    assert_eq!(k.take_dropped(l), 0);
    assert_eq!(k.dropped(l), 2);
    assert_eq!(k.pending(), Vec::new());
}

/// `nl_send_group`: every member gets its own copy, newest socket first in the list.
#[test]
fn multicast_fanout() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    let a = route_sock(&mut k, ROOT);
    let b = route_sock(&mut k, ROOT);
    for x in [a, b] {
        k.setsockopt(x, 270, 1, &7i32.to_ne_bytes()).unwrap();
    }
    let mut p = rtmsg(2, 24, 0, 0, 1, 0);
    p.extend(attr(1, &ip4("198.51.100.0")));
    p.extend(attr(5, &ip4("192.0.2.1")));
    roundtrip(&mut k, s, &msg(RTM_NEWROUTE, F_REQ | F_CREATE, 1, &p));
    assert_eq!(k.pending(), vec![a, b]);
    let ba = k.take_bufs(a);
    let bb = k.take_bufs(b);
    assert_eq!(ba, bb);
    assert_eq!(split(&ba[0])[0].ty, RTM_NEWROUTE);
}

/// Same requests on the same topology → same bytes.
#[test]
fn deterministic() {
    let run = || {
        let mut k = Kernel::default_host();
        let s = route_sock(&mut k, ROOT);
        let mut out = Vec::new();
        for ty in [18u16, 22, 26, 30] {
            k.send(s, &msg(ty, F_REQ | F_DUMP, 1, &[0u8; 16])).unwrap();
            out.extend(k.take_bufs(s));
        }
        out
    };
    assert_eq!(run(), run());
}

/// NETLINK_MSG_INFO control data (`nl_createcontrol`): process id and port id TLVs.
#[test]
fn msg_info_cmsg() {
    let mut k = Kernel::default_host();
    let s = route_sock(&mut k, ROOT);
    k.setsockopt(s, 270, 257, &1i32.to_ne_bytes()).unwrap();
    k.send(s, &getlink_dump()).unwrap();
    let r = k.recv(s, 65536, RecvFlags::NONE).unwrap();
    let tl = parse_attrs(&r.msg_info.unwrap());
    assert_eq!(
        tl,
        vec![
            (1, 1000u32.to_ne_bytes().to_vec()),
            (2, 1000u32.to_ne_bytes().to_vec())
        ]
    );
}

/// `netlink_socket.c` `overflow`, adapted: flood 16-byte RTM_GETLINK|NLM_F_ACK requests
/// (each answered by a full link dump, since without index or name GETLINK always dumps)
/// until the send buffer is full too (EAGAIN, where FreeBSD would block); one read wakes
/// the queue and the next send succeeds.
#[test]
fn overflow_like_freebsd_test() {
    let mut k = Kernel::default_host();
    let s = k.socket(0, ROOT).unwrap();
    let sendspace =
        i32::from_ne_bytes(k.getsockopt(s, 0xffff, 0x1001).unwrap().try_into().unwrap());
    let hdr = msg(RTM_GETLINK, F_REQ | F_ACK, 0, &[]);
    assert_eq!(hdr.len(), 16);
    let mut cnt = 0usize;
    loop {
        match k.send(s, &hdr) {
            Ok(16) => cnt += 1,
            Err(e) => {
                assert_eq!(e, 35);
                break;
            }
            Ok(n) => panic!("short send {n}"),
        }
    }
    assert!(16 * cnt > sendspace as usize);
    assert!(k.queued_bytes(s) >= 65536);
    let r = k.recv(s, 1000, RecvFlags::NONE).unwrap();
    assert!(r.ret > 16);
    assert_eq!(k.send(s, &hdr), Ok(16));
}

/// `netlink_socket.c` `sizes`: PEEK|TRUNC gives the first message's size; a zero-sized
/// read changes nothing; an undersized read returns what fits, sets MSG_TRUNC and drops
/// exactly that message; a large read spans several `nl_buf`s.
#[test]
fn sizes_like_freebsd_test() {
    let mut k = Kernel::default_host();
    let s = k.socket(0, ROOT).unwrap();
    let hdr = msg(RTM_GETLINK, F_REQ | F_ACK, 0, &[]);
    for _ in 0..6 {
        k.send(s, &hdr).unwrap();
    }
    let total = k.queued_bytes(s);
    assert_eq!(total, 6 * 920);
    k.setsockopt(s, 270, 257, &1i32.to_ne_bytes()).unwrap();
    let r = k
        .recv(s, 16, RecvFlags::PEEK.with(RecvFlags::TRUNC))
        .unwrap();
    let first = u32::from_ne_bytes(r.data[0..4].try_into().unwrap()) as usize;
    assert_eq!(r.ret, first);
    // NLMSGINFO_ATTR_PORT_ID is 0: the socket never bound.
    let info = parse_attrs(&r.msg_info.unwrap());
    assert_eq!(info[1], (2, 0u32.to_ne_bytes().to_vec()));
    assert_eq!(k.recv(s, 0, RecvFlags::NONE).unwrap().ret, 0);
    assert_eq!(k.queued_bytes(s), total);
    let r = k.recv(s, 16, RecvFlags::NONE).unwrap();
    assert_eq!(r.ret, 16);
    assert_ne!(r.msg_flags & 0x10, 0);
    assert_eq!(k.queued_bytes(s), total - first);
    let r = k.recv(s, 20480, RecvFlags::NONE).unwrap();
    assert_eq!(r.ret, total - first);
    assert_eq!(split(&r.data).len(), 6 * 4 - 1);
}
