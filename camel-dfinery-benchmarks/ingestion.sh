#!/usr/bin/env bash
# Event ingestion, three paths side by side, against an emulator in its own JVM.
# Usage: camel-dfinery-benchmarks/ingestion.sh [events (default 1000000)] [requests in flight (default 8)]
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-1000000}
IN_FLIGHT=${2:-8}
mkdir -p target
source camel-dfinery-benchmarks/emulator.sh
java -Xmx4g -cp "$CP" io.github.cameldfinery.benchmarks.Ingestion "$BASE" "$EVENTS" "$IN_FLIGHT"
