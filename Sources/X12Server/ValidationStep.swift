import X12
import X12Validation

/// Runs the implementation-guide validator for the report page: findings at their segment and
/// element, and the loop each segment opens.
enum ValidationStep {
    /// The validator's findings in the page's form.
    static func findings(of report: ValidationReport) -> [Finding] {
        report.findings.map { finding in
            Finding(segmentIndex: finding.fileSegmentIndex, elementPosition: finding.element,
                    componentPosition: finding.component, loopId: finding.loopId, message: finding.message,
                    code: code(of: finding), severity: finding.severity == .error ? .error : .warning)
        }
    }

    /// `IK403 I12 · npiCheckDigit`: the acknowledgment code a payer would send, then the finding kind.
    static func code(of finding: ValidationFinding) -> String {
        var codes: [String] = []
        if let code = finding.elementErrorCode { codes.append("IK403 " + code) }
        else if let code = finding.segmentErrorCode { codes.append("IK304 " + code) }
        if let code = finding.transactionErrorCode { codes.append("IK502 " + code) }
        if let code = finding.groupErrorCode { codes.append("AK905 " + code) }
        if let code = finding.interchangeErrorCode { codes.append("TA105 " + code) }
        codes.append(finding.kind.rawValue)
        return codes.joined(separator: " · ")
    }

    /// The loops opened by the segments of `sets`, keyed by file segment index.
    static func loops(of sets: [TransactionSet], validator: Validator) -> [Int: LoopLabel] {
        var loops: [Int: LoopLabel] = [:]
        for set in sets {
            for annotation in validator.annotate(set) where annotation.startsLoop {
                let offset = annotation.segmentIndex - 1
                guard let loopId = annotation.loopId, offset >= 0, offset < set.segments.count,
                      let index = set.segments[offset].position.segmentIndex else { continue }
                loops[index] = LoopLabel(id: loopId, name: annotation.loopName ?? "")
            }
        }
        return loops
    }
}
