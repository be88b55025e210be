import Foundation

/// `Encodable` values written through ``JSONWriter``: keys in the order the type encodes them
/// (declaration order for synthesized `Codable`), `nil` optionals left out as synthesized `Codable` does.
extension JSONWriter {
    /// Writes `value` as the next value.
    public mutating func encode<T: Encodable>(_ value: T) throws {
        let box = WriterBox(self)
        defer { self = box.writer }
        try box.write(value)
    }

    /// Writes `value` as the next value, handing what is written to `flush` whenever at least `threshold` bytes
    /// are buffered (after any nested value), so a large document never sits in memory whole. What is left when
    /// `value` is done stays in ``bytes``.
    public mutating func encode<T: Encodable>(_ value: T, flushingEvery threshold: Int,
                                             to flush: @escaping ([UInt8]) throws -> Void) throws {
        let box = WriterBox(self, flush: flush, threshold: threshold)
        defer { self = box.writer }
        try box.write(value)
    }

    /// Writes `value`'s members into the innermost open object, as if they were its own (for a record
    /// that adds keys in front of another record's).
    public mutating func encodeMembers<T: Encodable>(of value: T) throws {
        let box = WriterBox(self)
        defer { self = box.writer }
        let level = box.writer.level
        try value.encode(to: StreamEncoder(box: box, level: level - 1))
        box.writer.close(toLevel: level)
    }
}

/// The writer shared by the containers of one `encode` call.
private final class WriterBox {
    var writer: JSONWriter
    /// Where full buffers go while a large value is written (nil: everything stays in the writer).
    private let flush: (([UInt8]) throws -> Void)?
    private let threshold: Int
    /// Bytes already handed to `flush`.
    private var flushed = 0

    init(_ writer: JSONWriter, flush: (([UInt8]) throws -> Void)? = nil, threshold: Int = .max) {
        self.writer = writer
        self.flush = flush
        self.threshold = threshold
    }

    /// Everything written through this box, flushed or not.
    private var written: Int { flushed + writer.bytes.count }

    /// Lets a value encode itself, then closes whatever it left open; a value that opened nothing is `{}`.
    func write<T: Encodable>(_ value: T) throws {
        // A Decimal is a JSON number, as Foundation's JSONEncoder writes it (its own `encode(to:)` would
        // write its internal fields).
        if let decimal = value as? Decimal {
            writer.number(literal: decimal.description)
            return
        }
        let level = writer.level
        let before = written
        try value.encode(to: StreamEncoder(box: self, level: level))
        writer.close(toLevel: level)
        if written == before { writer.emptyObject() }
        if let flush, writer.bytes.count >= threshold {
            let bytes = writer.takeBytes()
            flushed += bytes.count
            try flush(bytes)
        }
    }
}

/// Coding paths are not tracked (they only serve error messages, and these types cannot fail to encode).
/// `level` is the writer level the encoded value sits at: its container, once opened, is `level + 1`.
private struct StreamEncoder: Encoder {
    let box: WriterBox
    let level: Int
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        openIfNeeded(array: false)
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(box: box, level: level + 1))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        openIfNeeded(array: true)
        return StreamUnkeyedContainer(box: box, level: level + 1)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        StreamSingleContainer(box: box, level: level)
    }

    /// Opens this value's container unless it is open already (a type may ask for it twice).
    private func openIfNeeded(array: Bool) {
        if box.writer.level > level {
            box.writer.close(toLevel: level + 1)
            return
        }
        if array { box.writer.beginArray() } else { box.writer.beginObject() }
    }
}

private struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: WriterBox
    /// The level of this container (nested containers of an earlier member are closed above it).
    let level: Int
    var codingPath: [CodingKey] { [] }

    private func key(_ key: Key) {
        box.writer.close(toLevel: level)
        box.writer.key(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {
        self.key(key)
        box.writer.null()
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        try box.write(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        self.key(key)
        box.writer.string(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        self.key(key)
        box.writer.bool(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        self.key(key)
        box.writer.number(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        self.key(key)
        box.writer.number(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                         forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        return StreamEncoder(box: box, level: level).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        self.key(key)
        return StreamEncoder(box: box, level: level).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { StreamEncoder(box: box, level: level - 1) }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        self.key(key)
        return StreamEncoder(box: box, level: level)
    }
}

private struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let box: WriterBox
    let level: Int
    var codingPath: [CodingKey] { [] }
    private(set) var count = 0

    init(box: WriterBox, level: Int) {
        self.box = box
        self.level = level
    }

    private mutating func member() {
        box.writer.close(toLevel: level)
        count += 1
    }

    mutating func encodeNil() throws {
        member()
        box.writer.null()
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        member()
        try box.write(value)
    }

    mutating func encode(_ value: String) throws {
        member()
        box.writer.string(value)
    }

    mutating func encode(_ value: Bool) throws {
        member()
        box.writer.bool(value)
    }

    mutating func encode(_ value: Int) throws {
        member()
        box.writer.number(value)
    }

    mutating func encode(_ value: Double) throws {
        member()
        box.writer.number(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        member()
        box.writer.beginObject()
        return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(box: box, level: level + 1))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        member()
        box.writer.beginArray()
        return StreamUnkeyedContainer(box: box, level: level + 1)
    }

    mutating func superEncoder() -> Encoder {
        member()
        return StreamEncoder(box: box, level: level)
    }
}

private struct StreamSingleContainer: SingleValueEncodingContainer {
    let box: WriterBox
    let level: Int
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() throws { box.writer.null() }
    mutating func encode<T: Encodable>(_ value: T) throws { try box.write(value) }
    mutating func encode(_ value: String) throws { box.writer.string(value) }
    mutating func encode(_ value: Bool) throws { box.writer.bool(value) }
    mutating func encode(_ value: Int) throws { box.writer.number(value) }
    mutating func encode(_ value: Double) throws { box.writer.number(value) }
}
