/// The X12 a person submitted: the bytes and the name to show for them.
struct Upload: Sendable {
    /// The uploaded file's name, or a description of where the text came from.
    var fileName: String
    /// The X12 bytes.
    var bytes: [UInt8]

    /// Picks the X12 out of a request body according to its content type.
    ///
    /// `multipart/form-data` takes the `file` field, or the `text` field when no file was chosen;
    /// `application/x-www-form-urlencoded` takes the `text` field; any other type is the X12 itself.
    ///
    /// - Throws: ``FormError`` when the form is malformed or holds neither a file nor text.
    static func from(contentType: String?, body: [UInt8]) throws(FormError) -> Upload {
        let type = contentType ?? ""
        let mediaType = type.split(separator: ";").first.map { $0.trimmingCharacters(in: " \t").lowercased() } ?? ""
        if mediaType == "multipart/form-data" {
            guard let boundary = MultipartFormData.boundary(contentType: type) else {
                throw FormError(message: "the upload says multipart/form-data but gives no boundary")
            }
            let parts = try MultipartFormData.parts(of: body, boundary: boundary)
            if let file = parts.first(where: { $0.name == "file" && !$0.body.isEmpty }) {
                let name = file.fileName.flatMap { $0.isEmpty ? nil : $0 } ?? "uploaded file"
                return Upload(fileName: name, bytes: file.body)
            }
            if let text = parts.first(where: { $0.name == "text" && !isBlank($0.body) }) {
                return Upload(fileName: "pasted text", bytes: text.body)
            }
            throw FormError(message: "no X12 was sent: choose a file (field 'file') or paste the text (field 'text')")
        }
        if mediaType == "application/x-www-form-urlencoded" {
            let fields = URLEncodedFormFields.fields(of: body)
            if let text = fields.first(where: { $0.name == "text" && !isBlank($0.value) }) {
                return Upload(fileName: "pasted text", bytes: text.value)
            }
            throw FormError(message: "no X12 was sent: the form field 'text' is missing or empty")
        }
        guard !isBlank(body) else {
            throw FormError(message: "no X12 was sent: the request body is empty")
        }
        return Upload(fileName: "request body", bytes: body)
    }

    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
