import X12

/// The claims of one subscriber and payer (2000B, with 2000C when the patient is not the subscriber).
public struct SubscriberGroup: Sendable, Hashable, Codable {
    /// 2000B/2010BA.
    public var subscriber: Subscriber
    /// 2010BB.
    public var payer: ClaimPayer
    /// 2000C/2010CA, only when the patient is not the subscriber.
    public var patient: Patient?
    /// 2300 claims (at most 100).
    public var claims: [Claim]

    /// Creates a group.
    public init(subscriber: Subscriber, payer: ClaimPayer, patient: Patient?, claims: [Claim]) {
        self.subscriber = subscriber
        self.payer = payer
        self.patient = patient
        self.claims = claims
    }
}

/// The claims of one billing provider (2000A).
public struct BillingProviderGroup: Sendable, Hashable, Codable {
    /// 2010AA/2010AB.
    public var provider: BillingProvider
    /// 2000B groups.
    public var subscribers: [SubscriberGroup]

    /// Creates a group.
    public init(provider: BillingProvider, subscribers: [SubscriberGroup]) {
        self.provider = provider
        self.subscribers = subscribers
    }
}

/// One 837P transaction set (ST..SE).
public struct ClaimTransaction: Sendable, Hashable, Codable {
    /// BHT03 originator reference.
    public var reference: String
    /// BHT04 creation date.
    public var creationDate: CalendarDate
    /// BHT05 creation time (HHMM).
    public var creationTime: String
    /// 1000A.
    public var submitter: Submitter
    /// 1000B.
    public var receiver: Receiver
    /// 2000A groups.
    public var billingProviders: [BillingProviderGroup]

    /// Creates a transaction.
    public init(reference: String, creationDate: CalendarDate, creationTime: String, submitter: Submitter, receiver: Receiver,
                billingProviders: [BillingProviderGroup]) {
        self.reference = reference
        self.creationDate = creationDate
        self.creationTime = creationTime
        self.submitter = submitter
        self.receiver = receiver
        self.billingProviders = billingProviders
    }

    /// Every claim, in file order.
    public var claims: [Claim] { billingProviders.flatMap { $0.subscribers.flatMap(\.claims) } }
}

/// A whole 837P interchange: the envelope and its transaction sets (one functional group, `HC`).
public struct ClaimFile: Sendable, Hashable {
    /// ISA/GS settings.
    public var header: EnvelopeBuilder.Header
    /// One transaction set per payer (or one for all).
    public var transactions: [ClaimTransaction]

    /// Creates a file.
    public init(header: EnvelopeBuilder.Header, transactions: [ClaimTransaction]) {
        self.header = header
        self.transactions = transactions
    }
}
