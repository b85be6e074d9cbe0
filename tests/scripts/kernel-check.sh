#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Build the translator and its C ABI for a kernel target (no std, soft-float, no red zone) and
# prove that the release object references no panic and no allocator symbol.
set -eu
target=${1:-x86_64-unknown-none}
cargo build --release -p nlcompat --target "$target"
cargo build --release -p nlcompat-ffi --features kernel --target "$target"
lib=target/$target/release/libnlcompat_ffi.a
[ -f "$lib" ] || { echo "kernel-check: $lib not built" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Our code is one LTO object; compiler_builtins members are the toolchain's own and excluded.
nm -A -C "$lib" 2>/dev/null | grep -v 'compiler_builtins' > "$tmp/syms" || true
pattern='core::panicking|panic_bounds_check|slice_(start|end)_index_len_fail|slice_index_order_fail|unwrap_failed|expect_failed|__rust_alloc|__rust_dealloc|__rust_realloc|__rg_alloc|alloc::alloc|handle_alloc_error|core::option::unwrap|core::result::unwrap'
size=$(size -t "$lib" 2>/dev/null | awk 'END {print $4}')
echo "kernel-check: $lib ($target), text+data+bss of all members: ${size:-?} bytes"
if grep -E "$pattern" "$tmp/syms" > "$tmp/bad"; then
  echo "kernel-check: FAIL: panic or allocator references found:" >&2
  cat "$tmp/bad" >&2
  exit 1
fi
exported=$(grep -c ' T nlcompat_' "$tmp/syms" || true)
echo "kernel-check: OK: 0 panic/alloc references; $exported exported nlcompat_* functions"
