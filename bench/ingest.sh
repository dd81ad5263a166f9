#!/usr/bin/env bash
# End-to-end ingest over HTTP vs a raw COPY of the same rows (target >= 70 %).
# Usage: bench/ingest.sh [records] [concurrent clients] [server ingest concurrency (default: serve's, half the cores)]
#   [ingest nice value (default: serve's, 10)]
#   default: 400000 records (8 rounds of 50 000, each ingested and then COPYed) and one client per core;
#   bench/ingest.sh 400000 1 measures a single request/response stream.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CHARGELINE_LOG_LEVEL=${CHARGELINE_LOG_LEVEL:-WARN} CHARGELINE_ACCESS_LOG=${CHARGELINE_ACCESS_LOG:-OFF} exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx6g ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" \
  com.chargeline.bench.IngestBench "${1:-400000}" "${2:-$(nproc)}" ${3:+"$3"} ${4:+"$4"}
