import ArgumentParser
import Foundation
import X12Ledger

/// `x12 ledger import`: records 837, TA1/999/277CA and 835 files without running generate, ack or remit.
struct LedgerImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record 837, TA1, 999, 277CA and 835 files in the ledger (each file once; one transaction per file).",
        discussion: "The kind of each file is read from its first ST01 (837, 999/997, 277, 835) or its TA1."
    )

    @OptionGroup var options: LedgerOptions

    @Argument(help: "The files, in the order they happened (submissions before their acknowledgments and remittances).")
    var files: [String]

    func run() throws {
        let ledger = try options.open()
        var failed = false
        for file in files {
            do {
                let summary = try ledger.importFile(path: file)
                FileHandle.standardError.write("\(summary.description)\n")
            } catch {
                FileHandle.standardError.write("\(error.message)\n")
                failed = true
            }
        }
        if failed { throw CLIExit.invalid }
    }
}
