import Foundation

/// Turns free text into what the 837 carries: Latin letters without diacritics, upper case, restricted to the
/// X12 basic character set (`José Müller` → `JOSE MULLER`).
public enum X12Text {
    /// The basic character set besides letters and digits.
    static let basicPunctuation = Set("!\"&'()*+,-./:;?= ")

    /// Transliterates to ASCII with Foundation, upper-cases, drops characters outside the basic set and
    /// collapses runs of spaces.
    public static func clean(_ text: String) -> String {
        var latin = text.applyingTransform(.toLatin, reverse: false) ?? text
        latin = latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
        latin = latin.applyingTransform(StringTransform("Latin-ASCII"), reverse: false) ?? latin
        var out = ""
        out.reserveCapacity(latin.utf8.count)
        var lastWasSpace = true
        for character in latin.uppercased() {
            let allowed = character.isASCII && (character.isLetter || character.isNumber || basicPunctuation.contains(character))
            guard allowed else { continue }
            if character == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            out.append(character)
        }
        while out.last == " " { out.removeLast() }
        return out
    }

    /// Whether cleaning is needed at all: plain upper-case ASCII in the basic set passes through untouched
    /// (the fast path for the common case).
    static func isClean(_ text: String) -> Bool {
        var previousSpace = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousSpace = false
            case UInt8(ascii: " "):
                if previousSpace { return false }
                previousSpace = true
            case UInt8(ascii: "!"), UInt8(ascii: "\""), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"),
                 UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "="):
                previousSpace = false
            default:
                return false
            }
        }
        return !previousSpace || text.isEmpty
    }

    /// ``clean(_:)`` with the fast path.
    static func normalized(_ text: String) -> String { isClean(text) ? text : clean(text) }

    /// The first delimiter character of the standard set (`*`, `:`, `^`, `~`) found in `text`.
    static func delimiter(in text: String) -> Character? {
        text.first { $0 == "*" || $0 == ":" || $0 == "^" || $0 == "~" }
    }
}
