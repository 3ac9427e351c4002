#!/usr/bin/env bash
# Assembles the npm package "crosscheck" in dist/npm/: the wasm package from www/pkg
# (scripts/build-wasm.sh) with the typed declarations npm/crosscheck.d.ts, <crosscheck-widget>
# (www/widget.js and the files it loads, beside it as on the page) with npm/widget.d.ts, and
# npm/package.json and npm/README.md. Then: cd dist/npm && npm pack (or npm publish).
#   --no-build   use www/pkg as it is (it must exist)
#   --out DIR    assemble into DIR instead of dist/npm
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist/npm
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --out) out="$2"; shift ;;
    *) echo "build-npm.sh: unknown option $1 (use --no-build or --out DIR)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$build" = 1 ]; then bash scripts/build-wasm.sh; fi
for f in www/pkg/crosscheck.js www/pkg/crosscheck_bg.wasm; do
  [ -f "$f" ] || { echo "build-npm.sh: $f is missing: run scripts/build-wasm.sh first" >&2; exit 1; }
done

# The package's version is the crate's.
crate=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
npm=$(node -p 'JSON.parse(require("fs").readFileSync("npm/package.json", "utf8")).version')
if [ "$crate" != "$npm" ]; then
  echo "build-npm.sh: npm/package.json has version $npm, Cargo.toml $crate: make them equal" >&2
  exit 1
fi

mkdir -p "$out"
rm -rf "$out/pkg"
rm -f "$out"/{package.json,README.md,widget.js,widget.d.ts,widget.css,style.css,render.js,worker.js}
mkdir -p "$out/pkg"
cp npm/package.json npm/README.md npm/widget.d.ts "$out/"
cp www/pkg/crosscheck.js www/pkg/crosscheck_bg.wasm "$out/pkg/"
cp npm/crosscheck.d.ts "$out/pkg/crosscheck.d.ts"
cp www/widget.js www/widget.css www/style.css www/render.js www/worker.js "$out/"
echo "built $out: crosscheck $npm"
