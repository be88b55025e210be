/// National Provider Identifier check: 10 digits, first digit 1 or 2, Luhn check digit over `80840` + the number.
public enum NPI {
    /// Whether `value` is a well-formed NPI with a correct check digit (`1234567893` is valid).
    public static func isValid(_ value: String) -> Bool {
        var count = 0
        var sum = 24 // the Luhn share of the prefix 80840
        var check = 0
        for byte in value.utf8 {
            guard byte >= 0x30 && byte <= 0x39, count < 10 else { return false }
            let digit = Int(byte - 0x30)
            if count == 0 && digit != 1 && digit != 2 { return false }
            if count == 9 {
                check = digit
            } else if count % 2 == 0 {
                // Doubling the 1st, 3rd, ... 9th digit, counted from the left of the first nine.
                sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2
            } else {
                sum += digit
            }
            count += 1
        }
        return count == 10 && (10 - sum % 10) % 10 == check
    }
}
