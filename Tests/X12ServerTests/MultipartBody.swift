import Hummingbird

/// Builds multipart/form-data request bodies the way a browser does.
enum MultipartBody {
    struct Field {
        var name: String
        var fileName: String?
        var bytes: [UInt8]
    }

    static let boundary = "----x12InspectorTestBoundary7MA4YWxkTrZu0gW"

    static func make(fields: [Field]) -> (HTTPFields, ByteBuffer) {
        var body: [UInt8] = []
        for field in fields {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\""
            if let fileName = field.fileName {
                head += "; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream"
            }
            head += "\r\n\r\n"
            body += Array(head.utf8) + field.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return (headers, ByteBuffer(bytes: body))
    }
}
