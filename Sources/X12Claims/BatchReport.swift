import Foundation

/// What a `generate` run did with every charge of the batch; the totals prove nothing was dropped:
/// `input = claimed + held + excluded + selfPay` (held = delayed claims + billing exceptions).
public struct BatchReport: Sendable, Hashable, Encodable {
    /// One generated claim.
    public struct ClaimEntry: Sendable, Hashable, Encodable {
        /// CLM01.
        public var patientControlNumber: String
        /// The visit billed.
        public var visitId: String
        /// The batch payer id billed.
        public var payerId: String
        /// The payer's PM/clearinghouse sequence number (M1).
        public var payerAlternateId: String?
        /// CLM02.
        public var totalCharge: Decimal
        /// Number of service lines.
        public var lines: Int
        /// ST02 of the transaction set holding the claim.
        public var stControlNumber: String
    }

    /// Charges of one visit that were not claimed, and why.
    public struct ChargeEntry: Sendable, Hashable, Encodable {
        /// The visit.
        public var visitId: String
        /// The codes of the charges, as entered.
        public var codes: [String]
        /// Sum of the charges.
        public var amount: Decimal
        /// Every reason, each a sentence naming the field or record at fault.
        public var reasons: [String]
    }

    /// Claims and charge total per payer.
    public struct PayerTotal: Sendable, Hashable, Encodable {
        /// The batch payer id.
        public var payerId: String
        /// The payer name.
        public var name: String
        /// Number of claims.
        public var claims: Int
        /// Sum of CLM02.
        public var totalCharge: Decimal
    }

    /// Charge totals per bucket.
    public struct Totals: Sendable, Hashable, Encodable {
        /// Every charge of the batch.
        public var input: Decimal = 0
        /// On claims.
        public var claimed: Decimal = 0
        /// In delayed claims and billing exceptions.
        public var held: Decimal = 0
        /// Do Not Bill / NORCM.
        public var excluded: Decimal = 0
        /// Not sent to insurance.
        public var selfPay: Decimal = 0

        /// Whether `input = claimed + held + excluded + selfPay`.
        public var balances: Bool { input == claimed + held + excluded + selfPay }
    }

    /// ISA13 of the file written.
    public var interchangeControlNumber: String
    /// Claims generated, in file order.
    public var claims: [ClaimEntry] = []
    /// Per payer, in payer-list order.
    public var payers: [PayerTotal] = []
    /// Held for an authorization (R6).
    public var delayedClaims: [ChargeEntry] = []
    /// Not billable until the data is fixed (R2, R3, R13...).
    public var billingExceptions: [ChargeEntry] = []
    /// Never billed (R1).
    public var excluded: [ChargeEntry] = []
    /// Not sent to insurance (R10, R14).
    public var selfPay: [ChargeEntry] = []
    /// Errors in the reference data, reported once per batch (duplicate NPIs, PM system mismatches).
    public var referenceErrors: [String] = []
    /// Things to look at that did not stop a claim (missing alternate ids, a KX with no room...).
    public var warnings: [String] = []
    /// Charge totals.
    public var totals = Totals()

    /// Creates an empty report.
    public init(interchangeControlNumber: String) {
        self.interchangeControlNumber = interchangeControlNumber
    }

    /// The report as pretty-printed JSON with sorted keys (stable for diffs and golden files).
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }

    /// A few lines for people: counts and totals per bucket and per payer.
    public var summary: String {
        var lines: [String] = []
        let claimed = claims.count
        lines.append("claims: \(claimed) (\(AmountText.display(totals.claimed)))")
        for payer in payers {
            lines.append("  \(payer.payerId) \(payer.name): \(payer.claims) claim\(payer.claims == 1 ? "" : "s") (\(AmountText.display(payer.totalCharge)))")
        }
        let held = delayedClaims.reduce(Decimal(0)) { $0 + $1.amount }
        let exceptions = billingExceptions.reduce(Decimal(0)) { $0 + $1.amount }
        lines.append("delayed (authorization): \(delayedClaims.count) visit\(delayedClaims.count == 1 ? "" : "s") (\(AmountText.display(held)))")
        lines.append("billing exceptions: \(billingExceptions.count) visit\(billingExceptions.count == 1 ? "" : "s") (\(AmountText.display(exceptions)))")
        lines.append("excluded: \(excluded.count) (\(AmountText.display(totals.excluded)))")
        lines.append("self-pay: \(selfPay.count) (\(AmountText.display(totals.selfPay)))")
        lines.append("total: input \(AmountText.display(totals.input)) = claimed \(AmountText.display(totals.claimed)) + held \(AmountText.display(totals.held))"
                     + " + excluded \(AmountText.display(totals.excluded)) + self-pay \(AmountText.display(totals.selfPay))")
        if !referenceErrors.isEmpty { lines.append("reference data errors: \(referenceErrors.count)") }
        if !warnings.isEmpty { lines.append("warnings: \(warnings.count)") }
        return lines.joined(separator: "\n")
    }
}
