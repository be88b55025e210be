#!/usr/bin/env bash
# Paper views check for `x12 render`: print the fixtures' CMS-1500 forms (837P) and remittance views (835) to
# PDF with `--pdf` (headless Chromium) and to PNG, then assert with poppler's pdftotext that every claim's
# CLM01, total charge and billing NPI are on the forms, and every claim payment's CLP01 and paid amount and
# the payee on the remittance. Expected values come from `x12 claims` / `x12 remit` CSV of the same files.
# Installs Debian's chromium and poppler-utils when missing; skips LOUDLY when it cannot.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
shots="$root/.build/screenshots/forms"
mkdir -p "$shots"

skip() {
    echo "############################################################################"
    echo "## SKIPPED forms-pdf.sh: $1"
    echo "## The PDF check of 'x12 render' did NOT run."
    echo "############################################################################"
    exit 0
}

find_chromium() {
    for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
    done
    return 1
}

if ! find_chromium >/dev/null || ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "chromium or poppler-utils not found: installing them from Debian"
        export DEBIAN_FRONTEND=noninteractive
        if ! timeout 600 apt-get install -y -q chromium poppler-utils >/tmp/forms-pdf-apt.log 2>&1; then
            timeout 120 apt-get update -q >>/tmp/forms-pdf-apt.log 2>&1 || true
            timeout 600 apt-get install -y -q chromium poppler-utils >>/tmp/forms-pdf-apt.log 2>&1 || true
        fi
    fi
fi
chrome=$(find_chromium || true)
[ -n "$chrome" ] || skip "chromium is not installed and could not be installed (see /tmp/forms-pdf-apt.log)"
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null \
    || skip "poppler-utils is not installed and could not be installed (see /tmp/forms-pdf-apt.log)"
command -v python3 >/dev/null || skip "python3 (to read the CSV of expected values) is not installed"
echo "using $("$chrome" --version 2>/dev/null || echo "$chrome"), $(pdftotext -v 2>&1 | head -1)"

swift build --product x12 >/tmp/forms-pdf-build.log 2>&1 || { cat /tmp/forms-pdf-build.log; echo "FAIL: swift build"; exit 1; }
x12="$root/.build/debug/x12"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }

# The words pdftotext gives, one line, whitespace squeezed.
pdf_words() { pdftotext "$1" - | tr -s ' \t\n\f' ' '; }

# CSV columns (by header name) of a file, one tab-separated line per row, rows deduplicated.
columns() { # columns CSV COLUMN...
    python3 - "$@" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
seen = []
for row in rows:
    values = "\t".join(row[name] for name in sys.argv[2:])
    if values not in seen:
        seen.append(values)
print("\n".join(seen))
PY
}

render() { # render FIXTURE VIEW NAME: PDF and HTML in $work, a PNG of page 1 in $shots
    local fixture=$1 view=$2 name=$3
    if ! timeout 300 "$x12" render "$fixture" --as "$view" -o "$work/$name.html" --pdf "$work/$name.pdf" 2>"$work/$name.err"; then
        cat "$work/$name.err"
        fail "x12 render $fixture --as $view --pdf"
        return 1
    fi
    pdftoppm -png -r 80 -f 1 -l 1 "$work/$name.pdf" "$shots/$name" || fail "pdftoppm $name.pdf"
    timeout 60 "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$work/profile" \
        --window-size=850,1100 --screenshot="$shots/$name-screen.png" "file://$work/$name.html" >>"$work/chromium.log" 2>&1 \
        || fail "chromium screenshot of $name.html"
    [ -s "$shots/$name-screen.png" ] || fail "no screenshot of $name.html"
}

forms=0
for fixture in Fixtures/forms/split-claims.837 Fixtures/corpus/837p/lfh-ambulance-example5.x12 \
               Fixtures/corpus/837p/stupidedi-anesthesia.x12 Fixtures/claims/example.837; do
    name="cms1500-$(basename "${fixture%.*}")"
    render "$fixture" cms1500 "$name" || continue
    "$x12" claims --format csv -o "$work/$name.csv" "$fixture" || { fail "x12 claims $fixture"; continue; }
    words=$(pdf_words "$work/$name.pdf")
    while IFS=$'\t' read -r clm01 total npi; do
        [ -n "$clm01" ] || continue
        forms=$((forms + 1))
        # The form prints dollars and cents apart (item 28: 476 00).
        printed="${total%.*} ${total#*.}"
        for value in "$clm01" "$printed" "$npi"; do
            case " $words " in *" $value "*) ;; *) fail "$name.pdf: claim $clm01: '$value' not in pdftotext output" ;; esac
        done
    done < <(columns "$work/$name.csv" patientControlNumber totalCharge billingProviderNpi)
done

remits=0
for fixture in Fixtures/remit/reversal-plb.835 Fixtures/remit/multiple-payments.835 \
               Fixtures/corpus/835/stupidedi-multiple-claims-single-check.x12; do
    name="remit-$(basename "${fixture%.*}")"
    render "$fixture" remit "$name" || continue
    "$x12" remit --quiet --format csv -o "$work/$name.csv" "$fixture" || { fail "x12 remit $fixture"; continue; }
    words=$(pdf_words "$work/$name.pdf")
    while IFS=$'\t' read -r kind pcn paid payee; do
        [ "$kind" = "recordType" ] && continue
        [ -n "$pcn" ] || continue
        remits=$((remits + 1))
        for value in "$pcn" "$paid" "$payee"; do
            [ -n "$value" ] || continue
            case " $words " in *" $value "*) ;; *) fail "$name.pdf: claim $pcn: '$value' not in pdftotext output" ;; esac
        done
    done < <(columns "$work/$name.csv" recordType patientControlNumber claimPaidAmount payeeIdentifier)
done

[ "$forms" -ge 7 ] || fail "only $forms claims checked on the CMS-1500 PDFs"
[ "$remits" -ge 5 ] || fail "only $remits claim payments checked on the remittance PDFs"
[ "$failures" -eq 0 ] || { echo "forms-pdf: $failures failure(s)"; exit 1; }
echo "forms-pdf: OK ($forms claims on CMS-1500 PDFs, $remits claim payments on remittance PDFs; PNGs in .build/screenshots/forms)"
