import Foundation
import GRDB
import X12
import X12Claims

/// Corrected (frequency 7) and void (frequency 8) claims built from the claims the ledger recorded.
public struct RebillRequest: Sendable, Hashable {
    /// CLM05-3 of the new claims.
    public enum Frequency: String, Sendable, Hashable {
        /// `7`: replacement of a prior claim.
        case replacement = "7"
        /// `8`: void of a prior claim.
        case void = "8"
    }

    /// The claims to send again, by patient control number.
    public var patientControlNumbers: [String]
    /// Replacement or void.
    public var frequency: Frequency
    /// ISA13 of the new interchange.
    public var controlNumber: Int
    /// Interchange date and time.
    public var date: Date

    /// Creates a request.
    public init(patientControlNumbers: [String], frequency: Frequency = .replacement, controlNumber: Int, date: Date) {
        self.patientControlNumbers = patientControlNumbers
        self.frequency = frequency
        self.controlNumber = controlNumber
        self.date = date
    }
}

/// The corrected 837 and what it holds.
public struct CorrectedClaims: Sendable {
    /// One claim of the file.
    public struct Entry: Sendable, Hashable, Codable {
        /// CLM01 (unchanged from the claim replaced).
        public var patientControlNumber: String
        /// REF*F8: the payer claim control number of the claim replaced or voided.
        public var payerClaimControlNumber: String
        /// CLM02.
        public var chargeAmount: Decimal
    }

    /// The 837 bytes.
    public var bytes: [UInt8]
    /// The claims, in file order.
    public var claims: [Entry]
    /// Visit and batch payer of each claim, carried over when the file is recorded.
    var origins: [String: ClaimOrigin]
}

/// The visit and batch payer a recorded claim came from.
struct ClaimOrigin: Sendable, Hashable {
    var visitId: String?
    var payerId: String
    var payerName: String
}

extension Ledger {
    /// Builds corrected or void claims for `request.patientControlNumbers` from the latest recorded submission of
    /// each: the same claim (lines, diagnoses, parties) with CLM05-3 `7` or `8` and REF*F8 set to the payer claim
    /// control number learned from the 277CA (REF*1K) or the 835 (CLP07). Claims that came from one transaction
    /// set share one again.
    ///
    /// - Throws: ``LedgerError`` naming every claim the ledger does not know or for which no payer claim control
    ///   number is known (nothing is built then).
    public func rebill(_ request: RebillRequest) throws(LedgerError) -> CorrectedClaims {
        if request.patientControlNumbers.isEmpty { throw LedgerError("name at least one claim to rebill") }
        let found: [(pcn: String, row: Row, payerNumber: String?)] = try read { db in
            try request.patientControlNumbers.map { pcn in
                let row = try Row.fetchOne(db, sql: """
                    SELECT c.id, c.visitId, c.payerId, c.payerName, c.interchangeId, c.transactionSetControlNumber, i.content
                    FROM claim c JOIN interchange i ON i.id = c.interchangeId
                    WHERE c.patientControlNumber = ? ORDER BY c.id DESC LIMIT 1
                    """, arguments: [pcn])
                return (pcn, row ?? Row(), try Self.payerClaimControlNumber(db, patientControlNumber: pcn))
            }
        }
        var refusals: [String] = []
        for item in found {
            if item.row.isEmpty {
                refusals.append("\(item.pcn): no such claim in the ledger")
            } else if item.payerNumber == nil {
                refusals.append("\(item.pcn): no payer claim control number is known (no 277CA REF*1K, no 835 CLP07); "
                                + "a corrected or void claim needs one in REF*F8. If the claim never reached the payer, fix it and send it as a new original")
            }
        }
        if !refusals.isEmpty { throw LedgerError(refusals.joined(separator: "\n")) }
        var transactions: [ClaimTransaction] = []
        var sourceKeys: [String] = []
        var header: EnvelopeBuilder.Header?
        var entries: [CorrectedClaims.Entry] = []
        var origins: [String: ClaimOrigin] = [:]
        var decoded: [Int64: ClaimFile] = [:]
        for item in found {
            let interchangeId: Int64 = item.row["interchangeId"]
            let file: ClaimFile
            if let known = decoded[interchangeId] {
                file = known
            } else {
                let content: Data = item.row["content"]
                do {
                    file = try ClaimDecoder.decode([UInt8](content))
                } catch {
                    throw LedgerError("\(item.pcn): the recorded 837 cannot be decoded: \(error)")
                }
                decoded[interchangeId] = file
            }
            let setNumber: String = item.row["transactionSetControlNumber"]
            let setIndex = (Int(setNumber) ?? 0) - 1
            guard file.transactions.indices.contains(setIndex),
                  var claim = file.transactions[setIndex].claims.first(where: { $0.patientControlNumber == item.pcn }) else {
                throw LedgerError("\(item.pcn): not found in transaction set \(setNumber) of the recorded 837")
            }
            claim.frequencyCode = request.frequency.rawValue
            claim.payerClaimControlNumber = item.payerNumber
            let source = file.transactions[setIndex]
            if header == nil {
                var fileHeader = file.header
                fileHeader.controlNumber = request.controlNumber
                fileHeader.date = request.date
                header = fileHeader
            }
            let key = "\(interchangeId)/\(setNumber)"
            var transactionIndex = sourceKeys.firstIndex(of: key) ?? -1
            if transactionIndex < 0 {
                sourceKeys.append(key)
                transactions.append(ClaimTransaction(reference: source.reference, creationDate: source.creationDate, creationTime: source.creationTime,
                                                     submitter: source.submitter, receiver: source.receiver, billingProviders: []))
                transactionIndex = transactions.count - 1
            }
            Self.place(claim, from: source, into: &transactions[transactionIndex])
            entries.append(.init(patientControlNumber: item.pcn, payerClaimControlNumber: item.payerNumber ?? "", chargeAmount: claim.totalCharge))
            origins[item.pcn] = ClaimOrigin(visitId: item.row["visitId"], payerId: item.row["payerId"], payerName: item.row["payerName"])
        }
        guard let header else { throw LedgerError("nothing to rebill") }
        let stamp = LedgerDate.x12Stamp(request.date)
        for index in transactions.indices {
            transactions[index].reference = String(request.controlNumber).leftPadded(to: 9) + String(index + 1).leftPadded(to: 4)
            if let day = stamp.date { transactions[index].creationDate = day }
            transactions[index].creationTime = stamp.time
        }
        do {
            return CorrectedClaims(bytes: try ClaimEncoder.encode(ClaimFile(header: header, transactions: transactions)), claims: entries, origins: origins)
        } catch {
            throw LedgerError("cannot write the corrected 837: \(error)")
        }
    }

    /// Puts `claim` under the same billing provider, subscriber, payer and patient it had in `source`.
    private static func place(_ claim: Claim, from source: ClaimTransaction, into target: inout ClaimTransaction) {
        for provider in source.billingProviders {
            for group in provider.subscribers where group.claims.contains(where: { $0.patientControlNumber == claim.patientControlNumber }) {
                var providerIndex = target.billingProviders.firstIndex(where: { $0.provider == provider.provider }) ?? -1
                if providerIndex < 0 {
                    target.billingProviders.append(BillingProviderGroup(provider: provider.provider, subscribers: []))
                    providerIndex = target.billingProviders.count - 1
                }
                var subscribers = target.billingProviders[providerIndex].subscribers
                if let last = subscribers.indices.last, subscribers[last].subscriber == group.subscriber, subscribers[last].payer == group.payer,
                   subscribers[last].patient == group.patient {
                    subscribers[last].claims.append(claim)
                } else {
                    subscribers.append(SubscriberGroup(subscriber: group.subscriber, payer: group.payer, patient: group.patient, claims: [claim]))
                }
                target.billingProviders[providerIndex].subscribers = subscribers
                return
            }
        }
    }

    /// The latest payer claim control number known for a patient control number: from the 835 (CLP07) or the 277CA (REF*1K).
    static func payerClaimControlNumber(_ db: Database, patientControlNumber: String) throws -> String? {
        let fromPayment = try String.fetchOne(db, sql: """
            SELECT payerClaimControlNumber FROM payment WHERE patientControlNumber = ? AND payerClaimControlNumber <> '' AND claimId IS NOT NULL
            ORDER BY id DESC LIMIT 1
            """, arguments: [patientControlNumber])
        if let fromPayment { return fromPayment }
        return try String.fetchOne(db, sql: """
            SELECT a.payerClaimControlNumber FROM acknowledgment a JOIN claim c ON c.id = a.claimId
            WHERE c.patientControlNumber = ? AND a.payerClaimControlNumber IS NOT NULL AND a.payerClaimControlNumber <> ''
            ORDER BY a.id DESC LIMIT 1
            """, arguments: [patientControlNumber])
    }

    /// Records a rebill written to `path`, keeping the visit and batch payer of the claims it replaces.
    @discardableResult
    public func recordRebill(_ rebill: CorrectedClaims, path: String) throws(LedgerError) -> ImportSummary {
        try recordSubmission(bytes: rebill.bytes, path: path, report: nil, origins: rebill.origins, changed: [])
    }
}
