# shellcheck shell=bash
# Sourced by the bench scripts: picks a JDK >= 21, compiles main + bench/java, and sets BENCH_CP.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p target
. scripts/jdk.sh
chargeline_pick_jdk
./mvnw -q -B -ntp -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test >target/bench-build.log 2>&1 || { grep -v 'WARNING' target/bench-build.log >&2; exit 1; }
BENCH_CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
