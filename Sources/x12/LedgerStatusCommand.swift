import ArgumentParser
import Foundation
import X12Ledger

/// `x12 ledger status`: each claim's lifecycle.
struct LedgerStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Each claim's lifecycle: acknowledgments, payer claim number, payments, balance, days since submission."
    )

    @OptionGroup var options: LedgerOptions

    @Option(help: "Only this patient control number (repeatable).")
    var claim: [String] = []

    @Option(help: "Only this payer id.")
    var payer: String?

    @Option(help: "Output format: text, json or csv.")
    var format: LedgerFormat = .text

    func run() throws {
        let ledger = try options.open()
        let claims = try ledgerQuery { () throws(LedgerError) in try ledger.status(ClaimFilter(patientControlNumbers: claim, payerId: payer)) }
        let text: String
        switch format {
        case .text: text = claims.text()
        case .csv: text = claims.csv()
        case .json: text = try ledgerQuery { () throws(LedgerError) in try claims.json() }
        }
        FileHandle.standardOutput.write(text)
        if !claim.isEmpty && claims.isEmpty {
            FileHandle.standardError.write("no claim \(claim.joined(separator: ", ")) in the ledger\n")
            throw CLIExit.invalid
        }
    }
}
