import ArgumentParser
import Foundation
import X12Ledger

/// `x12 ledger summary`: counts and money by stage and payer, and aging.
struct LedgerSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Counts and money by status and payer, and aging of outstanding claims (0-30, 31-60, 61-90, 90+ days)."
    )

    @OptionGroup var options: LedgerOptions

    @Option(help: "Only this payer id.")
    var payer: String?

    @Option(help: "Output format: text, json or csv.")
    var format: LedgerFormat = .text

    func run() throws {
        let ledger = try options.open()
        let summary = try ledgerQuery { () throws(LedgerError) in try ledger.summary(ClaimFilter(payerId: payer)) }
        let text: String
        switch format {
        case .text: text = summary.text()
        case .csv: text = summary.csv()
        case .json: text = try ledgerQuery { () throws(LedgerError) in try summary.json() }
        }
        FileHandle.standardOutput.write(text)
    }
}
