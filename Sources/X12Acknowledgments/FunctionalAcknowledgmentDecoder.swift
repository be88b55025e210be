import X12

extension FunctionalAcknowledgment {
    /// Decodes a 999 transaction set.
    ///
    /// Decoding never stops at a fault: segments out of order, missing IK5/AK9, unknown codes and a set cut
    /// short are recorded in ``problems`` with their position, and everything readable is kept.
    public init(decoding set: TransactionSet) {
        var decoder = FunctionalAcknowledgmentDecoder(start: TransactionSetStart(of: set))
        for (offset, segment) in zip(set.body.indices, set.body) { decoder.consume(segment, index: offset + 1) }
        self = decoder.finish(trailer: set.trailer, problems: set.problems)
    }
}

/// The state machine behind ``FunctionalAcknowledgment/init(decoding:)``, fed one segment at a time (the set's
/// segments are never held).
struct FunctionalAcknowledgmentDecoder {
    private let start: TransactionSetStart
    private var result: FunctionalAcknowledgment
    /// Faults found while reading (the envelope's come first in the result).
    private var found: [X12Error] = []
    private var last: Position
    private var count = 1
    private var current: AcknowledgedTransactionSet?
    private var currentHasResult = false
    private var seenGroupHeader = false
    private var seenGroupTrailer = false

    /// Starts at the set's ST.
    init(start: TransactionSetStart) {
        self.start = start
        last = start.header.position
        result = FunctionalAcknowledgment(
            interchangeControlNumber: start.interchange.controlNumber, transactionSetId: start.header.id,
            controlNumber: start.header.controlNumber,
            functionalId: "", groupControlNumber: "", version: "", transactionSets: [], groupCode: "",
            includedCount: nil, receivedCount: nil, acceptedCount: nil, groupErrorCodes: [],
            position: start.header.position, problems: [])
        consume(start.segment, index: 1)
    }

    /// Reads the segment at `index` in the set (ST = 1).
    mutating func consume(_ segment: Segment, index: Int) {
        var position = segment.position
        position.transactionSegmentIndex = index
        last = segment.position
        count = index
        read(segment, at: position)
    }

    /// Ends the set at its SE (`nil` when it ended without one); `problems` are its envelope faults.
    mutating func finish(trailer: Segment?, problems: [X12Error]) -> FunctionalAcknowledgment {
        if let trailer { consume(trailer, index: count + 1) }
        let end = last
        closeTransactionSet(at: end)
        if !seenGroupHeader { problem(.unexpectedSegment, end, "the 999 has no AK1 (acknowledged functional group)") }
        if !seenGroupTrailer { problem(.missingTrailer, end, "the 999 has no AK9 (functional group response)") }
        if trailer == nil {
            problem(.truncatedSegment, end, "the 999 ends without its SE: the acknowledgment is incomplete")
        }
        result.problems = start.problems + problems + found
        return result
    }

    private mutating func read(_ segment: Segment, at position: Position) {
        switch segment.id {
        case "ST", "SE":
            return
        case "AK1":
            if seenGroupHeader { problem(.unexpectedSegment, position, "second AK1: a 999 answers exactly one functional group") }
            seenGroupHeader = true
            result.functionalId = segment[1]
            result.groupControlNumber = segment[2]
            result.version = segment[3]
            if segment[1].contains(" ") {
                problem(.invalidValue, position.element(1), "AK101 '\(segment[1])' is not a functional identifier code")
            }
        case "AK2":
            closeTransactionSet(at: position)
            if !seenGroupHeader { problem(.unexpectedSegment, position, "AK2 before AK1") }
            if segment.elementCount > 3 {
                problem(.invalidValue, position.element(4), "AK2 has \(segment.elementCount) elements; expected at most 3 (AK201-AK203)")
            }
            current = AcknowledgedTransactionSet(
                transactionSetId: segment[1], controlNumber: segment[2], implementationReference: segment[3],
                segmentErrors: [], code: "", errorCodes: [], position: position)
            currentHasResult = false
        case "IK3", "AK3":
            guard current != nil, !currentHasResult else {
                problem(.unexpectedSegment, position, "IK3 outside an AK2 loop (expected after AK2, before IK5)")
                return
            }
            let error = SegmentError(
                segmentId: segment[1], segmentPosition: number(segment, 2, position), loopId: segment[3],
                code: segment[4], contexts: [], elementErrors: [], position: position)
            current?.segmentErrors.append(error)
            let code = segment[4]
            if !code.isEmpty, AckCodes.segmentErrors[code] == nil {
                problem(.invalidValue, position.element(4), "IK304 '\(code)' is not a segment syntax error code")
            }
        case "IK4", "AK4":
            guard let last = current?.segmentErrors.indices.last, !currentHasResult else {
                problem(.unexpectedSegment, position, "IK4 without an IK3 (expected after the IK3 of its segment)")
                return
            }
            let elementPosition = number(segment, 1, position, component: 1)
            let element = ElementError(
                elementPosition: elementPosition,
                componentPosition: optionalNumber(segment[1, 2]), repetitionPosition: optionalNumber(segment[1, 3]),
                dataElementReference: segment[2], code: segment[3], badData: segment[4], contexts: [], position: position)
            current?.segmentErrors[last].elementErrors.append(element)
            if AckCodes.elementErrors[element.code] == nil, element.code != "11" {
                problem(.invalidValue, position.element(3), "IK403 '\(element.code)' is not an element syntax error code")
            }
        case "CTX":
            guard let last = current?.segmentErrors.indices.last, !currentHasResult else {
                problem(.unexpectedSegment, position, "CTX without an IK3 or IK4 to describe")
                return
            }
            let business = segment.element(1)?.repetitions.first
            let context = ErrorContext(
                name: business?.component(1) ?? "", reference: business?.component(2) ?? "", segmentId: segment[2],
                segmentPosition: optionalNumber(segment[3]), loopId: segment[4],
                elementPosition: optionalNumber(segment[5, 1]), componentPosition: optionalNumber(segment[5, 2]),
                dataElementReference: segment[6, 1])
            if let element = current?.segmentErrors[last].elementErrors.indices.last {
                current?.segmentErrors[last].elementErrors[element].contexts.append(context)
            } else {
                current?.segmentErrors[last].contexts.append(context)
            }
        case "IK5", "AK5":
            guard current != nil else {
                problem(.unexpectedSegment, position, "IK5 outside an AK2 loop (expected AK1, AK2 before IK5)")
                return
            }
            if currentHasResult {
                problem(.unexpectedSegment, position, "second IK5 for transaction set \(current?.controlNumber ?? "")")
                return
            }
            currentHasResult = true
            current?.code = segment[1]
            current?.errorCodes = (2...6).map { segment[$0] }.filter { !$0.isEmpty }
            if AckStatus(code: segment[1]) == .unknown || segment[1] == "P" {
                problem(.invalidValue, position.element(1), "IK501 '\(segment[1])' is not a transaction set acknowledgment code (expected A, E, M, R, W or X)")
            }
        case "AK9":
            closeTransactionSet(at: position)
            if seenGroupTrailer { problem(.unexpectedSegment, position, "second AK9") }
            seenGroupTrailer = true
            result.groupCode = segment[1]
            result.includedCount = number(segment, 2, position)
            result.receivedCount = number(segment, 3, position)
            result.acceptedCount = number(segment, 4, position)
            result.groupErrorCodes = (5...9).map { segment[$0] }.filter { !$0.isEmpty }
            if AckStatus(code: segment[1]) == .unknown {
                problem(.invalidValue, position.element(1), "AK901 '\(segment[1])' is not a functional group acknowledgment code (expected A, E, M, P, R, W or X)")
            }
        default:
            problem(.unexpectedSegment, position, "\(segment.id) does not belong in a \(start.header.id)")
        }
    }

    private mutating func closeTransactionSet(at position: Position) {
        guard let done = current else { return }
        if !currentHasResult {
            problem(.missingTrailer, position, "transaction set \(done.controlNumber) (AK2) has no IK5 result")
        }
        result.transactionSets.append(done)
        current = nil
        currentHasResult = false
    }

    private mutating func problem(_ kind: X12Error.Kind, _ position: Position, _ message: String) {
        found.append(X12Error(kind, at: position, message))
    }

    /// A required numeric element (component 1 of a composite when `component` is given); records a problem when not numeric.
    private mutating func number(_ segment: Segment, _ element: Int, _ position: Position, component: Int? = nil) -> Int? {
        let text = component.map { segment[element, $0] } ?? segment[element]
        if let value = Int(text) { return value }
        let name = segment.id + (element < 10 ? "0" : "") + String(element)
        problem(.invalidValue, position.element(element, component: component),
                text.isEmpty ? "\(name) is missing" : "\(name) '\(text)' is not a number")
        return nil
    }

    private func optionalNumber(_ text: String) -> Int? { Int(text) }
}
