import Foundation
import Hummingbird

/// Reads files under Fixtures/serve/ relative to this package.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/serve")

    /// The package's implementation-guide specs.
    static let specs = directory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("specs")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// The shared public corpus: `<package>/../shared/corpus`, else `/work/shared/corpus`.
    static func corpus(_ path: String) throws -> [UInt8] {
        let packageRoot = directory.deletingLastPathComponent().deletingLastPathComponent()
        let sibling = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        let root = FileManager.default.fileExists(atPath: sibling.path) ? sibling : URL(fileURLWithPath: "/work/shared/corpus")
        return Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }
}

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
