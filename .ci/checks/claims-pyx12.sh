#!/usr/bin/env bash
# Outside check for 837P generation: every fixture batch is generated with the debug CLI and validated with
# pyx12 4.0.0 (x12valid) in a throwaway virtualenv. Any pyx12 error fails the check.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --product x12 >/dev/null
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pyx12==4.0.0
status=0
for batch in Fixtures/batches/*.json; do
    name=$(basename "$batch" .json)
    out="$work/$name.837"
    .build/debug/x12 generate "$batch" -o "$out" --report "$work/$name.report.json" \
        --control-number 101 --date 2024-01-20T10:30 2>"$work/$name.summary"
    if [ ! -s "$out" ]; then
        echo "claims-pyx12: $name: no 837 generated"; cat "$work/$name.summary"; status=1; continue
    fi
    # x12valid exits 1 even on success and writes a .997 beside its input: read the verdict line instead.
    log="$work/$name.pyx12.log"
    (cd "$work" && "$work/venv/bin/x12valid" "$name.837" >"$log" 2>&1) || true
    if grep -q "ERROR Line:" "$log" || ! grep -q "$name.837: OK" "$log"; then
        echo "claims-pyx12: $name.837 FAILED"
        cat "$log"
        status=1
    else
        echo "claims-pyx12: $name.837 OK ($(grep -c '^CLM' "$out") claims)"
    fi
done
exit $status
