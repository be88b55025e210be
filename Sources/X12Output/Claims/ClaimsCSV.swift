import X12Claims
import X12Remittance

/// The CSV layout of `x12 claims --format csv`: one row per service line, the claim's columns repeated on each
/// (a claim without lines gets one row with the line columns empty). Lists (diagnoses, modifiers, pointers)
/// are joined with `|`. Column order is stable; new columns are only ever added at the end. Each column is
/// described in <doc:ClaimRecords>.
public enum ClaimsCSV {
    /// The columns, in order.
    public static let columns = [
        "file", "interchangeControlNumber", "groupControlNumber", "transactionSetControlNumber",
        "billingProviderName", "billingProviderNpi", "billingProviderTaxId", "billingProviderTaxonomy",
        "subscriberMemberId", "subscriberLastName", "subscriberFirstName", "subscriberGroupNumber", "claimFilingCode",
        "payerResponsibility",
        "patientLastName", "patientFirstName", "patientDateOfBirth", "patientSex", "patientRelationship",
        "payerName", "payerId",
        "patientControlNumber", "totalCharge", "frequencyCode", "placeOfService", "diagnoses", "priorAuthorization",
        "payerClaimControlNumber", "referringProviderName", "referringProviderNpi", "renderingProviderName",
        "renderingProviderNpi",
        "lineNumber", "procedureCode", "modifiers", "units", "lineCharge", "diagnosisPointers", "serviceDate",
        "lineControlNumber", "serviceEndDate",
    ]

    /// The header line.
    public static var header: String { columns.joined(separator: ",") }

    /// Appends the rows of one claim, each ending in a line break.
    public static func appendRows(_ record: ClaimRecord, to output: inout [UInt8]) {
        let claim = record.claim
        var claimColumns = CSVFields()
        let fields: [String] = [
            record.file, record.envelope.interchangeControlNumber, record.envelope.groupControlNumber,
            record.envelope.transactionSetControlNumber,
            NameText.display(record.billingProvider.name), record.billingProvider.npi, record.billingProvider.taxId,
            record.billingProvider.taxonomy ?? "",
            record.subscriber.memberId, record.subscriber.name.last, record.subscriber.name.first ?? "",
            record.subscriber.groupNumber ?? "", record.subscriber.claimFilingCode, record.subscriber.responsibility,
            record.patientName.last, record.patientName.first ?? "", record.patientBirthDate?.description ?? "",
            record.patientSex ?? "", record.patientRelationship,
            record.payer.name, record.payer.payerId,
            claim.patientControlNumber, Money(claim.totalCharge).description, claim.frequencyCode, claim.placeOfService,
            claim.diagnoses.joined(separator: "|"), claim.priorAuthorization ?? "", claim.payerClaimControlNumber ?? "",
            claim.referringProvider.map { NameText.display($0.name) } ?? "", claim.referringProvider?.npi ?? "",
            claim.renderingProvider.map { NameText.display($0.name) } ?? "", claim.renderingProvider?.npi ?? "",
        ]
        for field in fields { claimColumns.add(field) }
        for (index, line) in claim.lines.enumerated() {
            var row = CSVFields()
            row.add(claimColumns)
            row.add(String(index + 1))
            row.add(line.procedureCode)
            row.add(line.modifiers.joined(separator: "|"))
            row.add(line.units.description)
            row.add(Money(line.charge).description)
            row.add(line.diagnosisPointers.map(String.init).joined(separator: "|"))
            row.add(line.serviceDate.description)
            row.add(line.lineControlNumber)
            row.add(line.serviceEndDate?.description ?? "")
            row.end(into: &output)
        }
        if claim.lines.isEmpty {
            var row = claimColumns
            row.addEmpty(9)
            row.end(into: &output)
        }
    }
}
