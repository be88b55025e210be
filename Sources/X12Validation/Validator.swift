import Foundation
import X12

/// Validates X12 input against implementation guides: the ones bundled with this module, or those of a specs
/// directory.
///
/// ```swift
/// let validator = try Validator()
/// let report = validator.validate(path: "claims.837")
/// for finding in report.findings { print(finding) }
/// ```
/// Findings are values: one input reports all of its problems. Reading streams one transaction set at a time.
public final class Validator: Sendable {
    /// The guides in use.
    public let library: SpecLibrary

    /// Loads the guides bundled with this module (``SpecLibrary/bundled()``).
    ///
    /// - Throws: ``SpecError`` when a bundled spec file cannot be read.
    public convenience init() throws(SpecError) {
        self.init(library: try SpecLibrary.bundled())
    }

    /// Loads the guides from `specsDirectory` instead of the bundled ones.
    ///
    /// - Throws: ``SpecError`` when a spec file cannot be read.
    public convenience init(specsDirectory: URL) throws(SpecError) {
        self.init(library: try SpecLibrary(directory: specsDirectory))
    }

    /// Uses guides already loaded.
    public init(library: SpecLibrary) {
        self.library = library
    }

    /// Validates the file at `path` (`-` = standard input).
    public func validate(path: String) -> ValidationReport {
        do {
            let reader = try SegmentReader(path: path)
            return run(EnvelopeReader(reader), segments: reader, file: path)
        } catch {
            var finding = ValidationFinding(kind: .unreadable, message: error.message)
            finding.line = nil
            return ValidationReport(file: path, findings: [finding])
        }
    }

    /// Validates everything `reader` delivers.
    public func validate(reader: EnvelopeReader, file: String = "-") -> ValidationReport {
        run(reader, segments: nil, file: file)
    }

    /// Validates bytes already in memory.
    public func validate(bytes: [UInt8], file: String = "-") -> ValidationReport {
        let reader = SegmentReader(bytes: bytes)
        return run(EnvelopeReader(reader), segments: reader, file: file)
    }

    private func run(_ reader: EnvelopeReader, segments: SegmentReader?, file: String) -> ValidationReport {
        var report = ValidationReport(file: file)
        var addedSinceLastSet = false
        var lastSetEnd: Int?
        var lastGroupStart: Int?
        func note(_ header: InterchangeHeader?, isaIndex: Int? = nil) {
            guard let header, report.interchanges.last?.controlNumber != header.controlNumber else { return }
            report.interchanges.append(.init(header))
            report.findings.append(contentsOf: checkInterchangeHeader(header, fileSegmentIndex: isaIndex))
            addedSinceLastSet = true
        }
        /// A set opens a new interchange when its ISA13 differs from the last one, or when its group starts
        /// after at least GE, IEA and ISA since the last set ended (the same ISA13 used twice).
        func noteInterchange(of set: TransactionSet) {
            let groupStart = set.group?.position.segmentIndex
            let newGroup = groupStart != lastGroupStart || groupStart == nil
            defer {
                if let group = set.group, newGroup {
                    report.findings.append(contentsOf: checkGroupHeader(group, interchange: set.interchange))
                }
            }
            let changed = report.interchanges.last?.controlNumber != set.interchange.controlNumber
            var reused = false
            if !changed, !addedSinceLastSet, let groupStart, groupStart != lastGroupStart, let end = lastSetEnd, groupStart - end - 1 >= 3 {
                reused = true
            }
            if reused {
                var finding = ValidationFinding(kind: .interchangeEnvelope,
                                                message: "ISA13 '\(set.interchange.controlNumber)' is already used by an earlier interchange in this file; interchange control numbers must be unique")
                finding.interchangeErrorCode = "025"
                finding.interchangeControlNumber = set.interchange.controlNumber
                finding.segmentId = "ISA"
                finding.element = 13
                if let groupStart { finding.fileSegmentIndex = groupStart - 1 }
                report.findings.append(finding)
                report.interchanges.append(.init(set.interchange))
                report.findings.append(contentsOf: checkInterchangeHeader(set.interchange, fileSegmentIndex: groupStart.map { $0 - 1 }))
            } else {
                let firstGroup = lastSetEnd.map { end in (groupStart ?? 0) - end - 1 >= 3 } ?? true
                note(set.interchange, isaIndex: firstGroup ? groupStart.map { $0 - 1 } : nil)
            }
            addedSinceLastSet = false
            lastGroupStart = groupStart
            lastSetEnd = set.segments.last?.position.segmentIndex
        }
        while true {
            let item: EnvelopeReader.Item?
            do {
                item = try reader.next()
            } catch {
                report.findings.append(EnvelopeFindings.finding(for: error, scope: .interchange))
                break
            }
            guard let item else { break }
            switch item {
            case .transactionSet(let set):
                noteInterchange(of: set)
                let (findings, summary) = validateSet(set)
                report.findings.append(contentsOf: findings)
                report.transactionSets.append(summary)
            case .problem(let error):
                note(segments?.interchangeHeader)
                var finding = EnvelopeFindings.finding(for: error, scope: nil)
                finding.interchangeControlNumber = report.interchanges.last?.controlNumber
                if finding.kind == .groupEnvelope, let last = report.transactionSets.last,
                   last.interchangeControlNumber == finding.interchangeControlNumber {
                    finding.groupControlNumber = last.groupControlNumber
                }
                report.findings.append(finding)
            case .interchangeAcknowledgment(let segment, let header):
                note(header)
                report.findings.append(contentsOf: checkControlSegment(segment, version: header.version, fixedWidth: false))
            }
        }
        return report
    }

    /// TA105 note for an ISA element that breaks the control map (ISA01 → 010 ... ISA15 → 020).
    private static let interchangeNotes = [1: "010", 2: "011", 3: "012", 4: "013", 5: "005", 6: "006", 7: "007", 8: "008",
                                           9: "014", 10: "015", 12: "017", 13: "018", 14: "019", 15: "020"]

    /// Checks the ISA's elements against the control segments of its version (when the specs have them).
    private func checkInterchangeHeader(_ header: InterchangeHeader, fileSegmentIndex: Int?) -> [ValidationFinding] {
        let separator = header.delimiters.element
        var content = Array("ISA".utf8)
        for field in header.elements {
            content.append(separator)
            content.append(contentsOf: field.utf8)
        }
        let segment = Segment(content: content[...], delimiters: header.delimiters,
                              position: Position(byteOffset: 0, line: 0, segmentIndex: fileSegmentIndex, segmentId: "ISA"))
        return checkControlSegment(segment, version: header.version, fixedWidth: true).map { finding in
            var finding = finding
            finding.interchangeControlNumber = header.controlNumber
            finding.interchangeErrorCode = finding.element.flatMap { Self.interchangeNotes[$0] } ?? "024"
            finding.line = nil
            return finding
        }
    }

    /// Checks a GS's elements against the control segments (GS07 is not kept by the reader, so it is not checked).
    private func checkGroupHeader(_ group: FunctionalGroupHeader, interchange: InterchangeHeader) -> [ValidationFinding] {
        let separator = interchange.delimiters.element
        var content = Array("GS".utf8)
        for field in [group.functionalId, group.applicationSender, group.applicationReceiver, group.date, group.time,
                      group.controlNumber, "X", group.version] {
            content.append(separator)
            content.append(contentsOf: field.utf8)
        }
        let segment = Segment(content: content[...], delimiters: interchange.delimiters, position: group.position)
        return checkControlSegment(segment, version: interchange.version, fixedWidth: false)
            // GS07 is not kept by the reader; GS08 is judged by the spec lookup ("no implementation guide"), the
            // control map's GS08 list being incomplete (it lacks the 999 versions).
            .filter { $0.element != 7 && $0.element != 8 }
            .map { finding in
                var finding = finding
                finding.interchangeControlNumber = interchange.controlNumber
                finding.groupControlNumber = group.controlNumber
                finding.groupErrorCode = "6"
                return finding
            }
    }

    /// Element checks for an ISA or TA1 against `Specs/envelope-<version>.json`.
    private func checkControlSegment(_ segment: Segment, version: String, fixedWidth: Bool) -> [ValidationFinding] {
        let id = segment.id
        guard let spec = library.envelopes[version]?.segments[id] else { return [] }
        let validator = ElementValidator(delimiters: segment.delimiters)
        return validator.validate(segment.elements, segmentId: id, spec: spec, fixedWidth: fixedWidth).map { issue in
            var finding = ValidationFinding(kind: issue.kind, message: issue.message)
            finding.elementErrorCode = issue.code
            finding.element = issue.element
            finding.component = issue.component
            finding.value = issue.value
            finding.segmentId = id
            finding.fileSegmentIndex = segment.position.segmentIndex
            finding.line = segment.position.line
            return finding
        }
    }

    /// Findings for one transaction set (envelope faults included).
    public func validate(_ set: TransactionSet) -> [ValidationFinding] {
        validateSet(set).0
    }

    /// The loop of every segment of `set`, for labelling a tree; empty when no guide matches the set.
    public func annotate(_ set: TransactionSet) -> [LoopAnnotation] {
        guard let spec = spec(for: set) else { return [] }
        var walker = TransactionValidator(spec: spec, set: set, annotate: true)
        walker.run()
        return walker.annotations
    }

    /// The guide for a transaction set: ST01 plus ST03 (or GS08 when ST03 is empty).
    public func spec(for set: TransactionSet) -> ImplementationSpec? {
        library.spec(transactionSet: set.header.id, version: Self.implementation(of: set))
    }

    private static func implementation(of set: TransactionSet) -> String {
        set.header.implementationReference.isEmpty ? (set.group?.version ?? "") : set.header.implementationReference
    }

    private func validateSet(_ set: TransactionSet) -> ([ValidationFinding], ValidationReport.TransactionSummary) {
        var findings: [ValidationFinding] = []
        let implementation = Self.implementation(of: set)
        let spec = spec(for: set)
        if let spec {
            var walker = TransactionValidator(spec: spec, set: set, annotate: false)
            walker.run()
            findings = walker.findings
        } else {
            var finding = ValidationFinding(kind: .noSpec,
                                            message: "no implementation guide for transaction set \(set.header.id) version \(implementation.isEmpty ? "(none given)" : implementation) in \(library.directory.path); guides available: \(library.summary)")
            finding.transactionErrorCode = "I6"
            finding.segmentIndex = 1
            finding.segmentId = "ST"
            finding.fileSegmentIndex = set.header.position.segmentIndex
            finding.line = set.header.position.line
            findings.append(finding)
        }
        let groupVersion = set.group?.version ?? ""
        if !set.header.implementationReference.isEmpty, !groupVersion.isEmpty, set.header.implementationReference != groupVersion {
            var finding = ValidationFinding(severity: .warning, kind: .transactionEnvelope,
                                            message: "ST03 '\(set.header.implementationReference)' differs from the group's GS08 '\(groupVersion)'; they should name the same guide")
            finding.segmentIndex = 1
            finding.segmentId = "ST"
            finding.element = 3
            finding.fileSegmentIndex = set.header.position.segmentIndex
            finding.line = set.header.position.line
            findings.append(finding)
        }
        for problem in set.problems {
            findings.append(EnvelopeFindings.finding(for: problem, scope: .transactionSet, in: set))
        }
        for index in findings.indices {
            findings[index].interchangeControlNumber = set.interchange.controlNumber
            findings[index].groupControlNumber = set.group?.controlNumber
            findings[index].transactionSetId = set.header.id
            findings[index].transactionSetControlNumber = set.header.controlNumber
        }
        findings.sort { ($0.segmentIndex ?? 0) < ($1.segmentIndex ?? 0) }
        let summary = ValidationReport.TransactionSummary(
            interchangeControlNumber: set.interchange.controlNumber, functionalId: set.group?.functionalId ?? "",
            groupControlNumber: set.group?.controlNumber ?? "", groupVersion: set.group?.version ?? "",
            transactionSetId: set.header.id, controlNumber: set.header.controlNumber, implementation: implementation,
            hasSpec: spec != nil, segmentCount: set.segments.count,
            errorCount: findings.count { $0.severity == .error }, warningCount: findings.count { $0.severity == .warning })
        return (findings, summary)
    }
}
