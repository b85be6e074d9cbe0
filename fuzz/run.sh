#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# Runs libFuzzer on each fuzz target for SECONDS seconds, one target at a time, and prints one
# summary line per target (executions, seconds, new corpus units). The committed corpus
# (fuzz/corpus/<target>) is only read: new units go to WORK/<target>, so the repository copy
# stays small (`make fuzz-cmin` merges a campaign back, minimised). A crash fails the run and
# leaves its input in fuzz/artifacts/<target>/.
#
# usage: fuzz/run.sh SECONDS WORK TARGET...
set -euo pipefail
cd "$(dirname "$0")"
secs=$1 work=$2
shift 2
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz: the nightly toolchain is missing (rustup toolchain install nightly --profile minimal)" >&2
  exit 1
fi
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
cargo +nightly fuzz build 2>&1 | tail -n 1
status=0
for t in "$@"; do
  mkdir -p "$work/$t" "corpus/$t"
  log="$work/$t.log"
  if cargo +nightly fuzz run "$t" "$work/$t" "corpus/$t" -- \
      -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    verdict=ok
  else
    verdict=FAILED
    status=1
    grep -E -A12 "panicked|ERROR: libFuzzer|SUMMARY" "$log" | head -n 40 >&2 || true
  fi
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1)
  new=$(find "$work/$t" -type f | wc -l)
  printf 'fuzz %-18s %s executions in %ss, %s new units, %s\n' "$t" "${runs:-?}" "$secs" "$new" "$verdict"
done
exit $status
