// SPDX-License-Identifier: BSD-2-Clause
//! The runner's decoding of syscall arguments (`cli/src/sysargs.rs`: `sockaddr_nl` of any
//! length, `msghdr`, `iovec` arrays, control messages, socket option values and lengths,
//! `MSG_*` flags) over a hostile memory, under the invariants of `sysargs_check.rs`: accesses
//! stay inside what the arguments describe, a failed access is `EFAULT` and only that, every
//! other rejection is the errno Linux gives for its reason, sums never overflow, decoding is
//! deterministic.
#![no_main]

#[allow(dead_code, unreachable_pub)]
#[path = "../../cli/src/sysargs.rs"]
mod sysargs;
mod sysargs_check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sysargs_check::check(data));
