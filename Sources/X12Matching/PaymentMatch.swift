/// The submitted claim a claim payment was matched to, and the submitted line of each of its service lines.
public struct PaymentMatch<Claim: SubmittedClaimRecord>: Sendable {
    /// How a service line found its submitted line.
    public enum Method: String, Sendable, Hashable {
        /// The same REF*6R line item control number.
        case lineControlNumber
        /// The same procedure code, modifiers and charge (or the negated charge of a reversal).
        case procedure
    }

    /// One service line's submitted line.
    public struct Line: Sendable {
        /// The submitted line.
        public var line: Claim.Line
        /// How it was found.
        public var method: Method
    }

    /// The submitted claim.
    public var claim: Claim
    /// For each service line of the payment, in order, its submitted line (`nil` when none matched).
    public var lines: [Line?]
    /// The submitted lines no service line of the payment matched, in file order.
    public var unpaidLines: [Claim.Line]
}
