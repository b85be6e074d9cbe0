# SPDX-License-Identifier: BSD-2-Clause
# A raw AF_NETLINK client: explicit bind with junk in nl_pad, settimeout (FIONBIO + poll), a
# GETLINK dump read with recvfrom and a GETADDR dump read with recvmsg + ancillary buffer;
# checks the sender address, msg_controllen and every header (seq, pid, NLM_F_MULTI, DONE).
import socket, struct
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
s.bind((0, 0))
pid, groups = s.getsockname()
s.settimeout(5)
assert s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_RAW
assert s.getsockopt(socket.SOL_SOCKET, socket.SO_PROTOCOL) == 0
assert s.getsockopt(socket.SOL_SOCKET, socket.SO_DOMAIN) == socket.AF_NETLINK
s.setsockopt(270, 11, 1)
assert s.getsockopt(270, 11) == 1
def dump(kind, body, use_recvmsg):
    seq = kind
    req = struct.pack("=IHHII", 16 + len(body), kind, 0x301, seq, 0) + body
    s.sendto(req, (0, 0))
    out = []
    while True:
        if use_recvmsg:
            data, anc, flags, addr = s.recvmsg(65536, 256)
            assert anc == [] and flags == 0, (anc, flags)
        else:
            data, addr = s.recvfrom(65536)
        assert addr == (0, 0), addr
        off = 0
        while off < len(data):
            ln, ty, fl, sq, mp = struct.unpack_from("=IHHII", data, off)
            assert sq == seq and mp == pid, (sq, seq, mp, pid)
            assert fl & 0x2, ("NLM_F_MULTI missing", ty, hex(fl))
            assert ty in (3, kind - 2), ("unexpected type", ty)
            if ty == 3:
                assert ln == 20 and struct.unpack_from("=i", data, off + 16)[0] == 0
                return out
            assert ty != 2, "error"
            out.append(data[off:off + ln])
            off += (ln + 3) & ~3
        assert off == len(data)
links = dump(18, struct.pack("=BxHiII", 0, 0, 0, 0, 0), False)
for m in links:
    idx, flags = struct.unpack_from("=iI", m, 20)
    off = 32
    while off < len(m):
        ln, ty = struct.unpack_from("=HH", m, off)
        if ty == 3:
            print("link", idx, m[off + 4:off + ln].rstrip(b"\0").decode(), hex(flags))
        off += (ln + 3) & ~3
addrs = dump(22, struct.pack("=BBBBi", 0, 0, 0, 0, 0), True)
for m in addrs:
    fam, plen, fl, scope, idx = struct.unpack_from("=BBBBi", m, 16)
    addr = None
    off = 24
    while off < len(m):
        ln, ty = struct.unpack_from("=HH", m, off)
        if ty == 1:
            addr = socket.inet_ntop(fam, m[off + 4:off + ln])
        off += (ln + 3) & ~3
    print("addr", fam, plen, scope, idx, addr)
try:
    s.setblocking(False)
    s.recv(100)
    print("no EAGAIN")
except BlockingIOError:
    print("EAGAIN")
print("bound", pid != 0, groups)
