import Foundation
import X12
import X12Claims

/// Turns a primary claim and the primary's payment into the secondary claim (2000B secondary, 2320/2330 primary,
/// 2430 per line), or says why it cannot be sent.
enum SecondaryClaimBuild {
    /// Why a secondary claim is not built.
    struct Refusal: Error, Sendable {
        var reason: String
    }

    /// The secondary claim with the loops it hangs under.
    struct Result: Sendable {
        var claim: Claim
        var subscriber: Subscriber
        var payer: ClaimPayer
        var patient: Patient?
        var patientResponsibility: Decimal
    }

    /// The suffix that makes the secondary claim's CLM01 and REF*6R its own.
    static let suffix = "-S"

    static func build(source: SecondaryCandidate.Source, coverage: SecondaryCoverage, payment: PrimaryPayment,
                      lineIds: [Int64]) throws(Refusal) -> Result {
        let primary = source.claim
        guard let paidOn = payment.paymentDate else {
            throw Refusal(reason: "the primary 835's payment date is not a date")
        }
        // Lines: every claim line has exactly one 835 line and every 835 line a claim line (REF*6R or the matcher's fallback).
        var problems: [String] = []
        if lineIds.count != primary.lines.count {
            throw Refusal(reason: "the ledger holds \(lineIds.count) lines for the claim but the recorded 837 has \(primary.lines.count)")
        }
        var matched: [PrimaryPayment.Line] = []
        for (offset, id) in lineIds.enumerated() {
            let found = payment.lines.filter { $0.claimLineId == id }
            let line = primary.lines[offset]
            if found.isEmpty {
                problems.append("line \(offset + 1) (\(line.procedureCode), REF*6R \(line.lineControlNumber)) has no 835 service line")
            } else if found.count > 1 {
                problems.append("line \(offset + 1) (\(line.procedureCode)) matches \(found.count) 835 service lines")
            } else {
                matched.append(found[0])
            }
        }
        for line in payment.lines where line.claimLineId == nil || !lineIds.contains(line.claimLineId ?? -1) {
            problems.append("835 line \(line.procedureCode) \(LedgerMoney.text(line.charge)) matches no line of the claim")
        }
        if !problems.isEmpty { throw Refusal(reason: "835 lines not matched to the claim's lines: " + problems.joined(separator: "; ")) }

        let patientResponsibility = (payment.adjustments + matched.flatMap(\.adjustments)).filter { $0.group == "PR" }
            .reduce(Decimal(0)) { $0 + $1.amount }
        if patientResponsibility == 0 {
            if payment.paid == 0 {
                throw Refusal(reason: "denied in full by the primary (CLP02 \(payment.status)) with no patient responsibility: nothing is owed")
            }
            throw Refusal(reason: "the primary paid \(LedgerMoney.text(payment.paid)) and left no patient responsibility: nothing is owed")
        }

        // Balancing, per line and at the claim.
        var lineAdjustmentTotal = Decimal(0)
        for (offset, line) in matched.enumerated() {
            let cas = line.adjustments.reduce(Decimal(0)) { $0 + $1.amount }
            lineAdjustmentTotal += cas
            let charge = primary.lines[offset].charge
            if charge != line.paid + cas {
                problems.append("line \(offset + 1): SV102 \(LedgerMoney.text(charge)) is not SVD02 \(LedgerMoney.text(line.paid)) + line CAS \(LedgerMoney.text(cas))")
            }
        }
        let claimCAS = payment.adjustments.reduce(Decimal(0)) { $0 + $1.amount }
        if primary.totalCharge != payment.paid + claimCAS + lineAdjustmentTotal {
            problems.append("CLM02 \(LedgerMoney.text(primary.totalCharge)) is not AMT*D \(LedgerMoney.text(payment.paid)) + claim CAS "
                            + "\(LedgerMoney.text(claimCAS)) + line CAS \(LedgerMoney.text(lineAdjustmentTotal))")
        }
        if !problems.isEmpty { throw Refusal(reason: "the primary's adjudication does not balance: " + problems.joined(separator: "; ")) }

        // The patient, for 2000C when the secondary subscriber is someone else.
        let primarySubscriber = source.group.subscriber
        var patient: Patient?
        if let code = coverage.patientRelationshipCode {
            if let known = source.group.patient {
                patient = known
                patient?.relationshipCode = code
            } else if primarySubscriber.isPatient, let address = primarySubscriber.address, let birth = primarySubscriber.dateOfBirth {
                patient = Patient(relationshipCode: code, name: primarySubscriber.name, address: address, dateOfBirth: birth,
                                  sex: primarySubscriber.sex ?? "U")
            } else {
                throw Refusal(reason: "the patient's address and date of birth are not on the primary claim, and the secondary subscriber is not the patient")
            }
        }

        let primaryPayerId = source.group.payer.payerId
        let other = OtherPayer(
            responsibility: "P",
            relationshipCode: primarySubscriber.isPatient ? "18" : (source.group.patient?.relationshipCode ?? "G8"),
            groupNumber: primarySubscriber.groupNumber, claimFilingCode: primarySubscriber.claimFilingCode,
            adjustments: groups(payment.adjustments), paidAmount: payment.paid,
            subscriber: OtherSubscriber(name: primarySubscriber.name, memberId: primarySubscriber.memberId, address: primarySubscriber.address),
            payerName: source.group.payer.name, payerId: primaryPayerId, adjudicationDate: paidOn,
            claimControlNumber: payment.payerClaimControlNumber.isEmpty ? nil : payment.payerClaimControlNumber)
        var claim = primary
        claim.patientControlNumber = primary.patientControlNumber + suffix
        claim.frequencyCode = "1"
        claim.payerClaimControlNumber = nil
        claim.priorAuthorization = nil
        claim.otherPayers = [other]
        for (offset, line) in matched.enumerated() {
            claim.lines[offset].lineControlNumber = primary.lines[offset].lineControlNumber + suffix
            claim.lines[offset].adjudications = [LineAdjudication(
                otherPayerId: primaryPayerId, paidAmount: line.paid, procedureCode: line.procedureCode, modifiers: line.modifiers,
                paidUnits: line.units, adjustments: groups(line.adjustments), adjudicationDate: paidOn)]
        }
        if claim.patientControlNumber.count > 38 {
            throw Refusal(reason: "CLM01 \(claim.patientControlNumber) would be longer than 38 characters")
        }
        return Result(claim: claim, subscriber: coverage.subscriber, payer: coverage.payer, patient: patient,
                      patientResponsibility: patientResponsibility)
    }

    /// CAS segments: adjustments grouped by group code in the order the 835 gave them, 6 triplets a segment.
    static func groups(_ adjustments: [PrimaryPayment.Adjustment]) -> [ClaimAdjustmentGroup] {
        var order: [String] = []
        var byGroup: [String: [ClaimAdjustmentGroup.Adjustment]] = [:]
        for adjustment in adjustments {
            if byGroup[adjustment.group] == nil { order.append(adjustment.group) }
            byGroup[adjustment.group, default: []].append(.init(reason: adjustment.reason, amount: adjustment.amount, quantity: adjustment.quantity))
        }
        var result: [ClaimAdjustmentGroup] = []
        for group in order {
            let all = byGroup[group] ?? []
            var start = 0
            while start < all.count {
                let end = min(start + ClaimAdjustmentGroup.maximumAdjustments, all.count)
                result.append(ClaimAdjustmentGroup(groupCode: group, adjustments: Array(all[start..<end])))
                start = end
            }
        }
        return result
    }

    /// Puts the claim under its billing provider and the secondary subscriber, payer and patient.
    static func place(_ built: Result, provider: BillingProvider, into target: inout ClaimTransaction) {
        var providerIndex = target.billingProviders.firstIndex(where: { $0.provider == provider }) ?? -1
        if providerIndex < 0 {
            target.billingProviders.append(BillingProviderGroup(provider: provider, subscribers: []))
            providerIndex = target.billingProviders.count - 1
        }
        var subscribers = target.billingProviders[providerIndex].subscribers
        if let last = subscribers.indices.last, subscribers[last].subscriber == built.subscriber, subscribers[last].payer == built.payer,
           subscribers[last].patient == built.patient {
            subscribers[last].claims.append(built.claim)
        } else {
            subscribers.append(SubscriberGroup(subscriber: built.subscriber, payer: built.payer, patient: built.patient, claims: [built.claim]))
        }
        target.billingProviders[providerIndex].subscribers = subscribers
    }
}
