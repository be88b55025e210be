import Foundation
import X12

/// Walks one transaction set through its implementation guide, segment by segment as they are read: a
/// loop/segment state machine that places every segment in its loop, then checks elements, HL hierarchy
/// and the guide's business rules. It keeps the loop state and the findings, never the set's segments.
struct TransactionValidator {
    /// One open loop occurrence. Its use counts and rule states live in the shared stacks `counts` and
    /// `ruleStates` (from `countBase` and `ruleBase` on), so entering a loop allocates nothing.
    private struct Frame {
        /// The loop, as an index in `table`.
        let loop: Int
        /// The child last placed.
        var cursor: Int
        let countBase: Int
        let ruleBase: Int
        let ruleCount: Int
        /// CLM01 of the CLM that opened this loop occurrence: it names the claim in findings.
        var claimId: String?
    }

    private let spec: ImplementationSpec
    /// The guide's loops and segments by index.
    private let table: PlacementTable
    private let start: TransactionSetStart
    /// The segment being processed.
    private var current: Segment
    private let elementValidator: ElementValidator
    private var frames: [Frame] = []
    /// How often each child of every open loop was used, frame after frame.
    private var counts: [Int] = []
    /// The state of the rules of every open loop, frame after frame.
    private var ruleStates: [RuleState] = []
    private(set) var findings: [ValidationFinding] = []
    private(set) var annotations: [LoopAnnotation] = []
    private let annotate: Bool
    private var hierarchy = HierarchyChecker()
    /// Position (ST = 1) of the segment being processed.
    private var index = 1
    private let delimiters: Delimiters

    private static let claimCode = ShortCode("CLM")
    private static let hierarchyCode = ShortCode("HL")

    /// Starts a set at its ST (which is checked at once).
    init(spec: ImplementationSpec, start: TransactionSetStart, annotate: Bool) {
        self.spec = spec
        table = spec.placement
        self.start = start
        self.annotate = annotate
        elementValidator = ElementValidator(delimiters: start.interchange.delimiters)
        delimiters = start.interchange.delimiters
        current = start.segment
        push(0)
        current.withFields { fields in process(fields, isHeader: true) }
    }

    /// Walks a whole set already read.
    init(spec: ImplementationSpec, set: TransactionSet, annotate: Bool) {
        self.init(spec: spec, start: TransactionSetStart(of: set), annotate: annotate)
        for (offset, segment) in zip(set.body.indices, set.body) { consume(segment, index: offset + 1) }
        finish(trailer: set.trailer)
    }

    /// The id of the segment being processed, as text (for findings and annotations).
    private var currentId: String { current.id }

    /// Places and checks the next body segment; `index` is its position in the set (ST = 1).
    mutating func consume(_ segment: Segment, index: Int) {
        self.index = index
        current = segment
        segment.withFields { fields in process(fields, isHeader: false) }
    }

    /// Ends the set: its SE (`nil` when the set ended without one), then the loops still open and the HL
    /// levels that promised children.
    mutating func finish(trailer: Segment?) {
        if let trailer {
            consume(trailer, index: index + 1)
        }
        while frames.count > 1 { closeTop() }
        if trailer != nil { closeTop() }
        for problem in hierarchy.finish() {
            var finding = problem.finding
            finding.segmentIndex = problem.index
            finding.fileSegmentIndex = fileIndex(of: problem.index)
            finding.line = problem.line
            finding.segmentId = "HL"
            finding.loopId = nil
            findings.append(stamp(finding))
        }
    }

    /// How many segments the set has had so far, ST (and SE) included.
    var segmentCount: Int { index }

    /// The file-wide index of the segment at `position` in this set.
    private func fileIndex(of position: Int) -> Int? {
        start.header.position.segmentIndex.map { $0 + position - 1 }
    }

    /// Places the segment at `index`, then runs the element, hierarchy and rule checks on it.
    private mutating func process(_ fields: FieldView, isHeader: Bool) {
        let code = fields.code
        let placedIndex: Int?
        var startsLoop = false
        if isHeader {
            // The ST: the transaction's first entry.
            let root = table.loops[0]
            placedIndex = root.childCount > 0 && table.children[root.firstChild].loop < 0 ? table.children[root.firstChild].segment : nil
        } else {
            (placedIndex, startsLoop) = place(fields)
        }
        if annotate { record(segment: currentId, spec: placedIndex.map { table.segmentSpecs[$0] }, startsLoop: startsLoop) }
        guard let placedIndex else { return }
        let placed = table.segmentSpecs[placedIndex]
        if code == Self.claimCode { frames[frames.count - 1].claimId = String(decoding: fields[1], as: UTF8.self) }
        if !placed.cleanCheck.isClean(fields, delimiters: delimiters) { reportElementIssues(spec: placed) }
        if code == Self.hierarchyCode {
            for problem in hierarchy.check(fields, levels: spec.hierarchy, index: index, line: current.position.line) {
                add(problem, segmentId: "HL")
            }
        }
        applyRules(fields)
    }

    // MARK: - Elements

    /// Runs the full element checks on a segment the fast check did not pass and reports what they find.
    private mutating func reportElementIssues(spec placed: SegmentSpec) {
        let id = currentId
        for issue in elementValidator.validate(current.elements, segmentId: id, spec: placed) {
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

    /// Opens an occurrence of loop `index` (its first child counts as used: it is the segment that opened it).
    private mutating func push(_ index: Int) {
        let loop = table.loops[index]
        let countBase = counts.count
        counts.append(contentsOf: repeatElement(0, count: loop.childCount))
        if loop.childCount > 0 { counts[countBase] = 1 }
        let ruleBase = ruleStates.count
        for rule in loop.firstRule..<(loop.firstRule + loop.ruleCount) { ruleStates.append(RuleState(rule: table.rules[rule], mask: table.rules[rule].segmentMask)) }
        frames.append(Frame(loop: index, cursor: 0, countBase: countBase, ruleBase: ruleBase, ruleCount: loop.ruleCount, claimId: nil))
    }

    /// Whether the segment being processed is segment `index` of the guide: same id and, when the guide tells
    /// same-id segments apart by a code (`NM101` = `85`), that code.
    private func matches(_ index: Int, _ fields: FieldView) -> Bool {
        let candidate = table.segments[index]
        guard candidate.code == fields.code else { return false }
        guard candidate.hasMatch else { return true }
        guard fields.has(candidate.matchElement) else { return false }
        let value: FieldBytes
        if let component = candidate.matchComponent {
            guard let part = fields.component(component, of: candidate.matchElement, separator: delimiters.component) else { return false }
            value = part
        } else {
            value = fields[candidate.matchElement]
        }
        if candidate.matchList >= 0 { return table.matchLists[candidate.matchList].contains(value) }
        let code = ShortCode(value)
        guard code != .none else { return false }
        for slot in candidate.firstMatchCode..<(candidate.firstMatchCode + candidate.matchCodeCount) where table.matchCodes[slot] == code {
            return true
        }
        return false
    }

    /// The index (in `table.children`) of entry `child` of the loop open at `depth`.
    private func entry(_ child: Int, atDepth depth: Int) -> Int {
        table.loops[frames[depth].loop].firstChild + child
    }

    /// Finds where the segment being processed goes, updates the loop stack and reports structure problems;
    /// returns the guide segment it was placed as and whether it opened a loop.
    private mutating func place(_ fields: FieldView) -> (Int?, Bool) {
        let code = fields.code
        var depth = frames.count
        while depth > 0 {
            depth -= 1
            let loop = table.loops[frames[depth].loop]
            let start = table.children[loop.firstChild + frames[depth].cursor].groupStart
            // Only entries whose first segment has this id can take it.
            for child in start..<loop.childCount where table.children[loop.firstChild + child].code == code {
                if child == 0 && loop.startsWithSegment { continue }
                let entry = table.children[loop.firstChild + child]
                guard entry.segment >= 0, matches(entry.segment, fields) else { continue }
                advance(depth: depth, to: child)
                let slot = frames[depth].countBase + child
                counts[slot] += 1
                if entry.loop < 0 {
                    let segment = table.segments[entry.segment]
                    if segment.usage == .notUsed {
                        let id = currentId
                        let name = table.segmentSpecs[entry.segment].name
                        report(.notUsedSegmentPresent, "I4", id, "\(id) (\(name)) is not used in this guide but was sent")
                    } else if counts[slot] > segment.maxUse {
                        let id = currentId
                        let name = table.segmentSpecs[entry.segment].name
                        report(.segmentOverMaxUse, "5", id, "\(id) (\(name)) appears \(counts[slot]) times; at most \(segment.maxUse) allowed")
                    }
                    return (entry.segment, false)
                }
                let occurrences = counts[slot]
                enter(entry.loop)
                let nested = table.loops[entry.loop]
                if nested.usage == .notUsed {
                    let spec = table.loopSpecs[entry.loop]
                    report(.notUsedSegmentPresent, "I4", currentId, "loop \(spec.id) (\(spec.name)) is not used in this guide but was sent")
                } else if occurrences > nested.repeatLimit {
                    let spec = table.loopSpecs[entry.loop]
                    report(.loopOverMaxRepeat, "4", currentId,
                           "loop \(spec.id) (\(spec.name)) occurs \(occurrences) times; at most \(nested.repeatLimit) allowed")
                }
                return (entry.segment, true)
            }
        }
        reportUnplaced(fields)
        return (nil, false)
    }

    /// Closes the loops above `depth` and reports required entries skipped between the cursor and `child`.
    private mutating func advance(depth: Int, to child: Int) {
        while frames.count > depth + 1 { closeTop() }
        let loop = table.loops[frames[depth].loop]
        let from = table.children[loop.firstChild + frames[depth].cursor].groupStart
        let to = table.children[loop.firstChild + child].groupStart
        if to > from {
            for slot in loop.firstRequired..<(loop.firstRequired + loop.requiredCount) {
                let skipped = table.required[slot]
                if skipped >= from && skipped < to { reportMissing(in: depth, child: skipped) }
            }
        }
        frames[depth].cursor = child
    }

    private mutating func enter(_ index: Int) {
        push(index)
        let loop = table.loops[index]
        if loop.isExcludable {
            let loopId = table.loopSpecs[index].id
            for depth in 0..<(frames.count - 1) {
                let frame = frames[depth]
                for slot in frame.ruleBase..<(frame.ruleBase + frame.ruleCount) {
                    let state = ruleStates[slot]
                    guard case .excludesLoop(_, let excluded) = state.rule.kind, excluded == loopId, state.triggered else { continue }
                    var finding = ValidationFinding(severity: state.rule.severity, kind: .situationalRule, message: state.rule.message)
                    finding.segmentErrorCode = "I9"
                    add(finding, segmentId: currentId)
                }
            }
        }
        if loop.childCount > 0 {
            let first = table.children[loop.firstChild]
            if first.loop >= 0 { enter(first.loop) }
        }
    }

    private mutating func closeTop() {
        let depth = frames.count - 1
        let frame = frames[depth]
        let loop = table.loops[frame.loop]
        let from = table.children[loop.firstChild + frame.cursor].groupStart
        for slot in loop.firstRequired..<(loop.firstRequired + loop.requiredCount) {
            let skipped = table.required[slot]
            if skipped >= from { reportMissing(in: depth, child: skipped) }
        }
        for slot in frame.ruleBase..<(frame.ruleBase + frame.ruleCount) { finishRule(ruleStates[slot]) }
        ruleStates.removeLast(ruleStates.count - frame.ruleBase)
        counts.removeLast(counts.count - frame.countBase)
        frames.removeLast()
    }

    private mutating func reportMissing(in depth: Int, child: Int) {
        guard counts[frames[depth].countBase + child] == 0 else { return }
        let loop = table.loopSpecs[frames[depth].loop]
        guard !(child == 0 && table.loops[frames[depth].loop].startsWithSegment) else { return }
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
        let here = current.position
        finding.segmentIndex = index
        finding.fileSegmentIndex = here.segmentIndex
        finding.line = here.line
        finding.segmentId = trigger.id
        finding.loopId = loopId(upTo: depth)
        finding.claimId = claimId(upTo: depth)
        findings.append(stamp(finding))
    }

    private mutating func reportUnplaced(_ fields: FieldView) {
        let id = currentId
        var earlier: SegmentSpec?
        search: for depth in frames.indices.reversed() {
            let cursor = table.children[entry(frames[depth].cursor, atDepth: depth)].groupStart
            for child in 0..<cursor {
                let trigger = table.children[entry(child, atDepth: depth)].segment
                guard trigger >= 0, matches(trigger, fields) else { continue }
                earlier = table.segmentSpecs[trigger]
                break search
            }
        }
        if let earlier {
            let place = earlier.loopId.map { " (it belongs earlier, in loop \($0))" } ?? " (it belongs earlier)"
            report(.segmentOutOfOrder, "7", id, "\(id) is out of order\(place)")
        } else if spec.knownSegmentIds.contains(id) {
            let value = current[1]
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
        /// The rule's ``RuleSpec/segmentMask``, to pass over it without touching it for most segments.
        let mask: UInt64
        var total = AmountSum()
        /// The segment a balance finding points at, kept as it was seen (the segment itself is gone by then).
        var anchor: (index: Int, line: Int, segmentId: String, element: Int, value: String, loopId: String?)?
        var counter = 0
        var triggered = false
        var triggerIndex: Int?
        var triggerLine = 0
        var triggerLoop: String?
        var satisfied = false
        /// An amount of the balance was not a number (already reported as an element error).
        var unreadable = false
        /// The rule's `RuleSpec.onlyWith` segment was seen in the scope occurrence.
        var present = false
        /// Each balance term's own sum, kept when the rule names the amounts.
        var termTotals: [AmountSum] = []
    }

    /// Feeds the segment being processed to the rules that look at its id.
    private mutating func applyRules(_ fields: FieldView) {
        let code = fields.code
        let bit = code.bit
        guard table.ruleMask & bit != 0, spec.ruleCodes.contains(code) else { return }
        for rule in spec.npiRules where table.npiMask & bit != 0 && rule.segmentCode == code {
            guard case .npi(_, let element, let when) = rule.kind else { continue }
            if let when, !when.valueList.contains(value(fields, element: when.element, component: when.component)) { continue }
            let npi = current[element]
            if !npi.isEmpty && !NPI.isValid(npi) {
                var finding = ValidationFinding(severity: rule.severity, kind: .npiCheckDigit,
                                                message: "'\(npi)' is not a valid NPI: it must be 10 digits starting with 1 or 2 with a correct check digit")
                finding.segmentErrorCode = "8"
                finding.elementErrorCode = "I12"
                finding.element = element
                finding.value = npi
                add(finding, segmentId: currentId)
            }
        }
        let innermost = frames.count - 1
        for depth in frames.indices {
            let base = frames[depth].ruleBase
            for slot in base..<(base + frames[depth].ruleCount)
            where ruleStates[slot].mask & bit != 0 && ruleStates[slot].rule.segmentCodes.contains(code) {
                let rule = ruleStates[slot].rule
                switch rule.kind {
                case .balance(let terms):
                    if let presence = rule.onlyWith, presence.code == code,
                       presence.qualifier.map({ fields[1].elementsEqual($0) }) ?? true {
                        ruleStates[slot].present = true
                    }
                    for (termIndex, term) in terms.enumerated() where term.code == code && (term.qualifier.map { fields[1].elementsEqual($0) } ?? true) {
                        if rule.showsAmounts {
                            if ruleStates[slot].termTotals.isEmpty { ruleStates[slot].termTotals = Array(repeating: AmountSum(), count: terms.count) }
                            for element in term.elements where !fields[element].isEmpty {
                                _ = ruleStates[slot].termTotals[termIndex].add(fields[element], negated: false)
                            }
                        }
                        if ruleStates[slot].anchor == nil {
                            let element = term.elements[0]
                            ruleStates[slot].anchor = (index, current.position.line, currentId, element, current[element],
                                                       loopId(upTo: frames.count - 1))
                        }
                        for element in term.elements {
                            let bytes = fields[element]
                            if bytes.isEmpty { continue }
                            if !ruleStates[slot].total.add(bytes, negated: term.sign <= 0) { ruleStates[slot].unreadable = true }
                        }
                    }
                case .sequence(_, let element):
                    guard rule.segmentCode == code else { break }
                    ruleStates[slot].counter += 1
                    let counter = ruleStates[slot].counter
                    if !Self.isNumber(fields[element], equalTo: counter) {
                        let text = current[element]
                        var finding = ValidationFinding(severity: rule.severity, kind: .sequence, message: "\(rule.message): found \(text.isEmpty ? "nothing" : text), expected \(counter)")
                        finding.segmentErrorCode = "8"
                        finding.elementErrorCode = "I12"
                        finding.element = element
                        finding.value = text
                        add(finding, segmentId: currentId)
                    }
                case .requires(let when, _, let qualifier):
                    guard depth == innermost else { break }
                    if when.segmentCode == code, when.valueList.contains(value(fields, element: when.element, component: when.component)) {
                        ruleStates[slot].triggered = true
                        ruleStates[slot].triggerIndex = index
                        ruleStates[slot].triggerLine = current.position.line
                        ruleStates[slot].triggerLoop = loopId(upTo: frames.count - 1)
                    }
                    if rule.segmentCode == code, fields[1].elementsEqual(qualifier.utf8) { ruleStates[slot].satisfied = true }
                case .excludesLoop(let when, _):
                    guard depth == innermost else { break }
                    if when.segmentCode == code, when.valueList.contains(value(fields, element: when.element, component: when.component)) {
                        ruleStates[slot].triggered = true
                    }
                case .npi:
                    break
                }
            }
        }
    }

    private mutating func finishRule(_ state: RuleState) {
        switch state.rule.kind {
        case .balance:
            guard let anchor = state.anchor, !state.total.isZero, !state.unreadable,
                  state.rule.onlyWith == nil || state.present else { return }
            var detail = "off by \(state.total.value)"
            if state.rule.showsAmounts, case .balance(let terms) = state.rule.kind, state.termTotals.count == terms.count {
                let named = zip(terms, state.termTotals).map { term, sum in
                    "\(term.segment)\(term.qualifier.map { "*" + String(decoding: $0, as: UTF8.self) } ?? "") \(sum.value)"
                }
                detail = named.joined(separator: "; ") + "; " + detail
            }
            var finding = ValidationFinding(severity: state.rule.severity, kind: .balance, message: "\(state.rule.message) (\(detail))")
            finding.segmentErrorCode = "8"
            finding.elementErrorCode = "I12"
            finding.element = anchor.element
            finding.value = anchor.value
            add(finding, at: (anchor.index, anchor.line), segmentId: anchor.segmentId, loopId: anchor.loopId)
        case .requires(_, let segmentId, let qualifier):
            guard state.triggered, !state.satisfied, let trigger = state.triggerIndex else { return }
            var finding = ValidationFinding(severity: state.rule.severity, kind: .situationalRule, message: state.rule.message)
            finding.segmentErrorCode = "I6"
            finding.value = qualifier
            add(finding, at: (trigger, state.triggerLine), segmentId: segmentId, loopId: state.triggerLoop)
        default:
            return
        }
    }

    /// Whether `bytes` are exactly the decimal digits of `number` (`12` for 12; not `012`, not `+12`).
    static func isNumber(_ bytes: some Collection<UInt8>, equalTo number: Int) -> Bool {
        Self.number(bytes) == number
    }

    /// The value of `bytes` when they are a number written plainly (digits, no sign, no leading zero), else `nil`.
    static func number(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18, bytes.first != UInt8(ascii: "0") || bytes.count == 1 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
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
    /// `earlier` is the position in the set and the line of an earlier segment the finding is about.
    private mutating func add(_ finding: ValidationFinding, at earlier: (index: Int, line: Int)? = nil, segmentId: String,
                              loopId knownLoop: String?? = nil) {
        var finding = finding
        let position = earlier?.index ?? index
        finding.segmentIndex = position
        finding.fileSegmentIndex = fileIndex(of: position)
        finding.line = earlier?.line ?? current.position.line
        if finding.segmentId == nil { finding.segmentId = segmentId }
        finding.loopId = knownLoop ?? (position == index ? loopId(upTo: frames.count - 1) : nil)
        finding.claimId = claimId(upTo: frames.count - 1)
        findings.append(stamp(finding))
    }

    private func stamp(_ finding: ValidationFinding) -> ValidationFinding {
        var finding = finding
        finding.interchangeControlNumber = start.interchange.controlNumber
        finding.groupControlNumber = start.group?.controlNumber
        finding.transactionSetId = start.header.id
        finding.transactionSetControlNumber = start.header.controlNumber
        return finding
    }

    private func loopId(upTo depth: Int) -> String? {
        var level = min(depth, frames.count - 1)
        while level >= 0 {
            if table.loops[frames[level].loop].isGuideLoop { return table.loopSpecs[frames[level].loop].id }
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
        let path = frames.map { table.loopSpecs[$0.loop] }.filter(\.isGuideLoop)
        annotations.append(LoopAnnotation(segmentIndex: index, segmentId: id, loopId: path.last?.id, loopName: path.last?.name,
                                          loopPath: path.map(\.id), segmentName: placed?.name, startsLoop: startsLoop))
    }
}
