// SPDX-License-Identifier: BSD-2-Clause
//! The runner's decoding of syscall arguments against the kernel's: `sysargs.c` passes
//! hostile addresses, lengths, `msghdr`s, `iovec`s and control messages to netlink sockets
//! (the cases of the `sysargs` fuzz target's findings, `docs/robustness.md`), and its output
//! under `nlcompat run --backend linux` must equal its output when run natively.

#[cfg(test)]
mod common;

use common::{gate, ident, need, same, Cleanup, Mode};

#[test]
fn c_syscall_arguments_decoded_like_linux() {
    if gate() && need("cc") {
        let exe = common::build_c(include_str!("sysargs.c"), "sysargs").unwrap();
        let _cleanup = Cleanup(exe.parent().unwrap().to_path_buf());
        let out = same(&[common::s(&exe)], Mode::EmptyNetns, "done", ident);
        // Not a trivial agreement: the runner saw the calls (the kernel of the empty
        // namespace it runs in would have answered the same, so check that the sends went
        // through to the backend, which acks them).
        assert!(
            out.stdout.contains("sendto addr len 0: 16 ok, 1 queued"),
            "{}",
            out.stdout
        );
        assert!(
            out.stdout.contains("connect AF_UNSPEC len 300: -1 EINVAL"),
            "{}",
            out.stdout
        );
    }
}
