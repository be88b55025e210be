import Foundation
import GRDB
import X12Claims

/// A visit whose finalized charges differ from the claim the ledger recorded for it.
public struct ChargeUpdate: Sendable, Hashable, Codable {
    /// The visit.
    public var visitId: String
    /// CLM01 of the claim sent.
    public var patientControlNumber: String
    /// When that claim was submitted (`YYYY-MM-DD`).
    public var submittedOn: String
    /// ISA13 of the interchange that carried it.
    public var interchangeControlNumber: String
    /// The finalized charges of the visit's claims now.
    public var finalizedAmount: Decimal
    /// Line by line: `line 2 97110: units 2 → 3`, `line 4 97112: added (45.00)`.
    public var differences: [String]
    /// Whether a corrected claim (frequency 7) with these charges went out after it.
    public var correctedClaimSent: Bool
}

/// A visit claimed before and unchanged: not billed again.
public struct AlreadySubmitted: Sendable, Hashable, Codable {
    /// The visit.
    public var visitId: String
    /// CLM01 of the claims already sent.
    public var patientControlNumbers: [String]
    /// When (`YYYY-MM-DD`).
    public var submittedOn: String
    /// ISA13 of the interchange that carried them.
    public var interchangeControlNumber: String
}

/// A `generate` run checked against the ledger: visits claimed before are not billed again.
public struct ScreenedBatch: Sendable {
    /// The claims and report of the visits still to bill.
    public var output: ClaimBuilder.Output
    /// Visits claimed before with the same charges: left out.
    public var alreadySubmitted: [AlreadySubmitted]
    /// Visits claimed before whose charges changed, with no rebill asked for: held, left out.
    public var changed: [ChargeUpdate]

    /// Creates a result.
    public init(output: ClaimBuilder.Output, alreadySubmitted: [AlreadySubmitted], changed: [ChargeUpdate]) {
        self.output = output
        self.alreadySubmitted = alreadySubmitted
        self.changed = changed
    }

    /// Lines for people, one per visit left out.
    public var notes: [String] {
        alreadySubmitted.map { "visit \($0.visitId): alreadySubmitted as \($0.patientControlNumbers.joined(separator: ", ")) on \($0.submittedOn) (ISA13 \($0.interchangeControlNumber)); not billed again" }
            + changed.map { "visit \($0.visitId): held, charges changed since \($0.patientControlNumber) was submitted on \($0.submittedOn): "
                + $0.differences.joined(separator: "; ") + "; send a corrected claim (x12 ledger rebill) or a batch rebill" }
    }
}

extension Ledger {
    /// Builds the claims of `batch` like `ClaimBuilder` does, leaving out the visits already claimed: unchanged ones
    /// (listed as already submitted) and changed ones without a `rebill` (held and listed, line by line). Visits with
    /// a `rebill`, visits never claimed and visits whose last claim was rejected (TA1, 999 or 277CA, and never paid)
    /// are billed as usual.
    ///
    /// The KX threshold check (K1, ``Ledger/kxThresholdWarnings(_:batch:)``) adds its warnings to the report.
    public func screen(_ batch: BillingBatch, options: ClaimBuilder.Options) throws(LedgerError) -> ScreenedBatch {
        var full = ClaimBuilder(batch: batch).build(options: options)
        let comparison = try compare(full, batch: batch)
        if comparison.alreadySubmitted.isEmpty && comparison.changed.isEmpty {
            full.report.warnings += try kxThresholdWarnings(full, batch: batch)
            return ScreenedBatch(output: full, alreadySubmitted: [], changed: [])
        }
        var filtered = batch
        let leftOut = Set(comparison.alreadySubmitted.map(\.visitId) + comparison.changed.map(\.visitId))
        filtered.visits.removeAll { leftOut.contains($0.id) }
        var output = ClaimBuilder(batch: filtered).build(options: options)
        let screened = ScreenedBatch(output: output, alreadySubmitted: comparison.alreadySubmitted, changed: comparison.changed)
        output.report.warnings += screened.notes
        output.report.warnings += try kxThresholdWarnings(output, batch: filtered)
        return ScreenedBatch(output: output, alreadySubmitted: screened.alreadySubmitted, changed: screened.changed)
    }

    /// Every visit of `batch` whose finalized charges differ from the claim recorded for it, and whether a corrected
    /// claim went out. Without a batch: the changed visits `generate --ledger` held, with the same question.
    public func chargeUpdates(batch: BillingBatch?, date: Date) throws(LedgerError) -> [ChargeUpdate] {
        if let batch {
            let built = ClaimBuilder(batch: batch).build(options: .init(controlNumber: 1, date: date))
            return try compare(built, batch: batch, forUpdates: true).changed
        }
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT b.*, f.importedAt FROM batchEntry b JOIN importedFile f ON f.id = b.fileId
                WHERE b.id IN (SELECT MAX(id) FROM batchEntry WHERE bucket = 'changedSinceSubmission' GROUP BY visitId) ORDER BY b.id
                """)
            return try rows.map { row in
                let visitId: String = row["visitId"]
                let fileId: Int64 = row["fileId"]
                let original = try Row.fetchOne(db, sql: """
                    SELECT c.patientControlNumber, c.submittedOn, i.controlNumber FROM claim c JOIN interchange i ON i.id = c.interchangeId
                    WHERE c.visitId = ? AND i.fileId < ? ORDER BY c.id DESC LIMIT 1
                    """, arguments: [visitId, fileId])
                let corrected = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM claim c JOIN interchange i ON i.id = c.interchangeId
                                   WHERE c.visitId = ? AND i.fileId > ? AND c.frequencyCode = '7')
                    """, arguments: [visitId, fileId]) ?? false
                let reasons: String = row["reasons"]
                return ChargeUpdate(visitId: visitId, patientControlNumber: original?["patientControlNumber"] ?? "",
                                    submittedOn: original?["submittedOn"] ?? "", interchangeControlNumber: original?["controlNumber"] ?? "",
                                    finalizedAmount: Decimal(ledgerText: row["amount"]), differences: reasons.split(separator: "\n").map(String.init), correctedClaimSent: corrected)
            }
        }
    }

    /// Compares each visit's claims with the recorded ones. Screening (`forUpdates` false) compares with the latest
    /// claim sent for each patient control number and leaves visits with a `rebill` to be billed when they differ;
    /// charge updates compare with the first claim sent and ask whether a matching corrected claim followed.
    private func compare(_ built: ClaimBuilder.Output, batch: BillingBatch,
                         forUpdates: Bool = false) throws(LedgerError) -> (alreadySubmitted: [AlreadySubmitted], changed: [ChargeUpdate]) {
        let claimsByNumber = Dictionary(built.file.transactions.flatMap(\.claims).map { ($0.patientControlNumber, $0) },
                                        uniquingKeysWith: { first, _ in first })
        var visitOrder: [String] = []
        var numbersByVisit: [String: [String]] = [:]
        for entry in built.report.claims {
            if numbersByVisit[entry.visitId] == nil { visitOrder.append(entry.visitId) }
            numbersByVisit[entry.visitId, default: []].append(entry.patientControlNumber)
        }
        let rebills = Set(batch.visits.filter { $0.rebill != nil }.map(\.id))
        return try read { db in
            var already: [AlreadySubmitted] = []
            var changed: [ChargeUpdate] = []
            for visitId in visitOrder {
                let numbers = numbersByVisit[visitId] ?? []
                var sinceLatest: [String] = []
                var sinceOriginal: [String] = []
                var first: Row?
                var correctedClaimSent = false
                var rejected = false
                for number in numbers {
                    guard let claim = claimsByNumber[number] else { continue }
                    let recorded = try Row.fetchAll(db, sql: """
                        SELECT c.id, c.submittedOn, c.frequencyCode, i.controlNumber FROM claim c JOIN interchange i ON i.id = c.interchangeId
                        WHERE c.patientControlNumber = ? ORDER BY c.id
                        """, arguments: [number])
                    guard let original = recorded.first, let latest = recorded.last else {
                        sinceLatest.append("claim \(number): not submitted before")
                        continue
                    }
                    if first == nil { first = original }
                    rejected = try rejected || Bool.fetchOne(db, sql: """
                        SELECT EXISTS (SELECT 1 FROM acknowledgment WHERE claimId = ? AND status = 'rejected')
                           AND NOT EXISTS (SELECT 1 FROM payment WHERE claimId = ?)
                        """, arguments: [latest["id"], latest["id"]]) ?? false
                    let latestDifferences = try Self.lineDifferences(db, claimId: latest["id"], claim: claim)
                    sinceLatest += latestDifferences
                    let originalDifferences = try Self.lineDifferences(db, claimId: original["id"], claim: claim)
                    sinceOriginal += originalDifferences
                    if !originalDifferences.isEmpty && latestDifferences.isEmpty && (latest["frequencyCode"] as String) == "7" {
                        correctedClaimSent = true
                    }
                }
                guard let first else { continue }
                let amount = numbers.compactMap { claimsByNumber[$0]?.totalCharge }.reduce(Decimal(0), +)
                func update(_ differences: [String]) -> ChargeUpdate {
                    ChargeUpdate(visitId: visitId, patientControlNumber: numbers.first ?? visitId, submittedOn: first["submittedOn"],
                                 interchangeControlNumber: first["controlNumber"], finalizedAmount: amount, differences: differences,
                                 correctedClaimSent: correctedClaimSent)
                }
                if forUpdates {
                    if !sinceOriginal.isEmpty { changed.append(update(sinceOriginal)) }
                } else if rejected {
                    continue
                } else if sinceLatest.isEmpty {
                    already.append(AlreadySubmitted(visitId: visitId, patientControlNumbers: numbers, submittedOn: first["submittedOn"],
                                                    interchangeControlNumber: first["controlNumber"]))
                } else if !rebills.contains(visitId) {
                    changed.append(update(sinceLatest))
                }
            }
            return (already, changed)
        }
    }

    /// How the lines of `claim` differ from the recorded lines of claim `claimId`, line by line.
    private static func lineDifferences(_ db: Database, claimId: Int64, claim: Claim) throws -> [String] {
        let recorded = try Row.fetchAll(db, sql: "SELECT * FROM claimLine WHERE claimId = ? ORDER BY lineNumber", arguments: [claimId])
        var differences: [String] = []
        for index in 0..<max(recorded.count, claim.lines.count) {
            let label = "line \(index + 1)"
            guard index < claim.lines.count else {
                let code: String = recorded[index]["procedureCode"]
                differences.append("\(label) \(code): removed (\(LedgerMoney.text(Decimal(ledgerText: recorded[index]["chargeAmount"]))))")
                continue
            }
            let line = claim.lines[index]
            guard index < recorded.count else {
                differences.append("\(label) \(line.procedureCode): added (\(LedgerMoney.text(line.charge)))")
                continue
            }
            let row = recorded[index]
            let code: String = row["procedureCode"]
            let modifiers: String = row["modifiers"]
            let units = Decimal(ledgerText: row["units"])
            let charge = Decimal(ledgerText: row["chargeAmount"])
            let serviceDate: String? = row["serviceDate"]
            if code != line.procedureCode { differences.append("\(label): code \(code) → \(line.procedureCode)") }
            if modifiers != line.modifiers.joined(separator: ":") {
                differences.append("\(label) \(line.procedureCode): modifiers \(modifiers.isEmpty ? "none" : modifiers) → "
                                   + (line.modifiers.isEmpty ? "none" : line.modifiers.joined(separator: ":")))
            }
            if units != line.units { differences.append("\(label) \(line.procedureCode): units \(units) → \(line.units)") }
            if charge != line.charge {
                differences.append("\(label) \(line.procedureCode): charge \(LedgerMoney.text(charge)) → \(LedgerMoney.text(line.charge))")
            }
            if let serviceDate, serviceDate != line.serviceDate.description {
                differences.append("\(label) \(line.procedureCode): service date \(serviceDate) → \(line.serviceDate.description)")
            }
        }
        return differences
    }

    /// Records a screened `generate` run: the 837 written, its report, and the visits held for changed charges.
    @discardableResult
    public func recordSubmission(bytes: [UInt8], path: String, screened: ScreenedBatch) throws(LedgerError) -> ImportSummary {
        try recordSubmission(bytes: bytes, path: path, report: screened.output.report, origins: [:], changed: screened.changed,
                             coverages: screened.output.secondaryCoverage)
    }
}

extension Array where Element == ChargeUpdate {
    /// CSV columns of `x12 ledger charge-updates --format csv`: one row per difference.
    public static let csvColumns = ["visitId", "patientControlNumber", "submittedOn", "interchangeControlNumber", "finalizedAmount",
                                    "correctedClaim", "difference"]

    /// One row per line difference.
    public func csv() -> String {
        var text = CSV.row(Self.csvColumns)
        for update in self {
            for difference in update.differences {
                text += CSV.row([update.visitId, update.patientControlNumber, update.submittedOn, update.interchangeControlNumber,
                                 LedgerMoney.text(update.finalizedAmount), update.correctedClaimSent ? "sent" : "needed", difference])
            }
        }
        return text
    }

    /// The updates as JSON.
    public func json() throws(LedgerError) -> String { try LedgerJSON.encode(self) }

    /// One block per visit for people.
    public func text() -> String {
        if isEmpty { return "no charge updates\n" }
        var lines: [String] = []
        for update in self {
            lines.append("\(update.visitId)  claim \(update.patientControlNumber) submitted \(update.submittedOn) (ISA13 \(update.interchangeControlNumber))"
                         + "  corrected claim \(update.correctedClaimSent ? "sent" : "needed")")
            lines += update.differences.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
