// SPDX-License-Identifier: BSD-2-Clause
//! Generic netlink: `sys/netlink/netlink_generic.c` (`genl_handle_message`,
//! `nlctrl_handle_getfamily`, `dump_family`) with the "nlctrl" family registered as
//! `genl_load_all()` does.

use crate::kernel::{GenlFamily, Kernel, Req};
use crate::parse::{fixed_header, get_string, get_u16, rd8, walk_attrs};
use crate::route::link::Tmpl;
use crate::writer::Writer;
use freebsd_abi::*;

/// `NLSE_ATTR_MAX` (`netlink/netlink_sysevent.h`).
/// TODO(abi): move to freebsd-abi.
const NLSE_ATTR_MAX: u32 = 4;
/// `MIN_GROUP_NUM` (`netlink_var.h`): generic groups are numbered from 48.
const MIN_GROUP_NUM: u32 = 48;

/// `dump_family()`.
fn dump_family(w: &mut Writer, t: Tmpl, cmd: u8, gf: &GenlFamily, group_base: u32) {
    w.add(t.pid, t.seq, t.ty, t.flags, 4);
    w.put(&[cmd, u8::try_from(gf.version & 0xff).unwrap_or(0), 0, 0]);
    w.attr_str(CTRL_ATTR_FAMILY_NAME, &gf.name);
    w.attr_u16(CTRL_ATTR_FAMILY_ID, gf.id);
    w.attr_u32(CTRL_ATTR_VERSION, gf.version);
    w.attr_u32(CTRL_ATTR_HDRSIZE, gf.hdrsize);
    w.attr_u32(CTRL_ATTR_MAXATTR, gf.maxattr);
    if !gf.cmds.is_empty() {
        let off = w.nested(CTRL_ATTR_OPS);
        let mut cnt = 0u16;
        for (num, flags, privileged) in &gf.cmds {
            cnt = cnt.saturating_add(1);
            let c = w.nested(cnt);
            w.attr_u32(CTRL_ATTR_OP_ID, *num);
            w.attr_u32(
                CTRL_ATTR_OP_FLAGS,
                flags | if *privileged { GENL_ADMIN_PERM } else { 0 },
            );
            w.set_len(c);
        }
        w.set_len(off);
    }
    if !gf.groups.is_empty() {
        let off = w.nested(CTRL_ATTR_MCAST_GROUPS);
        let mut cnt = 0u16;
        for (i, name) in gf.groups.iter().enumerate() {
            cnt = cnt.saturating_add(1);
            let c = w.nested(cnt);
            let id = group_base
                .saturating_add(u32::try_from(i).unwrap_or(0))
                .saturating_add(MIN_GROUP_NUM);
            w.attr_u32(CTRL_ATTR_MCAST_GRP_ID, id);
            w.attr_str(CTRL_ATTR_MCAST_GRP_NAME, name);
            w.set_len(c);
        }
        w.set_len(off);
    }
    w.end();
}

impl Kernel {
    /// `genl_load_all()`: registers "nlctrl" (id 16, version 2, group "notify").
    pub(crate) fn genl_init(&mut self) {
        self.genl.push(GenlFamily {
            name: "nlctrl".into(),
            id: GENL_ID_CTRL,
            version: 2,
            hdrsize: 0,
            maxattr: u32::from(freebsd_abi::CTRL_ATTR_MAX),
            cmds: vec![(
                u32::from(CTRL_CMD_GETFAMILY),
                GENL_CMD_CAP_DO | GENL_CMD_CAP_DUMP | GENL_CMD_CAP_HASPOL,
                false,
            )],
            groups: vec!["notify".into()],
        });
    }

    /// `nlsysevent_load()`: family "nlsysevent" (version 2, no commands) with one group
    /// per devctl system, registered in this order.
    pub(crate) fn genl_load_nlsysevent(&mut self) {
        const SYSTEMS: [&str; 20] = [
            "ACPI",
            "AEON",
            "CAM",
            "CARP",
            "coretemp",
            "DEVFS",
            "device",
            "ETHERNET",
            "GEOM",
            "HYPERV_NIC_VF",
            "IFNET",
            "INFINIBAND",
            "KERNEL",
            "nvme",
            "PMU",
            "RCTL",
            "USB",
            "VFS",
            "VT",
            "ZFS",
        ];
        let id = GENL_MIN_ID.saturating_add(u16::try_from(self.genl.len()).unwrap_or(0));
        self.genl.push(GenlFamily {
            name: "nlsysevent".into(),
            id,
            version: 2,
            hdrsize: 0,
            maxattr: NLSE_ATTR_MAX,
            cmds: Vec::new(),
            groups: SYSTEMS.iter().map(|s| (*s).to_string()).collect(),
        });
    }

    /// Index of a family's first group in the global group table.
    fn group_base(&self, idx: usize) -> u32 {
        let n: usize = self.genl.iter().take(idx).map(|f| f.groups.len()).sum();
        u32::try_from(n).unwrap_or(0)
    }

    /// `genl_handle_message()`: family = type − 16 (ENOTSUP when unknown), command
    /// looked up by number (ENOTSUP), privilege (EPERM). The length check compares
    /// with `sizeof(hdr)` of a pointer, so it never fires; a missing `genlmsghdr` reads
    /// as zeros here.
    pub(crate) fn genl_handle_message(&mut self, req: &mut Req) -> i32 {
        let ty = req.ty();
        let Some(fidx) = self.genl.iter().position(|f| f.id == ty) else {
            return ENOTSUP;
        };
        let cmd = rd8(req.payload(), 0);
        let Some(gf) = self.genl.get(fidx) else {
            return ENOTSUP;
        };
        let Some((_, _, privileged)) = gf.cmds.iter().find(|(n, _, _)| *n == u32::from(cmd)) else {
            return ENOTSUP;
        };
        if *privileged && !req.cred.privileged() {
            return EPERM;
        }
        if ty == GENL_ID_CTRL && cmd == CTRL_CMD_GETFAMILY {
            return self.nlctrl_handle_getfamily(req);
        }
        ENOTSUP
    }

    /// `nlctrl_handle_getfamily()`: by id or name (ENOENT), else a dump; replies carry
    /// `cmd = CTRL_CMD_NEWFAMILY`.
    fn nlctrl_handle_getfamily(&mut self, req: &mut Req) -> i32 {
        let payload = req.payload().to_vec();
        let npt = &mut req.npt;
        if let Err(e) = fixed_header(&payload, 4, npt) {
            return e;
        }
        let mut id: u16 = 0;
        let mut name: Option<String> = None;
        let r = walk_attrs(payload.get(4..).unwrap_or(&[]), 20, npt, |a, npt| {
            match a.ty {
                CTRL_ATTR_FAMILY_ID => id = get_u16(a, npt)?,
                CTRL_ATTR_FAMILY_NAME => name = Some(get_string(a, npt)?),
                _ => {}
            }
            Ok(())
        });
        if let Err(e) = r {
            return e;
        }
        let matches =
            |f: &GenlFamily| (id == 0 || f.id == id) && name.as_deref().is_none_or(|n| n == f.name);
        let mut t = Tmpl {
            pid: req.pid(),
            seq: req.seq(),
            ty: req.ty(),
            flags: req.flags(),
        };
        if id != 0 || name.is_some() {
            for (i, f) in self.genl.iter().enumerate() {
                if matches(f) {
                    dump_family(&mut req.w, t, CTRL_CMD_NEWFAMILY, f, self.group_base(i));
                    return 0;
                }
            }
            return ENOENT;
        }
        t.flags |= NLM_F_MULTI;
        if let Some(b) = req.msg.get_mut(6..8) {
            b.copy_from_slice(&t.flags.to_ne_bytes());
        }
        for (i, f) in self.genl.iter().enumerate() {
            if matches(f) {
                dump_family(&mut req.w, t, CTRL_CMD_NEWFAMILY, f, self.group_base(i));
            }
        }
        req.w.end_dump(0, t.pid, t.seq);
        0
    }
}
