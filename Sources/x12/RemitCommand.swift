import ArgumentParser
import Foundation
import X12
import X12Matching
import X12Output
import X12Remittance

extension RemittanceFormat: ExpressibleByArgument {}

/// `x12 remit`: 835 remittances to payment records, streamed one claim at a time.
struct RemitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remit",
        abstract: "Read 835 remittances into payment records (JSON, NDJSON or CSV).",
        discussion: """
        Records are written as each claim is read, so memory stays small for any file. A segment that cannot be \
        read stays with its claim (the claim keeps its CLP amounts and readable lines and lists the segment's \
        text under "errors"); only a CLP that cannot be read skips its claim loop.

        Errors (envelope faults, unreadable segments) are printed on standard error as FILE:segment N (ID) \
        element M: message and make the exit code 1. Balancing findings are printed as warnings and do not \
        change the exit code. Exit 2 when a file cannot be read.
        """
    )

    @Argument(help: "The 835 file to read ('-' for standard input).")
    var file: String

    @Option(help: "Output format: json (nested report), ndjson (one claim a line) or csv (one row per service line).")
    var format: RemittanceFormat = .json

    @Option(name: .shortAndLong, help: "Write the output to this file (atomically) instead of standard output.")
    var output: String = "-"

    @Option(help: "A submitted 837 to match claims (CLP01 = CLM01) and lines (REF*6R) against: billed vs paid.")
    var claims: String?

    @Flag(help: "Do not print balancing warnings on standard error.")
    var quiet = false

    @Option(help: "Record the payments in this ledger (see `x12 ledger`).")
    var ledger: String?

    @OptionGroup var progressOptions: ProgressOptions

    func run() throws {
        let reader: SegmentReader
        do {
            reader = try SegmentReader(path: file)
        } catch {
            Diagnostics.report(error, file: file)
            throw CLIExit.usage
        }
        var matcher: SubmittedClaimMatcher?
        if let claims {
            do {
                matcher = SubmittedClaimMatcher(index: try SubmittedClaimIndex(path: claims, keepingSegmentText: false))
            } catch {
                Diagnostics.report(error, file: claims)
                throw Diagnostics.exitCode(for: error)
            }
        }
        var sink: OutputSink
        do {
            sink = try OutputSink(path: output)
        } catch {
            Diagnostics.report(error, file: output)
            throw CLIExit.usage
        }
        let decoder = RemittanceDecoder(reader: reader)
        var progress = progressOptions.meter(for: file, unit: "claims")
        defer { progress.finish() }
        var writer = RemittanceWriter(format: format)
        var summary = RemittanceSummary()
        var warnings = BalanceWarnings(file: file, quiet: quiet)
        var fatal: X12Error?
        do {
            try sink.write(writer.begin())
            while true {
                let next: RemittanceEvent?
                do {
                    next = try decoder.nextEvent()
                } catch {
                    fatal = error
                    break
                }
                guard var event = next else { break }
                if case .claim(var claim) = event, let matcher {
                    matcher.match(&claim)
                    event = .claim(claim)
                }
                summary.add(event)
                progress.update(bytes: reader.bytesRead, records: summary.claimCount)
                warnings.note(event)
                try sink.write(try writer.write(event))
            }
            var errors = decoder.problems
            if let fatal { errors.append(RemittanceProblem(fatal)) }
            for problem in errors { Diagnostics.report(problem.error, file: file) }
            summary.errorCount += errors.count
            try sink.write(try writer.finish(errors: errors, summary: summary, matching: matcher?.summary))
            try sink.commit()
        } catch {
            sink.discard()
            if let error = error as? X12Error {
                Diagnostics.report(error, file: output)
            } else {
                FileHandle.standardError.write("\(output): \(error)\n")
            }
            throw CLIExit.usage
        }
        if fatal?.kind == .unreadable { throw CLIExit.usage }
        if let ledger { try LedgerRecording.recordRemittance(file: file, ledger: ledger) }
        if summary.errorCount > 0 { throw CLIExit.invalid }
    }
}

/// Prints a transaction's errors and then its balancing findings (unless `--quiet`) when its trailer
/// arrives: the transaction's finding first, then its claims' in file order, as a biller reads them.
private struct BalanceWarnings {
    let file: String
    let quiet: Bool
    private var transactionSegment = 0
    /// Claim findings of the open transaction, held until its trailer (only the findings, not the claims).
    private var claimFindings: [BalanceFinding] = []

    init(file: String, quiet: Bool) {
        self.file = file
        self.quiet = quiet
    }

    mutating func note(_ event: RemittanceEvent) {
        switch event {
        case .header(let header):
            transactionSegment = header.segmentIndex
            claimFindings = []
        case .claim(let claim):
            if !quiet { claimFindings.append(contentsOf: claim.balance) }
        case .trailer(let trailer):
            for problem in trailer.errors { Diagnostics.report(problem.error, file: file) }
            guard !quiet else { return }
            for finding in trailer.balance + claimFindings {
                let segmentIndex = transactionSegment + finding.segment - 1
                FileHandle.standardError.write("\(file):segment \(segmentIndex) (\(finding.segmentId)): warning: \(finding.message)\n")
            }
            claimFindings = []
        }
    }
}
