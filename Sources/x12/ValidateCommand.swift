import ArgumentParser
import Foundation
import X12
import X12Output
import X12Validation

/// `x12 validate`: implementation-guide validation driven by the spec files (bundled, or `--specs DIR`), with an optional
/// 999 and TA1.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate X12 files against the implementation guides.",
        discussion: """
        Findings are printed on standard error as FILE:segment N (ID) loop L element M: message, where N counts \
        segments from the start of the file; --format json prints a report per file on standard output instead.

        Exit codes: 0 every file valid, 1 a file has errors (or warnings with --strict), 2 usage error, \
        unreadable file or unreadable specs.

        The guides are the ones bundled with the toolkit (837P 005010X222A1, 835 005010X221A1, 999, 277CA and the \
        00501 envelope); --specs DIR, else $X12_SPECS, reads them from a directory instead.

        --format ndjson writes a "transactionSet" record per transaction set and a "finding" record per finding, \
        each opening with recordType, schemaVersion, source (the file), ISA13, GS06 and ST02. --paths-from reads \
        the paths one a line; with --keep-going an unreadable file gives a "diagnostic" record and exit 1, not 2.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, ndjson
    }

    @Argument(help: "The X12 files to validate ('-' for standard input).")
    var files: [String] = []

    @Option(help: "Output format: text, json or ndjson (a record per transaction set and per finding, for pipelines).")
    var format: Format = .text

    @Option(help: "Write a 999 implementation acknowledgment for the file here (one input file only).")
    var ack: String?

    @Option(help: "Write a TA1 interchange acknowledgment here when the ISA/IEA envelope has faults or ISA14 asks for one.")
    var ta1: String?

    @Flag(help: "Treat warnings as errors (exit code and acknowledgments).")
    var strict = false

    @Option(help: "A directory of spec files to use instead of the bundled ones (default: $X12_SPECS when set).")
    var specs: String?

    @Option(help: "ISA13 control number for the 999/TA1 written.")
    var controlNumber: Int = 1

    @OptionGroup var pipe: PipeOptions

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        try pipe.validate(positional: files, ndjson: format == .ndjson)
        if files.filter({ $0 == "-" }).count + (pipe.pathsFrom == "-" ? 1 : 0) > 1 {
            throw ValidationError("standard input ('-') can be read only once")
        }
        if (ack != nil || ta1 != nil) && (files.count != 1 || pipe.pathsFrom != nil) {
            throw ValidationError("--ack and --ta1 answer one input file; give exactly one file")
        }
        guard (1...999_999_999).contains(controlNumber) else {
            throw ValidationError("--control-number must be between 1 and 999999999")
        }
    }

    func run() throws {
        let files = try pipe.paths(positional: files)
        let validator: Validator
        do {
            validator = try SpecsChoice.validator(option: specs)
        } catch {
            FileHandle.standardError.write("x12 validate: \(error)\n")
            throw CLIExit.usage
        }
        var reports: [ValidationReport] = []
        var unreadable = false
        var invalid = false
        var output = OutputBuffer()
        for file in files {
            var meter = progressOptions.meter(for: file, unit: "segments")
            let report = validator.validate(path: file) { bytes, segments in meter.update(bytes: bytes, records: segments) }
            meter.finish()
            if report.findings.contains(where: { $0.kind == .unreadable }) { unreadable = true }
            if !report.isValid(strict: strict) { invalid = true }
            if format == .ndjson {
                do {
                    try writeRecords(of: report, file: file, to: &output)
                } catch {
                    FileHandle.standardError.write("x12 validate: cannot encode the records of \(file): \(error)\n")
                    throw CLIExit.usage
                }
                continue
            }
            if format == .text {
                var errors = ""
                for finding in report.findings { errors += "\(file):\(finding)\n" }
                FileHandle.standardError.write(errors)
                let verdict = report.isValid(strict: strict) ? "valid" : "invalid"
                output.line("\(file): \(verdict) (\(report.transactionSets.count) transaction sets, \(report.errorCount) errors, \(report.warningCount) warnings)")
            }
            reports.append(report)
        }
        if format == .json {
            let data: [UInt8]
            do {
                data = reports.count == 1 ? try JSONDocument.pretty(reports[0]) : try JSONDocument.pretty(reports)
            } catch {
                FileHandle.standardError.write("x12 validate: cannot encode the report: \(error)\n")
                throw CLIExit.usage
            }
            output.raw(data)
        }
        output.flush()
        if let report = reports.first, ack != nil || ta1 != nil {
            try writeAcknowledgments(for: report)
        }
        if unreadable && !pipe.keepGoing { throw CLIExit.usage }
        if invalid || unreadable { throw CLIExit.invalid }
    }

    /// `--format ndjson`: a ``ValidationTransactionSetRecord`` for each transaction set of the file, then a
    /// ``ValidationFindingRecord`` for each finding; with `--keep-going`, a file that cannot be read gives
    /// diagnostic records in place of its `unreadable` findings.
    private func writeRecords(of report: ValidationReport, file: String, to output: inout OutputBuffer) throws {
        for transactionSet in report.transactionSets {
            output.raw(try JSONDocument.compact(ValidationTransactionSetRecord(source: file, transactionSet: transactionSet, strict: strict)))
        }
        for finding in report.findings {
            if pipe.keepGoing && finding.kind == .unreadable {
                let position = Position(byteOffset: 0, line: finding.line ?? 0, segmentIndex: finding.fileSegmentIndex,
                                        segmentId: finding.segmentId, transactionSegmentIndex: finding.segmentIndex,
                                        elementPosition: finding.element, componentPosition: finding.component)
                let record = PipeDiagnosticRecord(source: file, error: X12Error(.unreadable, at: position, finding.message),
                                                  interchangeControlNumber: finding.interchangeControlNumber,
                                                  groupControlNumber: finding.groupControlNumber,
                                                  transactionSetControlNumber: finding.transactionSetControlNumber)
                output.raw(try JSONDocument.compact(record))
            } else {
                output.raw(try JSONDocument.compact(ValidationFindingRecord(source: file, finding: finding)))
            }
        }
    }

    private func writeAcknowledgments(for report: ValidationReport) throws {
        let builder = AcknowledgmentBuilder(controlNumber: controlNumber, strict: strict)
        do {
            if let ack {
                guard let bytes = try builder.implementationAcknowledgment(for: report) else {
                    FileHandle.standardError.write("x12 validate: \(report.file) has no functional group to acknowledge; no 999 written\n")
                    throw CLIExit.invalid
                }
                try OutputSink.write(bytes, to: ack)
            }
            if let ta1 {
                if let bytes = try builder.interchangeAcknowledgment(for: report) {
                    try OutputSink.write(bytes, to: ta1)
                } else {
                    FileHandle.standardError.write("x12 validate: no interchange fault and no TA1 requested (ISA14 = 0); no TA1 written\n")
                }
            }
        } catch let error as X12Error {
            Diagnostics.report(error, file: report.file)
            throw CLIExit.usage
        }
    }
}
