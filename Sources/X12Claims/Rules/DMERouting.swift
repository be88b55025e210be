import Foundation

/// D1: which Medicare DME payer (DME MAC jurisdiction) a case's DME charges go to.
///
/// The beneficiary's address decides the jurisdiction: DME charges go to the DME payer whose `states` hold the
/// patient's primary address state. A case whose own payer is a `medicareDME` payer names it directly; when that
/// payer does not serve the patient's state the charges still go to it, with a warning. A DME payer without
/// `states` serves every state (a practice with one DME payer needs no state list) and is used only when no payer
/// lists the state. No DME payer for the state is a billing exception naming the state.
struct DMERouting: Sendable {
    /// What the routing decided.
    struct Decision: Sendable, Equatable {
        /// The DME payer billed; nil when the charges cannot be billed.
        var payer: PayerRecord?
        /// Why the charges cannot be billed (empty when `payer` is set).
        var problems: [String] = []
        /// What the biller should look at although the charges are billed.
        var warnings: [String] = []
    }

    /// The configured DME payers, in payer-list order.
    let dmePayers: [PayerRecord]

    /// Chooses the DME payer for a case.
    ///
    /// - Parameters:
    ///   - caseId: the case, for messages.
    ///   - casePayer: the case's own payer.
    ///   - patientState: the state of the patient's primary address (nil when unknown).
    func route(caseId: String, casePayer: PayerRecord?, patientState: String?) -> Decision {
        let state = patientState.map { $0.uppercased() }.flatMap { $0.isEmpty ? nil : $0 }
        if let casePayer, casePayer.resolvedKind == .medicareDME {
            var decision = Decision(payer: casePayer)
            if let state, !serves(casePayer, state) {
                let other = dmePayers.first { $0.id != casePayer.id && listsState($0, state) }
                decision.warnings.append("case \(caseId): DME payer \(casePayer.id)\(Self.jurisdiction(casePayer)) does not serve the patient's state \(state)"
                    + (other.map { "; payer \($0.id)\(Self.jurisdiction($0)) does" } ?? "") + "; billed to \(casePayer.id) as the case names it \(BillingRule.dmeJurisdiction.tag)")
            }
            return decision
        }
        guard !dmePayers.isEmpty else {
            return Decision(problems: ["no Medicare DME payer (kind medicareDME) is configured"])
        }
        let anyState = dmePayers.filter { ($0.states ?? []).isEmpty }
        guard let state else {
            if let fallback = anyState.first { return Decision(payer: fallback) }
            return Decision(problems: ["the patient has no primary address state, so the DME jurisdiction cannot be chosen \(BillingRule.dmeJurisdiction.tag)"])
        }
        let listing = dmePayers.filter { listsState($0, state) }
        if let chosen = listing.first {
            var decision = Decision(payer: chosen)
            if listing.count > 1 {
                decision.warnings.append("state \(state) is served by DME payers \(listing.map(\.id).joined(separator: ", ")); billed to \(chosen.id) \(BillingRule.dmeJurisdiction.tag)")
            }
            return decision
        }
        if let fallback = anyState.first { return Decision(payer: fallback) }
        return Decision(problems: ["no Medicare DME payer serves the patient's state \(state) \(BillingRule.dmeJurisdiction.tag)"])
    }

    private func listsState(_ payer: PayerRecord, _ state: String) -> Bool {
        (payer.states ?? []).contains { $0.uppercased() == state }
    }

    private func serves(_ payer: PayerRecord, _ state: String) -> Bool {
        (payer.states ?? []).isEmpty || listsState(payer, state)
    }

    private static func jurisdiction(_ payer: PayerRecord) -> String {
        payer.jurisdiction.map { " (jurisdiction \($0))" } ?? ""
    }
}
