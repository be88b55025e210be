#!/usr/bin/env bash
# Outside check: the DocC reference of every library target builds with swift-docc-plugin and DocC reports no
# warning: --warnings-as-errors makes any DocC warning (unresolved symbol link, missing snippet, malformed
# directive) fail the build, so the exit code says it all (SwiftPM's own notes about dependencies do not count). The snippets the
# catalogs show (Snippets/*.swift) are compiled by `swift build` itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
targets=(X12 X12Claims X12Remittance X12Acknowledgments X12Matching X12Validation X12Output X12Ledger X12Server)
arguments=()
for target in "${targets[@]}"; do arguments+=(--target "$target"); done
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift package --disable-sandbox generate-documentation "${arguments[@]}" --warnings-as-errors >"$log" 2>&1; then
    grep -E "warning:|error:" "$log" | head -40 || tail -40 "$log"
    echo "docc: the documentation does not build cleanly"
    exit 1
fi
echo "docc: ${#targets[@]} catalogs built without warnings"
