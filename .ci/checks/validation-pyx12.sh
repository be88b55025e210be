#!/usr/bin/env bash
# Outside check for `x12 validate`: compares accept/reject verdicts with pyx12 4.0.0 (x12valid) on every corpus
# file and on mutated copies of Fixtures/validation/claim-837p.x12, and has pyx12 check the 999 we write.
# Files pyx12 cannot judge (it crashes without a verdict: byte-order marks, non-ASCII) are skipped.
# Known disagreements are listed in KNOWN below with the reason and the test that pins our answer.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
corpus="$root/Fixtures/corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --product x12 >/dev/null
x12="$root/.build/debug/x12"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q pyx12==4.0.0

# name -> reason we answer differently (each has a test in Tests/X12ValidationTests).
declare -A KNOWN=(
    # No 837I spec in Sources/X12Validation/Specs/ (out of scope): we say "no implementation guide", pyx12 has an X223A2 map.
    ["stupidedi-ppo-repriced.x12"]="no 837I spec in the bundled specs; CorpusTests expects .noSpec"
    # pyx12 does not check CLM02 = sum of SV102 (837P TR3 rule); MutationTests.testClaimChargeNotEqualToLineCharges.
    ["mut-claim-charge.x12"]="pyx12 does not check CLM02 = sum of SV102"
    # pyx12 does not check that SBR02 = 18 excludes the 2000C patient loop; MutationTests.testPatientLoopWhenSubscriberIsPatient.
    ["mut-patient-loop.x12"]="pyx12 does not apply the SBR02 = 18 / 2000C situational rule"
)

verdict_pyx12() { # file -> OK | Failure | none
    local name; name=$(basename "$1")
    # pyx12 crashes on a UTF-8 byte-order mark; it is trivia before the ISA, so give pyx12 the file without it.
    sed '1s/^\xEF\xBB\xBF//' "$1" > "$work/$name"
    (cd "$work" && timeout 120 "$work/venv/bin/x12valid" "$name" >"$work/$name.log" 2>&1) || true
    if grep -q "^$name: OK" "$work/$name.log"; then echo OK
    elif grep -q "^$name: Failure" "$work/$name.log"; then echo Failure
    else echo none; fi
}

verdict_ours() {
    if "$x12" validate "$1" >/dev/null 2>"$work/ours.log"; then echo OK
    else case $? in 1) echo Failure ;; *) echo error ;; esac; fi
}

mutate() { # name, sed program
    sed "$2" Fixtures/validation/claim-837p.x12 > "$work/mutations/$1"
}
mkdir -p "$work/mutations"
mutate mut-drop-required.x12 '/^N3\*100 MAIN ST~$/d'
mutate mut-overlong.x12 's/^NM1\*85\*2\*ACME THERAPY/NM1*85*2*ACME THERAPY ACME THERAPY ACME THERAPY ACME THERAPY ACME THERAPY/'
mutate mut-invalid-code.x12 's/^DMG\*D8\*19500101\*M~/DMG*D8*19500101*X~/'
mutate mut-hl-parent.x12 's/^HL\*2\*1\*22\*0~/HL*2*3*22*0~/'
mutate mut-se01.x12 's/^SE\*26\*0001~/SE*27*0001~/'
mutate mut-claim-charge.x12 's/^CLM\*PCN001\*220\*/CLM*PCN001*230*/'
mutate mut-gs-date.x12 's/^GS\*HC\*SUBMITTERID\*RECEIVERID\*20240115/GS*HC*SUBMITTERID*RECEIVERID*20241315/'
mutate mut-isa-usage.x12 's/\*0\*P\*:~$/*0*X*:~/'
mutate mut-bad-date.x12 's/^DTP\*472\*D8\*20240110~/DTP*472*D8*20240231~/'
mutate mut-patient-loop.x12 's/^CLM\*PCN001/HL*3*2*23*0~\nPAT*19~\nNM1*QC*1*DOE*JANE~\nN3*1 ELM ST~\nN4*SPRINGFIELD*IL*62701~\nDMG*D8*20100101*F~\nCLM*PCN001/; s/^HL\*2\*1\*22\*0~/HL*2*1*22*1~/; s/^SE\*26\*0001~/SE*32*0001~/'

agree=0; disagree=0; skipped=0; status=0
for file in $(find "$corpus" -name '*.x12' | sort) Fixtures/validation/claim-837p.x12 "$work"/mutations/*.x12; do
    name=$(basename "$file")
    theirs=$(verdict_pyx12 "$file")
    ours=$(verdict_ours "$file")
    if [ "$theirs" = none ]; then
        skipped=$((skipped + 1)); echo "validation-pyx12: $name: pyx12 gives no verdict (ours: $ours), skipped"; continue
    fi
    if [ "$theirs" = "$ours" ]; then
        agree=$((agree + 1)); echo "validation-pyx12: $name: both $ours"
        if [ -n "${KNOWN[$name]:-}" ]; then echo "validation-pyx12: $name is listed as a known disagreement but agrees now: update KNOWN"; status=1; fi
    elif [ -n "${KNOWN[$name]:-}" ]; then
        disagree=$((disagree + 1)); echo "validation-pyx12: $name: pyx12 $theirs, ours $ours (known: ${KNOWN[$name]})"
    else
        echo "validation-pyx12: $name: pyx12 $theirs, ours $ours: UNEXPECTED DISAGREEMENT"; cat "$work/$name.log" "$work/ours.log"; status=1
    fi
done

# The 999 we write for a rejected file must itself pass pyx12.
"$x12" validate "$work/mutations/mut-invalid-code.x12" --ack "$work/mutations/ack.999" >/dev/null 2>&1 || true
if [ "$(verdict_pyx12 "$work/mutations/ack.999")" != OK ]; then
    echo "validation-pyx12: the 999 written for mut-invalid-code.x12 fails pyx12"; cat "$work/ack.999.log"; status=1
else
    echo "validation-pyx12: 999 for mut-invalid-code.x12 passes pyx12"
fi
echo "validation-pyx12: $agree agree, $disagree known disagreements, $skipped without a pyx12 verdict"
exit $status
