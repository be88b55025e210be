import Foundation

/// A billing batch: the practice's reference data and the finalized visits to bill (the `x12 generate` input).
///
/// Field names are the contract documented in the X12Claims documentation catalog. Decoding checks the shape and the reference data's
/// own consistency; whether each visit can be billed is ``ClaimBuilder``'s job.
public struct BillingBatch: Sendable, Hashable {
    /// ISA/GS settings.
    public var interchange: InterchangeSettings
    /// 1000A.
    public var submitter: SubmitterRecord
    /// 1000B.
    public var receiver: ReceiverRecord
    /// 2010AA.
    public var billingProvider: BillingProviderRecord
    /// Payer list.
    public var payers: [PayerRecord]
    /// Rendering providers.
    public var providers: [ProviderRecord]
    /// Referring/ordering physicians.
    public var referringProviders: [ReferringProviderRecord]
    /// Service facilities.
    public var facilities: [FacilityRecord]
    /// Code table.
    public var codes: [CodeRecord]
    /// The PM/clearinghouse system's lists (M1-M3).
    public var pmSystem: PMSystemRecord?
    /// Patients.
    public var patients: [PatientRecord]
    /// Cases.
    public var cases: [CaseRecord]
    /// Finalized visits.
    public var visits: [Visit]

    /// Decodes and checks a batch.
    ///
    /// - Throws: ``BatchError`` naming the JSON path of the first problem: invalid JSON, a missing required field,
    ///   a value of the wrong type, a duplicate id, or a case pointing at a patient, payer or facility that does not exist.
    public static func decode(from data: Data) throws(BatchError) -> BillingBatch {
        let root = try JSONObject(JSONParser.parse(data), path: "")
        let batch = try BillingBatch(json: root)
        try batch.checkReferences()
        return batch
    }

    /// Checks the reference data: unique ids and cases whose patient, payer and facility exist.
    func checkReferences() throws(BatchError) {
        if let date = interchange.date, InterchangeSettings.parseDate(date) == nil {
            throw BatchError(path: "interchange.date", "'\(date)' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM")
        }
        if let number = interchange.controlNumber, !(1...999_999_999).contains(number) {
            throw BatchError(path: "interchange.controlNumber", "\(number) must be between 1 and 999999999")
        }
        if let usage = interchange.usage, usage != "T", usage != "P" {
            throw BatchError(path: "interchange.usage", "'\(usage)' must be T (test) or P (production)")
        }
        let phoneDigits = submitter.contact?.phone?.filter(\.isASCIIDigit) ?? ""
        if phoneDigits.isEmpty && (submitter.contact?.email ?? "").isEmpty {
            throw BatchError(path: "submitter.contact", "a phone or email is required (1000A PER)")
        }
        if let email = submitter.contact?.email, email.contains(where: { "*:^~".contains($0) }) {
            throw BatchError(path: "submitter.contact.email", "'\(email)' contains a delimiter character (* : ^ ~)")
        }
        for (path, value) in [("submitter.id", submitter.id), ("receiver.id", receiver.id)] {
            if let delimiter = X12Text.delimiter(in: value) {
                throw BatchError(path: path, "'\(value)' contains the delimiter '\(delimiter)'")
            }
        }
        for (field, value, width) in [("senderId", interchange.senderId, 15), ("receiverId", interchange.receiverId, 15)]
            where value.isEmpty || value.utf8.count > width {
            throw BatchError(path: "interchange.\(field)", "'\(value)' must have 1 to \(width) characters")
        }
        try Self.unique(payers.map(\.id), list: "payers", field: "id")
        try Self.unique(providers.map(\.id), list: "providers", field: "id")
        try Self.unique(referringProviders.map(\.id), list: "referringProviders", field: "id")
        try Self.unique(facilities.map(\.id), list: "facilities", field: "id")
        try Self.unique(codes.map(\.code), list: "codes", field: "code")
        try Self.unique(patients.map(\.id), list: "patients", field: "id")
        try Self.unique(cases.map(\.id), list: "cases", field: "id")
        try Self.unique(visits.map(\.id), list: "visits", field: "id")
        let patientIds = Set(patients.map(\.id))
        let payerIds = Set(payers.map(\.id))
        let facilityIds = Set(facilities.map(\.id))
        for (index, record) in cases.enumerated() {
            if !patientIds.contains(record.patientId) {
                throw BatchError(path: "cases[\(index)].patientId", "no patient has id '\(record.patientId)'")
            }
            if let payerId = record.payerId, !payerIds.contains(payerId) {
                throw BatchError(path: "cases[\(index)].payerId", "no payer has id '\(payerId)'")
            }
            if let facilityId = record.facilityId, !facilityIds.contains(facilityId) {
                throw BatchError(path: "cases[\(index)].facilityId", "no facility has id '\(facilityId)'")
            }
        }
    }

    private static func unique(_ ids: [String], list: String, field: String) throws(BatchError) {
        var seen: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if let first = seen[id] {
                throw BatchError(path: "\(list)[\(index)].\(field)", "'\(id)' is already used by \(list)[\(first)]")
            }
            seen[id] = index
        }
    }
}
