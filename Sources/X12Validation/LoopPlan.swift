/// What placing segments needs to know about one loop of the guide, fixed when the guide is compiled.
///
/// Everything is a constant so the validator reads it without access checks; a ``LoopSpec`` builds its plan
/// once its children are known (``LoopSpec/finish(scopedRules:excludedLoops:)``).
final class LoopPlan: Sendable {
    /// The loop's entries in guide order.
    let children: [SpecNode]
    /// Packed id of each child's first segment (``ShortCode/none`` for a loop without one), to find the
    /// candidates for a segment by comparing integers.
    let childCodes: [ShortCode]
    /// First index of the position group of each child (entries with the same position number).
    let groupStart: [Int]
    /// Indexes of the required children, in order (the only ones that can be missing).
    let requiredChildren: [Int]
    /// Child 0 is the loop's own trigger segment (not a nested loop).
    let startsWithSegment: Bool
    /// A real guide loop (`2000A`) rather than a table wrapper or the transaction.
    let isGuideLoop: Bool
    /// Rules that keep state per occurrence of the loop.
    let rules: [RuleSpec]
    /// Some `excludesLoop` rule forbids the loop.
    let isExcludable: Bool

    /// The plan of a loop not compiled yet.
    static let empty = LoopPlan(children: [], groupStart: [], isGuideLoop: false, rules: [], isExcludable: false)

    init(children: [SpecNode], groupStart: [Int], isGuideLoop: Bool, rules: [RuleSpec], isExcludable: Bool) {
        self.children = children
        self.groupStart = groupStart
        self.isGuideLoop = isGuideLoop
        self.rules = rules
        self.isExcludable = isExcludable
        var startsWithSegment = false
        if case .segment = children.first { startsWithSegment = true }
        self.startsWithSegment = startsWithSegment
        childCodes = children.map { $0.trigger.map(\.code) ?? .none }
        requiredChildren = children.indices.filter { children[$0].usage == .required && !($0 == 0 && startsWithSegment) }
    }
}
