import Hummingbird

/// Reads a request body up to the configured upload limit.
enum RequestBodyReader {
    /// Why a body was not read.
    enum Failure: Error, Sendable {
        /// The body is larger than the limit (from `Content-Length`, or counted while reading).
        case tooLarge(limit: Int)
        /// The connection failed while the body was being read.
        case unreadable
    }

    /// The whole body as bytes.
    ///
    /// A declared `Content-Length` over the limit is refused before a byte is read; a body without
    /// one is counted as it arrives and refused as soon as it passes the limit.
    static func bytes(of request: Request, limit: Int) async throws(Failure) -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw .tooLarge(limit: limit)
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch {
            // Hummingbird reports a body over the limit as an HTTP error with status 413.
            if let httpError = error as? any HTTPResponseError, httpError.status == .contentTooLarge {
                throw .tooLarge(limit: limit)
            }
            throw .unreadable
        }
    }
}
