#!/usr/bin/env bash
# Runs the JMH benchmarks of bench/java (pricing; classification + pricing), one fork, one thread.
# Usage: bench/jmh.sh [regex]   e.g. bench/jmh.sh PricingBench
set -euo pipefail
. "$(dirname "$0")/lib.sh"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" org.openjdk.jmh.Main -rf text -rff target/jmh-result.txt "${1:-.*Bench.*}"
