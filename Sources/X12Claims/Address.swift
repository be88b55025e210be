/// A street address as sent in N3/N4: two street lines, city, state and ZIP code.
public struct Address: Sendable, Hashable, Codable {
    /// N301.
    public var line1: String
    /// N302.
    public var line2: String?
    /// N401.
    public var city: String
    /// N402, two letters.
    public var state: String
    /// N403, 5 or 9 digits without a hyphen.
    public var zip: String

    /// Creates an address.
    public init(line1: String, line2: String? = nil, city: String, state: String, zip: String) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.state = state
        self.zip = zip
    }
}

/// An address as entered in the batch: every field may be missing, so an incomplete one can be reported
/// field by field instead of failing the whole batch.
public struct BatchAddress: Sendable, Hashable, Codable {
    /// Whether this is the patient's primary address (R9).
    public var primary: Bool?
    /// Street line 1.
    public var line1: String?
    /// Street line 2.
    public var line2: String?
    /// City.
    public var city: String?
    /// State code.
    public var state: String?
    /// ZIP code (5 or 9 digits; a hyphen is allowed and removed).
    public var zip: String?
}
