import Foundation
import XCTest
import X12Ledger
import X12TestSupport

/// Several `x12 ledger import` processes writing one SQLite ledger at once lose, double and corrupt nothing:
/// the same rows and statuses as one process importing the same files in turn, and a file given to several
/// processes at the same moment is recorded once.
final class LedgerConcurrencyTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("x12-concurrency-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// `text` with every interchange's ISA13 and IEA02 renumbered from `base` (ISA13 keeps its nine digits), so
    /// the copy is a different file with the same claims, answers and payments.
    private func renumbered(_ text: String, base: Int) -> String {
        var interchange = base
        let segments = text.components(separatedBy: "~").map { segment -> String in
            let lead = segment.prefix { $0 == "\n" || $0 == "\r" }
            var elements = segment.dropFirst(lead.count).components(separatedBy: "*")
            if elements.first == "ISA", elements.count > 13 {
                interchange += 1
                elements[13] = String(format: "%09d", interchange)
            } else if elements.first == "IEA", elements.count > 2 {
                elements[2] = String(format: "%09d", interchange)
            }
            return lead + elements.joined(separator: "*")
        }
        return segments.joined(separator: "~")
    }

    /// The 40 files: renumbered copies of the ledger fixture's 999, 277CA and 835 and of two remittance fixtures
    /// (30 different files), and 10 byte-for-byte duplicates of some of them under other names.
    private func fileSet() throws -> [String] {
        let sources = ["Fixtures/ledger/claims.999": 6, "Fixtures/ledger/claims.277": 6, "Fixtures/ledger/payments.835": 8,
                       "Fixtures/remit/multiple-payments.835": 5, "Fixtures/remit/reversal-plb.835": 5]
        var files: [String] = []
        for (source, copies) in sources.sorted(by: { $0.key < $1.key }) {
            let text = try String(contentsOf: FixtureFiles.packageRoot.appendingPathComponent(source), encoding: .utf8)
            for copy in 0..<copies {
                let name = folder.appendingPathComponent("\(URL(fileURLWithPath: source).lastPathComponent)-\(copy)")
                try renumbered(text, base: 700_000_000 + 1_000 * files.count).write(to: name, atomically: true, encoding: .utf8)
                files.append(name.path)
            }
        }
        XCTAssertEqual(files.count, 30)
        for index in 0..<10 {
            let original = files[index * 3]
            let duplicate = original + "-duplicate"
            try FileManager.default.copyItem(atPath: original, toPath: duplicate)
            files.append(duplicate)
        }
        return files
    }

    /// Starts `x12 arguments...`, its standard error going to a file (so a full pipe never blocks it).
    private func start(_ arguments: [String], log: URL) throws -> Process {
        let process = Process()
        process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("x12")
        process.arguments = arguments
        process.currentDirectoryURL = FixtureFiles.packageRoot
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    func testEightImportersAtOnceRecordWhatOneImporterRecords() throws {
        let files = try fileSet()
        XCTAssertEqual(files.count, 40)
        let serial = folder.appendingPathComponent("serial.sqlite").path
        let concurrent = folder.appendingPathComponent("concurrent.sqlite").path
        for ledger in [serial, concurrent] {
            let submitted = try CommandRunner.run(["ledger", "import", "Fixtures/ledger/submitted.837", "--ledger", ledger])
            XCTAssertEqual(submitted.status, 0, submitted.stderr)
        }
        let one = try CommandRunner.run(["ledger", "import", "--ledger", serial] + files)
        XCTAssertEqual(one.status, 0, one.stderr)

        // Process p takes files p, p+8, p+16...: each duplicate (file 30+i copies file 3i) lands in another
        // process than its original, and every process starts with the same 835 copy, so eight processes race
        // to record that one file.
        let race = files[12]
        var processes: [(Process, URL)] = []
        for index in 0..<8 {
            let share = stride(from: index, to: files.count, by: 8).map { files[$0] }
            let log = folder.appendingPathComponent("importer-\(index).log")
            processes.append((try start(["ledger", "import", "--ledger", concurrent, race] + share.filter { $0 != race }, log: log), log))
        }
        var alreadyImported = 0
        for (process, log) in processes {
            process.waitUntilExit()
            let stderr = try String(contentsOf: log, encoding: .utf8)
            XCTAssertEqual(process.terminationStatus, 0, stderr)
            alreadyImported += stderr.components(separatedBy: "already imported").count - 1
        }
        // 10 duplicates and 7 extra imports of the raced file, each recognised as imported before.
        XCTAssertEqual(alreadyImported, 17)

        let serialCounts = try Ledger(path: serial).rowCounts()
        let concurrentCounts = try Ledger(path: concurrent).rowCounts()
        XCTAssertEqual(concurrentCounts, serialCounts)
        XCTAssertEqual(serialCounts["importedFile"], 31, "the 837 and the 30 different files")
        XCTAssertGreaterThan(serialCounts["payment"] ?? 0, 30)
        XCTAssertGreaterThan(serialCounts["acknowledgment"] ?? 0, 12)

        for command in ["status", "summary"] {
            let arguments = ["ledger", command, "--as-of", "2024-03-01", "--format", "csv", "--ledger"]
            let expected = try CommandRunner.run(arguments + [serial])
            let actual = try CommandRunner.run(arguments + [concurrent])
            XCTAssertEqual(expected.status, 0, expected.stderr)
            XCTAssertGreaterThan(expected.stdout.split(separator: "\n").count, 5)
            XCTAssertEqual(actual.stdout, expected.stdout, "ledger \(command)")
        }
        // The worklist names the file each unmatched fact came in: for byte-identical copies that is whichever copy
        // won the race, and facts come in import order; the same rows otherwise.
        let worklist = ["ledger", "worklist", "--as-of", "2024-03-01", "--format", "csv", "--ledger"]
        let expected = try CommandRunner.run(worklist + [serial])
        let actual = try CommandRunner.run(worklist + [concurrent])
        XCTAssertEqual(expected.status, 0, expected.stderr)
        XCTAssertEqual(normalizedWorklist(actual.stdout), normalizedWorklist(expected.stdout))
        XCTAssertGreaterThan(normalizedWorklist(expected.stdout).count, 40)
    }

    /// Worklist rows sorted, a byte-identical duplicate's name replaced by its original's.
    private func normalizedWorklist(_ csv: String) -> [String] {
        csv.split(separator: "\n").map { $0.replacingOccurrences(of: "-duplicate:", with: ":") }.sorted()
    }
}
