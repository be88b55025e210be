import X12Claims
import X12Remittance

// The JSON form of a claim record (`x12 claims --format json|ndjson`). Keys are listed, with their
// meaning, in the ClaimRecords article; amounts are strings with two decimals (`X12Remittance.Money`),
// dates `YYYY-MM-DD` (`CalendarDate`). Optional keys are left out when the 837P has no value.

extension ClaimRecord: JSONWritable {
    /// Writes the record as one JSON object.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("file"); json.string(file)
        json.key("interchangeControlNumber"); json.string(envelope.interchangeControlNumber)
        json.key("groupControlNumber"); json.string(envelope.groupControlNumber)
        json.key("transactionSetControlNumber"); json.string(envelope.transactionSetControlNumber)

        json.key("billingProvider")
        json.beginObject()
        json.key("name"); json.string(NameText.display(billingProvider.name))
        json.key("npi"); json.string(billingProvider.npi)
        json.key("taxId"); json.string(billingProvider.taxId)
        json.field("taxonomy", billingProvider.taxonomy)
        json.key("address"); Self.write(billingProvider.address, to: &json)
        if let payTo = billingProvider.payToAddress { json.key("payToAddress"); Self.write(payTo, to: &json) }
        json.endObject()

        json.key("subscriber")
        json.beginObject()
        json.key("memberId"); json.string(subscriber.memberId)
        Self.writeName(subscriber.name, to: &json)
        json.key("responsibility"); json.string(subscriber.responsibility)
        json.field("groupNumber", subscriber.groupNumber)
        json.key("claimFilingCode"); json.string(subscriber.claimFilingCode)
        json.field("dateOfBirth", subscriber.dateOfBirth?.description)
        json.field("sex", subscriber.sex)
        if let address = subscriber.address { json.key("address"); Self.write(address, to: &json) }
        json.endObject()

        json.key("patient")
        json.beginObject()
        json.key("relationship"); json.string(patientRelationship)
        Self.writeName(patientName, to: &json)
        json.field("dateOfBirth", patientBirthDate?.description)
        json.field("sex", patientSex)
        if let address = patientAddress { json.key("address"); Self.write(address, to: &json) }
        json.endObject()

        json.key("payer")
        json.beginObject()
        json.key("name"); json.string(payer.name)
        json.key("payerId"); json.string(payer.payerId)
        json.field("billingProviderSecondaryId", payer.billingProviderSecondaryId)
        json.endObject()

        json.key("patientControlNumber"); json.string(claim.patientControlNumber)
        json.key("totalCharge"); json.string(Money(claim.totalCharge).description)
        json.key("frequencyCode"); json.string(claim.frequencyCode)
        json.key("placeOfService"); json.string(claim.placeOfService)
        json.key("diagnoses"); json.array(claim.diagnoses)
        json.field("priorAuthorization", claim.priorAuthorization)
        json.field("payerClaimControlNumber", claim.payerClaimControlNumber)
        json.field("onsetDate", claim.onsetDate?.description)
        json.field("patientAmountPaid", claim.patientAmountPaid.map { Money($0).description })
        if let referring = claim.referringProvider { json.key("referringProvider"); Self.write(referring, to: &json) }
        if let rendering = claim.renderingProvider { json.key("renderingProvider"); Self.write(rendering, to: &json) }
        if let facility = claim.serviceFacility {
            json.key("serviceFacility")
            json.beginObject()
            json.key("name"); json.string(facility.name)
            json.field("npi", facility.npi)
            json.key("address"); Self.write(facility.address, to: &json)
            json.endObject()
        }
        if !claim.otherPayers.isEmpty {
            json.key("otherPayers")
            json.beginArray()
            for payer in claim.otherPayers { Self.write(payer, to: &json) }
            json.endArray()
        }

        json.key("lines")
        json.beginArray()
        for (index, line) in claim.lines.enumerated() {
            json.beginObject()
            json.key("lineNumber"); json.number(index + 1)
            json.key("procedureCode"); json.string(line.procedureCode)
            json.key("modifiers"); json.array(line.modifiers)
            json.key("units"); json.string(line.units.description)
            json.key("charge"); json.string(Money(line.charge).description)
            json.key("diagnosisPointers")
            json.beginArray()
            for pointer in line.diagnosisPointers { json.number(pointer) }
            json.endArray()
            json.key("serviceDate"); json.string(line.serviceDate.description)
            json.field("serviceEndDate", line.serviceEndDate?.description)
            json.field("lineControlNumber", line.lineControlNumber.isEmpty ? nil : line.lineControlNumber)
            if let ordering = line.orderingProvider { json.key("orderingProvider"); Self.write(ordering, to: &json) }
            if !line.adjudications.isEmpty {
                json.key("adjudications")
                json.beginArray()
                for adjudication in line.adjudications { Self.write(adjudication, to: &json) }
                json.endArray()
            }
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// 2320/2330B: another payer's adjudication of the claim (on a secondary claim, the primary's).
    private static func write(_ payer: OtherPayer, to json: inout JSONWriter) {
        json.beginObject()
        json.key("payerName"); json.string(payer.payerName)
        json.key("payerId"); json.string(payer.payerId)
        json.key("responsibility"); json.string(payer.responsibility)
        json.key("claimFilingCode"); json.string(payer.claimFilingCode)
        json.field("paidAmount", payer.paidAmount.map { Money($0).description })
        json.field("remainingPatientLiability", payer.remainingPatientLiability.map { Money($0).description })
        json.field("adjudicationDate", payer.adjudicationDate?.description)
        json.field("claimControlNumber", payer.claimControlNumber)
        json.key("adjustments"); Self.write(payer.adjustments, to: &json)
        json.endObject()
    }

    /// 2430: another payer's adjudication of one line.
    private static func write(_ adjudication: LineAdjudication, to json: inout JSONWriter) {
        json.beginObject()
        json.key("payerId"); json.string(adjudication.otherPayerId)
        json.key("paidAmount"); json.string(Money(adjudication.paidAmount).description)
        json.key("adjudicationDate"); json.string(adjudication.adjudicationDate.description)
        json.key("adjustments"); Self.write(adjudication.adjustments, to: &json)
        json.endObject()
    }

    /// CAS groups flattened to one entry per reason: `{group, reason, amount}`.
    private static func write(_ groups: [ClaimAdjustmentGroup], to json: inout JSONWriter) {
        json.beginArray()
        for group in groups {
            for adjustment in group.adjustments {
                json.beginObject()
                json.key("group"); json.string(group.groupCode)
                json.key("reason"); json.string(adjustment.reason)
                json.key("amount"); json.string(Money(adjustment.amount).description)
                json.endObject()
            }
        }
        json.endArray()
    }

    private static func writeName(_ name: EntityName, to json: inout JSONWriter) {
        json.key("lastName"); json.string(name.last)
        json.field("firstName", name.first)
        json.field("middleName", name.middle)
    }

    private static func write(_ address: Address, to json: inout JSONWriter) {
        json.beginObject()
        json.key("line1"); json.string(address.line1)
        json.field("line2", address.line2)
        json.key("city"); json.string(address.city)
        json.key("state"); json.string(address.state)
        json.key("zip"); json.string(address.zip)
        json.endObject()
    }

    private static func write(_ provider: ProviderReference, to json: inout JSONWriter) {
        json.beginObject()
        json.key("name"); json.string(NameText.display(provider.name))
        json.key("npi"); json.string(provider.npi)
        json.endObject()
    }
}
