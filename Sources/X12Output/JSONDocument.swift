/// Whole JSON documents for the commands and the inspector's API: one key policy everywhere (the order the
/// types declare their keys), pretty-printed with two-space indentation and a final line break.
public enum JSONDocument {
    /// `value` as a pretty-printed document.
    public static func pretty<T: Encodable>(_ value: T) throws -> [UInt8] {
        var json = JSONWriter(pretty: true)
        try json.encode(value)
        json.newline()
        return json.takeBytes()
    }

    /// `value` as a pretty-printed document handed to `write` a megabyte at a time (the last piece holds the
    /// final line break): the same bytes as ``pretty(_:)`` without holding them all.
    public static func write<T: Encodable>(_ value: T, to write: @escaping ([UInt8]) throws -> Void) throws {
        var json = JSONWriter(pretty: true)
        try json.encode(value, flushingEvery: 1 << 20, to: write)
        json.newline()
        try write(json.takeBytes())
    }

    /// `value` on one line (for NDJSON records and short API errors), with a final line break.
    public static func compact<T: Encodable>(_ value: T) throws -> [UInt8] {
        var json = JSONWriter(pretty: false)
        try json.encode(value)
        json.newline()
        return json.takeBytes()
    }
}
