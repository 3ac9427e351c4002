#!/usr/bin/env bash
# Makes a fresh clone a working page: installs what is missing (only from package registries),
# builds the wasm package into www/pkg and serves www/ on http://127.0.0.1:8080/.
#   --no-serve   stop after the build (CI, scripts/test.sh)
#   --port N     serve on another port
# Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
serve=1
port=8080
while [ $# -gt 0 ]; do
  case "$1" in
    --no-serve) serve=0 ;;
    --port) port="$2"; shift ;;
    *) echo "setup.sh: unknown option $1 (use --no-serve or --port N)" >&2; exit 2 ;;
  esac
  shift
done
# npm's wasm-opt before any other (Debian's binaryen breaks wasm-bindgen output).
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
step() { echo "== setup: $*"; }

for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null || { echo "setup.sh: $tool is required but not installed" >&2; exit 1; }
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI must be exactly the version of the crate pinned in Cargo.toml.
want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
  step "installing wasm-bindgen-cli $want (about 2 minutes)"
  # --locked can fail when the registry lacks a version its lockfile pins; then retry without.
  cargo install wasm-bindgen-cli --version "$want" --locked \
    || cargo install wasm-bindgen-cli --version "$want"
fi

# wasm-pack drives the build (scripts/build-wasm.sh) with the wasm-bindgen CLI above.
wasm_pack=0.15.1
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}' || true)" != "$wasm_pack" ]; then
  step "installing wasm-pack $wasm_pack (about 2 minutes)"
  cargo install wasm-pack --version "$wasm_pack" --locked
fi

if [ ! -d node_modules ] || ! cmp -s package-lock.json node_modules/.crosscheck-lock; then
  step "installing npm packages (binaryen, playwright-core, esbuild, typescript)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.crosscheck-lock
fi

step "building www/pkg"
bash scripts/build-wasm.sh

if [ "$serve" = 1 ]; then
  step "serving www/ on http://127.0.0.1:$port/ (Ctrl-C to stop)"
  exec node scripts/serve.mjs --port "$port" --root www
fi
