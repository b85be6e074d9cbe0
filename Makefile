# SPDX-License-Identifier: BSD-2-Clause
# The one entry point for humans and CI. `make help` lists the targets.
CARGO ?= cargo
KERNEL_TARGET := x86_64-unknown-none
FREEBSD_TARGET := x86_64-unknown-freebsd

.PHONY: all build test lint fmt abi docs demo bench kernel header miri freebsd-check fuzz-smoke fuzz fuzz-cmin robustness help compat

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
	@echo "make bench      translation and end-to-end benchmarks (docs/performance.md; root)"
	@echo "make compat     differential suite: Linux clients on Linux vs the FreeBSD model (SCENARIO=... runs one)"
	@echo "make fuzz-smoke every fuzz target for FUZZ_SECONDS (60) each, as CI does"
	@echo "make fuzz       a long fuzz campaign (FUZZ_SECONDS per target, default 3600)"
	@echo "make robustness the hostile-request corpus on both backends, as a table (root)"

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
# vectors: cargo bench -p nlcompat --bench translate. Then end to end (cli/bench/e2e.py, needs
# root, iproute2 and cc): ip route show / ip -j route show / ip -br addr natively and under the
# release runner with both backends, the cost of a notified call, the model's scaling.
bench:
	$(CARGO) bench -p nlcompat --bench perf
	$(CARGO) build --release -p nlcompat-cli
	/usr/bin/python3 cli/bench/e2e.py

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

FUZZ_TARGETS := linux_to_freebsd freebsd_to_linux roundtrip attr_iter ffi sim sysargs
FUZZ_SECONDS ?= 60
FUZZ_WORK ?= fuzz/target/campaign

# libFuzzer on every target for FUZZ_SECONDS each (default 60; CI); needs the nightly
# toolchain (installed by .ci/run) and cargo-fuzz (installed on first use). Fails on any
# finding; docs/robustness.md explains the invariants and records campaigns.
fuzz-smoke:
	fuzz/run.sh $(FUZZ_SECONDS) $(CURDIR)/fuzz/target/smoke $(FUZZ_TARGETS)

# A long campaign: FUZZ_SECONDS per target (default 1 hour), one target at a time, at the lowest
# CPU priority; new units accumulate in FUZZ_WORK (outside git). `make fuzz-cmin` merges them
# back into fuzz/corpus/, minimised.
fuzz: FUZZ_SECONDS = 3600
fuzz:
	nice -n 19 fuzz/run.sh $(FUZZ_SECONDS) $(CURDIR)/$(FUZZ_WORK) $(FUZZ_TARGETS)

fuzz-cmin:
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_WORK)/$$t && rm -rf fuzz/target/cmin && mkdir -p fuzz/target/cmin && \
	  (cd fuzz && cargo +nightly fuzz run $$t target/cmin corpus/$$t $(CURDIR)/$(FUZZ_WORK)/$$t -- -merge=1 >/dev/null 2>&1) && \
	  rm -rf fuzz/corpus/$$t && mv fuzz/target/cmin fuzz/corpus/$$t || exit 1; \
	done

# The hostile-request corpus (tests/hostile/) natively, under the Linux backend (the oracle) and
# under the FreeBSD backend; prints case, Linux answer, each run's answer, state unchanged,
# verdict. Needs root (network namespaces, seccomp). CI runs it as cli/tests/hostile.rs.
ROBUSTNESS_DIR ?= target/hostile
robustness:
	$(CARGO) build -q -p nlcompat-cli
	mkdir -p $(ROBUSTNESS_DIR)
	printf 'ip link add eth0 address 02:00:00:00:00:10 type veth peer name eth1 address 02:00:00:00:00:11\nip link set eth0 up\nip addr add 192.0.2.10/24 dev eth0\nip -6 addr add 2001:db8::10/64 dev eth0 nodad\nip route add default via 192.0.2.1\nip neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev eth0\n' > $(ROBUSTNESS_DIR)/setup.txt
	unshare -n sh -c 'ip link set lo up; while read -r l; do $$l; done < $(ROBUSTNESS_DIR)/setup.txt; exec python3 tests/hostile/hostile.py' > $(ROBUSTNESS_DIR)/native.jsonl
	./target/debug/nlcompat run --backend linux --netns-setup $(ROBUSTNESS_DIR)/setup.txt -- python3 tests/hostile/hostile.py > $(ROBUSTNESS_DIR)/linux.jsonl
	./target/debug/nlcompat run -- python3 tests/hostile/hostile.py > $(ROBUSTNESS_DIR)/freebsd.jsonl
	python3 tests/hostile/compare.py $(ROBUSTNESS_DIR)/linux.jsonl native=$(ROBUSTNESS_DIR)/native.jsonl freebsd=$(ROBUSTNESS_DIR)/freebsd.jsonl --allow tests/hostile/allowlist.txt --table
