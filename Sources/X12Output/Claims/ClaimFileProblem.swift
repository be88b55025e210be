import X12

/// Why a file gave no claim records, as `x12 claims --format json` lists it under `errors`: the file and the
/// `X12Error`'s kind, position and message (the same fields as the remittance problems).
public struct ClaimFileProblem: Sendable, Hashable, Encodable {
    /// The input file.
    public var file: String
    /// The stable category (`invalidValue`, `unexpectedSegment`, `unreadable`...).
    public var kind: X12Error.Kind
    /// What went wrong.
    public var message: String
    /// 1-based index of the segment in the file.
    public var segmentIndex: Int?
    /// The segment id.
    public var segmentId: String?
    /// The element position, when one element is at fault.
    public var element: Int?
    /// The component position, when one component is at fault.
    public var component: Int?

    /// Wraps an error met reading `file`.
    public init(file: String, error: X12Error) {
        self.file = file
        kind = error.kind
        message = error.message
        segmentIndex = error.position.segmentIndex
        segmentId = error.position.segmentId
        element = error.position.elementPosition
        component = error.position.componentPosition
    }
}
