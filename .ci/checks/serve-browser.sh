#!/usr/bin/env bash
# Browser check for `x12 serve`: start the inspector on a free port, load the upload page in headless
# Chromium, submit fixtures through the page's own forms (a file upload and a paste), save screenshots
# under .build/screenshots/, and assert that the report of an invalid fixture shows its error line.
# Uses chromium from PATH; installs Debian's chromium when missing; skips LOUDLY when it cannot.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
shots="$root/.build/screenshots"
mkdir -p "$shots"

find_chromium() {
    for candidate in chromium chromium-browser google-chrome-stable google-chrome; do
        if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
    done
    return 1
}

skip() {
    echo "############################################################################"
    echo "## SKIPPED serve-browser.sh: $1"
    echo "## The headless browser check of 'x12 serve' did NOT run."
    echo "############################################################################"
    exit 0
}

chrome=$(find_chromium || true)
if [ -z "$chrome" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "chromium not found: installing Debian's chromium"
        export DEBIAN_FRONTEND=noninteractive
        if ! timeout 300 apt-get install -y -q chromium >/tmp/serve-browser-apt.log 2>&1; then
            timeout 120 apt-get update -q >>/tmp/serve-browser-apt.log 2>&1 || true
            timeout 300 apt-get install -y -q chromium >>/tmp/serve-browser-apt.log 2>&1 || true
        fi
        chrome=$(find_chromium || true)
    fi
    [ -n "$chrome" ] || skip "chromium is not installed and could not be installed (see /tmp/serve-browser-apt.log)"
fi
echo "using $("$chrome" --version 2>/dev/null || echo "$chrome")"

swift build --product x12 >/tmp/serve-browser-build.log 2>&1 || { cat /tmp/serve-browser-build.log; echo "FAIL: swift build"; exit 1; }
x12="$root/.build/debug/x12"

work=$(mktemp -d)
log="$work/server.log"
# A ledger with two claims: PCN1001 paid, PCN1002 rejected by the 277CA then denied by the 835.
"$x12" ledger import --ledger "$work/ledger.sqlite" Fixtures/serve/ledger-837p.x12 Fixtures/serve/claim-ack-277ca.x12 \
    Fixtures/serve/payment-835.x12 >"$work/ledger.log" 2>&1 || { cat "$work/ledger.log"; echo "FAIL: x12 ledger import"; exit 1; }
"$x12" serve --port 0 --ledger "$work/ledger.sqlite" >"$log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

url=""
for _ in $(seq 1 100); do
    url=$(grep -o 'listening on http://[^ ]*' "$log" | head -1 | cut -d' ' -f3 || true)
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$log"; echo "FAIL: x12 serve exited before listening"; exit 1; }
    sleep 0.2
done
[ -n "$url" ] || { cat "$log"; echo "FAIL: x12 serve did not print its URL"; exit 1; }
echo "inspector at $url"

browse() { # browse OUTPUT-KIND TARGET [FILE]: --dump-dom to stdout, or --screenshot=FILE
    local mode=$1 target=$2
    local flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
                 --user-data-dir="$work/profile" --virtual-time-budget=8000 --window-size=1280,1500)
    if [ "$mode" = dom ]; then
        timeout 60 "$chrome" "${flags[@]}" --dump-dom "$target" 2>>"$work/chromium.log"
    else
        timeout 60 "$chrome" "${flags[@]}" --screenshot="$3" "$target" >>"$work/chromium.log" 2>&1
    fi
}

# A page that fills the inspector's upload form with a fixture and submits it, as a person would.
submit_page() { # submit_page FIXTURE NAME MODE(file|paste) OUT
    local b64
    b64=$(base64 -w0 "$1")
    cat >"$4" <<EOF
<!DOCTYPE html><html><body>
<form id="upload" method="post" action="${url}inspect" enctype="multipart/form-data"><input type="file" name="file" id="file"></form>
<form id="paste" method="post" action="${url}inspect"><textarea name="text" id="text"></textarea></form>
<script>
const bytes = Uint8Array.from(atob("$b64"), c => c.charCodeAt(0));
if ("$3" === "file") {
  const files = new DataTransfer();
  files.items.add(new File([bytes], "$2", {type: "application/octet-stream"}));
  document.getElementById("file").files = files.files;
  document.getElementById("upload").submit();
} else {
  document.getElementById("text").value = new TextDecoder().decode(bytes);
  document.getElementById("paste").submit();
}
</script></body></html>
EOF
}

fail() { echo "FAIL: $1"; echo "--- server log"; cat "$log"; exit 1; }

# 1. The upload page.
browse dom "$url" >"$work/upload.html"
grep -q 'id="upload-form"' "$work/upload.html" || fail "the upload page has no upload form"
grep -q 'name="text"' "$work/upload.html" || fail "the upload page has no paste field"
browse shot "$url" "$shots/upload.png"

# 2. An invalid file uploaded through the file form: the report shows its error line.
submit_page "$root/Fixtures/serve/invalid-837p.x12" "invalid-837p.x12" file "$work/submit-invalid.html"
browse dom "file://$work/submit-invalid.html" >"$work/report-invalid.html"
grep -q '<h1>invalid-837p.x12</h1>' "$work/report-invalid.html" || fail "the upload did not reach the report page"
grep -q 'id="verdict">INVALID' "$work/report-invalid.html" || fail "the invalid fixture is not reported INVALID"
expected='SE01 says 21 segments but the transaction set has 23 (ST through SE)'
grep -qF "$expected" "$work/report-invalid.html" || fail "the report does not show the error line: $expected"
grep -qF '<span class="el bad" title="SE01">21</span>' "$work/report-invalid.html" || fail "SE01 is not marked at the element"
expected="DTP03 (Service Date) '20241310' is not a valid D8 value <code>IK403 8 · invalidDate</code>"
grep -qF "$expected" "$work/report-invalid.html" || fail "the report does not show the validation error line: $expected"
grep -qF 'Loop 2010AA · Billing Provider Name' "$work/report-invalid.html" || fail "the tree does not name loop 2010AA"
browse shot "file://$work/submit-invalid.html" "$shots/report-invalid.png"

# 3. A valid file pasted into the text form.
submit_page "$root/Fixtures/serve/valid-837p.x12" "valid-837p.x12" paste "$work/submit-valid.html"
browse dom "file://$work/submit-valid.html" >"$work/report-valid.html"
grep -q '<h1>pasted text</h1>' "$work/report-valid.html" || fail "the paste did not reach the report page"
grep -q 'id="verdict">VALID' "$work/report-valid.html" || fail "the valid fixture is not reported VALID"
browse shot "file://$work/submit-valid.html" "$shots/report-valid.png"

# 4. Markup in a segment renders as text.
submit_page "$root/Fixtures/serve/script-injection-837p.x12" "injection.x12" file "$work/submit-injection.html"
browse dom "file://$work/submit-injection.html" >"$work/report-injection.html"
grep -qF '&lt;script&gt;alert' "$work/report-injection.html" || fail "the <script> segment is not shown as text"
if grep -q '<script' "$work/report-injection.html"; then fail "a <script> element reached the report page"; fi

# 5. The claim worklist and a claim's lifecycle from the ledger.
browse dom "${url}claims" >"$work/claims.html"
grep -qF '<a href="/claims/PCN1002">PCN1002</a>' "$work/claims.html" || fail "the worklist does not list PCN1002"
grep -qF 'denied</span>' "$work/claims.html" || fail "the worklist does not show the denied stage"
browse shot "${url}claims" "$shots/claims.png"
browse dom "${url}claims/PCN1002" >"$work/claim.html"
grep -qF '<tr><th>Payer claim number</th><td>PAYERCLM2</td></tr>' "$work/claim.html" || fail "the lifecycle page lacks the payer claim number"
browse shot "${url}claims/PCN1002" "$shots/claim-PCN1002.png"

# 6. The file content never reaches the log.
if grep -q 'SUNRISE\|NM1\*' "$log"; then fail "file content appears in the server log"; fi

# 7. Ctrl-C stops the server cleanly.
kill -INT "$server"
status=0
wait "$server" || status=$?
[ "$status" = 0 ] || fail "x12 serve exited with $status after SIGINT"
grep -q 'x12 inspector stopped' "$log" || fail "x12 serve did not report a clean stop"

echo "serve-browser: OK (screenshots in .build/screenshots: $(cd "$shots" && ls | tr '\n' ' '))"
