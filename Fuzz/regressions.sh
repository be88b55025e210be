#!/usr/bin/env bash
# Runs a test target's fuzz regression tests (Tests/<target>/FuzzRegressionTests.swift) without SwiftPM: the
# test file, the target's TestSupport.swift if any, and the library sources it needs, compiled into one module
# as Fuzz/run.sh does, with a generated XCTMain. For a quick check; `swift test` runs the same tests.
# Usage: Fuzz/regressions.sh X12RemittanceTests
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?test target}"
case "$target" in
    X12RemittanceTests)       modules=(X12 X12Claims X12Remittance X12Output) ;;
    X12AcknowledgmentsTests)  modules=(X12 X12Claims X12Acknowledgments) ;;
    X12ClaimsTests)           modules=(X12 X12Claims) ;;
    X12ValidationTests)       modules=(X12 X12Validation) ;;
    X12Tests)                 modules=(X12) ;;
    *) echo "unknown test target '$target'" >&2; exit 2 ;;
esac
src=".build/fuzz/tests-$target"
rm -rf "$src"
mkdir -p "$src"
strip() {
    sed -E -e 's/^(@testable |@_exported )?import X12[A-Za-z]*$//' \
        -e '/^    var isASCIIDigit: Bool \{ \("0"\.\.\."9"\)\.contains\(self\) \}$/d' "$1"
}
for module in "${modules[@]}"; do
    for file in Sources/"$module"/*.swift; do strip "$file" > "$src/$module-$(basename "$file")"; done
done
tests=("Tests/$target/FuzzRegressionTests.swift")
[[ -f "Tests/$target/TestSupport.swift" ]] && tests+=("Tests/$target/TestSupport.swift")
for file in "${tests[@]}"; do
    # #filePath must still name the file in Tests/ (fixtures are found from it).
    strip "$file" | sed "s|#filePath|\"$PWD/$file\"|g" > "$src/test-$(basename "$file")"
done
{
    echo "import XCTest"
    awk '/^(final )?class [A-Za-z]+: XCTestCase/ { sub(/^final /, ""); split($2, a, ":"); cls = a[1]; print "extension " cls " {"; print "    static let allTests: [(String, (" cls ") -> () throws -> Void)] = [" }
         /^    func test[A-Za-z0-9_]*\(\)/ { name = $2; sub(/\(.*/, "", name); print "        (\"" name "\", " name ")," }
         /^}/ { if (cls != "") { print "    ]"; print "}"; cls = "" } }' "Tests/$target/FuzzRegressionTests.swift"
    echo "@main enum RegressionMain { static func main() {"
    echo "    XCTMain(["
    grep -oE '^(final )?class [A-Za-z]+: XCTestCase' "Tests/$target/FuzzRegressionTests.swift" | sed -E 's/^(final )?class ([A-Za-z]+):.*/        testCase(\2.allTests),/'
    echo "    ])"
    echo "} }"
} > "$src/main.swift.txt"
mv "$src/main.swift.txt" "$src/RegressionMain.swift"
swiftc -Onone -parse-as-library -module-name X12 -suppress-warnings "$src"/*.swift -o ".build/fuzz/$target-regressions"
".build/fuzz/$target-regressions"
