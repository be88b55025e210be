/// How a claim payment relates to the claim submitted in an 837: billed against paid, or not found.
public struct SubmittedClaimMatch: Sendable, Hashable, Codable {
    /// Whether a submitted claim with this patient control number (CLM01 = CLP01) was found.
    public var matched: Bool
    /// CLM02 as billed.
    public var billedAmount: Money?
    /// CLP04 as paid.
    public var paidAmount: Money
    /// `billedAmount − paidAmount`; absent for a reversal (CLP02 22), which undoes an earlier payment.
    public var unpaidAmount: Money?
    /// ISA13 of the interchange that carried the submitted claim.
    public var interchangeControlNumber: String?
    /// ST02 of the submitted transaction set.
    public var transactionSetControlNumber: String?
    /// Position of the CLM segment in the submitted transaction set.
    public var claimSegment: Int?
    /// LX numbers of submitted lines that no service line of this payment matched.
    public var unpaidLineNumbers: [Int]

    /// Creates a match record.
    public init(matched: Bool, billedAmount: Money?, paidAmount: Money, isReversal: Bool = false,
                interchangeControlNumber: String? = nil,
                transactionSetControlNumber: String? = nil, claimSegment: Int? = nil, unpaidLineNumbers: [Int] = []) {
        self.matched = matched
        self.billedAmount = billedAmount
        self.paidAmount = paidAmount
        self.unpaidAmount = isReversal ? nil : billedAmount.map { $0 - paidAmount }
        self.interchangeControlNumber = interchangeControlNumber
        self.transactionSetControlNumber = transactionSetControlNumber
        self.claimSegment = claimSegment
        self.unpaidLineNumbers = unpaidLineNumbers
    }
}

/// How a service line payment relates to the submitted 837 line.
public struct SubmittedLineMatch: Sendable, Hashable, Codable {
    /// Whether a submitted line was found.
    public var matched: Bool
    /// How the line was found: `lineControlNumber` (REF*6R), `procedure` (code, modifiers and charge), or
    /// `nil` when no submitted line matched.
    public var matchedBy: String?
    /// LX01 of the submitted line.
    public var lineNumber: Int?
    /// SV102 as billed.
    public var billedAmount: Money?
    /// SVC03 as paid.
    public var paidAmount: Money

    /// Creates a line match; `matched` follows from `matchedBy`.
    public init(matchedBy: String?, lineNumber: Int?, billedAmount: Money?, paidAmount: Money) {
        self.matched = matchedBy != nil
        self.matchedBy = matchedBy
        self.lineNumber = lineNumber
        self.billedAmount = billedAmount
        self.paidAmount = paidAmount
    }
}
