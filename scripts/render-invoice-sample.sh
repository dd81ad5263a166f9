#!/usr/bin/env bash
# Regenerates docs/invoice-sample.png: page 1 of a typical posted invoice (bench/java BenchInvoices, 21 lines) as
# Chargeline renders it, at 60 dpi. Needs poppler-utils (pdftoppm). Usage: scripts/render-invoice-sample.sh
set -euo pipefail
. "$(dirname "$0")/../bench/lib.sh"
command -v pdftoppm >/dev/null || { echo "render-invoice-sample: pdftoppm (poppler-utils) is not installed" >&2; exit 1; }
"$JAVA_HOME/bin/java" -cp "$BENCH_CP" com.chargeline.bench.InvoiceSample target/invoice-sample.pdf
pdftoppm -png -r 60 -f 1 -l 1 -singlefile target/invoice-sample.pdf docs/invoice-sample
echo "wrote docs/invoice-sample.png (from target/invoice-sample.pdf)"
