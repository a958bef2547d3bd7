#!/usr/bin/env bash
# Export through a route with a small heap, against an emulator in its own JVM.
# Usage: camel-dfinery-benchmarks/export-memory.sh [rows (default 1000000)] [consumer heap (default 64m)]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
HEAP=${2:-64m}
mkdir -p target
source camel-dfinery-benchmarks/emulator.sh
java -Xmx256m -cp "$CP" io.github.cameldfinery.benchmarks.ExportMemory "$BASE" "$ROWS" seed
java -Xmx"$HEAP" -cp "$CP" io.github.cameldfinery.benchmarks.ExportMemory "$BASE" "$ROWS" component
java -Xmx4g -cp "$CP" io.github.cameldfinery.benchmarks.ExportMemory "$BASE" "$ROWS" naive
