#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Hostile and malformed netlink requests from a real process, one JSON line per case.

Run it natively in a network namespace, under `nlcompat run --backend linux` (the oracle)
and under `nlcompat run` (translator + FreeBSD model); `compare.py` puts the three side by
side. Every case uses fresh sockets and records what a Linux program can observe:

- `send`: what each send call returned (byte count or errno name);
- `reply`: the messages that came back, reduced to what must not differ between hosts
  (type, flags, errno, echoed length, sequence number, whether `nlmsg_pid` is the socket's
  own port id); a run of data messages of one type and flags is one token, because the two
  hosts have different interfaces and addresses;
- `hang`: no answer to a trailing `NLMSG_NOOP|NLM_F_ACK` sentinel within the timeout (Linux
  `netlink_rcv_skb()` in `net/netlink/af_netlink.c` acks every message with NLM_F_ACK, control
  types included, so a missing sentinel ack means a lost request or a stuck socket);
- `state`: whether the host's links, addresses and routes changed (only failing requests are
  sent, so they must not);
- socket option, address and receive cases record their own call results.

Layouts and constants: Linux `include/uapi/linux/netlink.h`, `rtnetlink.h`, `if_link.h`,
`if_addr.h`, `neighbour.h`, `genetlink.h`; errno names from Python's `errno` module.
"""
import ctypes
import errno
import json
import select
import socket
import struct
import sys
import time

AF_NETLINK = 16
NETLINK_ROUTE = 0
NETLINK_GENERIC = 16
SOL_NETLINK = 270
NETLINK_ADD_MEMBERSHIP = 1
NETLINK_DROP_MEMBERSHIP = 2
NETLINK_PKTINFO = 3
NETLINK_BROADCAST_ERROR = 4
NETLINK_NO_ENOBUFS = 5
NETLINK_LISTEN_ALL_NSID = 8
NETLINK_LIST_MEMBERSHIPS = 9
NETLINK_CAP_ACK = 10
NETLINK_EXT_ACK = 11
NETLINK_GET_STRICT_CHK = 12

NLM_F_REQUEST = 0x1
NLM_F_MULTI = 0x2
NLM_F_ACK = 0x4
NLM_F_ECHO = 0x8
NLM_F_ROOT = 0x100
NLM_F_MATCH = 0x200
NLM_F_DUMP = 0x300
NLM_F_CREATE = 0x400
NLM_F_EXCL = 0x200
NLM_F_CAPPED = 0x100
NLM_F_ACK_TLVS = 0x200

NLMSG_NOOP, NLMSG_ERROR, NLMSG_DONE, NLMSG_OVERRUN = 1, 2, 3, 4
RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK, RTM_SETLINK = 16, 17, 18, 19
RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR = 20, 21, 22
RTM_NEWROUTE, RTM_DELROUTE, RTM_GETROUTE = 24, 25, 26
RTM_NEWNEIGH, RTM_DELNEIGH, RTM_GETNEIGH = 28, 29, 30
RTM_GETRULE = 34
RTM_GETQDISC = 38
RTM_GETNETCONF = 82
RTM_NEWNEXTHOP, RTM_DELNEXTHOP, RTM_GETNEXTHOP = 104, 105, 106

IFLA_ADDRESS, IFLA_IFNAME, IFLA_MTU, IFLA_LINKINFO, IFLA_EXT_MASK = 1, 3, 4, 18, 29
IFLA_INFO_KIND = 1
IFA_ADDRESS, IFA_LOCAL, IFA_LABEL = 1, 2, 3
RTA_DST, RTA_OIF, RTA_GATEWAY, RTA_TABLE = 1, 4, 5, 15
NDA_DST, NDA_LLADDR = 1, 2
NLA_F_NESTED = 0x8000
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_NAME = 2
GENL_ID_CTRL = 16

AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6, AF_BRIDGE, AF_PACKET = 0, 1, 2, 10, 7, 17

SENTINEL_SEQ = 0x5E5E5E5E
TIMEOUT = 2.0

libc = ctypes.CDLL(None, use_errno=True)


def ename(e):
    return "E" + errno.errorcode.get(e, str(e))[1:] if e else "ok"


def a4(n):
    return (n + 3) & ~3


def nlmsg(ty, flags, seq, payload=b"", length=None):
    """A netlink message; `length` overrides nlmsg_len (the bytes are not changed)."""
    n = 16 + len(payload) if length is None else length
    body = struct.pack("=IHHII", n & 0xFFFFFFFF, ty & 0xFFFF, flags & 0xFFFF, seq, 0) + payload
    return body + b"\0" * (a4(len(body)) - len(body))


def attr(ty, payload, length=None):
    n = 4 + len(payload) if length is None else length
    b = struct.pack("=HH", n & 0xFFFF, ty & 0xFFFF) + payload
    return b + b"\0" * (a4(len(b)) - len(b))


def ifinfomsg(family=AF_UNSPEC, ty=0, index=0, flags=0, change=0):
    return struct.pack("=BxHiII", family, ty, index, flags, change)


def ifaddrmsg(family=AF_UNSPEC, prefixlen=0, flags=0, scope=0, index=0):
    return struct.pack("=BBBBI", family, prefixlen, flags, scope, index)


def rtmsg(family=AF_UNSPEC, dst_len=0, table=0, protocol=0, scope=0, rtype=0, flags=0):
    return struct.pack("=BBBBBBBBI", family, dst_len, 0, 0, table, protocol, scope, rtype, flags)


def ndmsg(family=AF_UNSPEC, index=0, state=0, flags=0, ntype=0):
    return struct.pack("=BxxxiHBB", family, index, state, flags, ntype)


def genlmsg(cmd, version=1):
    return struct.pack("=BBxx", cmd, version)


def parse(buf):
    """Messages in one datagram: (type, flags, seq, pid, payload, nlmsg_len); stops at bad framing."""
    out, off = [], 0
    while off + 16 <= len(buf):
        n, ty, fl, seq, pid = struct.unpack_from("=IHHII", buf, off)
        if n < 16 or off + n > len(buf):
            out.append(("BADFRAME", n))
            break
        out.append((ty, fl, seq, pid, buf[off + 16:off + n], n))
        off += a4(n)
    return out


def attrs(buf):
    out, off = {}, 0
    while off + 4 <= len(buf):
        n, ty = struct.unpack_from("=HH", buf, off)
        if n < 4 or off + n > len(buf):
            break
        out.setdefault(ty & 0x3FFF, buf[off + 4:off + n])
        off += a4(n)
    return out


class Sock:
    def __init__(self, proto=NETLINK_ROUTE, bind=True):
        self.s = socket.socket(AF_NETLINK, socket.SOCK_RAW, proto)
        self.s.setblocking(False)
        if bind:
            self.s.bind((0, 0))
        self.port = self.s.getsockname()[0]

    def close(self):
        self.s.close()

    def fd(self):
        return self.s.fileno()

    def send(self, data, flags=0):
        try:
            return self.s.send(data, flags)
        except OSError as e:
            return ename(e.errno)

    def sendmsg(self, iov, addr=None):
        try:
            if addr is None:
                return self.s.sendmsg(iov)
            return self.s.sendmsg(iov, [], 0, addr)
        except OSError as e:
            return ename(e.errno)

    def recv_all(self, until_seq=SENTINEL_SEQ, timeout=TIMEOUT, bufsize=1 << 16):
        """Datagrams until the ack of `until_seq` has come and every dump that started has
        ended (Linux produces dump parts as the reader drains the socket, so they may follow
        the sentinel's ack); `hang` if that does not happen within the timeout."""
        grams, deadline = [], time.monotonic() + timeout
        seen, open_dumps = False, set()
        while True:
            if seen and not open_dumps:
                return grams, False
            left = deadline - time.monotonic()
            if left <= 0:
                return grams, True
            r, _, _ = select.select([self.s], [], [], left)
            if not r:
                return grams, True
            try:
                d = self.s.recv(bufsize, socket.MSG_DONTWAIT)
            except BlockingIOError:
                continue
            except OSError as e:
                grams.append(ename(e.errno))
                continue
            grams.append(d)
            for m in parse(d):
                if m[0] == "BADFRAME":
                    continue
                if m[0] == NLMSG_ERROR and m[2] == until_seq:
                    seen = True
                elif m[0] in (NLMSG_DONE, NLMSG_ERROR):
                    open_dumps.discard(m[2])
                elif m[1] & NLM_F_MULTI:
                    open_dumps.add(m[2])

    def sentinel(self):
        return self.send(nlmsg(NLMSG_NOOP, NLM_F_REQUEST | NLM_F_ACK, SENTINEL_SEQ))


def summarize(grams, port):
    """Tokens for what came back, sentinel ack left out."""
    toks = []
    for g in grams:
        if isinstance(g, str):
            toks.append("recv:" + g)
            continue
        for m in parse(g):
            if m[0] == "BADFRAME":
                toks.append("BADFRAME(len=%d)" % m[1])
                continue
            ty, fl, seq, pid, pl, n = m
            who = "own" if pid == port else ("0" if pid == 0 else "other")
            if ty == NLMSG_ERROR:
                if seq == SENTINEL_SEQ:
                    continue
                err = struct.unpack_from("=i", pl)[0] if len(pl) >= 4 else None
                echo = None
                if len(pl) >= 20:
                    echo = 16 if fl & NLM_F_CAPPED else struct.unpack_from("=I", pl, 4)[0]
                toks.append("ERROR(%s,echo=%s,f=%#x,seq=%d,pid=%s)" % (
                    ename(-err) if err is not None and err <= 0 else err, echo,
                    fl & ~NLM_F_ACK_TLVS, seq, who))
            elif ty == NLMSG_DONE:
                err = struct.unpack_from("=i", pl)[0] if len(pl) >= 4 else None
                toks.append("DONE(%s,f=%#x,seq=%d,pid=%s)" % (
                    ename(-err) if err is not None and err <= 0 else err,
                    fl & ~NLM_F_ACK_TLVS, seq, who))
            else:
                t = "DATA(t=%d,f=%#x,seq=%d,pid=%s)" % (ty, fl, seq, who)
                if toks and toks[-1] in (t, t + "+"):
                    toks[-1] = t + "+"
                else:
                    toks.append(t)
    return toks


def state():
    """Links (name, flags, mtu), addresses and routes (main table) of the host, as a set."""
    s = Sock()
    items = []
    for i, (ty, body) in enumerate(((RTM_GETLINK, ifinfomsg()), (RTM_GETADDR, ifaddrmsg()),
                                    (RTM_GETROUTE, rtmsg()))):
        s.send(nlmsg(ty, NLM_F_REQUEST | NLM_F_DUMP, 100 + i, body))
        grams, _ = dump(s, 100 + i)
        for g in grams:
            for m in parse(g):
                if m[0] == RTM_NEWLINK:
                    a = attrs(m[4][16:])
                    items.append(("link", a.get(IFLA_IFNAME), struct.unpack_from("=I", m[4], 8)[0] & 1,
                                  a.get(IFLA_MTU)))
                elif m[0] == RTM_NEWADDR:
                    a = attrs(m[4][8:])
                    items.append(("addr", m[4][0], m[4][1], a.get(IFA_ADDRESS), a.get(IFA_LOCAL)))
                elif m[0] == RTM_NEWROUTE and m[4][4] == 254:
                    a = attrs(m[4][12:])
                    items.append(("route", m[4][0], m[4][1], a.get(RTA_DST), a.get(RTA_GATEWAY)))
    s.close()
    return sorted(repr(x) for x in items)


def dump(s, seq):
    """Datagrams of one dump until its DONE (or an error), with the timeout."""
    grams, deadline = [], time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        r, _, _ = select.select([s.s], [], [], max(0.0, deadline - time.monotonic()))
        if not r:
            break
        try:
            d = s.s.recv(1 << 16, socket.MSG_DONTWAIT)
        except BlockingIOError:
            continue
        grams.append(d)
        if any(m[0] in (NLMSG_DONE, NLMSG_ERROR) and m[2] == seq for m in parse(d)):
            return grams, False
    return grams, True


# ---------------------------------------------------------------------------------------------
# Cases. Each is (name, category, function returning the observation dict).

CASES = []


def case(name, cat):
    def reg(f):
        CASES.append((name, cat, f))
        return f
    return reg


def exchange(sends, proto=NETLINK_ROUTE, opts=()):
    """Fresh socket, options, the sends (bytes, or ("iov", [...]) / ("to", bytes, addr)), the
    sentinel, and everything that came back."""
    s = Sock(proto)
    for level, name, val in opts:
        s.s.setsockopt(level, name, val)
    res = []
    for x in sends:
        if isinstance(x, bytes):
            res.append(s.send(x))
        elif x[0] == "iov":
            res.append(s.sendmsg(x[1]))
        elif x[0] == "to":
            res.append(s.sendmsg([x[1]], x[2]))
    s.sentinel()
    grams, hang = s.recv_all()
    obs = {"send": res, "reply": summarize(grams, s.port), "hang": hang}
    s.close()
    return obs


def add_send_case(name, cat, sends, proto=NETLINK_ROUTE, opts=()):
    case(name, cat)(lambda: exchange(sends, proto, opts))


# Base requests: (name, type, flags, body). Mutations are aimed at interfaces that do not
# exist, so they must fail on every host.
BASES = [
    ("getlink_dump", RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, ifinfomsg()),
    ("getaddr_dump", RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, ifaddrmsg(AF_INET)),
    ("getroute_dump", RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, rtmsg(AF_INET)),
    ("getlink_lo", RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK,
     ifinfomsg() + attr(IFLA_IFNAME, b"lo\0")),
    ("newlink_noindex", RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK,
     ifinfomsg(index=99999) + attr(IFLA_MTU, struct.pack("=I", 1400))),
    ("newaddr_noindex", RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL,
     ifaddrmsg(AF_INET, 24, index=99999) + attr(IFA_LOCAL, bytes([198, 51, 100, 1]))
     + attr(IFA_ADDRESS, bytes([198, 51, 100, 1]))),
]

for bname, ty, fl, body in BASES:
    full = nlmsg(ty, fl, 1, body)
    real = 16 + len(body)
    # A. nlmsg_len too small, too large, unaligned.
    for tag, n in (("0", 0), ("1", 1), ("15", 15), ("16", 16), ("minus1", real - 1),
                   ("minus4", real - 4), ("plus1", real + 1), ("plus3", real + 3),
                   ("plus4", real + 4), ("plus100", real + 100), ("ffff", 0xFFFF),
                   ("max", 0xFFFFFFFF)):
        add_send_case("len_%s/%s" % (tag, bname), "nlmsg_len", [nlmsg(ty, fl, 1, body, length=n)])
    # A'. Truncated sends: only the first k bytes.
    for k in sorted({1, 4, 8, 12, 15, 16, 17, 20, len(full) - 1}):
        if 0 < k < len(full):
            add_send_case("trunc_%d/%s" % (k, bname), "truncated", [full[:k]])
    # Flags.
    for tag, f in (("none", 0), ("req", NLM_F_REQUEST), ("req_ack", NLM_F_REQUEST | NLM_F_ACK),
                   ("dump_noreq", NLM_F_DUMP), ("ack_echo", NLM_F_REQUEST | NLM_F_ACK | NLM_F_ECHO),
                   ("all", 0xFFFF)):
        add_send_case("flags_%s/%s" % (tag, bname), "flags", [nlmsg(ty, f, 1, body)])
    # Two messages in one datagram, the second malformed; and a good one after a bad one.
    add_send_case("pair_good_bad/%s" % bname, "multi",
                  [full + nlmsg(ty, fl, 2, body, length=8)])
    add_send_case("pair_bad_good/%s" % bname, "multi",
                  [nlmsg(ty, fl, 1, body, length=real + 200) + nlmsg(ty, fl, 2, body)])

# B. Message types.
for ty in (0, NLMSG_NOOP, NLMSG_ERROR, NLMSG_DONE, NLMSG_OVERRUN, 15, 23, 27, 99, 0x7FFF, 0xFFFF,
           RTM_GETRULE, RTM_GETQDISC, RTM_GETNETCONF, RTM_DELLINK):
    add_send_case("type_%d/dump" % ty, "type", [nlmsg(ty, NLM_F_REQUEST | NLM_F_DUMP, 1, ifinfomsg())])
    add_send_case("type_%d/ack" % ty, "type", [nlmsg(ty, NLM_F_REQUEST | NLM_F_ACK, 1, ifinfomsg(index=99999))])

# C. Attributes, on a GETLINK by name (a filter both hosts honour) and on failing mutations.
GL = (RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, ifinfomsg())
for tag, a in (
        ("nla_len_0", struct.pack("=HH", 0, IFLA_IFNAME) + b"lo\0\0"),
        ("nla_len_1", struct.pack("=HH", 1, IFLA_IFNAME) + b"lo\0\0"),
        ("nla_len_3", struct.pack("=HH", 3, IFLA_IFNAME) + b"lo\0\0"),
        ("nla_len_4", attr(IFLA_IFNAME, b"")),
        ("nla_len_past_end", attr(IFLA_IFNAME, b"lo\0", length=40)),
        ("nla_len_ffff", attr(IFLA_IFNAME, b"lo\0", length=0xFFFF)),
        ("unaligned_tail", attr(IFLA_IFNAME, b"lo\0") + b"\x01\x00"),
        ("ifname_empty", attr(IFLA_IFNAME, b"\0")),
        ("ifname_lo", attr(IFLA_IFNAME, b"lo\0")),
        ("ifname_eth0", attr(IFLA_IFNAME, b"eth0\0")),
        ("ifname_unterminated", attr(IFLA_IFNAME, b"eth0")),
        ("ifname_15", attr(IFLA_IFNAME, b"abcdefghijklmno\0")),
        ("ifname_16_nonul", attr(IFLA_IFNAME, b"abcdefghijklmnop")),
        ("ifname_16_nul", attr(IFLA_IFNAME, b"abcdefghijklmnop\0")),
        ("ifname_100", attr(IFLA_IFNAME, b"x" * 100 + b"\0")),
        ("ifname_nul_inside", attr(IFLA_IFNAME, b"lo\0garbage\0")),
        ("ifname_missing_dev", attr(IFLA_IFNAME, b"nosuchdev0\0")),
        ("ifname_dup", attr(IFLA_IFNAME, b"lo\0") + attr(IFLA_IFNAME, b"eth0\0")),
        ("unknown_attr_7fff", attr(0x3FFF, b"\1\2\3\4")),
        ("unknown_attr_200", attr(200, b"\1\2\3\4")),
        ("nested_flag_on_flat", attr(IFLA_IFNAME | NLA_F_NESTED, b"lo\0")),
        ("ext_mask_short", attr(IFLA_EXT_MASK, b"\1")),
        ("ext_mask_ok", attr(IFLA_EXT_MASK, struct.pack("=I", 1))),
        ("ext_mask_long", attr(IFLA_EXT_MASK, struct.pack("=Q", 1))),
        ("linkinfo_inner_overflow", attr(IFLA_LINKINFO | NLA_F_NESTED, attr(IFLA_INFO_KIND, b"veth\0", length=60))),
        ("linkinfo_inner_len2", attr(IFLA_LINKINFO | NLA_F_NESTED, struct.pack("=HH", 2, 1))),
        ("linkinfo_empty", attr(IFLA_LINKINFO | NLA_F_NESTED, b"")),
        ("linkinfo_deep", attr(IFLA_LINKINFO | NLA_F_NESTED, attr(2 | NLA_F_NESTED, attr(1 | NLA_F_NESTED, attr(1, b"\0" * 4))))),
        ("many_attrs", b"".join(attr(200 + i, b"\0" * 4) for i in range(200))),
):
    add_send_case("attr_%s/getlink" % tag, "attr", [nlmsg(GL[0], GL[1], 1, GL[2] + a)])
    add_send_case("attr_%s/newlink_noindex" % tag, "attr",
                  [nlmsg(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, 1, ifinfomsg(index=99999) + a)])
for tag, a in (
        ("mtu_short", attr(IFLA_MTU, b"\1\0")),
        ("mtu_zero", attr(IFLA_MTU, struct.pack("=I", 0))),
        ("address_short", attr(IFLA_ADDRESS, b"\1\2\3")),
        ("address_long", attr(IFLA_ADDRESS, b"\1" * 40)),
):
    add_send_case("attr_%s/newlink_noindex" % tag, "attr",
                  [nlmsg(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, 1, ifinfomsg(index=99999) + a)])
for tag, a in (
        ("local_short", attr(IFA_LOCAL, b"\1\2")),
        ("local_v6_in_v4", attr(IFA_LOCAL, b"\x20\x01" + b"\0" * 14)),
        ("label_unterminated", attr(IFA_LOCAL, bytes([198, 51, 100, 1])) + attr(IFA_LABEL, b"x" * 20)),
        ("dup_local", attr(IFA_LOCAL, bytes([198, 51, 100, 1])) + attr(IFA_LOCAL, bytes([198, 51, 100, 2]))),
):
    add_send_case("attr_%s/newaddr_noindex" % tag, "attr",
                  [nlmsg(RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE, 1,
                         ifaddrmsg(AF_INET, 24, index=99999) + a)])
for tag, a in (
        ("dst_short", attr(RTA_DST, b"\1\2")),
        ("oif_short", attr(RTA_DST, bytes([198, 51, 100, 0])) + attr(RTA_OIF, b"\1")),
        ("gw_v6_len", attr(RTA_DST, bytes([198, 51, 100, 0])) + attr(RTA_GATEWAY, b"\0" * 16)),
        ("oif_missing", attr(RTA_DST, bytes([198, 51, 100, 0])) + attr(RTA_OIF, struct.pack("=I", 99999))),
        ("table_short", attr(RTA_DST, bytes([198, 51, 100, 0])) + attr(RTA_TABLE, b"\1")),
):
    add_send_case("attr_%s/newroute" % tag, "attr",
                  [nlmsg(RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE, 1,
                         rtmsg(AF_INET, 24, 254, 3, 0, 1) + a)])

# D. Families.
for fam in (AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6, AF_BRIDGE, AF_PACKET, 3, 44, 255):
    add_send_case("family_%d/getaddr_dump" % fam, "family",
                  [nlmsg(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 1, ifaddrmsg(fam))])
    add_send_case("family_%d/getroute_dump" % fam, "family",
                  [nlmsg(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, 1, rtmsg(fam))])
    add_send_case("family_%d/getneigh_dump" % fam, "family",
                  [nlmsg(RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP, 1, ndmsg(fam))])
    add_send_case("family_%d/newaddr_noindex" % fam, "family",
                  [nlmsg(RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK, 1, ifaddrmsg(fam, 24, index=99999)
                         + attr(IFA_LOCAL, bytes([198, 51, 100, 1])))])
for n in (1, 4, 8, 12):
    add_send_case("rtgen_%d/getaddr_dump" % n, "family",
                  [nlmsg(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 1, bytes([AF_INET]) + b"\0" * (n - 1))])

# Generic netlink.
for tag, body in (("getfamily_nlctrl", genlmsg(CTRL_CMD_GETFAMILY) + attr(CTRL_ATTR_FAMILY_NAME, b"nlctrl\0")),
                  ("getfamily_unknown", genlmsg(CTRL_CMD_GETFAMILY) + attr(CTRL_ATTR_FAMILY_NAME, b"nosuchfamily\0")),
                  ("getfamily_unterminated", genlmsg(CTRL_CMD_GETFAMILY) + attr(CTRL_ATTR_FAMILY_NAME, b"nlctrl")),
                  ("getfamily_noattr", genlmsg(CTRL_CMD_GETFAMILY)),
                  ("cmd_0", genlmsg(0)),
                  ("cmd_255", genlmsg(255)),
                  ("genlhdr_short", b"\3"),
                  ("bad_nla", genlmsg(CTRL_CMD_GETFAMILY) + attr(CTRL_ATTR_FAMILY_NAME, b"nlctrl\0", length=2))):
    add_send_case("genl_%s" % tag, "genl", [nlmsg(GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_ACK, 1, body)],
                  proto=NETLINK_GENERIC)
add_send_case("genl_family_dump", "genl",
              [nlmsg(GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_DUMP, 1, genlmsg(CTRL_CMD_GETFAMILY))],
              proto=NETLINK_GENERIC)
add_send_case("genl_unknown_family_id", "genl",
              [nlmsg(0x7FF0, NLM_F_REQUEST | NLM_F_ACK, 1, genlmsg(1))], proto=NETLINK_GENERIC)

# G. Send shapes: zero-length, oversized, iovec splits, destination addresses.
GD = nlmsg(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 1, ifinfomsg())
add_send_case("send_zero_length", "send", [b""])
add_send_case("send_one_zero_byte", "send", [b"\0"])
add_send_case("send_16_zero_bytes", "send", [b"\0" * 16])
add_send_case("send_64k_zeros", "send", [b"\0" * 65536])
add_send_case("send_oversized_1m", "send", [GD + b"\0" * (1 << 20)])
add_send_case("send_oversized_300k", "send", [GD + b"\0" * 300000])
add_send_case("send_trailing_zeros", "send", [GD + b"\0" * 64])
add_send_case("send_trailing_garbage", "send", [GD + b"\xff" * 7])
add_send_case("iov_bytewise", "iovec", [("iov", [bytes([b]) for b in GD])])
add_send_case("iov_split_header", "iovec", [("iov", [GD[:7], GD[7:]])])
add_send_case("iov_split_at_16", "iovec", [("iov", [GD[:16], GD[16:]])])
add_send_case("iov_empty_parts", "iovec", [("iov", [b"", GD[:10], b"", GD[10:], b""])])
add_send_case("iov_two_messages", "iovec",
              [("iov", [GD, nlmsg(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 2, ifaddrmsg())])])
add_send_case("iov_only_empty", "iovec", [("iov", [b"", b""])])
add_send_case("iov_none", "iovec", [("iov", [])])
add_send_case("sendto_kernel", "address", [("to", GD, (0, 0))])
add_send_case("sendto_port_12345", "address", [("to", GD, (12345, 0))])
add_send_case("sendto_group_1", "address", [("to", GD, (0, 1))])
add_send_case("many_small_messages", "multi",
              [b"".join(nlmsg(NLMSG_NOOP, NLM_F_REQUEST | NLM_F_ACK, 10 + i) for i in range(64))])
add_send_case("dumps_back_to_back", "multi", [GD, nlmsg(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 2, ifaddrmsg()),
                                               nlmsg(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, 3, rtmsg())])
add_send_case("two_dumps_one_datagram", "multi",
              [GD + nlmsg(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 2, ifaddrmsg())])
for tag, opts in (("ext_ack", [(SOL_NETLINK, NETLINK_EXT_ACK, 1)]),
                  ("cap_ack", [(SOL_NETLINK, NETLINK_CAP_ACK, 1)]),
                  ("strict", [(SOL_NETLINK, NETLINK_GET_STRICT_CHK, 1)]),
                  ("all_acks", [(SOL_NETLINK, NETLINK_EXT_ACK, 1), (SOL_NETLINK, NETLINK_CAP_ACK, 1)])):
    for bname, ty, fl, body in BASES[3:]:
        add_send_case("opt_%s/%s" % (tag, bname), "ack_options", [nlmsg(ty, fl, 1, body)], opts=opts)
    add_send_case("opt_%s/bad_nla" % tag, "ack_options",
                  [nlmsg(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, 1, ifinfomsg(index=99999) + attr(IFLA_MTU, b"\1"))],
                  opts=opts)
    add_send_case("opt_%s/len_plus100" % tag, "ack_options",
                  [nlmsg(RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 1, ifinfomsg(), length=132)], opts=opts)


# E. Socket options with bad values and sizes (raw setsockopt/getsockopt through libc).
def raw_setsockopt(fd, level, name, val):
    buf = ctypes.create_string_buffer(val, len(val)) if val else None
    r = libc.setsockopt(fd, level, name, buf, ctypes.c_uint(len(val)))
    return "ok" if r == 0 else ename(ctypes.get_errno())


def raw_getsockopt(fd, level, name, size):
    buf = ctypes.create_string_buffer(max(size, 1))
    ln = ctypes.c_uint(size)
    r = libc.getsockopt(fd, level, name, buf, ctypes.byref(ln))
    if r != 0:
        return ename(ctypes.get_errno())
    return "len=%d:%s" % (ln.value, buf.raw[:min(ln.value, size)].hex())


def opt_case(name, level, opt, val, get_size=4, check_get=True):
    def f():
        s = Sock()
        r = {"set": raw_setsockopt(s.fd(), level, opt, val)}
        if check_get:
            r["get"] = raw_getsockopt(s.fd(), level, opt, get_size)
        s.close()
        return r
    case(name, "sockopt")(f)


for g in (0, 1, 31, 32, 33, 64, 127, 128, 1000, -1, 0x7FFFFFFF):
    opt_case("add_membership_%d" % g, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, struct.pack("=i", g), check_get=False)
    opt_case("drop_membership_%d" % g, SOL_NETLINK, NETLINK_DROP_MEMBERSHIP, struct.pack("=i", g), check_get=False)
for n in (0, 1, 2, 3, 8):
    opt_case("add_membership_size_%d" % n, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, b"\1" + b"\0" * (n - 1) if n else b"",
             check_get=False)
for optname, opt in (("pktinfo", NETLINK_PKTINFO), ("broadcast_error", NETLINK_BROADCAST_ERROR),
                     ("no_enobufs", NETLINK_NO_ENOBUFS), ("listen_all_nsid", NETLINK_LISTEN_ALL_NSID),
                     ("cap_ack", NETLINK_CAP_ACK), ("ext_ack", NETLINK_EXT_ACK),
                     ("strict_chk", NETLINK_GET_STRICT_CHK), ("list_memberships", NETLINK_LIST_MEMBERSHIPS),
                     ("unknown_0", 0), ("unknown_99", 99)):
    for n in (0, 1, 4, 8):
        opt_case("opt_%s_size_%d" % (optname, n), SOL_NETLINK, opt, b"\1" + b"\0" * (n - 1) if n else b"")
for n in (0, 1, 3, 4, 8):
    def f(n=n):
        s = Sock()
        s.s.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, 1)
        r = {"get": raw_getsockopt(s.fd(), SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, n)}
        s.close()
        return r
    case("list_memberships_buf_%d" % n, "sockopt")(f)
opt_case("level_wrong", 999, NETLINK_EXT_ACK, struct.pack("=i", 1))
opt_case("level_ip", 0, 1, struct.pack("=i", 1))


# F. bind/connect with raw addresses.
def raw_addr_case(name, call, addr):
    def f():
        s = socket.socket(AF_NETLINK, socket.SOCK_RAW, NETLINK_ROUTE)
        buf = ctypes.create_string_buffer(addr, max(len(addr), 1))
        fn = libc.bind if call == "bind" else libc.connect
        r = fn(s.fileno(), buf, ctypes.c_uint(len(addr)))
        out = {call: "ok" if r == 0 else ename(ctypes.get_errno())}
        try:
            pid, groups = s.getsockname()
            out["bound"] = pid != 0
            out["groups"] = groups
        except OSError as e:
            out["bound"] = ename(e.errno)
        s.close()
        return out
    case(name, "address")(f)


def sockaddr_nl(family=AF_NETLINK, pid=0, groups=0):
    return struct.pack("=HHII", family, 0, pid, groups)


for call in ("bind", "connect"):
    raw_addr_case("%s_len_0" % call, call, b"")
    raw_addr_case("%s_len_4" % call, call, sockaddr_nl()[:4])
    raw_addr_case("%s_len_11" % call, call, sockaddr_nl()[:11])
    raw_addr_case("%s_len_12" % call, call, sockaddr_nl())
    raw_addr_case("%s_len_16" % call, call, sockaddr_nl() + b"\0" * 4)
    raw_addr_case("%s_family_inet" % call, call, sockaddr_nl(AF_INET))
    raw_addr_case("%s_family_unspec" % call, call, sockaddr_nl(AF_UNSPEC))
    raw_addr_case("%s_groups_1" % call, call, sockaddr_nl(groups=1))
    raw_addr_case("%s_groups_all" % call, call, sockaddr_nl(groups=0xFFFFFFFF))
    raw_addr_case("%s_pid_other" % call, call, sockaddr_nl(pid=424242))


# H. Receiving: MSG_PEEK / MSG_TRUNC / short buffers, on a dump (the first datagram: how a
# dump is cut into datagrams depends on the host's interfaces, so only relations between the
# reads are recorded) and on a single error reply (whose length is fixed by the request).
def recv_case(name, steps, req=GD):
    def f():
        s = Sock()
        s.send(req)
        out, first_len = [], None
        for flags, size in steps:
            select.select([s.s], [], [], TIMEOUT)
            buf = bytearray(max(size, 1))
            try:
                n, _, mflags, _ = s.s.recvmsg_into([memoryview(buf)[:size]], 0, flags | socket.MSG_DONTWAIT)
            except OSError as e:
                out.append(ename(e.errno))
                continue
            got = bytes(buf[:min(n, size)])
            ty = struct.unpack_from("=H", got, 4)[0] if len(got) >= 16 else None
            if first_len is None:
                first_len = n
            out.append({"ret": "size" if n == size else ("gt_size" if n > size else "lt_size"),
                        "same_as_first": n == first_len, "trunc": bool(mflags & socket.MSG_TRUNC),
                        "type": ty})
        # The socket still answers afterwards (the sentinel), whatever was left unread.
        s.sentinel()
        _, hang = s.recv_all()
        s.close()
        return {"recv": out, "hang": hang}
    case(name, "recv")(f)


P, T = socket.MSG_PEEK, socket.MSG_TRUNC
ERR_REQ = nlmsg(RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 1, ifinfomsg(index=99999))
for tag, req in (("dump", GD), ("addr_dump", nlmsg(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 1, ifaddrmsg())),
                 ("route_dump", nlmsg(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, 1, rtmsg())),
                 ("error", ERR_REQ)):
    recv_case("peek_trunc_0/" + tag, [(P | T, 0), (P, 65536), (0, 65536)], req)
    recv_case("peek_trunc_16/" + tag, [(P | T, 16), (0, 65536)], req)
    recv_case("peek_16_twice/" + tag, [(P, 16), (P, 16), (0, 65536)], req)
    recv_case("trunc_16/" + tag, [(T, 16)], req)
    recv_case("short_16/" + tag, [(0, 16)], req)
    recv_case("short_1/" + tag, [(0, 1)], req)
    recv_case("short_0/" + tag, [(0, 0)], req)
    recv_case("trunc_0/" + tag, [(T, 0)], req)
recv_case("error_exact", [(P | T, 0), (0, 16), (0, 65536)], ERR_REQ)
recv_case("empty_queue_dontwait", [(0, 65536), (P, 65536), (T, 0)], req=nlmsg(NLMSG_NOOP, NLM_F_REQUEST, 1))


def grow(n=300):
    """Adds `n` /32 addresses to the loopback interface, so that address dumps span several
    datagrams on every host (the MSG_PEEK/MSG_TRUNC cases read large dumps). Returns how many
    were acked without error."""
    s = Sock()
    s.send(nlmsg(RTM_GETLINK, NLM_F_REQUEST, 1, ifinfomsg() + attr(IFLA_IFNAME, b"lo\0")))
    grams, _ = dump(s, 1)
    index = next((struct.unpack_from("=i", m[4], 4)[0] for g in grams for m in parse(g)
                  if m[0] == RTM_NEWLINK), 0)
    ok = 0
    for i in range(n):
        a = bytes([10, 77, i // 250, 1 + i % 250])
        s.send(nlmsg(RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 1000 + i,
                     ifaddrmsg(AF_INET, 32, index=index) + attr(IFA_LOCAL, a) + attr(IFA_ADDRESS, a)))
        grams, _ = s.recv_all(until_seq=1000 + i)
        ok += sum(1 for g in grams for m in parse(g)
                  if m[0] == NLMSG_ERROR and m[2] == 1000 + i and struct.unpack_from("=i", m[4])[0] == 0)
    s.close()
    return ok


def main():
    only = sys.argv[1:]
    added = grow()
    print(json.dumps({"case": "grow_300_addresses", "cat": "setup",
                      "obs": {"acked": added, "state": "same"}}, sort_keys=True), flush=True)
    before = state()
    for name, cat, f in CASES:
        if only and not any(name.startswith(o) for o in only):
            continue
        t0 = time.monotonic()
        try:
            obs = f()
        except Exception as e:  # the harness itself must keep going
            obs = {"exception": "%s: %s" % (type(e).__name__, e)}
        after = state()
        obs["state"] = "same" if after == before else "changed"
        before = after
        obs["ms"] = int((time.monotonic() - t0) * 1000)
        print(json.dumps({"case": name, "cat": cat, "obs": obs}, sort_keys=True), flush=True)


if __name__ == "__main__":
    main()
