#!/usr/bin/env bash
# npm run fuzz [SECONDS]: runs every cargo-fuzz target in fuzz/fuzz_targets for SECONDS each
# (default 600), seeded with the bank samples (statement readers, matcher) or typical typed
# values (parse_input), and prints one line per target:
#   fuzz_<target> = <executions> execs, <findings> findings (<seconds> s)
# A crash stops the run with its input in fuzz/artifacts/<target>/: add it as a regression test.
# Installs what is missing (the nightly toolchain, cargo-fuzz) first; a second run is quick.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$HOME/.cargo/bin:$PATH"
seconds="${1:-600}"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal >&2
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked >&2
status=0
for source in fuzz_targets/*.rs; do
  target="$(basename "$source" .rs)"
  corpus="corpus/$target"
  mkdir -p "$corpus" "artifacts/$target"
  case "$target" in
    parse_input)
      i=0
      for seed in "1.234,56" "€ 12,50" "0,335" "12,5%" "22-11-2026" "2026-11-22" \
        "NL91ABNA0417164300" "NL000099998B57" "01234567" "1015 CJ" "eva@korenbloem.nl" \
        "+31 6 12345678" "https://studiojansen.nl" "#1f5f8b" "Bakkerij De Korenbloem"; do
        printf '%s' "$seed" > "$corpus/seed-$i"; i=$((i + 1))
      done ;;
    read_einvoice)
      find ../crates/tijdig-domain/fixtures/ubl/examples -name '*.xml' -exec cp {} "$corpus/" \; ;;
    *)
      find ../crates/tijdig-domain/fixtures/bank -type f ! -path '*LICENSES*' ! -name '*.md' \
        -exec cp {} "$corpus/" \; ;;
  esac
  log="artifacts/$target/run.log"
  if cargo +nightly fuzz run "$target" "$corpus" -- -max_total_time="$seconds" \
    -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    findings=0
  else
    findings="$(find "artifacts/$target" -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' | wc -l)"
    status=1
  fi
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || echo 0)"
  echo "fuzz_$target = ${execs:-0} execs, $findings findings ($seconds s)"
done
exit "$status"
