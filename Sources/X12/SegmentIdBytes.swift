/// A segment id read from a segment's first bytes in one pass: the bytes packed into an integer, their
/// number, and whether they form a valid id. Lets the envelope tracker classify every segment without
/// building a `String`.
struct SegmentIdBytes: Sendable {
    /// Up to the first 8 id bytes, packed big-endian (`ST` → 0x5354).
    private(set) var packed: UInt64 = 0
    /// Number of id bytes before the first element separator (at most 8 are kept).
    private(set) var count = 0
    /// Whether the id is 2-3 upper-case letters or digits followed by a separator or the segment's end.
    private(set) var isValid = false

    /// No id (before the first segment).
    init() {}

    /// Reads the id at the start of `content`.
    init(_ content: UnsafeBufferPointer<UInt8>, separator: UInt8) {
        var valid = true
        var length = 0
        for byte in content {
            if byte == separator { break }
            if length < 8 {
                packed = packed << 8 | UInt64(byte)
                count += 1
            }
            valid = valid && length < 3 && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A))
            length += 1
            if length > 8 { break }
        }
        isValid = valid && length >= 2
    }

    /// The id of an envelope segment (ISA, IEA, GS, GE, ST, SE, TA1); `nil` for any other.
    var envelopeId: String? {
        switch (count, packed) {
        case (2, 0x5354): return "ST"
        case (2, 0x5345): return "SE"
        case (2, 0x4753): return "GS"
        case (2, 0x4745): return "GE"
        case (3, 0x49_5341): return "ISA"
        case (3, 0x49_4541): return "IEA"
        case (3, 0x54_4131): return "TA1"
        default: return nil
        }
    }

    /// The id as text (as ``Segment/position`` shows it).
    var text: String {
        let bytes = (0..<count).reversed().map { UInt8(truncatingIfNeeded: packed >> (8 * UInt64($0))) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
