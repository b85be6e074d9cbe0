#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# The one build of the Rust half of nlcompat.ko. Both `make -C kmod` (kmod/Makefile) and
# `make kernel` (tests/scripts/kernel-check.sh) run this script, so the object the gate checks
# is the object the module links. See docs/kernel.md, "Build".
#
#   kmod/build-rust-object.sh OUT.o
#
# Environment: CARGO (cargo), LD (ld; FreeBSD's bsd.kmod.mk passes its ld.lld), OBJCOPY
# (objcopy), CARGO_TARGET_DIR (<repo>/target). Prints the path of the staticlib it linked.
#
# Steps:
#  1. `cargo rustc --crate-type staticlib` of nlcompat-ffi (feature `kernel`) for
#     x86_64-unknown-none (soft-float, no red zone, panic=abort; kernel-check.sh verifies) with
#       -C relocation-model=static   direct references, no GOT: the module loader has no GOT
#       -C code-model=kernel         addresses in the top 2 GiB, what R_X86_64_32S needs
#       -C force-frame-pointers=yes  as sys/conf/kmod.mk builds amd64 modules
#                                    (-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer),
#                                    for DDB/DTrace/stack traces
#       -C relro-level=off           makes rustc's needs_plt() true, so our modules do not carry
#                                    the LLVM "RtLibUseGOT" flag that turns every memcpy/memset
#                                    libcall into `call *memcpy@GOTPCREL(%rip)`
#     and thin LTO (CARGO_PROFILE_RELEASE_LTO=thin). Fat LTO merges all modules into one, and
#     the precompiled core's module carries "RtLibUseGOT", so the merged module emits
#     R_X86_64_GOTPCREL (type 9) for the libcalls, which the amd64 loader refuses. Thin LTO
#     generates code per module with that module's own flags.
#  2. `ld -r` of the archive members the entry points need, into one relocatable object.
#  3. objcopy: every symbol but the entry points becomes local (the Rust copies of memcpy &
#     co. cannot clash with the kernel's), and .llvmbc/.llvmcmd/debug sections, which the
#     loader never reads, are dropped.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 OUT.o" >&2; exit 2; }
out=$1
top=$(cd "$(dirname "$0")/.." && pwd)
target=x86_64-unknown-none
cargo=${CARGO:-cargo}
ld=${LD:-ld}
objcopy=${OBJCOPY:-objcopy}
entries="nlcompat_linux_to_freebsd nlcompat_freebsd_to_linux nlcompat_first_datagram"

RUSTFLAGS="-C relocation-model=static -C code-model=kernel -C force-frame-pointers=yes -C relro-level=off"
CARGO_PROFILE_RELEASE_LTO=thin
export RUSTFLAGS CARGO_PROFILE_RELEASE_LTO
unset CARGO_ENCODED_RUSTFLAGS

(cd "$top" && $cargo rustc --release -p nlcompat-ffi --features kernel --target "$target" \
  --crate-type staticlib) >&2
dir=${CARGO_TARGET_DIR:-target}
case $dir in /*) ;; *) dir=$top/$dir ;; esac
lib=$dir/$target/release/libnlcompat_ffi.a
[ -f "$lib" ] || { echo "$0: $lib not built" >&2; exit 1; }

undef=""
keep=""
for e in $entries; do
  undef="$undef -u $e"
  keep="$keep --keep-global-symbol=$e"
done
# shellcheck disable=SC2086
$ld -r -o "$out.tmp" $undef "$lib"
# shellcheck disable=SC2086
$objcopy --strip-debug --remove-section=.llvmbc --remove-section=.llvmcmd $keep \
  "$out.tmp" "$out"
rm -f "$out.tmp"
echo "$lib"
