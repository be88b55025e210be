import X12
import X12Claims

/// One claim of an 837P as `x12 claims` writes it: the envelope it came in, its billing provider, subscriber,
/// patient and payer, and the claim with its lines.
///
/// The keys it is written with are listed in <doc:ClaimRecords>; a test compares that list with what is written.
public struct ClaimRecord: Sendable, Hashable {
    /// The input file the claim was read from (`-` for standard input).
    public var file: String
    /// ISA13, GS06 and ST02.
    public var envelope: ClaimEnvelope
    /// 2000A/2010AA.
    public var billingProvider: BillingProvider
    /// 2000B/2010BA.
    public var subscriber: Subscriber
    /// 2000C/2010CA, or `nil` when the subscriber is the patient (SBR02 `18`).
    public var patient: Patient?
    /// 2010BB.
    public var payer: ClaimPayer
    /// 2300 and its 2400 lines.
    public var claim: Claim

    /// Creates a record.
    public init(file: String, envelope: ClaimEnvelope, billingProvider: BillingProvider, subscriber: Subscriber, patient: Patient?,
                payer: ClaimPayer, claim: Claim) {
        self.file = file
        self.envelope = envelope
        self.billingProvider = billingProvider
        self.subscriber = subscriber
        self.patient = patient
        self.payer = payer
        self.claim = claim
    }

    /// The records of every claim of a decoded file, in file order; `envelopes` are those of its transaction sets
    /// (``ClaimEnvelope/all(in:)``), one per transaction.
    public static func records(of file: ClaimFile, envelopes: [ClaimEnvelope], name: String) -> [ClaimRecord] {
        var records: [ClaimRecord] = []
        for (index, transaction) in file.transactions.enumerated() {
            let envelope = index < envelopes.count
                ? envelopes[index] : ClaimEnvelope(interchangeControlNumber: "", groupControlNumber: "", transactionSetControlNumber: "")
            for provider in transaction.billingProviders {
                for group in provider.subscribers {
                    for claim in group.claims {
                        records.append(ClaimRecord(file: name, envelope: envelope, billingProvider: provider.provider,
                                                   subscriber: group.subscriber, patient: group.patient, payer: group.payer, claim: claim))
                    }
                }
            }
        }
        return records
    }

    /// Decodes an 837P with `ClaimDecoder` and returns the records of its claims, in file order.
    ///
    /// - Throws: `X12Error` naming the segment and element when the file cannot be read as 837P claims.
    public static func read(_ bytes: [UInt8], name: String) throws(X12Error) -> [ClaimRecord] {
        let file = try ClaimDecoder.decode(bytes)
        let envelopes = try ClaimEnvelope.all(in: bytes)
        return records(of: file, envelopes: envelopes, name: name)
    }

    /// The patient's name: the 2010CA name, or the subscriber's when the subscriber is the patient.
    public var patientName: EntityName { patient?.name ?? subscriber.name }
    /// The patient's address.
    public var patientAddress: Address? { patient?.address ?? subscriber.address }
    /// The patient's birth date (DMG02), when sent.
    public var patientBirthDate: CalendarDate? {
        guard let patient else { return subscriber.dateOfBirth }
        // The decoder leaves year 1 when a 2010CA has no DMG.
        return patient.dateOfBirth.year == 1 ? nil : patient.dateOfBirth
    }
    /// The patient's sex (DMG03: `F`, `M`, `U`), when sent.
    public var patientSex: String? {
        guard let patient else { return subscriber.sex }
        return patient.sex.isEmpty ? nil : patient.sex
    }
    /// The patient's relationship to the subscriber: PAT01, or `18` (self).
    public var patientRelationship: String { patient?.relationshipCode ?? "18" }
}
