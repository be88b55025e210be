/// The National Provider Identifier check: 10 digits, first digit 1 or 2, and a Luhn check digit computed over
/// the prefix `80840` followed by the first nine digits.
public enum NPI {
    /// Whether `value` is a well-formed NPI with a correct check digit (`1234567893` is valid).
    public static func isValid(_ value: String) -> Bool {
        let digits = value.utf8.map { Int($0) - 0x30 }
        guard digits.count == 10, digits.allSatisfy({ (0...9).contains($0) }), digits[0] == 1 || digits[0] == 2 else {
            return false
        }
        return checkDigit(for: Array(digits.prefix(9))) == digits[9]
    }

    /// The check digit for the first nine digits: double every other digit from the right, add 24 for the prefix.
    public static func checkDigit(for nineDigits: [Int]) -> Int {
        var sum = 24
        for (index, digit) in nineDigits.reversed().enumerated() {
            if index % 2 == 0 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return (10 - sum % 10) % 10
    }
}
