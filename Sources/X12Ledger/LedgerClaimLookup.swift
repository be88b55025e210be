import Foundation
import GRDB
import X12Matching

/// The ledger's claims as a `SubmittedClaimLookup`, answered in SQL inside the import's transaction, so payments
/// and acknowledgments are matched by the same `ClaimMatcher` as `x12 remit --claims` and `x12 ack --claims`.
///
/// Candidates come most recent submission first (a resent claim supersedes the earlier one), in file order within
/// a submission. CLM01 is compared with SQLite's `NOCASE` (ASCII letters), which patient control numbers use.
struct LedgerClaimLookup: SubmittedClaimLookup {
    /// A recorded claim.
    struct Claim: SubmittedClaimRecord {
        typealias Line = LedgerClaimLookup.Line
        /// `claim.id`.
        var id: Int64
        var patientControlNumber: String
        var chargeAmount: Decimal?
        /// ST02 of its transaction set.
        var transactionSetControlNumber: String
    }

    /// A recorded service line.
    struct Line: SubmittedLineRecord {
        /// `claimLine.id`.
        var id: Int64
        var lineNumber: Int
        var procedureCode: String
        var modifiers: [String]
        var chargeAmount: Decimal?
        var lineControlNumber: String?
    }

    /// The import's database connection.
    let db: Database

    private static let columns = "SELECT id, patientControlNumber, chargeAmount, transactionSetControlNumber FROM claim"

    func claims(patientControlNumber: String) throws(LedgerError) -> [Claim] {
        try fetch(Self.columns + " WHERE patientControlNumber = ? COLLATE NOCASE ORDER BY interchangeId DESC, id",
                  [patientControlNumber])
    }

    func claims(interchangeControlNumber: String) throws(LedgerError) -> [Claim] {
        guard let interchange = try latestInterchange("controlNumber", interchangeControlNumber) else { return [] }
        return try fetch(Self.columns + " WHERE interchangeId = ? ORDER BY id", [interchange])
    }

    func claims(groupControlNumber: String) throws(LedgerError) -> [Claim] {
        guard let interchange = try latestInterchange("groupControlNumber", groupControlNumber) else { return [] }
        return try fetch(Self.columns + " WHERE interchangeId = ? ORDER BY id", [interchange])
    }

    func claims(transactionSetControlNumber: String, groupControlNumber: String) throws(LedgerError) -> [Claim] {
        guard let interchange = try latestInterchange("groupControlNumber", groupControlNumber) else { return [] }
        let key = Ledger.controlNumberKey(transactionSetControlNumber)
        return try fetch(Self.columns + " WHERE interchangeId = ? ORDER BY id", [interchange])
            .filter { Ledger.controlNumberKey($0.transactionSetControlNumber) == key }
    }

    func lines(of claim: Claim) throws(LedgerError) -> [Line] {
        do {
            let sql = "SELECT id, lineNumber, procedureCode, modifiers, chargeAmount, lineControlNumber FROM claimLine WHERE claimId = ? ORDER BY id"
            return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [claim.id]).map { row in
                let modifiers: String = row["modifiers"]
                return Line(id: row["id"], lineNumber: row["lineNumber"], procedureCode: row["procedureCode"],
                            modifiers: modifiers.split(separator: ":").map(String.init), chargeAmount: Self.decimal(row["chargeAmount"]),
                            lineControlNumber: row["lineControlNumber"])
            }
        } catch {
            throw LedgerError("reading the lines of claim \(claim.patientControlNumber): \(error)")
        }
    }

    /// The most recent interchange whose `column` equals `number` as a control number.
    private func latestInterchange(_ column: String, _ number: String) throws(LedgerError) -> Int64? {
        let key = Ledger.controlNumberKey(number)
        do {
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, \(column) AS number FROM interchange ORDER BY id DESC"))
            return rows.first { Ledger.controlNumberKey($0["number"]) == key }?["id"]
        } catch {
            throw LedgerError("looking up control number \(number): \(error)")
        }
    }

    private func fetch(_ sql: String, _ arguments: StatementArguments) throws(LedgerError) -> [Claim] {
        do {
            return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
                Claim(id: row["id"], patientControlNumber: row["patientControlNumber"], chargeAmount: Self.decimal(row["chargeAmount"]),
                      transactionSetControlNumber: row["transactionSetControlNumber"])
            }
        } catch {
            throw LedgerError("looking up submitted claims: \(error)")
        }
    }

    /// A ledger amount (decimal text) as a `Decimal`.
    private static func decimal(_ text: String) -> Decimal? {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}
