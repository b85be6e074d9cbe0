#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Kernel gate for the C ABI (`make kernel`). Builds the translator and nlcompat-ffi for a
# kernel target (no std, soft-float, no red zone) and proves, at link level, that the two
# exported functions reach no panic and no allocator:
#   1. the target really is soft-float / no-red-zone / kernel code model;
#   2. a release LTO staticlib of nlcompat-ffi (`--features kernel`) exports both functions;
#   3. linking it with --gc-sections, rooted at the exported functions only, WITHOUT
#      defining `nlcompat_panic_hook` (the only way out of the panic handler) or any allocator
#      symbol, succeeds: any reachable panic path (a bounds check, `copy_from_slice`, an
#      `unwrap`, overflow checks) keeps the panic handler alive, which then needs the hook, and
#      the link fails; the script then prints why the panic is live (rust-lld --why-live);
#   4. the linked code contains no panic/alloc symbol, no SSE/x87 register and no access below
#      %rsp (red zone); its size is printed;
#   5. `cargo check --target x86_64-unknown-freebsd -p nlcompat -p nlcompat-ffi`.
set -eu
target=${1:-x86_64-unknown-none}
freebsd_target=x86_64-unknown-freebsd
cargo=${CARGO:-cargo}
fail() {
  echo "kernel-check: FAIL: $*" >&2
  exit 1
}

# 1. Target properties.
cfg=$(rustc --print cfg --target "$target")
if printf '%s\n' "$cfg" | grep -Eq 'target_feature="(sse|sse2|avx|x87)"'; then
  fail "$target enables floating-point/SIMD registers"
fi
spec=$(rustc +nightly -Z unstable-options --print target-spec-json --target "$target" 2>/dev/null || true)
if [ -n "$spec" ]; then
  printf '%s\n' "$spec" | grep -q '"disable-redzone": true' || fail "$target keeps the red zone"
  printf '%s\n' "$spec" | grep -q '+soft-float' || fail "$target is not soft-float"
  printf '%s\n' "$spec" | grep -q '"code-model": "kernel"' || fail "$target is not code-model kernel"
  echo "kernel-check: $target: soft-float, disable-redzone, code-model kernel (target spec)"
else
  echo "kernel-check: $target: no nightly rustc to print the target spec; relying on cfg and the disassembly checks below"
fi

# 2. Builds. `cargo rustc --crate-type staticlib` gives one LTO object (with the rlib crate
# type as well, rustc would skip LTO and ship core's panic machinery as a separate member).
$cargo build --release -p nlcompat --target "$target"
$cargo rustc --release -p nlcompat-ffi --features kernel --target "$target" --crate-type staticlib
dir=${CARGO_TARGET_DIR:-target}
lib=$dir/$target/release/libnlcompat_ffi.a
[ -f "$lib" ] || fail "$lib not built"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in nlcompat_linux_to_freebsd nlcompat_freebsd_to_linux nlcompat_first_datagram; do
  nm "$lib" 2>/dev/null | grep -q " T $f\$" || fail "$lib does not export $f"
done

# 3. Reachability proof by linking.
host=$(rustc -vV | sed -n 's/^host: //p')
lld=$(rustc --print sysroot)/lib/rustlib/$host/bin/rust-lld
if [ -x "$lld" ]; then
  link() { "$lld" -flavor gnu "$@"; }
elif command -v ld >/dev/null 2>&1; then
  link() { ld "$@"; }
else
  fail "no linker (rust-lld or ld) to prove reachability"
fi
roots="-static --gc-sections -e nlcompat_linux_to_freebsd -u nlcompat_freebsd_to_linux -u nlcompat_first_datagram"
# shellcheck disable=SC2086
if ! link $roots -o "$tmp/k.elf" "$lib" > "$tmp/link.log" 2>&1; then
  echo "kernel-check: FAIL: the exported functions reach symbols a kernel cannot provide:" >&2
  cat "$tmp/link.log" >&2
  if [ -x "$lld" ]; then
    echo "kernel-check: why the panic machinery is live (innermost first):" >&2
    # shellcheck disable=SC2086
    "$lld" -flavor gnu $roots --defsym nlcompat_panic_hook=0 \
      --why-live='*panicking*' --why-live='*_fail' --why-live='*unwrap_failed*' \
      --why-live='*__rust_alloc*' -o "$tmp/why.elf" "$lib" 2>&1 \
      | sed -n 's/.*):(\([^)]*\)).*/  \1/p' | grep -v '^  \.text' | awk '!seen[$0]++' >&2 || true
    echo "kernel-check: every function that calls into the panic machinery:" >&2
    objdump -d -C --no-show-raw-insn "$tmp/why.elf" 2>/dev/null | awk '
      /^[0-9a-f]+ </ { fn = $0; sub(/^[0-9a-f]+ </, "", fn); sub(/>:$/, "", fn) }
      /(call|jmp)[^<]*<(core::panicking::|core::slice::.*_fail|core::.*unwrap_failed|core::.*expect_failed|core::result::unwrap_failed)/ {
        if (fn !~ /^core::/) print "  " fn
      }' | sort -u >&2 || true
  fi
  exit 1
fi

# 4. What was linked.
nm -C "$tmp/k.elf" > "$tmp/syms"
pattern='core::panicking|panic_bounds_check|_index_len_fail|slice_index_order_fail|len_mismatch_fail|unwrap_failed|expect_failed|rust_begin_unwind|__rust_alloc|__rust_dealloc|__rust_realloc|__rg_alloc|alloc::alloc|handle_alloc_error|nlcompat_panic_hook'
if grep -E "$pattern" "$tmp/syms" > "$tmp/bad"; then
  echo "kernel-check: FAIL: panic or allocator symbols in the linked code:" >&2
  cat "$tmp/bad" >&2
  exit 1
fi
objdump -d --no-show-raw-insn "$tmp/k.elf" > "$tmp/dis"
if grep -Eq '%[xyz]mm[0-9]|%st(\(|$|,)|%mm[0-9]' "$tmp/dis"; then
  grep -E '%[xyz]mm[0-9]|%st(\(|$|,)|%mm[0-9]' "$tmp/dis" | head -5 >&2
  fail "floating-point/SIMD registers used (not soft-float)"
fi
if grep -Eq -- '-0x[0-9a-f]+\(%rsp\)' "$tmp/dis"; then
  grep -E -- '-0x[0-9a-f]+\(%rsp\)' "$tmp/dis" | head -5 >&2
  fail "memory below %rsp is accessed (red zone)"
fi
size "$tmp/k.elf" | awk 'NR == 2 {printf "kernel-check: code reachable from the exported functions: text %s, data %s, bss %s bytes\n", $1, $2, $3}'
nm -S -t d "$tmp/k.elf" | awk '$4 ~ /^nlcompat_(linux_to_freebsd|freebsd_to_linux|first_datagram)$/ {printf "kernel-check:   %s: %d bytes of its own\n", $4, $2}'
echo "kernel-check: OK: no panic path, no allocator, no FP/SIMD register, no red zone use"

# 5. The FreeBSD userland target type-checks too (the kernel glue's ABI is the same).
rustup target list --installed 2>/dev/null | grep -q "^$freebsd_target\$" || rustup target add "$freebsd_target"
$cargo check --target "$freebsd_target" -p nlcompat -p nlcompat-ffi
echo "kernel-check: OK: cargo check --target $freebsd_target"
