import Foundation
import GRDB
import X12
import X12Claims

/// What `x12 ledger secondary` is asked for.
public struct SecondaryRequest: Sendable, Hashable {
    /// Only these primary claims, by patient control number (empty: every claim with a secondary coverage).
    public var patientControlNumbers: [String]
    /// ISA13 of the new interchange.
    public var controlNumber: Int
    /// Interchange date and time.
    public var date: Date

    /// Creates a request.
    public init(patientControlNumbers: [String] = [], controlNumber: Int, date: Date) {
        self.patientControlNumbers = patientControlNumbers
        self.controlNumber = controlNumber
        self.date = date
    }
}

/// The secondary (COB) claims built from the ledger, and every claim asked for that was not built, with why.
public struct SecondaryClaims: Sendable {
    /// One secondary claim of the file.
    public struct Entry: Sendable, Hashable, Codable {
        /// CLM01 of the secondary claim: the primary's with `-S`.
        public var patientControlNumber: String
        /// CLM01 of the primary claim it follows.
        public var primaryPatientControlNumber: String
        /// The batch payer id of the secondary payer.
        public var payerId: String
        /// The secondary payer's name.
        public var payerName: String
        /// CLM02.
        public var chargeAmount: Decimal
        /// 2320 AMT*D: what the primary paid.
        public var primaryPaidAmount: Decimal
        /// Σ of the primary's `PR` adjustments (claim and lines): what the secondary is asked to consider.
        public var patientResponsibilityAmount: Decimal
    }

    /// A claim asked for that was not built.
    public struct NotSent: Sendable, Hashable, Codable {
        /// CLM01 of the primary claim.
        public var patientControlNumber: String
        /// The batch payer id of the secondary payer, when known.
        public var payerId: String?
        /// Why no secondary claim was built.
        public var reason: String
    }

    /// The 837 bytes; nil when no claim was built.
    public var bytes: [UInt8]?
    /// The claims built, in file order.
    public var claims: [Entry]
    /// Claims whose secondary payer receives the primary's adjudication by crossover: nothing is sent.
    public var crossedOver: [NotSent]
    /// Claims that cannot be billed to the secondary, with the reason.
    public var notSent: [NotSent]
    var origins: [String: ClaimOrigin]
    var primaryClaimIds: [String: Int64]
}

extension Ledger {
    /// Builds secondary 837P claims from the stored primary claims and the primary payer's 835 for each.
    ///
    /// For each claim asked for (or every claim recorded with a secondary coverage): the 2000B carries the
    /// secondary subscriber (SBR01 `S`) and payer; one 2320 describes the primary (SBR01 `P`, claim-level CAS from
    /// the 835's CLP loop, AMT*D = CLP04, OI, 2330A subscriber, 2330B payer with DTP*573 = the payment date and
    /// REF*F8 = CLP07); every line carries a 2430 (SVD with the 835's paid amount and procedure, line CAS,
    /// DTP*573). Lines were tied to the 835 by the ledger's matcher when the 835 was imported.
    ///
    /// A claim is not built, and is listed with the reason, when: the secondary payer is a crossover payer; its
    /// secondary coverage is incomplete; no primary 835 is in the ledger; the primary denied it in full, or paid it,
    /// leaving no patient responsibility; an 835 line matches no claim line or a claim line has no 835 line; the
    /// amounts do not balance (SV102 = SVD02 + Σ line CAS, CLM02 = AMT*D + Σ claim CAS + Σ line CAS); a secondary
    /// claim was already built for it.
    ///
    /// - Throws: ``LedgerError`` when the ledger cannot be read or a recorded 837 cannot be decoded.
    public func secondaryClaims(_ request: SecondaryRequest) throws(LedgerError) -> SecondaryClaims {
        let candidates = try read { db in try SecondaryCandidate.fetch(db, named: request.patientControlNumbers) }
        var result = SecondaryClaims(bytes: nil, claims: [], crossedOver: [], notSent: [], origins: [:], primaryClaimIds: [:])
        var decoded: [Int64: ClaimFile] = [:]
        var transactions: [ClaimTransaction] = []
        var transactionPayers: [String] = []
        var header: EnvelopeBuilder.Header?
        for candidate in candidates {
            guard let coverage = candidate.coverage, let primary = candidate.claimId else {
                result.notSent.append(.init(patientControlNumber: candidate.patientControlNumber, payerId: nil, reason: candidate.missing))
                continue
            }
            func refuse(_ reason: String) {
                result.notSent.append(.init(patientControlNumber: candidate.patientControlNumber, payerId: coverage.payerRecordId, reason: reason))
            }
            if coverage.crossover {
                result.crossedOver.append(.init(patientControlNumber: candidate.patientControlNumber, payerId: coverage.payerRecordId,
                                                reason: "payer \(coverage.payerRecordId) receives the primary's adjudication by crossover; no secondary claim is sent"))
                continue
            }
            if !coverage.problems.isEmpty {
                refuse("secondary coverage incomplete: " + coverage.problems.joined(separator: "; "))
                continue
            }
            if let already = candidate.alreadySent {
                refuse("secondary claim \(already) was already built for it")
                continue
            }
            guard let payment = candidate.payment else {
                refuse("no primary 835 for the claim is in the ledger")
                continue
            }
            let file: ClaimFile
            if let known = decoded[candidate.interchangeId] {
                file = known
            } else {
                do {
                    file = try ClaimDecoder.decode(candidate.content)
                } catch {
                    throw LedgerError("\(candidate.patientControlNumber): the recorded 837 cannot be decoded: \(error)")
                }
                decoded[candidate.interchangeId] = file
            }
            guard let source = SecondaryCandidate.locate(candidate, in: file) else {
                refuse("not found in transaction set \(candidate.transactionSetControlNumber) of the recorded 837")
                continue
            }
            let built: SecondaryClaimBuild.Result
            do throws(SecondaryClaimBuild.Refusal) {
                built = try SecondaryClaimBuild.build(source: source, coverage: coverage, payment: payment, lineIds: candidate.lineIds)
            } catch {
                refuse(error.reason)
                continue
            }
            if header == nil {
                var fileHeader = file.header
                fileHeader.controlNumber = request.controlNumber
                fileHeader.date = request.date
                header = fileHeader
            }
            var index = transactionPayers.firstIndex(of: coverage.payerRecordId) ?? -1
            if index < 0 {
                transactionPayers.append(coverage.payerRecordId)
                transactions.append(ClaimTransaction(reference: "", creationDate: source.transaction.creationDate, creationTime: "",
                                                     submitter: source.transaction.submitter, receiver: source.transaction.receiver,
                                                     billingProviders: []))
                index = transactions.count - 1
            }
            SecondaryClaimBuild.place(built, provider: source.provider, into: &transactions[index])
            let pcn = built.claim.patientControlNumber
            result.claims.append(.init(patientControlNumber: pcn, primaryPatientControlNumber: candidate.patientControlNumber,
                                       payerId: coverage.payerRecordId, payerName: coverage.payer.name, chargeAmount: built.claim.totalCharge,
                                       primaryPaidAmount: payment.paid, patientResponsibilityAmount: built.patientResponsibility))
            result.origins[pcn] = ClaimOrigin(visitId: candidate.visitId, payerId: coverage.payerRecordId, payerName: coverage.payer.name)
            result.primaryClaimIds[pcn] = primary
        }
        guard let header else { return result }
        let stamp = LedgerDate.x12Stamp(request.date)
        for index in transactions.indices {
            transactions[index].reference = String(request.controlNumber).leftPadded(to: 9) + String(index + 1).leftPadded(to: 4)
            if let day = stamp.date { transactions[index].creationDate = day }
            transactions[index].creationTime = stamp.time
        }
        do {
            result.bytes = try ClaimEncoder.encode(ClaimFile(header: header, transactions: transactions))
        } catch {
            throw LedgerError("cannot write the secondary 837: \(error)")
        }
        return result
    }

    /// Records the secondary claims written to `path`: each as its own claim (frequency 1, payer = the secondary
    /// payer), linked to the primary claim it follows.
    @discardableResult
    public func recordSecondaryClaims(_ secondary: SecondaryClaims, path: String) throws(LedgerError) -> ImportSummary {
        guard let bytes = secondary.bytes else { throw LedgerError("no secondary claim was built; nothing to record") }
        return try recordSubmission(bytes: bytes, path: path, report: nil, origins: secondary.origins, changed: [],
                                    primaryClaimIds: secondary.primaryClaimIds)
    }
}

extension SecondaryClaims {
    /// The report of `x12 ledger secondary --report`: claims built, crossed over, not sent (sorted keys, money as numbers).
    public func reportJSON() throws(LedgerError) -> String {
        struct Report: Encodable {
            var claims: [Entry]
            var crossedOver: [NotSent]
            var notSent: [NotSent]
        }
        return try LedgerJSON.encode(Report(claims: claims, crossedOver: crossedOver, notSent: notSent))
    }
}
