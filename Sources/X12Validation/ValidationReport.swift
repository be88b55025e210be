import X12

/// The result of validating one input: every finding plus a summary per transaction set.
public struct ValidationReport: Sendable, Codable {
    /// One transaction set that was validated.
    public struct TransactionSummary: Sendable, Codable, Hashable {
        /// ISA13.
        public var interchangeControlNumber: String
        /// GS01 of the group.
        public var functionalId: String
        /// GS06.
        public var groupControlNumber: String
        /// GS08.
        public var groupVersion: String
        /// ST01.
        public var transactionSetId: String
        /// ST02.
        public var controlNumber: String
        /// The implementation reference used (ST03, else GS08).
        public var implementation: String
        /// Whether a spec was found for it.
        public var hasSpec: Bool
        /// Number of segments, ST..SE.
        public var segmentCount: Int
        /// Errors found in it.
        public var errorCount: Int
        /// Warnings found in it.
        public var warningCount: Int
    }

    /// One interchange (ISA) read, with what a TA1 or 999 needs to answer it.
    public struct InterchangeSummary: Sendable, Codable, Hashable {
        /// ISA13.
        public var controlNumber: String
        /// ISA05.
        public var senderQualifier: String
        /// ISA06 without padding.
        public var senderId: String
        /// ISA07.
        public var receiverQualifier: String
        /// ISA08 without padding.
        public var receiverId: String
        /// ISA09 (YYMMDD).
        public var date: String
        /// ISA10 (HHMM).
        public var time: String
        /// ISA14 = 1: the sender asked for a TA1.
        public var acknowledgmentRequested: Bool
        /// ISA15.
        public var usage: String

        init(_ header: InterchangeHeader) {
            controlNumber = header.controlNumber
            senderQualifier = header.senderQualifier
            senderId = header.senderId
            receiverQualifier = header.receiverQualifier
            receiverId = header.receiverId
            date = header.date
            time = header.time
            acknowledgmentRequested = header.acknowledgmentRequested
            usage = header.usage
        }
    }

    /// The input's name as given (path or `-`).
    public var file: String
    /// Every finding, in input order.
    public var findings: [ValidationFinding]
    /// The transaction sets read.
    public var transactionSets: [TransactionSummary]
    /// The interchanges read.
    public var interchanges: [InterchangeSummary] = []

    /// Creates a report.
    public init(file: String, findings: [ValidationFinding] = [], transactionSets: [TransactionSummary] = []) {
        self.file = file
        self.findings = findings
        self.transactionSets = transactionSets
    }

    /// Number of errors.
    public var errorCount: Int { findings.count { $0.severity == .error } }
    /// Number of warnings.
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    /// Whether the input passes: no errors (and no warnings when `strict`).
    public func isValid(strict: Bool = false) -> Bool {
        strict ? findings.isEmpty : errorCount == 0
    }

    enum CodingKeys: String, CodingKey {
        case file, valid, errorCount, warningCount, interchanges, transactionSets, findings
    }

    /// Encodes with `valid`, `errorCount` and `warningCount` added for readers of the JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(isValid(), forKey: .valid)
        try container.encode(errorCount, forKey: .errorCount)
        try container.encode(warningCount, forKey: .warningCount)
        try container.encode(interchanges, forKey: .interchanges)
        try container.encode(transactionSets, forKey: .transactionSets)
        try container.encode(findings, forKey: .findings)
    }

    /// Decodes a report written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        transactionSets = try container.decode([TransactionSummary].self, forKey: .transactionSets)
        interchanges = try container.decode([InterchangeSummary].self, forKey: .interchanges)
        findings = try container.decode([ValidationFinding].self, forKey: .findings)
    }
}
