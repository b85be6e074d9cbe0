// SPDX-License-Identifier: BSD-2-Clause
//! PLACEHOLDER — the FreeBSD-model backend (`--backend freebsd`, the default).
//!
//! The real backend (Linux request → translator → `freebsd-sim` → translator → Linux replies)
//! is built by the lead and replaces this file. Until then selecting it is an error; nothing
//! here imitates its output.

use super::Backend;

/// Always fails: the FreeBSD-model backend is not built yet.
pub(crate) fn new() -> Result<Box<dyn Backend>, String> {
    Err("freebsd backend not built yet (use --backend linux)".to_owned())
}
