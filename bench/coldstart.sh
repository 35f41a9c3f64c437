#!/usr/bin/env bash
# Measures cold start to ready: a fresh data directory (migrations and demo
# data) and a warm restart on the same data, polling /readyz every 10 ms.
# Also prints the size of the static production binary.
#   bash bench/coldstart.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/entraide
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$bin" ./cmd/entraide
echo "binary: $(stat -c %s "$bin") bytes ($(( $(stat -c %s "$bin") / 1048576 )) MiB), static, stripped"
data=$(mktemp -d)
port=18$(( RANDOM % 900 + 100 ))
measure() {
  local label=$1 start end pid
  start=$(date +%s%N)
  ENTRAIDE_DATA=$data ENTRAIDE_ADDR=127.0.0.1:$port ENTRAIDE_LOG_LEVEL=error "$bin" >/dev/null 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    sleep 0.01
    if ! kill -0 $pid 2>/dev/null; then echo "server exited"; exit 1; fi
  done
  end=$(date +%s%N)
  echo "$label: ready in $(( (end - start) / 1000000 )) ms"
  kill $pid; wait $pid 2>/dev/null || true
}
measure "cold start (empty data, migrations, demo data)"
measure "restart (existing data)"
rm -rf "$data" "$(dirname "$bin")"
