/// The bytes of one field of a segment, as lent by a ``FieldView``.
public typealias FieldBytes = Slice<UnsafeBufferPointer<UInt8>>

/// A segment's bytes and element boundaries, found in one pass and lent out for the duration of one call
/// (``Segment/withFields(_:)``), so element `n` is read without scanning the segment again and without copying
/// or retaining anything.
///
/// Every range it hands out was recorded while scanning these same bytes, so it lies inside them. The
/// boundaries live in temporary storage (on the stack for ordinary segments) that no object owns, and every
/// member is inlinable, so a decoder or validator in another module pays nothing per segment for using it.
public struct FieldView {
    /// The segment from its id up to (not including) the terminator.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Start and end of every field: index 0 is the segment id, index n element n.
    @usableFromInline let starts: UnsafeBufferPointer<Int>
    @usableFromInline let ends: UnsafeBufferPointer<Int>
    /// The packed segment id.
    public let code: ShortCode

    @inlinable
    init(bytes: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int>, ends: UnsafeBufferPointer<Int>) {
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        code = ShortCode(bytes[starts[0]..<ends[0]])
    }

    /// Number of data elements (empty ones between separators included), as ``Segment/elementCount``.
    @inlinable
    public var count: Int { starts.count - 1 }

    /// The bytes of element `n` (1-based), empty when the segment has fewer elements.
    @inlinable
    public subscript(_ n: Int) -> FieldBytes {
        guard n >= 1 && n < starts.count else { return empty }
        return bytes[starts[n]..<ends[n]]
    }

    /// The segment id's bytes.
    @inlinable
    public var id: FieldBytes { bytes[starts[0]..<ends[0]] }

    /// No bytes (an absent element).
    @inlinable
    public var empty: FieldBytes { bytes[bytes.endIndex..<bytes.endIndex] }

    /// Whether element `n` exists (1-based), as ``Segment/element(_:)`` returning non-`nil`.
    @inlinable
    public func has(_ n: Int) -> Bool { n >= 1 && n < starts.count }

    /// Component `component` (1-based) of element `n`, or `nil` when the element has fewer components.
    @inlinable
    public func component(_ component: Int, of n: Int, separator: UInt8) -> FieldBytes? {
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

    /// Splits `bytes` (a segment without its terminator) on `separator` and calls `body` with a view of the
    /// fields; the view is valid only inside `body`.
    @inlinable
    public static func withFields<Result, Failure: Error>(
        of bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, _ body: (FieldView) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        // One pass into room for 64 fields on the stack (every real segment); a longer one is counted first.
        let fixed = 64
        return try withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * fixed) {
            (table: UnsafeMutableBufferPointer<Int>) throws(Failure) -> Result in
            if let count = record(bytes, separator: separator, into: table, fields: fixed) {
                return try body(view(bytes, table: table, fields: fixed, count: count))
            }
            var fieldCount = 1
            for byte in bytes where byte == separator { fieldCount += 1 }
            return try withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * fieldCount) {
                (large: UnsafeMutableBufferPointer<Int>) throws(Failure) -> Result in
                let count = record(bytes, separator: separator, into: large, fields: fieldCount) ?? fieldCount
                return try body(view(bytes, table: large, fields: fieldCount, count: count))
            }
        }
    }

    /// Writes field starts into `table[0..<fields]` and ends into `table[fields...]`; returns the number of
    /// fields, or `nil` when the segment has more than `fields`.
    @inlinable
    static func record(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, into table: UnsafeMutableBufferPointer<Int>,
                       fields: Int) -> Int? {
        var field = 0
        var start = 0
        for index in 0..<bytes.count where bytes[index] == separator {
            guard field < fields - 1 else { return nil }
            table[field] = start
            table[fields + field] = index
            field += 1
            start = index + 1
        }
        table[field] = start
        table[fields + field] = bytes.count
        return field + 1
    }

    @inlinable
    static func view(_ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeMutableBufferPointer<Int>, fields: Int, count: Int) -> FieldView {
        FieldView(bytes: bytes, starts: UnsafeBufferPointer(rebasing: table[0..<count]),
                  ends: UnsafeBufferPointer(rebasing: table[fields..<(fields + count)]))
    }
}

extension Segment {
    /// Calls `body` with this segment's fields (see ``FieldView``), borrowed for the call.
    @inlinable
    public func withFields<Result, Failure: Error>(_ body: (FieldView) throws(Failure) -> Result) throws(Failure) -> Result {
        let separator = delimiters.element
        return try withContentBytes { (bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Result in
            try FieldView.withFields(of: bytes, separator: separator, body)
        }
    }
}
