// SPDX-License-Identifier: BSD-2-Clause
//! `/proc/net` and `/sys/class/net` as FreeBSD's Linuxulator shows them, generated from the
//! backend, and the other paths through which a Linux program would see or change the real
//! host's network configuration.
//!
//! What FreeBSD provides (and so what a Linux program on FreeBSD can open):
//! - `sys/compat/linprocfs/linprocfs.c` (`linprocfs_init`): `/proc/net` holds `dev`
//!   (`linprocfs_donetdev`) and `route` (`linprocfs_donetroute`), nothing else (newer
//!   revisions of FreeBSD's main branch add `tcp`, `tcp6`, `udp`, `udp6`, `unix`; the model
//!   has no sockets of those families, so they are left absent as in the releases). There is no
//!   `/proc/PID/net` and no `/proc/sys/net`.
//! - `sys/compat/linsysfs/linsysfs_net.c` (`linsysfs_net_addif`): `/sys/class/net/IFNAME/` is a
//!   directory (not a symlink) per interface, under its Linux name, with `address`, `addr_len`,
//!   `flags`, `ifindex`, `mtu`, `tx_queue_len` and `type`.
//! - No `/dev/net/tun` (FreeBSD's tun/tap devices are `/dev/tunN` and `/dev/tapN`, which the
//!   Linuxulator does not translate), no `/dev/ppp`, no `/dev/vhost-net`.
//!
//! The runner keeps a private directory tree with exactly those files, rewritten from an
//! internal netlink dump (links, addresses, IPv4 routes) whenever the program opens a path in
//! it, and hands the program a descriptor of the file or directory there. Paths FreeBSD does
//! not have are `ENOENT`.

use crate::ioctl::{Interfaces, Link};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// `ARPHRD_ETHER` / `ARPHRD_LOOPBACK` (`include/uapi/linux/if_arp.h`).
const ARPHRD_ETHER: u16 = 1;
const ARPHRD_LOOPBACK: u16 = 772;
/// See `ioctl::FREEBSD_LINUX_IFFLAGS` (`bsd_to_linux_ifflags()` in
/// `sys/compat/linux/linux_if.c`).
const FREEBSD_LINUX_IFFLAGS: u32 = 0x13df;
/// `RT_DEFAULT_WEIGHT` (`sys/net/route.h`): what `linprocfs_donetroute` prints as the metric
/// for a route without an explicit weight.
const RT_DEFAULT_WEIGHT: u32 = 1;
/// Linux `RTF_UP`, `RTF_GATEWAY`, `RTF_HOST` (`include/uapi/linux/route.h`; FreeBSD's values are
/// the same, `linux_route_print` passes them through).
const RTF_UP: u32 = 1;
const RTF_GATEWAY: u32 = 2;
const RTF_HOST: u32 = 4;

/// What an opened path is, on the FreeBSD backend.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Not about networking: the kernel opens it.
    Host,
    /// FreeBSD has no such file: `ENOENT`.
    Absent,
    /// Served from the generated tree, at this path relative to its root.
    Served(PathBuf),
    /// Already inside the generated tree (a relative open through a descriptor we handed
    /// out): refresh the tree and let the kernel open it.
    InTree,
}

/// Normalise an absolute path lexically (`.`, `..`, repeated slashes).
pub(crate) fn normalise(p: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    let mut out = String::with_capacity(p.len());
    for c in &parts {
        out.push('/');
        out.push_str(c);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// Does `p` equal `prefix` or lie below it? Returns the rest (without the slash).
fn under<'p>(p: &'p str, prefix: &str) -> Option<&'p str> {
    let rest = p.strip_prefix(prefix)?;
    if rest.is_empty() {
        Some("")
    } else {
        rest.strip_prefix('/')
    }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Classify normalised absolute path `p`; `tree` is the generated tree's root.
pub(crate) fn classify(p: &str, tree: &Path) -> Class {
    if let Some(t) = tree.to_str() {
        if under(p, t).is_some() {
            return Class::InTree;
        }
    }
    for dev in ["/dev/net", "/dev/ppp", "/dev/vhost-net", "/dev/vhost-vsock"] {
        if under(p, dev).is_some() {
            return Class::Absent;
        }
    }
    if under(p, "/proc/sys/net").is_some() {
        return Class::Absent;
    }
    // The build host's named network namespaces (`ip netns`, iproute2's `lib/namespace.h`
    // NETNS_RUN_DIR; `/var/run` is the usual symlink to `/run`). FreeBSD has no such
    // directory, and iproute2 would otherwise ask the model for the ids of the host's
    // namespaces (`RTM_GETNSID`) and print FreeBSD's refusal.
    for dir in ["/run/netns", "/var/run/netns"] {
        if under(p, dir).is_some() {
            return Class::Absent;
        }
    }
    // The host's network devices in sysfs (where Linux's /sys/class/net symlinks point, and
    // where a program lands after `chdir("/sys/class/net/eth0")`, which is not intercepted):
    // linsysfs has none of them.
    if let Some(rest) = under(p, "/sys/devices") {
        if rest.split('/').any(|c| c == "net") {
            return Class::Absent;
        }
    }
    if let Some(rest) = under(p, "/proc/net") {
        return Class::Served(PathBuf::from("proc/net").join(rest));
    }
    if let Some(rest) = under(p, "/sys/class/net") {
        return Class::Served(PathBuf::from("sys/class/net").join(rest));
    }
    // Per-process network views do not exist in linprocfs.
    let comps: Vec<&str> = p.split('/').skip(1).collect();
    if comps.first() == Some(&"proc") {
        let who = comps.get(1).copied().unwrap_or("");
        let own = who == "self" || who == "thread-self" || is_number(who);
        let net_at = |i: usize| comps.get(i) == Some(&"net");
        if own && (net_at(2) || (comps.get(2) == Some(&"task") && net_at(4))) {
            return Class::Absent;
        }
    }
    Class::Host
}

/// The generated tree: a private directory, removed when dropped.
#[derive(Debug)]
pub(crate) struct Tree {
    root: PathBuf,
}

impl Tree {
    /// Create an empty tree in the temporary directory.
    pub(crate) fn new() -> std::io::Result<Self> {
        let root = std::env::temp_dir().join(format!("nlcompat-netfs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root)?;
        Ok(Self { root })
    }

    /// Root directory.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Rewrite every file from `t` (replacing files, so a reader keeps the snapshot it opened).
    pub(crate) fn refresh(&self, t: &Interfaces) -> std::io::Result<()> {
        let proc_net = self.root.join("proc/net");
        std::fs::create_dir_all(&proc_net)?;
        self.put(&proc_net.join("dev"), &proc_net_dev(t))?;
        self.put(&proc_net.join("route"), &proc_net_route(t))?;
        let class = self.root.join("sys/class/net");
        std::fs::create_dir_all(&class)?;
        let mut keep = Vec::new();
        for l in t.links() {
            let d = class.join(l.name());
            std::fs::create_dir_all(&d)?;
            for (name, content) in sys_class_net(l) {
                let f = d.join(name);
                match content {
                    Some(c) => self.put(&f, &c)?,
                    None => {
                        let _ = std::fs::remove_file(&f);
                    }
                }
            }
            keep.push(std::ffi::OsString::from(l.name()));
        }
        for e in std::fs::read_dir(&class)?.flatten() {
            if !keep.contains(&e.file_name()) {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
        Ok(())
    }

    /// Replace `path` with `content` (read-only for everybody), atomically.
    fn put(&self, path: &Path, content: &str) -> std::io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let tmp = path.with_extension("nlcompat-new");
        std::fs::write(&tmp, content)?;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o444))?;
        std::fs::rename(&tmp, path)
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// `/proc/net/dev` as `linprocfs_donetdev` prints it: two header lines, then per interface
/// the receive columns (bytes, packets, errors, drops, then fifo/frame/compressed as 0,
/// multicast) and the transmit columns (bytes, packets, errors, drops, fifo 0, collisions,
/// carrier 0, compressed 0), in FreeBSD's field widths.
pub(crate) fn proc_net_dev(t: &Interfaces) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:>6}|{:>58}|  Transmit\n{:>6}|{:>58}|{:>58}",
        "Inter-",
        "   Receive",
        " face",
        "bytes    packets errs drop fifo frame compressed multicast",
        "bytes    packets errs drop fifo colls carrier compressed"
    );
    for l in t.links() {
        let st = |i| l.stat(i);
        let name: String = l.name().chars().take(6).collect();
        let _ = write!(s, "{name:>6}: ");
        let _ = write!(
            s,
            "{:>7} {:>7} {:>4} {:>4} {:>4} {:>5} {:>10} {:>9} ",
            st(2),
            st(0),
            st(4),
            st(6),
            0,
            0,
            0,
            st(8)
        );
        let _ = writeln!(
            s,
            "{:>8} {:>7} {:>4} {:>4} {:>4} {:>5} {:>7} {:>10}",
            st(3),
            st(1),
            st(5),
            st(7),
            0,
            st(9),
            0,
            0
        );
    }
    s
}

/// An IPv4 address as `%08X` of its in-memory (network order) word on a little-endian host.
fn hex_addr(a: [u8; 4]) -> String {
    format!("{:08X}", u32::from_ne_bytes(a))
}

/// `/proc/net/route` as `linprocfs_donetroute` / `linux_route_print` print it: a header padded
/// to 127 columns, then per IPv4 route `Iface Destination Gateway Flags RefCnt(0) Use(0)
/// Metric(weight) Mask MTU Window(0) IRTT(0)` tab-separated, each followed by an empty line.
pub(crate) fn proc_net_route(t: &Interfaces) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<127}",
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT"
    );
    for r in t.routes() {
        let Some(l) = t.links().iter().find(|l| l.index() == r.oif) else {
            continue;
        };
        let mut flags = RTF_UP;
        if r.gateway.is_some() {
            flags |= RTF_GATEWAY;
        }
        if r.dst_len == 32 {
            flags |= RTF_HOST;
        }
        let mask = u32::MAX
            .checked_shl(32u32.saturating_sub(u32::from(r.dst_len)))
            .unwrap_or(0)
            .to_be_bytes();
        let mtu = if r.mtu != 0 { r.mtu } else { l.mtu() };
        let _ = write!(
            s,
            "{}\t{}\t{}\t{:04X}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n\n",
            l.name(),
            hex_addr(r.dst),
            hex_addr(r.gateway.unwrap_or([0; 4])),
            flags,
            0,
            0,
            RT_DEFAULT_WEIGHT,
            hex_addr(mask),
            mtu,
            0,
            0
        );
    }
    s
}

/// The files of `/sys/class/net/IFNAME/` (`linsysfs_net.c`); `None` = the hardware-address
/// based files of an interface `linux_ifhwaddr()` refuses (neither Ethernet nor loopback),
/// which FreeBSD fails with `ENOENT` (here: absent).
pub(crate) fn sys_class_net(l: &Link) -> Vec<(&'static str, Option<String>)> {
    let hw: Option<[u8; 6]> = match l.hw_type() {
        ARPHRD_LOOPBACK => Some([0; 6]),
        ARPHRD_ETHER => Some(
            l.address()
                .get(..6)
                .and_then(|a| a.try_into().ok())
                .unwrap_or([0; 6]),
        ),
        _ => None,
    };
    let address = hw.map(|a| {
        let parts: Vec<String> = a.iter().map(|b| format!("{b:02x}")).collect();
        format!("{}\n", parts.join(":"))
    });
    vec![
        ("address", address),
        ("addr_len", Some("6\n".to_owned())),
        (
            "flags",
            Some(format!("{:#x}\n", l.flags() & FREEBSD_LINUX_IFFLAGS)),
        ),
        ("ifindex", Some(format!("{}\n", l.index()))),
        ("mtu", Some(format!("{}\n", l.mtu()))),
        // `linsysfs_if_txq_len`: a constant.
        ("tx_queue_len", Some("1000\n".to_owned())),
        ("type", hw.map(|_| format!("{}\n", l.hw_type()))),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises() {
        assert_eq!(normalise("/proc/./net//dev"), "/proc/net/dev");
        assert_eq!(
            normalise("/sys/class/net/../net/eth0/"),
            "/sys/class/net/eth0"
        );
        assert_eq!(normalise("/.."), "/");
    }

    #[test]
    fn classifies() {
        let t = Path::new("/tmp/nlcompat-netfs-1");
        assert_eq!(classify("/dev/net/tun", t), Class::Absent);
        assert_eq!(classify("/dev/null", t), Class::Host);
        assert_eq!(classify("/proc/sys/net/ipv4/ip_forward", t), Class::Absent);
        assert_eq!(classify("/run/netns", t), Class::Absent);
        assert_eq!(classify("/var/run/netns/nlbench", t), Class::Absent);
        assert_eq!(classify("/run/netns-like", t), Class::Host);
        assert_eq!(classify("/proc/self/net/dev", t), Class::Absent);
        assert_eq!(classify("/proc/12/task/12/net/route", t), Class::Absent);
        assert_eq!(classify("/proc/12/status", t), Class::Host);
        assert_eq!(classify("/proc/network", t), Class::Host);
        assert_eq!(
            classify("/proc/net/dev", t),
            Class::Served(PathBuf::from("proc/net/dev"))
        );
        assert_eq!(
            classify("/sys/class/net", t),
            Class::Served(PathBuf::from("sys/class/net/"))
        );
        assert_eq!(classify("/tmp/nlcompat-netfs-1/sys", t), Class::InTree);
        assert_eq!(
            classify(
                "/sys/devices/pci0000:00/0000:00:03.0/virtio2/net/eth0/mtu",
                t
            ),
            Class::Absent
        );
        assert_eq!(classify("/sys/devices/system/cpu/online", t), Class::Host);
        assert_eq!(classify("/tmp/nlcompat-netfs-10", t), Class::Host);
    }
}
