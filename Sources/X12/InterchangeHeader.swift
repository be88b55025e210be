/// The fixed-width ISA segment of one interchange, with its delimiters.
public struct InterchangeHeader: Sendable, Hashable {
    /// The 16 ISA elements as written, padding kept (`ISA06` is `elements[5]`).
    public let elements: [String]
    /// The delimiters this ISA declares.
    public let delimiters: Delimiters

    /// Element widths of ISA01...ISA16; the ISA is `ISA` + 16 separators + these + terminator = 106 bytes.
    public static let widths = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1]
    /// Length of the ISA segment in bytes, terminator included.
    public static let length = 106

    /// Reads delimiters and fields from the first 106 bytes of `bytes`, which must start with `ISA`.
    ///
    /// - Throws: ``X12Error`` (`malformedInterchangeHeader`) naming the ISA element whose width is wrong, the
    ///   delimiter that cannot be used, or that the input ends before the 106 bytes of an ISA (truncated).
    public init(bytes: ArraySlice<UInt8>, at position: Position) throws(X12Error) {
        func fail(_ message: String, element: Int? = nil) -> X12Error {
            var where_ = position
            where_.segmentId = "ISA"
            where_.elementPosition = element
            return X12Error(.malformedInterchangeHeader, at: where_, message)
        }
        func truncated() -> X12Error { fail("ISA is truncated: \(bytes.count) bytes, an ISA segment is \(Self.length)") }
        let base = bytes.startIndex
        guard bytes.count > 3 else { throw truncated() }
        let separator = bytes[base + 3]
        var fields: [String] = []
        var offset = 4
        for (index, width) in Self.widths.enumerated() {
            let name = "ISA" + (index < 9 ? "0" : "") + String(index + 1)
            let fieldEnd = offset + width
            let field = bytes[(base + offset)..<(base + min(fieldEnd, bytes.count))]
            let separatorInside = field.contains(separator)
            // Running out of input before a width fault shows is truncation, not a width fault.
            if !separatorInside && (fieldEnd > bytes.count || (index < 15 && fieldEnd == bytes.count)) { throw truncated() }
            let separatorFollows = index == 15 || (fieldEnd < bytes.count && bytes[base + fieldEnd] == separator)
            if separatorInside || !separatorFollows {
                var actual = offset
                while actual < bytes.count, bytes[base + actual] != separator, bytes[base + actual] != UInt8(ascii: "\n") {
                    actual += 1
                }
                throw fail("ISA is not fixed width: \(name) must be exactly \(width) characters, found \(actual - offset); "
                           + "the ISA must be 106 bytes with every field padded", element: index + 1)
            }
            fields.append(String(decoding: field, as: UTF8.self))
            offset = fieldEnd + 1
        }
        guard bytes.count >= Self.length else { throw truncated() }
        let component = bytes[base + 104]
        let terminator = bytes[base + 105]
        let versionText = fields[11]
        let repetitionByte = bytes[base + 82]
        // A repetition separator that clashes with another delimiter (seen in the wild: ISA11 = ISA16 = '^')
        // is ignored rather than rejected: the file is readable, it just cannot repeat elements.
        let hasRepetition = versionText >= "00402" && !Delimiters.isUnusable(repetitionByte)
            && repetitionByte != separator && repetitionByte != component && repetitionByte != terminator
        let delimiters = Delimiters(element: separator, component: component,
                                    repetition: hasRepetition ? repetitionByte : nil, segment: terminator)
        if let problem = delimiters.problem() { throw fail("unusable delimiters in ISA: \(problem)") }
        self.elements = fields
        self.delimiters = delimiters
    }

    /// ISA06 without padding.
    public var senderId: String { elements[5].trimmingSpaces }
    /// ISA05.
    public var senderQualifier: String { elements[4] }
    /// ISA08 without padding.
    public var receiverId: String { elements[7].trimmingSpaces }
    /// ISA07.
    public var receiverQualifier: String { elements[6] }
    /// ISA09 (YYMMDD).
    public var date: String { elements[8] }
    /// ISA10 (HHMM).
    public var time: String { elements[9] }
    /// ISA12, e.g. `00501`.
    public var version: String { elements[11] }
    /// ISA13, the interchange control number (9 digits).
    public var controlNumber: String { elements[12] }
    /// ISA14: `1` when a TA1 is requested.
    public var acknowledgmentRequested: Bool { elements[13] == "1" }
    /// ISA15: `P` production, `T` test.
    public var usage: String { elements[14] }
}

extension String {
    /// The string without leading and trailing spaces (fixed-width X12 padding).
    public var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
