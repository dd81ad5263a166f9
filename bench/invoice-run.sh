#!/usr/bin/env bash
# The invoice run of last month for a master and N master-paid sub accounts with plans and a month of calls:
# first run (target <= 20 s at 10 000 sub accounts), second run of the same month (target <= 2 s).
# Usage: bench/invoice-run.sh [sub accounts] [calls per sub account] [data dir]
#   (default 10000 60 target/bench-invoices-data; an existing data dir is reused, not re-seeded)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CHARGELINE_LOG_LEVEL=${CHARGELINE_LOG_LEVEL:-WARN} CHARGELINE_ACCESS_LOG=OFF exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx4g \
  ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" com.chargeline.bench.InvoiceRunBench "${1:-10000}" "${2:-60}" \
  "${3:-target/bench-invoices-data}"
