import Foundation
import X12

/// What a visit's claims share: the case's parties, diagnoses, authorization and rebill data, each checked
/// with every problem named (R2, R3, R8, R11, R13).
struct VisitContext {
    let visit: Visit
    let caseRecord: CaseRecord?
    let references: ReferenceIndex
    private(set) var warnings: [String] = []
    private(set) var diagnoses: [String] = []

    /// What the authorization rules (R4-R6) decided.
    enum Authorization {
        case none
        case send(String)
        case held(String)
    }

    /// The loops every claim of a group hangs under.
    struct Parties {
        var payerRecord: PayerRecord
        var billingProvider: BillingProvider
        var subscriber: Subscriber
        var payer: ClaimPayer
        var patient: Patient?
        var referring: ProviderReference?
        var rendering: ProviderReference?
        var facility: ServiceFacility?
    }

    init(visit: Visit, caseRecord: CaseRecord?, references: ReferenceIndex) {
        self.visit = visit
        self.caseRecord = caseRecord
        self.references = references
    }

    var patientRecord: PatientRecord? { caseRecord.flatMap { references.patients[$0.patientId] } }

    var placeOfService: String { caseRecord?.placeOfService ?? "11" }

    var payerClaimControlNumber: String? { visit.rebill?.payerClaimControlNumber.map(X12Text.normalized) }

    /// R10: the sum of the patient's payments for the visit, when positive.
    var patientAmountPaid: Decimal? {
        let total = (visit.patientPayments ?? []).reduce(Decimal(0)) { $0 + $1.amount }
        return total > 0 ? total : nil
    }

    /// Problems of the visit itself that stop every claim of the visit (the billing provider's included).
    mutating func visitProblems() -> [String] {
        var problems = references.billingProviderProblems
        if visit.id.count > 20 {
            problems.append("visit id '\(visit.id)' is \(visit.id.count) characters; CLM01 allows 20 here")
        }
        if visit.id.isEmpty || X12Text.normalized(visit.id) != visit.id {
            problems.append("visit id '\(visit.id)' must be upper-case letters, digits and basic punctuation")
        }
        if let delimiter = X12Text.delimiter(in: visit.id) { problems.append("visit id '\(visit.id)' contains the delimiter '\(delimiter)'") }
        let pos = placeOfService
        if pos.count != 2 || !pos.allSatisfy(\.isASCIIDigit) { problems.append("case placeOfService '\(pos)' is not a 2-digit code") }
        // Diagnoses: ICD-10-CM, sent without the dot.
        let entered = visit.diagnoses ?? []
        if entered.isEmpty { problems.append("visit has no diagnosis") }
        diagnoses = []
        for code in entered {
            if let normalized = ReferenceCodes.diagnosis(code) {
                diagnoses.append(normalized)
            } else {
                problems.append("diagnosis '\(code)' is not an ICD-10-CM code")
            }
        }
        // R11: corrected or void claims.
        if let rebill = visit.rebill {
            if rebill.frequency != "7" && rebill.frequency != "8" {
                problems.append("rebill frequency '\(rebill.frequency)' must be 7 (replacement) or 8 (void) (R11)")
            }
            let number = payerClaimControlNumber ?? ""
            if number.isEmpty {
                problems.append("rebill needs the payer's claim control number of the original claim (R11)")
            } else if let delimiter = X12Text.delimiter(in: number) {
                problems.append("payerClaimControlNumber '\(number)' contains the delimiter '\(delimiter)'")
            }
        }
        return problems
    }

    /// Problems of the case (patient, payer, subscriber, providers): the same for every visit of the case.
    func caseProblems() -> [String] {
        var problems: [String] = []
        guard let caseRecord else { return problems }
        guard let patient = patientRecord else {
            problems.append("patient '\(caseRecord.patientId)' does not exist")
            return problems
        }
        // R2: the patient's profile.
        checkName(patient.lastName, "patient \(patient.id): lastName", &problems)
        checkName(patient.firstName, "patient \(patient.id): firstName", &problems)
        if patient.dateOfBirth == nil { problems.append("patient \(patient.id): dateOfBirth is missing") }
        checkSex(patient.sex, "patient \(patient.id): sex", &problems)
        if primaryAddress(of: patient) == nil {
            problems.append("patient \(patient.id): no primary address")
        }
        // Payer.
        if caseRecord.payerId == nil { problems.append("case \(caseRecord.id) has no payer") }
        // Subscriber (M5: from the case).
        let subscriber = caseRecord.subscriber
        if subscriber == nil { problems.append("case \(caseRecord.id) has no subscriber") }
        let memberId = subscriber?.memberId ?? ""
        if memberId.isEmpty {
            problems.append("case \(caseRecord.id): subscriber memberId is missing")
        } else if let delimiter = X12Text.delimiter(in: memberId) {
            problems.append("case \(caseRecord.id): subscriber memberId '\(memberId)' contains the delimiter '\(delimiter)'")
        }
        if let group = subscriber?.groupNumber, let delimiter = X12Text.delimiter(in: group) {
            problems.append("case \(caseRecord.id): subscriber groupNumber '\(group)' contains the delimiter '\(delimiter)'")
        }
        let relationship = subscriber?.relationship ?? "self"
        if !["self", "spouse", "child", "other"].contains(relationship) {
            problems.append("case \(caseRecord.id): subscriber relationship '\(relationship)' must be self, spouse, child or other")
        }
        if relationship != "self" || subscriber?.lastName != nil {
            checkName(subscriber?.lastName, "case \(caseRecord.id): subscriber lastName", &problems)
            checkName(subscriber?.firstName, "case \(caseRecord.id): subscriber firstName", &problems)
        }
        if let middle = patient.middleName { checkName(middle, "patient \(patient.id): middleName", &problems) }
        // R3: rendering provider.
        if let id = caseRecord.renderingProviderId {
            if references.providers[id] == nil {
                problems.append("rendering provider '\(id)' is unknown (R3)")
            } else {
                problems += references.providerProblems[id] ?? []
            }
        }
        // R8: referring provider.
        if let id = caseRecord.referringProviderId {
            if references.referringProviders[id] == nil {
                problems.append("referring provider '\(id)' is unknown (R8)")
            } else {
                problems += references.referringProblems[id] ?? []
            }
        }
        return problems
    }

    /// R4-R6.
    func authorization() -> Authorization {
        guard let auth = caseRecord?.authorization, auth.required == true else { return .none }
        let number = X12Text.normalized(auth.number ?? "")
        if number.isEmpty { return .held("authorization: required but no number on file (R6)") }
        if number == "0000" { return .send(number) }
        let date = visit.dateOfService
        if let from = auth.effectiveFrom, date < from {
            return .held("authorization: \(number) is effective from \(from), after the date of service \(date) (R6)")
        }
        if let to = auth.effectiveTo, to < date {
            return .held("authorization: \(number) expired \(to), before the date of service \(date) (R6)")
        }
        return .send(number)
    }

    /// One service line: modifiers (with KX, R7; defaults, M4), units, pointers, line control number.
    mutating func line(for charge: Charge, index: Int, code: String, record: CodeRecord?, amount: Decimal, isDME: Bool,
                       payer: PayerRecord?, problems: inout [String]) -> LineDraft? {
        let label = "charge \(index + 1) (\(charge.code))"
        let count = problems.count
        var modifiers: [String] = []
        let entered = (charge.modifiers?.isEmpty == false ? charge.modifiers : record?.defaults?.modifiers) ?? []
        for raw in entered {
            let modifier = raw.trimmingSpaces.uppercased()
            if !ReferenceCodes.isModifier(modifier) {
                problems.append("\(label): modifier '\(raw)' is not 2 letters or digits")
            } else if modifiers.contains(modifier) {
                warnings.append("visit \(visit.id) \(label): duplicate modifier \(modifier) dropped")
            } else {
                modifiers.append(modifier)
            }
        }
        if modifiers.count > 4 {
            problems.append("\(label) has \(modifiers.count) modifiers; at most 4 are allowed")
        } else {
            problems += TherapyModifiers.apply(to: &modifiers, isTherapy: record?.therapy == true, isAssistant: charge.assistant == true,
                                               payer: payer, label: label)
        }
        if caseRecord?.kxModifier == true, !modifiers.contains("KX") {
            if modifiers.count < 4 {
                modifiers.append("KX")
            } else {
                warnings.append("visit \(visit.id) \(label): no room for KX (4 modifiers already) (R7)")
            }
        }
        let units = charge.units ?? record?.defaults?.units ?? 1
        if units <= 0 { problems.append("\(label): units must be positive") }
        if amount < 0 { problems.append("\(label): amount must not be negative") }
        var pointers = charge.diagnosisPointers ?? [1]
        if pointers.isEmpty { pointers = [1] }
        if pointers.count > 4 { problems.append("\(label) has \(pointers.count) diagnosis pointers; at most 4 are allowed") }
        let available = (visit.diagnoses ?? []).count
        for pointer in pointers where pointer < 1 || pointer > available {
            problems.append("\(label): diagnosis pointer \(pointer) but the visit has \(available) diagnoses")
        }
        if Set(pointers).count != pointers.count { problems.append("\(label): diagnosis pointers repeat") }
        var ordering: ProviderReference?
        if isDME {
            problems += DMELineRules.problems(modifiers: modifiers, label: label)
            ordering = orderingProvider(problems: &problems)
        }
        guard problems.count == count else { return nil }
        let line = ServiceLine(procedureCode: code, modifiers: modifiers, charge: amount, units: units, diagnosisPointers: pointers,
                               serviceDate: visit.dateOfService, lineControlNumber: "\(visit.id)-\(index + 1)", orderingProvider: ordering)
        return LineDraft(line: line, visitPointers: pointers)
    }

    /// R8/R13: the referring provider as the DME ordering provider, address lines cut to 32 characters.
    private func orderingProvider(problems: inout [String]) -> ProviderReference? {
        guard let id = caseRecord?.referringProviderId, let record = references.referringProviders[id] else {
            problems.append("DME lines need an ordering provider: case \(caseRecord?.id ?? visit.caseId) has no referring provider (R13)")
            return nil
        }
        var address: Address?
        if let entered = record.address {
            address = AddressCheck.check(entered, label: "referring provider \(id) address", requireNineDigitZip: false,
                                         forbidPostOfficeBox: false, truncateTo: 32, problems: &problems)
        }
        return ProviderReference(name: personName(last: record.lastName, first: record.firstName), npi: record.npi ?? "", address: address)
    }

    /// The billing provider, subscriber, payer, patient and claim-level providers of a therapy or DME claim.
    func parties(isDME: Bool, payer casePayer: PayerRecord?, problems: inout [String]) -> Parties? {
        guard let caseRecord, let patient = patientRecord else { return nil }
        let payerRecord: PayerRecord
        let billingProvider: BillingProvider
        if isDME {
            let decision = dmeRouting()
            problems += decision.problems
            guard let dme = decision.payer else { return nil }
            problems += ReferenceIndex.dmeProblems(of: dme)
            guard let provider = references.dmeBillingProvider(for: dme) else { return nil }
            payerRecord = dme
            billingProvider = provider
        } else {
            guard let casePayer, let provider = references.billingProvider else { return nil }
            payerRecord = casePayer
            billingProvider = provider
        }
        let payerId = payerRecord.payerId ?? ""
        if payerId.isEmpty { problems.append("payer \(payerRecord.id) has no payerId") }
        if let delimiter = X12Text.delimiter(in: payerId) { problems.append("payer \(payerRecord.id): payerId contains the delimiter '\(delimiter)'") }
        let filingCode = payerRecord.claimFilingCode ?? (isDME ? "MB" : "")
        if filingCode.isEmpty {
            problems.append("payer \(payerRecord.id) has no claimFilingCode")
        } else if let delimiter = X12Text.delimiter(in: filingCode) {
            problems.append("payer \(payerRecord.id): claimFilingCode '\(filingCode)' contains the delimiter '\(delimiter)'")
        }
        var payerAddress: Address?
        if let entered = payerRecord.address {
            payerAddress = AddressCheck.check(entered, label: "payer \(payerRecord.id) address", requireNineDigitZip: false,
                                              forbidPostOfficeBox: false, problems: &problems)
        }
        let ptan = isDME && payerRecord.sendPtan == true ? payerRecord.ptan.map(X12Text.normalized) : nil
        let payerName = X12Text.normalized(payerRecord.name)
        if let delimiter = X12Text.delimiter(in: payerName) {
            problems.append("payer \(payerRecord.id): name '\(payerName)' contains the delimiter '\(delimiter)'")
        }
        let payer = ClaimPayer(name: payerName, payerId: payerId, address: payerAddress,
                               billingProviderSecondaryId: ptan)

        // M5: the subscriber as recorded on the case.
        let entered = caseRecord.subscriber
        let relationship = entered?.relationship ?? "self"
        let isSelf = relationship == "self"
        let isMedicare = isDME || ["MA", "MB"].contains(filingCode)
        if isMedicare && !isSelf {
            problems.append("case \(caseRecord.id): the Medicare beneficiary must be the subscriber (relationship '\(relationship)')")
        }
        let patientAddress = primaryAddress(of: patient).flatMap { address in
            AddressCheck.check(address, label: "patient \(patient.id) primary address", requireNineDigitZip: false,
                               forbidPostOfficeBox: false, problems: &problems)
        }
        var subscriberAddress: Address?
        if let address = entered?.address {
            subscriberAddress = AddressCheck.check(address, label: "case \(caseRecord.id) subscriber address", requireNineDigitZip: false,
                                                   forbidPostOfficeBox: false, problems: &problems)
        } else if isSelf {
            subscriberAddress = patientAddress
        }
        let nameFromCase = !(entered?.lastName ?? "").isEmpty
        let subscriberName = nameFromCase
            ? personName(last: entered?.lastName, first: entered?.firstName, middle: entered?.middleName)
            : personName(last: patient.lastName, first: patient.firstName, middle: patient.middleName)
        // DMG carries birth date and sex together, so sex is only sent with a birth date.
        let subscriberBirth = entered?.dateOfBirth ?? (isSelf ? patient.dateOfBirth : nil)
        let subscriber = Subscriber(
            isPatient: isSelf, groupNumber: entered?.groupNumber.map(X12Text.normalized).flatMap { $0.isEmpty ? nil : $0 },
            claimFilingCode: filingCode, name: subscriberName, memberId: entered?.memberId ?? "",
            address: subscriberAddress, dateOfBirth: subscriberBirth,
            sex: subscriberBirth == nil ? nil : (entered?.sex ?? (isSelf ? patient.sex : nil))?.uppercased())
        if let sex = entered?.sex { checkSex(sex, "case \(caseRecord.id): subscriber sex", &problems) }
        var claimPatient: Patient?
        if !isSelf, let address = patientAddress, let birth = patient.dateOfBirth {
            let code = ["spouse": "01", "child": "19"][relationship] ?? "G8"
            claimPatient = Patient(relationshipCode: code, name: personName(last: patient.lastName, first: patient.firstName, middle: patient.middleName),
                                   address: address, dateOfBirth: birth, sex: (patient.sex ?? "U").uppercased())
        }

        var referring: ProviderReference?
        if let id = caseRecord.referringProviderId, let record = references.referringProviders[id] {
            referring = ProviderReference(name: personName(last: record.lastName, first: record.firstName), npi: record.npi ?? "")
        }
        var rendering: ProviderReference?
        if let id = caseRecord.renderingProviderId, let record = references.providers[id] {
            let npi = record.npi ?? ""
            let taxonomy = record.taxonomy.map { $0.uppercased() }.flatMap { $0.isEmpty ? nil : $0 }
            if let taxonomy, !ReferenceIndex.isTaxonomy(taxonomy) {
                problems.append("provider \(id): taxonomy '\(taxonomy)' is not a 10-character taxonomy code")
            }
            if billingProvider.name.isOrganization || billingProvider.npi != npi {
                rendering = ProviderReference(name: personName(last: record.lastName, first: record.firstName), npi: npi, taxonomy: taxonomy)
            }
        }
        var facility: ServiceFacility?
        if let id = caseRecord.facilityId, let record = references.facilities[id] {
            let name = X12Text.normalized(record.name ?? "")
            if name.isEmpty { problems.append("facility \(id): name is missing") }
            if let npi = record.npi, !npi.isEmpty, !NPI.isValid(npi) { problems.append("facility \(id): NPI \(npi) fails the NPI check digit") }
            if let address = AddressCheck.check(record.address, label: "facility \(id) address", requireNineDigitZip: true,
                                                forbidPostOfficeBox: false, problems: &problems),
               address != billingProvider.address {
                facility = ServiceFacility(name: name, npi: record.npi.flatMap { $0.isEmpty ? nil : $0 }, address: address)
            }
        }
        for (label, name) in [("referring provider", referring?.name), ("rendering provider", rendering?.name)] {
            for part in [name?.last ?? "", name?.first ?? ""] {
                if let delimiter = X12Text.delimiter(in: part) { problems.append("\(label) name '\(part)' contains the delimiter '\(delimiter)'") }
            }
        }
        return Parties(payerRecord: payerRecord, billingProvider: billingProvider, subscriber: subscriber, payer: payer,
                       patient: claimPatient, referring: referring, rendering: rendering, facility: facility)
    }

    /// D1: the DME payer of the case's DME charges.
    func dmeRouting() -> DMERouting.Decision {
        let state = patientRecord.flatMap { primaryAddress(of: $0)?.state }
        return DMERouting(dmePayers: references.dmePayers)
            .route(caseId: caseRecord?.id ?? visit.caseId, casePayer: caseRecord?.payerId.flatMap { references.payers[$0] }, patientState: state)
    }

    /// R9: the address flagged primary, or the only one.
    func primaryAddress(of patient: PatientRecord) -> BatchAddress? {
        let addresses = patient.addresses ?? []
        return addresses.first { $0.primary == true } ?? (addresses.count == 1 ? addresses.first : nil)
    }

    private func personName(last: String?, first: String?, middle: String? = nil) -> EntityName {
        func clean(_ value: String?) -> String? {
            let text = X12Text.normalized(value ?? "")
            return text.isEmpty ? nil : text
        }
        return .person(last: clean(last) ?? "", first: clean(first), middle: clean(middle))
    }

    private func checkName(_ value: String?, _ label: String, _ problems: inout [String]) {
        let text = X12Text.normalized(value ?? "")
        if text.isEmpty { problems.append("\(label) is missing") }
        if let delimiter = X12Text.delimiter(in: text) { problems.append("\(label) '\(text)' contains the delimiter '\(delimiter)'") }
    }

    private func checkSex(_ value: String?, _ label: String, _ problems: inout [String]) {
        guard let value, !value.isEmpty else {
            problems.append("\(label) is missing")
            return
        }
        if !["M", "F", "U"].contains(value.uppercased()) { problems.append("\(label) '\(value)' must be M, F or U") }
    }
}
