/// Reads an X12 input checking the envelopes as it goes, either one transaction set at a time
/// (``next()``) or one event at a time (``nextEvent()``: envelope boundaries and each segment).
///
/// Every envelope fault is delivered as a ``EnvelopeReader/Item/problem(_:)`` (or an
/// ``EnvelopeEvent/problem(_:)``) or attached to the transaction set it breaks; reading continues with the
/// next envelope, so one broken set never hides the others. Faults that stop the tokenizer (no ISA,
/// malformed ISA, truncated input) are thrown. Use one of the two methods per reader, not both.
public final class EnvelopeReader {
    /// What ``next()`` found next.
    public enum Item: Sendable {
        /// A transaction set, ST..SE, with its own envelope problems.
        case transactionSet(TransactionSet)
        /// A TA1 interchange acknowledgment segment and the interchange it arrived in.
        case interchangeAcknowledgment(Segment, InterchangeHeader)
        /// A fault of a group or interchange envelope (GE/IEA counts, missing trailers, stray segments).
        case problem(X12Error)
    }

    private let reader: SegmentReader
    private var state = EnvelopeEventState()
    private var assembly = TransactionSetAssembly()
    /// Events of the last chunk of segments, handed out one at a time by ``nextEvent()``.
    private var buffered: [EnvelopeEvent] = []
    private var bufferedIndex = 0
    /// A tokenizer error met while filling `buffered`, thrown once the events before it are out.
    private var deferredError: X12Error?

    /// Reads segments from `reader`.
    public init(_ reader: SegmentReader) {
        self.reader = reader
    }

    /// The transaction set being read when ``next()`` threw (its ST seen, its SE not yet), so a caller can
    /// still report what a truncated set held; `nil` between sets.
    public var unfinishedTransactionSet: TransactionSet? { assembly.openSet }

    /// Returns the next event, or `nil` at the end of the input. Memory stays bounded by one chunk of
    /// input, whatever the size of a transaction set.
    ///
    /// - Throws: ``X12Error`` from the tokenizer; events found before the throw have been returned already.
    public func nextEvent() throws(X12Error) -> EnvelopeEvent? {
        if bufferedIndex < buffered.count {
            bufferedIndex += 1
            return buffered[bufferedIndex - 1]
        }
        if let error = deferredError {
            deferredError = nil
            throw error
        }
        // Work a whole chunk of segments at a time on local copies of the state and the buffer (moved out and
        // back, not copied), so that the per-segment loop makes no exclusivity-checked accesses to the reader's
        // stored properties and the state is moved once a chunk, not once a segment.
        var state = EnvelopeEventState()
        var events: [EnvelopeEvent] = []
        swap(&state, &self.state)
        swap(&events, &buffered)
        events.removeAll(keepingCapacity: true)
        do {
            try state.fill(&events, from: reader)
        } catch {
            deferredError = error
        }
        swap(&state, &self.state)
        swap(&events, &buffered)
        bufferedIndex = 0
        guard !buffered.isEmpty else {
            if let error = deferredError {
                deferredError = nil
                throw error
            }
            return nil
        }
        bufferedIndex = 1
        return buffered[0]
    }

    /// Returns the next item, or `nil` at the end of the input. A transaction set is held whole until its
    /// SE, so memory grows with the largest set; use ``nextEvent()`` to stream inside a set.
    ///
    /// - Throws: ``X12Error`` from the tokenizer; items found before the throw have been returned already.
    public func next() throws(X12Error) -> Item? {
        var assembly = TransactionSetAssembly()
        swap(&assembly, &self.assembly)
        defer { swap(&assembly, &self.assembly) }
        while let event = try nextEvent() {
            switch event {
            case .segment(let segment, _):
                assembly.segments.append(segment)
            case .transactionSetStart(let start):
                assembly.open(start)
            case .transactionSetEnd(let trailer, let problems):
                if let set = assembly.close(trailer: trailer, problems: problems) { return .transactionSet(set) }
            case .interchangeAcknowledgment(let segment, let interchange):
                return .interchangeAcknowledgment(segment, interchange)
            case .problem(let error):
                return .problem(error)
            case .interchangeStart, .interchangeEnd, .groupStart, .groupEnd:
                continue
            }
        }
        return nil
    }
}

/// The transaction set ``EnvelopeReader/next()`` is collecting.
private struct TransactionSetAssembly {
    /// The set being read, without its segments (kept apart in `segments`, so that appending one does not
    /// go through the optional).
    var current: TransactionSet?
    var segments: [Segment] = []
    /// Segment count of the last transaction set, to reserve room for the next one (sets in one file are
    /// usually of a similar size).
    var lastSetSize = 0

    var openSet: TransactionSet? {
        guard var set = current else { return nil }
        set.segments = segments
        return set
    }

    mutating func open(_ start: TransactionSetStart) {
        segments = []
        segments.reserveCapacity(min(max(lastSetSize, 16), 1 << 16))
        segments.append(start.segment)
        current = TransactionSet(interchange: start.interchange, group: start.group, header: start.header, segments: [],
                                 problems: start.problems)
    }

    mutating func close(trailer: Segment?, problems: [X12Error]) -> TransactionSet? {
        guard var done = current else { return nil }
        if let trailer { segments.append(trailer) }
        done.segments = segments
        done.problems.append(contentsOf: problems)
        lastSetSize = segments.count
        segments = []
        current = nil
        return done
    }
}

/// What ``EnvelopeReader`` knows between calls: the envelope state, the envelopes open, and the events
/// found but not handed out yet.
private struct EnvelopeEventState {
    var tracker = EnvelopeTracker()
    var pending: [EnvelopeEvent] = []
    var inSet = false
    /// Envelope faults of the open set found after its ST, delivered with its end.
    var setProblems: [X12Error] = []
    var openInterchange: InterchangeHeader?
    var openGroup: FunctionalGroupHeader?
    var finished = false
    /// Segments taken from the reader and not processed yet.
    var batch: [Segment] = []
    var batchIndex = 0

    /// Appends the events of the next chunk of segments to `events` (none at the end of the input).
    mutating func fill(_ events: inout [EnvelopeEvent], from reader: SegmentReader) throws(X12Error) {
        while true {
            if !pending.isEmpty {
                events.append(contentsOf: pending)
                pending.removeAll(keepingCapacity: true)
            }
            if finished || !events.isEmpty && batchIndex == batch.count { return }
            if batchIndex == batch.count {
                batchIndex = 0
                try reader.nextBatch(into: &batch)
                if batch.isEmpty {
                    finish()
                    continue
                }
            }
            while batchIndex < batch.count {
                let segment = batch[batchIndex]
                batchIndex += 1
                let wasInSet = inSet
                let problems = tracker.consume(segment)
                if wasInSet, problems.isEmpty, tracker.level == .transactionSet, tracker.transactionSegmentIndex > 1 {
                    events.append(.segment(segment, index: tracker.transactionSegmentIndex))
                    continue
                }
                handle(segment, wasInSet: wasInSet, problems: problems)
                if !pending.isEmpty {
                    events.append(contentsOf: pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    private mutating func handle(_ segment: Segment, wasInSet: Bool, problems: [EnvelopeProblem]) {
        let opensSet = segment.hasId("ST")
        // A set left open is closed by this segment (which then does not belong to it) unless it is its SE.
        if wasInSet, tracker.level != .transactionSet || opensSet {
            let closesWithSE = segment.hasId("SE")
            setProblems.append(contentsOf: problems.filter { $0.scope == .transactionSet }.map(\.error))
            closeSet(trailer: closesWithSE ? segment : nil)
            pending.append(contentsOf: problems.filter { $0.scope != .transactionSet }.map { .problem($0.error) })
            syncEnvelopes(with: segment)
            if closesWithSE { return }
            startIfNeeded(segment, problems: [])
            return
        }
        if wasInSet {
            pending.append(.segment(segment, index: tracker.transactionSegmentIndex))
            setProblems.append(contentsOf: problems.map(\.error))
            return
        }
        syncEnvelopes(with: segment)
        startIfNeeded(segment, problems: problems)
        if segment.hasId("TA1"), let interchange = tracker.interchange {
            pending.append(.interchangeAcknowledgment(segment, interchange))
        }
    }

    private mutating func closeSet(trailer: Segment?) {
        guard inSet else { return }
        inSet = false
        pending.append(.transactionSetEnd(trailer: trailer, problems: setProblems))
        setProblems = []
    }

    /// Opens a new set when `segment` is an ST; the problems not attached to it are delivered before it.
    private mutating func startIfNeeded(_ segment: Segment, problems: [EnvelopeProblem]) {
        guard tracker.level == .transactionSet, segment.hasId("ST"), let header = tracker.transactionSet,
              let interchange = tracker.interchange else {
            pending.append(contentsOf: problems.map { .problem($0.error) })
            return
        }
        pending.append(contentsOf: problems.filter { $0.scope != .transactionSet }.map { .problem($0.error) })
        inSet = true
        setProblems = []
        pending.append(.transactionSetStart(TransactionSetStart(
            interchange: interchange, group: tracker.group, header: header, segment: segment,
            problems: problems.filter { $0.scope == .transactionSet }.map(\.error))))
    }

    /// Emits the group and interchange ends and starts that `segment` (or the end of the input) caused.
    private mutating func syncEnvelopes(with segment: Segment?) {
        let level = tracker.level
        let startsInterchange = segment?.hasId("ISA") ?? false
        let startsGroup = segment?.hasId("GS") ?? false
        if let group = openGroup, startsGroup || startsInterchange || level == .interchange || level == .outside {
            let trailer = segment.flatMap { $0.hasId("GE") ? $0 : nil }
            pending.append(.groupEnd(group, trailer: trailer))
            openGroup = nil
        }
        if let interchange = openInterchange, startsInterchange || level == .outside {
            let trailer = segment.flatMap { $0.hasId("IEA") ? $0 : nil }
            pending.append(.interchangeEnd(interchange, trailer: trailer))
            openInterchange = nil
        }
        if startsInterchange, level == .interchange, let interchange = tracker.interchange, let segment {
            openInterchange = interchange
            pending.append(.interchangeStart(interchange, segment: segment))
        }
        if startsGroup, level == .group, let group = tracker.group {
            openGroup = group
            pending.append(.groupStart(group))
        }
    }

    mutating func finish() {
        finished = true
        let problems = tracker.finish()
        setProblems.append(contentsOf: problems.filter { $0.scope == .transactionSet }.map(\.error))
        closeSet(trailer: nil)
        pending.append(contentsOf: problems.filter { $0.scope != .transactionSet }.map { .problem($0.error) })
        syncEnvelopes(with: nil)
    }
}
