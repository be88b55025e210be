import X12

/// A business or situational rule from a spec's `rules` list.
final class RuleSpec: Sendable {
    /// Condition on one element of a segment (a class, so reading it from a rule copies one reference).
    final class Condition: Sendable {
        let segment: String?
        let element: Int
        let component: Int?
        /// `segment` packed.
        let segmentCode: ShortCode
        /// The values that make the condition hold, compared as bytes.
        let valueList: CodeList

        init(segment: String?, element: Int, component: Int?, values: Set<String>) {
            self.segment = segment
            self.element = element
            self.component = component
            segmentCode = segment.map(ShortCode.init) ?? .none
            valueList = CodeList(values)
        }
    }

    /// One side of a balance: the amounts at `elements` of every `segment` in the scope, times `sign`.
    struct Term: Sendable {
        var segment: String
        var elements: [Int]
        var sign: Int
        /// `segment` packed.
        var code: ShortCode
        /// Only segments whose first element is this (e.g. `D` for AMT*D); nil: every one.
        var qualifier: [UInt8]? = nil
    }

    /// A segment whose presence in the scope occurrence turns a balance on (e.g. SVD: the line has a 2430).
    struct Presence: Sendable {
        var code: ShortCode
        var qualifier: [UInt8]?
    }

    enum Kind: Sendable {
        /// Σ signed terms over the scope loop must be zero.
        case balance([Term])
        /// `segment` element `element` must hold an NPI with a valid check digit when `when` holds.
        case npi(segment: String, element: Int, when: Condition?)
        /// `segment` element `element` counts 1, 2, 3... within each scope loop.
        case sequence(segment: String, element: Int)
        /// When `when` holds in the scope, a `segment` whose first element is `qualifier` must be present.
        case requires(when: Condition, segment: String, qualifier: String)
        /// When `when` holds in the scope, loop `loop` must not appear in it.
        case excludesLoop(when: Condition, loop: String)
    }

    let kind: Kind
    /// Loop id the rule applies to (`""` = the whole transaction set).
    let scope: String
    let message: String
    /// `error` (default) or `warning`.
    let severity: ValidationFinding.Severity

    /// Segment ids the rule looks at (a segment with another id cannot change its state).
    let segmentIds: [String]
    /// `segmentIds` packed.
    let segmentCodes: [ShortCode]
    /// `ShortCode.mask(_:)` of `segmentCodes`.
    let segmentMask: UInt64
    /// The rule's own `segment`, packed (`ShortCode.none` when it has none).
    let segmentCode: ShortCode
    /// `balance` only: the balance is checked only in scope occurrences holding this segment.
    let onlyWith: Presence?
    /// `balance` only: the finding names each term's sum.
    let showsAmounts: Bool

    init(_ file: SpecFile.RuleFile, spec: String) throws(SpecError) {
        func fail(_ text: String) -> SpecError { SpecError(file: spec, message: "rule \(file.kind): \(text)") }
        func condition(_ value: SpecFile.ConditionFile?) -> Condition? {
            value.map {
                Condition(segment: $0.segment, element: $0.element, component: $0.component, values: Set($0.in))
            }
        }
        scope = file.scope ?? ""
        var ids = Set([file.segment, file.when?.segment, file.onlyWith?.segment].compactMap { $0 })
        showsAmounts = file.amounts ?? false
        onlyWith = file.onlyWith.map { Presence(code: ShortCode($0.segment), qualifier: $0.qualifier.map { Array($0.utf8) }) }
        for term in file.terms ?? [] { ids.insert(term.segment) }
        segmentIds = ids.sorted()
        segmentCodes = segmentIds.map(ShortCode.init)
        segmentMask = ShortCode.mask(segmentCodes)
        segmentCode = file.segment.map(ShortCode.init) ?? .none
        guard let level = ValidationFinding.Severity(rawValue: file.severity ?? "error") else { throw fail("severity must be error or warning") }
        severity = level
        message = file.kind == "npi" ? (file.message ?? "not a valid NPI (10 digits with a correct check digit)")
            : (file.message ?? file.name ?? file.kind)
        switch file.kind {
        case "balance":
            guard let terms = file.terms, !terms.isEmpty else { throw fail("needs terms") }
            kind = .balance(terms.map {
                Term(segment: $0.segment, elements: $0.elements, sign: $0.sign, code: ShortCode($0.segment),
                     qualifier: $0.qualifier.map { Array($0.utf8) })
            })
        case "npi":
            guard let segment = file.segment, let element = file.element else { throw fail("needs segment and element") }
            kind = .npi(segment: segment, element: element, when: condition(file.when))
        case "sequence":
            guard let segment = file.segment, let element = file.element else { throw fail("needs segment and element") }
            kind = .sequence(segment: segment, element: element)
        case "requires":
            guard let when = condition(file.when), when.segment != nil, let segment = file.segment,
                  let qualifier = file.qualifier else { throw fail("needs when.segment, segment and qualifier") }
            kind = .requires(when: when, segment: segment, qualifier: qualifier)
        case "excludesLoop":
            guard let when = condition(file.when), when.segment != nil, let loop = file.loop else { throw fail("needs when.segment and loop") }
            kind = .excludesLoop(when: when, loop: loop)
        default:
            throw fail("unknown rule kind")
        }
    }
}
