import X12

/// Reads 835 remittances one transaction set at a time.
///
/// The decoder pulls transaction sets from an ``EnvelopeReader`` and turns each 835 into a
/// ``Remittance``; it keeps nothing once a remittance is returned, so a file of any size with many
/// transaction sets is read in memory proportional to its largest transaction set.
///
/// ```swift
/// let decoder = try RemittanceDecoder(path: "payments.835")
/// while let remittance = try decoder.next() {
///     print(remittance.payment.traceNumber, remittance.payment.amount)
/// }
/// print(decoder.problems)   // envelope faults outside any 835
/// ```
public final class RemittanceDecoder {
    private let envelopes: EnvelopeReader
    /// Problems found outside any 835 transaction set: group and interchange envelope faults, and
    /// transaction sets that are not 835s (which are skipped). Grows as reading goes on.
    public private(set) var problems: [RemittanceProblem] = []

    /// Reads from a segment reader.
    public init(reader: SegmentReader) {
        envelopes = EnvelopeReader(reader)
    }

    /// Opens a file (`-` for standard input).
    ///
    /// - Throws: ``X12Error`` (`unreadable`) when the file cannot be opened.
    public convenience init(path: String) throws(X12Error) {
        self.init(reader: try SegmentReader(path: path))
    }

    /// Returns the next remittance, or `nil` at the end of the input.
    ///
    /// - Throws: ``X12Error`` when the input cannot be tokenized any further (no ISA, malformed ISA,
    ///   truncated segment); the remittances returned before stay valid.
    public func next() throws(X12Error) -> Remittance? {
        while let item = try envelopes.next() {
            switch item {
            case .transactionSet(let set):
                guard set.header.id == "835" else {
                    var position = set.header.position
                    position.transactionSegmentIndex = 1
                    position.elementPosition = 1
                    let error = X12Error(.unexpectedSegment, at: position,
                                         "transaction set \(set.header.controlNumber) is a \(set.header.id), not an 835: skipped")
                    problems.append(RemittanceProblem(error, transactionSetControlNumber: set.header.controlNumber))
                    continue
                }
                var parser = RemittanceParser(set)
                return parser.parse()
            case .problem(let error):
                problems.append(RemittanceProblem(error))
            case .interchangeAcknowledgment:
                continue
            }
        }
        return nil
    }

    /// Decodes one 835 transaction set already read.
    public static func decode(_ set: TransactionSet) -> Remittance {
        var parser = RemittanceParser(set)
        return parser.parse()
    }
}
