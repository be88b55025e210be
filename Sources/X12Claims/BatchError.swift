import Foundation

/// A batch that cannot be billed at all: malformed JSON, a missing required field, a dangling or duplicate id
/// in the reference data. It names the JSON path (`visits[3].charges[0].amount`) and never yields a partial 837.
public struct BatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON path of the offending value (`$` for the document itself).
    public var path: String
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }

    /// Translates a `DecodingError` into a path and a sentence.
    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(path: Self.path(context.codingPath + [key]), "required field '\(key.stringValue)' is missing")
        case .valueNotFound(let type, let context):
            self.init(path: Self.path(context.codingPath), "a value of type \(type) is required, found null")
        case .typeMismatch(let type, let context):
            self.init(path: Self.path(context.codingPath), "expected \(Self.jsonType(type)): \(context.debugDescription)")
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0.localizedDescription))" } ?? ""
            self.init(path: Self.path(context.codingPath), context.debugDescription + underlying)
        @unknown default:
            self.init(path: "$", "\(error)")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "$" }
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    private static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Double.Type: return "a number"
        case is Array<Any>.Type: return "an array"
        default: return "\(type)"
        }
    }
}

