import X12

/// The guide's loops, their entries and the match keys of its segments flattened into arrays of plain values,
/// built once per guide. The state machine reads loops, entries and segments by index, so placing a segment
/// touches (and reference-counts) no spec object; the objects stay available by the same indexes for
/// messages and element checks.
struct PlacementTable: Sendable {
    /// One loop: where its entries, required entries and rules are in the flat arrays.
    struct Loop: Sendable {
        var firstChild: Int
        var childCount: Int
        /// First index in `required` and how many.
        var firstRequired: Int
        var requiredCount: Int
        /// First index in `rules` and how many.
        var firstRule: Int
        var ruleCount: Int
        /// Entry 0 is the loop's own trigger segment (not a nested loop).
        var startsWithSegment: Bool
        /// A real guide loop (`2000A`) rather than a table wrapper or the transaction.
        var isGuideLoop: Bool
        /// Some `excludesLoop` rule forbids the loop.
        var isExcludable: Bool
        var usage: Usage
        var repeatLimit: Int
    }

    /// One entry of a loop: a segment or a nested loop.
    struct Child: Sendable {
        /// Packed id of the entry's first segment (`ShortCode.none` when it has none).
        var code: ShortCode
        /// Index (within the loop) of the first entry of this entry's position group.
        var groupStart: Int
        /// The nested loop, or -1 for a segment entry.
        var loop: Int
        /// The segment itself, or the nested loop's first segment; -1 when there is none.
        var segment: Int
    }

    /// One segment of the guide at one place: what placing needs of it.
    struct Segment: Sendable {
        var code: ShortCode
        var usage: Usage
        var maxUse: Int
        /// Whether a code in an element tells same-id segments apart, which element and component.
        var hasMatch: Bool
        var matchElement: Int
        var matchComponent: Int?
        /// The codes in `matchCodes` (first index and count), or an index in `matchLists` when a code is too
        /// long to pack (-1 otherwise).
        var firstMatchCode: Int
        var matchCodeCount: Int
        var matchList: Int
    }

    let loops: [Loop]
    let children: [Child]
    /// Indexes (within their loop) of required entries, loop after loop.
    let required: [Int]
    let segments: [Segment]
    let matchCodes: [ShortCode]
    let matchLists: [CodeList]
    /// The spec objects behind `loops` and `segments`, by the same index (loop 0 is the transaction itself).
    let loopSpecs: [LoopSpec]
    let segmentSpecs: [SegmentSpec]
    /// Rules that keep state per loop occurrence, loop after loop.
    let rules: [RuleSpec]
    /// `ShortCode.mask(_:)` of every segment id some rule looks at, and of those the `npi` rules look at.
    let ruleMask: UInt64
    let npiMask: UInt64

    init(root: LoopSpec, scopedRules: [String: [RuleSpec]], excludedLoops: Set<String>, allRules: [RuleSpec]) {
        // Number every loop (depth first, root = 0) and every segment reachable as an entry or trigger.
        var loopSpecs: [LoopSpec] = []
        var loopIndex: [ObjectIdentifier: Int] = [:]
        var segmentSpecs: [SegmentSpec] = []
        var segmentIndex: [ObjectIdentifier: Int] = [:]
        func number(_ segment: SegmentSpec?) {
            guard let segment, segmentIndex[ObjectIdentifier(segment)] == nil else { return }
            segmentIndex[ObjectIdentifier(segment)] = segmentSpecs.count
            segmentSpecs.append(segment)
        }
        func number(_ loop: LoopSpec) {
            loopIndex[ObjectIdentifier(loop)] = loopSpecs.count
            loopSpecs.append(loop)
            for child in loop.children {
                number(child.trigger)
                if case .loop(let nested) = child { number(nested) }
            }
        }
        number(root)

        var loops: [Loop] = []
        var children: [Child] = []
        var required: [Int] = []
        var rules: [RuleSpec] = []
        for loop in loopSpecs {
            var startsWithSegment = false
            if case .segment = loop.children.first { startsWithSegment = true }
            let firstChild = children.count
            let firstRequired = required.count
            for (index, child) in loop.children.enumerated() {
                let groupStart = index > 0 && loop.children[index - 1].pos == child.pos ? children[firstChild + index - 1].groupStart : index
                var nested = -1
                if case .loop(let inner) = child { nested = loopIndex[ObjectIdentifier(inner)] ?? -1 }
                let trigger = child.trigger.flatMap { segmentIndex[ObjectIdentifier($0)] } ?? -1
                children.append(Child(code: child.trigger?.code ?? .none, groupStart: groupStart, loop: nested, segment: trigger))
                if child.usage == .required && !(index == 0 && startsWithSegment) { required.append(index) }
            }
            let loopRules = scopedRules[loop.id] ?? []
            loops.append(Loop(firstChild: firstChild, childCount: loop.children.count, firstRequired: firstRequired,
                              requiredCount: required.count - firstRequired, firstRule: rules.count, ruleCount: loopRules.count,
                              startsWithSegment: startsWithSegment, isGuideLoop: loop.isGuideLoop,
                              isExcludable: excludedLoops.contains(loop.id), usage: loop.usage, repeatLimit: loop.repeatLimit))
            rules += loopRules
        }

        var segments: [Segment] = []
        var matchCodes: [ShortCode] = []
        var matchLists: [CodeList] = []
        for spec in segmentSpecs {
            var entry = Segment(code: spec.code, usage: spec.usage, maxUse: spec.maxUse, hasMatch: false, matchElement: 0,
                                matchComponent: nil, firstMatchCode: matchCodes.count, matchCodeCount: 0, matchList: -1)
            if let key = spec.match {
                entry.hasMatch = true
                entry.matchElement = key.element
                entry.matchComponent = key.component
                let packed = key.codes.sorted().map(ShortCode.init)
                if packed.contains(.none) {
                    entry.matchList = matchLists.count
                    matchLists.append(key.codeList)
                } else {
                    matchCodes += packed
                    entry.matchCodeCount = packed.count
                }
            }
            segments.append(entry)
        }

        self.loops = loops
        self.children = children
        self.required = required
        self.segments = segments
        self.matchCodes = matchCodes
        self.matchLists = matchLists
        self.loopSpecs = loopSpecs
        self.segmentSpecs = segmentSpecs
        self.rules = rules
        ruleMask = allRules.reduce(0) { $0 | $1.segmentMask }
        npiMask = allRules.reduce(0) { mask, rule in
            if case .npi = rule.kind { mask | rule.segmentCode.bit } else { mask }
        }
    }
}
