// SPDX-License-Identifier: BSD-2-Clause
//! One-line summaries of netlink datagrams for `nlcompat run -v`: message types by name
//! (`RTM_GETLINK`, `NLMSG_ERROR`…), sequence numbers, and the errno of every error reply, so
//! that what the program sent and what the backend (or the translator) answered can be read
//! off the log.

use crate::backend::walk;
use nlcompat::wire::{read_u16, read_u32};

/// `NLMSG_*` control types (`include/uapi/linux/netlink.h`).
const NLMSG_NOOP: u16 = 1;
const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const NLMSG_OVERRUN: u16 = 4;
/// `RTM_BASE` (`include/uapi/linux/rtnetlink.h`): route message types come in groups of four
/// (NEW, DEL, GET, SET) from here on.
const RTM_BASE: u16 = 16;
/// `GENL_ID_CTRL` (`include/uapi/linux/genetlink.h`): the `nlctrl` family.
const GENL_ID_CTRL: u16 = 16;
/// Header flags (`include/uapi/linux/netlink.h`).
const NLM_F_REQUEST: u16 = 0x1;
const NLM_F_MULTI: u16 = 0x2;
const NLM_F_ACK: u16 = 0x4;
const NLM_F_ECHO: u16 = 0x8;
/// `NLM_F_DUMP` = `NLM_F_ROOT | NLM_F_MATCH`.
const NLM_F_DUMP: u16 = 0x300;
/// `NLM_F_CAPPED` / `NLM_F_ACK_TLVS` on `NLMSG_ERROR`.
const NLM_F_CAPPED: u16 = 0x100;
const NLM_F_ACK_TLVS: u16 = 0x200;
/// `NETLINK_ROUTE` and `NETLINK_GENERIC` (`include/uapi/linux/netlink.h`).
const NETLINK_ROUTE: i32 = 0;
const NETLINK_GENERIC: i32 = 16;

/// The object names of the route message groups, in `rtnetlink.h` order from `RTM_BASE`
/// (`RTM_NEWLINK` = 16, `RTM_NEWADDR` = 20, … `RTM_NEWTUNNEL` = 120).
const RTM_OBJECTS: [&str; 27] = [
    "LINK",
    "ADDR",
    "ROUTE",
    "NEIGH",
    "RULE",
    "QDISC",
    "TCLASS",
    "TFILTER",
    "ACTION",
    "PREFIX",
    "MULTICAST",
    "ANYCAST",
    "NEIGHTBL",
    "NDUSEROPT",
    "ADDRLABEL",
    "DCB",
    "NETCONF",
    "MDB",
    "NSID",
    "STATS",
    "CACHEREPORT",
    "CHAIN",
    "NEXTHOP",
    "LINKPROP",
    "VLAN",
    "NEXTHOPBUCKET",
    "TUNNEL",
];

/// Name of message type `ty` on a socket of `protocol`.
pub(crate) fn type_name(protocol: i32, ty: u16) -> String {
    match ty {
        NLMSG_NOOP => return "NLMSG_NOOP".to_owned(),
        NLMSG_ERROR => return "NLMSG_ERROR".to_owned(),
        NLMSG_DONE => return "NLMSG_DONE".to_owned(),
        NLMSG_OVERRUN => return "NLMSG_OVERRUN".to_owned(),
        _ => {}
    }
    match protocol {
        NETLINK_ROUTE => {
            let rel = ty.saturating_sub(RTM_BASE);
            let object = usize::from(rel / 4);
            match (ty >= RTM_BASE, RTM_OBJECTS.get(object)) {
                (true, Some(obj)) => {
                    let op = ["NEW", "DEL", "GET", "SET"]
                        .get(usize::from(rel % 4))
                        .copied()
                        .unwrap_or("?");
                    format!("RTM_{op}{obj}")
                }
                _ => format!("type {ty}"),
            }
        }
        NETLINK_GENERIC if ty == GENL_ID_CTRL => "nlctrl".to_owned(),
        NETLINK_GENERIC => format!("genl family {ty}"),
        _ => format!("type {ty}"),
    }
}

/// `NLM_F_*` names of a header's flags (request-side meanings for requests, `MULTI` etc. for
/// replies).
fn flag_names(ty: u16, flags: u16, request: bool) -> String {
    let mut v: Vec<String> = Vec::new();
    let mut rest = flags;
    let mut take = |bit: u16, name: &str, rest: &mut u16| {
        if *rest & bit == bit && bit != 0 {
            v.push(name.to_owned());
            *rest &= !bit;
        }
    };
    take(NLM_F_REQUEST, "REQUEST", &mut rest);
    take(NLM_F_MULTI, "MULTI", &mut rest);
    take(NLM_F_ACK, "ACK", &mut rest);
    take(NLM_F_ECHO, "ECHO", &mut rest);
    if ty == NLMSG_ERROR {
        take(NLM_F_CAPPED, "CAPPED", &mut rest);
        take(NLM_F_ACK_TLVS, "ACK_TLVS", &mut rest);
    } else if request && flags & NLM_F_REQUEST != 0 && ty >= RTM_BASE {
        // The high byte means something per request kind (`netlink.h`): GET requests
        // (ROOT|MATCH = DUMP, ATOMIC), NEW requests (REPLACE, EXCL, CREATE, APPEND), DEL
        // requests (NONREC, BULK). Generic-netlink commands sit in the body, not the type:
        // their requests are shown with the GET names.
        let op = ty.wrapping_sub(RTM_BASE) % 4;
        let names: &[(u16, &str)] = match op {
            0 => &[
                (0x100, "REPLACE"),
                (0x200, "EXCL"),
                (0x400, "CREATE"),
                (0x800, "APPEND"),
            ],
            1 => &[(0x100, "NONREC"), (0x200, "BULK")],
            _ => &[
                (NLM_F_DUMP, "DUMP"),
                (0x100, "ROOT"),
                (0x200, "MATCH"),
                (0x400, "ATOMIC"),
            ],
        };
        for &(bit, name) in names {
            take(bit, name, &mut rest);
        }
    }
    if rest != 0 {
        v.push(format!("{rest:#x}"));
    }
    if v.is_empty() {
        "0".to_owned()
    } else {
        v.join("|")
    }
}

/// Summary of one datagram: each message as `TYPE seq N flags F`, runs of the same type and
/// flags folded (`RTM_NEWLINK ×12`), errors with their errno and the type they answer. For a
/// datagram to a socket, `port` is its port id: a unicast reply whose `nlmsg_pid` is neither
/// that nor 0 (or a reply with 0) shows its `nlmsg_pid`, as programs drop such replies.
pub(crate) fn describe(protocol: i32, datagram: &[u8], request: bool, port: Option<u32>) -> String {
    let mut parts: Vec<(String, usize)> = Vec::new();
    for m in walk(datagram) {
        let (ty, flags, seq, pid) = (m.msg_type(), m.flags(), m.seq(), m.pid());
        let mut s = format!(
            "{} seq {seq} flags {}",
            type_name(protocol, ty),
            flag_names(ty, flags, request)
        );
        if port.is_some_and(|p| p != pid) {
            s.push_str(&format!(" pid {}", i32::from_ne_bytes(pid.to_ne_bytes())));
        }
        if ty == NLMSG_ERROR || ty == NLMSG_DONE {
            if let Some(code) =
                read_u32(m.payload(), 0).map(|v| i32::from_ne_bytes(v.to_ne_bytes()))
            {
                if code == 0 {
                    if ty == NLMSG_ERROR {
                        s.push_str(" ack");
                    }
                } else {
                    let e = code.checked_neg().unwrap_or(code);
                    s.push_str(&format!(
                        " error -{e} ({})",
                        std::io::Error::from_raw_os_error(e)
                    ));
                }
            }
            if ty == NLMSG_ERROR {
                if let Some(orig) = read_u16(m.payload(), 8) {
                    s.push_str(&format!(" for {}", type_name(protocol, orig)));
                }
            }
        }
        match parts.last_mut() {
            Some((last, n)) if *last == s && ty != NLMSG_ERROR => *n = n.saturating_add(1),
            _ => parts.push((s, 1)),
        }
    }
    if parts.is_empty() {
        return format!("{} bytes, no message", datagram.len());
    }
    parts
        .into_iter()
        .map(|(s, n)| if n > 1 { format!("{s} ×{n}") } else { s })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(ty: u16, flags: u16, seq: u32, body: &[u8]) -> Vec<u8> {
        let len = u32::try_from(body.len().checked_add(16).unwrap()).unwrap();
        let mut v = len.to_ne_bytes().to_vec();
        v.extend_from_slice(&ty.to_ne_bytes());
        v.extend_from_slice(&flags.to_ne_bytes());
        v.extend_from_slice(&seq.to_ne_bytes());
        v.extend_from_slice(&0u32.to_ne_bytes());
        v.extend_from_slice(body);
        v
    }

    /// Values from `include/uapi/linux/rtnetlink.h`.
    #[test]
    fn route_type_names() {
        assert_eq!(type_name(0, 16), "RTM_NEWLINK");
        assert_eq!(type_name(0, 18), "RTM_GETLINK");
        assert_eq!(type_name(0, 19), "RTM_SETLINK");
        assert_eq!(type_name(0, 22), "RTM_GETADDR");
        assert_eq!(type_name(0, 26), "RTM_GETROUTE");
        assert_eq!(type_name(0, 34), "RTM_GETRULE");
        assert_eq!(type_name(0, 38), "RTM_GETQDISC");
        assert_eq!(type_name(0, 104), "RTM_NEWNEXTHOP");
        assert_eq!(type_name(0, 122), "RTM_GETTUNNEL");
        assert_eq!(type_name(0, 200), "type 200");
        assert_eq!(type_name(0, 2), "NLMSG_ERROR");
        assert_eq!(type_name(16, 16), "nlctrl");
        assert_eq!(type_name(16, 28), "genl family 28");
    }

    #[test]
    fn dump_and_error_summaries() {
        let mut d = msg(16, NLM_F_MULTI, 7, &[0; 16]);
        d.extend(msg(16, NLM_F_MULTI, 7, &[0; 16]));
        d.extend(msg(NLMSG_DONE, NLM_F_MULTI, 7, &0i32.to_ne_bytes()));
        assert_eq!(
            describe(0, &d, false, Some(0)),
            "RTM_NEWLINK seq 7 flags MULTI ×2, NLMSG_DONE seq 7 flags MULTI"
        );
        let mut body = (-95i32).to_ne_bytes().to_vec();
        body.extend(msg(34, NLM_F_REQUEST | NLM_F_DUMP, 3, &[]));
        let e = msg(NLMSG_ERROR, 0, 3, &body);
        assert_eq!(
            describe(0, &e, false, Some(9)),
            "NLMSG_ERROR seq 3 flags 0 pid 0 error -95 (Operation not supported (os error 95)) \
             for RTM_GETRULE"
        );
        let req = msg(18, NLM_F_REQUEST | NLM_F_DUMP, 1, &[0; 16]);
        assert_eq!(
            describe(0, &req, true, None),
            "RTM_GETLINK seq 1 flags REQUEST|DUMP"
        );
        assert_eq!(describe(0, &[1, 2], true, None), "2 bytes, no message");
        let add = msg(20, NLM_F_REQUEST | NLM_F_ACK | 0x600, 4, &[0; 8]);
        assert_eq!(
            describe(0, &add, true, None),
            "RTM_NEWADDR seq 4 flags REQUEST|ACK|EXCL|CREATE"
        );
    }
}
