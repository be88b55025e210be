#!/usr/bin/env bash
# Outside check: the `x12` man page comes from swift-argument-parser's GenerateManual plugin, and it documents
# every subcommand `x12 --help` lists, and groff renders it.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift package --disable-sandbox --allow-writing-to-directory "$out" generate-manual --configuration debug \
    --output-directory "$out" >"$out/log" 2>&1 || { tail -30 "$out/log"; echo "manual: generate-manual failed"; exit 1; }
page="$out/x12.1"
[ -s "$page" ] || { ls -R "$out"; echo "manual: no x12.1 written"; exit 1; }
command -v groff >/dev/null || { apt-get install -y -qq groff-base >/dev/null 2>&1 || true; }
if command -v groff >/dev/null; then
    # The page is mdoc; render it as a reader would (blank lines inside the generated paragraphs are the
    # generator's layout, so only errors count).
    groff -mdoc -Tutf8 "$page" 2>"$out/groff.log" | col -bx >"$out/x12.txt"
    if grep -v "warning" "$out/groff.log" | grep -q .; then cat "$out/groff.log"; echo "manual: groff errors"; exit 1; fi
else
    cp "$page" "$out/x12.txt"
fi
status=0
for command in $(.build/debug/x12 --help | sed -n '/^SUBCOMMANDS:/,/^$/p' | grep -oE '^  [a-z][a-z-]*'); do
    grep -q "x12 $command\|$command" "$out/x12.txt" || { echo "manual: x12.1 does not mention '$command'"; status=1; }
done
[ $status -eq 0 ] && echo "manual: x12.1 documents every subcommand ($(wc -l <"$out/x12.txt") lines rendered)"
exit $status
