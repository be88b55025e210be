import X12
import X12Remittance

// The per-claim remittance records written directly (see ``JSONWritable``), in their `Codable` key order.

extension Money: JSONWritable {
    /// The exact decimal as a JSON string (`"187.50"`), as its `Codable` form.
    public func write(to json: inout JSONWriter) { json.string(description) }
}

extension RemittanceClaim: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        writeMembers(to: &json)
        json.endObject()
    }

    /// Writes the claim's keys into the object open in `json` (an NDJSON record adds its own in front).
    public func writeMembers(to json: inout JSONWriter) {
        json.field("headerNumber", headerNumber)
        json.key("patientControlNumber"); json.string(patientControlNumber)
        json.key("status"); json.string(status)
        json.field("statusDescription", statusDescription)
        json.key("chargeAmount"); chargeAmount.write(to: &json)
        json.key("paidAmount"); paidAmount.write(to: &json)
        json.field("patientResponsibilityAmount", patientResponsibilityAmount)
        json.key("filingIndicator"); json.string(filingIndicator)
        json.key("payerClaimControlNumber"); json.string(payerClaimControlNumber)
        json.field("facilityTypeCode", facilityTypeCode)
        json.field("frequencyCode", frequencyCode)
        json.field("drgCode", drgCode)
        json.field("patient", patient)
        json.field("insured", insured)
        json.field("correctedName", correctedName)
        json.field("serviceProvider", serviceProvider)
        json.key("otherNames"); json.array(otherNames)
        json.field("adjudication", adjudication)
        json.field("statementStartDate", statementStartDate)
        json.field("statementEndDate", statementEndDate)
        json.field("receivedDate", receivedDate)
        json.field("coverageExpirationDate", coverageExpirationDate)
        json.key("references"); json.array(references)
        json.key("amounts"); json.array(amounts)
        json.key("quantities"); json.array(quantities)
        json.key("adjustments"); json.array(adjustments)
        json.key("lines"); json.array(lines)
        json.key("balance"); json.array(balance)
        json.key("segment"); json.number(segment)
        json.field("submitted", submitted)
        json.field("errors", errors)
    }
}

extension RemittanceServiceLine: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("procedureQualifier"); json.string(procedureQualifier)
        json.key("procedureCode"); json.string(procedureCode)
        json.key("modifiers"); json.array(modifiers)
        json.key("chargeAmount"); chargeAmount.write(to: &json)
        json.key("paidAmount"); paidAmount.write(to: &json)
        json.field("revenueCode", revenueCode)
        json.key("units"); json.string(units)
        json.field("originalProcedureCode", originalProcedureCode)
        json.field("originalModifiers", originalModifiers)
        json.field("originalUnits", originalUnits)
        json.field("serviceDate", serviceDate)
        json.field("serviceStartDate", serviceStartDate)
        json.field("serviceEndDate", serviceEndDate)
        json.field("lineControlNumber", lineControlNumber)
        json.field("allowedAmount", allowedAmount)
        json.key("adjustments"); json.array(adjustments)
        json.key("remarkCodes"); json.array(remarkCodes)
        json.key("references"); json.array(references)
        json.key("amounts"); json.array(amounts)
        json.key("quantities"); json.array(quantities)
        json.key("segment"); json.number(segment)
        json.field("submitted", submitted)
        json.endObject()
    }
}

extension ClaimAdjustment: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("group"); json.string(group)
        json.field("groupDescription", groupDescription)
        json.key("reason"); json.string(reason)
        json.field("reasonDescription", reasonDescription)
        json.key("amount"); amount.write(to: &json)
        json.field("quantity", quantity)
        json.endObject()
    }
}

extension BalanceFinding: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("rule"); json.string(rule.rawValue)
        json.key("expected"); expected.write(to: &json)
        json.key("actual"); actual.write(to: &json)
        json.key("difference"); difference.write(to: &json)
        json.key("segment"); json.number(segment)
        json.key("message"); json.string(message)
        json.endObject()
    }
}

extension RemittanceName: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("entity"); json.string(entity)
        json.field("lastName", lastName)
        json.field("firstName", firstName)
        json.field("middleName", middleName)
        json.field("suffix", suffix)
        json.field("identifierQualifier", identifierQualifier)
        json.field("identifier", identifier)
        json.endObject()
    }
}

extension ClaimAdjudication: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("kind"); json.string(kind)
        json.key("elements"); json.array(elements)
        json.key("remarkCodes"); json.array(remarkCodes)
        json.endObject()
    }
}

extension RemittanceReference: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("qualifier"); json.string(qualifier)
        json.key("value"); json.string(value)
        json.endObject()
    }
}

extension RemittanceAmount: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("qualifier"); json.string(qualifier)
        json.key("amount"); amount.write(to: &json)
        json.endObject()
    }
}

extension RemittanceQuantity: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("qualifier"); json.string(qualifier)
        json.key("quantity"); json.string(quantity)
        json.endObject()
    }
}

extension SubmittedClaimMatch: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("matched"); json.bool(matched)
        json.field("billedAmount", billedAmount)
        json.key("paidAmount"); paidAmount.write(to: &json)
        json.field("unpaidAmount", unpaidAmount)
        json.field("interchangeControlNumber", interchangeControlNumber)
        json.field("transactionSetControlNumber", transactionSetControlNumber)
        json.field("claimSegment", claimSegment)
        json.key("unpaidLineNumbers")
        json.beginArray()
        for number in unpaidLineNumbers { json.number(number) }
        json.endArray()
        json.endObject()
    }
}

extension SubmittedLineMatch: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("matched"); json.bool(matched)
        json.field("matchedBy", matchedBy)
        json.field("lineNumber", lineNumber)
        json.field("billedAmount", billedAmount)
        json.key("paidAmount"); paidAmount.write(to: &json)
        json.endObject()
    }
}

extension RemittanceProblem: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("kind"); json.string(kind.rawValue)
        json.key("message"); json.string(message)
        json.field("segmentIndex", segmentIndex)
        json.field("transactionSegmentIndex", transactionSegmentIndex)
        json.field("segmentId", segmentId)
        json.field("element", element)
        json.field("component", component)
        json.key("byteOffset"); json.number(byteOffset)
        json.key("line"); json.number(line)
        json.field("transactionSetControlNumber", transactionSetControlNumber)
        json.field("segmentText", segmentText)
        json.endObject()
    }
}

extension RemittanceClaimRecord: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        pipe?.writeMembers(to: &json, transactionSet: false)
        json.key("transactionSetControlNumber"); json.string(transactionSetControlNumber)
        json.key("traceNumber"); json.string(traceNumber)
        json.key("paymentDate"); json.string(paymentDate)
        json.key("payerIdentifier"); json.string(payerIdentifier)
        json.key("payerName"); json.string(payerName)
        json.key("payeeName"); json.string(payeeName)
        json.field("payeeIdentifier", payeeIdentifier)
        claim.writeMembers(to: &json)
        json.endObject()
    }
}
