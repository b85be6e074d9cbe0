// SPDX-License-Identifier: BSD-2-Clause
//! `--pcap FILE`: every netlink message on both sides of the translator, as pcapng.
//!
//! Two interfaces: 0 `linux` (what the program sent and received, Linux ABI) and 1 `freebsd`
//! (what the FreeBSD model received and sent, FreeBSD ABI). Both use `LINKTYPE_NETLINK`
//! (253), whose packets start with the 16-byte Linux "cooked" header that nlmon writes
//! (`include/uapi/linux/if_packet.h` packet types, `ARPHRD_NETLINK` 824, then the netlink
//! protocol), so tshark's netlink dissector decodes the Linux side.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::rc::Rc;
use std::time::{SystemTime, UNIX_EPOCH};

use pcap_file::pcapng::blocks::enhanced_packet::EnhancedPacketBlock;
use pcap_file::pcapng::blocks::interface_description::{
    InterfaceDescriptionBlock, InterfaceDescriptionOption,
};
use pcap_file::pcapng::PcapNgWriter;
use pcap_file::DataLink;

/// Which ABI a recorded message is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// The program's view (interface `linux`).
    Linux,
    /// The FreeBSD model's view (interface `freebsd`).
    Freebsd,
}

/// Which way a message went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Way {
    /// Towards the kernel (a request): `PACKET_OUTGOING`.
    ToKernel,
    /// From the kernel (reply or notification): `PACKET_HOST`.
    FromKernel,
}

/// `ARPHRD_NETLINK` (`include/uapi/linux/if_arp.h`).
const ARPHRD_NETLINK: u16 = 824;
/// `PACKET_HOST` / `PACKET_OUTGOING` (`include/uapi/linux/if_packet.h`).
const PACKET_HOST: u16 = 0;
const PACKET_OUTGOING: u16 = 4;

/// An open capture, shared by the runner and the backends.
pub(crate) struct Pcap {
    w: PcapNgWriter<BufWriter<File>>,
    failed: bool,
}

/// A shared handle (the runner is single-threaded).
pub(crate) type PcapHandle = Rc<RefCell<Pcap>>;

impl Pcap {
    /// Creates `path` with its two interface descriptions.
    pub(crate) fn create(path: &Path) -> Result<PcapHandle, String> {
        let f = File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        let mut w = PcapNgWriter::new(BufWriter::new(f))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        for name in ["linux", "freebsd"] {
            let idb = InterfaceDescriptionBlock {
                linktype: DataLink::NETLINK,
                snaplen: 0,
                options: vec![InterfaceDescriptionOption::IfName(Cow::Borrowed(name))],
            };
            w.write_pcapng_block(idb)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        Ok(Rc::new(RefCell::new(Pcap { w, failed: false })))
    }

    /// Records one datagram (one or more netlink messages) of protocol `proto`.
    pub(crate) fn record(&mut self, side: Side, way: Way, proto: u16, bytes: &[u8]) {
        if self.failed {
            return;
        }
        let mut data = Vec::with_capacity(bytes.len().saturating_add(16));
        let pkttype = match way {
            Way::ToKernel => PACKET_OUTGOING,
            Way::FromKernel => PACKET_HOST,
        };
        data.extend_from_slice(&pkttype.to_be_bytes());
        data.extend_from_slice(&ARPHRD_NETLINK.to_be_bytes());
        data.extend_from_slice(&0u16.to_be_bytes());
        data.extend_from_slice(&[0u8; 8]);
        data.extend_from_slice(&proto.to_be_bytes());
        data.extend_from_slice(bytes);
        let timestamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let block = EnhancedPacketBlock {
            interface_id: match side {
                Side::Linux => 0,
                Side::Freebsd => 1,
            },
            timestamp,
            original_len: u32::try_from(data.len()).unwrap_or(u32::MAX),
            data: Cow::Owned(data),
            options: Vec::new(),
        };
        if let Err(e) = self.w.write_pcapng_block(block) {
            eprintln!("nlcompat: pcap write failed, capture stopped: {e}");
            self.failed = true;
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
        use std::io::Write;
        let _ = self.w.get_mut().flush();
    }
}
