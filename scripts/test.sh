#!/usr/bin/env bash
# npm test: install what is missing, then every check and test. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# Smaller, reproducible debug builds (no incremental state, no debug info): ≈2 GB target dir.
export CARGO_INCREMENTAL=0 CARGO_PROFILE_DEV_DEBUG=0 CARGO_TERM_COLOR=never
start=$(date +%s)

step() {
  echo
  echo "=== $1 ($(($(date +%s) - start)) s)"
  shift
  "$@"
}

step "setup" bash scripts/setup.sh test
step "rustfmt" cargo fmt --all --check
step "ui build" npm run --silent build:ui
step "clippy" cargo clippy --workspace --all-targets --locked -- -D warnings
step "svelte-check" npm run --silent check:ui
step "ui unit tests" npm run --silent test:ui
step "app build (debug)" npx tauri build --debug --no-bundle --features test-hooks
# One cargo invocation for every Rust test; the shell's tests reuse the app build's features.
# A session bus with a real, unlocked keychain: documents are signed with a key kept there.
step "rust tests" dbus-run-session -- bash scripts/with-keyring.sh \
  cargo test --workspace --locked --features tauri/custom-protocol
step "end-to-end tests" bash scripts/e2e.sh
echo
echo "=== all checks passed in $(($(date +%s) - start)) s"
