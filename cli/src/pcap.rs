// SPDX-License-Identifier: BSD-2-Clause
//! Captures: the `--pcap FILE` writer and the reader behind `decode`, `xlate` and `replay`.
//!
//! Our pcapng has two interfaces: 0 `linux` (what the program sent and received, Linux ABI)
//! and 1 `freebsd` (what the FreeBSD model received and sent, FreeBSD ABI); each interface
//! description names its ABI and sets `if_tsresol` to nanoseconds (the unit pcap-file writes
//! enhanced-packet timestamps in). Both use `LINKTYPE_NETLINK` (253), whose packets start
//! with the 16-byte Linux "cooked" (`LINKTYPE_LINUX_SLL`) header that libpcap writes for an
//! nlmon device: packet type, `ARPHRD_NETLINK` (824), address length, 8 address bytes, then
//! the netlink protocol, all big-endian (libpcap `pcap-linux.c`, `sll.h`; the link-type
//! definition, tcpdump.org `linktypes/LINKTYPE_NETLINK.html`, declares everything but the
//! ARPHRD type and the protocol unused, and Wireshark's `epan/dissectors/packet-netlink.c`
//! ignores them). Our writer fills the address with the socket's port id and the multicast
//! group (address length 8), so `replay` can tell the sockets of a capture apart.
//!
//! The reader takes pcapng, classic pcap (both `LINKTYPE_NETLINK`) and raw streams of
//! netlink messages, one record at a time, so captures of any size stream through it.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use pcap_file::pcap::{PcapHeader, PcapPacket, PcapReader, PcapWriter};
use pcap_file::pcapng::blocks::enhanced_packet::EnhancedPacketBlock;
use pcap_file::pcapng::blocks::interface_description::{
    InterfaceDescriptionBlock, InterfaceDescriptionOption,
};
use pcap_file::pcapng::{Block, PcapNgReader, PcapNgWriter};
use pcap_file::{DataLink, TsResolution};

/// Which ABI a recorded message is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Side {
    /// The program's view (interface `linux`).
    Linux,
    /// The FreeBSD model's view (interface `freebsd`).
    Freebsd,
}

impl Side {
    /// The interface name carrying this side.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Side::Linux => "linux",
            Side::Freebsd => "freebsd",
        }
    }
}

/// Which way a message went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Way {
    /// Towards the kernel (a request): `PACKET_OUTGOING`.
    ToKernel,
    /// From the kernel (reply or notification): `PACKET_HOST` (`PACKET_MULTICAST` for a
    /// notification to a group).
    FromKernel,
}

/// `ARPHRD_NETLINK` (`include/uapi/linux/if_arp.h`).
const ARPHRD_NETLINK: u16 = 824;
/// `PACKET_HOST`, `PACKET_MULTICAST`, `PACKET_OUTGOING` (`include/uapi/linux/if_packet.h`).
const PACKET_HOST: u16 = 0;
const PACKET_MULTICAST: u16 = 2;
const PACKET_OUTGOING: u16 = 4;
/// Size of the cooked header before the netlink bytes.
const COOKED_LEN: usize = 16;

/// Where a capture goes: a file or standard output.
type Sink = BufWriter<Box<dyn Write>>;

/// An open capture, shared by the runner and the backends.
pub(crate) struct Pcap {
    w: PcapNgWriter<Sink>,
    failed: bool,
}

/// A shared handle (the runner is single-threaded).
pub(crate) type PcapHandle = Rc<RefCell<Pcap>>;

/// `if_tsresol` 9: timestamps count nanoseconds (pcapng: 10^-9 s), which is what
/// pcap-file 2 writes (`Duration::as_nanos`); without it readers assume microseconds.
const TSRESOL_NANO: u8 = 9;

impl Pcap {
    /// Creates `path` with its two interface descriptions.
    pub(crate) fn create(path: &Path) -> Result<PcapHandle, String> {
        let f = File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        let p = Pcap::to_writer(Box::new(f)).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Rc::new(RefCell::new(p)))
    }

    /// A capture written to `out` (a file, standard output, ...).
    pub(crate) fn to_writer(out: Box<dyn Write>) -> Result<Pcap, String> {
        let mut w =
            PcapNgWriter::new(BufWriter::new(out)).map_err(|e| format!("cannot write: {e}"))?;
        for side in [Side::Linux, Side::Freebsd] {
            let descr = match side {
                Side::Linux => "Linux netlink ABI (the program's side)",
                Side::Freebsd => "FreeBSD netlink ABI (the FreeBSD kernel's side)",
            };
            let idb = InterfaceDescriptionBlock {
                linktype: DataLink::NETLINK,
                snaplen: 0,
                options: vec![
                    InterfaceDescriptionOption::IfName(Cow::Borrowed(side.name())),
                    InterfaceDescriptionOption::IfDescription(Cow::Borrowed(descr)),
                    InterfaceDescriptionOption::IfTsResol(TSRESOL_NANO),
                ],
            };
            w.write_pcapng_block(idb)
                .map_err(|e| format!("cannot write: {e}"))?;
        }
        Ok(Pcap { w, failed: false })
    }

    /// Records one datagram (one or more netlink messages) of protocol `proto`.
    pub(crate) fn record(&mut self, side: Side, way: Way, proto: u16, bytes: &[u8]) {
        self.record_sock(side, way, proto, 0, 0, bytes);
    }

    /// Records one datagram of the socket with port id `port` (0: unknown); `group` is the
    /// multicast group of a notification (0: unicast).
    pub(crate) fn record_sock(
        &mut self,
        side: Side,
        way: Way,
        proto: u16,
        port: u32,
        group: u32,
        bytes: &[u8],
    ) {
        let timestamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let rec = Record {
            frame: 0,
            side: Some(side),
            way: Some(way),
            proto,
            port,
            group,
            time: timestamp,
            data: bytes.to_vec(),
        };
        if let Err(e) = self.write(&rec) {
            eprintln!("nlcompat: pcap write failed, capture stopped: {e}");
        }
    }

    /// Writes one record (its side picks the interface; no side: `linux`).
    pub(crate) fn write(&mut self, rec: &Record) -> Result<(), String> {
        if self.failed {
            return Err("capture stopped after an earlier write error".to_owned());
        }
        let data = cooked_packet(rec);
        let block = EnhancedPacketBlock {
            interface_id: match rec.side {
                Some(Side::Linux) | None => 0,
                Some(Side::Freebsd) => 1,
            },
            timestamp: rec.time,
            original_len: u32::try_from(data.len()).unwrap_or(u32::MAX),
            data: Cow::Owned(data),
            options: Vec::new(),
        };
        if let Err(e) = self.w.write_pcapng_block(block) {
            self.failed = true;
            return Err(e.to_string());
        }
        Ok(())
    }

    /// Flushes buffered blocks.
    pub(crate) fn flush(&mut self) -> Result<(), String> {
        self.w.get_mut().flush().map_err(|e| e.to_string())
    }
}

/// A record as a `LINKTYPE_NETLINK` packet: the cooked header, then the netlink bytes.
fn cooked_packet(rec: &Record) -> Vec<u8> {
    let mut data = Vec::with_capacity(rec.data.len().saturating_add(COOKED_LEN));
    let pkttype = match (rec.way, rec.group) {
        (Some(Way::ToKernel), _) => PACKET_OUTGOING,
        (_, 0) => PACKET_HOST,
        _ => PACKET_MULTICAST,
    };
    data.extend_from_slice(&pkttype.to_be_bytes());
    data.extend_from_slice(&ARPHRD_NETLINK.to_be_bytes());
    data.extend_from_slice(&8u16.to_be_bytes());
    data.extend_from_slice(&rec.port.to_be_bytes());
    data.extend_from_slice(&rec.group.to_be_bytes());
    data.extend_from_slice(&rec.proto.to_be_bytes());
    data.extend_from_slice(&rec.data);
    data
}

/// A classic libpcap file (`LINKTYPE_NETLINK`, nanosecond timestamps). It has no interfaces,
/// so the ABI of its packets is not recorded.
pub(crate) struct ClassicPcap {
    w: Option<PcapWriter<Sink>>,
}

impl ClassicPcap {
    /// A capture written to `out`.
    pub(crate) fn to_writer(out: Box<dyn Write>) -> Result<ClassicPcap, String> {
        let header = PcapHeader {
            datalink: DataLink::NETLINK,
            ts_resolution: TsResolution::NanoSecond,
            snaplen: 1 << 18,
            ..PcapHeader::default()
        };
        let w = PcapWriter::with_header(BufWriter::new(out), header)
            .map_err(|e| format!("cannot write: {e}"))?;
        Ok(ClassicPcap { w: Some(w) })
    }

    /// Writes one record.
    pub(crate) fn write(&mut self, rec: &Record) -> Result<(), String> {
        let data = cooked_packet(rec);
        let len = u32::try_from(data.len()).unwrap_or(u32::MAX);
        let w = self.w.as_mut().ok_or("capture already finished")?;
        w.write_packet(&PcapPacket::new_owned(rec.time, len, data))
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// Flushes the file; later writes fail.
    pub(crate) fn finish(&mut self) -> Result<(), String> {
        match self.w.take() {
            Some(w) => w.into_writer().flush().map_err(|e| e.to_string()),
            None => Ok(()),
        }
    }
}

impl std::fmt::Debug for Pcap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pcap")
            .field("failed", &self.failed)
            .finish()
    }
}

impl Drop for Pcap {
    fn drop(&mut self) {
        let _ = self.w.get_mut().flush();
    }
}

/// One packet of a capture (or one message of a raw stream).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    /// 1-based frame number in the file (as tshark counts), 0 for records not read from one.
    pub(crate) frame: u64,
    /// The ABI, from the interface name (`linux`/`freebsd`); `None` when the file does not say.
    pub(crate) side: Option<Side>,
    /// Direction from the cooked header's packet type; `None` for raw streams.
    pub(crate) way: Option<Way>,
    /// Netlink protocol (0 `NETLINK_ROUTE`, 16 `NETLINK_GENERIC`).
    pub(crate) proto: u16,
    /// Port id of the socket (our captures; 0 when unknown).
    pub(crate) port: u32,
    /// Multicast group of a notification (our captures; 0 for unicast or unknown).
    pub(crate) group: u32,
    /// Capture time since the Unix epoch.
    pub(crate) time: Duration,
    /// The netlink bytes (one datagram: one or more messages).
    pub(crate) data: Vec<u8>,
}

/// The kind of file a reader found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// pcapng.
    PcapNg,
    /// Classic libpcap format.
    Pcap,
    /// A bare stream of netlink messages.
    Raw,
}

/// One interface of a pcapng file, as far as the reader cares.
#[derive(Debug, Clone)]
struct Iface {
    netlink: bool,
    side: Option<Side>,
    /// Units per second of the timestamps.
    per_sec: u64,
}

enum Inner {
    Ng {
        r: Box<PcapNgReader<BufReader<Box<dyn Read>>>>,
        ifaces: Vec<Iface>,
    },
    Pcap {
        r: Box<PcapReader<BufReader<Box<dyn Read>>>>,
    },
    Raw {
        r: BufReader<Box<dyn Read>>,
        offset: u64,
        proto: u16,
    },
}

/// A streaming reader of captures and raw streams.
pub(crate) struct Reader {
    inner: Inner,
    frame: u64,
    done: bool,
}

/// pcapng Section Header Block type; classic pcap magics (`pcap-savefile(5)`).
const PCAPNG_MAGIC: [u8; 4] = [0x0A, 0x0D, 0x0D, 0x0A];
const PCAP_MAGICS: [[u8; 4]; 4] = [
    [0xd4, 0xc3, 0xb2, 0xa1],
    [0xa1, 0xb2, 0xc3, 0xd4],
    [0x4d, 0x3c, 0xb2, 0xa1],
    [0xa1, 0xb2, 0x3c, 0x4d],
];

impl Reader {
    /// Opens `path` (`-`: standard input); `raw_proto` is the protocol of a raw stream.
    pub(crate) fn open(path: &Path, raw_proto: u16) -> Result<Reader, String> {
        let src: Box<dyn Read> = if path == Path::new("-") {
            Box::new(std::io::stdin())
        } else {
            Box::new(File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?)
        };
        Reader::new(src, raw_proto).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// A reader over `src`, sniffing the format from its first bytes.
    pub(crate) fn new(src: Box<dyn Read>, raw_proto: u16) -> Result<Reader, String> {
        let mut br = BufReader::with_capacity(1 << 16, src);
        let head = br.fill_buf().map_err(|e| format!("cannot read: {e}"))?;
        let magic: [u8; 4] = head
            .get(..4)
            .and_then(|m| m.try_into().ok())
            .unwrap_or([0; 4]);
        let inner = if magic == PCAPNG_MAGIC {
            let r = PcapNgReader::new(br).map_err(|e| format!("not a valid pcapng file: {e}"))?;
            Inner::Ng {
                r: Box::new(r),
                ifaces: Vec::new(),
            }
        } else if PCAP_MAGICS.contains(&magic) {
            let r = PcapReader::new(br).map_err(|e| format!("not a valid pcap file: {e}"))?;
            if r.header().datalink != DataLink::NETLINK {
                return Err(format!(
                    "pcap link type {:?}, not LINKTYPE_NETLINK (253)",
                    r.header().datalink
                ));
            }
            Inner::Pcap { r: Box::new(r) }
        } else {
            Inner::Raw {
                r: br,
                offset: 0,
                proto: raw_proto,
            }
        };
        Ok(Reader {
            inner,
            frame: 0,
            done: false,
        })
    }

    /// The format being read.
    pub(crate) fn format(&self) -> Format {
        match self.inner {
            Inner::Ng { .. } => Format::PcapNg,
            Inner::Pcap { .. } => Format::Pcap,
            Inner::Raw { .. } => Format::Raw,
        }
    }

    /// The next record; `Ok(None)` at the end. Errors carry the position and the reason.
    pub(crate) fn next_record(&mut self) -> Result<Option<Record>, String> {
        if self.done {
            return Ok(None);
        }
        let res = self.next_inner();
        if !matches!(res, Ok(Some(_))) {
            self.done = true;
        }
        res
    }

    fn next_inner(&mut self) -> Result<Option<Record>, String> {
        loop {
            match &mut self.inner {
                Inner::Raw { r, offset, proto } => return read_raw(r, offset, *proto),
                Inner::Pcap { r } => {
                    let Some(p) = r.next_packet() else {
                        return Ok(None);
                    };
                    self.frame = self.frame.saturating_add(1);
                    let p = p.map_err(|e| format!("packet {}: {e}", self.frame))?;
                    return cooked(self.frame, None, p.timestamp, &p.data).map(Some);
                }
                Inner::Ng { r, ifaces } => {
                    let Some(b) = r.next_block() else {
                        return Ok(None);
                    };
                    let b = b.map_err(|e| format!("block after frame {}: {e}", self.frame))?;
                    match b {
                        Block::SectionHeader(_) => ifaces.clear(),
                        Block::InterfaceDescription(idb) => ifaces.push(iface_of(&idb)),
                        Block::EnhancedPacket(epb) => {
                            self.frame = self.frame.saturating_add(1);
                            let idx = usize::try_from(epb.interface_id).unwrap_or(usize::MAX);
                            let Some(ifc) = ifaces.get(idx) else {
                                return Err(format!(
                                    "frame {}: interface {} is not described",
                                    self.frame, epb.interface_id
                                ));
                            };
                            if !ifc.netlink {
                                continue;
                            }
                            let time = rescale(epb.timestamp, ifc.per_sec);
                            return cooked(self.frame, ifc.side, time, &epb.data).map(Some);
                        }
                        Block::SimplePacket(spb) => {
                            self.frame = self.frame.saturating_add(1);
                            let Some(ifc) = ifaces.first() else {
                                return Err(format!("frame {}: no interface", self.frame));
                            };
                            if ifc.netlink {
                                let (side, d) = (ifc.side, spb.data.into_owned());
                                return cooked(self.frame, side, Duration::ZERO, &d).map(Some);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("format", &self.format())
            .field("frame", &self.frame)
            .finish()
    }
}

fn iface_of(idb: &InterfaceDescriptionBlock<'_>) -> Iface {
    let mut side = None;
    let mut per_sec = 1_000_000u64;
    for o in &idb.options {
        match o {
            InterfaceDescriptionOption::IfName(n) => {
                side = match n.as_ref() {
                    "linux" => Some(Side::Linux),
                    "freebsd" => Some(Side::Freebsd),
                    _ => None,
                }
            }
            InterfaceDescriptionOption::IfTsResol(r) => {
                // pcapng: high bit clear = 10^-r s, set = 2^-(r & 0x7f) s.
                let exp = u32::from(r & 0x7f);
                per_sec = if r & 0x80 == 0 {
                    10u64.checked_pow(exp)
                } else {
                    2u64.checked_pow(exp)
                }
                .unwrap_or(1_000_000_000);
            }
            _ => {}
        }
    }
    Iface {
        netlink: idb.linktype == DataLink::NETLINK,
        side,
        per_sec: per_sec.max(1),
    }
}

/// pcap-file reads every EPB timestamp as nanoseconds; convert from the interface's unit.
fn rescale(raw: Duration, per_sec: u64) -> Duration {
    let units = raw.as_nanos();
    let per = u128::from(per_sec);
    let secs = units.checked_div(per).unwrap_or(0);
    let rem = units.checked_rem(per).unwrap_or(0);
    let nanos = rem
        .saturating_mul(1_000_000_000)
        .checked_div(per)
        .unwrap_or(0);
    Duration::new(
        u64::try_from(secs).unwrap_or(u64::MAX),
        u32::try_from(nanos).unwrap_or(0),
    )
}

/// Splits a `LINKTYPE_NETLINK` packet into its cooked header fields and the netlink bytes.
fn cooked(frame: u64, side: Option<Side>, time: Duration, p: &[u8]) -> Result<Record, String> {
    let be16 = |o: usize| {
        p.get(o..o.saturating_add(2))
            .and_then(|b| b.try_into().ok())
            .map(u16::from_be_bytes)
    };
    let be32 = |o: usize| {
        p.get(o..o.saturating_add(4))
            .and_then(|b| b.try_into().ok())
            .map(u32::from_be_bytes)
    };
    let (Some(pkttype), Some(hatype), Some(halen), Some(proto)) =
        (be16(0), be16(2), be16(4), be16(14))
    else {
        return Err(format!(
            "frame {frame}: {} bytes, shorter than the 16-byte cooked header",
            p.len()
        ));
    };
    if hatype != ARPHRD_NETLINK {
        return Err(format!(
            "frame {frame}: hardware type {hatype} in the cooked header, not ARPHRD_NETLINK (824)"
        ));
    }
    let (port, group) = if halen == 8 {
        (be32(6).unwrap_or(0), be32(10).unwrap_or(0))
    } else {
        (0, 0)
    };
    Ok(Record {
        frame,
        side,
        way: Some(if pkttype == PACKET_OUTGOING {
            Way::ToKernel
        } else {
            Way::FromKernel
        }),
        proto,
        port,
        group,
        time,
        data: p.get(COOKED_LEN..).unwrap_or_default().to_vec(),
    })
}

/// Reads one message of a raw stream: a 16-byte header, then the rest of `nlmsg_len`, then
/// padding to 4 bytes (missing padding at the very end is accepted, as both kernels do).
fn read_raw(
    r: &mut BufReader<Box<dyn Read>>,
    offset: &mut u64,
    proto: u16,
) -> Result<Option<Record>, String> {
    let mut hdr = [0u8; 16];
    let got = read_full(r, &mut hdr).map_err(|e| format!("offset {offset}: {e}"))?;
    if got == 0 {
        return Ok(None);
    }
    if got < 16 {
        return Err(format!(
            "offset {offset}: {got} bytes left, shorter than a 16-byte netlink header"
        ));
    }
    let len = nlcompat::wire::read_u32(&hdr, 0).unwrap_or(0);
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    if len < 16 {
        return Err(format!(
            "offset {offset}: nlmsg_len {len} is below the 16-byte header"
        ));
    }
    if len > (1 << 28) {
        return Err(format!(
            "offset {offset}: nlmsg_len {len} is implausibly large"
        ));
    }
    let mut data = hdr.to_vec();
    data.resize(len, 0);
    let body = data.get_mut(16..).unwrap_or_default();
    let want = body.len();
    let got = read_full(r, body).map_err(|e| format!("offset {offset}: {e}"))?;
    if got < want {
        return Err(format!(
            "offset {offset}: nlmsg_len {len} runs past the end of the input ({} bytes left)",
            got.saturating_add(16)
        ));
    }
    let pad = len.wrapping_neg() & 3;
    let mut padding = [0u8; 3];
    let got_pad = read_full(r, padding.get_mut(..pad).unwrap_or_default())
        .map_err(|e| format!("offset {offset}: {e}"))?;
    let rec = Record {
        frame: *offset,
        side: None,
        way: None,
        proto,
        port: 0,
        group: 0,
        time: Duration::ZERO,
        data,
    };
    *offset = offset
        .saturating_add(u64::try_from(len).unwrap_or(u64::MAX))
        .saturating_add(u64::try_from(got_pad).unwrap_or(0));
    Ok(Some(rec))
}

/// Reads until `buf` is full or the input ends; returns the count read.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0usize;
    while let Some(rest) = buf.get_mut(n..) {
        if rest.is_empty() {
            break;
        }
        match r.read(rest) {
            Ok(0) => break,
            Ok(k) => n = n.saturating_add(k),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsresol_units() {
        let raw = Duration::from_nanos(1_700_000_000_123_456);
        // Microsecond interface: the raw number counted microseconds.
        assert_eq!(
            rescale(raw, 1_000_000),
            Duration::new(1_700_000_000, 123_456_000)
        );
        assert_eq!(rescale(raw, 1_000_000_000), raw);
    }

    #[test]
    fn round_trip_through_a_buffer() {
        let path =
            std::env::temp_dir().join(format!("nlcompat-pcap-{}.pcapng", std::process::id()));
        {
            let mut p = Pcap::to_writer(Box::new(File::create(&path).unwrap())).unwrap();
            let msg = [
                20u8, 0, 0, 0, 18, 0, 1, 3, 1, 0, 0, 0, 0, 0, 0, 0, 17, 0, 0, 0,
            ];
            p.record_sock(Side::Linux, Way::ToKernel, 0, 4242, 0, &msg);
            p.record_sock(Side::Freebsd, Way::FromKernel, 0, 0, 5, &msg);
            p.flush().unwrap();
        }
        let mut r = Reader::open(&path, 0).unwrap();
        assert_eq!(r.format(), Format::PcapNg);
        let a = r.next_record().unwrap().unwrap();
        assert_eq!(
            (a.side, a.way, a.port, a.group),
            (Some(Side::Linux), Some(Way::ToKernel), 4242, 0)
        );
        assert_eq!(a.data.len(), 20);
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
        assert!(
            now.saturating_sub(a.time) < Duration::from_secs(60),
            "{:?}",
            a.time
        );
        let b = r.next_record().unwrap().unwrap();
        assert_eq!(
            (b.side, b.way, b.group),
            (Some(Side::Freebsd), Some(Way::FromKernel), 5)
        );
        assert!(r.next_record().unwrap().is_none());
        let _ = std::fs::remove_file(&path);
    }
}
