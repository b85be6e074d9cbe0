#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Derive FreeBSD counterparts of the captured Linux vectors, independently of the translator.

For every tests/vectors/linux/<name>.bin listed in CASES this writes
- tests/vectors/freebsd/<name>.bin: the same request or reply in FreeBSD's netlink ABI, built
  by the explicit rules below (sources, listed in docs/sources.md:
  FreeBSD's sys/netlink/route/*.h, sys/netlink/route/iface.c, rt.c, sys/compat/linux/linux_errno.inc, sys/net/if.h, sys/net/if_types.h, sys/sys/errno.h);
- for replies, tests/vectors/expected/<name>.bin: the Linux message a translator must produce
  from that FreeBSD reply, which is the real Linux capture normalised as documented in
  `Reply` below (tests/golden.rs checks the normalisation only removes or moves whole
  attributes, except where noted).

It never runs or imports the translator. Usage: python3 tests/tools/freebsd_counterpart.py
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
VEC = os.path.normpath(os.path.join(HERE, "..", "vectors"))

# ---------------------------------------------------------------- values (§2)

# Address families: Linux socket.h -> FreeBSD sys/sys/socket.h (§2.1).
AF = {0: 0, 1: 1, 2: 2, 3: 10, 4: 23, 5: 16, 10: 28, 16: 38}
# Link messages: FreeBSD answers AF_UNSPEC; Linux `ip link` asks with AF_PACKET 17.
LINK_AF = {0: 0, 17: 0, 2: 2, 10: 28}
# ifi_flags: Linux bit -> FreeBSD bit (§2.2); every other bit has no counterpart.
IFF = [(0x1, 0x1), (0x2, 0x2), (0x4, 0x4), (0x8, 0x8), (0x10, 0x10), (0x40, 0x40),
       (0x80, 0x80), (0x100, 0x100), (0x200, 0x200), (0x1000, 0x8000), (0x10000, 0x1000000)]
IFF_SIMPLEX = 0x800  # FreeBSD-only; set on Ethernet-like interfaces, must not reach Linux.
# The fixed host (tests/common/mod.rs): Linux index -> (FreeBSD name, IFT type, Linux name).
IFT_ETHER, IFT_LOOP, IFT_BRIDGE = 0x6, 0x18, 0xD1
HOST = {1: ("lo0", IFT_LOOP, "lo"), 2: ("em0", IFT_ETHER, "eth0"),
        3: ("em1", IFT_ETHER, "eth1"), 4: ("bridge0", IFT_BRIDGE, "bridge0")}
NAME_L2F = {lx: fb for (fb, _, lx) in HOST.values()}
# ifi_type in requests: ARPHRD -> IFT (0 = any).
ARPHRD_L2F = {0: 0, 1: IFT_ETHER, 772: IFT_LOOP}
# Linux errno -> FreeBSD errno for the errnos in the corpus (§2.4 linux_to_bsd_errtbl).
ERRNO_L2F = {0: 0, 22: 22, 34: 34, 101: 51, 19: 19, 17: 17, 95: 45}
# Routing tables (§2.5): main 254 <-> 0, unspec 0 <-> 0xFFFFFFFF in RTA_TABLE.
TABLE_L2F = {254: 0, 0: 0xFFFFFFFF}
RTM_TABLE_L2F = {254: 0}
STATS64_FREEBSD = 24 * 8  # FreeBSD struct rtnl_link_stats64: 24 u64 up to rx_nohandler.

NLM_F_REQUEST, NLM_F_MULTI = 0x1, 0x2
ERROR, DONE = 2, 3
NEWLINK, DELLINK, GETLINK = 16, 17, 18
NEWADDR, DELADDR, GETADDR = 20, 21, 22
NEWROUTE, DELROUTE, GETROUTE = 24, 25, 26
NEWNEIGH, DELNEIGH, GETNEIGH = 28, 29, 30
NEWNEXTHOP, DELNEXTHOP, GETNEXTHOP = 104, 105, 106
FAMILY_HDR = {}
for t in (NEWLINK, DELLINK, GETLINK):
    FAMILY_HDR[t] = ("link", 16)
for t in (NEWADDR, DELADDR, GETADDR):
    FAMILY_HDR[t] = ("addr", 8)
for t in (NEWROUTE, DELROUTE, GETROUTE):
    FAMILY_HDR[t] = ("route", 12)
for t in (NEWNEIGH, DELNEIGH, GETNEIGH):
    FAMILY_HDR[t] = ("neigh", 12)
for t in (NEWNEXTHOP, DELNEXTHOP, GETNEXTHOP):
    FAMILY_HDR[t] = ("nexthop", 8)

# ---------------------------------------------------------------- framing


def pad(b):
    return b + b"\0" * (-len(b) % 4)


def attr(ty, payload):
    return pad(struct.pack("=HH", 4 + len(payload), ty) + payload)


def attrs(b):
    out, off = [], 0
    while off + 4 <= len(b):
        ln, ty = struct.unpack_from("=HH", b, off)
        if ln < 4 or off + ln > len(b):
            raise ValueError(f"bad attribute at {off}")
        out.append((ty, b[off + 4:off + ln]))
        off += (ln + 3) & ~3
    return out


def msgs(buf):
    """(type, flags, seq, pid, payload) per message; the walk ends at a header whose
    nlmsg_len is below 16, as Linux's netlink_rcv_skb() does (iproute2 pads with zeros)."""
    out, off = [], 0
    while off + 16 <= len(buf):
        ln, ty, fl, seq, pid = struct.unpack_from("=IHHII", buf, off)
        if ln < 16 or off + ln > len(buf):
            break
        out.append((ty, fl, seq, pid, buf[off + 16:off + ln]))
        off += (ln + 3) & ~3
    return out


def msg(ty, fl, seq, pid, payload):
    return pad(struct.pack("=IHHII", 16 + len(payload), ty, fl, seq, pid) + payload)


def u32(b):
    return struct.unpack("=I", b)[0]


def p32(v):
    return struct.pack("=I", v)


def cstr(b):
    return b.split(b"\0")[0].decode()


def name_attr(ty, payload, table):
    n = cstr(payload)
    return attr(ty, table.get(n, n).encode() + b"\0")


def map_flags(v, pairs):
    out = 0
    for a, b in pairs:
        if v & a == a:
            out |= b
    return out


class NoRule(Exception):
    pass


# ---------------------------------------------------------------- requests (Linux -> FreeBSD)

# Attributes a request may carry and their FreeBSD form. Ids not listed raise NoRule so that
# every attribute in the corpus is decided here explicitly.
def req_link_attr(ty, p):
    t = ty & 0x3FFF
    if t in (3, 53):  # IFLA_IFNAME, IFLA_ALT_IFNAME: Linux name -> FreeBSD name (§2.11)
        return name_attr(ty, p, NAME_L2F)
    if t == 29:  # IFLA_EXT_MASK: Linux dump filter, FreeBSD has none: dropped
        return b""
    if t in (4, 1, 20):  # MTU, ADDRESS, IFALIAS: same ids and layout
        return attr(ty, p)
    raise NoRule(f"IFLA {t}")


def req_addr_attr(ty, p):
    t = ty & 0x3FFF
    if t in (1, 2, 4, 8, 6):  # ADDRESS, LOCAL, BROADCAST, FLAGS, CACHEINFO: same
        return attr(ty, p)
    if t == 3:  # IFA_LABEL
        return name_attr(ty, p, NAME_L2F)
    raise NoRule(f"IFA {t}")


def via_l2f(p):
    fam = struct.unpack_from("=H", p)[0]
    return bytes([AF[fam]]) + p[2:]


def req_route_attr(ty, p):
    t = ty & 0x3FFF
    if t == 15:  # RTA_TABLE
        return attr(ty, p32(TABLE_L2F.get(u32(p), u32(p))))
    if t in (1, 2, 4, 5, 6, 7):  # DST, SRC, OIF, GATEWAY, PRIORITY, PREFSRC: same
        return attr(ty, p)
    if t == 18:  # RTA_VIA: u16 family -> u8 family (§2.7)
        return attr(ty, via_l2f(p))
    if t == 9:  # RTA_MULTIPATH: rtnexthop array, hops = weight - 1 -> weight (§3.3)
        out, off = b"", 0
        while off < len(p):
            ln, fl, hops, idx = struct.unpack_from("=HBBi", p, off)
            inner = b"".join(req_route_attr(a, v) for a, v in attrs(p[off + 8:off + ln]))
            out += pad(struct.pack("=HBBi", 8 + len(inner), fl, hops + 1, idx) + inner)
            off += (ln + 3) & ~3
        return attr(ty, out)
    raise NoRule(f"RTA {t}")


def req_neigh_attr(ty, p):
    if ty & 0x3FFF in (1, 2):  # NDA_DST, NDA_LLADDR
        return attr(ty, p)
    raise NoRule(f"NDA {ty}")


def req_nexthop_attr(ty, p):
    if ty & 0x3FFF in (1, 2, 3, 4, 5, 6):  # ID, GROUP, GROUP_TYPE, BLACKHOLE, OIF, GATEWAY
        return attr(ty, p)
    raise NoRule(f"NHA {ty}")


REQ_ATTR = {"link": req_link_attr, "addr": req_addr_attr, "route": req_route_attr,
            "neigh": req_neigh_attr, "nexthop": req_nexthop_attr}


def req_header(kind, h):
    h = bytearray(h)
    if len(h) < FAMILY_HDR_LEN[kind]:
        # A dump request shorter than its family header (Go: 1 byte, glibc/busybox: 4 with
        # junk): Linux reads only the family (rtgenmsg); the rest is not a filter.
        fam = (LINK_AF if kind == "link" else AF)[h[0]]
        return bytes([fam]) + b"\0" * (len(h) - 1)
    if kind == "link":
        h[0] = LINK_AF[h[0]]
        ift = ARPHRD_L2F[struct.unpack_from("=H", h, 2)[0]]
        flags, change = struct.unpack_from("=II", h, 8)
        struct.pack_into("=HiII", h, 2, ift, struct.unpack_from("=i", h, 4)[0],
                         map_flags(flags, IFF), map_flags(change, IFF))
    else:
        h[0] = AF[h[0]]
    if kind == "route":
        h[4] = RTM_TABLE_L2F.get(h[4], h[4])
    if kind == "neigh":
        static_neigh(h)
    return bytes(h)


def static_neigh(h):
    """Linux NUD_PERMANENT (0x80) is FreeBSD's static entry: NTF_STICKY (0x40), reported
    NUD_REACHABLE (0x02) (sys/netlink/route/neigh.c)."""
    state = struct.unpack_from("=H", h, 8)[0]
    if state & 0x80:
        struct.pack_into("=H", h, 8, 0x02)
        h[10] |= 0x40


FAMILY_HDR_LEN = {"link": 16, "addr": 8, "route": 12, "neigh": 12, "nexthop": 8}


def request(buf):
    out = b""
    for ty, fl, seq, pid, p in msgs(buf):
        kind, hl = FAMILY_HDR[ty]
        h = req_header(kind, p[:hl])
        al = attrs(p[(hl + 3) & ~3:])
        body = b"".join(REQ_ATTR[kind](a, v) for a, v in al)
        if ty == 20 and p[0] == 10 and not any(a & 0x3FFF == 6 for a, _ in al):
            # IPv6 NEWADDR without IFA_CACHEINFO means "forever" on Linux; FreeBSD would take
            # lifetimes 0/0 and add nothing (route/iface.c handle_newaddr_inet6).
            body += attr(6, p32(0xFFFFFFFF) + p32(0xFFFFFFFF) + p32(0) + p32(0))
        out += msg(ty, fl, seq, pid, pad(h) + body if body or len(p) > hl else h)
    return out


# ---------------------------------------------------------------- replies (FreeBSD -> Linux)

class Reply:
    """Builds one FreeBSD reply and the expected Linux translation side by side.

    Rules for the FreeBSD side (what FreeBSD emits, §3.3), applied to the captured Linux state:
    - only attributes FreeBSD's dump functions emit are carried; values are Linux's, in
      Linux's order (the FreeBSD side never carries information the Linux capture lacks);
    - FreeBSD-private attributes and flag bits are added where FreeBSD emits them
      (IFLA_FREEBSD, IFA_FREEBSD, NDA_FREEBSD, NHA_FREEBSD, RTA 10 KNH_ID / 14 RTFLAGS,
      IFF_SIMPLEX): the translator must drop them;
    - values with a different encoding are re-encoded (families, names, ifi_type, ifi_flags,
      table ids, RTA_VIA, multipath weights, STATS64 size, errno, DONE flags 0).
    Normalisation of the expected Linux side (all other bytes are the capture's):
    - attributes FreeBSD does not emit are removed (IFLA_STATS, IFLA_AF_SPEC, ..., RTA_PRIORITY,
      RTA_PREFSRC, RTA_CACHEINFO, RTA_PREF, IFA_CACHEINFO for IPv4, IFA_PROTO, NHA_OP_FLAGS,
      NLMSGERR_ATTR_POLICY);
    - IFLA_QDISC, IFLA_TXQLEN, IFLA_GROUP, IFLA_LINKMODE, which FreeBSD lacks and the
      translator adds for parity, move to the end of the message in that order, with Linux's
      values;
    - addresses: FreeBSD's IFA_FLAGS lack IFA_F_PERMANENT (0x80), which the translator adds
      for non-expiring addresses as Linux does; Linux's IPv4 IFA_CACHEINFO (FreeBSD sends
      none) keeps its infinite lifetimes, its cstamp/tstamp read 0;
    - IFLA_STATS64 keeps FreeBSD's 24 counters; Linux's later counters read 0;
    - routes outside the main table and table 100, and non-unicast routes (Linux's local
      table), are removed: FreeBSD has no local table.
    """


LINK_FREEBSD_EMITS = {3, 16, 33, 1, 2, 4, 20, 23, 30}  # dump_iface (§3.3)
LINK_SYNTH = [6, 13, 27, 17]  # IFLA_QDISC, IFLA_TXQLEN, IFLA_GROUP, IFLA_LINKMODE
ADDR_FREEBSD_EMITS = {1, 2, 3, 4, 8, 6}  # dump_iface_addr; LOCAL v4 only, CACHEINFO v6 only
ROUTE_FREEBSD_EMITS = {15, 1, 5, 18, 30, 8, 4, 9}  # dump_px
NEIGH_FREEBSD_EMITS = {1, 2, 4, 3}  # dump_lle_locked
NEXTHOP_FREEBSD_EMITS = {1, 2, 3, 4, 5, 6}  # route/nexthop.c


def rep_link(p):
    h = bytearray(p[:16])
    idx = struct.unpack_from("=i", h, 4)[0]
    fbname, ift, _ = HOST[idx]
    flags, change = struct.unpack_from("=II", h, 8)
    fflags = map_flags(flags, IFF) | (IFF_SIMPLEX if ift in (IFT_ETHER, IFT_BRIDGE) else 0)
    struct.pack_into("=BBHiII", h, 0, 0, 0, ift, idx, fflags, map_flags(change, IFF))
    fb, ex, synth = b"", b"", {}
    for ty, v in attrs(p[16:]):
        t = ty & 0x3FFF
        if t in LINK_SYNTH:
            synth[t] = attr(ty, v)
        if t not in LINK_FREEBSD_EMITS:
            continue
        if t == 3:
            fb += attr(ty, fbname.encode() + b"\0")
            ex += attr(ty, v)
        elif t == 23:
            fb += attr(ty, v[:STATS64_FREEBSD])
            ex += attr(ty, v[:STATS64_FREEBSD] + b"\0" * (len(v) - STATS64_FREEBSD))
        else:
            fb += attr(ty, v)
            ex += attr(ty, v)
    # IFLA_FREEBSD (64, nested): IFLAF_ORIG_IFNAME, IFLAF_CAPS (bitset); no Linux form.
    fb += attr(0x8000 | 64, attr(1, fbname.encode() + b"\0") + attr(3, b"\xff" * 8))
    for t in LINK_SYNTH:
        ex += synth[t]
    return bytes(h) + fb, p[:16] + ex


def rep_addr(p):
    h = bytearray(p[:8])
    fam = h[0]
    h[0] = AF[fam]
    h[2] = 0  # FreeBSD writes ifa_flags 0; the flags live in IFA_FLAGS only (§5 O11)
    fb = ex = b""
    for ty, v in attrs(p[8:]):
        t = ty & 0x3FFF
        if t not in ADDR_FREEBSD_EMITS:
            continue
        if t == 2 and fam != 2:
            continue
        if t == 6 and fam != 10:
            # FreeBSD sends no IPv4 cache info; Linux's, with its lifetimes, is expected.
            ex += attr(ty, v[:8] + b"\0" * 8)
            continue
        if t == 3:
            fb += name_attr(ty, v, NAME_L2F)
        elif t == 8:
            fb += attr(ty, p32(u32(v) & ~0x80))  # no IFA_F_PERMANENT on FreeBSD
        else:
            fb += attr(ty, v)
        ex += attr(ty, v)
    if fam == 10:
        # IFA_FREEBSD (11, nested): IFAF_FLAGS = raw in6 flags; Linux id 11 is IFA_PROTO.
        fb += attr(0x8000 | 11, attr(2, p32(0x20)))
    return bytes(h) + fb, p[:8] + ex


def mp_l2f(v):
    out, off = b"", 0
    while off < len(v):
        ln, fl, hops, idx = struct.unpack_from("=HBBi", v, off)
        inner = b""
        for a, x in attrs(v[off + 8:off + ln]):
            inner += attr(a, via_l2f(x) if a & 0x3FFF == 18 else x)
        inner += attr(14, p32(0x803))  # NL_RTA_RTFLAGS per hop (FreeBSD-private id 14)
        out += pad(struct.pack("=HBBi", 8 + len(inner), fl, hops + 1, idx) + inner)
        off += (ln + 3) & ~3
    return out


def rep_route(p):
    h = bytearray(p[:12])
    if h[4] not in (254, 100) or h[7] != 1:
        return None
    h[0] = AF[h[0]]
    h[4] = RTM_TABLE_L2F.get(h[4], h[4])
    fb = ex = b""
    for ty, v in attrs(p[12:]):
        t = ty & 0x3FFF
        if t not in ROUTE_FREEBSD_EMITS:
            continue
        if t == 15:
            fb += attr(ty, p32(TABLE_L2F.get(u32(v), u32(v))))
        elif t == 18:
            fb += attr(ty, via_l2f(v))
        elif t == 9:
            fb += attr(ty, mp_l2f(v))
        else:
            fb += attr(ty, v)
        ex += attr(ty, v)
    fb += attr(10, p32(42)) + attr(14, p32(0x803))  # NL_RTA_KNH_ID, NL_RTA_RTFLAGS
    return bytes(h) + fb, p[:12] + ex


def rep_simple(p, hl, emits, private):
    h = bytearray(p[:hl])
    h[0] = AF[h[0]]
    fb = ex = b""
    for ty, v in attrs(p[hl:]):
        if ty & 0x3FFF in emits:
            fb += attr(ty, v)
            ex += attr(ty, v)
    return bytes(h) + fb + private, p[:hl] + ex


def rep_error(fl, p):
    err = struct.unpack_from("=i", p)[0]
    ln = struct.unpack_from("=I", p, 4)[0]
    capped = fl & 0x100
    echo_len = 16 if capped else ln
    echo = p[4:4 + echo_len]
    fb_echo = echo if capped else request(echo)
    tl = attrs(p[(4 + echo_len + 3) & ~3:])
    fb = struct.pack("=i", ERRNO_L2F[-err]) + pad(fb_echo)
    ex = p[:4] + pad(echo)
    for ty, v in tl:
        if ty & 0x3FFF == 4:  # NLMSGERR_ATTR_POLICY: FreeBSD reports no policies (§3.5)
            continue
        if ty & 0x3FFF == 2:  # NLMSGERR_ATTR_OFFS: re-point into the FreeBSD echo
            fb += attr(ty, p32(offs_l2f(echo, u32(v))))
        else:
            fb += attr(ty, v)
        ex += attr(ty, v)
    return fb, ex


def offs_l2f(echo, off):
    """The offset in the FreeBSD echo of the attribute at Linux offset `off` (top level)."""
    ty, fl, seq, pid, p = msgs(echo)[0]
    kind, hl = FAMILY_HDR[ty]
    lo, fo = 16 + ((hl + 3) & ~3), 16 + ((hl + 3) & ~3)
    for a, v in attrs(p[(hl + 3) & ~3:]):
        out = REQ_ATTR[kind](a, v)
        if lo == off:
            return fo
        lo += (4 + len(v) + 3) & ~3
        fo += len(out)
    raise ValueError("OFFS does not point at an attribute")


def reply(buf):
    fb_out, ex_out = b"", b""
    for ty, fl, seq, pid, p in msgs(buf):
        if ty == DONE:
            fb_out += msg(ty, fl & ~NLM_F_MULTI, seq, pid, p)  # FreeBSD: flags 0 (§3.5)
            ex_out += msg(ty, fl, seq, pid, p)
            continue
        if ty == ERROR:
            r = rep_error(fl, p)
        elif ty in (NEWLINK, DELLINK):
            r = rep_link(p)
        elif ty in (NEWADDR, DELADDR):
            r = rep_addr(p)
        elif ty in (NEWROUTE, DELROUTE):
            r = rep_route(p)
        elif ty in (NEWNEIGH, DELNEIGH):
            r = rep_simple(p, 12, NEIGH_FREEBSD_EMITS, attr(0x8000 | 18, attr(1, p32(30))))
            fh = bytearray(r[0][:12])
            static_neigh(fh)
            r = (bytes(fh) + r[0][12:], r[1])
        elif ty in (NEWNEXTHOP, DELNEXTHOP):
            private = attr(0x8000 | 14, attr(5, p32(7)) + attr(4, p32(AF[p[0]])))
            r = rep_simple(p, 8, NEXTHOP_FREEBSD_EMITS, private)
        else:
            raise NoRule(f"reply type {ty}")
        if r is None:
            continue
        fb_out += msg(ty, fl, seq, pid, r[0])
        ex_out += msg(ty, fl, seq, pid, r[1])
    return fb_out, ex_out


REQUESTS = [
    "getlink_iproute2", "getaddr_v4_iproute2", "getaddr_v6_iproute2", "getroute_v4_iproute2",
    "getroute_v6_iproute2", "getneigh_iproute2", "getnexthop_iproute2", "getlink_busybox",
    "getaddr_busybox", "getlink_go", "getaddr_go", "getlink_glibc", "getaddr_glibc",
    "getlink_byname_iproute2", "newlink_mtu_iproute2", "newlink_probe_iproute2",
    "newaddr_v6_iproute2", "deladdr_v6_iproute2", "newneigh_v6_iproute2",
    "newnexthop_v6_iproute2", "newroute_via_iproute2", "newroute_multipath_iproute2",
    "newnexthop_badgw_iproute2", "newlink_badmtu_python",
]
REPLIES = [
    "newlink_dump", "newaddr_dump_v4", "newaddr_dump_v6", "newroute_dump_v4",
    "newroute_dump_v6", "newneigh_dump", "newnexthop_dump", "error_nexthop_badgw",
    "error_newlink_badmtu",
]


def main():
    for d in ("freebsd", "expected"):
        os.makedirs(os.path.join(VEC, d), exist_ok=True)

    def rd(n):
        with open(os.path.join(VEC, "linux", n + ".bin"), "rb") as f:
            return f.read()

    def wr(d, n, b):
        with open(os.path.join(VEC, d, n + ".bin"), "wb") as f:
            f.write(b)

    for n in REQUESTS:
        wr("freebsd", n, request(rd(n)))
    for n in REPLIES:
        fb, ex = reply(rd(n))
        wr("freebsd", n, fb)
        wr("expected", n, ex)


if __name__ == "__main__":
    main()
