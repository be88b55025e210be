import X12Claims
import X12Remittance

/// The 837P → CMS-1500 (02/12) crosswalk: which claim value fills which item, after the NUCC 1500 Claim Form
/// ↔ 837P crosswalk. The table of items, loops and rules is in <doc:CMS1500Boxes>.
///
/// Only values the claim model holds are filled; items whose 837P data the model does not keep (accident
/// indicators, signatures, other-insured loops...) stay empty rather than guessed.
public enum CMS1500Crosswalk {
    /// The pages of one claim: six lines a page, totals on the last.
    public static func pages(for record: ClaimRecord) -> [CMS1500Page] {
        let claim = record.claim
        let values = claimValues(record)
        let lines = claim.lines.map { lineValues($0, record: record) }
        let chunks = stride(from: 0, to: max(lines.count, 1), by: CMS1500Page.linesPerPage).map {
            Array(lines[min($0, lines.count)..<min($0 + CMS1500Page.linesPerPage, lines.count)])
        }
        return chunks.enumerated().map { index, chunk in
            var page = values
            if index == chunks.count - 1 {
                page["28"] = Money(claim.totalCharge).description
                if let paid = claim.patientAmountPaid { page["29"] = Money(paid).description }
            }
            return CMS1500Page(claimId: claim.patientControlNumber, pageNumber: index + 1, pageCount: chunks.count,
                               values: page, lines: chunk)
        }
    }

    /// Item 1: the program box checked for an SBR09 claim filing indicator.
    public static func insuranceType(_ claimFilingCode: String) -> String {
        switch claimFilingCode {
        case "MA", "MB": return "MEDICARE"
        case "MC": return "MEDICAID"
        case "CH": return "TRICARE"
        case "VA": return "CHAMPVA"
        case "BL", "CI", "HM", "12", "13", "14", "15", "16", "17", "DS", "EPO", "HMO", "LM", "PPO", "POS": return "GROUP"
        case "FI": return "FECA"
        default: return "OTHER"
        }
    }

    /// Item 6: the relationship box checked for PAT01 (`18` when the subscriber is the patient).
    public static func relationship(_ code: String) -> String {
        switch code {
        case "18": return "SELF"
        case "01": return "SPOUSE"
        case "19": return "CHILD"
        default: return "OTHER"
        }
    }

    /// Items 21 and 24E: the letter of a 1-based diagnosis position (1 → `A` ... 12 → `L`).
    public static func diagnosisLetter(_ position: Int) -> String? {
        guard (1...12).contains(position) else { return nil }
        return String(Character(Unicode.Scalar(UInt8(64 + position))))
    }

    private static func claimValues(_ record: ClaimRecord) -> [String: String] {
        let claim = record.claim
        let subscriber = record.subscriber
        let provider = record.billingProvider
        var values: [String: String] = [:]
        func set(_ item: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            values[item] = value
        }
        set("carrier", record.payer.name)
        if let address = record.payer.address {
            set("carrier.street", NameText.street(address))
            set("carrier.city", NameText.cityLine(address))
        }
        set("1", insuranceType(subscriber.claimFilingCode))
        set("1a", subscriber.memberId)
        set("2", NameText.form(record.patientName))
        set("3", record.patientBirthDate.map(FormDate.long))
        set("3.sex", record.patientSex.flatMap { $0 == "M" || $0 == "F" ? $0 : nil })
        set("4", NameText.form(subscriber.name))
        if let address = record.patientAddress {
            set("5", NameText.street(address))
            set("5.city", address.city)
            set("5.state", address.state)
            set("5.zip", NameText.zip(address.zip))
        }
        set("6", relationship(record.patientRelationship))
        if let address = subscriber.address {
            set("7", NameText.street(address))
            set("7.city", address.city)
            set("7.state", address.state)
            set("7.zip", NameText.zip(address.zip))
        }
        set("11", subscriber.groupNumber)
        set("11a", subscriber.dateOfBirth.map(FormDate.long))
        set("11a.sex", subscriber.sex.flatMap { $0 == "M" || $0 == "F" ? $0 : nil })
        if let onset = claim.onsetDate {
            set("14", FormDate.short(onset))
            set("14.qual", "431")
        }
        if let referring = claim.referringProvider {
            set("17.qual", "DN")
            set("17", NameText.form(referring.name))
            set("17b", referring.npi)
        }
        if !claim.diagnoses.isEmpty { set("21.ind", "0") }
        for (index, code) in claim.diagnoses.prefix(12).enumerated() {
            if let letter = diagnosisLetter(index + 1) { set("21" + letter, code) }
        }
        if claim.frequencyCode == "7" || claim.frequencyCode == "8" {
            set("22", claim.frequencyCode)
            set("22.original", claim.payerClaimControlNumber)
        }
        set("23", claim.priorAuthorization)
        set("25", provider.taxId)
        set("26", claim.patientControlNumber)
        if let facility = claim.serviceFacility {
            set("32", facility.name)
            set("32.street", NameText.street(facility.address))
            set("32.city", NameText.cityLine(facility.address))
            set("32a", facility.npi)
        }
        set("33", NameText.display(provider.name))
        set("33.street", NameText.street(provider.address))
        set("33.city", NameText.cityLine(provider.address))
        set("33a", provider.npi)
        set("33b", record.payer.billingProviderSecondaryId.map { "G2" + $0 })
        return values
    }

    private static func lineValues(_ line: ServiceLine, record: ClaimRecord) -> [String: String] {
        var values: [String: String] = [
            "24A": FormDate.short(line.serviceDate),
            "24A.to": FormDate.short(line.serviceEndDate ?? line.serviceDate),
            "24B": record.claim.placeOfService,
            "24D": line.procedureCode,
            "24F": Money(line.charge).description,
            "24G": line.units.description,
        ]
        if !line.modifiers.isEmpty { values["24D.modifiers"] = line.modifiers.joined(separator: " ") }
        let pointers = line.diagnosisPointers.compactMap(diagnosisLetter).joined()
        if !pointers.isEmpty { values["24E"] = pointers }
        if let rendering = record.claim.renderingProvider { values["24J"] = rendering.npi }
        return values
    }
}
