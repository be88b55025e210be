/// Writes JSON straight into a byte buffer, one token at a time, so any record can be streamed as it is
/// produced: the one JSON writer behind every command's output and the inspector's API.
///
/// Pretty output indents by two spaces and writes `"key": value`; compact output has no whitespace.
/// Keys come out in the order they are written (Foundation's `JSONEncoder` orders them by hash or sorts
/// them), so output is byte-for-byte stable. Empty objects and arrays are written `{}` and `[]`.
///
/// ```swift
/// var json = JSONWriter(pretty: false)
/// json.beginObject()
/// json.key("paid"); json.string("187.50")
/// json.endObject()          // {"paid":"187.50"}
/// ```
public struct JSONWriter: Sendable {
    /// The bytes written so far (take them with ``takeBytes()`` to stream).
    public private(set) var bytes: [UInt8] = []
    /// Whether to indent.
    public let pretty: Bool
    /// Indentation of the outermost value, for a fragment written inside a document someone else opened.
    private let baseDepth: Int
    /// One entry per open container: members written so far, and whether it is an array.
    private var open: [Member] = []

    private struct Member: Sendable {
        var count: Int
        let isArray: Bool
    }

    /// Creates a writer; `baseDepth` levels of indentation are added to every line after the first.
    public init(pretty: Bool, baseDepth: Int = 0) {
        self.pretty = pretty
        self.baseDepth = baseDepth
        bytes.reserveCapacity(1 << 12)
    }

    /// How many containers are open.
    public var level: Int { open.count }

    /// Hands out what was written and starts an empty buffer (open containers stay open).
    public mutating func takeBytes() -> [UInt8] {
        var taken: [UInt8] = []
        taken.reserveCapacity(bytes.capacity)
        swap(&taken, &bytes)
        return taken
    }

    /// Appends bytes that are already JSON (or whitespace between documents) as they are.
    public mutating func raw(_ text: [UInt8]) {
        bytes.append(contentsOf: text)
    }

    /// Appends a line break between NDJSON records.
    public mutating func newline() {
        bytes.append(0x0A)
    }

    // MARK: - Containers

    /// Opens an object as the next value.
    public mutating func beginObject() {
        beginValue()
        bytes.append(0x7B)
        open.append(Member(count: 0, isArray: false))
    }

    /// Closes the innermost object.
    public mutating func endObject() { close(0x7D) }

    /// Opens an array as the next value.
    public mutating func beginArray() {
        beginValue()
        bytes.append(0x5B)
        open.append(Member(count: 0, isArray: true))
    }

    /// Closes the innermost array.
    public mutating func endArray() { close(0x5D) }

    /// Closes containers until `level` are open.
    public mutating func close(toLevel level: Int) {
        while open.count > level {
            close(open[open.count - 1].isArray ? 0x5D : 0x7D)
        }
    }

    /// Writes the next member's key in the innermost object; its value follows.
    public mutating func key(_ name: String) {
        separateMember()
        appendString(name)
        if pretty {
            bytes.append(0x3A)
            bytes.append(0x20)
        } else {
            bytes.append(0x3A)
        }
    }

    // MARK: - Values

    /// Writes a string value.
    public mutating func string(_ text: String) {
        beginValue()
        appendString(text)
    }

    /// Writes a string value, or `null`.
    public mutating func string(_ text: String?) {
        guard let text else { return null() }
        string(text)
    }

    /// Writes an integer value.
    public mutating func number<Number: BinaryInteger>(_ number: Number) {
        beginValue()
        bytes.append(contentsOf: String(number).utf8)
    }

    /// Writes a floating-point value (`null` when not finite).
    public mutating func number(_ number: Double) {
        beginValue()
        bytes.append(contentsOf: (number.isFinite ? number.description : "null").utf8)
    }

    /// Writes a number already spelled as JSON (`60.5`, `-3`), as is.
    public mutating func number(literal text: String) {
        beginValue()
        bytes.append(contentsOf: text.utf8)
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Writes `null`.
    public mutating func null() {
        beginValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes an empty object `{}` as the next value.
    public mutating func emptyObject() {
        beginValue()
        bytes.append(0x7B)
        bytes.append(0x7D)
    }

    // MARK: - Layout

    /// Inside an array, separates the value from the one before; after a key, nothing is needed.
    private mutating func beginValue() {
        guard let last = open.last, last.isArray else { return }
        separateMember()
    }

    private mutating func separateMember() {
        let index = open.count - 1
        guard index >= 0 else { return }
        if open[index].count > 0 { bytes.append(0x2C) }
        open[index].count += 1
        indent(open.count)
    }

    private mutating func close(_ bracket: UInt8) {
        guard let last = open.popLast() else { return }
        if last.count > 0 { indent(open.count) }
        bytes.append(bracket)
    }

    private mutating func indent(_ depth: Int) {
        guard pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<(depth + baseDepth) {
            bytes.append(0x20)
            bytes.append(0x20)
        }
    }

    private mutating func appendString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(0x22)
            if utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                for byte in utf8 { Self.appendEscaped(byte, to: &bytes) }
            } else {
                bytes.append(contentsOf: utf8)
            }
            bytes.append(0x22)
        }
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
        case 0x0D: bytes.append(0x5C); bytes.append(0x72)
        case 0x09: bytes.append(0x5C); bytes.append(0x74)
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        default: bytes.append(byte)
        }
    }
}
