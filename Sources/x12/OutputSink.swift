import Foundation
import X12

/// Standard output, or a temporary file beside the target renamed over it on ``commit()``, so a failed
/// run never leaves a half-written output file.
struct OutputSink {
    /// Writes `bytes` whole to `path` (`-` for standard output), atomically for a file.
    static func write(_ bytes: [UInt8], to path: String) throws(X12Error) {
        var sink = try OutputSink(path: path)
        do {
            try sink.write(bytes)
        } catch {
            sink.discard()
            throw error
        }
        try sink.commit()
    }

    /// Writes `text` as UTF-8 to `path` (`-` for standard output), atomically for a file.
    static func write(_ text: String, to path: String) throws(X12Error) {
        try write(Array(text.utf8), to: path)
    }

    private let path: String
    private let temporary: String?
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(path: String) throws(X12Error) {
        self.path = path
        if path == "-" {
            temporary = nil
            descriptor = 1
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0),
                           "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        temporary = temporaryPath
        descriptor = fd
    }

    mutating func write(_ bytes: [UInt8]) throws(X12Error) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private mutating func flush() throws(X12Error) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0),
                               "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and, for a file, renames the temporary file over the target.
    mutating func commit() throws(X12Error) {
        do {
            try flush()
        } catch {
            discard()
            throw error
        }
        guard let temporary else { return }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0), "cannot write \(path): \(reason)")
        }
    }

    /// Removes the temporary file after a failure.
    func discard() {
        guard let temporary else { return }
        close(descriptor)
        unlink(temporary)
    }
}
