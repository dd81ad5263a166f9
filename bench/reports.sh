#!/usr/bin/env bash
# GET /v2/phone/reports/call_charges at 10 M records: page-30 latency at depth 1, 1 000 and last
# (target p99 <= 20 ms), total_records plans, and req/s against the same bytes from memory (>= 50 %).
# Usage: bench/reports.sh [calls] [calls per other account] [data dir]
#   (default 10000000 1000000 target/bench-reports-data; an existing data dir is reused, not re-seeded)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CHARGELINE_LOG_LEVEL=${CHARGELINE_LOG_LEVEL:-WARN} CHARGELINE_ACCESS_LOG=OFF exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx4g \
  ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" com.chargeline.bench.ReportsBench "${1:-10000000}" "${2:-1000000}" \
  "${3:-target/bench-reports-data}"
