#!/usr/bin/env bash
# Throughput and latency of `POST /api/v1/assess` on loopback (BENCHMARKS.md, "The service"): the full document,
# the full document gzip- and Brotli-compressed, and the summary (`view=summary`), with `wrk` (Debian's package).
#
#   bash scripts/bench-service.sh                 # builds the release binary first
#   AIGOV_BIN=target/release/aigov DURATION=10s CONNECTIONS=16 RUNS=3 bash scripts/bench-service.sh
#
# For each run it prints requests/s, p50 and p99 (wrk's latency histogram), the server's CPU per answer (its utime +
# stime from /proc/PID/stat over the run, divided by the answers) and the load average before and after, since
# the load generator and the server share this machine's cores with whatever else runs on it.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${AIGOV_BIN:-target/release/aigov}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
RUNS=${RUNS:-1}
PORT=${PORT:-18383}
BODY=${AIGOV_BODY:-examples/api/assess-request.json}
VIEWS=${VIEWS:-"full full-gzip full-br summary"}

if [ -z "${AIGOV_BIN:-}" ]; then
    cargo build --release -p aigov-cli
fi
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }

home=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$home"' EXIT
AIGOV_HOME="$home" RUST_LOG=warn "$BIN" serve --addr "127.0.0.1:$PORT" --allow-anonymous-assess &
server=$!
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
    sleep 0.1
done

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
load() { cut -d' ' -f1 /proc/loadavg; }

printf '%-10s %6s %12s %9s %9s %9s %12s %9s %s\n' view conns "answers/s" p50_ms p99_ms max_ms "cpu_us/ans" bytes "load before-after"
for run in $(seq "$RUNS"); do
    for view in $VIEWS; do
        url="http://127.0.0.1:$PORT/api/v1/assess"
        enc=""
        case $view in
            full) ;;
            full-gzip) enc=gzip ;;
            full-br) enc=br ;;
            summary) url="$url?view=summary" ;;
            summary-gzip) url="$url?view=summary"; enc=gzip ;;
            *) echo "unknown view $view" >&2; exit 1 ;;
        esac
        # The size of one answer as sent.
        size=$(curl -s -o /dev/null -w '%{size_download}' ${enc:+-H "Accept-Encoding: $enc"} \
            -H 'Content-Type: application/json' --data-binary @"$BODY" "$url")
        l0=$(load); c0=$(cpu)
        out=$(AIGOV_BODY="$BODY" AIGOV_ENCODING="$enc" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
            -s scripts/bench-service.lua "$url")
        c1=$(cpu); l1=$(load)
        line=$(grep '^RESULT' <<<"$out")
        eval "${line#RESULT }"
        if [ "$errors" != 0 ]; then echo "$out" >&2; echo "$view: $errors errors" >&2; exit 1; fi
        awk -v v="$view" -v c="$CONNECTIONS" -v n="$requests" -v d="$duration_us" -v p50="$p50_us" -v p99="$p99_us" \
            -v mx="$max_us" -v cpu=$((c1 - c0)) -v t="$ticks" -v b="$size" -v l="$l0-$l1" \
            'BEGIN { printf "%-10s %6d %12.0f %9.2f %9.2f %9.2f %12.1f %9d %s\n", v, c, n / (d / 1e6), p50 / 1e3,
                     p99 / 1e3, mx / 1e3, cpu / t / n * 1e6, b, l }'
    done
done
