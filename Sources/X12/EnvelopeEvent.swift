/// One step of an X12 input as ``EnvelopeReader/nextEvent()`` reads it: envelope boundaries, the
/// segments of each transaction set one at a time, and envelope faults.
///
/// Events arrive in input order and nest: an interchange start, a group start, a transaction set start,
/// its body segments, its end, more sets, the group end, and so on. A reader that handles events keeps
/// only what it needs of a transaction set, so memory does not grow with the set.
public enum EnvelopeEvent: Sendable {
    /// An ISA (`segment`) opened an interchange.
    case interchangeStart(InterchangeHeader, segment: Segment)
    /// An interchange closed: by its IEA (`trailer`), or without one (`nil`) because another ISA or the end
    /// of the input came first.
    case interchangeEnd(InterchangeHeader, trailer: Segment?)
    /// A GS opened a functional group.
    case groupStart(FunctionalGroupHeader)
    /// A functional group closed: by its GE (`trailer`), or without one (`nil`).
    case groupEnd(FunctionalGroupHeader, trailer: Segment?)
    /// An ST opened a transaction set.
    case transactionSetStart(TransactionSetStart)
    /// A segment between ST and SE of the open transaction set; `index` is its position in the set (ST = 1).
    case segment(Segment, index: Int)
    /// The open transaction set closed: by its SE (`trailer`), or without one (`nil`) because an envelope
    /// segment or the end of the input came first. `problems` are the set's envelope faults found after its
    /// start (SE01 count, SE02 control number, missing SE, stray envelope segments inside it).
    case transactionSetEnd(trailer: Segment?, problems: [X12Error])
    /// A TA1 interchange acknowledgment segment and the interchange it arrived in.
    case interchangeAcknowledgment(Segment, InterchangeHeader)
    /// A fault of a group or interchange envelope (GE/IEA counts, missing trailers, stray segments).
    case problem(X12Error)
}

/// What an ST opens: the set's header, the envelopes around it, and the faults its ST already shows.
public struct TransactionSetStart: Sendable {
    /// The ISA of the interchange holding the set.
    public var interchange: InterchangeHeader
    /// The GS of the group holding the set (`nil` when the ST appeared outside a group).
    public var group: FunctionalGroupHeader?
    /// The ST header.
    public var header: TransactionSetHeader
    /// The ST segment itself.
    public var segment: Segment
    /// Faults the ST shows (a control number used twice, an ST outside a group's scope).
    public var problems: [X12Error]

    /// Creates a start.
    public init(interchange: InterchangeHeader, group: FunctionalGroupHeader?, header: TransactionSetHeader, segment: Segment,
                problems: [X12Error] = []) {
        self.interchange = interchange
        self.group = group
        self.header = header
        self.segment = segment
        self.problems = problems
    }
}

extension TransactionSetStart {
    /// The start of a set already read whole (its first segment is its ST; its problems stay with the set).
    public init(of set: TransactionSet) {
        let st = set.segments.first ?? Segment(content: Array("ST".utf8)[...], delimiters: set.interchange.delimiters,
                                               position: set.header.position)
        self.init(interchange: set.interchange, group: set.group, header: set.header, segment: st)
    }
}
