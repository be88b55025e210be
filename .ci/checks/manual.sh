#!/usr/bin/env bash
# Outside check: the `x12` man page comes from swift-argument-parser's GenerateManual plugin, and it documents
# every subcommand `x12 --help` lists. The page is written to .build/plugins (see README, "Help").
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift package --disable-sandbox --allow-writing-to-directory "$out" generate-manual --configuration debug \
    --output-directory "$out" >"$out/log" 2>&1 || { tail -30 "$out/log"; echo "manual: generate-manual failed"; exit 1; }
page="$out/x12.1"
[ -s "$page" ] || { ls -R "$out"; echo "manual: no x12.1 written"; exit 1; }
status=0
for command in $(.build/debug/x12 --help | sed -n '/^SUBCOMMANDS:/,/^$/p' | awk 'NR>1 && NF {print $1}'); do
    grep -q "$command" "$page" || { echo "manual: x12.1 does not mention '$command'"; status=1; }
done
# groff must read the page without a warning.
if command -v groff >/dev/null; then
    groff -man -Tutf8 -ww -z "$page" 2>"$out/groff.log" || true
    if [ -s "$out/groff.log" ]; then cat "$out/groff.log"; echo "manual: groff warnings"; status=1; fi
fi
[ $status -eq 0 ] && echo "manual: x12.1 covers every subcommand ($(wc -l <"$page") lines)"
exit $status
