#!/usr/bin/env bash
# Loading a 100k-prefix rate deck from PostgreSQL into memory (budget <= 1 s), against a raw JDBC read.
# Usage: bench/deck-load.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
. scripts/jdk.sh
chargeline_pick_jdk
./mvnw -q -B -ntp -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test >target/bench-build.log 2>&1 || { grep -v 'WARNING' target/bench-build.log >&2; exit 1; }
CHARGELINE_LOG_LEVEL=WARN exec "$JAVA_HOME/bin/java" -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.chargeline.bench.DeckLoadBench "${1:-7}"
