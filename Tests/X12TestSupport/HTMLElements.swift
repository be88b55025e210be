import Foundation

/// Reads the elements of an HTML document the renderers write, for tests that read a form back through its
/// `data-*` attributes: every element with its attributes, its text (entities decoded) and its ancestors.
public struct HTMLElement: Sendable {
    /// The tag name.
    public var tag: String
    /// Attributes, values decoded.
    public var attributes: [String: String]
    /// The element's text content (its descendants' text, concatenated).
    public var text: String
    /// Indexes of the enclosing elements in ``HTMLElements/parse(_:)``'s result, outermost first.
    public var ancestors: [Int]
}

public enum HTMLElements {
    private static let voidTags: Set<String> = ["meta", "br", "link", "img", "hr", "input"]

    /// Every element in document order. Comments, the doctype and `style`/`script` bodies are skipped.
    public static func parse(_ html: String) -> [HTMLElement] {
        var elements: [HTMLElement] = []
        var stack: [Int] = []
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var text = ""
        func flushText() {
            guard !text.isEmpty else { return }
            let decoded = decode(text)
            for open in stack { elements[open].text += decoded }
            text = ""
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<" else {
                text.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            flushText()
            var end = index
            while end < scalars.count && scalars[end] != ">" { end += 1 }
            let tagText = String(String.UnicodeScalarView(scalars[(index + 1)..<min(end, scalars.count)]))
            index = end + 1
            if tagText.hasPrefix("!") { continue }
            if tagText.hasPrefix("/") {
                let name = tagText.dropFirst().trimmingCharacters(in: .whitespaces).lowercased()
                if let position = stack.lastIndex(where: { elements[$0].tag == name }) { stack.removeSubrange(position...) }
                continue
            }
            let (name, attributes) = tagAndAttributes(tagText)
            elements.append(HTMLElement(tag: name, attributes: attributes, text: "", ancestors: stack))
            if name == "style" || name == "script" {
                let closing = Array("</\(name)".unicodeScalars)
                var search = index
                while search + closing.count <= scalars.count && Array(scalars[search..<(search + closing.count)]) != closing { search += 1 }
                index = search
                continue
            }
            if !voidTags.contains(name) && !tagText.hasSuffix("/") { stack.append(elements.count - 1) }
        }
        flushText()
        return elements
    }

    private static func tagAndAttributes(_ text: String) -> (String, [String: String]) {
        let name = String(text.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
        var attributes: [String: String] = [:]
        let pattern = #/([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*"([^"]*)")?/#
        for match in text.dropFirst(name.count).matches(of: pattern) {
            attributes[String(match.1).lowercased()] = decode(String(match.2 ?? ""))
        }
        return (name, attributes)
    }

    /// Decodes the character references the renderers write.
    public static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
