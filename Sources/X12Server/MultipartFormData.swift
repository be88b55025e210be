import MultipartKit

/// Reads `multipart/form-data` bodies (RFC 7578), the encoding browsers use for file uploads.
///
/// The framing (boundaries, header blocks, part bodies) is read by MultipartKit's `MultipartParser`. Two things
/// stay here because MultipartKit leaves them out: telling a cut-off upload from a complete one (its parser
/// has no end-of-input check), and reading quoted `Content-Disposition` parameters (its parameter helper is
/// internal and splits a file name such as `a=b; c.x12` at every `=` and `;`). Part bodies are kept as
/// bytes, never decoded.
enum MultipartFormData {
    /// The boundary parameter of a `multipart/form-data` content type, or `nil` for any other type.
    static func boundary(contentType: String) -> String? {
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: " \t") }
        guard let type = parameters.first, type.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let key = parameter[..<equals].trimmingCharacters(in: " \t").lowercased()
            guard key == "boundary" else { continue }
            var value = parameter[parameter.index(after: equals)...].trimmingCharacters(in: " \t")
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Splits `body` into its parts.
    ///
    /// - Throws: ``FormError`` when the body does not start with the boundary, a header block is malformed or a
    ///   part has no name, or the closing boundary is missing (an upload cut short).
    static func parts(of body: [UInt8], boundary: String) throws(FormError) -> [FormPart] {
        let collector = PartCollector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name: name, value: value) }
        parser.onBody = { buffer in collector.body(buffer.readBytes(length: buffer.readableBytes) ?? []) }
        parser.onPartComplete = { collector.complete() }
        do {
            try parser.execute(body)
        } catch {
            throw FormError(message: "a form field in the upload has a malformed header block")
        }
        guard collector.started || Self.contains(Array("--\(boundary)".utf8), in: body) else {
            throw FormError(message: "the upload is not multipart form data with the boundary its Content-Type declares")
        }
        // The parser stops reading at the closing `--boundary--`; without it the last part may be cut short.
        guard collector.isOpenPartEmpty, Self.contains(Array("--\(boundary)--".utf8), in: body) else {
            throw FormError(message: "the upload ends inside a form field (closing boundary missing)")
        }
        return try collector.parts.map { part throws(FormError) in try Self.formPart(part) }
    }

    private static func formPart(_ part: PartCollector.Part) throws(FormError) -> FormPart {
        var name: String?
        var fileName: String?
        var contentType: String?
        for (key, value) in part.headers {
            switch key.lowercased() {
            case "content-disposition":
                let parameters = dispositionParameters(value)
                name = parameters["name"]
                fileName = parameters["filename"]
            case "content-type":
                contentType = value
            default:
                continue
            }
        }
        guard let name else {
            throw FormError(message: "a form field in the upload has no name (Content-Disposition without name=)")
        }
        return FormPart(name: name, fileName: fileName, contentType: contentType, body: part.body)
    }

    /// `form-data; name="file"; filename="a.x12"` → `["name": "file", "filename": "a.x12"]`.
    static func dispositionParameters(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        var characters = Substring(value)
        // The disposition type itself comes first.
        guard let firstSemicolon = characters.firstIndex(of: ";") else { return result }
        characters = characters[characters.index(after: firstSemicolon)...]
        while !characters.isEmpty {
            characters = characters.drop(while: { $0 == " " || $0 == "\t" || $0 == ";" })
            guard let equals = characters.firstIndex(of: "=") else { break }
            let key = characters[..<equals].trimmingCharacters(in: " \t").lowercased()
            characters = characters[characters.index(after: equals)...]
            var parameterValue = ""
            if characters.first == "\"" {
                characters = characters.dropFirst()
                while let character = characters.first {
                    characters = characters.dropFirst()
                    if character == "\"" { break }
                    if character == "\\", let escaped = characters.first {
                        parameterValue.append(escaped)
                        characters = characters.dropFirst()
                    } else {
                        parameterValue.append(character)
                    }
                }
            } else {
                let end = characters.firstIndex(of: ";") ?? characters.endIndex
                parameterValue = characters[..<end].trimmingCharacters(in: " \t")
                characters = characters[end...]
            }
            result[key] = parameterValue
        }
        return result
    }

    /// Whether `needle` occurs in `bytes`.
    private static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            (0...(buffer.count - needle.count)).contains { start in
                buffer[start] == needle[0] && buffer[start..<(start + needle.count)].elementsEqual(needle)
            }
        }
    }
}

/// Gathers MultipartKit's parser callbacks into whole parts.
private final class PartCollector {
    struct Part {
        var headers: [(String, String)] = []
        var body: [UInt8] = []
    }

    private(set) var parts: [Part] = []
    private var open = Part()
    private var openHasContent = false
    /// Whether the parser found the first boundary and began a part.
    private(set) var started = false

    /// Whether nothing was read after the last complete part.
    var isOpenPartEmpty: Bool { !openHasContent }

    func header(name: String, value: String) {
        started = true
        openHasContent = true
        open.headers.append((name, value))
    }

    func body(_ bytes: [UInt8]) {
        started = true
        openHasContent = true
        open.body += bytes
    }

    func complete() {
        started = true
        parts.append(open)
        open = Part()
        openHasContent = false
    }
}

extension StringProtocol {
    /// The text without the given leading and trailing characters.
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        let trimmedStart = drop(while: { characters.contains($0) })
        var end = trimmedStart.endIndex
        while end > trimmedStart.startIndex {
            let before = trimmedStart.index(before: end)
            guard characters.contains(trimmedStart[before]) else { break }
            end = before
        }
        return String(trimmedStart[..<end])
    }
}
