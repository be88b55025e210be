import X12

/// One segment's fields as the 835 parser reads them: the core `FieldView` (element boundaries found
/// once, bytes borrowed) plus the conversions a remittance record needs: text, amounts, quantities,
/// procedure composites, and errors that name the element.
///
/// The parser makes one for each segment inside `Segment.withFields(_:)`, so reading an element costs no
/// allocation and no reference counting; a `String` is built only for the values a record keeps.
struct RemittanceFields {
    /// The segment's fields, borrowed for the parser's call.
    let view: FieldView
    let delimiters: Delimiters
    /// Position within the transaction set (ST = 1).
    let index: Int

    /// The segment id (`CLP`), for messages.
    var id: String {
        String(decoding: view.id, as: UTF8.self)
    }

    /// Which 835 segment this is, `nil` for ids the parser does not act on.
    var segmentId: RemittanceSegmentId? {
        let id = view.id
        guard id.count >= 2, id.count <= 3 else { return nil }
        var packed: UInt32 = 0
        for byte in id { packed = packed << 8 | UInt32(byte) }
        return RemittanceSegmentId(rawValue: packed)
    }

    /// The bytes of element `n` (1-based), `nil` when the segment has fewer elements.
    func bytes(_ n: Int) -> UnsafeBufferPointer<UInt8>? {
        view.has(n) ? UnsafeBufferPointer(rebasing: view[n]) : nil
    }

    /// Whether element `n` equals `value` (`"HE"`), without building a `String`.
    func has(_ n: Int, _ value: StaticString) -> Bool {
        guard let element = bytes(n), element.count == value.utf8CodeUnitCount else { return false }
        return value.withUTF8Buffer { wanted in
            for offset in 0..<wanted.count where element[offset] != wanted[offset] { return false }
            return true
        }
    }

    /// Every element as text, element 1 first.
    var texts: [String] {
        (0..<view.count).map { text($0 + 1) }
    }

    /// Element `n` (1-based) as text, `""` when absent.
    func text(_ n: Int) -> String {
        bytes(n).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Element `n` as text, `nil` when absent or empty.
    func optional(_ n: Int) -> String? {
        guard let element = bytes(n), !element.isEmpty else { return nil }
        return String(decoding: element, as: UTF8.self)
    }

    /// Whether element `n` is absent or empty.
    func isEmpty(_ n: Int) -> Bool {
        bytes(n)?.isEmpty ?? true
    }

    /// The components of element `n` (empty when absent).
    func components(_ n: Int) -> [String] {
        guard !isEmpty(n) else { return [] }
        var result: [String] = []
        while let component = view.component(result.count + 1, of: n, separator: delimiters.component) {
            result.append(String(decoding: component, as: UTF8.self))
        }
        return result
    }

    /// A procedure composite (C003: qualifier, code, modifiers 3-6, description 7) read from element `n`;
    /// empty parts are `nil`, empty modifiers are left out.
    func procedure(_ n: Int) -> (qualifier: String?, code: String?, modifiers: [String]) {
        var qualifier: String?
        var code: String?
        var modifiers: [String] = []
        for position in 1...6 {
            guard let component = view.component(position, of: n, separator: delimiters.component) else { break }
            guard !component.isEmpty else { continue }
            let text = String(decoding: component, as: UTF8.self)
            switch position {
            case 1: qualifier = text
            case 2: code = text
            default: modifiers.append(text)
            }
        }
        return (qualifier, code, modifiers)
    }

    /// A required `R` amount.
    func requiredAmount(_ n: Int, name: @autoclosure () -> String) throws(FieldError) -> Money {
        guard let amount = try optionalAmount(n, name: name()) else {
            throw error(.invalidValue, "\(name()) is missing", element: n)
        }
        return amount
    }

    /// An optional `R` amount: `nil` when empty, an error when present but not a decimal number.
    func optionalAmount(_ n: Int, name: @autoclosure () -> String) throws(FieldError) -> Money? {
        guard let element = bytes(n), !element.isEmpty else { return nil }
        guard let amount = Money(bytes: element) else {
            throw error(.invalidValue, "\(name()) '\(String(decoding: element, as: UTF8.self))' is not a decimal amount", element: n)
        }
        return amount
    }

    /// An optional `R` quantity, kept as text once checked.
    func quantity(_ n: Int, name: @autoclosure () -> String) throws(FieldError) -> String? {
        guard let element = bytes(n), !element.isEmpty else { return nil }
        let text = String(decoding: element, as: UTF8.self)
        guard Money(bytes: element) != nil else {
            throw error(.invalidValue, "\(name()) '\(text)' is not a decimal number", element: n)
        }
        return text
    }

    /// An error at this segment (and optionally one element).
    func error(_ kind: X12Error.Kind, _ message: String, element: Int? = nil) -> FieldError {
        FieldError(kind: kind, message: message, element: element)
    }
}

/// A fault found while reading a segment's fields; the parser gives it the segment's position.
struct FieldError: Error {
    var kind: X12Error.Kind
    var message: String
    /// 1-based element position, when one element is at fault.
    var element: Int?
}
