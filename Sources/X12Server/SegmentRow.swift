import X12

/// One line of the segment tree: a segment and where it sits.
struct SegmentRow: Sendable {
    /// The segment, a view into the uploaded bytes.
    var segment: Segment
    /// Indentation: 0 for ISA/IEA, 1 for GS/GE, 2 for ST/SE, 3 and more inside a transaction set.
    var depth: Int
    /// 1-based position inside its transaction set (ST = 1), the number a 999 IK302 reports.
    var transactionPosition: Int?

    /// 1-based index of the segment in the file.
    var index: Int { segment.position.segmentIndex ?? 0 }
}

/// Works out the indentation of each segment from the envelope and the HL hierarchy.
///
/// Envelope segments sit at fixed depths; inside a transaction set an HL is indented one step per
/// parent (HL02), and the segments after an HL one step further than the HL itself.
struct TreeDepth: Sendable {
    private var bodyDepth = 3
    private var hierarchy: [String: Int] = [:]

    /// Returns the depth of `segment`, updating the hierarchy when it is an HL.
    mutating func depth(of segment: Segment) -> Int {
        switch segment.id {
        case "ISA", "IEA":
            bodyDepth = 3
            return 0
        case "GS", "GE", "TA1":
            return 1
        case "ST":
            hierarchy = [:]
            bodyDepth = 3
            return 2
        case "SE":
            return 2
        case "HL":
            let parent = segment[2]
            let level = parent.isEmpty ? 0 : (hierarchy[parent].map { $0 + 1 } ?? 0)
            hierarchy[segment[1]] = level
            bodyDepth = 4 + level
            return 3 + level
        default:
            return bodyDepth
        }
    }
}
