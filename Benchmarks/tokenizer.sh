#!/usr/bin/env bash
# Tokenizer throughput: SegmentReader vs a plain C memchr scan on generated ~SIZE_MB 837P and 835 files.
# Usage: Benchmarks/tokenizer.sh [SIZE_MB]   (default 100; the files are generated, never committed)
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift build -c release --product X12Benchmark >/dev/null
bench=".build/release/X12Benchmark"
gcc -O2 -o "$work/memchr_baseline" Benchmarks/memchr_baseline.c
"$bench" tokenizer generate "$work" "$size"
for file in "$work/bench.837" "$work/bench.835"; do
    cat "$file" > /dev/null   # warm the page cache for both readers alike
    "$work/memchr_baseline" "$file"
    "$bench" tokenizer run "$file"
done
