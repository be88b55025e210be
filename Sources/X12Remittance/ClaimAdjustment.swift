/// One claim adjustment from a CAS segment: a group, a reason, an amount and an optional quantity.
///
/// A CAS segment holds up to six reason/amount/quantity triplets under one group code; each triplet
/// becomes one `ClaimAdjustment`. A positive amount reduces the payment, a negative one increases it.
public struct ClaimAdjustment: Sendable, Hashable, Codable {
    /// CAS01 group code: `CO`, `PR`, `OA`, `PI` (`CR` only in 4010).
    public var group: String
    /// Meaning of the group code.
    public var groupDescription: String?
    /// Claim adjustment reason code (CARC), e.g. `45`.
    public var reason: String
    /// Meaning of the reason code when it is one of the common CARCs.
    public var reasonDescription: String?
    /// The adjusted amount.
    public var amount: Money
    /// The adjusted units, when given (does not take part in balancing).
    public var quantity: String?

    /// Creates an adjustment; the descriptions are looked up from the codes.
    public init(group: String, reason: String, amount: Money, quantity: String? = nil) {
        self.group = group
        self.groupDescription = RemittanceCodes.adjustmentGroup(group)
        self.reason = reason
        self.reasonDescription = RemittanceCodes.adjustmentReason(reason)
        self.amount = amount
        self.quantity = quantity
    }

    /// Whether the patient owes this amount (group `PR`).
    public var isPatientResponsibility: Bool { group == "PR" }
}

extension Array where Element == ClaimAdjustment {
    /// Σ of the amounts.
    public var total: Money {
        var total = Money.zero
        for index in indices { total += self[index].amount }
        return total
    }

    /// Σ of the `PR` (patient responsibility) amounts.
    public var patientResponsibilityTotal: Money {
        var total = Money.zero
        for index in indices where self[index].group == "PR" { total += self[index].amount }
        return total
    }
}

/// One provider-level adjustment (a PLB reason/reference/amount pair), not tied to a claim.
///
/// Sign convention of the 835: a positive amount reduces the payment (money the payer keeps, such as a
/// `WO` overpayment recovery); a negative amount increases it (such as `L6` interest paid).
public struct ProviderAdjustment: Sendable, Hashable, Codable {
    /// PLB01 provider identifier.
    public var providerIdentifier: String
    /// PLB02 fiscal period date (CCYYMMDD).
    public var fiscalPeriodDate: String
    /// PLB03-1 (and 05-1, ...) adjustment reason code, e.g. `WO`, `L6`, `FB`.
    public var reason: String
    /// Meaning of the reason code.
    public var reasonDescription: String?
    /// PLB03-2 reference, e.g. the payer claim control number of a recouped claim.
    public var reference: String?
    /// PLB04 (and 06, ...) amount.
    public var amount: Money
    /// Position of the PLB segment within its transaction set (ST = 1).
    public var segment: Int

    /// Creates an adjustment; the description is looked up from the reason code.
    public init(providerIdentifier: String, fiscalPeriodDate: String, reason: String, reference: String?,
                amount: Money, segment: Int) {
        self.providerIdentifier = providerIdentifier
        self.fiscalPeriodDate = fiscalPeriodDate
        self.reason = reason
        self.reasonDescription = RemittanceCodes.providerAdjustmentReason(reason)
        self.reference = reference
        self.amount = amount
        self.segment = segment
    }
}
