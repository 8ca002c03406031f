#!/usr/bin/env bash
# Every test: the Rust tests, the node tests of the built wasm package and the
# end-to-end tests in headless Chromium. Sets up and builds first, so it works
# on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
echo "== cargo fmt --check, cargo clippy" >&2
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
echo "== cargo test" >&2
cargo test --quiet
echo "== node tests of the wasm package" >&2
node --test --test-reporter=spec tests/node/
echo "== end-to-end tests" >&2
node --test --test-reporter=spec --test-concurrency=1 tests/e2e/
