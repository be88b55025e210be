import ArgumentParser
import Foundation
import X12Claims
import X12Ledger

/// What `generate`, `ack` and `remit` call when given `--ledger`: record the run, say what was recorded on
/// standard error, and turn a ledger failure into exit code 2.
enum LedgerRecording {
    /// Records the 837 a `generate` run wrote and its batch report.
    static func recordSubmission(bytes: [UInt8], output: String, report: BatchReport, ledger: String) throws {
        try record { () throws(LedgerError) in try Ledger(path: Ledger.location(ledger)).recordSubmission(bytes: bytes, path: output, report: report) }
    }

    /// Records every TA1, 999 and 277CA file read by an `ack` run.
    static func recordAcknowledgments(files: [String], ledger: String) throws {
        for file in files {
            try record { () throws(LedgerError) in try Ledger(path: Ledger.location(ledger)).importAcknowledgments(bytes: try Ledger.contents(of: file), path: file) }
        }
    }

    /// Records the 835 read by a `remit` run.
    static func recordRemittance(file: String, ledger: String) throws {
        try record { () throws(LedgerError) in try Ledger(path: Ledger.location(ledger)).importRemittance(bytes: try Ledger.contents(of: file), path: file) }
    }

    private static func record(_ body: () throws(LedgerError) -> ImportSummary) throws {
        do {
            let summary = try body()
            FileHandle.standardError.write("ledger: \(summary.description)\n")
        } catch {
            FileHandle.standardError.write("ledger: \(error.message)\n")
            throw CLIExit.usage
        }
    }
}
