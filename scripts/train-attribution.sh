#!/usr/bin/env bash
# Learns the attribution cue lexicon (src/claims/attribution_cues.txt) and the candidate weights
# (src/claims/attribution_weights.txt) from PolNeAR train, cross-validates the weights on train
# (4 folds), then evaluates on PolNeAR dev. The weights depend on the lexicon, which is compiled
# in, hence the rebuild between the steps. Deterministic: the same data give the same files.
#   scripts/train-attribution.sh [DATA_DIR]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
data="${1:-../shared/data}"
cargo run --quiet --release --example train_attribution -- lexicon "$data/polnear/train"
cargo run --quiet --release --example train_attribution -- weights "$data/polnear/train"
cargo run --quiet --release --example train_attribution -- cv "$data/polnear/train"
cargo run --quiet --release -- eval-attribution "$data/polnear/dev"
