#!/usr/bin/env bash
# npm run bench: release build, then one line per figure, `name = value unit`.
#   startup_to_interactive  ms, median of 5 starts under Xvfb with a warm page cache, from
#                           process start until the first screen has rendered the answer to a
#                           command (an empty data folder)
#   startup_cold            ms, the same with the page cache emptied before each start (root)
#   startup_100k            ms, cold, on the generated database of 100,000 invoices
#   idle_pss                MB, proportional set size of all the app's processes after 10 s idle
#                           (the split per process goes to standard error)
#   deb_size                MB, the .deb package
#   invoice_pdf_1page       ms, median render of a 1-page invoice (fonts parsed once, as the app)
#   invoice_pdf_10page      ms, median render of a 10-page invoice
#   invoice_pdf_1page_size  KB, the 1-page invoice PDF
#   letter_pdf_1page        ms, median render of a 1-page letter
#   sign_p256               ms, median time to sign a 1-page invoice PDF (PAdES B-B, P-256)
#   sign_size_overhead      KB, what the signature adds to that PDF
#   issue_invoice_e2e       ms, median of 1,000: issue one invoice through the app layer
#                           (number, render, sign with the key from a real keychain, store)
#   letters_1000            ms, compute, render, sign and store 1,000 letters for 1,000 overdue
#                           invoices of 1,000 clients (the signing key from a real, throwaway
#                           keychain)
#   screen_*_100k           ms, median of 7 after a warm-up: each screen's use-cases on a
#                           generated database of 2,000 clients and 100,000 invoices (real,
#                           signed PDFs; one client with 5,000 invoices) — bench_screens.rs
#   dashboard_100k          ms, median of 15: the dashboard's queries and computation over
#                           that database
#   import_camt_10k         ms, median of 3: read, deduplicate, match and store a CAMT.053 file
#                           of 10,000 incoming payments against that database
#   import_bank_csv_10k     ms, median of 3: the same 10,000 payments as an ING CSV download
#   import_ubl_1000         ms, median of 3: preview and import 1,000 e-invoices made in other
#                           software (200 new clients; half embed their PDF, half get a copy)
#   backup_first_100k       ms, the first backup of a database like it whose documents are each
#                           their own (35 KB of incompressible bytes: what dedup cannot shrink)
#   backup_100k             ms, median of 5: a backup after that (the hourly cost)
#   backup_set_100k         MB, the retained set after a year of backups (23 copies + shelf)
#   db_100k                 MB, that database (documents of 35 KB each)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh test >&2
npx tauri build --bundles deb >&2
cargo build --release --locked -p tijdig-documents --example bench >&2
cargo build --release --locked -p tijdig-app --example bench_letters --example bench_dashboard \
  --example bench_import --example bench_backup --example bench_screens --example generate >&2
./target/release/examples/bench
dbus-run-session -- bash scripts/with-keyring.sh ./target/release/examples/bench_letters
generated="$(mktemp -d -t tijdig-100k.XXXXXX)"
./target/release/examples/generate --data-dir "$generated" --clients 2000 --invoices 100000 >&2
./target/release/examples/bench_screens "$generated"
./target/release/examples/bench_dashboard "$generated"
./target/release/examples/bench_import "$generated"
deb=$(ls -t target/release/bundle/deb/*.deb | head -n 1)
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  node scripts/bench-app.mjs "$PWD/target/release/tijdig" "$generated"
rm -rf "$generated"
unique="$(mktemp -d -t tijdig-100k-unique.XXXXXX)"
./target/release/examples/generate --data-dir "$unique" --clients 2000 --invoices 100000 --pdf-kb 35 >&2
./target/release/examples/bench_backup "$unique"
rm -rf "$unique"
awk -v bytes="$(stat -c %s "$deb")" 'BEGIN { printf "deb_size = %.1f MB\n", bytes / 1048576 }'
