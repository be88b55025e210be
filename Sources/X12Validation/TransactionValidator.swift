import Foundation
import X12

/// Walks one transaction set through its implementation guide: a loop/segment state machine that places
/// every segment in its loop, then checks elements, HL hierarchy and the guide's business rules.
struct TransactionValidator {
    private struct Frame {
        let loop: LoopSpec
        var cursor: Int
        var counts: [Int]
        var rules: [RuleState]
        var claimId: String?
    }

    private let spec: ImplementationSpec
    private let set: TransactionSet
    private let elementValidator: ElementValidator
    private var frames: [Frame] = []
    private(set) var findings: [ValidationFinding] = []
    private(set) var annotations: [LoopAnnotation] = []
    private let annotate: Bool
    private var hierarchy = HierarchyChecker()
    /// Position (ST = 1) of the segment being processed.
    private var index = 1

    init(spec: ImplementationSpec, set: TransactionSet, annotate: Bool) {
        self.spec = spec
        self.set = set
        self.annotate = annotate
        elementValidator = ElementValidator(delimiters: set.interchange.delimiters)
    }

    mutating func run() {
        let root = spec.root
        frames = [Frame(loop: root, cursor: 0, counts: Self.initialCounts(root), rules: ruleStates(for: root), claimId: nil)]
        for (offset, segment) in set.segments.enumerated() {
            index = offset + 1
            let id = segment.id
            let placed: SegmentSpec?
            var startsLoop = false
            if offset == 0 {
                if case .segment(let header) = root.children.first { placed = header } else { placed = nil }
            } else {
                (placed, startsLoop) = place(segment, id: id)
            }
            if annotate { record(segment: id, spec: placed, startsLoop: startsLoop) }
            guard let placed else { continue }
            if id == "CLM" { frames[frames.count - 1].claimId = segment[1] }
            for issue in checkElements(segment, id: id, spec: placed) {
                var finding = ValidationFinding(kind: issue.kind, message: issue.message)
                finding.segmentErrorCode = "8"
                finding.elementErrorCode = issue.code
                finding.element = issue.element
                finding.component = issue.component
                finding.elementReference = issue.reference.isEmpty ? nil : issue.reference
                finding.value = issue.value
                add(finding, segmentId: id)
            }
            if id == "HL" {
                for problem in hierarchy.check(segment, levels: spec.hierarchy, index: index) {
                    add(problem, segmentId: id)
                }
            }
            applyRules(segment, id: id)
        }
        while frames.count > 1 { closeTop() }
        if set.isComplete { closeTop() }
        for problem in hierarchy.finish() {
            var finding = problem.finding
            finding.segmentIndex = problem.index
            finding.fileSegmentIndex = set.segments[problem.index - 1].position.segmentIndex
            finding.line = set.segments[problem.index - 1].position.line
            finding.segmentId = "HL"
            finding.loopId = nil
            findings.append(stamp(finding))
        }
    }

    // MARK: - Elements

    /// A segment already found clean at one place of the guide.
    private struct CleanSegment {
        let spec: ObjectIdentifier
        let bytes: [UInt8]
    }

    /// Recently seen clean segments by content hash: a segment identical to one already checked at the same
    /// place of the guide (`DTP*472*D8*20240110`, `LX*1`) gets the same answer without checking it again.
    private var cleanSegments = [CleanSegment?](repeating: nil, count: 1024)

    private mutating func checkElements(_ segment: Segment, id: String, spec placed: SegmentSpec) -> [ElementIssue] {
        let identity = ObjectIdentifier(placed)
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in segment.content { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        hash ^= UInt64(UInt(bitPattern: identity.hashValue))
        let slot = Int(truncatingIfNeeded: hash & UInt64(cleanSegments.count - 1))
        if let entry = cleanSegments[slot], entry.spec == identity, entry.bytes.elementsEqual(segment.content) { return [] }
        let issues = elementValidator.validate(segment.elements, segmentId: id, spec: placed)
        if issues.isEmpty { cleanSegments[slot] = CleanSegment(spec: identity, bytes: Array(segment.content)) }
        return issues
    }

    // MARK: - Placing segments

    private static func initialCounts(_ loop: LoopSpec) -> [Int] {
        var counts = [Int](repeating: 0, count: loop.children.count)
        if !counts.isEmpty { counts[0] = 1 }
        return counts
    }

    private func matches(_ candidate: SegmentSpec, id: String, segment: Segment) -> Bool {
        guard candidate.id == id else { return false }
        guard let key = candidate.match else { return true }
        guard let element = segment.element(key.element) else { return false }
        let bytes = element.bytes
        guard let component = key.component else { return key.codeList.contains(bytes) }
        var start = bytes.startIndex
        var seen = 1
        let separator = element.delimiters.component
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == separator {
                if seen == component { break }
                seen += 1
                start = index + 1
            }
            index += 1
        }
        return seen == component && key.codeList.contains(bytes[start..<index])
    }

    /// Finds where `segment` goes, updates the loop stack and reports structure problems.
    private mutating func place(_ segment: Segment, id: String) -> (SegmentSpec?, Bool) {
        for depth in stride(from: frames.count - 1, through: 0, by: -1) {
            let loop = frames[depth].loop
            let start = loop.groupStart[frames[depth].cursor]
            for child in start..<loop.children.count {
                if child == 0 && loop.startsWithSegment { continue }
                switch loop.children[child] {
                case .segment(let candidate):
                    guard matches(candidate, id: id, segment: segment) else { continue }
                    advance(depth: depth, to: child, segment: segment)
                    frames[depth].counts[child] += 1
                    if candidate.usage == .notUsed {
                        report(.notUsedSegmentPresent, "I4", segment, id,
                               "\(id) (\(candidate.name)) is not used in this guide but was sent")
                    } else if frames[depth].counts[child] > candidate.maxUse {
                        report(.segmentOverMaxUse, "5", segment, id,
                               "\(id) (\(candidate.name)) appears \(frames[depth].counts[child]) times; at most \(candidate.maxUse) allowed")
                    }
                    return (candidate, false)
                case .loop(let nested):
                    guard let trigger = nested.trigger, matches(trigger, id: id, segment: segment) else { continue }
                    advance(depth: depth, to: child, segment: segment)
                    frames[depth].counts[child] += 1
                    let occurrences = frames[depth].counts[child]
                    enter(nested, segment: segment)
                    if nested.usage == .notUsed {
                        report(.notUsedSegmentPresent, "I4", segment, id, "loop \(nested.id) (\(nested.name)) is not used in this guide but was sent")
                    } else if occurrences > nested.repeatLimit {
                        report(.loopOverMaxRepeat, "4", segment, id,
                               "loop \(nested.id) (\(nested.name)) occurs \(occurrences) times; at most \(nested.repeatLimit) allowed")
                    }
                    return (trigger, true)
                }
            }
        }
        reportUnplaced(segment, id: id)
        return (nil, false)
    }

    /// Closes the loops above `depth` and reports required entries skipped between the cursor and `child`.
    private mutating func advance(depth: Int, to child: Int, segment: Segment) {
        while frames.count > depth + 1 { closeTop() }
        let loop = frames[depth].loop
        let from = loop.groupStart[frames[depth].cursor]
        let to = loop.groupStart[child]
        if to > from {
            for skipped in loop.requiredChildren where skipped >= from && skipped < to { reportMissing(in: depth, child: skipped) }
        }
        frames[depth].cursor = child
    }

    private mutating func enter(_ loop: LoopSpec, segment: Segment) {
        frames.append(Frame(loop: loop, cursor: 0, counts: Self.initialCounts(loop), rules: ruleStates(for: loop), claimId: nil))
        if spec.excludedLoops.contains(loop.id) {
            for depth in 0..<(frames.count - 1) {
                for state in frames[depth].rules {
                    guard case .excludesLoop(_, let excluded) = state.rule.kind, excluded == loop.id, state.triggered else { continue }
                    var finding = ValidationFinding(severity: state.rule.severity, kind: .situationalRule, message: state.rule.message)
                    finding.segmentErrorCode = "I9"
                    add(finding, segmentId: segment.id)
                }
            }
        }
        if case .loop(let first) = loop.children.first { enter(first, segment: segment) }
    }

    private mutating func closeTop() {
        let depth = frames.count - 1
        let loop = frames[depth].loop
        let from = loop.groupStart[frames[depth].cursor]
        for skipped in loop.requiredChildren where skipped >= from { reportMissing(in: depth, child: skipped) }
        for state in frames[depth].rules { finishRule(state) }
        frames.removeLast()
    }

    private mutating func reportMissing(in depth: Int, child: Int) {
        guard frames[depth].counts[child] == 0 else { return }
        let loop = frames[depth].loop
        guard !(child == 0 && loop.startsWithSegment) else { return }
        let node = loop.children[child]
        guard node.usage == .required, let trigger = node.trigger else { return }
        // The closing SE is the envelope's business: a missing SE is reported by the envelope reader.
        if loop === spec.root, trigger.id == "SE" { return }
        var finding: ValidationFinding
        switch node {
        case .segment(let missing):
            let place = loop.isGuideLoop ? " in loop \(loop.id) (\(loop.name))" : ""
            finding = ValidationFinding(kind: .requiredSegmentMissing,
                                        message: "required segment \(missing.id) (\(missing.name)) is missing\(place)")
        case .loop(let missing) where !missing.isGuideLoop:
            finding = ValidationFinding(kind: .requiredSegmentMissing,
                                        message: "required segment \(trigger.id) (\(trigger.name)) is missing")
        case .loop(let missing):
            finding = ValidationFinding(kind: .requiredLoopMissing,
                                        message: "required loop \(missing.id) (\(missing.name)) is missing; it starts with \(trigger.id)")
        }
        finding.segmentErrorCode = "3"
        let current = set.segments[index - 1]
        finding.segmentIndex = index
        finding.fileSegmentIndex = current.position.segmentIndex
        finding.line = current.position.line
        finding.segmentId = trigger.id
        finding.loopId = loopId(upTo: depth)
        finding.claimId = claimId(upTo: depth)
        findings.append(stamp(finding))
    }

    private mutating func reportUnplaced(_ segment: Segment, id: String) {
        var earlier: SegmentSpec?
        search: for frame in frames.reversed() {
            let loop = frame.loop
            for child in 0..<loop.groupStart[frame.cursor] {
                guard let trigger = loop.children[child].trigger, matches(trigger, id: id, segment: segment) else { continue }
                earlier = trigger
                break search
            }
        }
        if let earlier {
            let place = earlier.loopId.map { " (it belongs earlier, in loop \($0))" } ?? " (it belongs earlier)"
            report(.segmentOutOfOrder, "7", segment, id, "\(id) is out of order\(place)")
        } else if spec.knownSegmentIds.contains(id) {
            let value = segment[1]
            let loopText = loopId(upTo: frames.count - 1).map { " in loop \($0)" } ?? ""
            report(.unexpectedSegment, "2", segment, id, "\(id)*\(value) is not expected here\(loopText)")
        } else {
            report(.unrecognizedSegment, "1", segment, id,
                   "\(id) is not a segment of \(spec.transactionSetId) \(spec.implementation)")
        }
    }

    // MARK: - Rules

    private struct RuleState {
        let rule: RuleSpec
        var total = Decimal(0)
        var anchor: (index: Int, element: Int, loopId: String?)?
        var counter = 0
        var triggered = false
        var triggerIndex: Int?
        var triggerLoop: String?
        var satisfied = false
        /// An amount of the balance was not a number (already reported as an element error).
        var unreadable = false
    }

    private func ruleStates(for loop: LoopSpec) -> [RuleState] {
        guard let rules = spec.scopedRules[loop.id] else { return [] }
        return rules.map { RuleState(rule: $0) }
    }

    private mutating func applyRules(_ segment: Segment, id: String) {
        guard spec.ruleSegmentIds.contains(id) else { return }
        for rule in spec.rules where rule.segmentIds.contains(id) {
            guard case .npi(let segmentId, let element, let when) = rule.kind, segmentId == id else { continue }
            if let when, !when.values.contains(value(segment, element: when.element, component: when.component)) { continue }
            let npi = segment[element]
            if !npi.isEmpty && !NPI.isValid(npi) {
                var finding = ValidationFinding(severity: rule.severity, kind: .npiCheckDigit,
                                                message: "'\(npi)' is not a valid NPI: it must be 10 digits starting with 1 or 2 with a correct check digit")
                finding.segmentErrorCode = "8"
                finding.elementErrorCode = "I12"
                finding.element = element
                finding.value = npi
                add(finding, segmentId: id)
            }
        }
        let innermost = frames.count - 1
        for depth in frames.indices {
            for ruleIndex in frames[depth].rules.indices where frames[depth].rules[ruleIndex].rule.segmentIds.contains(id) {
                var state = frames[depth].rules[ruleIndex]
                switch state.rule.kind {
                case .balance(let terms):
                    for term in terms where term.segment == id {
                        if state.anchor == nil { state.anchor = (index, term.elements[0], loopId(upTo: frames.count - 1)) }
                        for element in term.elements {
                            let text = segment[element]
                            if text.isEmpty { continue }
                            if let amount = Self.amount(text) {
                                state.total += term.sign > 0 ? amount : -amount
                            } else {
                                state.unreadable = true
                            }
                        }
                    }
                case .sequence(let segmentId, let element):
                    guard segmentId == id else { break }
                    state.counter += 1
                    let text = segment[element]
                    if text != String(state.counter) {
                        var finding = ValidationFinding(severity: state.rule.severity, kind: .sequence, message: "\(state.rule.message): found \(text.isEmpty ? "nothing" : text), expected \(state.counter)")
                        finding.segmentErrorCode = "8"
                        finding.elementErrorCode = "I12"
                        finding.element = element
                        finding.value = text
                        add(finding, segmentId: id)
                    }
                case .requires(let when, let segmentId, let qualifier):
                    guard depth == innermost else { break }
                    if when.segment == id, when.values.contains(value(segment, element: when.element, component: when.component)) {
                        state.triggered = true
                        state.triggerIndex = index
                        state.triggerLoop = loopId(upTo: frames.count - 1)
                    }
                    if segmentId == id, segment[1] == qualifier { state.satisfied = true }
                case .excludesLoop(let when, _):
                    guard depth == innermost else { break }
                    if when.segment == id, when.values.contains(value(segment, element: when.element, component: when.component)) {
                        state.triggered = true
                    }
                case .npi:
                    break
                }
                frames[depth].rules[ruleIndex] = state
            }
        }
    }

    private mutating func finishRule(_ state: RuleState) {
        switch state.rule.kind {
        case .balance:
            guard let anchor = state.anchor, state.total != 0, !state.unreadable else { return }
            var finding = ValidationFinding(severity: state.rule.severity, kind: .balance, message: "\(state.rule.message) (off by \(state.total))")
            finding.segmentErrorCode = "8"
            finding.elementErrorCode = "I12"
            finding.element = anchor.element
            let segment = set.segments[anchor.index - 1]
            finding.value = segment[anchor.element]
            add(finding, at: anchor.index, segmentId: segment.id, loopId: anchor.loopId)
        case .requires(_, let segmentId, let qualifier):
            guard state.triggered, !state.satisfied, let trigger = state.triggerIndex else { return }
            var finding = ValidationFinding(severity: state.rule.severity, kind: .situationalRule, message: state.rule.message)
            finding.segmentErrorCode = "I6"
            finding.value = qualifier
            add(finding, at: trigger, segmentId: segmentId, loopId: state.triggerLoop)
        default:
            return
        }
    }

    /// Reads an X12 `R` value (`-12.5`) as a `Decimal` without going through a locale; `nil` when malformed.
    static func amount(_ text: String) -> Decimal? {
        let bytes = ArraySlice(text.utf8)
        guard ElementValidator.isDecimal(bytes), bytes.count <= 19 else { return nil }
        var significand: UInt64 = 0
        var exponent = 0
        var seenPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte != UInt8(ascii: "-") {
                significand = significand * 10 + UInt64(byte - 0x30)
                if seenPoint { exponent -= 1 }
            }
        }
        let value = Decimal(sign: bytes.first == UInt8(ascii: "-") ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
        return value
    }

    private func value(_ segment: Segment, element: Int, component: Int?) -> String {
        component.map { segment[element, $0] } ?? segment[element]
    }

    // MARK: - Findings

    private mutating func report(_ kind: ValidationFinding.Kind, _ code: String, _ segment: Segment, _ id: String, _ message: String) {
        var finding = ValidationFinding(kind: kind, message: message)
        finding.segmentErrorCode = code
        add(finding, segmentId: id)
    }

    /// Fills in where `finding` is (the segment being processed, or `segment`'s own position) and keeps it.
    private mutating func add(_ finding: ValidationFinding, at position: Int? = nil, segmentId: String, loopId knownLoop: String?? = nil) {
        var finding = finding
        let position = position ?? index
        let segment = set.segments[position - 1]
        finding.segmentIndex = position
        finding.fileSegmentIndex = segment.position.segmentIndex
        finding.line = segment.position.line
        if finding.segmentId == nil { finding.segmentId = segmentId }
        finding.loopId = knownLoop ?? (position == index ? loopId(upTo: frames.count - 1) : nil)
        finding.claimId = claimId(upTo: frames.count - 1)
        findings.append(stamp(finding))
    }

    private func stamp(_ finding: ValidationFinding) -> ValidationFinding {
        var finding = finding
        finding.interchangeControlNumber = set.interchange.controlNumber
        finding.groupControlNumber = set.group?.controlNumber
        finding.transactionSetId = set.header.id
        finding.transactionSetControlNumber = set.header.controlNumber
        return finding
    }

    private func loopId(upTo depth: Int) -> String? {
        var level = min(depth, frames.count - 1)
        while level >= 0 {
            if frames[level].loop.isGuideLoop { return frames[level].loop.id }
            level -= 1
        }
        return nil
    }

    private func claimId(upTo depth: Int) -> String? {
        var level = min(depth, frames.count - 1)
        while level >= 0 {
            if let claim = frames[level].claimId { return claim }
            level -= 1
        }
        return nil
    }

    private mutating func record(segment id: String, spec placed: SegmentSpec?, startsLoop: Bool) {
        let path = frames.map(\.loop).filter(\.isGuideLoop)
        annotations.append(LoopAnnotation(segmentIndex: index, segmentId: id, loopId: path.last?.id, loopName: path.last?.name,
                                          loopPath: path.map(\.id), segmentName: placed?.name, startsLoop: startsLoop))
    }
}
