#!/usr/bin/env bash
# The shared quota guard (a Redis on loopback) against the local one, side by side in one run.
# Needs redis-server (Debian's package); the script starts one on a free port and stops it at the end.
# Usage: camel-dfinery-benchmarks/guard-cost.sh [requests per path (default 20000)] [in flight (default 8)] [rounds (default 3)]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
source camel-dfinery-benchmarks/emulator.sh
REDIS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no > target/bench-redis.log 2>&1 &
REDIS=$!
trap 'kill $EMULATOR $REDIS 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do grep -q "Ready to accept" target/bench-redis.log && break; sleep 0.2; done
java -cp "$CP" io.github.cameldfinery.benchmarks.GuardCost "$BASE" "redis://127.0.0.1:$REDIS_PORT" "${1:-20000}" "${2:-8}" "${3:-3}"
