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
  # (imagemagick), check PDFs and signatures (poppler-utils: pdfsig, qpdf), a real keychain for
  # the signing key and the mail password (gnome-keyring, see with-keyring.sh), test keys and
  # certificates (openssl), a Python venv for the UBL validator, pyHanko and the SMTP server,
  # and a real print queue (CUPS with the cups-pdf printer, scripts/print-queue.sh).
  packages+=(xvfb xauth webkit2gtk-driver dbus dbus-x11 python3 python3-venv imagemagick
    poppler-utils qpdf gnome-keyring openssl cups printer-driver-cups-pdf)
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

# The UBL validator (scripts/validate_ubl.py, run by crates/tijdig-app/tests/ubl.rs): Saxon-HE
# for the XSLT 2.0 Schematron rules and lxml for the XSD; and pyHanko, the second independent
# verifier of Tijdig's PDF signatures (crates/tijdig-documents/tests/signing.rs); aiosmtpd, the
# SMTP server the e-mail tests send to (scripts/smtp_test_server.py). Pinned, in
# .venv (the tests' interpreter); installed only when missing or at another version.
if [ "$mode" = test ]; then
  ubl_packages=(saxonche==13.1.1 lxml==6.1.3 pyhanko==0.38.0 pyhanko-cli==0.6.0 aiosmtpd==1.4.6)
  if [ ! -x .venv/bin/python ]; then
    echo "setup: python3 -m venv .venv"
    python3 -m venv .venv
  fi
  if ! .venv/bin/python - "${ubl_packages[@]}" <<'PY' 2>/dev/null; then
import sys
from importlib.metadata import version
import lxml.etree, saxonche, pyhanko.sign, aiosmtpd  # noqa: F401 (installed, not only registered)
sys.exit(any(version(n) != v for n, v in (p.split("==") for p in sys.argv[1:])))
PY
    echo "setup: pip install ${ubl_packages[*]} into .venv"
    .venv/bin/python -m pip install --disable-pip-version-check --quiet --force-reinstall \
      "${ubl_packages[@]}"
  fi
fi
