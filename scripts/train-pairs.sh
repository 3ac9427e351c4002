#!/usr/bin/env bash
# Trains the pair model (how likely two claims state the same thing) on MSRP train, STS-B train
# and the ECB+ training topics, finds its thresholds by 10-fold cross-validation
# on them, and writes data/model/pairs.txt (compiled into the crate). Then evaluates the rebuilt
# pipeline on the development splits. Deterministic: the same data gives the same file.
#   scripts/train-pairs.sh [DATA]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
data="${1:-../shared/data}"
cargo run --quiet --release --example train_pairs -- train "$data" data/model/pairs.txt
cargo build --quiet --release
echo "--- the rebuilt pipeline on the development splits:"
./target/release/crosscheck eval-pairs "$data/msrp/msr_paraphrase_dev.txt"
./target/release/crosscheck eval-pairs "$data/stsb/sts-dev.csv"
./target/release/crosscheck eval-pairs --split dev "$data/ecbplus"
