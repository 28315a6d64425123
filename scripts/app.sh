#!/usr/bin/env bash
# npm run app: install what is missing, build Tijdig and open its window.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
npx tauri build --no-bundle
exec ./target/release/tijdig "$@"
