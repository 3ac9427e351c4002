#!/usr/bin/env bash
# Runs every test on a fresh machine: set-up first (scripts/setup.sh --no-serve, Chromium from
# Debian), then lints, native tests, wasm tests in Node and in headless Chromium, the built
# package in Node, the Python wheel and Spark (scripts/test-python.sh; Java from Debian), the npm
# package as a user installs it, and the page end to end. Exits non-zero on any failure; the last line says
# how many tests ran: "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR=never

bash scripts/setup.sh --no-serve || { echo "test.sh: set-up failed"; echo "0 passed, 1 failed"; exit 1; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "== test: installing Debian chromium and chromium-driver"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }; then
    echo "test.sh: could not install chromium"; echo "0 passed, 1 failed"; exit 1
  fi
fi

logs=target/test-logs
mkdir -p "$logs"
passed=0
failed=0
summary=()

# Adds the counts a runner printed: cargo's "test result: ... N passed; M failed" lines,
# node's TAP "# pass N" / "# fail M", or pytest's "==== N passed, M failed in 2.1s ====".
count() {
  awk '
    /^test result: / { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
    /^=+ .* in [0-9.]+s/ { for (i = 2; i < NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^(failed|errors?)/) f += $i } }
    /^# pass [0-9]+/ { p += $3 }
    /^# fail [0-9]+/ { f += $3 }
    END { print p + 0, f + 0 }' "$1"
}

# suite NAME COMMAND...: runs a test suite, shows its output, adds its counts.
suite() {
  local name=$1; shift
  local log="$logs/$name.log"
  echo "== test: $name"
  "$@" > "$log" 2>&1
  local rc=$?
  cat "$log"
  read -r p f < <(count "$log")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # a runner that failed before counting
  if [ "$rc" -eq 0 ] && [ "$p" -eq 0 ]; then f=$((f + 1)); echo "test.sh: $name ran no test"; fi
  passed=$((passed + p)); failed=$((failed + f))
  summary+=("$name: $p passed, $f failed")
}

# check NAME COMMAND...: a lint that passes or fails as one.
check() {
  local name=$1; shift
  echo "== check: $name"
  if "$@" > "$logs/$name.log" 2>&1; then
    summary+=("$name: ok")
  else
    cat "$logs/$name.log"; failed=$((failed + 1)); summary+=("$name: FAILED")
  fi
}

check fmt cargo fmt --check
check clippy cargo clippy --quiet --all-targets -- -D warnings
check clippy-wasm cargo clippy --quiet --target wasm32-unknown-unknown --lib --test wasm -- -D warnings

suite native cargo test --quiet
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
suite wasm-node cargo test --target wasm32-unknown-unknown --test wasm
suite wasm-chromium env WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
  cargo test --target wasm32-unknown-unknown --test wasm
grep -q "Running headless tests in Chrome" "$logs/wasm-chromium.log" \
  || { echo "test.sh: the wasm-chromium suite did not run in Chromium"; failed=$((failed + 1)); }
suite package-node node --test --test-reporter=tap tests/node/
# The Python package: its wheel in a fresh venv (pytest), and on Spark in local mode.
suite python bash scripts/test-python.sh
if ! command -v java >/dev/null; then
  echo "== test: installing Debian openjdk-17-jre-headless (for Spark)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null \
    || echo "test.sh: could not install java"
fi
suite spark bash scripts/test-python.sh --spark
# The npm package as a user gets it: npm pack, install, Node import, esbuild bundle, tsc.
suite npm-package node --test --test-reporter=tap --test-concurrency=1 tests/package/
suite e2e node --test --test-reporter=tap --test-concurrency=1 tests/e2e/
# The benchmark command still runs end to end (tiny corpora; its figures are not judged here).
check bench-quick bash scripts/bench.sh --quick

# Evaluations on the development data, when it is beside the repo (CI has it; a user's clone
# does not). Each fails below its target.
data=../shared/data
if [ -d "$data" ]; then
  cargo build --quiet --release
  check eval-ner ./target/release/crosscheck eval-ner --min-f1 88 "$data/conll2003/dev.txt"
  # Check-worthiness is tuned on the first 14 CLEF transcripts; the last 5 by name are held out.
  heldout=$(mktemp -d)
  for f in $(ls "$data"/clef2019-checkworthy/training/*.tsv | sort | tail -n 5); do ln -s "$(realpath "$f")" "$heldout/"; done
  check eval-checkworthy ./target/release/crosscheck eval-checkworthy --min-map 0.20 "$heldout"
  # Attribution: source F1 (overlap) at least 0.80 on PolNeAR dev.
  check eval-attribution ./target/release/crosscheck eval-attribution --min-source-f1 0.80 "$data/polnear/dev"
  # One entity across sources: pairwise F1 at least 0.80 on the ECB+ dev topics.
  check eval-coref ./target/release/crosscheck eval-coref --split dev --min-f1 0.80 "$data/ecbplus"
  # The comparison's pair model on the development pairs: gates just below today's figures, so
  # a change that loses ground fails (the targets, MSRP F1 0.85 and STS-B news 0.80, are not
  # reached: see the README). A retrain of the same pair model on slightly different pairs
  # (another stage's change) moves MSRP dev by about 0.01 at the same cross-validated F1, hence
  # 0.80.
  check eval-pairs-msrp ./target/release/crosscheck eval-pairs --min-f1 0.80 "$data/msrp/msr_paraphrase_dev.txt"
  check eval-pairs-stsb ./target/release/crosscheck eval-pairs --min-spearman 0.69 "$data/stsb/sts-dev.csv"
  # Within a story: F1 of "the two sentences share a statement" on the ECB+ dev topics (its
  # threshold is set for precision, half the pairs joined right in cross-validation: see the
  # README).
  check eval-pairs-ecb ./target/release/crosscheck eval-pairs --split dev --min-f1 0.40 "$data/ecbplus"
  for e in eval-ner eval-checkworthy eval-attribution eval-coref eval-pairs-msrp eval-pairs-stsb eval-pairs-ecb; do
    tail -n 2 "$logs/$e.log"
  done
  # Last, as it rewrites the model files in place: the committed models are what their
  # training commands make from the code as it is.
  check models-reproduced bash scripts/check-models.sh "$data"
else
  echo "== no $data: evaluations skipped"
fi

echo
echo "== summary"
printf '  %s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
