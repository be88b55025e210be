import Foundation
import GRDB
import X12

/// A claim lifecycle ledger: a SQLite file that remembers every 837 sent, every acknowledgment and every
/// remittance read, and answers where each claim stands.
///
/// ```swift
/// let ledger = try Ledger(path: "x12-ledger.sqlite")
/// try ledger.recordSubmission(bytes: claims837, path: "claims.837", report: batchReport)
/// try ledger.importAcknowledgments(path: "claims.999")
/// try ledger.importRemittance(path: "payment.835")
/// let rows = try ledger.status()
/// ```
///
/// Each import runs in one database transaction: it is recorded whole or not at all. A file already imported
/// (same SHA-256) changes nothing and says so. Facts that match no submitted claim are kept as unmatched.
/// Readers see the ledger as it was before an import until that import commits (SQLite WAL mode).
public final class Ledger: Sendable {
    /// The file name used when neither `--ledger` nor `$X12_LEDGER` names one.
    public static let defaultFileName = "x12-ledger.sqlite"

    /// The ledger path to use: `explicit` when given, else `X12_LEDGER` from `environment` (the caller's, passed
    /// in: the library reads no environment itself), else `./x12-ledger.sqlite`.
    public static func location(_ explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["X12_LEDGER"], !fromEnvironment.isEmpty { return fromEnvironment }
        return defaultFileName
    }

    /// How long a write waits for another process's write lock by default: long enough for several importers of
    /// large files sharing one ledger file to take turns.
    public static let defaultBusyTimeout: TimeInterval = 60

    /// The database file.
    public let path: String
    let pool: DatabasePool
    let clock: @Sendable () -> Date

    /// Opens (creating and migrating when needed) the ledger at `path`.
    ///
    /// - Parameter path: the SQLite file.
    /// - Parameter clock: "now" for import times and, by default, for days since submission and aging
    ///   (tests pass a fixed one).
    /// - Parameter busyTimeout: how long a write (or opening a new ledger) waits for another process holding the
    ///   database's write lock before it fails; the WAL journal lets readers go on meanwhile.
    /// - Throws: ``LedgerError`` when the file cannot be opened or is not a ledger.
    public init(path: String, clock: @escaping @Sendable () -> Date = { Date() },
                busyTimeout: TimeInterval = Ledger.defaultBusyTimeout) throws(LedgerError) {
        self.path = path
        self.clock = clock
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(busyTimeout)
            pool = try DatabasePool(path: path, configuration: configuration)
            try LedgerSchema.migrator.migrate(pool)
        } catch {
            throw LedgerError("\(path): cannot open the ledger: \(Self.describe(error))")
        }
    }

    /// The migrations applied to the database, in order.
    public func appliedMigrations() throws(LedgerError) -> [String] {
        try read { db in try LedgerSchema.migrator.appliedMigrations(db) }
    }

    /// Number of rows in each ledger table (for checks and tests).
    public func rowCounts() throws(LedgerError) -> [String: Int] {
        let tables = ["importedFile", "interchange", "claim", "claimLine", "batchEntry", "acknowledgment", "payment",
                      "paymentLine", "adjustment", "unmatched"]
        return try read { db in
            var counts: [String: Int] = [:]
            for table in tables { counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
            return counts
        }
    }

    // MARK: - Database access

    func read<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try pool.read(body)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError("\(path): \(Self.describe(error))")
        }
    }

    /// The summary of an import already made of a file with `sha256` (its kind as recorded then), or `nil`.
    func earlierImport(sha256: String, path source: String) throws(LedgerError) -> ImportSummary? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT kind, path, importedAt FROM importedFile WHERE sha256 = ?", arguments: [sha256]).map { row in
                ImportSummary(kind: row["kind"], path: source, sha256: sha256,
                              alreadyImported: .init(path: row["path"], importedAt: row["importedAt"]))
            }
        }
    }

    /// Runs `body` in one write transaction, unless a file with `sha256` was already imported.
    func recordOnce(kind: String, sha256: String, path source: String,
                    _ body: (Database, Int64) throws -> ImportSummary) throws(LedgerError) -> ImportSummary {
        let now = LedgerDate.timestamp(clock())
        do {
            return try pool.write { db -> ImportSummary in
                if let row = try Row.fetchOne(db, sql: "SELECT path, importedAt FROM importedFile WHERE sha256 = ?", arguments: [sha256]) {
                    return ImportSummary(kind: kind, path: source, sha256: sha256,
                                         alreadyImported: .init(path: row["path"], importedAt: row["importedAt"]))
                }
                try db.execute(sql: "INSERT INTO importedFile (kind, sha256, path, importedAt) VALUES (?, ?, ?, ?)",
                               arguments: [kind, sha256, source, now])
                return try body(db, db.lastInsertedRowID)
            }
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
                    && error.message?.contains("importedFile.sha256") == true {
            // Another connection recorded the same file between the check and the insert: it is recorded once.
            if let earlier = try earlierImport(sha256: sha256, path: source) {
                return ImportSummary(kind: kind, path: source, sha256: sha256, alreadyImported: earlier.alreadyImported)
            }
            throw LedgerError("\(path): \(Self.describe(error))")
        } catch {
            throw LedgerError("\(path): \(Self.describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error)" }
        return "\(error)"
    }
}

/// A ledger failure: the message names the file and what went wrong.
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

extension Ledger {
    /// The bytes of the file at `path`.
    ///
    /// - Throws: ``LedgerError`` when it cannot be read (standard input cannot be recorded: it was read already).
    public static func contents(of path: String) throws(LedgerError) -> [UInt8] {
        if path == "-" { throw LedgerError("standard input cannot be recorded in the ledger: give the file's path") }
        guard let data = FileManager.default.contents(atPath: path) else { throw LedgerError("\(path): cannot read the file") }
        return [UInt8](data)
    }
}

extension Database {
    /// Runs one statement from the connection's statement cache (imports run the same few statements many times).
    func run(sql: String, arguments: StatementArguments) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
