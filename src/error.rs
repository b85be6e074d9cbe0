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
    /// A request Linux refuses before any handler looks at the object it names, with
    /// Linux's errno for it: an attribute against its policy (`ERANGE`), a type or family
    /// without a handler (`EOPNOTSUPP`), a missing header (`EINVAL`)
    /// (`crate::request::check_linux`). Always answered with an `NLMSG_ERROR`.
    Refused {
        /// Offset of the offending header or attribute.
        off: u32,
        /// The Linux errno.
        errno: LinuxErrno,
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
            | Error::Invalid { off, .. }
            | Error::Refused { off, .. } => Some(off),
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
            Error::Refused { off, errno, reason } => Error::Refused {
                off: off.saturating_add(base),
                errno,
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

/// A Linux errno, positive (`include/uapi/asm-generic/errno-base.h`, `errno.h`). The numbers
/// differ from FreeBSD's, so it becomes a [`FreebsdErrno`] only through the translator's map
/// (`msg::errno::to_freebsd`), never by number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LinuxErrno(i32);

/// A FreeBSD errno, positive (`sys/sys/errno.h`); a [`LinuxErrno`] only through the
/// translator's map (`msg::errno::to_linux`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FreebsdErrno(i32);

impl LinuxErrno {
    /// No error (a plain acknowledgement's 0).
    pub const NONE: LinuxErrno = LinuxErrno(0);

    /// The Linux errno numbered `n` (a `linux_abi::E*` constant).
    #[must_use]
    pub const fn new(n: i32) -> LinuxErrno {
        LinuxErrno(n)
    }

    /// The number, positive.
    #[must_use]
    pub const fn get(self) -> i32 {
        self.0
    }

    /// As Linux carries it in `nlmsgerr.error` and the `NLMSG_DONE` payload: negated.
    #[must_use]
    pub const fn wire(self) -> i32 {
        self.0.saturating_neg()
    }
}

impl FreebsdErrno {
    /// The FreeBSD errno numbered `n` (a `freebsd_abi::E*` constant).
    #[must_use]
    pub const fn new(n: i32) -> FreebsdErrno {
        FreebsdErrno(n)
    }

    /// The number, positive as FreeBSD carries it on the wire.
    #[must_use]
    pub const fn get(self) -> i32 {
        self.0
    }
}

impl Error {
    /// The Linux errno a process should see for this error.
    #[must_use]
    pub fn linux_errno(self) -> LinuxErrno {
        if let Error::Refused { errno, .. } = self {
            return errno;
        }
        LinuxErrno(match self {
            Error::NoSpace { .. } => linux_abi::ENOBUFS,
            Error::TooLong { .. } => linux_abi::EMSGSIZE,
            Error::Unsupported { .. } => linux_abi::EOPNOTSUPP,
            Error::Family { .. } => linux_abi::EAFNOSUPPORT,
            Error::NoDevice { .. } => linux_abi::ENODEV,
            Error::Truncated { .. }
            | Error::BadLength { .. }
            | Error::Rejected { .. }
            | Error::Invalid { .. }
            | Error::Refused { .. } => linux_abi::EINVAL,
        })
    }
}
