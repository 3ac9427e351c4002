#!/usr/bin/env bash
# Trains the check-worthiness model on the CLEF-2019 CheckThat! Task 1 training transcripts and
# writes data/model/checkworthy.txt (compiled into the crate), then evaluates the rebuilt
# pipeline on the same folder. Deterministic: the same data gives the same file.
#   scripts/train-checkworthy.sh [DIR]   (default ../shared/data/clef2019-checkworthy/training)
# The last 5 transcripts by file name are held out: never trained or tuned on.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
dir="${1:-../shared/data/clef2019-checkworthy/training}"
cargo run --quiet --release --example train_checkworthy -- train "$dir" data/model/checkworthy.txt
echo "--- the rebuilt pipeline on all transcripts:"
cargo run --quiet --release --example train_checkworthy -- eval "$dir"
