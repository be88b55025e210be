import ArgumentParser
import Foundation
import X12Claims
import X12Ledger

/// What `generate`, `ack` and `remit` call when given `--ledger`: record the run, say what was recorded on
/// standard error, and turn a ledger failure into exit code 2.
enum LedgerRecording {
    /// Builds the claims of a `generate` run; with a ledger, visits claimed before are left out (duplicate guard)
    /// and listed on standard error.
    static func build(_ batch: BillingBatch, options: ClaimBuilder.Options, ledger: String?) throws -> ScreenedBatch {
        guard let ledger else {
            return ScreenedBatch(output: ClaimBuilder(batch: batch).build(options: options), alreadySubmitted: [], changed: [])
        }
        do {
            let screened = try Ledger(path: Ledger.location(ledger, environment: ProcessInfo.processInfo.environment)).screen(batch, options: options)
            for note in screened.notes { FileHandle.standardError.write("ledger: \(note)\n") }
            return screened
        } catch {
            FileHandle.standardError.write("ledger: \(error.message)\n")
            throw CLIExit.usage
        }
    }

    /// Records the 837 a `generate` run wrote, its batch report and the visits held for changed charges.
    static func recordSubmission(bytes: [UInt8], output: String, screened: ScreenedBatch, ledger: String) throws {
        guard !screened.output.file.transactions.isEmpty else { return }
        let path = output == "-" ? "standard output" : output
        try record { () throws(LedgerError) in try Ledger(path: Ledger.location(ledger, environment: ProcessInfo.processInfo.environment)).recordSubmission(bytes: bytes, path: path, screened: screened) }
    }

    /// Records every TA1, 999 and 277CA file read by an `ack` run.
    static func recordAcknowledgments(files: [String], ledger: String) throws {
        for file in files {
            try record { () throws(LedgerError) in try Ledger(path: Ledger.location(ledger, environment: ProcessInfo.processInfo.environment)).importAcknowledgments(bytes: try Ledger.contents(of: file), path: file) }
        }
    }

    /// Records the 835 read by a `remit` run.
    static func recordRemittance(file: String, ledger: String) throws {
        try record { () throws(LedgerError) in try Ledger(path: Ledger.location(ledger, environment: ProcessInfo.processInfo.environment)).importRemittance(bytes: try Ledger.contents(of: file), path: file) }
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
