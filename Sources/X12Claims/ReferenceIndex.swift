import Foundation
import X12

/// The batch's reference data indexed by id, with the batch-wide checks done once: the billing provider
/// (2010AA), the DME payer setup (R13), provider NPIs and activity (R3, R8), PM system consistency (M1-M3).
struct ReferenceIndex: Sendable {
    let payers: [String: PayerRecord]
    let providers: [String: ProviderRecord]
    let referringProviders: [String: ReferringProviderRecord]
    let facilities: [String: FacilityRecord]
    let codes: [String: CodeRecord]
    let patients: [String: PatientRecord]
    let cases: [String: CaseRecord]
    let casesByPatient: [String: [CaseRecord]]

    /// The 2010AA loop, when the billing provider record is complete.
    let billingProvider: BillingProvider?
    /// What is wrong with the billing provider record (every visit becomes a billing exception).
    let billingProviderProblems: [String]
    /// The configured Medicare DME payers (kind `medicareDME`), in payer-list order.
    let dmePayers: [PayerRecord]
    /// Problems of each rendering provider, by id (inactive, NPI, duplicate NPI, PM mismatch).
    let providerProblems: [String: [String]]
    /// Problems of each referring provider, by id.
    let referringProblems: [String: [String]]
    /// Reference-data errors reported once per batch.
    let referenceErrors: [String]
    /// Reference-data warnings (M1).
    let warnings: [String]

    init(_ batch: BillingBatch) {
        payers = Dictionary(batch.payers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        providers = Dictionary(batch.providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        referringProviders = Dictionary(batch.referringProviders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        facilities = Dictionary(batch.facilities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        codes = Dictionary(batch.codes.map { ($0.code.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
        patients = Dictionary(batch.patients.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        cases = Dictionary(batch.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        casesByPatient = Dictionary(grouping: batch.cases, by: \.patientId)

        var errors: [String] = []
        var warnings: [String] = []

        // 2010AA billing provider.
        let record = batch.billingProvider
        var problems: [String] = []
        let name: EntityName?
        if let organization = record.organizationName.map(X12Text.normalized), !organization.isEmpty {
            name = .organization(organization)
        } else if let last = record.lastName.map(X12Text.normalized), !last.isEmpty {
            name = .person(last: last, first: record.firstName.map(X12Text.normalized).flatMap { $0.isEmpty ? nil : $0 })
        } else {
            name = nil
            problems.append("billing provider: organizationName (or lastName) is missing")
        }
        let npi = record.npi ?? ""
        if npi.isEmpty {
            problems.append("billing provider: npi is missing")
        } else if !NPI.isValid(npi) {
            problems.append("billing provider: NPI \(npi) fails the NPI check digit")
        }
        let taxId = record.taxId.flatMap(ReferenceCodes.taxId)
        if record.taxId == nil {
            problems.append("billing provider: taxId is missing")
        } else if taxId == nil {
            problems.append("billing provider: taxId '\(record.taxId ?? "")' is not 9 digits")
        }
        let address = AddressCheck.check(record.address, label: "billing provider address", requireNineDigitZip: true,
                                          forbidPostOfficeBox: true, problems: &problems)
        var payTo: Address?
        if let payToRecord = record.payToAddress {
            payTo = AddressCheck.check(payToRecord, label: "billing provider payToAddress", requireNineDigitZip: false,
                                       forbidPostOfficeBox: false, problems: &problems)
        }
        let taxonomy = record.taxonomy.flatMap { $0.isEmpty ? nil : $0.uppercased() }
        if let taxonomy, !Self.isTaxonomy(taxonomy) {
            problems.append("billing provider: taxonomy '\(taxonomy)' is not a 10-character taxonomy code")
        }
        for (label, value) in [("name", name?.last ?? ""), ("taxonomy", taxonomy ?? "")] {
            if let delimiter = X12Text.delimiter(in: value) {
                problems.append("billing provider: \(label) '\(value)' contains the delimiter '\(delimiter)'")
            }
        }
        if let name, let taxId, let address, problems.isEmpty {
            billingProvider = BillingProvider(name: name, npi: npi, taxId: taxId, taxonomy: taxonomy, address: address, payToAddress: payTo)
        } else {
            billingProvider = nil
        }
        billingProviderProblems = problems

        // R13 / D1: the Medicare DME payers, one per jurisdiction.
        dmePayers = batch.payers.filter { $0.resolvedKind == .medicareDME }

        // R3 / M3: rendering providers.
        var providerProblems: [String: [String]] = [:]
        var byNPI: [String: [String]] = [:]
        for provider in batch.providers {
            if let npi = provider.npi, !npi.isEmpty { byNPI[npi, default: []].append(provider.id) }
        }
        for (npi, ids) in byNPI.sorted(by: { $0.key < $1.key }) where ids.count > 1 {
            errors.append("providers \(ids.joined(separator: ", ")) share NPI \(npi)")
            for id in ids {
                providerProblems[id, default: []].append("provider \(id) shares NPI \(npi) with provider \(ids.filter { $0 != id }.joined(separator: ", "))")
            }
        }
        let pmProviders = Self.pmIndex(batch.pmSystem?.providers)
        for provider in batch.providers {
            var list = providerProblems[provider.id] ?? []
            if provider.active == false { list.append("provider \(provider.id) is inactive") }
            if let npi = provider.npi, !npi.isEmpty {
                if !NPI.isValid(npi) { list.append("provider \(provider.id): NPI \(npi) fails the NPI check digit") }
            } else {
                list.append("provider \(provider.id) has no NPI")
            }
            if (provider.lastName ?? "").isEmpty { list.append("provider \(provider.id) has no lastName") }
            if let problem = Self.pmMismatch(kind: "provider", id: provider.id, alternateId: provider.alternateId, npi: provider.npi,
                                             pm: pmProviders, listed: batch.pmSystem?.providers != nil) {
                list.append(problem)
                errors.append(problem)
            }
            if provider.alternateId == nil { warnings.append("provider \(provider.id) has no alternateId (M1)") }
            providerProblems[provider.id] = list
        }
        self.providerProblems = providerProblems

        // R8 / M2: referring providers.
        var referringProblems: [String: [String]] = [:]
        let pmReferring = Self.pmIndex(batch.pmSystem?.referringProviders)
        for referring in batch.referringProviders {
            var list: [String] = []
            if let npi = referring.npi, !npi.isEmpty {
                if !NPI.isValid(npi) { list.append("referring provider \(referring.id): NPI \(npi) fails the NPI check digit") }
            } else {
                list.append("referring provider \(referring.id) has no NPI")
            }
            if (referring.lastName ?? "").isEmpty { list.append("referring provider \(referring.id) has no lastName") }
            if let problem = Self.pmMismatch(kind: "referring provider", id: referring.id, alternateId: referring.alternateId,
                                             npi: referring.npi, pm: pmReferring, listed: batch.pmSystem?.referringProviders != nil) {
                list.append(problem)
                errors.append(problem)
            }
            referringProblems[referring.id] = list
        }
        self.referringProblems = referringProblems

        // M1: payers and facilities need the PM sequence number.
        for payer in batch.payers where payer.alternateId == nil && payer.resolvedKind != .selfPay {
            warnings.append("payer \(payer.id) has no alternateId (M1)")
        }
        let pmPayers = Self.pmIndex(batch.pmSystem?.payers)
        if batch.pmSystem?.payers != nil {
            for payer in batch.payers where payer.resolvedKind != .selfPay {
                if let alternateId = payer.alternateId, pmPayers[alternateId] == nil {
                    warnings.append("payer \(payer.id): alternate id \(alternateId) is not in the PM system's payer list (M1)")
                }
            }
        }
        for facility in batch.facilities where facility.alternateId == nil {
            warnings.append("facility \(facility.id) has no alternateId (M1)")
        }
        referenceErrors = errors
        self.warnings = warnings
    }

    /// R13: what is missing from a DME payer's setup (DME charges billed to it become billing exceptions).
    static func dmeProblems(of dme: PayerRecord) -> [String] {
        var problems: [String] = []
        if (dme.ptan ?? "").isEmpty { problems.append("DME payer \(dme.id) has no PTAN on file") }
        if let dmeNPI = dme.npi, !dmeNPI.isEmpty {
            if !NPI.isValid(dmeNPI) { problems.append("DME payer \(dme.id): NPI \(dmeNPI) fails the NPI check digit") }
        } else {
            problems.append("DME payer \(dme.id) has no NPI registered with the DME MAC")
        }
        if (dme.payerId ?? "").isEmpty { problems.append("DME payer \(dme.id) has no payerId") }
        return problems
    }

    /// The BillingProvider used on claims to a DME payer: the practice, billed under the NPI registered with that DME MAC.
    func dmeBillingProvider(for dme: PayerRecord) -> BillingProvider? {
        guard var provider = billingProvider, let npi = dme.npi, Self.dmeProblems(of: dme).isEmpty else { return nil }
        provider.npi = npi
        return provider
    }

    static func isTaxonomy(_ code: String) -> Bool {
        code.count == 10 && code.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
    }

    private static func pmIndex(_ records: [PMRecord]?) -> [String: PMRecord] {
        Dictionary((records ?? []).map { ($0.alternateId, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// M2/M3: the record must exist in the PM system under its alternate id with the same NPI.
    private static func pmMismatch(kind: String, id: String, alternateId: String?, npi: String?, pm: [String: PMRecord],
                                   listed: Bool) -> String? {
        guard listed else { return nil }
        guard let alternateId else { return "\(kind) \(id) has no alternateId, so it cannot be matched to the PM system" }
        guard let record = pm[alternateId] else { return "\(kind) \(id) (alternate id \(alternateId)) is not in the PM system" }
        if let pmNPI = record.npi, pmNPI != (npi ?? "") {
            return "\(kind) \(id) NPI \(npi ?? "none") differs from PM system record \(alternateId)"
                + (record.name.map { " (\($0))" } ?? "") + " NPI \(pmNPI)"
        }
        return nil
    }
}

/// Turns a batch address into an 837 address, naming every missing or malformed field.
enum AddressCheck {
    static func check(_ record: BatchAddress?, label: String, requireNineDigitZip: Bool, forbidPostOfficeBox: Bool,
                      truncateTo limit: Int? = nil, problems: inout [String]) -> Address? {
        guard let record else {
            problems.append("\(label) is missing")
            return nil
        }
        let count = problems.count
        func field(_ value: String?, _ name: String) -> String {
            var text = X12Text.normalized(value ?? "")
            if let limit, text.count > limit { text = String(text.prefix(limit)).trimmingSpaces }
            if text.isEmpty { problems.append("\(label): \(name) is missing") }
            if let delimiter = X12Text.delimiter(in: text) { problems.append("\(label): \(name) '\(text)' contains the delimiter '\(delimiter)'") }
            return text
        }
        let line1 = field(record.line1, "line1")
        var line2: String?
        if let second = record.line2, !second.isEmpty {
            line2 = field(second, "line2")
        }
        let city = field(record.city, "city")
        let state = (record.state ?? "").uppercased()
        if state.isEmpty {
            problems.append("\(label): state is missing")
        } else if !ReferenceCodes.states.contains(state) {
            problems.append("\(label): state '\(state)' is not a US state code")
        }
        var zip = ""
        if let raw = record.zip, !raw.isEmpty {
            if let digits = ReferenceCodes.zip(raw) {
                zip = digits
                if requireNineDigitZip && digits.count != 9 { problems.append("\(label): ZIP '\(raw)' must have 9 digits (ZIP+4)") }
            } else {
                problems.append("\(label): ZIP '\(raw)' is not 5 or 9 digits")
            }
        } else {
            problems.append("\(label): zip is missing")
        }
        if city.count == 1 { problems.append("\(label): city '\(city)' is shorter than 2 characters") }
        if forbidPostOfficeBox && (ReferenceCodes.isPostOfficeBox(line1) || ReferenceCodes.isPostOfficeBox(line2 ?? "")) {
            problems.append("\(label): a PO box is not allowed here (use payToAddress)")
        }
        guard problems.count == count else { return nil }
        return Address(line1: line1, line2: line2, city: city, state: state, zip: zip)
    }
}
