// SPDX-License-Identifier: BSD-2-Clause
//! Netlink socket control block (`struct nlpcb`, `sys/netlink/netlink_var.h`) and its two
//! `nl_buf` queues (`so_snd.nl_queue` for requests, `so_rcv.nl_queue` for replies).

use crate::limits::{NLP_MAX_GROUPS, NLSNDQ};
use std::collections::VecDeque;

/// Handle of a simulated socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SockId(pub u32);

/// Credentials of the socket's creator (`so_cred`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cred {
    /// User id; 0 passes every `priv_check_cred()`.
    pub uid: u32,
}

impl Cred {
    /// `priv_check_cred(cred, priv) == 0`.
    pub fn privileged(&self) -> bool {
        self.uid == 0
    }
}

/// `struct nl_buf` on a receive or send queue.
#[derive(Debug, Clone)]
pub(crate) struct NlBuf {
    pub(crate) data: Vec<u8>,
    /// Read (or processing) offset.
    pub(crate) offset: usize,
}

/// `NLF_CAP_ACK`, `NLF_EXT_ACK`, `NLF_STRICT`, `NLF_MSG_INFO`.
pub(crate) const NLF_CAP_ACK: u32 = 0x01;
pub(crate) const NLF_EXT_ACK: u32 = 0x02;
pub(crate) const NLF_STRICT: u32 = 0x04;
pub(crate) const NLF_MSG_INFO: u32 = 0x08;

/// `struct nlpcb` plus the socket buffers it uses.
#[derive(Debug, Clone)]
pub(crate) struct Socket {
    pub(crate) proto: u32,
    pub(crate) cred: Cred,
    pub(crate) port: u32,
    pub(crate) bound: bool,
    pub(crate) groups: [u64; 2],
    pub(crate) flags: u32,
    pub(crate) rcv: VecDeque<NlBuf>,
    pub(crate) rcv_hiwat: usize,
    pub(crate) rcv_ccc: usize,
    pub(crate) snd: VecDeque<NlBuf>,
    pub(crate) snd_hiwat: usize,
    pub(crate) snd_ccc: usize,
    pub(crate) tx_blocked: bool,
    /// `nl_dropped_bytes` / `nl_dropped_messages` (reset by `nl_on_transmit`).
    pub(crate) dropped_bytes: u64,
    pub(crate) dropped_messages: u64,
    /// Cumulative dropped messages, for [`crate::Kernel::dropped`].
    pub(crate) dropped_total: u64,
    /// Part of `dropped_total` already reported by `take_dropped`.
    pub(crate) dropped_taken: u64,
    /// `nl_process_id`.
    pub(crate) process_id: u32,
}

impl Socket {
    /// `nl_attach()` + `soreserve(nl_sendspace, nl_recvspace)`.
    pub(crate) fn new(proto: u32, cred: Cred, pid: u32) -> Socket {
        Socket {
            proto,
            cred,
            port: 0,
            bound: false,
            groups: [0; 2],
            flags: 0,
            rcv: VecDeque::new(),
            rcv_hiwat: NLSNDQ,
            rcv_ccc: 0,
            snd: VecDeque::new(),
            snd_hiwat: NLSNDQ,
            snd_ccc: 0,
            tx_blocked: false,
            dropped_bytes: 0,
            dropped_messages: 0,
            dropped_total: 0,
            dropped_taken: 0,
            process_id: pid,
        }
    }

    /// `nlp_memberof_group()`.
    pub(crate) fn member(&self, group: u32) -> bool {
        if group >= NLP_MAX_GROUPS {
            return false;
        }
        let w = usize::try_from(group / 64).unwrap_or(0);
        let b = group % 64;
        self.groups.get(w).is_some_and(|m| m & (1u64 << b) != 0)
    }

    /// `nlp_join_group()` / `nlp_leave_group()`.
    pub(crate) fn set_group(&mut self, group: u32, on: bool) {
        if group >= NLP_MAX_GROUPS {
            return;
        }
        let w = usize::try_from(group / 64).unwrap_or(0);
        let b = group % 64;
        if let Some(m) = self.groups.get_mut(w) {
            if on {
                *m |= 1u64 << b;
            } else {
                *m &= !(1u64 << b);
            }
        }
    }

    /// `nlp_get_groups_compat()`: groups 1..32 as a mask.
    pub(crate) fn groups_compat(&self) -> u32 {
        let mut m = 0u32;
        for i in 0..32u32 {
            if self.member(i.saturating_add(1)) {
                m |= 1u32 << i;
            }
        }
        m
    }
}
