// SPDX-License-Identifier: BSD-2-Clause
//! `nlcompat`: the command-line front end.
#![deny(unsafe_code)]

use clap::Parser;

/// Linux netlink on FreeBSD: run, translate and inspect netlink traffic.
#[derive(Parser, Debug)]
#[command(name = "nlcompat", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands; later work adds more.
#[derive(clap::Subcommand, Debug)]
enum Command {
    /// Print the versions of the ABIs this build translates between.
    Version,
}

fn main() {
    let cli = Cli::parse();
    match cli.command {
        Command::Version => println!("nlcompat {}", env!("CARGO_PKG_VERSION")),
    }
}
