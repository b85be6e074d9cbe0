// SPDX-License-Identifier: BSD-2-Clause
//! `nlcompat xlate`: translate netlink messages between the ABIs: a raw stream of messages,
//! or the packets of a pcap/pcapng capture (`LINKTYPE_NETLINK`), written as raw bytes or as
//! pcapng. Input that is not well-framed netlink fails with its offset (raw) or frame
//! (capture) and the reason; nothing is dropped silently.

use std::io::Write;
use std::path::PathBuf;

use freebsd_sim::{Kernel, Topology};
use nlcompat::wire::Messages;
use nlcompat::{Ctx, Freebsd, Linux, Proto};

use crate::decode::describe;
use crate::host::SimHost;
use crate::pcap::{ClassicPcap, Format, Pcap, Reader, Record, Side};

/// Which ABI the input is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum From {
    /// Linux bytes in, FreeBSD bytes out.
    Linux,
    /// FreeBSD bytes in, Linux bytes out.
    Freebsd,
}

/// The socket protocol the messages belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ProtoArg {
    /// NETLINK_ROUTE.
    Route,
    /// NETLINK_GENERIC.
    Generic,
}

/// Output format of `xlate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum OutFormat {
    /// Bare netlink messages.
    Raw,
    /// pcapng with `linux`/`freebsd` interfaces (as `nlcompat run --pcap` writes).
    Pcapng,
    /// Classic pcap (`LINKTYPE_NETLINK`; no interfaces, so the ABI is not recorded).
    Pcap,
}

/// Arguments of `nlcompat xlate`.
#[derive(Debug, clap::Args)]
pub(crate) struct XlateArgs {
    /// ABI of the input. In a two-sided capture only that side is read.
    #[arg(long, value_enum)]
    from: From,
    /// Netlink protocol of a raw stream (captures name it per packet).
    #[arg(long, value_enum, default_value = "route")]
    proto: ProtoArg,
    /// Host whose interfaces name the indexes (default: the built-in FreeBSD model host).
    #[arg(long)]
    topology: Option<PathBuf>,
    /// Keep FreeBSD interface names (`compat.linux.use_real_ifnames=1`).
    #[arg(long)]
    real_ifnames: bool,
    /// Output format; default: raw for a raw input, pcapng for a pcap or pcapng input.
    /// Raw input has no times: its packets are stamped with the time of the translation.
    #[arg(long, value_enum)]
    format: Option<OutFormat>,
    /// Input file: raw netlink messages, pcap or pcapng (default: standard input).
    input: Option<PathBuf>,
    /// Output file (default: standard output).
    output: Option<PathBuf>,
}

/// Runs `xlate`.
pub(crate) fn run(a: &XlateArgs) -> Result<(), String> {
    let kernel = match &a.topology {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let topo =
                Topology::from_toml_str(&text).map_err(|e| format!("{}: {e}", p.display()))?;
            Kernel::new(&topo).map_err(|e| format!("{}: {e}", p.display()))?
        }
        None => Kernel::default_host(),
    };
    let host = SimHost::new(kernel.interfaces(), a.real_ifnames);
    let proto_num: u16 = match a.proto {
        ProtoArg::Route => 0,
        ProtoArg::Generic => 16,
    };
    let in_path = a.input.clone().unwrap_or_else(|| PathBuf::from("-"));
    let in_name = match &a.input {
        Some(p) => p.display().to_string(),
        None => "standard input".to_owned(),
    };
    let mut reader = Reader::open(&in_path, proto_num)?;
    let format = a.format.unwrap_or(match reader.format() {
        Format::Raw => OutFormat::Raw,
        Format::Pcap | Format::PcapNg => OutFormat::Pcapng,
    });
    let sink: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(
            std::fs::File::create(p).map_err(|e| format!("cannot write {}: {e}", p.display()))?,
        ),
        None => Box::new(std::io::stdout()),
    };
    let mut out = match format {
        OutFormat::Raw => Out::Raw(std::io::BufWriter::new(sink)),
        OutFormat::Pcapng => Out::Pcap(Box::new(Pcap::to_writer(sink)?)),
        OutFormat::Pcap => Out::Classic(ClassicPcap::to_writer(sink)?),
    };
    let (from_side, to_side) = match a.from {
        From::Linux => (Side::Linux, Side::Freebsd),
        From::Freebsd => (Side::Freebsd, Side::Linux),
    };
    let raw = reader.format() == Format::Raw;
    while let Some(rec) = reader
        .next_record()
        .map_err(|e| format!("{in_name}: {e}"))?
    {
        if rec.side.is_some_and(|s| s != from_side) {
            continue;
        }
        // A raw stream's record is one message at a byte offset; a capture's is a frame.
        let at = if raw {
            format!("offset {}", rec.frame)
        } else {
            format!("frame {}", rec.frame)
        };
        if !raw {
            check_framing(&rec.data).map_err(|e| format!("{in_name}: {at}: {e}"))?;
        }
        let proto = Proto::from_number(u32::from(rec.proto));
        let rec = Record {
            time: if rec.time.is_zero() {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default()
            } else {
                rec.time
            },
            ..rec
        };
        let bytes = translate(&host, proto, a.from, &rec.data)
            .map_err(|e| format!("{in_name}: {at}: translation failed: {e}"))?;
        match &mut out {
            Out::Raw(w) => w
                .write_all(&bytes)
                .map_err(|e| format!("cannot write the output: {e}"))?,
            Out::Pcap(p) => {
                let r = Record {
                    side: Some(to_side),
                    data: bytes,
                    ..rec
                };
                p.write(&r)
                    .map_err(|e| format!("cannot write the output: {e}"))?;
            }
            Out::Classic(p) => {
                let r = Record { data: bytes, ..rec };
                p.write(&r)
                    .map_err(|e| format!("cannot write the output: {e}"))?;
            }
        }
    }
    match &mut out {
        Out::Raw(w) => w.flush(),
        Out::Pcap(p) => p.flush().map_err(std::io::Error::other),
        Out::Classic(p) => p.finish().map_err(std::io::Error::other),
    }
    .map_err(|e| format!("cannot write the output: {e}"))
}

enum Out {
    Raw(std::io::BufWriter<Box<dyn Write>>),
    Pcap(Box<Pcap>),
    Classic(ClassicPcap),
}

/// Every message of a captured datagram must be framed correctly (the translator itself
/// stops silently at bad framing, as Linux's `netlink_rcv_skb` does).
/// Zero bytes after the last message are accepted: iproute2 sends its whole request buffer
/// and both kernels stop at the zero `nlmsg_len`.
fn check_framing(data: &[u8]) -> Result<(), String> {
    let mut walk = Messages::new(data);
    loop {
        let at = walk.offset();
        match walk.next() {
            None => return Ok(()),
            Some(Ok(_)) => {}
            Some(Err(e)) => {
                let rest = data.get(at..).unwrap_or_default();
                if at > 0 && rest.iter().all(|&b| b == 0) {
                    return Ok(());
                }
                return Err(describe(e));
            }
        }
    }
}

/// Translates one datagram (or one message of a raw stream).
fn translate(host: &SimHost, proto: Proto, from: From, input: &[u8]) -> Result<Vec<u8>, String> {
    let ctx = Ctx::new(host, proto);
    let mut out = vec![0u8; input.len().saturating_mul(2).saturating_add(1024)];
    let run = |out: &mut [u8]| -> Result<usize, nlcompat::Error> {
        match from {
            From::Linux => {
                nlcompat::to_freebsd(&ctx, Linux::new(input), out).map(|b| b.bytes().len())
            }
            From::Freebsd => {
                nlcompat::to_linux(&ctx, Freebsd::new(input), out).map(|b| b.bytes().len())
            }
        }
    };
    let n = match run(&mut out) {
        Err(nlcompat::Error::NoSpace { needed }) => {
            out = vec![0u8; usize::try_from(needed).unwrap_or(usize::MAX)];
            run(&mut out)
        }
        other => other,
    }
    .map_err(describe)?;
    out.truncate(n);
    Ok(out)
}
