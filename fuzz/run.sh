#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60) and prints, per target,
# the executions libFuzzer made and what it found.
#
#   bash fuzz/run.sh 300            # five minutes per target
#   bash fuzz/run.sh 10 screener    # some targets only
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain, or a
# stable one with RUSTC_BOOTSTRAP=1 (set here). Each target starts from the
# committed seeds in fuzz/seeds/TARGET (cut from the real files in
# ../shared/data) plus what earlier runs kept in fuzz/corpus/TARGET (not
# committed). A crash is saved in fuzz/artifacts/TARGET and makes the script
# exit 1; replay it with `cargo fuzz run TARGET fuzz/artifacts/TARGET/crash-...`
# (the targets are built once, then each binary runs for SECONDS),
# and keep it in fuzz/findings/TARGET until it is fixed (tests/fuzz_bodies.rs
# replays those with --ignored), then in fuzz/seeds/TARGET, which every run replays.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(csl dpl ofac toml_list vendor_file clearance normalize screener)
fi
export RUSTC_BOOTSTRAP=1
toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    toolchain=(+nightly)
    unset RUSTC_BOOTSTRAP
fi
cargo "${toolchain[@]}" fuzz build -O || exit 2

status=0
printf '%-12s %12s %8s %s\n' target executions corpus result
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
    log="$(mktemp)"
    # The binary built above, run directly: every target fuzzes the same build.
    bin="$(ls fuzz/target/*/release/"$t" | head -1)"
    "$bin" "fuzz/corpus/$t" "fuzz/seeds/$t" -artifact_prefix="fuzz/artifacts/$t/" \
        -max_total_time="$seconds" -print_final_stats=1 -max_len=8192 -timeout=10 -rss_limit_mb=2048 >"$log" 2>&1
    rc=$?
    execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)"
    [ -n "$execs" ] || execs="$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')"
    corpus="$(ls "fuzz/corpus/$t" | wc -l)"
    if [ $rc -eq 0 ]; then
        result="no finding"
    else
        status=1
        result="FINDING: $(grep -m1 -E 'panicked|ERROR: libFuzzer|SUMMARY' "$log")"
        echo "--- $t log: $log" >&2
    fi
    printf '%-12s %12s %8s %s\n' "$t" "${execs:-?}" "$corpus" "$result"
done
exit $status
