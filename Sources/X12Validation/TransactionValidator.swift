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
        /// Position (ST = 1) of the CLM that opened this loop occurrence; its CLM01 names the claim in findings.
        var claimIndex: Int?
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
    /// The element boundaries of the segment being processed.
    private let fieldReader = SegmentFields()
    private let delimiters: Delimiters

    private static let claimCode = ShortCode("CLM")
    private static let hierarchyCode = ShortCode("HL")

    init(spec: ImplementationSpec, set: TransactionSet, annotate: Bool) {
        self.spec = spec
        self.set = set
        self.annotate = annotate
        elementValidator = ElementValidator(delimiters: set.interchange.delimiters)
        delimiters = set.interchange.delimiters
    }

    /// The id of the segment being processed, as text (for findings and annotations).
    private var currentId: String { self.set.segments[index - 1].id }

    mutating func run() {
        let root = spec.root
        frames = [Frame(loop: root, cursor: 0, counts: Self.initialCounts(root), rules: ruleStates(for: root), claimIndex: nil)]
        for offset in set.segments.indices {
            index = offset + 1
            fieldReader.read(set.segments[offset].content, separator: delimiters.element) { fields in
                process(fields, isHeader: offset == 0)
            }
        }
        while frames.count > 1 { closeTop() }
        if set.isComplete { closeTop() }
        for problem in hierarchy.finish() {
            var finding = problem.finding
            let position = set.segments[problem.index - 1].position
            finding.segmentIndex = problem.index
            finding.fileSegmentIndex = position.segmentIndex
            finding.line = position.line
            finding.segmentId = "HL"
            finding.loopId = nil
            findings.append(stamp(finding))
        }
    }

    /// Places the segment at `index`, then runs the element, hierarchy and rule checks on it.
    private mutating func process(_ fields: FieldView, isHeader: Bool) {
        let code = fields.code
        let placed: SegmentSpec?
        var startsLoop = false
        if isHeader {
            if case .segment(let header) = spec.root.children.first { placed = header } else { placed = nil }
        } else {
            (placed, startsLoop) = place(fields)
        }
        if annotate { record(segment: currentId, spec: placed, startsLoop: startsLoop) }
        guard let placed else { return }
        if code == Self.claimCode { frames[frames.count - 1].claimIndex = index }
        if !placed.cleanCheck.isClean(fields, delimiters: delimiters) { reportElementIssues(spec: placed) }
        if code == Self.hierarchyCode {
            for problem in hierarchy.check(set.segments[index - 1], levels: spec.hierarchy, index: index) {
                add(problem, segmentId: "HL")
            }
        }
        applyRules(fields)
    }

    // MARK: - Elements

    /// Runs the full element checks on a segment the fast check did not pass and reports what they find.
    private mutating func reportElementIssues(spec placed: SegmentSpec) {
        let id = currentId
        for issue in elementValidator.validate(set.segments[index - 1].elements, segmentId: id, spec: placed) {
            var finding = ValidationFinding(kind: issue.kind, message: issue.message)
            finding.segmentErrorCode = "8"
            finding.elementErrorCode = issue.code
            finding.element = issue.element
            finding.component = issue.component
            finding.elementReference = issue.reference.isEmpty ? nil : issue.reference
            finding.value = issue.value
            add(finding, segmentId: id)
        }
    }

    // MARK: - Placing segments

    private static func initialCounts(_ loop: LoopSpec) -> [Int] {
        var counts = [Int](repeating: 0, count: loop.children.count)
        if !counts.isEmpty { counts[0] = 1 }
        return counts
    }

    /// Whether the segment being processed is `candidate`: same id and, when the guide tells same-id
    /// segments apart by a code (`NM101` = `85`), that code.
    private func matches(_ candidate: SegmentSpec, _ fields: FieldView) -> Bool {
        guard candidate.code == fields.code else { return false }
        guard let key = candidate.match else { return true }
        guard fields.has(key.element) else { return false }
        guard let component = key.component else { return key.codeList.contains(fields[key.element]) }
        guard let part = fields.component(component, of: key.element, separator: delimiters.component) else { return false }
        return key.codeList.contains(part)
    }

    /// Finds where the segment being processed goes, updates the loop stack and reports structure problems.
    private mutating func place(_ fields: FieldView) -> (SegmentSpec?, Bool) {
        let code = fields.code
        for depth in stride(from: frames.count - 1, through: 0, by: -1) {
            let loop = frames[depth].loop
            let start = loop.groupStart[frames[depth].cursor]
            // Only children whose first segment has this id can take it.
            for child in start..<loop.children.count where loop.childCodes[child] == code {
                if child == 0 && loop.startsWithSegment { continue }
                switch loop.children[child] {
                case .segment(let candidate):
                    guard matches(candidate, fields) else { continue }
                    advance(depth: depth, to: child)
                    frames[depth].counts[child] += 1
                    if candidate.usage == .notUsed {
                        let id = currentId
                        report(.notUsedSegmentPresent, "I4", id, "\(id) (\(candidate.name)) is not used in this guide but was sent")
                    } else if frames[depth].counts[child] > candidate.maxUse {
                        let id = currentId
                        report(.segmentOverMaxUse, "5", id,
                               "\(id) (\(candidate.name)) appears \(frames[depth].counts[child]) times; at most \(candidate.maxUse) allowed")
                    }
                    return (candidate, false)
                case .loop(let nested):
                    guard let trigger = nested.trigger, matches(trigger, fields) else { continue }
                    advance(depth: depth, to: child)
                    frames[depth].counts[child] += 1
                    let occurrences = frames[depth].counts[child]
                    enter(nested)
                    if nested.usage == .notUsed {
                        report(.notUsedSegmentPresent, "I4", currentId, "loop \(nested.id) (\(nested.name)) is not used in this guide but was sent")
                    } else if occurrences > nested.repeatLimit {
                        report(.loopOverMaxRepeat, "4", currentId,
                               "loop \(nested.id) (\(nested.name)) occurs \(occurrences) times; at most \(nested.repeatLimit) allowed")
                    }
                    return (trigger, true)
                }
            }
        }
        reportUnplaced(fields)
        return (nil, false)
    }

    /// Closes the loops above `depth` and reports required entries skipped between the cursor and `child`.
    private mutating func advance(depth: Int, to child: Int) {
        while frames.count > depth + 1 { closeTop() }
        let loop = frames[depth].loop
        let from = loop.groupStart[frames[depth].cursor]
        let to = loop.groupStart[child]
        if to > from {
            for skipped in loop.requiredChildren where skipped >= from && skipped < to { reportMissing(in: depth, child: skipped) }
        }
        frames[depth].cursor = child
    }

    private mutating func enter(_ loop: LoopSpec) {
        frames.append(Frame(loop: loop, cursor: 0, counts: Self.initialCounts(loop), rules: ruleStates(for: loop), claimIndex: nil))
        if loop.isExcludable {
            for depth in 0..<(frames.count - 1) {
                for state in frames[depth].rules {
                    guard case .excludesLoop(_, let excluded) = state.rule.kind, excluded == loop.id, state.triggered else { continue }
                    var finding = ValidationFinding(severity: state.rule.severity, kind: .situationalRule, message: state.rule.message)
                    finding.segmentErrorCode = "I9"
                    add(finding, segmentId: currentId)
                }
            }
        }
        if case .loop(let first) = loop.children.first { enter(first) }
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
        let current = set.segments[index - 1].position
        finding.segmentIndex = index
        finding.fileSegmentIndex = current.segmentIndex
        finding.line = current.line
        finding.segmentId = trigger.id
        finding.loopId = loopId(upTo: depth)
        finding.claimId = claimId(upTo: depth)
        findings.append(stamp(finding))
    }

    private mutating func reportUnplaced(_ fields: FieldView) {
        let id = currentId
        var earlier: SegmentSpec?
        search: for frame in frames.reversed() {
            let loop = frame.loop
            for child in 0..<loop.groupStart[frame.cursor] {
                guard let trigger = loop.children[child].trigger, matches(trigger, fields) else { continue }
                earlier = trigger
                break search
            }
        }
        if let earlier {
            let place = earlier.loopId.map { " (it belongs earlier, in loop \($0))" } ?? " (it belongs earlier)"
            report(.segmentOutOfOrder, "7", id, "\(id) is out of order\(place)")
        } else if spec.knownSegmentIds.contains(id) {
            let value = set.segments[index - 1][1]
            let loopText = loopId(upTo: frames.count - 1).map { " in loop \($0)" } ?? ""
            report(.unexpectedSegment, "2", id, "\(id)*\(value) is not expected here\(loopText)")
        } else {
            report(.unrecognizedSegment, "1", id,
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
        loop.rules.isEmpty ? [] : loop.rules.map { RuleState(rule: $0) }
    }

    /// Feeds the segment being processed to the rules that look at its id.
    private mutating func applyRules(_ fields: FieldView) {
        let code = fields.code
        guard spec.ruleCodes.contains(code) else { return }
        let id = currentId
        for rule in spec.npiRules where rule.segmentCode == code {
            guard case .npi(_, let element, let when) = rule.kind else { continue }
            if let when, !when.valueList.contains(value(fields, element: when.element, component: when.component)) { continue }
            let npi = set.segments[index - 1][element]
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
            for ruleIndex in frames[depth].rules.indices where frames[depth].rules[ruleIndex].rule.segmentCodes.contains(code) {
                var state = frames[depth].rules[ruleIndex]
                switch state.rule.kind {
                case .balance(let terms):
                    for term in terms where term.code == code {
                        if state.anchor == nil { state.anchor = (index, term.elements[0], loopId(upTo: frames.count - 1)) }
                        for element in term.elements {
                            let bytes = fields[element]
                            if bytes.isEmpty { continue }
                            if let amount = Self.amount(bytes) {
                                state.total += term.sign > 0 ? amount : -amount
                            } else {
                                state.unreadable = true
                            }
                        }
                    }
                case .sequence(_, let element):
                    guard state.rule.segmentCode == code else { break }
                    state.counter += 1
                    if !Self.isNumber(fields[element], equalTo: state.counter) {
                        let text = set.segments[index - 1][element]
                        var finding = ValidationFinding(severity: state.rule.severity, kind: .sequence, message: "\(state.rule.message): found \(text.isEmpty ? "nothing" : text), expected \(state.counter)")
                        finding.segmentErrorCode = "8"
                        finding.elementErrorCode = "I12"
                        finding.element = element
                        finding.value = text
                        add(finding, segmentId: id)
                    }
                case .requires(let when, _, let qualifier):
                    guard depth == innermost else { break }
                    if when.segmentCode == code, when.valueList.contains(value(fields, element: when.element, component: when.component)) {
                        state.triggered = true
                        state.triggerIndex = index
                        state.triggerLoop = loopId(upTo: frames.count - 1)
                    }
                    if state.rule.segmentCode == code, fields[1].elementsEqual(qualifier.utf8) { state.satisfied = true }
                case .excludesLoop(let when, _):
                    guard depth == innermost else { break }
                    if when.segmentCode == code, when.valueList.contains(value(fields, element: when.element, component: when.component)) {
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
    static func amount(_ bytes: some Collection<UInt8>) -> Decimal? {
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

    /// Whether `bytes` are exactly the decimal digits of `number` (`12` for 12; not `012`, not `+12`).
    static func isNumber(_ bytes: some Collection<UInt8>, equalTo number: Int) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 18, bytes.first != UInt8(ascii: "0") || bytes.count == 1 else { return false }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return false }
            value = value * 10 + Int(byte - 0x30)
        }
        return value == number
    }

    /// Element `element` (or one of its components) of the segment being processed; empty when absent.
    private func value(_ fields: FieldView, element: Int, component: Int?) -> FieldBytes {
        guard let component else { return fields[element] }
        return fields.component(component, of: element, separator: delimiters.component) ?? fields.empty
    }

    // MARK: - Findings

    private mutating func report(_ kind: ValidationFinding.Kind, _ code: String, _ id: String, _ message: String) {
        var finding = ValidationFinding(kind: kind, message: message)
        finding.segmentErrorCode = code
        add(finding, segmentId: id)
    }

    /// Fills in where `finding` is (the segment being processed, or `segment`'s own position) and keeps it.
    private mutating func add(_ finding: ValidationFinding, at position: Int? = nil, segmentId: String, loopId knownLoop: String?? = nil) {
        var finding = finding
        let position = position ?? index
        let place = set.segments[position - 1].position
        finding.segmentIndex = position
        finding.fileSegmentIndex = place.segmentIndex
        finding.line = place.line
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
            if let claim = frames[level].claimIndex { return set.segments[claim - 1][1] }
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
