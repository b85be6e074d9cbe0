// SPDX-License-Identifier: BSD-2-Clause
//! freebsd-sim's request handling: arbitrary bytes sent on a model socket (`Kernel::send`,
//! in FreeBSD's ABI directly, or a Linux request first put through `to_freebsd` as the runner
//! does), then the translator on every `nl_buf` the model queues (`to_linux`, as FreeBSD's
//! `msgs_to_linux()` hook would run). Invariants:
//! - `send` returns the length or a positive errno; the model never panics;
//! - every queued `nl_buf` is well framed, and the translator turns it into Linux bytes that
//!   re-parse, under all of `common::check`'s invariants (no framing error ever reaches a
//!   Linux process from well-formed kernel output);
//! - each well-formed request with `NLM_F_ACK` is answered: some message carries its
//!   sequence number; every `NLMSG_ERROR` a Linux process gets holds an errno and a header;
//! - the model is deterministic: a second host fed the same sends queues the same bytes.
//!
//! Input: byte 0 = socket options (bit 0 generic netlink, 1 EXT_ACK, 2 CAP_ACK, 3 strict
//! checking, 4 Linux-ABI input), then chunks `[len: u8][bytes]`, one `send` each.
#![no_main]

mod common;

use freebsd_sim::{Cred, Kernel};
use libfuzzer_sys::fuzz_target;
use nlcompat::wire::Messages;
use nlcompat::{Dir, Proto};

/// SOL_NETLINK options, FreeBSD `sys/netlink/netlink.h`.
const SOL_NETLINK: i32 = 270;
const NETLINK_CAP_ACK: i32 = 10;
const NETLINK_EXT_ACK: i32 = 11;
const NETLINK_GET_STRICT_CHK: i32 = 12;
const NLM_F_REQUEST: u16 = 1;
const NLM_F_ACK: u16 = 4;

fn session(opts: u8, chunks: &[&[u8]], host: &nlcompat::StaticHost<'_>) -> Vec<Vec<u8>> {
    let proto = if opts & 1 != 0 { 16 } else { 0 };
    let tproto = Proto::from_number(proto);
    let ctx = nlcompat::Ctx::new(host, tproto);
    let mut k = Kernel::default_host();
    let s = k.socket(proto, Cred { uid: 0 }).expect("socket");
    let mut sa = [0u8; 12];
    sa[0] = 12;
    sa[1] = 38; // AF_NETLINK on FreeBSD
    k.bind(s, &sa).expect("bind");
    for (bit, name) in [
        (2, NETLINK_EXT_ACK),
        (4, NETLINK_CAP_ACK),
        (8, NETLINK_GET_STRICT_CHK),
    ] {
        if opts & bit != 0 {
            k.setsockopt(s, SOL_NETLINK, name, &1i32.to_ne_bytes())
                .expect("setsockopt");
        }
    }
    let mut log = Vec::new();
    for chunk in chunks {
        let sent: Vec<u8> = if opts & 16 != 0 {
            match common::full(&ctx, Dir::LinuxToFreebsd, chunk) {
                Ok(v) => v,
                Err(_) => continue,
            }
        } else {
            chunk.to_vec()
        };
        match k.send(s, &sent) {
            Ok(n) => assert_eq!(n, sent.len()),
            Err(e) => assert!(e > 0, "negative errno {e}"),
        }
        let bufs = k.take_bufs(s);
        // Acks: each well-formed request asking for one is answered.
        let msgs: Vec<_> = Messages::new(&sent).map_while(Result::ok).collect();
        if msgs.len() <= 8 {
            for m in &msgs {
                if m.flags() & (NLM_F_REQUEST | NLM_F_ACK) == NLM_F_REQUEST | NLM_F_ACK
                    && m.msg_type() >= 16
                {
                    let answered = bufs.iter().any(|b| {
                        Messages::new(b)
                            .map_while(Result::ok)
                            .any(|r| r.seq() == m.seq())
                    });
                    assert!(
                        answered,
                        "request {:?} seq {} with NLM_F_ACK unanswered",
                        m.msg_type(),
                        m.seq()
                    );
                }
            }
        }
        for b in &bufs {
            for m in Messages::new(b) {
                assert!(m.is_ok(), "model queued a malformed nl_buf: {b:02x?}");
            }
            let req = Messages::new(chunk)
                .next()
                .and_then(Result::ok)
                .map(|m| m.bytes());
            let ctx = ctx.with_request(if opts & 16 != 0 { req } else { None });
            let out = common::check(&ctx, Dir::FreebsdToLinux, b, b.len() as u8);
            let out =
                out.unwrap_or_else(|e| panic!("model output failed to translate: {e:?}\n{b:02x?}"));
            assert!(
                !out.is_empty() || b.is_empty(),
                "a non-empty nl_buf translated to nothing"
            );
            // Kernel errors and acks carry the errno and at least the request's header.
            for m in Messages::new(&out).map_while(Result::ok) {
                if m.msg_type() == 2 {
                    assert!(
                        m.payload().len() >= 20,
                        "short NLMSG_ERROR for Linux: {out:02x?}"
                    );
                }
            }
        }
        log.extend(bufs);
    }
    log
}

fuzz_target!(|data: &[u8]| {
    let Some((&opts, mut rest)) = data.split_first() else {
        return;
    };
    let mut chunks = Vec::new();
    while let Some((&len, tail)) = rest.split_first() {
        let n = usize::from(len).min(tail.len());
        chunks.push(&tail[..n]);
        rest = &tail[n..];
        if chunks.len() == 8 {
            break;
        }
    }
    let host = common::host();
    let a = session(opts, &chunks, &host);
    let b = session(opts, &chunks, &host);
    assert_eq!(a, b, "the model is not deterministic");
});
