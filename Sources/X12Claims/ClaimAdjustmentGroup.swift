import Foundation

/// One CAS segment of a 2320 or 2430 loop: another payer's adjustments under one group code, copied from its 835.
public struct ClaimAdjustmentGroup: Sendable, Hashable, Codable {
    /// One reason/amount/quantity triplet.
    public struct Adjustment: Sendable, Hashable, Codable {
        /// Claim adjustment reason code (CARC), e.g. `45`.
        public var reason: String
        /// The adjusted amount (positive: the payer did not pay it).
        public var amount: Decimal
        /// The adjusted units, when given.
        public var quantity: Decimal?

        /// Creates a triplet.
        public init(reason: String, amount: Decimal, quantity: Decimal? = nil) {
            self.reason = reason
            self.amount = amount
            self.quantity = quantity
        }
    }

    /// The most triplets one CAS segment holds.
    public static let maximumAdjustments = 6

    /// CAS01: `CO` contractual, `PR` patient responsibility, `OA` other, `PI` payer initiated, `CR` correction.
    public var groupCode: String
    /// CAS02-CAS19: 1...6 triplets.
    public var adjustments: [Adjustment]

    /// Creates a group.
    public init(groupCode: String, adjustments: [Adjustment]) {
        self.groupCode = groupCode
        self.adjustments = adjustments
    }

    /// Σ of the amounts.
    public var total: Decimal { adjustments.reduce(Decimal(0)) { $0 + $1.amount } }
}

extension Array where Element == ClaimAdjustmentGroup {
    /// Σ of every group's amounts.
    public var adjustmentTotal: Decimal { reduce(Decimal(0)) { $0 + $1.total } }

    /// Σ of the `PR` (patient responsibility) amounts.
    public var patientResponsibilityTotal: Decimal {
        filter { $0.groupCode == "PR" }.reduce(Decimal(0)) { $0 + $1.total }
    }
}
