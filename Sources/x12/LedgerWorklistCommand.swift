import ArgumentParser
import Foundation
import X12Ledger

/// `x12 ledger worklist`: what needs a person today.
struct LedgerWorklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worklist",
        abstract: "What needs a person today: rejected, denied and reversed claims, denied lines, held visits, unmatched facts."
    )

    @OptionGroup var options: LedgerOptions

    @Option(help: "Output format: text, json or csv.")
    var format: LedgerFormat = .text

    func run() throws {
        let ledger = try options.open()
        let items = try ledgerQuery { () throws(LedgerError) in try ledger.worklist() }
        let text: String
        switch format {
        case .text: text = items.text()
        case .csv: text = items.csv()
        case .json: text = try ledgerQuery { () throws(LedgerError) in try items.json() }
        }
        FileHandle.standardOutput.write(text)
    }
}
