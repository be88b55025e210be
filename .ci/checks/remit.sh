#!/usr/bin/env bash
# Outside checks for `x12 remit`:
# 1. the well-formed 835 fixtures in Fixtures/remit validate with pyx12 4.0.0 (x12valid) in a throwaway
#    virtualenv (pyx12 does not check balancing, so unbalanced.835 passes; broken-claims.835 is broken on
#    purpose and skipped). pyx12 reports a second PLB segment as "Loop FOOTER exceeded max count" although
#    its own map gives PLB max use >1; that one message is tolerated.
# 2. the debug CLI's exit codes and outputs: 0 clean (warnings allowed), 1 errors, 2 unreadable file;
#    -o writes the file; --claims matches against the submitted 837.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --product x12 >/dev/null
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pyx12==4.0.0
status=0
for name in reversal-plb.835 multiple-payments.835 unbalanced.835; do
    cp "Fixtures/remit/$name" "$work/$name"
    log="$work/$name.log"
    # x12valid exits 1 even on success and writes an acknowledgment beside its input: read the log instead.
    (cd "$work" && "$work/venv/bin/x12valid" "$name" >"$log" 2>&1) || true
    errors=$(grep "ERROR Line:" "$log" | grep -v "Loop FOOTER exceeded max count" || true)
    if [ -n "$errors" ] || ! grep -qE "$name: (OK|Failure)" "$log"; then
        echo "remit: pyx12 $name FAILED"; cat "$log"; status=1
    else
        echo "remit: pyx12 $name OK"
    fi
done

expect_exit() {
    local want=$1; shift
    local got=0
    "$@" >"$work/out" 2>"$work/err" || got=$?
    if [ "$got" != "$want" ]; then
        echo "remit: '$*' exited $got, expected $want"; cat "$work/err"; status=1
    else
        echo "remit: '$*' exit $got OK"
    fi
}
x12=.build/debug/x12
expect_exit 0 $x12 remit Fixtures/remit/reversal-plb.835
expect_exit 0 $x12 remit Fixtures/remit/unbalanced.835 --format csv
grep -q "warning: claim U1: CLP03 300.00 - adjustments 95.00 = 205.00, but CLP04 is 200.00" "$work/err" \
    || { echo "remit: balancing warning missing"; status=1; }
expect_exit 1 $x12 remit Fixtures/remit/broken-claims.835 --format ndjson
grep -q "broken-claims.835:segment 13 (CLP) element 3: claim B2 skipped" "$work/err" \
    || { echo "remit: broken claim error missing"; status=1; }
# B2's CLP cannot be read (skipped); B3's unreadable CAS stays with B3: three claims, B3 carrying the segment.
[ "$(wc -l <"$work/out")" = 3 ] || { echo "remit: expected 3 NDJSON claims"; status=1; }
grep '"patientControlNumber":"B3"' "$work/out" | grep -q '"segmentText":"CAS\*CO\*45\*ABC"' \
    || { echo "remit: claim B3 does not carry its unreadable segment"; status=1; }
expect_exit 2 $x12 remit "$work/does-not-exist.835"
expect_exit 2 $x12 remit Fixtures/remit/reversal-plb.835 --format xml
expect_exit 0 $x12 remit Fixtures/remit/reversal-plb.835 --claims Fixtures/remit/submitted.837 -o "$work/report.json"
python3 - "$work/report.json" <<'PY' || status=1
import json, sys
report = json.load(open(sys.argv[1]))
assert report["summary"]["claimCount"] == 5, report["summary"]
assert report["matching"]["submittedClaimsNotInRemittance"] == ["V104-1"], report["matching"]
assert report["transactions"][0]["claims"][1]["submitted"]["unpaidAmount"] == "30.00"
print("remit: -o report.json with --claims OK")
PY
exit $status
