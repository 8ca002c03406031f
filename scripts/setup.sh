#!/usr/bin/env bash
# Installs what building and testing the page needs, and nothing that is
# already there: the wasm32 target, wasm-bindgen-cli at the version Cargo.lock
# pins, the npm devDependencies (playwright-core, binaryen for wasm-opt) and
# Debian's chromium. Only crates.io, npm and Debian are contacted.
# Quiet when everything is present; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "setup: $*" >&2; }

# 1. The Rust target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >&2
fi

# The checks npm test runs besides the tests.
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component" >&2
  fi
done

# 2. wasm-bindgen-cli: the CLI must match the wasm-bindgen crate exactly, so
# the version comes from Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
  say "cannot find wasm-bindgen in Cargo.lock"; exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes a few minutes"
  # --locked first; when the registry index lacks a locked dependency
  # version, fall back to resolving afresh (same CLI version either way).
  cargo install wasm-bindgen-cli --version "$want" --locked --quiet >&2 \
    || cargo install wasm-bindgen-cli --version "$want" --quiet >&2
fi

# 3. npm packages, when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error >&2
  else npm install --no-audit --no-fund --loglevel=error >&2; fi
fi

# 4. Chromium for the end-to-end tests and the benchmark.
if [ ! -x /usr/bin/chromium ]; then
  say "installing chromium from Debian"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2
fi
