/// Writes segments as X12 bytes with a chosen set of delimiters.
///
/// Trailing empty elements and trailing empty components are dropped, as the standard requires.
/// Data containing a delimiter character is refused with an error naming the segment and element:
/// X12 has no escape mechanism and the writer never replaces characters silently.
public struct SegmentWriter: Sendable {
    /// The delimiters written.
    public let delimiters: Delimiters
    /// Bytes written after every terminator (`"\n"` for one segment a line, `""` for none).
    public var lineBreak: [UInt8]
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []
    /// Number of segments written.
    public private(set) var segmentCount = 0

    /// Creates a writer.
    public init(delimiters: Delimiters = .standard, lineBreak: String = "") {
        self.delimiters = delimiters
        self.lineBreak = Array(lineBreak.utf8)
    }

    /// Writes one segment.
    ///
    /// - Throws: ``X12Error`` (`delimiterInData`) when a value contains one of the delimiters, naming the
    ///   segment, element and component.
    public mutating func write(_ id: String, _ elements: [FieldValue]) throws(X12Error) {
        var last = elements.count
        while last > 0, elements[last - 1].isEmpty { last -= 1 }
        var out = Array(id.utf8)
        for (index, value) in elements[0..<last].enumerated() {
            out.append(delimiters.element)
            try append(value, to: &out, segmentId: id, element: index + 1)
        }
        bytes.append(contentsOf: out)
        bytes.append(delimiters.segment)
        bytes.append(contentsOf: lineBreak)
        segmentCount += 1
    }

    /// Writes one segment's bytes exactly as given (an ISA already laid out at its fixed widths).
    public mutating func writeRaw(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
        segmentCount += 1
    }

    /// Empties the output buffer (after the caller has flushed it), keeping the segment count.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    private func append(_ value: FieldValue, to out: inout [UInt8], segmentId: String, element: Int) throws(X12Error) {
        switch value {
        case .simple(let text):
            try appendText(text, to: &out, segmentId: segmentId, element: element, component: nil)
        case .composite(var parts):
            while let tail = parts.last, tail.isEmpty { parts.removeLast() }
            for (index, part) in parts.enumerated() {
                if index > 0 { out.append(delimiters.component) }
                try appendText(part, to: &out, segmentId: segmentId, element: element, component: index + 1)
            }
        case .repeated(let values):
            guard let repetition = delimiters.repetition else {
                throw X12Error(.invalidValue, at: Position(byteOffset: bytes.count, line: 0, segmentId: segmentId, elementPosition: element),
                               "\(segmentId)\(pad(element)) repeats but the interchange has no repetition separator")
            }
            for (index, inner) in values.enumerated() {
                if index > 0 { out.append(repetition) }
                try append(inner, to: &out, segmentId: segmentId, element: element)
            }
        }
    }

    private func appendText(_ text: String, to out: inout [UInt8], segmentId: String, element: Int, component: Int?) throws(X12Error) {
        for byte in text.utf8 {
            if delimiters.isDelimiter(byte) {
                let place = "\(segmentId)\(pad(element))" + (component.map { "-\($0)" } ?? "")
                throw X12Error(.delimiterInData,
                               at: Position(byteOffset: bytes.count, line: 0, segmentIndex: segmentCount + 1, segmentId: segmentId,
                                            elementPosition: element, componentPosition: component),
                               "\(place) value '\(text)' contains the delimiter \(Delimiters.show(byte)); X12 has no escape, change the data")
            }
            out.append(byte)
        }
    }

    private func pad(_ element: Int) -> String { element < 10 ? "0\(element)" : "\(element)" }
}

extension SegmentWriter {
    /// Writes a segment read from an input, re-encoded with this writer's delimiters.
    ///
    /// - Parameters:
    ///   - segment: the segment to copy.
    ///   - keepLayout: write the segment's original trivia (byte-order mark, line breaks) instead of ``lineBreak``.
    ///   - replacing: a new value for one element (used to rewrite SE01/GE01/IEA01 counts).
    /// - Throws: ``X12Error`` (`delimiterInData`) when the data holds one of the new delimiters.
    public mutating func write(_ segment: Segment, keepLayout: Bool, replacing: (element: Int, value: String)? = nil) throws(X12Error) {
        let source = segment.delimiters
        if keepLayout { bytes.append(contentsOf: segment.leadingTrivia) }
        if source == delimiters, replacing == nil {
            bytes.append(contentsOf: segment.content)
        } else if segment.hasId("ISA") {
            var content = Array(segment.content)
            for index in content.indices where content[index] == source.element { content[index] = delimiters.element }
            if content.count > 104 {
                if source.repetition != nil, let repetition = delimiters.repetition { content[82] = repetition }
                content[104] = delimiters.component
            }
            bytes.append(contentsOf: content)
        } else {
            try appendReencoded(segment, replacing: replacing)
        }
        if segment.isTerminated || !keepLayout { bytes.append(delimiters.segment) }
        bytes.append(contentsOf: keepLayout ? Array(segment.trailingTrivia) : lineBreak)
        segmentCount += 1
    }

    private mutating func appendReencoded(_ segment: Segment, replacing: (element: Int, value: String)?) throws(X12Error) {
        let source = segment.delimiters
        var element = 0
        var component = 1
        var out: [UInt8] = []
        out.reserveCapacity(segment.content.count)
        var skipping = false
        for byte in segment.content {
            if byte == source.element {
                element += 1
                component = 1
                out.append(delimiters.element)
                skipping = replacing?.element == element
                if skipping, let value = replacing?.value { out.append(contentsOf: value.utf8) }
                continue
            }
            if skipping { continue }
            if byte == source.component && element > 0 {
                component += 1
                out.append(delimiters.component)
            } else if let repetition = source.repetition, byte == repetition, element > 0 {
                guard let target = delimiters.repetition else {
                    throw X12Error(.delimiterInData, at: segment.position(element: element),
                                   "\(segment.id) element \(element) repeats but the new delimiters have no repetition separator")
                }
                component = 1
                out.append(target)
            } else if delimiters.isDelimiter(byte) {
                throw X12Error(.delimiterInData, at: segment.position(element: element, component: component),
                               "\(segment.id) element \(element) contains \(Delimiters.show(byte)), which is a delimiter in the new set '\(delimiters)'")
            } else {
                out.append(byte)
            }
        }
        bytes.append(contentsOf: out)
    }
}
