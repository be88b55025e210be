import X12
import X12Validation

/// Turns segments into `x12 print` output: numbered lines, an indented tree, or X12 again.
struct SegmentPrinter {
    enum Mode {
        case list
        case tree
        case raw(delimiters: Delimiters?, newlines: Bool)
    }

    let mode: Mode
    let fixCounts: Bool
    /// Labels tree lines with implementation-guide loops when a guide matches the transaction set.
    let validator: Validator?
    private var writer: SegmentWriter?
    private var interchange: InterchangeHeader?
    private var group: FunctionalGroupHeader?
    /// Segments of the open transaction set, held back in tree mode until its loops are known.
    private var heldSet: [Segment] = []
    private var hierarchy = HierarchyDepth()
    private var depth = 0
    private var setSegments = 0
    private var setsInGroup = 0
    private var groupsInInterchange = 0

    init(mode: Mode, fixCounts: Bool, validator: Validator? = nil) {
        self.mode = mode
        self.fixCounts = fixCounts
        self.validator = validator
    }

    mutating func print(_ segment: Segment, into output: inout OutputBuffer) throws(X12Error) {
        let id = segment.id
        let replacement = countReplacement(for: id)
        switch mode {
        case .list:
            output.line(number(segment) + "  " + segment.text)
        case .tree:
            try treeLine(segment, id: id, into: &output)
        case .raw(let target, let newlines):
            let delimiters = target ?? segment.delimiters
            if writer?.delimiters != delimiters {
                writer = SegmentWriter(delimiters: delimiters, lineBreak: newlines ? "\n" : "")
            }
            guard var current = writer else { return }
            try current.write(segment, keepLayout: !newlines, replacing: replacement.map { (element: 1, value: $0) })
            output.raw(current.takeBytes())
            writer = current
        }
    }

    /// Writes what is left of an unfinished transaction set (the input ended inside it).
    mutating func finish(into output: inout OutputBuffer) {
        flushHeldSet(into: &output)
    }

    private mutating func treeLine(_ segment: Segment, id: String, into output: inout OutputBuffer) throws(X12Error) {
        switch id {
        case "ISA": interchange = segment.interchangeHeader
        case "GS": group = FunctionalGroupHeader(segment)
        default: break
        }
        let indent = treeIndent(segment, id: id)
        guard validator != nil else {
            output.line(number(segment) + "  " + String(repeating: "  ", count: indent) + segment.text)
            return
        }
        if id == "ST" || (!heldSet.isEmpty && ["ISA", "IEA", "GS", "GE"].contains(id)) { flushHeldSet(into: &output) }
        if id == "ST" || !heldSet.isEmpty {
            heldSet.append(segment)
            if id == "SE" { flushHeldSet(into: &output) }
            return
        }
        output.line(number(segment) + "  " + String(repeating: "  ", count: indent) + segment.text)
    }

    /// Prints a held transaction set indented by guide loop, each loop's first segment labelled with its id and name.
    private mutating func flushHeldSet(into output: inout OutputBuffer) {
        guard let first = heldSet.first else { return }
        defer { heldSet.removeAll() }
        var annotations: [LoopAnnotation] = []
        if let validator, let interchange {
            let set = TransactionSet(interchange: interchange, group: group, header: TransactionSetHeader(first), segments: heldSet)
            annotations = validator.annotate(set)
        }
        var hierarchy = HierarchyDepth()
        for (offset, segment) in heldSet.enumerated() {
            let id = segment.id
            var indent = id == "ST" || id == "SE" ? 2 : 3
            var label = ""
            if offset < annotations.count {
                let annotation = annotations[offset]
                indent += annotation.loopPath.count
                if annotation.startsLoop, let loop = annotation.loopId {
                    label = "    # \(loop)" + (annotation.loopName.map { " \($0)" } ?? "")
                }
            } else if id == "HL" {
                indent += 1 + hierarchy.enter(id: segment[1], parent: segment[2])
            }
            output.line(number(segment) + "  " + String(repeating: "  ", count: indent) + segment.text + label)
        }
    }

    private func number(_ segment: Segment) -> String {
        String(segment.position.segmentIndex ?? 0).leftPadded(to: 6, with: " ")
    }

    /// The real count to write into element 1 of an SE, GE or IEA when `--fix-counts` is on.
    private mutating func countReplacement(for id: String) -> String? {
        switch id {
        case "ISA": groupsInInterchange = 0
        case "GS": groupsInInterchange += 1; setsInGroup = 0
        case "ST": setsInGroup += 1; setSegments = 1
        case "SE": setSegments += 1; return fixCounts ? String(setSegments) : nil
        case "GE": return fixCounts ? String(setsInGroup) : nil
        case "IEA": return fixCounts ? String(groupsInInterchange) : nil
        default: setSegments += 1
        }
        return nil
    }

    private mutating func treeIndent(_ segment: Segment, id: String) -> Int {
        switch id {
        case "ISA", "IEA": depth = 0; return 0
        case "GS", "GE", "TA1": return 1
        case "ST": hierarchy = HierarchyDepth(); depth = 3; return 2
        case "SE": return 2
        case "HL":
            let level = hierarchy.enter(id: segment[1], parent: segment[2])
            depth = 4 + level
            return 3 + level
        default: return depth
        }
    }
}

/// Depth of HL segments from their parent ids (HL01 id, HL02 parent).
struct HierarchyDepth {
    private var depths: [String: Int] = [:]

    /// Records an HL and returns its depth (0 for a top-level HL).
    mutating func enter(id: String, parent: String) -> Int {
        let level = parent.isEmpty ? 0 : (depths[parent].map { $0 + 1 } ?? 0)
        depths[id] = level
        return level
    }
}
