import ArgumentParser
import Foundation
import X12Claims
import X12Ledger

/// `x12 ledger charge-updates`: visits whose finalized charges differ from the claim sent.
struct LedgerChargeUpdatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charge-updates",
        abstract: "Visits whose finalized charges differ from the claim sent, line by line, and whether a corrected claim went out.",
        discussion: """
        With a billing batch, every visit of it is compared with the claim recorded for it. Without one, the visits \
        that `generate --ledger` held for changed charges are listed.
        """
    )

    @OptionGroup var options: LedgerOptions

    @Argument(help: "A billing batch (JSON) with the finalized charges to compare.")
    var batch: String?

    @Option(help: "Output format: text, json or csv (one row per difference).")
    var format: LedgerFormat = .text

    func run() throws {
        let ledger = try options.open()
        var parsed: BillingBatch?
        if let batch {
            guard let data = FileManager.default.contents(atPath: batch) else {
                FileHandle.standardError.write("\(batch): cannot read the file\n")
                throw CLIExit.usage
            }
            do {
                parsed = try BillingBatch.decode(from: data)
            } catch {
                FileHandle.standardError.write("\(batch):\(error.path): \(error.message)\n")
                throw CLIExit.invalid
            }
        }
        let today = try options.today()
        let updates = try ledgerQuery { () throws(LedgerError) in try ledger.chargeUpdates(batch: parsed, date: today) }
        let text: String
        switch format {
        case .text: text = updates.text()
        case .csv: text = updates.csv()
        case .json: text = try ledgerQuery { () throws(LedgerError) in try updates.json() }
        }
        FileHandle.standardOutput.write(text)
    }
}
