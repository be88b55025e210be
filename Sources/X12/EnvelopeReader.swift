/// Reads an X12 input one transaction set at a time, checking the envelopes as it goes.
///
/// Every envelope fault is delivered as a ``EnvelopeReader/Item/problem(_:)`` or attached to the
/// transaction set it breaks; reading continues with the next envelope, so one broken set never hides
/// the others. Faults that stop the tokenizer (no ISA, malformed ISA, truncated input) are thrown.
public final class EnvelopeReader {
    /// What the reader found next.
    public enum Item: Sendable {
        /// A transaction set, ST..SE, with its own envelope problems.
        case transactionSet(TransactionSet)
        /// A TA1 interchange acknowledgment segment and the interchange it arrived in.
        case interchangeAcknowledgment(Segment, InterchangeHeader)
        /// A fault of a group or interchange envelope (GE/IEA counts, missing trailers, stray segments).
        case problem(X12Error)
    }

    private let reader: SegmentReader
    private var tracker = EnvelopeTracker()
    private var pending: [Item] = []
    private var current: TransactionSet?
    private var finished = false

    /// Reads segments from `reader`.
    public init(_ reader: SegmentReader) {
        self.reader = reader
    }

    /// The transaction set being read when ``next()`` threw (its ST seen, its SE not yet), so a caller can
    /// still report what a truncated set held; `nil` between sets.
    public var unfinishedTransactionSet: TransactionSet? { current }

    /// Returns the next item, or `nil` at the end of the input.
    ///
    /// - Throws: ``X12Error`` from the tokenizer; items found before the throw have been returned already.
    public func next() throws(X12Error) -> Item? {
        while pending.isEmpty {
            if finished { return nil }
            guard let segment = try reader.next() else {
                finish()
                continue
            }
            process(segment)
        }
        return pending.removeFirst()
    }

    private func process(_ segment: Segment) {
        let wasInSet = current != nil
        let problems = tracker.consume(segment)
        // The common case: a body segment of the open set with nothing wrong.
        if wasInSet, problems.isEmpty, tracker.level == .transactionSet, !segment.hasId("ST") {
            current?.segments.append(segment)
            return
        }
        handle(segment, wasInSet: wasInSet, problems: problems)
    }

    private func handle(_ segment: Segment, wasInSet: Bool, problems: [EnvelopeProblem]) {
        let opensSet = segment.hasId("ST")
        // A set left open is closed by this segment (which then does not belong to it) unless it is its SE.
        if wasInSet, tracker.level != .transactionSet || opensSet {
            let closesWithSE = segment.hasId("SE")
            if closesWithSE { current?.segments.append(segment) }
            let setProblems = problems.filter { $0.scope == .transactionSet }.map(\.error)
            current?.problems.append(contentsOf: setProblems)
            if let done = current { pending.append(.transactionSet(done)) }
            current = nil
            pending.append(contentsOf: problems.filter { $0.scope != .transactionSet }.map { .problem($0.error) })
            if closesWithSE { return }
            startIfNeeded(segment, problems: [])
            return
        }
        if wasInSet {
            current?.segments.append(segment)
            current?.problems.append(contentsOf: problems.map(\.error))
            return
        }
        let setProblems = startIfNeeded(segment, problems: problems)
        pending.append(contentsOf: setProblems.map { .problem($0.error) })
        if segment.hasId("TA1"), let interchange = tracker.interchange {
            pending.append(.interchangeAcknowledgment(segment, interchange))
        }
    }

    /// Opens a new set when `segment` is an ST; returns the problems not attached to it.
    @discardableResult
    private func startIfNeeded(_ segment: Segment, problems: [EnvelopeProblem]) -> [EnvelopeProblem] {
        guard tracker.level == .transactionSet, segment.hasId("ST"), let header = tracker.transactionSet,
              let interchange = tracker.interchange else { return problems }
        current = TransactionSet(interchange: interchange, group: tracker.group, header: header, segments: [segment],
                                 problems: problems.filter { $0.scope == .transactionSet }.map(\.error))
        return problems.filter { $0.scope != .transactionSet }
    }

    private func finish() {
        finished = true
        let problems = tracker.finish()
        if var open = current {
            open.problems.append(contentsOf: problems.filter { $0.scope == .transactionSet }.map(\.error))
            pending.append(.transactionSet(open))
            current = nil
        }
        pending.append(contentsOf: problems.filter { $0.scope != .transactionSet }.map { .problem($0.error) })
    }
}
