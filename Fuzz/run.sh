#!/usr/bin/env bash
# Builds the reader fuzzer with libFuzzer (+ AddressSanitizer) and runs it.
# Usage: Fuzz/run.sh [runs]   (default 1000000 iterations). Crashes land in Fuzz/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1000000}"
mkdir -p .build/fuzz Fuzz/out Fuzz/corpus-work
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name X12 \
    Sources/X12/*.swift Fuzz/ReaderFuzz.swift -o .build/fuzz/reader-fuzz
# Seeds: the repository's fixtures, public corpus included (copied, so libFuzzer's additions stay out of git).
find Fixtures -type f \( -name '*.x12' -o -name '*.837' -o -name '*.835' -o -name '*.999' \) \
    -exec cp {} Fuzz/corpus-work/ \; 2>/dev/null || true
cp Fuzz/seeds/* Fuzz/corpus-work/ 2>/dev/null || true
.build/fuzz/reader-fuzz -runs="$runs" -max_len=4096 -artifact_prefix=Fuzz/out/ -print_final_stats=1 Fuzz/corpus-work
