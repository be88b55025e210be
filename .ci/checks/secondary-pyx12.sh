#!/usr/bin/env bash
# Outside check for secondary (COB) claims: the end-to-end scenario of Fixtures/cob (batch → generate --ledger →
# primary 835 → remit --ledger → ledger secondary) run with the debug CLI; every 837 it writes (the primary claims
# and the secondary claims) must pass pyx12 4.0.0 x12valid with no error, and x12 validate too.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --product x12 >/dev/null
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pyx12==4.0.0
x12=.build/debug/x12
ledger="$work/ledger.sqlite"
"$x12" generate Fixtures/cob/batch.json -o "$work/primary.837" --ledger "$ledger" 2>"$work/generate.log"
"$x12" remit Fixtures/cob/primary.835 -o "$work/payments.json" --ledger "$ledger" 2>"$work/remit.log"
"$x12" ledger secondary --ledger "$ledger" -o "$work/secondary.837" --report "$work/secondary.json" \
    --control-number 801 --date 2024-02-20T09:00 2>"$work/secondary.log"
status=0
if ! cmp -s "$work/secondary.837" Fixtures/cob/secondary.837; then
    echo "secondary-pyx12: secondary.837 differs from Fixtures/cob/secondary.837"
    diff "$work/secondary.837" Fixtures/cob/secondary.837 || true
    status=1
fi
for name in primary secondary; do
    if [ ! -s "$work/$name.837" ]; then
        echo "secondary-pyx12: no $name.837 written"; cat "$work/$name.log" 2>/dev/null || true; status=1; continue
    fi
    # x12valid exits 1 even on success and writes a .997 beside its input: read the verdict line instead.
    log="$work/$name.pyx12.log"
    (cd "$work" && "$work/venv/bin/x12valid" "$name.837" >"$log" 2>&1) || true
    if grep -q "ERROR Line:" "$log" || ! grep -q "$name.837: OK" "$log"; then
        echo "secondary-pyx12: $name.837 FAILED"
        cat "$log"
        status=1
    else
        echo "secondary-pyx12: $name.837 OK ($(grep -c '^CLM' "$work/$name.837") claims)"
    fi
    if ! "$x12" validate "$work/$name.837" >"$work/$name.validate.log" 2>&1; then
        echo "secondary-pyx12: x12 validate $name.837 FAILED"; cat "$work/$name.validate.log"; status=1
    fi
done
exit $status
