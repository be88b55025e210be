import Foundation

/// The targets of a Package.swift, read from its text: enough to check the dependency rules of DESIGN.md.
struct PackageManifest {
    /// What kind of target a declaration makes.
    enum Kind: Equatable {
        case library, executable, test
    }

    /// One target declaration.
    struct Target: Equatable {
        var kind: Kind
        /// The package's own targets it depends on, as written.
        var dependencies: [String]
        /// The products of other packages it depends on (`.product(name:...)`).
        var products: [String]
        /// `path:` when the sources are not in `Sources/<name>` or `Tests/<name>`.
        var path: String?
    }

    /// Modules every target may import without declaring them.
    static let systemModules: Set<String> = ["Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Darwin", "Musl", "XCTest", "Testing"]

    /// Targets that decode or build one kind of transaction.
    static let transactionTargets: Set<String> = [
        "X12Claims", "X12Billing", "X12Remittance", "X12Acknowledgments", "X12Matching", "X12Ledger",
    ]

    /// Targets by name.
    private(set) var targets: [String: Target] = [:]

    /// Reads the `.target(`, `.executableTarget(` and `.testTarget(` declarations of `text`.
    init(_ text: String) {
        let kinds: [(String, Kind)] = [(".target(", .library), (".executableTarget(", .executable), (".testTarget(", .test)]
        for (opening, kind) in kinds {
            var rest = text[...]
            while let found = rest.range(of: opening) {
                let body = Self.balanced(rest[found.upperBound...], open: "(", close: ")")
                rest = rest[found.upperBound...]
                guard let name = Self.firstString(after: "name:", in: body) else { continue }
                var dependencies: [String] = []
                var products: [String] = []
                if let list = body.range(of: "dependencies:").map({ Self.balanced(body[$0.upperBound...].drop { $0 != "[" }.dropFirst(), open: "[", close: "]") }) {
                    var remaining = list
                    while let product = remaining.range(of: ".product(") {
                        let inner = Self.balanced(remaining[product.upperBound...], open: "(", close: ")")
                        if let productName = Self.firstString(after: "name:", in: inner) { products.append(productName) }
                        remaining = remaining[..<product.lowerBound] + remaining[product.upperBound...].dropFirst(inner.count + 1)
                    }
                    dependencies = Self.strings(in: remaining)
                }
                targets[name] = Target(kind: kind, dependencies: dependencies, products: products,
                                       path: Self.firstString(after: "path:", in: body))
            }
        }
    }

    /// Every dependency DESIGN.md forbids, direct or through other targets, as sentences.
    func forbiddenDependencies() -> [String] {
        var found: [String] = []
        for name in targets.keys.sorted() {
            let reached = reachable(from: name).subtracting([name]).sorted()
            switch name {
            case "X12":
                found += reached.map { "X12 depends on \($0): the core imports no other target" }
            case "X12Remittance", "X12Acknowledgments":
                found += reached.filter { $0 == "X12Claims" || $0 == "X12Billing" }
                    .map { "\(name) depends on \($0): no 837 claim or billing target" }
            case "X12Validation":
                found += reached.filter(Self.transactionTargets.contains).map { "X12Validation depends on \($0): no transaction target" }
            default:
                break
            }
        }
        return found
    }

    /// The package targets `name` depends on, directly or not.
    private func reachable(from name: String) -> Set<String> {
        var seen: Set<String> = []
        var pending = targets[name]?.dependencies ?? []
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            pending += targets[next]?.dependencies ?? []
        }
        return seen
    }

    /// The modules a Swift source imports (`import M`, `@testable import M`, `public import M`; not in comments).
    static func imports(in source: String) -> [String] {
        source.split(whereSeparator: \.isNewline).compactMap { line in
            let words = line.split(separator: " ").filter { !$0.hasPrefix("@") && !["public", "internal", "package", "private", "fileprivate"].contains($0) }
            guard words.count >= 2, words[0] == "import" else { return nil }
            return String(words[1].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        }
    }

    /// The text after `text`'s first character up to the bracket that closes it (`text` starts just inside the opening one).
    private static func balanced(_ text: Substring, open: Character, close: Character) -> Substring {
        var depth = 1
        var inString = false
        for index in text.indices {
            let character = text[index]
            if character == "\"" { inString.toggle() }
            guard !inString else { continue }
            if character == open { depth += 1 }
            if character == close {
                depth -= 1
                if depth == 0 { return text[..<index] }
            }
        }
        return text
    }

    /// The first string literal after `label` at the top level of `text`.
    private static func firstString(after label: String, in text: Substring) -> String? {
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth -= 1 }
            if depth == 0, text[index...].hasPrefix(label) {
                return strings(in: text[text.index(index, offsetBy: label.count)...]).first
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// The string literals in `text`, in order.
    private static func strings(in text: Substring) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
