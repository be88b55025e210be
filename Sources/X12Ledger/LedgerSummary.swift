import Foundation

/// Counts and money over the ledger's claims: by stage, by payer, and the aging of what is still outstanding.
public struct LedgerSummary: Sendable, Hashable, Codable {
    /// Claims and money of one group.
    public struct Totals: Sendable, Hashable, Codable {
        /// The stage, payer id or aging bucket.
        public var key: String
        /// Number of claims.
        public var claims = 0
        /// Sum of CLM02.
        public var chargeAmount: Decimal = 0
        /// Sum of net payments.
        public var paidAmount: Decimal = 0
        /// Sum of patient responsibility.
        public var patientResponsibilityAmount: Decimal = 0
        /// Sum of outstanding balances.
        public var outstandingAmount: Decimal = 0

        init(key: String) { self.key = key }

        mutating func add(_ claim: ClaimLifecycle) {
            claims += 1
            chargeAmount += claim.chargeAmount
            paidAmount += claim.paidAmount
            patientResponsibilityAmount += claim.patientResponsibilityAmount
            outstandingAmount += claim.outstandingAmount
        }
    }

    /// The aging buckets, by days since submission.
    public static let agingBuckets = ["0-30", "31-60", "61-90", "90+"]

    /// Every claim.
    public var total: Totals
    /// By stage, in ``ClaimStage`` order (stages with no claim left out).
    public var stages: [Totals]
    /// By payer id, sorted.
    public var payers: [Totals]
    /// Claims with an outstanding balance, by days since submission (all four buckets, even empty).
    public var aging: [Totals]

    /// Sums `claims`.
    public init(_ claims: [ClaimLifecycle]) {
        total = Totals(key: "total")
        var stageTotals: [ClaimStage: Totals] = [:]
        var payerTotals: [String: Totals] = [:]
        var agingTotals = Self.agingBuckets.map(Totals.init(key:))
        for claim in claims {
            total.add(claim)
            stageTotals[claim.stage, default: Totals(key: claim.stage.rawValue)].add(claim)
            payerTotals[claim.payerId, default: Totals(key: claim.payerId)].add(claim)
            if claim.outstandingAmount != 0 {
                let days = claim.daysSinceSubmission
                agingTotals[days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3].add(claim)
            }
        }
        stages = ClaimStage.allCases.compactMap { stageTotals[$0] }
        payers = payerTotals.keys.sorted().compactMap { payerTotals[$0] }
        aging = agingTotals
    }
}

extension Ledger {
    /// The summary of every claim (or those of `filter`), aged as of `asOf` (default: the ledger's clock).
    public func summary(_ filter: ClaimFilter = ClaimFilter(), asOf: Date? = nil) throws(LedgerError) -> LedgerSummary {
        LedgerSummary(try status(filter, asOf: asOf))
    }
}
