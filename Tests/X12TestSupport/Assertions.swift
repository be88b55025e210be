import X12
import XCTest

/// Fails with a ``TextDiff`` (the first differing lines, `-` expected and `+` actual) when the texts differ.
public func assertEqualLines(_ actual: String, _ expected: String, _ message: @autoclosure () -> String = "",
                             file: StaticString = #filePath, line: UInt = #line) {
    let diff = TextDiff(expected: expected, actual: actual)
    guard !diff.isEmpty else { return }
    let prefix = message()
    XCTFail((prefix.isEmpty ? "" : prefix + ": ") + "texts differ\n\(diff)", file: file, line: line)
}

/// Fails unless reading `bytes` into segments and writing them back (layout kept) gives the same bytes.
///
/// On failure the message shows the first differing segment lines, so a changed delimiter or a lost line
/// break is seen at once.
public func assertRoundTrip(_ bytes: [UInt8], _ message: @autoclosure () -> String = "",
                            file: StaticString = #filePath, line: UInt = #line) {
    let prefix = message()
    do {
        let written = try RoundTrip.write(bytes)
        guard written != bytes else { return }
        let diff = TextDiff(expected: String(decoding: bytes, as: UTF8.self), actual: String(decoding: written, as: UTF8.self))
        let detail = diff.isEmpty ? "same text, different bytes (\(bytes.count) read, \(written.count) written)" : "\(diff)"
        XCTFail((prefix.isEmpty ? "" : prefix + ": ") + "round trip changed the bytes\n\(detail)", file: file, line: line)
    } catch {
        XCTFail((prefix.isEmpty ? "" : prefix + ": ") + "round trip failed: \(error)", file: file, line: line)
    }
}
