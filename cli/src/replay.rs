// SPDX-License-Identifier: BSD-2-Clause
//! `nlcompat replay`: send the Linux-side requests of a capture through the translator to the
//! FreeBSD model and compare the answers with the captured ones.
//!
//! The capture is read twice, streaming: a first pass learns per socket (port id) the options
//! its replies show (`NLM_F_ACK_TLVS` → `NETLINK_EXT_ACK`, a capped error → `NETLINK_CAP_ACK`),
//! the second replays. Every request goes to a model socket of its own port id through the
//! same [`Backend`] the runner uses; interface indexes inside requests are moved from the
//! capture's numbering to the model's by name. The answers are compared message by message
//! after [`crate::normalize`]; messages that match out of order still match (a Linux and a
//! FreeBSD dump list the same interfaces in different orders). Notifications (multicast) are
//! not compared: group memberships are not in the capture.
//!
//! Memory: the captured side streams; the replayed side holds one request's answer (what
//! the model queues for it), plus the messages not matched yet.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use nlcompat::wire::{attrs_after, Messages, Msg};

use crate::backend::{Backend, Delivery, SockId};
use crate::decode::{render, Decoded, Decoder, Value};
use crate::normalize::canonical;
use crate::pcap::{Reader, Record, Side, Way};

/// Arguments of `nlcompat replay`.
#[derive(Debug, clap::Args)]
pub(crate) struct ReplayArgs {
    /// The capture (pcapng from `nlcompat run --pcap`, or any LINKTYPE_NETLINK pcap/pcapng
    /// whose Linux side is interface `linux` or unnamed).
    #[arg(value_name = "CAPTURE")]
    capture: PathBuf,
    /// The FreeBSD host to replay against (TOML, see docs/topology.md); default: the built-in
    /// host.
    #[arg(long, value_name = "FILE")]
    topology: Option<PathBuf>,
    /// FreeBSD release whose behaviour the model follows, passed to the model as the
    /// topology's `release` (its release profiles, docs/freebsd-sim.md); default: the
    /// model's default release. A release the model does not know is refused.
    #[arg(long, value_name = "RELEASE")]
    freebsd: Option<String>,
    /// Differing messages printed per request (the rest are counted).
    #[arg(long, default_value = "20")]
    max_shown: usize,
}

/// Exit status when the answers differ.
pub(crate) const DIFFERENT: u8 = 1;

/// Runs `replay`; `Ok(true)` when every answer matched.
pub(crate) fn run(a: &ReplayArgs) -> Result<bool, String> {
    let opts = scan(&a.capture)?;
    let backend = model(a.topology.as_deref(), a.freebsd.as_deref())?;
    let mut r = Replayer::new(backend, opts, a.max_shown);
    r.learn_model_names();
    let mut reader = Reader::open(&a.capture, 0)?;
    let mut out = std::io::stdout().lock();
    let name = a.capture.display().to_string();
    while let Some(rec) = reader.next_record().map_err(|e| format!("{name}: {e}"))? {
        if rec.side.unwrap_or(Side::Linux) != Side::Linux {
            continue;
        }
        r.record(&rec)?;
        r.flush_report(&mut out)?;
    }
    r.finish();
    r.flush_report(&mut out)?;
    let summary = format!(
        "replay: {} requests, {} answered differently; {} reply messages compared, \
         {} differ; {} notifications not compared\n",
        r.requests, r.requests_differing, r.compared, r.differing, r.notifications
    );
    out.write_all(summary.as_bytes())
        .map_err(|e| format!("cannot write standard output: {e}"))?;
    Ok(r.requests_differing == 0)
}

/// The built-in host's topology text (what `--topology` replaces).
const DEFAULT_TOPOLOGY: &str = include_str!("../../freebsd-sim/topologies/default.toml");

/// The model backend over `topology` (default: the built-in host), following `release` when
/// given: the release goes to the model as the topology's top-level `release` key.
fn model(topology: Option<&Path>, release: Option<&str>) -> Result<Box<dyn Backend>, String> {
    let Some(rel) = release else {
        return crate::backend::freebsd::new(topology, false, 0, None);
    };
    let text = match topology {
        Some(p) => {
            std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?
        }
        None => DEFAULT_TOPOLOGY.to_owned(),
    };
    if rel.contains(['"', '\\', '\n']) {
        return Err(format!("--freebsd {rel:?}: not a release name"));
    }
    // A top-level key must precede the first table of a TOML file.
    let with = format!("release = \"{rel}\"\n{text}");
    let tmp = std::env::temp_dir().join(format!("nlcompat-replay-{}.toml", std::process::id()));
    std::fs::write(&tmp, with).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    let res = crate::backend::freebsd::new(Some(&tmp), false, 0, None);
    let _ = std::fs::remove_file(&tmp);
    match res {
        Ok(b) => Ok(b),
        Err(e) => {
            // Tell a refused release from a broken topology.
            crate::backend::freebsd::new(topology, false, 0, None)?;
            // The temporary file's name means nothing to the user.
            let e = e.replace(&format!("{}: ", tmp.display()), "");
            let why = e.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or(&e);
            Err(format!(
                "--freebsd {rel}: the FreeBSD model refused the release: {}",
                why.trim()
            ))
        }
    }
}

/// Socket options seen in a capture, per port id.
#[derive(Debug, Clone, Copy, Default)]
struct SockOpts {
    proto: u16,
    ext_ack: bool,
    cap_ack: bool,
}

/// First pass: protocol and reply options of every socket.
fn scan(path: &Path) -> Result<BTreeMap<u32, SockOpts>, String> {
    let mut r = Reader::open(path, 0)?;
    let mut out: BTreeMap<u32, SockOpts> = BTreeMap::new();
    let name = path.display().to_string();
    while let Some(rec) = r.next_record().map_err(|e| format!("{name}: {e}"))? {
        if rec.side.unwrap_or(Side::Linux) != Side::Linux {
            continue;
        }
        let o = out.entry(rec.port).or_default();
        o.proto = rec.proto;
        if rec.way != Some(Way::FromKernel) || rec.group != 0 {
            continue;
        }
        for m in Messages::new(&rec.data).map_while(Result::ok) {
            let t = m.msg_type();
            if t != linux_abi::NLMSG_ERROR && t != linux_abi::NLMSG_DONE {
                continue;
            }
            if m.flags() & linux_abi::NLM_F_ACK_TLVS != 0 {
                o.ext_ack = true;
            }
            let err = nlcompat::wire::read_u32(m.payload(), 0).unwrap_or(0);
            if t == linux_abi::NLMSG_ERROR && err != 0 && m.flags() & linux_abi::NLM_F_CAPPED != 0 {
                o.cap_ack = true;
            }
        }
    }
    Ok(out)
}

/// The answer to one request, being compared.
struct Pending {
    port: u32,
    /// The request, decoded (for the report).
    request: Decoded,
    /// What the model answered: datagrams, and the position of the next message.
    replay: Vec<Vec<u8>>,
    dgram: usize,
    off: usize,
    /// Unmatched normalised messages and how often each occurred.
    only_capture: HashMap<String, usize>,
    only_replay: HashMap<String, usize>,
    compared: u64,
}

struct Replayer {
    backend: Box<dyn Backend>,
    opts: BTreeMap<u32, SockOpts>,
    socks: BTreeMap<u32, SockId>,
    /// Names from the captured stream and from the replayed one.
    cap_dec: Decoder,
    rep_dec: Decoder,
    /// Interface name → index in the model.
    model_index: HashMap<String, u32>,
    /// Index in the capture → name.
    cap_name: HashMap<u32, String>,
    pending: Option<Pending>,
    /// Report text not yet written.
    out: String,
    max_shown: usize,
    requests: u64,
    requests_differing: u64,
    compared: u64,
    differing: u64,
    notifications: u64,
}

impl Replayer {
    fn new(backend: Box<dyn Backend>, opts: BTreeMap<u32, SockOpts>, max_shown: usize) -> Self {
        Replayer {
            backend,
            opts,
            socks: BTreeMap::new(),
            cap_dec: Decoder::default(),
            rep_dec: Decoder::default(),
            model_index: HashMap::new(),
            cap_name: HashMap::new(),
            pending: None,
            out: String::new(),
            max_shown,
            requests: 0,
            requests_differing: 0,
            compared: 0,
            differing: 0,
            notifications: 0,
        }
    }

    /// Learns the model's interface indexes with a link dump on a socket of its own.
    fn learn_model_names(&mut self) {
        let Ok(s) = self.backend.open(0) else {
            return;
        };
        // A port id no runner hands out (the runner uses pids and negative ids).
        if self.backend.bind(s, 0x7fff_fff0, 0).is_err() {
            return;
        }
        let mut req = Vec::new();
        req.extend_from_slice(&32u32.to_ne_bytes());
        req.extend_from_slice(&linux_abi::RTM_GETLINK.to_ne_bytes());
        req.extend_from_slice(&(linux_abi::NLM_F_REQUEST | linux_abi::NLM_F_DUMP).to_ne_bytes());
        req.extend_from_slice(&[0u8; 24]);
        let Ok(out) = self.backend.send(s, &req) else {
            return;
        };
        let mut d = Decoder::default();
        for dl in out {
            if let Delivery::Datagram { bytes, .. } = dl {
                for m in Messages::new(&bytes).map_while(Result::ok) {
                    let dec = d.message(m, Side::Linux, 0);
                    if let Some((i, n)) = link_name(&dec) {
                        self.model_index.insert(n, i);
                    }
                }
            }
        }
        self.backend.close(s);
    }

    /// Writes the pending report text.
    fn flush_report(&mut self, w: &mut impl std::io::Write) -> Result<(), String> {
        if !self.out.is_empty() {
            w.write_all(self.out.as_bytes())
                .map_err(|e| format!("cannot write standard output: {e}"))?;
            self.out.clear();
        }
        Ok(())
    }

    fn record(&mut self, rec: &Record) -> Result<(), String> {
        match rec.way {
            Some(Way::ToKernel) => self.request(rec),
            Some(Way::FromKernel) if rec.group != 0 => {
                self.notifications = self.notifications.saturating_add(1);
                Ok(())
            }
            Some(Way::FromKernel) => {
                self.captured(rec);
                Ok(())
            }
            None => Err("a raw stream has no requests and replies to replay; \
                         replay needs a capture (nlcompat run --pcap)"
                .to_owned()),
        }
    }

    fn sock(&mut self, port: u32, proto: u16) -> Result<SockId, String> {
        if let Some(s) = self.socks.get(&port) {
            return Ok(*s);
        }
        let o = self.opts.get(&port).copied().unwrap_or_default();
        let s = self.backend.open(i32::from(proto)).map_err(|e| {
            format!("the model refuses a socket of protocol {proto} (Linux errno {e})")
        })?;
        self.backend
            .bind(s, port, 0)
            .map_err(|e| format!("cannot bind port {port} in the model: errno {e}"))?;
        for (on, opt) in [
            (o.ext_ack, linux_abi::NETLINK_EXT_ACK),
            (o.cap_ack, linux_abi::NETLINK_CAP_ACK),
        ] {
            if on {
                let _ = self.backend.set_flag(s, opt, true);
            }
        }
        self.socks.insert(port, s);
        Ok(s)
    }

    fn request(&mut self, rec: &Record) -> Result<(), String> {
        self.finish();
        self.requests = self.requests.saturating_add(1);
        let request = self
            .cap_dec
            .record(rec, Side::Linux)
            .into_iter()
            .next()
            .unwrap_or_else(|| empty(rec));
        let s = match self.sock(rec.port, rec.proto) {
            Ok(s) => s,
            Err(why) => {
                // No such socket on FreeBSD (e.g. NETLINK_XFRM): the program would have
                // failed at socket(); a difference, not a reason to stop.
                self.requests_differing = self.requests_differing.saturating_add(1);
                let _ = writeln!(self.out, "request {}  {why}", render(&request));
                return Ok(());
            }
        };
        let mut data = rec.data.clone();
        self.remap(&mut data, rec.proto);
        let replay = match self.backend.send(s, &data) {
            Ok(ds) => ds
                .into_iter()
                .filter_map(|d| match d {
                    Delivery::Datagram { bytes, group: 0 } => Some(bytes),
                    _ => None,
                })
                .collect(),
            Err(e) => {
                // The send itself failed: nothing to compare but the captured replies.
                eprintln!(
                    "nlcompat: frame {}: the model failed the send: errno {e}",
                    rec.frame
                );
                Vec::new()
            }
        };
        self.pending = Some(Pending {
            port: rec.port,
            request,
            replay,
            dgram: 0,
            off: 0,
            only_capture: HashMap::new(),
            only_replay: HashMap::new(),
            compared: 0,
        });
        Ok(())
    }

    /// Moves interface indexes of a request from the capture's numbering to the model's.
    fn remap(&self, data: &mut [u8], proto: u16) {
        if proto != 0 {
            return;
        }
        let mut edits: Vec<(usize, u32)> = Vec::new();
        let map = |i: u32| -> Option<u32> {
            let n = self.cap_name.get(&i)?;
            self.model_index.get(n).copied()
        };
        for m in Messages::new(data).map_while(Result::ok) {
            let base = m.payload_offset();
            let t = m.msg_type();
            let spec = nlcompat::msg::spec_for(nlcompat::Proto::Route, t).map(|s| s.name);
            // Header index fields: ifi_index, ifa_index, ndm_ifindex (all at offset 4).
            let (hdr_len, has_index) = match spec {
                Some("link") => (16, true),
                Some("addr") => (8, true),
                Some("neigh") => (12, true),
                Some("route") => (12, false),
                Some("nexthop") => (8, false),
                _ => continue,
            };
            if has_index {
                if let Some(i) = nlcompat::wire::read_u32(m.payload(), 4).filter(|&i| i != 0) {
                    if let Some(n) = map(i) {
                        edits.push((base.saturating_add(4), n));
                    }
                }
            }
            let attrs_base = base.saturating_add(nlcompat::wire::align4(hdr_len).unwrap_or(0));
            for a in attrs_after(m.payload(), hdr_len).map_while(Result::ok) {
                let index_attr = match spec {
                    Some("route") => {
                        a.kind() == linux_abi::RTA_OIF || a.kind() == linux_abi::RTA_IIF
                    }
                    Some("link") => {
                        a.kind() == linux_abi::IFLA_LINK || a.kind() == linux_abi::IFLA_MASTER
                    }
                    Some("nexthop") => a.kind() == linux_abi::NHA_OIF,
                    _ => false,
                };
                if !index_attr {
                    continue;
                }
                if let Some(n) = a.u32().and_then(map) {
                    edits.push((attrs_base.saturating_add(a.payload_offset()), n));
                }
            }
        }
        for (off, v) in edits {
            let _ = nlcompat::wire::write_u32(data, off, v);
        }
    }

    fn captured(&mut self, rec: &Record) {
        let decoded = self.cap_dec.record(rec, Side::Linux);
        for d in &decoded {
            if let Some((i, n)) = link_name(d) {
                self.cap_name.insert(i, n);
            }
        }
        let Some(p) = self.pending.as_mut() else {
            return;
        };
        if p.port != rec.port {
            return;
        }
        for d in decoded {
            let c = canonical(&d);
            let r = next_replay(p, &mut self.rep_dec).map(|x| canonical(&x));
            p.compared = p.compared.saturating_add(1);
            if r.as_deref() == Some(c.as_str()) {
                continue;
            }
            unmatched(&mut p.only_replay, &mut p.only_capture, c);
            if let Some(r) = r {
                unmatched(&mut p.only_capture, &mut p.only_replay, r);
            }
        }
    }

    /// Ends the comparison of the pending request and reports its differences.
    fn finish(&mut self) {
        let Some(mut p) = self.pending.take() else {
            return;
        };
        while let Some(x) = next_replay(&mut p, &mut self.rep_dec) {
            unmatched(&mut p.only_capture, &mut p.only_replay, canonical(&x));
        }
        self.compared = self.compared.saturating_add(p.compared);
        let n_cap: usize = p.only_capture.values().sum();
        let n_rep: usize = p.only_replay.values().sum();
        if n_cap == 0 && n_rep == 0 {
            return;
        }
        self.requests_differing = self.requests_differing.saturating_add(1);
        self.differing = self
            .differing
            .saturating_add(u64::try_from(n_cap.max(n_rep)).unwrap_or(u64::MAX));
        let mut s = String::new();
        let _ = write!(s, "request {}", render(&p.request));
        let _ = writeln!(
            s,
            "  {n_cap} captured message(s) without an equal in the replay, {n_rep} replayed \
             message(s) without an equal in the capture:"
        );
        report(&mut s, &p.only_capture, &p.only_replay, self.max_shown);
        self.out.push_str(&s);
    }
}

/// Adds `msg` to `mine` unless it cancels one in `theirs`.
fn unmatched(theirs: &mut HashMap<String, usize>, mine: &mut HashMap<String, usize>, msg: String) {
    if let Some(n) = theirs.get_mut(&msg) {
        *n = n.saturating_sub(1);
        if *n == 0 {
            theirs.remove(&msg);
        }
        return;
    }
    let e = mine.entry(msg).or_insert(0);
    *e = e.saturating_add(1);
}

fn next_replay(p: &mut Pending, dec: &mut Decoder) -> Option<Decoded> {
    loop {
        let dg = p.replay.get(p.dgram)?;
        let rest = dg.get(p.off..).unwrap_or_default();
        match Msg::parse(rest, 0) {
            Ok(m) => {
                p.off = p
                    .off
                    .saturating_add(nlcompat::wire::align4(m.len()).unwrap_or(usize::MAX));
                let d = dec.message(m, Side::Linux, 0);
                return Some(d);
            }
            Err(_) => {
                p.dgram = p.dgram.saturating_add(1);
                p.off = 0;
            }
        }
    }
}

/// The index and name a link message carries.
fn link_name(d: &Decoded) -> Option<(u32, String)> {
    let h = d.header.as_ref()?;
    let i = h.fields.iter().find_map(|f| match f.value {
        Value::Ifindex { index, .. } if f.name == "ifi_index" => Some(index),
        _ => None,
    })?;
    let n = d.attrs.iter().find_map(|a| match (&a.name, &a.value) {
        (Some("IFLA_IFNAME"), Value::Text(n)) => Some(n.clone()),
        _ => None,
    })?;
    Some((i, n))
}

fn empty(rec: &Record) -> Decoded {
    Decoded {
        frame: rec.frame.to_string(),
        time: None,
        abi: "linux",
        dir: Some("request"),
        proto: rec.proto,
        port: rec.port,
        len: 0,
        msg_type: Value::Num(0),
        flags: Value::Num(0),
        seq: 0,
        pid: 0,
        header: None,
        attrs: Vec::new(),
        error: None,
        trailing_zeros: 0,
        malformed: vec!["no message in the datagram".to_owned()],
    }
}

/// Prints unmatched messages, pairing a captured and a replayed one of the same kind (type
/// and first lines) as a line diff.
fn report(s: &mut String, cap: &HashMap<String, usize>, rep: &HashMap<String, usize>, max: usize) {
    let mut cap: Vec<&String> = cap
        .iter()
        .flat_map(|(k, n)| std::iter::repeat_n(k, *n))
        .collect();
    let mut rep: Vec<&String> = rep
        .iter()
        .flat_map(|(k, n)| std::iter::repeat_n(k, *n))
        .collect();
    cap.sort();
    rep.sort();
    let mut shown = 0usize;
    let mut rep_used = vec![false; rep.len()];
    for c in &cap {
        if shown >= max {
            break;
        }
        shown = shown.saturating_add(1);
        let pair = rep
            .iter()
            .enumerate()
            .find(|(i, r)| !rep_used.get(*i).copied().unwrap_or(true) && same_kind(c, r));
        match pair {
            Some((i, r)) => {
                if let Some(u) = rep_used.get_mut(i) {
                    *u = true;
                }
                line_diff(s, c, r);
            }
            None => {
                for l in c.lines() {
                    let _ = writeln!(s, "  - {}", cut(l));
                }
            }
        }
    }
    for (i, r) in rep.iter().enumerate() {
        if shown >= max {
            break;
        }
        if rep_used.get(i).copied().unwrap_or(true) {
            continue;
        }
        shown = shown.saturating_add(1);
        for l in r.lines() {
            let _ = writeln!(s, "  + {}", cut(l));
        }
    }
    let total = cap.len().max(rep.len());
    if total > shown {
        let _ = writeln!(
            s,
            "  ... and more ({} messages in all)",
            cap.len().saturating_add(rep.len())
        );
    }
}

/// Whether two canonical messages describe the same object: same first line up to the
/// flags, and the same identifying line (interface name, address or destination).
fn same_kind(a: &str, b: &str) -> bool {
    let head = |x: &str| -> String {
        x.lines()
            .next()
            .and_then(|l| l.split(" len ").next())
            .unwrap_or("")
            .to_owned()
    };
    let key = |x: &str| -> Option<String> {
        x.lines()
            .map(str::trim)
            .find(|l| {
                [
                    "IFLA_IFNAME ",
                    "IFA_ADDRESS ",
                    "IFA_LOCAL ",
                    "RTA_DST ",
                    "NDA_DST ",
                    "error ",
                ]
                .iter()
                .any(|p| l.starts_with(p))
            })
            .map(str::to_owned)
    };
    head(a) == head(b) && key(a) == key(b)
}

/// Prints the lines of `a` (captured) and `b` (replayed) with `-`/`+` on the lines only one
/// has (longest common subsequence).
fn line_diff(s: &mut String, a: &str, b: &str) {
    let x: Vec<&str> = a.lines().collect();
    let y: Vec<&str> = b.lines().collect();
    let (n, m) = (x.len(), y.len());
    let w = m.saturating_add(1);
    let mut t = vec![0usize; n.saturating_add(1).saturating_mul(w)];
    let at = |i: usize, j: usize| i.saturating_mul(w).saturating_add(j);
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let v = if x.get(i) == y.get(j) {
                t.get(at(i.saturating_add(1), j.saturating_add(1)))
                    .copied()
                    .unwrap_or(0)
                    .saturating_add(1)
            } else {
                let down = t.get(at(i.saturating_add(1), j)).copied().unwrap_or(0);
                let right = t.get(at(i, j.saturating_add(1))).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(c) = t.get_mut(at(i, j)) {
                *c = v;
            }
        }
    }
    let (mut i, mut j) = (0usize, 0usize);
    while i < n || j < m {
        let (xi, yj) = (x.get(i), y.get(j));
        if xi.is_some() && xi == yj {
            let _ = writeln!(s, "    {}", cut(xi.copied().unwrap_or("")));
            i = i.saturating_add(1);
            j = j.saturating_add(1);
        } else if j < m
            && (i >= n
                || t.get(at(i, j.saturating_add(1))).copied().unwrap_or(0)
                    >= t.get(at(i.saturating_add(1), j)).copied().unwrap_or(0))
        {
            let _ = writeln!(s, "  + {}", cut(yj.copied().unwrap_or("")));
            j = j.saturating_add(1);
        } else {
            let _ = writeln!(s, "  - {}", cut(xi.copied().unwrap_or("")));
            i = i.saturating_add(1);
        }
    }
}

/// A report line shortened to a readable width (compared in full, shown cut).
fn cut(l: &str) -> String {
    const MAX: usize = 200;
    match l.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}... ({} chars)", l.get(..i).unwrap_or(l), l.len()),
        None => l.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(way: Way, proto: u16, data: Vec<u8>) -> Record {
        Record {
            frame: 1,
            side: Some(Side::Linux),
            way: Some(way),
            proto,
            port: 77,
            group: 0,
            time: std::time::Duration::from_secs(1),
            data,
        }
    }

    /// An `NLMSG_NOOP`-sized request header: type 16, REQUEST, seq 1.
    fn req(ty: u16) -> Vec<u8> {
        let mut v = 16u32.to_ne_bytes().to_vec();
        v.extend_from_slice(&ty.to_ne_bytes());
        v.extend_from_slice(&1u16.to_ne_bytes());
        v.extend_from_slice(&1u32.to_ne_bytes());
        v.extend_from_slice(&0u32.to_ne_bytes());
        v
    }

    #[test]
    fn a_protocol_the_model_lacks_is_a_difference_not_an_abort() {
        let backend = crate::backend::freebsd::new(None, false, 0, None).unwrap();
        let mut r = Replayer::new(backend, BTreeMap::new(), 20);
        // NETLINK_XFRM (6), XFRM_MSG_GETSA (18).
        r.record(&rec(Way::ToKernel, 6, req(18))).unwrap();
        r.record(&rec(Way::FromKernel, 6, req(18))).unwrap();
        r.finish();
        assert_eq!(r.requests_differing, 1);
        assert!(
            r.out.contains("refuses a socket of protocol 6"),
            "{}",
            r.out
        );
    }

    #[test]
    fn missing_replies_are_reported() {
        let backend = crate::backend::freebsd::new(None, false, 0, None).unwrap();
        let mut r = Replayer::new(backend, BTreeMap::new(), 20);
        // RTM_GETLINK without NLM_F_DUMP and without a name or index: the model answers
        // (an error or a link), the "capture" has nothing.
        let mut g = req(18);
        g.extend_from_slice(&[0u8; 16]);
        g[0] = 32;
        r.record(&rec(Way::ToKernel, 0, g)).unwrap();
        r.finish();
        assert_eq!(r.requests_differing, 1, "{}", r.out);
        assert!(r.out.contains("  + # linux "), "{}", r.out);
    }
}
