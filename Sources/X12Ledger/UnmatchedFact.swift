import GRDB

/// A fact that named nothing the ledger knows: a 277CA for a claim never submitted, a payment for an unknown
/// claim, a 999 for a group never sent, a claim loop the 835 decoder skipped.
public struct UnmatchedFact: Sendable, Hashable, Codable {
    /// `TA1`, `999`, `277CA` or `835`.
    public var source: String
    /// What it names (`CLP01 Z8888`, `GS06 7`).
    public var reference: String
    /// What it said.
    public var description: String
    /// The file it came from.
    public var file: String
}

extension Ledger {
    /// Every unmatched fact, in import order.
    public func unmatchedFacts() throws(LedgerError) -> [UnmatchedFact] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT u.source, u.reference, u.description, f.path FROM unmatched u JOIN importedFile f ON f.id = u.fileId ORDER BY u.id
                """).map { UnmatchedFact(source: $0["source"], reference: $0["reference"], description: $0["description"], file: $0["path"]) }
        }
    }
}
