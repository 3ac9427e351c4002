#!/usr/bin/env bash
# Trains the name tagger (src/entities/tagger) on CoNLL-2003 train, reports dev F1 per epoch,
# writes data/model/ner.bin, then rebuilds (the model is compiled in) and scores the whole
# entity stage on dev. Deterministic: the same data gives the same file.
#   scripts/train-ner.sh [DATA_DIR]   (default ../shared/data/conll2003)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
data=${1:-../shared/data/conll2003}
cargo run --release --quiet -- train-ner \
  --train "$data/train.txt" --dev "$data/dev.txt" --out data/model/ner.bin
raw=$(stat -c %s data/model/ner.bin)
gz=$(gzip -9 -c data/model/ner.bin | wc -c)
echo "data/model/ner.bin: $raw bytes, $gz gzipped"
cargo run --release --quiet -- eval-ner "$data/dev.txt"
