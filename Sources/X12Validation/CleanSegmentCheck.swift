import Foundation
import X12

/// A fast yes/no answer to "does this segment pass every element check of its place in the guide?",
/// computed on the segment's bytes without building elements, strings or issues.
///
/// It mirrors ``ElementValidator`` and is conservative: it may answer "no" for a segment that turns out clean
/// (trailing spaces, for one), never "yes" for one with a problem. The validator runs ``ElementValidator`` only
/// for segments answered "no", so findings and their messages come from one place.
/// Immutable once built (the regular expressions are only matched), so it can be shared across threads.
final class CleanSegmentCheck: @unchecked Sendable {
    /// One element or component definition as plain values (no references, nothing to retain).
    private struct Rule: Sendable {
        var usage: Usage
        /// Not used in the guide, or a position the spec does not define: any value is a finding.
        var isForbidden: Bool
        var type: DataType
        var minLength: Int
        var maxLength: Int
        var isDefined: Bool
        /// Index into `codeLists`, or -1.
        var codeList: Int
        /// Index into `patterns`, or -1.
        var pattern: Int
        /// Data element 1250: the date-format qualifier.
        var isDateFormat: Bool
        /// Data element 1251: a date read per the qualifier.
        var isFormattedDate: Bool
        /// First component in `components` and how many; -1/0 for a simple element.
        var firstComponent: Int
        var componentCount: Int
    }

    private let elements: [Rule]
    private let components: [Rule]
    private let codeLists: [CodeList]
    private let patterns: [NSRegularExpression]
    private let syntax: [SyntaxNote]
    /// The syntax notes as bit masks of element positions, when every position fits in 63 bits.
    private let syntaxMasks: [SyntaxMask]?
    private let hasDateFormat: Bool

    /// A syntax note as masks: bit `n` stands for element `n`.
    private struct SyntaxMask: Sendable {
        var kind: SyntaxNote.Kind
        var all: UInt64
        var first: UInt64
        var rest: UInt64
    }

    init(elements definitions: [ElementSpec], syntax: [SyntaxNote]) {
        var tables = Tables()
        var elements: [Rule] = []
        var components: [Rule] = []
        for definition in definitions {
            var rule = tables.rule(definition)
            if let parts = definition.components {
                rule.firstComponent = components.count
                rule.componentCount = parts.count
                for part in parts { components.append(tables.rule(part)) }
            }
            elements.append(rule)
        }
        self.elements = elements
        self.components = components
        codeLists = tables.codeLists
        patterns = tables.patterns
        self.syntax = syntax
        hasDateFormat = definitions.contains { $0.reference == "1250" }
        syntaxMasks = Self.masks(for: syntax, elementCount: definitions.count)
    }

    /// The notes as masks, or `nil` when a position is out of range or repeated (then they are checked one by one).
    private static func masks(for notes: [SyntaxNote], elementCount: Int) -> [SyntaxMask]? {
        guard elementCount <= 62 else { return nil }
        var masks: [SyntaxMask] = []
        for note in notes {
            var all: UInt64 = 0
            for position in note.positions {
                guard position >= 1 && position <= 62, all & (1 << position) == 0 else { return nil }
                all |= 1 << position
            }
            let first: UInt64 = 1 << note.positions[0]
            masks.append(SyntaxMask(kind: note.kind, all: all, first: first, rest: all & ~first))
        }
        return masks
    }

    /// Code lists and patterns collected while turning definitions into rules.
    private struct Tables {
        var codeLists: [CodeList] = []
        var patterns: [NSRegularExpression] = []

        mutating func rule(_ definition: ElementSpec) -> Rule {
            var codeList = -1
            if definition.codes != nil, let list = definition.codeList {
                codeList = codeLists.count
                codeLists.append(list)
            }
            var pattern = -1
            if let expression = definition.pattern {
                pattern = patterns.count
                patterns.append(expression)
            }
            return Rule(usage: definition.usage, isForbidden: definition.usage == .notUsed || !definition.isDefined, type: definition.type, minLength: definition.minLength, maxLength: definition.maxLength,
                        isDefined: definition.isDefined, codeList: codeList, pattern: pattern,
                        isDateFormat: definition.reference == "1250", isFormattedDate: definition.reference == "1251",
                        firstComponent: -1, componentCount: 0)
        }
    }

    /// Whether ``ElementValidator/validate(_:segmentId:spec:fixedWidth:)`` would find nothing in the segment.
    func isClean(_ fields: FieldView, delimiters: Delimiters) -> Bool {
        let count = fields.count
        guard count <= elements.count else { return false }
        var dateFormat: FieldBytes?
        if hasDateFormat {
            for index in elements.indices where elements[index].isDateFormat && index < count { dateFormat = fields[index + 1] }
        }
        var present: UInt64 = 0
        for index in elements.indices {
            let bytes = fields[index + 1]
            if bytes.isEmpty {
                // Only a required simple element or composite can be missing.
                if elements[index].usage == .required { return false }
                continue
            }
            if index < 62 { present |= 1 << (index + 1) }
            let rule = elements[index]
            if rule.firstComponent >= 0 {
                guard isCleanComposite(bytes, rule: rule, separator: delimiters.component) else { return false }
            } else {
                let format = rule.isFormattedDate ? dateFormat : nil
                guard isCleanSimple(bytes, rule: rule, isComponent: false, dateFormat: format, separator: delimiters.component) else {
                    return false
                }
            }
        }
        guard let syntaxMasks else {
            for note in syntax where !isSatisfied(note, fields) { return false }
            return true
        }
        for mask in syntaxMasks {
            let set = present & mask.all
            switch mask.kind {
            case .paired: if set != 0 && set != mask.all { return false }
            case .required: if set == 0 { return false }
            case .exclusion: if set.nonzeroBitCount > 1 { return false }
            case .conditional: if present & mask.first != 0 && present & mask.rest != mask.rest { return false }
            case .listConditional: if present & mask.first != 0 && present & mask.rest == 0 { return false }
            }
        }
        return true
    }

    private func isCleanComposite(_ bytes: FieldBytes, rule: Rule, separator: UInt8) -> Bool {
        if rule.isForbidden { return false }
        var parts = 1
        for byte in bytes where byte == separator { parts += 1 }
        if parts > rule.componentCount { return false }
        var start = bytes.startIndex
        for offset in 0..<rule.componentCount {
            let component = components[rule.firstComponent + offset]
            var end = start
            while end < bytes.endIndex && bytes[end] != separator { end += 1 }
            let part = start <= bytes.endIndex ? bytes[start..<end] : bytes[bytes.endIndex..<bytes.endIndex]
            start = end < bytes.endIndex ? end + 1 : bytes.endIndex + 1
            if part.isEmpty {
                if component.usage == .required { return false }
                continue
            }
            guard isCleanSimple(part, rule: component, isComponent: true, dateFormat: nil, separator: separator) else { return false }
        }
        return true
    }

    /// Checks a non-empty simple element or component in one pass per type.
    private func isCleanSimple(_ bytes: FieldBytes, rule: Rule, isComponent: Bool, dateFormat: FieldBytes?,
                               separator: UInt8) -> Bool {
        if rule.isForbidden { return false }
        // A simple element must not hold the component separator; a component cannot (it was split on it).
        let forbiddenByte = isComponent ? nil : separator
        let length: Int
        switch rule.type {
        case .alphanumeric, .identifier:
            for byte in bytes where !ElementValidator.isAllowedCharacter(byte) || byte == forbiddenByte { return false }
            // Trailing spaces are judged by ElementValidator (allowed only as padding of a short value).
            if bytes.last == UInt8(ascii: " ") { return false }
            length = bytes.count
        case .integer, .impliedDecimal2, .decimal:
            // Digits with an optional leading minus (and for R one decimal point followed by a digit); the length
            // counts digits only.
            var digits = 0
            var seenPoint = false
            var digitsAfterPoint = 0
            var index = bytes.startIndex
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte >= 0x30 && byte <= 0x39 {
                    digits += 1
                    if seenPoint { digitsAfterPoint += 1 }
                } else if byte == UInt8(ascii: "."), rule.type == .decimal, !seenPoint {
                    seenPoint = true
                } else {
                    return false
                }
                index += 1
            }
            if digits == 0 || (seenPoint && digitsAfterPoint == 0) { return false }
            length = digits
        case .date:
            if !DateTimeCheck.isValidDate(bytes) { return false }
            length = bytes.count
        case .time:
            if !DateTimeCheck.isValidTime(bytes) { return false }
            length = bytes.count
        case .binary:
            for byte in bytes where byte == forbiddenByte { return false }
            length = bytes.count
        }
        if length < rule.minLength || length > rule.maxLength { return false }
        if rule.codeList >= 0, !codeLists[rule.codeList].contains(bytes) { return false }
        if let dateFormat, !DateTimeCheck.matches(bytes, format: dateFormat) { return false }
        if rule.pattern >= 0 {
            let value = String(decoding: bytes, as: UTF8.self)
            let range = NSRange(value.startIndex..<value.endIndex, in: value)
            if patterns[rule.pattern].firstMatch(in: value, range: range) == nil { return false }
        }
        return true
    }

    /// Whether a syntax note (P, R, E, C, L) holds.
    private func isSatisfied(_ note: SyntaxNote, _ fields: FieldView) -> Bool {
        func present(_ position: Int) -> Bool { fields.has(position) && !fields[position].isEmpty }
        let positions = note.positions
        switch note.kind {
        case .paired:
            let any = positions.contains(where: present)
            return !any || positions.allSatisfy(present)
        case .required:
            return positions.contains(where: present)
        case .exclusion:
            return positions.count { present($0) } <= 1
        case .conditional:
            return !present(positions[0]) || positions.dropFirst().allSatisfy(present)
        case .listConditional:
            return !present(positions[0]) || positions.dropFirst().contains(where: present)
        }
    }
}
