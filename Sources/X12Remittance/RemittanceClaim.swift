/// One claim payment (loop 2100, CLP) with its adjustments and service lines.
public struct RemittanceClaim: Sendable, Hashable, Codable {
    /// LX01 of the header group the claim sits in, when the 835 uses LX.
    public var headerNumber: String?
    /// CLP01, the submitter's patient control number (837 CLM01), possibly truncated by the payer.
    public var patientControlNumber: String
    /// CLP02 claim status code (`1` primary, `4` denied, `22` reversal...).
    public var status: String
    /// Meaning of the status code.
    public var statusDescription: String?
    /// CLP03 total claim charge (negative in a reversal).
    public var chargeAmount: Money
    /// CLP04 claim payment (may be zero or negative).
    public var paidAmount: Money
    /// CLP05 patient responsibility, when given.
    public var patientResponsibilityAmount: Money?
    /// CLP06 claim filing indicator (`MB`, `MC`, `12`...).
    public var filingIndicator: String
    /// CLP07 payer claim control number (ICN/DCN), the 837 REF*F8 of a later correction.
    public var payerClaimControlNumber: String
    /// CLP08 facility type code (place of service for professional claims).
    public var facilityTypeCode: String?
    /// CLP09 claim frequency code.
    public var frequencyCode: String?
    /// CLP11 diagnosis related group code (institutional).
    public var drgCode: String?
    /// NM1*QC patient.
    public var patient: RemittanceName?
    /// NM1*IL insured, when not the patient.
    public var insured: RemittanceName?
    /// NM1*74 corrected patient or insured name.
    public var correctedName: RemittanceName?
    /// NM1*82 rendering provider.
    public var serviceProvider: RemittanceName?
    /// NM1*TT crossover carrier, NM1*PR corrected priority payer, NM1*GB other subscriber.
    public var otherNames: [RemittanceName]
    /// MIA (inpatient) or MOA (outpatient) adjudication elements as written, element 1 first.
    public var adjudication: ClaimAdjudication?
    /// DTM*232 statement period start.
    public var statementStartDate: String?
    /// DTM*233 statement period end.
    public var statementEndDate: String?
    /// DTM*050 date the payer received the claim.
    public var receivedDate: String?
    /// DTM*036 coverage expiration date.
    public var coverageExpirationDate: String?
    /// Claim-level REF identifiers (`EA` medical record, `F8` original reference, `1L` group...).
    public var references: [RemittanceReference]
    /// Claim-level AMT amounts (`AU` covered, `I` interest, ...).
    public var amounts: [RemittanceAmount]
    /// Claim-level QTY quantities.
    public var quantities: [RemittanceQuantity]
    /// Claim-level adjustments (CAS that cannot be tied to a line).
    public var adjustments: [ClaimAdjustment]
    /// Service lines (SVC).
    public var lines: [RemittanceServiceLine]
    /// Balancing findings for this claim and its lines; empty when everything balances.
    public var balance: [BalanceFinding]
    /// Position of the CLP segment within its transaction set (ST = 1).
    public var segment: Int
    /// The submitted 837 claim this payment was matched to (only with a submitted file).
    public var submitted: SubmittedClaimMatch?
    /// Segments of this claim that could not be read, with their raw text and what was wrong (`nil` when
    /// every segment was read). The claim keeps its CLP amounts and every readable line.
    public var errors: [RemittanceProblem]?

    /// Creates a claim with the CLP values; the rest starts empty.
    public init(patientControlNumber: String, status: String, chargeAmount: Money, paidAmount: Money,
                patientResponsibilityAmount: Money? = nil, filingIndicator: String = "", payerClaimControlNumber: String = "",
                segment: Int) {
        self.patientControlNumber = patientControlNumber
        self.status = status
        self.statusDescription = RemittanceCodes.claimStatus(status)
        self.chargeAmount = chargeAmount
        self.paidAmount = paidAmount
        self.patientResponsibilityAmount = patientResponsibilityAmount
        self.filingIndicator = filingIndicator
        self.payerClaimControlNumber = payerClaimControlNumber
        self.otherNames = []
        self.references = []
        self.amounts = []
        self.quantities = []
        self.adjustments = []
        self.lines = []
        self.balance = []
        self.segment = segment
    }

    /// Whether this is a reversal of a previous payment (CLP02 `22`).
    public var isReversal: Bool { status == RemittanceCodes.reversalStatus }

    /// Σ of the claim-level CAS amounts.
    public var claimAdjustmentTotal: Money { adjustments.total }

    /// Σ of every CAS amount, claim level and line level.
    public var adjustmentTotal: Money {
        var total = adjustments.total
        for index in lines.indices { total += lines[index].adjustments.total }
        return total
    }

    /// Σ of the `PR` adjustment amounts, claim level and line level.
    public var patientResponsibilityAdjustmentTotal: Money {
        var total = adjustments.patientResponsibilityTotal
        for index in lines.indices { total += lines[index].adjustments.patientResponsibilityTotal }
        return total
    }
}

/// MIA (inpatient) or MOA (outpatient) adjudication information of a claim payment.
public struct ClaimAdjudication: Sendable, Hashable, Codable {
    /// `inpatient` (MIA) or `outpatient` (MOA).
    public var kind: String
    /// The elements as written, element 1 first (empty strings for omitted elements).
    public var elements: [String]
    /// Claim-level remark codes (RARC): MOA03-07, or MIA05 and MIA20-23.
    public var remarkCodes: [String]
}
