import X12

/// Checks HL segments: HL01 counts 1, 2, 3...; HL02 names an enclosing HL; the parent's level (HL03) is one
/// the guide allows; HL04 says truthfully whether children follow.
struct HierarchyChecker {
    struct Problem {
        var finding: ValidationFinding
        var index: Int
        var line: Int
    }

    private struct Level {
        var id: String
        var code: String
        var hasChildFlag: String
        var index: Int
        var line: Int
        var hasChild = false
    }

    private var count = 0
    /// Every HL01 seen, in the order first seen.
    private var levels: [Level] = []
    /// Position in `levels` by HL01. `nil` while every HL01 was its HL number (the usual case): then the level
    /// with HL01 `k` is `levels[k - 1]` and no lookup table is needed.
    private var byId: [String: Int]?
    /// The chain of HL ids from the top level down to the last HL.
    private var stack: [String] = []

    /// Checks one HL; `index` is its position in the set and `line` its line in the file.
    mutating func check(_ fields: FieldView, levels allowed: [String: Set<String>], index: Int, line: Int) -> [ValidationFinding] {
        var problems: [ValidationFinding] = []
        func problem(_ element: Int, _ message: String) {
            var finding = ValidationFinding(kind: .hierarchy, message: message)
            finding.segmentErrorCode = "8"
            finding.elementErrorCode = "I12"
            finding.element = element
            finding.value = String(decoding: fields[element], as: UTF8.self)
            problems.append(finding)
        }
        count += 1
        let id = String(decoding: fields[1], as: UTF8.self)
        let parent = String(decoding: fields[2], as: UTF8.self)
        let code = String(decoding: fields[3], as: UTF8.self)
        if !TransactionValidator.isNumber(fields[1], equalTo: count) {
            problem(1, "HL01 is '\(id)' but this is HL number \(count) in the transaction set; HL01 must count 1, 2, 3...")
            if byId == nil {
                byId = Dictionary(levels.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
            }
        }
        if parent.isEmpty {
            if let parents = allowed[code], !parents.isEmpty {
                problem(2, "HL level \(code) needs a parent (HL02) of level \(parents.sorted().joined(separator: " or "))")
            }
            stack = []
        } else if let parentIndex = level(parent, bytes: fields[2]), stack.contains(parent) {
            let parentLevel = levels[parentIndex]
            while let last = stack.last, last != parent { stack.removeLast() }
            if let parents = allowed[code], !parents.contains(parentLevel.code) {
                let expected = parents.isEmpty ? "no parent" : "a parent of level " + parents.sorted().joined(separator: " or ")
                problem(2, "HL \(id) (level \(code)) has parent HL \(parent) of level \(parentLevel.code); the guide expects \(expected)")
            }
            levels[parentIndex].hasChild = true
            if parentLevel.hasChildFlag == "0" {
                problem(2, "HL \(id) is a child of HL \(parent), whose HL04 says it has no children")
                problems[problems.count - 1].severity = .warning
            }
        } else {
            problem(2, "HL02 parent '\(parent)' is not an enclosing HL (no HL01 '\(parent)' above this one in the hierarchy)")
            stack = []
        }
        if !id.isEmpty, level(id, bytes: fields[1]) == nil {
            levels.append(Level(id: id, code: code, hasChildFlag: String(decoding: fields[4], as: UTF8.self), index: index,
                                line: line))
            byId?[id] = levels.count - 1
        }
        stack.append(id)
        return problems
    }

    /// Position in `levels` of the HL whose HL01 is `id` (`bytes` are its bytes), or `nil`.
    private func level(_ id: String, bytes: FieldBytes) -> Int? {
        if let byId { return byId[id] }
        guard let number = TransactionValidator.number(bytes), number >= 1, number <= levels.count else { return nil }
        return number - 1
    }

    /// Reports HLs whose HL04 is `1` but that got no children.
    mutating func finish() -> [Problem] {
        levels.compactMap { level in
            guard level.hasChildFlag == "1", !level.hasChild else { return nil }
            var finding = ValidationFinding(severity: .warning, kind: .hierarchy,
                                            message: "HL \(level.id) says it has children (HL04 = 1) but no HL names it as parent")
            finding.segmentErrorCode = "8"
            finding.elementErrorCode = "I12"
            finding.element = 4
            finding.value = "1"
            return Problem(finding: finding, index: level.index, line: level.line)
        }
    }
}
