import ArgumentParser
import Foundation
import X12
import X12Claims

/// `x12 generate`: finalized charges (a billing batch) to an 837P file and a batch report.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate 837P claims (005010X222A1) from a billing batch.",
        discussion: """
        Every charge ends up in exactly one bucket of the report: claims, delayedClaims, billingExceptions, \
        excluded or selfPay; a summary goes to standard error. ISA13 comes from --control-number, else from the \
        batch's interchange.controlNumber, else from the counter file .x12-control-number beside the output \
        (the last number used; the next run takes the one after it).

        Exit codes: 0 file written (or nothing to claim), 1 invalid batch, 2 usage error or unreadable file.
        """
    )

    @Argument(help: "The billing batch JSON ('-' for standard input).")
    var batch: String

    @Option(name: [.short, .customLong("output")], help: "The 837 file to write ('-' for standard output).")
    var output: String = "-"

    @Option(help: "Write the batch report (JSON) here ('-' for standard output).")
    var report: String?

    @Option(help: "One transaction set per payer, or one for all claims: payer|none.")
    var splitBy: String = "payer"

    @Option(help: "ISA13 to use (overrides the batch and the counter file).")
    var controlNumber: Int?

    @Option(help: "Interchange date, YYYY-MM-DD or YYYY-MM-DDTHH:MM in UTC (overrides the batch; default now).")
    var date: String?

    @Flag(help: "Write the 837 on one line, without a line break after each segment.")
    var noLineBreaks = false

    @Option(help: "Record the claims and the report in this ledger (see `x12 ledger`).")
    var ledger: String?

    func validate() throws {
        if ClaimBuilder.SplitBy(rawValue: splitBy) == nil { throw ValidationError("--split-by takes payer or none") }
        if let controlNumber, !(1...999_999_999).contains(controlNumber) {
            throw ValidationError("--control-number must be between 1 and 999999999")
        }
        if let date, InterchangeSettings.parseDate(date) == nil {
            throw ValidationError("--date takes YYYY-MM-DD or YYYY-MM-DDTHH:MM")
        }
        if output == "-" && report == "-" { throw ValidationError("the 837 and the report cannot both go to standard output") }
    }

    func run() throws {
        let data: Data
        if batch == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: batch) else {
                FileHandle.standardError.write("\(batch): cannot read the file\n")
                throw CLIExit.usage
            }
            data = contents
        }
        let parsed: BillingBatch
        do {
            parsed = try BillingBatch.decode(from: data)
        } catch {
            FileHandle.standardError.write("\(batch):\(error.path): \(error.message)\n")
            throw CLIExit.invalid
        }
        let counter = ControlNumberCounter(besideOutput: output)
        var number = controlNumber ?? parsed.interchange.controlNumber ?? 0
        let fromCounter = number == 0
        if fromCounter {
            do {
                number = try counter.next()
            } catch {
                Diagnostics.report(error, file: counter.path)
                throw CLIExit.usage
            }
        }
        let when = (date ?? parsed.interchange.date).flatMap(InterchangeSettings.parseDate) ?? Date()
        let options = ClaimBuilder.Options(controlNumber: number, date: when, splitBy: ClaimBuilder.SplitBy(rawValue: splitBy) ?? .payer)
        let screened = try LedgerRecording.build(parsed, options: options, ledger: ledger)
        let result = screened.output
        let bytes: [UInt8]
        do {
            bytes = try ClaimEncoder.encode(result.file, lineBreak: noLineBreaks ? "" : "\n")
        } catch {
            Diagnostics.report(error, file: output)
            throw CLIExit.invalid
        }
        do {
            if result.file.transactions.isEmpty {
                FileHandle.standardError.write("no claims to send: no 837 written\n")
            } else {
                try OutputSink.write(bytes, to: output)
                if fromCounter { try counter.record(number) }
            }
            if let report {
                var json = result.report.json()
                json.append(0x0A)
                try OutputSink.write(Array(json), to: report)
            }
        } catch {
            Diagnostics.report(error, file: output)
            throw CLIExit.usage
        }
        if let ledger { try LedgerRecording.recordSubmission(bytes: bytes, output: output, screened: screened, ledger: ledger) }
        let written = result.file.transactions.isEmpty ? "" : "\(output == "-" ? "standard output" : output): "
        FileHandle.standardError.write("\(written)ISA13 \(result.report.interchangeControlNumber)\n\(result.report.summary)\n")
    }
}
