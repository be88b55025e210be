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
            guard Self.isKey(name) else { continue }
            names.append(name)
        }
        return names
    }

    /// Every key-like word inside backticks, also in lists such as `` `[{code, description}]` ``.
    private func backtickedWords(_ text: String) -> Set<String> {
        var names = Set<String>()
        let pieces = text.components(separatedBy: "`")
        for (index, piece) in pieces.enumerated() where index % 2 == 1 {
            for word in piece.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where Self.isKey(String(word)) {
                names.insert(String(word))
            }
        }
        return names
    }

    private static func isKey(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, CharacterSet.lowercaseLetters.contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) }
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

    func testValidationJSONKeysAreDocumented() throws {
        let documented = backtickedWords(try section("X12Validation/Documentation.docc/X12Validation.md", startingWith: "Overview"))
        var written = Set<String>()
        let files = ["Fixtures/validation/claim-837p.x12", "Fixtures/core/pt-claims-bad-counts.837", "Fixtures/acks/truncated.999",
                     "Fixtures/remit/broken-claims.835", "Fixtures/serve/invalid-837p.x12"]
            + (try Corpus.entries().filter { $0.kind != "other" }.map { Corpus.path($0.file) })
        let output = try run(["validate", "--format", "json"] + files)
        keys(in: try JSONSerialization.jsonObject(with: Data(output.utf8)), into: &written)
        XCTAssertGreaterThan(written.count, 30)
        XCTAssertEqual(written.subtracting(documented).sorted(), [], "written by `x12 validate --format json` but not documented")
    }

    func testGenerateReportKeysAreDocumented() throws {
        let documented = backtickedWords(try section("X12Claims/Documentation.docc/X12Claims.md", startingWith: "The report"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("x12-keys-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var written = Set<String>()
        for batch in ["example", "rules"] {
            let report = folder.appendingPathComponent("\(batch).json")
            _ = try run(["generate", "Fixtures/batches/\(batch).json", "-o", folder.appendingPathComponent("\(batch).837").path,
                         "--report", report.path, "--control-number", "1", "--date", "2024-01-20T10:30"])
            keys(in: try JSONSerialization.jsonObject(with: Data(contentsOf: report)), into: &written)
        }
        XCTAssertGreaterThan(written.count, 15)
        XCTAssertEqual(written.subtracting(documented).sorted(), [], "written by `x12 generate --report` but not documented")
    }

    func testLedgerColumnsAndKeysAreDocumented() throws {
        let documented = backtickedWords(try section("X12Ledger/Documentation.docc/X12Ledger.md", startingWith: "CSV columns and JSON keys"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("x12-ledger-keys-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        _ = try run(["ledger", "import", "Fixtures/ledger/submitted.837", "Fixtures/ledger/claims.999", "Fixtures/ledger/claims.277",
                     "Fixtures/ledger/payments.835", "--ledger", ledger])
        var written = Set<String>()
        for command in ["status", "summary", "worklist"] {
            let csv = try run(["ledger", command, "--ledger", ledger, "--as-of", "2024-03-01", "--format", "csv"])
            for column in csv.split(separator: "\n").first?.split(separator: ",") ?? [] { written.insert(String(column)) }
            let json = try run(["ledger", command, "--ledger", ledger, "--as-of", "2024-03-01", "--format", "json"])
            keys(in: try JSONSerialization.jsonObject(with: Data(json.utf8)), into: &written)
        }
        XCTAssertGreaterThan(written.count, 25)
        // Bucket names of the aging table are keys too (`0-30`, ...): documented as written.
        let undocumented = written.subtracting(documented).filter { !["0-30", "31-60", "61-90", "90+"].contains($0) }
        XCTAssertEqual(undocumented.sorted(), [], "written by `x12 ledger` but not documented")
    }

    func testPipeRecordKeysAreDocumented() throws {
        let pipe = backtickedWords(try section("X12Output/Documentation.docc/X12Output.md", startingWith: "Pipe records"))
        let remitPage = "X12Remittance/Documentation.docc/X12Remittance.md"
        let remittance = Set(backticked(try section(remitPage, startingWith: "NDJSON record"))
                             + backticked(try section(remitPage, startingWith: "JSON keys")))
        let acknowledgments = backtickedWords(try section("X12Acknowledgments/Documentation.docc/X12Acknowledgments.md", startingWith: "JSON"))
        let envelope = ["recordType", "schemaVersion", "source", "interchangeControlNumber", "groupControlNumber", "transactionSetControlNumber"]
        XCTAssertTrue(pipe.isSuperset(of: envelope))
        let runs: [(arguments: [String], paths: [String])] = [
            (["remit", "--format", "ndjson", "--quiet", "--keep-going", "--claims", "Fixtures/remit/submitted.837"],
             try remittanceFiles + ["Fixtures/remit/missing.835", "Fixtures/batches/example.json"]),
            (["ack", "--format", "ndjson", "--keep-going", "--claims", "Fixtures/acks/submitted.837"],
             ["accept-reject.277", "duplicate-pcn.277", "reject-st.999", "reject.ta1", "truncated.999", "unmatched.999", "missing.999"]
                .map { "Fixtures/acks/\($0)" }),
            (["validate", "--format", "ndjson", "--keep-going"],
             ["Fixtures/validation/claim-837p.x12", "Fixtures/core/pt-claims-bad-counts.837", "Fixtures/acks/truncated.999",
              "Fixtures/remit/broken-claims.835", "Fixtures/serve/invalid-837p.x12", "Fixtures/missing.x12"]),
        ]
        var types = Set<String>()
        for run in runs {
            let result = try CommandRunner.run(run.arguments + ["--paths-from", "-"], input: Data(run.paths.joined(separator: "\n").utf8))
            XCTAssertEqual(result.status, 1, "\(run.arguments): the lists hold bad files")
            for line in result.stdout.split(separator: "\n") {
                let record = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let type = try XCTUnwrap(record["recordType"] as? String)
                types.insert(type)
                // The envelope opens the record, in its order.
                let offsets = envelope.map { line.range(of: "\"\($0)\":")?.lowerBound }
                XCTAssertEqual(offsets.compactMap { $0 }.count, 6, String(line))
                XCTAssertEqual(offsets.compactMap { $0 }, offsets.compactMap { $0 }.sorted(), String(line))
                XCTAssertTrue(line.hasPrefix("{\"recordType\":"), String(line))
                XCTAssertEqual(record["schemaVersion"] as? Int, 1)
                var nested = Set<String>()
                for (_, value) in record { keys(in: value, into: &nested) }
                let topLevel = Set(record.keys)
                switch type {
                case "remittance":
                    XCTAssertEqual(topLevel.subtracting(pipe).sorted(), [], "remittance keys not in the Pipe records section")
                    XCTAssertEqual(nested.subtracting(remittance).sorted(), [], "remittance nested keys not documented")
                case "claimPayment":
                    XCTAssertEqual(topLevel.subtracting(pipe.union(remittance)).sorted(), [], "claimPayment keys not documented")
                    XCTAssertEqual(nested.subtracting(remittance).sorted(), [], "claimPayment nested keys not documented")
                default:
                    XCTAssertEqual(topLevel.subtracting(pipe).sorted(), [], "\(type) keys not in the Pipe records section")
                    XCTAssertEqual(nested.subtracting(acknowledgments).sorted(), [], "\(type) nested keys not documented")
                }
            }
        }
        XCTAssertEqual(types, ["claimPayment", "remittance", "claimStatus", "transactionSet", "finding", "diagnostic"])
    }
}
