#!/usr/bin/env bash
# Installs what Tijdig needs on Debian 12 / Ubuntu — only what is missing, so it is safe to run
# every time. Usage: scripts/setup.sh app|test
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-app}"

# Build and run the desktop app (Tauri 2 on WebKitGTK 4.1).
packages=(libwebkit2gtk-4.1-dev build-essential file libssl-dev libayatana-appindicator3-dev
  librsvg2-dev libxdo-dev pkg-config fonts-dejavu-core)
if [ "$mode" = test ]; then
  # Drive the real window headless (X server, WebKit's WebDriver, a session bus), capture it
  # (imagemagick), and check PDFs (poppler-utils, qpdf).
  packages+=(xvfb xauth webkit2gtk-driver dbus dbus-x11 python3 imagemagick poppler-utils qpdf)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -o DPkg::Lock::Timeout=600
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${missing[@]}"
fi

# npm packages, exactly as locked; reinstalled when the lock file changed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi

if [ "$mode" = test ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi
