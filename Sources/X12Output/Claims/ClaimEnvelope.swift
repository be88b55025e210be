import X12

/// The envelope control numbers of the transaction set a claim came in: ISA13, GS06 and ST02.
public struct ClaimEnvelope: Sendable, Hashable {
    /// ISA13 interchange control number.
    public var interchangeControlNumber: String
    /// GS06 group control number (empty when the set has no group).
    public var groupControlNumber: String
    /// ST02 transaction set control number.
    public var transactionSetControlNumber: String

    /// Creates envelope ids.
    public init(interchangeControlNumber: String, groupControlNumber: String, transactionSetControlNumber: String) {
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.transactionSetControlNumber = transactionSetControlNumber
    }

    /// The envelope ids of every transaction set of `bytes`, in file order (the order in which
    /// `ClaimDecoder` returns its transactions).
    ///
    /// - Throws: `X12Error` when the input cannot be tokenized or an envelope is broken.
    public static func all(in bytes: [UInt8]) throws(X12Error) -> [ClaimEnvelope] {
        let reader = EnvelopeReader(SegmentReader(bytes: bytes))
        var envelopes: [ClaimEnvelope] = []
        while let item = try reader.next() {
            switch item {
            case .problem(let error):
                throw error
            case .interchangeAcknowledgment:
                continue
            case .transactionSet(let set):
                envelopes.append(ClaimEnvelope(interchangeControlNumber: set.interchange.controlNumber,
                                               groupControlNumber: set.group?.controlNumber ?? "",
                                               transactionSetControlNumber: set.header.controlNumber))
            }
        }
        return envelopes
    }
}
