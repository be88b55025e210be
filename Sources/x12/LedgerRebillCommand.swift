import ArgumentParser
import Foundation
import X12
import X12Claims
import X12Ledger

/// `x12 ledger rebill`: corrected (7) or void (8) claims from the ledger, with REF*F8.
struct LedgerRebillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebill",
        abstract: "Write corrected (frequency 7) or void (8) claims built from the ledger, REF*F8 = the payer claim control number.",
        discussion: """
        The payer claim control number comes from the 277CA (REF*1K) or the 835 (CLP07); a claim with none known \
        is refused (exit 1) and nothing is written. ISA13 comes from --control-number, else from the counter file \
        .x12-control-number beside the output, as for generate. The file written is recorded in the ledger.
        """
    )

    @OptionGroup var options: LedgerOptions

    @Argument(help: "Patient control numbers (CLM01) of the claims to send again.")
    var claims: [String]

    @Option(name: [.short, .customLong("output")], help: "The 837 file to write ('-' for standard output).")
    var output: String

    @Flag(help: "Void the claims (frequency 8) instead of replacing them (7).")
    var void = false

    @Option(help: "ISA13 to use (default: the counter file beside the output).")
    var controlNumber: Int?

    @Option(help: "Interchange date, YYYY-MM-DD or YYYY-MM-DDTHH:MM in UTC (default now).")
    var date: String?

    func validate() throws {
        if claims.isEmpty { throw ValidationError("name at least one claim (patient control number)") }
        if let controlNumber, !(1...999_999_999).contains(controlNumber) {
            throw ValidationError("--control-number must be between 1 and 999999999")
        }
        if let date, InterchangeSettings.parseDate(date) == nil { throw ValidationError("--date takes YYYY-MM-DD or YYYY-MM-DDTHH:MM") }
    }

    func run() throws {
        let ledger = try options.open()
        let counter = ControlNumberCounter(besideOutput: output)
        var number = controlNumber ?? 0
        if controlNumber == nil {
            do {
                number = try counter.next()
            } catch {
                Diagnostics.report(error, file: counter.path)
                throw CLIExit.usage
            }
        }
        let when = date.flatMap(InterchangeSettings.parseDate) ?? Date()
        let request = RebillRequest(patientControlNumbers: claims, frequency: void ? .void : .replacement, controlNumber: number, date: when)
        let rebill: CorrectedClaims
        do {
            rebill = try ledger.rebill(request)
        } catch {
            FileHandle.standardError.write("\(error.message)\n")
            throw CLIExit.invalid
        }
        do throws(X12Error) {
            try OutputSink.write(rebill.bytes, to: output)
            if controlNumber == nil { try counter.record(number) }
        } catch {
            Diagnostics.report(error, file: output)
            throw CLIExit.usage
        }
        for claim in rebill.claims {
            FileHandle.standardError.write("\(claim.patientControlNumber): frequency \(request.frequency.rawValue), REF*F8 \(claim.payerClaimControlNumber), "
                                           + "charge \(LedgerMoney.text(claim.chargeAmount))\n")
        }
        let summary = try ledgerQuery { () throws(LedgerError) in
            try ledger.recordRebill(rebill, path: output == "-" ? "standard output" : output)
        }
        FileHandle.standardError.write("ledger: \(summary.description)\n")
    }
}
