import X12

/// A loop shown above the segment that opens it (`2010AA`, `Billing Provider Name`).
struct LoopLabel: Sendable, Equatable {
    /// The implementation guide's loop id.
    var id: String
    /// The loop's name, or empty when not known.
    var name: String
}

/// Everything the report page shows about one submitted file.
///
/// The segments stay views into the uploaded bytes, so holding every row of a large file costs
/// little beyond the upload itself.
struct Inspection: Sendable {
    /// The name shown for the file.
    var fileName: String
    /// Size of the upload in bytes.
    var byteCount: Int
    /// The segments kept for the tree, in file order: the first `rowLimit`, then only those with findings.
    var rows: [SegmentRow]
    /// Number of segments read (including those not kept in `rows`).
    var segmentCount = 0
    /// One entry per ST..SE transaction set.
    var transactionSets: [TransactionSummary]
    /// Findings to show inline, keyed by file segment index (findings without one are under key 0).
    var findings: [Int: [Finding]]
    /// The error that stopped reading (no ISA, malformed ISA, truncated segment), if any.
    var fatalError: X12Error?
    /// Loops opened by a segment, keyed by the file segment index of the segment that opens them.
    var loops: [Int: LoopLabel] = [:]
    /// Whether the file holds a TA1 interchange acknowledgment.
    var hasInterchangeAcknowledgment = false
    /// How many segments are kept in full; past this only segments with findings are kept.
    private(set) var rowLimit: Int
    /// The transaction sets that start within the first `rowLimit` segments, each cut at the row
    /// limit: enough to name the loops of the rows shown without holding a large set twice.
    private(set) var leadingSets: [TransactionSet] = []

    /// Segments kept in full by default; past this only segments with findings are kept, so a 50 MB
    /// file gives a page a browser can open and the server's memory stays near the upload's size.
    static let defaultRowLimit = 20_000

    /// Reads `bytes` segment by segment, recording the tree and the envelope faults.
    ///
    /// - Parameters:
    ///   - rowLimit: how many segments to keep for the tree before keeping only those with findings.
    ///   - findings: the findings to show (the validator's, which include the envelope faults); `nil`
    ///     shows the envelope faults this reading finds.
    init(fileName: String, bytes: [UInt8], rowLimit: Int = Inspection.defaultRowLimit, findings given: [Finding]? = nil) {
        self.fileName = fileName
        self.rowLimit = rowLimit
        byteCount = bytes.count
        rows = []
        transactionSets = []
        findings = [:]
        for finding in given ?? [] { add(finding) }
        let keep = Set(findings.keys)
        let reader = SegmentReader(bytes: bytes)
        var tracker = EnvelopeTracker()
        var depth = TreeDepth()
        var openSet: Int?
        do {
            while let segment = try reader.next() {
                let problems = tracker.consume(segment)
                let inSet = tracker.level == .transactionSet || segment.hasId("SE")
                let row = SegmentRow(segment: segment, depth: depth.depth(of: segment),
                                     transactionPosition: inSet && tracker.transactionSegmentIndex > 0
                                         ? tracker.transactionSegmentIndex : nil)
                segmentCount += 1
                let ownProblems = given == nil ? problems : []
                if segmentCount <= rowLimit || !ownProblems.isEmpty || keep.contains(row.index) { rows.append(row) }
                for problem in ownProblems { add(Finding(problem.error)) }
                if segment.hasId("TA1") { hasInterchangeAcknowledgment = true }
                if inSet, segmentCount <= rowLimit, !segment.hasId("ST"), !leadingSets.isEmpty, openSet != nil {
                    leadingSets[leadingSets.count - 1].segments.append(segment)
                }
                if segment.hasId("ST"), let header = tracker.transactionSet, let interchange = tracker.interchange {
                    if segmentCount <= rowLimit {
                        leadingSets.append(TransactionSet(interchange: interchange, group: tracker.group, header: header,
                                                          segments: [segment]))
                    }
                    openSet = transactionSets.count
                    transactionSets.append(TransactionSummary(
                        id: header.id, controlNumber: header.controlNumber,
                        implementationReference: header.implementationReference.isEmpty
                            ? (tracker.group?.version ?? "") : header.implementationReference,
                        interchangeControlNumber: interchange.controlNumber,
                        senderId: interchange.senderId, receiverId: interchange.receiverId,
                        segmentCount: 1, firstSegmentIndex: segment.position.segmentIndex ?? 0))
                } else if inSet, let open = openSet {
                    transactionSets[open].segmentCount += 1
                }
                if !inSet { openSet = nil }
            }
            if given == nil {
                for problem in tracker.finish() { add(Finding(problem.error)) }
            }
        } catch {
            fatalError = error
            if given == nil { add(Finding(error)) }
        }
    }

    /// Attaches a finding to its segment.
    mutating func add(_ finding: Finding) {
        findings[finding.segmentIndex ?? 0, default: []].append(finding)
    }

    /// The kept row of file segment `index`, found by binary search (rows are in file order).
    func row(at index: Int) -> SegmentRow? {
        var low = 0
        var high = rows.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let candidate = rows[middle].index
            if candidate == index { return rows[middle] }
            if candidate < index { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// Number of error findings.
    var errorCount: Int {
        findings.values.reduce(0) { $0 + $1.filter { $0.severity == .error }.count }
    }

    /// Number of warning findings.
    var warningCount: Int {
        findings.values.reduce(0) { $0 + $1.filter { $0.severity == .warning }.count }
    }

    /// The transaction kinds present, each once, in file order.
    var kinds: [TransactionKind] {
        var seen: [TransactionKind] = []
        for set in transactionSets {
            let kind = TransactionKind(id: set.id, implementationReference: set.implementationReference)
            if !seen.contains(kind) { seen.append(kind) }
        }
        return seen
    }
}
