import Foundation
import X12

extension ClaimAcknowledgment {
    /// Decodes a 277CA transaction set.
    ///
    /// Faults (an HL level the 277CA does not define, a claim without TRN02, an STC without a category, a set cut
    /// short) are recorded in ``problems`` with their position; everything readable is kept.
    public init(decoding set: TransactionSet) {
        var decoder = ClaimAcknowledgmentDecoder(start: TransactionSetStart(of: set))
        for (offset, segment) in zip(set.body.indices, set.body) { decoder.consume(segment, index: offset + 1) }
        self = decoder.finish(trailer: set.trailer, problems: set.problems)
    }
}

/// The state machine behind ``ClaimAcknowledgment/init(decoding:)``, fed one segment at a time (the set's
/// segments are never held).
struct ClaimAcknowledgmentDecoder {
    private enum Scope {
        case header
        case level(Int)
        case patient
        case claim
        case line
        case unknownLevel
    }

    private let start: TransactionSetStart
    private var result: ClaimAcknowledgment
    /// Faults found while reading (the envelope's come first in the result).
    private var found: [X12Error] = []
    private var last: Position
    private var count = 1
    private var scope = Scope.header
    private var patient = (hierarchyId: "", last: "", first: "", memberId: "")
    private var provider = (name: "", id: "")

    /// Starts at the set's ST.
    init(start: TransactionSetStart) {
        self.start = start
        last = start.header.position
        result = ClaimAcknowledgment(
            interchangeControlNumber: start.interchange.controlNumber, groupControlNumber: start.group?.controlNumber ?? "",
            controlNumber: start.header.controlNumber, implementationReference: start.header.implementationReference,
            referenceIdentification: "", creationDate: "", levels: [], claims: [], position: start.header.position,
            problems: [])
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
    mutating func finish(trailer: Segment?, problems: [X12Error]) -> ClaimAcknowledgment {
        if let trailer { consume(trailer, index: count + 1) }
        if trailer == nil {
            problem(.truncatedSegment, last, "the 277CA ends without its SE: claims after this point are missing")
        }
        result.problems = start.problems + problems + found
        return result
    }

    private mutating func read(_ segment: Segment, at position: Position) {
        switch segment.id {
        case "ST", "SE":
            return
        case "BHT":
            result.referenceIdentification = segment[3]
            result.creationDate = segment[4]
        case "HL":
            openLevel(segment, at: position)
        case "NM1":
            readName(segment, at: position)
        case "TRN":
            readTrace(segment, at: position)
        case "STC":
            readStatus(segment, at: position)
        case "REF":
            readReference(segment, at: position)
        case "DTP":
            readDate(segment, at: position)
        case "QTY", "AMT":
            readTotal(segment, at: position)
        case "SVC":
            guard let claim = result.claims.indices.last, inClaim else {
                problem(.unexpectedSegment, position, "SVC outside a claim (expected after the claim's TRN and STC)")
                return
            }
            let procedure = segment.element(1)
            result.claims[claim].lines.append(AcknowledgedServiceLine(
                procedure: procedure?.text ?? "", procedureCode: procedure?.component(2) ?? "",
                chargeAmount: decimal(segment[2]), units: decimal(segment[7]), statuses: [], lineControlNumber: nil,
                serviceDate: nil, position: position))
            scope = .line
        default:
            problem(.unexpectedSegment, position, "\(segment.id) does not belong in a 277CA")
        }
    }

    private var inClaim: Bool {
        switch scope {
        case .claim, .line: return true
        default: return false
        }
    }

    private mutating func openLevel(_ segment: Segment, at position: Position) {
        let kind: StatusLevel.Kind
        switch segment[3] {
        case "20": kind = .informationSource
        case "21": kind = .informationReceiver
        case "19": kind = .billingProvider
        case "PT", "22", "23":
            scope = .patient
            patient = (segment[1], "", "", "")
            return
        default:
            problem(.invalidValue, position.element(3), "HL03 '\(segment[3])' is not a 277CA level (expected 20, 21, 19 or PT)")
            scope = .unknownLevel
            return
        }
        result.levels.append(StatusLevel(
            kind: kind, hierarchyId: segment[1], parentId: segment[2], entityCode: "", name: "", idQualifier: "", id: "",
            traceNumber: "", statuses: [], receiptDate: nil, processDate: nil, acceptedQuantity: nil,
            rejectedQuantity: nil, acceptedAmount: nil, rejectedAmount: nil, position: position))
        scope = .level(result.levels.count - 1)
        if kind == .billingProvider { provider = ("", "") }
    }

    private mutating func readName(_ segment: Segment, at position: Position) {
        switch scope {
        case .level(let index):
            result.levels[index].entityCode = segment[1]
            result.levels[index].name = segment[3]
            result.levels[index].idQualifier = segment[8]
            result.levels[index].id = segment[9]
            if result.levels[index].kind == .billingProvider { provider = (segment[3], segment[9]) }
        case .patient:
            patient.last = segment[3]
            patient.first = segment[4]
            patient.memberId = segment[9]
        default:
            problem(.unexpectedSegment, position, "NM1 outside an HL level")
        }
    }

    private mutating func readTrace(_ segment: Segment, at position: Position) {
        switch scope {
        case .level(let index):
            result.levels[index].traceNumber = segment[2]
        case .patient, .claim, .line:
            if segment[2].isEmpty { problem(.invalidValue, position.element(2), "TRN02 (patient control number) is missing") }
            result.claims.append(AcknowledgedClaim(
                hierarchyId: patient.hierarchyId, patientLastName: patient.last, patientFirstName: patient.first,
                memberId: patient.memberId, billingProviderName: provider.name, billingProviderId: provider.id,
                patientControlNumber: segment[2], statuses: [], payerClaimControlNumber: nil, clearinghouseTraceNumber: nil,
                billType: nil, serviceDate: nil, lines: [], position: position))
            scope = .claim
        default:
            problem(.unexpectedSegment, position, "TRN outside an HL level")
        }
    }

    private mutating func readStatus(_ segment: Segment, at position: Position) {
        let codes = [1, 10, 11].compactMap { element -> StatusCode? in
            let code = StatusCode(category: segment[element, 1], status: segment[element, 2], entity: segment[element, 3])
            return code.category.isEmpty && code.status.isEmpty ? nil : code
        }
        if segment[1, 1].isEmpty { problem(.invalidValue, position.element(1, component: 1), "STC01-1 (status category code) is missing") }
        let status = ClaimStatus(codes: codes, effectiveDate: segment[2], actionCode: segment[3],
                                 chargeAmount: decimal(segment[4]), message: segment[12], position: position)
        switch scope {
        case .level(let index):
            result.levels[index].statuses.append(status)
        case .claim:
            if let claim = result.claims.indices.last { result.claims[claim].statuses.append(status) }
        case .line:
            if let claim = result.claims.indices.last, let line = result.claims[claim].lines.indices.last {
                result.claims[claim].lines[line].statuses.append(status)
            }
        default:
            problem(.unexpectedSegment, position, "STC before the claim's TRN or outside an HL level")
        }
    }

    private mutating func readReference(_ segment: Segment, at position: Position) {
        guard let claim = result.claims.indices.last, inClaim else {
            if case .level = scope { return }
            problem(.unexpectedSegment, position, "REF*\(segment[1]) outside a claim")
            return
        }
        if case .line = scope {
            if segment[1] == "FJ", let line = result.claims[claim].lines.indices.last {
                result.claims[claim].lines[line].lineControlNumber = segment[2]
            }
            return
        }
        switch segment[1] {
        case "1K": result.claims[claim].payerClaimControlNumber = segment[2]
        case "D9": result.claims[claim].clearinghouseTraceNumber = segment[2]
        case "BLT": result.claims[claim].billType = segment[2]
        default: break
        }
    }

    private mutating func readDate(_ segment: Segment, at position: Position) {
        switch scope {
        case .level(let index):
            if segment[1] == "050" { result.levels[index].receiptDate = segment[3] }
            if segment[1] == "009" { result.levels[index].processDate = segment[3] }
        case .claim:
            if segment[1] == "472", let claim = result.claims.indices.last { result.claims[claim].serviceDate = segment[3] }
        case .line:
            if segment[1] == "472", let claim = result.claims.indices.last, let line = result.claims[claim].lines.indices.last {
                result.claims[claim].lines[line].serviceDate = segment[3]
            }
        default:
            problem(.unexpectedSegment, position, "DTP*\(segment[1]) outside an HL level")
        }
    }

    private mutating func readTotal(_ segment: Segment, at position: Position) {
        guard case .level(let index) = scope else {
            problem(.unexpectedSegment, position, "\(segment.id) totals belong to the receiver or provider level")
            return
        }
        let value = decimal(segment[2])
        if value == nil { problem(.invalidValue, position.element(2), "\(segment.id)02 '\(segment[2])' is not a number") }
        switch (segment.id, segment[1]) {
        case ("QTY", "90"), ("QTY", "QA"): result.levels[index].acceptedQuantity = value
        case ("QTY", "AA"), ("QTY", "QC"): result.levels[index].rejectedQuantity = value
        case ("AMT", "YU"): result.levels[index].acceptedAmount = value
        case ("AMT", "YY"): result.levels[index].rejectedAmount = value
        default:
            problem(.invalidValue, position.element(1), "\(segment.id)01 '\(segment[1])' is not a 277CA total qualifier")
        }
    }

    private mutating func problem(_ kind: X12Error.Kind, _ position: Position, _ message: String) {
        found.append(X12Error(kind, at: position, message))
    }
}

/// A decimal from an X12 `R` value (`125.0`, `-12.34`), read without locale; `nil` when empty or not a number.
func decimal(_ text: String) -> Decimal? {
    guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
    return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
}
