/// A borrowed view of one segment, valid only inside a ``SegmentReader/forEachSegment(_:)`` callback.
///
/// It points straight into the reader's buffer and costs nothing to create; copy what you need before
/// the callback returns.
public struct RawSegment {
    /// The segment's bytes without terminator.
    public let content: UnsafeBufferPointer<UInt8>
    /// The delimiters in force.
    public let delimiters: Delimiters
    /// 1-based index of the segment in the input.
    public let index: Int
    /// Offset of the segment's first byte in the input.
    public let byteOffset: Int
    /// 1-based line of the segment's first byte.
    public let line: Int

    /// Whether the segment id is `id` (`"CLM"`), without building a `String`.
    public func hasId(_ id: StaticString) -> Bool {
        let count = id.utf8CodeUnitCount
        guard content.count >= count else { return false }
        return id.withUTF8Buffer { wanted in
            for offset in 0..<count where content[offset] != wanted[offset] { return false }
            return content.count == count || content[count] == delimiters.element
        }
    }

    /// Number of data elements (element separators in the segment).
    public var elementCount: Int {
        var count = 0
        for byte in content where byte == delimiters.element { count += 1 }
        return count
    }
}
