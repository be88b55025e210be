import X12

/// Everything read from an 835 file: the remittances, the errors, and a summary. This is what
/// `x12 remit --format json` prints.
public struct RemittanceReport: Sendable, Hashable, Codable {
    /// Every 835 transaction set, in file order.
    public var transactions: [Remittance]
    /// Problems outside any 835 (envelope faults, non-835 sets, a file that cannot be read further).
    /// Problems inside a transaction set are in its ``Remittance/errors``.
    public var errors: [RemittanceProblem]
    /// Counts and totals over the whole file.
    public var summary: RemittanceSummary
    /// Matching against a submitted 837, when one was given.
    public var matching: SubmittedMatchingSummary?

    /// Creates a report.
    public init(transactions: [Remittance], errors: [RemittanceProblem], summary: RemittanceSummary,
                matching: SubmittedMatchingSummary? = nil) {
        self.transactions = transactions
        self.errors = errors
        self.summary = summary
        self.matching = matching
    }

    /// Reads a whole file into memory. For large files, iterate a ``RemittanceDecoder`` instead.
    ///
    /// A tokenizer error (truncated file...) does not throw: it ends the report and is listed in ``errors``.
    public init(reader: SegmentReader, matcher: (any RemittanceClaimMatching)? = nil) {
        let decoder = RemittanceDecoder(reader: reader)
        var summary = RemittanceSummary()
        var transactions: [Remittance] = []
        var fatal: [RemittanceProblem] = []
        do {
            while var remittance = try decoder.next() {
                matcher?.match(&remittance)
                summary.add(remittance)
                transactions.append(remittance)
            }
        } catch {
            fatal.append(RemittanceProblem(error))
        }
        let errors = decoder.problems + fatal
        summary.errorCount += errors.count
        self.init(transactions: transactions, errors: errors, summary: summary, matching: matcher?.summary)
    }

    /// Whether the file had no errors (balancing warnings allowed).
    public var isClean: Bool { summary.errorCount == 0 }
}

/// Counts and totals over all the remittances of a file.
public struct RemittanceSummary: Sendable, Hashable, Codable {
    /// Number of 835 transaction sets.
    public var transactionCount: Int
    /// Number of claim payments.
    public var claimCount: Int
    /// Number of service lines.
    public var serviceLineCount: Int
    /// Σ BPR02 over the transactions.
    public var paymentAmount: Money
    /// Σ CLP04 over every claim.
    public var paidAmount: Money
    /// Σ PLB amounts.
    public var providerAdjustmentAmount: Money
    /// Number of balancing findings (warnings).
    public var warningCount: Int
    /// Number of errors, inside transactions and outside them.
    public var errorCount: Int

    /// An empty summary.
    public init() {
        transactionCount = 0
        claimCount = 0
        serviceLineCount = 0
        paymentAmount = .zero
        paidAmount = .zero
        providerAdjustmentAmount = .zero
        warningCount = 0
        errorCount = 0
    }

    /// Adds what one streamed event brings: a transaction and its payment, a claim, or a trailer's counts.
    public mutating func add(_ event: RemittanceEvent) {
        switch event {
        case .header(let header):
            transactionCount += 1
            paymentAmount += header.payment.amount
        case .claim(let claim):
            claimCount += 1
            serviceLineCount += claim.lines.count
            paidAmount += claim.paidAmount
            warningCount += claim.balance.count
        case .trailer(let trailer):
            providerAdjustmentAmount += trailer.totals.providerAdjustmentAmount
            warningCount += trailer.balance.count
            errorCount += trailer.errors.count
        }
    }

    /// Adds one remittance.
    public mutating func add(_ remittance: Remittance) {
        transactionCount += 1
        claimCount += remittance.totals.claimCount
        serviceLineCount += remittance.totals.serviceLineCount
        paymentAmount += remittance.payment.amount
        paidAmount += remittance.totals.paidAmount
        providerAdjustmentAmount += remittance.totals.providerAdjustmentAmount
        warningCount += remittance.balance.count + remittance.claims.reduce(0) { $0 + $1.balance.count }
        errorCount += remittance.errors.count
    }
}
