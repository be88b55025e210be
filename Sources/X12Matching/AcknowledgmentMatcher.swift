import X12Acknowledgments

/// Ties TA1, 999 and 277CA answers to the claims of a submitted 837 with the ``ClaimMatcher`` rules: what
/// `x12 ack --claims` passes to `AckDecoder`. Claims are named by their position in the index.
public struct AcknowledgmentMatcher: AcknowledgmentMatching {
    private let index: SubmittedClaimIndex
    private let matcher: ClaimMatcher<SubmittedClaimIndex>

    /// Matches against the claims of `index`.
    public init(index: SubmittedClaimIndex) {
        self.index = index
        matcher = ClaimMatcher(lookup: index)
        sentClaims = index.claims.map {
            SentClaim(patientControlNumber: $0.patientControlNumber, chargeAmount: $0.chargeAmount, patientName: $0.patientName,
                      interchangeControlNumber: $0.interchangeControlNumber, groupControlNumber: $0.groupControlNumber,
                      transactionSetControlNumber: $0.transactionSetControlNumber)
        }
    }

    /// Every claim of the index, in file order.
    public let sentClaims: [SentClaim]

    /// The claims of the interchange a TA1 answers.
    public func claims(interchangeControlNumber: String) -> [Int] {
        matcher.claims(acknowledgingInterchange: interchangeControlNumber).map(\.id)
    }

    /// The claims of the group a 999 answers.
    public func claims(groupControlNumber: String) -> [Int] {
        matcher.claims(acknowledgingGroup: groupControlNumber).map(\.id)
    }

    /// The claims of the transaction set a 999 AK2 answers.
    public func claims(transactionSetControlNumber: String, groupControlNumber: String) -> [Int] {
        matcher.claims(acknowledgingTransactionSet: transactionSetControlNumber, group: groupControlNumber).map(\.id)
    }

    /// The claims a 999 CTX*CLM01 names in that transaction set.
    public func claims(referencedBy patientControlNumber: String, transactionSetControlNumber: String,
                       groupControlNumber: String) -> [Int] {
        matcher.claims(referencedBy: patientControlNumber, transactionSet: transactionSetControlNumber, group: groupControlNumber)
            .map(\.id)
    }

    /// The claims an IK302 position falls in, looked up under the control numbers as the 837 wrote them.
    public func claims(atSegment position: Int, transactionSetControlNumber: String, groupControlNumber: String) -> [Int] {
        let written = writtenNumbers(transactionSetControlNumber, groupControlNumber)
        return index.claims(atSegment: position, transactionSetControlNumber: written.set, groupControlNumber: written.group).map(\.id)
    }

    /// The sent segment at an IK302 position (`nil` when the index kept no segment text).
    public func segmentText(atSegment position: Int, transactionSetControlNumber: String, groupControlNumber: String) -> String? {
        let written = writtenNumbers(transactionSetControlNumber, groupControlNumber)
        return index.segmentText(atSegment: position, transactionSetControlNumber: written.set, groupControlNumber: written.group)
    }

    /// The claim a 277CA claim answers.
    public func claim(answering claim: AcknowledgedClaim, answered: Set<Int>) -> Int? {
        matcher.acknowledgment(claim, answered: answered)?.id
    }

    /// ST02 and GS06 as the 837 wrote them (a 999 may drop leading zeros), or as given when no claim has them.
    private func writtenNumbers(_ set: String, _ group: String) -> (set: String, group: String) {
        guard let claim = index.claims(transactionSetControlNumber: set, groupControlNumber: group).first else { return (set, group) }
        return (claim.transactionSetControlNumber, claim.groupControlNumber)
    }
}
