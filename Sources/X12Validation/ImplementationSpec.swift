import Foundation
import X12

/// One implementation guide (837P X222A1, 835 X221A1, ...) compiled from its spec file for fast matching.
public final class ImplementationSpec: @unchecked Sendable {
    /// ST01, e.g. `837`.
    public let transactionSetId: String
    /// ST03/GS08, e.g. `005010X222A1`.
    public let implementation: String
    /// GS01 the transaction belongs in, e.g. `HC`.
    public let functionalGroup: String
    /// Human name of the guide.
    public let name: String
    /// The outermost level: ST, the header/detail/footer tables and SE.
    public let root: LoopSpec
    /// HL03 level code → level codes allowed for its parent (empty = top level).
    let hierarchy: [String: Set<String>]
    /// Business and situational rules from the spec's `rules`.
    let rules: [RuleSpec]
    /// Every segment id used anywhere in the guide.
    let knownSegmentIds: Set<String>
    /// Segment ids some rule looks at.
    let ruleSegmentIds: [String]
    /// Packed ids of the segments some rule looks at.
    let ruleCodes: [ShortCode]
    /// The `npi` rules (they keep no state).
    let npiRules: [RuleSpec]
    /// The loop structure as flat tables for placing segments.
    let placement: PlacementTable

    init(file: SpecFile, codeLists: [String: Set<String>]) throws(SpecError) {
        transactionSetId = file.transactionSet
        implementation = file.implementation
        functionalGroup = file.functionalGroup
        name = file.name
        var loopsById: [String: LoopSpec] = [:]
        var ids: Set<String> = []
        let root = LoopSpec(id: "", name: file.name, usage: .required, repeatLimit: 1, pos: "")
        root.children = try Self.compile(file.structure, parent: root, loopsById: &loopsById, ids: &ids,
                                          codeLists: codeLists, fileName: file.implementation)
        self.root = root
        knownSegmentIds = ids
        hierarchy = (file.hierarchy ?? [:]).mapValues(Set.init)
        rules = try (file.rules ?? []).map { rule throws(SpecError) in try RuleSpec(rule, spec: file.implementation) }
        // Rules that keep state per loop occurrence by scope loop id (`""` = the transaction set), and the loop
        // ids some `excludesLoop` rule forbids.
        var scoped: [String: [RuleSpec]] = [:]
        var excluded: Set<String> = []
        for rule in rules {
            switch rule.kind {
            case .npi: continue
            case .excludesLoop(_, let loop): excluded.insert(loop)
            default: break
            }
            scoped[rule.scope, default: []].append(rule)
        }
        ruleSegmentIds = rules.reduce(into: Set<String>()) { $0.formUnion($1.segmentIds) }.sorted()
        ruleCodes = ruleSegmentIds.map(ShortCode.init)
        npiRules = rules.filter { if case .npi = $0.kind { true } else { false } }
        root.finish()
        placement = PlacementTable(root: root, scopedRules: scoped, excludedLoops: excluded, allRules: rules)
    }

    private static func compile(_ nodes: [SpecFile.NodeFile], parent: LoopSpec, loopsById: inout [String: LoopSpec],
                                ids: inout Set<String>, codeLists: [String: Set<String>], fileName: String) throws(SpecError) -> [SpecNode] {
        var result: [SpecNode] = []
        for node in nodes {
            if let segmentId = node.segment {
                ids.insert(segmentId)
                let segment = try SegmentSpec(node, id: segmentId, parent: parent, codeLists: codeLists, fileName: fileName)
                result.append(.segment(segment))
            } else if let loopId = node.loop {
                let loop = LoopSpec(id: loopId, name: node.name, usage: Usage(code: node.usage),
                                    repeatLimit: node.repeatCount.map { $0 == 0 ? Int.max : $0 } ?? 1, pos: node.pos)
                loop.parent = parent
                if let original = node.sameAs {
                    guard let source = loopsById[original] else {
                        throw SpecError(file: fileName, message: "loop \(loopId) says sameAs \(original) but no earlier loop has that id")
                    }
                    loop.children = try compile(source.sourceNodes, parent: loop, loopsById: &loopsById, ids: &ids,
                                                codeLists: codeLists, fileName: fileName)
                    loop.sourceNodes = source.sourceNodes
                } else {
                    loop.sourceNodes = node.children ?? []
                    loop.children = try compile(node.children ?? [], parent: loop, loopsById: &loopsById, ids: &ids,
                                                codeLists: codeLists, fileName: fileName)
                }
                if loop.children.isEmpty { continue }
                if loopsById[loopId] == nil { loopsById[loopId] = loop }
                result.append(.loop(loop))
            } else {
                throw SpecError(file: fileName, message: "a structure entry is neither a segment nor a loop (\(node.name))")
            }
        }
        return result
    }

    /// The loop (by id) anywhere in the guide, for naming loops in reports.
    public func loop(id: String) -> LoopSpec? {
        func search(_ loop: LoopSpec) -> LoopSpec? {
            if loop.id == id { return loop }
            for case .loop(let child) in loop.children {
                if let found = search(child) { return found }
            }
            return nil
        }
        return search(root)
    }
}

/// A problem in a spec file.
public struct SpecError: Error, Sendable, CustomStringConvertible {
    /// The spec file (or implementation) concerned.
    public var file: String
    /// What is wrong.
    public var message: String

    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}

/// An entry of a loop: a segment or a nested loop.
public enum SpecNode: Sendable {
    /// A segment.
    case segment(SegmentSpec)
    /// A nested loop.
    case loop(LoopSpec)

    /// Position number from the guide; entries sharing one may appear in any order.
    var pos: String {
        switch self {
        case .segment(let segment): segment.pos
        case .loop(let loop): loop.pos
        }
    }

    var usage: Usage {
        switch self {
        case .segment(let segment): segment.usage
        case .loop(let loop): loop.usage
        }
    }

    /// The segment that opens this entry: itself, or the first segment of the loop.
    var trigger: SegmentSpec? {
        switch self {
        case .segment(let segment): segment
        case .loop(let loop): loop.trigger
        }
    }
}

/// A loop of the guide: id (`2300`), name, usage, repeat limit and its entries in order.
public final class LoopSpec: @unchecked Sendable {
    /// Loop id as the guide writes it (`2010AA`); table wrappers are `HEADER`, `DETAIL`, `FOOTER`; the
    /// transaction itself is `""`.
    public let id: String
    /// Loop name (`Billing Provider Name`).
    public let name: String
    /// Usage.
    public let usage: Usage
    /// Maximum occurrences per parent occurrence (`Int.max` = unbounded).
    public let repeatLimit: Int
    let pos: String
    /// Entries in guide order.
    public internal(set) var children: [SpecNode] = []
    /// The enclosing loop.
    public internal(set) unowned var parent: LoopSpec?
    var sourceNodes: [SpecFile.NodeFile] = []
    /// The first segment of the loop.
    private(set) var trigger: SegmentSpec?
    /// Whether this is a real guide loop (`2000A`) rather than a table wrapper or the transaction.
    public let isGuideLoop: Bool

    init(id: String, name: String, usage: Usage, repeatLimit: Int, pos: String) {
        self.id = id
        self.name = name
        self.usage = usage
        self.repeatLimit = repeatLimit
        self.pos = pos
        isGuideLoop = id.first?.isNumber ?? false
    }

    /// Drops the source nodes and sets the trigger of this loop and the loops inside it, innermost first.
    func finish() {
        sourceNodes = []
        for case .loop(let loop) in children { loop.finish() }
        trigger = children.first?.trigger
    }
}

/// A segment of the guide at one place: id, usage, max use, how to tell it apart and its elements.
public final class SegmentSpec: @unchecked Sendable {
    /// Segment id (`NM1`).
    public let id: String
    /// Name in the guide (`Billing Provider Name`).
    public let name: String
    /// Usage.
    public let usage: Usage
    /// Maximum uses per loop occurrence (`Int.max` = unbounded).
    public let maxUse: Int
    let pos: String
    /// Element (and component) whose value picks this entry among same-id segments.
    let match: MatchKey?
    /// Element definitions by position (index 0 = element 1).
    let elements: [ElementSpec]
    /// Syntax notes (P0809, R0203, ...).
    let syntax: [SyntaxNote]
    /// The loop it belongs to.
    public private(set) unowned var loop: LoopSpec?
    /// Whether an element is a date-format qualifier (data element 1250) that decides how 1251 is read.
    let hasDateFormatQualifier: Bool
    /// The packed id.
    let code: ShortCode
    /// The element checks as a fast yes/no test on bytes.
    let cleanCheck: CleanSegmentCheck

    init(_ node: SpecFile.NodeFile, id: String, parent: LoopSpec, codeLists: [String: Set<String>], fileName: String) throws(SpecError) {
        self.id = id
        name = node.name
        usage = Usage(code: node.usage)
        maxUse = node.maxUse.map { $0 == 0 ? Int.max : $0 } ?? 1
        pos = node.pos
        loop = parent
        match = node.match.map { MatchKey(element: $0.element, component: $0.component, codes: Set($0.codes)) }
        var elements: [ElementSpec] = []
        for element in node.elements ?? [] {
            while elements.count < element.pos - 1 {
                elements.append(ElementSpec.undefined(position: elements.count + 1))
            }
            elements.append(try ElementSpec(element, segment: id, codeLists: codeLists, fileName: fileName))
        }
        self.elements = elements
        hasDateFormatQualifier = elements.contains { $0.reference == "1250" }
        syntax = try (node.syntax ?? []).map { note throws(SpecError) in
            guard let parsed = SyntaxNote(note) else {
                throw SpecError(file: fileName, message: "segment \(id): syntax note '\(note)' is not understood")
            }
            return parsed
        }
        code = ShortCode(id)
        cleanCheck = CleanSegmentCheck(elements: elements, syntax: syntax)
    }

    /// Whether the loop id shown for this segment is a guide loop.
    var loopId: String? {
        var current = loop
        while let candidate = current {
            if candidate.isGuideLoop { return candidate.id }
            current = candidate.parent
        }
        return nil
    }
}

/// The element value that tells same-id segments apart (`NM101` = `85`, `HL03` = `22`).
///
/// A class, like ``CodeList``, so the validator reads it in place instead of copying its sets.
final class MatchKey: Sendable {
    let element: Int
    let component: Int?
    let codes: Set<String>
    /// The codes as bytes, compared without building strings.
    let codeList: CodeList

    init(element: Int, component: Int?, codes: Set<String>) {
        self.element = element
        self.component = component
        self.codes = codes
        codeList = CodeList(codes)
    }
}

/// A set of codes that answers `contains` on raw bytes without building strings: codes of up to 7 bytes
/// (every code list of the guides) are packed into integers, a linear scan for short lists and a hash set
/// for long ones; a list holding a longer code falls back to a set of strings.
final class CodeList: Sendable {
    private enum Storage {
        case small([ShortCode])
        case packed(Set<ShortCode>)
        case text(Set<String>)
    }

    /// One stored value, so a lookup touches one reference.
    private let storage: Storage

    init(_ codes: Set<String>) {
        let codes = codes.sorted()
        if codes.contains(where: { ShortCode($0) == .none }) {
            storage = .text(Set(codes))
        } else if codes.count <= 12 {
            storage = .small(codes.map(ShortCode.init))
        } else {
            storage = .packed(Set(codes.map(ShortCode.init)))
        }
    }

    func contains(_ bytes: some Collection<UInt8>) -> Bool {
        switch storage {
        case .text(let text):
            return text.contains(String(decoding: bytes, as: UTF8.self))
        case .packed(let packed):
            let code = ShortCode(bytes)
            return code != .none && packed.contains(code)
        case .small(let small):
            let code = ShortCode(bytes)
            if code == .none { return false }
            for candidate in small where candidate == code { return true }
            return false
        }
    }
}

/// One element (or component) definition.
final class ElementSpec: @unchecked Sendable {
    var position: Int
    var reference: String
    var name: String
    var usage: Usage
    var type: DataType
    var minLength: Int
    var maxLength: Int
    /// Allowed values (list from the guide plus any external list); `nil` = any value.
    var codes: Set<String>?
    /// The same values for byte comparisons.
    var codeList: CodeList?
    var pattern: NSRegularExpression?
    /// Components for a composite; `nil` for a simple element.
    var components: [ElementSpec]?
    /// Padding entry for a position the spec does not list.
    var isDefined = true

    static func undefined(position: Int) -> ElementSpec {
        ElementSpec(position: position, reference: "", name: "element \(position)", usage: .notUsed, type: .alphanumeric,
                    minLength: 0, maxLength: .max, codes: nil, pattern: nil, components: nil, isDefined: false)
    }

    private init(position: Int, reference: String, name: String, usage: Usage, type: DataType, minLength: Int,
                 maxLength: Int, codes: Set<String>?, pattern: NSRegularExpression?, components: [ElementSpec]?, isDefined: Bool) {
        self.position = position
        self.reference = reference
        self.name = name
        self.usage = usage
        self.type = type
        self.minLength = minLength
        self.maxLength = maxLength
        self.codes = codes
        self.codeList = nil
        self.pattern = pattern
        self.components = components
        self.isDefined = isDefined
    }

    init(_ file: SpecFile.ElementFile, segment: String, codeLists: [String: Set<String>], fileName: String) throws(SpecError) {
        position = file.pos
        reference = file.ref ?? ""
        name = file.name
        usage = Usage(code: file.usage)
        type = DataType(rawValue: file.type ?? "AN") ?? .alphanumeric
        minLength = file.min ?? 0
        maxLength = file.max ?? .max
        var codes = file.codes.map(Set.init)
        if let list = file.codeList {
            guard let external = codeLists[list] else {
                throw SpecError(file: fileName, message: "\(segment)\(file.pos): code list '\(list)' is not in codes.json")
            }
            codes = (codes ?? []).union(external)
        }
        self.codes = codes
        codeList = codes.map(CodeList.init)
        if let text = file.pattern {
            do {
                pattern = try NSRegularExpression(pattern: text)
            } catch {
                throw SpecError(file: fileName, message: "\(segment)\(file.pos): pattern '\(text)' is not a regular expression")
            }
        } else {
            pattern = nil
        }
        if let components = file.components {
            self.components = try components.map { component throws(SpecError) in
                try ElementSpec(component, segment: segment, codeLists: codeLists, fileName: fileName)
            }
        } else {
            self.components = nil
        }
    }
}

/// An X12 syntax note: `P0809` paired, `R0203` at least one, `E0207` at most one, `C1110` conditional,
/// `L050607` list conditional.
struct SyntaxNote: Sendable {
    enum Kind: Character, Sendable { case paired = "P", required = "R", exclusion = "E", conditional = "C", listConditional = "L" }
    var kind: Kind
    var positions: [Int]
    var text: String

    init?(_ text: String) {
        guard let letter = text.first, let kind = Kind(rawValue: letter) else { return nil }
        let digits = Array(text.dropFirst())
        guard digits.count >= 4, digits.count % 2 == 0 else { return nil }
        var positions: [Int] = []
        var index = 0
        while index < digits.count {
            guard let value = Int(String(digits[index...index + 1])) else { return nil }
            positions.append(value)
            index += 2
        }
        self.kind = kind
        self.positions = positions
        self.text = text
    }
}
