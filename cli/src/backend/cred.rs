// SPDX-License-Identifier: BSD-2-Clause
//! Whose credentials a backend socket carries.
//!
//! Both kernels fix a socket's credentials when it is created and check privileges against
//! them, not against whoever sends on it later:
//!
//! - Linux: `socket(2)` gives the file the caller's `struct cred` (`f_cred`); netlink's
//!   `__netlink_ns_capable()` (`net/netlink/af_netlink.c`) asks `file_ns_capable()` of the
//!   sending socket's file, e.g. for every rtnetlink request but the `GET`s
//!   (`rtnetlink_rcv_msg()` in `net/core/rtnetlink.c`: `netlink_net_capable(skb,
//!   CAP_NET_ADMIN)`, else `EPERM`).
//! - FreeBSD: `socreate()` (`sys/kern/uipc_socket.c`) keeps the creator's `ucred` as
//!   `so_cred`; `nlp_has_priv()` (`sys/netlink/netlink_domain.c`) is
//!   `priv_check_cred(so_cred, priv)`, which `rtnl_handle_message()`
//!   (`sys/netlink/route/rt.c`) calls with the handler's privilege (`PRIV_NET_ROUTE` …) for
//!   every modifying request, else `EPERM`. A Linux program under the Linuxulator runs with
//!   its FreeBSD credentials; `priv_check_cred()` (`sys/kern/kern_priv.c`) grants root,
//!   i.e. effective uid 0 (FreeBSD has no per-process capability sets).
//!
//! What the two answer differently for the same program: Linux checks capabilities
//! (`CAP_NET_ADMIN` in the user namespace owning the network namespace), FreeBSD the uid. Root
//! without `CAP_NET_ADMIN` is refused by Linux only; root of a user namespace of its own
//! (`unshare -U -r`) likewise (the model sees its uid in the runner's namespace, 0). A
//! non-root program holding `CAP_NET_ADMIN` is accepted by both (see [`freebsd_uid_of`]).
//!
//! The runner serves a program's sockets from its own, so each backend socket a program
//! creates takes the credentials of the program's thread at `socket()` time:
//! [`Creators`] for the Linux backend (a real socket created with them,
//! `sys::netlink_socket_as`; and since Linux also checks the sending task, each request sent
//! as the program's sending thread, `sys::send_as`),
//! [`freebsd_uid_of`] for the FreeBSD model (its `Cred` is a user id).

use crate::sys;
use std::cell::Cell;
use std::os::fd::{BorrowedFd, OwnedFd};

fn errno(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
}

/// The Linux backend's socket factory: the runner's own sockets with the runner's
/// credentials, a program's with the program's.
#[derive(Debug)]
pub(crate) struct Creators {
    /// The runner's credentials: a program with the very same needs no helper.
    own: sys::Creds,
    /// The thread whose `socket()` the next socket is for.
    next: Option<u32>,
    /// The thread whose request the next send carries, and whether it named the kernel's
    /// address (none: the runner's own request).
    sender: Cell<Option<(u32, bool)>>,
}

impl Creators {
    /// Read the runner's own credentials.
    pub(crate) fn new() -> Result<Self, String> {
        let own = sys::Creds::of("thread-self")
            .map_err(|e| format!("cannot read the runner's credentials: {e}"))?;
        Ok(Self {
            own,
            next: None,
            sender: Cell::new(None),
        })
    }

    /// The next [`Creators::socket`] is created for thread `tid`'s `socket()` call.
    pub(crate) fn next_for(&mut self, tid: u32) {
        self.next = Some(tid);
    }

    /// A new netlink socket of `protocol`: with the credentials of the thread named by
    /// [`Creators::next_for`] (once), else with the runner's.
    pub(crate) fn socket(&mut self, protocol: i32) -> Result<OwnedFd, i32> {
        let Some(tid) = self.next.take() else {
            return sys::netlink_socket(protocol).map_err(|e| errno(&e));
        };
        // The thread may be gone (its notification is then invalid and the socket dropped).
        let creds = sys::Creds::of(&tid.to_string()).map_err(|e| errno(&e))?;
        if creds == self.own {
            return sys::netlink_socket(protocol).map_err(|e| errno(&e));
        }
        sys::netlink_socket_as(tid, &creds, protocol).map_err(|e| errno(&e))
    }
}

impl Creators {
    /// The next [`Creators::send`] carries a request of thread `tid`, which named the
    /// kernel's address (`addressed`) or not.
    pub(crate) fn sender_for(&mut self, tid: u32, addressed: bool) {
        self.sender.set(Some((tid, addressed)));
    }

    /// Sends are the runner's own again.
    pub(crate) fn sender_for_runner(&mut self) {
        self.sender.set(None);
    }

    /// Send a request to the kernel on mirror `fd`: the runner's own without an address (the
    /// socket's credentials are checked with the runner's); a program thread's as that thread
    /// would, in the runner when their credentials are the same, else in a helper child
    /// (`sys::send_as`).
    pub(crate) fn send(&self, fd: BorrowedFd<'_>, data: &[u8]) -> Result<(), i32> {
        let Some((tid, addressed)) = self.sender.take() else {
            return sys::send_to_kernel(fd, data)
                .map(|_| ())
                .map_err(|e| errno(&e));
        };
        let creds = sys::Creds::of(&tid.to_string()).map_err(|e| errno(&e))?;
        if creds != self.own {
            return sys::send_as(tid, &creds, fd, data, addressed).map_err(|e| errno(&e));
        }
        let r = if addressed {
            sys::sendto_kernel(fd, data)
        } else {
            sys::send_to_kernel(fd, data)
        };
        r.map(|_| ()).map_err(|e| errno(&e))
    }
}

/// `CAP_NET_ADMIN` (`include/uapi/linux/capability.h`).
const CAP_NET_ADMIN: u32 = 12;

/// The FreeBSD user id the model gives a socket thread `tid` creates: its effective uid as
/// the runner sees it (`/proc/TID/status`), except that a non-root thread holding
/// `CAP_NET_ADMIN` counts as root. Under the Linuxulator such a thread cannot exist:
/// `linux_capset()` (`sys/compat/linux/linux_misc.c`) refuses every non-empty capability set,
/// so a program that keeps network privileges while changing user (systemd-networkd runs as
/// `systemd-network` with `CAP_NET_ADMIN`) keeps them on FreeBSD only by staying root.
pub(crate) fn freebsd_uid_of(tid: u32) -> Result<u32, i32> {
    let c = sys::Creds::of(&tid.to_string()).map_err(|e| errno(&e))?;
    let [_, _, eff] = c.caps;
    Ok(if eff & (1 << CAP_NET_ADMIN) != 0 {
        0
    } else {
        c.euid()
    })
}
