/// National Provider Identifier check: 10 digits, first digit 1 or 2, Luhn check digit over `80840` + the number.
public enum NPI {
    /// Whether `value` is a well-formed NPI with a correct check digit (`1234567893` is valid).
    public static func isValid(_ value: String) -> Bool {
        let digits = value.utf8.map { Int($0) - 0x30 }
        guard digits.count == 10, digits.allSatisfy({ (0...9).contains($0) }), digits[0] == 1 || digits[0] == 2 else { return false }
        // Luhn over the first nine digits, doubling the 9th, 7th, ... 1st; 24 is the prefix 80840's share.
        var sum = 24
        for (index, digit) in digits.prefix(9).enumerated() {
            if index % 2 == 0 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return (10 - sum % 10) % 10 == digits[9]
    }
}
