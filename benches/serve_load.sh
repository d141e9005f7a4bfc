#!/usr/bin/env bash
# Load benchmark of the `serve` example (issue 15): throughput and p50/p99
# latency of POST /screen with the bundled lists plus the partial CSL, at 1,
# 16 and 64 concurrent clients, one vendor per request and batches of 100;
# then 16 clients while the lists are reloaded 5 times (no request may fail);
# and the CLI's batch throughput on the same vendors in the same run.
#
# Needs `wrk` (Debian: apt-get install wrk), python3, ../shared beside the
# repository. Everything listens on 127.0.0.1 only.
#   bash benches/serve_load.sh [SECONDS_PER_RUN]
# On a machine shared with other work, SERVE_NICE=-10 (as root) runs the
# server and wrk ahead of it, as a dedicated host would.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
csl=../shared/data/csl/consolidated-2023-11-partial.csv
names=../shared/data/vendors/fpds-vendor-names.txt
out=target/serve-load
mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cargo build --release --example serve --example screen

# Request bodies from real vendor names: one per line, single and batches of 100.
python3 - "$names" "$out" <<'PY'
import json, sys
# Names without a letter or digit are rejected by the library (Vendor::validate,
# 400 from the service, a rejected row in the CLI): leave them out of the load.
names = [n.strip() for n in open(sys.argv[1], encoding="utf-8")
         if any(c.isalnum() for c in n)][:20000]
out = sys.argv[2]
with open(f"{out}/single.jsonl", "w") as f:
    for n in names:
        f.write(json.dumps({"name": n}) + "\n")
with open(f"{out}/batch100.jsonl", "w") as f:
    for i in range(0, len(names) - 99, 100):
        f.write(json.dumps([{"name": n} for n in names[i:i + 100]]) + "\n")
with open(f"{out}/vendors.csv", "w") as f:
    f.write("name\n")
    for n in names:
        f.write('"' + n.replace('"', '""') + '"\n')
print(f"{len(names)} vendor names", file=sys.stderr)
PY

cat >"$out/screen.lua" <<'LUA'
local bodies, i = {}, 0
function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  i = math.random(#bodies)
end
function request()
  i = i % #bodies + 1
  return wrk.format("POST", "/screen?as_of=2026-11-22",
    {["Content-Type"] = "application/json", ["X-API-Key"] = "bench-key"}, bodies[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
LUA

key_hash=$(printf 'bench-key' | sha256sum | cut -d' ' -f1)
admin_hash=$(printf 'bench-admin' | sha256sum | cut -d' ' -f1)
printf '%s bench\n%s ops admin\n' "$key_hash" "$admin_hash" >"$out/keys.txt"

nice -n "${SERVE_NICE:-0}" ./target/release/examples/serve --port 0 --partial --list "csl:$csl" --keys "$out/keys.txt" \
  --max-body 4194304 2>"$out/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  port=$(grep -o '"event":"listening"[^}]*"port":[0-9]*' "$out/serve.log" 2>/dev/null | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "serve did not start:"; cat "$out/serve.log"; exit 1; }
base="http://127.0.0.1:$port"
echo "serve on $base: $(curl -s -H 'X-API-Key: bench-key' "$base/lists" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["lists"]), "lists,", sum(l["entities"] for l in d["lists"]), "entities")')"
echo "machine: $(nproc) cores; wrk and the server share them; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # label connections bodies
  local threads=$(( $2 < 2 ? 1 : 2 ))
  local line
  line=$(nice -n "${SERVE_NICE:-0}" wrk -t"$threads" -c"$2" -d"${secs}s" --timeout 10s -s "$out/screen.lua" "$base" -- "$3" | grep '^RESULT')
  echo "$1 clients=$2 ${line#RESULT }"
}
echo "== POST /screen, one vendor per request"
for c in 1 16 64; do run single "$c" "$out/single.jsonl"; done
echo "== POST /screen, batches of 100 vendors (vendors/s = rps x 100)"
for c in 1 16 64; do run batch100 "$c" "$out/batch100.jsonl"; done

echo "== 16 clients, one vendor per request, while the lists are reloaded 5 times"
(
  sleep 1
  for _ in 1 2 3 4 5; do
    curl -s -o /dev/null -w 'reload %{http_code} %{time_total}s\n' -X POST -H 'X-API-Key: bench-admin' "$base/admin/reload"
    sleep 0.5
  done
) &
reloader=$!
run single-during-reload 16 "$out/single.jsonl"
wait "$reloader"
echo "generation after: $(curl -s "$base/readyz")"

echo "== CLI batch throughput, same vendors, same lists"
help=$(./target/release/examples/screen --help)
if grep -q -- '--no-bundled' <<<"$help"; then
  cli_lists=(--list "csl:$csl")
else
  cli_lists=(--list lists --list "csl:$csl") # this CLI replaces the bundled lists with --list
fi
if grep -q -- '--partial' <<<"$help"; then cli_lists=(--partial "${cli_lists[@]}"); fi
n=$(($(wc -l <"$out/vendors.csv") - 1))
start=$(date +%s.%N)
status=0
nice -n "${SERVE_NICE:-0}" ./target/release/examples/screen --json --as-of 2026-11-22 --max-list-age 100000 "${cli_lists[@]}" \
  --input "$out/vendors.csv" >"$out/cli.jsonl" 2>"$out/cli.err" || status=$?
end=$(date +%s.%N)
if [ "$status" -gt 1 ] || [ "$(wc -l <"$out/cli.jsonl")" -ne "$n" ]; then
  echo "cli failed (exit $status, $(wc -l <"$out/cli.jsonl") of $n lines): $(tail -1 "$out/cli.err")"
  exit 1
fi
python3 -c "import sys; n,s,e=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]); print(f'cli vendors={n} seconds={e-s:.2f} vendors_per_s={n/(e-s):.0f} (process start and list loading included)')" "$n" "$start" "$end"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
