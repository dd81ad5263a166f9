#!/usr/bin/env bash
# The soak: mixed traffic from several clients against several `serve` processes on one PostgreSQL (report paging,
# ingest with deliberate re-sends, plan reads and changes, invoice downloads, Talkdesk usage); prints each operation's
# statuses and p50/p99 as the clients saw them and, per route, the nodes' own view (their latency histograms), the
# errors other than expected 429s, records lost or duplicated, and each node's RSS.
# Data in a temp dir, deleted at the end unless CHARGELINE_SOAK_KEEP is set.
# Usage: bench/soak.sh [seconds] [nodes] [greedy|polite] [clients]   (default 600 2 greedy, all clients; polite read
# clients wait a 429's Retry-After; clients: a comma list of reports,ingest,plans,invoices,talkdesk)
# The nodes attach to the soak's embedded PostgreSQL (as a second `serve --data-dir` does); CHARGELINE_JAVA_OPTS goes
# to their JVMs and SOAK_SERVE_ARGS to their command lines (e.g. SOAK_SERVE_ARGS="--ingest-nice 0" for an A/B).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx6g ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" com.chargeline.bench.Soak "${1:-600}" "${2:-2}" "${3:-greedy}" ${4:+"$4"}
