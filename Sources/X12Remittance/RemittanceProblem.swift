import X12

/// An error met while reading a remittance: an envelope fault, a broken claim loop that was skipped, a
/// missing required segment. Any problem makes `x12 remit` exit with 1.
public struct RemittanceProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The stable category (`invalidValue`, `unexpectedSegment`, `countMismatch`...).
    public var kind: X12Error.Kind
    /// What went wrong and what was expected.
    public var message: String
    /// 1-based index of the segment in the file.
    public var segmentIndex: Int?
    /// 1-based index of the segment within its transaction set (ST = 1).
    public var transactionSegmentIndex: Int?
    /// The segment id.
    public var segmentId: String?
    /// The element position, when one element is at fault.
    public var element: Int?
    /// The component position, when one component is at fault.
    public var component: Int?
    /// Byte offset of the segment in the file.
    public var byteOffset: Int
    /// Line of the segment in the file.
    public var line: Int
    /// ST02 of the transaction set, when the problem is inside one.
    public var transactionSetControlNumber: String?
    /// The segment as written (without its terminator), when the problem is an unreadable segment kept
    /// with the claim it belongs to.
    public var segmentText: String?

    /// Wraps an `X12Error`.
    public init(_ error: X12Error, transactionSetControlNumber: String? = nil) {
        kind = error.kind
        message = error.message
        segmentIndex = error.position.segmentIndex
        transactionSegmentIndex = error.position.transactionSegmentIndex
        segmentId = error.position.segmentId
        element = error.position.elementPosition
        component = error.position.componentPosition
        byteOffset = error.position.byteOffset
        line = error.position.line
        self.transactionSetControlNumber = transactionSetControlNumber
    }

    /// The problem as an `X12Error`, for `file:segment N (ID) element M: message` diagnostics.
    public var error: X12Error {
        X12Error(kind, at: Position(byteOffset: byteOffset, line: line, segmentIndex: segmentIndex, segmentId: segmentId,
                                    transactionSegmentIndex: transactionSegmentIndex, elementPosition: element,
                                    componentPosition: component), message)
    }

    /// `segment N (ID) element M: message`.
    public var description: String { error.description }
}
