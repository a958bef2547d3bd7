#!/usr/bin/env bash
# All benchmarks in one run (about 5 minutes on 2 cores): ingestion, export memory, quota use.
# Usage: camel-dfinery-benchmarks/run-all.sh [events (default 1000000)] [export rows (default 1000000)]
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-1000000}
ROWS=${2:-1000000}
echo "## $(date -u +%F) on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "### Ingestion ($EVENTS events)"
camel-dfinery-benchmarks/ingestion.sh "$EVENTS" 8 2>&1 | grep -E '^\||= |^events='
echo "### Export memory ($ROWS rows)"
camel-dfinery-benchmarks/export-memory.sh "$ROWS" 64m 2>&1 | grep -E '^mode=|^seeded'
echo "### Quota use"
CP="camel-dfinery-benchmarks/target/classes:$(cat target/bench.classpath)"
java -cp "$CP" io.github.cameldfinery.benchmarks.QuotaUse 50 2 6 2>&1 | grep -E '^\|'
