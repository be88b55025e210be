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
    private var state = State()

    /// Reads segments from `reader`.
    public init(_ reader: SegmentReader) {
        self.reader = reader
    }

    /// The transaction set being read when ``next()`` threw (its ST seen, its SE not yet), so a caller can
    /// still report what a truncated set held; `nil` between sets.
    public var unfinishedTransactionSet: TransactionSet? { state.openSet }

    /// Returns the next item, or `nil` at the end of the input.
    ///
    /// - Throws: ``X12Error`` from the tokenizer; items found before the throw have been returned already.
    public func next() throws(X12Error) -> Item? {
        // Work on a local copy of the state (moved out and back, not copied) so that the per-segment loop
        // makes no exclusivity-checked accesses to the reader's stored properties.
        var state = State()
        swap(&state, &self.state)
        defer { swap(&state, &self.state) }
        while state.pending.isEmpty {
            if state.finished { return nil }
            if state.batchIndex == state.batch.count {
                state.batchIndex = 0
                try reader.nextBatch(into: &state.batch)
                if state.batch.isEmpty {
                    state.finish()
                    continue
                }
            }
            state.process(state.batch[state.batchIndex])
            state.batchIndex += 1
        }
        return state.pending.removeFirst()
    }
}

/// What ``EnvelopeReader`` knows between calls: the envelope state, the set being read, and the items
/// found but not handed out yet.
private struct State {
    var tracker = EnvelopeTracker()
    var pending: [EnvelopeReader.Item] = []
    /// The set being read, without its segments (kept apart in `segments`, so that appending one does not
    /// go through the optional).
    var current: TransactionSet?
    /// The segments of `current` so far.
    var segments: [Segment] = []
    var finished = false
    /// Segments taken from the reader and not processed yet.
    var batch: [Segment] = []
    var batchIndex = 0
    /// Segment count of the last transaction set, to reserve room for the next one (sets in one file are
    /// usually of a similar size).
    var lastSetSize = 0

    mutating func process(_ segment: Segment) {
        let wasInSet = current != nil
        let problems = tracker.consume(segment)
        // The common case: a body segment of the open set with nothing wrong.
        // (Inside a set, only its ST has index 1.)
        if wasInSet, problems.isEmpty, tracker.level == .transactionSet, tracker.transactionSegmentIndex > 1 {
            segments.append(segment)
            return
        }
        handle(segment, wasInSet: wasInSet, problems: problems)
    }

    /// `current` with its segments.
    var openSet: TransactionSet? {
        guard var set = current else { return nil }
        set.segments = segments
        return set
    }

    /// Hands out the open set and starts without one.
    private mutating func closeSet() {
        guard var done = current else { return }
        done.segments = segments
        lastSetSize = segments.count
        segments = []
        current = nil
        pending.append(.transactionSet(done))
    }

    private mutating func handle(_ segment: Segment, wasInSet: Bool, problems: [EnvelopeProblem]) {
        let opensSet = segment.hasId("ST")
        // A set left open is closed by this segment (which then does not belong to it) unless it is its SE.
        if wasInSet, tracker.level != .transactionSet || opensSet {
            let closesWithSE = segment.hasId("SE")
            if closesWithSE { segments.append(segment) }
            let setProblems = problems.filter { $0.scope == .transactionSet }.map(\.error)
            current?.problems.append(contentsOf: setProblems)
            closeSet()
            pending.append(contentsOf: problems.filter { $0.scope != .transactionSet }.map { .problem($0.error) })
            if closesWithSE { return }
            startIfNeeded(segment, problems: [])
            return
        }
        if wasInSet {
            segments.append(segment)
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
    private mutating func startIfNeeded(_ segment: Segment, problems: [EnvelopeProblem]) -> [EnvelopeProblem] {
        guard tracker.level == .transactionSet, segment.hasId("ST"), let header = tracker.transactionSet,
              let interchange = tracker.interchange else { return problems }
        segments = []
        segments.reserveCapacity(min(max(lastSetSize, 16), 1 << 16))
        segments.append(segment)
        current = TransactionSet(interchange: interchange, group: tracker.group, header: header, segments: [],
                                 problems: problems.filter { $0.scope == .transactionSet }.map(\.error))
        return problems.filter { $0.scope != .transactionSet }
    }

    mutating func finish() {
        finished = true
        let problems = tracker.finish()
        current?.problems.append(contentsOf: problems.filter { $0.scope == .transactionSet }.map(\.error))
        closeSet()
        pending.append(contentsOf: problems.filter { $0.scope != .transactionSet }.map { .problem($0.error) })
    }
}
