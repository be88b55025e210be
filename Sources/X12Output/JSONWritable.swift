/// A value that writes itself through ``JSONWriter`` directly, without `Encodable`'s containers: for the
/// records written once per claim or line, where the generic path's boxing and dynamic dispatch cost more
/// than the decoding (measured in Benchmarks/cli.sh). Keys and their order must be those of the type's
/// synthesized `Codable` (a test compares both for every fixture).
public protocol JSONWritable {
    /// Writes the value as the next JSON value.
    func write(to json: inout JSONWriter)
}

extension JSONWriter {
    /// Writes a value that writes itself.
    public mutating func value<T: JSONWritable>(_ value: T) {
        value.write(to: &self)
    }

    /// Writes an array of values that write themselves.
    public mutating func array<T: JSONWritable>(_ values: [T]) {
        beginArray()
        for value in values { value.write(to: &self) }
        endArray()
    }

    /// Writes an array of strings.
    public mutating func array(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes `key` and `value`, or nothing when `value` is `nil` (as synthesized `Codable` does).
    public mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    /// Writes `key` and an integer, or nothing when it is `nil`.
    public mutating func field(_ key: String, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        number(value)
    }

    /// Writes `key` and a value that writes itself, or nothing when it is `nil`.
    public mutating func field<T: JSONWritable>(_ key: String, _ value: T?) {
        guard let value else { return }
        self.key(key)
        value.write(to: &self)
    }

    /// Writes `key` and an array, or nothing when it is `nil`.
    public mutating func field<T: JSONWritable>(_ key: String, _ values: [T]?) {
        guard let values else { return }
        self.key(key)
        array(values)
    }

    /// Writes `key` and an array of strings, or nothing when it is `nil`.
    public mutating func field(_ key: String, _ values: [String]?) {
        guard let values else { return }
        self.key(key)
        array(values)
    }
}
