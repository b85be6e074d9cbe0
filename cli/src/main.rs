// SPDX-License-Identifier: BSD-2-Clause
//! `nlcompat`: the command-line front end.
#![deny(unsafe_code)]

mod backend;
mod decode;
mod host;
mod ioctl;
mod msglog;
mod netfs;
mod normalize;
mod notif;
mod pcap;
mod replay;
mod sock;
#[expect(
    unsafe_code,
    reason = "seccomp user notification, process_vm_*, kcmp and pidfd need raw syscalls; \
              all unsafe code of the crate lives in this one module"
)]
mod sys;
mod sysargs;
mod xlate;

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Linux netlink on FreeBSD: run, translate and inspect netlink traffic.
#[derive(Parser, Debug)]
#[command(name = "nlcompat", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Which kernel side serves the program's netlink sockets.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum BackendKind {
    /// The FreeBSD model (`freebsd-sim` + translator): the system under test.
    Freebsd,
    /// The real Linux kernel in a fresh network namespace: the oracle.
    Linux,
}

/// The subcommands; later work adds more.
#[derive(clap::Subcommand, Debug)]
enum Command {
    /// Print the versions of the ABIs this build translates between.
    Version,
    /// Run an unmodified Linux program with its AF_NETLINK sockets served by a backend.
    Run {
        /// Backend serving the netlink sockets.
        #[arg(long, value_enum, default_value = "freebsd")]
        backend: BackendKind,
        /// FreeBSD backend: the host's topology file (TOML, see docs/topology.md); default:
        /// the built-in small FreeBSD server.
        #[arg(long, value_name = "FILE")]
        topology: Option<PathBuf>,
        /// Write every netlink message to FILE (pcapng, LINKTYPE_NETLINK): interface `linux`
        /// holds the program's side, interface `freebsd` the FreeBSD model's side.
        #[arg(long, value_name = "FILE")]
        pcap: Option<PathBuf>,
        /// FreeBSD backend: keep FreeBSD interface names (`compat.linux.use_real_ifnames=1`)
        /// instead of `lo`/`ethN`.
        #[arg(long)]
        real_ifnames: bool,
        /// Linux backend: file of setup commands run in the new network namespace (one
        /// command per line, e.g. `ip addr add 192.0.2.10/24 dev eth0`); default: a built-in
        /// small host.
        #[arg(long, value_name = "FILE")]
        netns_setup: Option<PathBuf>,
        /// Answer interface ioctls (SIOCGIF*) from the backend even where they could run
        /// natively (the Linux backend); for testing the emulation against the oracle.
        #[arg(long)]
        emulate_ioctls: bool,
        /// Log every emulated call on stderr.
        #[arg(short, long)]
        verbose: bool,
        /// The program and its arguments.
        #[arg(required = true, last = true, value_name = "PROGRAM")]
        argv: Vec<String>,
    },
    /// Translate netlink messages (raw stream, pcap or pcapng) between the Linux and FreeBSD
    /// ABIs.
    Xlate(xlate::XlateArgs),
    /// Print every netlink message of captures or raw streams as text or JSON.
    Decode(decode::DecodeArgs),
    /// Replay the Linux-side requests of a capture against the FreeBSD model and compare the
    /// answers with the captured ones (exit 1 on a difference).
    Replay(replay::ReplayArgs),
}

/// Exit status for runner failures (before or around the program).
const RUNNER_FAILURE: u8 = 125;

/// Options of `nlcompat run`.
struct RunOpts {
    backend: BackendKind,
    topology: Option<PathBuf>,
    real_ifnames: bool,
    pcap: Option<PathBuf>,
    netns_setup: Option<PathBuf>,
    emulate_ioctls: bool,
    verbose: bool,
}

fn run(o: RunOpts, argv: &[String]) -> Result<i32, String> {
    let capture = match &o.pcap {
        Some(p) => Some(pcap::Pcap::create(p)?),
        None => None,
    };
    let backend: Box<dyn backend::Backend> = match o.backend {
        BackendKind::Freebsd if o.netns_setup.is_some() => {
            return Err("--netns-setup applies to --backend linux; \
                        describe the FreeBSD host with --topology FILE"
                .to_owned());
        }
        BackendKind::Freebsd => {
            // The topology is read and parsed once, by the backend (which also refuses one
            // without interfaces: `check_topology`).
            backend::freebsd::new(
                o.topology.as_deref(),
                o.real_ifnames,
                sys::euid(),
                capture.clone(),
            )?
        }
        BackendKind::Linux => {
            // The Linux namespace is seeded from setup commands, not from a FreeBSD topology:
            // say so rather than ignore the options.
            if o.topology.is_some() || o.real_ifnames {
                return Err("--topology and --real-ifnames apply to --backend freebsd; \
                            seed the Linux backend with --netns-setup FILE"
                    .to_owned());
            }
            let cmds = match o.netns_setup {
                Some(p) => backend::linux::parse_setup(
                    &std::fs::read_to_string(&p)
                        .map_err(|e| format!("cannot read {}: {e}", p.display()))?,
                ),
                None => backend::linux::default_setup(),
            };
            Box::new(backend::linux::LinuxBackend::new(&cmds)?)
        }
    };
    let backend: Box<dyn backend::Backend> = match capture {
        Some(c) => Box::new(backend::record::Recording::new(backend, c)),
        None => backend,
    };
    let sigs = [
        libc::SIGCHLD,
        libc::SIGINT,
        libc::SIGTERM,
        libc::SIGHUP,
        libc::SIGQUIT,
    ];
    let (set, old) = sys::block_signals(&sigs).map_err(|e| format!("sigprocmask: {e}"))?;
    let sigfd = sys::signalfd(&set).map_err(|e| format!("signalfd: {e}"))?;
    sys::set_subreaper().map_err(|e| format!("cannot become a subreaper: {e}"))?;
    // The FreeBSD backend also watches opens (network devices, /proc/net, /sys/class/net).
    let watch_opens = !backend.native_ioctls();
    // Emulated sockets live at or above `fd_base`; only calls on such descriptors are
    // notified (all ioctls when they are answered from the backend).
    let fd_base = sys::fd_base();
    let all_ioctls = watch_opens || o.emulate_ioctls;
    let sp = sys::spawn_traced(argv, &old, watch_opens, all_ioctls, fd_base)
        .map_err(|e| format!("cannot start the program: {e}"))?;
    let opts = notif::Options {
        fd_base,
        verbose: o.verbose,
        emulate_ioctls: o.emulate_ioctls,
        program: argv.first().cloned().unwrap_or_default(),
    };
    let res = notif::serve(sp, backend, &sigfd, &opts);
    if res.is_err() {
        sys::kill_children();
    }
    res
}

/// Refuses a topology without interfaces: a FreeBSD host always has at least `lo0`
/// (`sys/net/if_loop.c` attaches it at boot), and a program shown no interface at all would
/// fail in ways that hide the mistake in the file.
pub(crate) fn check_topology(
    p: &std::path::Path,
    topo: &freebsd_sim::Topology,
) -> Result<(), String> {
    if topo.interfaces.is_empty() {
        return Err(format!(
            "{}: the topology has no interface (add at least `[[interface]]` lo0 of type \
             \"loopback\"; see docs/topology.md)",
            p.display()
        ));
    }
    Ok(())
}

/// Prints the runner's one-line error; a closed stderr is not a reason to abort.
fn report(e: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "nlcompat: {e}");
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Version => {
            println!("nlcompat {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Xlate(a) => match xlate::run(&a) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                report(&e);
                ExitCode::from(RUNNER_FAILURE)
            }
        },
        Command::Decode(a) => match decode::run(&a) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                report(&e);
                ExitCode::from(RUNNER_FAILURE)
            }
        },
        Command::Replay(a) => match replay::run(&a) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(replay::DIFFERENT),
            Err(e) => {
                report(&e);
                ExitCode::from(RUNNER_FAILURE)
            }
        },
        Command::Run {
            backend,
            topology,
            real_ifnames,
            pcap,
            netns_setup,
            emulate_ioctls,
            verbose,
            argv,
        } => match run(
            RunOpts {
                backend,
                topology,
                real_ifnames,
                pcap,
                netns_setup,
                emulate_ioctls,
                verbose,
            },
            &argv,
        ) {
            Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(RUNNER_FAILURE)),
            Err(e) => {
                report(&e);
                ExitCode::from(RUNNER_FAILURE)
            }
        },
    }
}
