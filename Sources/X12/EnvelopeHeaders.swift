/// The GS segment that opens a functional group.
public struct FunctionalGroupHeader: Sendable, Hashable {
    /// GS01: `HC` claims, `HP` remittances, `FA` 999, `HN` 277CA.
    public var functionalId: String
    /// GS02.
    public var applicationSender: String
    /// GS03.
    public var applicationReceiver: String
    /// GS04 (CCYYMMDD).
    public var date: String
    /// GS05 (HHMM[SS]).
    public var time: String
    /// GS06, echoed by GE02.
    public var controlNumber: String
    /// GS07 responsible agency code (`X` for ASC X12).
    public var responsibleAgency: String
    /// GS08, e.g. `005010X222A1`.
    public var version: String
    /// Where the GS segment is.
    public var position: Position

    /// Reads the header fields from a GS segment.
    public init(_ segment: Segment) {
        let elements = segment.elements.map(\.text)
        func value(_ n: Int) -> String { n <= elements.count ? elements[n - 1] : "" }
        functionalId = value(1)
        applicationSender = value(2)
        applicationReceiver = value(3)
        date = value(4)
        time = value(5)
        controlNumber = value(6)
        responsibleAgency = value(7)
        version = value(8)
        position = segment.position
    }
}

/// The ST segment that opens a transaction set.
public struct TransactionSetHeader: Sendable, Hashable {
    /// ST01: `837`, `835`, `999`, `277`...
    public var id: String
    /// ST02, echoed by SE02 and by a 999's AK202.
    public var controlNumber: String
    /// ST03, the implementation guide (`005010X222A1`); empty when absent (835s often omit it).
    public var implementationReference: String
    /// Where the ST segment is.
    public var position: Position

    /// Reads the header fields from an ST segment.
    public init(_ segment: Segment) {
        id = segment[1]
        controlNumber = segment[2]
        implementationReference = segment[3]
        position = segment.position
    }
}
