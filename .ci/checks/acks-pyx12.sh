#!/usr/bin/env bash
# Outside check for the hand-made acknowledgment fixtures: every well-formed 999 and 277CA in Fixtures/acks is
# validated with pyx12 4.0.0 (x12valid, maps 999.5010X231.A1 and 277.5010.X214) in a throwaway virtualenv.
# truncated.999 is malformed on purpose and is skipped; submitted.837 carries the invalid date the 999 rejects.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pyx12==4.0.0
status=0
for file in Fixtures/acks/*.999 Fixtures/acks/*.277; do
    name=$(basename "$file")
    [ "$name" = "truncated.999" ] && continue
    cp "$file" "$work/$name"
    # x12valid exits 1 even on success and writes an acknowledgment beside its input: read the verdict line.
    log="$work/$name.log"
    (cd "$work" && "$work/venv/bin/x12valid" "$name" >"$log" 2>&1) || true
    if grep -q "ERROR Line:" "$log" || ! grep -q "$name: OK" "$log"; then
        echo "acks-pyx12: $name FAILED"
        cat "$log"
        status=1
    else
        echo "acks-pyx12: $name OK"
    fi
done
exit $status
