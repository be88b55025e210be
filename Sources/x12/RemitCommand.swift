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

        Several files (as arguments or --paths-from, one path a line) are read in turn into one NDJSON or CSV \
        output (one CSV header). With --paths-from or --keep-going every NDJSON record starts with the pipe \
        envelope: recordType "claimPayment", schemaVersion, source (the path), interchangeControlNumber, \
        groupControlNumber, then the record's usual keys. With --keep-going a file that cannot be opened or read, \
        and each error, also becomes a "diagnostic" record, the run goes on, and the exit code is 1.
        """
    )

    @Argument(help: "The 835 files to read ('-' for standard input); several (or --paths-from) with --format ndjson or csv.")
    var files: [String] = []

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

    @OptionGroup var pipe: PipeOptions

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        try pipe.validate(positional: files, ndjson: format == .ndjson)
        if format == .json && (files.count > 1 || pipe.pathsFrom != nil) {
            throw ValidationError("--format json writes one report for one file: use --format ndjson or csv for several files or --paths-from")
        }
        let standardInputReads = files.filter { $0 == "-" }.count + (pipe.pathsFrom == "-" ? 1 : 0) + (claims == "-" ? 1 : 0)
        if standardInputReads > 1 { throw ValidationError("standard input ('-') can be read only once") }
    }

    func run() throws {
        // The first file is opened before anything else, as a single-file run always did (its error comes first).
        var firstReader: SegmentReader?
        if !files.isEmpty, !pipe.keepGoing {
            firstReader = try open(files[0])
        }
        let paths = try pipe.paths(positional: files)
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
        var outcome = RunOutcome()
        var began = false
        do {
            for (index, file) in paths.enumerated() {
                let reader: SegmentReader
                if index == 0, let firstReader {
                    reader = firstReader
                } else if pipe.keepGoing {
                    do {
                        reader = try SegmentReader(path: file)
                    } catch {
                        Diagnostics.report(error, file: file)
                        try sink.write(JSONDocument.compact(PipeDiagnosticRecord(source: file, error: error)))
                        outcome.diagnostics += 1
                        continue
                    }
                } else {
                    do {
                        reader = try open(file)
                    } catch {
                        sink.discard()
                        throw error
                    }
                }
                let result = try remit(reader, file: file, first: !began, matcher: matcher, into: &sink)
                began = true
                outcome.errors += result.errors
                outcome.diagnostics += result.diagnostics
                if result.unreadable { outcome.unreadable = true }
                if !result.unreadable { outcome.readFiles.append(file) }
            }
            try sink.commit()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            sink.discard()
            if let error = error as? X12Error {
                Diagnostics.report(error, file: output)
            } else {
                FileHandle.standardError.write("\(output): \(error)\n")
            }
            throw CLIExit.usage
        }
        if outcome.unreadable && !pipe.keepGoing { throw CLIExit.usage }
        if let ledger {
            for file in outcome.readFiles { try LedgerRecording.recordRemittance(file: file, ledger: ledger) }
        }
        if outcome.errors > 0 || outcome.diagnostics > 0 { throw CLIExit.invalid }
    }

    /// What a run found over all its files.
    private struct RunOutcome {
        /// Errors printed (envelope faults, unreadable segments).
        var errors = 0
        /// Diagnostic records written (`--keep-going`).
        var diagnostics = 0
        /// Whether a file stopped being readable part way.
        var unreadable = false
        /// The files read to their end (recorded in `--ledger`).
        var readFiles: [String] = []
    }

    /// What one file gave.
    private struct FileOutcome {
        var errors = 0
        var diagnostics = 0
        var unreadable = false
    }

    /// Opens `file`; exit 2 with its error when it cannot be read.
    private func open(_ file: String) throws -> SegmentReader {
        do {
            return try SegmentReader(path: file)
        } catch {
            Diagnostics.report(error, file: file)
            throw CLIExit.usage
        }
    }

    /// Streams the records of one 835 into `sink` (the format's opening bytes only for the first file, so CSV
    /// has one header): errors on standard error and, with `--keep-going`, as diagnostic records too.
    private func remit(_ reader: SegmentReader, file: String, first: Bool, matcher: SubmittedClaimMatcher?,
                       into sink: inout OutputSink) throws -> FileOutcome {
        let decoder = RemittanceDecoder(reader: reader)
        var progress = progressOptions.meter(for: file, unit: "claims")
        defer { progress.finish() }
        var writer = RemittanceWriter(format: format, source: pipe.isPipe ? file : nil)
        var summary = RemittanceSummary()
        var warnings = BalanceWarnings(file: file, quiet: quiet)
        var outcome = FileOutcome()
        var fatal: X12Error?
        var open: Remittance?
        if first { try sink.write(writer.begin()) }
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
            switch event {
            case .header(let header): open = header
            case .claim: break
            case .trailer(let trailer):
                if pipe.keepGoing {
                    for problem in trailer.errors {
                        try sink.write(JSONDocument.compact(diagnostic(problem, file: file, in: open)))
                        outcome.diagnostics += 1
                    }
                }
                open = nil
            }
        }
        var errors = decoder.problems
        if let fatal { errors.append(RemittanceProblem(fatal)) }
        for problem in errors { Diagnostics.report(problem.error, file: file) }
        if pipe.keepGoing {
            for problem in errors {
                try sink.write(JSONDocument.compact(diagnostic(problem, file: file, in: open)))
                outcome.diagnostics += 1
            }
        }
        summary.errorCount += errors.count
        try sink.write(try writer.finish(errors: errors, summary: summary, matching: matcher?.summary))
        outcome.errors = summary.errorCount
        outcome.unreadable = fatal?.kind == .unreadable
        return outcome
    }

    /// The diagnostic record of `problem`, with the control numbers of the transaction it is in when known.
    private func diagnostic(_ problem: RemittanceProblem, file: String, in open: Remittance?) -> PipeDiagnosticRecord {
        let inOpen = open.map { problem.transactionSetControlNumber == nil || problem.transactionSetControlNumber == $0.transactionSetControlNumber } ?? false
        return PipeDiagnosticRecord(source: file, error: problem.error,
                                    interchangeControlNumber: inOpen ? open?.interchangeControlNumber : nil,
                                    groupControlNumber: inOpen ? open?.groupControlNumber : nil,
                                    transactionSetControlNumber: problem.transactionSetControlNumber ?? (inOpen ? open?.transactionSetControlNumber : nil))
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
