// SPDX-License-Identifier: BSD-2-Clause
//! A backend wrapper that records the Linux side of every exchange into a pcap (`--pcap`).
//!
//! Each packet carries the socket's port id and, for notifications, the multicast group
//! (`crate::pcap`), so `nlcompat replay` can replay every socket of a capture on its own.

use std::collections::BTreeMap;

use super::{Backend, Delivery, SockId};
use crate::pcap::{PcapHandle, Side, Way};

/// Wraps a backend; everything the program sends and receives is recorded, Linux ABI.
pub(crate) struct Recording {
    inner: Box<dyn Backend>,
    pcap: PcapHandle,
    /// Protocol and port id of each socket.
    protos: BTreeMap<SockId, (u16, u32)>,
}

impl Recording {
    /// Records the traffic of `inner` into `pcap`.
    pub(crate) fn new(inner: Box<dyn Backend>, pcap: PcapHandle) -> Recording {
        Recording {
            inner,
            pcap,
            protos: BTreeMap::new(),
        }
    }

    fn record(&self, s: SockId, way: Way, group: u32, bytes: &[u8]) {
        let (proto, port) = self.protos.get(&s).copied().unwrap_or((0, 0));
        self.pcap
            .borrow_mut()
            .record_sock(Side::Linux, way, proto, port, group, bytes);
    }

    fn record_delivery(&self, s: SockId, d: &Delivery) {
        if let Delivery::Datagram { bytes, group } = d {
            self.record(s, Way::FromKernel, *group, bytes);
        }
    }
}

impl Backend for Recording {
    fn open(&mut self, protocol: i32) -> Result<SockId, i32> {
        let s = self.inner.open(protocol)?;
        self.protos
            .insert(s, (u16::try_from(protocol).unwrap_or(0), 0));
        Ok(s)
    }

    fn open_for(&mut self, protocol: i32, tid: u32) -> Result<SockId, i32> {
        let s = self.inner.open_for(protocol, tid)?;
        self.protos
            .insert(s, (u16::try_from(protocol).unwrap_or(0), 0));
        Ok(s)
    }

    fn close(&mut self, s: SockId) {
        self.protos.remove(&s);
        self.inner.close(s);
    }

    fn bind(&mut self, s: SockId, port: u32, groups: u32) -> Result<(), i32> {
        if let Some(e) = self.protos.get_mut(&s) {
            e.1 = port;
        }
        self.inner.bind(s, port, groups)
    }

    fn set_membership(&mut self, s: SockId, group: u32, join: bool) -> Result<(), i32> {
        self.inner.set_membership(s, group, join)
    }

    fn set_flag(&mut self, s: SockId, opt: i32, on: bool) -> Result<(), i32> {
        self.inner.set_flag(s, opt, on)
    }

    fn send(&mut self, s: SockId, datagram: &[u8]) -> Result<Vec<Delivery>, i32> {
        self.record(s, Way::ToKernel, 0, datagram);
        let out = self.inner.send(s, datagram)?;
        for d in &out {
            self.record_delivery(s, d);
        }
        Ok(out)
    }

    fn advance(&mut self, s: SockId) -> Vec<Delivery> {
        let out = self.inner.advance(s);
        for d in &out {
            self.record_delivery(s, d);
        }
        out
    }

    fn send_for(
        &mut self,
        s: SockId,
        datagram: &[u8],
        tid: u32,
        addressed: bool,
    ) -> Result<Vec<Delivery>, i32> {
        self.record(s, Way::ToKernel, 0, datagram);
        let out = self.inner.send_for(s, datagram, tid, addressed)?;
        for d in &out {
            self.record_delivery(s, d);
        }
        Ok(out)
    }

    fn set_reader(&mut self, s: SockId, max_recvmsg_len: usize) {
        self.inner.set_reader(s, max_recvmsg_len);
    }

    fn packs_dumps_lazily(&self) -> bool {
        self.inner.packs_dumps_lazily()
    }

    fn holding(&self, s: SockId) -> bool {
        self.inner.holding(s)
    }

    fn set_room(&mut self, s: SockId, room: usize) {
        self.inner.set_room(s, room);
    }

    fn sync(&mut self, s: SockId) -> Vec<Delivery> {
        self.inner.sync(s)
    }

    fn poll_fd(&self) -> Option<std::os::fd::RawFd> {
        self.inner.poll_fd()
    }

    fn take_async(&mut self) -> Vec<(SockId, Delivery)> {
        let out = self.inner.take_async();
        for (s, d) in &out {
            self.record_delivery(*s, d);
        }
        out
    }

    fn native_ioctls(&self) -> bool {
        self.inner.native_ioctls()
    }
}
