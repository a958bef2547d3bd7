#!/usr/bin/env bash
# Event ingestion, three paths side by side, against an emulator in its own JVM.
# Usage: camel-dfinery-benchmarks/ingestion.sh [events (default 1000000)] [requests in flight (default 8)]
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-1000000}
IN_FLIGHT=${2:-8}
mvn -q -B install -DskipTests
mvn -q -B dependency:build-classpath -pl camel-dfinery-benchmarks -Dmdep.outputFile="$PWD/target/bench.classpath" >/dev/null
CP="camel-dfinery-benchmarks/target/classes:$(cat target/bench.classpath)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xmx8g -jar dfinery-emulator/target/dfinery-emulator-0.1.0-SNAPSHOT-standalone.jar \
  --config camel-dfinery-benchmarks/src/main/resources/bench-emulator.yaml --port "$PORT" > target/bench-emulator.log 2>&1 &
EMULATOR=$!
trap 'kill $EMULATOR 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do grep -q listening target/bench-emulator.log && break; sleep 0.2; done
java -Xmx4g -cp "$CP" io.github.cameldfinery.benchmarks.Ingestion "http://127.0.0.1:$PORT" "$EVENTS" "$IN_FLIGHT"
