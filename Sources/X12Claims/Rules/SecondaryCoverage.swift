import Foundation

/// A case's secondary coverage, resolved against the payer list when the primary claim is built (`cases[].secondary`),
/// and kept with the claim (in the ledger) so that the secondary claim can be built later without the batch.
public struct SecondaryCoverage: Sendable, Hashable, Codable {
    /// The batch payer record id of the secondary payer.
    public var payerRecordId: String
    /// The secondary payer as it goes in 2010BB.
    public var payer: ClaimPayer
    /// The secondary coverage's subscriber (2010BA; SBR01 `S`).
    public var subscriber: Subscriber
    /// PAT01 when the secondary subscriber is not the patient (`01` spouse, `19` child, `G8` other).
    public var patientRelationshipCode: String?
    /// The payer takes the primary's adjudicated claims automatically (Medicare crossover): nothing is sent to it.
    public var crossover: Bool
    /// What is missing or wrong in the secondary coverage; a secondary claim is not built while this is not empty.
    public var problems: [String]

    /// Creates a resolved coverage.
    public init(payerRecordId: String, payer: ClaimPayer, subscriber: Subscriber, patientRelationshipCode: String?, crossover: Bool,
                problems: [String]) {
        self.payerRecordId = payerRecordId
        self.payer = payer
        self.subscriber = subscriber
        self.patientRelationshipCode = patientRelationshipCode
        self.crossover = crossover
        self.problems = problems
    }
}

/// Resolves `cases[].secondary` into a ``SecondaryCoverage``, naming every missing field (it never stops the
/// primary claim: the problems are reported when the secondary claim is asked for).
enum SecondaryCoverageRule {
    static func resolve(_ caseRecord: CaseRecord, patient: PatientRecord?, patientAddress: BatchAddress?,
                        references: ReferenceIndex) -> SecondaryCoverage? {
        guard let entered = caseRecord.secondary else { return nil }
        var problems: [String] = []
        let label = "case \(caseRecord.id) secondary"
        let payerRecord = entered.payerId.flatMap { references.payers[$0] }
        if entered.payerId == nil {
            problems.append("\(label): payerId is missing")
        } else if payerRecord == nil {
            problems.append("\(label): payer '\(entered.payerId ?? "")' does not exist")
        } else if entered.payerId == caseRecord.payerId {
            problems.append("\(label): the secondary payer is the case's own payer \(caseRecord.payerId ?? "")")
        }
        let payerId = X12Text.normalized(payerRecord?.payerId ?? "")
        if payerRecord != nil && payerId.isEmpty { problems.append("payer \(payerRecord?.id ?? ""): payerId is missing") }
        let filingCode = payerRecord?.claimFilingCode ?? ""
        if payerRecord != nil && filingCode.isEmpty { problems.append("payer \(payerRecord?.id ?? ""): claimFilingCode is missing") }
        if let payerRecord, payerRecord.resolvedKind != .insurance {
            problems.append("\(label): payer \(payerRecord.id) is a \(payerRecord.resolvedKind.rawValue) payer, not an insurer")
        }
        if ["MA", "MB"].contains(filingCode.uppercased()) {
            problems.append("\(label): Medicare as the secondary payer needs the MSP insurance type (SBR05), which the batch does not carry")
        }
        let subscriber = entered.subscriber
        if subscriber == nil { problems.append("\(label): subscriber is missing") }
        let memberId = X12Text.normalized(subscriber?.memberId ?? "")
        if memberId.isEmpty { problems.append("\(label): subscriber memberId is missing") }
        let relationship = subscriber?.relationship ?? "self"
        let isSelf = relationship == "self"
        if !["self", "spouse", "child", "other"].contains(relationship) {
            problems.append("\(label): subscriber relationship '\(relationship)' must be self, spouse, child or other")
        }
        func clean(_ value: String?) -> String? {
            let text = X12Text.normalized(value ?? "")
            return text.isEmpty ? nil : text
        }
        let last = clean(subscriber?.lastName) ?? (isSelf ? clean(patient?.lastName) : nil)
        if last == nil { problems.append("\(label): subscriber lastName is missing") }
        let first = clean(subscriber?.firstName) ?? (isSelf ? clean(patient?.firstName) : nil)
        let middle = clean(subscriber?.middleName) ?? (isSelf && subscriber?.lastName == nil ? clean(patient?.middleName) : nil)
        var address: Address?
        if let entered = subscriber?.address ?? (isSelf ? patientAddress : nil) {
            address = AddressCheck.check(entered, label: "\(label) subscriber address", requireNineDigitZip: false,
                                         forbidPostOfficeBox: false, problems: &problems)
        }
        let birth = subscriber?.dateOfBirth ?? (isSelf ? patient?.dateOfBirth : nil)
        let sex = (subscriber?.sex ?? (isSelf ? patient?.sex : nil))?.uppercased()
        for value in [payerId, memberId, subscriber?.groupNumber ?? "", last ?? "", first ?? ""] {
            if let delimiter = X12Text.delimiter(in: value) { problems.append("\(label): '\(value)' contains the delimiter '\(delimiter)'") }
        }
        let code = isSelf ? nil : (["spouse": "01", "child": "19"][relationship] ?? "G8")
        return SecondaryCoverage(
            payerRecordId: payerRecord?.id ?? entered.payerId ?? "",
            payer: ClaimPayer(name: X12Text.normalized(payerRecord?.name ?? ""), payerId: payerId),
            subscriber: Subscriber(responsibility: "S", isPatient: isSelf, groupNumber: clean(subscriber?.groupNumber), claimFilingCode: filingCode,
                                   name: .person(last: last ?? "", first: first, middle: middle), memberId: memberId, address: address,
                                   dateOfBirth: birth, sex: birth == nil ? nil : sex),
            patientRelationshipCode: code, crossover: payerRecord?.crossover == true, problems: VisitRouter.unique(problems))
    }
}
