#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 180) with the bank samples as seed corpus.
# Needs nightly and cargo-fuzz: rustup toolchain install nightly && cargo install cargo-fuzz
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-180}"
for target in read_statement match_statement; do
  mkdir -p "corpus/$target"
  find ../crates/tijdig-domain/fixtures/bank -type f ! -path '*LICENSES*' -exec cp {} "corpus/$target/" \;
  cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=2048
done
