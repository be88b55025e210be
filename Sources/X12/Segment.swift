/// One segment as read from the input: a view into the reader's buffer plus where it came from.
///
/// Element positions follow X12 naming: element 0 is the segment id, element 1 is the first data
/// element (`NM1*IL*1*DOE` → `self[1] == "IL"`, `self[3] == "DOE"`). Reading elements never copies the
/// input until a `String` is asked for.
public struct Segment: Sendable {
    /// Leading trivia, content, terminator and trailing trivia, as one view into the reader's buffer.
    @usableFromInline let storage: ArraySlice<UInt8>
    @usableFromInline let contentStart: Int
    @usableFromInline let contentEnd: Int
    /// Offset, line and 1-based index in the input (``position`` builds the full `Position` from them).
    let byteOffset: Int
    let line: Int
    let index: Int
    /// The delimiters of the interchange this segment belongs to.
    public let delimiters: Delimiters
    /// `false` only for a final segment the input ended without a terminator.
    public let isTerminated: Bool

    /// Creates a segment view over `storage`, whose `content` range holds the segment itself; used by
    /// ``SegmentReader``, which hands out views without copying.
    init(storage: ArraySlice<UInt8>, content: Range<Int>, delimiters: Delimiters, byteOffset: Int, line: Int, index: Int,
         isTerminated: Bool) {
        self.storage = storage
        self.contentStart = content.lowerBound
        self.contentEnd = content.upperBound
        self.delimiters = delimiters
        self.byteOffset = byteOffset
        self.line = line
        self.index = index
        self.isTerminated = isTerminated
    }

    /// Creates a segment from its parts (copies them into one buffer).
    public init(content: ArraySlice<UInt8>, delimiters: Delimiters, position: Position,
                leadingTrivia: ArraySlice<UInt8> = [], trailingTrivia: ArraySlice<UInt8> = [], isTerminated: Bool = true) {
        var bytes = Array(leadingTrivia)
        bytes.append(contentsOf: content)
        if isTerminated { bytes.append(delimiters.segment) }
        bytes.append(contentsOf: trailingTrivia)
        self.init(storage: bytes[...], content: leadingTrivia.count..<(leadingTrivia.count + content.count), delimiters: delimiters,
                  byteOffset: position.byteOffset, line: position.line, index: position.segmentIndex ?? 0, isTerminated: isTerminated)
    }

    /// Calls `body` with the content bytes (``content``) borrowed in place: no copy and no reference
    /// counting, for code that reads many segments. The pointer is valid only inside `body`.
    @inlinable
    public func withContentBytes<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let base = storage.startIndex
        return try storage.withUnsafeBufferPointer { (all: UnsafeBufferPointer<UInt8>) throws(Failure) -> Result in
            try body(UnsafeBufferPointer(rebasing: all[(contentStart - base)..<(contentEnd - base)]))
        }
    }

    /// The bytes from the segment id up to (not including) the terminator.
    public var content: ArraySlice<UInt8> { storage[contentStart..<contentEnd] }

    /// Bytes skipped before the segment (a UTF-8 byte-order mark or whitespace before the first ISA).
    public var leadingTrivia: ArraySlice<UInt8> { storage[storage.startIndex..<contentStart] }

    /// Line breaks and whitespace that followed the terminator.
    public var trailingTrivia: ArraySlice<UInt8> { storage[(isTerminated ? contentEnd + 1 : contentEnd)..<storage.endIndex] }

    /// Where the segment starts: byte offset, line, 1-based index in the input and segment id.
    public var position: Position {
        let idEnd = content.firstIndex(of: delimiters.element) ?? contentEnd
        let id = String(decoding: storage[contentStart..<min(idEnd, contentStart + 8)], as: UTF8.self)
        return Position(byteOffset: byteOffset, line: line, segmentIndex: index, segmentId: id)
    }

    /// The segment identifier (`ISA`, `CLM`, `SV1`...).
    public var id: String {
        let end = content.firstIndex(of: delimiters.element) ?? content.endIndex
        return String(decoding: content[content.startIndex..<end], as: UTF8.self)
    }

    /// Whether the segment id equals `id`, without building a `String`.
    public func hasId(_ id: StaticString) -> Bool {
        let count = id.utf8CodeUnitCount
        guard content.count >= count else { return false }
        return id.withUTF8Buffer { wanted in
            var index = content.startIndex
            for byte in wanted {
                if content[index] != byte { return false }
                index += 1
            }
            return index == content.endIndex || content[index] == delimiters.element
        }
    }

    /// The data elements (element 1 first), each a view into the segment.
    public var elements: [Element] {
        var result: [Element] = []
        var start = content.startIndex
        var first = true
        var index = content.startIndex
        while index < content.endIndex {
            if content[index] == delimiters.element {
                if !first { result.append(Element(bytes: content[start..<index], delimiters: delimiters)) }
                first = false
                start = index + 1
            }
            index += 1
        }
        if !first { result.append(Element(bytes: content[start..<content.endIndex], delimiters: delimiters)) }
        return result
    }

    /// Number of data elements present, counting empty ones written between separators.
    public var elementCount: Int {
        var count = 0
        for byte in content where byte == delimiters.element { count += 1 }
        return count
    }

    /// Element `n` (1-based), or `nil` when the segment has fewer elements.
    public func element(_ n: Int) -> Element? {
        guard n >= 1 else { return nil }
        var seen = 0
        var start = content.startIndex
        var index = content.startIndex
        while index < content.endIndex {
            if content[index] == delimiters.element {
                if seen == n { return Element(bytes: content[start..<index], delimiters: delimiters) }
                seen += 1
                start = index + 1
            }
            index += 1
        }
        return seen == n ? Element(bytes: content[start..<content.endIndex], delimiters: delimiters) : nil
    }

    /// The text of element `n` (1-based), or `""` when absent.
    public subscript(_ n: Int) -> String {
        element(n)?.text ?? ""
    }

    /// The text of component `component` of element `n` (both 1-based), or `""` when absent.
    public subscript(_ n: Int, _ component: Int) -> String {
        element(n)?.component(component) ?? ""
    }

    /// The segment's text without terminator (`NM1*IL*1*DOE`).
    public var text: String { String(decoding: content, as: UTF8.self) }

    /// Exactly the bytes this segment occupied in the input, trivia and terminator included.
    public var rawBytes: [UInt8] { Array(storage) }

    /// The same bytes as ``rawBytes``, as a view into the reader's buffer (no copy): what a byte-exact copy of
    /// the input writes.
    public var rawView: ArraySlice<UInt8> { storage }

    /// The position of element `n` (and optionally a component) of this segment.
    public func position(element n: Int, component: Int? = nil) -> Position {
        position.element(n, component: component)
    }
}

/// One element of a segment: a simple value, a composite (components) or repeated occurrences.
public struct Element: Sendable {
    /// The element's bytes, separators of components and repetitions included.
    public let bytes: ArraySlice<UInt8>
    /// The delimiters in force.
    public let delimiters: Delimiters

    /// Creates an element view.
    public init(bytes: ArraySlice<UInt8>, delimiters: Delimiters) {
        self.bytes = bytes
        self.delimiters = delimiters
    }

    /// The element's text, separators included (`HC:97110:GP`).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the element has no data.
    public var isEmpty: Bool { bytes.isEmpty }

    /// The components of a composite (`HC:97110:GP` → `["HC", "97110", "GP"]`); one component for a simple value.
    public var components: [String] {
        split(bytes, on: delimiters.component).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Component `n` (1-based), or `""` when absent.
    public func component(_ n: Int) -> String {
        let parts = split(bytes, on: delimiters.component)
        return n >= 1 && n <= parts.count ? String(decoding: parts[n - 1], as: UTF8.self) : ""
    }

    /// The repeated occurrences of the element (one when it does not repeat or the interchange has no
    /// repetition separator).
    public var repetitions: [Element] {
        guard let repetition = delimiters.repetition else { return [self] }
        return split(bytes, on: repetition).map { Element(bytes: $0, delimiters: delimiters) }
    }

    private func split(_ slice: ArraySlice<UInt8>, on separator: UInt8) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = slice.startIndex
        var index = slice.startIndex
        while index < slice.endIndex {
            if slice[index] == separator {
                parts.append(slice[start..<index])
                start = index + 1
            }
            index += 1
        }
        parts.append(slice[start..<slice.endIndex])
        return parts
    }
}
