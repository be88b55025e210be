import Foundation

/// 2430: how another payer adjudicated one service line (copied from that payer's 835 SVC loop).
public struct LineAdjudication: Sendable, Hashable, Codable {
    /// SVD01: the other payer's id (the 2330B NM109 of the 2320 it belongs to).
    public var otherPayerId: String
    /// SVD02: what that payer paid for the line.
    public var paidAmount: Decimal
    /// SVD03-2: the procedure code that payer adjudicated.
    public var procedureCode: String
    /// SVD03-3...6: its modifiers.
    public var modifiers: [String]
    /// SVD05: the units paid.
    public var paidUnits: Decimal
    /// SVD06: the line this one was bundled into, when it was.
    public var bundledLineNumber: Int?
    /// CAS: the line's adjustments.
    public var adjustments: [ClaimAdjustmentGroup]
    /// DTP*573: the adjudication (payment) date.
    public var adjudicationDate: CalendarDate
    /// AMT*EAF: remaining patient liability for the line.
    public var remainingPatientLiability: Decimal?

    /// Creates a line adjudication.
    public init(otherPayerId: String, paidAmount: Decimal, procedureCode: String, modifiers: [String] = [], paidUnits: Decimal,
                bundledLineNumber: Int? = nil, adjustments: [ClaimAdjustmentGroup] = [], adjudicationDate: CalendarDate,
                remainingPatientLiability: Decimal? = nil) {
        self.otherPayerId = otherPayerId
        self.paidAmount = paidAmount
        self.procedureCode = procedureCode
        self.modifiers = modifiers
        self.paidUnits = paidUnits
        self.bundledLineNumber = bundledLineNumber
        self.adjustments = adjustments
        self.adjudicationDate = adjudicationDate
        self.remainingPatientLiability = remainingPatientLiability
    }
}
