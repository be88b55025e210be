/// The loop a segment of a transaction set belongs to, for labelling a tree view.
public struct LoopAnnotation: Sendable, Hashable, Codable {
    /// Segment position within the transaction set (ST = 1).
    public var segmentIndex: Int
    /// Segment id.
    public var segmentId: String
    /// Guide loop id (`2010AA`), `nil` for header segments outside any loop.
    public var loopId: String?
    /// Guide loop name (`Billing Provider Name`).
    public var loopName: String?
    /// Ids of the enclosing guide loops, outermost first (`["2000A", "2010AA"]`).
    public var loopPath: [String]
    /// Name of the segment at this place in the guide (`Billing Provider Name`), `nil` when it did not fit.
    public var segmentName: String?
    /// Whether this segment opens a new occurrence of its loop.
    public var startsLoop: Bool
}
