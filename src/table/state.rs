// SPDX-License-Identifier: BSD-2-Clause
//! Per-message translation state ([`MsgState`]), the one argument every custom row and hook
//! takes besides the message itself.

use crate::host::Host;
use crate::wire::Msg;

/// Largest fixed family header handled (`struct rtmsg` is 12, `ifinfomsg` 16).
pub(crate) const MAX_HEADER: usize = 32;

/// An offset to follow through a translation (for `NLMSGERR_ATTR_OFFS`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Track {
    /// The offset to follow, from the start of the message it points into.
    pub(crate) want: usize,
    /// False: `want` is in the source message; true: it is in the output message and the
    /// source offset that produced it is wanted.
    pub(crate) reverse: bool,
    /// The answer, once known.
    pub(crate) found: Option<usize>,
}

/// The state of one message's translation, handed to custom rows and hooks: the host, the
/// request a reply answers, the source message's type, flags and fixed header. (Not to be
/// confused with the per-socket [`crate::Ctx`] it is made from.)
pub struct MsgState<'a> {
    /// The host answering interface questions.
    pub host: &'a dyn Host,
    /// Offset of the source message's start in its buffer, to turn buffer offsets into
    /// message offsets.
    pub(crate) src_base: usize,
    /// Offset of the output message's start in the output.
    pub(crate) dst_base: usize,
    pub(crate) track: Option<Track>,
    /// Linux attribute ids below 128 emitted at the top level of the current message.
    pub(crate) emitted: u128,
    /// The Linux request a FreeBSD reply answers, when the caller kept it.
    pub(crate) request: Option<&'a [u8]>,
    /// Translating the request echoed in an `NLMSG_ERROR`: no attributes are added.
    pub(crate) echo: bool,
    /// `nlmsg_type` and `nlmsg_flags` of the message being translated.
    pub(crate) src_type: u16,
    pub(crate) src_flags: u16,
    /// The source message's fixed header, before conversion.
    pub(crate) src_header: [u8; MAX_HEADER],
    pub(crate) src_header_len: usize,
}

impl<'a> MsgState<'a> {
    /// A context over `host`.
    #[must_use]
    pub fn new(host: &'a dyn Host) -> MsgState<'a> {
        MsgState {
            host,
            src_base: 0,
            dst_base: 0,
            track: None,
            emitted: 0,
            request: None,
            echo: false,
            src_type: 0,
            src_flags: 0,
            src_header: [0; MAX_HEADER],
            src_header_len: 0,
        }
    }

    /// `nlmsg_type` and `nlmsg_flags` of the message being translated.
    #[must_use]
    pub fn msg_type_flags(&self) -> (u16, u16) {
        (self.src_type, self.src_flags)
    }

    /// The Linux request this FreeBSD message answers, if the caller kept it.
    #[must_use]
    pub fn request(&self) -> Option<Msg<'a>> {
        self.request.and_then(|r| Msg::parse(r, 0).ok())
    }

    /// The source message's fixed family header as received (possibly shorter than the
    /// structure: Go sends one byte of `rtgenmsg`).
    #[must_use]
    pub fn src_header(&self) -> &[u8] {
        self.src_header
            .get(..self.src_header_len)
            .unwrap_or_default()
    }

    pub(crate) fn note_emitted(&mut self, id: u16) {
        if let Some(bit) = 1u128.checked_shl(u32::from(id)) {
            self.emitted |= bit;
        }
    }

    pub(crate) fn was_emitted(&self, id: u16) -> bool {
        1u128
            .checked_shl(u32::from(id))
            .is_some_and(|bit| self.emitted & bit != 0)
    }

    /// Records that source bytes `[src, src + src_len)` (buffer offsets) became output bytes
    /// `[dst, dst + dst_len)`; `exact` when positions inside map one to one.
    pub(crate) fn trace(
        &mut self,
        src: usize,
        src_len: usize,
        dst: usize,
        dst_len: usize,
        exact: bool,
    ) {
        let src = src.saturating_sub(self.src_base);
        let dst = dst.saturating_sub(self.dst_base);
        let Some(t) = self.track.as_mut() else {
            return;
        };
        if t.found.is_some() {
            return;
        }
        let (from, from_len, to) = if t.reverse {
            (dst, dst_len, src)
        } else {
            (src, src_len, dst)
        };
        if t.want >= from && t.want < from.saturating_add(from_len) {
            let inner = if exact {
                t.want.saturating_sub(from)
            } else {
                0
            };
            t.found = Some(to.saturating_add(inner));
        }
    }
}
