/// The submitter of an 837 (1000A).
public struct Submitter: Sendable, Hashable, Codable {
    /// NM103 (organization name).
    public var name: String
    /// NM109, the id the receiver assigned (ETIN).
    public var id: String
    /// PER02.
    public var contactName: String?
    /// PER `TE`.
    public var phone: String?
    /// PER `EM`.
    public var email: String?

    /// Creates a submitter.
    public init(name: String, id: String, contactName: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.id = id
        self.contactName = contactName
        self.phone = phone
        self.email = email
    }
}

/// The receiver of an 837 (1000B).
public struct Receiver: Sendable, Hashable, Codable {
    /// NM103.
    public var name: String
    /// NM109.
    public var id: String

    /// Creates a receiver.
    public init(name: String, id: String) {
        self.name = name
        self.id = id
    }
}

/// The billing provider (2000A/2010AA, with the 2010AB pay-to address).
public struct BillingProvider: Sendable, Hashable, Codable {
    /// NM103-NM105.
    public var name: EntityName
    /// NM109 (`XX`).
    public var npi: String
    /// REF*EI.
    public var taxId: String
    /// PRV*BI*PXC.
    public var taxonomy: String?
    /// N3/N4 (street address, 9-digit ZIP).
    public var address: Address
    /// 2010AB, when payments go elsewhere.
    public var payToAddress: Address?

    /// Creates a billing provider.
    public init(name: EntityName, npi: String, taxId: String, taxonomy: String?, address: Address, payToAddress: Address? = nil) {
        self.name = name
        self.npi = npi
        self.taxId = taxId
        self.taxonomy = taxonomy
        self.address = address
        self.payToAddress = payToAddress
    }
}

/// The insured person (2000B SBR and 2010BA).
public struct Subscriber: Sendable, Hashable, Codable {
    /// SBR01: `P` primary.
    public var responsibility: String
    /// Whether the subscriber is the patient (SBR02 `18`, no 2000C).
    public var isPatient: Bool
    /// SBR03.
    public var groupNumber: String?
    /// SBR09 claim filing indicator.
    public var claimFilingCode: String
    /// NM103-NM105.
    public var name: EntityName
    /// NM109 (`MI`).
    public var memberId: String
    /// N3/N4.
    public var address: Address?
    /// DMG02.
    public var dateOfBirth: CalendarDate?
    /// DMG03.
    public var sex: String?

    /// Creates a subscriber.
    public init(responsibility: String = "P", isPatient: Bool, groupNumber: String?, claimFilingCode: String, name: EntityName,
                memberId: String, address: Address?, dateOfBirth: CalendarDate?, sex: String?) {
        self.responsibility = responsibility
        self.isPatient = isPatient
        self.groupNumber = groupNumber
        self.claimFilingCode = claimFilingCode
        self.name = name
        self.memberId = memberId
        self.address = address
        self.dateOfBirth = dateOfBirth
        self.sex = sex
    }
}

/// The payer billed (2010BB).
public struct ClaimPayer: Sendable, Hashable, Codable {
    /// NM103.
    public var name: String
    /// NM109 (`PI`).
    public var payerId: String
    /// N3/N4, when sent.
    public var address: Address?
    /// REF*G2 billing provider secondary id (the DME PTAN, only when the payer asks for it).
    public var billingProviderSecondaryId: String?

    /// Creates a payer.
    public init(name: String, payerId: String, address: Address? = nil, billingProviderSecondaryId: String? = nil) {
        self.name = name
        self.payerId = payerId
        self.address = address
        self.billingProviderSecondaryId = billingProviderSecondaryId
    }
}

/// The patient when not the subscriber (2000C/2010CA).
public struct Patient: Sendable, Hashable, Codable {
    /// PAT01: `01` spouse, `19` child, `G8` other.
    public var relationshipCode: String
    /// NM103-NM105.
    public var name: EntityName
    /// N3/N4.
    public var address: Address
    /// DMG02.
    public var dateOfBirth: CalendarDate
    /// DMG03.
    public var sex: String

    /// Creates a patient.
    public init(relationshipCode: String, name: EntityName, address: Address, dateOfBirth: CalendarDate, sex: String) {
        self.relationshipCode = relationshipCode
        self.name = name
        self.address = address
        self.dateOfBirth = dateOfBirth
        self.sex = sex
    }
}

/// A provider named on a claim or line: referring (2310A/2420F), rendering (2310B), ordering (2420E).
public struct ProviderReference: Sendable, Hashable, Codable {
    /// NM103-NM105.
    public var name: EntityName
    /// NM109 (`XX`).
    public var npi: String
    /// PRV taxonomy (rendering only).
    public var taxonomy: String?
    /// N3/N4 (ordering only), street lines at most 32 characters.
    public var address: Address?

    /// Creates a provider reference.
    public init(name: EntityName, npi: String, taxonomy: String? = nil, address: Address? = nil) {
        self.name = name
        self.npi = npi
        self.taxonomy = taxonomy
        self.address = address
    }
}

/// Where the service was rendered when not at the billing address (2310C).
public struct ServiceFacility: Sendable, Hashable, Codable {
    /// NM103.
    public var name: String
    /// NM109, when the facility has an NPI.
    public var npi: String?
    /// N3/N4.
    public var address: Address

    /// Creates a facility.
    public init(name: String, npi: String?, address: Address) {
        self.name = name
        self.npi = npi
        self.address = address
    }
}
