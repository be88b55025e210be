/// The payer (1000A, `N1*PR`) or the payee (1000B, `N1*PE`) of a remittance.
public struct RemittanceParty: Sendable, Hashable, Codable {
    /// N102 name.
    public var name: String
    /// N103 identification code qualifier (`XX` NPI, `FI` TIN, `XV` plan id).
    public var identifierQualifier: String?
    /// N104 identification code.
    public var identifier: String?
    /// The NPI, from N104 when N103 is `XX`.
    public var npi: String?
    /// The tax id, from N104 when N103 is `FI`, else from `REF*TJ`.
    public var taxId: String?
    /// N3/N4 address.
    public var address: RemittanceAddress?
    /// REF additional identifiers (`2U` payer id, `TJ` TIN, `PQ` payee id...).
    public var references: [RemittanceReference]
    /// PER contacts (`CX` business, `BL` technical, `IC` web site).
    public var contacts: [RemittanceContact]

    /// Creates a party; everything but the name starts empty.
    public init(name: String = "", identifierQualifier: String? = nil, identifier: String? = nil) {
        self.name = name
        self.identifierQualifier = identifierQualifier
        self.identifier = identifier
        self.references = []
        self.contacts = []
        if identifierQualifier == "XX" { npi = identifier }
        if identifierQualifier == "FI" { taxId = identifier }
    }
}

/// A postal address from N3/N4.
public struct RemittanceAddress: Sendable, Hashable, Codable {
    /// N301.
    public var line1: String
    /// N302.
    public var line2: String?
    /// N401.
    public var city: String
    /// N402.
    public var state: String?
    /// N403.
    public var postalCode: String?
    /// N404.
    public var country: String?

    /// Creates an address.
    public init(line1: String = "", line2: String? = nil, city: String = "", state: String? = nil,
                postalCode: String? = nil, country: String? = nil) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.country = country
    }
}

/// A qualified reference number (REF01/REF02).
public struct RemittanceReference: Sendable, Hashable, Codable {
    /// REF01 qualifier.
    public var qualifier: String
    /// REF02 value.
    public var value: String

    /// Creates a reference.
    public init(qualifier: String, value: String) {
        self.qualifier = qualifier
        self.value = value
    }
}

/// A PER contact: a function, a name and up to three numbers.
public struct RemittanceContact: Sendable, Hashable, Codable {
    /// One communication number (PER03/04, 05/06, 07/08).
    public struct Number: Sendable, Hashable, Codable {
        /// `TE` telephone, `EM` e-mail, `FX` fax, `UR` web address, `EX` extension.
        public var qualifier: String
        /// The number or address.
        public var value: String
    }

    /// PER01 (`CX`, `BL`, `IC`).
    public var function: String
    /// PER02 name.
    public var name: String?
    /// The numbers.
    public var numbers: [Number]
}

/// A qualified amount (AMT01/AMT02), such as `AU` covered charges or `B6` allowed.
public struct RemittanceAmount: Sendable, Hashable, Codable {
    /// AMT01 qualifier.
    public var qualifier: String
    /// AMT02.
    public var amount: Money

    /// Creates an amount.
    public init(qualifier: String, amount: Money) {
        self.qualifier = qualifier
        self.amount = amount
    }
}

/// A qualified quantity (QTY01/QTY02), kept as the decimal text written.
public struct RemittanceQuantity: Sendable, Hashable, Codable {
    /// QTY01 qualifier.
    public var qualifier: String
    /// QTY02.
    public var quantity: String

    /// Creates a quantity.
    public init(qualifier: String, quantity: String) {
        self.qualifier = qualifier
        self.quantity = quantity
    }
}

/// A person or organization named in a claim payment (NM1*QC patient, IL insured, 74 corrected name,
/// 82 rendering provider, TT crossover carrier, PR corrected priority payer, GB other subscriber).
public struct RemittanceName: Sendable, Hashable, Codable {
    /// NM101 entity code.
    public var entity: String
    /// NM103 last or organization name.
    public var lastName: String?
    /// NM104.
    public var firstName: String?
    /// NM105.
    public var middleName: String?
    /// NM107.
    public var suffix: String?
    /// NM108 identification code qualifier (`MI` member id, `XX` NPI, `C` corrected id...).
    public var identifierQualifier: String?
    /// NM109.
    public var identifier: String?
}
