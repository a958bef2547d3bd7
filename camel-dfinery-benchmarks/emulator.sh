#!/usr/bin/env bash
# Sourced by the benchmark scripts: builds the project, starts the emulator in its own JVM on a free port, and sets
# CP (the benchmarks' classpath) and BASE (the emulator's base URI). The emulator stops when the script exits.
# EMULATOR_PREFIX, if set, goes in front of the emulator's command (taskset, for one).
mvn -q -B install -DskipTests
mvn -q -B dependency:build-classpath -pl camel-dfinery-benchmarks -Dmdep.outputFile="$PWD/target/bench.classpath" >/dev/null
CP="camel-dfinery-benchmarks/target/classes:$(cat target/bench.classpath)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
${EMULATOR_PREFIX:-} java -Xmx8g -jar dfinery-emulator/target/dfinery-emulator-0.1.0-SNAPSHOT-standalone.jar \
  --config camel-dfinery-benchmarks/src/main/resources/bench-emulator.yaml --port "$PORT" > target/bench-emulator.log 2>&1 &
EMULATOR=$!
trap 'kill $EMULATOR 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do grep -q listening target/bench-emulator.log && break; sleep 0.2; done
BASE="http://127.0.0.1:$PORT"
