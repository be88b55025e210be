/// Ties acknowledgments to the claims that were sent: what ``AckDecoder`` asks when it builds the report.
///
/// X12Matching implements it over a submitted 837, so this target knows nothing of the 837. Every claim is
/// named by its position in ``sentClaims``; control numbers are compared as the implementation decides
/// (X12Matching compares them as numbers, `000000007` = `7`).
public protocol AcknowledgmentMatching: Sendable {
    /// The claims that were sent, in file order: each gets a record, pending until an acknowledgment decides.
    var sentClaims: [SentClaim] { get }

    /// The claims of the interchange a TA1 answers (TA101 = ISA13).
    func claims(interchangeControlNumber: String) -> [Int]

    /// The claims of the functional group a 999 answers (AK102 = GS06).
    func claims(groupControlNumber: String) -> [Int]

    /// The claims of the transaction set a 999 AK2 answers (AK202 = ST02 within AK102 = GS06).
    func claims(transactionSetControlNumber: String, groupControlNumber: String) -> [Int]

    /// The claims of that transaction set whose CLM01 is the one a 999 CTX*CLM01 names.
    func claims(referencedBy patientControlNumber: String, transactionSetControlNumber: String,
                groupControlNumber: String) -> [Int]

    /// The claims a 999 IK302 segment position (ST = 1) falls in: the claim holding it, or every claim of the
    /// subscriber or patient loop it opens; none for a header segment.
    func claims(atSegment position: Int, transactionSetControlNumber: String, groupControlNumber: String) -> [Int]

    /// The text of the sent segment at a 999 IK302 position, when it is known.
    func segmentText(atSegment position: Int, transactionSetControlNumber: String, groupControlNumber: String) -> String?

    /// The sent claim a 277CA claim answers, preferring one not in `answered` (claims an earlier 277CA claim
    /// already answered); `nil` when none was sent.
    func claim(answering claim: AcknowledgedClaim, answered: Set<Int>) -> Int?
}
