import Foundation
import XCTest
import X12TestSupport

/// The JSON keys and CSV columns documented in the DocC catalogs are the ones the commands write: a key
/// added to a type without its documentation, or a documented column that moved, fails here.
final class DocumentedKeysTests: XCTestCase {
    /// The text of one `## ` section of a catalog page, up to the next `## ` heading.
    private func section(_ page: String, startingWith heading: String) throws -> String {
        let url = FixtureFiles.packageRoot.appendingPathComponent("Sources").appendingPathComponent(page)
        let text = try String(contentsOf: url, encoding: .utf8)
        let parts = text.components(separatedBy: "\n## ")
        return try XCTUnwrap(parts.first { $0.hasPrefix(heading) }, "\(page) has no section \(heading)")
    }

    /// Every `` `name` `` in the text that looks like a key (a lower-camel-case identifier).
    private func backticked(_ text: String) -> [String] {
        var names: [String] = []
        let pieces = text.components(separatedBy: "`")
        for (index, piece) in pieces.enumerated() where index % 2 == 1 {
            let name = piece.hasSuffix("[]") ? String(piece.dropLast(2)) : piece
            guard let first = name.unicodeScalars.first, CharacterSet.lowercaseLetters.contains(first),
                  name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) }) else { continue }
            names.append(name)
        }
        return names
    }

    /// Every object key anywhere in a JSON value.
    private func keys(in value: Any, into found: inout Set<String>) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                found.insert(key)
                keys(in: child, into: &found)
            }
        } else if let array = value as? [Any] {
            for child in array { keys(in: child, into: &found) }
        }
    }

    private func run(_ arguments: [String]) throws -> String {
        let result = try CommandRunner.run(arguments)
        XCTAssertLessThan(result.status, 2, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    private var remittanceFiles: [String] {
        get throws {
            let fixtures = ["broken-claims", "multiple-payments", "reversal-plb", "unbalanced", "wrong-component-separator"]
                .map { "Fixtures/remit/\($0).835" }
            return fixtures + (try Corpus.entries(kind: "835").map { Corpus.path($0.file) })
        }
    }

    func testRemittanceJSONKeysAreDocumented() throws {
        let documented = Set(backticked(try section("X12Remittance/Documentation.docc/X12Remittance.md",
                                                    startingWith: "JSON keys")))
        var written = Set<String>()
        for file in try remittanceFiles + ["Fixtures/remit/unbalanced.835"] {
            let output = try run(["remit", file, "--quiet", "--claims", "Fixtures/remit/submitted.837"])
            keys(in: try JSONSerialization.jsonObject(with: Data(output.utf8)), into: &written)
        }
        XCTAssertGreaterThan(written.count, 100)
        XCTAssertEqual(written.subtracting(documented).sorted(), [], "written by `x12 remit` but not documented")
    }

    func testRemittanceNDJSONKeysAreDocumented() throws {
        let page = "X12Remittance/Documentation.docc/X12Remittance.md"
        let documented = Set(backticked(try section(page, startingWith: "NDJSON record"))
                             + backticked(try section(page, startingWith: "JSON keys")))
        var written = Set<String>()
        for file in try remittanceFiles {
            for line in try run(["remit", file, "--quiet", "--format", "ndjson"]).split(separator: "\n") {
                keys(in: try JSONSerialization.jsonObject(with: Data(line.utf8)), into: &written)
            }
        }
        XCTAssertEqual(written.subtracting(documented).sorted(), [], "written by `x12 remit --format ndjson` but not documented")
    }

    func testRemittanceCSVColumnsAreTheDocumentedOnesInOrder() throws {
        let text = try section("X12Remittance/Documentation.docc/X12Remittance.md", startingWith: "CSV columns")
        // The column list is the first paragraph; parenthesised value lists are not columns.
        let paragraph = text.components(separatedBy: "\n\n")[1]
        var depth = 0
        var outside = ""
        for character in paragraph {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 } else if depth == 0 { outside.append(character) }
        }
        let documented = backticked(outside)
        let header = try run(["remit", "Fixtures/remit/reversal-plb.835", "--format", "csv"])
            .split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertEqual(header.split(separator: ",").map(String.init), documented)
    }

    func testAcknowledgmentJSONKeysAndCSVColumnsAreDocumented() throws {
        let page = "X12Acknowledgments/Documentation.docc/X12Acknowledgments.md"
        let documented = Set(backticked(try section(page, startingWith: "JSON")))
        var written = Set<String>()
        let files = ["accept-reject.277", "duplicate-pcn.277", "reject-st.999", "reject.ta1", "truncated.999", "unmatched.999"]
            .map { "Fixtures/acks/\($0)" } + (try (Corpus.entries(kind: "999") + Corpus.entries(kind: "277ca")).map { Corpus.path($0.file) })
        for file in files {
            let output = try run(["ack", file, "--claims", "Fixtures/acks/submitted.837", "--format", "json"])
            keys(in: try JSONSerialization.jsonObject(with: Data(output.utf8)), into: &written)
        }
        XCTAssertGreaterThan(written.count, 50)
        XCTAssertEqual(written.subtracting(documented).sorted(), [], "written by `x12 ack --format json` but not documented")

        let csv = try section(page, startingWith: "CSV")
        let columnsLine = try XCTUnwrap(csv.split(separator: "\n").first { $0.hasPrefix("Columns: ") })
        let header = try run(["ack", "Fixtures/acks/accept-reject.277", "--format", "csv"])
            .split(separator: "\n").first.map(String.init)
        XCTAssertEqual(columnsLine.dropFirst("Columns: ".count).trimmingCharacters(in: CharacterSet(charactersIn: "`")), header)
    }
}
