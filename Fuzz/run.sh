#!/usr/bin/env bash
# Builds one libFuzzer target (+ AddressSanitizer) and runs it.
# Usage: Fuzz/run.sh [target] [runs] [extra libFuzzer flags...]
#   target: reader (default), remit, ack, claim, validate, batch;   runs: default 1000000 iterations.
#   Fuzz/run.sh 1000000 (a number first) runs the reader, as before.
# Each target is compiled with the sources of the library targets it needs into one swiftc module named X12
# (their `import X12...` lines are stripped in a temp copy). Binaries land in .build/fuzz/, crashes and
# timeouts in Fuzz/out/<target>/, the working corpus in Fuzz/corpus-work/<target>/ (git-ignored).
# One in-process fuzzer (no -jobs/-workers: the machine is shared). FUZZ_BUILD_ONLY=1 builds without running.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-reader}"
if [[ "$target" =~ ^[0-9]+$ ]]; then target=reader; else shift || true; fi
runs="${1:-1000000}"
shift || true

max_len=4096
seed_names=(-name '*.x12' -o -name '*.837' -o -name '*.835' -o -name '*.999' -o -name '*.277' -o -name '*.ta1')
case "$target" in
    reader)   modules=(X12);                                          harness=ReaderFuzz.swift ;;
    remit)    modules=(X12 X12Remittance X12Output);                  harness=RemittanceFuzz.swift ;;
    ack)      modules=(X12 X12Claims X12Remittance X12Acknowledgments X12Matching X12Output); harness=AckFuzz.swift ;;
    claim)    modules=(X12 X12Claims);                                harness=ClaimFuzz.swift ;;
    validate) modules=(X12 X12Validation);                            harness=ValidatorFuzz.swift ;;
    batch)    modules=(X12 X12Claims);                                harness=BatchFuzz.swift
              max_len=8192; seed_names=(-name '*.json') ;;
    *) echo "unknown target '$target' (reader, remit, ack, claim, validate, batch)" >&2; exit 2 ;;
esac

mkdir -p .build/fuzz "Fuzz/out/$target" "Fuzz/corpus-work/$target"
src=".build/fuzz/src-$target"
rm -rf "$src"
mkdir -p "$src"
for module in "${modules[@]}"; do
    for file in Sources/"$module"/*.swift; do
        # One module: the cross-target imports would name the module itself (or a module that does not exist).
        # Internal helpers that two targets each declare would collide: keep X12's (same meaning).
        sed -E -e 's/^(@testable |@_exported )?import X12[A-Za-z]*$//' \
            -e '/^    var isASCIIDigit: Bool \{ \("0"\.\.\."9"\)\.contains\(self\) \}$/d' \
            "$file" > "$src/$module-$(basename "$file")"
    done
done
# The checkout's root, compiled in: harnesses find Sources/X12Validation/Specs and fixtures by it (a plain swiftc build has no
# resource bundle, and a harness reads no environment).
printf 'let fuzzRepositoryRoot = "%s"\n' "$PWD" > "$src/FuzzPaths.swift"
binary=".build/fuzz/$target-fuzz"
sources=("${modules[@]/#/Sources/}")
if [[ -x "$binary" && -z "$(find "${sources[@]}" "Fuzz/$harness" Fuzz/run.sh -newer "$binary" -print -quit)" ]]; then
    echo "$binary is up to date"
else
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name X12 -suppress-warnings \
    "$src"/*.swift "Fuzz/$harness" -o "$binary" 2>&1 \
    | { grep -v "ld.gold: warning: Cannot export local symbol" || true; }
fi
[[ "${FUZZ_BUILD_ONLY:-0}" == 1 ]] && exit 0

# Seeds: the repository's fixtures, public corpus included (copied, so libFuzzer's additions stay out of git).
corpus="Fuzz/corpus-work/$target"
find Fixtures -type f -size -64k \( "${seed_names[@]}" \) -exec cp {} "$corpus/" \; 2>/dev/null || true
cp Fuzz/seeds/"$target"/* "$corpus/" 2>/dev/null || true
# Swift's own backtracer fights ASan's reports: leave crashes to ASan.
SWIFT_BACKTRACE=enable=no "$binary" -runs="$runs" -max_len="$max_len" -timeout=10 \
    -artifact_prefix="Fuzz/out/$target/" -print_final_stats=1 "$@" "$corpus"
