/// HTML built by appending, for the paper views: markup only from string literals in this module, every
/// runtime value escaped (element text and quoted attribute values alike), so a value read from a file
/// (a name holding `<script>`) always renders as text.
///
/// ```swift
/// var html = HTMLText()
/// html.raw("<span data-box=\"2\">")
/// html.text("DOE, JANE")        // escaped
/// html.raw("</span>")
/// ```
public struct HTMLText: Sendable {
    /// The document so far.
    public private(set) var output = ""

    /// Creates an empty document.
    public init() {}

    /// Appends markup written in the source code.
    public mutating func raw(_ markup: StaticString) {
        output += markup.description
    }

    /// Appends runtime text, escaped.
    public mutating func text(_ value: String) {
        output += HTMLText.escape(value)
    }

    /// Appends a number (positions and sizes computed by the layout, never input text).
    public mutating func number(_ value: Double) {
        let rounded = (value * 1000).rounded() / 1000
        output += rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Appends an integer.
    public mutating func number(_ value: Int) {
        output += String(value)
    }

    /// Appends ` name="value"` with the value escaped.
    public mutating func attribute(_ name: StaticString, _ value: String) {
        output += " " + name.description + "=\""
        text(value)
        output += "\""
    }

    /// Appends `<tag class="className">text</tag>`.
    public mutating func element(_ tag: StaticString, class className: StaticString, text value: String) {
        output += "<" + tag.description + " class=\"" + className.description + "\">"
        text(value)
        output += "</" + tag.description + ">"
    }

    /// Appends another document built the same way.
    public mutating func append(_ other: HTMLText) {
        output += other.output
    }

    /// `value` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    public static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return value
        }
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count + 16)
        for character in value.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
