// SPDX-License-Identifier: BSD-2-Clause
//! Generator for `linux-abi/src/generated.rs`.
//!
//! Runs bindgen (libclang loaded at run time) once per header over this machine's Linux uapi
//! headers (and glibc's `<sys/socket.h>` for `AF_*` / `SOL_NETLINK`), parses its output with
//! `syn`, keeps only the structs in [`STRUCTS`] and the constants matched by [`RULES`], and
//! re-emits them with plain Rust integer types, zerocopy derives, one doc line per item and
//! compile-time layout assertions taken from bindgen's layout information. The output is
//! formatted with prettyplease and then rustfmt, so it is deterministic and `cargo fmt` clean.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// One output module: one uapi header (plus the headers it is allowed to draw from).
#[derive(Debug)]
pub struct Header {
    /// Rust module name (`linux_abi::<module>`).
    pub module: &'static str,
    /// The `#include <...>` argument handed to clang.
    pub include: &'static str,
    /// Regex (bindgen `allowlist_file`) of the files whose items land in this module.
    pub files: &'static str,
    /// Module doc lines.
    pub doc: &'static [&'static str],
}

/// The headers, in output order.
pub const HEADERS: &[Header] = &[
    Header {
        module: "netlink",
        include: "linux/netlink.h",
        files: r".*/linux/netlink\.h",
        doc: &["Linux uapi: include/uapi/linux/netlink.h (netlink header, attributes, socket options)."],
    },
    Header {
        module: "rtnetlink",
        include: "linux/rtnetlink.h",
        files: r".*/linux/rtnetlink\.h",
        doc: &["Linux uapi: include/uapi/linux/rtnetlink.h (routing messages, route attributes, groups)."],
    },
    Header {
        module: "if_link",
        include: "linux/if_link.h",
        files: r".*/linux/if_link\.h",
        doc: &["Linux uapi: include/uapi/linux/if_link.h (link attributes and link statistics)."],
    },
    Header {
        module: "if_addr",
        include: "linux/if_addr.h",
        files: r".*/linux/if_addr\.h",
        doc: &["Linux uapi: include/uapi/linux/if_addr.h (address messages and attributes)."],
    },
    Header {
        module: "if_arp",
        include: "linux/if_arp.h",
        files: r".*/linux/if_arp\.h",
        doc: &["Linux uapi: include/uapi/linux/if_arp.h (`ARPHRD_*` hardware types for `ifi_type`)."],
    },
    Header {
        module: "neighbour",
        include: "linux/neighbour.h",
        files: r".*/linux/neighbour\.h",
        doc: &["Linux uapi: include/uapi/linux/neighbour.h (neighbour messages and attributes)."],
    },
    Header {
        module: "nexthop",
        include: "linux/nexthop.h",
        files: r".*/linux/nexthop\.h",
        doc: &["Linux uapi: include/uapi/linux/nexthop.h (nexthop objects and groups)."],
    },
    Header {
        module: "genetlink",
        include: "linux/genetlink.h",
        files: r".*/linux/genetlink\.h",
        doc: &["Linux uapi: include/uapi/linux/genetlink.h (generic netlink and its controller)."],
    },
    Header {
        module: "if_",
        include: "linux/if.h",
        files: r".*/linux/if\.h",
        doc: &["Linux uapi: include/uapi/linux/if.h (interface flags, operational state, link mode)."],
    },
    Header {
        module: "if_tunnel",
        include: "linux/if_tunnel.h",
        files: r".*/linux/if_tunnel\.h",
        doc: &["Linux uapi: include/uapi/linux/if_tunnel.h (tunnel link data in `IFLA_INFO_DATA`: `IFLA_IPTUN_*`, `IFLA_GRE_*`, ...)."],
    },
    Header {
        module: "socket",
        include: "sys/socket.h",
        files: r".*/bits/socket\.h",
        doc: &[
            "glibc: `<sys/socket.h>` (bits/socket.h): address families and `SOL_NETLINK`.",
            "",
            "The kernel defines these in include/linux/socket.h, which is not a uapi header; glibc's",
            "bits/socket.h mirrors it value for value, so the values are taken from there.",
            "`AF_*` is typed `u8`, the type of the family field of `ifaddrmsg`, `rtmsg`, `ndmsg`,",
            "`nhmsg`, `rtgenmsg` and `ifinfomsg`; for the `u16` family of `sockaddr_nl` and",
            "`rtvia` use `u16::from(AF_NETLINK)`.",
        ],
    },
    Header {
        module: "errno",
        include: "asm-generic/errno.h",
        files: r".*/asm-generic/errno(-base)?\.h",
        doc: &[
            "Linux uapi: include/uapi/asm-generic/errno-base.h and errno.h.",
            "",
            "Positive `i32` values; `nlmsgerr.error` carries them negated.",
        ],
    },
];

/// Rust type a constant is emitted with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// `u8`
    U8,
    /// `u16`
    U16,
    /// `u32`
    U32,
    /// `i32`
    I32,
    /// `usize` (sizes and alignments, not wire fields)
    Usize,
}

impl Ty {
    fn name(self) -> &'static str {
        match self {
            Ty::U8 => "u8",
            Ty::U16 => "u16",
            Ty::U32 => "u32",
            Ty::I32 => "i32",
            Ty::Usize => "usize",
        }
    }

    fn range(self) -> (i128, i128) {
        match self {
            Ty::U8 => (0, i128::from(u8::MAX)),
            Ty::U16 => (0, i128::from(u16::MAX)),
            Ty::U32 => (0, i128::from(u32::MAX)),
            Ty::I32 => (i128::from(i32::MIN), i128::from(i32::MAX)),
            Ty::Usize => (0, i128::from(u32::MAX)),
        }
    }
}

/// How a constant name is selected and typed.
#[derive(Debug)]
pub struct Rule {
    /// Name prefix (or whole name when `exact`).
    pub prefix: &'static str,
    /// Match the whole name rather than a prefix.
    pub exact: bool,
    /// Only in this module (None: any module).
    pub module: Option<&'static str>,
    /// Emitted type: the type of the wire field the value goes into.
    pub ty: Ty,
    /// Print in hexadecimal (flags and masks).
    pub hex: bool,
    /// Which field the type comes from (goes into the module doc).
    pub why: &'static str,
}

const fn p(prefix: &'static str, ty: Ty, hex: bool, why: &'static str) -> Rule {
    Rule {
        prefix,
        exact: false,
        module: None,
        ty,
        hex,
        why,
    }
}

const fn x(name: &'static str, ty: Ty, hex: bool, why: &'static str) -> Rule {
    Rule {
        prefix: name,
        exact: true,
        module: None,
        ty,
        hex,
        why,
    }
}

/// The constant table: exact names win, then the longest matching prefix.
/// A constant matched by no rule is not emitted. Every rule must match at least one constant.
pub const RULES: &[Rule] = &[
    // netlink.h
    p("NLMSG_", Ty::U16, false, "`nlmsghdr.nlmsg_type`"),
    x(
        "NLMSG_ALIGNTO",
        Ty::Usize,
        false,
        "an alignment in bytes, not a wire field",
    ),
    p("NLM_F_", Ty::U16, true, "`nlmsghdr.nlmsg_flags`"),
    p("NLMSGERR_ATTR_", Ty::U16, false, "`nlattr.nla_type`"),
    p("NLA_F_", Ty::U16, true, "`nlattr.nla_type`"),
    x("NLA_TYPE_MASK", Ty::U16, true, "`nlattr.nla_type`"),
    x(
        "NLA_ALIGNTO",
        Ty::Usize,
        false,
        "an alignment in bytes, not a wire field",
    ),
    p(
        "NETLINK_",
        Ty::I32,
        false,
        "the `int` protocol of `socket()` and optname of `setsockopt()`",
    ),
    // rtnetlink.h
    p("RTM_", Ty::U16, false, "`nlmsghdr.nlmsg_type`"),
    p("RTM_F_", Ty::U32, true, "`rtmsg.rtm_flags`"),
    p("RTA_", Ty::U16, false, "`rtattr.rta_type`"),
    x(
        "RTA_ALIGNTO",
        Ty::Usize,
        false,
        "an alignment in bytes, not a wire field",
    ),
    p(
        "RTAX_",
        Ty::U16,
        false,
        "`rtattr.rta_type` inside `RTA_METRICS`",
    ),
    p(
        "RTAX_FEATURE_",
        Ty::U32,
        true,
        "the `u32` payload of `RTAX_FEATURES`",
    ),
    p("RTN_", Ty::U8, false, "`rtmsg.rtm_type`"),
    p("RTPROT_", Ty::U8, false, "`rtmsg.rtm_protocol`"),
    p(
        "RT_SCOPE_",
        Ty::U8,
        false,
        "`rtmsg.rtm_scope` / `ifaddrmsg.ifa_scope`",
    ),
    p(
        "RT_TABLE_",
        Ty::U32,
        false,
        "the `u32` payload of `RTA_TABLE`; `rtmsg.rtm_table` is a `u8` and holds a table id only \
         when it is below 256 (else `RT_TABLE_UNSPEC` plus `RTA_TABLE`)",
    ),
    p("RTNH_F_", Ty::U8, true, "`rtnexthop.rtnh_flags`"),
    p(
        "RTNLGRP_",
        Ty::U32,
        false,
        "the `u32` group number of `NETLINK_ADD_MEMBERSHIP`",
    ),
    p("RTMGRP_", Ty::U32, true, "`sockaddr_nl.nl_groups`"),
    p(
        "RTEXT_FILTER_",
        Ty::U32,
        true,
        "the `u32` payload of `IFLA_EXT_MASK`",
    ),
    // if_link.h
    p("IFLA_", Ty::U16, false, "`rtattr.rta_type`"),
    p(
        "IFLA_VF_LINK_STATE_",
        Ty::U32,
        false,
        "`ifla_vf_link_state.link_state`",
    ),
    p(
        "IFLA_EVENT_",
        Ty::U32,
        false,
        "the `u32` payload of `IFLA_EVENT`",
    ),
    // if_addr.h
    p("IFA_", Ty::U16, false, "`rtattr.rta_type`"),
    p(
        "IFA_F_",
        Ty::U32,
        true,
        "the `u32` payload of `IFA_FLAGS`; `ifaddrmsg.ifa_flags` is a `u8` holding the low 8 bits",
    ),
    // if_arp.h
    p("ARPHRD_", Ty::U16, false, "`ifinfomsg.ifi_type`"),
    // neighbour.h
    p("NDA_", Ty::U16, false, "`rtattr.rta_type`"),
    p("NUD_", Ty::U16, true, "`ndmsg.ndm_state`"),
    p("NTF_", Ty::U8, true, "`ndmsg.ndm_flags`"),
    x(
        "NTF_EXT_MANAGED",
        Ty::U32,
        true,
        "the `u32` payload of `NDA_FLAGS_EXT`",
    ),
    // nexthop.h
    p("NHA_", Ty::U16, false, "`nlattr.nla_type`"),
    // genetlink.h
    p(
        "GENL_",
        Ty::U16,
        false,
        "`nlmsghdr.nlmsg_type` (family ids)",
    ),
    x(
        "GENL_NAMSIZ",
        Ty::Usize,
        false,
        "a buffer size in bytes, not a wire field",
    ),
    x(
        "GENL_ADMIN_PERM",
        Ty::U32,
        true,
        "the `u32` payload of `CTRL_ATTR_OP_FLAGS`",
    ),
    x(
        "GENL_CMD_CAP_DO",
        Ty::U32,
        true,
        "the `u32` payload of `CTRL_ATTR_OP_FLAGS`",
    ),
    x(
        "GENL_CMD_CAP_DUMP",
        Ty::U32,
        true,
        "the `u32` payload of `CTRL_ATTR_OP_FLAGS`",
    ),
    x(
        "GENL_CMD_CAP_HASPOL",
        Ty::U32,
        true,
        "the `u32` payload of `CTRL_ATTR_OP_FLAGS`",
    ),
    x(
        "GENL_UNS_ADMIN_PERM",
        Ty::U32,
        true,
        "the `u32` payload of `CTRL_ATTR_OP_FLAGS`",
    ),
    p("CTRL_CMD_", Ty::U8, false, "`genlmsghdr.cmd`"),
    p("CTRL_ATTR_", Ty::U16, false, "`nlattr.nla_type`"),
    // if.h
    p("IFF_", Ty::U32, true, "`ifinfomsg.ifi_flags`"),
    p(
        "IF_OPER_",
        Ty::U8,
        false,
        "the `u8` payload of `IFLA_OPERSTATE`",
    ),
    p(
        "IF_LINK_MODE_",
        Ty::U8,
        false,
        "the `u8` payload of `IFLA_LINKMODE`",
    ),
    // glibc bits/socket.h
    p(
        "AF_",
        Ty::U8,
        false,
        "the `u8` family of `ifaddrmsg`/`rtmsg`/`ndmsg`/`nhmsg`/`rtgenmsg`/`ifinfomsg` \
         (use `u16::from` for `sockaddr_nl.nl_family` and `rtvia.rtvia_family`)",
    ),
    x(
        "SOL_NETLINK",
        Ty::I32,
        false,
        "the `int` level of `setsockopt()`",
    ),
    // asm-generic/errno*.h
    Rule {
        prefix: "E",
        exact: false,
        module: Some("errno"),
        ty: Ty::I32,
        hex: false,
        why: "`nlmsgerr.error` (negated on the wire)",
    },
];

/// The structs, by C name. Every one must be found.
pub const STRUCTS: &[&str] = &[
    "nlmsghdr",
    "nlmsgerr",
    "nlattr",
    "sockaddr_nl",
    "rtattr",
    "rtgenmsg",
    "ifinfomsg",
    "rtmsg",
    "rtnexthop",
    "rta_cacheinfo",
    "rtvia",
    "rtnl_link_stats64",
    "ifaddrmsg",
    "ifa_cacheinfo",
    "ndmsg",
    "nda_cacheinfo",
    "nhmsg",
    "nexthop_grp",
    "genlmsghdr",
];

/// Names that must be present in the output (a completeness check of the rule table against
/// the headers: each guards a family the translator relies on).
pub const REQUIRED: &[&str] = &[
    "IFLA_GRE_LOCAL",
    "NLMSG_ERROR",
    "NLMSG_DONE",
    "NLM_F_DUMP_INTR",
    "NLM_F_CAPPED",
    "NLM_F_ACK_TLVS",
    "NLMSGERR_ATTR_MSG",
    "NLMSGERR_ATTR_OFFS",
    "NLMSGERR_ATTR_COOKIE",
    "NLMSGERR_ATTR_POLICY",
    "NLMSGERR_ATTR_MISS_TYPE",
    "NLMSGERR_ATTR_MISS_NEST",
    "NLA_F_NESTED",
    "NLA_F_NET_BYTEORDER",
    "NETLINK_ROUTE",
    "NETLINK_GENERIC",
    "NETLINK_ADD_MEMBERSHIP",
    "NETLINK_EXT_ACK",
    "NETLINK_GET_STRICT_CHK",
    "RTM_NEWLINK",
    "RTM_GETNEXTHOP",
    "RTM_F_NOTIFY",
    "RTA_TABLE",
    "RTA_VIA",
    "RTA_NH_ID",
    "RTAX_MTU",
    "RTN_UNICAST",
    "RTPROT_KERNEL",
    "RT_SCOPE_UNIVERSE",
    "RT_TABLE_MAIN",
    "RTNH_F_ONLINK",
    "RTNLGRP_LINK",
    "RTNLGRP_NEXTHOP",
    "RTMGRP_LINK",
    "RTEXT_FILTER_VF",
    "IFLA_IFNAME",
    "IFLA_INFO_KIND",
    "IFLA_ALT_IFNAME",
    "IFA_ADDRESS",
    "IFA_PROTO",
    "IFA_F_PERMANENT",
    "ARPHRD_ETHER",
    "ARPHRD_LOOPBACK",
    "NDA_DST",
    "NUD_REACHABLE",
    "NTF_ROUTER",
    "NHA_ID",
    "NHA_GROUP",
    "CTRL_CMD_GETFAMILY",
    "CTRL_ATTR_FAMILY_NAME",
    "CTRL_ATTR_OP_ID",
    "CTRL_ATTR_MCAST_GRP_NAME",
    "GENL_ID_CTRL",
    "GENL_NAMSIZ",
    "IFF_UP",
    "IFF_LOWER_UP",
    "IFF_DORMANT",
    "IFF_ECHO",
    "IF_OPER_UP",
    "IF_LINK_MODE_DORMANT",
    "AF_UNSPEC",
    "AF_INET",
    "AF_INET6",
    "AF_NETLINK",
    "AF_BRIDGE",
    "AF_MPLS",
    "SOL_NETLINK",
    "EPERM",
    "ENOENT",
    "EINVAL",
    "ENODEV",
    "EOPNOTSUPP",
    "EAFNOSUPPORT",
    "EWOULDBLOCK",
];

type Res<T> = Result<T, String>;

/// Loads libclang (the `runtime` feature of clang-sys), without panicking.
///
/// # Errors
/// The reason libclang could not be loaded.
pub fn load_libclang() -> Res<()> {
    if clang_sys::is_loaded() {
        return Ok(());
    }
    clang_sys::load()
}

#[derive(Debug, Default)]
struct Seen {
    files: BTreeSet<String>,
    macros: BTreeSet<String>,
}

#[derive(Debug)]
struct Callbacks(Arc<Mutex<Seen>>);

impl bindgen::callbacks::ParseCallbacks for Callbacks {
    fn include_file(&self, filename: &str) {
        if let Ok(mut s) = self.0.lock() {
            s.files.insert(filename.to_owned());
        }
    }

    fn int_macro(&self, name: &str, _value: i64) -> Option<bindgen::callbacks::IntKind> {
        if let Ok(mut s) = self.0.lock() {
            s.macros.insert(name.to_owned());
        }
        None
    }
}

/// What a header scan knows about one name: its defining file and a `#define`'s comment.
#[derive(Debug, Default)]
struct SourceInfo {
    file: BTreeMap<String, String>,
    comment: BTreeMap<String, String>,
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn leading_ident(s: &str) -> &str {
    let end = s.find(|c: char| !is_ident_char(c)).unwrap_or(s.len());
    s.get(..end).unwrap_or("")
}

/// Scans a header's text: `#define NAME ... /* comment */` and enum lines `NAME = ...,`.
fn scan_source(path: &str, cite: &str, info: &mut SourceInfo) -> Res<()> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    for line in text.lines() {
        let t = line.trim_start();
        let (name, is_define) = if let Some(rest) = t.strip_prefix('#') {
            match rest.trim_start().strip_prefix("define") {
                Some(r) => (leading_ident(r.trim_start()), true),
                None => continue,
            }
        } else {
            (leading_ident(t), false)
        };
        if name.is_empty() {
            continue;
        }
        if !is_define {
            let after = t.get(name.len()..).unwrap_or("").trim_start();
            if !(after.starts_with('=') || after.starts_with(',') || after.is_empty()) {
                continue;
            }
        }
        info.file
            .entry(name.to_owned())
            .or_insert_with(|| cite.to_owned());
        if is_define {
            if let Some(c) = trailing_comment(t) {
                info.comment.entry(name.to_owned()).or_insert(c);
            }
        }
    }
    Ok(())
}

fn trailing_comment(line: &str) -> Option<String> {
    let start = line.find("/*")?;
    let body = line.get(start.checked_add(2)?..)?;
    let end = body.find("*/")?;
    let c = normalize_doc(body.get(..end)?);
    (!c.is_empty()).then_some(c)
}

/// One line, single spaces, no Markdown link or HTML syntax.
fn normalize_doc(s: &str) -> String {
    let joined = s
        .lines()
        .map(|l| l.trim().trim_start_matches('*').trim())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::new();
    for word in joined.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace('[', "\\[")
        .replace(']', "\\]")
        .replace('<', "\\<")
        .replace('>', "\\>")
        .replace('`', "'")
}

/// At most [`DOC_MAX`] characters, cut at a word boundary (kernel-doc blocks are long).
fn shorten(s: &str) -> String {
    if s.chars().count() <= DOC_MAX {
        return s.to_owned();
    }
    let mut out = String::new();
    for word in s.split_whitespace() {
        if out.chars().count().saturating_add(word.chars().count()) >= DOC_MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push_str(" ...");
    out
}

/// Structs to which clang attaches a neighbouring comment that is not about them
/// (`nda_cacheinfo` gets the `NUD_*` note above it; `nlattr` gets an ASCII-art layout diagram).
const MISATTACHED: &[&str] = &["nda_cacheinfo", "nlattr"];

/// Longest header comment copied into a doc line.
const DOC_MAX: usize = 160;

/// Citation of a header path as seen by clang.
fn cite_path(path: &str) -> String {
    let rel = path.rsplit_once("/include/").map_or(path, |(_, r)| r);
    if let Some(glibc) = rel.split_once("/bits/").map(|(_, r)| r) {
        return format!("glibc: bits/{glibc}");
    }
    if rel.starts_with("bits/") || rel.starts_with("sys/") {
        return format!("glibc: {rel}");
    }
    format!("Linux uapi: include/uapi/{rel}")
}

fn doc_of(attrs: &[syn::Attribute]) -> Option<String> {
    let mut parts = Vec::new();
    for a in attrs {
        if !a.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &a.meta {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
            {
                parts.push(s.value());
            }
        }
    }
    let d = normalize_doc(&parts.join("\n"));
    (!d.is_empty()).then_some(d)
}

fn type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(tp) => tp.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

fn int_value(e: &syn::Expr) -> Option<i128> {
    match e {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => i.base10_parse::<i128>().ok(),
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => int_value(expr).and_then(i128::checked_neg),
        syn::Expr::Paren(pe) => int_value(&pe.expr),
        _ => None,
    }
}

#[derive(Debug)]
struct Const {
    name: String,
    value: i128,
    rule: usize,
    doc: String,
}

#[derive(Debug)]
struct Field {
    name: String,
    ty: String,
    doc: String,
}

#[derive(Debug)]
struct Struct {
    name: String,
    doc: String,
    fields: Vec<Field>,
    size: Option<u64>,
    align: Option<u64>,
    offsets: BTreeMap<String, u64>,
}

#[derive(Debug)]
struct Module {
    header: &'static Header,
    consts: Vec<Const>,
    structs: Vec<Struct>,
}

fn rule_for(module: &str, name: &str) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, r) in RULES.iter().enumerate() {
        if r.module.is_some_and(|m| m != module) {
            continue;
        }
        let score = if r.exact {
            if name != r.prefix {
                continue;
            }
            usize::MAX
        } else {
            if !name.starts_with(r.prefix) {
                continue;
            }
            r.prefix.len()
        };
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

fn map_field_type(t: &str) -> Option<&'static str> {
    Some(match t {
        "__u8" | "c_uchar" => "u8",
        "__s8" | "c_schar" => "i8",
        "__u16" | "c_ushort" | "__kernel_sa_family_t" | "sa_family_t" => "u16",
        "__s16" | "c_short" => "i16",
        "__u32" | "c_uint" => "u32",
        "__s32" | "c_int" => "i32",
        "__u64" | "c_ulonglong" => "u64",
        "__s64" | "c_longlong" => "i64",
        _ => return None,
    })
}

/// `/usr/include/<inc>`, else the multiarch `/usr/include/<arch>-linux-gnu/<inc>`.
/// (A real file, not `header_contents`: libclang attaches comments only in real files.)
fn resolve_include(inc: &str) -> Res<String> {
    let plain = format!("/usr/include/{inc}");
    if Path::new(&plain).is_file() {
        return Ok(plain);
    }
    let multiarch = format!("/usr/include/{}-linux-gnu/{inc}", std::env::consts::ARCH);
    if Path::new(&multiarch).is_file() {
        return Ok(multiarch);
    }
    Err(format!(
        "<{inc}> not found in /usr/include (install linux-libc-dev and libc6-dev)"
    ))
}

fn run_bindgen(h: &'static Header) -> Res<Module> {
    let main = resolve_include(h.include)?;
    let seen = Arc::new(Mutex::new(Seen::default()));
    let bindings = bindgen::Builder::default()
        .header(main.clone())
        .allowlist_file(h.files)
        .allowlist_recursively(false)
        .default_enum_style(bindgen::EnumVariation::Consts)
        .prepend_enum_name(false)
        .use_core()
        .layout_tests(true)
        .generate_comments(true)
        .clang_arg("-fparse-all-comments")
        .formatter(bindgen::Formatter::None)
        .parse_callbacks(Box::new(Callbacks(Arc::clone(&seen))))
        .generate()
        .map_err(|e| format!("bindgen on <{}>: {e}", h.include))?;
    let file = syn::parse_file(&bindings.to_string())
        .map_err(|e| format!("parsing bindgen output for <{}>: {e}", h.include))?;
    let mut seen = seen.lock().map_err(|e| e.to_string())?;
    seen.files.insert(main);

    let re = regex_lite(h.files);
    let mut info = SourceInfo::default();
    for f in seen.files.iter().filter(|f| re(f)) {
        scan_source(f, &cite_path(f), &mut info)?;
    }
    let fallback_cite = seen
        .files
        .iter()
        .find(|f| re(f))
        .map_or_else(|| format!("<{}>", h.include), |f| cite_path(f));

    let mut consts: Vec<Const> = Vec::new();
    let mut structs: Vec<Struct> = Vec::new();
    for item in &file.items {
        match item {
            syn::Item::Const(c) if c.ident != "_" => {
                let name = c.ident.to_string();
                if name.starts_with("__") {
                    continue;
                }
                let Some(rule) = rule_for(h.module, &name) else {
                    continue;
                };
                let value = int_value(&c.expr)
                    .ok_or_else(|| format!("{name}: value is not an integer literal"))?;
                if let Some(prev) = consts.iter().find(|k| k.name == name) {
                    if prev.value != value {
                        return Err(format!("{name}: two values {} and {value}", prev.value));
                    }
                    continue;
                }
                let cite = info
                    .file
                    .get(&name)
                    .cloned()
                    .unwrap_or_else(|| fallback_cite.clone());
                let origin = if seen.macros.contains(&name) {
                    "#define".to_owned()
                } else {
                    match type_name(&c.ty) {
                        Some(t)
                            if !t.starts_with("_bindgen_ty") && map_field_type(&t).is_none() =>
                        {
                            format!("enum {t}")
                        }
                        _ => "enum".to_owned(),
                    }
                };
                let doc = match doc_of(&c.attrs).or_else(|| info.comment.get(&name).cloned()) {
                    Some(comment) => format!("{} ({cite}, {origin}).", shorten(&comment)),
                    None => format!("{cite} ({origin})."),
                };
                consts.push(Const {
                    name,
                    value,
                    rule,
                    doc,
                });
            }
            syn::Item::Struct(s) if STRUCTS.contains(&s.ident.to_string().as_str()) => {
                let name = s.ident.to_string();
                let mut fields = Vec::new();
                let comment = doc_of(&s.attrs).filter(|_| !MISATTACHED.contains(&name.as_str()));
                let mut doc = match comment {
                    Some(c) => format!("`struct {name}` ({fallback_cite}): {}", shorten(&c)),
                    None => format!("`struct {name}` ({fallback_cite})."),
                };
                let syn::Fields::Named(named) = &s.fields else {
                    return Err(format!("struct {name}: no named fields"));
                };
                for f in &named.named {
                    let fname = f
                        .ident
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    let tname = type_name(&f.ty).unwrap_or_default();
                    if tname == "__IncompleteArrayField" {
                        let _ = write!(
                            doc,
                            " (Only the fixed part is emitted: the flexible array member \
                             `{fname}` follows it on the wire and is read from the bytes after \
                             it.)"
                        );
                        continue;
                    }
                    let ty = match map_field_type(&tname) {
                        Some(t) => t.to_owned(),
                        None if STRUCTS.contains(&tname.as_str()) => tname.clone(),
                        None => return Err(format!("{name}.{fname}: unmapped type {tname}")),
                    };
                    let fdoc = doc_of(&f.attrs)
                        .map(|c| shorten(&c))
                        .unwrap_or_else(|| format!("Field `{fname}` of `struct {name}`."));
                    fields.push(Field {
                        name: fname,
                        ty,
                        doc: fdoc,
                    });
                }
                structs.push(Struct {
                    name,
                    doc,
                    fields,
                    size: None,
                    align: None,
                    offsets: BTreeMap::new(),
                });
            }
            syn::Item::Const(c) => harvest_layout(&c.expr, &mut structs),
            _ => {}
        }
    }
    Ok(Module {
        header: h,
        consts,
        structs,
    })
}

/// Reads bindgen's layout test block: `["Size of T"][size_of::<T>() - N];` and friends.
fn harvest_layout(e: &syn::Expr, structs: &mut [Struct]) {
    let syn::Expr::Block(b) = e else { return };
    for stmt in &b.block.stmts {
        let expr = match stmt {
            syn::Stmt::Expr(e, _) => e,
            _ => continue,
        };
        let syn::Expr::Index(ix) = expr else { continue };
        let syn::Expr::Array(arr) = &*ix.expr else {
            continue;
        };
        let Some(syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(label),
            ..
        })) = arr.elems.first()
        else {
            continue;
        };
        let syn::Expr::Binary(bin) = &*ix.index else {
            continue;
        };
        let Some(n) = int_value(&bin.right).and_then(|v| u64::try_from(v).ok()) else {
            continue;
        };
        let label = label.value();
        if let Some(t) = label.strip_prefix("Size of ") {
            if let Some(s) = structs.iter_mut().find(|s| s.name == t) {
                s.size = Some(n);
            }
        } else if let Some(t) = label.strip_prefix("Alignment of ") {
            if let Some(s) = structs.iter_mut().find(|s| s.name == t) {
                s.align = Some(n);
            }
        } else if let Some(tf) = label.strip_prefix("Offset of field: ") {
            if let Some((t, f)) = tf.split_once("::") {
                if let Some(s) = structs.iter_mut().find(|s| s.name == t) {
                    s.offsets.insert(f.to_owned(), n);
                }
            }
        }
    }
}

/// The tiny subset of regex used in [`Header::files`]: `.*` prefix, `\.` and one `(x)?` group.
fn regex_lite(pattern: &'static str) -> impl Fn(&str) -> bool {
    let body = pattern.trim_start_matches(".*").replace("\\.", ".");
    let variants: Vec<String> = match (body.find('('), body.find(")?")) {
        (Some(open), Some(close)) if open < close => {
            let before = body.get(..open).unwrap_or("");
            let group = body.get(open.saturating_add(1)..close).unwrap_or("");
            let after = body.get(close.saturating_add(2)..).unwrap_or("");
            vec![
                format!("{before}{after}"),
                format!("{before}{group}{after}"),
            ]
        }
        _ => vec![body],
    };
    move |path: &str| variants.iter().any(|v| path.ends_with(v.as_str()))
}

fn lit(value: i128, hex: bool) -> Res<TokenStream> {
    let text = if hex && value >= 0 {
        format!("{value:#x}")
    } else {
        value.to_string()
    };
    text.parse::<TokenStream>().map_err(|e| e.to_string())
}

/// Names hand-written in `linux-abi/src/newer.rs`, by module (`pub mod m { pub const X ... }`).
fn newer_items() -> Res<BTreeMap<String, Vec<String>>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/newer.rs");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file = syn::parse_file(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = BTreeMap::new();
    for item in &file.items {
        if let syn::Item::Mod(m) = item {
            let names = m
                .content
                .iter()
                .flat_map(|(_, items)| items.iter())
                .filter_map(|i| match i {
                    syn::Item::Const(c) => Some(c.ident.to_string()),
                    _ => None,
                })
                .collect();
            out.insert(m.ident.to_string(), names);
        }
    }
    Ok(out)
}

fn emit_module(m: &Module, newer: &BTreeMap<String, Vec<String>>) -> Res<TokenStream> {
    let mut items = Vec::new();
    for s in &m.structs {
        let name = format_ident!("{}", s.name);
        let doc = format!(" {}", s.doc);
        let unaligned = s.fields.iter().all(|f| f.ty == "u8" || f.ty == "i8");
        let extra = if unaligned {
            quote!(, zerocopy::Unaligned)
        } else {
            quote!()
        };
        let mut fields = Vec::new();
        let mut checks = Vec::new();
        for f in &s.fields {
            let fname = format_ident!("{}", f.name);
            let fty: TokenStream =
                f.ty.parse()
                    .map_err(|e: proc_macro2::LexError| e.to_string())?;
            let fdoc = format!(" {}", f.doc);
            fields.push(quote! { #[doc = #fdoc] pub #fname: #fty });
            let off = s
                .offsets
                .get(&f.name)
                .ok_or_else(|| format!("{}.{}: no offset from bindgen", s.name, f.name))?;
            let off = lit(i128::from(*off), false)?;
            checks.push(
                quote! { const _: () = assert!(core::mem::offset_of!(#name, #fname) == #off); },
            );
        }
        let size = lit(
            i128::from(s.size.ok_or_else(|| format!("{}: no size", s.name))?),
            false,
        )?;
        let align = lit(
            i128::from(s.align.ok_or_else(|| format!("{}: no align", s.name))?),
            false,
        )?;
        items.push(quote! {
            #[doc = #doc]
            #[repr(C)]
            #[derive(
                Debug, Clone, Copy, PartialEq, Eq, Default,
                zerocopy::FromBytes, zerocopy::IntoBytes, zerocopy::Immutable, zerocopy::KnownLayout #extra
            )]
            pub struct #name { #(#fields,)* }
            const _: () = assert!(core::mem::size_of::<#name>() == #size);
            const _: () = assert!(core::mem::align_of::<#name>() == #align);
            #(#checks)*
        });
    }
    for c in &m.consts {
        let rule = RULES.get(c.rule).ok_or("rule index")?;
        let (lo, hi) = rule.ty.range();
        // A mask written `~(A | B)` evaluates as a negative C `int`; a `__u16`/`__u32` field
        // stores it modulo 2^bits, as C's conversion does. Only for mask (hex) rules.
        let value = if rule.hex && lo == 0 && c.value < 0 {
            hi.checked_add(1)
                .and_then(|modulus| c.value.checked_add(modulus))
                .unwrap_or(c.value)
        } else {
            c.value
        };
        if value < lo || value > hi {
            return Err(format!(
                "{} = {} does not fit {}",
                c.name,
                c.value,
                rule.ty.name()
            ));
        }
        let name = format_ident!("{}", c.name);
        let ty = format_ident!("{}", rule.ty.name());
        let v = lit(value, rule.hex)?;
        let doc = format!(" {}", c.doc);
        items.push(quote! { #[doc = #doc] pub const #name: #ty = #v; });
    }
    let mut doc_lines: Vec<String> = m.header.doc.iter().map(|s| (*s).to_owned()).collect();
    let used: BTreeSet<usize> = m.consts.iter().map(|c| c.rule).collect();
    if !used.is_empty() {
        doc_lines.push(String::new());
        doc_lines.push("Constant types (the wire field each value goes into):".to_owned());
        for i in used {
            let r = RULES.get(i).ok_or("rule index")?;
            let star = if r.exact { "" } else { "*" };
            doc_lines.push(format!(
                "- `{}{star}`: `{}`, {}.",
                r.prefix,
                r.ty.name(),
                r.why
            ));
        }
    }
    if newer.contains_key(m.header.module) {
        doc_lines.push(String::new());
        doc_lines.push(format!(
            "Also re-exports the hand-written items newer than these headers from \
             `crate::newer::{}`.",
            m.header.module
        ));
    }
    let docs = doc_lines.iter().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    let module = format_ident!("{}", m.header.module);
    let reexport = if newer.contains_key(m.header.module) {
        quote!(pub use crate::newer::#module::*;)
    } else {
        quote!()
    };
    Ok(quote! {
        #(#[doc = #docs])*
        pub mod #module { #reexport #(#items)* }
    })
}

fn uapi_version() -> Res<String> {
    let path = "/usr/include/linux/version.h";
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let get = |key: &str| {
        text.lines()
            .find_map(|l| {
                l.strip_prefix("#define ")?
                    .strip_prefix(key)?
                    .trim()
                    .parse::<u32>()
                    .ok()
            })
            .ok_or_else(|| format!("{path}: no {key}"))
    };
    // Major.minor only: stable point releases of a series (Debian updates linux-libc-dev)
    // keep the uapi, and the drift test must not fail on the number alone.
    Ok(format!(
        "{}.{}.x",
        get("LINUX_VERSION_MAJOR")?,
        get("LINUX_VERSION_PATCHLEVEL")?
    ))
}

fn rustfmt(src: &str) -> Res<String> {
    let mut child = Command::new(std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".to_owned()))
        .args(["--edition", "2021", "--emit", "stdout", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("running rustfmt: {e}"))?;
    child
        .stdin
        .take()
        .ok_or("rustfmt stdin")?
        .write_all(src.as_bytes())
        .map_err(|e| format!("writing to rustfmt: {e}"))?;
    let out = child
        .wait_with_output()
        .map_err(|e| format!("rustfmt: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "rustfmt failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| e.to_string())
}

/// Generates the full text of `linux-abi/src/generated.rs`.
///
/// # Errors
/// libclang missing, a header that does not parse, a struct or required constant not found,
/// a value that does not fit its type, a name defined twice, or rustfmt failing.
pub fn generate() -> Res<String> {
    load_libclang()?;
    let mut modules = Vec::new();
    for h in HEADERS {
        modules.push(run_bindgen(h)?);
    }

    // Completeness and uniqueness checks.
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    for m in &modules {
        for n in m
            .consts
            .iter()
            .map(|c| c.name.as_str())
            .chain(m.structs.iter().map(|s| s.name.as_str()))
        {
            if let Some(other) = names.insert(n, m.header.module) {
                return Err(format!(
                    "{n} defined in both {other} and {}",
                    m.header.module
                ));
            }
        }
    }
    for s in STRUCTS {
        if !names.contains_key(s) {
            return Err(format!("struct {s} not found"));
        }
    }
    for r in REQUIRED {
        if !names.contains_key(r) {
            return Err(format!("required constant {r} not found"));
        }
    }
    let used: BTreeSet<usize> = modules
        .iter()
        .flat_map(|m| m.consts.iter().map(|c| c.rule))
        .collect();
    for (i, r) in RULES.iter().enumerate() {
        if !used.contains(&i) {
            return Err(format!("rule {} matched no constant", r.prefix));
        }
    }

    let newer = newer_items()?;
    for (module, items) in &newer {
        if !HEADERS.iter().any(|h| h.module == module) {
            return Err(format!(
                "newer.rs: module {module} is not a generated module"
            ));
        }
        for n in items {
            if let Some(m) = names.get(n.as_str()) {
                return Err(format!(
                    "newer.rs: {n} is now in the headers (module {m}); delete it from newer.rs"
                ));
            }
        }
    }
    let mut mods = Vec::new();
    for m in &modules {
        mods.push(emit_module(m, &newer)?);
    }
    let mixed_case = modules
        .iter()
        .flat_map(|m| m.consts.iter())
        .any(|c| c.name.chars().any(|ch| ch.is_ascii_lowercase()));
    let upper = if mixed_case {
        quote!(#![expect(non_upper_case_globals, reason = "constant names are the C names (`RTMGRP_DECnet_*`)")])
    } else {
        quote!()
    };
    let tokens = quote! {
        #upper
        #(#mods)*
    };
    let file: syn::File = syn::parse2(tokens).map_err(|e| e.to_string())?;
    let version = uapi_version()?;
    let mut out = String::new();
    out.push_str("// SPDX-License-Identifier: BSD-2-Clause\n");
    out.push_str("// @generated by nlcompat-linux-abi-gen (`make abi`); do not edit.\n");
    let _ = writeln!(
        out,
        "// Source: Linux uapi headers {version} (linux/version.h) and glibc bits/socket.h."
    );
    out.push_str(&prettyplease::unparse(&file));
    rustfmt(&out)
}

/// Writes [`generate`]'s output to `path`.
///
/// # Errors
/// As [`generate`], or the write failing.
pub fn write_to(path: &Path) -> Res<()> {
    let text = generate()?;
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty_of(module: &str, name: &str) -> Option<Ty> {
        rule_for(module, name).map(|i| RULES[i].ty)
    }

    #[test]
    fn longest_prefix_and_exact_names_win() {
        assert_eq!(ty_of("rtnetlink", "RTM_NEWLINK"), Some(Ty::U16));
        assert_eq!(ty_of("rtnetlink", "RTM_F_NOTIFY"), Some(Ty::U32));
        assert_eq!(ty_of("rtnetlink", "RTA_TABLE"), Some(Ty::U16));
        assert_eq!(ty_of("rtnetlink", "RTA_ALIGNTO"), Some(Ty::Usize));
        assert_eq!(ty_of("rtnetlink", "RTAX_FEATURE_ECN"), Some(Ty::U32));
        assert_eq!(ty_of("if_addr", "IFA_F_PERMANENT"), Some(Ty::U32));
        assert_eq!(ty_of("neighbour", "NTF_EXT_LEARNED"), Some(Ty::U8));
        assert_eq!(ty_of("neighbour", "NTF_EXT_MANAGED"), Some(Ty::U32));
        assert_eq!(ty_of("genetlink", "GENL_ID_CTRL"), Some(Ty::U16));
        assert_eq!(ty_of("genetlink", "GENL_ADMIN_PERM"), Some(Ty::U32));
        assert_eq!(ty_of("netlink", "NLMSG_ALIGNTO"), Some(Ty::Usize));
        assert_eq!(ty_of("netlink", "NL_ATTR_TYPE_U8"), None);
    }

    #[test]
    fn errno_rule_is_confined_to_errno_module() {
        assert_eq!(ty_of("errno", "ENODEV"), Some(Ty::I32));
        assert_eq!(ty_of("rtnetlink", "ENODEV"), None);
    }

    #[test]
    fn file_patterns_match_paths() {
        let errno = regex_lite(r".*/asm-generic/errno(-base)?\.h");
        assert!(errno("/usr/include/asm-generic/errno.h"));
        assert!(errno("/usr/include/asm-generic/errno-base.h"));
        assert!(!errno("/usr/include/errno.h"));
        let ifh = regex_lite(r".*/linux/if\.h");
        assert!(ifh("/usr/include/linux/if.h"));
        assert!(!ifh("/usr/include/linux/if_link.h"));
    }

    #[test]
    fn citations() {
        assert_eq!(
            cite_path("/usr/include/linux/rtnetlink.h"),
            "Linux uapi: include/uapi/linux/rtnetlink.h"
        );
        assert_eq!(
            cite_path("/usr/include/x86_64-linux-gnu/bits/socket.h"),
            "glibc: bits/socket.h"
        );
    }

    #[test]
    fn docs_are_one_line_and_bounded() {
        assert_eq!(normalize_doc("  a\n *  b [c] <d>\t"), "a b \\[c\\] \\<d\\>");
        let long = "word ".repeat(100);
        let short = shorten(&long);
        assert!(short.len() <= DOC_MAX + 4, "{short}");
        assert!(short.ends_with(" ..."));
        assert_eq!(shorten("short"), "short");
        assert_eq!(
            trailing_comment("#define X 1 /* It is X. */").as_deref(),
            Some("It is X.")
        );
        assert_eq!(trailing_comment("#define X 1"), None);
    }
}
