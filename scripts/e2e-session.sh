#!/usr/bin/env bash
# Runs inside Xvfb and a session bus: starts tauri-driver, runs the specs, stops the driver.
set -euo pipefail
port="${TAURI_DRIVER_PORT:-4444}"
# The app under test: no system PDF viewer, a folder that answers the folder dialog, and a
# fixed "today" for due dates (a test may set its own with --today).
export TIJDIG_OPENER=none TIJDIG_TODAY="${TIJDIG_TODAY:-2026-11-22}"
TIJDIG_PICK_FOLDER="$(mktemp -d -t tijdig-export.XXXXXX)"
export TIJDIG_PICK_FOLDER
# The file that answers the "open file" dialog (a test writes it before it imports).
TIJDIG_PICK_FILE="$(mktemp -d -t tijdig-import.XXXXXX)/afschrift.xml"
export TIJDIG_PICK_FILE
# The PDF that answers "Controleer PDF" (a test copies a document there first).
TIJDIG_PICK_PDF="$(dirname "$TIJDIG_PICK_FILE")/te-controleren.pdf"
export TIJDIG_PICK_PDF
# The .p12 that answers "Certificaat importeren" (a test makes it with OpenSSL).
TIJDIG_PICK_P12="$(dirname "$TIJDIG_PICK_FILE")/certificaat.p12"
export TIJDIG_PICK_P12
# The algemene voorwaarden and the countersigned agreement a test picks in the offers flow.
TIJDIG_PICK_TERMS="$(dirname "$TIJDIG_PICK_FILE")/voorwaarden.pdf"
TIJDIG_PICK_SIGNED="$(dirname "$TIJDIG_PICK_FILE")/getekend.pdf"
export TIJDIG_PICK_TERMS TIJDIG_PICK_SIGNED
# A test CA and a server certificate for the e-mail tests' own SMTP server on loopback; the app
# trusts the CA besides the public roots.
TIJDIG_SMTP_TEST_DIR="$(mktemp -d -t tijdig-smtp.XXXXXX)"
(
  cd "$TIJDIG_SMTP_TEST_DIR"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Test CA" \
    -keyout ca.key -out ca.pem 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout key.pem -out server.csr 2>/dev/null
  printf 'basicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n' >server.ext
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -set_serial 7 -days 3650 \
    -extfile server.ext -out cert.pem 2>/dev/null
)
export TIJDIG_SMTP_TEST_DIR TIJDIG_SMTP_EXTRA_ROOT="$TIJDIG_SMTP_TEST_DIR/ca.pem"
# A real print queue (CUPS with the cups-pdf printer) for the printing tests; removed again at
# the end.
bash scripts/print-queue.sh start
log="$(mktemp -t tauri-driver.XXXXXX.log)"
tauri-driver --port "$port" --native-driver /usr/bin/WebKitWebDriver >"$log" 2>&1 &
driver=$!
trap 'kill $driver 2>/dev/null || true; wait $driver 2>/dev/null || true; bash scripts/print-queue.sh stop' EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
status=0
node --test --test-concurrency=1 "${@:-tests/}" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- tauri-driver log (last 40 lines)"
  tail -n 40 "$log"
fi
exit "$status"
