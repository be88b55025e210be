import X12

/// Checks of codes and identifiers the 837 carries.
enum ReferenceCodes {
    /// US state, DC, territory and military codes accepted in N402.
    static let states: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
        "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI", "FM", "MH", "PW",
        "AA", "AE", "AP",
    ]

    /// A ZIP code with its hyphen removed, when it has 5 or 9 digits.
    static func zip(_ text: String) -> String? {
        let digits = text.trimmingSpaces.filter { $0 != "-" }
        guard digits.count == 5 || digits.count == 9, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return digits
    }

    /// A tax id (EIN) with its hyphen removed, when it has 9 digits.
    static func taxId(_ text: String) -> String? {
        let digits = text.filter { $0 != "-" }
        guard digits.count == 9, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return digits
    }

    /// Whether a code has the shape of a CPT (5 digits, or 4 digits and a letter for categories II/III) or a
    /// HCPCS Level II code (a letter and 4 digits).
    static func isProcedureCode(_ code: String) -> Bool {
        let characters = Array(code)
        guard characters.count == 5, characters.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return false }
        let middleDigits = characters[1...3].allSatisfy(\.isASCIIDigit)
        if characters[0].isASCIIDigit { return middleDigits && (characters[4].isASCIIDigit || characters[4].isLetter) }
        return middleDigits && characters[4].isASCIIDigit
    }

    /// An ICD-10-CM code without its dot, upper case, when it has the shape letter, digit, 1-5 more characters.
    static func diagnosis(_ text: String) -> String? {
        let code = text.trimmingSpaces.filter { $0 != "." }.uppercased()
        let characters = Array(code)
        guard (3...7).contains(characters.count), characters[0].isASCII, characters[0].isLetter, characters[1].isASCIIDigit,
              characters.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }) else { return nil }
        return code
    }

    /// Whether a modifier is two letters or digits.
    static func isModifier(_ text: String) -> Bool {
        text.count == 2 && text.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
    }

    /// Whether an address line looks like a post office box (not allowed in 2010AA).
    static func isPostOfficeBox(_ line: String) -> Bool {
        let squeezed = line.uppercased().filter { $0.isLetter || $0.isNumber }
        return squeezed.hasPrefix("POBOX") || squeezed.hasPrefix("POSTOFFICEBOX") || squeezed.hasPrefix("PMB")
    }
}
