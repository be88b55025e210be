import Foundation
import X12
import X12Validation
import X12TestSupport

/// A validator and shortcuts shared by the validation tests (files come from ``FixtureFiles`` and ``Corpus``).
enum TestSupport {

    static let validator: Validator = {
        do {
            return try Validator()
        } catch {
            fatalError("specs do not load: \(error)")
        }
    }()

    static func fixtureText(_ name: String) throws -> String {
        try String(contentsOf: FixtureFiles.url("validation/\(name)"), encoding: .utf8)
    }

    /// Validates `text` after replacing whole lines (segments) as `edit` says.
    static func validate(_ text: String, name: String = "mutated") -> ValidationReport {
        validator.validate(bytes: Array(text.utf8), file: name)
    }
}

extension String {
    /// The text with the line `old` (a whole segment) replaced by `new` (`nil` drops it).
    func replacingSegment(_ old: String, with new: String?) -> String {
        var lines = components(separatedBy: "\n")
        if let index = lines.firstIndex(of: old) {
            if let new { lines[index] = new } else { lines.remove(at: index) }
        }
        return lines.joined(separator: "\n")
    }
}

/// A compact view of a finding for exact comparisons.
struct Seen: Equatable, CustomStringConvertible {
    var fileSegment: Int?
    var position: Int?
    var segment: String?
    var loop: String?
    var element: Int?
    var component: Int?
    var kind: ValidationFinding.Kind
    var code: String?

    init(_ finding: ValidationFinding) {
        fileSegment = finding.fileSegmentIndex
        position = finding.segmentIndex
        segment = finding.segmentId
        loop = finding.loopId
        element = finding.element
        component = finding.component
        kind = finding.kind
        code = finding.elementErrorCode ?? finding.segmentErrorCode ?? finding.transactionErrorCode ?? finding.groupErrorCode
            ?? finding.interchangeErrorCode
    }

    init(_ fileSegment: Int?, _ position: Int?, _ segment: String?, _ loop: String?, _ element: Int?, _ component: Int? = nil,
         _ kind: ValidationFinding.Kind, _ code: String?) {
        self.fileSegment = fileSegment
        self.position = position
        self.segment = segment
        self.loop = loop
        self.element = element
        self.component = component
        self.kind = kind
        self.code = code
    }

    var description: String {
        "Seen(\(fileSegment.map(String.init) ?? "nil"), \(position.map(String.init) ?? "nil"), \(segment ?? "nil"), \(loop ?? "nil"), \(element.map(String.init) ?? "nil"), \(component.map(String.init) ?? "nil"), .\(kind), \(code ?? "nil"))"
    }
}
