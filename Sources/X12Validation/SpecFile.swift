/// The JSON shape of one file in Specs/ (see Specs/README.md); decoded once, then compiled into
/// ``ImplementationSpec``.
struct SpecFile: Decodable {
    var transactionSet: String
    var implementation: String
    var functionalGroup: String
    var name: String
    var source: String?
    var hierarchy: [String: [String]]?
    var rules: [RuleFile]?
    var structure: [NodeFile]

    struct NodeFile: Decodable {
        // Segment fields
        var segment: String?
        var maxUse: Int?
        var match: MatchFile?
        var syntax: [String]?
        var elements: [ElementFile]?
        // Loop fields
        var loop: String?
        var repeatCount: Int?
        var sameAs: String?
        var children: [NodeFile]?
        // Shared
        var name: String
        var usage: String
        var pos: String

        enum CodingKeys: String, CodingKey {
            case segment, maxUse, match, syntax, elements, loop, sameAs, children, name, usage, pos
            case repeatCount = "repeat"
        }
    }

    struct MatchFile: Decodable {
        var element: Int
        var component: Int?
        var codes: [String]
    }

    struct ElementFile: Decodable {
        var pos: Int
        var ref: String?
        var name: String
        var usage: String
        var type: String?
        var min: Int?
        var max: Int?
        var codes: [String]?
        var codeList: String?
        var pattern: String?
        var components: [ElementFile]?
    }

    struct ConditionFile: Decodable {
        var segment: String?
        var element: Int
        var component: Int?
        var `in`: [String]
    }

    struct TermFile: Decodable {
        var segment: String
        var elements: [Int]
        var sign: Int
        /// Only segments whose first element is this qualifier (e.g. `D` for AMT*D).
        var qualifier: String?
    }

    /// A segment (optionally with its first-element qualifier) whose presence in the scope turns a balance on.
    struct PresenceFile: Decodable {
        var segment: String
        var qualifier: String?
    }

    struct RuleFile: Decodable {
        var kind: String
        var scope: String?
        var name: String?
        var message: String?
        var terms: [TermFile]?
        var segment: String?
        var element: Int?
        var qualifier: String?
        var loop: String?
        var when: ConditionFile?
        var severity: String?
        /// `balance` only: the balance applies only to scope occurrences holding this segment.
        var onlyWith: PresenceFile?
        /// `balance` only: name each term's sum in the finding (`SV1 90; SVD 55; CAS 40`).
        var amounts: Bool?
    }
}

/// The JSON shape of Specs/codes.json: external code lists shared by every spec.
struct CodeListFile: Decodable {
    var codeLists: [String: [String]]
}
