import X12

/// Checks HL segments: HL01 counts 1, 2, 3...; HL02 names an enclosing HL; the parent's level (HL03) is one
/// the guide allows; HL04 says truthfully whether children follow.
struct HierarchyChecker {
    struct Problem {
        var finding: ValidationFinding
        var index: Int
    }

    private struct Level {
        var id: String
        var code: String
        var hasChildFlag: String
        var index: Int
        var hasChild = false
    }

    private var count = 0
    private var levels: [String: Level] = [:]
    private var order: [String] = []
    /// The chain of HL ids from the top level down to the last HL.
    private var stack: [String] = []

    mutating func check(_ segment: Segment, levels allowed: [String: Set<String>], index: Int) -> [ValidationFinding] {
        var problems: [ValidationFinding] = []
        func problem(_ element: Int, _ message: String) {
            var finding = ValidationFinding(kind: .hierarchy, message: message)
            finding.segmentErrorCode = "8"
            finding.elementErrorCode = "I12"
            finding.element = element
            finding.value = segment[element]
            problems.append(finding)
        }
        count += 1
        let id = segment[1]
        let parent = segment[2]
        let code = segment[3]
        if id != String(count) {
            problem(1, "HL01 is '\(id)' but this is HL number \(count) in the transaction set; HL01 must count 1, 2, 3...")
        }
        if parent.isEmpty {
            if let parents = allowed[code], !parents.isEmpty {
                problem(2, "HL level \(code) needs a parent (HL02) of level \(parents.sorted().joined(separator: " or "))")
            }
            stack = []
        } else if let parentLevel = levels[parent], stack.contains(parent) {
            while let last = stack.last, last != parent { stack.removeLast() }
            if let parents = allowed[code], !parents.contains(parentLevel.code) {
                let expected = parents.isEmpty ? "no parent" : "a parent of level " + parents.sorted().joined(separator: " or ")
                problem(2, "HL \(id) (level \(code)) has parent HL \(parent) of level \(parentLevel.code); the guide expects \(expected)")
            }
            levels[parent]?.hasChild = true
            if parentLevel.hasChildFlag == "0" {
                problem(2, "HL \(id) is a child of HL \(parent), whose HL04 says it has no children")
                problems[problems.count - 1].severity = .warning
            }
        } else {
            problem(2, "HL02 parent '\(parent)' is not an enclosing HL (no HL01 '\(parent)' above this one in the hierarchy)")
            stack = []
        }
        if !id.isEmpty, levels[id] == nil {
            levels[id] = Level(id: id, code: code, hasChildFlag: segment[4], index: index)
            order.append(id)
        }
        stack.append(id)
        return problems
    }

    /// Reports HLs whose HL04 is `1` but that got no children.
    mutating func finish() -> [Problem] {
        order.compactMap { id in
            guard let level = levels[id], level.hasChildFlag == "1", !level.hasChild else { return nil }
            var finding = ValidationFinding(severity: .warning, kind: .hierarchy,
                                            message: "HL \(id) says it has children (HL04 = 1) but no HL names it as parent")
            finding.segmentErrorCode = "8"
            finding.elementErrorCode = "I12"
            finding.element = 4
            finding.value = "1"
            return Problem(finding: finding, index: level.index)
        }
    }
}
