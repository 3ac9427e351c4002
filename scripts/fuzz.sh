#!/usr/bin/env bash
# Fuzzes crosscheck::analyze (fuzz/fuzz_targets/analyze.rs) for SECONDS (default 600) with
# cargo-fuzz (libFuzzer). Installs cargo-fuzz if missing. Works on stable Rust: RUSTC_BOOTSTRAP=1
# lets cargo-fuzz pass its nightly flags; set FUZZ_SANITIZER=address to use ASan where the
# toolchain supports it (default none: the code is safe Rust, panics are what we look for).
# The corpus (fuzz/corpus/analyze, seeded from www/examples) and any crash
# (fuzz/artifacts/analyze/crash-*) stay on disk and are git-ignored.
# Usage: scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
seconds=${1:-600}
shift || true

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

corpus=fuzz/corpus/analyze
mkdir -p "$corpus"
if [ -z "$(ls -A "$corpus")" ]; then
  # Seeds: each example article alone, and all of them as one multi-source input (0xFF splits).
  for f in www/examples/*.txt; do cp "$f" "$corpus/seed-$(basename "$f")"; done
  first=1
  for f in www/examples/*.txt; do
    [ "$first" = 1 ] || printf '\377'
    head -c 4000 "$f"; first=0
  done > "$corpus/seed-all"
fi

export RUSTC_BOOTSTRAP=1
exec cargo fuzz run --sanitizer "${FUZZ_SANITIZER:-none}" analyze "$corpus" -- \
  -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@"
