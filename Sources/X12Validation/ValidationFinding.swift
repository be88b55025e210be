/// One problem found by the validator, with where it is and the 999/TA1 codes that report it.
public struct ValidationFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The transaction set (or interchange) must be rejected.
        case error
        /// Worth fixing; does not reject unless `--strict`.
        case warning
    }

    /// What kind of problem, as a stable name scripts can match on.
    public enum Kind: String, Sendable, Hashable, Codable {
        case unrecognizedSegment, unexpectedSegment, segmentOutOfOrder, requiredSegmentMissing, requiredLoopMissing
        case segmentOverMaxUse, loopOverMaxRepeat, notUsedSegmentPresent
        case requiredElementMissing, conditionalElementMissing, exclusionViolated, notUsedElementPresent
        case tooManyElements, tooManyComponents, elementTooShort, elementTooLong, invalidCode, invalidDate, invalidTime
        case nonNumeric, invalidCharacter, patternMismatch
        case hierarchy, npiCheckDigit, balance, sequence, situationalRule
        case transactionEnvelope, groupEnvelope, interchangeEnvelope, noSpec, unreadable
    }

    /// Error or warning.
    public var severity: Severity
    /// Kind of problem.
    public var kind: Kind
    /// A sentence a support person understands.
    public var message: String
    /// ISA13 of the interchange.
    public var interchangeControlNumber: String?
    /// GS06 of the functional group.
    public var groupControlNumber: String?
    /// ST01 of the transaction set.
    public var transactionSetId: String?
    /// ST02 of the transaction set.
    public var transactionSetControlNumber: String?
    /// 1-based segment index in the whole file.
    public var fileSegmentIndex: Int?
    /// 1-based line of the segment in the file.
    public var line: Int?
    /// Segment position within the transaction set, ST = 1 (999 IK302).
    public var segmentIndex: Int?
    /// Segment id (999 IK301): the segment at fault, or for a missing segment the one that is missing.
    public var segmentId: String?
    /// Loop id (`2010AA`).
    public var loopId: String?
    /// Element position (999 IK401-1).
    public var element: Int?
    /// Component position (999 IK401-2).
    public var component: Int?
    /// X12 data element reference number (999 IK402).
    public var elementReference: String?
    /// The offending value (999 IK404).
    public var value: String?
    /// 999 IK304 segment syntax error code.
    public var segmentErrorCode: String?
    /// 999 IK403 element syntax error code.
    public var elementErrorCode: String?
    /// 999 IK502 transaction set error code (envelope faults).
    public var transactionErrorCode: String?
    /// 999 AK905 functional group error code.
    public var groupErrorCode: String?
    /// TA105 interchange note code.
    public var interchangeErrorCode: String?
    /// CLM01 of the claim the segment belongs to (837), for 999 CTX and for people.
    public var claimId: String?

    /// Creates a finding; most fields are filled in by the validator.
    public init(severity: Severity = .error, kind: Kind, message: String) {
        self.severity = severity
        self.kind = kind
        self.message = message
    }

    /// `segment N (ID) loop L element M: message` (file-wide segment index; ST position added in brackets).
    public var description: String {
        var text = ""
        if let fileSegmentIndex {
            text = "segment \(fileSegmentIndex)"
            if let segmentId { text += " (\(segmentId))" }
        } else if let segmentId {
            text = "segment \(segmentId)"
        } else {
            text = "file"
        }
        if let loopId { text += " loop \(loopId)" }
        if let element {
            text += " element \(element)"
            if let component { text += " component \(component)" }
        }
        text += ": "
        if severity == .warning { text += "warning: " }
        return text + message
    }
}
