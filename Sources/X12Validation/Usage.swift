/// Implementation-guide usage of a loop, segment or element.
public enum Usage: String, Sendable, Codable {
    /// Required.
    case required = "R"
    /// Situational: sent when the guide's condition applies.
    case situational = "S"
    /// Not used: must not be sent.
    case notUsed = "N"

    init(code: String) {
        self = Usage(rawValue: code) ?? .situational
    }
}

/// X12 data element types as the guides name them.
public enum DataType: String, Sendable, Codable {
    /// String.
    case alphanumeric = "AN"
    /// Code from a list.
    case identifier = "ID"
    /// Integer.
    case integer = "N0"
    /// Number with two implied decimals.
    case impliedDecimal2 = "N2"
    /// Decimal number.
    case decimal = "R"
    /// Date (CCYYMMDD or YYMMDD).
    case date = "DT"
    /// Time (HHMM[SS[DD]]).
    case time = "TM"
    /// Binary.
    case binary = "B"

    var isNumeric: Bool { self == .integer || self == .impliedDecimal2 || self == .decimal }
}
