// SPDX-License-Identifier: BSD-2-Clause
//! Compile-time cross-check of the hand-written values against the `libc` crate's FreeBSD
//! target. Built only with `--features libc-check` for a FreeBSD target; any mismatch is a
//! compile error naming the constant.
