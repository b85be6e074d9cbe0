# SPDX-License-Identifier: BSD-2-Clause
# The one entry point for humans and CI. `make help` lists the targets.
CARGO ?= cargo
KERNEL_TARGET := x86_64-unknown-none
FREEBSD_TARGET := x86_64-unknown-freebsd

.PHONY: all build test lint fmt abi docs demo bench kernel header miri freebsd-check fuzz-smoke help compat

all: build

help:
	@echo "make            build the workspace"
	@echo "make demo       run Linux 'ip -br addr' against the built-in FreeBSD host model"
	@echo "make test       everything CI runs (unit, integration, drift, cross-checks)"
	@echo "make lint       cargo fmt --check + clippy -D warnings"
	@echo "make abi        regenerate linux-abi from this machine's uapi headers"
	@echo "make kernel     build kmod's Rust object for $(KERNEL_TARGET) + panic/alloc, FP, frame and module-loader checks"
	@echo "make docs       regenerate docs/translation.md from the tables"
	@echo "make header     regenerate ffi/include/nlcompat.h (cbindgen) and check drift"
	@echo "make miri       the C ABI glue under miri"
	@echo "make bench      translation benchmarks"
	@echo "make compat     differential suite: Linux clients on Linux vs the FreeBSD model (SCENARIO=... runs one)"

build:
	$(CARGO) build --workspace

# The main job: an unmodified Linux program on the FreeBSD model, through the translator.
DEMO ?= ip -br addr
demo:
	@command -v ip >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq iproute2)
	$(CARGO) build -q -p nlcompat-cli
	./target/debug/nlcompat run -- $(DEMO)

# The differential compatibility suite (tests/compat/README.md): every scenario on the real
# Linux kernel (the oracle) and on the FreeBSD model, compared; needs root. A full run also
# regenerates its section of docs/compatibility.md; SCENARIO=name (or a glob) runs only that.
SCENARIO ?=
compat:
	$(CARGO) build -q -p nlcompat-cli
	/usr/bin/python3 tests/compat/compat.py $(if $(SCENARIO),--scenario '$(SCENARIO)',--docs)

test: freebsd-check
	$(CARGO) test --workspace
	sh tests/scripts/extending-recipe.sh

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

fmt:
	$(CARGO) fmt --all

# Cross-check hand-written FreeBSD values against the libc crate's FreeBSD target.
freebsd-check:
	rustup target list --installed | grep -q $(FREEBSD_TARGET) || rustup target add $(FREEBSD_TARGET)
	$(CARGO) check -p nlcompat-freebsd-abi --target $(FREEBSD_TARGET) --features libc-check

# Translator speed, written to docs/performance.md (benches/perf.rs; sizes scale with
# NLCOMPAT_BENCH_SCALE, runs NLCOMPAT_BENCH_RUNS). Criterion micro-benchmarks of the golden
# vectors: cargo bench -p nlcompat --bench translate.
bench:
	$(CARGO) bench -p nlcompat --bench perf

# Regenerate linux-abi/src/generated.rs with bindgen (needs libclang).
abi:
	$(CARGO) run -p nlcompat-linux-abi-gen -- linux-abi/src/generated.rs

# Regenerate docs/translation.md from the translator's tables.
docs:
	NLCOMPAT_UPDATE_DOCS=1 $(CARGO) test -p nlcompat --lib doc::

# Regenerate ffi/include/nlcompat.h with cbindgen and fail if it changed.
header:
	NLCOMPAT_BLESS=1 $(CARGO) test -p nlcompat-ffi --test header
	git diff --exit-code -- ffi/include/nlcompat.h

# The C ABI's pointer glue under miri (nightly).
miri:
	rustup +nightly component list --installed | grep -q '^miri' || rustup +nightly component add miri rust-src
	$(CARGO) +nightly miri test -p nlcompat-ffi --lib

kernel:
	rustup target list --installed | grep -q $(KERNEL_TARGET) || rustup target add $(KERNEL_TARGET)
	sh tests/scripts/kernel-check.sh $(KERNEL_TARGET)

FUZZ_TARGETS := linux_to_freebsd freebsd_to_linux roundtrip attr_iter
FUZZ_SECONDS ?= 20

# Short libFuzzer runs of every target (needs a nightly toolchain and cargo-fuzz; skipped with
# a message when the nightly toolchain is missing).
fuzz-smoke:
	@if ! rustup run nightly rustc --version >/dev/null 2>&1; then \
	  echo "fuzz-smoke: SKIPPED (no nightly toolchain)"; exit 0; fi; \
	command -v cargo-fuzz >/dev/null 2>&1 || $(CARGO) install cargo-fuzz --locked; \
	for t in $(FUZZ_TARGETS); do \
	  (cd fuzz && $(CARGO) +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048) || exit 1; \
	done
