import Foundation
import X12

/// A light index of the claims in a submitted 837: enough to map acknowledgments and remittances back
/// to claims and service lines (CLM01, charges, line control numbers, segment positions).
///
/// It reads any 837 (professional or institutional) segment by segment and never needs the full
/// claim model, so a remittance or acknowledgment can be matched against whatever file was sent.
public struct SubmittedClaimIndex: Sendable {
    /// One service line of a submitted claim.
    public struct Line: Sendable, Hashable, Codable {
        /// LX01, the line number within the claim.
        public var lineNumber: Int
        /// Procedure code from SV101-2 (837P) or SV202-2 (837I).
        public var procedureCode: String
        /// Procedure modifiers (SV101-3...6).
        public var modifiers: [String]
        /// Line charge (SV102 / SV203).
        public var chargeAmount: Decimal?
        /// Units (SV104 / SV205).
        public var units: Decimal?
        /// REF*6R line item control number.
        public var lineControlNumber: String?
        /// DTP*472 service date as written (CCYYMMDD or a range).
        public var serviceDate: String?
        /// Position of the LX segment within its transaction set (ST = 1).
        public var transactionSegmentIndex: Int
    }

    /// One submitted claim.
    public struct Claim: Sendable, Hashable, Codable {
        /// The claim's place in ``SubmittedClaimIndex/claims`` (0 for the first): its identity when matching.
        public var id: Int
        /// ISA13 of the interchange that carried the claim.
        public var interchangeControlNumber: String
        /// GS06 of its functional group.
        public var groupControlNumber: String
        /// ST02 of its transaction set.
        public var transactionSetControlNumber: String
        /// CLM01, the patient control number.
        public var patientControlNumber: String
        /// CLM02, the total charge.
        public var chargeAmount: Decimal?
        /// CLM05-3: 1 original, 7 replacement, 8 void.
        public var frequencyCode: String
        /// REF*F8 of a corrected claim: the payer's claim control number of the original.
        public var originalPayerClaimControlNumber: String?
        /// 2010BB payer name (NM1*PR NM103).
        public var payerName: String?
        /// 2010BB payer id (NM1*PR NM109).
        public var payerId: String?
        /// Patient name (2010CA, or the subscriber 2010BA when the patient is the subscriber), `LAST, FIRST`.
        public var patientName: String?
        /// 2010BA NM109: the subscriber's member id with the payer billed (the MBI for Medicare).
        public var memberId: String?
        /// Position of the CLM segment within its transaction set.
        public var claimSegmentIndex: Int
        /// Last segment position that belongs to the claim (before the next HL, CLM or SE).
        public var lastSegmentIndex: Int
        /// Position of the HL that opens the claim's subscriber (or patient) loop.
        public var hierarchySegmentIndex: Int
        /// The service lines.
        public var lines: [Line]
    }

    /// Every claim, in file order.
    public let claims: [Claim]
    /// Envelope problems met while reading the file.
    public let problems: [X12Error]
    /// The lookup tables, built once while reading and shared by copies of the index.
    private let lookups: Lookups

    /// Reads an 837 file. With `keepingSegmentText` false the text of every segment is not kept, so
    /// ``segmentText(atSegment:transactionSetControlNumber:groupControlNumber:)`` answers `nil` and a
    /// large file takes far less memory (matching remittances needs only the claims).
    ///
    /// - Throws: `X12Error` when the file cannot be tokenized (no ISA, malformed ISA, truncated).
    public init(reader: SegmentReader, keepingSegmentText: Bool = true) throws(X12Error) {
        var reading = Reading(keepsSegmentText: keepingSegmentText)
        let envelopes = EnvelopeReader(reader)
        while let item = try envelopes.next() {
            switch item {
            case .transactionSet(let set):
                reading.problems.append(contentsOf: set.problems)
                reading.add(set)
            case .problem(let error):
                reading.problems.append(error)
            case .interchangeAcknowledgment:
                continue
            }
        }
        claims = reading.claims
        problems = reading.problems
        lookups = Lookups(reading)
    }

    /// Reads an 837 file at `path` (`-` for standard input).
    public init(path: String, keepingSegmentText: Bool = true) throws(X12Error) {
        try self.init(reader: try SegmentReader(path: path), keepingSegmentText: keepingSegmentText)
    }

    /// Claims whose CLM01 equals `patientControlNumber` without regard to case, in file order (a resubmission can
    /// repeat one).
    public func claims(patientControlNumber: String) -> [Claim] {
        (lookups.byPatientControlNumber[patientControlNumber.uppercased()] ?? []).map { claims[$0] }
    }

    /// The claim and line carrying a REF*6R line item control number.
    public func line(controlNumber: String) -> (claim: Claim, line: Line)? {
        guard let found = lookups.byLineControlNumber[controlNumber] else { return nil }
        return (claims[found.claim], claims[found.claim].lines[found.line])
    }

    /// The claims a segment position (as a 999 IK302 reports it) belongs to in transaction set `controlNumber`.
    ///
    /// A position inside a claim (CLM up to the next HL/CLM) gives that claim; a position in a subscriber or
    /// patient loop before its claims gives every claim under it; a position in the header gives none.
    public func claims(atSegment position: Int, transactionSetControlNumber: String, groupControlNumber: String? = nil) -> [Claim] {
        let inSet = claims.filter {
            $0.transactionSetControlNumber == transactionSetControlNumber
                && (groupControlNumber == nil || $0.groupControlNumber == groupControlNumber)
        }
        if let exact = inSet.first(where: { ($0.claimSegmentIndex...$0.lastSegmentIndex).contains(position) }) {
            return [exact]
        }
        return inSet.filter { ($0.hierarchySegmentIndex..<$0.claimSegmentIndex).contains(position) }
    }

    /// The text of the segment at `position` (ST = 1) in transaction set `transactionSetControlNumber`, if it
    /// was read. Give the group's GS06 when the file has several groups (they may reuse ST02 numbers);
    /// without it the first set with that ST02 is used.
    public func segmentText(atSegment position: Int, transactionSetControlNumber: String, groupControlNumber: String? = nil) -> String? {
        let texts: [String]?
        if let groupControlNumber {
            texts = lookups.segmentTexts[SetKey(group: groupControlNumber, transactionSet: transactionSetControlNumber)]
        } else {
            texts = lookups.firstSetByControlNumber[transactionSetControlNumber].flatMap { lookups.segmentTexts[$0] }
        }
        guard let texts, position >= 1, position <= texts.count else { return nil }
        return texts[position - 1]
    }

    // MARK: - Reading

    fileprivate struct SetKey: Hashable, Sendable {
        var group: String
        var transactionSet: String
    }

    fileprivate struct LinePosition: Hashable, Sendable {
        var claim: Int
        var line: Int
    }

    /// The tables built while reading, frozen.
    private final class Lookups: Sendable {
        /// Segment texts of each transaction set, keyed by GS06 and ST02 (groups may reuse an ST02).
        let segmentTexts: [SetKey: [String]]
        /// The first set read with each ST02, for lookups that do not name a group.
        let firstSetByControlNumber: [String: SetKey]
        /// Positions in `claims` by CLM01, upper-cased.
        let byPatientControlNumber: [String: [Int]]
        /// Claim and line positions by REF*6R (the first line carrying each number).
        let byLineControlNumber: [String: LinePosition]

        init(_ reading: Reading) {
            segmentTexts = reading.segmentTexts
            firstSetByControlNumber = reading.firstSetByControlNumber
            byPatientControlNumber = reading.byPatientControlNumber
            byLineControlNumber = reading.byLineControlNumber
        }
    }

    /// The claims and tables of the transaction sets read so far.
    private struct Reading {
        let keepsSegmentText: Bool
        var claims: [Claim] = []
        var problems: [X12Error] = []
        var segmentTexts: [SetKey: [String]] = [:]
        var firstSetByControlNumber: [String: SetKey] = [:]
        var byPatientControlNumber: [String: [Int]] = [:]
        var byLineControlNumber: [String: LinePosition] = [:]

        mutating func add(_ set: TransactionSet) {
            guard set.header.id == "837" else { return }
            let key = SetKey(group: set.group?.controlNumber ?? "", transactionSet: set.header.controlNumber)
            if keepsSegmentText, segmentTexts[key] == nil {
                segmentTexts[key] = set.segments.map(\.text)
                if firstSetByControlNumber[key.transactionSet] == nil { firstSetByControlNumber[key.transactionSet] = key }
            }
            var payerName: String?
            var payerId: String?
            var subscriberName: String?
            var memberId: String?
            var patientName: String?
            var hierarchyStart = 1
            /// A 2320 other-payer loop of the current claim is open: its REF*F8 is that payer's claim number.
            var inOtherPayer = false
            var current: Claim?
            var currentLine: Line?

            func closeLine() {
                if let line = currentLine { current?.lines.append(line) }
                currentLine = nil
            }
            func closeClaim(before index: Int) {
                closeLine()
                if var claim = current {
                    claim.lastSegmentIndex = index - 1
                    byPatientControlNumber[claim.patientControlNumber.uppercased(), default: []].append(claims.count)
                    for (offset, line) in claim.lines.enumerated() {
                        if let control = line.lineControlNumber, byLineControlNumber[control] == nil {
                            byLineControlNumber[control] = LinePosition(claim: claims.count, line: offset)
                        }
                    }
                    claims.append(claim)
                }
                current = nil
            }

            for (offset, segment) in set.segments.enumerated() {
                let index = offset + 1
                switch segment.id {
                case "HL":
                    closeClaim(before: index)
                    hierarchyStart = index
                    if segment[3] == "22" { payerName = nil; payerId = nil; subscriberName = nil; memberId = nil; patientName = nil }
                    if segment[3] == "23" { patientName = nil }
                case "NM1" where current == nil:
                    let name = [segment[3], segment[4]].filter { !$0.isEmpty }.joined(separator: ", ")
                    switch segment[1] {
                    case "PR": payerName = segment[3]; payerId = segment[9]
                    case "IL": subscriberName = name; memberId = segment[9].isEmpty ? nil : segment[9]
                    case "QC": patientName = name
                    default: break
                    }
                case "SBR" where current != nil:
                    inOtherPayer = true
                case "CLM":
                    closeClaim(before: index)
                    inOtherPayer = false
                    current = Claim(
                        id: claims.count, interchangeControlNumber: set.interchange.controlNumber, groupControlNumber: set.group?.controlNumber ?? "",
                        transactionSetControlNumber: set.header.controlNumber, patientControlNumber: segment[1],
                        chargeAmount: Decimal(string: segment[2], locale: Locale(identifier: "en_US_POSIX")),
                        frequencyCode: segment[5, 3], originalPayerClaimControlNumber: nil, payerName: payerName, payerId: payerId,
                        patientName: patientName ?? subscriberName, memberId: memberId, claimSegmentIndex: index, lastSegmentIndex: index,
                        hierarchySegmentIndex: hierarchyStart, lines: [])
                case "REF" where current != nil:
                    if segment[1] == "F8", currentLine == nil, !inOtherPayer { current?.originalPayerClaimControlNumber = segment[2] }
                    if segment[1] == "6R", currentLine != nil { currentLine?.lineControlNumber = segment[2] }
                case "LX" where current != nil:
                    closeLine()
                    currentLine = Line(lineNumber: Int(segment[1]) ?? 0, procedureCode: "", modifiers: [], chargeAmount: nil,
                                       units: nil, lineControlNumber: nil, serviceDate: nil, transactionSegmentIndex: index)
                case "SV1", "SV2":
                    guard currentLine != nil else { break }
                    let professional = segment.hasId("SV1")
                    let code = segment.element(professional ? 1 : 2)?.components ?? []
                    currentLine?.procedureCode = code.count > 1 ? code[1] : ""
                    // C003: modifiers are components 3-6 (7 is a description).
                    currentLine?.modifiers = code.count > 2 ? code[2..<min(code.count, 6)].filter { !$0.isEmpty } : []
                    currentLine?.chargeAmount = Decimal(string: segment[professional ? 2 : 3], locale: Locale(identifier: "en_US_POSIX"))
                    currentLine?.units = Decimal(string: segment[professional ? 4 : 5], locale: Locale(identifier: "en_US_POSIX"))
                case "DTP" where currentLine != nil:
                    if segment[1] == "472" { currentLine?.serviceDate = segment[3] }
                case "SE":
                    closeClaim(before: index)
                default:
                    break
                }
            }
            closeClaim(before: set.segments.count + 1)
        }
    }
}
