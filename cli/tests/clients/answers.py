# SPDX-License-Identifier: BSD-2-Clause
# A raw NETLINK_ROUTE client that prints every datagram the kernel side queues for a request,
# message by message, in a form comparable across backends: type, flags, whether nlmsg_seq
# and nlmsg_pid are the request's seq and the socket's port, and for NLMSG_ERROR the errno,
# the echo (whole request / header only) and the ext-ack TLVs.
# Usage: answers.py SCENARIO [ext_ack] [cap_ack] [strict] [up]
# Scenarios: refused, refused_freebsd, framing, framing_genl, control, empty, empty_freebsd,
# setlink, filtered, lenient (see cli/tests/run_freebsd_protocol.rs).
import socket, struct, sys

scenario = sys.argv[1]
opts = set(sys.argv[2:])
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
s.bind((0, 0))
port = s.getsockname()[0]
s.settimeout(5)
if "ext_ack" in opts:
    s.setsockopt(270, 11, 1)
if "cap_ack" in opts:
    s.setsockopt(270, 10, 1)
if "strict" in opts:
    s.setsockopt(270, 12, 1)

NAMES = {2: "ERROR", 3: "DONE"}
seq = 100


def describe(req, data, port):
    out = []
    off = 0
    while off + 16 <= len(data):
        ln, ty, fl, sq, pid = struct.unpack_from("=IHHII", data, off)
        m = data[off:off + ln]
        word = "%s flags=%#x seq=%s pid=%s" % (
            NAMES.get(ty, ty), fl, "ok" if sq == struct.unpack_from("=I", req, 8)[0] else sq,
            "port" if pid == port else pid)
        def tlvs_of(rest):
            tlvs = []
            t = 0
            while t + 4 <= len(rest):
                al, at = struct.unpack_from("=HH", rest, t)
                val = rest[t + 4:t + al]
                tlvs.append("msg=%r" % val.rstrip(b"\0").decode() if at == 1 else
                            "offs=%d" % struct.unpack("=I", val)[0] if at == 2 else "attr%d" % at)
                t += (al + 3) & ~3
            return "".join(" " + x for x in tlvs)
        if ty == 2:
            err = struct.unpack_from("=i", m, 16)[0]
            elen = struct.unpack_from("=I", m, 20)[0]
            if fl & 0x100:
                echo, rest = m[20:36], m[36:]
                kind = "header" if echo == req[:16] else "bad-header"
            else:
                n = (elen + 3) & ~3
                echo, rest = m[20:20 + elen], m[20 + n:]
                kind = "request" if echo == req else "bad-echo"
            word += " errno=%d echo=%s%s" % (err, kind, tlvs_of(rest))
        elif ty == 3:
            word += " status=%d%s" % (struct.unpack_from("=i", m, 16)[0], tlvs_of(m[20:]))
        out.append(word)
        off += (ln + 3) & ~3
    return out


def squeeze(words):
    """Runs of equal words as 'N x word' (dump sizes differ between hosts: 'some')."""
    out = []
    for w in words:
        if out and out[-1][1] == w:
            out[-1][0] += 1
        else:
            out.append([1, w])
    return [w if n == 1 or w.startswith(("ERROR", "DONE")) else "some x " + w for n, w in out]


def ask(name, ty, flags, body, quiet=False, sock=None):
    """Sends one request; prints each datagram until the answer is complete."""
    global seq
    seq += 1
    req = struct.pack("=IHHII", 16 + len(body), ty, flags, seq, 0) + body
    sock = sock or s
    sock.send(req)
    print("==", name)
    while True:
        data = sock.recv(65536)
        words = describe(req, data, sock.getsockname()[0])
        print("  datagram:", " | ".join(squeeze(words) if quiet else words))
        last = words[-1] if words else ""
        dump = flags & 0x300 == 0x300
        if last.startswith("ERROR") or last.startswith("DONE"):
            break
        if not dump and not flags & 0x4:
            break


ifinfomsg = struct.pack("=BxHiII", 0, 0, 0, 0, 0)
if scenario == "refused":
    # Types no kernel serves: Linux's rtnetlink_rcv_msg() answers EOPNOTSUPP above RTM_MAX.
    for ty in (200, 1000):
        ask("type %d get" % ty, ty, 0x1, ifinfomsg)
        ask("type %d dump" % ty, ty, 0x301, ifinfomsg)
        ask("type %d ack" % ty, ty, 0x5, ifinfomsg)
elif scenario == "refused_freebsd":
    # Types Linux serves and FreeBSD does not (RTM_GETRULE, RTM_GETQDISC, RTM_GETNETCONF).
    for ty in (34, 38, 82):
        ask("type %d dump" % ty, ty, 0x301, struct.pack("=Bxxx", 2) + bytes(8))
elif scenario == "framing":
    # Replies to requests that are not dumps, and acks: one datagram each (netlink_unicast,
    # netlink_ack); sd-netlink takes the last message of a datagram as the answer.
    def nla(ty, payload):
        return struct.pack("=HH", 4 + len(payload), ty) + payload + bytes(-len(payload) % 4)
    ask("link get by index, ack", 18, 0x5, struct.pack("=BxHiII", 0, 0, 1, 0, 0))
    ask("link get by name, ack", 18, 0x5, struct.pack("=BxHiII", 0, 0, 0, 0, 0) + nla(3, b"lo\0"))
    ask("route get, ack", 26, 0x5, struct.pack("=BBBBBBBBI", 2, 32, 0, 0, 0, 0, 0, 0, 0)
        + nla(1, bytes([192, 0, 2, 1])))
    ask("link get of a missing index, ack", 18, 0x5, struct.pack("=BxHiII", 0, 0, 99, 0, 0))
    ask("link get by index, no ack", 18, 0x1, struct.pack("=BxHiII", 0, 0, 1, 0, 0))
elif scenario == "framing_genl":
    def nla(ty, payload):
        return struct.pack("=HH", 4 + len(payload), ty) + payload + bytes(-len(payload) % 4)
    g = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 16)
    g.bind((0, 0))
    g.settimeout(5)
    ask("nlctrl getfamily nlctrl, ack", 16, 0x5, struct.pack("=BBH", 3, 1, 0) + nla(2, b"nlctrl\0"),
        sock=g)
    ask("nlctrl dump", 16, 0x301, struct.pack("=BBH", 3, 1, 0), quiet=True, sock=g)
elif scenario == "empty":
    # Dumps Linux answers with nothing on this host.
    ask("nexthop dump before any nexthop", 106, 0x301, struct.pack("=BxBBI", 0, 0, 0, 0))
    ask("neigh dump filtered by a missing interface", 30, 0x301,
        struct.pack("=BxxxiHBB", 0, 0, 0, 0, 0) + struct.pack("=HHI", 8, 8, 99))
    ask("bridge link dump", 18, 0x301, struct.pack("=BxHiII", 7, 0, 0, 0, 0))
elif scenario == "empty_freebsd":
    ask("bridge fdb dump", 30, 0x301, struct.pack("=BxxxiHBB", 7, 0, 0, 0, 0))
    ask("ipv4 multicast route dump", 26, 0x301, struct.pack("=BBBBBBBBI", 128, 0, 0, 0, 0, 0, 0, 0, 0))
    ask("ipv6 multicast route dump", 26, 0x301, struct.pack("=BBBBBBBBI", 129, 0, 0, 0, 0, 0, 0, 0, 0))
elif scenario == "setlink":
    # RTM_SETLINK (19) as systemd-networkd and the rtnetlink crate send it, by name.
    def nla(ty, payload):
        return struct.pack("=HH", 4 + len(payload), ty) + payload + bytes(-len(payload) % 4)
    def show(name):
        global seq
        seq += 1
        req = struct.pack("=IHHII", 0, 18, 0x1, seq, 0) + struct.pack("=BxHiII", 0, 0, 0, 0, 0) \
            + nla(3, name + b"\0")
        req = struct.pack("=I", len(req)) + req[4:]
        s.send(req)
        d = s.recv(65536)
        flags = struct.unpack_from("=I", d, 24)[0]
        off, mtu = 32, None
        while off < struct.unpack_from("=I", d, 0)[0]:
            ln, ty = struct.unpack_from("=HH", d, off)
            if ty == 4:
                mtu = struct.unpack_from("=I", d, off + 4)[0]
            off += (ln + 3) & ~3
        print("  %s: up=%d mtu=%s" % (name.decode(), flags & 1, mtu))
    ifi = struct.pack("=BxHiII", 0, 0, 0, 0, 0)
    ask("setlink eth1 mtu 1400", 19, 0x5, ifi + nla(3, b"eth1\0") + nla(4, struct.pack("=I", 1400)))
    show(b"eth1")
    ask("setlink eth0 down", 19, 0x5, struct.pack("=BxHiII", 0, 0, 0, 0, 1) + nla(3, b"eth0\0"))
    show(b"eth0")
    ask("setlink eth0 mtu 1280 with NLM_F_CREATE", 19, 0x405,
        ifi + nla(3, b"eth0\0") + nla(4, struct.pack("=I", 1280)))
    show(b"eth0")
    if "up" in opts:
        ask("setlink eth1 up", 19, 0x5, struct.pack("=BxHiII", 0, 0, 0, 1, 1) + nla(3, b"eth1\0"))
        show(b"eth1")
        ask("setlink of a missing interface", 19, 0x5, ifi + nla(3, b"nosuch0\0"))
        ask("setlink without index or name", 19, 0x5, ifi + nla(4, struct.pack("=I", 1400)))
elif scenario == "control":
    # Messages no handler sees (control types, no NLM_F_REQUEST) are acked when asked
    # (netlink_rcv_skb); without NLM_F_ACK nothing comes, so a dump follows to prove it.
    ifi = struct.pack("=BxHiII", 0, 0, 1, 0, 0)
    ask("NLMSG_NOOP with ack", 1, 0x5, ifi)
    ask("getlink without NLM_F_REQUEST, with ack", 18, 0x4, ifi)
    seq += 1
    s.send(struct.pack("=IHHII", 32, 1, 0x1, seq, 0) + ifi)
    ask("dump after an unanswered NLMSG_NOOP", 18, 0x301, b"\0", True)
elif scenario == "filtered":
    # Dumps the kernel filters carry NLM_F_DUMP_FILTERED (strict address dump by index,
    # neighbour dump by NDA_IFINDEX); indexes differ between hosts, so eth0's is looked up.
    def nla(ty, payload):
        return struct.pack("=HH", 4 + len(payload), ty) + payload + bytes(-len(payload) % 4)
    seq += 1
    body = struct.pack("=BxHiII", 0, 0, 0, 0, 0) + nla(3, b"eth0\0")
    s.send(struct.pack("=IHHII", 16 + len(body), 18, 0x1, seq, 0) + body)
    eth0 = struct.unpack_from("=i", s.recv(65536), 20)[0]
    ask("address dump of eth0", 22, 0x301, struct.pack("=BBBBi", 0, 0, 0, 0, eth0), True)
    ask("address dump of a missing interface", 22, 0x301, struct.pack("=BBBBi", 2, 0, 0, 0, 99))
    ask("neighbour dump of eth0", 30, 0x301,
        struct.pack("=BxxxiHBB", 0, 0, 0, 0, 0) + nla(8, struct.pack("=I", eth0)), True)
elif scenario == "lenient":
    # Dump requests with headers of another size or with junk, as Go's vishvananda/netlink,
    # old iproute2 and hand-written clients send them.
    ifinfo = struct.pack("=BxHiII", 2, 0, 0, 0, 0)
    ifinfo6 = struct.pack("=BxHiII", 10, 0, 0, 0, 0)
    ask("addr dump, ifinfomsg header", 22, 0x301, ifinfo, True)
    ask("addr6 dump, ifinfomsg header", 22, 0x301, ifinfo6, True)
    ask("route dump, ifinfomsg header", 26, 0x301, ifinfo, True)
    ask("route6 dump, ifinfomsg header", 26, 0x301, ifinfo6, True)
    ask("link dump, rtgenmsg", 18, 0x301, b"\0", True)
    ask("addr dump, rtgenmsg AF_INET", 22, 0x301, b"\2", True)
    ask("link dump, ifi_index 1", 18, 0x301, struct.pack("=BxHiII", 0, 0, 1, 0, 0), True)
    ask("link dump, junk in ifi_type and flags", 18, 0x301,
        struct.pack("=BxHiII", 0, 0xffff, 0, 0xffff, 0), True)
    ask("route dump, rtmsg with junk scope and tos", 26, 0x301,
        struct.pack("=BBBBBBBBI", 2, 0, 0, 7, 0, 0, 99, 0, 0), True)
    ask("neigh dump, ndmsg with junk state", 30, 0x301,
        struct.pack("=BxxxiHBB", 2, 0, 0xff, 0, 0), True)
    ask("addr dump, attribute of length 0 after ifaddrmsg", 22, 0x301,
        struct.pack("=BBBBi", 2, 0, 0, 0, 0) + bytes(8), True)
    ask("addr dump, unknown attribute", 22, 0x301,
        struct.pack("=BBBBi", 2, 0, 0, 0, 0) + struct.pack("=HHI", 8, 1, 0), True)
    # An empty payload: Linux drops it, acking only when asked.
    ask("link get, empty payload, ack", 18, 0x5, b"")
    seq += 1
    s.send(struct.pack("=IHHII", 16, 18, 0x1, seq, 0))
    ask("link dump after an unanswered empty request", 18, 0x301, b"\0", True)
else:
    sys.exit("unknown scenario " + scenario)
