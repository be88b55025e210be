import Foundation

/// One professional claim (2300) with its service lines.
public struct Claim: Sendable, Hashable, Codable {
    /// CLM01, echoed by the 835 CLP01 and the 277CA.
    public var patientControlNumber: String
    /// CLM05-1 place of service.
    public var placeOfService: String
    /// CLM05-3: `1` original, `7` replacement, `8` void.
    public var frequencyCode: String
    /// DTP*431 onset of current illness.
    public var onsetDate: CalendarDate?
    /// AMT*F5 patient amount paid.
    public var patientAmountPaid: Decimal?
    /// REF*F8 payer claim control number of the claim replaced or voided.
    public var payerClaimControlNumber: String?
    /// REF*G1 prior authorization.
    public var priorAuthorization: String?
    /// HI: ICD-10-CM codes without the dot, principal first (at most 12).
    public var diagnoses: [String]
    /// 2310A referring provider (NM1*DN).
    public var referringProvider: ProviderReference?
    /// 2310B rendering provider (NM1*82).
    public var renderingProvider: ProviderReference?
    /// 2310C service facility (NM1*77).
    public var serviceFacility: ServiceFacility?
    /// 2320/2330: the other payers of the claim (on a secondary claim, the primary and its adjudication).
    public var otherPayers: [OtherPayer]
    /// 2400 lines (1...50).
    public var lines: [ServiceLine]

    /// Creates a claim.
    public init(patientControlNumber: String, placeOfService: String, frequencyCode: String = "1", onsetDate: CalendarDate? = nil,
                patientAmountPaid: Decimal? = nil, payerClaimControlNumber: String? = nil, priorAuthorization: String? = nil,
                diagnoses: [String], referringProvider: ProviderReference? = nil, renderingProvider: ProviderReference? = nil,
                serviceFacility: ServiceFacility? = nil, otherPayers: [OtherPayer] = [], lines: [ServiceLine]) {
        self.patientControlNumber = patientControlNumber
        self.placeOfService = placeOfService
        self.frequencyCode = frequencyCode
        self.onsetDate = onsetDate
        self.patientAmountPaid = patientAmountPaid
        self.payerClaimControlNumber = payerClaimControlNumber
        self.priorAuthorization = priorAuthorization
        self.diagnoses = diagnoses
        self.referringProvider = referringProvider
        self.renderingProvider = renderingProvider
        self.serviceFacility = serviceFacility
        self.otherPayers = otherPayers
        self.lines = lines
    }

    /// CLM02: the sum of the line charges.
    public var totalCharge: Decimal { lines.reduce(Decimal(0)) { $0 + $1.charge } }
}

/// One service line (2400).
public struct ServiceLine: Sendable, Hashable, Codable {
    /// SV101-2 CPT/HCPCS code.
    public var procedureCode: String
    /// SV101-3...6 (at most 4, two characters each).
    public var modifiers: [String]
    /// SV102.
    public var charge: Decimal
    /// SV104 (unit of measure `UN`).
    public var units: Decimal
    /// SV107: 1-based HI positions (1...4 of them).
    public var diagnosisPointers: [Int]
    /// DTP*472: the date of service, or the first day of a range (`RD8`).
    public var serviceDate: CalendarDate
    /// The last day when DTP*472 gives a range (`RD8`, e.g. a week of DME rental); `nil` for one day.
    public var serviceEndDate: CalendarDate?
    /// REF*6R line item control number, unique in the file; the 835 returns it.
    public var lineControlNumber: String
    /// 2420E ordering provider (DME lines).
    public var orderingProvider: ProviderReference?
    /// 2430: other payers' adjudication of the line (one per other payer).
    public var adjudications: [LineAdjudication]

    /// Creates a line.
    public init(procedureCode: String, modifiers: [String] = [], charge: Decimal, units: Decimal, diagnosisPointers: [Int],
                serviceDate: CalendarDate, lineControlNumber: String, orderingProvider: ProviderReference? = nil,
                adjudications: [LineAdjudication] = [], serviceEndDate: CalendarDate? = nil) {
        self.procedureCode = procedureCode
        self.modifiers = modifiers
        self.charge = charge
        self.units = units
        self.diagnosisPointers = diagnosisPointers
        self.serviceDate = serviceDate
        self.serviceEndDate = serviceEndDate
        self.lineControlNumber = lineControlNumber
        self.orderingProvider = orderingProvider
        self.adjudications = adjudications
    }
}
