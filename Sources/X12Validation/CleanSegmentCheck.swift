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
    private let hasDateFormat: Bool

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
            return Rule(usage: definition.usage, type: definition.type, minLength: definition.minLength, maxLength: definition.maxLength,
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
        for index in elements.indices {
            let bytes = fields[index + 1]
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
        for note in syntax where !isSatisfied(note, fields) { return false }
        return true
    }

    private func isCleanComposite(_ bytes: FieldBytes, rule: Rule, separator: UInt8) -> Bool {
        if bytes.isEmpty { return rule.usage != .required }
        if rule.usage == .notUsed || !rule.isDefined { return false }
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

    private func isCleanSimple(_ bytes: FieldBytes, rule: Rule, isComponent: Bool, dateFormat: FieldBytes?,
                               separator: UInt8) -> Bool {
        if bytes.isEmpty { return isComponent || rule.usage != .required }
        if rule.usage == .notUsed || !rule.isDefined { return false }
        let numeric = rule.type.isNumeric
        var length = 0
        for byte in bytes {
            if byte == separator && !isComponent { return false }
            if !(numeric && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."))) { length += 1 }
        }
        if length < rule.minLength || length > rule.maxLength { return false }
        switch rule.type {
        case .alphanumeric, .identifier:
            for byte in bytes where !ElementValidator.isAllowedCharacter(byte) { return false }
            // Trailing spaces are judged by ElementValidator (allowed only as padding of a short value).
            if bytes.last == UInt8(ascii: " ") { return false }
        case .integer, .impliedDecimal2:
            if !ElementValidator.isInteger(bytes) { return false }
        case .decimal:
            if !ElementValidator.isDecimal(bytes) { return false }
        case .date:
            if !DateTimeCheck.isValidDate(bytes) { return false }
        case .time:
            if !DateTimeCheck.isValidTime(bytes) { return false }
        case .binary:
            break
        }
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
