#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the segments of an X12 input, reading delimiters from every ISA it meets.
///
/// The reader pulls the input in chunks (1 MiB by default) and hands out ``Segment`` values that are
/// views into the current chunk, so a file of any size is read in constant memory as long as callers
/// do not keep every segment. Line breaks and whitespace after a terminator, and a byte-order mark or
/// whitespace before the first ISA, are kept as trivia so that writing the segments back reproduces
/// the input byte for byte.
///
/// ```swift
/// let reader = try SegmentReader(path: "claims.837")
/// while let segment = try reader.next() { print(segment.id) }
/// ```
public final class SegmentReader {
    /// The longest segment accepted before the reader gives up looking for a terminator.
    public static let maximumSegmentLength = 1 << 20

    private let source: ByteSource
    private let chunkSize: Int
    private var buffer: [UInt8]
    private var cursor = 0
    /// Absolute offset of `buffer[0]` in the input.
    private var bufferOffset = 0
    private var atEnd = false
    private var line = 1
    private var segmentCount = 0
    private var lastSegmentWasTrailer = false
    private var ownedDescriptor: Int32?

    /// The delimiters of the interchange being read, once its ISA has been seen.
    public private(set) var delimiters: Delimiters?
    /// The header of the interchange being read.
    public private(set) var interchangeHeader: InterchangeHeader?

    /// Reads from a file descriptor (not closed by the reader).
    public init(fileDescriptor: Int32, chunkSize: Int = 1 << 20) {
        self.source = .fileDescriptor(fileDescriptor)
        self.chunkSize = max(chunkSize, 128)
        self.buffer = []
    }

    /// Reads bytes already in memory.
    public init(bytes: [UInt8]) {
        self.source = .bytes(bytes)
        self.chunkSize = 0
        self.buffer = bytes
        self.atEnd = true
    }

    /// Reads a string's UTF-8 bytes.
    public convenience init(string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// Opens a file for reading; `-` means standard input.
    ///
    /// - Throws: ``X12Error`` (`unreadable`) when the file cannot be opened.
    public convenience init(path: String, chunkSize: Int = 1 << 20) throws(X12Error) {
        if path == "-" {
            self.init(fileDescriptor: 0, chunkSize: chunkSize)
            return
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0), "cannot open \(path): \(reason)")
        }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw X12Error(.unreadable, at: Position(byteOffset: 0, line: 0), "cannot read \(path): it is a directory")
        }
        self.init(fileDescriptor: fd, chunkSize: chunkSize)
        ownedDescriptor = fd
    }

    deinit {
        if let ownedDescriptor { close(ownedDescriptor) }
    }

    /// Number of segments returned so far.
    public var segmentsRead: Int { segmentCount }

    /// Returns the next segment, or `nil` at the end of the input.
    ///
    /// - Throws: ``X12Error`` when the input is empty, does not start with ISA, has a malformed ISA,
    ///   ends inside a segment, or cannot be read. After a throw the reader should not be used again.
    public func next() throws(X12Error) -> Segment? {
        var leading: ArraySlice<UInt8> = []
        if segmentCount == 0 {
            leading = try skipLeadingTrivia()
        }
        guard try ensure(1) else {
            if segmentCount == 0 {
                throw X12Error(.emptyInput, at: position(), "the input is empty: expected an ISA segment")
            }
            return nil
        }
        if try startsInterchangeHeader() {
            return try readInterchangeHeader(leading: leading)
        }
        guard let delimiters else {
            let preview = previewText()
            throw X12Error(.missingInterchangeHeader, at: position(),
                           "the input does not start with an ISA segment (found '\(preview)')")
        }
        return try readSegment(delimiters: delimiters, leading: leading)
    }

    // MARK: - Segments

    private func readSegment(delimiters: Delimiters, leading: ArraySlice<UInt8>) throws(X12Error) -> Segment {
        var searchFrom = cursor
        var terminatorIndex: Int? = nil
        while true {
            terminatorIndex = buffer.withUnsafeBufferPointer { pointer -> Int? in
                guard let base = pointer.baseAddress, searchFrom < pointer.count else { return nil }
                guard let found = memchr(base + searchFrom, Int32(delimiters.segment), pointer.count - searchFrom) else {
                    return nil
                }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if terminatorIndex != nil { break }
            let scanned = buffer.count - cursor
            if scanned > Self.maximumSegmentLength {
                throw X12Error(.truncatedSegment, at: position(),
                               "no segment terminator \(Delimiters.show(delimiters.segment)) within \(Self.maximumSegmentLength) bytes")
            }
            // refill moves the unread bytes to the front of a new buffer; continue after what was scanned.
            guard try refill() else { break }
            searchFrom = cursor + scanned
        }
        let segmentStart = cursor
        let segmentPosition = position()
        guard let end = terminatorIndex else {
            return try finalUnterminatedSegment(from: segmentStart, at: segmentPosition, delimiters: delimiters, leading: leading)
        }
        let content = buffer[segmentStart..<end]
        if delimiters.segment == UInt8(ascii: "\n") { line += 1 }
        cursor = end + 1
        let trailing = try skipTrailingTrivia(delimiters: delimiters)
        let segment = Segment(content: content, delimiters: delimiters,
                              position: withIndex(segmentPosition, id: content, delimiters: delimiters),
                              leadingTrivia: leading, trailingTrivia: trailing)
        segmentCount += 1
        lastSegmentWasTrailer = segment.hasId("IEA")
        return segment
    }

    /// The input ended without a terminator: acceptable only for a complete final IEA (some senders omit
    /// the last terminator); anything else is a truncated file.
    private func finalUnterminatedSegment(from start: Int, at segmentPosition: Position, delimiters: Delimiters,
                                          leading: ArraySlice<UInt8>) throws(X12Error) -> Segment {
        var end = buffer.count
        while end > start, Self.isWhitespace(buffer[end - 1]), buffer[end - 1] != delimiters.element { end -= 1 }
        let content = buffer[start..<end]
        let positioned = withIndex(segmentPosition, id: content, delimiters: delimiters)
        let candidate = Segment(content: content, delimiters: delimiters, position: positioned,
                                leadingTrivia: leading, trailingTrivia: buffer[end..<buffer.count], isTerminated: false)
        if candidate.hasId("IEA"), candidate.elementCount == 2, candidate[2].count == 9 {
            cursor = buffer.count
            segmentCount += 1
            return candidate
        }
        if lastSegmentWasTrailer {
            throw X12Error(.dataAfterInterchange, at: positioned,
                           "unexpected data after IEA: '\(previewText())' is not an ISA segment")
        }
        throw X12Error(.truncatedSegment, at: positioned,
                       "the input ends inside segment \(candidate.id.isEmpty ? "?" : candidate.id): no segment terminator \(Delimiters.show(delimiters.segment))")
    }

    private func withIndex(_ position: Position, id content: ArraySlice<UInt8>, delimiters: Delimiters) -> Position {
        var copy = position
        copy.segmentIndex = segmentCount + 1
        let idEnd = content.firstIndex(of: delimiters.element) ?? content.endIndex
        copy.segmentId = String(decoding: content[content.startIndex..<min(idEnd, content.startIndex + 8)], as: UTF8.self)
        return copy
    }

    // MARK: - ISA

    private func startsInterchangeHeader() throws(X12Error) -> Bool {
        guard try ensure(4) else { return false }
        return buffer[cursor] == UInt8(ascii: "I") && buffer[cursor + 1] == UInt8(ascii: "S")
            && buffer[cursor + 2] == UInt8(ascii: "A") && !Delimiters.isUnusable(buffer[cursor + 3])
    }

    private func readInterchangeHeader(leading: ArraySlice<UInt8>) throws(X12Error) -> Segment {
        _ = try ensure(InterchangeHeader.length)
        var start = position()
        start.segmentIndex = segmentCount + 1
        start.segmentId = "ISA"
        let available = buffer[cursor..<min(buffer.count, cursor + InterchangeHeader.length)]
        let header = try InterchangeHeader(bytes: available, at: start)
        let contentEnd = cursor + InterchangeHeader.length - 1
        let content = buffer[cursor..<contentEnd]
        if header.delimiters.segment == UInt8(ascii: "\n") { line += 1 }
        cursor = contentEnd + 1
        delimiters = header.delimiters
        interchangeHeader = header
        let trailing = try skipTrailingTrivia(delimiters: header.delimiters)
        segmentCount += 1
        lastSegmentWasTrailer = false
        return Segment(content: content, delimiters: header.delimiters, position: start,
                       leadingTrivia: leading, trailingTrivia: trailing)
    }

    // MARK: - Trivia

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private func skipLeadingTrivia() throws(X12Error) -> ArraySlice<UInt8> {
        let start = cursor
        if try ensure(3), buffer[cursor] == 0xEF, buffer[cursor + 1] == 0xBB, buffer[cursor + 2] == 0xBF {
            cursor += 3
        }
        while try ensure(1), Self.isWhitespace(buffer[cursor]) {
            if buffer[cursor] == 0x0A { line += 1 }
            cursor += 1
        }
        return buffer[start..<cursor]
    }

    private func skipTrailingTrivia(delimiters: Delimiters) throws(X12Error) -> ArraySlice<UInt8> {
        var start = cursor
        while true {
            if cursor >= buffer.count {
                guard try refillKeeping(&start) else { break }
            }
            let byte = buffer[cursor]
            guard Self.isWhitespace(byte), byte != delimiters.element else { break }
            if byte == 0x0A { line += 1 }
            cursor += 1
        }
        return buffer[start..<cursor]
    }

    // MARK: - Buffer

    /// Makes sure `count` unread bytes are buffered; `false` when the input ends first.
    private func ensure(_ count: Int) throws(X12Error) -> Bool {
        while buffer.count - cursor < count {
            guard try refill() else { return false }
        }
        return true
    }

    /// Like ``refill()`` but also keeps the bytes from `start` (an index into the old buffer).
    private func refillKeeping(_ start: inout Int) throws(X12Error) -> Bool {
        let keep = cursor - start
        cursor = start
        let grew = try refill()
        start = cursor
        cursor += keep
        return grew
    }

    /// Starts a new buffer holding the unread bytes plus the next chunk. Segments handed out earlier keep
    /// the old buffer alive, so it is never written to again.
    private func refill() throws(X12Error) -> Bool {
        guard !atEnd else { return false }
        var fresh: [UInt8] = []
        fresh.reserveCapacity(buffer.count - cursor + chunkSize)
        fresh.append(contentsOf: buffer[cursor...])
        bufferOffset += cursor
        let read = try source.read(into: &fresh, count: chunkSize)
        buffer = fresh
        cursor = 0
        if read == 0 { atEnd = true }
        return read > 0
    }

    private func position() -> Position {
        Position(byteOffset: bufferOffset + cursor, line: line)
    }

    private func previewText() -> String {
        let end = min(buffer.count, cursor + 20)
        let bytes = buffer[cursor..<end].map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }
        return String(decoding: bytes, as: UTF8.self)
    }
}
