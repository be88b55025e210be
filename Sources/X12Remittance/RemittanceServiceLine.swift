/// One service line payment (loop 2110, SVC) of a claim payment.
public struct RemittanceServiceLine: Sendable, Hashable, Codable {
    /// SVC01-1 product/service id qualifier (`HC` CPT/HCPCS, `AD` dental, `NU` revenue code...).
    public var procedureQualifier: String
    /// SVC01-2 adjudicated procedure code.
    public var procedureCode: String
    /// SVC01-3...6 procedure modifiers.
    public var modifiers: [String]
    /// SVC02 line charge.
    public var chargeAmount: Money
    /// SVC03 line payment.
    public var paidAmount: Money
    /// SVC04 revenue code (institutional).
    public var revenueCode: String?
    /// SVC05 units paid; `"1"` when absent, as the guide says.
    public var units: String
    /// SVC06-2: the procedure code originally submitted, when the payer changed it.
    public var originalProcedureCode: String?
    /// SVC06-3...6: the originally submitted modifiers.
    public var originalModifiers: [String]?
    /// SVC07 original units, when different.
    public var originalUnits: String?
    /// DTM*472 service date (CCYYMMDD).
    public var serviceDate: String?
    /// DTM*150 service period start.
    public var serviceStartDate: String?
    /// DTM*151 service period end.
    public var serviceEndDate: String?
    /// REF*6R line item control number: the 837 line's REF*6R, the key to match the line back.
    public var lineControlNumber: String?
    /// AMT*B6 allowed amount.
    public var allowedAmount: Money?
    /// Line adjustments (CAS).
    public var adjustments: [ClaimAdjustment]
    /// LQ*HE remark codes (RARC, e.g. `N130`).
    public var remarkCodes: [String]
    /// Other REF identifiers of the line (everything but `6R`).
    public var references: [RemittanceReference]
    /// Other AMT amounts of the line (everything but `B6`).
    public var amounts: [RemittanceAmount]
    /// QTY quantities of the line.
    public var quantities: [RemittanceQuantity]
    /// Position of the SVC segment within its transaction set (ST = 1).
    public var segment: Int
    /// The submitted 837 line this line was matched to (only with a submitted file).
    public var submitted: SubmittedLineMatch?

    /// Creates a line with the SVC values; the rest starts empty.
    public init(procedureQualifier: String, procedureCode: String, modifiers: [String], chargeAmount: Money,
                paidAmount: Money, units: String = "1", segment: Int) {
        self.procedureQualifier = procedureQualifier
        self.procedureCode = procedureCode
        self.modifiers = modifiers
        self.chargeAmount = chargeAmount
        self.paidAmount = paidAmount
        self.units = units
        self.adjustments = []
        self.remarkCodes = []
        self.references = []
        self.amounts = []
        self.quantities = []
        self.segment = segment
    }

    /// Σ of the line's CAS amounts.
    public var adjustmentTotal: Money { adjustments.total }
}
