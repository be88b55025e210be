#!/usr/bin/env bash
# Outside check: the README's two set-up commands in a fresh clone with nothing beside it (no ../shared),
# and the generate summary exactly as the README shows it.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/x12"
cd "$work/x12"
swift run -c release x12 generate Fixtures/batches/example.json -o claims.837 --report report.json 2> generate.log
# generate.log also holds SwiftPM's build progress: compare the summary block only.
awk '/^claims.837: ISA13/,/^total: /' README.md > expected.log
awk '/^claims.837: ISA13/,/^total: /' generate.log > summary.log
[ -s expected.log ]
diff expected.log summary.log
swift test
echo "clean clone: README set-up commands pass"
