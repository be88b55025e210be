import Foundation

/// A JSON object with its path in the document, read field by field; every error names the field's path
/// (`visits[3].charges[0].amount`) and what was expected.
struct JSONObject {
    /// The members in document order (a repeated key: the last one counts, as in a dictionary).
    let fields: [(key: String, value: JSONValue)]
    /// The path of the object, or of the array holding it when `index` is set.
    private let base: String
    /// The object's index in that array (-1: not an array item).
    private let index: Int

    /// The object's path in the document (`visits[3].charges[1]`), built only when a message needs it: building
    /// it for each of 100,000 visits and their charges was a tenth of the batch's mapping time.
    var path: String { index < 0 ? base : "\(base)[\(index)]" }

    init(_ value: JSONValue, path: String) throws(BatchError) {
        try self.init(value, base: path, index: -1)
    }

    private init(_ value: JSONValue, base: String, index: Int) throws(BatchError) {
        self.base = base
        self.index = index
        guard case .object(let fields) = value else {
            let path = index < 0 ? base : "\(base)[\(index)]"
            throw BatchError(path: path.isEmpty ? "$" : path, "expected an object, found \(value.kind)")
        }
        self.fields = fields
    }

    func child(_ key: String) -> String {
        let path = self.path
        return path.isEmpty ? key : path + "." + key
    }

    /// The value of a field, `nil` when absent or null.
    func value(_ key: String) -> JSONValue? {
        guard let value = fields.last(where: { $0.key == key })?.value else { return nil }
        if case .null = value { return nil }
        return value
    }

    private func missing(_ key: String) -> BatchError { BatchError(path: child(key), "required field '\(key)' is missing") }

    private func mismatch(_ key: String, _ expected: String, _ found: JSONValue) -> BatchError {
        BatchError(path: child(key), "expected \(expected), found \(found.kind)")
    }

    func string(_ key: String) throws(BatchError) -> String {
        guard let text = try optionalString(key) else { throw missing(key) }
        return text
    }

    func optionalString(_ key: String) throws(BatchError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw mismatch(key, "a string", value) }
        return text
    }

    func optionalBool(_ key: String) throws(BatchError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw mismatch(key, "true or false", value) }
        return flag
    }

    func optionalInt(_ key: String) throws(BatchError) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .number(let text) = value, let number = Int(text) else { throw mismatch(key, "a whole number", value) }
        return number
    }

    func optionalDecimal(_ key: String) throws(BatchError) -> Decimal? {
        guard let value = value(key) else { return nil }
        guard case .number(let text) = value,
              let number = AmountText.plainNumber(text)?.0 ?? Decimal(string: text, locale: Self.posix) else {
            throw mismatch(key, "a number", value)
        }
        return number
    }

    /// Money: a number or a string, dollars, at most two decimals.
    func optionalMoney(_ key: String) throws(BatchError) -> Decimal? {
        guard let value = value(key) else { return nil }
        let text: String
        switch value {
        case .number(let raw): text = raw
        case .string(let raw): text = raw
        default: throw mismatch(key, "an amount (number or string)", value)
        }
        guard let amount = AmountText.parse(text) else {
            throw BatchError(path: child(key), "'\(text)' is not an amount in dollars with at most 2 decimals")
        }
        return amount
    }

    func money(_ key: String) throws(BatchError) -> Decimal {
        guard let amount = try optionalMoney(key) else { throw missing(key) }
        return amount
    }

    func optionalDate(_ key: String) throws(BatchError) -> CalendarDate? {
        guard let text = try optionalString(key) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw BatchError(path: child(key), "'\(text)' is not a date in the form YYYY-MM-DD")
        }
        return date
    }

    func date(_ key: String) throws(BatchError) -> CalendarDate {
        guard let date = try optionalDate(key) else { throw missing(key) }
        return date
    }

    func optionalObject(_ key: String) throws(BatchError) -> JSONObject? {
        guard let value = value(key) else { return nil }
        return try JSONObject(value, path: child(key))
    }

    func object(_ key: String) throws(BatchError) -> JSONObject {
        guard let object = try optionalObject(key) else { throw missing(key) }
        return object
    }

    /// An array of objects, each mapped with `map`.
    func optionalArray<T>(_ key: String, _ map: (JSONObject) throws(BatchError) -> T) throws(BatchError) -> [T]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value else { throw mismatch(key, "an array", value) }
        let base = child(key)
        var out: [T] = []
        out.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            out.append(try map(JSONObject(item, base: base, index: index)))
        }
        return out
    }

    func optionalStrings(_ key: String) throws(BatchError) -> [String]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value else { throw mismatch(key, "an array of strings", value) }
        var out: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                throw BatchError(path: "\(child(key))[\(index)]", "expected a string, found \(item.kind)")
            }
            out.append(text)
        }
        return out
    }

    func optionalInts(_ key: String) throws(BatchError) -> [Int]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value else { throw mismatch(key, "an array of numbers", value) }
        var out: [Int] = []
        for (index, item) in items.enumerated() {
            guard case .number(let text) = item, let number = Int(text) else {
                throw BatchError(path: "\(child(key))[\(index)]", "expected a whole number, found \(item.kind)")
            }
            out.append(number)
        }
        return out
    }

    private static let posix = Locale(identifier: "en_US_POSIX")
}
