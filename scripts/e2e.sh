#!/usr/bin/env bash
# End-to-end tests in the real window: Xvfb + a private session bus + tauri-driver.
# Expects the debug app build with the test hooks (`npx tauri build --debug --no-bundle --features test-hooks`); builds it if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export TIJDIG_APP_BINARY="${TIJDIG_APP_BINARY:-$PWD/target/debug/tijdig}"
[ -x "$TIJDIG_APP_BINARY" ] || npx tauri build --debug --no-bundle --features test-hooks
exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash scripts/with-keyring.sh bash scripts/e2e-session.sh "$@"
