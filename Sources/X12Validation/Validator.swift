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
/// Findings are values: one input reports all of its problems. Reading streams segment by segment: a transaction
/// set is walked through its guide as it is read, keeping the loop state and the findings, never its segments.
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
    ///
    /// `progress`, when given, is called as reading goes on (once per envelope event, a few hundred segments at a
    /// time) with the bytes read so far and the number of segments read: for a caller's progress display.
    public func validate(path: String, progress: ((_ bytesRead: Int, _ segments: Int) -> Void)? = nil) -> ValidationReport {
        do {
            let reader = try SegmentReader(path: path)
            let report = run(EnvelopeReader(reader), file: path, progress: progress.map { report in
                { segments in report(reader.bytesRead, segments) }
            })
            return report
        } catch {
            var finding = ValidationFinding(kind: .unreadable, message: error.message)
            finding.line = nil
            return ValidationReport(file: path, findings: [finding])
        }
    }

    /// Validates everything `reader` delivers.
    public func validate(reader: EnvelopeReader, file: String = "-") -> ValidationReport {
        run(reader, file: file)
    }

    /// Validates bytes already in memory.
    public func validate(bytes: [UInt8], file: String = "-") -> ValidationReport {
        let reader = SegmentReader(bytes: bytes)
        return run(EnvelopeReader(reader), file: file)
    }

    private func run(_ reader: EnvelopeReader, file: String, progress: ((Int) -> Void)? = nil) -> ValidationReport {
        var report = ValidationReport(file: file)
        var segments = 0
        var seenInterchanges: Set<String> = []
        var interchange: InterchangeHeader?
        var open: OpenSet?
        while true {
            let event: EnvelopeEvent?
            do {
                event = try reader.nextEvent()
            } catch {
                // The input broke off (inside a set or not): the tokenizer's error says where.
                report.findings.append(EnvelopeFindings.finding(for: error, scope: .interchange))
                break
            }
            guard let event else { break }
            if let progress {
                if case .segment = event { segments += 1 }
                progress(segments)
            }
            switch event {
            case .segment(let segment, let index):
                open?.walker?.consume(segment, index: index)
                open?.segmentCount = index
            case .transactionSetStart(let start):
                open = OpenSet(start: start, walker: spec(for: start.header, group: start.group).map {
                    TransactionValidator(spec: $0, start: start, annotate: false)
                })
            case .transactionSetEnd(let trailer, let problems):
                guard var set = open else { continue }
                set.walker?.finish(trailer: trailer)
                if trailer != nil { set.segmentCount += 1 }
                finish(set, problems: problems, into: &report)
                open = nil
            case .interchangeStart(let header, let segment):
                interchange = header
                let isaIndex = segment.position.segmentIndex
                if !seenInterchanges.insert(header.controlNumber).inserted {
                    var finding = ValidationFinding(kind: .interchangeEnvelope,
                                                    message: "ISA13 '\(header.controlNumber)' is already used by an earlier interchange in this file; interchange control numbers must be unique")
                    finding.interchangeErrorCode = "025"
                    finding.interchangeControlNumber = header.controlNumber
                    finding.segmentId = "ISA"
                    finding.element = 13
                    finding.fileSegmentIndex = isaIndex
                    report.findings.append(finding)
                }
                report.interchanges.append(.init(header))
                report.findings.append(contentsOf: checkInterchangeHeader(header, fileSegmentIndex: isaIndex))
            case .groupStart(let group):
                if let interchange {
                    report.findings.append(contentsOf: checkGroupHeader(group, interchange: interchange))
                }
            case .problem(let error):
                var finding = EnvelopeFindings.finding(for: error, scope: nil)
                finding.interchangeControlNumber = report.interchanges.last?.controlNumber
                if finding.kind == .groupEnvelope, let last = report.transactionSets.last,
                   last.interchangeControlNumber == finding.interchangeControlNumber {
                    finding.groupControlNumber = last.groupControlNumber
                }
                report.findings.append(finding)
            case .interchangeAcknowledgment(let segment, let header):
                report.findings.append(contentsOf: checkControlSegment(segment, version: header.version, fixedWidth: false))
            case .interchangeEnd, .groupEnd:
                continue
            }
        }
        return report
    }

    /// A transaction set being validated: its start, its walk through the guide (`nil` without a guide)
    /// and how many segments it has had.
    private struct OpenSet {
        let start: TransactionSetStart
        var walker: TransactionValidator?
        var segmentCount = 1
    }

    /// Adds a finished set's findings (sorted by position) and its summary to the report.
    private func finish(_ set: OpenSet, problems: [X12Error], into report: inout ValidationReport) {
        let (findings, summary) = findingsAndSummary(start: set.start, walker: set.walker, segmentCount: set.segmentCount,
                                                     problems: set.start.problems + problems)
        report.findings.append(contentsOf: findings)
        report.transactionSets.append(summary)
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

    /// Checks a GS's elements against the control segments.
    private func checkGroupHeader(_ group: FunctionalGroupHeader, interchange: InterchangeHeader) -> [ValidationFinding] {
        let separator = interchange.delimiters.element
        var content = Array("GS".utf8)
        for field in [group.functionalId, group.applicationSender, group.applicationReceiver, group.date, group.time,
                      group.controlNumber, group.responsibleAgency, group.version] {
            content.append(separator)
            content.append(contentsOf: field.utf8)
        }
        let segment = Segment(content: content[...], delimiters: interchange.delimiters, position: group.position)
        return checkControlSegment(segment, version: interchange.version, fixedWidth: false)
            // GS08 is judged by the spec lookup ("no implementation guide"), the control map's GS08 list being
            // incomplete (it lacks the 999 versions).
            .filter { $0.element != 8 }
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
        let walker = spec(for: set.header, group: set.group).map { TransactionValidator(spec: $0, set: set, annotate: false) }
        let start = TransactionSetStart(of: set)
        return findingsAndSummary(start: start, walker: walker, segmentCount: set.segments.count, problems: set.problems).0
    }

    /// The loop of every segment of `set`, for labelling a tree; empty when no guide matches the set.
    public func annotate(_ set: TransactionSet) -> [LoopAnnotation] {
        guard let spec = spec(for: set) else { return [] }
        return TransactionValidator(spec: spec, set: set, annotate: true).annotations
    }

    /// The guide for a transaction set: ST01 plus ST03 (or GS08 when ST03 is empty).
    public func spec(for set: TransactionSet) -> ImplementationSpec? {
        spec(for: set.header, group: set.group)
    }

    private func spec(for header: TransactionSetHeader, group: FunctionalGroupHeader?) -> ImplementationSpec? {
        library.spec(transactionSet: header.id, version: Self.implementation(of: header, group: group))
    }

    private static func implementation(of header: TransactionSetHeader, group: FunctionalGroupHeader?) -> String {
        header.implementationReference.isEmpty ? (group?.version ?? "") : header.implementationReference
    }

    private func findingsAndSummary(start: TransactionSetStart, walker: TransactionValidator?, segmentCount: Int,
                                    problems: [X12Error]) -> ([ValidationFinding], ValidationReport.TransactionSummary) {
        var findings: [ValidationFinding] = []
        let header = start.header
        let implementation = Self.implementation(of: header, group: start.group)
        if let walker {
            findings = walker.findings
        } else {
            var finding = ValidationFinding(kind: .noSpec,
                                            message: "no implementation guide for transaction set \(header.id) version \(implementation.isEmpty ? "(none given)" : implementation) in \(library.directory.path); guides available: \(library.summary)")
            finding.transactionErrorCode = "I6"
            finding.segmentIndex = 1
            finding.segmentId = "ST"
            finding.fileSegmentIndex = header.position.segmentIndex
            finding.line = header.position.line
            findings.append(finding)
        }
        let groupVersion = start.group?.version ?? ""
        if !header.implementationReference.isEmpty, !groupVersion.isEmpty, header.implementationReference != groupVersion {
            var finding = ValidationFinding(severity: .warning, kind: .transactionEnvelope,
                                            message: "ST03 '\(header.implementationReference)' differs from the group's GS08 '\(groupVersion)'; they should name the same guide")
            finding.segmentIndex = 1
            finding.segmentId = "ST"
            finding.element = 3
            finding.fileSegmentIndex = header.position.segmentIndex
            finding.line = header.position.line
            findings.append(finding)
        }
        for problem in problems {
            findings.append(EnvelopeFindings.finding(for: problem, scope: .transactionSet,
                                                     inSetAt: header.position.segmentIndex, segmentCount: segmentCount))
        }
        for index in findings.indices {
            findings[index].interchangeControlNumber = start.interchange.controlNumber
            findings[index].groupControlNumber = start.group?.controlNumber
            findings[index].transactionSetId = header.id
            findings[index].transactionSetControlNumber = header.controlNumber
        }
        findings.sort { ($0.segmentIndex ?? 0) < ($1.segmentIndex ?? 0) }
        let summary = ValidationReport.TransactionSummary(
            interchangeControlNumber: start.interchange.controlNumber, functionalId: start.group?.functionalId ?? "",
            groupControlNumber: start.group?.controlNumber ?? "", groupVersion: start.group?.version ?? "",
            transactionSetId: header.id, controlNumber: header.controlNumber, implementation: implementation,
            hasSpec: walker != nil, segmentCount: segmentCount,
            errorCount: findings.count { $0.severity == .error }, warningCount: findings.count { $0.severity == .warning })
        return (findings, summary)
    }
}
