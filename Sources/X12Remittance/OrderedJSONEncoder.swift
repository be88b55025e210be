import Foundation

/// Encodes `Encodable` values as JSON with keys in the order the type encodes them (declaration order
/// for synthesized `Codable`), so records read naturally (payment before claims, amounts next to codes)
/// and the output is byte-for-byte stable. Foundation's `JSONEncoder` orders keys by hash or sorts them.
///
/// The bytes are written as the value encodes itself, without building a tree. Pretty output indents
/// by two spaces and writes `"key": value`; compact output has no spaces.
struct OrderedJSONEncoder {
    /// Whether to indent.
    var pretty: Bool

    /// Appends a value; `indent` levels of indentation are added to every line after the first.
    func encode<T: Encodable>(_ value: T, indent: Int = 0, into output: inout [UInt8]) throws {
        let sink = JSONSink(pretty: pretty)
        swap(&sink.bytes, &output)
        defer { swap(&sink.bytes, &output) }
        try sink.writeValue(value, depth: indent)
    }

    /// Encodes a value into new bytes.
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var output: [UInt8] = []
        try encode(value, into: &output)
        return output
    }
}

/// The output buffer and the writing rules shared by every container.
private final class JSONSink {
    var bytes: [UInt8] = []
    let pretty: Bool

    init(pretty: Bool) {
        self.pretty = pretty
    }

    // Each write touches `bytes` once (one exclusivity check) and appends through an `inout` buffer.

    func newline(depth: Int) {
        guard pretty else { return }
        Self.appendNewline(depth: depth, to: &bytes)
    }

    func writeString(_ text: String) {
        Self.appendString(text, to: &bytes)
    }

    private static func appendNewline(depth: Int, to bytes: inout [UInt8]) {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    private static func appendString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(0x22)
            var plain = true
            for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                plain = false
                break
            }
            if plain {
                bytes.append(contentsOf: utf8)
            } else {
                for byte in utf8 { appendEscaped(byte, to: &bytes) }
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
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        default: bytes.append(byte)
        }
    }

    func writeLiteral(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Lets a value encode itself into a new container, then closes it. Strings, numbers and booleans
    /// arrive through the containers' concrete `encode` overloads and are written directly.
    func writeValue<T: Encodable>(_ value: T, depth: Int) throws {
        let state = JSONContainerState(depth: depth)
        try value.encode(to: StreamEncoder(sink: self, state: state))
        state.close(sink: self)
    }

    func writeNumber<T: BinaryInteger>(_ number: T) {
        writeLiteral(String(number))
    }

    func writeNumber(_ number: Double) {
        writeLiteral(number.isFinite ? number.description : "null")
    }
}

/// One JSON object or array being written: what it is, how many members it has, and a nested
/// container handed out by `nestedContainer` that is closed before the next member.
private final class JSONContainerState {
    enum Kind { case none, object, array, single }
    var kind = Kind.none
    var count = 0
    let depth: Int
    var openChild: JSONContainerState?

    init(depth: Int) {
        self.depth = depth
    }

    func open(_ wanted: Kind, sink: JSONSink) {
        guard kind == .none else { return }
        kind = wanted
        sink.bytes.append(wanted == .object ? 0x7B : 0x5B)
    }

    /// Starts the next member: closes a pending nested container and writes the separator.
    func beginMember(sink: JSONSink) {
        closeChild(sink: sink)
        if count > 0 { sink.bytes.append(0x2C) }
        count += 1
        sink.newline(depth: depth + 1)
    }

    func writeKey(_ key: String, sink: JSONSink) {
        beginMember(sink: sink)
        sink.writeString(key)
        sink.writeLiteral(sink.pretty ? ": " : ":")
    }

    func closeChild(sink: JSONSink) {
        if let child = openChild {
            openChild = nil
            child.close(sink: sink)
        }
    }

    func close(sink: JSONSink) {
        closeChild(sink: sink)
        switch kind {
        case .none: sink.writeLiteral("{}")
        case .single: break
        case .object, .array:
            if count > 0 { sink.newline(depth: depth) }
            sink.bytes.append(kind == .object ? 0x7D : 0x5D)
        }
        kind = .single
    }
}

/// Coding paths are not tracked (they only serve error messages, and these types cannot fail to encode).
private struct StreamEncoder: Encoder {
    let sink: JSONSink
    let state: JSONContainerState
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        state.open(.object, sink: sink)
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(sink: sink, state: state))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        state.open(.array, sink: sink)
        return StreamUnkeyedContainer(sink: sink, state: state)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        StreamSingleContainer(sink: sink, state: state)
    }
}

private struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let state: JSONContainerState
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        state.writeKey(key.stringValue, sink: sink)
        sink.writeLiteral("null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        state.writeKey(key.stringValue, sink: sink)
        try sink.writeValue(value, depth: state.depth + 1)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        state.writeKey(key.stringValue, sink: sink)
        sink.writeString(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        state.writeKey(key.stringValue, sink: sink)
        sink.writeLiteral(value ? "true" : "false")
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        state.writeKey(key.stringValue, sink: sink)
        sink.writeNumber(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        state.writeKey(key.stringValue, sink: sink)
        sink.writeNumber(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                         forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        state.writeKey(key.stringValue, sink: sink)
        let child = JSONContainerState(depth: state.depth + 1)
        state.openChild = child
        return StreamEncoder(sink: sink, state: child).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        state.writeKey(key.stringValue, sink: sink)
        let child = JSONContainerState(depth: state.depth + 1)
        state.openChild = child
        return StreamEncoder(sink: sink, state: child).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { StreamEncoder(sink: sink, state: state) }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        state.writeKey(key.stringValue, sink: sink)
        let child = JSONContainerState(depth: state.depth + 1)
        state.openChild = child
        return StreamEncoder(sink: sink, state: child)
    }
}

private struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let sink: JSONSink
    let state: JSONContainerState
    var codingPath: [CodingKey] { [] }
    var count: Int { state.count }

    mutating func encodeNil() throws {
        state.beginMember(sink: sink)
        sink.writeLiteral("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        state.beginMember(sink: sink)
        try sink.writeValue(value, depth: state.depth + 1)
    }

    mutating func encode(_ value: String) throws {
        state.beginMember(sink: sink)
        sink.writeString(value)
    }

    mutating func encode(_ value: Bool) throws {
        state.beginMember(sink: sink)
        sink.writeLiteral(value ? "true" : "false")
    }

    mutating func encode(_ value: Int) throws {
        state.beginMember(sink: sink)
        sink.writeNumber(value)
    }

    mutating func encode(_ value: Double) throws {
        state.beginMember(sink: sink)
        sink.writeNumber(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        state.beginMember(sink: sink)
        let child = JSONContainerState(depth: state.depth + 1)
        state.openChild = child
        return StreamEncoder(sink: sink, state: child).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        state.beginMember(sink: sink)
        let child = JSONContainerState(depth: state.depth + 1)
        state.openChild = child
        return StreamEncoder(sink: sink, state: child).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        state.beginMember(sink: sink)
        let child = JSONContainerState(depth: state.depth + 1)
        state.openChild = child
        return StreamEncoder(sink: sink, state: child)
    }
}

private struct StreamSingleContainer: SingleValueEncodingContainer {
    let sink: JSONSink
    let state: JSONContainerState
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() throws {
        state.kind = .single
        sink.writeLiteral("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        state.kind = .single
        try sink.writeValue(value, depth: state.depth)
    }

    mutating func encode(_ value: String) throws {
        state.kind = .single
        sink.writeString(value)
    }

    mutating func encode(_ value: Bool) throws {
        state.kind = .single
        sink.writeLiteral(value ? "true" : "false")
    }

    mutating func encode(_ value: Int) throws {
        state.kind = .single
        sink.writeNumber(value)
    }

    mutating func encode(_ value: Double) throws {
        state.kind = .single
        sink.writeNumber(value)
    }
}
