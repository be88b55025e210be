import Foundation
import X12

/// The interchange control number counter kept beside the output: a file `.x12-control-number` in the output's
/// folder holding the last ISA13 used. Each run without an explicit number takes the next one (after 999999999
/// comes 1), so no two runs into the same folder repeat an ISA13.
public struct ControlNumberCounter: Sendable {
    /// The counter file's name.
    public static let fileName = ".x12-control-number"
    /// Where the counter lives.
    public let path: String

    /// The counter for output written to `outputPath` (`-` means the current folder).
    public init(besideOutput outputPath: String) {
        let folder = outputPath == "-" ? "." : URL(fileURLWithPath: outputPath).deletingLastPathComponent().path
        path = URL(fileURLWithPath: folder).appendingPathComponent(Self.fileName).path
    }

    /// The number the next run should use.
    ///
    /// - Throws: `X12Error` (`invalidValue`) when the counter file holds something other than a number.
    public func next() throws(X12Error) -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { return 1 }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = Int(text), (0...999_999_999).contains(last) else {
            throw X12Error(.invalidValue, at: Position(byteOffset: 0, line: 1), "counter file \(path) holds '\(text)', not a control number")
        }
        return last >= 999_999_999 ? 1 : last + 1
    }

    /// Records `number` as used.
    public func record(_ number: Int) throws(X12Error) {
        try AtomicFile.write("\(number)\n", to: path)
    }
}
