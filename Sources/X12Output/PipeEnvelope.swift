/// The keys that open every record of the pipe contract: NDJSON written for distributed engines (Spark's
/// `rdd.pipe`, `xargs -P`, any tool that streams paths through a process and reads records back).
///
/// Every record starts with `recordType`, `schemaVersion`, `source`, `interchangeControlNumber` (ISA13),
/// `groupControlNumber` (GS06) and `transactionSetControlNumber` (ST02), in that order; a control number
/// that is unknown (a diagnostic before the envelope, an acknowledged claim without a submitted 837) is `null`.
/// The record's own keys follow at the same level.
public struct PipeEnvelope: Sendable, Hashable {
    /// The version of the record schema, written as `schemaVersion`. It changes only when a key is renamed,
    /// removed or changes meaning; keys may be added within a version.
    public static let schemaVersion = 1

    /// What the record is.
    public var recordType: PipeRecordType
    /// The path the record came from, as it was given (`-` for standard input).
    public var source: String
    /// ISA13 of the interchange.
    public var interchangeControlNumber: String?
    /// GS06 of the functional group.
    public var groupControlNumber: String?
    /// ST02 of the transaction set.
    public var transactionSetControlNumber: String?

    /// Creates an envelope.
    public init(recordType: PipeRecordType, source: String, interchangeControlNumber: String? = nil,
                groupControlNumber: String? = nil, transactionSetControlNumber: String? = nil) {
        self.recordType = recordType
        self.source = source
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.transactionSetControlNumber = transactionSetControlNumber
    }

    /// Writes the six keys, `null` for an unknown control number: a record's `encode(to:)` calls this first on a
    /// `PipeKey` container, then writes its own keys. With `transactionSet: false` the ST02 key is left to the
    /// record (one that already writes `transactionSetControlNumber` in that place).
    public func encode(into container: inout KeyedEncodingContainer<PipeKey>, transactionSet: Bool = true) throws {
        try container.encode(recordType.rawValue, forKey: "recordType")
        try container.encode(Self.schemaVersion, forKey: "schemaVersion")
        try container.encode(source, forKey: "source")
        try container.encodeOrNull(interchangeControlNumber, forKey: "interchangeControlNumber")
        try container.encodeOrNull(groupControlNumber, forKey: "groupControlNumber")
        if transactionSet {
            try container.encodeOrNull(transactionSetControlNumber, forKey: "transactionSetControlNumber")
        }
    }

    /// The same keys written straight into the open object of `json` (the fast path of records that write themselves).
    public func writeMembers(to json: inout JSONWriter, transactionSet: Bool = true) {
        json.key("recordType"); json.string(recordType.rawValue)
        json.key("schemaVersion"); json.number(Self.schemaVersion)
        json.key("source"); json.string(source)
        json.key("interchangeControlNumber"); json.string(interchangeControlNumber)
        json.key("groupControlNumber"); json.string(groupControlNumber)
        if transactionSet { json.key("transactionSetControlNumber"); json.string(transactionSetControlNumber) }
    }
}

/// The kinds of pipe records (`recordType`).
public enum PipeRecordType: String, Sendable, Hashable, CaseIterable {
    /// `x12 remit`: one claim payment (``RemittanceClaimRecord``).
    case claimPayment
    /// `x12 remit`: one transaction set's payment, PLB and totals, after its claims (``RemittanceTransactionRecord``).
    case remittance
    /// `x12 ack`: where one claim stands according to one acknowledgment file (``AckClaimRecord``).
    case claimStatus
    /// `x12 validate`: one validated transaction set (``ValidationTransactionSetRecord``).
    case transactionSet
    /// `x12 validate`: one finding (``ValidationFindingRecord``).
    case finding
    /// Any command with `--keep-going`: a file, or a part of one, that could not be read (``PipeDiagnosticRecord``).
    case diagnostic
}

/// A coding key made from any string: pipe records name their keys as they write them.
public struct PipeKey: CodingKey, ExpressibleByStringLiteral, Sendable {
    /// The key as written.
    public var stringValue: String
    /// Pipe records have no integer keys.
    public var intValue: Int? { nil }

    /// The key `stringValue`.
    public init(stringValue: String) { self.stringValue = stringValue }
    /// Pipe records have no integer keys: always nil.
    public init?(intValue: Int) { nil }
    /// The key written as a string literal.
    public init(stringLiteral value: String) { stringValue = value }
}

extension KeyedEncodingContainer where Key == PipeKey {
    /// Writes `value`, or `null` when it is nil (records of the pipe contract always carry their keys).
    public mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: PipeKey) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
