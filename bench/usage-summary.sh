#!/usr/bin/env bash
# GET /api/v1/accounts/{id}/usage/summary for last month at 10 M rated calls: p99 in total and by day, call type and
# destination country (target <= 20 ms), and the EXPLAIN (ANALYZE, BUFFERS) plan of each statement.
# Usage: bench/usage-summary.sh [data dir] (default target/bench-reports-data: run bench/reports.sh once first; a data
#   dir made before migration V2026_12_01_2000 gets its daily rollups backfilled from the records when it starts)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CHARGELINE_LOG_LEVEL=${CHARGELINE_LOG_LEVEL:-WARN} CHARGELINE_ACCESS_LOG=OFF exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx4g \
  ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" com.chargeline.bench.UsageSummaryBench "${1:-target/bench-reports-data}"
