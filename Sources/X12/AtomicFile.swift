import Foundation

/// Writes output files atomically: the bytes go to a temporary file beside the target, which is then
/// renamed over it, so a failure never leaves a half-written claim file behind.
public enum AtomicFile {
    /// Writes `bytes` to the file at `path` atomically. Every path is a file (a library never writes to standard
    /// output: the `x12` command line turns `-` into standard output itself).
    ///
    /// - Throws: ``X12Error`` (`unreadable`) when the file cannot be written.
    public static func write(_ bytes: [UInt8], to path: String) throws(X12Error) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0), "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Writes a string's UTF-8 bytes atomically.
    public static func write(_ text: String, to path: String) throws(X12Error) {
        try write(Array(text.utf8), to: path)
    }
}
