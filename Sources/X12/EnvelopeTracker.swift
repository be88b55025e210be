/// Checks the ISA/GS/ST envelope structure segment by segment and says where each segment sits.
///
/// Feed it every segment in order with ``consume(_:)`` and call ``finish()`` at the end of the input.
/// Problems come back as values (``EnvelopeProblem``), never thrown, so a broken transaction set is
/// reported and reading goes on with the next envelope.
public struct EnvelopeTracker: Sendable {
    /// How deep in the envelope the last segment was.
    public enum Level: Sendable, Hashable {
        /// Between interchanges (before the first ISA or after an IEA).
        case outside
        /// Inside ISA, outside any GS.
        case interchange
        /// Inside GS, outside any ST.
        case group
        /// Inside ST..SE.
        case transactionSet
    }

    /// The current depth.
    public private(set) var level: Level = .outside
    /// The header of the interchange being read.
    public private(set) var interchange: InterchangeHeader?
    /// The header of the functional group being read.
    public private(set) var group: FunctionalGroupHeader?
    /// The header of the transaction set being read.
    public private(set) var transactionSet: TransactionSetHeader?
    /// Position of the last consumed segment within its transaction set (ST = 1), or 0 outside one.
    public private(set) var transactionSegmentIndex = 0

    private var groupCount = 0
    private var setCount = 0
    private var seenInterchange = false
    private var groupNumbers: Set<String> = []
    private var setNumbers: Set<String> = []
    /// Where the last consumed segment sat, for faults found at the end of the input (kept as numbers
    /// rather than as the segment, so the tracker never holds on to the reader's buffer).
    private var last = LastSegment()

    private struct LastSegment {
        var byteOffset = 0
        var line = 1
        var index: Int?
        var id = SegmentIdBytes()

        var position: Position {
            guard let index else { return Position(byteOffset: 0, line: 1) }
            return Position(byteOffset: byteOffset, line: line, segmentIndex: index, segmentId: id.text)
        }
    }

    /// Creates a tracker at the start of an input.
    public init() {}

    /// Takes the next segment; returns the envelope problems it reveals.
    public mutating func consume(_ segment: Segment) -> [EnvelopeProblem] {
        let separator = segment.delimiters.element
        let scanned = segment.withContentBytes { SegmentIdBytes($0, separator: separator) }
        last = LastSegment(byteOffset: segment.byteOffset, line: segment.line, index: segment.index, id: scanned)
        let envelopeId = scanned.envelopeId
        let validId = scanned.isValid
        // The common case, a body segment inside a transaction set, is decided on bytes alone.
        if envelopeId == nil, level == .transactionSet, validId {
            transactionSegmentIndex += 1
            return []
        }
        var problems: [EnvelopeProblem] = []
        let id = envelopeId ?? segment.id
        if !validId {
            problems.append(problem(.invalidSegmentId, .transactionSet, segment.position,
                                    "'\(printable(id))' is not a segment identifier (2-3 letters or digits)"))
        }
        switch id {
        case "ISA":
            closeOpenLevels(before: segment, into: &problems)
            startInterchange(segment, into: &problems)
        case "IEA":
            if level == .outside {
                problems.append(problem(.unexpectedSegment, .interchange, segment.position, "IEA without a matching ISA"))
                return problems
            }
            closeSet(before: segment, into: &problems)
            closeGroup(before: segment, into: &problems)
            checkInterchangeTrailer(segment, into: &problems)
            level = .outside
            interchange = nil
        case "GS":
            switch level {
            case .outside:
                problems.append(outsideProblem(segment))
                return problems
            case .transactionSet, .group:
                closeSet(before: segment, into: &problems)
                closeGroup(before: segment, into: &problems)
            case .interchange: break
            }
            let header = FunctionalGroupHeader(segment)
            if !groupNumbers.insert(header.controlNumber).inserted {
                problems.append(problem(.controlNumberMismatch, .group, segment.position(element: 6),
                                        "group control number GS06 '\(header.controlNumber)' is used twice in this interchange"))
            }
            group = header
            groupCount += 1
            setCount = 0
            setNumbers = []
            level = .group
        case "GE":
            switch level {
            case .outside, .interchange:
                problems.append(level == .outside ? outsideProblem(segment)
                                : problem(.unexpectedSegment, .interchange, segment.position, "GE without a matching GS"))
                return problems
            case .transactionSet:
                closeSet(before: segment, into: &problems)
            case .group: break
            }
            checkGroupTrailer(segment, into: &problems)
            level = .interchange
            group = nil
        case "ST":
            switch level {
            case .outside:
                problems.append(outsideProblem(segment))
                return problems
            case .interchange:
                problems.append(problem(.unexpectedSegment, .group, segment.position, "ST outside a functional group (GS missing)"))
            case .transactionSet:
                closeSet(before: segment, into: &problems)
            case .group: break
            }
            let header = TransactionSetHeader(segment)
            if !setNumbers.insert(header.controlNumber).inserted {
                problems.append(problem(.controlNumberMismatch, .transactionSet, segment.position(element: 2),
                                        "transaction set control number ST02 '\(header.controlNumber)' is used twice in this group"))
            }
            transactionSet = header
            transactionSegmentIndex = 1
            setCount += 1
            level = .transactionSet
        case "SE":
            guard level == .transactionSet else {
                problems.append(level == .outside ? outsideProblem(segment)
                                : problem(.unexpectedSegment, .group, segment.position, "SE without a matching ST"))
                return problems
            }
            transactionSegmentIndex += 1
            checkSetTrailer(segment, into: &problems)
            level = .group
        case "TA1":
            if level != .interchange {
                problems.append(level == .outside ? outsideProblem(segment)
                                : problem(.unexpectedSegment, .group, segment.position, "TA1 belongs directly inside the interchange, before any GS"))
            }
        default:
            switch level {
            case .transactionSet:
                transactionSegmentIndex += 1
            case .outside:
                problems.append(outsideProblem(segment))
            case .interchange, .group:
                problems.append(problem(.unexpectedSegment, level == .group ? .group : .interchange, segment.position,
                                        "segment \(printable(id)) outside a transaction set (ST missing)"))
            }
        }
        return problems
    }

    /// Reports the trailers still missing when the input ends.
    public mutating func finish() -> [EnvelopeProblem] {
        var problems: [EnvelopeProblem] = []
        let end = last.position
        if level == .transactionSet {
            problems.append(problem(.missingTrailer, .transactionSet, end,
                                    "the input ends inside transaction set \(transactionSet?.controlNumber ?? "?"): SE missing"))
        }
        if level == .transactionSet || level == .group {
            problems.append(problem(.missingTrailer, .group, end,
                                    "the input ends inside functional group \(group?.controlNumber ?? "?"): GE missing"))
        }
        if level != .outside {
            problems.append(problem(.missingTrailer, .interchange, end,
                                    "the input ends inside interchange \(interchange?.controlNumber ?? "?"): IEA missing"))
        }
        if !seenInterchange {
            problems.append(problem(.missingInterchangeHeader, .interchange, end, "no ISA segment in the input"))
        }
        level = .outside
        return problems
    }

    // MARK: - Levels

    private mutating func startInterchange(_ segment: Segment, into problems: inout [EnvelopeProblem]) {
        let header = segment.interchangeHeader
        interchange = header
        seenInterchange = true
        groupCount = 0
        groupNumbers = []
        level = .interchange
        if let header, !header.controlNumber.allSatisfy(\.isASCIIDigit) {
            problems.append(problem(.invalidValue, .interchange, segment.position(element: 13),
                                    "interchange control number ISA13 '\(header.controlNumber)' must be 9 digits"))
        }
    }

    private mutating func closeOpenLevels(before segment: Segment, into problems: inout [EnvelopeProblem]) {
        guard level != .outside else { return }
        closeSet(before: segment, into: &problems)
        closeGroup(before: segment, into: &problems)
        problems.append(problem(.missingTrailer, .interchange, segment.position,
                                "IEA missing: interchange \(interchange?.controlNumber ?? "?") is not closed before this ISA"))
        level = .outside
    }

    private mutating func closeSet(before segment: Segment, into problems: inout [EnvelopeProblem]) {
        guard level == .transactionSet else { return }
        problems.append(problem(.missingTrailer, .transactionSet, segment.position,
                                "SE missing: transaction set \(transactionSet?.controlNumber ?? "?") is not closed before this \(segment.id)"))
        level = .group
    }

    private mutating func closeGroup(before segment: Segment, into problems: inout [EnvelopeProblem]) {
        guard level == .group else { return }
        problems.append(problem(.missingTrailer, .group, segment.position,
                                "GE missing: functional group \(group?.controlNumber ?? "?") is not closed before this \(segment.id)"))
        level = .interchange
    }

    // MARK: - Trailers

    private func checkSetTrailer(_ segment: Segment, into problems: inout [EnvelopeProblem]) {
        checkTrailer(segment, scope: .transactionSet, count: transactionSegmentIndex, counted: "segments",
                     container: "the transaction set", countSuffix: " (ST through SE)",
                     header: "ST02", controlNumber: transactionSet?.controlNumber, into: &problems)
    }

    private func checkGroupTrailer(_ segment: Segment, into problems: inout [EnvelopeProblem]) {
        checkTrailer(segment, scope: .group, count: setCount, counted: "transaction sets", container: "the group",
                     countSuffix: "", header: "GS06", controlNumber: group?.controlNumber, into: &problems)
    }

    private func checkInterchangeTrailer(_ segment: Segment, into problems: inout [EnvelopeProblem]) {
        checkTrailer(segment, scope: .interchange, count: groupCount, counted: "functional groups", container: "the interchange",
                     countSuffix: "", header: "ISA13", controlNumber: interchange?.controlNumber, into: &problems)
    }

    /// Checks element 1 of a trailer (SE/GE/IEA) against the real count and element 2 against the header's
    /// control number.
    private func checkTrailer(_ segment: Segment, scope: EnvelopeProblem.Scope, count: Int, counted: String, container: String,
                              countSuffix: String, header: String, controlNumber: String?, into problems: inout [EnvelopeProblem]) {
        let id = segment.id
        let written = segment[1]
        if Int(written) != count {
            problems.append(problem(.countMismatch, scope, segment.position(element: 1),
                                    "\(id)01 says \(written.isEmpty ? "nothing" : written) \(counted) but \(container) has \(count)\(countSuffix)"))
        }
        let control = segment[2]
        if let controlNumber, control != controlNumber {
            problems.append(problem(.controlNumberMismatch, scope, segment.position(element: 2),
                                    "\(id)02 '\(control)' does not match \(header) '\(controlNumber)'"))
        }
    }

    // MARK: - Helpers

    private func outsideProblem(_ segment: Segment) -> EnvelopeProblem {
        if seenInterchange {
            return problem(.dataAfterInterchange, .interchange, segment.position,
                           "unexpected \(printable(segment.id)) after IEA: only another ISA may follow an interchange")
        }
        return problem(.missingInterchangeHeader, .interchange, segment.position, "\(printable(segment.id)) before any ISA")
    }

    private func problem(_ kind: X12Error.Kind, _ scope: EnvelopeProblem.Scope, _ position: Position, _ message: String) -> EnvelopeProblem {
        EnvelopeProblem(error: X12Error(kind, at: position, message), scope: scope)
    }

    private func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
    }

}

/// An envelope fault and the level it belongs to.
public struct EnvelopeProblem: Sendable, Hashable {
    /// Which envelope the problem concerns.
    public enum Scope: Sendable, Hashable {
        /// ST..SE: the transaction set it was found in (or the one just closed) is broken.
        case transactionSet
        /// GS..GE.
        case group
        /// ISA..IEA, or the file as a whole.
        case interchange
    }

    /// The error with its position.
    public var error: X12Error
    /// Which envelope it concerns.
    public var scope: Scope
}

extension Segment {
    /// The parsed ISA header when this is an ISA segment.
    public var interchangeHeader: InterchangeHeader? {
        guard hasId("ISA") else { return nil }
        var bytes = content
        bytes.append(delimiters.segment)
        return try? InterchangeHeader(bytes: bytes, at: position)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
