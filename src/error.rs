// SPDX-License-Identifier: BSD-2-Clause
//! The translator's error type: small, `Copy`, no strings, with the byte offset of the problem.

/// Why a buffer could not be parsed, translated or emitted.
///
/// Offsets count from the start of the buffer handed to the failing call, so they can feed
/// `NLMSGERR_ATTR_OFFS` after adding the offset of that buffer inside the original message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// Fewer bytes remain than a header needs (message header, fixed header or attribute header).
    Truncated {
        /// Offset of the header that does not fit.
        off: u32,
    },
    /// A length field is below its header's size or points past the end of its container.
    BadLength {
        /// Offset of the header carrying the bad length.
        off: u32,
    },
    /// The destination is too small; `needed` is the total size the output requires.
    NoSpace {
        /// Bytes the whole output needs.
        needed: u32,
    },
    /// A length does not fit its field (an attribute over 65535 bytes, a message over 4 GiB).
    TooLong {
        /// Offset of the header whose length overflowed.
        off: u32,
    },
    /// No translation exists for this message type.
    Unsupported {
        /// The untranslatable `nlmsg_type`.
        msg_type: u16,
    },
    /// A table rejected an attribute or a field value.
    Rejected {
        /// Offset of the rejected attribute or field.
        off: u32,
        /// Attribute type (0 for a header field).
        attr: u16,
    },
    /// An address family has no counterpart in the other ABI.
    Family {
        /// Offset of the family field.
        off: u32,
        /// The unmappable family value.
        family: u16,
    },
    /// An interface name or index the host does not know.
    NoDevice {
        /// Offset of the attribute or field naming the interface.
        off: u32,
    },
    /// A request Linux itself refuses with `EINVAL` and an extended-ack text (the strict
    /// checks of dump requests on sockets with `NETLINK_GET_STRICT_CHK`).
    Invalid {
        /// Offset of the offending header or attribute.
        off: u32,
        /// Linux's extended-ack text for it.
        reason: &'static str,
    },
}

impl Error {
    /// The byte offset this error points at, if it has one.
    #[must_use]
    pub const fn offset(self) -> Option<u32> {
        match self {
            Error::Truncated { off }
            | Error::BadLength { off }
            | Error::TooLong { off }
            | Error::Rejected { off, .. }
            | Error::Family { off, .. }
            | Error::NoDevice { off }
            | Error::Invalid { off, .. } => Some(off),
            Error::NoSpace { .. } | Error::Unsupported { .. } => None,
        }
    }

    /// The same error with its offset moved by `base` bytes (saturating), for errors found in a
    /// sub-buffer that starts `base` bytes into the caller's buffer.
    #[must_use]
    pub const fn shifted(self, base: u32) -> Error {
        match self {
            Error::Truncated { off } => Error::Truncated {
                off: off.saturating_add(base),
            },
            Error::BadLength { off } => Error::BadLength {
                off: off.saturating_add(base),
            },
            Error::TooLong { off } => Error::TooLong {
                off: off.saturating_add(base),
            },
            Error::Rejected { off, attr } => Error::Rejected {
                off: off.saturating_add(base),
                attr,
            },
            Error::Family { off, family } => Error::Family {
                off: off.saturating_add(base),
                family,
            },
            Error::NoDevice { off } => Error::NoDevice {
                off: off.saturating_add(base),
            },
            Error::Invalid { off, reason } => Error::Invalid {
                off: off.saturating_add(base),
                reason,
            },
            other @ (Error::NoSpace { .. } | Error::Unsupported { .. }) => other,
        }
    }
}

/// Result with the translator's [`Error`].
pub type Result<T, E = Error> = core::result::Result<T, E>;

/// Converts a buffer offset to the `u32` carried in errors, saturating on absurd sizes.
#[must_use]
pub(crate) fn off32(off: usize) -> u32 {
    u32::try_from(off).unwrap_or(u32::MAX)
}
