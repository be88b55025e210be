/// Finds submitted claims for the ``ClaimMatcher``: the in-memory ``SubmittedClaimIndex`` answers from one 837,
/// the ledger answers in SQL from every 837 it recorded.
///
/// Control numbers (ISA13, GS06, ST02) are compared as numbers when both are numbers (`000000007` = `7`), else
/// as written. Candidates come in the lookup's order of preference, which the matcher keeps among equals: file
/// order for an index; for the ledger the most recent submission first, file order within it.
public protocol SubmittedClaimLookup {
    /// The claims the lookup returns.
    associatedtype Claim: SubmittedClaimRecord
    /// What a lookup throws (`Never` for the in-memory index).
    associatedtype Failure: Error

    /// Claims whose CLM01 equals `patientControlNumber` without regard to case (payers may upper-case it).
    func claims(patientControlNumber: String) throws(Failure) -> [Claim]

    /// Claims of the interchange with this ISA13 (for a lookup over several submissions, the most recent one).
    func claims(interchangeControlNumber: String) throws(Failure) -> [Claim]

    /// Claims of the functional group with this GS06 (for a lookup over several submissions, the most recent one).
    func claims(groupControlNumber: String) throws(Failure) -> [Claim]

    /// Claims of transaction set ST02 `transactionSetControlNumber` in the group with GS06 `groupControlNumber`.
    func claims(transactionSetControlNumber: String, groupControlNumber: String) throws(Failure) -> [Claim]

    /// The service lines of a claim, in file order.
    func lines(of claim: Claim) throws(Failure) -> [Claim.Line]
}
