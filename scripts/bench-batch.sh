#!/usr/bin/env bash
# Batch throughput: `crosscheck batch` on a corpus of stories (examples/spark/make_corpus.py:
# 100 MB, or 1 MB with --quick), then the same corpus through the Spark example in local mode
# (spark-submit examples/spark/crosscheck_spark.py on all cores, the wheel shipped with the job),
# its time as a ratio to batch and its output checked byte for byte against batch's. Prints
# each figure with its budget, PASS or MISS.
# Called by scripts/bench.sh; --quick skips Spark (its start-up alone is most of a quick run).
#   scripts/bench-batch.sh [--quick] [DIR]      (DIR: where the corpus and outputs go)
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

mb=100
quick=0
if [ "${1:-}" = "--quick" ]; then quick=1; mb=1; shift; fi
dir=${1:-target/bench}/batch
mkdir -p "$dir"
rm -rf "$dir"/{out-batch.jsonl,out-spark,*.log}
python=${PYTHON:-python3}
now() { date +%s.%N; }
since() { awk -v a="$(now)" -v b="$1" 'BEGIN {printf "%.3f", a - b}'; }
failed=0

"$python" examples/spark/make_corpus.py "$dir/corpus.jsonl" --mb "$mb" || exit 1
bytes=$(stat -c %s "$dir/corpus.jsonl")
lines=$(wc -l < "$dir/corpus.jsonl")
cargo build --quiet --release --bin crosscheck || exit 1
bin=${CARGO_TARGET_DIR:-target}/release/crosscheck

t0=$(now)
"$bin" batch "$dir/corpus.jsonl" > "$dir/out-batch.jsonl" 2> "$dir/batch.log" || { cat "$dir/batch.log"; failed=1; }
t_batch=$(since "$t0")
stories=$(wc -l < "$dir/out-batch.jsonl")

echo "Batch: crosscheck batch and Spark local mode on $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB of stories" \
  "($stories stories, $lines lines, examples/spark/make_corpus.py); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
rate=$(awk -v b="$bytes" -v t="$t_batch" 'BEGIN {printf "%.2f", b / 1e6 / t}')
printf '  crosscheck batch   %7.1f s   %s MB/s\n' "$t_batch" "$rate"

spark_line="  SKIP  Spark local mode ≤ 2.5× batch: not run with --quick"
if [ "$quick" -eq 0 ]; then
  if bash scripts/test-python.sh --spark-env > "$dir/spark-env.log" 2>&1 && command -v java >/dev/null; then
    venv=$PWD/target/python/spark-venv
    t0=$(now)
    PYSPARK_PYTHON=$venv/bin/python "$venv/bin/spark-submit" --master 'local[*]' \
      --archives target/python/wheels/crosscheck-wheel.zip#crosscheck-wheel \
      examples/spark/crosscheck_spark.py "$dir/corpus.jsonl" "$dir/out-spark" > "$dir/spark.log" 2>&1 || failed=1
    t_spark=$(since "$t0")
    ratio=$(awk -v s="$t_spark" -v b="$t_batch" 'BEGIN {printf "%.2f", s / b}')
    same=no
    cat "$dir"/out-spark/part-* 2>/dev/null | cmp -s - "$dir/out-batch.jsonl" && same=yes
    [ "$same" = yes ] || failed=1
    printf '  Spark local[*]     %7.1f s   %s× batch; output byte-identical to batch: %s\n' "$t_spark" "$ratio" "$same"
    verdict=$(awk -v r="$ratio" 'BEGIN {print (r <= 2.5) ? "PASS" : "MISS"}')
    spark_line="  $verdict  Spark local mode ≤ 2.5× batch on the same corpus: ${ratio}×"
  else
    echo "  Spark: could not set up (java, or target/python/spark-venv: see $dir/spark-env.log)"
    spark_line="  MISS  Spark local mode ≤ 2.5× batch: not measured"
    failed=1
  fi
fi
verdict=$(awk -v r="$rate" 'BEGIN {print (r >= 20) ? "PASS" : "MISS"}')
echo "  $verdict  batch throughput ≥ 20 MB/s ($mb MB of stories, all cores): $rate MB/s"
echo "$spark_line"
exit "$failed"
