#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Kernel gate for the C ABI (`make kernel`). Builds the object kmod/ ships, with the one build
# kmod/Makefile also runs (kmod/build-rust-object.sh), and proves on that object:
#   1. the target really is soft-float / no-red-zone / kernel code model;
#   2. the build: nlcompat_rust.o, exactly as `make -C kmod` produces it;
#   3. linking it with --gc-sections, rooted at the exported functions only, WITHOUT
#      defining `nlcompat_panic_hook` (the only way out of the panic handler) or any allocator
#      symbol, succeeds: any reachable panic path (a bounds check, `copy_from_slice`, an
#      `unwrap`, overflow checks) keeps the panic handler alive, which then needs the hook, and
#      the link fails; the script then prints why the panic is live (rust-lld --why-live);
#   4. the object contains no panic/alloc symbol at all (reachable or not), no SSE/x87
#      register, no access below %rsp (red zone), and every function that calls another sets up
#      a %rbp frame (frame pointers, as FreeBSD builds modules); its size is printed;
#   5. FreeBSD's amd64 module loader would accept it: kmod/check_kld_object.py applies the rules
#      of sys/kern/link_elf_obj.c and sys/amd64/amd64/elf_machdep.c (relocation types, loaded
#      section types, one symbol table, no TLS, no COMMON, only kernel-provided undefined
#      symbols, exactly the three entry points global); kmod/tests/test_kmod.py tests that
#      checker on clang-made objects (and the provider-generation check on test doubles), and
#      the former fat-LTO build must fail it with R_X86_64_GOTPCREL;
#   6. `cargo check --target x86_64-unknown-freebsd -p nlcompat -p nlcompat-ffi`.
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

[ "$target" = x86_64-unknown-none ] || fail "kmod/build-rust-object.sh builds for x86_64-unknown-none only"

# 2. The build kmod/ ships. rust-lld is the same linker as FreeBSD's ld.lld.
host=$(rustc -vV | sed -n 's/^host: //p')
lld=$(rustc --print sysroot)/lib/rustlib/$host/bin/rust-lld
if [ -x "$lld" ]; then
  link() { "$lld" -flavor gnu "$@"; }
  LD="$lld -flavor gnu"
elif command -v ld >/dev/null 2>&1; then
  link() { ld "$@"; }
  LD=ld
else
  fail "no linker (rust-lld or ld)"
fi
export LD
dir=${CARGO_TARGET_DIR:-target}
obj=$dir/$target/nlcompat_rust.o
lib=$(CARGO=$cargo sh kmod/build-rust-object.sh "$obj") || fail "kmod/build-rust-object.sh failed"
[ -f "$obj" ] || fail "$obj not built"
echo "kernel-check: built $obj (kmod/build-rust-object.sh, the build kmod/Makefile runs)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 3. Reachability proof by linking the shipped object.
roots="-static --gc-sections -e nlcompat_linux_to_freebsd -u nlcompat_freebsd_to_linux -u nlcompat_first_datagram"
# shellcheck disable=SC2086
if ! link $roots -o "$tmp/k.elf" "$obj" > "$tmp/link.log" 2>&1; then
  echo "kernel-check: FAIL: the exported functions reach symbols a kernel cannot provide:" >&2
  cat "$tmp/link.log" >&2
  if [ -x "$lld" ]; then
    echo "kernel-check: why the panic machinery is live (innermost first; same build, before objcopy):" >&2
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

# 4. What the shipped object contains (all of it, not only what the link kept).
readelf -sW --demangle "$obj" > "$tmp/syms"
pattern='core::panicking|panic_bounds_check|_index_len_fail|slice_index_order_fail|len_mismatch_fail|unwrap_failed|expect_failed|rust_begin_unwind|__rust_alloc|__rust_dealloc|__rust_realloc|__rg_alloc|alloc::alloc|handle_alloc_error|nlcompat_panic_hook'
if grep -E "$pattern" "$tmp/syms" > "$tmp/bad"; then
  echo "kernel-check: FAIL: panic or allocator symbols in the shipped object:" >&2
  cat "$tmp/bad" >&2
  exit 1
fi
objdump -d --no-show-raw-insn "$obj" > "$tmp/dis"
if grep -Eq '%[xyz]mm[0-9]|%st(\(|$|,)|%mm[0-9]' "$tmp/dis"; then
  grep -E '%[xyz]mm[0-9]|%st(\(|$|,)|%mm[0-9]' "$tmp/dis" | head -5 >&2
  fail "floating-point/SIMD registers used (not soft-float)"
fi
if grep -Eq -- '-0x[0-9a-f]+\(%rsp\)' "$tmp/dis"; then
  grep -E -- '-0x[0-9a-f]+\(%rsp\)' "$tmp/dis" | head -5 >&2
  fail "memory below %rsp is accessed (red zone)"
fi
# Frame pointers: a function that calls out must have pushed %rbp and set it to %rsp, so DDB,
# DTrace and stack(9) can walk through it. Leaf functions (memcpy, memset, small accessors)
# may skip the frame, as clang's -fno-omit-frame-pointer also lets them with shrink-wrapping.
noframe() { # disassembly on stdin -> functions that call out without setting up %rbp
  awk '
    /^[0-9a-f]+ <.*>:$/ { if (fn != "" && calls && !frame) print fn; fn = $2; calls = 0; frame = 0; next }
    /\tcall / { calls = 1 }
    /mov +%rsp,%rbp/ { frame = 1 }
    END { if (fn != "" && calls && !frame) print fn }'
}
noframe < "$tmp/dis" > "$tmp/noframe"
if [ -s "$tmp/noframe" ]; then
  head -5 "$tmp/noframe" >&2
  fail "$(wc -l < "$tmp/noframe") function(s) call out without a frame pointer"
fi
nfunc=$(grep -c '>:$' "$tmp/dis")
nframe=$(awk '/^[0-9a-f]+ <.*>:$/ { f = 1; next } f && /mov +%rsp,%rbp/ { n++; f = 0 } END { print n + 0 }' "$tmp/dis")
size "$obj" | awk 'NR == 2 {printf "kernel-check: shipped object: text %s, data %s, bss %s bytes\n", $1, $2, $3}'
nm -S -t d "$tmp/k.elf" | awk '$4 ~ /^nlcompat_(linux_to_freebsd|freebsd_to_linux)$/ {printf "kernel-check:   %s: %d bytes of its own\n", $4, $2}'
echo "kernel-check: frame pointers: $nframe of $nfunc functions set up %rbp; none that calls out omits it"
echo "kernel-check: OK: no panic path, no allocator, no FP/SIMD register, no red zone use"

# 5. FreeBSD's module loader rules, and the tests of that checker.
py=""
for p in ${PYTHON:-} python3 /usr/bin/python3; do
  if [ -n "$p" ] && "$p" -c 'import elftools' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || fail "no python3 with pyelftools (apt-get install python3-pyelftools)"
command -v clang >/dev/null 2>&1 || fail "clang is needed by kmod/tests/test_kmod.py"
"$py" kmod/tests/test_kmod.py || fail "kmod/tests/test_kmod.py"
"$py" kmod/check_kld_object.py "$obj" \
  --expect-global nlcompat_linux_to_freebsd --expect-global nlcompat_freebsd_to_linux \
  --expect-global nlcompat_first_datagram \
  || fail "$obj would not load (see the findings above)"
readelf -rW "$obj" | awk '/^ *[0-9a-f]+ +[0-9a-f]+ R_X86_64/ { n[$3]++ }
  END { printf "kernel-check: relocations:"; for (t in n) printf " %s %d", t, n[t]; printf "\n" }'

# 5b. Regression: the build kmod/ used before (fat LTO, no -C relro-level=off) emitted
# `call *memcpy@GOTPCREL(%rip)`, which kldload refuses; the checker must say so. Built in its
# own target directory so it does not disturb the shipped build.
old_dir=$dir/kernel-check-fat-lto
(RUSTFLAGS="-C relocation-model=static -C code-model=kernel" CARGO_PROFILE_RELEASE_LTO=fat \
  CARGO_TARGET_DIR=$old_dir $cargo rustc -q --release -p nlcompat-ffi --features kernel \
  --target "$target" --crate-type staticlib) || fail "the fat-LTO comparison build failed"
# shellcheck disable=SC2086
$LD -r -o "$tmp/old.tmp.o" -u nlcompat_linux_to_freebsd -u nlcompat_freebsd_to_linux \
  "$old_dir/$target/release/libnlcompat_ffi.a"
objcopy --strip-debug -R .llvmbc -R .llvmcmd --keep-global-symbol=nlcompat_linux_to_freebsd \
  --keep-global-symbol=nlcompat_freebsd_to_linux "$tmp/old.tmp.o" "$tmp/old.o"
if "$py" kmod/check_kld_object.py "$tmp/old.o" > "$tmp/old.log"; then
  fail "the fat-LTO build passes the loader check: it no longer emits GOTPCREL (new rustc?), so this regression test has lost its subject; revisit kmod/build-rust-object.sh"
fi
grep -q 'R_X86_64_GOTPCREL (type 9).*unexpected relocation type 9' "$tmp/old.log" \
  || { cat "$tmp/old.log" >&2; fail "the fat-LTO build fails the loader check for another reason"; }
echo "kernel-check: OK: the former fat-LTO build is refused: $(readelf -rW "$tmp/old.o" | grep -c 'R_X86_64_GOTPCREL ') R_X86_64_GOTPCREL relocations"
# The frame-pointer check bites on a build without -C force-frame-pointers=yes.
nold=$(objdump -d --no-show-raw-insn "$tmp/old.o" | noframe | wc -l)
[ "$nold" -gt 0 ] || fail "the frame-pointer check finds nothing in a build without frame pointers"
echo "kernel-check: OK: without force-frame-pointers, $nold functions call out without a frame (the check sees it)"

# 6. The FreeBSD userland target type-checks too (the kernel glue's ABI is the same).
rustup target list --installed 2>/dev/null | grep -q "^$freebsd_target\$" || rustup target add "$freebsd_target"
$cargo check --target "$freebsd_target" -p nlcompat -p nlcompat-ffi
echo "kernel-check: OK: cargo check --target $freebsd_target"
