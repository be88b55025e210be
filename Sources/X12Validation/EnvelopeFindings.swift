import X12

/// Turns the core's envelope errors into findings with their 999 IK5/AK9 or TA1 codes.
enum EnvelopeFindings {
    enum Scope { case transactionSet, group, interchange }

    /// The finding for an envelope error; `inSetAt` (the file index of its set's ST) and `segmentCount` place it
    /// inside the set when it is one of the set's segments.
    static func finding(for error: X12Error, scope known: Scope?, inSetAt first: Int? = nil, segmentCount: Int = 0) -> ValidationFinding {
        let segmentId = error.position.segmentId ?? ""
        let scope = known ?? inferScope(error, segmentId: segmentId)
        let kind: ValidationFinding.Kind
        switch scope {
        case .transactionSet: kind = .transactionEnvelope
        case .group: kind = .groupEnvelope
        case .interchange: kind = error.kind == .unreadable ? .unreadable : .interchangeEnvelope
        }
        var finding = ValidationFinding(kind: kind, message: error.message)
        finding.fileSegmentIndex = error.position.segmentIndex
        finding.line = error.position.line
        finding.segmentId = segmentId.isEmpty ? nil : segmentId
        finding.element = error.position.elementPosition
        finding.component = error.position.componentPosition
        if let first, let fileIndex = error.position.segmentIndex {
            let position = fileIndex - first + 1
            if position >= 1 && position <= segmentCount { finding.segmentIndex = position }
        }
        switch scope {
        case .transactionSet:
            finding.transactionErrorCode = transactionCode(error, segmentId: segmentId)
        case .group:
            finding.groupErrorCode = groupCode(error, segmentId: segmentId)
        case .interchange:
            finding.interchangeErrorCode = interchangeCode(error, segmentId: segmentId)
        }
        return finding
    }

    private static func inferScope(_ error: X12Error, segmentId: String) -> Scope {
        switch error.kind {
        case .countMismatch, .controlNumberMismatch:
            return segmentId == "GE" || segmentId == "GS" ? .group : .interchange
        case .missingTrailer:
            return error.message.hasPrefix("GE missing") || error.message.contains("functional group") ? .group : .interchange
        case .unexpectedSegment:
            return segmentId == "ST" || segmentId == "SE" || error.message.contains("outside a transaction set") ? .group : .interchange
        default:
            return .interchange
        }
    }

    /// IK502: 2 trailer missing, 3 control numbers differ, 4 segment count wrong, 23 ST02 not unique.
    private static func transactionCode(_ error: X12Error, segmentId: String) -> String {
        switch error.kind {
        case .missingTrailer: return "2"
        case .countMismatch: return "4"
        case .controlNumberMismatch: return segmentId == "ST" ? "23" : "3"
        case .invalidSegmentId: return "5"
        default: return "5"
        }
    }

    /// AK905: 3 GE missing, 4 control numbers differ, 5 set count wrong, 19 GS06 not unique.
    private static func groupCode(_ error: X12Error, segmentId: String) -> String {
        switch error.kind {
        case .missingTrailer: return "3"
        case .countMismatch: return "5"
        case .controlNumberMismatch: return segmentId == "GS" ? "19" : "4"
        default: return "6"
        }
    }

    /// TA105: 001 ISA13/IEA02 differ, 018 bad control number, 021 group count wrong, 023 IEA missing, 024 bad content.
    private static func interchangeCode(_ error: X12Error, segmentId: String) -> String {
        switch error.kind {
        case .controlNumberMismatch: return "001"
        case .countMismatch: return "021"
        case .missingTrailer: return "023"
        case .invalidValue: return "018"
        default: return "024"
        }
    }
}
