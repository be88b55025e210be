/// One 835 transaction set: a single payment (check, EFT or non-payment) from one payer to one payee,
/// with the claim payments and provider-level adjustments it settles.
public struct Remittance: Sendable, Hashable, Codable {
    /// ISA13 of the interchange.
    public var interchangeControlNumber: String
    /// GS06 of the functional group (empty when the ST had no GS).
    public var groupControlNumber: String
    /// ST02.
    public var transactionSetControlNumber: String
    /// 1-based index of the ST segment in the file.
    public var segmentIndex: Int
    /// Position of the BPR segment within the transaction set (ST = 1); 0 when it is missing.
    public var paymentSegment: Int
    /// BPR and TRN: the money and its trace number.
    public var payment: RemittancePayment
    /// DTM*405 production date.
    public var productionDate: String?
    /// REF*EV receiver identifier.
    public var receiverIdentifier: String?
    /// 1000A payer.
    public var payer: RemittanceParty
    /// 1000B payee.
    public var payee: RemittanceParty
    /// Claim payments (loop 2100), in file order; broken claim loops are left out and listed in ``errors``.
    public var claims: [RemittanceClaim]
    /// PLB provider-level adjustments, one per reason/amount pair.
    public var providerAdjustments: [ProviderAdjustment]
    /// Totals over the claims and adjustments read.
    public var totals: RemittanceTotals
    /// Transaction-level balancing findings (BPR02 against the claims and PLB); claim and line findings
    /// are on each claim.
    public var balance: [BalanceFinding]
    /// Errors in this transaction set (envelope faults, skipped claim loops, missing segments).
    public var errors: [RemittanceProblem]

    /// Creates an empty remittance for a transaction set.
    public init(interchangeControlNumber: String, groupControlNumber: String, transactionSetControlNumber: String,
                segmentIndex: Int) {
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.transactionSetControlNumber = transactionSetControlNumber
        self.segmentIndex = segmentIndex
        self.paymentSegment = 0
        self.payment = RemittancePayment()
        self.payer = RemittanceParty()
        self.payee = RemittanceParty()
        self.claims = []
        self.providerAdjustments = []
        self.totals = RemittanceTotals()
        self.balance = []
        self.errors = []
    }

    /// Every balancing finding: the transaction's and those of every claim and line.
    public var allBalanceFindings: [BalanceFinding] { balance + claims.flatMap(\.balance) }
}

/// The payment of an 835 (BPR and TRN).
public struct RemittancePayment: Sendable, Hashable, Codable {
    /// BPR02 total actual provider payment.
    public var amount: Money
    /// BPR04 payment method: `ACH`, `CHK`, `BOP`, `FWT`, `NON`.
    public var method: String
    /// Meaning of the payment method.
    public var methodDescription: String?
    /// BPR16 check issue or EFT effective date (CCYYMMDD).
    public var date: String
    /// TRN02 check or EFT trace number: the key to reassociate the 835 with the bank deposit.
    public var traceNumber: String
    /// Payer identifier: TRN03, else BPR10.
    public var payerIdentifier: String
    /// BPR01 transaction handling code (`I` remittance only, `C` payment with remittance, `H` notification).
    public var handlingCode: String
    /// Meaning of the handling code.
    public var handlingDescription: String?
    /// BPR03 `C` credit or `D` debit.
    public var creditDebitFlag: String
    /// BPR05 ACH format (`CCP`, `CTX`).
    public var format: String?

    /// Creates an empty payment.
    public init() {
        amount = .zero
        method = ""
        date = ""
        traceNumber = ""
        payerIdentifier = ""
        handlingCode = ""
        creditDebitFlag = ""
    }
}

/// Counts and sums over a remittance's claims and provider adjustments.
public struct RemittanceTotals: Sendable, Hashable, Codable {
    /// Number of claim payments read (CLP).
    public var claimCount: Int
    /// Number of service lines read (SVC).
    public var serviceLineCount: Int
    /// Σ CLP03.
    public var chargeAmount: Money
    /// Σ CLP04.
    public var paidAmount: Money
    /// Σ CLP05.
    public var patientResponsibilityAmount: Money
    /// Σ PLB amounts.
    public var providerAdjustmentAmount: Money
    /// Number of claim loops skipped because they were broken.
    public var skippedClaimCount: Int

    /// Zero totals.
    public init() {
        claimCount = 0
        serviceLineCount = 0
        chargeAmount = .zero
        paidAmount = .zero
        patientResponsibilityAmount = .zero
        providerAdjustmentAmount = .zero
        skippedClaimCount = 0
    }
}

/// What ``RemittanceDecoder/nextEvent()`` hands out for each 835, in order: the header, each claim
/// payment as soon as it is read, then the trailer. Nothing of a transaction set is held longer.
public enum RemittanceEvent: Sendable, Hashable {
    /// The transaction's payment, payer and payee (``Remittance/claims`` is empty; the claims follow).
    case header(Remittance)
    /// One claim payment (loop 2100) with its service lines, balanced.
    case claim(RemittanceClaim)
    /// The end of the transaction: provider adjustments, totals, transaction balancing, errors.
    case trailer(RemittanceTrailer)
}

/// What an 835 transaction set holds after its last claim.
public struct RemittanceTrailer: Sendable, Hashable {
    /// ST02 of the transaction set.
    public var transactionSetControlNumber: String
    /// PLB provider-level adjustments, one per reason/amount pair.
    public var providerAdjustments: [ProviderAdjustment] = []
    /// Totals over the claims and adjustments read.
    public var totals = RemittanceTotals()
    /// Transaction-level balancing findings (BPR02 against the claims and PLB).
    public var balance: [BalanceFinding] = []
    /// Errors in the transaction set (envelope faults, unreadable segments, missing segments).
    public var errors: [RemittanceProblem] = []

    /// An empty trailer.
    public init(transactionSetControlNumber: String) {
        self.transactionSetControlNumber = transactionSetControlNumber
    }
}

extension Remittance {
    /// Takes the trailer's values (the header's stay as they are).
    public mutating func apply(_ trailer: RemittanceTrailer) {
        providerAdjustments = trailer.providerAdjustments
        totals = trailer.totals
        balance = trailer.balance
        errors = trailer.errors
    }
}
