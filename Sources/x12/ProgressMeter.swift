import ArgumentParser
import Foundation

/// `--progress/--no-progress`, shared by the commands that read large files.
struct ProgressOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo,
          help: "Show progress (bytes read, records, rate, time left) on standard error; only ever shown when standard error is a terminal.")
    var progress = true

    /// A meter for reading `file` that shows only when asked for and standard error is a terminal.
    func meter(for file: String, unit: String, quiet: Bool = false) -> ProgressMeter {
        ProgressMeter(enabled: progress && !quiet && isatty(2) == 1, file: file, unit: unit)
    }
}

/// A one-line progress display on standard error for long runs, redrawn at most a few times a second:
/// bytes read (of the file's size when known), records, rate and time left.
struct ProgressMeter {
    private let enabled: Bool
    private let total: Int?
    private let unit: String
    private let start: Double
    private var lastDraw: Double
    private var calls = 0
    private var drawn = false

    init(enabled: Bool, file: String, unit: String) {
        self.enabled = enabled
        self.unit = unit
        if file != "-", let attributes = try? FileManager.default.attributesOfItem(atPath: file),
           let size = attributes[.size] as? Int {
            total = size
        } else {
            total = nil
        }
        start = Self.now()
        lastDraw = start
    }

    /// Notes how far reading is; redraws when a quarter second has passed (the clock is read every 1,024 calls).
    mutating func update(bytes: Int, records: Int) {
        guard enabled else { return }
        calls += 1
        guard calls & 1023 == 0 else { return }
        let now = Self.now()
        guard now - lastDraw >= 0.25 else { return }
        lastDraw = now
        draw(bytes: bytes, records: records, now: now)
    }

    /// Clears the line, so what follows on standard error starts clean.
    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write("\r\u{1B}[K")
    }

    private mutating func draw(bytes: Int, records: Int, now: Double) {
        let elapsed = max(now - start, 0.001)
        let rate = Double(bytes) / 1e6 / elapsed
        var line = String(format: "%.1f MB", Double(bytes) / 1e6)
        if let total, total > 0 {
            line += String(format: " of %.1f MB (%.0f%%)", Double(total) / 1e6, 100 * Double(bytes) / Double(total))
        }
        line += ", \(records) \(unit)" + String(format: ", %.1f MB/s", rate)
        if let total, rate > 0, bytes < total {
            line += String(format: ", %.0f s left", Double(total - bytes) / 1e6 / rate)
        }
        FileHandle.standardError.write("\r\u{1B}[K" + line)
        drawn = true
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
