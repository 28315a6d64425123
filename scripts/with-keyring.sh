#!/usr/bin/env bash
# Runs a command with a real, unlocked OS keychain (Secret Service from gnome-keyring) on the
# current session bus — call it inside `dbus-run-session`. The keyring lives in throwaway
# folders, so tests never touch the user's own keychain and leave nothing behind.
set -euo pipefail
tmp="$(mktemp -d -t tijdig-keyring.XXXXXX)"
trap 'kill "${GNOME_KEYRING_PID:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/runtime" "$tmp/data"
export XDG_RUNTIME_DIR="$tmp/runtime" XDG_DATA_HOME="$tmp/data"
# --unlock reads the password from stdin and creates the login keyring with it.
eval "$(echo -n tijdig-test | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL GNOME_KEYRING_PID
"$@"
