// SPDX-License-Identifier: BSD-2-Clause
//! errno: Linux ↔ FreeBSD numbers, paired by name.
//!
//! Netlink carries errnos in `nlmsgerr.error` and in the `NLMSG_DONE` payload: negative on
//! Linux, positive on FreeBSD (`sys/netlink/netlink_message_writer.c` `nlmsg_ack()`). The
//! numbers differ from 11 (`EDEADLK`/`EAGAIN`) on. Rows pair equal names from `linux-abi`
//! and `freebsd-abi`; the rows after them give the nearest meaning for names only one
//! system has, as FreeBSD's Linuxulator does (`sys/compat/linux/linux_errno.inc`
//! `linux_errtbl`, `linux_to_bsd_errtbl`). Lookup takes the first matching row, so the
//! same-name rows win.

use crate::error::{Error, FreebsdErrno, LinuxErrno};
use crate::table::Dir;
use freebsd_abi as f;
use linux_abi as l;

macro_rules! same_names {
    ($($name:ident),* $(,)?) => {
        /// Rows `(linux, freebsd)` whose names exist on both systems.
        pub static SAME: &[(i32, i32)] = &[$((l::$name, f::$name)),*];
        /// The names of the [`SAME`] rows, in order.
        pub static SAME_NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

same_names![
    EPERM,
    ENOENT,
    ESRCH,
    EINTR,
    EIO,
    ENXIO,
    E2BIG,
    ENOEXEC,
    EBADF,
    ECHILD,
    EDEADLK,
    ENOMEM,
    EACCES,
    EFAULT,
    ENOTBLK,
    EBUSY,
    EEXIST,
    EXDEV,
    ENODEV,
    ENOTDIR,
    EISDIR,
    EINVAL,
    ENFILE,
    EMFILE,
    ENOTTY,
    ETXTBSY,
    EFBIG,
    ENOSPC,
    ESPIPE,
    EROFS,
    EMLINK,
    EPIPE,
    EDOM,
    ERANGE,
    EAGAIN,
    EINPROGRESS,
    EALREADY,
    ENOTSOCK,
    EDESTADDRREQ,
    EMSGSIZE,
    EPROTOTYPE,
    ENOPROTOOPT,
    EPROTONOSUPPORT,
    ESOCKTNOSUPPORT,
    EOPNOTSUPP,
    EPFNOSUPPORT,
    EAFNOSUPPORT,
    EADDRINUSE,
    EADDRNOTAVAIL,
    ENETDOWN,
    ENETUNREACH,
    ENETRESET,
    ECONNABORTED,
    ECONNRESET,
    ENOBUFS,
    EISCONN,
    ENOTCONN,
    ESHUTDOWN,
    ETOOMANYREFS,
    ETIMEDOUT,
    ECONNREFUSED,
    ELOOP,
    ENAMETOOLONG,
    EHOSTDOWN,
    EHOSTUNREACH,
    ENOTEMPTY,
    EUSERS,
    EDQUOT,
    ESTALE,
    EREMOTE,
    ENOLCK,
    ENOSYS,
    EIDRM,
    ENOMSG,
    EOVERFLOW,
    ECANCELED,
    EILSEQ,
    EBADMSG,
    EMULTIHOP,
    ENOLINK,
    EPROTO,
    ENOTRECOVERABLE,
    EOWNERDEAD,
];

/// FreeBSD-only names → nearest Linux meaning (`linux_errtbl` entries marked XXX).
pub static FREEBSD_ONLY: &[(i32, i32)] = &[
    (l::EAGAIN, f::EPROCLIM),
    (l::ENXIO, f::EBADRPC),
    (l::ENXIO, f::ERPCMISMATCH),
    (l::ENXIO, f::EPROGUNAVAIL),
    (l::ENXIO, f::EPROGMISMATCH),
    (l::ENXIO, f::EPROCUNAVAIL),
    (l::EBADF, f::EFTYPE),
    (l::ENXIO, f::EAUTH),
    (l::ENXIO, f::ENEEDAUTH),
    (l::ENODATA, f::ENOATTR),
    (l::EINVAL, f::EDOOFUS),
    (l::EPERM, f::ENOTCAPABLE),
    (l::EPERM, f::ECAPMODE),
    (l::EINVAL, f::EINTEGRITY),
];

/// Linux-only names → nearest FreeBSD meaning (`linux_to_bsd_errtbl`); every other
/// Linux-only errno becomes `EINVAL`.
pub static LINUX_ONLY: &[(i32, i32)] = &[
    (l::ENODATA, f::ENOATTR),
    (l::ENOMEDIUM, f::EIO),
    (l::EMEDIUMTYPE, f::EIO),
    (l::ENOKEY, f::EIO),
    (l::EKEYEXPIRED, f::EIO),
    (l::EKEYREVOKED, f::EIO),
    (l::EKEYREJECTED, f::EIO),
    (l::EBADFD, f::EBADF),
    (l::ERESTART, f::EAGAIN),
    (l::ERFKILL, f::ENETDOWN),
];

/// The Linux errno for FreeBSD errno `e`; unknown → `EINVAL`.
#[must_use]
pub fn to_linux(e: FreebsdErrno) -> LinuxErrno {
    LinuxErrno::new(
        SAME.iter()
            .chain(FREEBSD_ONLY)
            .find(|&&(_, b)| b == e.get())
            .map_or(l::EINVAL, |&(x, _)| x),
    )
}

/// The FreeBSD errno for Linux errno `e`; unknown → `EINVAL`.
#[must_use]
pub fn to_freebsd(e: LinuxErrno) -> FreebsdErrno {
    FreebsdErrno::new(
        SAME.iter()
            .chain(LINUX_ONLY)
            .find(|&&(x, _)| x == e.get())
            .map_or(f::EINVAL, |&(_, b)| b),
    )
}

impl Error {
    /// The FreeBSD errno for this error, as a kernel glue would return it.
    #[must_use]
    pub fn freebsd_errno(self) -> FreebsdErrno {
        to_freebsd(self.linux_errno())
    }
}

/// The errno as carried in `nlmsgerr.error` / the DONE payload on the output side: negative
/// for Linux, positive for FreeBSD. 0 stays 0. The input's sign is ignored, so a wrongly
/// signed value from either side still maps by magnitude.
#[must_use]
pub fn translate_wire(dir: Dir, v: i32) -> i32 {
    if v == 0 {
        return 0;
    }
    let mag = v.checked_abs().unwrap_or(i32::MAX);
    match dir {
        Dir::FreebsdToLinux => to_linux(FreebsdErrno::new(mag)).wire(),
        Dir::LinuxToFreebsd => to_freebsd(LinuxErrno::new(mag)).get(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_pairs() {
        let lx = |e| to_linux(FreebsdErrno::new(e)).get();
        let fb = |e| to_freebsd(LinuxErrno::new(e)).get();
        assert_eq!(lx(f::EAGAIN), 11);
        assert_eq!(lx(f::EOPNOTSUPP), 95);
        assert_eq!(lx(f::ENODEV), 19);
        assert_eq!(fb(l::EAFNOSUPPORT), 47);
        assert_eq!(fb(l::EDEADLK), 11);
        assert_eq!(lx(f::EINTEGRITY), l::EINVAL);
        assert_eq!(fb(l::ECHRNG), f::EINVAL);
    }

    #[test]
    fn every_freebsd_errno_maps_and_round_trips_when_named_alike() {
        for e in 1..=f::ELAST {
            let lx = to_linux(FreebsdErrno::new(e));
            assert!(lx.get() > 0 && lx.get() <= 133, "FreeBSD {e} -> {lx:?}");
            if SAME.iter().any(|&(_, b)| b == e) {
                assert_eq!(to_freebsd(lx).get(), e);
            }
        }
    }

    #[test]
    fn wire_signs() {
        assert_eq!(translate_wire(Dir::FreebsdToLinux, 19), -19);
        assert_eq!(translate_wire(Dir::LinuxToFreebsd, -95), 45);
        assert_eq!(translate_wire(Dir::FreebsdToLinux, 0), 0);
    }
}
