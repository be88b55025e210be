extension SubmittedClaimIndex.Claim: SubmittedClaimRecord {
    /// The claim's service lines are index lines.
    public typealias Line = SubmittedClaimIndex.Line
}

extension SubmittedClaimIndex.Line: SubmittedLineRecord {}

extension SubmittedClaimIndex: SubmittedClaimLookup {
    /// Every claim of the interchange with this ISA13 (compared as numbers), in file order.
    public func claims(interchangeControlNumber: String) -> [Claim] {
        claims.filter { ControlNumber.same($0.interchangeControlNumber, interchangeControlNumber) }
    }

    /// Every claim of the functional group with this GS06 (compared as numbers), in file order.
    public func claims(groupControlNumber: String) -> [Claim] {
        claims.filter { ControlNumber.same($0.groupControlNumber, groupControlNumber) }
    }

    /// Every claim of transaction set ST02 in the group GS06 (both compared as numbers), in file order.
    public func claims(transactionSetControlNumber: String, groupControlNumber: String) -> [Claim] {
        claims.filter {
            ControlNumber.same($0.groupControlNumber, groupControlNumber)
                && ControlNumber.same($0.transactionSetControlNumber, transactionSetControlNumber)
        }
    }

    /// The claim's lines, as read.
    public func lines(of claim: Claim) -> [Line] {
        claim.lines
    }
}
