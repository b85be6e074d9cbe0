// SPDX-License-Identifier: BSD-2-Clause
//! `nlcompat xlate`: translate a raw stream of netlink messages between the ABIs.

use std::io::{Read, Write};
use std::path::PathBuf;

use freebsd_sim::{Kernel, Topology};
use nlcompat::{Ctx, Freebsd, Linux, Proto};

use crate::host::SimHost;

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

/// Arguments of `nlcompat xlate`.
#[derive(Debug, clap::Args)]
pub(crate) struct XlateArgs {
    /// ABI of the input.
    #[arg(long, value_enum)]
    from: From,
    /// Netlink protocol of the stream.
    #[arg(long, value_enum, default_value = "route")]
    proto: ProtoArg,
    /// Host whose interfaces name the indexes (default: the built-in FreeBSD model host).
    #[arg(long)]
    topology: Option<PathBuf>,
    /// Keep FreeBSD interface names (`compat.linux.use_real_ifnames=1`).
    #[arg(long)]
    real_ifnames: bool,
    /// Input file (default: standard input).
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
    let mut input = Vec::new();
    match &a.input {
        Some(p) => {
            input = std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?
        }
        None => {
            std::io::stdin()
                .read_to_end(&mut input)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
        }
    }
    let proto = match a.proto {
        ProtoArg::Route => Proto::Route,
        ProtoArg::Generic => Proto::Generic,
    };
    let ctx = Ctx::new(&host, proto);
    let mut out = vec![0u8; input.len().saturating_mul(2).saturating_add(1024)];
    let translate = |out: &mut [u8]| -> Result<usize, nlcompat::Error> {
        match a.from {
            From::Linux => {
                nlcompat::to_freebsd(&ctx, Linux::new(&input), out).map(|b| b.bytes().len())
            }
            From::Freebsd => {
                nlcompat::to_linux(&ctx, Freebsd::new(&input), out).map(|b| b.bytes().len())
            }
        }
    };
    let n = match translate(&mut out) {
        Err(nlcompat::Error::NoSpace { needed }) => {
            out = vec![0u8; usize::try_from(needed).unwrap_or(usize::MAX)];
            translate(&mut out)
        }
        other => other,
    }
    .map_err(|e| format!("translation failed: {e:?}"))?;
    let bytes = out.get(..n).unwrap_or_default();
    match &a.output {
        Some(p) => {
            std::fs::write(p, bytes).map_err(|e| format!("cannot write {}: {e}", p.display()))
        }
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| format!("cannot write standard output: {e}")),
    }
}
