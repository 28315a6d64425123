#!/usr/bin/env bash
# A real print queue for the end-to-end tests: CUPS with the cups-pdf printer "TijdigPDF",
# made the default. `start` starts the scheduler if it is not running (as root; no systemd
# needed) and adds the queue; `stop` removes the queue, restores the previous default and stops
# the scheduler again if `start` started it. Printed jobs land as PDFs in "$HOME/PDF"
# (cups-pdf's "Out ${HOME}/PDF"), named "<title>…job_<n>.pdf".
set -euo pipefail
queue="${TIJDIG_TEST_PRINTER:-TijdigPDF}"
state="${TMPDIR:-/tmp}/tijdig-print-queue"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

running() { lpstat -r 2>/dev/null | grep -q "is running"; }

case "${1:-start}" in
  start)
    if ! command -v cupsd >/dev/null || [ ! -f /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd ]; then
      echo "print-queue: CUPS or cups-pdf is missing (scripts/setup.sh test installs them)" >&2
      exit 1
    fi
    mkdir -p "$state"
    if ! running; then
      $sudo cupsd
      touch "$state/started"
      for _ in $(seq 1 50); do running && break; sleep 0.1; done
    fi
    # The user's own default printer, kept from the first start to give back at the end.
    [ -f "$state/default" ] ||
      lpstat -d 2>/dev/null | sed -n 's/^system default destination: //p' >"$state/default" || true
    $sudo lpadmin -p "$queue" -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd -E 2>/dev/null
    $sudo lpadmin -d "$queue"
    mkdir -p "$HOME/PDF"
    ;;
  stop)
    if running; then
      $sudo cancel -a "$queue" 2>/dev/null || true
      $sudo lpadmin -x "$queue" 2>/dev/null || true
      previous="$(cat "$state/default" 2>/dev/null || true)"
      [ -z "$previous" ] || $sudo lpadmin -d "$previous" 2>/dev/null || true
    fi
    if [ -f "$state/started" ] && [ -f /var/run/cups/cupsd.pid ]; then
      $sudo kill "$(cat /var/run/cups/cupsd.pid)" 2>/dev/null || true
    fi
    rm -rf "$state"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
