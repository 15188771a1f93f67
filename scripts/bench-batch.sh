#!/usr/bin/env bash
# Batch throughput and memory of `aigov assess --batch` on synthetic inventories (100k and 1M subjects), and
# start-up time of `aigov assess` with the embedded corpus. Needs hyperfine and GNU time (Debian packages
# `hyperfine`, `time`). Results go to BENCHMARKS.md by hand, with the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p aigov-cli
bin=target/release/aigov
tmp=${TMPDIR:-/tmp}/aigov-bench
mkdir -p "$tmp"
for n in 100000 1000000; do
  [ -s "$tmp/inv-$n.jsonl" ] || python3 scripts/gen_inventory.py "$n" 42 > "$tmp/inv-$n.jsonl"
done
echo "== batch throughput (summary lines), 100k subjects"
hyperfine -N --warmup 1 -r 5 "$bin assess --batch $tmp/inv-100000.jsonl --as-of 2026-11-28 -o $tmp/out.jsonl"
echo "== peak memory (max RSS, KiB): 100k vs 1M subjects"
for n in 100000 1000000; do
  /usr/bin/time -f "$n subjects: %M KiB max RSS, %e s" "$bin" assess --batch "$tmp/inv-$n.jsonl" --as-of 2026-11-28 -o "$tmp/out.jsonl"
done
echo "== start-up: one assessment with the embedded corpus"
hyperfine -N --warmup 5 -r 50 "$bin assess examples/cv-screening-saas.yaml --as-of 2026-11-28"
