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
    /// Start of the segment being read on the slow path (its leading trivia included): refills keep it.
    private var pin: Int?
    /// Segments located ahead in the current buffer, handed out by ``next()`` one at a time.
    private var pending: [Located] = []
    private var pendingIndex = 0

    private struct Located {
        var contentStart: Int
        var contentCount: Int
        var index: Int
        var line: Int
    }

    /// How far into the input the reader has got, in bytes (segments located ahead of the last one handed
    /// out included): for progress displays.
    public var bytesRead: Int { bufferOffset + cursor }

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

    /// Returns the next segment, or `nil` at the end of the input.
    ///
    /// - Throws: ``X12Error`` when the input is empty, does not start with ISA, has a malformed ISA,
    ///   ends inside a segment, or cannot be read. After a throw the reader should not be used again.
    public func next() throws(X12Error) -> Segment? {
        if let delimiters, let segment = nextInBuffer(delimiters: delimiters) {
            return segment
        }
        pin = cursor
        defer { pin = nil }
        if segmentCount == 0 {
            try skipLeadingTrivia()
        }
        guard try ensure(1) else {
            if segmentCount == 0 {
                throw X12Error(.emptyInput, at: position(), "the input is empty: expected an ISA segment")
            }
            return nil
        }
        if try startsInterchangeHeader() {
            return try readInterchangeHeader()
        }
        guard let delimiters else {
            let preview = previewText()
            throw X12Error(.missingInterchangeHeader, at: position(),
                           "the input does not start with an ISA segment (found '\(preview)')")
        }
        return try readSegment(delimiters: delimiters)
    }

    /// The fast path: segments already located in the buffer by ``scanBuffer(delimiters:limit:_:)``.
    private func nextInBuffer(delimiters: Delimiters) -> Segment? {
        if pendingIndex == pending.count {
            locateAhead(delimiters: delimiters)
            guard !pending.isEmpty else { return nil }
        }
        pendingIndex += 1
        return segment(locatedAt: pendingIndex - 1, in: pending, delimiters: delimiters)
    }

    /// Replaces the contents of `batch` with the next segments in input order: at least one, or none at
    /// the end of the input. Used by ``EnvelopeReader`` to take the segments of a chunk in one call.
    ///
    /// - Throws: as ``next()``.
    func nextBatch(into batch: inout [Segment]) throws(X12Error) {
        batch.removeAll(keepingCapacity: true)
        if let delimiters {
            if pendingIndex == pending.count { locateAhead(delimiters: delimiters) }
            let located = pending
            for index in pendingIndex..<located.count {
                batch.append(segment(locatedAt: index, in: located, delimiters: delimiters))
            }
            pendingIndex = located.count
            if !batch.isEmpty { return }
        }
        if let segment = try next() { batch.append(segment) }
    }

    /// Locates up to 256 whole segments ahead in the buffer into `pending`.
    private func locateAhead(delimiters: Delimiters) {
        pending.removeAll(keepingCapacity: true)
        pendingIndex = 0
        var found: [Located] = []
        found.reserveCapacity(256)
        let start = bufferOffset
        scanBuffer(delimiters: delimiters, limit: 256) { raw in
            found.append(Located(contentStart: raw.byteOffset - start, contentCount: raw.content.count,
                                 index: raw.index, line: raw.line))
        }
        pending = found
    }

    /// The segment `located[index]`: its storage runs up to the next located segment (or the cursor), so
    /// it keeps its trailing trivia.
    private func segment(locatedAt index: Int, in located: [Located], delimiters: Delimiters) -> Segment {
        let here = located[index]
        let storageEnd = index + 1 < located.count ? located[index + 1].contentStart : cursor
        return Segment(storage: buffer[here.contentStart..<storageEnd],
                       content: here.contentStart..<(here.contentStart + here.contentCount), delimiters: delimiters,
                       byteOffset: bufferOffset + here.contentStart, line: here.line, index: here.index, isTerminated: true)
    }

    /// Calls `body` with every remaining segment as a borrowed ``RawSegment``: the fastest way through a file.
    ///
    /// Segments that sit whole in the current chunk are handed out straight from the buffer without any
    /// allocation or reference counting; the rest (ISA headers, segments across chunk boundaries) go
    /// through ``next()``.
    ///
    /// - Throws: the reader's ``X12Error``s, and whatever `body` throws.
    public func forEachSegment<Failure: Error>(_ body: (RawSegment) throws(Failure) -> Void) throws {
        while true {
            if let delimiters, segmentCount > 0, pendingIndex == pending.count {
                try scanBuffer(delimiters: delimiters, limit: Int.max, body)
            }
            guard let segment = try next() else { return }
            let content = segment.content
            try content.withUnsafeBufferPointer { pointer throws(Failure) in
                try body(RawSegment(content: pointer, delimiters: segment.delimiters, index: segmentCount,
                                    byteOffset: segment.position.byteOffset, line: segment.position.line))
            }
        }
    }

    /// Hands out every whole non-ISA segment in the buffer; stops where the slow path must take over.
    private func scanBuffer<Failure: Error>(delimiters: Delimiters, limit: Int,
                                            _ body: (RawSegment) throws(Failure) -> Void) throws(Failure) {
        var remaining = limit
        var position = cursor
        var index = segmentCount
        var currentLine = line
        var sawTrailer = lastSegmentWasTrailer
        let offset = bufferOffset
        let terminatorByte = delimiters.segment
        let element = delimiters.element
        let terminatorIsNewline = terminatorByte == 0x0A
        defer {
            cursor = position
            segmentCount = index
            line = currentLine
            lastSegmentWasTrailer = sawTrailer
        }
        try buffer.withUnsafeBufferPointer { pointer throws(Failure) in
            guard let base = pointer.baseAddress else { return }
            let count = pointer.count
            while count - position > 4 && remaining > 0 {
                remaining -= 1
                if base[position] == 0x49 && base[position + 1] == 0x53 && base[position + 2] == 0x41 { return }  // "ISA"
                guard let hit = memchr(base + position, Int32(terminatorByte), count - position) else { return }
                let terminator = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var end = terminator + 1
                var lines = terminatorIsNewline ? 1 : 0
                while end < count {
                    let byte = base[end]
                    guard byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09, byte != element else { break }
                    if byte == 0x0A { lines += 1 }
                    end += 1
                }
                if end == count && !atEnd { return }  // trivia may continue in the next chunk
                index += 1
                try body(RawSegment(content: UnsafeBufferPointer(start: base + position, count: terminator - position),
                                    delimiters: delimiters, index: index, byteOffset: offset + position, line: currentLine))
                sawTrailer = terminator - position >= 3 && base[position] == 0x49 && base[position + 1] == 0x45
                    && base[position + 2] == 0x41
                currentLine += lines
                position = end
            }
        }
    }

    // MARK: - Segments

    private func readSegment(delimiters: Delimiters) throws(X12Error) -> Segment {
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
            guard try refill() else { break }
            searchFrom = cursor + scanned
        }
        let segmentStart = cursor
        let segmentPosition = position()
        guard let end = terminatorIndex else {
            return try finalUnterminatedSegment(from: segmentStart, at: segmentPosition, delimiters: delimiters)
        }
        if delimiters.segment == UInt8(ascii: "\n") { line += 1 }
        cursor = end + 1
        let shift = try skipTrailingTrivia(delimiters: delimiters)
        segmentCount += 1
        let segment = Segment(storage: buffer[(pin ?? segmentStart - shift)..<cursor],
                              content: (segmentStart - shift)..<(end - shift),
                              delimiters: delimiters, byteOffset: segmentPosition.byteOffset, line: segmentPosition.line,
                              index: segmentCount, isTerminated: true)
        lastSegmentWasTrailer = segment.hasId("IEA")
        return segment
    }

    /// The input ended without a terminator: acceptable only for a complete final IEA (some senders omit
    /// the last terminator); anything else is a truncated file.
    private func finalUnterminatedSegment(from start: Int, at segmentPosition: Position,
                                          delimiters: Delimiters) throws(X12Error) -> Segment {
        var end = buffer.count
        while end > start, Self.isWhitespace(buffer[end - 1]), buffer[end - 1] != delimiters.element { end -= 1 }
        let candidate = Segment(storage: buffer[(pin ?? start)..<buffer.count], content: start..<end, delimiters: delimiters,
                                byteOffset: segmentPosition.byteOffset, line: segmentPosition.line, index: segmentCount + 1,
                                isTerminated: false)
        if candidate.hasId("IEA"), candidate.elementCount == 2, candidate[2].count == 9 {
            cursor = buffer.count
            segmentCount += 1
            return candidate
        }
        if lastSegmentWasTrailer {
            throw X12Error(.dataAfterInterchange, at: candidate.position,
                           "unexpected data after IEA: '\(previewText())' is not an ISA segment")
        }
        throw X12Error(.truncatedSegment, at: candidate.position,
                       "the input ends inside segment \(candidate.id.isEmpty ? "?" : candidate.id): no segment terminator \(Delimiters.show(delimiters.segment))")
    }

    // MARK: - ISA

    private func startsInterchangeHeader() throws(X12Error) -> Bool {
        guard try ensure(4) else { return false }
        return buffer[cursor] == UInt8(ascii: "I") && buffer[cursor + 1] == UInt8(ascii: "S")
            && buffer[cursor + 2] == UInt8(ascii: "A") && !Delimiters.isUnusable(buffer[cursor + 3])
    }

    private func readInterchangeHeader() throws(X12Error) -> Segment {
        _ = try ensure(InterchangeHeader.length)
        var start = position()
        start.segmentIndex = segmentCount + 1
        start.segmentId = "ISA"
        let available = buffer[cursor..<min(buffer.count, cursor + InterchangeHeader.length)]
        let header = try InterchangeHeader(bytes: available, at: start)
        let contentStart = cursor
        let contentEnd = cursor + InterchangeHeader.length - 1
        if header.delimiters.segment == UInt8(ascii: "\n") { line += 1 }
        cursor = contentEnd + 1
        delimiters = header.delimiters
        interchangeHeader = header
        let shift = try skipTrailingTrivia(delimiters: header.delimiters)
        segmentCount += 1
        lastSegmentWasTrailer = false
        return Segment(storage: buffer[(pin ?? contentStart - shift)..<cursor],
                       content: (contentStart - shift)..<(contentEnd - shift), delimiters: header.delimiters,
                       byteOffset: start.byteOffset, line: start.line, index: segmentCount, isTerminated: true)
    }

    // MARK: - Trivia

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Skips a byte-order mark and whitespace before the first ISA.
    private func skipLeadingTrivia() throws(X12Error) {
        if try ensure(3), buffer[cursor] == 0xEF, buffer[cursor + 1] == 0xBB, buffer[cursor + 2] == 0xBF {
            cursor += 3
        }
        while try ensure(1), Self.isWhitespace(buffer[cursor]) {
            if buffer[cursor] == 0x0A { line += 1 }
            cursor += 1
        }
    }

    /// Skips whitespace after a terminator; returns how far earlier bytes moved if the buffer was refilled.
    private func skipTrailingTrivia(delimiters: Delimiters) throws(X12Error) -> Int {
        let before = bufferOffset
        while try ensure(1) {
            let byte = buffer[cursor]
            guard Self.isWhitespace(byte), byte != delimiters.element else { break }
            if byte == 0x0A { line += 1 }
            cursor += 1
        }
        return bufferOffset - before
    }

    // MARK: - Buffer

    /// Makes sure `count` unread bytes are buffered; `false` when the input ends first.
    private func ensure(_ count: Int) throws(X12Error) -> Bool {
        while buffer.count - cursor < count {
            guard try refill() else { return false }
        }
        return true
    }

    /// Starts a new buffer holding the unread bytes (from the pinned segment start, if any) plus the next
    /// chunk. Segments handed out earlier keep the old buffer alive, so it is never written to again.
    private func refill() throws(X12Error) -> Bool {
        guard !atEnd else { return false }
        let keepFrom = min(pin ?? cursor, cursor)
        let (fresh, read) = try source.read(after: buffer[keepFrom...], count: chunkSize)
        bufferOffset += keepFrom
        cursor -= keepFrom
        if let pinned = pin { pin = pinned - keepFrom }
        buffer = fresh
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
