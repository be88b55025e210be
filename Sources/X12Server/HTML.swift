import X12Output

/// Server-rendered HTML built by appending: markup only from string literals, everything else escaped.
///
/// Markup can only come from `StaticString`s written in this module, and every runtime value goes
/// through ``escape(_:)``, so text from an uploaded file (a segment holding `<script>`) always renders
/// as text and can never become markup.
///
/// ```swift
/// var html = HTML()
/// html.element("td", class: "id", text: segment.id)   // <td class="id">NM1</td>
/// ```
struct HTML: Sendable {
    /// The document so far.
    private(set) var output = ""

    /// Appends markup written in the source code.
    mutating func raw(_ markup: StaticString) {
        output += markup.description
    }

    /// Appends runtime text, escaped for element content and quoted attribute values alike.
    mutating func text(_ value: String) {
        output += HTML.escape(value)
    }

    /// Appends a number.
    mutating func number(_ value: Int) {
        output += String(value)
    }

    /// Appends another fragment built the same way.
    mutating func append(_ fragment: HTML) {
        output += fragment.output
    }

    /// Appends `<tag>text</tag>`, or `<tag class="class">text</tag>`.
    mutating func element(_ tag: StaticString, class className: StaticString? = nil, text value: String) {
        output += "<" + tag.description
        if let className { output += " class=\"" + className.description + "\"" }
        output += ">"
        text(value)
        output += "</" + tag.description + ">"
    }

    /// Replaces the five characters that are special in HTML text and attributes.
    static func escape(_ value: String) -> String {
        // One escaping rule for every HTML the toolkit writes: the output layer's.
        HTMLText.escape(value)
    }
}
