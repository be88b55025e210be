import Foundation
import X12

/// A headless Chromium found on `PATH`, used by `x12 render --pdf` to print the HTML it wrote.
struct HeadlessChromium {
    /// The executable names looked for, in order.
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The executable's path.
    let executable: String

    /// The first of ``names`` found in the directories of `searchPath` (a `PATH` value), or `nil`.
    static func find(searchPath: String) -> HeadlessChromium? {
        for name in names {
            for directory in searchPath.split(separator: ":") where !directory.isEmpty {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return HeadlessChromium(executable: candidate) }
            }
        }
        return nil
    }

    /// Prints the HTML file at `html` to a PDF at `pdf` (letter pages as the stylesheet sets them), written to a
    /// temporary file beside the target and renamed over it.
    ///
    /// - Throws: `X12Error` (`unreadable`) when Chromium fails, times out or writes no PDF.
    func printToPDF(html: String, pdf: String, scratch: URL) throws(X12Error) {
        let target = URL(fileURLWithPath: pdf)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        var arguments = ["--headless", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run",
                         "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
                         "--print-to-pdf=\(temporary.path)"]
        // Chromium refuses to start as root with its sandbox on.
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append(URL(fileURLWithPath: html).absoluteString)
        process.arguments = arguments
        let log = scratch.appendingPathComponent("chromium.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try? FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0), "cannot run \(executable): \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            unlink(temporary.path)
            throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0), "\(executable) did not finish printing \(pdf) within 180 seconds")
        }
        try? handle?.close()
        let size = (try? FileManager.default.attributesOfItem(atPath: temporary.path)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            unlink(temporary.path)
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let lastLines = output.split(separator: "\n").suffix(3).joined(separator: " / ")
            throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0),
                           "\(executable) could not print \(pdf) (exit \(process.terminationStatus)): \(lastLines)")
        }
        guard rename(temporary.path, pdf) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0), "cannot write \(pdf): \(reason)")
        }
    }
}
