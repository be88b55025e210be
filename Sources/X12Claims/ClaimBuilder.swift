import Foundation
import X12

/// Applies the billing rules (R1-R14, M1-M5) to a batch and builds the 837P claims plus the batch report.
///
/// Every charge lands in exactly one bucket: a claim, `delayedClaims`, `billingExceptions`, `excluded` or
/// `selfPay`, and the report's totals prove it. Building never throws: what cannot be billed is reported.
public struct ClaimBuilder: Sendable {
    /// How claims are spread over transaction sets.
    public enum SplitBy: String, Sendable, CaseIterable {
        /// One ST per payer (the default).
        case payer
        /// One ST for every claim.
        case none
    }

    /// Envelope choices of a run.
    public struct Options: Sendable {
        /// ISA13.
        public var controlNumber: Int
        /// Interchange date and time (also BHT04/05).
        public var date: Date
        /// Transaction set split.
        public var splitBy: SplitBy
        /// Claims per transaction set at most (the TR3 recommends 5000).
        public var maximumClaimsPerTransaction: Int

        /// Creates options.
        public init(controlNumber: Int, date: Date, splitBy: SplitBy = .payer, maximumClaimsPerTransaction: Int = 5000) {
            self.controlNumber = controlNumber
            self.date = date
            self.splitBy = splitBy
            self.maximumClaimsPerTransaction = maximumClaimsPerTransaction
        }
    }

    /// The result: the 837 to write (no transactions when nothing was claimable) and the report.
    public struct Output: Sendable {
        /// The claims, ready for ``ClaimEncoder``.
        public var file: ClaimFile
        /// Where every charge went.
        public var report: BatchReport
        /// The secondary coverage of each claim whose case has one, by patient control number (stored by
        /// `generate --ledger` for `x12 ledger secondary`).
        public var secondaryCoverage: [String: SecondaryCoverage] = [:]
    }

    let batch: BillingBatch
    let references: ReferenceIndex

    /// Prepares a batch: indexes the reference data and runs the batch-wide checks once.
    public init(batch: BillingBatch) {
        self.batch = batch
        self.references = ReferenceIndex(batch)
    }

    /// Routes every charge and builds the claims.
    public func build(options: Options) -> Output {
        let header = EnvelopeBuilder.Header(
            senderQualifier: batch.interchange.senderQualifier ?? "ZZ", senderId: batch.interchange.senderId,
            receiverQualifier: batch.interchange.receiverQualifier ?? "ZZ", receiverId: batch.interchange.receiverId,
            controlNumber: options.controlNumber, usage: batch.interchange.usage ?? "P", date: options.date)
        var report = BatchReport(interchangeControlNumber: String(options.controlNumber).leftPadded(to: 9))
        report.referenceErrors = references.referenceErrors
        report.warnings = references.warnings
        var built: [BuiltClaim] = []
        built.reserveCapacity(batch.visits.count)
        var cache = CaseCache()
        for visit in batch.visits {
            var router = VisitRouter(visit: visit, references: references)
            router.route(cache: &cache)
            built.append(contentsOf: router.claims)
            report.excluded.append(contentsOf: router.excluded)
            report.selfPay.append(contentsOf: router.selfPay)
            report.delayedClaims.append(contentsOf: router.delayed)
            report.billingExceptions.append(contentsOf: router.exceptions)
            report.warnings.append(contentsOf: router.warnings)
            report.totals.input += router.inputTotal
        }
        let transactions = assemble(built, options: options, header: header, report: &report)
        func sum(_ entries: [BatchReport.ChargeEntry]) -> Decimal { entries.reduce(Decimal(0)) { $0 + $1.amount } }
        report.totals.claimed = report.claims.reduce(Decimal(0)) { $0 + $1.totalCharge }
        report.totals.held = sum(report.delayedClaims) + sum(report.billingExceptions)
        report.totals.excluded = sum(report.excluded)
        report.totals.selfPay = sum(report.selfPay)
        var secondaryCoverage: [String: SecondaryCoverage] = [:]
        for item in built {
            if let secondary = item.secondary { secondaryCoverage[item.claim.patientControlNumber] = secondary }
        }
        return Output(file: ClaimFile(header: header, transactions: transactions), report: report, secondaryCoverage: secondaryCoverage)
    }

    /// Orders claims by payer (payer-list order), groups them by billing provider and subscriber, and cuts
    /// transaction sets; fills the report's claim entries with their ST02.
    private func assemble(_ built: [BuiltClaim], options: Options, header: EnvelopeBuilder.Header,
                          report: inout BatchReport) -> [ClaimTransaction] {
        // Claims are grouped and cut by position in `built`: a built claim is large, and copying it into
        // each grouping would cost more than building it.
        var byPayer: [String: [Int]] = [:]
        for (position, claim) in built.enumerated() { byPayer[claim.payerRecordId, default: []].append(position) }
        var ordered: [[Int]] = []
        for payer in batch.payers {
            guard let claims = byPayer[payer.id], !claims.isEmpty else { continue }
            ordered.append(claims)
            let total = claims.reduce(Decimal(0)) { $0 + built[$1].claim.totalCharge }
            report.payers.append(.init(payerId: payer.id, name: payer.name, claims: claims.count, totalCharge: total))
        }
        if options.splitBy == .none { ordered = [ordered.flatMap { $0 }].filter { !$0.isEmpty } }
        let limit = max(1, options.maximumClaimsPerTransaction)
        var chunks: [ArraySlice<Int>] = []
        for claims in ordered {
            var start = 0
            while start < claims.count {
                chunks.append(claims[start..<min(start + limit, claims.count)])
                start += limit
            }
        }
        let stamp = Self.stamp(options.date)
        let submitter = Submitter(
            name: X12Text.normalized(batch.submitter.name), id: batch.submitter.id,
            contactName: batch.submitter.contact?.name.map(X12Text.normalized).flatMap { $0.isEmpty ? nil : $0 },
            phone: batch.submitter.contact?.phone.map { $0.filter(\.isASCIIDigit) }.flatMap { $0.isEmpty ? nil : $0 },
            email: batch.submitter.contact?.email.flatMap { $0.isEmpty ? nil : $0 })
        let receiver = Receiver(name: X12Text.normalized(batch.receiver.name), id: batch.receiver.id)
        var transactions: [ClaimTransaction] = []
        for (index, chunk) in chunks.enumerated() {
            let stControlNumber = String(index + 1).leftPadded(to: 4)
            var providers: [BillingProviderGroup] = []
            for position in chunk {
                let item = built[position]
                report.claims.append(.init(patientControlNumber: item.claim.patientControlNumber, visitId: item.visitId,
                                           payerId: item.payerRecordId, payerAlternateId: item.payerAlternateId,
                                           totalCharge: item.claim.totalCharge, lines: item.claim.lines.count,
                                           stControlNumber: stControlNumber))
                let providerIndex: Int
                if let found = providers.firstIndex(where: { $0.provider == item.billingProvider }) {
                    providerIndex = found
                } else {
                    providers.append(BillingProviderGroup(provider: item.billingProvider, subscribers: []))
                    providerIndex = providers.count - 1
                }
                // Mutated in place: copying the group out would copy its subscriber array for every claim.
                if let last = providers[providerIndex].subscribers.last, last.subscriber == item.subscriber, last.payer == item.payer,
                   last.patient == item.patient, last.claims.count < 100 {
                    providers[providerIndex].subscribers[providers[providerIndex].subscribers.count - 1].claims.append(item.claim)
                } else {
                    providers[providerIndex].subscribers.append(SubscriberGroup(subscriber: item.subscriber, payer: item.payer,
                                                                                patient: item.patient, claims: [item.claim]))
                }
            }
            transactions.append(ClaimTransaction(reference: report.interchangeControlNumber + stControlNumber,
                                                 creationDate: stamp.date, creationTime: stamp.time,
                                                 submitter: submitter, receiver: receiver, billingProviders: providers))
        }
        return transactions
    }

    static func stamp(_ date: Date) -> (date: CalendarDate, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(verifiedYear: 2000, month: 1, day: 1)
        let time = String(parts.hour ?? 0).leftPadded(to: 2) + String(parts.minute ?? 0).leftPadded(to: 2)
        return (day, time)
    }
}

/// A claim with the loops it hangs under, before grouping into transaction sets.
struct BuiltClaim: Sendable {
    var visitId: String
    var payerRecordId: String
    var payerAlternateId: String?
    var billingProvider: BillingProvider
    var subscriber: Subscriber
    var payer: ClaimPayer
    var patient: Patient?
    var claim: Claim
    var secondary: SecondaryCoverage?
}
