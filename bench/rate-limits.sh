#!/usr/bin/env bash
# The rate limiter's cost per request: a Light GET by a limited and an exempt client, interleaved (p50/p99 of each).
# Usage: bench/rate-limits.sh [data dir] (default target/bench-rate-limits-data, created on the first run)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CHARGELINE_LOG_LEVEL=${CHARGELINE_LOG_LEVEL:-WARN} CHARGELINE_ACCESS_LOG=OFF exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" com.chargeline.bench.RateLimitBench "${1:-target/bench-rate-limits-data}"
