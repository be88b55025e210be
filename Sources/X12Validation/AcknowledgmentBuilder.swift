import Foundation
import X12

/// Writes a 999 implementation acknowledgment (005010X231A1) and TA1 interchange acknowledgments from a
/// ``ValidationReport``: one 999 transaction set per functional group read, one AK2/IK5 per transaction set,
/// IK3/CTX/IK4 for each segment in error, AK9 for the group.
public struct AcknowledgmentBuilder: Sendable {
    /// ISA13 of the acknowledgment interchange.
    public var controlNumber: Int
    /// When the acknowledgment is created.
    public var date: Date
    /// With `strict`, warnings reject like errors.
    public var strict: Bool

    /// Creates a builder.
    public init(controlNumber: Int = 1, date: Date = Date(), strict: Bool = false) {
        self.controlNumber = controlNumber
        self.date = date
        self.strict = strict
    }

    private func counts(_ finding: ValidationFinding) -> Bool {
        finding.severity == .error || strict
    }

    /// The 999 interchange answering every functional group in `report`, or `nil` when the report holds no
    /// group (nothing a 999 can answer).
    ///
    /// - Throws: `X12Error` when the answer cannot be written (an id that does not fit the ISA).
    public func implementationAcknowledgment(for report: ValidationReport) throws(X12Error) -> [UInt8]? {
        let sets = report.transactionSets.filter { !$0.groupControlNumber.isEmpty }
        guard let first = sets.first else { return nil }
        let interchange = report.interchanges.first { $0.controlNumber == first.interchangeControlNumber }
        var builder = try EnvelopeBuilder(header: .init(
            senderQualifier: interchange?.receiverQualifier ?? "ZZ", senderId: interchange?.receiverId ?? "RECEIVER",
            receiverQualifier: interchange?.senderQualifier ?? "ZZ", receiverId: interchange?.senderId ?? "SENDER",
            controlNumber: controlNumber, usage: interchange?.usage ?? "P", date: date))
        builder = try writeGroups(sets, report: report, into: builder)
        return try builder.finish()
    }

    private struct GroupKey: Hashable {
        var interchange: String
        var group: String
    }

    private func writeGroups(_ sets: [ValidationReport.TransactionSummary], report: ValidationReport,
                             into start: EnvelopeBuilder) throws(X12Error) -> EnvelopeBuilder {
        var builder = start
        var order: [GroupKey] = []
        var members: [GroupKey: [ValidationReport.TransactionSummary]] = [:]
        for set in sets {
            let key = GroupKey(interchange: set.interchangeControlNumber, group: set.groupControlNumber)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(set)
        }
        var findingsBySet: [String: [ValidationFinding]] = [:]
        var groupFindings: [GroupKey: [ValidationFinding]] = [:]
        for finding in report.findings where counts(finding) || finding.severity == .warning {
            let interchange = finding.interchangeControlNumber ?? ""
            let group = finding.groupControlNumber ?? ""
            if let control = finding.transactionSetControlNumber {
                findingsBySet["\(interchange)|\(group)|\(control)", default: []].append(finding)
            } else if finding.groupErrorCode != nil {
                groupFindings[GroupKey(interchange: interchange, group: group), default: []].append(finding)
            }
        }
        try builder.beginGroup(functionalId: "FA", version: "005010X231A1")
        for key in order {
            guard let groupSets = members[key], let head = groupSets.first else { continue }
            try builder.beginTransactionSet(id: "999", implementationReference: "005010X231A1")
            try builder.write("AK1", [.simple(Self.echo(head.functionalId, max: 2)), .simple(Self.echoNumber(head.groupControlNumber, max: 9)),
                                      .simple(Self.echo(head.groupVersion, max: 12))])
            var accepted = 0
            for set in groupSets {
                let findings = findingsBySet["\(key.interchange)|\(key.group)|\(set.controlNumber)"] ?? []
                if try writeSet(set, findings: findings, into: &builder) { accepted += 1 }
            }
            let groupCodes = Array(Set((groupFindings[key] ?? []).filter(counts).compactMap(\.groupErrorCode))).sorted().prefix(5)
            let hasWarnings = (groupFindings[key] ?? []).contains { !counts($0) }
                || groupSets.contains { $0.warningCount > 0 && !strict }
            // A fault of the group itself (GS/GE) rejects the whole group.
            if !groupCodes.isEmpty { accepted = 0 }
            let code: String
            if accepted == 0 {
                code = "R"
            } else if accepted < groupSets.count {
                code = "P"
            } else {
                code = hasWarnings ? "E" : "A"
            }
            var ak9: [FieldValue] = [.simple(code), .simple(String(groupSets.count)), .simple(String(groupSets.count)), .simple(String(accepted))]
            ak9.append(contentsOf: groupCodes.map { FieldValue.simple($0) })
            try builder.write("AK9", ak9)
            try builder.endTransactionSet()
        }
        try builder.endGroup()
        return builder
    }

    /// Writes AK2...IK5 for one set; returns whether it was accepted.
    private func writeSet(_ set: ValidationReport.TransactionSummary, findings: [ValidationFinding],
                          into builder: inout EnvelopeBuilder) throws(X12Error) -> Bool {
        var ak2: [FieldValue] = [.simple(Self.echo(set.transactionSetId, max: 3)), .simple(Self.echo(set.controlNumber, max: 9))]
        let implementation = Self.echo(set.implementation, max: 35)
        if !implementation.isEmpty { ak2.append(.simple(implementation)) }
        try builder.write("AK2", ak2)
        let rejecting = findings.filter(counts)
        // Segment-level findings grouped by segment position: one IK3 each, IK4s for element errors.
        var segmentOrder: [String] = []
        var bySegment: [String: [ValidationFinding]] = [:]
        for finding in rejecting where finding.segmentErrorCode != nil && finding.segmentIndex != nil {
            let key = "\(finding.segmentIndex ?? 0)|\(finding.segmentId ?? "")|\(finding.element == nil ? finding.segmentErrorCode ?? "" : "8")"
            if bySegment[key] == nil { segmentOrder.append(key) }
            bySegment[key, default: []].append(finding)
        }
        for key in segmentOrder.prefix(999) {
            guard let group = bySegment[key], let head = group.first, let position = head.segmentIndex else { continue }
            let loop = head.loopId.flatMap { $0.utf8.count <= 4 ? $0 : nil } ?? ""
            let elementLevel = group.contains { $0.element != nil }
            let code = elementLevel ? "8" : (head.segmentErrorCode ?? "8")
            let segmentId = head.segmentId.flatMap { Self.isSafe($0, builder: builder) && (2...3).contains($0.utf8.count) ? $0 : nil } ?? "ST"
            try builder.write("IK3", [.simple(segmentId), .simple(String(position)), .simple(loop), .simple(code)])
            if let claim = head.claimId, Self.isSafe(claim, builder: builder), !claim.isEmpty, claim.utf8.count <= 35 {
                try builder.write("CTX", [.composite(["CLM01", claim])])
            }
            for finding in group.prefix(99) {
                guard let element = finding.element, let elementCode = finding.elementErrorCode else { continue }
                var ik401: FieldValue = .simple(String(element))
                if let component = finding.component { ik401 = .composite([String(element), String(component)]) }
                // IK402 is numeric: a composite's reference (C023) is not sent.
                let reference = (finding.elementReference ?? "").allSatisfy(\.isNumber) ? finding.elementReference ?? "" : ""
                var ik4: [FieldValue] = [ik401, .simple(reference), .simple(elementCode)]
                if let value = finding.value, !value.isEmpty, Self.isSafe(value, builder: builder) {
                    ik4.append(.simple(String(value.prefix(99))))
                }
                try builder.write("IK4", ik4)
            }
        }
        var codes = Array(Set(rejecting.compactMap(\.transactionErrorCode))).sorted()
        if !segmentOrder.isEmpty { codes.append("5") }
        let ik501: String
        if rejecting.isEmpty {
            ik501 = findings.isEmpty ? "A" : "E"
        } else {
            ik501 = "R"
        }
        var ik5: [FieldValue] = [.simple(ik501)]
        ik5.append(contentsOf: codes.prefix(5).map { FieldValue.simple($0) })
        try builder.write("IK5", ik5)
        return rejecting.isEmpty
    }

    /// `text` as it can be echoed: X12 characters other than the delimiters, no outer spaces, at most `max` long.
    private static func echo(_ text: String, max: Int) -> String {
        let kept = text.utf8.filter { ElementValidator.isAllowedCharacter($0) && !Delimiters.standard.isDelimiter($0) }
        return String(decoding: kept, as: UTF8.self).trimmingSpaces.prefix(max).description
    }

    /// The digits of `text` (a control number, date or time), at most `max`; `0` when none.
    private static func echoNumber(_ text: String, max: Int) -> String {
        let digits = String(text.filter(\.isASCII).filter(\.isNumber).prefix(max))
        return digits.isEmpty ? "0" : digits
    }

    /// Whether `text` can be copied into the acknowledgment: X12 characters only, no delimiter.
    private static func isSafe(_ text: String, builder: EnvelopeBuilder) -> Bool {
        text.utf8.allSatisfy { ElementValidator.isAllowedCharacter($0) && !Delimiters.standard.isDelimiter($0) }
            && text.utf8.last != UInt8(ascii: " ") && text.utf8.first != UInt8(ascii: " ")
    }

    /// TA1 acknowledgments for every interchange in `report` with an interchange-level fault, or for every
    /// interchange that asked for one (ISA14 = 1); `nil` when none is due.
    public func interchangeAcknowledgment(for report: ValidationReport) throws(X12Error) -> [UInt8]? {
        var output: [UInt8] = []
        var number = controlNumber
        for interchange in report.interchanges {
            let faults = report.findings.filter {
                $0.interchangeControlNumber == interchange.controlNumber && $0.interchangeErrorCode != nil && counts($0)
            }
            guard !faults.isEmpty || interchange.acknowledgmentRequested else { continue }
            var builder = try EnvelopeBuilder(header: .init(
                senderQualifier: interchange.receiverQualifier, senderId: interchange.receiverId,
                receiverQualifier: interchange.senderQualifier, receiverId: interchange.senderId,
                controlNumber: number, usage: interchange.usage, date: date))
            let note = faults.first?.interchangeErrorCode ?? "000"
            try builder.write("TA1", [.simple(Self.echoNumber(interchange.controlNumber, max: 9)), .simple(Self.echoNumber(interchange.date, max: 6)),
                                      .simple(Self.echoNumber(interchange.time, max: 4)),
                                      .simple(faults.isEmpty ? "A" : "R"), .simple(note)])
            output.append(contentsOf: try builder.finish())
            number += 1
        }
        return output.isEmpty ? nil : output
    }
}
