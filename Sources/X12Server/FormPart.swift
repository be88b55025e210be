/// One field of a submitted form: its name, and for an uploaded file its file name and type.
struct FormPart: Sendable, Equatable {
    /// The field name (`file`, `text`).
    var name: String
    /// The file name the browser sent for a file field.
    var fileName: String?
    /// The part's own `Content-Type`, when given.
    var contentType: String?
    /// The field's value or the file's bytes.
    var body: [UInt8]
}

/// Why a submitted form could not be read; the message is shown to the person who sent it.
struct FormError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A sentence saying what was wrong with the request.
    var message: String

    var description: String { message }
}
