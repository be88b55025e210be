/// A problem found while reading or writing X12, with the place it was found.
///
/// Reader errors are thrown when reading cannot go on (no ISA, a malformed ISA, a truncated file);
/// envelope errors are reported as values by ``EnvelopeTracker`` so one broken transaction set does
/// not hide the others.
public struct X12Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable category scripts can match on.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The input is empty or holds only whitespace.
        case emptyInput
        /// The input does not start with an ISA segment.
        case missingInterchangeHeader
        /// The ISA segment is not 106 fixed-width bytes or declares unusable delimiters.
        case malformedInterchangeHeader
        /// The input ends inside a segment (no segment terminator).
        case truncatedSegment
        /// A segment identifier is not 2–3 letters or digits.
        case invalidSegmentId
        /// A segment appears where the envelope structure does not allow it.
        case unexpectedSegment
        /// Bytes after the last IEA that are not another interchange.
        case dataAfterInterchange
        /// IEA, GE or SE is missing.
        case missingTrailer
        /// IEA01, GE01 or SE01 does not match the real count.
        case countMismatch
        /// IEA02/GE02/SE02 does not repeat the header's control number.
        case controlNumberMismatch
        /// An element value is not allowed (for example a control number that is not numeric).
        case invalidValue
        /// Data to be written contains a delimiter character.
        case delimiterInData
        /// The input could not be read (I/O error).
        case unreadable
    }

    /// The category of the problem.
    public var kind: Kind
    /// Where the problem is.
    public var position: Position
    /// A sentence a support person understands.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, at position: Position, _ message: String) {
        self.kind = kind
        self.position = position
        self.message = message
    }

    /// `segment N (ID) element M: message`.
    public var description: String { "\(position): \(message)" }
}
