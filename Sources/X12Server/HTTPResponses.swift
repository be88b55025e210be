import Foundation
import Hummingbird
import X12Output

/// Builds the responses the routes send: HTML pages, JSON bodies, CSV downloads.
enum HTTPResponses {
    /// Headers that keep a rendered upload inert even if escaping were ever missed: no scripts, no
    /// outside resources, forms only back to this server.
    static let pageSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'"

    /// An HTML page.
    static func html(_ document: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = pageSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: document)))
    }

    /// A JSON body that is already encoded.
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A body of another type (CSV, NDJSON); with `attachment`, browsers save it under that name.
    static func typed(_ bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok,
                      attachment: String? = nil) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        if let attachment { headers[.contentDisposition] = "attachment; filename=\"\(attachment)\"" }
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `{"error": message, "status": code}`: how every /api route reports a request it cannot answer.
    static func jsonError(_ message: String, status: HTTPResponse.Status) -> Response {
        let body = APIErrorBody(error: message, status: status.code)
        let bytes = (try? JSONDocument.compact(body)) ?? Array("{\"error\":\"internal error\"}\n".utf8)
        return json(bytes, status: status)
    }
}

/// The JSON body of an /api error.
struct APIErrorBody: Codable, Equatable {
    /// A sentence saying what was wrong.
    var error: String
    /// The HTTP status code, repeated for scripts that only keep the body.
    var status: Int
}
