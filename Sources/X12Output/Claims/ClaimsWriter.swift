import X12

/// Writes claim records as they come, in any ``ClaimsFormat``: ``begin()`` once, ``write(_:)`` per
/// ``ClaimRecord``, then ``finish(errors:)``; each returns the bytes to append to the output.
///
/// The JSON document is `{"claims": [record, ...], "errors": [problem, ...]}` (``ClaimFileProblem``),
/// NDJSON one compact record a line, CSV ``ClaimsCSV``.
public struct ClaimsWriter {
    /// The format written.
    public let format: ClaimsFormat
    private var json: JSONWriter
    private var count = 0

    /// Creates a writer.
    public init(format: ClaimsFormat) {
        self.format = format
        json = JSONWriter(pretty: format == .json, baseDepth: format == .json ? 2 : 0)
    }

    /// The bytes that open the output.
    public func begin() -> [UInt8] {
        switch format {
        case .json: return Array("{\n  \"claims\": [".utf8)
        case .ndjson: return []
        case .csv: return Array((ClaimsCSV.header + "\n").utf8)
        }
    }

    /// The bytes of one claim record.
    public mutating func write(_ record: ClaimRecord) -> [UInt8] {
        switch format {
        case .json:
            json.raw(Array((count > 0 ? ",\n    " : "\n    ").utf8))
            json.value(record)
        case .ndjson:
            json.value(record)
            json.newline()
        case .csv:
            var bytes: [UInt8] = []
            ClaimsCSV.appendRows(record, to: &bytes)
            count += 1
            return bytes
        }
        count += 1
        return json.takeBytes()
    }

    /// The bytes that close the output: in JSON, the files that could not be read.
    public func finish(errors: [ClaimFileProblem]) throws -> [UInt8] {
        guard format == .json else { return [] }
        var closing = JSONWriter(pretty: true, baseDepth: 1)
        try closing.encode(errors)
        return Array((count > 0 ? "\n  ],\n  \"errors\": " : "],\n  \"errors\": ").utf8) + closing.takeBytes() + Array("\n}\n".utf8)
    }
}
