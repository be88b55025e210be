/// The four separator characters of one interchange, read from its ISA segment.
///
/// X12 has no escape mechanism: a delimiter can never appear inside data. Every interchange
/// declares its own delimiters, so a file holding several interchanges may use several sets.
public struct Delimiters: Sendable, Hashable, CustomStringConvertible {
    /// Separates the elements of a segment (the byte right after `ISA`).
    public var element: UInt8
    /// Separates the components of a composite element (ISA16).
    public var component: UInt8
    /// Separates repeated occurrences of an element (ISA11 in 5010); `nil` for 4010 files, which carry `U` there.
    public var repetition: UInt8?
    /// Ends every segment (the byte after ISA16).
    public var segment: UInt8

    /// The usual HIPAA choice: `*` elements, `:` components, `^` repetitions, `~` segments.
    public static let standard = Delimiters(element: UInt8(ascii: "*"), component: UInt8(ascii: ":"),
                                            repetition: UInt8(ascii: "^"), segment: UInt8(ascii: "~"))

    /// Creates a delimiter set; call ``problem()`` before writing with it.
    public init(element: UInt8, component: UInt8, repetition: UInt8?, segment: UInt8) {
        self.element = element
        self.component = component
        self.repetition = repetition
        self.segment = segment
    }

    /// Parses the compact four-character form used on the command line: element, component,
    /// repetition, segment, e.g. `*:^~`. A `U` or space in third place means "no repetition separator".
    public init?(compact text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 4 else { return nil }
        let repetition: UInt8? = (bytes[2] == UInt8(ascii: "U") || bytes[2] == UInt8(ascii: " ")) ? nil : bytes[2]
        self.init(element: bytes[0], component: bytes[1], repetition: repetition, segment: bytes[3])
    }

    /// Whether `byte` is one of the four delimiters.
    @inlinable
    public func isDelimiter(_ byte: UInt8) -> Bool {
        byte == element || byte == component || byte == segment || byte == repetition
    }

    /// The delimiters in their compact form (`*:^~`); a missing repetition separator shows as `U`.
    public var description: String {
        let rep = repetition ?? UInt8(ascii: "U")
        return String(decoding: [element, component, rep, segment], as: UTF8.self)
    }

    /// Why this set cannot be used, or `nil` when it can: the delimiters must be distinct and must not be
    /// letters, digits or a space.
    public func problem() -> String? {
        var all = [element, component, segment]
        if let repetition { all.append(repetition) }
        if Set(all).count != all.count { return "delimiters must be distinct, got '\(description)'" }
        for byte in all where Delimiters.isUnusable(byte) {
            return "delimiter \(Delimiters.show(byte)) is a letter, digit or space"
        }
        return nil
    }

    static func isUnusable(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x20
    }

    /// A printable rendering of one delimiter byte (`'~'`, `'\n'`, `0x1C`).
    public static func show(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A: return "'\\n'"
        case 0x0D: return "'\\r'"
        case 0x09: return "'\\t'"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default: return "0x" + String(byte, radix: 16, uppercase: true)
        }
    }
}
