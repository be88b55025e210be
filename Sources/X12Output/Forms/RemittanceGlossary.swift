import X12Remittance

/// The adjustment group, reason (CARC) and remark (RARC) codes a remittance view used, with their meanings
/// from `RemittanceCodes`: a glossary of only the codes that appear.
public struct RemittanceGlossary: Sendable, Hashable {
    /// CAS01 group codes.
    public private(set) var groups: Set<String> = []
    /// CAS reason codes (CARC).
    public private(set) var reasons: Set<String> = []
    /// MOA/MIA and LQ*HE remark codes (RARC).
    public private(set) var remarks: Set<String> = []

    /// An empty glossary.
    public init() {}

    /// Notes every code of a claim payment.
    public mutating func add(_ claim: RemittanceClaim) {
        for adjustment in claim.adjustments { add(adjustment) }
        remarks.formUnion(claim.adjudication?.remarkCodes ?? [])
        for line in claim.lines {
            for adjustment in line.adjustments { add(adjustment) }
            remarks.formUnion(line.remarkCodes)
        }
    }

    /// Notes the codes of another glossary.
    public mutating func add(_ other: RemittanceGlossary) {
        groups.formUnion(other.groups)
        reasons.formUnion(other.reasons)
        remarks.formUnion(other.remarks)
    }

    private mutating func add(_ adjustment: ClaimAdjustment) {
        groups.insert(adjustment.group)
        reasons.insert(adjustment.reason)
    }

    /// Whether no code was noted.
    public var isEmpty: Bool { groups.isEmpty && reasons.isEmpty && remarks.isEmpty }

    /// The entries, groups first, then reasons, then remarks, each in code order (numbers by value).
    public var entries: [(kind: String, code: String, text: String)] {
        let unknown = "(not in the bundled code list; see the code list's publisher)"
        return Self.sorted(groups).map { ("group", $0, RemittanceCodes.adjustmentGroup($0) ?? unknown) }
            + Self.sorted(reasons).map { ("carc", $0, RemittanceCodes.adjustmentReason($0) ?? unknown) }
            + Self.sorted(remarks).map { ("rarc", $0, RemittanceCodes.remark($0) ?? unknown) }
    }

    private static func sorted(_ codes: Set<String>) -> [String] {
        codes.sorted { left, right in
            switch (Int(left), Int(right)) {
            case let (l?, r?): return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return left < right
            }
        }
    }
}
