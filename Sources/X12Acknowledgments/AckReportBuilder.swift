import Foundation
import X12

/// Maps decoded acknowledgments onto claims and assembles the ``AckReport``.
///
/// With a matching every claim that was sent gets a record (pending until an acknowledgment decides), and the
/// matching says which claims each TA1, 999 and 277CA answer concerns. Without one, the records are the claims the
/// acknowledgments name; two 277CA claims with the same TRN02 in one transaction set stay two records.
struct AckReportBuilder {
    private let matching: (any AcknowledgmentMatching)?
    private var interchanges: [AckReport.Interchange] = []
    private var groups: [AckReport.Group] = []
    private var transactionSets: [AckReport.TransactionSetResult] = []
    private var claimLevels: [AckReport.ClaimLevel] = []
    private var claims: [AckReport.ClaimResult] = []
    private var unmatched: [AckReport.Unmatched] = []
    /// Record indexes by CLM01, for records made from the acknowledgments alone (no matching).
    private var recordsByNumber: [String: [Int]] = [:]
    /// Records whose interchange, group or transaction set was rejected.
    private var rejectedEnvelope: Set<Int> = []
    /// The latest 277CA outcome per record.
    private var claimOutcome: [Int: ClaimDisposition] = [:]

    init(matching: (any AcknowledgmentMatching)?) {
        self.matching = matching
        claims = (matching?.sentClaims ?? []).map { claim in
            AckReport.ClaimResult(
                patientControlNumber: claim.patientControlNumber, status: .pending, payerClaimControlNumber: nil,
                reasons: [], chargeAmount: claim.chargeAmount, patientName: claim.patientName,
                interchangeControlNumber: claim.interchangeControlNumber, groupControlNumber: claim.groupControlNumber,
                transactionSetControlNumber: claim.transactionSetControlNumber, acknowledgments: [])
        }
    }

    // MARK: - TA1

    mutating func add(_ acknowledgments: [InterchangeAcknowledgment]) {
        for ta1 in acknowledgments {
            let note = AckReport.Reason(code: ta1.noteCode, description: AckCodes.label(ta1.noteCode, in: AckCodes.interchangeNotes),
                                        source: "TA1")
            let matched = matching?.claims(interchangeControlNumber: ta1.controlNumber) ?? []
            interchanges.append(AckReport.Interchange(
                controlNumber: ta1.controlNumber, date: ta1.date, time: ta1.time, status: ta1.status, code: ta1.code,
                note: note, claims: matched.map { claims[$0].patientControlNumber },
                acknowledgmentInterchangeControlNumber: ta1.acknowledgmentControlNumber))
            if matching != nil, matched.isEmpty {
                unmatched.append(AckReport.Unmatched(
                    source: "TA1", reference: ta1.controlNumber,
                    description: "TA1 \(describe(ta1.status)) interchange \(ta1.controlNumber): no submitted interchange has this control number",
                    reasons: [note]))
            }
            let rejected = ta1.status == .rejected
            for record in matched {
                step(record, "TA1", Self.outcome(ta1.status), ta1.acknowledgmentControlNumber)
                if rejected {
                    rejectedEnvelope.insert(record)
                    claims[record].reasons.append(AckReport.Reason(
                        code: ta1.noteCode, description: "interchange \(ta1.controlNumber) rejected: \(note.description)", source: "TA1"))
                }
            }
        }
    }

    // MARK: - 999

    mutating func add(_ acknowledgments: [FunctionalAcknowledgment]) {
        for ack in acknowledgments {
            let groupErrors = ack.groupErrorCodes.map {
                AckReport.Reason(code: $0, description: AckCodes.label($0, in: AckCodes.groupErrors), source: ack.transactionSetId)
            }
            groups.append(AckReport.Group(
                acknowledgmentType: ack.transactionSetId, acknowledgmentInterchangeControlNumber: ack.interchangeControlNumber,
                acknowledgmentControlNumber: ack.controlNumber, functionalId: ack.functionalId,
                controlNumber: ack.groupControlNumber, version: ack.version, status: ack.groupStatus, code: ack.groupCode,
                includedCount: ack.includedCount, receivedCount: ack.receivedCount, acceptedCount: ack.acceptedCount,
                errors: groupErrors))
            let groupRecords = matching?.claims(groupControlNumber: ack.groupControlNumber) ?? []
            if matching != nil, groupRecords.isEmpty {
                unmatched.append(AckReport.Unmatched(
                    source: ack.transactionSetId, reference: "GS06 \(ack.groupControlNumber)",
                    description: "\(ack.transactionSetId) \(describe(ack.groupStatus)) functional group \(ack.groupControlNumber): "
                        + "no submitted group has this control number", reasons: groupErrors))
            }
            var answered: Set<Int> = []
            for set in ack.transactionSets {
                let setRecords = matching?.claims(transactionSetControlNumber: set.controlNumber,
                                                  groupControlNumber: ack.groupControlNumber) ?? []
                answered.formUnion(setRecords)
                add(set, of: ack, records: setRecords, groupHasRecords: !groupRecords.isEmpty)
            }
            // Transaction sets the 999 does not list share the group's fate (many senders list only sets in error).
            for record in groupRecords where !answered.contains(record) {
                let rejected = ack.groupStatus == .rejected
                step(record, ack.transactionSetId, Self.outcome(ack.groupStatus), ack.controlNumber)
                guard rejected else { continue }
                rejectedEnvelope.insert(record)
                let codes = ([ack.groupCode] + ack.groupErrorCodes).joined(separator: " ")
                let why = groupErrors.map(\.description).joined(separator: "; ")
                claims[record].reasons.append(AckReport.Reason(
                    code: codes, description: "functional group \(ack.groupControlNumber) rejected" + (why.isEmpty ? "" : ": " + why),
                    source: ack.transactionSetId))
            }
        }
    }

    private mutating func add(_ set: AcknowledgedTransactionSet, of ack: FunctionalAcknowledgment, records: [Int], groupHasRecords: Bool) {
        let issues = set.segmentErrors.flatMap { segmentIssues(for: $0, in: set, of: ack) }
        let setErrors = set.errorCodes.map {
            AckReport.Reason(code: $0, description: AckCodes.label($0, in: AckCodes.transactionSetErrors), source: ack.transactionSetId)
        }
        transactionSets.append(AckReport.TransactionSetResult(
            acknowledgmentInterchangeControlNumber: ack.interchangeControlNumber, acknowledgmentControlNumber: ack.controlNumber, groupControlNumber: ack.groupControlNumber,
            transactionSetId: set.transactionSetId, controlNumber: set.controlNumber,
            implementationReference: set.implementationReference, status: set.status, code: set.code, setErrors: setErrors,
            errors: issues, claims: records.map { claims[$0].patientControlNumber }))
        if matching != nil, records.isEmpty, groupHasRecords {
            unmatched.append(AckReport.Unmatched(
                source: ack.transactionSetId, reference: "GS06 \(ack.groupControlNumber) ST02 \(set.controlNumber)",
                description: "\(ack.transactionSetId) \(describe(set.status)) transaction set \(set.transactionSetId) \(set.controlNumber): "
                    + "no submitted transaction set has this control number in group \(ack.groupControlNumber)",
                reasons: setErrors))
        }
        let rejected = set.status == .rejected
        let outcome = Self.outcome(set.status)
        if matching == nil {
            for issue in issues {
                for number in issue.claims {
                    let record = record(for: number)
                    step(record, ack.transactionSetId, outcome, ack.controlNumber)
                    claims[record].reasons.append(reason(issue, source: ack.transactionSetId))
                    if rejected { rejectedEnvelope.insert(record) }
                }
            }
            return
        }
        for record in records {
            step(record, ack.transactionSetId, outcome, ack.controlNumber)
            let own = issues.filter { $0.claims.contains(claims[record].patientControlNumber) }
            claims[record].reasons.append(contentsOf: own.map { reason($0, source: ack.transactionSetId) })
            guard rejected else { continue }
            rejectedEnvelope.insert(record)
            if own.isEmpty {
                let codes = ([set.code] + set.errorCodes).joined(separator: " ")
                let why = setErrors.map(\.description).joined(separator: "; ")
                let elsewhere = Set(issues.flatMap(\.claims)).sorted()
                let note = elsewhere.isEmpty ? "" : " (errors in claim \(elsewhere.joined(separator: ", ")))"
                claims[record].reasons.append(AckReport.Reason(
                    code: codes, description: "transaction set \(set.controlNumber) rejected"
                        + (why.isEmpty ? "" : ": " + why) + note, source: ack.transactionSetId))
            }
        }
    }

    /// The report entries of one IK3: one per IK4, or one for the segment when it has none.
    private mutating func segmentIssues(for error: SegmentError, in set: AcknowledgedTransactionSet, of ack: FunctionalAcknowledgment)
        -> [AckReport.SegmentIssue] {
        var numbers: [String] = []
        var text: String?
        if let reference = error.claimReference {
            numbers = [reference]
            if let matching, matching.claims(referencedBy: reference, transactionSetControlNumber: set.controlNumber,
                                             groupControlNumber: ack.groupControlNumber).isEmpty {
                unmatched.append(AckReport.Unmatched(
                    source: ack.transactionSetId, reference: "CLM01 \(reference)",
                    description: "\(ack.transactionSetId) error in \(error.segmentId) segment \(error.segmentPosition.map(String.init) ?? "?") names claim "
                        + "\(reference), which is not in submitted transaction set \(set.controlNumber)", reasons: []))
            }
        } else if let position = error.segmentPosition, let matching {
            numbers = matching.claims(atSegment: position, transactionSetControlNumber: set.controlNumber,
                                      groupControlNumber: ack.groupControlNumber).map { claims[$0].patientControlNumber }
        }
        if let position = error.segmentPosition {
            text = matching?.segmentText(atSegment: position, transactionSetControlNumber: set.controlNumber,
                                         groupControlNumber: ack.groupControlNumber)
        }
        if let text, let position = error.segmentPosition,
           String(text.prefix { $0.isLetter || $0.isNumber }) != error.segmentId {
            unmatched.append(AckReport.Unmatched(
                source: ack.transactionSetId, reference: "ST02 \(set.controlNumber) segment \(position)",
                description: "\(ack.transactionSetId) names \(error.segmentId) at segment \(position), but the submitted segment there is \(text)",
                reasons: []))
        }
        let context = (error.contexts + error.elementErrors.flatMap(\.contexts)).map(Self.describe)
        let claim = numbers.count == 1 ? numbers.first : nil
        guard !error.elementErrors.isEmpty else {
            return [AckReport.SegmentIssue(
                segmentId: error.segmentId, segmentPosition: error.segmentPosition, loopId: error.loopId, code: error.code,
                description: AckCodes.label(error.code, in: AckCodes.segmentErrors), elementPosition: nil,
                componentPosition: nil, dataElementReference: nil, badData: nil, claim: claim, claims: numbers,
                segmentText: text, context: context)]
        }
        return error.elementErrors.map { element in
            AckReport.SegmentIssue(
                segmentId: error.segmentId, segmentPosition: error.segmentPosition, loopId: error.loopId, code: element.code,
                description: AckCodes.label(element.code, in: AckCodes.elementErrors), elementPosition: element.elementPosition,
                componentPosition: element.componentPosition,
                dataElementReference: element.dataElementReference.isEmpty ? nil : element.dataElementReference,
                badData: element.badData.isEmpty ? nil : element.badData, claim: claim, claims: numbers, segmentText: text,
                context: context)
        }
    }

    /// A claim reason from a 999 error: `segment 12 (CLM, loop 2300) element 2 (782): required data element missing`.
    private func reason(_ issue: AckReport.SegmentIssue, source: String) -> AckReport.Reason {
        var place = "segment \(issue.segmentPosition.map(String.init) ?? "?") (\(issue.segmentId)"
        if !issue.loopId.isEmpty { place += ", loop \(issue.loopId)" }
        place += ")"
        if let element = issue.elementPosition {
            place += " element \(element)"
            if let component = issue.componentPosition { place += " component \(component)" }
            if let reference = issue.dataElementReference { place += " (\(reference))" }
        }
        var description = place + ": " + issue.description
        if let bad = issue.badData { description += " (value '\(bad)')" }
        if let text = issue.segmentText { description += " in " + text }
        return AckReport.Reason(code: issue.code, description: description, source: source)
    }

    private static func describe(_ context: ErrorContext) -> String {
        guard context.reference.isEmpty else { return context.name + ":" + context.reference }
        var parts = [context.name]
        if !context.segmentId.isEmpty { parts.append(context.segmentId) }
        if let position = context.segmentPosition { parts.append("segment \(position)") }
        if !context.loopId.isEmpty { parts.append("loop \(context.loopId)") }
        if let element = context.elementPosition { parts.append("element \(element)") }
        return parts.joined(separator: " ")
    }

    // MARK: - 277CA

    mutating func add(_ acknowledgments: [ClaimAcknowledgment]) {
        for ack in acknowledgments {
            for level in ack.levels {
                claimLevels.append(AckReport.ClaimLevel(
                    acknowledgmentInterchangeControlNumber: ack.interchangeControlNumber, acknowledgmentControlNumber: ack.controlNumber, level: level.kind, name: level.name, id: level.id,
                    traceNumber: level.traceNumber, statuses: level.statuses.flatMap { reasons($0, prefix: "") },
                    acceptedQuantity: level.acceptedQuantity, rejectedQuantity: level.rejectedQuantity,
                    acceptedAmount: level.acceptedAmount, rejectedAmount: level.rejectedAmount))
            }
            var answeredHere: Set<Int> = []
            for claim in ack.claims { add(claim, of: ack, answeredHere: &answeredHere) }
        }
    }

    /// Records one 277CA claim; `answeredHere` holds the records this 277CA transaction set already answered, so a
    /// second claim with the same TRN02 never overwrites the first.
    private mutating func add(_ claim: AcknowledgedClaim, of ack: ClaimAcknowledgment, answeredHere: inout Set<Int>) {
        let outcome = claim.disposition
        var found = claim.statuses.flatMap { reasons($0, prefix: "") }
        for line in claim.lines {
            let name = line.lineControlNumber ?? (line.procedureCode.isEmpty ? line.procedure : line.procedureCode)
            found += line.statuses.flatMap { reasons($0, prefix: "line \(name): ") }
        }
        let record: Int
        if let matching {
            var description = "277CA \(outcome.rawValue) claim \(claim.patientControlNumber)"
            if let payer = claim.payerClaimControlNumber { description += " (payer claim \(payer))" }
            guard let match = matching.claim(answering: claim, answered: Set(claimOutcome.keys)) else {
                unmatched.append(AckReport.Unmatched(source: "277CA", reference: claim.patientControlNumber,
                                                     description: description + ": not in the submitted 837", reasons: found))
                return
            }
            guard !answeredHere.contains(match) else {
                unmatched.append(AckReport.Unmatched(
                    source: "277CA", reference: claim.patientControlNumber,
                    description: description + ": this 277CA already answered the only submitted claim with this number",
                    reasons: found))
                return
            }
            record = match
        } else {
            record = recordsByNumber[claim.patientControlNumber]?.first { !answeredHere.contains($0) }
                ?? newRecord(for: claim.patientControlNumber)
        }
        answeredHere.insert(record)
        step(record, "277CA", outcome, ack.controlNumber)
        claimOutcome[record] = outcome
        claims[record].reasons.removeAll { $0.source == "277CA" }
        claims[record].reasons.append(contentsOf: found)
        if let payer = claim.payerClaimControlNumber { claims[record].payerClaimControlNumber = payer }
        if claims[record].chargeAmount == nil { claims[record].chargeAmount = claim.chargeAmount }
        if claims[record].patientName == nil, !claim.patientLastName.isEmpty {
            claims[record].patientName = [claim.patientLastName, claim.patientFirstName].filter { !$0.isEmpty }.joined(separator: ", ")
        }
    }

    private func reasons(_ status: ClaimStatus, prefix: String) -> [AckReport.Reason] {
        status.codes.map { code in
            var description = prefix + code.description
            if !status.message.isEmpty { description += " (\(status.message))" }
            return AckReport.Reason(code: code.text, description: description, source: "277CA")
        }
    }

    // MARK: - Assembly

    func finish(problems: [AckReport.Problem]) -> AckReport {
        var records = claims
        for index in records.indices {
            records[index].status = rejectedEnvelope.contains(index) ? .rejected : (claimOutcome[index] ?? .pending)
        }
        let rejectedEnvelopes = interchanges.filter { $0.status == .rejected }.count
            + groups.filter { $0.status == .rejected }.count + transactionSets.filter { $0.status == .rejected }.count
        let summary = AckReport.Summary(
            claims: records.count, accepted: records.filter { $0.status == .accepted }.count,
            rejected: records.filter { $0.status == .rejected }.count, pending: records.filter { $0.status == .pending }.count,
            rejectedEnvelopes: rejectedEnvelopes, unmatched: unmatched.count, problems: problems.count)
        return AckReport(interchanges: interchanges, groups: groups, transactionSets: transactionSets, claimLevels: claimLevels,
                         claims: records, unmatched: unmatched, problems: problems, summary: summary)
    }

    // MARK: - Helpers

    /// The record for a claim a 999 names when no claims were sent: the first with that number, created on first use.
    private mutating func record(for number: String) -> Int {
        recordsByNumber[number]?.first ?? newRecord(for: number)
    }

    /// A new record for a claim named only by an acknowledgment.
    private mutating func newRecord(for number: String) -> Int {
        claims.append(AckReport.ClaimResult(
            patientControlNumber: number, status: .pending, payerClaimControlNumber: nil, reasons: [], chargeAmount: nil,
            patientName: nil, interchangeControlNumber: nil, groupControlNumber: nil, transactionSetControlNumber: nil,
            acknowledgments: []))
        recordsByNumber[number, default: []].append(claims.count - 1)
        return claims.count - 1
    }

    private mutating func step(_ record: Int, _ source: String, _ status: ClaimDisposition, _ controlNumber: String) {
        let step = AckReport.Step(source: source, status: status, controlNumber: controlNumber)
        if claims[record].acknowledgments.last != step { claims[record].acknowledgments.append(step) }
    }

    /// What a TA1/999 outcome means for one claim's step (the claim itself stays pending until a 277CA decides).
    private static func outcome(_ status: AckStatus) -> ClaimDisposition {
        switch status {
        case .rejected: return .rejected
        case .unknown: return .pending
        case .accepted, .acceptedWithErrors, .partiallyAccepted: return .accepted
        }
    }

    private func describe(_ status: AckStatus) -> String {
        switch status {
        case .accepted: return "accepting"
        case .acceptedWithErrors: return "accepting with errors"
        case .partiallyAccepted: return "partially accepting"
        case .rejected: return "rejecting"
        case .unknown: return "answering"
        }
    }
}
