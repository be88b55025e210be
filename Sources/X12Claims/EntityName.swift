/// A person's or organization's name as sent in NM103-NM105.
public struct EntityName: Sendable, Hashable, Codable {
    /// NM103: last name, or the organization name.
    public var last: String
    /// NM104: first name (persons only).
    public var first: String?
    /// NM105: middle name (persons only).
    public var middle: String?
    /// NM102 `2` when true, `1` (person) when false.
    public var isOrganization: Bool

    /// A person.
    public static func person(last: String, first: String?, middle: String? = nil) -> EntityName {
        EntityName(last: last, first: first, middle: middle, isOrganization: false)
    }

    /// An organization.
    public static func organization(_ name: String) -> EntityName {
        EntityName(last: name, first: nil, middle: nil, isOrganization: true)
    }

    /// Creates a name.
    public init(last: String, first: String?, middle: String?, isOrganization: Bool) {
        self.last = last
        self.first = first
        self.middle = middle
        self.isOrganization = isOrganization
    }

    /// NM102.
    var entityType: String { isOrganization ? "2" : "1" }
}
