import Foundation

/// Encodes `Encodable` values as JSON with keys in the order the type encodes them (declaration order
/// for synthesized `Codable`), so records read naturally (payment before claims, amounts next to codes)
/// and the output is byte-for-byte stable. Foundation's `JSONEncoder` orders keys by hash or sorts them.
///
/// Pretty output indents by two spaces and writes `"key": value`; compact output has no spaces.
struct OrderedJSONEncoder {
    /// Whether to indent.
    var pretty: Bool

    /// Encodes a value; `indent` levels of indentation are added to every line after the first.
    func encode<T: Encodable>(_ value: T, indent: Int = 0, into output: inout [UInt8]) throws {
        let root = JSONNode()
        try value.encode(to: NodeEncoder(node: root))
        root.write(into: &output, pretty: pretty, depth: indent)
    }

    /// Encodes a value into new bytes.
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var output: [UInt8] = []
        try encode(value, into: &output)
        return output
    }
}

/// A JSON value being built: an object (ordered members), an array, or a literal already serialized.
final class JSONNode {
    enum Kind { case undefined, literal, object, array }
    var kind = Kind.undefined
    var literal: [UInt8] = []
    var members: [(String, JSONNode)] = []
    var elements: [JSONNode] = []

    init() {}

    init(literal: [UInt8]) {
        kind = .literal
        self.literal = literal
    }

    static func string(_ text: String) -> JSONNode {
        var bytes: [UInt8] = [0x22]
        appendEscaped(text, to: &bytes)
        bytes.append(0x22)
        return JSONNode(literal: bytes)
    }

    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
    }

    func write(into output: inout [UInt8], pretty: Bool, depth: Int) {
        switch kind {
        case .undefined:
            output.append(contentsOf: Array("{}".utf8))
        case .literal:
            output.append(contentsOf: literal)
        case .object:
            guard !members.isEmpty else { output.append(contentsOf: [0x7B, 0x7D]); return }
            output.append(0x7B)
            for (offset, member) in members.enumerated() {
                if offset > 0 { output.append(0x2C) }
                newline(&output, pretty: pretty, depth: depth + 1)
                output.append(0x22)
                Self.appendEscaped(member.0, to: &output)
                output.append(contentsOf: pretty ? [0x22, 0x3A, 0x20] : [0x22, 0x3A])
                member.1.write(into: &output, pretty: pretty, depth: depth + 1)
            }
            newline(&output, pretty: pretty, depth: depth)
            output.append(0x7D)
        case .array:
            guard !elements.isEmpty else { output.append(contentsOf: [0x5B, 0x5D]); return }
            output.append(0x5B)
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(0x2C) }
                newline(&output, pretty: pretty, depth: depth + 1)
                element.write(into: &output, pretty: pretty, depth: depth + 1)
            }
            newline(&output, pretty: pretty, depth: depth)
            output.append(0x5D)
        }
    }

    private func newline(_ output: inout [UInt8], pretty: Bool, depth: Int) {
        guard pretty else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }
}

private struct NodeEncoder: Encoder {
    let node: JSONNode
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.kind != .object { node.kind = .object; node.members = [] }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if node.kind != .array { node.kind = .array; node.elements = [] }
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

/// Encodes a value into a fresh node; strings, numbers and booleans become literals directly.
private func makeNode<T: Encodable>(_ value: T, codingPath: [CodingKey]) throws -> JSONNode {
    switch value {
    case let text as String: return .string(text)
    case let flag as Bool: return JSONNode(literal: Array((flag ? "true" : "false").utf8))
    case let number as any BinaryInteger: return JSONNode(literal: Array(String(describing: number).utf8))
    case let number as Double: return JSONNode(literal: Array((number.isFinite ? number.description : "null").utf8))
    case let number as Decimal: return JSONNode(literal: Array(number.description.utf8))
    default:
        let node = JSONNode()
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
        return node
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    var codingPath: [CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        node.members.append((key.stringValue, JSONNode(literal: Array("null".utf8))))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.members.append((key.stringValue, try makeNode(value, codingPath: codingPath + [key])))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                         forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode()
        node.members.append((key.stringValue, child))
        return NodeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = JSONNode()
        node.members.append((key.stringValue, child))
        return NodeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { NodeEncoder(node: node, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder {
        let child = JSONNode()
        node.members.append((key.stringValue, child))
        return NodeEncoder(node: child, codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    var codingPath: [CodingKey]
    var count: Int { node.elements.count }

    mutating func encodeNil() throws { node.elements.append(JSONNode(literal: Array("null".utf8))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.elements.append(try makeNode(value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode()
        node.elements.append(child)
        return NodeEncoder(node: child, codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = JSONNode()
        node.elements.append(child)
        return NodeEncoder(node: child, codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        let child = JSONNode()
        node.elements.append(child)
        return NodeEncoder(node: child, codingPath: codingPath)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: JSONNode
    var codingPath: [CodingKey]

    mutating func encodeNil() throws { set(Array("null".utf8)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let made = try makeNode(value, codingPath: codingPath)
        node.kind = made.kind
        node.literal = made.literal
        node.members = made.members
        node.elements = made.elements
    }

    private func set(_ literal: [UInt8]) {
        node.kind = .literal
        node.literal = literal
    }
}
