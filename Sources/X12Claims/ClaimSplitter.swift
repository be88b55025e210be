/// A service line whose diagnosis pointers still refer to the visit's diagnosis list (1-based).
struct LineDraft: Sendable {
    var line: ServiceLine
    var visitPointers: [Int]
}

/// Cuts a visit's lines into claims of at most 50 lines and 12 diagnoses, rewriting the pointers to HI positions.
enum ClaimSplitter {
    static let maximumLines = 50
    static let maximumDiagnoses = 12

    /// The claims' diagnoses and lines. With 12 diagnoses or fewer every claim carries all of them in the visit's
    /// order; with more, each claim carries the ones its lines point to (visit order, so the principal stays first).
    static func split(_ drafts: [LineDraft], diagnoses: [String]) -> [(diagnoses: [String], lines: [ServiceLine])] {
        var parts: [(diagnoses: [String], lines: [ServiceLine])] = []
        if diagnoses.count <= maximumDiagnoses {
            var start = 0
            while start < drafts.count {
                let chunk = drafts[start..<min(start + maximumLines, drafts.count)]
                parts.append((diagnoses, chunk.map { draft in
                    var line = draft.line
                    line.diagnosisPointers = draft.visitPointers
                    return line
                }))
                start += maximumLines
            }
            return parts
        }
        var current: [LineDraft] = []
        var used = Set<Int>()
        func flush() {
            guard !current.isEmpty else { return }
            let order = used.sorted()
            var position: [Int: Int] = [:]
            for (index, pointer) in order.enumerated() { position[pointer] = index + 1 }
            let lines = current.map { draft in
                var line = draft.line
                line.diagnosisPointers = draft.visitPointers.compactMap { position[$0] }
                return line
            }
            parts.append((order.map { diagnoses[$0 - 1] }, lines))
            current = []
            used = []
        }
        for draft in drafts {
            let union = used.union(draft.visitPointers)
            if current.count == maximumLines || union.count > maximumDiagnoses {
                flush()
                used = Set(draft.visitPointers)
            } else {
                used = union
            }
            current.append(draft)
        }
        flush()
        return parts
    }
}
