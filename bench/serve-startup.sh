#!/usr/bin/env bash
# Benchmark: `chargeline serve` on an existing data dir, from launch to the first answered request
# (GET /healthz, which also queries the database). Budget (DESIGN.md §4): <= 3 s.
# Baseline measured in the same run: launching the same JVM and jar for `--version` (no database,
# no server), i.e. the floor any start of the executable pays on this machine.
# Usage: bench/serve-startup.sh [runs]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
port=18181
data=$(mktemp -d /tmp/chargeline-bench-XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$data"' EXIT

./chargeline --version >/dev/null   # builds the jar if needed; not timed
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

wait_healthy() { # $1 = start ms; prints ms to first 200 from /healthz
  local start=$1
  for _ in $(seq 1 3000); do
    if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then echo $(( $(now_ms) - start )); return 0; fi
    sleep 0.01
  done
  echo "server did not answer /healthz" >&2; return 1
}

# First start: creates the data dir (initdb + migrations); not part of the measurement.
./chargeline serve --port $port --data-dir "$data" >/dev/null 2>&1 &
pid=$!; first=$(wait_healthy "$(now_ms)"); kill -TERM $pid; wait $pid || true
echo "first start (initdb + migrations, not measured): ${first} ms"

serve_times=(); base_times=()
for i in $(seq 1 "$runs"); do
  start=$(now_ms); ./chargeline --version >/dev/null; base_times+=($(( $(now_ms) - start )))
  start=$(now_ms)
  ./chargeline serve --port $port --data-dir "$data" >/dev/null 2>&1 &
  pid=$!
  serve_times+=("$(wait_healthy "$start")")
  kill -TERM $pid; wait $pid || true
done
serve_med=$(printf '%s\n' "${serve_times[@]}" | median)
base_med=$(printf '%s\n' "${base_times[@]}" | median)
echo "serve on existing data dir, launch -> first /healthz 200 (ms): ${serve_times[*]}"
echo "baseline: chargeline --version (ms):                           ${base_times[*]}"
echo "median serve ${serve_med} ms, median baseline ${base_med} ms, ratio $(awk "BEGIN {printf \"%.1f\", $serve_med/$base_med}")x; budget 3000 ms"
awk "BEGIN {exit !($serve_med <= 3000)}" && echo "PASS: within the 3 s budget" || { echo "FAIL: over the 3 s budget"; exit 1; }
