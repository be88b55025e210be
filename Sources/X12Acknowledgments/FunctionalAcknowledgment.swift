import X12

/// A 999 implementation acknowledgment: the answer to one submitted functional group.
///
/// Its 4010-era predecessor, the 997 functional acknowledgment, decodes into the same shape: its AK3, AK4 and
/// AK5 carry what IK3, IK4 and IK5 carry.
///
/// `AK1` names the submitted group (GS06), each `AK2` one of its transaction sets (ST02) with the segment
/// (`IK3`) and element (`IK4`) errors found in it and its result (`IK5`); `AK9` closes with the group result.
/// A rejected transaction set means none of its claims reached the payer.
public struct FunctionalAcknowledgment: Sendable {
    /// ISA13 of the interchange carrying the 999.
    public var interchangeControlNumber: String
    /// ST01: `999` (or `997`).
    public var transactionSetId: String
    /// ST02 of the 999 itself.
    public var controlNumber: String
    /// AK101: functional id of the acknowledged group (`HC` for claims).
    public var functionalId: String
    /// AK102: GS06 of the acknowledged group.
    public var groupControlNumber: String
    /// AK103: GS08 of the acknowledged group (`005010X222A1`).
    public var version: String
    /// One entry per AK2, in order.
    public var transactionSets: [AcknowledgedTransactionSet]
    /// AK901: the group acknowledgment code (empty when AK9 is missing).
    public var groupCode: String
    /// AK902: number of transaction sets the group said it included (GE01).
    public var includedCount: Int?
    /// AK903: number of transaction sets received.
    public var receivedCount: Int?
    /// AK904: number of transaction sets accepted.
    public var acceptedCount: Int?
    /// AK905-AK909: functional group error codes.
    public var groupErrorCodes: [String]
    /// Where the ST of the 999 is.
    public var position: Position
    /// Structural faults found while decoding (segments out of order, missing IK5/AK9, unknown codes, truncation).
    public var problems: [X12Error]

    /// The outcome of AK901.
    public var groupStatus: AckStatus { AckStatus(code: groupCode) }
}

/// One AK2 loop: the result for one submitted transaction set.
public struct AcknowledgedTransactionSet: Sendable {
    /// AK201: ST01 of the acknowledged set (`837`).
    public var transactionSetId: String
    /// AK202: ST02 of the acknowledged set.
    public var controlNumber: String
    /// AK203: ST03 of the acknowledged set.
    public var implementationReference: String
    /// The IK3 segment errors.
    public var segmentErrors: [SegmentError]
    /// IK501: the transaction set acknowledgment code (empty when IK5 is missing).
    public var code: String
    /// IK502-IK506: transaction set syntax error codes.
    public var errorCodes: [String]
    /// Where the AK2 is.
    public var position: Position

    /// The outcome of IK501.
    public var status: AckStatus { code == "P" ? .unknown : AckStatus(code: code) }
}

/// One IK3 loop: a segment of the submitted set that is in error.
public struct SegmentError: Sendable {
    /// IK301: the segment id in error (`NM1`).
    public var segmentId: String
    /// IK302: the segment's position in the submitted transaction set, ST = 1.
    public var segmentPosition: Int?
    /// IK303: the loop the segment is in (AN 1-4, e.g. `2010`; longer ids such as `2010AA` do not fit).
    public var loopId: String
    /// IK304: segment syntax error code (may be empty).
    public var code: String
    /// CTX segments after the IK3 (business unit such as `CLM01`, or the situational trigger).
    public var contexts: [ErrorContext]
    /// The IK4 element errors in this segment.
    public var elementErrors: [ElementError]
    /// Where the IK3 is in the 999.
    public var position: Position

    /// The meaning of IK304, or `nil` for an empty or unknown code.
    public var description: String? { AckCodes.segmentErrors[code] }

    /// The claim the error names through `CTX*CLM01:<patient control number>`, if any.
    public var claimReference: String? {
        (contexts + elementErrors.flatMap(\.contexts)).first { $0.name == "CLM01" && !$0.reference.isEmpty }?.reference
    }
}

/// One IK4 loop: a data element in error.
public struct ElementError: Sendable {
    /// IK401-1: element position in the segment (1-based).
    public var elementPosition: Int?
    /// IK401-2: component position within a composite.
    public var componentPosition: Int?
    /// IK401-3: repetition position.
    public var repetitionPosition: Int?
    /// IK402: X12 data element reference number (`66` for NM108).
    public var dataElementReference: String
    /// IK403: element syntax error code.
    public var code: String
    /// IK404: a copy of the bad data element.
    public var badData: String
    /// CTX segments after the IK4.
    public var contexts: [ErrorContext]
    /// Where the IK4 is in the 999.
    public var position: Position

    /// The meaning of IK403, or `nil` for an unknown code.
    public var description: String? { AckCodes.elementErrors[code] }
}

/// A CTX segment: the context of an error.
///
/// Either a business unit (`CTX*CLM01:V100-1`: the claim the error is in) or a situational trigger
/// (`CTX*SITUATIONAL TRIGGER*CLM*43**5:3`: the segment whose presence made the erroneous one required).
public struct ErrorContext: Sendable, Hashable {
    /// CTX01-1: `CLM01`, `SITUATIONAL TRIGGER`, `NM109`...
    public var name: String
    /// CTX01-2: the business unit value (the claim's patient control number for `CLM01`).
    public var reference: String
    /// CTX02: segment id of the trigger segment.
    public var segmentId: String
    /// CTX03: position of the trigger segment in the submitted set.
    public var segmentPosition: Int?
    /// CTX04: loop of the trigger segment.
    public var loopId: String
    /// CTX05-1: element position in the trigger segment.
    public var elementPosition: Int?
    /// CTX05-2: component position in the trigger element.
    public var componentPosition: Int?
    /// CTX06-1: data element reference number of the trigger element.
    public var dataElementReference: String
}
