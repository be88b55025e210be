#!/usr/bin/env bash
# Compares `X12Benchmark remit` (835 → payment records) with pyx12 4.0.0's segment reader on the same
# generated 835. Usage: Benchmarks/remit-vs-pyx12.sh [MEGABYTES]   (default 20; pyx12 reads ~1-3 MB/s)
# pyx12 is installed in a throwaway virtualenv; it is only used here, never shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product X12Benchmark >/dev/null 2>&1
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pyx12==4.0.0

file="$work/bench.835"
ours="$(.build/release/X12Benchmark remit "$megabytes" --keep "$file" --only records)"
echo "$ours"
ours_seconds="$(echo "$ours" | sed -n 's/^835 records (RemittanceDecoder): \([0-9.]*\) s wall.*/\1/p')"

cat > "$work/read.py" <<'PY'
import sys, time
import pyx12.x12file
start = time.time()
cpu = time.process_time()
segments = claims = 0
for segment in pyx12.x12file.X12Reader(sys.argv[1]):
    segments += 1
    if segment.get_seg_id() == "CLP":
        claims += 1
print("%d %d %.2f %.2f" % (segments, claims, time.time() - start, time.process_time() - cpu))
PY
read -r segments claims pyx12_seconds pyx12_cpu < <("$work/venv/bin/python" "$work/read.py" "$file")
size_mb="$(python3 -c "import os; print(os.path.getsize('$file') / 1e6)")"
ours_cpu="$(echo "$ours" | sed -n 's/^835 records (RemittanceDecoder): .* s wall, .* MB\/s; \([0-9.]*\) s CPU.*/\1/p')"
python3 - "$size_mb" "$ours_seconds" "$ours_cpu" "$pyx12_seconds" "$pyx12_cpu" "$segments" "$claims" <<'PY'
import sys
size, ours, ours_cpu, theirs, theirs_cpu = (float(value) for value in sys.argv[1:6])
segments, claims = sys.argv[6], sys.argv[7]
print("pyx12 X12Reader (segments only): %.2f s wall, %.1f MB/s; %.2f s CPU, %.1f MB/s (%s segments, %s CLP)"
      % (theirs, size / theirs, theirs_cpu, size / theirs_cpu, segments, claims))
print("RemittanceDecoder (835 to records) vs pyx12 segment reading: %.1fx faster by wall clock, %.1fx by CPU time"
      % (theirs / ours, theirs_cpu / ours_cpu))
PY
