/// One ST..SE transaction set with the envelopes around it.
///
/// A transaction set is the unit every decoder works on: an 835 payment, an 837 batch of claims, a 999.
/// ``EnvelopeReader`` buffers one at a time, so memory grows with the largest set, not with the file.
public struct TransactionSet: Sendable {
    /// The ISA of the interchange holding the set.
    public var interchange: InterchangeHeader
    /// The GS of the group holding the set (`nil` when the ST appeared outside a group).
    public var group: FunctionalGroupHeader?
    /// The ST header.
    public var header: TransactionSetHeader
    /// Every segment from ST to SE inclusive (`segments[0]` is the ST).
    public var segments: [Segment]
    /// Envelope faults of this set (SE01 count, SE02 control number, missing SE).
    public var problems: [X12Error]

    /// Creates a transaction set.
    public init(interchange: InterchangeHeader, group: FunctionalGroupHeader?, header: TransactionSetHeader,
                segments: [Segment], problems: [X12Error] = []) {
        self.interchange = interchange
        self.group = group
        self.header = header
        self.segments = segments
        self.problems = problems
    }

    /// Whether the set closed with an SE.
    public var isComplete: Bool { segments.last?.hasId("SE") ?? false }

    /// The SE, when the set closed with one.
    public var trailer: Segment? { isComplete ? segments.last : nil }

    /// The segments between ST and SE (their indices are their offsets in ``segments``).
    public var body: ArraySlice<Segment> {
        let end = isComplete ? segments.count - 1 : segments.count
        return segments[min(1, end)..<end]
    }
}
