#!/usr/bin/env bash
# npm run app: install what is missing, build Tijdig and open its window. A second run with
# nothing changed opens at once: the app is built only when a source is newer than it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
binary=target/release/tijdig
newer() {
  find Cargo.toml Cargo.lock package.json package-lock.json crates src-tauri ui icons \
    \( -path ui/dist -o -path ui/node_modules -o -path src-tauri/gen -o -path '*/target' \) -prune \
    -o -type f -newer "$binary" -print -quit
}
if [[ -x "$binary" && -z "$(newer)" ]]; then
  echo "Tijdig is up to date; opening it." >&2
else
  npx tauri build --no-bundle
fi
exec "$binary" "$@"
