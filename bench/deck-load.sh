#!/usr/bin/env bash
# Loading a 100k-prefix rate deck from PostgreSQL into memory (budget <= 1 s), against a raw JDBC read.
# Usage: bench/deck-load.sh [runs]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CHARGELINE_LOG_LEVEL=WARN exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx4g -cp "$BENCH_CP" com.chargeline.bench.DeckLoadBench "${1:-7}"
