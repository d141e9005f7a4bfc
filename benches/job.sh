#!/usr/bin/env bash
# Whole-process comparison of issue 6, as a user runs it: the example CLI
# screening 5,000 vendors from a CSV against the partial CSL (process start and
# list loading included) against a Python rapidfuzz script doing the same job.
# Needs ../shared beside the repository and `pip install rapidfuzz numpy`.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/job}
csl=../shared/data/csl/consolidated-2023-11-partial.csv
cargo build --release --example screen --example job
./target/release/examples/job "$out"
time_it() { /usr/bin/time -f "%e s wall, %U s user, %M KB peak" "$@"; }
echo "vendor-screen (all cores):"
time_it ./target/release/examples/screen --json --partial --max-list-age 100000 \
    --list "csl:$csl" --input "$out/vendors.csv" >"$out/ours.jsonl" 2>"$out/ours.err" || true
tail -1 "$out/ours.err"
echo "vendor-screen (one core):"
RAYON_NUM_THREADS=1 time_it ./target/release/examples/screen --json --partial --max-list-age 100000 \
    --list "csl:$csl" --input "$out/vendors.csv" >/dev/null 2>"$out/ours1.err" || true
tail -1 "$out/ours1.err"
echo "python rapidfuzz (one worker):"
time_it python3 benches/rapidfuzz_job.py "$csl" "$out/vendors.csv" "$out/rapidfuzz.csv"
python3 benches/score_job.py "$out/truth.csv" "$out/ours.jsonl" "$out/rapidfuzz.csv"
