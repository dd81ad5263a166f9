#!/usr/bin/env bash
# Runs the JMH benchmarks of bench/java (pricing; classification + pricing), one fork, one thread.
# Usage: bench/jmh.sh [regex]   e.g. bench/jmh.sh PricingBench
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
. scripts/jdk.sh
chargeline_pick_jdk
./mvnw -q -B -ntp -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test >target/bench-build.log 2>&1 || { grep -v 'WARNING' target/bench-build.log >&2; exit 1; }
exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openjdk.jmh.Main -rf text -rff target/jmh-result.txt "${1:-.*Bench.*}"
