/// Where something sits in an X12 input: byte offset, line, segment and element.
///
/// Segment indexes count from 1 over the whole input (`segmentIndex`) and, inside a transaction set,
/// from its ST (`transactionSegmentIndex`, the number a 999 IK302 reports). Fields that are not known are `nil`.
public struct Position: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Offset of the first byte of the segment from the start of the input.
    public var byteOffset: Int
    /// 1-based line of the segment's first byte.
    public var line: Int
    /// 1-based index of the segment in the input.
    public var segmentIndex: Int?
    /// Segment identifier such as `CLM`.
    public var segmentId: String?
    /// 1-based index of the segment within its transaction set (ST = 1).
    public var transactionSegmentIndex: Int?
    /// 1-based element position within the segment (NM109 → 9).
    public var elementPosition: Int?
    /// 1-based component position within a composite element.
    public var componentPosition: Int?

    /// Creates a position; everything but the byte offset and line is optional.
    public init(byteOffset: Int, line: Int, segmentIndex: Int? = nil, segmentId: String? = nil,
                transactionSegmentIndex: Int? = nil, elementPosition: Int? = nil, componentPosition: Int? = nil) {
        self.byteOffset = byteOffset
        self.line = line
        self.segmentIndex = segmentIndex
        self.segmentId = segmentId
        self.transactionSegmentIndex = transactionSegmentIndex
        self.elementPosition = elementPosition
        self.componentPosition = componentPosition
    }

    /// The same position narrowed to one element (and optionally one component).
    public func element(_ position: Int, component: Int? = nil) -> Position {
        var copy = self
        copy.elementPosition = position
        copy.componentPosition = component
        return copy
    }

    /// `segment 12 (CLM) element 2` style text, the form used in every error message.
    public var description: String {
        var text: String
        if let segmentIndex {
            text = "segment \(segmentIndex)"
            if let segmentId { text += " (\(segmentId))" }
        } else {
            text = "byte \(byteOffset)"
        }
        if let elementPosition {
            text += " element \(elementPosition)"
            if let componentPosition { text += " component \(componentPosition)" }
        }
        return text
    }
}
