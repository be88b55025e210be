import X12

/// Reads bytes into segments and writes them back with each segment's delimiters and layout kept.
public enum RoundTrip {
    /// Every segment of `bytes`, or the error that stopped reading.
    ///
    /// - Throws: ``X12Error`` from the reader.
    public static func segments(_ bytes: [UInt8]) throws -> [Segment] {
        let reader = SegmentReader(bytes: bytes)
        var result: [Segment] = []
        while let segment = try reader.next() { result.append(segment) }
        return result
    }

    /// The input written back from its segments (a new writer whenever the delimiters change, as at an ISA).
    ///
    /// - Throws: ``X12Error`` from the reader or the writer.
    public static func write(_ bytes: [UInt8]) throws -> [UInt8] {
        var writer: SegmentWriter?
        var output: [UInt8] = []
        for segment in try segments(bytes) {
            if writer?.delimiters != segment.delimiters { writer = SegmentWriter(delimiters: segment.delimiters) }
            guard var current = writer else { continue }
            try current.write(segment, keepLayout: true)
            output += current.takeBytes()
            writer = current
        }
        return output
    }
}
