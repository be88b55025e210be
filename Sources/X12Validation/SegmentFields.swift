import X12

/// Finds the element boundaries of one segment in a single pass and lends them out as a ``FieldView``, so
/// element `n` is read without scanning the segment again and without copying or retaining anything.
///
/// One instance is reused for every segment of a transaction set; it owns the boundary storage.
final class SegmentFields {
    private var starts: UnsafeMutablePointer<Int>
    private var ends: UnsafeMutablePointer<Int>
    private var capacity: Int

    init() {
        capacity = 64
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
    }

    /// Splits `content` (a segment without its terminator) on `separator` and calls `body` with a view of
    /// the fields; the view is valid only inside `body`.
    func read<Result>(_ content: ArraySlice<UInt8>, separator: UInt8, _ body: (FieldView) -> Result) -> Result {
        content.withUnsafeBufferPointer { bytes in
            var count = 0
            var start = 0
            for index in 0..<bytes.count where bytes[index] == separator {
                record(start, index, at: count)
                count += 1
                start = index + 1
            }
            record(start, bytes.count, at: count)
            count += 1
            let view = FieldView(bytes: bytes, starts: UnsafeBufferPointer(start: starts, count: count),
                                 ends: UnsafeBufferPointer(start: ends, count: count))
            return body(view)
        }
    }

    private func record(_ start: Int, _ end: Int, at slot: Int) {
        if slot == capacity { grow() }
        starts[slot] = start
        ends[slot] = end
    }

    private func grow() {
        let larger = capacity * 2
        let newStarts = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        newStarts.update(from: starts, count: capacity)
        newEnds.update(from: ends, count: capacity)
        starts.deallocate()
        ends.deallocate()
        starts = newStarts
        ends = newEnds
        capacity = larger
    }
}

/// The bytes of one field of a segment, as lent by ``SegmentFields``.
typealias FieldBytes = Slice<UnsafeBufferPointer<UInt8>>

/// A segment's bytes and element boundaries, borrowed for one call of ``SegmentFields/read(_:separator:_:)``.
///
/// Every range it hands out was recorded while scanning these same bytes, so it lies inside them.
struct FieldView {
    /// The segment from its id up to (not including) the terminator.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Start and end of every field: index 0 is the segment id, index n element n.
    private let starts: UnsafeBufferPointer<Int>
    private let ends: UnsafeBufferPointer<Int>
    /// The packed segment id.
    let code: ShortCode

    init(bytes: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int>, ends: UnsafeBufferPointer<Int>) {
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        code = ShortCode(bytes[starts[0]..<ends[0]])
    }

    /// Number of data elements (empty ones between separators included), as ``Segment/elementCount``.
    var count: Int { starts.count - 1 }

    /// The bytes of element `n` (1-based), empty when the segment has fewer elements.
    subscript(_ n: Int) -> FieldBytes {
        guard n >= 1 && n < starts.count else { return empty }
        return bytes[starts[n]..<ends[n]]
    }

    /// No bytes (an absent element).
    var empty: FieldBytes { bytes[bytes.endIndex..<bytes.endIndex] }

    /// Whether element `n` exists (1-based), as ``Segment/element(_:)`` returning non-`nil`.
    func has(_ n: Int) -> Bool { n >= 1 && n < starts.count }

    /// Component `component` (1-based) of element `n`, or `nil` when the element has fewer components.
    func component(_ component: Int, of n: Int, separator: UInt8) -> FieldBytes? {
        let field = self[n]
        var seen = 1
        var start = field.startIndex
        var index = field.startIndex
        while index < field.endIndex {
            if field[index] == separator {
                if seen == component { break }
                seen += 1
                start = index + 1
            }
            index += 1
        }
        return seen == component ? field[start..<index] : nil
    }
}
