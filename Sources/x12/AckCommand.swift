import ArgumentParser
import Foundation
import X12
import X12Acknowledgments
import X12Matching
import X12Output

/// `x12 ack`: TA1, 999 and 277CA acknowledgments into accepted / rejected / pending claim records.
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Read TA1, 999 and 277CA acknowledgments and say which claims were accepted or rejected, and why.",
        discussion: """
        With --claims, every claim of the submitted 837 gets a record: 999 errors are mapped to the claim whose \
        segments contain the IK3 position (or that CTX*CLM01 names), every claim of a rejected transaction set or \
        interchange is rejected, and 277CA claims are matched by patient control number (TRN02 = CLM01). \
        Acknowledgments that match nothing are listed under "unmatched".

        Exit codes: 0 parsed; 1 malformed or truncated acknowledgment (what parsed is still printed), or with \
        --fail-on-reject when anything was rejected; 2 usage error or unreadable file.

        --format ndjson reads each file on its own and writes one "claimStatus" record per claim, opening with \
        recordType, schemaVersion, source (the file), and the claim's interchangeControlNumber, \
        groupControlNumber and transactionSetControlNumber. --paths-from reads the paths one a line; with \
        --keep-going a file that cannot be opened, and each problem, also becomes a "diagnostic" record (exit 1).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, ndjson
    }

    @Argument(help: "Acknowledgment files (TA1, 999, 277CA; '-' for standard input).")
    var files: [String] = []

    @Option(help: "The submitted 837 the acknowledgments answer.")
    var claims: String?

    @Option(help: "Output format: text, json, csv (one row per claim reason) or ndjson (one claim a line per file read, for pipelines).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the output to this file (atomically) instead of standard output.")
    var output = "-"

    @Flag(help: "Exit with 1 when any claim, transaction set, group or interchange was rejected.")
    var failOnReject = false

    @Option(help: "Record the acknowledgments in this ledger (see `x12 ledger`).")
    var ledger: String?

    @OptionGroup var pipe: PipeOptions

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        if files.isEmpty && pipe.pathsFrom == nil {
            throw ValidationError("give at least one acknowledgment file ('-' for standard input)")
        }
        try pipe.validate(positional: files, ndjson: format == .ndjson)
        if files.filter({ $0 == "-" }).count + (claims == "-" ? 1 : 0) + (pipe.pathsFrom == "-" ? 1 : 0) > 1 {
            throw ValidationError("standard input ('-') can be read only once")
        }
    }

    func run() throws {
        let files = try pipe.paths(positional: files)
        var matching: AcknowledgmentMatcher?
        if let claims {
            let index: SubmittedClaimIndex
            do {
                index = try SubmittedClaimIndex(path: claims)
            } catch {
                Diagnostics.report(error, file: claims)
                throw Diagnostics.exitCode(for: error)
            }
            for problem in index.problems { Diagnostics.report(problem, file: claims) }
            matching = AcknowledgmentMatcher(index: index)
        }
        if format == .ndjson { return try writeRecords(files: files, matching: matching) }
        var decoder = AckDecoder(matching: matching)
        for file in files {
            let reader: SegmentReader
            do {
                reader = try SegmentReader(path: file)
            } catch {
                Diagnostics.report(error, file: file)
                throw CLIExit.usage
            }
            var meter = progressOptions.meter(for: file, unit: "segments")
            decoder.read(reader, file: file) { bytes, segments in meter.update(bytes: bytes, records: segments) }
            meter.finish()
        }
        let report = decoder.report()
        try write(report)
        for problem in report.problems { FileHandle.standardError.write("\(problem)\n") }
        if let ledger { try LedgerRecording.recordAcknowledgments(files: files, ledger: ledger) }
        if !report.problems.isEmpty || (failOnReject && report.hasRejections) { throw CLIExit.invalid }
    }

    /// `--format ndjson`: each file is read on its own and gives one ``AckClaimRecord`` a claim (every
    /// submitted claim with `--claims`); problems are printed on standard error and, with `--keep-going`, written
    /// as diagnostic records, as is a file that cannot be opened (which otherwise stops the run with exit 2).
    private func writeRecords(files: [String], matching: AcknowledgmentMatcher?) throws {
        var sink: OutputSink
        do {
            sink = try OutputSink(path: output)
        } catch {
            Diagnostics.report(error, file: output)
            throw CLIExit.usage
        }
        var problems = 0
        var rejected = false
        var readFiles: [String] = []
        do {
            for file in files {
                let reader: SegmentReader
                do {
                    reader = try SegmentReader(path: file)
                } catch {
                    Diagnostics.report(error, file: file)
                    guard pipe.keepGoing else {
                        sink.discard()
                        throw CLIExit.usage
                    }
                    try sink.write(JSONDocument.compact(PipeDiagnosticRecord(source: file, error: error)))
                    problems += 1
                    continue
                }
                var decoder = AckDecoder(matching: matching)
                var meter = progressOptions.meter(for: file, unit: "segments")
                decoder.read(reader, file: file) { bytes, segments in meter.update(bytes: bytes, records: segments) }
                meter.finish()
                let report = decoder.report()
                for claim in report.claims { try sink.write(JSONDocument.compact(AckClaimRecord(source: file, claim: claim))) }
                for problem in report.problems {
                    FileHandle.standardError.write("\(problem)\n")
                    if pipe.keepGoing { try sink.write(JSONDocument.compact(PipeDiagnosticRecord(source: file, error: problem.error))) }
                }
                problems += report.problems.count
                if report.hasRejections { rejected = true }
                readFiles.append(file)
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
        if let ledger { try LedgerRecording.recordAcknowledgments(files: readFiles, ledger: ledger) }
        if problems > 0 || (failOnReject && rejected) { throw CLIExit.invalid }
    }

    /// Writes the report in the chosen format a piece at a time, so the output is never held whole.
    private func write(_ report: AckReport) throws {
        var sink: OutputSink
        do {
            sink = try OutputSink(path: output)
        } catch {
            Diagnostics.report(error, file: output)
            throw CLIExit.usage
        }
        do {
            switch format {
            case .text: try report.writeText { line throws(X12Error) in try sink.write(Array((line + "\n").utf8)) }
            case .csv: try report.writeCSV { line throws(X12Error) in try sink.write(Array((line + "\n").utf8)) }
            case .json: try JSONDocument.write(report) { bytes in try sink.write(bytes) }
            case .ndjson: break // written file by file by writeRecords
            }
            try sink.commit()
        } catch let error as X12Error {
            sink.discard()
            Diagnostics.report(error, file: output)
            throw CLIExit.usage
        } catch {
            sink.discard()
            FileHandle.standardError.write("\(output): \(error)\n")
            throw CLIExit.usage
        }
    }
}
