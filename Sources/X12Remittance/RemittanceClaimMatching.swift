/// Fills ``RemittanceClaim/submitted`` and ``RemittanceServiceLine/submitted`` from the claims that were sent.
///
/// X12Matching implements it over a submitted 837, so this target knows nothing of the 837. A streaming
/// caller matches each claim as it is decoded, then reads ``summary`` once at the end.
public protocol RemittanceClaimMatching: AnyObject {
    /// Matches one claim payment and its service lines, and counts it in ``summary``.
    func match(_ claim: inout RemittanceClaim)

    /// Totals of the matching done so far.
    var summary: SubmittedMatchingSummary { get }
}

extension RemittanceClaimMatching {
    /// Matches every claim payment of a transaction set, in order.
    public func match(_ remittance: inout Remittance) {
        for offset in remittance.claims.indices {
            match(&remittance.claims[offset])
        }
    }
}
