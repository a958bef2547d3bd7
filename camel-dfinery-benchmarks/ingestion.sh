#!/usr/bin/env bash
# Event ingestion, every path side by side in rounds of rotating order, against an emulator in its own JVM.
# Usage: camel-dfinery-benchmarks/ingestion.sh [events (default 1000000)] [requests in flight (default 8)]
#        [rounds (default 3)] [paths (default a,a-map,a-json,b,c,c2)]
# CLIENT_OPTS: more JVM options for the client, e.g. CLIENT_OPTS=-XX:ActiveProcessorCount=1.
# PIN=1: the emulator on CPU 0 and the client on CPU 1 (taskset), so that their CPU does not mix.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-1000000}
IN_FLIGHT=${2:-8}
ROUNDS=${3:-3}
PATHS=${4:-a,a-map,a-json,b,c,c2}
CLIENT_PREFIX=""
EMULATOR_PREFIX=""
if [ "${PIN:-0}" = 1 ]; then
  EMULATOR_PREFIX="taskset -c 0"
  CLIENT_PREFIX="taskset -c 1"
fi
mkdir -p target
source camel-dfinery-benchmarks/emulator.sh
# shellcheck disable=SC2086
$CLIENT_PREFIX java -Xmx4g ${CLIENT_OPTS:-} -cp "$CP" io.github.cameldfinery.benchmarks.Ingestion "$BASE" "$EVENTS" \
  "$IN_FLIGHT" "$ROUNDS" "$PATHS"
