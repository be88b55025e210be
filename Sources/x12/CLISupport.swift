import ArgumentParser
import Foundation
import X12

/// The exit codes every subcommand uses.
enum CLIExit {
    /// Input rejected or invalid.
    static let invalid = ExitCode(1)
    /// Usage error or unreadable file.
    static let usage = ExitCode(2)
}

extension FileHandle {
    /// Writes text as UTF-8.
    func write(_ text: String) {
        write(Data(text.utf8))
    }
}

/// Writes diagnostics to standard error in the `file:segment N (ID) element M: message` form.
enum Diagnostics {
    /// Prints one error for `file`.
    static func report(_ error: X12Error, file: String) {
        let text = error.kind == .unreadable ? error.message : error.description
        FileHandle.standardError.write("\(file):\(text)\n")
    }

    /// The exit code an error deserves: 2 when the file could not be read, 1 when it was read and rejected.
    static func exitCode(for error: X12Error) -> ExitCode {
        error.kind == .unreadable ? CLIExit.usage : CLIExit.invalid
    }
}

/// Buffered standard output for commands that print many lines: written with `write(2)` a megabyte at a
/// time (no `Data` copy per flush).
struct OutputBuffer {
    private var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1 << 20)
    }

    mutating func line(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x0A)
        if bytes.count >= 1 << 20 { flush() }
    }

    mutating func raw(_ data: [UInt8]) {
        bytes.append(contentsOf: data)
        if bytes.count >= 1 << 20 { flush() }
    }

    mutating func raw(_ data: ArraySlice<UInt8>) {
        bytes.append(contentsOf: data)
        if bytes.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Foundation.write(1, base + offset, raw.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
