import ArgumentParser
import Foundation
import X12
import X12Claims
import X12Ledger

/// `x12 ledger secondary`: secondary (COB) claims from the primary claims and their 835s in the ledger.
struct LedgerSecondaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secondary",
        abstract: "Write secondary (COB) 837P claims built from the primary claims and the primary payer's 835 in the ledger.",
        discussion: """
        For every claim named (default: every claim recorded by generate --ledger with a case's secondary coverage) \
        whose primary 835 is in the ledger: 2000B secondary subscriber and payer, 2320/2330A/2330B for the primary \
        (CAS, AMT*D, OI, DTP*573, REF*F8), a 2430 per line (SVD, CAS, DTP*573). The secondary claim's CLM01 and \
        REF*6R are the primary's with -S. What is not built is listed on standard error and in the report with the \
        reason (crossover payer, nothing owed, unmatched 835 lines, incomplete coverage, no 835 yet...). The file \
        written is recorded in the ledger, each secondary claim linked to its primary. ISA13 as for rebill.
        """
    )

    @OptionGroup var options: LedgerOptions

    @Argument(help: "Patient control numbers (CLM01) of the primary claims (default: all with a secondary coverage).")
    var claims: [String] = []

    @Option(name: [.short, .customLong("output")], help: "The 837 file to write ('-' for standard output).")
    var output: String

    @Option(help: "Write the report (JSON: claims, crossedOver, notSent) here ('-' for standard output).")
    var report: String?

    @Option(help: "ISA13 to use (default: the counter file beside the output).")
    var controlNumber: Int?

    @Option(help: "Interchange date, YYYY-MM-DD or YYYY-MM-DDTHH:MM in UTC (default now).")
    var date: String?

    func validate() throws {
        if output == "-" && report == "-" { throw ValidationError("the 837 and the report cannot both go to standard output") }
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
        let secondary = try ledgerQuery { () throws(LedgerError) in
            try ledger.secondaryClaims(SecondaryRequest(patientControlNumbers: claims, controlNumber: number, date: when))
        }
        if let bytes = secondary.bytes {
            do throws(X12Error) {
                try OutputSink.write(bytes, to: output)
                if controlNumber == nil { try counter.record(number) }
            } catch {
                Diagnostics.report(error, file: output)
                throw CLIExit.usage
            }
        }
        if let report {
            let json = try ledgerQuery { () throws(LedgerError) in try secondary.reportJSON() }
            do throws(X12Error) {
                try OutputSink.write(Array(json.utf8), to: report)
            } catch {
                Diagnostics.report(error, file: report)
                throw CLIExit.usage
            }
        }
        for claim in secondary.claims {
            FileHandle.standardError.write("\(claim.patientControlNumber): secondary to \(claim.payerId) after \(claim.primaryPatientControlNumber), "
                                           + "charge \(LedgerMoney.text(claim.chargeAmount)), primary paid \(LedgerMoney.text(claim.primaryPaidAmount))\n")
        }
        for entry in secondary.crossedOver {
            FileHandle.standardError.write("\(entry.patientControlNumber): crossed over: \(entry.reason)\n")
        }
        for entry in secondary.notSent {
            FileHandle.standardError.write("\(entry.patientControlNumber): not sent: \(entry.reason)\n")
        }
        guard secondary.bytes != nil else {
            FileHandle.standardError.write("no secondary claim was built; \(output) was not written\n")
            return
        }
        let summary = try ledgerQuery { () throws(LedgerError) in
            try ledger.recordSecondaryClaims(secondary, path: output == "-" ? "standard output" : output)
        }
        FileHandle.standardError.write("ledger: \(summary.description)\n")
    }
}
