import Foundation
import X12

/// A problem with one element or component of a segment, before it becomes a ``ValidationFinding``.
struct ElementIssue {
    var kind: ValidationFinding.Kind
    var code: String
    var element: Int
    var component: Int?
    var reference: String
    var value: String?
    var message: String
}

/// Checks a segment's elements against their definitions: usage, length, type, code values, patterns and
/// syntax notes. Works on the segment's bytes and builds strings only for code lookups and messages.
struct ElementValidator {
    let delimiters: Delimiters

    /// With `fixedWidth` (the ISA) values are padded: trailing spaces are padding, blank fields count as
    /// present, widths are the reader's business and ISA11/ISA16 are delimiters, not data.
    func validate(_ elements: [Element], segmentId: String, spec: SegmentSpec, fixedWidth: Bool = false) -> [ElementIssue] {
        var issues: [ElementIssue] = []
        let definitions = spec.elements
        if elements.count > definitions.count {
            let position = definitions.count + 1
            issues.append(ElementIssue(kind: .tooManyElements, code: "3", element: position, component: nil, reference: "",
                                       value: nil, message: "\(segmentId) has \(elements.count) elements; the guide defines \(definitions.count)"))
        }
        // A date-format qualifier (data element 1250, e.g. DTP02 D8/RD8) decides how element 1251 is read.
        var dateFormat: String?
        if spec.hasDateFormatQualifier {
            for (index, definition) in definitions.enumerated() where definition.reference == "1250" && index < elements.count {
                dateFormat = elements[index].text
            }
        }
        for (index, definition) in definitions.enumerated() {
            var bytes = index < elements.count ? elements[index].bytes : ArraySlice<UInt8>()
            if fixedWidth {
                if definition.position == 11 || definition.position == 16 { continue }
                while bytes.last == UInt8(ascii: " ") { bytes = bytes.dropLast() }
                if bytes.isEmpty && index < elements.count { continue }
                let trimmed = bytes
                let label = { segmentId + (definition.position < 10 ? "0" : "") + String(definition.position) }
                checkSimple(trimmed, definition: definition, element: definition.position, component: nil, label: label,
                            dateFormat: nil, checkLength: false, into: &issues)
                continue
            }
            let label = { segmentId + (definition.position < 10 ? "0" : "") + String(definition.position) }
            if let components = definition.components {
                checkComposite(bytes, definition: definition, components: components, label: label, into: &issues)
            } else {
                let format = definition.reference == "1251" ? dateFormat : nil
                checkSimple(bytes, definition: definition, element: definition.position, component: nil, label: label,
                            dateFormat: format, checkLength: true, into: &issues)
            }
        }
        for note in spec.syntax {
            checkSyntax(note, elements: elements, segmentId: segmentId, into: &issues)
        }
        return issues
    }

    private func checkComposite(_ bytes: ArraySlice<UInt8>, definition: ElementSpec, components: [ElementSpec], label: () -> String,
                                into issues: inout [ElementIssue]) {
        func name() -> String { "\(label()) (\(definition.name))" }
        if bytes.isEmpty {
            if definition.usage == .required {
                issues.append(issue(.requiredElementMissing, "1", definition, definition.position, nil, nil, "\(name()) is required but empty"))
            }
            return
        }
        if definition.usage == .notUsed || !definition.isDefined {
            issues.append(issue(.notUsedElementPresent, "I10", definition, definition.position, nil, text(bytes),
                                "\(name()) is not used in this guide but has a value"))
            return
        }
        // Walk the components in place (no array of parts).
        var start = bytes.startIndex
        var partCount = 1
        for byte in bytes where byte == delimiters.component { partCount += 1 }
        if partCount > components.count {
            issues.append(issue(.tooManyComponents, "13", definition, definition.position, components.count + 1, text(bytes),
                                "\(name()) has \(partCount) components; the guide defines \(components.count)"))
        }
        for (index, component) in components.enumerated() {
            var end = start
            while end < bytes.endIndex && bytes[end] != delimiters.component { end += 1 }
            let part = start <= bytes.endIndex ? bytes[start..<end] : ArraySlice<UInt8>()
            start = end < bytes.endIndex ? end + 1 : bytes.endIndex + 1
            func componentLabel() -> String { "\(label())-\(index + 1)" }
            if part.isEmpty {
                if component.usage == .required {
                    issues.append(issue(.requiredElementMissing, "1", component, definition.position, index + 1, nil,
                                        "\(componentLabel()) (\(component.name)) is required but empty"))
                }
                continue
            }
            checkSimple(part, definition: component, element: definition.position, component: index + 1, label: componentLabel,
                        dateFormat: nil, checkLength: true, into: &issues)
        }
    }

    private func checkSimple(_ bytes: ArraySlice<UInt8>, definition: ElementSpec, element: Int, component: Int?, label: () -> String,
                             dateFormat: String?, checkLength: Bool, into issues: inout [ElementIssue]) {
        func name() -> String { "\(label()) (\(definition.name))" }
        if bytes.isEmpty {
            if definition.usage == .required && component == nil {
                issues.append(issue(.requiredElementMissing, "1", definition, element, nil, nil, "\(name()) is required but empty"))
            }
            return
        }
        if definition.usage == .notUsed || !definition.isDefined {
            issues.append(issue(.notUsedElementPresent, "I10", definition, element, component, text(bytes),
                                "\(name()) is not used in this guide but has a value"))
            return
        }
        if component == nil, bytes.contains(delimiters.component) {
            issues.append(issue(.invalidCharacter, "6", definition, element, nil, text(bytes),
                                "\(name()) is a simple element but holds the component separator"))
            return
        }
        let type = definition.type
        var length = 0
        for byte in bytes where !(type.isNumeric && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."))) { length += 1 }
        if checkLength && length < definition.minLength {
            issues.append(issue(.elementTooShort, "4", definition, element, component, text(bytes),
                                "\(name()) is too short: '\(text(bytes))' has \(length) characters, at least \(definition.minLength) needed"))
        }
        if checkLength && length > definition.maxLength {
            issues.append(issue(.elementTooLong, "5", definition, element, component, text(bytes),
                                "\(name()) is too long: \(length) characters, at most \(definition.maxLength) allowed"))
        }
        switch type {
        case .alphanumeric, .identifier:
            if let bad = bytes.first(where: { !Self.isAllowedCharacter($0) }) {
                issues.append(issue(.invalidCharacter, "6", definition, element, component, text(bytes),
                                    "\(name()) contains a character outside the X12 character set (byte 0x\(String(bad, radix: 16)))"))
                return
            }
            if bytes.last == UInt8(ascii: " ") {
                var trimmed = bytes
                while trimmed.last == UInt8(ascii: " ") { trimmed = trimmed.dropLast() }
                if trimmed.count >= definition.minLength {
                    issues.append(issue(.invalidCharacter, "6", definition, element, component, text(bytes),
                                        "\(name()) has trailing spaces ('\(text(bytes))')"))
                }
            }
        case .integer, .impliedDecimal2:
            if !Self.isInteger(bytes) {
                issues.append(issue(.nonNumeric, "6", definition, element, component, text(bytes),
                                    "\(name()) must be a whole number, found '\(text(bytes))'"))
                return
            }
        case .decimal:
            if !Self.isDecimal(bytes) {
                issues.append(issue(.nonNumeric, "6", definition, element, component, text(bytes),
                                    "\(name()) must be a number such as 125.50, found '\(text(bytes))'"))
                return
            }
        case .date:
            if !DateTimeCheck.isValidDate(bytes) {
                issues.append(issue(.invalidDate, "8", definition, element, component, text(bytes),
                                    "\(name()) is not a valid date (CCYYMMDD): '\(text(bytes))'"))
                return
            }
        case .time:
            if !DateTimeCheck.isValidTime(bytes) {
                issues.append(issue(.invalidTime, "9", definition, element, component, text(bytes),
                                    "\(name()) is not a valid time (HHMM[SS[DD]]): '\(text(bytes))'"))
                return
            }
        case .binary:
            break
        }
        if let codes = definition.codes, let list = definition.codeList, !list.contains(bytes) {
            let sample = codes.count <= 12 ? ": expected one of " + codes.sorted().joined(separator: ", ") : ""
            issues.append(issue(.invalidCode, "7", definition, element, component, text(bytes),
                                "\(name()) has the code '\(text(bytes))', which the guide does not allow here\(sample)"))
            return
        }
        if let format = dateFormat, !DateTimeCheck.matches(bytes, format: format) {
            issues.append(issue(.invalidDate, "8", definition, element, component, text(bytes),
                                "\(name()) '\(text(bytes))' is not a valid \(format) value"))
            return
        }
        if let pattern = definition.pattern {
            let value = text(bytes)
            let range = NSRange(value.startIndex..<value.endIndex, in: value)
            if pattern.firstMatch(in: value, range: range) == nil {
                issues.append(issue(.patternMismatch, "I12", definition, element, component, value,
                                    "\(name()) '\(value)' does not have the form the guide requires (\(pattern.pattern))"))
            }
        }
    }

    private func checkSyntax(_ note: SyntaxNote, elements: [Element], segmentId: String, into issues: inout [ElementIssue]) {
        func present(_ position: Int) -> Bool { position <= elements.count && !elements[position - 1].isEmpty }
        func label(_ position: Int) -> String { segmentId + (position < 10 ? "0" : "") + String(position) }
        let presence = note.positions.map(present)
        let first = note.positions[0]
        switch note.kind {
        case .paired:
            if presence.contains(true), let missing = note.positions.first(where: { !present($0) }) {
                let others = note.positions.filter { $0 != missing }.map(label).joined(separator: ", ")
                issues.append(syntaxIssue(.conditionalElementMissing, "2", missing,
                                          "\(label(missing)) is required when \(others) is present (syntax rule \(note.text))"))
            }
        case .required:
            if !presence.contains(true) {
                issues.append(syntaxIssue(.conditionalElementMissing, "2", first,
                                          "at least one of \(note.positions.map(label).joined(separator: ", ")) is required (syntax rule \(note.text))"))
            }
        case .exclusion:
            if presence.filter({ $0 }).count > 1, let second = note.positions.filter(present).dropFirst().first {
                issues.append(syntaxIssue(.exclusionViolated, "10", second,
                                          "only one of \(note.positions.map(label).joined(separator: ", ")) may be present (syntax rule \(note.text))"))
            }
        case .conditional:
            if presence[0], let missing = note.positions.dropFirst().first(where: { !present($0) }) {
                issues.append(syntaxIssue(.conditionalElementMissing, "2", missing,
                                          "\(label(missing)) is required when \(label(first)) is present (syntax rule \(note.text))"))
            }
        case .listConditional:
            if presence[0], !presence.dropFirst().contains(true) {
                let others = note.positions.dropFirst().map(label).joined(separator: " or ")
                issues.append(syntaxIssue(.conditionalElementMissing, "2", note.positions[1],
                                          "\(others) is required when \(label(first)) is present (syntax rule \(note.text))"))
            }
        }
    }

    private func issue(_ kind: ValidationFinding.Kind, _ code: String, _ definition: ElementSpec, _ element: Int, _ component: Int?,
                       _ value: String?, _ message: String) -> ElementIssue {
        ElementIssue(kind: kind, code: code, element: element, component: component, reference: definition.reference,
                     value: value, message: message)
    }

    private func syntaxIssue(_ kind: ValidationFinding.Kind, _ code: String, _ element: Int, _ message: String) -> ElementIssue {
        ElementIssue(kind: kind, code: code, element: element, component: nil, reference: "", value: nil, message: message)
    }

    private func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The 5010 extended character set: letters, digits, space and `!"&'()*+,-./:;?=%~@[]_{}\|<>^`#$`, which
    /// together are exactly the printable ASCII range.
    static func isAllowedCharacter(_ byte: UInt8) -> Bool { byte >= 0x20 && byte <= 0x7E }

    static func isInteger(_ bytes: some Collection<UInt8>) -> Bool {
        var digits = bytes[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    static func isDecimal(_ bytes: some Collection<UInt8>) -> Bool {
        var rest = bytes[...]
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        var digits = 0
        var seenPoint = false
        var digitsAfterPoint = 0
        for byte in rest {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return false }
                seenPoint = true
            } else if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                if seenPoint { digitsAfterPoint += 1 }
            } else {
                return false
            }
        }
        return digits > 0 && (!seenPoint || digitsAfterPoint > 0)
    }
}
