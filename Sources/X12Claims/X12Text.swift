import Foundation

/// Turns free text into what the 837 carries: Latin letters without diacritics, upper case, restricted to the
/// X12 basic character set (`José Müller` → `JOSE MULLER`).
public enum X12Text {
    /// Transliterates to ASCII with Foundation, upper-cases, drops characters outside the basic set and
    /// collapses runs of spaces.
    public static func clean(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return transliterationCache.value(for: text) { restrictToBasic(transliterate($0)) }
        }
        return restrictToBasic(text)
    }

    /// Latin letters without diacritics, in ASCII (`Łukasz Straße` → `Lukasz Strasse`).
    static func transliterate(_ text: String) -> String {
        var latin = text.applyingTransform(.toLatin, reverse: false) ?? text
        latin = latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
        return latin.applyingTransform(StringTransform("Latin-ASCII"), reverse: false) ?? latin
    }

    /// Upper-cases ASCII letters, keeps the basic set, drops everything else, collapses and trims spaces.
    static func restrictToBasic(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for byte in text.utf8 {
            var character = byte
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) { character = byte - 32 }
            guard isBasic(character) else { continue }
            if character == UInt8(ascii: " ") {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            out.append(character)
        }
        while out.last == UInt8(ascii: " ") { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isBasic(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "),
             UInt8(ascii: "!"), UInt8(ascii: "\""), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// ICU transliteration is slow and the same names recur on every visit of a patient.
    private static let transliterationCache = TransliterationCache()

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

/// A bounded, thread-safe memo of transliterations (cleared when it reaches 50,000 entries).
private final class TransliterationCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: String] = [:]

    func value(for key: String, compute: (String) -> String) -> String {
        lock.lock()
        let known = entries[key]
        lock.unlock()
        if let known { return known }
        let value = compute(key)
        lock.lock()
        if entries.count >= 50_000 { entries.removeAll(keepingCapacity: true) }
        entries[key] = value
        lock.unlock()
        return value
    }
}
