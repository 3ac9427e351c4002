#!/usr/bin/env bash
# The benchmark, in one run: builds the wasm package (scripts/build-wasm.sh), a nodejs build of
# the same wasm and the native bench (release profile), then measures
#   native   cargo bench --bench scale      corpus from the examples; MB/s per stage, end to end
#   Node     scripts/bench-wasm.mjs         the nodejs build: instantiate, model load, MB/s, memory
#   Chromium scripts/bench-browser.mjs      bench/bench.html on www/pkg; the real page's transfer
#   compromise scripts/bench-compromise.mjs the same 1 MB of text, for comparison
#   page     scripts/bench-page.mjs         the page with 2 MB and 20 MB pasted: longest main-thread
#                                           task, results on screen against the analysis time
#   batch    scripts/bench-batch.sh         `crosscheck batch` on 100 MB of stories, and Spark
#                                           local mode on the same (its time as a ratio)
# and prints one report with each budget PASS or MISS (scripts/bench-report.mjs). Results and
# logs go to target/bench/ (target/bench-quick/ with --quick), the nodejs build to
# target/bench-pkg-node/. Measuring takes about 3 minutes on 2 busy cores, the batch step about
# 4 more; rebuilding after a change to src/ adds up to 3 more.
#   --quick   tiny corpora: a smoke check that the bench scripts still run (well under a minute
#             once built); its figures are not measurements.
# Not part of scripts/test.sh: benchmarks are not timed tests. Exits non-zero if a step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR=never
start=$SECONDS

quick=()
dir=target/bench
case "${1:-}" in
  "") ;;
  --quick) quick=(--quick); dir=target/bench-quick ;;
  *) echo "bench.sh: unknown option $1 (use --quick)" >&2; exit 2 ;;
esac

missing() { echo "bench.sh: $1" >&2; exit 1; }
for tool in cargo node wasm-bindgen; do
  command -v "$tool" >/dev/null || missing "$tool is not installed (run scripts/setup.sh --no-serve)"
done
for pkg in binaryen playwright-core compromise; do
  [ -d "node_modules/$pkg" ] || missing "node_modules/$pkg is missing (run npm ci)"
done
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || missing "$chromium is missing (apt-get install chromium, or set CHROMIUM)"

mkdir -p "$dir"
# Old results must not show up in this report if a step fails.
rm -rf "$dir"/{native,node,chromium,compromise,page}.json "$dir/page.txt" "$dir"/*.log "$dir/corpus" "$dir/native-bin"
failed=0

# step NAME COMMAND...: runs one step into $dir/NAME.log, prints its time, its log on failure.
step() {
  local name=$1; shift
  local t=$SECONDS
  printf '== %-11s' "$name"
  if "$@" > "$dir/$name.log" 2>&1; then
    echo " $((SECONDS - t)) s"
  else
    echo " FAILED after $((SECONDS - t)) s; end of $dir/$name.log:"
    tail -n 20 "$dir/$name.log" | sed 's/^/   /'
    failed=1
  fi
}

echo "Crosscheck benchmark$([ ${#quick[@]} -gt 0 ] && echo ' (QUICK)'), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
  "$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1e6}' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tools: $(rustc --version | cut -d' ' -f1-2), node $(node --version)," \
  "$("$chromium" --version 2>/dev/null | head -n 1)"
echo

# The nodejs build of the same wasm as www/pkg, optimised the same way; rebuilt only when the
# wasm changes.
node_pkg() {
  local in=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm-release/crosscheck.wasm
  local out=target/bench-pkg-node hash
  hash="$(sha256sum "$in" | cut -d' ' -f1) -O1"
  if [ -f "$out/.built-from" ] && [ "$(cat "$out/.built-from")" = "$hash" ]; then return; fi
  rm -rf "$out"
  wasm-bindgen --target nodejs --no-typescript --out-dir "$out" "$in" || return 1
  wasm-opt -O1 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-multivalue --enable-reference-types \
    "$out/crosscheck_bg.wasm" -o "$out/crosscheck_bg.wasm" || return 1
  # The glue is CommonJS; the repo's package.json says "type": "module".
  echo '{"type": "commonjs"}' > "$out/package.json"
  echo "$hash" > "$out/.built-from"
}

step build-wasm bash scripts/build-wasm.sh
step build-node node_pkg
# Built once, then run directly, so that the native step times the bench and not a rebuild.
native_bin() {
  cargo bench --bench scale --no-run --message-format=json-render-diagnostics \
    | grep -o '"executable":"[^"]*scale-[^"]*"' | cut -d'"' -f4 > "$dir/native-bin"
  [ "${PIPESTATUS[0]}" -eq 0 ] && [ -s "$dir/native-bin" ]
}
step build-native native_bin
[ -s "$dir/native-bin" ] && step native "$(cat "$dir/native-bin")" "${quick[@]}" --out "$dir"
if [ -f "$dir/corpus/index.json" ]; then
  step node node scripts/bench-wasm.mjs "$dir"
  step chromium node scripts/bench-browser.mjs "$dir"
  step compromise node scripts/bench-compromise.mjs "$dir"
fi
# The page with 2 MB and 20 MB pasted: longest main-thread task, time to results on screen.
step page node scripts/bench-page.mjs "$dir" "${quick[@]}"
echo
node scripts/bench-report.mjs "$dir" || failed=1
[ -f "$dir/page.txt" ] && { echo; cat "$dir/page.txt"; }
echo
# Many stories at once: `crosscheck batch`, and Spark local mode on the same corpus.
bash scripts/bench-batch.sh "${quick[@]}" "$dir" || failed=1
echo
echo "bench.sh: $((SECONDS - start)) s in all; results and logs in $dir/$([ "$failed" -ne 0 ] && echo '; SOME STEPS FAILED')"
exit "$failed"
