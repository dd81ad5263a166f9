#!/usr/bin/env bash
# End-to-end ingest over HTTP vs a raw COPY of the same rows (target >= 70 %).
# Usage: bench/ingest.sh [records]   (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
. scripts/jdk.sh
chargeline_pick_jdk
./mvnw -q -B -ntp -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test >target/bench-build.log 2>&1 || { grep -v 'WARNING' target/bench-build.log >&2; exit 1; }
CHARGELINE_LOG_LEVEL=WARN CHARGELINE_ACCESS_LOG=OFF exec "$JAVA_HOME/bin/java" -Xmx6g \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" com.chargeline.bench.IngestBench "${1:-200000}"
