#!/usr/bin/env bash
# The Python package: builds its abi3 wheel with maturin (pinned, in its own venv), installs it
# into a fresh venv with pytest and runs python/tests. With --spark, runs the Spark test
# (examples/spark/) instead, in a venv with PySpark, pandas and PyArrow that is kept between
# runs; the wheel is not installed there but shipped with the job, as on a cluster
# (wheels/crosscheck-wheel.zip, for --archives). Spark needs `java` (17 or later). --spark-env
# builds that venv and the zip and stops (for scripts/bench-batch.sh and the README).
#   scripts/test-python.sh [--spark | --spark-env]
# Everything goes under target/python/: build/ (maturin), wheels/, cargo/ (the Rust build of
# the package), venv/ (fresh each run), spark-venv/.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in the source tree

MATURIN=1.16.0
PYTEST=8.3.4
SPARK_PINS=(pyspark==4.0.1 pandas==2.2.3 pyarrow==19.0.1 "pytest==$PYTEST")
python=${PYTHON:-python3}
root=target/python
mkdir -p "$root"

spark=0
case "${1:-}" in
  "") ;;
  --spark) spark=1 ;;
  --spark-env) spark=2 ;;
  *) echo "test-python.sh: unknown option $1 (use --spark or --spark-env)" >&2; exit 2 ;;
esac

# The wheel.
if [ ! -x "$root/build/bin/maturin" ]; then
  rm -rf "$root/build"
  "$python" -m venv "$root/build"
  "$root/build/bin/pip" install --quiet --disable-pip-version-check "maturin==$MATURIN"
fi
rm -rf "$root/wheels"
CARGO_TARGET_DIR="$PWD/$root/cargo" "$root/build/bin/maturin" build --quiet --release \
  --manifest-path python/Cargo.toml --interpreter "$python" --out "$root/wheels"
wheel=$(ls "$root"/wheels/crosscheck-*.whl)
cp "$wheel" "$root/wheels/crosscheck-wheel.zip"
export CROSSCHECK_WHEEL_ZIP=$PWD/$root/wheels/crosscheck-wheel.zip
echo "test-python.sh: built $wheel"

# The command line to compare with.
cargo build --quiet --release --bin crosscheck
bin=${CARGO_TARGET_DIR:-target}/release/crosscheck
case "$bin" in /*) ;; *) bin=$PWD/$bin ;; esac
export CROSSCHECK_BIN=$bin

if [ "$spark" -eq 0 ]; then
  rm -rf "$root/venv"
  "$python" -m venv "$root/venv"
  "$root/venv/bin/pip" install --quiet --disable-pip-version-check "pytest==$PYTEST" "$wheel"
  # Run from outside the repo so that `import crosscheck` can only find the installed wheel.
  cd "$root"
  exec venv/bin/python -m pytest -v -p no:cacheprovider ../../python/tests
fi

[ "$spark" -eq 2 ] || command -v java >/dev/null || { echo "test-python.sh: Spark needs java (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
venv=$root/spark-venv
if [ "$(cat "$venv/.pins" 2>/dev/null)" != "${SPARK_PINS[*]}" ]; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${SPARK_PINS[@]}"
  echo "${SPARK_PINS[*]}" > "$venv/.pins"
fi
# Only the shipped wheel may serve: none installed.
"$venv/bin/pip" uninstall --quiet --yes crosscheck 2>/dev/null || true
[ "$spark" -eq 2 ] && exit 0
cd "$root"
exec spark-venv/bin/python -m pytest -v -p no:cacheprovider ../../examples/spark
