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
}
