#!/usr/bin/env bash
# Outside check for the claim ledger: generate -> ack -> remit -> rebill through the debug CLI with --ledger,
# then the corrected and void 837s are validated with pyx12 4.0.0 (x12valid). Fails on any pyx12 error, on a
# rebill that is not refused when no payer claim control number is known, or on a re-import that changes anything.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --product x12 >/dev/null
x12=.build/debug/x12
ledger="$work/ledger.sqlite"
$x12 generate Fixtures/batches/example.json -o "$work/claims.837" --control-number 101 --date 2024-01-20T10:30 --ledger "$ledger" 2>/dev/null
$x12 ack Fixtures/ledger/claims.999 Fixtures/ledger/claims.277 --ledger "$ledger" >/dev/null 2>&1
$x12 remit Fixtures/ledger/payments.835 --ledger "$ledger" >/dev/null 2>&1
before=$($x12 ledger status --ledger "$ledger" --as-of 2024-03-01 --format csv)
if ! $x12 remit Fixtures/ledger/payments.835 --ledger "$ledger" 2>&1 >/dev/null | grep -q "already imported"; then
    echo "ledger: re-importing the 835 did not say 'already imported'"; exit 1
fi
if [ "$before" != "$($x12 ledger status --ledger "$ledger" --as-of 2024-03-01 --format csv)" ]; then
    echo "ledger: re-import changed the status"; exit 1
fi
if $x12 ledger rebill V1003 -o "$work/refused.837" --control-number 102 --ledger "$ledger" 2>/dev/null; then
    echo "ledger: rebill of V1003 (no payer claim control number) was not refused"; exit 1
fi
$x12 ledger rebill V3001 V3001-2 -o "$work/corrected.837" --control-number 102 --date 2024-03-01T09:00 --ledger "$ledger" 2>/dev/null
$x12 ledger rebill V1001 --void -o "$work/void.837" --control-number 103 --date 2024-03-01T09:00 --ledger "$ledger" 2>/dev/null
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pyx12==4.0.0
status=0
for name in corrected void; do
    log="$work/$name.pyx12.log"
    # x12valid exits 1 even on success and writes a .997 beside its input: read the verdict line instead.
    (cd "$work" && "$work/venv/bin/x12valid" "$name.837" >"$log" 2>&1) || true
    if grep -q "ERROR Line:" "$log" || ! grep -q "$name.837: OK" "$log"; then
        echo "ledger: $name.837 FAILED"; cat "$log"; status=1
    else
        echo "ledger: $name.837 OK ($(grep -c '^CLM' "$work/$name.837") claims, $(grep -c '^REF\*F8' "$work/$name.837") REF*F8)"
    fi
done
exit $status
