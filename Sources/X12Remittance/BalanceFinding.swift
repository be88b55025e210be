/// A balancing check that failed: what the 835's own amounts say should be equal and is not.
///
/// Findings are warnings: the records are still produced, with the amounts as the payer sent them.
public struct BalanceFinding: Sendable, Hashable, Codable {
    /// Which rule failed.
    public enum Rule: String, Sendable, Hashable, Codable {
        /// SVC02 − Σ line CAS = SVC03.
        case serviceLine
        /// CLP03 − Σ claim CAS − Σ line CAS = CLP04.
        case claim
        /// CLP05 = Σ `PR` adjustments (claim and lines); a soft check, payers may differ.
        case patientResponsibility
        /// BPR02 = Σ CLP04 − Σ PLB.
        case transaction
    }

    /// The rule.
    public var rule: Rule
    /// The amount the other amounts add up to.
    public var expected: Money
    /// The amount written in the 835.
    public var actual: Money
    /// `actual − expected`.
    public var difference: Money
    /// Position within the transaction set (ST = 1) of the segment holding the actual amount.
    public var segment: Int
    /// The id of the segment holding the actual amount: `SVC`, `CLP` or `BPR`.
    public var segmentId: String {
        switch rule {
        case .serviceLine: return "SVC"
        case .claim, .patientResponsibility: return "CLP"
        case .transaction: return "BPR"
        }
    }

    /// A sentence with the amounts.
    public var message: String

    /// Creates a finding; the difference is computed.
    public init(rule: Rule, expected: Money, actual: Money, segment: Int, message: String) {
        self.rule = rule
        self.expected = expected
        self.actual = actual
        self.difference = actual - expected
        self.segment = segment
        self.message = message
    }
}
