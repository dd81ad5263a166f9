#!/usr/bin/env bash
# GET /express/usage/month at 100 000 and 10 M rated calls a month: p99 of any page (target <= 10 ms at both).
# Usage: bench/talkdesk-usage.sh [data dir] (default target/bench-reports-data: run bench/reports.sh once first;
#   a 100 000-call organization is seeded into it on the first run)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CHARGELINE_LOG_LEVEL=${CHARGELINE_LOG_LEVEL:-WARN} CHARGELINE_ACCESS_LOG=OFF exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx4g \
  ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" com.chargeline.bench.TalkdeskUsageBench "${1:-target/bench-reports-data}"
