#!/usr/bin/env bash
# Throughput of the validator (release build, `X12Benchmark validate --file`, the same code as `x12 validate`) against pyx12 4.0.0's x12valid on the same generated
# 837P. pyx12 manages about 0.1 MB/s, so the shared file is small (default 1 MB); our own large-file number
# comes from `swift run -c release X12Benchmark validate 100`.
# Usage: Benchmarks/validate-vs-pyx12.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product X12Benchmark >/dev/null
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pyx12==4.0.0
.build/release/X12Benchmark validate --write "$work/claims.837" "$size"
bytes=$(wc -c < "$work/claims.837")
cpu() { # command... -> CPU seconds (user + system) of the command
    /usr/bin/time -f "%U %S" -o "$work/time" "$@" >/dev/null 2>&1 || true
    tail -n 1 "$work/time" | awk '{ printf "%.3f", $1 + $2 }'
}
ours=$(cpu .build/release/X12Benchmark validate --file "$work/claims.837")
theirs=$(cd "$work" && cpu "$work/venv/bin/x12valid" claims.837)
awk -v b="$bytes" -v o="$ours" -v t="$theirs" 'BEGIN {
    mb = b / 1000000
    printf "file: %.2f MB generated 837P\n", mb
    printf "x12 validate: %.3f s CPU = %.1f MB/s (includes loading specs)\n", o, mb / o
    printf "pyx12 x12valid: %.3f s CPU = %.2f MB/s\n", t, mb / t
    printf "ratio: x12 validate is %.0fx faster\n", t / o
}'
