import Foundation
import X12

/// Routes the charges of one visit into claims or report buckets, applying the billing rules.
///
/// Order of decisions: Do Not Bill / NORCM (R1) → the case covering the date of service (R12) → self-pay
/// cases and fees (R10, R14) → therapy vs DME charges (R13) → billing exceptions (R2, R3, R8, R13 setup,
/// data errors) → authorization (R4-R6) → claims, split at 50 lines / 12 diagnoses.
struct VisitRouter {
    let visit: Visit
    let references: ReferenceIndex
    private(set) var claims: [BuiltClaim] = []
    private(set) var excluded: [BatchReport.ChargeEntry] = []
    private(set) var selfPay: [BatchReport.ChargeEntry] = []
    private(set) var delayed: [BatchReport.ChargeEntry] = []
    private(set) var exceptions: [BatchReport.ChargeEntry] = []
    private(set) var warnings: [String] = []
    private(set) var inputTotal: Decimal = 0

    /// A charge with its code-table entry and resolved amount.
    private struct PendingCharge {
        var index: Int
        var charge: Charge
        var code: String
        var record: CodeRecord?
        var amount: Decimal
        var billedCode: String = ""
    }

    init(visit: Visit, references: ReferenceIndex) {
        self.visit = visit
        self.references = references
    }

    mutating func route(cache: inout CaseCache) {
        var pending: [PendingCharge] = []
        var chargeProblems: [String] = []
        var excludedCharges: [(PendingCharge, String)] = []
        for (index, charge) in visit.charges.enumerated() {
            let code = charge.code.trimmingSpaces.uppercased()
            let record = references.codes[code]
            let amount = charge.amount ?? record?.amount
            if amount == nil { chargeProblems.append("charge \(index + 1) (\(code)) has no amount") }
            let item = PendingCharge(index: index, charge: charge, code: code, record: record, amount: amount ?? 0)
            inputTotal += item.amount
            if visit.doNotBill == true {
                excludedCharges.append((item, "visit marked Do Not Bill (R1)"))
            } else if charge.doNotBill == true {
                excludedCharges.append((item, "charge marked Do Not Bill (R1)"))
            } else if code == "NORCM" {
                excludedCharges.append((item, "NORCM: not billed (R1)"))
            } else {
                pending.append(item)
            }
        }
        if !excludedCharges.isEmpty {
            excluded.append(entry(excludedCharges.map(\.0), reasons: excludedCharges.map(\.1)))
        }
        guard !pending.isEmpty else { return }

        // R12: the case whose dates cover the date of service.
        var problems: [String] = []
        let caseRecord = resolveCase(problems: &problems)
        let payer = caseRecord?.payerId.flatMap { references.payers[$0] }
        if let caseRecord, let payer, payer.resolvedKind == .selfPay {
            selfPay.append(entry(pending, reasons: ["self-pay case \(caseRecord.id) (R10)"]))
            return
        }

        // R10 / R14: custom codes and non-CPT fees are the patient's.
        var selfPayCharges: [(PendingCharge, String)] = []
        var billable: [PendingCharge] = []
        for var item in pending {
            if item.record?.custom == true {
                if let mapped = item.record?.mapsTo?.trimmingSpaces.uppercased(), !mapped.isEmpty {
                    item.billedCode = mapped
                    billable.append(item)
                } else {
                    selfPayCharges.append((item, "custom code \(item.code) has no comparative CPT/HCPCS code (R14)"))
                }
            } else if ReferenceCodes.isProcedureCode(item.code) {
                item.billedCode = item.code
                billable.append(item)
            } else {
                selfPayCharges.append((item, "\(item.code) is not a CPT/HCPCS code: a fee for the patient (R10)"))
            }
        }
        if !selfPayCharges.isEmpty {
            selfPay.append(entry(selfPayCharges.map(\.0), reasons: selfPayCharges.map(\.1)))
        }
        guard !billable.isEmpty else { return }

        let isDMECase = caseRecord?.dme == true
        let therapy = billable.filter { !(isDMECase && $0.record?.dme == true) }
        let dme = billable.filter { isDMECase && $0.record?.dme == true }

        var context = VisitContext(visit: visit, caseRecord: caseRecord, references: references)
        problems += chargeProblems
        problems += context.visitProblems()
        if let caseRecord {
            problems += cache.problems(of: caseRecord.id) { context.caseProblems() }
        }
        let authorization = context.authorization()
        let secondary = caseRecord.flatMap { record in
            SecondaryCoverageRule.resolve(record, patient: context.patientRecord,
                                          patientAddress: context.patientRecord.flatMap(context.primaryAddress(of:)), references: references)
        }
        var claimNumber = 0
        var paymentSent = false
        for (group, isDME) in [(therapy, false), (dme, true)] where !group.isEmpty {
            var groupProblems = problems
            var lines: [LineDraft] = []
            var linePayer = payer
            if isDME {
                let routing = context.dmeRouting()
                linePayer = routing.payer
                warnings += routing.warnings.map { "visit \(visit.id): \($0)" }
            }
            for item in group {
                if let line = context.line(for: item.charge, index: item.index, code: item.billedCode, record: item.record,
                                           amount: item.amount, isDME: isDME, payer: linePayer, problems: &groupProblems) {
                    lines.append(line)
                }
            }
            let (parties, partyProblems) = cache.parties(of: caseRecord?.id, isDME: isDME) {
                var found: [String] = []
                return (context.parties(isDME: isDME, payer: payer, problems: &found), found)
            }
            groupProblems += partyProblems
            guard let parties, groupProblems.isEmpty else {
                exceptions.append(entry(group, reasons: Self.unique(groupProblems.isEmpty ? ["the claim's parties are incomplete"] : groupProblems)))
                continue
            }
            if case .held(let reason) = authorization {
                delayed.append(entry(group, reasons: [reason]))
                continue
            }
            let priorAuthorization: String?
            if case .send(let number) = authorization { priorAuthorization = number } else { priorAuthorization = nil }
            for part in ClaimSplitter.split(lines, diagnoses: context.diagnoses) {
                claimNumber += 1
                var claim = Claim(
                    patientControlNumber: claimNumber == 1 ? visit.id : "\(visit.id)-\(claimNumber)",
                    placeOfService: context.placeOfService, frequencyCode: visit.rebill?.frequency ?? "1",
                    onsetDate: caseRecord?.onsetDate, payerClaimControlNumber: context.payerClaimControlNumber,
                    priorAuthorization: priorAuthorization, diagnoses: part.diagnoses,
                    referringProvider: parties.referring, renderingProvider: parties.rendering,
                    serviceFacility: parties.facility, lines: part.lines)
                if !paymentSent, let paid = context.patientAmountPaid {
                    claim.patientAmountPaid = paid
                    paymentSent = true
                }
                claims.append(BuiltClaim(visitId: visit.id, payerRecordId: parties.payerRecord.id,
                                         payerAlternateId: parties.payerRecord.alternateId, billingProvider: parties.billingProvider,
                                         subscriber: parties.subscriber, payer: parties.payer, patient: parties.patient, claim: claim,
                                         secondary: isDME ? nil : secondary))
            }
        }
        warnings += context.warnings
    }

    /// R12: the visit's case when it covers the date of service, else another case of the same patient that does.
    private mutating func resolveCase(problems: inout [String]) -> CaseRecord? {
        guard let named = references.cases[visit.caseId] else {
            problems.append("case '\(visit.caseId)' does not exist")
            return nil
        }
        if named.covers(visit.dateOfService) { return named }
        let others = (references.casesByPatient[named.patientId] ?? []).filter {
            $0.id != named.id && $0.covers(visit.dateOfService) && ($0.dme == true) == (named.dme == true)
        }
        if let other = others.first {
            warnings.append("visit \(visit.id): case \(named.id) does not cover \(visit.dateOfService); billed to case \(other.id) (R12)")
            return other
        }
        problems.append("case \(named.id) (\(named.startDate?.description ?? "open")...\(named.endDate?.description ?? "open")) does not cover the date of service \(visit.dateOfService) and no other case does (R12)")
        return named
    }

    private func entry(_ charges: [PendingCharge], reasons: [String]) -> BatchReport.ChargeEntry {
        BatchReport.ChargeEntry(visitId: visit.id, codes: charges.map(\.code), amount: charges.reduce(Decimal(0)) { $0 + $1.amount },
                                reasons: Self.unique(reasons))
    }

    static func unique(_ reasons: [String]) -> [String] {
        var seen = Set<String>()
        return reasons.filter { seen.insert($0).inserted }
    }
}

/// What the rules found about each case, kept for the next visit of the same case: patient, subscriber, payer
/// and provider checks cost the same for every visit and most cases have many visits.
struct CaseCache {
    private var caseProblems: [String: [String]] = [:]
    private var caseParties: [String: (VisitContext.Parties?, [String])] = [:]

    mutating func problems(of caseId: String, compute: () -> [String]) -> [String] {
        if let known = caseProblems[caseId] { return known }
        let found = compute()
        caseProblems[caseId] = found
        return found
    }

    mutating func parties(of caseId: String?, isDME: Bool,
                          compute: () -> (VisitContext.Parties?, [String])) -> (VisitContext.Parties?, [String]) {
        guard let caseId else { return compute() }
        let key = isDME ? caseId + "\u{1}DME" : caseId
        if let known = caseParties[key] { return known }
        let found = compute()
        caseParties[key] = found
        return found
    }
}
