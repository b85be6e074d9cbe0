// SPDX-License-Identifier: BSD-2-Clause
//! `nlcompat-linux-abi-gen OUT`: writes the generated Linux ABI module to OUT.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(out), None) = (args.next(), args.next()) else {
        eprintln!("usage: nlcompat-linux-abi-gen <linux-abi/src/generated.rs>");
        return ExitCode::from(2);
    };
    match nlcompat_linux_abi_gen::write_to(std::path::Path::new(&out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nlcompat-linux-abi-gen: {e}");
            ExitCode::FAILURE
        }
    }
}
