import X12Claims

/// How names and addresses are written in human-facing output (tables and forms): one place for every view.
public enum NameText {
    /// `SMITH, ANNA M` for a person, the name as is for an organization.
    public static func display(_ name: EntityName) -> String {
        guard !name.isOrganization else { return name.last }
        return [name.last, [name.first, name.middle].compactMap { $0 }.joined(separator: " ")]
            .filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// The CMS-1500 form of a person's name: `LAST, FIRST, M` with the middle initial only (items 2, 4 and 17);
    /// an organization as is.
    public static func form(_ name: EntityName) -> String {
        guard !name.isOrganization else { return name.last }
        let initial = name.middle.flatMap { $0.first.map(String.init) }
        return ([name.last] + [name.first, initial].compactMap { $0 }).filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// The street lines of an address, joined by a space.
    public static func street(_ address: Address) -> String {
        [address.line1, address.line2].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `CITY, ST 12345-6789` (a 9-digit ZIP code gets its hyphen).
    public static func cityLine(_ address: Address) -> String {
        "\(address.city), \(address.state) \(zip(address.zip))"
    }

    /// A ZIP code as printed: `12345` or `12345-6789`.
    public static func zip(_ zip: String) -> String {
        zip.count == 9 ? "\(zip.prefix(5))-\(zip.suffix(4))" : zip
    }
}
