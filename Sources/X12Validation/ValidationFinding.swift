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
        /// A segment id the guide does not use anywhere (IK304 1).
        case unrecognizedSegment
        /// A segment of the guide that cannot go here (IK304 2).
        case unexpectedSegment
        /// A segment that belongs earlier in its loop (IK304 7).
        case segmentOutOfOrder
        /// A required segment is missing (IK304 3).
        case requiredSegmentMissing
        /// A required loop is missing (IK304 3, reported on its first segment).
        case requiredLoopMissing
        /// A segment repeats more often than its max use (IK304 5).
        case segmentOverMaxUse
        /// A loop repeats more often than allowed (IK304 4).
        case loopOverMaxRepeat
        /// A segment or loop the guide marks "not used" was sent (IK304 I4).
        case notUsedSegmentPresent
        /// A required element or component is empty (IK403 1).
        case requiredElementMissing
        /// A syntax note (P, R, C, L) requires an element that is empty (IK403 2).
        case conditionalElementMissing
        /// A syntax note (E) allows only one of several elements (IK403 10).
        case exclusionViolated
        /// An element the guide marks "not used" has a value (IK403 I10).
        case notUsedElementPresent
        /// More elements than the guide defines (IK403 3).
        case tooManyElements
        /// More components than the composite defines (IK403 13).
        case tooManyComponents
        /// Shorter than the minimum length (IK403 4).
        case elementTooShort
        /// Longer than the maximum length (IK403 5).
        case elementTooLong
        /// A code the guide does not allow here (IK403 7).
        case invalidCode
        /// Not a valid date, or not the format DTP02 names (IK403 8).
        case invalidDate
        /// Not a valid time (IK403 9).
        case invalidTime
        /// Not a number where the guide wants one (IK403 6).
        case nonNumeric
        /// A character outside the X12 set, a separator in a simple element, or trailing spaces (IK403 6).
        case invalidCharacter
        /// The value does not have the form the guide requires (IK403 I12).
        case patternMismatch
        /// HL numbering, parent or child flag is wrong.
        case hierarchy
        /// An NPI with a wrong check digit or form.
        case npiCheckDigit
        /// Amounts that must balance do not (CLM02 = Σ SV102, 835 claim and payment balancing).
        case balance
        /// A number that must count 1, 2, 3... does not (LX01).
        case sequence
        /// A situational rule of the guide is broken (IK304 I6 / I9).
        case situationalRule
        /// ST/SE fault: count, control number, missing SE (IK502).
        case transactionEnvelope
        /// GS/GE fault (AK905).
        case groupEnvelope
        /// ISA/IEA fault or unreadable envelope (TA105).
        case interchangeEnvelope
        /// No spec for the transaction set and version (IK502 I6).
        case noSpec
        /// The file could not be read.
        case unreadable
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
