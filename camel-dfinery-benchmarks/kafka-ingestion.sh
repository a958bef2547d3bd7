#!/usr/bin/env bash
# Kafka into DFINERY, side by side in one run: the same messages sent from direct: by one Camel Main application,
# and consumed by docs/brokers.md's Kafka recipe in one replica and in three, in rounds of rotating order. A
# single-node Kafka (the brokers module's KafkaBroker, from the kafka_2.13 jars) and the emulator (its standalone
# main, bench-emulator.yaml) run in JVMs of their own; every application too (KafkaIngestionBenchmark, in the
# brokers module's tests, which holds the recipe, the replicas and the broker).
# Usage: camel-dfinery-benchmarks/kafka-ingestion.sh [messages of 10 events per measurement (default 1000)]
#        [rounds (default 3)]
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-1000}
ROUNDS=${2:-3}
mkdir -p target
./mvnw -q -B install -DskipTests -pl camel-dfinery-brokers -am
./mvnw -q -B dependency:build-classpath -pl camel-dfinery-brokers -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/kafka-bench.classpath" >/dev/null
cd camel-dfinery-brokers
java -Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn -cp "target/test-classes:$(cat ../target/kafka-bench.classpath)" \
  io.github.cameldfinery.brokers.KafkaIngestionBenchmark ../camel-dfinery-benchmarks/src/main/resources/bench-emulator.yaml \
  "$MESSAGES" "$ROUNDS"
