#!/usr/bin/env bash
# GET /dashboard/overview for a master with 50 sub accounts and 10 M rated calls in the month (target <= 300 ms).
# Usage: bench/dashboard-overview.sh [data dir] [calls per sub account]
#   (default target/bench-reports-data 200000; the master and its 50 sub accounts are seeded into it on the first run)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CHARGELINE_LOG_LEVEL=${CHARGELINE_LOG_LEVEL:-WARN} CHARGELINE_ACCESS_LOG=OFF exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx4g \
  ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" com.chargeline.bench.DashboardOverviewBench "${1:-target/bench-reports-data}" \
  "${2:-200000}"
