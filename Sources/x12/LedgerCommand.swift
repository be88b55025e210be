import ArgumentParser
import Foundation
import X12Ledger

/// `x12 ledger`: where each claim stands, from the SQLite ledger that `generate`, `ack` and `remit --ledger` feed.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Claim lifecycle ledger: status, summary, worklist, corrected claims, charge updates.",
        discussion: """
        The ledger is a SQLite file: --ledger FILE, else $X12_LEDGER, else ./x12-ledger.sqlite. `x12 generate`, \
        `x12 ack` and `x12 remit` record into it when given --ledger; `x12 ledger import` records files directly.

        Exit codes: 0 success, 1 refused (unknown claim, nothing to rebill), 2 usage error or unreadable ledger.
        """,
        subcommands: [LedgerImportCommand.self, LedgerStatusCommand.self, LedgerSummaryCommand.self, LedgerWorklistCommand.self,
                      LedgerRebillCommand.self, LedgerSecondaryCommand.self, LedgerChargeUpdatesCommand.self]
    )
}

/// Options every `x12 ledger` subcommand takes.
struct LedgerOptions: ParsableArguments {
    @Option(help: "The ledger file (default: $X12_LEDGER, else ./x12-ledger.sqlite).")
    var ledger: String?

    @Option(help: "The day to count days since submission to, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    /// The `--as-of` day at noon UTC, or now.
    func today() throws -> Date {
        guard let asOf else { return Date() }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        let parts = asOf.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)) else {
            throw ValidationError("--as-of takes YYYY-MM-DD")
        }
        return date
    }

    /// Opens the ledger; a failure is reported and becomes exit code 2.
    func open() throws -> Ledger {
        let date = try today()
        do {
            return try Ledger(path: Ledger.location(ledger, environment: ProcessInfo.processInfo.environment), clock: { date })
        } catch {
            FileHandle.standardError.write("\(error.message)\n")
            throw CLIExit.usage
        }
    }
}

/// Output formats of the reports.
enum LedgerFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// Runs a ledger query, turning a ``LedgerError`` into a message and exit code 2.
func ledgerQuery<T>(_ body: () throws(LedgerError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        FileHandle.standardError.write("\(error.message)\n")
        throw CLIExit.usage
    }
}
