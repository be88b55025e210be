import Foundation

// Maps parsed JSON onto the batch records. Required fields throw when missing; optional ones are nil when absent
// or null; a value of the wrong type names its path. Unknown fields are ignored.

extension BillingBatch {
    init(json: JSONObject) throws(BatchError) {
        interchange = try InterchangeSettings(json: json.object("interchange"))
        submitter = try SubmitterRecord(json: json.object("submitter"))
        receiver = try ReceiverRecord(json: json.object("receiver"))
        billingProvider = try BillingProviderRecord(json: json.object("billingProvider"))
        payers = try json.optionalArray("payers", PayerRecord.init(json:)) ?? []
        providers = try json.optionalArray("providers", ProviderRecord.init(json:)) ?? []
        referringProviders = try json.optionalArray("referringProviders", ReferringProviderRecord.init(json:)) ?? []
        facilities = try json.optionalArray("facilities", FacilityRecord.init(json:)) ?? []
        codes = try json.optionalArray("codes", CodeRecord.init(json:)) ?? []
        pmSystem = try json.optionalObject("pmSystem").map { (object: JSONObject) throws(BatchError) in try PMSystemRecord(json: object) }
        patients = try json.optionalArray("patients", PatientRecord.init(json:)) ?? []
        cases = try json.optionalArray("cases", CaseRecord.init(json:)) ?? []
        visits = try json.optionalArray("visits", Visit.init(json:)) ?? []
    }
}

extension BatchAddress {
    init(json: JSONObject) throws(BatchError) {
        primary = try json.optionalBool("primary")
        line1 = try json.optionalString("line1")
        line2 = try json.optionalString("line2")
        city = try json.optionalString("city")
        state = try json.optionalString("state")
        zip = try json.optionalString("zip")
    }

    static func optional(_ json: JSONObject, _ key: String) throws(BatchError) -> BatchAddress? {
        guard let object = try json.optionalObject(key) else { return nil }
        return try BatchAddress(json: object)
    }
}

extension InterchangeSettings {
    init(json: JSONObject) throws(BatchError) {
        senderQualifier = try json.optionalString("senderQualifier")
        senderId = try json.string("senderId")
        receiverQualifier = try json.optionalString("receiverQualifier")
        receiverId = try json.string("receiverId")
        usage = try json.optionalString("usage")
        controlNumber = try json.optionalInt("controlNumber")
        date = try json.optionalString("date")
    }
}

extension SubmitterRecord {
    init(json: JSONObject) throws(BatchError) {
        name = try json.string("name")
        id = try json.string("id")
        if let contact = try json.optionalObject("contact") {
            self.contact = ContactRecord(name: try contact.optionalString("name"), phone: try contact.optionalString("phone"),
                                         email: try contact.optionalString("email"))
        } else {
            contact = nil
        }
    }
}

extension ReceiverRecord {
    init(json: JSONObject) throws(BatchError) {
        name = try json.string("name")
        id = try json.string("id")
    }
}

extension BillingProviderRecord {
    init(json: JSONObject) throws(BatchError) {
        organizationName = try json.optionalString("organizationName")
        firstName = try json.optionalString("firstName")
        lastName = try json.optionalString("lastName")
        npi = try json.optionalString("npi")
        taxId = try json.optionalString("taxId")
        taxonomy = try json.optionalString("taxonomy")
        address = try BatchAddress.optional(json, "address")
        payToAddress = try BatchAddress.optional(json, "payToAddress")
        alternateId = try json.optionalString("alternateId")
    }
}

extension PayerRecord {
    init(json: JSONObject) throws(BatchError) {
        id = try json.string("id")
        name = try json.string("name")
        payerId = try json.optionalString("payerId")
        claimFilingCode = try json.optionalString("claimFilingCode")
        if let text = try json.optionalString("kind") {
            guard let kind = PayerKind(rawValue: text) else {
                throw BatchError(path: json.child("kind"), "'\(text)' must be insurance, medicareDME or selfPay")
            }
            self.kind = kind
        } else {
            kind = nil
        }
        alternateId = try json.optionalString("alternateId")
        ptan = try json.optionalString("ptan")
        npi = try json.optionalString("npi")
        sendPtan = try json.optionalBool("sendPtan")
        address = try BatchAddress.optional(json, "address")
        therapyModifier = try json.optionalString("therapyModifier")
        assistantModifier = try json.optionalString("assistantModifier")
        crossover = try json.optionalBool("crossover")
        jurisdiction = try json.optionalString("jurisdiction")
        states = try json.optionalStrings("states")
    }
}

extension ProviderRecord {
    init(json: JSONObject) throws(BatchError) {
        id = try json.string("id")
        firstName = try json.optionalString("firstName")
        lastName = try json.optionalString("lastName")
        npi = try json.optionalString("npi")
        taxonomy = try json.optionalString("taxonomy")
        active = try json.optionalBool("active")
        alternateId = try json.optionalString("alternateId")
    }
}

extension ReferringProviderRecord {
    init(json: JSONObject) throws(BatchError) {
        id = try json.string("id")
        firstName = try json.optionalString("firstName")
        lastName = try json.optionalString("lastName")
        npi = try json.optionalString("npi")
        address = try BatchAddress.optional(json, "address")
        alternateId = try json.optionalString("alternateId")
    }
}

extension FacilityRecord {
    init(json: JSONObject) throws(BatchError) {
        id = try json.string("id")
        name = try json.optionalString("name")
        npi = try json.optionalString("npi")
        address = try BatchAddress.optional(json, "address")
        alternateId = try json.optionalString("alternateId")
    }
}

extension CodeRecord {
    init(json: JSONObject) throws(BatchError) {
        code = try json.string("code")
        description = try json.optionalString("description")
        dme = try json.optionalBool("dme")
        therapy = try json.optionalBool("therapy")
        custom = try json.optionalBool("custom")
        mapsTo = try json.optionalString("mapsTo")
        amount = try json.optionalMoney("amount")
        if let defaults = try json.optionalObject("defaults") {
            self.defaults = CodeDefaults(modifiers: try defaults.optionalStrings("modifiers"),
                                         revenueCode: try defaults.optionalString("revenueCode"),
                                         units: try defaults.optionalDecimal("units"))
        } else {
            defaults = nil
        }
    }
}

extension PMSystemRecord {
    init(json: JSONObject) throws(BatchError) {
        providers = try json.optionalArray("providers", PMRecord.init(json:))
        referringProviders = try json.optionalArray("referringProviders", PMRecord.init(json:))
        payers = try json.optionalArray("payers", PMRecord.init(json:))
    }
}

extension PMRecord {
    init(json: JSONObject) throws(BatchError) {
        alternateId = try json.string("alternateId")
        npi = try json.optionalString("npi")
        name = try json.optionalString("name")
    }
}

extension PatientRecord {
    init(json: JSONObject) throws(BatchError) {
        id = try json.string("id")
        firstName = try json.optionalString("firstName")
        lastName = try json.optionalString("lastName")
        middleName = try json.optionalString("middleName")
        dateOfBirth = try json.optionalDate("dateOfBirth")
        sex = try json.optionalString("sex")
        addresses = try json.optionalArray("addresses", BatchAddress.init(json:))
        phones = try json.optionalArray("phones") { (phone: JSONObject) throws(BatchError) in
            BatchPhone(primary: try phone.optionalBool("primary"), number: try phone.optionalString("number"))
        }
    }
}

extension CaseRecord {
    init(json: JSONObject) throws(BatchError) {
        id = try json.string("id")
        patientId = try json.string("patientId")
        payerId = try json.optionalString("payerId")
        startDate = try json.optionalDate("startDate")
        endDate = try json.optionalDate("endDate")
        subscriber = try SubscriberRecord.optional(json, "subscriber")
        if let secondary = try json.optionalObject("secondary") {
            self.secondary = SecondaryCoverageRecord(payerId: try secondary.optionalString("payerId"),
                                                     subscriber: try SubscriberRecord.optional(secondary, "subscriber"))
        } else {
            secondary = nil
        }
        if let authorization = try json.optionalObject("authorization") {
            self.authorization = AuthorizationRecord(
                required: try authorization.optionalBool("required"), number: try authorization.optionalString("number"),
                effectiveFrom: try authorization.optionalDate("effectiveFrom"), effectiveTo: try authorization.optionalDate("effectiveTo"))
        } else {
            authorization = nil
        }
        kxModifier = try json.optionalBool("kxModifier")
        referringProviderId = try json.optionalString("referringProviderId")
        renderingProviderId = try json.optionalString("renderingProviderId")
        facilityId = try json.optionalString("facilityId")
        dme = try json.optionalBool("dme")
        onsetDate = try json.optionalDate("onsetDate")
        placeOfService = try json.optionalString("placeOfService")
    }
}

extension SubscriberRecord {
    static func optional(_ json: JSONObject, _ key: String) throws(BatchError) -> SubscriberRecord? {
        guard let subscriber = try json.optionalObject(key) else { return nil }
        return SubscriberRecord(
            relationship: try subscriber.optionalString("relationship"), memberId: try subscriber.optionalString("memberId"),
            groupNumber: try subscriber.optionalString("groupNumber"), firstName: try subscriber.optionalString("firstName"),
            lastName: try subscriber.optionalString("lastName"), middleName: try subscriber.optionalString("middleName"),
            dateOfBirth: try subscriber.optionalDate("dateOfBirth"), sex: try subscriber.optionalString("sex"),
            address: try BatchAddress.optional(subscriber, "address"))
    }
}

extension Visit {
    init(json: JSONObject) throws(BatchError) {
        id = try json.string("id")
        caseId = try json.string("caseId")
        dateOfService = try json.date("dateOfService")
        diagnoses = try json.optionalStrings("diagnoses")
        doNotBill = try json.optionalBool("doNotBill")
        guard let charges = try json.optionalArray("charges", Charge.init(json:)) else {
            throw BatchError(path: json.child("charges"), "required field 'charges' is missing")
        }
        self.charges = charges
        patientPayments = try json.optionalArray("patientPayments") { (payment: JSONObject) throws(BatchError) in
            PatientPayment(amount: try payment.money("amount"), kind: try payment.optionalString("kind"))
        }
        if let rebill = try json.optionalObject("rebill") {
            self.rebill = Rebill(frequency: try rebill.string("frequency"),
                                 payerClaimControlNumber: try rebill.optionalString("payerClaimControlNumber"))
        } else {
            rebill = nil
        }
    }
}

extension Charge {
    init(json: JSONObject) throws(BatchError) {
        code = try json.string("code")
        modifiers = try json.optionalStrings("modifiers")
        units = try json.optionalDecimal("units")
        amount = try json.optionalMoney("amount")
        diagnosisPointers = try json.optionalInts("diagnosisPointers")
        doNotBill = try json.optionalBool("doNotBill")
        assistant = try json.optionalBool("assistant")
    }
}
