/// A value to write into one element position: plain text, a composite, or repeated occurrences.
///
/// String literals become ``simple(_:)`` values, so most segments are written as
/// `try writer.write("REF", ["G1", authorization])`.
public enum FieldValue: Sendable, Hashable, ExpressibleByStringLiteral {
    /// A single value (`"DOE"`); `""` is an empty element.
    case simple(String)
    /// A composite's components (`["HC", "97110", "GP"]` → `HC:97110:GP`); trailing empty components are dropped.
    case composite([String])
    /// Repeated occurrences separated by the repetition separator.
    case repeated([FieldValue])

    /// A simple value from a literal.
    public init(stringLiteral value: String) {
        self = .simple(value)
    }

    /// Whether the value writes nothing.
    public var isEmpty: Bool {
        switch self {
        case .simple(let text): return text.isEmpty
        case .composite(let parts): return parts.allSatisfy(\.isEmpty)
        case .repeated(let values): return values.allSatisfy(\.isEmpty)
        }
    }
}
