/// Reads `multipart/form-data` bodies (RFC 7578), the encoding browsers use for file uploads.
///
/// A body is a sequence of parts separated by `--boundary` lines; each part has MIME headers, a blank
/// line and its bytes. Only the headers a form sends are read (`Content-Disposition` for the field and
/// file name, `Content-Type`); part bodies are kept as bytes, never decoded.
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
    /// - Throws: ``FormError`` when the body does not start with the boundary, a part has no header
    ///   block, or the closing boundary is missing (an upload cut short).
    static func parts(of body: [UInt8], boundary: String) throws(FormError) -> [FormPart] {
        let dashBoundary = Array(("--" + boundary).utf8)
        let delimiter = [0x0D, 0x0A] + dashBoundary
        guard var cursor = firstIndex(of: dashBoundary, in: body, from: 0) else {
            throw FormError(message: "the upload is not multipart form data with the boundary its Content-Type declares")
        }
        cursor += dashBoundary.count
        var parts: [FormPart] = []
        while true {
            if hasPrefix([0x2D, 0x2D], in: body, at: cursor) { return parts }
            // Skip transport padding and the line break after the boundary.
            while cursor < body.count, body[cursor] == 0x20 || body[cursor] == 0x09 { cursor += 1 }
            guard hasPrefix([0x0D, 0x0A], in: body, at: cursor) else {
                throw FormError(message: "the upload ends inside a form field (closing boundary missing)")
            }
            cursor += 2
            guard let headerEnd = firstIndex(of: [0x0D, 0x0A, 0x0D, 0x0A], in: body, from: cursor) else {
                throw FormError(message: "a form field in the upload has no header block")
            }
            let headers = String(decoding: body[cursor..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let contentEnd = firstIndex(of: delimiter, in: body, from: contentStart) else {
                throw FormError(message: "the upload ends inside a form field (closing boundary missing)")
            }
            parts.append(try part(headers: headers, body: Array(body[contentStart..<contentEnd])))
            cursor = contentEnd + delimiter.count
        }
    }

    private static func part(headers: String, body: [UInt8]) throws(FormError) -> FormPart {
        var name: String?
        var fileName: String?
        var contentType: String?
        for line in headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: " \t").lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            switch key {
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
        return FormPart(name: name, fileName: fileName, contentType: contentType, body: body)
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

    private static func hasPrefix(_ prefix: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }

    /// The first index at or after `start` where `needle` occurs in `bytes`.
    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        let last = bytes.count - needle.count
        var index = start
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            while index <= last {
                if buffer[index] == first {
                    var offset = 1
                    while offset < needle.count, buffer[index + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return index }
                }
                index += 1
            }
            return nil
        }
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
